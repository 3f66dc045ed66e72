/**
 * Differential fuzzing of the translator's rewrites (lazy locals and
 * constants, retargeted destinations, fused compare-and-branch, loop-counter
 * and address fusions): random structured i32 programs with locals, blocks,
 * bounded loops, branches, loads and stores give the same result, or the
 * same trap/no-trap outcome, as Node's native WebAssembly.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseWat } from '../../src/text/index.js';
import { decode } from '../../src/decoder/index.js';
import { instantiate, invoke, type FuncInst } from '../../src/interp/index.js';

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

const LOCALS = 4;
const BIN = ['add', 'sub', 'mul', 'and', 'or', 'xor', 'shl', 'shr_u', 'shr_s', 'lt_s', 'lt_u', 'gt_u', 'le_s', 'eq', 'ne', 'rotl'];
const CONSTS = [0, 1, -1, 2, 7, 8, 16, 255, 4096, 65528, 65535, 65536, -8, 0x7fffffff];

function program(seed: number): string {
  const r = rng(seed);
  let loopDepth = 0;
  const expr = (d: number): string => {
    const k = r(d > 3 ? 3 : 9);
    switch (k) {
      case 0: return `(local.get ${r(LOCALS)})`;
      case 1: return `(i32.const ${CONSTS[r(CONSTS.length)]})`;
      case 2: return `(local.get ${r(2) + LOCALS})`; // loop counters, read-only here
      case 3: case 4: return `(i32.${BIN[r(BIN.length)]} ${expr(d + 1)} ${expr(d + 1)})`;
      case 5: return `(i32.load${['', '8_u', '16_s'][r(3)]} offset=${[0, 4, 8, 12][r(4)]} ${addr(d + 1)})`;
      case 6: return `(select ${expr(d + 1)} ${expr(d + 1)} ${expr(d + 1)})`;
      case 7: return `(local.tee ${r(LOCALS)} ${expr(d + 1)})`;
      default: return `(i32.eqz ${expr(d + 1)})`;
    }
  };
  // Addresses: usually in bounds, sometimes not (both engines must then trap).
  const addr = (d: number): string => (r(24) === 0 ? expr(d) : `(i32.add (i32.and ${expr(d)} (i32.const 0x7ff0)) (i32.const ${r(16)}))`);
  const stmts = (d: number, n: number): string => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(stmt(d));
    return out.join(' ');
  };
  const stmt = (d: number): string => {
    const k = r(d > 2 ? 3 : 7);
    switch (k) {
      case 0: case 1: return `(local.set ${r(LOCALS)} ${expr(0)})`;
      case 2: return `(i32.store${['', '8', '16'][r(3)]} offset=${[0, 4][r(2)]} ${addr(0)} ${expr(0)})`;
      case 3: return `(if ${expr(0)} (then ${stmts(d + 1, 1 + r(3))}) (else ${stmts(d + 1, r(3))}))`;
      case 4: return `(block $b${d} ${stmts(d + 1, 1 + r(2))} (br_if $b${d} ${expr(0)}) ${stmts(d + 1, 1 + r(2))})`;
      default: {
        if (loopDepth >= 2) return `(local.set ${r(LOCALS)} ${expr(0)})`;
        const c = LOCALS + loopDepth++;
        const body = stmts(d + 1, 1 + r(3));
        loopDepth--;
        return `(local.set ${c} (i32.const ${1 + r(6)})) (block $x${d} (loop $l${d} ${body} `
          + `(br_if $x${d} (i32.eqz (local.tee ${c} (i32.sub (local.get ${c}) (i32.const 1))))) (br $l${d})))`;
      }
    }
  };
  const body = stmts(0, 3 + r(6));
  return `(module (memory 1)
    (func (export "f") (param i32 i32) (result i32) (local i32 i32 i32 i32)
      ${body}
      (i32.xor (i32.xor (local.get 0) (local.get 1)) (i32.add (local.get 2) (i32.load (i32.const 64))))))`;
}

function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    return e instanceof Error && /RuntimeError/.test(e.constructor.name + e.name) ? 'trap' : e;
  }
}

describe('random structured programs agree with native WebAssembly', () => {
  it('on results and traps', () => {
    fc.assert(fc.property(fc.integer(), fc.integer(), fc.integer(), (seed, x, y) => {
      const bytes = parseWat(program(seed));
      const native = new WebAssembly.Instance(new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>), {}).exports.f as
        (a: number, b: number) => number;
      const ours = instantiate(decode(bytes), {}).exports.f as FuncInst;
      expect(outcome(() => invoke(ours, [x | 0, y | 0])[0])).toBe(outcome(() => native(x | 0, y | 0)));
    }), { numRuns: 400 });
  });
});
