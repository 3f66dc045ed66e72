/**
 * tswasm's numeric library: the one implementation of WebAssembly's integer
 * and float semantics, shared by the interpreter, constant evaluation, the
 * text parser and printer, and the tests (STYLE practice 9).
 *
 * Spec: "Numerics" chapter of the WebAssembly specification (Execution →
 * Numerics: integer operations, floating-point operations, conversions), and
 * the "Values" section of the Text Format chapter for literals.
 *
 * ## Value representation (documented here, once)
 *
 * - **i32**: a JavaScript number holding an int32, normalized with `x | 0`.
 *   The unsigned view is `x >>> 0`. Booleans (comparison results) are 0/1.
 * - **i64**: a pair of int32 words (lo, hi), two's complement, lo = bits
 *   0..31. The interpreter keeps registers in one `ArrayBuffer` of 64-bit
 *   cells viewed as `Int32Array` / `Float32Array` / `Float64Array`; cell k has
 *   its lo word at int32 index 2k and its hi word at 2k + 1 (little-endian,
 *   so the `Float64Array` view of cell k is the same 64 bits). The i64
 *   operations (`i64.ts`, and the i64 sides of `convert.ts`) take that
 *   `Int32Array` and *word indices* (`d`, `a`, `b` = index of the lo word).
 *   BigInt is used only at the JS API boundary (`i64FromBigInt`,
 *   `i64ToBigInt`), never in an operation.
 * - **f32**: arithmetic on JS numbers that are exactly representable in
 *   binary32, each result rounded with `Math.fround`; where bits must survive
 *   (reinterpret, load/store, abs/neg/copysign, constants) an f32 travels as
 *   its int32 bit pattern (`f32Bits`, `f32FromBits`), because a signaling NaN
 *   converted to a JS number comes back quieted.
 * - **f64**: arithmetic on JS numbers; bits as (lo, hi) words
 *   (`f64BitsLo`/`f64BitsHi`, `f64FromBits`), sign and exponent in hi.
 * - **v128**: 16 bytes in a buffer viewed by every typed array (`Lanes`),
 *   addressed by the index of its first int32 word; the SIMD operations
 *   (`simd.ts`, `simd-int.ts`, `simd-float.ts`, `simd-relaxed.ts`) take
 *   word indices of their operands like the i64 ones. `simd.ts` documents
 *   the lane layout; `simd-relaxed.ts` the relaxed-SIMD choices.
 * - **NaNs**: every NaN produced by an operation here is an arithmetic
 *   (quiet) NaN, canonical when the NaN operands were canonical; see
 *   `float.ts` for which operations propagate payloads.
 *
 * ## Traps
 *
 * Operations throw `RuntimeError` (from `src/errors.ts`) with the spec
 * testsuite's messages: "integer divide by zero" (i32/i64 div and rem),
 * "integer overflow" (signed div of MIN by -1, out-of-range trunc) and
 * "invalid conversion to integer" (trunc of NaN). Nothing else throws;
 * parsers return `null` for bad or out-of-range literals.
 *
 * ## Example
 *
 * ```ts
 * import { i64FromBigInt, i64_div_s, i64ToString, f32_convert_i64_u } from './numeric/index.js';
 * const r = new Int32Array(6);          // three i64 cells
 * i64FromBigInt(r, 0, -7n);
 * i64FromBigInt(r, 2, 2n);
 * i64_div_s(r, 4, 0, 2);                // cell 2 = cell 0 / cell 1
 * i64ToString(r[4], r[5], true);        // "-3"
 * f32_convert_i64_u(-1, -1);            // 2 ** 64: u64 max rounds up to 2^64
 * ```
 *
 * This module only re-exports; it deliberately holds no logic.
 */

export * from './traps.js';
export * from './i32.js';
export * from './i64.js';
export * from './float.js';
export * from './convert.js';
export * from './parse.js';
export * from './format.js';
export * from './simd.js';
export * from './simd-int.js';
export * from './simd-float.js';
export * from './simd-relaxed.js';
