/**
 * Lookup tables from WebAssembly instructions (`Op`, src/ast/op-ids.ts) to
 * register instructions (`R`, isa-ids.ts), derived from the two tables
 * (src/ast/opcodes.ts and isa.ts) by name, so neither is spelled twice.
 *
 * - `SIMPLE_R[op]`: the register instruction of a numeric instruction with a
 *   fixed type and no immediates (unary `d a`, binary `d a b`), with its
 *   input count and result type; wrap and reinterpret map to moves.
 * - `MEM_R[op]`: the load/store for a memory instruction of memory 0.
 * - `IMM_R[r]`: the `_imm` form of a binary register instruction, if any.
 * - `RR_R[r]`: the `_rr` form (address = sum of two registers) of a load or store.
 * - `SWAP_IMM_R[r]`: for i32 ops, the `_imm` form with the operands swapped
 *   (so `c < x` becomes `x > c`).
 * - `BR_OF[r]` / `BR_OF_NEG[r]`: the compare-and-branch that jumps when the
 *   i32, f32 or f64 comparison `r` holds / does not hold.
 *
 * Spec: "Execution › Instructions" (numeric, memory). No logic beyond tables.
 */
import { Imm, OPCODES } from '../ast/opcodes.js';
import { F32, F64, I32, I64 } from '../ast/types.js';
import { ISA } from './isa.js';

const R_BY_NAME: ReadonlyMap<string, number> = new Map(ISA.map((row, i) => [row[0], i]));

/** Register instruction id by name (throws on a typo: the tables below are built at load time). */
export function rid(name: string): number {
  const r = R_BY_NAME.get(name);
  if (r === undefined) throw new Error(`no register instruction ${name}`);
  return r;
}

/** WebAssembly mnemonics whose register instruction has another name. */
const ALIAS: Readonly<Record<string, string>> = {
  'i32.wrap_i64': 'mov32',
  'i32.reinterpret_f32': 'mov32',
  'f32.reinterpret_i32': 'mov32',
  'i64.reinterpret_f64': 'mov64',
  'f64.reinterpret_i64': 'mov64',
  'f32.load': 'i32_load',
  'f64.load': 'f64_load',
  'f32.store': 'i32_store',
  'f64.store': 'f64_store',
  'i64.store8': 'i32_store8',
  'i64.store16': 'i32_store16',
  'i64.store32': 'i32_store',
};

const TYPE_CODE: Readonly<Record<string, number>> = { i32: I32, i64: I64, f32: F32, f64: F64, a: I32 };
const SIMPLE_FEATURES = new Set(['mvp', 'sign-extension', 'saturating-float-to-int']);

export const SIMPLE_R = new Int16Array(OPCODES.length).fill(-1);
export const SIMPLE_IN = new Uint8Array(OPCODES.length);
export const SIMPLE_OUT = new Int16Array(OPCODES.length);
export const MEM_R = new Int16Array(OPCODES.length).fill(-1);
/** For MEM_R rows: the loaded type (0 for stores). */
export const MEM_OUT = new Int16Array(OPCODES.length);

OPCODES.forEach(([mn, , , imm, feature, type], op) => {
  if (type === null || !SIMPLE_FEATURES.has(feature)) return;
  const name = ALIAS[mn] ?? mn.replace('.', '_');
  const r = R_BY_NAME.get(name);
  if (r === undefined) return;
  const [ins, outs] = type.split('->').map((s) => s.trim().split(/\s+/).filter((w) => w !== ''));
  if (imm === Imm.None) {
    SIMPLE_R[op] = r;
    SIMPLE_IN[op] = ins!.length;
    SIMPLE_OUT[op] = outs!.length ? TYPE_CODE[outs![0]!]! : 0;
  } else if (imm === Imm.MemArg) {
    MEM_R[op] = r;
    MEM_OUT[op] = outs!.length ? TYPE_CODE[outs![0]!]! : 0;
  }
});

export const IMM_R = new Int16Array(ISA.length).fill(-1);
/** The `_rr` (address = register + register) form of a memory-0 load or store, if any. */
export const RR_R = new Int16Array(ISA.length).fill(-1);
export const SWAP_IMM_R = new Int16Array(ISA.length).fill(-1);
export const BR_OF = new Int16Array(ISA.length).fill(-1);
export const BR_OF_NEG = new Int16Array(ISA.length).fill(-1);

ISA.forEach(([name], r) => {
  const imm = R_BY_NAME.get(`${name}_imm`);
  if (imm !== undefined) IMM_R[r] = imm;
  const rr = R_BY_NAME.get(`${name}_rr`);
  if (rr !== undefined) RR_R[r] = rr;
});

const SWAP: Readonly<Record<string, string>> = {
  eq: 'eq', ne: 'ne', lt_s: 'gt_s', gt_s: 'lt_s', lt_u: 'gt_u', gt_u: 'lt_u', le_s: 'ge_s', ge_s: 'le_s',
  le_u: 'ge_u', ge_u: 'le_u', add: 'add', mul: 'mul', and: 'and', or: 'or', xor: 'xor',
};
const NEGATE: Readonly<Record<string, string>> = {
  eq: 'ne', ne: 'eq', lt_s: 'ge_s', ge_s: 'lt_s', lt_u: 'ge_u', ge_u: 'lt_u', gt_s: 'le_s', le_s: 'gt_s',
  gt_u: 'le_u', le_u: 'gt_u',
};
for (const [c, s] of Object.entries(SWAP)) {
  const imm = R_BY_NAME.get(`i32_${s}_imm`);
  if (imm !== undefined) SWAP_IMM_R[rid(`i32_${c}`)] = imm;
}
for (const [c, n] of Object.entries(NEGATE)) {
  BR_OF[rid(`i32_${c}`)] = rid(`br_${c}`);
  BR_OF[rid(`i32_${c}_imm`)] = rid(`br_${c}_imm`);
  BR_OF_NEG[rid(`i32_${c}`)] = rid(`br_${n}`);
  BR_OF_NEG[rid(`i32_${c}_imm`)] = rid(`br_${n}_imm`);
}
/** The `_m` form (second operand loaded from memory 0) of an f64 binary operation. */
export const MEM_OPERAND_R = new Int16Array(ISA.length).fill(-1);
for (const c of ['add', 'sub', 'mul', 'div']) MEM_OPERAND_R[rid(`f64_${c}`)] = rid(`f64_${c}_m`);

/** The compare-and-branch with its operands swapped (`br_lt_s a b` is `br_gt_s b a`). */
export const SWAP_BR = new Int16Array(ISA.length).fill(-1);
for (const [c, w] of Object.entries(SWAP)) if (NEGATE[c] !== undefined) SWAP_BR[rid(`br_${c}`)] = rid(`br_${w}`);

/** The `_st` form (result stored to memory 0) of an f64 binary operation. */
export const STORE_RESULT_R = new Int16Array(ISA.length).fill(-1);
for (const c of ['add', 'sub', 'mul', 'div']) STORE_RESULT_R[rid(`f64_${c}`)] = rid(`f64_${c}_st`);

/** The `add_br_` form of a compare-and-branch (the loop counter's add fused in). */
export const ADD_BR_OF = new Int16Array(ISA.length).fill(-1);
for (const c of Object.keys(NEGATE)) {
  ADD_BR_OF[rid(`br_${c}`)] = rid(`add_br_${c}`);
  ADD_BR_OF[rid(`br_${c}_imm`)] = rid(`add_br_${c}_imm`);
}
/** The `addr_br_` form (a register increment fused in; the bound a register) of a compare-and-branch. */
export const ADDR_BR_OF = new Int16Array(ISA.length).fill(-1);
for (const c of Object.keys(NEGATE)) {
  ADDR_BR_OF[rid(`br_${c}`)] = rid(`addr_br_${c}`);
  ADDR_BR_OF[rid(`br_${c}_imm`)] = rid(`addr_br_${c}`);
}
for (const t of ['f32', 'f64']) {
  for (const c of ['eq', 'ne', 'lt', 'gt', 'le', 'ge']) {
    BR_OF[rid(`${t}_${c}`)] = rid(`br_${t}_${c}`);
    BR_OF_NEG[rid(`${t}_${c}`)] = rid(`br_not_${t}_${c}`);
  }
}
BR_OF[rid('i32_eqz')] = rid('br_eqz');
BR_OF_NEG[rid('i32_eqz')] = rid('br_nez');
