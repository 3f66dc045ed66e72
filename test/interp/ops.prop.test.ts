/**
 * Property tests: every numeric instruction of WebAssembly 2.0 (MVP,
 * sign extension, saturating truncation) run by the interpreter gives the
 * same bits, or the same trap/no-trap outcome, as Node's native WebAssembly.
 * Floats cross the boundary as bit patterns (each test function reinterprets
 * its integer parameters and result), so NaN payloads are compared exactly,
 * except that where native gives a NaN any NaN is accepted (the spec lets
 * the payload of a NaN computed from NaN inputs vary).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OPCODES, Imm } from '../../src/ast/opcodes.js';
import { parseWat } from '../../src/text/index.js';
import { decode } from '../../src/decoder/index.js';
import { instantiate, invoke, type FuncInst } from '../../src/interp/index.js';

const FEATURES = new Set(['mvp', 'sign-extension', 'saturating-float-to-int']);
const BITS: Record<string, string> = { i32: 'i32', i64: 'i64', f32: 'i32', f64: 'i64' };

interface OpCase { name: string; ins: string[]; out: string }
const cases: OpCase[] = [];
for (const [mn, , , imm, feature, type] of OPCODES) {
  if (imm !== Imm.None || type === null || !FEATURES.has(feature) || type.includes('a')) continue;
  const [ins, outs] = type.split('->').map((s) => s.trim().split(/\s+/).filter(Boolean));
  if (outs!.length !== 1) continue;
  cases.push({ name: mn, ins: ins!, out: outs![0]! });
}

function fn(c: OpCase, i: number): string {
  const params = c.ins.map((t) => `(param ${BITS[t]})`).join(' ');
  const args = c.ins.map((t, k) => (t[0] === 'f' ? `(${t}.reinterpret_${BITS[t]} (local.get ${k}))` : `(local.get ${k})`)).join(' ');
  let body = `(${c.name} ${args})`;
  if (c.out[0] === 'f') body = `(${BITS[c.out]}.reinterpret_${c.out} ${body})`;
  return `(func (export "f${i}") ${params} (result ${BITS[c.out]}) ${body})`;
}
const bytes = parseWat(`(module ${cases.map(fn).join('\n')})`);
const native = new WebAssembly.Instance(new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>), {}).exports as Record<string, (...a: unknown[]) => unknown>;
const ours = instantiate(decode(bytes), {}).exports;

/** Interesting bit patterns plus random ones. */
const i32Arb = fc.oneof(fc.integer({ min: -0x80000000, max: 0x7fffffff }),
  fc.constantFrom(0, 1, -1, 0x7fffffff, -0x80000000, 0x7f800000, 0x7fc00000, 0x7fa00001, 0xff800000 | 0, 0x4b800000, 0x80000000 | 0, 0x4f000000, 0xcf000000 | 0));
const i64Arb = fc.oneof(fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }),
  fc.constantFrom(0n, 1n, -1n, (1n << 63n) - 1n, -(1n << 63n), 0x7ff0000000000000n, 0x7ff8000000000000n, 0x7ff4000000000001n,
    0x43e0000000000000n, -0x3c20000000000000n, 0x41e0000000000000n, 0x3ff0000000000000n, 0x4330000000000000n));

function isNaNBits(t: string, v: unknown): boolean {
  if (t === 'f32') return ((v as number) & 0x7fffffff) > 0x7f800000;
  if (t === 'f64') return (BigInt.asUintN(64, v as bigint) & 0x7fffffffffffffffn) > 0x7ff0000000000000n;
  return false;
}

function outcome(f: () => unknown): { trap: boolean; value?: unknown } {
  try {
    return { trap: false, value: f() };
  } catch {
    return { trap: true };
  }
}

describe('numeric instructions agree with native WebAssembly', () => {
  cases.forEach((c, i) => {
    it(c.name, () => {
      const arbs = c.ins.map((t) => (BITS[t] === 'i32' ? i32Arb : i64Arb));
      fc.assert(fc.property(fc.tuple(...arbs), (args) => {
        const n = outcome(() => native[`f${i}`]!(...args));
        const o = outcome(() => invoke(ours[`f${i}`] as FuncInst, args)[0]);
        expect(o.trap).toBe(n.trap);
        if (n.trap) return;
        // Ours returns f32 bits as a uint32 through an i32 result: compare as int32.
        const got = BITS[c.out] === 'i32' ? (o.value as number) | 0 : o.value;
        if (isNaNBits(c.out, n.value)) expect(isNaNBits(c.out, got)).toBe(true);
        else expect(got).toBe(n.value);
      }), { numRuns: 300 });
    });
  });
});

/** The same for i32/i64 binary operations with a constant operand (the translator's `_imm` forms and folding). */
describe('integer instructions with constant operands agree with native WebAssembly', () => {
  const CONSTS = ['0', '1', '-1', '5', '31', '32', '63', '-2147483648', '2147483647'];
  const bin = cases.filter((c) => c.ins.length === 2 && c.ins[0] === c.ins[1] && c.ins[0]![0] === 'i');
  const fns: string[] = [];
  bin.forEach((c, i) => CONSTS.forEach((k, j) => {
    const t = c.ins[0]!;
    fns.push(`(func (export "r${i}_${j}") (param ${t}) (result ${c.out}) (${c.name} (local.get 0) (${t}.const ${k})))`);
    fns.push(`(func (export "l${i}_${j}") (param ${t}) (result ${c.out}) (${c.name} (${t}.const ${k}) (local.get 0)))`);
    fns.push(`(func (export "c${i}_${j}") (result ${c.out}) (${c.name} (${t}.const ${k}) (${t}.const ${CONSTS[(j + 3) % CONSTS.length]})))`);
  }));
  const b = parseWat(`(module ${fns.join('\n')})`);
  const nat = new WebAssembly.Instance(new WebAssembly.Module(b as Uint8Array<ArrayBuffer>), {}).exports as Record<string, (...a: unknown[]) => unknown>;
  const our = instantiate(decode(b), {}).exports;
  bin.forEach((c, i) => {
    it(c.name, () => {
      const arb = c.ins[0] === 'i32' ? i32Arb : i64Arb;
      fc.assert(fc.property(arb, fc.integer({ min: 0, max: CONSTS.length - 1 }), fc.constantFrom('r', 'l', 'c'), (x, j, side) => {
        const name = `${side}${i}_${j}`;
        const args = side === 'c' ? [] : [x];
        const n = outcome(() => nat[name]!(...args));
        const o = outcome(() => invoke(our[name] as FuncInst, args)[0]);
        expect(o.trap).toBe(n.trap);
        if (!n.trap) expect(o.value).toBe(n.value);
      }), { numRuns: 200 });
    });
  });
});
