/**
 * f32 and f64 operations with the spec's rounding, signed-zero and NaN rules,
 * and the bit-level helpers (reinterpret, abs/neg/copysign, NaN classes).
 *
 * Spec: "Numerics" chapter of the WebAssembly specification, section
 * "Floating-Point Operations" (fadd, fsub, fmul, fdiv, fsqrt, fmin, fmax,
 * fcopysign, fabs, fneg, fceil, ffloor, ftrunc, fnearest, feq, fne, flt, fgt,
 * fle, fge) and, under "Conversions", fdemote / fpromote and reinterpret.
 *
 * Representation. Arithmetic takes and returns JavaScript numbers: an f64 is
 * the number itself, an f32 is a number that is exactly representable in
 * binary32 (every f32 result here is rounded with `Math.fround`). For add,
 * sub, mul, div and sqrt, computing in double and rounding once to f32 equals
 * the correctly rounded f32 result, because binary64 has more than 2 * 24 + 2
 * significand bits. Operations whose result must keep the operand's exact
 * bits (abs, neg, copysign, and reinterpret/loads/stores in the executor)
 * work on raw bits instead: an f32 as its int32 bit pattern, an f64 as its
 * (lo, hi) int32 words, of which only the hi word holds sign and exponent.
 *
 * NaN rules (spec "NaN Propagation"): when all NaN operands are canonical the
 * result must be a canonical NaN, otherwise any arithmetic (quiet) NaN. A NaN
 * payload travelling through a JS number is not reliable (f32 signaling NaNs
 * are quieted on conversion to double, and engines may canonicalize), but
 * every NaN the functions here produce is quiet, and a quiet operand's
 * payload is either propagated or replaced by the canonical one, both allowed:
 * - add, sub, mul, div, sqrt, demote, promote: hardware propagates an operand
 *   NaN's payload, quieted (x64, arm64); default NaNs are canonical.
 * - min, max: `Math.min`/`Math.max` may return an operand NaN unchanged
 *   (signaling included) or the canonical NaN, so a NaN result is replaced
 *   by `a + b`, which propagates an operand's payload, quieted.
 * - ceil, floor, trunc, nearest: `Math.floor` etc. return a signaling NaN
 *   unchanged, so these add the NaN to itself to quiet it (payload kept).
 * - abs, neg, copysign: bit operations; payloads and signaling bits survive
 *   exactly, as the spec requires.
 *
 * Deliberately not here: integer↔float conversions (`convert.ts`), text
 * parsing and printing (`parse.ts`, `format.ts`), memory access.
 */

// ---------------------------------------------------------------------------
// Reinterpretation through one shared 8-byte scratch buffer

const scratch = new ArrayBuffer(8);
const scratchF64 = new Float64Array(scratch);
const scratchF32 = new Float32Array(scratch);
const scratchI32 = new Int32Array(scratch);
/** Index of the low word of scratchF64[0] in scratchI32: 0 on little-endian hosts, 1 on big-endian ones. */
const LO = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 0 : 1;
const HI = 1 - LO;

/** The f32 value (as a number) of the int32 bit pattern `bits`. A signaling NaN comes back quieted. */
export function f32FromBits(bits: number): number {
  scratchI32[0] = bits;
  return scratchF32[0];
}

/** The int32 bit pattern of `x` rounded to f32 (i32.reinterpret_f32 of an f32 held as a number). */
export function f32Bits(x: number): number {
  scratchF32[0] = x;
  return scratchI32[0];
}

/** The f64 value of the words (lo, hi). */
export function f64FromBits(lo: number, hi: number): number {
  scratchI32[LO] = lo;
  scratchI32[HI] = hi;
  return scratchF64[0];
}

/** The low int32 word of the f64 bits of `x`. */
export function f64BitsLo(x: number): number {
  scratchF64[0] = x;
  return scratchI32[LO];
}

/** The high int32 word (sign, exponent, top 20 fraction bits) of the f64 bits of `x`. */
export function f64BitsHi(x: number): number {
  scratchF64[0] = x;
  return scratchI32[HI];
}

// ---------------------------------------------------------------------------
// NaN classes (for assertions such as the testsuite's nan:canonical / nan:arithmetic)

/** f32 bits of the positive canonical NaN. */
export const F32_CANONICAL_NAN = 0x7fc00000;
/** f32 bits of positive infinity. */
export const F32_INFINITY = 0x7f800000;
/** hi word of the positive canonical f64 NaN (its lo word is 0). */
export const F64_CANONICAL_NAN_HI = 0x7ff80000;
/** hi word of f64 positive infinity (its lo word is 0). */
export const F64_INFINITY_HI = 0x7ff00000;

/** True if the f32 bits are a NaN. */
export function isNaN32(bits: number): boolean {
  return (bits & 0x7fffffff) > F32_INFINITY;
}

/** True if the f32 bits are a canonical NaN (either sign, quiet bit only). */
export function isCanonicalNaN32(bits: number): boolean {
  return (bits & 0x7fffffff) === F32_CANONICAL_NAN;
}

/** True if the f32 bits are an arithmetic NaN (either sign, quiet bit set, any payload). */
export function isArithmeticNaN32(bits: number): boolean {
  return (bits & F32_CANONICAL_NAN) === F32_CANONICAL_NAN;
}

/** True if the f64 words are a NaN. */
export function isNaN64(lo: number, hi: number): boolean {
  const h = hi & 0x7fffffff;
  return h > F64_INFINITY_HI || (h === F64_INFINITY_HI && lo !== 0);
}

/** True if the f64 words are a canonical NaN (either sign, quiet bit only). */
export function isCanonicalNaN64(lo: number, hi: number): boolean {
  return lo === 0 && (hi & 0x7fffffff) === F64_CANONICAL_NAN_HI;
}

/** True if the f64 words are an arithmetic NaN (either sign, quiet bit set, any payload). */
export function isArithmeticNaN64(_lo: number, hi: number): boolean {
  return (hi & F64_CANONICAL_NAN_HI) === F64_CANONICAL_NAN_HI;
}

// ---------------------------------------------------------------------------
// Sign operations on raw bits (exact for every input, NaNs included)

/** f32.abs on bits: clears the sign bit. */
export function f32_abs(bits: number): number {
  return bits & 0x7fffffff;
}

/** f32.neg on bits: flips the sign bit. */
export function f32_neg(bits: number): number {
  return bits ^ -0x80000000;
}

/** f32.copysign on bits: magnitude of `a`, sign of `b`. */
export function f32_copysign(a: number, b: number): number {
  return (a & 0x7fffffff) | (b & -0x80000000);
}

/** f64.abs on the hi word (the lo word is unchanged). */
export function f64_abs_hi(hi: number): number {
  return hi & 0x7fffffff;
}

/** f64.neg on the hi word (the lo word is unchanged). */
export function f64_neg_hi(hi: number): number {
  return hi ^ -0x80000000;
}

/** f64.copysign on hi words: hi word of the result whose lo word is `a`'s. */
export function f64_copysign_hi(aHi: number, bHi: number): number {
  return (aHi & 0x7fffffff) | (bHi & -0x80000000);
}

// ---------------------------------------------------------------------------
// f64 arithmetic

/** f64.add */
export function f64_add(a: number, b: number): number {
  return a + b;
}

/** f64.sub */
export function f64_sub(a: number, b: number): number {
  return a - b;
}

/** f64.mul */
export function f64_mul(a: number, b: number): number {
  return a * b;
}

/** f64.div */
export function f64_div(a: number, b: number): number {
  return a / b;
}

/** f64.sqrt (sqrt(-0) = -0, negative inputs give NaN). */
export function f64_sqrt(a: number): number {
  return Math.sqrt(a);
}

/** f64.min and f32.min: NaN if either operand is NaN, and -0 < +0 (as `Math.min`); a NaN result is quiet. */
export function f64_min(a: number, b: number): number {
  const m = Math.min(a, b);
  return m === m ? m : a + b;
}

/** f64.max and f32.max: NaN if either operand is NaN, and -0 < +0 (as `Math.max`); a NaN result is quiet. */
export function f64_max(a: number, b: number): number {
  const m = Math.max(a, b);
  return m === m ? m : a + b;
}

/** f64.ceil and f32.ceil: rounds toward +inf, -0.5 → -0; a NaN comes back quiet. */
export function f64_ceil(a: number): number {
  const t = Math.ceil(a);
  return t === t ? t : a + a;
}

/** f64.floor and f32.floor: rounds toward -inf, -0 stays -0; a NaN comes back quiet. */
export function f64_floor(a: number): number {
  const t = Math.floor(a);
  return t === t ? t : a + a;
}

/** f64.trunc and f32.trunc: rounds toward zero, -0.5 → -0; a NaN comes back quiet. */
export function f64_trunc(a: number): number {
  const t = Math.trunc(a);
  return t === t ? t : a + a;
}

/** 2^52: doubles of this magnitude or more are integers. */
const TWO_52 = 4503599627370496;

/**
 * f64.nearest and f32.nearest: round to the nearest integer, ties to even
 * (nearest(2.5) = 2, nearest(-0.5) = -0), keeping the sign of zero; a NaN
 * comes back quiet. Uses the hardware's round-to-nearest-even on x + 2^52.
 */
export function f64_nearest(a: number): number {
  if (a !== a) return a + a;
  const m = a < 0 ? -a : a;
  if (!(m < TWO_52) || m === 0) return a; // integers, infinities, ±0
  const n = m + TWO_52 - TWO_52;
  return a < 0 ? -n : n;
}

// ---------------------------------------------------------------------------
// f32 arithmetic (operands are f32 values held as numbers)

/** f32.add, correctly rounded. */
export function f32_add(a: number, b: number): number {
  return Math.fround(a + b);
}

/** f32.sub, correctly rounded. */
export function f32_sub(a: number, b: number): number {
  return Math.fround(a - b);
}

/** f32.mul, correctly rounded (the double product of two f32 values is exact). */
export function f32_mul(a: number, b: number): number {
  return Math.fround(a * b);
}

/** f32.div, correctly rounded. */
export function f32_div(a: number, b: number): number {
  return Math.fround(a / b);
}

/** f32.sqrt, correctly rounded. */
export function f32_sqrt(a: number): number {
  return Math.fround(Math.sqrt(a));
}

/** f32.min: same as `f64_min` (the result is one of the operands, or NaN). */
export const f32_min = f64_min;
/** f32.max: same as `f64_max`. */
export const f32_max = f64_max;
/** f32.ceil: same as `f64_ceil` (the integer result of an f32 is an f32). */
export const f32_ceil = f64_ceil;
/** f32.floor: same as `f64_floor`. */
export const f32_floor = f64_floor;
/** f32.trunc: same as `f64_trunc`. */
export const f32_trunc = f64_trunc;
/** f32.nearest: same as `f64_nearest`. */
export const f32_nearest = f64_nearest;

// ---------------------------------------------------------------------------
// Comparisons (f32 and f64 alike; any comparison with NaN is false except ne)

/** feq: 1 if a == b (so -0 == +0, NaN != NaN). */
export function f_eq(a: number, b: number): number {
  return a === b ? 1 : 0;
}

/** fne: 1 if a != b (true when either is NaN). */
export function f_ne(a: number, b: number): number {
  return a !== b ? 1 : 0;
}

/** flt: 1 if a < b. */
export function f_lt(a: number, b: number): number {
  return a < b ? 1 : 0;
}

/** fgt: 1 if a > b. */
export function f_gt(a: number, b: number): number {
  return a > b ? 1 : 0;
}

/** fle: 1 if a <= b. */
export function f_le(a: number, b: number): number {
  return a <= b ? 1 : 0;
}

/** fge: 1 if a >= b. */
export function f_ge(a: number, b: number): number {
  return a >= b ? 1 : 0;
}

// ---------------------------------------------------------------------------
// Demotion and promotion

/**
 * f32.demote_f64: round to nearest f32 (overflow to ±inf). A NaN stays a
 * quiet NaN keeping the top 22 payload bits, so a canonical NaN stays canonical.
 */
export function f32_demote_f64(a: number): number {
  return a === a ? Math.fround(a) : a + a;
}

/** f64.promote_f32: exact; a NaN comes back quiet with its payload moved up. */
export function f64_promote_f32(a: number): number {
  return a === a ? a : a + a;
}
