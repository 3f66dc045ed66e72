/**
 * Which instructions are *constant* ("Validation › Instructions › Constant
 * Expressions"): the ones allowed in global initializers, table initializers,
 * segment offsets and element expressions. WebAssembly 3.0 includes the
 * extended-const arithmetic (i32/i64 add, sub, mul) and the GC allocations;
 * `global.get` is constant only for immutable globals (checked by func.ts).
 *
 * Not here: typing of those instructions (the ordinary validator does that).
 */
import { OPCODES } from '../ast/opcodes.js';
import { Op } from '../ast/op-ids.js';

/** Per-Op flag: 1 when the instruction may appear in a constant expression. */
export const CONST_OK: Uint8Array = new Uint8Array(OPCODES.length);

for (const op of [
  Op.i32_const, Op.i64_const, Op.f32_const, Op.f64_const, Op.v128_const,
  Op.i32_add, Op.i32_sub, Op.i32_mul, Op.i64_add, Op.i64_sub, Op.i64_mul,
  Op.ref_null, Op.ref_func, Op.ref_i31,
  Op.struct_new, Op.struct_new_default, Op.array_new, Op.array_new_default, Op.array_new_fixed,
  Op.any_convert_extern, Op.extern_convert_any,
  Op.struct_new_desc, Op.struct_new_default_desc,
  Op.global_get, Op.end,
]) CONST_OK[op] = 1;
