/**
 * The two tiers agree bit for bit: random well-typed programs over i32, i64,
 * f32 and f64 (locals, lazy operands and their writes, blocks and ifs with
 * results, loops, br_if/br_table, select, loads and stores of every width,
 * globals, calls with several results, NaN payloads, traps) run in the
 * interpreter and in the compile-to-JS tier; their results (as bits), trap
 * messages, memory bytes and globals must be identical. TIERS_RUNS sets the
 * number of programs (default 300).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseWat } from '../../src/text/index.js';
import { decode } from '../../src/decoder/index.js';
import { validateModule } from '../../src/validator/index.js';
import { GlobalInst, instantiate, invoke, readGlobal, type FuncInst, type Instance } from '../../src/interp/index.js';
import { jsTier } from '../../src/jstier/index.js';

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

type T = 'i32' | 'i64' | 'f32' | 'f64';
const TYPES: T[] = ['i32', 'i64', 'f32', 'f64'];
const CONSTS: Record<T, string[]> = {
  i32: ['0', '1', '-1', '7', '31', '32', '255', '65535', '0x7fffffff', '-0x80000000', '4096', '-8'],
  i64: ['0', '1', '-1', '63', '64', '0xffffffff', '0x100000000', '0x7fffffffffffffff', '-0x8000000000000000', '-7'],
  f32: ['0', '-0', '1.5', '-2.5', '0.5', 'inf', '-inf', 'nan', 'nan:0x200000', '-nan:0x1', '3.4e38', '1e-45', '16777217'],
  f64: ['0', '-0', '1.5', '-2.5', '0.5', 'inf', '-inf', 'nan', 'nan:0x4000000000000', '-nan:0x1', '1.7e308', '5e-324', '9007199254740993'],
};
const BIN: Record<T, string[]> = {
  i32: ['add', 'sub', 'mul', 'and', 'or', 'xor', 'shl', 'shr_s', 'shr_u', 'rotl', 'rotr'],
  i64: ['add', 'sub', 'mul', 'and', 'or', 'xor', 'shl', 'shr_s', 'shr_u', 'rotl', 'rotr'],
  f32: ['add', 'sub', 'mul', 'div', 'min', 'max', 'copysign'],
  f64: ['add', 'sub', 'mul', 'div', 'min', 'max', 'copysign'],
};
const UN: Record<T, string[]> = {
  i32: ['clz', 'ctz', 'popcnt', 'eqz', 'extend8_s', 'extend16_s'],
  i64: ['clz', 'ctz', 'popcnt', 'extend8_s', 'extend16_s', 'extend32_s'],
  f32: ['abs', 'neg', 'ceil', 'floor', 'trunc', 'nearest', 'sqrt'],
  f64: ['abs', 'neg', 'ceil', 'floor', 'trunc', 'nearest', 'sqrt'],
};
const CMP: Record<T, string[]> = {
  i32: ['eq', 'ne', 'lt_s', 'lt_u', 'gt_s', 'gt_u', 'le_s', 'le_u', 'ge_s', 'ge_u'],
  i64: ['eq', 'ne', 'lt_s', 'lt_u', 'gt_s', 'gt_u', 'le_s', 'le_u', 'ge_s', 'ge_u'],
  f32: ['eq', 'ne', 'lt', 'gt', 'le', 'ge'],
  f64: ['eq', 'ne', 'lt', 'gt', 'le', 'ge'],
};
/** Conversions into each type: [source type, instruction]. */
const CONV: Record<T, [T, string][]> = {
  i32: [['i64', 'i32.wrap_i64'], ['f32', 'i32.reinterpret_f32'], ['f64', 'i32.trunc_sat_f64_s'], ['f32', 'i32.trunc_sat_f32_u'],
    ['f64', 'i32.trunc_sat_f64_u']],
  i64: [['i32', 'i64.extend_i32_s'], ['i32', 'i64.extend_i32_u'], ['f64', 'i64.reinterpret_f64'], ['f64', 'i64.trunc_sat_f64_u'],
    ['f32', 'i64.trunc_sat_f32_s']],
  f32: [['i32', 'f32.convert_i32_s'], ['i32', 'f32.convert_i32_u'], ['i64', 'f32.convert_i64_u'], ['f64', 'f32.demote_f64'],
    ['i32', 'f32.reinterpret_i32']],
  f64: [['i32', 'f64.convert_i32_u'], ['i64', 'f64.convert_i64_s'], ['f32', 'f64.promote_f32'], ['i64', 'f64.reinterpret_i64']],
};
const LOADS: Record<T, string[]> = {
  i32: ['i32.load', 'i32.load8_s', 'i32.load8_u', 'i32.load16_s', 'i32.load16_u'],
  i64: ['i64.load', 'i64.load8_s', 'i64.load16_u', 'i64.load32_s', 'i64.load32_u'],
  f32: ['f32.load'], f64: ['f64.load'],
};
const STORES: Record<T, string[]> = {
  i32: ['i32.store', 'i32.store8', 'i32.store16'], i64: ['i64.store', 'i64.store8', 'i64.store16', 'i64.store32'],
  f32: ['f32.store'], f64: ['f64.store'],
};

/** Locals: params 0..3 and locals 4..7 are i32 i64 f32 f64; locals 8 and 9 are loop counters. */
const local = (t: T, k: number): number => TYPES.indexOf(t) + 4 * k;

function program(seed: number): string {
  const r = rng(seed);
  const pick = <X>(xs: readonly X[]): X => xs[r(xs.length)]!;
  let loops = 0;
  const addr = (d: number): string => (r(20) === 0 ? expr('i32', d) : `(i32.and ${expr('i32', d)} (i32.const 0x3ff))`);
  const expr = (t: T, d: number): string => {
    const k = r(d > 3 ? 3 : 15);
    switch (k) {
      case 0: return `(${t}.const ${pick(CONSTS[t])})`;
      case 1: case 2: return `(local.get ${local(t, r(2))})`;
      case 3: return `(${t}.${pick(BIN[t])} ${expr(t, d + 1)} ${expr(t, d + 1)})`;
      case 4: {
        if (t === 'i32') {
          const s = pick(TYPES);
          return `(${s}.${pick(CMP[s])} ${expr(s, d + 1)} ${expr(s, d + 1)})`;
        }
        return `(${t}.${pick(UN[t])} ${expr(t, d + 1)})`;
      }
      case 5: {
        if (r(8) === 0 && (t === 'i32' || t === 'i64')) {
          const src = pick(['f32', 'f64'] as const);
          return `(${t}.trunc_${src}_${pick(['s', 'u'])} ${expr(src, d + 1)})`;
        }
        const [s, op] = pick(CONV[t]);
        return `(${op} ${expr(s, d + 1)})`;
      }
      case 6: return `(${pick(LOADS[t])} offset=${pick([0, 3, 8])} ${addr(d + 1)})`;
      case 7: return `(select ${expr(t, d + 1)} ${expr(t, d + 1)} ${expr('i32', d + 1)})`;
      case 8: return `(local.tee ${local(t, r(2))} ${expr(t, d + 1)})`;
      case 9: return `(block (result ${t}) ${stmt(d + 1)} (br_if 0 ${expr(t, d + 1)} ${expr('i32', d + 1)}) (drop) ${expr(t, d + 1)})`;
      case 10: return `(if (result ${t}) ${expr('i32', d + 1)} (then ${stmt(d + 1)} ${expr(t, d + 1)}) (else ${expr(t, d + 1)}))`;
      case 11: return `(global.get $g${t})`;
      case 12: return `(block (result ${t}) (call $two ${expr('i64', d + 1)} ${expr('f64', d + 1)}) (drop) (drop) ${expr(t, d + 1)})`;
      case 13: {
        // Division: usually by a non-zero divisor; sometimes it may trap.
        if (t !== 'i32' && t !== 'i64') return `(${t}.${pick(UN[t])} ${expr(t, d + 1)})`;
        const divisor = r(6) === 0 ? expr(t, d + 1) : `(${t}.or ${expr(t, d + 1)} (${t}.const 1))`;
        return `(${t}.${pick(['div_s', 'div_u', 'rem_s', 'rem_u'])} ${expr(t, d + 1)} ${divisor})`;
      }
      default: return `(${t}.${pick(UN[t])} ${expr(t, d + 1)})`;
    }
  };
  const stmt = (d: number): string => {
    const k = r(d > 2 ? 4 : 9);
    const t = pick(TYPES);
    switch (k) {
      case 0: case 1: return `(local.set ${local(t, r(2))} ${expr(t, d)})`;
      case 2: return `(${pick(STORES[t])} offset=${pick([0, 4])} ${addr(d)} ${expr(t, d)})`;
      case 3: return `(global.set $g${t} ${expr(t, d)})`;
      case 4: return `(if ${expr('i32', d)} (then ${stmt(d + 1)}) (else ${stmt(d + 1)} ${stmt(d + 1)}))`;
      case 5: return `(block ${stmt(d + 1)} (br_if 0 ${expr('i32', d)}) ${stmt(d + 1)})`;
      case 6: return `(block (block (block (br_table 0 1 2 ${pick(['0', '2', '1 0'])} ${expr('i32', d)})) ${stmt(d + 1)}) ${stmt(d + 1)})`;
      case 7: return `(call $side ${addr(d)} ${expr('i32', d)})`;
      default: {
        if (loops >= 2) return `(local.set ${local(t, 0)} ${expr(t, d)})`;
        const c = 8 + loops++;
        const body = [stmt(d + 1), stmt(d + 1)].join(' ');
        loops--;
        return `(local.set ${c} (i32.const ${1 + r(5)})) (block (loop ${body} `
          + `(br_if 1 (i32.eqz (local.tee ${c} (i32.sub (local.get ${c}) (i32.const 1))))) (br 0)))`;
      }
    }
  };
  const body: string[] = [];
  for (let i = 0, n = 3 + r(6); i < n; i++) body.push(stmt(0));
  return `(module (memory 1)
    (global $gi32 (mut i32) (i32.const 5)) (global $gi64 (mut i64) (i64.const -3))
    (global $gf32 (mut f32) (f32.const nan:0x11)) (global $gf64 (mut f64) (f64.const -0.25))
    (func $two (param i64 f64) (result f64 i64) (local.get 1) (i64.mul (local.get 0) (i64.const 3)))
    (func $side (param i32 i32) (i32.store16 offset=1 (local.get 0) (local.get 1)))
    (func (export "f") (param i32 i64 f32 f64) (result i32 i64 f32 f64)
      (local i32 i64 f32 f64 i32 i32)
      ${body.join('\n      ')}
      (local.get 0) (local.get 1) (local.get 2) (local.get 3)))`;
}

function run(wat: string, jit: boolean, args: unknown[]): unknown {
  const m = decode(parseWat(wat));
  validateModule(m);
  let inst: Instance;
  try {
    inst = instantiate(m, {}, { jit: jit ? jsTier : null, maxCallDepth: 1000 });
  } catch (e) {
    return `instantiate: ${(e as Error).message}`;
  }
  let out: unknown;
  try {
    out = invoke(inst.exports.f as FuncInst, args);
  } catch (e) {
    out = `${(e as Error).constructor.name}: ${(e as Error).message}`;
  }
  const globals = inst.globals.map((g: GlobalInst) => readGlobal(g));
  return { out, globals, memory: Array.from(inst.memories[0]!.u8.subarray(0, 1100)) };
}

describe('random programs give identical results in both tiers', () => {
  it('results, traps, memory and globals, bit for bit', () => {
    fc.assert(fc.property(fc.integer(), fc.integer(), fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }),
      fc.integer({ min: 0, max: 0xffffffff }), fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (seed, a, b, c, d) => {
        const wat = program(seed);
        const args = [a | 0, b, c >>> 0, d];
        expect(run(wat, true, args)).toEqual(run(wat, false, args));
      }), { numRuns: Number(process.env.TIERS_RUNS ?? 300) });
  }, 3_600_000);
});
