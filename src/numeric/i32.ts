/**
 * i32 integer operations that are more than one JavaScript operator: division
 * and remainder (with their traps), rotations, bit counts and sign extension.
 *
 * Spec: "Numerics" chapter of the WebAssembly specification, section "Integer
 * Operations" (idiv_u, idiv_s, irem_u, irem_s, irotl, irotr, iclz, ictz,
 * ipopcnt, iextendN_s), for N = 32.
 *
 * Representation: an i32 is a JavaScript number holding an int32 (`x | 0`);
 * the unsigned view is `x >>> 0`. Every function here takes and returns int32
 * numbers (0/1 for tests), never allocates, and throws only the numeric traps.
 *
 * Deliberately not here: operations that are a single JS operator and need no
 * helper (`add` is `(a + b) | 0`, `mul` is `Math.imul(a, b)`, `and` is `a & b`,
 * `shl` is `a << b` since JS masks shift counts to 5 bits exactly like wasm,
 * comparisons are `a < b` on int32 or on `>>> 0` views, `clz` is
 * `Math.clz32`). Handlers write those inline.
 */

import { trapDivideByZero, trapIntegerOverflow } from './traps.js';

const INT32_MIN = -2147483648;

/** i32.div_s: signed quotient rounded toward zero; traps on a zero divisor and on MIN / -1. */
export function i32_div_s(a: number, b: number): number {
  if (b === 0) trapDivideByZero();
  if (a === INT32_MIN && b === -1) trapIntegerOverflow();
  // For |a|, |b| < 2^31 the double quotient never rounds across an integer.
  return (a / b) | 0;
}

/** i32.div_u: unsigned quotient; traps on a zero divisor. */
export function i32_div_u(a: number, b: number): number {
  if (b === 0) trapDivideByZero();
  return ((a >>> 0) / (b >>> 0)) | 0;
}

/** i32.rem_s: signed remainder with the sign of the dividend (MIN rem -1 is 0); traps on a zero divisor. */
export function i32_rem_s(a: number, b: number): number {
  if (b === 0) trapDivideByZero();
  return (a % b) | 0; // `| 0` also turns the -0 of `-4 % 2` into 0
}

/** i32.rem_u: unsigned remainder; traps on a zero divisor. */
export function i32_rem_u(a: number, b: number): number {
  if (b === 0) trapDivideByZero();
  return ((a >>> 0) % (b >>> 0)) | 0;
}

/** i32.rotl: rotate left by `k mod 32`. */
export function i32_rotl(a: number, k: number): number {
  // JS masks shift counts to 5 bits, so k = 0 gives `a | (a >>> 0)` = a.
  return (a << k) | (a >>> (32 - (k & 31)));
}

/** i32.rotr: rotate right by `k mod 32`. */
export function i32_rotr(a: number, k: number): number {
  return (a >>> k) | (a << (32 - (k & 31)));
}

/** i32.clz: number of leading zero bits (32 for 0). */
export function i32_clz(a: number): number {
  return Math.clz32(a);
}

/** i32.ctz: number of trailing zero bits (32 for 0). */
export function i32_ctz(a: number): number {
  return a === 0 ? 32 : 31 - Math.clz32(a & -a);
}

/** i32.popcnt: number of one bits. */
export function i32_popcnt(a: number): number {
  a = a - ((a >>> 1) & 0x55555555);
  a = (a & 0x33333333) + ((a >>> 2) & 0x33333333);
  a = (a + (a >>> 4)) & 0x0f0f0f0f;
  return Math.imul(a, 0x01010101) >>> 24;
}

/** i32.extend8_s: sign-extend the low 8 bits. */
export function i32_extend8_s(a: number): number {
  return (a << 24) >> 24;
}

/** i32.extend16_s: sign-extend the low 16 bits. */
export function i32_extend16_s(a: number): number {
  return (a << 16) >> 16;
}
