// Integer/float conversions differential against the host's native
// WebAssembly: truncations (trapping and saturating) and correctly rounded
// integer-to-float conversions, including i64 halfway cases that expose
// double rounding.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuntimeError } from '../../src/errors.js';
import * as n from '../../src/numeric/index.js';
import { F32, F64, I32, I64, f32BitsArb, f64BitsArb, i64Arb, nativeOp, orTrap, put, regs, take, wordsOf } from './oracle.js';

const RUNS = { numRuns: 5000 };

/** Runs ours, mapping a RuntimeError to "trap" after checking its message against the input. */
function ourTrap<T>(isNaNInput: boolean, f: () => T): T | 'trap' | 'wrong message' {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    const expected = isNaNInput ? 'invalid conversion to integer' : 'integer overflow';
    return e.message === expected ? 'trap' : 'wrong message';
  }
}

const f32Value = (bits: number): number => n.f32FromBits(bits);
const f64Value = (bits: bigint): number => n.f64FromBits(...wordsOf(bits));

describe('truncation to i32 vs native', () => {
  const cases: [string, number[], boolean, (x: number) => number][] = [
    ['i32.trunc_f32_s', [0xa8], true, n.i32_trunc_f32_s],
    ['i32.trunc_f32_u', [0xa9], true, n.i32_trunc_f32_u],
    ['i32.trunc_f64_s', [0xaa], false, n.i32_trunc_f64_s],
    ['i32.trunc_f64_u', [0xab], false, n.i32_trunc_f64_u],
    ['i32.trunc_sat_f32_s', [0xfc, 0], true, n.i32_trunc_sat_f32_s],
    ['i32.trunc_sat_f32_u', [0xfc, 1], true, n.i32_trunc_sat_f32_u],
    ['i32.trunc_sat_f64_s', [0xfc, 2], false, n.i32_trunc_sat_f64_s],
    ['i32.trunc_sat_f64_u', [0xfc, 3], false, n.i32_trunc_sat_f64_u],
  ];
  for (const [name, opcode, fromF32, op] of cases) {
    it(name, () => {
      const native = nativeOp(opcode, [fromF32 ? F32 : F64], I32);
      if (fromF32) {
        fc.assert(
          fc.property(f32BitsArb, (b) => {
            const x = f32Value(b);
            return ourTrap(x !== x, () => op(x)) === orTrap(() => native(b));
          }),
          RUNS,
        );
      } else {
        fc.assert(
          fc.property(f64BitsArb, (b) => {
            const x = f64Value(b);
            return ourTrap(x !== x, () => op(x)) === orTrap(() => native(b));
          }),
          RUNS,
        );
      }
    });
  }
});

describe('truncation to i64 vs native', () => {
  type Op = (r: Int32Array, d: number, x: number) => void;
  const cases: [string, number[], boolean, Op][] = [
    ['i64.trunc_f32_s', [0xae], true, n.i64_trunc_f32_s],
    ['i64.trunc_f32_u', [0xaf], true, n.i64_trunc_f32_u],
    ['i64.trunc_f64_s', [0xb0], false, n.i64_trunc_f64_s],
    ['i64.trunc_f64_u', [0xb1], false, n.i64_trunc_f64_u],
    ['i64.trunc_sat_f32_s', [0xfc, 4], true, n.i64_trunc_sat_f32_s],
    ['i64.trunc_sat_f32_u', [0xfc, 5], true, n.i64_trunc_sat_f32_u],
    ['i64.trunc_sat_f64_s', [0xfc, 6], false, n.i64_trunc_sat_f64_s],
    ['i64.trunc_sat_f64_u', [0xfc, 7], false, n.i64_trunc_sat_f64_u],
  ];
  for (const [name, opcode, fromF32, op] of cases) {
    it(name, () => {
      const native = nativeOp(opcode, [fromF32 ? F32 : F64], I64);
      const check = (bits: number | bigint, x: number): boolean => {
        const ours = ourTrap(x !== x, () => {
          op(regs, 2, x);
          return take(1);
        });
        return ours === orTrap(() => native(bits));
      };
      if (fromF32) fc.assert(fc.property(f32BitsArb, (b) => check(b, f32Value(b))), RUNS);
      else fc.assert(fc.property(f64BitsArb, (b) => check(b, f64Value(b))), RUNS);
    });
  }
});

/**
 * i64 values at or near rounding boundaries of f32 and f64: a significand m
 * of p + 1 or p + 2 bits shifted left, plus a small offset. With the last
 * bit of m set and no offset, the value is exactly halfway between floats.
 */
const nearHalfwayArb: fc.Arbitrary<bigint> = fc
  .tuple(
    fc.constantFrom(25, 26, 54, 55),
    fc.bigInt({ min: 0n, max: 2n ** 55n - 1n }),
    fc.integer({ min: 0, max: 40 }),
    fc.constantFrom(-2n, -1n, 0n, 0n, 0n, 1n, 2n),
    fc.boolean(),
  )
  .map(([bits, m, shift, delta, neg]) => {
    const top = 1n << BigInt(bits - 1);
    const v = ((m % top) | top | 1n) << BigInt(Math.max(0, Math.min(shift, 64 - bits)));
    return BigInt.asIntN(64, (neg ? -v : v) + delta);
  });

describe('integer to float conversions vs native', () => {
  it('f32.convert_i32_s/u and f64.convert_i32_s/u', () => {
    const f32s = nativeOp([0xb2], [I32], F32);
    const f32u = nativeOp([0xb3], [I32], F32);
    const f64s = nativeOp([0xb7], [I32], F64);
    const f64u = nativeOp([0xb8], [I32], F64);
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -0x80000000, max: 0x7fffffff }), fc.constantFrom(0x1000001, 0x7fffffc0, -0x7fffffc0, 16777217, -1)), (x) =>
        n.f32Bits(n.f32_convert_i32_s(x)) === f32s(x) &&
        n.f32Bits(n.f32_convert_i32_u(x)) === f32u(x) &&
        BigInt(n.f64BitsHi(n.f64_convert_i32_s(x))) * 2n ** 32n + BigInt(n.f64BitsLo(n.f64_convert_i32_s(x)) >>> 0) === f64s(x) &&
        BigInt(n.f64BitsHi(n.f64_convert_i32_u(x))) * 2n ** 32n + BigInt(n.f64BitsLo(n.f64_convert_i32_u(x)) >>> 0) === f64u(x),
      ),
      RUNS,
    );
  });

  const cases: [string, number, number, (lo: number, hi: number) => number][] = [
    ['f32.convert_i64_s', 0xb4, F32, n.f32_convert_i64_s],
    ['f32.convert_i64_u', 0xb5, F32, n.f32_convert_i64_u],
    ['f64.convert_i64_s', 0xb9, F64, n.f64_convert_i64_s],
    ['f64.convert_i64_u', 0xba, F64, n.f64_convert_i64_u],
  ];
  for (const [name, opcode, to, op] of cases) {
    it(`${name} (rounded once, including halfway cases)`, () => {
      const native = nativeOp([opcode], [I64], to);
      fc.assert(
        fc.property(fc.oneof(i64Arb, nearHalfwayArb), (v) => {
          put(0, v);
          const x = op(regs[0], regs[1]);
          if (to === F32) return n.f32Bits(x) === native(v);
          return BigInt(n.f64BitsHi(x)) * 2n ** 32n + BigInt(n.f64BitsLo(x) >>> 0) === native(v);
        }),
        { numRuns: 20000 },
      );
    });
  }

  it('does not double-round: 2^60 + 2^36 + 1 goes up to the next f32', () => {
    // Exactly 2^60 + 2^36 is halfway between two f32 values (ties to even: down);
    // the +1 makes it round up. Rounding via f64 would lose the +1 first.
    const v = 2n ** 60n + 2n ** 36n + 1n;
    put(0, v);
    expect(n.f32_convert_i64_u(regs[0], regs[1])).toBe(Math.fround(2 ** 60 + 2 ** 37));
    expect(n.f32_convert_i64_s(regs[0], regs[1])).toBe(Math.fround(2 ** 60 + 2 ** 37));
    put(0, -v);
    expect(n.f32_convert_i64_s(regs[0], regs[1])).toBe(-Math.fround(2 ** 60 + 2 ** 37));
  });
});

describe('trap messages', () => {
  it('NaN is an invalid conversion, out of range is an overflow', () => {
    expect(() => n.i32_trunc_f32_s(NaN)).toThrow(new RuntimeError('invalid conversion to integer'));
    expect(() => n.i64_trunc_f64_u(regs, 0, NaN)).toThrow(new RuntimeError('invalid conversion to integer'));
    expect(() => n.i32_trunc_f64_s(2147483648)).toThrow(new RuntimeError('integer overflow'));
    expect(() => n.i32_trunc_f64_u(-1)).toThrow(new RuntimeError('integer overflow'));
    expect(() => n.i64_trunc_f64_s(regs, 0, 9223372036854775808)).toThrow(new RuntimeError('integer overflow'));
    expect(n.i32_trunc_f64_s(-2147483648.9)).toBe(-2147483648);
    expect(n.i32_trunc_f64_u(-0.9)).toBe(0);
  });
});
