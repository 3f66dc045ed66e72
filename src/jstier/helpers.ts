/**
 * The helper record every generated function reads its helpers from (the
 * `H` of `new Function('H', 'R', 'K', …)`): the numeric library the
 * interpreter uses too (src/numeric), the interpreter's traps and table and
 * bulk-memory operations (src/interp/traps.ts, slow.ts), this tier's value
 * helpers (values.ts), and the scratch and result arrays of the calling
 * convention. One record, shared by all instances; generated code
 * destructures only the names it uses, each a key of this record.
 *
 * Deliberately not here: anything per instance (runtime.ts `Rt`).
 */
import {
  f32_convert_i64_s, f32_convert_i64_u, f32_demote_f64, f64_ceil, f64_convert_i64_s, f64_convert_i64_u, f64_floor,
  f64_max, f64_min, f64_nearest, f64_promote_f32, f64_trunc, i32_ctz, i32_div_s, i32_div_u, i32_popcnt, i32_rem_s,
  i32_rem_u, i32_rotl, i32_rotr, i32_trunc_f64_s, i32_trunc_f64_u, i32_trunc_sat_f64_s, i32_trunc_sat_f64_u,
  i64_clz, i64_ctz, i64_div_s, i64_div_u, i64_mul, i64_popcnt, i64_rem_s, i64_rem_u, i64_rotl, i64_rotr, i64_shl,
  i64_shr_s, i64_shr_u, i64_trunc_f64_s, i64_trunc_f64_u, i64_trunc_sat_f64_s, i64_trunc_sat_f64_u,
} from '../numeric/index.js';
import {
  memoryCopy, memoryFill, memoryInit, tableCopy, tableFill, tableGet, tableInit, tableSet,
} from '../interp/slow.js';
import { trapExhausted, trapFuel, trapMemory, trapUnreachable } from '../interp/traps.js';
import { copysign, f32Box, f32Unbox, f64Hi, f64Lo, f64Of, u64, umulh } from './values.js';
import { RH, RR, RV, indirect } from './bridge.js';

/** The helper record (see the header). */
export const HELPERS = {
  f32_convert_i64_s, f32_convert_i64_u, f32_demote_f64, f64_ceil, f64_convert_i64_s, f64_convert_i64_u, f64_floor,
  f64_max, f64_min, f64_nearest, f64_promote_f32, f64_trunc, i32_ctz, i32_div_s, i32_div_u, i32_popcnt, i32_rem_s,
  i32_rem_u, i32_rotl, i32_rotr, i32_trunc_f64_s, i32_trunc_f64_u, i32_trunc_sat_f64_s, i32_trunc_sat_f64_u,
  i64_clz, i64_ctz, i64_div_s, i64_div_u, i64_mul, i64_popcnt, i64_rem_s, i64_rem_u, i64_rotl, i64_rotr, i64_shl,
  i64_shr_s, i64_shr_u, i64_trunc_f64_s, i64_trunc_f64_u, i64_trunc_sat_f64_s, i64_trunc_sat_f64_u,
  memoryCopy, memoryFill, memoryInit, tableCopy, tableFill, tableGet, tableInit, tableSet,
  trapExhausted, trapFuel, trapMemory, trapUnreachable,
  copysign, f32Box, f32Unbox, f64Hi, f64Lo, f64Of, u64, umulh,
  fround: Math.fround, imul: Math.imul, clz32: Math.clz32, abs: Math.abs, sqrt: Math.sqrt,
  /** Scratch words for the i64 operations of src/numeric (operands at 0..3, result at 0..1). */
  W: new Int32Array(4),
  RV, RH, RR,
  /** What a dropped data segment becomes (as in the interpreter). */
  EMPTY: new Uint8Array(0),
  indirect,
};

/** A helper's name. */
export type HelperName = keyof typeof HELPERS;
