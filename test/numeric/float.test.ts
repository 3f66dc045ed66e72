// Float operations (and the i32 helpers) differential against the host's
// native WebAssembly: each case runs one instruction in a hand-assembled
// module and compares bits, with the spec's NaN rules for NaN results.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuntimeError } from '../../src/errors.js';
import * as n from '../../src/numeric/index.js';
import {
  F32,
  F64,
  I32,
  bigOf,
  f32BitsArb,
  f64BitsArb,
  nativeOp,
  orTrap,
  sameFloat,
  wordsOf,
} from './oracle.js';

const RUNS = { numRuns: 3000 };

// The interpreter's register file: 64-bit cells with three views.
const cells = new ArrayBuffer(32);
const w = new Int32Array(cells);
const f32v = new Float32Array(cells);
const f64v = new Float64Array(cells);

/** Runs an f32 op the way the interpreter does: bits into cells, values out of the Float32Array view, result back. */
function viaF32Cells(bits: number[], op: (...xs: number[]) => number): number {
  bits.forEach((b, k) => (w[2 * k] = b));
  const args = bits.map((_, k) => f32v[2 * k]);
  f32v[6] = op(...args);
  return w[6];
}

/** Same for f64 ops, with operands as BigInt bits; returns result bits as BigInt. */
function viaF64Cells(bits: bigint[], op: (...xs: number[]) => number): bigint {
  bits.forEach((b, k) => {
    const [lo, hi] = wordsOf(b);
    w[2 * k] = lo;
    w[2 * k + 1] = hi;
  });
  const args = bits.map((_, k) => f64v[k]);
  f64v[3] = op(...args);
  return bigOf(w[6], w[7]);
}

const f32Binary: [string, number, (a: number, b: number) => number][] = [
  ['add', 0x92, n.f32_add],
  ['sub', 0x93, n.f32_sub],
  ['mul', 0x94, n.f32_mul],
  ['div', 0x95, n.f32_div],
  ['min', 0x96, n.f32_min],
  ['max', 0x97, n.f32_max],
];
const f32Unary: [string, number, (a: number) => number][] = [
  ['ceil', 0x8d, n.f32_ceil],
  ['floor', 0x8e, n.f32_floor],
  ['trunc', 0x8f, n.f32_trunc],
  ['nearest', 0x90, n.f32_nearest],
  ['sqrt', 0x91, n.f32_sqrt],
];
const f64Binary: [string, number, (a: number, b: number) => number][] = [
  ['add', 0xa0, n.f64_add],
  ['sub', 0xa1, n.f64_sub],
  ['mul', 0xa2, n.f64_mul],
  ['div', 0xa3, n.f64_div],
  ['min', 0xa4, n.f64_min],
  ['max', 0xa5, n.f64_max],
];
const f64Unary: [string, number, (a: number) => number][] = [
  ['ceil', 0x9b, n.f64_ceil],
  ['floor', 0x9c, n.f64_floor],
  ['trunc', 0x9d, n.f64_trunc],
  ['nearest', 0x9e, n.f64_nearest],
  ['sqrt', 0x9f, n.f64_sqrt],
];

describe('f32 arithmetic vs native', () => {
  for (const [name, opcode, op] of f32Binary) {
    it(name, () => {
      const native = nativeOp([opcode], [F32, F32], F32);
      fc.assert(
        fc.property(f32BitsArb, f32BitsArb, (a, b) => sameFloat(viaF32Cells([a, b], op), native(a, b) as number, [a, b])),
        RUNS,
      );
    });
  }
  for (const [name, opcode, op] of f32Unary) {
    it(name, () => {
      const native = nativeOp([opcode], [F32], F32);
      fc.assert(fc.property(f32BitsArb, (a) => sameFloat(viaF32Cells([a], op), native(a) as number, [a])), RUNS);
    });
  }
  it('rounds every result to f32 (16777216 + 1 + 1 stays 16777216)', () => {
    expect(n.f32_add(n.f32_add(16777216, 1), 1)).toBe(16777216);
  });
});

describe('f64 arithmetic vs native', () => {
  for (const [name, opcode, op] of f64Binary) {
    it(name, () => {
      const native = nativeOp([opcode], [F64, F64], F64);
      fc.assert(
        fc.property(f64BitsArb, f64BitsArb, (a, b) => sameFloat(viaF64Cells([a, b], op), native(a, b) as bigint, [a, b])),
        RUNS,
      );
    });
  }
  for (const [name, opcode, op] of f64Unary) {
    it(name, () => {
      const native = nativeOp([opcode], [F64], F64);
      fc.assert(fc.property(f64BitsArb, (a) => sameFloat(viaF64Cells([a], op), native(a) as bigint, [a])), RUNS);
    });
  }
});

describe('nearest, trunc, floor, ceil details', () => {
  it('ties to even and keeps the sign of zero', () => {
    const cases: [number, number][] = [
      [2.5, 2], [3.5, 4], [-2.5, -2], [-0.5, -0], [0.5, 0], [-0.4, -0], [1.5, 2], [0.49999999999999994, 0],
      [4503599627370495.5, 4503599627370496], [-4503599627370495.5, -4503599627370496], [-0, -0], [Infinity, Infinity],
    ];
    for (const [x, y] of cases) expect(Object.is(n.f64_nearest(x), y)).toBe(true);
    expect(Object.is(n.f64_trunc(-0.5), -0)).toBe(true);
    expect(Object.is(n.f64_ceil(-0.5), -0)).toBe(true);
    expect(Object.is(n.f64_floor(-0), -0)).toBe(true);
  });
  it('quiets a signaling NaN passed through a Float64Array, also once optimized', () => {
    // Optimized V8 code returns a signaling NaN from Math.trunc & co unchanged;
    // loop long enough for the JIT to kick in.
    const words = new Int32Array(4);
    const doubles = new Float64Array(words.buffer);
    const ops = [n.f64_nearest, n.f64_trunc, n.f64_floor, n.f64_ceil, n.f64_sqrt, n.f64_min, n.f64_max, n.f32_demote_f64];
    for (const op of ops) {
      let bad = 0;
      for (let i = 0; i < 200000; i++) {
        words[0] = 1 + (i & 7);
        words[1] = 0x7ff00000;
        doubles[1] = op(doubles[0], 0);
        if ((words[3] & 0x7ff80000) !== 0x7ff80000) bad++;
      }
      expect(bad, op.name).toBe(0);
    }
  });
});

describe('sign operations on raw bits (payloads survive)', () => {
  it('f32 abs, neg, copysign vs native', () => {
    const abs = nativeOp([0x8b], [F32], F32);
    const neg = nativeOp([0x8c], [F32], F32);
    const copysign = nativeOp([0x98], [F32, F32], F32);
    fc.assert(
      fc.property(f32BitsArb, f32BitsArb, (a, b) =>
        n.f32_abs(a) === abs(a) && n.f32_neg(a) === neg(a) && n.f32_copysign(a, b) === copysign(a, b),
      ),
      RUNS,
    );
  });
  it('f64 abs, neg, copysign on the hi word vs native', () => {
    const abs = nativeOp([0x99], [F64], F64);
    const neg = nativeOp([0x9a], [F64], F64);
    const copysign = nativeOp([0xa6], [F64, F64], F64);
    fc.assert(
      fc.property(f64BitsArb, f64BitsArb, (a, b) => {
        const [al, ah] = wordsOf(a);
        const [, bh] = wordsOf(b);
        return (
          bigOf(al, n.f64_abs_hi(ah)) === abs(a) &&
          bigOf(al, n.f64_neg_hi(ah)) === neg(a) &&
          bigOf(al, n.f64_copysign_hi(ah, bh)) === copysign(a, b)
        );
      }),
      RUNS,
    );
  });
});

describe('comparisons vs native', () => {
  const ops: [string, number, number, (a: number, b: number) => number][] = [
    ['eq', 0x5b, 0x61, n.f_eq],
    ['ne', 0x5c, 0x62, n.f_ne],
    ['lt', 0x5d, 0x63, n.f_lt],
    ['gt', 0x5e, 0x64, n.f_gt],
    ['le', 0x5f, 0x65, n.f_le],
    ['ge', 0x60, 0x66, n.f_ge],
  ];
  for (const [name, op32, op64, op] of ops) {
    it(name, () => {
      const native32 = nativeOp([op32], [F32, F32], I32);
      const native64 = nativeOp([op64], [F64, F64], I32);
      fc.assert(
        fc.property(f32BitsArb, f32BitsArb, f64BitsArb, f64BitsArb, (a, b, c, d) => {
          const r32 = op(n.f32FromBits(a), n.f32FromBits(b));
          const r64 = op(n.f64FromBits(...wordsOf(c)), n.f64FromBits(...wordsOf(d)));
          return r32 === native32(a, b) && r64 === native64(c, d);
        }),
        RUNS,
      );
    });
  }
});

describe('demote and promote vs native', () => {
  it('f32.demote_f64', () => {
    const native = nativeOp([0xb6], [F64], F32);
    fc.assert(
      fc.property(f64BitsArb, (a) => {
        const [lo, hi] = wordsOf(a);
        w[0] = lo;
        w[1] = hi;
        f32v[2] = n.f32_demote_f64(f64v[0]);
        return sameFloat(w[2], native(a) as number, [a]);
      }),
      RUNS,
    );
  });
  it('f64.promote_f32', () => {
    const native = nativeOp([0xbb], [F32], F64);
    fc.assert(fc.property(f32BitsArb, (a) => sameFloat(viaF64FromF32(a), native(a) as bigint, [a])), RUNS);
  });
  function viaF64FromF32(a: number): bigint {
    w[0] = a;
    f64v[1] = n.f64_promote_f32(f32v[0]);
    return bigOf(w[2], w[3]);
  }
});

describe('reinterpret helpers', () => {
  it('f32 bits of non-NaN values and f64 words survive exactly', () => {
    fc.assert(
      fc.property(f32BitsArb, f64BitsArb, (a, b) => {
        const [lo, hi] = wordsOf(b);
        const x = n.f64FromBits(lo, hi);
        const f64ok = x !== x || (n.f64BitsLo(x) === lo && n.f64BitsHi(x) === hi);
        const f32ok = n.isNaN32(a) || n.f32Bits(n.f32FromBits(a)) === a;
        return f64ok && f32ok;
      }),
      RUNS,
    );
  });
  it('NaN classes', () => {
    expect(n.isCanonicalNaN32(0xffc00000 | 0)).toBe(true);
    expect(n.isCanonicalNaN32(0x7fc00001)).toBe(false);
    expect(n.isArithmeticNaN32(0x7fc00001)).toBe(true);
    expect(n.isArithmeticNaN32(0x7fa00000)).toBe(false);
    expect(n.isCanonicalNaN64(0, 0xfff80000 | 0)).toBe(true);
    expect(n.isArithmeticNaN64(1, 0x7ff80000)).toBe(true);
    expect(n.isArithmeticNaN64(0, 0x7ff40000)).toBe(false);
    expect(n.isNaN64(1, 0x7ff00000)).toBe(true);
    expect(n.isNaN64(0, 0x7ff00000)).toBe(false);
  });
});

describe('i32 helpers vs native', () => {
  const i32Arb = fc.oneof(
    fc.constantFrom(0, 1, -1, 2, -2, 0x7fffffff, -0x80000000, 31, 32, 33, 0x10000, -0x10000, 0xff, 0x80, 0x8000, 0xffff),
    fc.integer({ min: -0x80000000, max: 0x7fffffff }),
    fc.integer({ min: -40, max: 40 }),
  );
  const binary: [string, number, (a: number, b: number) => number][] = [
    ['div_s', 0x6d, n.i32_div_s],
    ['div_u', 0x6e, n.i32_div_u],
    ['rem_s', 0x6f, n.i32_rem_s],
    ['rem_u', 0x70, n.i32_rem_u],
    ['rotl', 0x77, n.i32_rotl],
    ['rotr', 0x78, n.i32_rotr],
  ];
  for (const [name, opcode, op] of binary) {
    it(name, () => {
      const native = nativeOp([opcode], [I32, I32], I32);
      fc.assert(
        fc.property(i32Arb, i32Arb, (a, b) => {
          const expected = orTrap(() => native(a, b));
          let ours: number | string;
          try {
            ours = op(a, b);
          } catch (e) {
            if (!(e instanceof RuntimeError)) throw e;
            ours = 'trap';
            if (e.message !== (b === 0 ? 'integer divide by zero' : 'integer overflow')) return false;
          }
          return ours === expected;
        }),
        RUNS,
      );
    });
  }
  const unary: [string, number[], (a: number) => number][] = [
    ['clz', [0x67], n.i32_clz],
    ['ctz', [0x68], n.i32_ctz],
    ['popcnt', [0x69], n.i32_popcnt],
    ['extend8_s', [0xc0], n.i32_extend8_s],
    ['extend16_s', [0xc1], n.i32_extend16_s],
  ];
  for (const [name, opcode, op] of unary) {
    it(name, () => {
      const native = nativeOp(opcode, [I32], I32);
      fc.assert(fc.property(i32Arb, (a) => op(a) === native(a)), RUNS);
    });
  }
});
