/**
 * Fixed-width SIMD, part 3: f32x4 and f64x2 lanes — comparisons, abs / neg
 * (on bits), add, sub, mul, div, sqrt, min, max, pmin, pmax, ceil, floor,
 * trunc, nearest, and the conversions (trunc_sat, convert, demote, promote).
 *
 * Spec: "Numerics › Floating-Point Operations" and "Conversions", lifted to
 * lanes. Each lane applies the scalar rule of `float.ts` / `convert.ts`, so
 * the NaN rules are the scalar ones: a NaN result is an arithmetic NaN,
 * canonical when its NaN operands were (see `float.ts`). f32 lanes are read
 * through the `Float32Array` view, so the store rounds; abs and neg work on
 * the bits and pmin/pmax select an operand's bits, so those keep payloads
 * exactly, signaling NaNs included. Representation: `simd.ts`.
 *
 * Deliberately not here: integer lanes (`simd-int.ts`), relaxed SIMD
 * (`simd-relaxed.ts`).
 */
import {
  f32_add, f32_ceil, f32_demote_f64, f32_div, f32_floor, f32_max, f32_min, f32_mul, f32_nearest, f32_sqrt,
  f32_sub, f32_trunc, f64_add, f64_ceil, f64_div, f64_floor, f64_max, f64_min, f64_mul, f64_nearest,
  f64_promote_f32, f64_sqrt, f64_sub, f64_trunc,
} from './float.js';
import {
  f32_convert_i32_s, f32_convert_i32_u, f64_convert_i32_s, f64_convert_i32_u, i32_trunc_sat_f32_s,
  i32_trunc_sat_f32_u, i32_trunc_sat_f64_s, i32_trunc_sat_f64_u,
} from './convert.js';
import type { Lanes } from './simd.js';

// ---------------------------------------------------------------------------
// Comparisons (all-ones lanes where true; any comparison with NaN is false except ne)

/** f32x4.eq */
export function f32x4_eq(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f32, x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = f[a + k] === f[b + k] ? -1 : 0;
}
/** f32x4.ne */
export function f32x4_ne(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f32, x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = f[a + k] !== f[b + k] ? -1 : 0;
}
/** f32x4.lt */
export function f32x4_lt(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f32, x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = f[a + k] < f[b + k] ? -1 : 0;
}
/** f32x4.gt */
export function f32x4_gt(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f32, x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = f[a + k] > f[b + k] ? -1 : 0;
}
/** f32x4.le */
export function f32x4_le(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f32, x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = f[a + k] <= f[b + k] ? -1 : 0;
}
/** f32x4.ge */
export function f32x4_ge(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f32, x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = f[a + k] >= f[b + k] ? -1 : 0;
}

/** Writes the f64x2 comparison results `m0`, `m1` (booleans) as all-ones / zero lanes at word `d`. */
function mask64(x: Int32Array, d: number, m0: boolean, m1: boolean): void {
  const p = m0 ? -1 : 0, q = m1 ? -1 : 0;
  x[d] = p;
  x[d + 1] = p;
  x[d + 2] = q;
  x[d + 3] = q;
}
/** f64x2.eq */
export function f64x2_eq(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f64, A = a >> 1, B = b >> 1;
  mask64(L.i32, d, f[A] === f[B], f[A + 1] === f[B + 1]);
}
/** f64x2.ne */
export function f64x2_ne(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f64, A = a >> 1, B = b >> 1;
  mask64(L.i32, d, f[A] !== f[B], f[A + 1] !== f[B + 1]);
}
/** f64x2.lt */
export function f64x2_lt(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f64, A = a >> 1, B = b >> 1;
  mask64(L.i32, d, f[A] < f[B], f[A + 1] < f[B + 1]);
}
/** f64x2.gt */
export function f64x2_gt(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f64, A = a >> 1, B = b >> 1;
  mask64(L.i32, d, f[A] > f[B], f[A + 1] > f[B + 1]);
}
/** f64x2.le */
export function f64x2_le(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f64, A = a >> 1, B = b >> 1;
  mask64(L.i32, d, f[A] <= f[B], f[A + 1] <= f[B + 1]);
}
/** f64x2.ge */
export function f64x2_ge(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f64, A = a >> 1, B = b >> 1;
  mask64(L.i32, d, f[A] >= f[B], f[A + 1] >= f[B + 1]);
}

// ---------------------------------------------------------------------------
// Sign operations on bits

/** f32x4.abs */
export function f32x4_abs(L: Lanes, d: number, a: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = x[a + k] & 0x7fffffff;
}
/** f32x4.neg */
export function f32x4_neg(L: Lanes, d: number, a: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = x[a + k] ^ -0x80000000;
}
/** f64x2.abs */
export function f64x2_abs(L: Lanes, d: number, a: number): void {
  const x = L.i32;
  x[d] = x[a];
  x[d + 1] = x[a + 1] & 0x7fffffff;
  x[d + 2] = x[a + 2];
  x[d + 3] = x[a + 3] & 0x7fffffff;
}
/** f64x2.neg */
export function f64x2_neg(L: Lanes, d: number, a: number): void {
  const x = L.i32;
  x[d] = x[a];
  x[d + 1] = x[a + 1] ^ -0x80000000;
  x[d + 2] = x[a + 2];
  x[d + 3] = x[a + 3] ^ -0x80000000;
}

// ---------------------------------------------------------------------------
// f32x4 arithmetic

/** f32x4.add */
export function f32x4_add(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f32;
  for (let k = 0; k < 4; k++) f[d + k] = f32_add(f[a + k], f[b + k]);
}
/** f32x4.sub */
export function f32x4_sub(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f32;
  for (let k = 0; k < 4; k++) f[d + k] = f32_sub(f[a + k], f[b + k]);
}
/** f32x4.mul */
export function f32x4_mul(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f32;
  for (let k = 0; k < 4; k++) f[d + k] = f32_mul(f[a + k], f[b + k]);
}
/** f32x4.div */
export function f32x4_div(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f32;
  for (let k = 0; k < 4; k++) f[d + k] = f32_div(f[a + k], f[b + k]);
}
/** f32x4.min */
export function f32x4_min(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f32;
  for (let k = 0; k < 4; k++) f[d + k] = f32_min(f[a + k], f[b + k]);
}
/** f32x4.max */
export function f32x4_max(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f32;
  for (let k = 0; k < 4; k++) f[d + k] = f32_max(f[a + k], f[b + k]);
}
/** f32x4.pmin: b < a ? b : a, as bits (so a NaN operand `a` comes back unchanged) */
export function f32x4_pmin(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f32, x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = f[b + k] < f[a + k] ? x[b + k] : x[a + k];
}
/** f32x4.pmax: a < b ? b : a, as bits */
export function f32x4_pmax(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f32, x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = f[a + k] < f[b + k] ? x[b + k] : x[a + k];
}
/** f32x4.sqrt */
export function f32x4_sqrt(L: Lanes, d: number, a: number): void {
  const f = L.f32;
  for (let k = 0; k < 4; k++) f[d + k] = f32_sqrt(f[a + k]);
}
/** f32x4.ceil */
export function f32x4_ceil(L: Lanes, d: number, a: number): void {
  const f = L.f32;
  for (let k = 0; k < 4; k++) f[d + k] = f32_ceil(f[a + k]);
}
/** f32x4.floor */
export function f32x4_floor(L: Lanes, d: number, a: number): void {
  const f = L.f32;
  for (let k = 0; k < 4; k++) f[d + k] = f32_floor(f[a + k]);
}
/** f32x4.trunc */
export function f32x4_trunc(L: Lanes, d: number, a: number): void {
  const f = L.f32;
  for (let k = 0; k < 4; k++) f[d + k] = f32_trunc(f[a + k]);
}
/** f32x4.nearest */
export function f32x4_nearest(L: Lanes, d: number, a: number): void {
  const f = L.f32;
  for (let k = 0; k < 4; k++) f[d + k] = f32_nearest(f[a + k]);
}

// ---------------------------------------------------------------------------
// f64x2 arithmetic (f64 element index = word index >> 1)

/** f64x2.add */
export function f64x2_add(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f64, D = d >> 1, A = a >> 1, B = b >> 1;
  f[D] = f64_add(f[A], f[B]);
  f[D + 1] = f64_add(f[A + 1], f[B + 1]);
}
/** f64x2.sub */
export function f64x2_sub(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f64, D = d >> 1, A = a >> 1, B = b >> 1;
  f[D] = f64_sub(f[A], f[B]);
  f[D + 1] = f64_sub(f[A + 1], f[B + 1]);
}
/** f64x2.mul */
export function f64x2_mul(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f64, D = d >> 1, A = a >> 1, B = b >> 1;
  f[D] = f64_mul(f[A], f[B]);
  f[D + 1] = f64_mul(f[A + 1], f[B + 1]);
}
/** f64x2.div */
export function f64x2_div(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f64, D = d >> 1, A = a >> 1, B = b >> 1;
  f[D] = f64_div(f[A], f[B]);
  f[D + 1] = f64_div(f[A + 1], f[B + 1]);
}
/** f64x2.min */
export function f64x2_min(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f64, D = d >> 1, A = a >> 1, B = b >> 1;
  f[D] = f64_min(f[A], f[B]);
  f[D + 1] = f64_min(f[A + 1], f[B + 1]);
}
/** f64x2.max */
export function f64x2_max(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f64, D = d >> 1, A = a >> 1, B = b >> 1;
  f[D] = f64_max(f[A], f[B]);
  f[D + 1] = f64_max(f[A + 1], f[B + 1]);
}
/** f64x2.pmin: b < a ? b : a, as bits */
export function f64x2_pmin(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f64, x = L.i32;
  for (let k = 0; k < 2; k++) {
    const s = f[(b >> 1) + k] < f[(a >> 1) + k] ? b + 2 * k : a + 2 * k;
    const lo = x[s], hi = x[s + 1];
    x[d + 2 * k] = lo;
    x[d + 2 * k + 1] = hi;
  }
}
/** f64x2.pmax: a < b ? b : a, as bits */
export function f64x2_pmax(L: Lanes, d: number, a: number, b: number): void {
  const f = L.f64, x = L.i32;
  for (let k = 0; k < 2; k++) {
    const s = f[(a >> 1) + k] < f[(b >> 1) + k] ? b + 2 * k : a + 2 * k;
    const lo = x[s], hi = x[s + 1];
    x[d + 2 * k] = lo;
    x[d + 2 * k + 1] = hi;
  }
}
/** f64x2.sqrt */
export function f64x2_sqrt(L: Lanes, d: number, a: number): void {
  const f = L.f64, D = d >> 1, A = a >> 1;
  f[D] = f64_sqrt(f[A]);
  f[D + 1] = f64_sqrt(f[A + 1]);
}
/** f64x2.ceil */
export function f64x2_ceil(L: Lanes, d: number, a: number): void {
  const f = L.f64, D = d >> 1, A = a >> 1;
  f[D] = f64_ceil(f[A]);
  f[D + 1] = f64_ceil(f[A + 1]);
}
/** f64x2.floor */
export function f64x2_floor(L: Lanes, d: number, a: number): void {
  const f = L.f64, D = d >> 1, A = a >> 1;
  f[D] = f64_floor(f[A]);
  f[D + 1] = f64_floor(f[A + 1]);
}
/** f64x2.trunc */
export function f64x2_trunc(L: Lanes, d: number, a: number): void {
  const f = L.f64, D = d >> 1, A = a >> 1;
  f[D] = f64_trunc(f[A]);
  f[D + 1] = f64_trunc(f[A + 1]);
}
/** f64x2.nearest */
export function f64x2_nearest(L: Lanes, d: number, a: number): void {
  const f = L.f64, D = d >> 1, A = a >> 1;
  f[D] = f64_nearest(f[A]);
  f[D + 1] = f64_nearest(f[A + 1]);
}

// ---------------------------------------------------------------------------
// Conversions

/** i32x4.trunc_sat_f32x4_s */
export function i32x4_trunc_sat_f32x4_s(L: Lanes, d: number, a: number): void {
  const f = L.f32, x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = i32_trunc_sat_f32_s(f[a + k]);
}
/** i32x4.trunc_sat_f32x4_u */
export function i32x4_trunc_sat_f32x4_u(L: Lanes, d: number, a: number): void {
  const f = L.f32, x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = i32_trunc_sat_f32_u(f[a + k]);
}
/** i32x4.trunc_sat_f64x2_s_zero: the two f64 lanes truncated, then two zero lanes */
export function i32x4_trunc_sat_f64x2_s_zero(L: Lanes, d: number, a: number): void {
  const f = L.f64, x = L.i32, A = a >> 1;
  const p = i32_trunc_sat_f64_s(f[A]), q = i32_trunc_sat_f64_s(f[A + 1]);
  x[d] = p;
  x[d + 1] = q;
  x[d + 2] = 0;
  x[d + 3] = 0;
}
/** i32x4.trunc_sat_f64x2_u_zero */
export function i32x4_trunc_sat_f64x2_u_zero(L: Lanes, d: number, a: number): void {
  const f = L.f64, x = L.i32, A = a >> 1;
  const p = i32_trunc_sat_f64_u(f[A]), q = i32_trunc_sat_f64_u(f[A + 1]);
  x[d] = p;
  x[d + 1] = q;
  x[d + 2] = 0;
  x[d + 3] = 0;
}
/** f32x4.convert_i32x4_s */
export function f32x4_convert_i32x4_s(L: Lanes, d: number, a: number): void {
  const f = L.f32, x = L.i32;
  for (let k = 0; k < 4; k++) f[d + k] = f32_convert_i32_s(x[a + k]);
}
/** f32x4.convert_i32x4_u */
export function f32x4_convert_i32x4_u(L: Lanes, d: number, a: number): void {
  const f = L.f32, x = L.i32;
  for (let k = 0; k < 4; k++) f[d + k] = f32_convert_i32_u(x[a + k]);
}
/** f64x2.convert_low_i32x4_s */
export function f64x2_convert_low_i32x4_s(L: Lanes, d: number, a: number): void {
  const x = L.i32, p = x[a], q = x[a + 1], f = L.f64, D = d >> 1;
  f[D] = f64_convert_i32_s(p);
  f[D + 1] = f64_convert_i32_s(q);
}
/** f64x2.convert_low_i32x4_u */
export function f64x2_convert_low_i32x4_u(L: Lanes, d: number, a: number): void {
  const x = L.i32, p = x[a], q = x[a + 1], f = L.f64, D = d >> 1;
  f[D] = f64_convert_i32_u(p);
  f[D + 1] = f64_convert_i32_u(q);
}
/** f32x4.demote_f64x2_zero: the two f64 lanes rounded to f32, then two +0 lanes */
export function f32x4_demote_f64x2_zero(L: Lanes, d: number, a: number): void {
  const f = L.f64, A = a >> 1;
  const p = f32_demote_f64(f[A]), q = f32_demote_f64(f[A + 1]);
  const g = L.f32;
  g[d] = p;
  g[d + 1] = q;
  L.i32[d + 2] = 0;
  L.i32[d + 3] = 0;
}
/** f64x2.promote_low_f32x4: the two low f32 lanes, exactly */
export function f64x2_promote_low_f32x4(L: Lanes, d: number, a: number): void {
  const g = L.f32, p = f64_promote_f32(g[a]), q = f64_promote_f32(g[a + 1]);
  const f = L.f64, D = d >> 1;
  f[D] = p;
  f[D + 1] = q;
}
