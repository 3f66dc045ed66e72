/**
 * Fixed-width SIMD, part 2: integer lane arithmetic — comparisons, abs/neg,
 * popcnt, add/sub/mul (wrapping and saturating), min/max, avgr_u, shifts,
 * narrowing and widening, extended multiplication, pairwise addition, the
 * i16 dot product and q15mulr_sat_s.
 *
 * Spec: "Numerics › Integer Operations" (iadd, isub, imul, ineg, iabs,
 * imin/imax, iavgr_u, iq15mulr_sat_s, iadd_sat/isub_sat, ishl/ishr, ipopcnt,
 * ieq … ige), "Conversions" (narrow, extend) and the vector instructions of
 * "Execution › Instructions". Representation and operand conventions:
 * `simd.ts` (word indices into a `Lanes`, operands may alias the result).
 *
 * Comparisons give all-ones / all-zeros lanes. Shift counts are taken modulo
 * the lane width. i64x2 lanes reuse the scalar i64 operations of `i64.ts`
 * on their (lo, hi) words. Deliberately not here: float lanes
 * (`simd-float.ts`), relaxed SIMD (`simd-relaxed.ts`).
 */
import { i64_add, i64_mul, i64_shl, i64_shr_s, i64_shr_u, i64_sub } from './i64.js';
import { i32_popcnt } from './i32.js';
import { Lanes, laneScratch } from './simd.js';

// ---------------------------------------------------------------------------
// Helpers

function sat8s(v: number): number {
  return v > 127 ? 127 : v < -128 ? -128 : v;
}
function sat8u(v: number): number {
  return v > 255 ? 255 : v < 0 ? 0 : v;
}
function sat16s(v: number): number {
  return v > 32767 ? 32767 : v < -32768 ? -32768 : v;
}
function sat16u(v: number): number {
  return v > 65535 ? 65535 : v < 0 ? 0 : v;
}

/** Copies v128 `a` of `L` into laneScratch vector `s` (word 0, 4 or 8 of `laneScratch`). */
function toScratch(L: Lanes, s: number, a: number): void {
  const x = L.i32;
  const t = laneScratch.i32;
  t[s] = x[a];
  t[s + 1] = x[a + 1];
  t[s + 2] = x[a + 2];
  t[s + 3] = x[a + 3];
}

const LOW8 = 0x7f7f7f7f;
const HIGH8 = 0x80808080 | 0;
const LOW16 = 0x7fff7fff;
const HIGH16 = 0x80008000 | 0;

// ---------------------------------------------------------------------------
// i8x16 comparisons

/** i8x16.eq */
export function i8x16_eq(L: Lanes, d: number, a: number, b: number): void {
  const s = L.i8, A = a << 2, B = b << 2, D = d << 2;
  for (let k = 0; k < 16; k++) s[D + k] = s[A + k] === s[B + k] ? -1 : 0;
}
/** i8x16.ne */
export function i8x16_ne(L: Lanes, d: number, a: number, b: number): void {
  const s = L.i8, A = a << 2, B = b << 2, D = d << 2;
  for (let k = 0; k < 16; k++) s[D + k] = s[A + k] !== s[B + k] ? -1 : 0;
}
/** i8x16.lt_s */
export function i8x16_lt_s(L: Lanes, d: number, a: number, b: number): void {
  const s = L.i8, A = a << 2, B = b << 2, D = d << 2;
  for (let k = 0; k < 16; k++) s[D + k] = s[A + k] < s[B + k] ? -1 : 0;
}
/** i8x16.lt_u */
export function i8x16_lt_u(L: Lanes, d: number, a: number, b: number): void {
  const u = L.u8, A = a << 2, B = b << 2, D = d << 2;
  for (let k = 0; k < 16; k++) u[D + k] = u[A + k] < u[B + k] ? 255 : 0;
}
/** i8x16.gt_s */
export function i8x16_gt_s(L: Lanes, d: number, a: number, b: number): void {
  i8x16_lt_s(L, d, b, a);
}
/** i8x16.gt_u */
export function i8x16_gt_u(L: Lanes, d: number, a: number, b: number): void {
  i8x16_lt_u(L, d, b, a);
}
/** i8x16.le_s */
export function i8x16_le_s(L: Lanes, d: number, a: number, b: number): void {
  const s = L.i8, A = a << 2, B = b << 2, D = d << 2;
  for (let k = 0; k < 16; k++) s[D + k] = s[A + k] <= s[B + k] ? -1 : 0;
}
/** i8x16.le_u */
export function i8x16_le_u(L: Lanes, d: number, a: number, b: number): void {
  const u = L.u8, A = a << 2, B = b << 2, D = d << 2;
  for (let k = 0; k < 16; k++) u[D + k] = u[A + k] <= u[B + k] ? 255 : 0;
}
/** i8x16.ge_s */
export function i8x16_ge_s(L: Lanes, d: number, a: number, b: number): void {
  i8x16_le_s(L, d, b, a);
}
/** i8x16.ge_u */
export function i8x16_ge_u(L: Lanes, d: number, a: number, b: number): void {
  i8x16_le_u(L, d, b, a);
}

// ---------------------------------------------------------------------------
// i16x8 comparisons

/** i16x8.eq */
export function i16x8_eq(L: Lanes, d: number, a: number, b: number): void {
  const s = L.i16, A = a << 1, B = b << 1, D = d << 1;
  for (let k = 0; k < 8; k++) s[D + k] = s[A + k] === s[B + k] ? -1 : 0;
}
/** i16x8.ne */
export function i16x8_ne(L: Lanes, d: number, a: number, b: number): void {
  const s = L.i16, A = a << 1, B = b << 1, D = d << 1;
  for (let k = 0; k < 8; k++) s[D + k] = s[A + k] !== s[B + k] ? -1 : 0;
}
/** i16x8.lt_s */
export function i16x8_lt_s(L: Lanes, d: number, a: number, b: number): void {
  const s = L.i16, A = a << 1, B = b << 1, D = d << 1;
  for (let k = 0; k < 8; k++) s[D + k] = s[A + k] < s[B + k] ? -1 : 0;
}
/** i16x8.lt_u */
export function i16x8_lt_u(L: Lanes, d: number, a: number, b: number): void {
  const u = L.u16, A = a << 1, B = b << 1, D = d << 1;
  for (let k = 0; k < 8; k++) u[D + k] = u[A + k] < u[B + k] ? 0xffff : 0;
}
/** i16x8.gt_s */
export function i16x8_gt_s(L: Lanes, d: number, a: number, b: number): void {
  i16x8_lt_s(L, d, b, a);
}
/** i16x8.gt_u */
export function i16x8_gt_u(L: Lanes, d: number, a: number, b: number): void {
  i16x8_lt_u(L, d, b, a);
}
/** i16x8.le_s */
export function i16x8_le_s(L: Lanes, d: number, a: number, b: number): void {
  const s = L.i16, A = a << 1, B = b << 1, D = d << 1;
  for (let k = 0; k < 8; k++) s[D + k] = s[A + k] <= s[B + k] ? -1 : 0;
}
/** i16x8.le_u */
export function i16x8_le_u(L: Lanes, d: number, a: number, b: number): void {
  const u = L.u16, A = a << 1, B = b << 1, D = d << 1;
  for (let k = 0; k < 8; k++) u[D + k] = u[A + k] <= u[B + k] ? 0xffff : 0;
}
/** i16x8.ge_s */
export function i16x8_ge_s(L: Lanes, d: number, a: number, b: number): void {
  i16x8_le_s(L, d, b, a);
}
/** i16x8.ge_u */
export function i16x8_ge_u(L: Lanes, d: number, a: number, b: number): void {
  i16x8_le_u(L, d, b, a);
}

// ---------------------------------------------------------------------------
// i32x4 comparisons

/** i32x4.eq */
export function i32x4_eq(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = x[a + k] === x[b + k] ? -1 : 0;
}
/** i32x4.ne */
export function i32x4_ne(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = x[a + k] !== x[b + k] ? -1 : 0;
}
/** i32x4.lt_s */
export function i32x4_lt_s(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = x[a + k] < x[b + k] ? -1 : 0;
}
/** i32x4.lt_u */
export function i32x4_lt_u(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32, u = L.u32;
  for (let k = 0; k < 4; k++) x[d + k] = u[a + k] < u[b + k] ? -1 : 0;
}
/** i32x4.gt_s */
export function i32x4_gt_s(L: Lanes, d: number, a: number, b: number): void {
  i32x4_lt_s(L, d, b, a);
}
/** i32x4.gt_u */
export function i32x4_gt_u(L: Lanes, d: number, a: number, b: number): void {
  i32x4_lt_u(L, d, b, a);
}
/** i32x4.le_s */
export function i32x4_le_s(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = x[a + k] <= x[b + k] ? -1 : 0;
}
/** i32x4.le_u */
export function i32x4_le_u(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32, u = L.u32;
  for (let k = 0; k < 4; k++) x[d + k] = u[a + k] <= u[b + k] ? -1 : 0;
}
/** i32x4.ge_s */
export function i32x4_ge_s(L: Lanes, d: number, a: number, b: number): void {
  i32x4_le_s(L, d, b, a);
}
/** i32x4.ge_u */
export function i32x4_ge_u(L: Lanes, d: number, a: number, b: number): void {
  i32x4_le_u(L, d, b, a);
}

// ---------------------------------------------------------------------------
// i64x2 comparisons (signed only, as the instruction set has them)

/** -1, 0 or 1 as the i64 at words (al, ah) is below, equal to or above (bl, bh), signed. */
function cmp64s(al: number, ah: number, bl: number, bh: number): number {
  if (ah !== bh) return ah < bh ? -1 : 1;
  if (al === bl) return 0;
  return al >>> 0 < bl >>> 0 ? -1 : 1;
}

/** i64x2.eq */
export function i64x2_eq(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k += 2) {
    const m = x[a + k] === x[b + k] && x[a + k + 1] === x[b + k + 1] ? -1 : 0;
    x[d + k] = m;
    x[d + k + 1] = m;
  }
}
/** i64x2.ne */
export function i64x2_ne(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k += 2) {
    const m = x[a + k] !== x[b + k] || x[a + k + 1] !== x[b + k + 1] ? -1 : 0;
    x[d + k] = m;
    x[d + k + 1] = m;
  }
}
/** i64x2.lt_s */
export function i64x2_lt_s(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k += 2) {
    const m = cmp64s(x[a + k], x[a + k + 1], x[b + k], x[b + k + 1]) < 0 ? -1 : 0;
    x[d + k] = m;
    x[d + k + 1] = m;
  }
}
/** i64x2.gt_s */
export function i64x2_gt_s(L: Lanes, d: number, a: number, b: number): void {
  i64x2_lt_s(L, d, b, a);
}
/** i64x2.le_s */
export function i64x2_le_s(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k += 2) {
    const m = cmp64s(x[a + k], x[a + k + 1], x[b + k], x[b + k + 1]) <= 0 ? -1 : 0;
    x[d + k] = m;
    x[d + k + 1] = m;
  }
}
/** i64x2.ge_s */
export function i64x2_ge_s(L: Lanes, d: number, a: number, b: number): void {
  i64x2_le_s(L, d, b, a);
}

// ---------------------------------------------------------------------------
// abs, neg, popcnt

/** i8x16.abs (abs(-128) = -128) */
export function i8x16_abs(L: Lanes, d: number, a: number): void {
  const s = L.i8, A = a << 2, D = d << 2;
  for (let k = 0; k < 16; k++) {
    const v = s[A + k];
    s[D + k] = v < 0 ? -v : v;
  }
}
/** i8x16.neg */
export function i8x16_neg(L: Lanes, d: number, a: number): void {
  const s = L.i8, A = a << 2, D = d << 2;
  for (let k = 0; k < 16; k++) s[D + k] = -s[A + k];
}
/** i8x16.popcnt */
export function i8x16_popcnt(L: Lanes, d: number, a: number): void {
  const u = L.u8, A = a << 2, D = d << 2;
  for (let k = 0; k < 16; k++) u[D + k] = i32_popcnt(u[A + k]);
}
/** i16x8.abs */
export function i16x8_abs(L: Lanes, d: number, a: number): void {
  const s = L.i16, A = a << 1, D = d << 1;
  for (let k = 0; k < 8; k++) {
    const v = s[A + k];
    s[D + k] = v < 0 ? -v : v;
  }
}
/** i16x8.neg */
export function i16x8_neg(L: Lanes, d: number, a: number): void {
  const s = L.i16, A = a << 1, D = d << 1;
  for (let k = 0; k < 8; k++) s[D + k] = -s[A + k];
}
/** i32x4.abs */
export function i32x4_abs(L: Lanes, d: number, a: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k++) {
    const v = x[a + k];
    x[d + k] = v < 0 ? -v | 0 : v;
  }
}
/** i32x4.neg */
export function i32x4_neg(L: Lanes, d: number, a: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = -x[a + k] | 0;
}
/** i64x2.neg */
export function i64x2_neg(L: Lanes, d: number, a: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k += 2) {
    const lo = x[a + k];
    const hi = x[a + k + 1];
    x[d + k] = -lo | 0;
    x[d + k + 1] = (~hi + (lo === 0 ? 1 : 0)) | 0;
  }
}
/** i64x2.abs */
export function i64x2_abs(L: Lanes, d: number, a: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k += 2) {
    const lo = x[a + k];
    const hi = x[a + k + 1];
    if (hi < 0) {
      x[d + k] = -lo | 0;
      x[d + k + 1] = (~hi + (lo === 0 ? 1 : 0)) | 0;
    } else {
      x[d + k] = lo;
      x[d + k + 1] = hi;
    }
  }
}

// ---------------------------------------------------------------------------
// Add, sub, mul (wrapping: 8- and 16-bit lanes four or two to a word, carries kept inside each lane)

/** i8x16.add */
export function i8x16_add(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k++) {
    const p = x[a + k], q = x[b + k];
    x[d + k] = ((p & LOW8) + (q & LOW8)) ^ ((p ^ q) & HIGH8);
  }
}
/** i8x16.sub */
export function i8x16_sub(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k++) {
    const p = x[a + k], q = x[b + k];
    x[d + k] = ((p | HIGH8) - (q & LOW8)) ^ ((p ^ ~q) & HIGH8);
  }
}
/** i16x8.add */
export function i16x8_add(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k++) {
    const p = x[a + k], q = x[b + k];
    x[d + k] = ((p & LOW16) + (q & LOW16)) ^ ((p ^ q) & HIGH16);
  }
}
/** i16x8.sub */
export function i16x8_sub(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k++) {
    const p = x[a + k], q = x[b + k];
    x[d + k] = ((p | HIGH16) - (q & LOW16)) ^ ((p ^ ~q) & HIGH16);
  }
}
/** i16x8.mul */
export function i16x8_mul(L: Lanes, d: number, a: number, b: number): void {
  const s = L.i16, A = a << 1, B = b << 1, D = d << 1;
  for (let k = 0; k < 8; k++) s[D + k] = Math.imul(s[A + k], s[B + k]);
}
/** i32x4.add */
export function i32x4_add(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = (x[a + k] + x[b + k]) | 0;
}
/** i32x4.sub */
export function i32x4_sub(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = (x[a + k] - x[b + k]) | 0;
}
/** i32x4.mul */
export function i32x4_mul(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = Math.imul(x[a + k], x[b + k]);
}
/** i64x2.add */
export function i64x2_add(L: Lanes, d: number, a: number, b: number): void {
  i64_add(L.i32, d, a, b);
  i64_add(L.i32, d + 2, a + 2, b + 2);
}
/** i64x2.sub */
export function i64x2_sub(L: Lanes, d: number, a: number, b: number): void {
  i64_sub(L.i32, d, a, b);
  i64_sub(L.i32, d + 2, a + 2, b + 2);
}
/** i64x2.mul */
export function i64x2_mul(L: Lanes, d: number, a: number, b: number): void {
  i64_mul(L.i32, d, a, b);
  i64_mul(L.i32, d + 2, a + 2, b + 2);
}

// ---------------------------------------------------------------------------
// Saturating add and sub

/** i8x16.add_sat_s */
export function i8x16_add_sat_s(L: Lanes, d: number, a: number, b: number): void {
  const s = L.i8, A = a << 2, B = b << 2, D = d << 2;
  for (let k = 0; k < 16; k++) s[D + k] = sat8s(s[A + k] + s[B + k]);
}
/** i8x16.add_sat_u */
export function i8x16_add_sat_u(L: Lanes, d: number, a: number, b: number): void {
  const u = L.u8, A = a << 2, B = b << 2, D = d << 2;
  for (let k = 0; k < 16; k++) u[D + k] = sat8u(u[A + k] + u[B + k]);
}
/** i8x16.sub_sat_s */
export function i8x16_sub_sat_s(L: Lanes, d: number, a: number, b: number): void {
  const s = L.i8, A = a << 2, B = b << 2, D = d << 2;
  for (let k = 0; k < 16; k++) s[D + k] = sat8s(s[A + k] - s[B + k]);
}
/** i8x16.sub_sat_u */
export function i8x16_sub_sat_u(L: Lanes, d: number, a: number, b: number): void {
  const u = L.u8, A = a << 2, B = b << 2, D = d << 2;
  for (let k = 0; k < 16; k++) u[D + k] = sat8u(u[A + k] - u[B + k]);
}
/** i16x8.add_sat_s */
export function i16x8_add_sat_s(L: Lanes, d: number, a: number, b: number): void {
  const s = L.i16, A = a << 1, B = b << 1, D = d << 1;
  for (let k = 0; k < 8; k++) s[D + k] = sat16s(s[A + k] + s[B + k]);
}
/** i16x8.add_sat_u */
export function i16x8_add_sat_u(L: Lanes, d: number, a: number, b: number): void {
  const u = L.u16, A = a << 1, B = b << 1, D = d << 1;
  for (let k = 0; k < 8; k++) u[D + k] = sat16u(u[A + k] + u[B + k]);
}
/** i16x8.sub_sat_s */
export function i16x8_sub_sat_s(L: Lanes, d: number, a: number, b: number): void {
  const s = L.i16, A = a << 1, B = b << 1, D = d << 1;
  for (let k = 0; k < 8; k++) s[D + k] = sat16s(s[A + k] - s[B + k]);
}
/** i16x8.sub_sat_u */
export function i16x8_sub_sat_u(L: Lanes, d: number, a: number, b: number): void {
  const u = L.u16, A = a << 1, B = b << 1, D = d << 1;
  for (let k = 0; k < 8; k++) u[D + k] = sat16u(u[A + k] - u[B + k]);
}

// ---------------------------------------------------------------------------
// min, max, avgr_u

/** i8x16.min_s */
export function i8x16_min_s(L: Lanes, d: number, a: number, b: number): void {
  const s = L.i8, A = a << 2, B = b << 2, D = d << 2;
  for (let k = 0; k < 16; k++) s[D + k] = Math.min(s[A + k], s[B + k]);
}
/** i8x16.min_u */
export function i8x16_min_u(L: Lanes, d: number, a: number, b: number): void {
  const u = L.u8, A = a << 2, B = b << 2, D = d << 2;
  for (let k = 0; k < 16; k++) u[D + k] = Math.min(u[A + k], u[B + k]);
}
/** i8x16.max_s */
export function i8x16_max_s(L: Lanes, d: number, a: number, b: number): void {
  const s = L.i8, A = a << 2, B = b << 2, D = d << 2;
  for (let k = 0; k < 16; k++) s[D + k] = Math.max(s[A + k], s[B + k]);
}
/** i8x16.max_u */
export function i8x16_max_u(L: Lanes, d: number, a: number, b: number): void {
  const u = L.u8, A = a << 2, B = b << 2, D = d << 2;
  for (let k = 0; k < 16; k++) u[D + k] = Math.max(u[A + k], u[B + k]);
}
/** i8x16.avgr_u: (a + b + 1) / 2, rounding up */
export function i8x16_avgr_u(L: Lanes, d: number, a: number, b: number): void {
  const u = L.u8, A = a << 2, B = b << 2, D = d << 2;
  for (let k = 0; k < 16; k++) u[D + k] = (u[A + k] + u[B + k] + 1) >>> 1;
}
/** i16x8.min_s */
export function i16x8_min_s(L: Lanes, d: number, a: number, b: number): void {
  const s = L.i16, A = a << 1, B = b << 1, D = d << 1;
  for (let k = 0; k < 8; k++) s[D + k] = Math.min(s[A + k], s[B + k]);
}
/** i16x8.min_u */
export function i16x8_min_u(L: Lanes, d: number, a: number, b: number): void {
  const u = L.u16, A = a << 1, B = b << 1, D = d << 1;
  for (let k = 0; k < 8; k++) u[D + k] = Math.min(u[A + k], u[B + k]);
}
/** i16x8.max_s */
export function i16x8_max_s(L: Lanes, d: number, a: number, b: number): void {
  const s = L.i16, A = a << 1, B = b << 1, D = d << 1;
  for (let k = 0; k < 8; k++) s[D + k] = Math.max(s[A + k], s[B + k]);
}
/** i16x8.max_u */
export function i16x8_max_u(L: Lanes, d: number, a: number, b: number): void {
  const u = L.u16, A = a << 1, B = b << 1, D = d << 1;
  for (let k = 0; k < 8; k++) u[D + k] = Math.max(u[A + k], u[B + k]);
}
/** i16x8.avgr_u */
export function i16x8_avgr_u(L: Lanes, d: number, a: number, b: number): void {
  const u = L.u16, A = a << 1, B = b << 1, D = d << 1;
  for (let k = 0; k < 8; k++) u[D + k] = (u[A + k] + u[B + k] + 1) >>> 1;
}
/** i32x4.min_s */
export function i32x4_min_s(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = Math.min(x[a + k], x[b + k]);
}
/** i32x4.min_u */
export function i32x4_min_u(L: Lanes, d: number, a: number, b: number): void {
  const u = L.u32;
  for (let k = 0; k < 4; k++) u[d + k] = Math.min(u[a + k], u[b + k]);
}
/** i32x4.max_s */
export function i32x4_max_s(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = Math.max(x[a + k], x[b + k]);
}
/** i32x4.max_u */
export function i32x4_max_u(L: Lanes, d: number, a: number, b: number): void {
  const u = L.u32;
  for (let k = 0; k < 4; k++) u[d + k] = Math.max(u[a + k], u[b + k]);
}

// ---------------------------------------------------------------------------
// Shifts (count: the i32 at word `b`, modulo the lane width)

/** i8x16.shl */
export function i8x16_shl(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  const n = x[b] & 7;
  const m = Math.imul((0xff << n) & 0xff, 0x01010101);
  for (let k = 0; k < 4; k++) x[d + k] = (x[a + k] << n) & m;
}
/** i8x16.shr_s */
export function i8x16_shr_s(L: Lanes, d: number, a: number, b: number): void {
  const n = L.i32[b] & 7;
  const s = L.i8, A = a << 2, D = d << 2;
  for (let k = 0; k < 16; k++) s[D + k] = s[A + k] >> n;
}
/** i8x16.shr_u */
export function i8x16_shr_u(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  const n = x[b] & 7;
  const m = Math.imul(0xff >>> n, 0x01010101);
  for (let k = 0; k < 4; k++) x[d + k] = (x[a + k] >>> n) & m;
}
/** i16x8.shl */
export function i16x8_shl(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  const n = x[b] & 15;
  const m = Math.imul((0xffff << n) & 0xffff, 0x10001);
  for (let k = 0; k < 4; k++) x[d + k] = (x[a + k] << n) & m;
}
/** i16x8.shr_s */
export function i16x8_shr_s(L: Lanes, d: number, a: number, b: number): void {
  const n = L.i32[b] & 15;
  const s = L.i16, A = a << 1, D = d << 1;
  for (let k = 0; k < 8; k++) s[D + k] = s[A + k] >> n;
}
/** i16x8.shr_u */
export function i16x8_shr_u(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  const n = x[b] & 15;
  const m = Math.imul(0xffff >>> n, 0x10001);
  for (let k = 0; k < 4; k++) x[d + k] = (x[a + k] >>> n) & m;
}
/** i32x4.shl */
export function i32x4_shl(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  const n = x[b];
  for (let k = 0; k < 4; k++) x[d + k] = x[a + k] << n;
}
/** i32x4.shr_s */
export function i32x4_shr_s(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  const n = x[b];
  for (let k = 0; k < 4; k++) x[d + k] = x[a + k] >> n;
}
/** i32x4.shr_u */
export function i32x4_shr_u(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  const n = x[b];
  for (let k = 0; k < 4; k++) x[d + k] = x[a + k] >>> n;
}

/** The shift count of an i64x2 shift, copied to laneScratch word 0 (so it survives a write to `d`). */
function count64(L: Lanes, b: number): Int32Array {
  const t = laneScratch.i32;
  t[0] = L.i32[b];
  return t;
}
/** i64x2.shl */
export function i64x2_shl(L: Lanes, d: number, a: number, b: number): void {
  const t = count64(L, b);
  for (let k = 0; k < 4; k += 2) {
    t[4] = L.i32[a + k];
    t[5] = L.i32[a + k + 1];
    i64_shl(t, 4, 4, 0);
    L.i32[d + k] = t[4];
    L.i32[d + k + 1] = t[5];
  }
}
/** i64x2.shr_s */
export function i64x2_shr_s(L: Lanes, d: number, a: number, b: number): void {
  const t = count64(L, b);
  for (let k = 0; k < 4; k += 2) {
    t[4] = L.i32[a + k];
    t[5] = L.i32[a + k + 1];
    i64_shr_s(t, 4, 4, 0);
    L.i32[d + k] = t[4];
    L.i32[d + k + 1] = t[5];
  }
}
/** i64x2.shr_u */
export function i64x2_shr_u(L: Lanes, d: number, a: number, b: number): void {
  const t = count64(L, b);
  for (let k = 0; k < 4; k += 2) {
    t[4] = L.i32[a + k];
    t[5] = L.i32[a + k + 1];
    i64_shr_u(t, 4, 4, 0);
    L.i32[d + k] = t[4];
    L.i32[d + k + 1] = t[5];
  }
}

// ---------------------------------------------------------------------------
// Narrowing (saturating; lanes of `a` then of `b`)

/** i8x16.narrow_i16x8_s */
export function i8x16_narrow_i16x8_s(L: Lanes, d: number, a: number, b: number): void {
  toScratch(L, 0, a);
  toScratch(L, 4, b);
  const t = laneScratch.i16, s = L.i8, D = d << 2;
  for (let k = 0; k < 16; k++) s[D + k] = sat8s(t[k]);
}
/** i8x16.narrow_i16x8_u */
export function i8x16_narrow_i16x8_u(L: Lanes, d: number, a: number, b: number): void {
  toScratch(L, 0, a);
  toScratch(L, 4, b);
  const t = laneScratch.i16, u = L.u8, D = d << 2;
  for (let k = 0; k < 16; k++) u[D + k] = sat8u(t[k]);
}
/** i16x8.narrow_i32x4_s */
export function i16x8_narrow_i32x4_s(L: Lanes, d: number, a: number, b: number): void {
  toScratch(L, 0, a);
  toScratch(L, 4, b);
  const t = laneScratch.i32, s = L.i16, D = d << 1;
  for (let k = 0; k < 8; k++) s[D + k] = sat16s(t[k]);
}
/** i16x8.narrow_i32x4_u */
export function i16x8_narrow_i32x4_u(L: Lanes, d: number, a: number, b: number): void {
  toScratch(L, 0, a);
  toScratch(L, 4, b);
  const t = laneScratch.i32, u = L.u16, D = d << 1;
  for (let k = 0; k < 8; k++) u[D + k] = sat16u(t[k]);
}

// ---------------------------------------------------------------------------
// Widening (extend the low or high half of the lanes)

/** i16x8.extend_low_i8x16_s */
export function i16x8_extend_low_i8x16_s(L: Lanes, d: number, a: number): void {
  toScratch(L, 0, a);
  const t = laneScratch.i8, h = L.i16, D = d << 1;
  for (let k = 0; k < 8; k++) h[D + k] = t[k];
}
/** i16x8.extend_high_i8x16_s */
export function i16x8_extend_high_i8x16_s(L: Lanes, d: number, a: number): void {
  toScratch(L, 0, a);
  const t = laneScratch.i8, h = L.i16, D = d << 1;
  for (let k = 0; k < 8; k++) h[D + k] = t[8 + k];
}
/** i16x8.extend_low_i8x16_u */
export function i16x8_extend_low_i8x16_u(L: Lanes, d: number, a: number): void {
  toScratch(L, 0, a);
  const t = laneScratch.u8, h = L.i16, D = d << 1;
  for (let k = 0; k < 8; k++) h[D + k] = t[k];
}
/** i16x8.extend_high_i8x16_u */
export function i16x8_extend_high_i8x16_u(L: Lanes, d: number, a: number): void {
  toScratch(L, 0, a);
  const t = laneScratch.u8, h = L.i16, D = d << 1;
  for (let k = 0; k < 8; k++) h[D + k] = t[8 + k];
}
/** i32x4.extend_low_i16x8_s */
export function i32x4_extend_low_i16x8_s(L: Lanes, d: number, a: number): void {
  toScratch(L, 0, a);
  const t = laneScratch.i16, x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = t[k];
}
/** i32x4.extend_high_i16x8_s */
export function i32x4_extend_high_i16x8_s(L: Lanes, d: number, a: number): void {
  toScratch(L, 0, a);
  const t = laneScratch.i16, x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = t[4 + k];
}
/** i32x4.extend_low_i16x8_u */
export function i32x4_extend_low_i16x8_u(L: Lanes, d: number, a: number): void {
  toScratch(L, 0, a);
  const t = laneScratch.u16, x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = t[k];
}
/** i32x4.extend_high_i16x8_u */
export function i32x4_extend_high_i16x8_u(L: Lanes, d: number, a: number): void {
  toScratch(L, 0, a);
  const t = laneScratch.u16, x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = t[4 + k];
}
/** i64x2.extend_low_i32x4_s */
export function i64x2_extend_low_i32x4_s(L: Lanes, d: number, a: number): void {
  const x = L.i32, p = x[a], q = x[a + 1];
  x[d] = p;
  x[d + 1] = p >> 31;
  x[d + 2] = q;
  x[d + 3] = q >> 31;
}
/** i64x2.extend_high_i32x4_s */
export function i64x2_extend_high_i32x4_s(L: Lanes, d: number, a: number): void {
  const x = L.i32, p = x[a + 2], q = x[a + 3];
  x[d] = p;
  x[d + 1] = p >> 31;
  x[d + 2] = q;
  x[d + 3] = q >> 31;
}
/** i64x2.extend_low_i32x4_u */
export function i64x2_extend_low_i32x4_u(L: Lanes, d: number, a: number): void {
  const x = L.i32, p = x[a], q = x[a + 1];
  x[d] = p;
  x[d + 1] = 0;
  x[d + 2] = q;
  x[d + 3] = 0;
}
/** i64x2.extend_high_i32x4_u */
export function i64x2_extend_high_i32x4_u(L: Lanes, d: number, a: number): void {
  const x = L.i32, p = x[a + 2], q = x[a + 3];
  x[d] = p;
  x[d + 1] = 0;
  x[d + 2] = q;
  x[d + 3] = 0;
}

// ---------------------------------------------------------------------------
// Extended multiplication (products of the low or high half, at double width)

/** i16x8 = i8 × i8 of lanes `o`..`o`+7, signed or not. */
function extmul8(L: Lanes, d: number, a: number, b: number, o: number, signed: boolean): void {
  toScratch(L, 0, a);
  toScratch(L, 4, b);
  const t = signed ? laneScratch.i8 : laneScratch.u8, h = L.i16, D = d << 1;
  for (let k = 0; k < 8; k++) h[D + k] = t[o + k] * t[16 + o + k];
}
/** i16x8.extmul_low_i8x16_s */
export function i16x8_extmul_low_i8x16_s(L: Lanes, d: number, a: number, b: number): void {
  extmul8(L, d, a, b, 0, true);
}
/** i16x8.extmul_high_i8x16_s */
export function i16x8_extmul_high_i8x16_s(L: Lanes, d: number, a: number, b: number): void {
  extmul8(L, d, a, b, 8, true);
}
/** i16x8.extmul_low_i8x16_u */
export function i16x8_extmul_low_i8x16_u(L: Lanes, d: number, a: number, b: number): void {
  extmul8(L, d, a, b, 0, false);
}
/** i16x8.extmul_high_i8x16_u */
export function i16x8_extmul_high_i8x16_u(L: Lanes, d: number, a: number, b: number): void {
  extmul8(L, d, a, b, 8, false);
}

/** i32x4 = i16 × i16 of lanes `o`..`o`+3 (exact in a double; the store wraps the unsigned ones). */
function extmul16(L: Lanes, d: number, a: number, b: number, o: number, signed: boolean): void {
  toScratch(L, 0, a);
  toScratch(L, 4, b);
  const t = signed ? laneScratch.i16 : laneScratch.u16, x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = t[o + k] * t[8 + o + k];
}
/** i32x4.extmul_low_i16x8_s */
export function i32x4_extmul_low_i16x8_s(L: Lanes, d: number, a: number, b: number): void {
  extmul16(L, d, a, b, 0, true);
}
/** i32x4.extmul_high_i16x8_s */
export function i32x4_extmul_high_i16x8_s(L: Lanes, d: number, a: number, b: number): void {
  extmul16(L, d, a, b, 4, true);
}
/** i32x4.extmul_low_i16x8_u */
export function i32x4_extmul_low_i16x8_u(L: Lanes, d: number, a: number, b: number): void {
  extmul16(L, d, a, b, 0, false);
}
/** i32x4.extmul_high_i16x8_u */
export function i32x4_extmul_high_i16x8_u(L: Lanes, d: number, a: number, b: number): void {
  extmul16(L, d, a, b, 4, false);
}

/** i64x2 = i32 × i32 of words `o`, `o`+1 (the 64-bit product through `i64_mul` on extended operands). */
function extmul32(L: Lanes, d: number, a: number, b: number, o: number, signed: boolean): void {
  const x = L.i32, t = laneScratch.i32;
  const a0 = x[a + o], a1 = x[a + o + 1], b0 = x[b + o], b1 = x[b + o + 1];
  t[0] = a0; t[1] = signed ? a0 >> 31 : 0;
  t[2] = b0; t[3] = signed ? b0 >> 31 : 0;
  t[4] = a1; t[5] = signed ? a1 >> 31 : 0;
  t[6] = b1; t[7] = signed ? b1 >> 31 : 0;
  i64_mul(t, 8, 0, 2);
  i64_mul(t, 10, 4, 6);
  x[d] = t[8];
  x[d + 1] = t[9];
  x[d + 2] = t[10];
  x[d + 3] = t[11];
}
/** i64x2.extmul_low_i32x4_s */
export function i64x2_extmul_low_i32x4_s(L: Lanes, d: number, a: number, b: number): void {
  extmul32(L, d, a, b, 0, true);
}
/** i64x2.extmul_high_i32x4_s */
export function i64x2_extmul_high_i32x4_s(L: Lanes, d: number, a: number, b: number): void {
  extmul32(L, d, a, b, 2, true);
}
/** i64x2.extmul_low_i32x4_u */
export function i64x2_extmul_low_i32x4_u(L: Lanes, d: number, a: number, b: number): void {
  extmul32(L, d, a, b, 0, false);
}
/** i64x2.extmul_high_i32x4_u */
export function i64x2_extmul_high_i32x4_u(L: Lanes, d: number, a: number, b: number): void {
  extmul32(L, d, a, b, 2, false);
}

// ---------------------------------------------------------------------------
// Pairwise addition, dot product, q15mulr (each result lane covers exactly its input lanes)

/** i16x8.extadd_pairwise_i8x16_s */
export function i16x8_extadd_pairwise_i8x16_s(L: Lanes, d: number, a: number): void {
  const s = L.i8, h = L.i16, A = a << 2, D = d << 1;
  for (let k = 0; k < 8; k++) h[D + k] = s[A + 2 * k] + s[A + 2 * k + 1];
}
/** i16x8.extadd_pairwise_i8x16_u */
export function i16x8_extadd_pairwise_i8x16_u(L: Lanes, d: number, a: number): void {
  const u = L.u8, h = L.i16, A = a << 2, D = d << 1;
  for (let k = 0; k < 8; k++) h[D + k] = u[A + 2 * k] + u[A + 2 * k + 1];
}
/** i32x4.extadd_pairwise_i16x8_s */
export function i32x4_extadd_pairwise_i16x8_s(L: Lanes, d: number, a: number): void {
  const h = L.i16, x = L.i32, A = a << 1;
  for (let k = 0; k < 4; k++) x[d + k] = h[A + 2 * k] + h[A + 2 * k + 1];
}
/** i32x4.extadd_pairwise_i16x8_u */
export function i32x4_extadd_pairwise_i16x8_u(L: Lanes, d: number, a: number): void {
  const h = L.u16, x = L.i32, A = a << 1;
  for (let k = 0; k < 4; k++) x[d + k] = h[A + 2 * k] + h[A + 2 * k + 1];
}
/** i32x4.dot_i16x8_s: sums of the products of adjacent signed i16 lanes (wrapping only for 2 × (-2^15)^2) */
export function i32x4_dot_i16x8_s(L: Lanes, d: number, a: number, b: number): void {
  const h = L.i16, x = L.i32, A = a << 1, B = b << 1;
  for (let k = 0; k < 4; k++) {
    x[d + k] = (h[A + 2 * k] * h[B + 2 * k] + h[A + 2 * k + 1] * h[B + 2 * k + 1]) | 0;
  }
}
/** i16x8.q15mulr_sat_s: (a × b + 2^14) >> 15, saturated (only -2^15 × -2^15 overflows) */
export function i16x8_q15mulr_sat_s(L: Lanes, d: number, a: number, b: number): void {
  const h = L.i16, A = a << 1, B = b << 1, D = d << 1;
  for (let k = 0; k < 8; k++) h[D + k] = sat16s((h[A + k] * h[B + k] + 0x4000) >> 15);
}
