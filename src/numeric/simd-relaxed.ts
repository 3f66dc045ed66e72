/**
 * Relaxed SIMD (WebAssembly 3.0): the 20 instructions whose result the spec
 * lets an implementation choose from a small set. tswasm makes one choice per
 * instruction, the same in every tier, on every host and at every call: the
 * spec's **deterministic profile** (every global parameter R = 0, "Numerics ›
 * Relaxed Operations"), which is also what the reference interpreter does.
 *
 * | instruction | tswasm gives (deterministic profile) | x86-64 V8 gives, where different |
 * | --- | --- | --- |
 * | `i8x16.relaxed_swizzle` | `i8x16.swizzle`: index >= 16 → 0 | index 16..127 → `a[index & 15]` (pshufb) |
 * | `i32x4.relaxed_trunc_f32x4_s`, `…_f64x2_s_zero` | `trunc_sat`: NaN → 0, out of range saturates | NaN and out of range → `0x80000000` (cvttps2dq) |
 * | `i32x4.relaxed_trunc_f32x4_u`, `…_f64x2_u_zero` | `trunc_sat_u`: NaN and negatives → 0, above → `0xffffffff` | hardware-specific values |
 * | `f32x4/f64x2.relaxed_madd` | unfused: `fadd(fmul(a, b), c)`, two roundings | fused (one rounding) where the CPU has FMA3 |
 * | `f32x4/f64x2.relaxed_nmadd` | unfused: `fadd(fmul(-a, b), c)` | fused where the CPU has FMA3 |
 * | `i8x16/i16x8/i32x4/i64x2.relaxed_laneselect` | `v128.bitselect` (every mask bit counts) | the top bit of each mask lane selects (blendv) for i8x16 |
 * | `f32x4/f64x2.relaxed_min`, `relaxed_max` | `fmin` / `fmax` (NaN propagates, -0 < +0) | `minps`/`maxps`: the second operand when either is NaN or both are zeros |
 * | `i16x8.relaxed_q15mulr_s` | `i16x8.q15mulr_sat_s` (-2^15 × -2^15 → 2^15 - 1) | `0x8000` (pmulhrsw) |
 * | `i16x8.relaxed_dot_i8x16_i7x16_s` | signed × signed products, adjacent pairs added with signed saturation | unsigned × signed (pmaddubsw) |
 * | `i32x4.relaxed_dot_i8x16_i7x16_add_s` | the i16x8 dot above, its pairs added into i32, plus `c` | pmaddubsw then pmaddwd |
 *
 * Why: the deterministic profile is the one choice the spec itself names,
 * needs no host detection, and keeps the two tiers trivially identical; for
 * inputs in the range the instructions are meant for (masks of whole lanes,
 * in-range truncations, i7 second operands, no NaNs) every choice agrees, so
 * programs that follow the proposal's usage rules print what native prints.
 *
 * Representation and operand conventions: `simd.ts`.
 */
import { Lanes } from './simd.js';
import { i8x16_swizzle, v128_bitselect } from './simd.js';
import { i16x8_q15mulr_sat_s } from './simd-int.js';
import {
  f32x4_max, f32x4_min, f64x2_max, f64x2_min, i32x4_trunc_sat_f32x4_s, i32x4_trunc_sat_f32x4_u,
  i32x4_trunc_sat_f64x2_s_zero, i32x4_trunc_sat_f64x2_u_zero,
} from './simd-float.js';
import { f32_add, f32_mul, f64_add, f64_mul } from './float.js';

/** i8x16.relaxed_swizzle: as `i8x16.swizzle`. */
export const i8x16_relaxed_swizzle = i8x16_swizzle;
/** i32x4.relaxed_trunc_f32x4_s: as `i32x4.trunc_sat_f32x4_s`. */
export const i32x4_relaxed_trunc_f32x4_s = i32x4_trunc_sat_f32x4_s;
/** i32x4.relaxed_trunc_f32x4_u: as `i32x4.trunc_sat_f32x4_u`. */
export const i32x4_relaxed_trunc_f32x4_u = i32x4_trunc_sat_f32x4_u;
/** i32x4.relaxed_trunc_f64x2_s_zero: as `i32x4.trunc_sat_f64x2_s_zero`. */
export const i32x4_relaxed_trunc_f64x2_s_zero = i32x4_trunc_sat_f64x2_s_zero;
/** i32x4.relaxed_trunc_f64x2_u_zero: as `i32x4.trunc_sat_f64x2_u_zero`. */
export const i32x4_relaxed_trunc_f64x2_u_zero = i32x4_trunc_sat_f64x2_u_zero;
/** i8x16.relaxed_laneselect: as `v128.bitselect`. */
export const i8x16_relaxed_laneselect = v128_bitselect;
/** i16x8.relaxed_laneselect: as `v128.bitselect`. */
export const i16x8_relaxed_laneselect = v128_bitselect;
/** i32x4.relaxed_laneselect: as `v128.bitselect`. */
export const i32x4_relaxed_laneselect = v128_bitselect;
/** i64x2.relaxed_laneselect: as `v128.bitselect`. */
export const i64x2_relaxed_laneselect = v128_bitselect;
/** f32x4.relaxed_min: as `f32x4.min`. */
export const f32x4_relaxed_min = f32x4_min;
/** f32x4.relaxed_max: as `f32x4.max`. */
export const f32x4_relaxed_max = f32x4_max;
/** f64x2.relaxed_min: as `f64x2.min`. */
export const f64x2_relaxed_min = f64x2_min;
/** f64x2.relaxed_max: as `f64x2.max`. */
export const f64x2_relaxed_max = f64x2_max;
/** i16x8.relaxed_q15mulr_s: as `i16x8.q15mulr_sat_s`. */
export const i16x8_relaxed_q15mulr_s = i16x8_q15mulr_sat_s;

/** f32x4.relaxed_madd: a × b + c per lane, each operation rounded (unfused). */
export function f32x4_relaxed_madd(L: Lanes, d: number, a: number, b: number, c: number): void {
  const f = L.f32;
  for (let k = 0; k < 4; k++) f[d + k] = f32_add(f32_mul(f[a + k], f[b + k]), f[c + k]);
}
/** f32x4.relaxed_nmadd: -a × b + c per lane, unfused. */
export function f32x4_relaxed_nmadd(L: Lanes, d: number, a: number, b: number, c: number): void {
  const f = L.f32;
  for (let k = 0; k < 4; k++) f[d + k] = f32_add(f32_mul(-f[a + k], f[b + k]), f[c + k]);
}
/** f64x2.relaxed_madd: a × b + c per lane, unfused. */
export function f64x2_relaxed_madd(L: Lanes, d: number, a: number, b: number, c: number): void {
  const f = L.f64, D = d >> 1, A = a >> 1, B = b >> 1, C = c >> 1;
  f[D] = f64_add(f64_mul(f[A], f[B]), f[C]);
  f[D + 1] = f64_add(f64_mul(f[A + 1], f[B + 1]), f[C + 1]);
}
/** f64x2.relaxed_nmadd: -a × b + c per lane, unfused. */
export function f64x2_relaxed_nmadd(L: Lanes, d: number, a: number, b: number, c: number): void {
  const f = L.f64, D = d >> 1, A = a >> 1, B = b >> 1, C = c >> 1;
  f[D] = f64_add(f64_mul(-f[A], f[B]), f[C]);
  f[D + 1] = f64_add(f64_mul(-f[A + 1], f[B + 1]), f[C + 1]);
}

/** The i16 lane k of the signed i8 dot product of `a` and `b` (byte offsets A, B), saturated. */
function dot8(s: Int8Array, A: number, B: number, k: number): number {
  const v = s[A + 2 * k] * s[B + 2 * k] + s[A + 2 * k + 1] * s[B + 2 * k + 1];
  return v > 32767 ? 32767 : v;
}

/** i16x8.relaxed_dot_i8x16_i7x16_s: sums of adjacent signed i8 products, saturated to i16. */
export function i16x8_relaxed_dot_i8x16_i7x16_s(L: Lanes, d: number, a: number, b: number): void {
  const s = L.i8, h = L.i16, A = a << 2, B = b << 2, D = d << 1;
  for (let k = 0; k < 8; k++) h[D + k] = dot8(s, A, B, k);
}

/** i32x4.relaxed_dot_i8x16_i7x16_add_s: the i16x8 dot's adjacent pairs summed into i32 lanes, plus `c`. */
export function i32x4_relaxed_dot_i8x16_i7x16_add_s(L: Lanes, d: number, a: number, b: number, c: number): void {
  const s = L.i8, x = L.i32, A = a << 2, B = b << 2;
  for (let k = 0; k < 4; k++) {
    x[d + k] = (dot8(s, A, B, 2 * k) + dot8(s, A, B, 2 * k + 1) + x[c + k]) | 0;
  }
}
