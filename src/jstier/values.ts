/**
 * Values inside code made by the compile-to-JS tier, and the few bit-level
 * helpers that representation needs. Documented here, once:
 *
 * - i32: a JS number holding an int32 (`x | 0`), as in src/numeric.
 * - i64: two JS numbers, the low and the high int32 word, in two variables
 *   (`l3`/`h3` for local 3); never a BigInt. As a function result the low
 *   word is returned and the high word left in `RH[0]`.
 * - f64: a JS number. Moves, locals, calls, `DataView` loads and stores and
 *   `Float64Array` accesses keep every bit of a double, NaN payloads
 *   included, on the engines we target (the interpreter relies on the same for
 *   its f64 moves); arithmetic gives quiet NaNs as src/numeric documents.
 * - f32: a JS number equal to the f32 value (every result rounded with
 *   `Math.fround`). A NaN is *boxed* as the f64 NaN with the same sign and the
 *   f32 payload in the top 23 fraction bits — exactly what promotion to f64
 *   gives, except that a signaling f32 NaN stays signaling. `Float32Array`
 *   and `DataView.getFloat32` would quiet it, so f32 loads, stores, globals
 *   and reinterpretations of NaNs go through `f32Box`/`f32Unbox` here, and
 *   f32 NaNs keep their bits wherever the spec says they survive. Arithmetic
 *   on a boxed NaN quiets it exactly as the interpreter's `Float32Array`
 *   arithmetic does (same hardware conversion, same payload).
 * - references: the interpreter's (null, a `FuncInst`, any host value).
 *
 * Deliberately not here: the operations (src/numeric, called from generated
 * code) and code generation (compile.ts).
 */

/** Most results a function type may have in this tier (the size of the shared result arrays, bridge.ts). */
export const MAX_RESULTS = 64;

const scratch = new ArrayBuffer(8);
const sI32 = new Int32Array(scratch);
const sF32 = new Float32Array(scratch);
const sF64 = new Float64Array(scratch);
/** Word of the f64 scratch holding sign and exponent (1 on little-endian hosts). */
const HI = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/** The f32 value (tier representation, NaNs boxed) of f32 bit pattern `bits`. */
export function f32Box(bits: number): number {
  if ((bits & 0x7fffffff) <= 0x7f800000) {
    sI32[0] = bits;
    return sF32[0]!;
  }
  sI32[HI] = (bits & 0x80000000) | 0x7ff00000 | ((bits & 0x7fffff) >>> 3);
  sI32[LO] = bits << 29;
  return sF64[0]!;
}

/** The f32 bit pattern (int32) of tier f32 value `x` (the inverse of `f32Box`). */
export function f32Unbox(x: number): number {
  if (x === x) {
    sF32[0] = x;
    return sI32[0]!;
  }
  sF64[0] = x;
  const hi = sI32[HI]!;
  return (hi & 0x80000000) | 0x7f800000 | ((hi & 0xfffff) << 3) | (sI32[LO]! >>> 29);
}

/** f32.copysign and f64.copysign on tier values: |a| with the sign bit of b (NaNs included). */
export function copysign(a: number, b: number): number {
  sF64[0] = b;
  const neg = sI32[HI]! < 0;
  const m = Math.abs(a);
  return neg ? -m : m;
}

/** The low word of the f64 bits of x (i64.reinterpret_f64). */
export function f64Lo(x: number): number {
  sF64[0] = x;
  return sI32[LO]!;
}

/** The high word of the f64 bits of x. */
export function f64Hi(x: number): number {
  sF64[0] = x;
  return sI32[HI]!;
}

/** The f64 of the words (lo, hi) (f64.reinterpret_i64). */
export function f64Of(lo: number, hi: number): number {
  sI32[LO] = lo;
  sI32[HI] = hi;
  return sF64[0]!;
}

/**
 * The high 32 bits (as an int32) of the unsigned 64-bit product of int32s a
 * and b, from 16-bit halves (every partial product is exact in a double).
 * With `Math.imul` for the low word and the cross terms this is i64.mul
 * (compile.ts), checked against src/numeric's `i64_mul` by the tier property tests.
 */
export function umulh(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const mid = ((a0 * b0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  return (a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)) | 0;
}

/** The unsigned value of the i64 (lo, hi) as a number: exact below 2^53, and any larger value is out of every bound. */
export function u64(lo: number, hi: number): number {
  return (hi >>> 0) * 4294967296 + (lo >>> 0);
}
