/**
 * Fixed-width SIMD (WebAssembly 2.0), part 1: the v128 representation, and
 * the instructions that move bits without arithmetic — bitwise operations,
 * splat / extract_lane / replace_lane, shuffle and swizzle, any_true /
 * all_true / bitmask, and the memory forms (load, extending loads, splat and
 * zero loads, lane loads and stores).
 *
 * Spec: "Execution › Instructions › Vector Instructions" and "Memory
 * Instructions"; "Numerics" for the lane operators. Integer lane arithmetic
 * lives in `simd-int.ts`, float lanes and conversions in `simd-float.ts`,
 * relaxed SIMD in `simd-relaxed.ts`.
 *
 * ## v128 representation (documented here, once)
 *
 * A v128 is 16 bytes inside an `ArrayBuffer`, addressed by the index `w` of
 * its first int32 word; `w` is even (a v128 starts on an 8-byte boundary, so
 * in the interpreter's register file it is two consecutive 64-bit cells).
 * `Lanes` holds every typed-array view of that buffer, and lane k of a shape
 * is element `base + k` of the matching view, little-endian lane order as
 * the spec's `lanes` function (lane 0 = the lowest-addressed bytes):
 *
 * | shape | view | element of lane k |
 * | --- | --- | --- |
 * | i8x16 | `i8` / `u8` | `4w + k` |
 * | i16x8 | `i16` / `u16` | `2w + k` |
 * | i32x4, f32x4 bits | `i32` / `u32` | `w + k` |
 * | f32x4 arithmetic | `f32` | `w + k` |
 * | i64x2 | `i32` words (lo, hi) | `w + 2k`, `w + 2k + 1` |
 * | f64x2 arithmetic | `f64` | `(w >> 1) + k` |
 *
 * Scalars that an instruction takes or gives (a lane value, a shift count,
 * a splatted value, a bool) are word indices into the same `i32` view, in
 * the numeric library's scalar representation (`index.ts`): i32 and f32 bits
 * in one word, i64 and f64 as (lo, hi) words. So every operation is
 * `op(L, d, a, b?, c?)` with word indices, usable alike by the interpreter
 * (its register file is a `Lanes`), the compile-to-JS tier, constant
 * evaluation and tests. Lane immediates (lane index, the 16 shuffle indices
 * packed four to an int32, little-endian) come last.
 *
 * Operands may alias: `d` may equal `a`, `b` or `c`. Every function reads
 * what it needs before it writes a lane that a later read would see.
 * Little-endian host assumed (as by the register file and memory views).
 *
 * NaNs: operations that only move bits (splat, lanes, shuffles, bitwise,
 * loads and stores, `abs`/`neg`, pmin/pmax) keep every payload exactly;
 * float arithmetic follows `float.ts` (see `simd-float.ts`).
 *
 * Memory forms take the memory's `DataView` and an effective address the
 * caller has already bounds-checked (`addr + width <= byteLength`): the
 * executor owns address computation, memory64 and the trap.
 */

/** Every typed-array view of one buffer, by lane shape (see the header). */
export class Lanes {
  readonly i8: Int8Array;
  readonly u8: Uint8Array;
  readonly i16: Int16Array;
  readonly u16: Uint16Array;
  readonly i32: Int32Array;
  readonly u32: Uint32Array;
  readonly f32: Float32Array;
  readonly f64: Float64Array;

  /** Views of `buffer`, whose byte length must be a multiple of 8. */
  constructor(readonly buffer: ArrayBuffer) {
    this.i8 = new Int8Array(buffer);
    this.u8 = new Uint8Array(buffer);
    this.i16 = new Int16Array(buffer);
    this.u16 = new Uint16Array(buffer);
    this.i32 = new Int32Array(buffer);
    this.u32 = new Uint32Array(buffer);
    this.f32 = new Float32Array(buffer);
    this.f64 = new Float64Array(buffer);
  }
}

/** Scratch vectors for operations whose output lanes depend on other lanes: words 0, 4, 8. */
export const laneScratch = new Lanes(new ArrayBuffer(48));

/** Copies the v128 at word `a` to word `d`. */
export function v128_copy(L: Lanes, d: number, a: number): void {
  const x = L.i32;
  x[d] = x[a];
  x[d + 1] = x[a + 1];
  x[d + 2] = x[a + 2];
  x[d + 3] = x[a + 3];
}

/** Copies the v128 at word `a` of `L` into laneScratch vector `s` (0, 4 or 8). */
function toScratch(L: Lanes, s: number, a: number): void {
  const x = L.i32;
  const t = laneScratch.i32;
  t[s] = x[a];
  t[s + 1] = x[a + 1];
  t[s + 2] = x[a + 2];
  t[s + 3] = x[a + 3];
}

/** Writes the four words (lane order) of a v128 at word `d`. */
export function v128_set(L: Lanes, d: number, w0: number, w1: number, w2: number, w3: number): void {
  const x = L.i32;
  x[d] = w0;
  x[d + 1] = w1;
  x[d + 2] = w2;
  x[d + 3] = w3;
}

// ---------------------------------------------------------------------------
// Bitwise operations (spec: inot, iand, iandnot, ior, ixor, ibitselect on i128)

/** v128.not */
export function v128_not(L: Lanes, d: number, a: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = ~x[a + k];
}

/** v128.and */
export function v128_and(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = x[a + k] & x[b + k];
}

/** v128.andnot: a & ~b */
export function v128_andnot(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = x[a + k] & ~x[b + k];
}

/** v128.or */
export function v128_or(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = x[a + k] | x[b + k];
}

/** v128.xor */
export function v128_xor(L: Lanes, d: number, a: number, b: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = x[a + k] ^ x[b + k];
}

/** v128.bitselect: bits of `a` where mask `c` is 1, of `b` where it is 0. */
export function v128_bitselect(L: Lanes, d: number, a: number, b: number, c: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k++) {
    const m = x[c + k];
    x[d + k] = (x[a + k] & m) | (x[b + k] & ~m);
  }
}

/** v128.any_true: 1 if any bit is set. */
export function v128_any_true(L: Lanes, a: number): number {
  const x = L.i32;
  return (x[a] | x[a + 1] | x[a + 2] | x[a + 3]) !== 0 ? 1 : 0;
}

// ---------------------------------------------------------------------------
// all_true and bitmask

/** i8x16.all_true: 1 if every byte is non-zero. */
export function i8x16_all_true(L: Lanes, a: number): number {
  const u = L.u8;
  const A = a << 2;
  for (let k = 0; k < 16; k++) if (u[A + k] === 0) return 0;
  return 1;
}

/** i16x8.all_true */
export function i16x8_all_true(L: Lanes, a: number): number {
  const u = L.u16;
  const A = a << 1;
  for (let k = 0; k < 8; k++) if (u[A + k] === 0) return 0;
  return 1;
}

/** i32x4.all_true */
export function i32x4_all_true(L: Lanes, a: number): number {
  const x = L.i32;
  return x[a] !== 0 && x[a + 1] !== 0 && x[a + 2] !== 0 && x[a + 3] !== 0 ? 1 : 0;
}

/** i64x2.all_true */
export function i64x2_all_true(L: Lanes, a: number): number {
  const x = L.i32;
  return (x[a] | x[a + 1]) !== 0 && (x[a + 2] | x[a + 3]) !== 0 ? 1 : 0;
}

/** i8x16.bitmask: bit k of the result is the top bit of byte lane k. */
export function i8x16_bitmask(L: Lanes, a: number): number {
  const u = L.u8;
  const A = a << 2;
  let m = 0;
  for (let k = 0; k < 16; k++) m |= (u[A + k] >>> 7) << k;
  return m;
}

/** i16x8.bitmask */
export function i16x8_bitmask(L: Lanes, a: number): number {
  const u = L.u16;
  const A = a << 1;
  let m = 0;
  for (let k = 0; k < 8; k++) m |= (u[A + k] >>> 15) << k;
  return m;
}

/** i32x4.bitmask */
export function i32x4_bitmask(L: Lanes, a: number): number {
  const x = L.i32;
  return (x[a] >>> 31) | ((x[a + 1] >>> 31) << 1) | ((x[a + 2] >>> 31) << 2) | ((x[a + 3] >>> 31) << 3);
}

/** i64x2.bitmask */
export function i64x2_bitmask(L: Lanes, a: number): number {
  const x = L.i32;
  return (x[a + 1] >>> 31) | ((x[a + 3] >>> 31) << 1);
}

// ---------------------------------------------------------------------------
// Splat (the scalar operand at word `a`; f32/f64 splat copy bits, so they are the i32/i64 forms)

/** i8x16.splat: the low byte of the i32 at word `a` in every lane. */
export function i8x16_splat(L: Lanes, d: number, a: number): void {
  const w = Math.imul(L.i32[a] & 0xff, 0x01010101);
  v128_set(L, d, w, w, w, w);
}

/** i16x8.splat: the low 16 bits of the i32 at word `a` in every lane. */
export function i16x8_splat(L: Lanes, d: number, a: number): void {
  const w = Math.imul(L.i32[a] & 0xffff, 0x10001);
  v128_set(L, d, w, w, w, w);
}

/** i32x4.splat, and f32x4.splat (the f32's bits). */
export function i32x4_splat(L: Lanes, d: number, a: number): void {
  const w = L.i32[a];
  v128_set(L, d, w, w, w, w);
}

/** i64x2.splat, and f64x2.splat (the f64's bits). */
export function i64x2_splat(L: Lanes, d: number, a: number): void {
  const x = L.i32;
  const lo = x[a];
  const hi = x[a + 1];
  v128_set(L, d, lo, hi, lo, hi);
}

/** f32x4.splat: bit copy, as `i32x4_splat`. */
export const f32x4_splat = i32x4_splat;
/** f64x2.splat: bit copy, as `i64x2_splat`. */
export const f64x2_splat = i64x2_splat;

// ---------------------------------------------------------------------------
// Lane access (scalar result or operand at word `d` / `b`; `lane` is the immediate)

/** i8x16.extract_lane_s */
export function i8x16_extract_lane_s(L: Lanes, d: number, a: number, lane: number): void {
  L.i32[d] = L.i8[(a << 2) + lane];
}

/** i8x16.extract_lane_u */
export function i8x16_extract_lane_u(L: Lanes, d: number, a: number, lane: number): void {
  L.i32[d] = L.u8[(a << 2) + lane];
}

/** i16x8.extract_lane_s */
export function i16x8_extract_lane_s(L: Lanes, d: number, a: number, lane: number): void {
  L.i32[d] = L.i16[(a << 1) + lane];
}

/** i16x8.extract_lane_u */
export function i16x8_extract_lane_u(L: Lanes, d: number, a: number, lane: number): void {
  L.i32[d] = L.u16[(a << 1) + lane];
}

/** i32x4.extract_lane, and f32x4.extract_lane (bits). */
export function i32x4_extract_lane(L: Lanes, d: number, a: number, lane: number): void {
  L.i32[d] = L.i32[a + lane];
}

/** i64x2.extract_lane, and f64x2.extract_lane (bits). */
export function i64x2_extract_lane(L: Lanes, d: number, a: number, lane: number): void {
  const x = L.i32;
  const lo = x[a + 2 * lane];
  const hi = x[a + 2 * lane + 1];
  x[d] = lo;
  x[d + 1] = hi;
}

/** f32x4.extract_lane: bit copy. */
export const f32x4_extract_lane = i32x4_extract_lane;
/** f64x2.extract_lane: bit copy. */
export const f64x2_extract_lane = i64x2_extract_lane;

/** i8x16.replace_lane: v128 `a` with byte lane `lane` set to the low byte of the i32 at word `b`. */
export function i8x16_replace_lane(L: Lanes, d: number, a: number, b: number, lane: number): void {
  const v = L.i32[b];
  v128_copy(L, d, a);
  L.i8[(d << 2) + lane] = v;
}

/** i16x8.replace_lane */
export function i16x8_replace_lane(L: Lanes, d: number, a: number, b: number, lane: number): void {
  const v = L.i32[b];
  v128_copy(L, d, a);
  L.i16[(d << 1) + lane] = v;
}

/** i32x4.replace_lane, and f32x4.replace_lane (bits). */
export function i32x4_replace_lane(L: Lanes, d: number, a: number, b: number, lane: number): void {
  const v = L.i32[b];
  v128_copy(L, d, a);
  L.i32[d + lane] = v;
}

/** i64x2.replace_lane, and f64x2.replace_lane (bits). */
export function i64x2_replace_lane(L: Lanes, d: number, a: number, b: number, lane: number): void {
  const x = L.i32;
  const lo = x[b];
  const hi = x[b + 1];
  v128_copy(L, d, a);
  x[d + 2 * lane] = lo;
  x[d + 2 * lane + 1] = hi;
}

/** f32x4.replace_lane: bit copy. */
export const f32x4_replace_lane = i32x4_replace_lane;
/** f64x2.replace_lane: bit copy. */
export const f64x2_replace_lane = i64x2_replace_lane;

// ---------------------------------------------------------------------------
// Shuffle and swizzle

/**
 * i8x16.shuffle: byte k of the result is byte `s[k]` of the 32-byte
 * concatenation a ++ b, where the 16 indices `s` (each < 32, checked by
 * validation) come packed four to a word: `s0` holds s[0..3] in its bytes
 * from low to high, and so on.
 */
export function i8x16_shuffle(L: Lanes, d: number, a: number, b: number, s0: number, s1: number, s2: number, s3: number): void {
  toScratch(L, 0, a);
  toScratch(L, 4, b);
  const t = laneScratch.u8;
  const u = L.u8;
  const D = d << 2;
  for (let k = 0; k < 4; k++) {
    u[D + k] = t[(s0 >>> (8 * k)) & 31];
    u[D + 4 + k] = t[(s1 >>> (8 * k)) & 31];
    u[D + 8 + k] = t[(s2 >>> (8 * k)) & 31];
    u[D + 12 + k] = t[(s3 >>> (8 * k)) & 31];
  }
}

/** i8x16.swizzle: byte k of the result is byte `b[k]` of `a`, or 0 where `b[k]` >= 16 (unsigned). */
export function i8x16_swizzle(L: Lanes, d: number, a: number, b: number): void {
  toScratch(L, 0, a);
  toScratch(L, 4, b);
  const t = laneScratch.u8;
  const u = L.u8;
  const D = d << 2;
  for (let k = 0; k < 16; k++) {
    const j = t[16 + k];
    u[D + k] = j < 16 ? t[j] : 0;
  }
}

// ---------------------------------------------------------------------------
// Memory (view = the memory's DataView; addr already bounds-checked)

/** v128.load: 16 bytes at `addr`. */
export function v128_load(L: Lanes, d: number, view: DataView, addr: number): void {
  const x = L.i32;
  x[d] = view.getInt32(addr, true);
  x[d + 1] = view.getInt32(addr + 4, true);
  x[d + 2] = view.getInt32(addr + 8, true);
  x[d + 3] = view.getInt32(addr + 12, true);
}

/** v128.store: 16 bytes at `addr`. */
export function v128_store(L: Lanes, a: number, view: DataView, addr: number): void {
  const x = L.i32;
  view.setInt32(addr, x[a], true);
  view.setInt32(addr + 4, x[a + 1], true);
  view.setInt32(addr + 8, x[a + 2], true);
  view.setInt32(addr + 12, x[a + 3], true);
}

/** v128.load8x8_s: 8 bytes, each sign-extended to an i16 lane. */
export function v128_load8x8_s(L: Lanes, d: number, view: DataView, addr: number): void {
  const h = L.i16;
  const D = d << 1;
  for (let k = 0; k < 8; k++) h[D + k] = view.getInt8(addr + k);
}

/** v128.load8x8_u */
export function v128_load8x8_u(L: Lanes, d: number, view: DataView, addr: number): void {
  const h = L.i16;
  const D = d << 1;
  for (let k = 0; k < 8; k++) h[D + k] = view.getUint8(addr + k);
}

/** v128.load16x4_s: 4 halfwords, each sign-extended to an i32 lane. */
export function v128_load16x4_s(L: Lanes, d: number, view: DataView, addr: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = view.getInt16(addr + 2 * k, true);
}

/** v128.load16x4_u */
export function v128_load16x4_u(L: Lanes, d: number, view: DataView, addr: number): void {
  const x = L.i32;
  for (let k = 0; k < 4; k++) x[d + k] = view.getUint16(addr + 2 * k, true);
}

/** v128.load32x2_s: 2 words, each sign-extended to an i64 lane. */
export function v128_load32x2_s(L: Lanes, d: number, view: DataView, addr: number): void {
  const lo0 = view.getInt32(addr, true);
  const lo1 = view.getInt32(addr + 4, true);
  v128_set(L, d, lo0, lo0 >> 31, lo1, lo1 >> 31);
}

/** v128.load32x2_u */
export function v128_load32x2_u(L: Lanes, d: number, view: DataView, addr: number): void {
  v128_set(L, d, view.getInt32(addr, true), 0, view.getInt32(addr + 4, true), 0);
}

/** v128.load8_splat */
export function v128_load8_splat(L: Lanes, d: number, view: DataView, addr: number): void {
  const w = Math.imul(view.getUint8(addr), 0x01010101);
  v128_set(L, d, w, w, w, w);
}

/** v128.load16_splat */
export function v128_load16_splat(L: Lanes, d: number, view: DataView, addr: number): void {
  const w = Math.imul(view.getUint16(addr, true), 0x10001);
  v128_set(L, d, w, w, w, w);
}

/** v128.load32_splat */
export function v128_load32_splat(L: Lanes, d: number, view: DataView, addr: number): void {
  const w = view.getInt32(addr, true);
  v128_set(L, d, w, w, w, w);
}

/** v128.load64_splat */
export function v128_load64_splat(L: Lanes, d: number, view: DataView, addr: number): void {
  const lo = view.getInt32(addr, true);
  const hi = view.getInt32(addr + 4, true);
  v128_set(L, d, lo, hi, lo, hi);
}

/** v128.load32_zero */
export function v128_load32_zero(L: Lanes, d: number, view: DataView, addr: number): void {
  v128_set(L, d, view.getInt32(addr, true), 0, 0, 0);
}

/** v128.load64_zero */
export function v128_load64_zero(L: Lanes, d: number, view: DataView, addr: number): void {
  v128_set(L, d, view.getInt32(addr, true), view.getInt32(addr + 4, true), 0, 0);
}

/** v128.load8_lane: v128 `a` with byte lane `lane` loaded from memory. */
export function v128_load8_lane(L: Lanes, d: number, a: number, view: DataView, addr: number, lane: number): void {
  v128_copy(L, d, a);
  L.i8[(d << 2) + lane] = view.getInt8(addr);
}

/** v128.load16_lane */
export function v128_load16_lane(L: Lanes, d: number, a: number, view: DataView, addr: number, lane: number): void {
  v128_copy(L, d, a);
  L.i16[(d << 1) + lane] = view.getInt16(addr, true);
}

/** v128.load32_lane */
export function v128_load32_lane(L: Lanes, d: number, a: number, view: DataView, addr: number, lane: number): void {
  v128_copy(L, d, a);
  L.i32[d + lane] = view.getInt32(addr, true);
}

/** v128.load64_lane */
export function v128_load64_lane(L: Lanes, d: number, a: number, view: DataView, addr: number, lane: number): void {
  v128_copy(L, d, a);
  L.i32[d + 2 * lane] = view.getInt32(addr, true);
  L.i32[d + 2 * lane + 1] = view.getInt32(addr + 4, true);
}

/** v128.store8_lane: byte lane `lane` of `a` to memory. */
export function v128_store8_lane(L: Lanes, a: number, view: DataView, addr: number, lane: number): void {
  view.setInt8(addr, L.i8[(a << 2) + lane]);
}

/** v128.store16_lane */
export function v128_store16_lane(L: Lanes, a: number, view: DataView, addr: number, lane: number): void {
  view.setInt16(addr, L.i16[(a << 1) + lane], true);
}

/** v128.store32_lane */
export function v128_store32_lane(L: Lanes, a: number, view: DataView, addr: number, lane: number): void {
  view.setInt32(addr, L.i32[a + lane], true);
}

/** v128.store64_lane */
export function v128_store64_lane(L: Lanes, a: number, view: DataView, addr: number, lane: number): void {
  view.setInt32(addr, L.i32[a + 2 * lane], true);
  view.setInt32(addr + 4, L.i32[a + 2 * lane + 1], true);
}
