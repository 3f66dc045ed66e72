/**
 * The numeric instructions for the stepper (stepper.ts): one row per
 * instruction of "Execution › Instructions › Numeric Instructions" that has
 * no immediate (t.unop, t.binop, t.testop, t.relop, t.cvtop), each a
 * one-liner over the numeric library (src/numeric), so the stepper and the
 * executor share every rule (STYLE practice 18).
 *
 * A row reads its operands from the scratch cells `W` (cell k = int32 words
 * 2k, 2k+1; the first operand in cell 0, the second in cell 1) and writes
 * its result to cell 2; `F32` views the same words as binary32 (word
 * index), `F64` as binary64 (cell index). The operand and result types come
 * from the opcode table's type column (src/ast/opcodes.ts), so they are not
 * written here again.
 *
 * Deliberately not here: constants, memory, control, variables (stepper.ts).
 */
import { OP_BY_NAME, OPCODES } from '../ast/opcodes.js';
import { F32 as T_F32, F64 as T_F64, I32 as T_I32, I64 as T_I64, type ValType } from '../ast/types.js';
import * as N from '../numeric/index.js';

const scratch = new ArrayBuffer(32);
/** Scratch cells: operands in cells 0 and 1, the result in cell 2. */
export const W = new Int32Array(scratch);
const F32 = new Float32Array(scratch);
const F64 = new Float64Array(scratch);

/** The result cell's first word. */
const D = 4;

type Row = () => void;

const ROWS: Readonly<Record<string, Row>> = {
  // i32 (operands W[0], W[2])
  'i32.eqz': () => { W[D] = W[0] === 0 ? 1 : 0; },
  'i32.eq': () => { W[D] = W[0] === W[2] ? 1 : 0; },
  'i32.ne': () => { W[D] = W[0] !== W[2] ? 1 : 0; },
  'i32.lt_s': () => { W[D] = W[0]! < W[2]! ? 1 : 0; },
  'i32.lt_u': () => { W[D] = W[0]! >>> 0 < W[2]! >>> 0 ? 1 : 0; },
  'i32.gt_s': () => { W[D] = W[0]! > W[2]! ? 1 : 0; },
  'i32.gt_u': () => { W[D] = W[0]! >>> 0 > W[2]! >>> 0 ? 1 : 0; },
  'i32.le_s': () => { W[D] = W[0]! <= W[2]! ? 1 : 0; },
  'i32.le_u': () => { W[D] = W[0]! >>> 0 <= W[2]! >>> 0 ? 1 : 0; },
  'i32.ge_s': () => { W[D] = W[0]! >= W[2]! ? 1 : 0; },
  'i32.ge_u': () => { W[D] = W[0]! >>> 0 >= W[2]! >>> 0 ? 1 : 0; },
  'i32.clz': () => { W[D] = N.i32_clz(W[0]!); },
  'i32.ctz': () => { W[D] = N.i32_ctz(W[0]!); },
  'i32.popcnt': () => { W[D] = N.i32_popcnt(W[0]!); },
  'i32.add': () => { W[D] = (W[0]! + W[2]!) | 0; },
  'i32.sub': () => { W[D] = (W[0]! - W[2]!) | 0; },
  'i32.mul': () => { W[D] = Math.imul(W[0]!, W[2]!); },
  'i32.div_s': () => { W[D] = N.i32_div_s(W[0]!, W[2]!); },
  'i32.div_u': () => { W[D] = N.i32_div_u(W[0]!, W[2]!); },
  'i32.rem_s': () => { W[D] = N.i32_rem_s(W[0]!, W[2]!); },
  'i32.rem_u': () => { W[D] = N.i32_rem_u(W[0]!, W[2]!); },
  'i32.and': () => { W[D] = W[0]! & W[2]!; },
  'i32.or': () => { W[D] = W[0]! | W[2]!; },
  'i32.xor': () => { W[D] = W[0]! ^ W[2]!; },
  'i32.shl': () => { W[D] = W[0]! << W[2]!; },
  'i32.shr_s': () => { W[D] = W[0]! >> W[2]!; },
  'i32.shr_u': () => { W[D] = W[0]! >>> W[2]!; },
  'i32.rotl': () => { W[D] = N.i32_rotl(W[0]!, W[2]!); },
  'i32.rotr': () => { W[D] = N.i32_rotr(W[0]!, W[2]!); },
  'i32.extend8_s': () => { W[D] = N.i32_extend8_s(W[0]!); },
  'i32.extend16_s': () => { W[D] = N.i32_extend16_s(W[0]!); },
  // i64 (word pairs: operands at 0 and 2, result at D)
  'i64.eqz': () => { W[D] = N.i64_eqz(W, 0); },
  'i64.eq': () => { W[D] = N.i64_eq(W, 0, 2); },
  'i64.ne': () => { W[D] = N.i64_ne(W, 0, 2); },
  'i64.lt_s': () => { W[D] = N.i64_lt_s(W, 0, 2); },
  'i64.lt_u': () => { W[D] = N.i64_lt_u(W, 0, 2); },
  'i64.gt_s': () => { W[D] = N.i64_gt_s(W, 0, 2); },
  'i64.gt_u': () => { W[D] = N.i64_gt_u(W, 0, 2); },
  'i64.le_s': () => { W[D] = N.i64_le_s(W, 0, 2); },
  'i64.le_u': () => { W[D] = N.i64_le_u(W, 0, 2); },
  'i64.ge_s': () => { W[D] = N.i64_ge_s(W, 0, 2); },
  'i64.ge_u': () => { W[D] = N.i64_ge_u(W, 0, 2); },
  'i64.clz': () => N.i64_clz(W, D, 0),
  'i64.ctz': () => N.i64_ctz(W, D, 0),
  'i64.popcnt': () => N.i64_popcnt(W, D, 0),
  'i64.add': () => N.i64_add(W, D, 0, 2),
  'i64.sub': () => N.i64_sub(W, D, 0, 2),
  'i64.mul': () => N.i64_mul(W, D, 0, 2),
  'i64.div_s': () => N.i64_div_s(W, D, 0, 2),
  'i64.div_u': () => N.i64_div_u(W, D, 0, 2),
  'i64.rem_s': () => N.i64_rem_s(W, D, 0, 2),
  'i64.rem_u': () => N.i64_rem_u(W, D, 0, 2),
  'i64.and': () => N.i64_and(W, D, 0, 2),
  'i64.or': () => N.i64_or(W, D, 0, 2),
  'i64.xor': () => N.i64_xor(W, D, 0, 2),
  'i64.shl': () => N.i64_shl(W, D, 0, 2),
  'i64.shr_s': () => N.i64_shr_s(W, D, 0, 2),
  'i64.shr_u': () => N.i64_shr_u(W, D, 0, 2),
  'i64.rotl': () => N.i64_rotl(W, D, 0, 2),
  'i64.rotr': () => N.i64_rotr(W, D, 0, 2),
  'i64.extend8_s': () => N.i64_extend8_s(W, D, 0),
  'i64.extend16_s': () => N.i64_extend16_s(W, D, 0),
  'i64.extend32_s': () => N.i64_extend32_s(W, D, 0),
  // f32 (binary32 values at F32[0], F32[2]; bit operations on W)
  'f32.eq': () => { W[D] = N.f_eq(F32[0]!, F32[2]!); },
  'f32.ne': () => { W[D] = N.f_ne(F32[0]!, F32[2]!); },
  'f32.lt': () => { W[D] = N.f_lt(F32[0]!, F32[2]!); },
  'f32.gt': () => { W[D] = N.f_gt(F32[0]!, F32[2]!); },
  'f32.le': () => { W[D] = N.f_le(F32[0]!, F32[2]!); },
  'f32.ge': () => { W[D] = N.f_ge(F32[0]!, F32[2]!); },
  'f32.abs': () => { W[D] = N.f32_abs(W[0]!); },
  'f32.neg': () => { W[D] = N.f32_neg(W[0]!); },
  'f32.copysign': () => { W[D] = N.f32_copysign(W[0]!, W[2]!); },
  'f32.ceil': () => { F32[D] = N.f32_ceil(F32[0]!); },
  'f32.floor': () => { F32[D] = N.f32_floor(F32[0]!); },
  'f32.trunc': () => { F32[D] = N.f32_trunc(F32[0]!); },
  'f32.nearest': () => { F32[D] = N.f32_nearest(F32[0]!); },
  'f32.sqrt': () => { F32[D] = N.f32_sqrt(F32[0]!); },
  'f32.add': () => { F32[D] = N.f32_add(F32[0]!, F32[2]!); },
  'f32.sub': () => { F32[D] = N.f32_sub(F32[0]!, F32[2]!); },
  'f32.mul': () => { F32[D] = N.f32_mul(F32[0]!, F32[2]!); },
  'f32.div': () => { F32[D] = N.f32_div(F32[0]!, F32[2]!); },
  'f32.min': () => { F32[D] = N.f32_min(F32[0]!, F32[2]!); },
  'f32.max': () => { F32[D] = N.f32_max(F32[0]!, F32[2]!); },
  // f64 (binary64 values at F64[0], F64[1]; sign operations on the hi word)
  'f64.eq': () => { W[D] = N.f_eq(F64[0]!, F64[1]!); },
  'f64.ne': () => { W[D] = N.f_ne(F64[0]!, F64[1]!); },
  'f64.lt': () => { W[D] = N.f_lt(F64[0]!, F64[1]!); },
  'f64.gt': () => { W[D] = N.f_gt(F64[0]!, F64[1]!); },
  'f64.le': () => { W[D] = N.f_le(F64[0]!, F64[1]!); },
  'f64.ge': () => { W[D] = N.f_ge(F64[0]!, F64[1]!); },
  'f64.abs': () => { W[D] = W[0]!; W[D + 1] = N.f64_abs_hi(W[1]!); },
  'f64.neg': () => { W[D] = W[0]!; W[D + 1] = N.f64_neg_hi(W[1]!); },
  'f64.copysign': () => { W[D] = W[0]!; W[D + 1] = N.f64_copysign_hi(W[1]!, W[3]!); },
  'f64.ceil': () => { F64[2] = N.f64_ceil(F64[0]!); },
  'f64.floor': () => { F64[2] = N.f64_floor(F64[0]!); },
  'f64.trunc': () => { F64[2] = N.f64_trunc(F64[0]!); },
  'f64.nearest': () => { F64[2] = N.f64_nearest(F64[0]!); },
  'f64.sqrt': () => { F64[2] = N.f64_sqrt(F64[0]!); },
  'f64.add': () => { F64[2] = N.f64_add(F64[0]!, F64[1]!); },
  'f64.sub': () => { F64[2] = N.f64_sub(F64[0]!, F64[1]!); },
  'f64.mul': () => { F64[2] = N.f64_mul(F64[0]!, F64[1]!); },
  'f64.div': () => { F64[2] = N.f64_div(F64[0]!, F64[1]!); },
  'f64.min': () => { F64[2] = N.f64_min(F64[0]!, F64[1]!); },
  'f64.max': () => { F64[2] = N.f64_max(F64[0]!, F64[1]!); },
  // conversions ("cvtop"); truncations from f32 go through f64, which holds every f32 exactly
  'i32.wrap_i64': () => { W[D] = N.i32_wrap_i64(W, 0); },
  'i32.trunc_f32_s': () => { W[D] = N.i32_trunc_f64_s(F32[0]!); },
  'i32.trunc_f32_u': () => { W[D] = N.i32_trunc_f64_u(F32[0]!); },
  'i32.trunc_f64_s': () => { W[D] = N.i32_trunc_f64_s(F64[0]!); },
  'i32.trunc_f64_u': () => { W[D] = N.i32_trunc_f64_u(F64[0]!); },
  'i32.trunc_sat_f32_s': () => { W[D] = N.i32_trunc_sat_f64_s(F32[0]!); },
  'i32.trunc_sat_f32_u': () => { W[D] = N.i32_trunc_sat_f64_u(F32[0]!); },
  'i32.trunc_sat_f64_s': () => { W[D] = N.i32_trunc_sat_f64_s(F64[0]!); },
  'i32.trunc_sat_f64_u': () => { W[D] = N.i32_trunc_sat_f64_u(F64[0]!); },
  'i64.extend_i32_s': () => N.i64_extend_i32_s(W, D, W[0]!),
  'i64.extend_i32_u': () => N.i64_extend_i32_u(W, D, W[0]!),
  'i64.trunc_f32_s': () => N.i64_trunc_f64_s(W, D, F32[0]!),
  'i64.trunc_f32_u': () => N.i64_trunc_f64_u(W, D, F32[0]!),
  'i64.trunc_f64_s': () => N.i64_trunc_f64_s(W, D, F64[0]!),
  'i64.trunc_f64_u': () => N.i64_trunc_f64_u(W, D, F64[0]!),
  'i64.trunc_sat_f32_s': () => N.i64_trunc_sat_f64_s(W, D, F32[0]!),
  'i64.trunc_sat_f32_u': () => N.i64_trunc_sat_f64_u(W, D, F32[0]!),
  'i64.trunc_sat_f64_s': () => N.i64_trunc_sat_f64_s(W, D, F64[0]!),
  'i64.trunc_sat_f64_u': () => N.i64_trunc_sat_f64_u(W, D, F64[0]!),
  'f32.convert_i32_s': () => { F32[D] = N.f32_convert_i32_s(W[0]!); },
  'f32.convert_i32_u': () => { F32[D] = N.f32_convert_i32_u(W[0]!); },
  'f32.convert_i64_s': () => { F32[D] = N.f32_convert_i64_s(W[0]!, W[1]!); },
  'f32.convert_i64_u': () => { F32[D] = N.f32_convert_i64_u(W[0]!, W[1]!); },
  'f32.demote_f64': () => { F32[D] = N.f32_demote_f64(F64[0]!); },
  'f64.convert_i32_s': () => { F64[2] = N.f64_convert_i32_s(W[0]!); },
  'f64.convert_i32_u': () => { F64[2] = N.f64_convert_i32_u(W[0]!); },
  'f64.convert_i64_s': () => { F64[2] = N.f64_convert_i64_s(W[0]!, W[1]!); },
  'f64.convert_i64_u': () => { F64[2] = N.f64_convert_i64_u(W[0]!, W[1]!); },
  'f64.promote_f32': () => { F64[2] = N.f64_promote_f32(F32[0]!); },
  // reinterpretations keep every bit
  'i32.reinterpret_f32': () => { W[D] = W[0]!; },
  'f32.reinterpret_i32': () => { W[D] = W[0]!; },
  'i64.reinterpret_f64': () => { W[D] = W[0]!; W[D + 1] = W[1]!; },
  'f64.reinterpret_i64': () => { W[D] = W[0]!; W[D + 1] = W[1]!; },
};

/** A numeric instruction: its row, its operand types and its result type. */
export interface NumericOp {
  readonly run: Row;
  readonly params: readonly ValType[];
  readonly result: ValType;
}

const TYPE_OF: Readonly<Record<string, ValType>> = { i32: T_I32, i64: T_I64, f32: T_F32, f64: T_F64 };

/** By `Op` id: the numeric instruction, or undefined for every other instruction. */
export const NUMERIC: readonly (NumericOp | undefined)[] = (() => {
  const out: (NumericOp | undefined)[] = new Array<NumericOp | undefined>(OPCODES.length);
  for (const [name, run] of Object.entries(ROWS)) {
    const op = OP_BY_NAME.get(name);
    const type = op === undefined ? null : OPCODES[op]![5];
    if (op === undefined || type === null) throw new Error(`step-numeric: no typed instruction ${name}`);
    const [ins, outs] = type.split('->').map((s) => s.trim().split(/\s+/).filter((w) => w !== ''));
    out[op] = { run, params: ins!.map((t) => TYPE_OF[t]!), result: TYPE_OF[outs![0]!]! };
  }
  return out;
})();
