/**
 * i64 integer operations on pairs of int32 words, without BigInt.
 *
 * Spec: "Numerics" chapter of the WebAssembly specification, section "Integer
 * Operations" (iadd, isub, imul, idiv_u/s, irem_u/s, iand, ior, ixor, ishl,
 * ishr_u/s, irotl, irotr, iclz, ictz, ipopcnt, ieqz, ieq, ine, ilt_u/s,
 * igt_u/s, ile_u/s, ige_u/s, iextendN_s) for N = 64, the conversions
 * `extend_i32_s/u` and `wrap_i64` ("Conversions"), and the wide-arithmetic
 * proposal's `i64.add128`, `i64.sub128`, `i64.mul_wide_s`, `i64.mul_wide_u`.
 *
 * Calling convention: every operation works on an `Int32Array` `r` (the
 * interpreter's register file viewed as int32 words) and takes int32 *word
 * indices*: `d` is where the result's low word goes, `a` and `b` where the
 * operands' low words are; each high word sits at index + 1. Operands are
 * read completely before the result is written, so `d` may equal `a` or `b`.
 * Comparisons return a number 0/1 (an i32); `i32_wrap_i64` returns an int32.
 *
 * Division is exact for all 64-bit inputs: small operands take a double fast
 * path; a 32-bit divisor uses long division in 32+16+16-bit steps (every step
 * exact in doubles); a divisor of 2^32 or more uses a double estimate of the
 * (then 32-bit) quotient, lowered by one and corrected upward with exact
 * 64-bit arithmetic. Results of the shared routine go through module-level
 * scratch variables, so nothing allocates.
 *
 * Deliberately not here: BigInt on any operation path (BigInt appears only in
 * `i64FromBigInt` / `i64ToBigInt`, for the JS API boundary and for tests),
 * and conversions to and from floats (see `convert.ts`).
 */

import { trapDivideByZero, trapIntegerOverflow } from './traps.js';

const TWO_32 = 4294967296;
const INT32_MIN = -2147483648;
/** hi words below this (as unsigned) mean the unsigned value is below 2^53, exact in a double. */
const HI_BELOW_2_53 = 0x200000;

// ---------------------------------------------------------------------------
// Internal helpers

/** High 32 bits (as an unsigned number) of the 64-bit product of two uint32 views. */
function mulHighU32(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const m1 = a1 * b0; // each partial product is below 2^32, exact in a double
  const m2 = a0 * b1;
  const mid = ((a0 * b0) >>> 16) + (m1 & 0xffff) + (m2 & 0xffff);
  return a1 * b1 + (m1 >>> 16) + (m2 >>> 16) + (mid >>> 16);
}

// Results of divmodU64: quotient and remainder words (int32).
let quoLo = 0;
let quoHi = 0;
let remLo = 0;
let remHi = 0;

/**
 * Unsigned 64-by-64 division: sets quoLo/quoHi and remLo/remHi. The divisor
 * must not be zero. Exact for all inputs.
 */
function divmodU64(nLo: number, nHi: number, dLo: number, dHi: number): void {
  const nh = nHi >>> 0;
  const nl = nLo >>> 0;
  const dh = dHi >>> 0;
  const dl = dLo >>> 0;
  if (dh === 0) {
    if (nh < HI_BELOW_2_53) {
      // n < 2^53: floor of the double quotient is exact (the rounding error of
      // n/d is below 1/d, the distance to the next integer when inexact).
      const n = nh * TWO_32 + nl;
      const q = Math.floor(n / dl);
      const rem = n - q * dl;
      quoHi = Math.floor(q / TWO_32) | 0;
      quoLo = q | 0;
      remLo = rem | 0;
      remHi = 0;
      return;
    }
    // Long division by a 32-bit divisor: 32 bits, then 16, then 16; every
    // partial dividend is below 2^48, so each step is exact.
    const q2 = Math.floor(nh / dl);
    let rem = nh - q2 * dl;
    let t = rem * 65536 + (nl >>> 16);
    const q1 = Math.floor(t / dl);
    rem = t - q1 * dl;
    t = rem * 65536 + (nl & 0xffff);
    const q0 = Math.floor(t / dl);
    rem = t - q0 * dl;
    quoHi = q2 | 0;
    quoLo = (q1 * 65536 + q0) | 0;
    remLo = rem | 0;
    remHi = 0;
    return;
  }
  // Divisor >= 2^32: the quotient is below 2^32.
  if (nh < dh || (nh === dh && nl < dl)) {
    quoLo = 0;
    quoHi = 0;
    remLo = nLo;
    remHi = nHi;
    return;
  }
  // The double estimate is within 1 of the true quotient (relative error
  // ~3 * 2^-53 on a value below 2^32); one less is never too big.
  let q = Math.floor((nh * TWO_32 + nl) / (dh * TWO_32 + dl)) - 1;
  if (q < 0) q = 0;
  if (q > 0xffffffff) q = 0xffffffff;
  // rem = n - q * d, exact since q * d <= n < 2^64.
  const pl = Math.imul(q, dLo);
  const ph = (mulHighU32(q, dl) + Math.imul(q, dHi)) | 0;
  let rl = (nLo - pl) | 0;
  let rh = (nHi - ph - (nl < pl >>> 0 ? 1 : 0)) | 0;
  // At most two corrections.
  while ((rh >>> 0) > dh || ((rh >>> 0) === dh && (rl >>> 0) >= dl)) {
    const borrow = rl >>> 0 < dl ? 1 : 0;
    rl = (rl - dLo) | 0;
    rh = (rh - dHi - borrow) | 0;
    q++;
  }
  quoLo = q | 0;
  quoHi = 0;
  remLo = rl;
  remHi = rh;
}

// ---------------------------------------------------------------------------
// Arithmetic

/** i64.add: r[d..] = r[a..] + r[b..] (mod 2^64). */
export function i64_add(r: Int32Array, d: number, a: number, b: number): void {
  const al = r[a];
  const bl = r[b];
  const lo = (al + bl) | 0;
  const carry = lo >>> 0 < al >>> 0 ? 1 : 0;
  r[d + 1] = (r[a + 1] + r[b + 1] + carry) | 0;
  r[d] = lo;
}

/** i64.sub: r[d..] = r[a..] - r[b..] (mod 2^64). */
export function i64_sub(r: Int32Array, d: number, a: number, b: number): void {
  const al = r[a];
  const bl = r[b];
  const borrow = al >>> 0 < bl >>> 0 ? 1 : 0;
  r[d + 1] = (r[a + 1] - r[b + 1] - borrow) | 0;
  r[d] = (al - bl) | 0;
}

/** i64.mul: r[d..] = low 64 bits of r[a..] * r[b..]. */
export function i64_mul(r: Int32Array, d: number, a: number, b: number): void {
  const al = r[a];
  const ah = r[a + 1];
  const bl = r[b];
  const bh = r[b + 1];
  r[d + 1] = (mulHighU32(al >>> 0, bl >>> 0) + Math.imul(al, bh) + Math.imul(ah, bl)) | 0;
  r[d] = Math.imul(al, bl);
}

/** `divmodU64` of the absolute values of two signed 64-bit numbers (signs are the caller's to apply). */
function divmodMagnitudes(al: number, ah: number, bl: number, bh: number): void {
  divmodU64(
    ah < 0 ? -al | 0 : al,
    ah < 0 ? (~ah + (al === 0 ? 1 : 0)) | 0 : ah,
    bh < 0 ? -bl | 0 : bl,
    bh < 0 ? (~bh + (bl === 0 ? 1 : 0)) | 0 : bh,
  );
}

/** i64.div_s: signed quotient rounded toward zero; traps on a zero divisor and on MIN / -1. */
export function i64_div_s(r: Int32Array, d: number, a: number, b: number): void {
  const al = r[a];
  const ah = r[a + 1];
  const bl = r[b];
  const bh = r[b + 1];
  if ((bl | bh) === 0) trapDivideByZero();
  if (ah === al >> 31 && bh === bl >> 31) {
    // Both operands are int32: the quotient is exact in doubles.
    if (al === INT32_MIN && bl === -1) {
      r[d] = INT32_MIN; // +2^31
      r[d + 1] = 0;
      return;
    }
    const q = (al / bl) | 0;
    r[d] = q;
    r[d + 1] = q >> 31;
    return;
  }
  if (ah === INT32_MIN && al === 0 && (bl & bh) === -1) trapIntegerOverflow();
  const negA = ah < 0;
  const negB = bh < 0;
  divmodMagnitudes(al, ah, bl, bh);
  if (negA !== negB) {
    r[d + 1] = (~quoHi + (quoLo === 0 ? 1 : 0)) | 0;
    r[d] = -quoLo | 0;
  } else {
    r[d + 1] = quoHi;
    r[d] = quoLo;
  }
}

/** i64.div_u: unsigned quotient; traps on a zero divisor. */
export function i64_div_u(r: Int32Array, d: number, a: number, b: number): void {
  const al = r[a];
  const ah = r[a + 1];
  const bl = r[b];
  const bh = r[b + 1];
  if ((bl | bh) === 0) trapDivideByZero();
  if ((ah | bh) === 0) {
    r[d] = ((al >>> 0) / (bl >>> 0)) | 0;
    r[d + 1] = 0;
    return;
  }
  divmodU64(al, ah, bl, bh);
  r[d] = quoLo;
  r[d + 1] = quoHi;
}

/** i64.rem_s: signed remainder with the sign of the dividend (MIN rem -1 is 0); traps on a zero divisor. */
export function i64_rem_s(r: Int32Array, d: number, a: number, b: number): void {
  const al = r[a];
  const ah = r[a + 1];
  const bl = r[b];
  const bh = r[b + 1];
  if ((bl | bh) === 0) trapDivideByZero();
  if (ah === al >> 31 && bh === bl >> 31) {
    const m = (al % bl) | 0; // MIN % -1 is -0 → 0
    r[d] = m;
    r[d + 1] = m >> 31;
    return;
  }
  const negA = ah < 0;
  divmodMagnitudes(al, ah, bl, bh);
  if (negA) {
    r[d + 1] = (~remHi + (remLo === 0 ? 1 : 0)) | 0;
    r[d] = -remLo | 0;
  } else {
    r[d + 1] = remHi;
    r[d] = remLo;
  }
}

/** i64.rem_u: unsigned remainder; traps on a zero divisor. */
export function i64_rem_u(r: Int32Array, d: number, a: number, b: number): void {
  const al = r[a];
  const ah = r[a + 1];
  const bl = r[b];
  const bh = r[b + 1];
  if ((bl | bh) === 0) trapDivideByZero();
  if ((ah | bh) === 0) {
    r[d] = ((al >>> 0) % (bl >>> 0)) | 0;
    r[d + 1] = 0;
    return;
  }
  divmodU64(al, ah, bl, bh);
  r[d] = remLo;
  r[d + 1] = remHi;
}

// ---------------------------------------------------------------------------
// Bitwise operations, shifts and rotations (shift counts are taken mod 64)

/** i64.and */
export function i64_and(r: Int32Array, d: number, a: number, b: number): void {
  r[d] = r[a] & r[b];
  r[d + 1] = r[a + 1] & r[b + 1];
}

/** i64.or */
export function i64_or(r: Int32Array, d: number, a: number, b: number): void {
  r[d] = r[a] | r[b];
  r[d + 1] = r[a + 1] | r[b + 1];
}

/** i64.xor */
export function i64_xor(r: Int32Array, d: number, a: number, b: number): void {
  r[d] = r[a] ^ r[b];
  r[d + 1] = r[a + 1] ^ r[b + 1];
}

// In the shifts below, `(x >>> 1) >>> (31 - k)` is `x >>> (32 - k)` for k in
// 1..31 and 0 for k = 0 (a plain `x >>> 32` would be x, since JS masks shift
// counts to 5 bits); `(x << 1) << (31 - k)` likewise for left shifts.

/** i64.shl: shift left by `r[b] mod 64` (only the count's low word matters). */
export function i64_shl(r: Int32Array, d: number, a: number, b: number): void {
  const k = r[b] & 63;
  const al = r[a];
  const ah = r[a + 1];
  if (k < 32) {
    r[d + 1] = (ah << k) | ((al >>> 1) >>> (31 - k));
    r[d] = al << k;
  } else {
    r[d + 1] = al << (k - 32);
    r[d] = 0;
  }
}

/** i64.shr_s: arithmetic shift right by `r[b] mod 64`. */
export function i64_shr_s(r: Int32Array, d: number, a: number, b: number): void {
  const k = r[b] & 63;
  const al = r[a];
  const ah = r[a + 1];
  if (k < 32) {
    r[d] = (al >>> k) | ((ah << 1) << (31 - k));
    r[d + 1] = ah >> k;
  } else {
    r[d] = ah >> (k - 32);
    r[d + 1] = ah >> 31;
  }
}

/** i64.shr_u: logical shift right by `r[b] mod 64`. */
export function i64_shr_u(r: Int32Array, d: number, a: number, b: number): void {
  const k = r[b] & 63;
  const al = r[a];
  const ah = r[a + 1];
  if (k < 32) {
    r[d] = (al >>> k) | ((ah << 1) << (31 - k));
    r[d + 1] = ah >>> k;
  } else {
    r[d] = ah >>> (k - 32);
    r[d + 1] = 0;
  }
}

/** i64.rotl: rotate left by `r[b] mod 64`. */
export function i64_rotl(r: Int32Array, d: number, a: number, b: number): void {
  let k = r[b] & 63;
  let lo = r[a];
  let hi = r[a + 1];
  if (k >= 32) {
    const t = lo;
    lo = hi;
    hi = t;
    k -= 32;
  }
  r[d + 1] = (hi << k) | ((lo >>> 1) >>> (31 - k));
  r[d] = (lo << k) | ((hi >>> 1) >>> (31 - k));
}

/** i64.rotr: rotate right by `r[b] mod 64`. */
export function i64_rotr(r: Int32Array, d: number, a: number, b: number): void {
  let k = r[b] & 63;
  let lo = r[a];
  let hi = r[a + 1];
  if (k >= 32) {
    const t = lo;
    lo = hi;
    hi = t;
    k -= 32;
  }
  r[d] = (lo >>> k) | ((hi << 1) << (31 - k));
  r[d + 1] = (hi >>> k) | ((lo << 1) << (31 - k));
}

// ---------------------------------------------------------------------------
// Bit counts (results written as i64)

/** i64.clz: leading zero bits of r[a..] (64 for 0), written as an i64 at d. */
export function i64_clz(r: Int32Array, d: number, a: number): void {
  const hi = r[a + 1];
  r[d] = hi !== 0 ? Math.clz32(hi) : 32 + Math.clz32(r[a]);
  r[d + 1] = 0;
}

/** i64.ctz: trailing zero bits of r[a..] (64 for 0), written as an i64 at d. */
export function i64_ctz(r: Int32Array, d: number, a: number): void {
  const lo = r[a];
  const hi = r[a + 1];
  r[d] = lo !== 0 ? 31 - Math.clz32(lo & -lo) : hi !== 0 ? 63 - Math.clz32(hi & -hi) : 64;
  r[d + 1] = 0;
}

/** Number of one bits in an int32. */
function popcnt32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** i64.popcnt: one bits of r[a..], written as an i64 at d. */
export function i64_popcnt(r: Int32Array, d: number, a: number): void {
  r[d] = popcnt32(r[a]) + popcnt32(r[a + 1]);
  r[d + 1] = 0;
}

// ---------------------------------------------------------------------------
// Comparisons (return 0 or 1)

/** i64.eqz: 1 if r[a..] is zero. */
export function i64_eqz(r: Int32Array, a: number): number {
  return (r[a] | r[a + 1]) === 0 ? 1 : 0;
}

/** i64.eq */
export function i64_eq(r: Int32Array, a: number, b: number): number {
  return r[a] === r[b] && r[a + 1] === r[b + 1] ? 1 : 0;
}

/** i64.ne */
export function i64_ne(r: Int32Array, a: number, b: number): number {
  return r[a] !== r[b] || r[a + 1] !== r[b + 1] ? 1 : 0;
}

/** i64.lt_s */
export function i64_lt_s(r: Int32Array, a: number, b: number): number {
  const ah = r[a + 1];
  const bh = r[b + 1];
  return ah < bh || (ah === bh && r[a] >>> 0 < r[b] >>> 0) ? 1 : 0;
}

/** i64.lt_u */
export function i64_lt_u(r: Int32Array, a: number, b: number): number {
  const ah = r[a + 1] >>> 0;
  const bh = r[b + 1] >>> 0;
  return ah < bh || (ah === bh && r[a] >>> 0 < r[b] >>> 0) ? 1 : 0;
}

/** i64.gt_s */
export function i64_gt_s(r: Int32Array, a: number, b: number): number {
  return i64_lt_s(r, b, a);
}

/** i64.gt_u */
export function i64_gt_u(r: Int32Array, a: number, b: number): number {
  return i64_lt_u(r, b, a);
}

/** i64.le_s */
export function i64_le_s(r: Int32Array, a: number, b: number): number {
  return i64_lt_s(r, b, a) ^ 1;
}

/** i64.le_u */
export function i64_le_u(r: Int32Array, a: number, b: number): number {
  return i64_lt_u(r, b, a) ^ 1;
}

/** i64.ge_s */
export function i64_ge_s(r: Int32Array, a: number, b: number): number {
  return i64_lt_s(r, a, b) ^ 1;
}

/** i64.ge_u */
export function i64_ge_u(r: Int32Array, a: number, b: number): number {
  return i64_lt_u(r, a, b) ^ 1;
}

// ---------------------------------------------------------------------------
// Sign extension and conversions between i32 and i64

/** i64.extend8_s: sign-extend the low 8 bits of r[a..] into r[d..]. */
export function i64_extend8_s(r: Int32Array, d: number, a: number): void {
  const lo = (r[a] << 24) >> 24;
  r[d] = lo;
  r[d + 1] = lo >> 31;
}

/** i64.extend16_s: sign-extend the low 16 bits of r[a..] into r[d..]. */
export function i64_extend16_s(r: Int32Array, d: number, a: number): void {
  const lo = (r[a] << 16) >> 16;
  r[d] = lo;
  r[d + 1] = lo >> 31;
}

/** i64.extend32_s: sign-extend the low 32 bits of r[a..] into r[d..]. */
export function i64_extend32_s(r: Int32Array, d: number, a: number): void {
  const lo = r[a];
  r[d] = lo;
  r[d + 1] = lo >> 31;
}

/** i64.extend_i32_s: write the int32 `x`, sign-extended, as an i64 at d. */
export function i64_extend_i32_s(r: Int32Array, d: number, x: number): void {
  r[d] = x;
  r[d + 1] = x >> 31;
}

/** i64.extend_i32_u: write the int32 `x`, zero-extended, as an i64 at d. */
export function i64_extend_i32_u(r: Int32Array, d: number, x: number): void {
  r[d] = x;
  r[d + 1] = 0;
}

/** i32.wrap_i64: the low word of r[a..] (an int32). */
export function i32_wrap_i64(r: Int32Array, a: number): number {
  return r[a];
}

// ---------------------------------------------------------------------------
// Wide arithmetic (128-bit values as two i64 halves, low half first)
//
// Each 128-bit operand or result is two i64 cells given by the word indices of
// their low words (`xLo` for bits 0..63, `xHi` for bits 64..127); with
// `xHi = xLo + 2` they are 4 consecutive int32 words, least significant first.

/** i64.add128: (dLo, dHi) = (aLo, aHi) + (bLo, bHi) mod 2^128. */
export function i64_add128(
  r: Int32Array,
  dLo: number,
  dHi: number,
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
): void {
  let s = (r[aLo] >>> 0) + (r[bLo] >>> 0);
  const w0 = s | 0;
  s = (r[aLo + 1] >>> 0) + (r[bLo + 1] >>> 0) + (s > 0xffffffff ? 1 : 0);
  const w1 = s | 0;
  s = (r[aHi] >>> 0) + (r[bHi] >>> 0) + (s > 0xffffffff ? 1 : 0);
  const w2 = s | 0;
  s = (r[aHi + 1] >>> 0) + (r[bHi + 1] >>> 0) + (s > 0xffffffff ? 1 : 0);
  r[dHi + 1] = s | 0;
  r[dHi] = w2;
  r[dLo + 1] = w1;
  r[dLo] = w0;
}

/** i64.sub128: (dLo, dHi) = (aLo, aHi) - (bLo, bHi) mod 2^128. */
export function i64_sub128(
  r: Int32Array,
  dLo: number,
  dHi: number,
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
): void {
  let s = (r[aLo] >>> 0) - (r[bLo] >>> 0);
  const w0 = s | 0;
  s = (r[aLo + 1] >>> 0) - (r[bLo + 1] >>> 0) - (s < 0 ? 1 : 0);
  const w1 = s | 0;
  s = (r[aHi] >>> 0) - (r[bHi] >>> 0) - (s < 0 ? 1 : 0);
  const w2 = s | 0;
  s = (r[aHi + 1] >>> 0) - (r[bHi + 1] >>> 0) - (s < 0 ? 1 : 0);
  r[dHi + 1] = s | 0;
  r[dHi] = w2;
  r[dLo + 1] = w1;
  r[dLo] = w0;
}

// 16-bit limbs of the operands of mulWideU (scratch, never reallocated).
const limbA = new Float64Array(4);
const limbB = new Float64Array(4);
// Product words of mulWideU, least significant first.
let prod0 = 0;
let prod1 = 0;
let prod2 = 0;
let prod3 = 0;

/** Full unsigned 128-bit product of two u64 values (as words); sets prod0..prod3. */
function mulWideU(al: number, ah: number, bl: number, bh: number): void {
  limbA[0] = al & 0xffff;
  limbA[1] = al >>> 16;
  limbA[2] = ah & 0xffff;
  limbA[3] = ah >>> 16;
  limbB[0] = bl & 0xffff;
  limbB[1] = bl >>> 16;
  limbB[2] = bh & 0xffff;
  limbB[3] = bh >>> 16;
  // Column sums: at most 4 products below 2^32 plus a carry, far below 2^53.
  let carry = 0;
  let word = 0;
  for (let k = 0; k < 8; k++) {
    let sum = carry;
    const iMin = k > 3 ? k - 3 : 0;
    const iMax = k < 3 ? k : 3;
    for (let i = iMin; i <= iMax; i++) sum += limbA[i] * limbB[k - i];
    const limb = sum % 65536;
    carry = (sum - limb) / 65536;
    if ((k & 1) === 0) {
      word = limb;
    } else {
      const w = (limb * 65536 + word) | 0;
      if (k === 1) prod0 = w;
      else if (k === 3) prod1 = w;
      else if (k === 5) prod2 = w;
      else prod3 = w;
    }
  }
}

/** i64.mul_wide_u: the full 128-bit unsigned product of r[a..] and r[b..] into (dLo, dHi). */
export function i64_mul_wide_u(r: Int32Array, dLo: number, dHi: number, a: number, b: number): void {
  mulWideU(r[a], r[a + 1], r[b], r[b + 1]);
  r[dLo] = prod0;
  r[dLo + 1] = prod1;
  r[dHi] = prod2;
  r[dHi + 1] = prod3;
}

/** i64.mul_wide_s: the full 128-bit signed product of r[a..] and r[b..] into (dLo, dHi). */
export function i64_mul_wide_s(r: Int32Array, dLo: number, dHi: number, a: number, b: number): void {
  const al = r[a];
  const ah = r[a + 1];
  const bl = r[b];
  const bh = r[b + 1];
  mulWideU(al, ah, bl, bh);
  // signed(a) * signed(b) = a*b - 2^64 * (a<0 ? b : 0) - 2^64 * (b<0 ? a : 0)  (mod 2^128)
  let hl = prod2;
  let hh = prod3;
  if (ah < 0) {
    const borrow = hl >>> 0 < bl >>> 0 ? 1 : 0;
    hl = (hl - bl) | 0;
    hh = (hh - bh - borrow) | 0;
  }
  if (bh < 0) {
    const borrow = hl >>> 0 < al >>> 0 ? 1 : 0;
    hl = (hl - al) | 0;
    hh = (hh - ah - borrow) | 0;
  }
  r[dLo] = prod0;
  r[dLo + 1] = prod1;
  r[dHi] = hl;
  r[dHi + 1] = hh;
}

// ---------------------------------------------------------------------------
// Boundary conversions: BigInt and strings (not for hot paths)

/** Writes the BigInt `v` (taken mod 2^64, so signed and unsigned both work) as an i64 at word index d. */
export function i64FromBigInt(r: Int32Array, d: number, v: bigint): void {
  r[d] = Number(BigInt.asIntN(32, v));
  r[d + 1] = Number(BigInt.asIntN(32, v >> BigInt(32)));
}

/** The i64 with words (lo, hi) as a BigInt, read as signed (two's complement) or unsigned. */
export function i64ToBigInt(lo: number, hi: number, signed: boolean): bigint {
  const h = signed ? BigInt(hi | 0) : BigInt(hi >>> 0);
  return (h << BigInt(32)) + BigInt(lo >>> 0);
}

const DECIMAL_CHUNK = 1000000000; // 10^9

/** Decimal text of the i64 with words (lo, hi), read as signed or unsigned (e.g. "-1" or "18446744073709551615"). */
export function i64ToString(lo: number, hi: number, signed: boolean): string {
  let sign = '';
  if (signed && hi < 0) {
    sign = '-';
    hi = (~hi + (lo === 0 ? 1 : 0)) | 0;
    lo = -lo | 0;
  }
  const h = hi >>> 0;
  if (h < HI_BELOW_2_53) return sign + String(h * TWO_32 + (lo >>> 0));
  divmodU64(lo, hi, DECIMAL_CHUNK, 0); // quotient < 2^64 / 10^9 < 2^53
  const rest = String(remLo >>> 0);
  return sign + String((quoHi >>> 0) * TWO_32 + (quoLo >>> 0)) + '000000000'.slice(rest.length) + rest;
}

/** Hexadecimal text (two's complement bits, lower case, "0x" prefix, no leading zeros) of the i64 (lo, hi). */
export function i64ToHexString(lo: number, hi: number): string {
  const l = (lo >>> 0).toString(16);
  if (hi === 0) return '0x' + l;
  return '0x' + (hi >>> 0).toString(16) + '00000000'.slice(l.length) + l;
}
