// Properties of the int32-pair i64 operations against BigInt reference
// semantics (the spec's definitions written with arbitrary-precision
// integers), over edge-heavy generators; plus a long deterministic stress of
// the division routine.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuntimeError } from '../../src/errors.js';
import * as n from '../../src/numeric/index.js';
import { i64Arb, put, regs, take } from './oracle.js';

const U64 = (v: bigint): bigint => BigInt.asUintN(64, v);
const S64 = (v: bigint): bigint => BigInt.asIntN(64, v);
const MIN = -(2n ** 63n);

/** Message of the RuntimeError thrown by f, or null if it returns. */
function trapOf(f: () => void): string | null {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof RuntimeError) return e.message;
    throw e;
  }
}

type Binary = (r: Int32Array, d: number, a: number, b: number) => void;
/** Reference: result, or a trap message. */
type Ref = (a: bigint, b: bigint) => bigint | string;

const DIV0 = 'integer divide by zero';
const OVERFLOW = 'integer overflow';

const binaries: [string, Binary, Ref][] = [
  ['add', n.i64_add, (a, b) => S64(a + b)],
  ['sub', n.i64_sub, (a, b) => S64(a - b)],
  ['mul', n.i64_mul, (a, b) => S64(a * b)],
  ['div_s', n.i64_div_s, (a, b) => (b === 0n ? DIV0 : a === MIN && b === -1n ? OVERFLOW : S64(a / b))],
  ['div_u', n.i64_div_u, (a, b) => (b === 0n ? DIV0 : S64(U64(a) / U64(b)))],
  ['rem_s', n.i64_rem_s, (a, b) => (b === 0n ? DIV0 : S64(a % b))],
  ['rem_u', n.i64_rem_u, (a, b) => (b === 0n ? DIV0 : S64(U64(a) % U64(b)))],
  ['and', n.i64_and, (a, b) => a & b],
  ['or', n.i64_or, (a, b) => a | b],
  ['xor', n.i64_xor, (a, b) => a ^ b],
  ['shl', n.i64_shl, (a, b) => S64(a << (b & 63n))],
  ['shr_s', n.i64_shr_s, (a, b) => a >> (b & 63n)],
  ['shr_u', n.i64_shr_u, (a, b) => S64(U64(a) >> (b & 63n))],
  ['rotl', n.i64_rotl, (a, b) => S64((U64(a) << (b & 63n)) | (U64(a) >> ((64n - (b & 63n)) & 63n)))],
  ['rotr', n.i64_rotr, (a, b) => S64((U64(a) >> (b & 63n)) | (U64(a) << ((64n - (b & 63n)) & 63n)))],
];

const RUNS = { numRuns: 4000 };

describe('i64 binary operations match BigInt semantics', () => {
  for (const [name, op, ref] of binaries) {
    it(name, () => {
      fc.assert(
        fc.property(i64Arb, i64Arb, fc.constantFrom(0, 1, 2), (a, b, dst) => {
          const ia = put(0, a);
          const ib = put(1, b);
          const expected = ref(a, b);
          const trap = trapOf(() => op(regs, 2 * dst, ia, ib));
          if (typeof expected === 'string') return trap === expected;
          return trap === null && take(dst) === expected;
        }),
        RUNS,
      );
    });
  }
  it('shift counts use only the low 6 bits of the count operand', () => {
    put(0, 1n);
    put(1, 0x1234567800000041n); // count 65 → 1
    n.i64_shl(regs, 4, 0, 2);
    expect(take(2)).toBe(2n);
  });
});

type Unary = (r: Int32Array, d: number, a: number) => void;
const bitsOf = (a: bigint): string => U64(a).toString(2).padStart(64, '0');
const unaries: [string, Unary, (a: bigint) => bigint][] = [
  ['clz', n.i64_clz, (a) => BigInt(bitsOf(a).indexOf('1') < 0 ? 64 : bitsOf(a).indexOf('1'))],
  ['ctz', n.i64_ctz, (a) => BigInt(a === 0n ? 64 : 63 - bitsOf(a).lastIndexOf('1'))],
  ['popcnt', n.i64_popcnt, (a) => BigInt(bitsOf(a).split('').filter((c) => c === '1').length)],
  ['extend8_s', n.i64_extend8_s, (a) => BigInt.asIntN(8, a)],
  ['extend16_s', n.i64_extend16_s, (a) => BigInt.asIntN(16, a)],
  ['extend32_s', n.i64_extend32_s, (a) => BigInt.asIntN(32, a)],
];

describe('i64 unary operations match BigInt semantics', () => {
  for (const [name, op, ref] of unaries) {
    it(name, () => {
      fc.assert(
        fc.property(i64Arb, fc.constantFrom(0, 1), (a, dst) => {
          const ia = put(0, a);
          op(regs, 2 * dst, ia);
          return take(dst) === ref(a);
        }),
        RUNS,
      );
    });
  }
});

type Compare = (r: Int32Array, a: number, b: number) => number;
const compares: [string, Compare, (a: bigint, b: bigint) => boolean][] = [
  ['eq', n.i64_eq, (a, b) => a === b],
  ['ne', n.i64_ne, (a, b) => a !== b],
  ['lt_s', n.i64_lt_s, (a, b) => a < b],
  ['lt_u', n.i64_lt_u, (a, b) => U64(a) < U64(b)],
  ['gt_s', n.i64_gt_s, (a, b) => a > b],
  ['gt_u', n.i64_gt_u, (a, b) => U64(a) > U64(b)],
  ['le_s', n.i64_le_s, (a, b) => a <= b],
  ['le_u', n.i64_le_u, (a, b) => U64(a) <= U64(b)],
  ['ge_s', n.i64_ge_s, (a, b) => a >= b],
  ['ge_u', n.i64_ge_u, (a, b) => U64(a) >= U64(b)],
];

describe('i64 comparisons match BigInt semantics', () => {
  for (const [name, op, ref] of compares) {
    it(name, () => {
      fc.assert(
        fc.property(i64Arb, fc.oneof(i64Arb, fc.constant(null)), (a, bOrSame) => {
          const b = bOrSame ?? a; // equal operands are a case of their own
          return op(regs, put(0, a), put(1, b)) === (ref(a, b) ? 1 : 0);
        }),
        RUNS,
      );
    });
  }
  it('eqz', () => {
    fc.assert(fc.property(i64Arb, (a) => n.i64_eqz(regs, put(0, a)) === (a === 0n ? 1 : 0)), RUNS);
  });
});

describe('conversions between i32 and i64', () => {
  it('extend_i32_s / extend_i32_u / wrap_i64', () => {
    fc.assert(
      fc.property(fc.integer({ min: -0x80000000, max: 0x7fffffff }), i64Arb, (x, a) => {
        n.i64_extend_i32_s(regs, 0, x);
        const s = take(0);
        n.i64_extend_i32_u(regs, 0, x);
        const u = take(0);
        return s === BigInt(x) && u === BigInt(x >>> 0) && n.i32_wrap_i64(regs, put(1, a)) === Number(BigInt.asIntN(32, a));
      }),
      RUNS,
    );
  });
});

describe('wide arithmetic (128-bit results)', () => {
  const U128 = (v: bigint): bigint => BigInt.asUintN(128, v);
  const pair = (lo: bigint, hi: bigint): bigint => (U64(hi) << 64n) | U64(lo);
  const result = (): bigint => pair(take(4), take(5));

  it('add128 and sub128', () => {
    fc.assert(
      fc.property(i64Arb, i64Arb, i64Arb, i64Arb, (al, ah, bl, bh) => {
        const regs12 = regs; // cells: a = (0, 1), b = (2, 3), result = (4, 5)
        put(0, al);
        put(1, ah);
        put(2, bl);
        put(3, bh);
        n.i64_add128(regs12, 8, 10, 0, 2, 4, 6);
        const sum = result();
        n.i64_sub128(regs12, 8, 10, 0, 2, 4, 6);
        const diff = result();
        const a = pair(al, ah);
        const b = pair(bl, bh);
        return sum === U128(a + b) && diff === U128(a - b);
      }),
      RUNS,
    );
  });

  it('add128 may write over its operands', () => {
    put(0, -1n);
    put(1, 0n);
    put(2, 1n);
    put(3, 0n);
    n.i64_add128(regs, 0, 2, 0, 2, 4, 6); // result over a
    expect(pair(take(0), take(1))).toBe(2n ** 64n);
  });

  it('mul_wide_u and mul_wide_s', () => {
    fc.assert(
      fc.property(i64Arb, i64Arb, (a, b) => {
        put(0, a);
        put(1, b);
        n.i64_mul_wide_u(regs, 8, 10, 0, 2);
        const u = result();
        n.i64_mul_wide_s(regs, 8, 10, 0, 2);
        const s = result();
        return u === U64(a) * U64(b) && s === U128(a * b);
      }),
      RUNS,
    );
  });
});

describe('division stress', () => {
  // xorshift128+ over BigInt-free doubles: deterministic and fast.
  let s0 = 0x9e3779b9 | 0;
  let s1 = 0x243f6a88 | 0;
  function next32(): number {
    let x = s0;
    const y = s1;
    s0 = y;
    x ^= x << 23;
    x ^= x >>> 17;
    x ^= y ^ (y >>> 26);
    s1 = x;
    return (x + y) | 0;
  }
  /** A random u64 of random bit length, as words. */
  function randomWords(): [number, number] {
    const bits = 1 + ((next32() >>> 0) % 64);
    let lo = next32();
    let hi = next32();
    if (bits <= 32) {
      hi = 0;
      lo = bits === 32 ? lo : lo & ((1 << bits) - 1);
    } else if (bits < 64) {
      hi &= (1 << (bits - 32)) - 1;
    }
    return [lo, hi];
  }

  it('300k random operand pairs of all bit lengths, signed and unsigned', () => {
    const r = new Int32Array(8);
    let failures = 0;
    for (let i = 0; i < 300000 && failures < 5; i++) {
      const [al, ah] = randomWords();
      let [bl, bh] = randomWords();
      if ((bl | bh) === 0) bl = 1;
      // flip signs sometimes so that negative operands are frequent
      r[0] = al;
      r[1] = next32() & 1 ? ah : ~ah;
      r[2] = bl;
      r[3] = next32() & 1 ? bh : ~bh;
      if ((r[2] | r[3]) === 0) r[2] = 3;
      const a = n.i64ToBigInt(r[0], r[1], true);
      const b = n.i64ToBigInt(r[2], r[3], true);
      n.i64_div_u(r, 4, 0, 2);
      n.i64_rem_u(r, 6, 0, 2);
      const okU =
        n.i64ToBigInt(r[4], r[5], false) === U64(a) / U64(b) && n.i64ToBigInt(r[6], r[7], false) === U64(a) % U64(b);
      let okS = true;
      if (!(a === MIN && b === -1n)) {
        n.i64_div_s(r, 4, 0, 2);
        n.i64_rem_s(r, 6, 0, 2);
        okS = n.i64ToBigInt(r[4], r[5], true) === a / b && n.i64ToBigInt(r[6], r[7], true) === a % b;
      }
      if (!okU || !okS) {
        failures++;
        console.error('division mismatch', a, b);
      }
    }
    expect(failures).toBe(0);
  });

  it('quotients near remainder boundaries (a = q*b + r, r in {0, 1, b-1})', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 2n ** 64n - 1n }),
        fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
        fc.constantFrom('zero', 'one', 'max'),
        (b, qSeed, kind) => {
          const qMax = (2n ** 64n - 1n) / b;
          const q = qMax === 0n ? 0n : qSeed % (qMax + 1n);
          const rem = kind === 'zero' ? 0n : kind === 'one' ? (b > 1n ? 1n : 0n) : b - 1n;
          const a = q * b + rem;
          if (a >= 2n ** 64n) return true;
          put(0, a);
          put(1, b);
          n.i64_div_u(regs, 4, 0, 2);
          n.i64_rem_u(regs, 6, 0, 2);
          return U64(take(2)) === a / b && U64(take(3)) === a % b;
        },
      ),
      { numRuns: 20000 },
    );
  });
});

describe('traps', () => {
  it('throw RuntimeError with the spec messages', () => {
    put(0, 5n);
    put(1, 0n);
    for (const op of [n.i64_div_s, n.i64_div_u, n.i64_rem_s, n.i64_rem_u]) {
      expect(() => op(regs, 4, 0, 2)).toThrow(new RuntimeError('integer divide by zero'));
    }
    put(0, MIN);
    put(1, -1n);
    expect(() => n.i64_div_s(regs, 4, 0, 2)).toThrow(new RuntimeError('integer overflow'));
    n.i64_rem_s(regs, 4, 0, 2);
    expect(take(2)).toBe(0n);
  });
});

describe('boundary conversions', () => {
  it('BigInt round trip and decimal/hex text', () => {
    fc.assert(
      fc.property(i64Arb, (a) => {
        put(0, a);
        const lo = regs[0];
        const hi = regs[1];
        return (
          n.i64ToBigInt(lo, hi, true) === a &&
          n.i64ToBigInt(lo, hi, false) === U64(a) &&
          n.i64ToString(lo, hi, true) === a.toString() &&
          n.i64ToString(lo, hi, false) === U64(a).toString() &&
          n.i64ToHexString(lo, hi) === '0x' + U64(a).toString(16)
        );
      }),
      RUNS,
    );
  });
});
