/**
 * The numeric instructions the compile-to-JS tier writes as one JavaScript
 * expression: a table from instruction (Op id) to its operand and result
 * types and a template over its operands' expressions. Everything that is
 * more than one JS operator calls the function of src/numeric (or values.ts)
 * that the interpreter calls too, so both tiers share one semantics; the
 * one-operator forms are the ones src/numeric documents as "written inline".
 *
 * Templates get operand expressions that are already parenthesized (or are
 * names and literals) and return a parenthesized expression. A comparison
 * gives a *condition* (a JS boolean expression); compile.ts turns it into
 * 0/1 where a value is needed and uses it directly in `if`/`br_if`/`select`.
 *
 * Deliberately not here: i64 operations with pair results, traps, memory,
 * control (compile.ts); trapping conversions and divisions are in
 * `TRAPPING` (written as statements, since they must run in program order).
 *
 * Spec: "Execution › Instructions › Numeric Instructions".
 */
import { Op } from '../ast/op-ids.js';
import { F32, F64, I32, I64, type ValType } from '../ast/types.js';

/** A pure, non-trapping operation: operand types, result type, template; `cond` if the template gives a boolean. */
export interface PureOp {
  readonly ins: readonly ValType[];
  readonly out: ValType;
  readonly js: (a: string, b: string, c: string, d: string) => string;
  readonly cond: boolean;
}

const II = [I32, I32] as const;
const FF = [F32, F32] as const;
const DD = [F64, F64] as const;
const JJ = [I64, I64] as const;

function v(ins: readonly ValType[], out: ValType, js: PureOp['js']): PureOp {
  return { ins, out, js, cond: false };
}
function c(ins: readonly ValType[], js: PureOp['js']): PureOp {
  return { ins, out: I32, js, cond: true };
}

/**
 * i64 operands are written as two expressions each: (a, b) for the first
 * operand's low and high words and (c, d) for the second's. Those are always
 * names or literals, so a template may use them twice.
 */
function cmp64(a: string, b: string, c: string, d: string, hi: string, lo: string, unsigned: boolean): string {
  const H = (x: string): string => (unsigned ? `(${x} >>> 0)` : x);
  return `(${H(b)} ${hi} ${H(d)} || ${b} === ${d} && (${a} >>> 0) ${lo} (${c} >>> 0))`;
}

/** The pure operations by Op id. */
export const PURE: ReadonlyMap<number, PureOp> = new Map<number, PureOp>([
  // i32
  [Op.i32_eqz, c([I32], (a) => `(${a} === 0)`)],
  [Op.i32_eq, c(II, (a, b) => `(${a} === ${b})`)],
  [Op.i32_ne, c(II, (a, b) => `(${a} !== ${b})`)],
  [Op.i32_lt_s, c(II, (a, b) => `(${a} < ${b})`)],
  [Op.i32_lt_u, c(II, (a, b) => `((${a} >>> 0) < (${b} >>> 0))`)],
  [Op.i32_gt_s, c(II, (a, b) => `(${a} > ${b})`)],
  [Op.i32_gt_u, c(II, (a, b) => `((${a} >>> 0) > (${b} >>> 0))`)],
  [Op.i32_le_s, c(II, (a, b) => `(${a} <= ${b})`)],
  [Op.i32_le_u, c(II, (a, b) => `((${a} >>> 0) <= (${b} >>> 0))`)],
  [Op.i32_ge_s, c(II, (a, b) => `(${a} >= ${b})`)],
  [Op.i32_ge_u, c(II, (a, b) => `((${a} >>> 0) >= (${b} >>> 0))`)],
  [Op.i32_clz, v([I32], I32, (a) => `clz32(${a})`)],
  [Op.i32_ctz, v([I32], I32, (a) => `i32_ctz(${a})`)],
  [Op.i32_popcnt, v([I32], I32, (a) => `i32_popcnt(${a})`)],
  [Op.i32_add, v(II, I32, (a, b) => `((${a} + ${b}) | 0)`)],
  [Op.i32_sub, v(II, I32, (a, b) => `((${a} - ${b}) | 0)`)],
  [Op.i32_mul, v(II, I32, (a, b) => `imul(${a}, ${b})`)],
  [Op.i32_and, v(II, I32, (a, b) => `(${a} & ${b})`)],
  [Op.i32_or, v(II, I32, (a, b) => `(${a} | ${b})`)],
  [Op.i32_xor, v(II, I32, (a, b) => `(${a} ^ ${b})`)],
  [Op.i32_shl, v(II, I32, (a, b) => `(${a} << ${b})`)],
  [Op.i32_shr_s, v(II, I32, (a, b) => `(${a} >> ${b})`)],
  [Op.i32_shr_u, v(II, I32, (a, b) => `((${a} >>> ${b}) | 0)`)],
  [Op.i32_rotl, v(II, I32, (a, b) => `i32_rotl(${a}, ${b})`)],
  [Op.i32_rotr, v(II, I32, (a, b) => `i32_rotr(${a}, ${b})`)],
  [Op.i32_extend8_s, v([I32], I32, (a) => `((${a} << 24) >> 24)`)],
  [Op.i32_extend16_s, v([I32], I32, (a) => `((${a} << 16) >> 16)`)],
  // i64 tests and comparisons
  [Op.i64_eqz, c([I64], (a, b) => `((${a} | ${b}) === 0)`)],
  [Op.i64_eq, c(JJ, (a, b, c2, d) => `(${a} === ${c2} && ${b} === ${d})`)],
  [Op.i64_ne, c(JJ, (a, b, c2, d) => `(${a} !== ${c2} || ${b} !== ${d})`)],
  [Op.i64_lt_s, c(JJ, (a, b, c2, d) => cmp64(a, b, c2, d, '<', '<', false))],
  [Op.i64_lt_u, c(JJ, (a, b, c2, d) => cmp64(a, b, c2, d, '<', '<', true))],
  [Op.i64_gt_s, c(JJ, (a, b, c2, d) => cmp64(a, b, c2, d, '>', '>', false))],
  [Op.i64_gt_u, c(JJ, (a, b, c2, d) => cmp64(a, b, c2, d, '>', '>', true))],
  [Op.i64_le_s, c(JJ, (a, b, c2, d) => cmp64(a, b, c2, d, '<', '<=', false))],
  [Op.i64_le_u, c(JJ, (a, b, c2, d) => cmp64(a, b, c2, d, '<', '<=', true))],
  [Op.i64_ge_s, c(JJ, (a, b, c2, d) => cmp64(a, b, c2, d, '>', '>=', false))],
  [Op.i64_ge_u, c(JJ, (a, b, c2, d) => cmp64(a, b, c2, d, '>', '>=', true))],
  [Op.i32_wrap_i64, v([I64], I32, (a) => a)],
  // f32 (operands are f32 values; every result rounded)
  [Op.f32_eq, c(FF, (a, b) => `(${a} === ${b})`)],
  [Op.f32_ne, c(FF, (a, b) => `(${a} !== ${b})`)],
  [Op.f32_lt, c(FF, (a, b) => `(${a} < ${b})`)],
  [Op.f32_gt, c(FF, (a, b) => `(${a} > ${b})`)],
  [Op.f32_le, c(FF, (a, b) => `(${a} <= ${b})`)],
  [Op.f32_ge, c(FF, (a, b) => `(${a} >= ${b})`)],
  [Op.f32_abs, v([F32], F32, (a) => `abs(${a})`)],
  [Op.f32_neg, v([F32], F32, (a) => `(-${a})`)],
  [Op.f32_ceil, v([F32], F32, (a) => `f64_ceil(${a})`)],
  [Op.f32_floor, v([F32], F32, (a) => `f64_floor(${a})`)],
  [Op.f32_trunc, v([F32], F32, (a) => `f64_trunc(${a})`)],
  [Op.f32_nearest, v([F32], F32, (a) => `f64_nearest(${a})`)],
  [Op.f32_sqrt, v([F32], F32, (a) => `fround(sqrt(${a}))`)],
  [Op.f32_add, v(FF, F32, (a, b) => `fround(${a} + ${b})`)],
  [Op.f32_sub, v(FF, F32, (a, b) => `fround(${a} - ${b})`)],
  [Op.f32_mul, v(FF, F32, (a, b) => `fround(${a} * ${b})`)],
  [Op.f32_div, v(FF, F32, (a, b) => `fround(${a} / ${b})`)],
  [Op.f32_min, v(FF, F32, (a, b) => `f64_min(${a}, ${b})`)],
  [Op.f32_max, v(FF, F32, (a, b) => `f64_max(${a}, ${b})`)],
  [Op.f32_copysign, v(FF, F32, (a, b) => `copysign(${a}, ${b})`)],
  // f64
  [Op.f64_eq, c(DD, (a, b) => `(${a} === ${b})`)],
  [Op.f64_ne, c(DD, (a, b) => `(${a} !== ${b})`)],
  [Op.f64_lt, c(DD, (a, b) => `(${a} < ${b})`)],
  [Op.f64_gt, c(DD, (a, b) => `(${a} > ${b})`)],
  [Op.f64_le, c(DD, (a, b) => `(${a} <= ${b})`)],
  [Op.f64_ge, c(DD, (a, b) => `(${a} >= ${b})`)],
  [Op.f64_abs, v([F64], F64, (a) => `abs(${a})`)],
  [Op.f64_neg, v([F64], F64, (a) => `(-${a})`)],
  [Op.f64_ceil, v([F64], F64, (a) => `f64_ceil(${a})`)],
  [Op.f64_floor, v([F64], F64, (a) => `f64_floor(${a})`)],
  [Op.f64_trunc, v([F64], F64, (a) => `f64_trunc(${a})`)],
  [Op.f64_nearest, v([F64], F64, (a) => `f64_nearest(${a})`)],
  [Op.f64_sqrt, v([F64], F64, (a) => `sqrt(${a})`)],
  [Op.f64_add, v(DD, F64, (a, b) => `(${a} + ${b})`)],
  [Op.f64_sub, v(DD, F64, (a, b) => `(${a} - ${b})`)],
  [Op.f64_mul, v(DD, F64, (a, b) => `(${a} * ${b})`)],
  [Op.f64_div, v(DD, F64, (a, b) => `(${a} / ${b})`)],
  [Op.f64_min, v(DD, F64, (a, b) => `f64_min(${a}, ${b})`)],
  [Op.f64_max, v(DD, F64, (a, b) => `f64_max(${a}, ${b})`)],
  [Op.f64_copysign, v(DD, F64, (a, b) => `copysign(${a}, ${b})`)],
  // conversions that cannot trap
  [Op.f32_convert_i32_s, v([I32], F32, (a) => `fround(${a})`)],
  [Op.f32_convert_i32_u, v([I32], F32, (a) => `fround(${a} >>> 0)`)],
  [Op.f32_convert_i64_s, v([I64], F32, (a, b) => `f32_convert_i64_s(${a}, ${b})`)],
  [Op.f32_convert_i64_u, v([I64], F32, (a, b) => `f32_convert_i64_u(${a}, ${b})`)],
  [Op.f32_demote_f64, v([F64], F32, (a) => `f32_demote_f64(${a})`)],
  [Op.f64_convert_i32_s, v([I32], F64, (a) => `(+${a})`)],
  [Op.f64_convert_i32_u, v([I32], F64, (a) => `(${a} >>> 0)`)],
  [Op.f64_convert_i64_s, v([I64], F64, (a, b) => `f64_convert_i64_s(${a}, ${b})`)],
  [Op.f64_convert_i64_u, v([I64], F64, (a, b) => `f64_convert_i64_u(${a}, ${b})`)],
  [Op.f64_promote_f32, v([F32], F64, (a) => `f64_promote_f32(${a})`)],
  [Op.i32_reinterpret_f32, v([F32], I32, (a) => `f32Unbox(${a})`)],
  [Op.f32_reinterpret_i32, v([I32], F32, (a) => `f32Box(${a})`)],
  [Op.f64_reinterpret_i64, v([I64], F64, (a, b) => `f64Of(${a}, ${b})`)],
  [Op.i32_trunc_sat_f32_s, v([F32], I32, (a) => `i32_trunc_sat_f64_s(${a})`)],
  [Op.i32_trunc_sat_f32_u, v([F32], I32, (a) => `i32_trunc_sat_f64_u(${a})`)],
  [Op.i32_trunc_sat_f64_s, v([F64], I32, (a) => `i32_trunc_sat_f64_s(${a})`)],
  [Op.i32_trunc_sat_f64_u, v([F64], I32, (a) => `i32_trunc_sat_f64_u(${a})`)],
]);

/** i32 results that may trap: written as statements, in program order. */
export const TRAPPING: ReadonlyMap<number, PureOp> = new Map<number, PureOp>([
  [Op.i32_div_s, v(II, I32, (a, b) => `i32_div_s(${a}, ${b})`)],
  [Op.i32_div_u, v(II, I32, (a, b) => `i32_div_u(${a}, ${b})`)],
  [Op.i32_rem_s, v(II, I32, (a, b) => `i32_rem_s(${a}, ${b})`)],
  [Op.i32_rem_u, v(II, I32, (a, b) => `i32_rem_u(${a}, ${b})`)],
  [Op.i32_trunc_f32_s, v([F32], I32, (a) => `i32_trunc_f64_s(${a})`)],
  [Op.i32_trunc_f32_u, v([F32], I32, (a) => `i32_trunc_f64_u(${a})`)],
  [Op.i32_trunc_f64_s, v([F64], I32, (a) => `i32_trunc_f64_s(${a})`)],
  [Op.i32_trunc_f64_u, v([F64], I32, (a) => `i32_trunc_f64_u(${a})`)],
]);

/**
 * i64 results computed by a src/numeric function on the scratch words `W`
 * (operands at W[0..1] and W[2..3], result at W[0..1]): the function and its
 * operand types (a single i64 operand, two, or an f32/f64 one). The names are
 * keys of the helper record (helpers.ts).
 */
export const I64_BY_HELPER: ReadonlyMap<number, { fn: string; ins: readonly ValType[] }> = new Map([
  [Op.i64_mul, { fn: 'i64_mul', ins: JJ }],
  [Op.i64_div_s, { fn: 'i64_div_s', ins: JJ }],
  [Op.i64_div_u, { fn: 'i64_div_u', ins: JJ }],
  [Op.i64_rem_s, { fn: 'i64_rem_s', ins: JJ }],
  [Op.i64_rem_u, { fn: 'i64_rem_u', ins: JJ }],
  [Op.i64_shl, { fn: 'i64_shl', ins: JJ }],
  [Op.i64_shr_s, { fn: 'i64_shr_s', ins: JJ }],
  [Op.i64_shr_u, { fn: 'i64_shr_u', ins: JJ }],
  [Op.i64_rotl, { fn: 'i64_rotl', ins: JJ }],
  [Op.i64_rotr, { fn: 'i64_rotr', ins: JJ }],
  [Op.i64_clz, { fn: 'i64_clz', ins: [I64] }],
  [Op.i64_ctz, { fn: 'i64_ctz', ins: [I64] }],
  [Op.i64_popcnt, { fn: 'i64_popcnt', ins: [I64] }],
  [Op.i64_trunc_f32_s, { fn: 'i64_trunc_f64_s', ins: [F32] }],
  [Op.i64_trunc_f32_u, { fn: 'i64_trunc_f64_u', ins: [F32] }],
  [Op.i64_trunc_f64_s, { fn: 'i64_trunc_f64_s', ins: [F64] }],
  [Op.i64_trunc_f64_u, { fn: 'i64_trunc_f64_u', ins: [F64] }],
  [Op.i64_trunc_sat_f32_s, { fn: 'i64_trunc_sat_f64_s', ins: [F32] }],
  [Op.i64_trunc_sat_f32_u, { fn: 'i64_trunc_sat_f64_u', ins: [F32] }],
  [Op.i64_trunc_sat_f64_s, { fn: 'i64_trunc_sat_f64_s', ins: [F64] }],
  [Op.i64_trunc_sat_f64_u, { fn: 'i64_trunc_sat_f64_u', ins: [F64] }],
]);
