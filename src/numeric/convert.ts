/**
 * Conversions between integers and floats: trapping and saturating
 * truncations, and correctly rounded integer-to-float conversions.
 *
 * Spec: "Numerics" chapter of the WebAssembly specification, section
 * "Conversions" (trunc_u, trunc_s, trunc_sat_u, trunc_sat_s, convert_u,
 * convert_s), used by `iNN.trunc_fMM_sx`, `iNN.trunc_sat_fMM_sx` and
 * `fNN.convert_iMM_sx`.
 *
 * Floats are JavaScript numbers (an f32 is an f32-representable number, so
 * the f32 and f64 variants of a truncation share one body); i32 values are
 * int32 numbers; i64 values are (lo, hi) int32 words, read from arguments or
 * written into an `Int32Array` at a word index `d` (high word at d + 1), as in
 * `i64.ts`.
 *
 * Range checks are exact: the bounds are powers of two compared against the
 * untruncated value (trunc(x) fits exactly when x is strictly between
 * MIN - 1 and MAX + 1, and doubles near those bounds are integers). NaN traps
 * with "invalid conversion to integer", anything else out of range with
 * "integer overflow"; the saturating forms map NaN to 0 and clamp.
 *
 * Integer-to-float conversions round once, to nearest even, from the exact
 * integer. i64→f64 adds two exactly representable doubles (hi * 2^32 and the
 * unsigned lo word), which rounds once. i64→f32 cannot go through an f64
 * (that would round twice): above 2^53 the 12 low bits, which lie far below
 * f32's rounding point, are replaced by one sticky bit, making the value
 * exact in a double without changing its f32 rounding.
 *
 * Deliberately not here: demote/promote and reinterpret (`float.ts`).
 */

import { trapIntegerOverflow, trapInvalidConversion } from './traps.js';

const TWO_31 = 2147483648;
const TWO_32 = 4294967296;
const TWO_63 = 9223372036854775808;
const TWO_64 = 18446744073709551616;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

// ---------------------------------------------------------------------------
// Trapping truncation to i32

/** i32.trunc_f64_s: trunc(x) as an int32; traps on NaN and when trunc(x) is outside [-2^31, 2^31 - 1]. */
export function i32_trunc_f64_s(x: number): number {
  if (x > -TWO_31 - 1 && x < TWO_31) return x | 0; // `| 0` truncates toward zero
  return x !== x ? trapInvalidConversion() : trapIntegerOverflow();
}

/** i32.trunc_f64_u: trunc(x) as a uint32 (returned as its int32 bits); traps on NaN and when trunc(x) is outside [0, 2^32 - 1]. */
export function i32_trunc_f64_u(x: number): number {
  if (x > -1 && x < TWO_32) return x | 0;
  return x !== x ? trapInvalidConversion() : trapIntegerOverflow();
}

/** i32.trunc_f32_s: as `i32_trunc_f64_s` (every f32 is a double). */
export const i32_trunc_f32_s = i32_trunc_f64_s;
/** i32.trunc_f32_u: as `i32_trunc_f64_u`. */
export const i32_trunc_f32_u = i32_trunc_f64_u;

// ---------------------------------------------------------------------------
// Trapping truncation to i64

/** Writes trunc(x), an integer with |x| < 2^64, as i64 words at d (mod 2^64). */
function writeTruncated(r: Int32Array, d: number, x: number): void {
  const t = Math.trunc(x);
  const hi = Math.floor(t / TWO_32); // exact: t / 2^32 only moves the exponent
  r[d] = t - hi * TWO_32; // exact, in [0, 2^32); stored mod 2^32
  r[d + 1] = hi;
}

/** i64.trunc_f64_s: trunc(x) written as an i64 at d; traps on NaN and outside [-2^63, 2^63 - 1]. */
export function i64_trunc_f64_s(r: Int32Array, d: number, x: number): void {
  if (x >= -TWO_63 && x < TWO_63) writeTruncated(r, d, x);
  else if (x !== x) trapInvalidConversion();
  else trapIntegerOverflow();
}

/** i64.trunc_f64_u: trunc(x) written as a u64 at d; traps on NaN and outside [0, 2^64 - 1]. */
export function i64_trunc_f64_u(r: Int32Array, d: number, x: number): void {
  if (x > -1 && x < TWO_64) writeTruncated(r, d, x);
  else if (x !== x) trapInvalidConversion();
  else trapIntegerOverflow();
}

/** i64.trunc_f32_s: as `i64_trunc_f64_s`. */
export const i64_trunc_f32_s = i64_trunc_f64_s;
/** i64.trunc_f32_u: as `i64_trunc_f64_u`. */
export const i64_trunc_f32_u = i64_trunc_f64_u;

// ---------------------------------------------------------------------------
// Saturating truncation

/** i32.trunc_sat_f64_s: trunc(x) clamped to [-2^31, 2^31 - 1]; NaN gives 0. */
export function i32_trunc_sat_f64_s(x: number): number {
  if (x > -TWO_31 - 1 && x < TWO_31) return x | 0;
  return x !== x ? 0 : x < 0 ? INT32_MIN : INT32_MAX;
}

/** i32.trunc_sat_f64_u: trunc(x) clamped to [0, 2^32 - 1] (returned as int32 bits); NaN gives 0. */
export function i32_trunc_sat_f64_u(x: number): number {
  if (x > -1 && x < TWO_32) return x | 0;
  return x !== x || x < 0 ? 0 : -1;
}

/** i32.trunc_sat_f32_s: as `i32_trunc_sat_f64_s`. */
export const i32_trunc_sat_f32_s = i32_trunc_sat_f64_s;
/** i32.trunc_sat_f32_u: as `i32_trunc_sat_f64_u`. */
export const i32_trunc_sat_f32_u = i32_trunc_sat_f64_u;

/** i64.trunc_sat_f64_s: trunc(x) clamped to [-2^63, 2^63 - 1], written at d; NaN gives 0. */
export function i64_trunc_sat_f64_s(r: Int32Array, d: number, x: number): void {
  if (x >= -TWO_63 && x < TWO_63) {
    writeTruncated(r, d, x);
  } else if (x !== x) {
    r[d] = 0;
    r[d + 1] = 0;
  } else if (x < 0) {
    r[d] = 0;
    r[d + 1] = INT32_MIN;
  } else {
    r[d] = -1;
    r[d + 1] = INT32_MAX;
  }
}

/** i64.trunc_sat_f64_u: trunc(x) clamped to [0, 2^64 - 1], written at d; NaN gives 0. */
export function i64_trunc_sat_f64_u(r: Int32Array, d: number, x: number): void {
  if (x > -1 && x < TWO_64) {
    writeTruncated(r, d, x);
  } else {
    const v = x > 0 ? -1 : 0; // NaN and negatives give 0
    r[d] = v;
    r[d + 1] = v;
  }
}

/** i64.trunc_sat_f32_s: as `i64_trunc_sat_f64_s`. */
export const i64_trunc_sat_f32_s = i64_trunc_sat_f64_s;
/** i64.trunc_sat_f32_u: as `i64_trunc_sat_f64_u`. */
export const i64_trunc_sat_f32_u = i64_trunc_sat_f64_u;

// ---------------------------------------------------------------------------
// i32 → float

/** f32.convert_i32_s: the int32 `x` rounded to f32 (one rounding from the exact double). */
export function f32_convert_i32_s(x: number): number {
  return Math.fround(x);
}

/** f32.convert_i32_u: the uint32 view of `x` rounded to f32. */
export function f32_convert_i32_u(x: number): number {
  return Math.fround(x >>> 0);
}

/** f64.convert_i32_s: exact. */
export function f64_convert_i32_s(x: number): number {
  return x | 0;
}

/** f64.convert_i32_u: exact. */
export function f64_convert_i32_u(x: number): number {
  return x >>> 0;
}

// ---------------------------------------------------------------------------
// i64 → float (words lo, hi)

/** hi words (unsigned) at or above this mean the value is 2^53 or more. */
const HI_2_53 = 0x200000;
/** Low bits folded into one sticky bit for i64→f32 above 2^53. */
const STICKY_MASK = 0xfff;
const STICKY_BIT = 0x800;

/** f64.convert_i64_s: the signed i64 (lo, hi) rounded once to f64. */
export function f64_convert_i64_s(lo: number, hi: number): number {
  return (hi | 0) * TWO_32 + (lo >>> 0);
}

/** f64.convert_i64_u: the unsigned i64 (lo, hi) rounded once to f64. */
export function f64_convert_i64_u(lo: number, hi: number): number {
  return (hi >>> 0) * TWO_32 + (lo >>> 0);
}

/** The unsigned 64-bit value (lo, hi) rounded once to f32. */
function u64ToF32(lo: number, hi: number): number {
  const h = hi >>> 0;
  let l = lo >>> 0;
  if (h >= HI_2_53) {
    // At least 54 significant bits: f32 rounds at bit 30 or higher, so bits
    // 0..11 only matter as "some bit below the rounding point is set". Fold
    // them into bit 11; the result has at most 53 significant bits.
    const low = l & STICKY_MASK;
    l = l - low + (low !== 0 ? STICKY_BIT : 0);
  }
  return Math.fround(h * TWO_32 + l);
}

/** f32.convert_i64_u: the unsigned i64 (lo, hi) rounded once to f32 (no double rounding). */
export function f32_convert_i64_u(lo: number, hi: number): number {
  return u64ToF32(lo, hi);
}

/** f32.convert_i64_s: the signed i64 (lo, hi) rounded once to f32 (no double rounding). */
export function f32_convert_i64_s(lo: number, hi: number): number {
  if (hi >= -HI_2_53 && hi < HI_2_53) return Math.fround(hi * TWO_32 + (lo >>> 0)); // |v| <= 2^53: exact double
  if (hi >= 0) return u64ToF32(lo, hi);
  // Round the magnitude (rounding to nearest even is symmetric).
  return -u64ToF32(-lo | 0, (~hi + (lo === 0 ? 1 : 0)) | 0);
}
