/**
 * THE register instruction set of tswasm's interpreter, declared as data: one
 * row per internal instruction with its operand layout. The translator
 * (translate*.ts) emits it, the executor (exec.ts) runs it, the disassembler
 * (disasm.ts) prints it. `npm run gen` (scripts/gen-interp.mjs) generates
 * from this table the `R` ids and the `L_<LAYOUT>` operand positions
 * (isa-ids.ts) and the executor's handler families (the GENERATED regions of
 * exec.ts); test/interp/isa.test.ts checks they are up to date and that every
 * handler reads its operands through its own row's layout. The executor's
 * `switch` ends in an exhaustiveness check over `R`, so a row without a
 * handler does not compile.
 *
 * Spec: "Execution › Instructions"; this is an internal encoding of it, not
 * part of any standard.
 *
 * ## Encoding (documented here, once)
 *
 * Code is an `Int32Array`. An instruction is its `R` number followed by its
 * operands, one int32 word each, in the order the layout string gives:
 *
 * | letter | operand                                                                 |
 * |--------|-------------------------------------------------------------------------|
 * | `d`    | destination register                                                    |
 * | `a` `b` `c` | source registers                                                   |
 * | `i` `j`| int32 immediates (an i64 constant is `i` = low word, `j` = high word; a memory offset is `i`, read as u32) |
 * | `t`    | jump target: absolute index into the function's code                   |
 * | `x` `y`| an index resolved at translation: function (instance index), global (store cell), table, type id, segment |
 * | `n`    | a count; `n` more words follow (br_table: n targets, the last is the default) |
 *
 * A register operand is a *word offset* from the frame pointer `fp` into the
 * store's register file (see regfile.ts): a 64-bit cell k of the frame is
 * words 2k (low) and 2k + 1 (high). So an i32 operand `a` is `I32[fp + a]`,
 * an f64 one `F64[(fp + a) >> 1]`, a reference `refs[(fp + a) >> 1]`; a
 * v128 operand takes two cells, words a .. a + 3 (regfile.ts, `cellsOf`).
 *
 * Operand positions are named, never counted: for each distinct layout the
 * generated `const enum L_<LAYOUT>` (isa-ids.ts) gives each operand's word
 * position after the opcode (`L_DAB.b === 3`; a repeated letter is numbered
 * from 2: `a a i b b i` → `a a2 i b b2 i2`) and `size`, the words the
 * instruction takes. A handler reads `code[pc + L_DAB.b]` and steps
 * `pc += L_DAB.size`.
 *
 * Name suffixes: `_imm` — the last source is the immediate `i` instead of a
 * register; `32`/`64`/`ref` on moves, selects and globals — the width copied
 * as raw int32 words (so f32/f64 NaN payloads survive), or a reference.
 * `br_<cmp>` are compare-and-branch superinstructions: jump to `t` when the
 * i32 comparison holds (`br_f32_<cmp>`/`br_f64_<cmp>`: a float comparison;
 * `br_not_…`: when it does not hold, which for floats is not the opposite
 * comparison because of NaN); `add_br_<cmp>` also do the loop counter's `i32.add`
 * before it (`d = a + i`). `_rr` loads and stores take the address as the
 * wrapping i32 sum of two registers (the `i32.add` that computed it is fused away). Loads/stores of f32/f64 are the i32/i64 ones (they
 * move bits); `i64.store8/16/32` are `i32.store8/16` and `i32.store` of the low word.
 * f64 loads, stores and moves use one 64-bit access (`f64_load`, `mov_f64`):
 * writing a cell as two 32-bit words and reading it as one double stalls
 * store forwarding; a float64 load+store without arithmetic keeps the bits.
 *
 * Pruned on purpose: immediate forms exist only for the i32/i64 operations
 * that compiled C uses with constants in hot loops (add, mul, and, or, xor,
 * shifts, comparisons); other constant operands are materialized into a
 * register by `const32`/`const64`. Loads and stores have fast forms for a
 * 32-bit memory 0 with a 32-bit offset only; other memories (multi-memory)
 * and 64-bit addresses or offsets (memory64) use the generic `_x` forms.
 */

/**
 * A row: [name, operand layout (see the table above), one-line description,
 * and optionally the room whose executor file runs it (see
 * scripts/gen-interp.mjs: `vector` → exec-vector.ts, `gc` → exec-gc.ts)].
 */
export type IsaRow = readonly [name: string, layout: string, doc: string, room?: 'vector' | 'gc'];

const CMP = ['eq', 'ne', 'lt_s', 'lt_u', 'gt_s', 'gt_u', 'le_s', 'le_u', 'ge_s', 'ge_u'] as const;
const I_BIN = ['add', 'sub', 'mul', 'div_s', 'div_u', 'rem_s', 'rem_u', 'and', 'or', 'xor', 'shl', 'shr_s', 'shr_u',
  'rotl', 'rotr'] as const;
const F_CMP = ['eq', 'ne', 'lt', 'gt', 'le', 'ge'] as const;
const F_UN = ['abs', 'neg', 'ceil', 'floor', 'trunc', 'nearest', 'sqrt'] as const;
const F_BIN = ['add', 'sub', 'mul', 'div', 'min', 'max', 'copysign'] as const;

/** The table. Row i is instruction `R` number i. */
export const ISA: readonly IsaRow[] = [
  // Control
  ['unreachable', '', 'trap "unreachable"'],
  ['br', 't', 'jump to t'],
  ['br_nez', 'a t', 'jump to t if a != 0'],
  ['br_eqz', 'a t', 'jump to t if a == 0'],
  ...CMP.map((c): IsaRow => [`br_${c}`, 'a b t', `jump to t if i32.${c}(a, b)`]),
  ...CMP.map((c): IsaRow => [`br_${c}_imm`, 'a i t', `jump to t if i32.${c}(a, i)`]),
  ...CMP.map((c): IsaRow => [`add_br_${c}`, 'd a i b t', `d = a + i; jump to t if i32.${c}(d, b)`]),
  ...CMP.map((c): IsaRow => [`add_br_${c}_imm`, 'd a i j t', `d = a + i; jump to t if i32.${c}(d, j)`]),
  ...CMP.map((c): IsaRow => [`addr_br_${c}`, 'd a b c t', `d = a + b; jump to t if i32.${c}(d, c)`]),
  ...(['f32', 'f64'] as const).flatMap((t) => F_CMP.flatMap((c): IsaRow[] => [
    [`br_${t}_${c}`, 'a b t', `jump to t if ${t}.${c}(a, b)`],
    [`br_not_${t}_${c}`, 'a b t', `jump to t unless ${t}.${c}(a, b) (so a NaN operand jumps, except for ne)`],
  ])),
  ['br_table', 'a n', 'jump to target a (clamped to the default, the last of the n targets that follow)'],
  ['return', '', 'return to the caller; results are already in the frame\'s first cells'],
  ['call', 'x a', 'call function x of the instance; arguments and results start at register a'],
  ['call_indirect', 'x y a b', 'call table y[b] checking its type id against x; arguments and results at a'],
  ['fuel', 'i', 'charge i units of fuel; trap when the budget is exhausted'],
  // Control: tail calls, function references, exceptions (exceptions.ts documents the handler tables)
  ['return_call', 'x a', 'tail call of function x: arguments at a move to the frame\'s first cells and the callee replaces the frame'],
  ['return_call_indirect', 'x y a b', 'tail call of table y[b] checking its type id against x; arguments at a'],
  ['call_ref', 'a b', 'call the function reference b (trap on null); arguments and results at a'],
  ['return_call_ref', 'a b', 'tail call of the function reference b (trap on null); arguments at a'],
  ['throw', 'x a', 'raise an exception of tag x with the payload at registers a..'],
  ['throw_ref', 'a', 'raise the exception reference a again (trap on null)'],
  ['ref_as_non_null', 'd a', 'd = a; trap "null reference" if a is null'],
  ['br_null', 'a t', 'jump to t if reference a is null'],
  ['br_non_null', 'a t', 'jump to t if reference a is not null'],
  // Registers, constants, select, globals
  ['mov32', 'd a', 'copy one word (i32, f32 bits)'],
  ['mov64', 'd a', 'copy two words (i64, f64 bits)'],
  ['mov_ref', 'd a', 'copy a reference'],
  ['mov_f64', 'd a', 'copy an f64 through the Float64Array view (one 64-bit access: no store-forwarding stall)'],
  ['const32', 'd i', 'd = i (i32, f32 bits)'],
  ['const64', 'd i j', 'd = (i, j) (i64, f64 bits)'],
  ['select32', 'd a b c', 'd = c != 0 ? a : b (one word)'],
  ['select64', 'd a b c', 'd = c != 0 ? a : b (two words)'],
  ['select_ref', 'd a b c', 'd = c != 0 ? a : b (reference)'],
  ['global_get32', 'd x', 'd = global cell x (one word)'],
  ['global_get64', 'd x', 'd = global cell x (two words)'],
  ['global_get_ref', 'd x', 'd = global cell x (reference)'],
  ['global_set32', 'x a', 'global cell x = a (one word)'],
  ['global_set64', 'x a', 'global cell x = a (two words)'],
  ['global_set_ref', 'x a', 'global cell x = a (reference)'],
  // Memory 0: d/b = value register, a = address register, i = offset (u32)
  ['i32_load', 'd a i', 'i32.load and f32.load (bits)'],
  ['i64_load', 'd a i', 'i64.load'],
  ['f64_load', 'd a i', 'f64.load through the Float64Array view (bits preserved: a load and a store, no arithmetic)'],
  ['i32_load8_s', 'd a i', ''],
  ['i32_load8_u', 'd a i', ''],
  ['i32_load16_s', 'd a i', ''],
  ['i32_load16_u', 'd a i', ''],
  ['i64_load8_s', 'd a i', ''],
  ['i64_load8_u', 'd a i', ''],
  ['i64_load16_s', 'd a i', ''],
  ['i64_load16_u', 'd a i', ''],
  ['i64_load32_s', 'd a i', ''],
  ['i64_load32_u', 'd a i', ''],
  ['i32_store', 'a b i', 'i32.store, f32.store, i64.store32'],
  ['i64_store', 'a b i', 'i64.store'],
  ['f64_store', 'a b i', 'f64.store through the Float64Array view'],
  ['i32_store8', 'a b i', 'i32.store8 and i64.store8'],
  ['i32_store16', 'a b i', 'i32.store16 and i64.store16'],
  // The same with the address an i32.add of two registers (wrapping, as the add would): a + b + offset
  ...(['i32_load', 'i64_load', 'f64_load', 'i32_load8_s', 'i32_load8_u', 'i32_load16_s', 'i32_load16_u', 'i64_load8_s', 'i64_load8_u', 'i64_load16_s', 'i64_load16_u', 'i64_load32_s', 'i64_load32_u'] as const)
    .map((n): IsaRow => [`${n}_rr`, 'd a b i', '']),
  ...(['i32_store', 'i64_store', 'f64_store', 'i32_store8', 'i32_store16'] as const)
    .map((n): IsaRow => [`${n}_rr`, 'a b c i', 'store c at a + b + offset']),
  ['memory_size', 'd', ''],
  ['memory_grow', 'd a', ''],
  ['memory_fill', 'x a b c', 'memory.fill of memory x (dest a, value b, length c)'],
  ['memory_copy', 'x y a b c', 'memory.copy from memory y to memory x (dest a, source b, length c)'],
  ['memory_init', 'x y a b c', 'memory.init of data segment x into memory y (dest a, source b, length c)'],
  ['data_drop', 'x', ''],
  // Any memory (multi-memory, memory64): slow, generic forms
  ['load_x', 'd a i j x y', 'load from memory x at a + offset (i, j); y is the memory-0 load it stands for'],
  ['store_x', 'a b i j x y', 'store b to memory x at a + offset (i, j); y is the memory-0 store it stands for'],
  ['memory_size_x', 'd x', 'memory.size of memory x (an i64 for a 64-bit memory)'],
  ['memory_grow_x', 'd x a', 'memory.grow of memory x'],
  // i32
  ['i32_eqz', 'd a', ''],
  ...CMP.map((c): IsaRow => [`i32_${c}`, 'd a b', '']),
  ...CMP.map((c): IsaRow => [`i32_${c}_imm`, 'd a i', '']),
  ['i32_clz', 'd a', ''],
  ['i32_ctz', 'd a', ''],
  ['i32_popcnt', 'd a', ''],
  ['i32_extend8_s', 'd a', ''],
  ['i32_extend16_s', 'd a', ''],
  ...I_BIN.map((c): IsaRow => [`i32_${c}`, 'd a b', '']),
  ...(['add', 'mul', 'and', 'or', 'xor', 'shl', 'shr_s', 'shr_u'] as const)
    .map((c): IsaRow => [`i32_${c}_imm`, 'd a i', '']),
  // i64
  ['i64_eqz', 'd a', ''],
  ...CMP.map((c): IsaRow => [`i64_${c}`, 'd a b', '']),
  ['i64_clz', 'd a', ''],
  ['i64_ctz', 'd a', ''],
  ['i64_popcnt', 'd a', ''],
  ['i64_extend8_s', 'd a', ''],
  ['i64_extend16_s', 'd a', ''],
  ['i64_extend32_s', 'd a', ''],
  ...I_BIN.map((c): IsaRow => [`i64_${c}`, 'd a b', '']),
  ['i64_add_imm', 'd a i', 'd = a + sign-extended i'],
  ['i64_shl_imm', 'd a i', ''],
  ['i64_shr_s_imm', 'd a i', ''],
  ['i64_shr_u_imm', 'd a i', ''],
  // f32 (arithmetic through the Float32Array view; abs/neg/copysign on bits)
  ...F_CMP.map((c): IsaRow => [`f32_${c}`, 'd a b', '']),
  ...F_UN.map((c): IsaRow => [`f32_${c}`, 'd a', '']),
  ...F_BIN.map((c): IsaRow => [`f32_${c}`, 'd a b', '']),
  // f64
  ...F_CMP.map((c): IsaRow => [`f64_${c}`, 'd a b', '']),
  ...F_UN.map((c): IsaRow => [`f64_${c}`, 'd a', '']),
  ...F_BIN.map((c): IsaRow => [`f64_${c}`, 'd a b', '']),
  ...(['add', 'sub', 'mul', 'div'] as const)
    .map((c): IsaRow => [`f64_${c}_m`, 'd a b c i', `d = f64.${c}(a, the f64 in memory 0 at b + c + offset i) (a load fused in)`]),
  ...(['add', 'sub', 'mul', 'div'] as const)
    .map((c): IsaRow => [`f64_${c}_st`, 'a b c i', `store f64.${c}(b, c) to memory 0 at a + offset i (the operation fused into its store)`]),
  ['f32_mul_add', 'd a b c', 'd = f32.add(f32.mul(a, b), c) (`f32_mul` fused into the add using it)'],
  ['f32_add_mul', 'd a b c', 'd = f32.add(a, f32.mul(b, c)) (the same with the product on the right)'],
  ['f64_add_rmw', 'a b c i', 'the f64 in memory 0 at b + c + offset i += a (`f64_add_m` then a store to the same place)'],
  ['copy8', 'a a i b b i', 'memory 0: the byte at b + b\' + offset i\' = the byte at a + a\' + offset i (an 8-bit load fused into its store8)'],
  ['copy32', 'a a i b b i', 'memory 0: 32 bits at b + b\' + offset i\' = 32 bits at a + a\' + offset i (`i32.load` fused into its `i32.store`)'],
  ['copy64', 'a a i b b i', 'memory 0: 64 bits at b + b\' + offset i\' = 64 bits at a + a\' + offset i (an i64/f64 load fused into its store; bits kept)'],
  ['f64_add_mul_st', 'a b c c i', 'store b + c * c\' to memory 0 at a + offset i (`f64_mul` fused into `f64_add_st`)'],
  ['f64_sub_mul_st', 'a b c c i', 'store b - c * c\' to memory 0 at a + offset i (`f64_mul` fused into `f64_sub_st`)'],
  ['f64_mul_add_rmw', 'a b c c i', 'the f64 in memory 0 at c + c\' + offset i += a * b (`f64_mul` fused into `f64_add_rmw`)'],
  ['f64_mul_m_add_rmw', 'a b b i c c i', 'the f64 in memory 0 at c + c\' + offset i\' += a * (the f64 at b + b\' + offset i) (`f64_mul_m` fused into `f64_add_rmw`)'],
  // Conversions (wrap and reinterpret are moves)
  ['i32_trunc_f32_s', 'd a', ''],
  ['i32_trunc_f32_u', 'd a', ''],
  ['i32_trunc_f64_s', 'd a', ''],
  ['i32_trunc_f64_u', 'd a', ''],
  ['i64_extend_i32_s', 'd a', ''],
  ['i64_extend_i32_u', 'd a', ''],
  ['i64_trunc_f32_s', 'd a', ''],
  ['i64_trunc_f32_u', 'd a', ''],
  ['i64_trunc_f64_s', 'd a', ''],
  ['i64_trunc_f64_u', 'd a', ''],
  ['f32_convert_i32_s', 'd a', ''],
  ['f32_convert_i32_u', 'd a', ''],
  ['f32_convert_i64_s', 'd a', ''],
  ['f32_convert_i64_u', 'd a', ''],
  ['f32_demote_f64', 'd a', ''],
  ['f64_convert_i32_s', 'd a', ''],
  ['f64_convert_i32_u', 'd a', ''],
  ['f64_convert_i64_s', 'd a', ''],
  ['f64_convert_i64_u', 'd a', ''],
  ['f64_promote_f32', 'd a', ''],
  ['i32_trunc_sat_f32_s', 'd a', ''],
  ['i32_trunc_sat_f32_u', 'd a', ''],
  ['i32_trunc_sat_f64_s', 'd a', ''],
  ['i32_trunc_sat_f64_u', 'd a', ''],
  ['i64_trunc_sat_f32_s', 'd a', ''],
  ['i64_trunc_sat_f32_u', 'd a', ''],
  ['i64_trunc_sat_f64_s', 'd a', ''],
  ['i64_trunc_sat_f64_u', 'd a', ''],
  // References and tables
  ['ref_null', 'd', 'd = null'],
  ['ref_is_null', 'd a', ''],
  ['ref_func', 'd x', 'd = function x of the instance'],
  ['table_get', 'd x a', ''],
  ['table_set', 'x a b', 'table x [a] = b'],
  ['table_size', 'd x', ''],
  ['table_grow', 'd x a b', 'd = table.grow x (init a, delta b)'],
  ['table_fill', 'x a b c', 'table.fill x (start a, value b, length c)'],
  ['table_copy', 'x y a b c', 'table.copy (dest table x, source table y; dest a, source b, length c)'],
  ['table_init', 'x y a b c', 'table.init (elem x into table y; dest a, source b, length c)'],
  ['elem_drop', 'x', ''],
  // GC (room 'gc', exec-gc.ts): i = a struct slot or a storage kind (gc.ts `Kind`), x = a type index,
  // y = a data or element segment; `a` of the window forms is the first of consecutive argument registers.
  ['ref_eq', 'd a b', 'd = (references a and b are the same)', 'gc'],
  ['ref_i31', 'd a', 'd = the i31 reference of i32 a', 'gc'],
  ['i31_get_s', 'd a', 'd = i31 a sign-extended (trap on null)', 'gc'],
  ['i31_get_u', 'd a', 'd = i31 a zero-extended (trap on null)', 'gc'],
  ['ref_test', 'd a i j', 'd = (a matches runtime heap type i; j bit 0: null matches, bit 1: negated, bit 2: exact)', 'gc'],
  ['ref_cast', 'd a i j', 'd = a if it matches runtime heap type i (j as for ref_test), else trap "cast failure"', 'gc'],
  ['struct_new', 'd x a', 'd = new struct of type x, fields from the registers from a on', 'gc'],
  ['struct_new_default', 'd x', 'd = new struct of type x, fields zero/null', 'gc'],
  ['struct_get32', 'd a i', 'd = slot i of struct a (i32, f32, packed unsigned)', 'gc'],
  ['struct_get_s8', 'd a i', 'd = slot i of struct a, sign-extended from 8 bits', 'gc'],
  ['struct_get_s16', 'd a i', 'd = slot i of struct a, sign-extended from 16 bits', 'gc'],
  ['struct_get64', 'd a i', 'd = slots i, i+1 of struct a (i64, f64 bits)', 'gc'],
  ['struct_get128', 'd a i', 'd = slots i..i+3 of struct a (v128)', 'gc'],
  ['struct_get_ref', 'd a i', 'd = reference slot i of struct a', 'gc'],
  ['struct_set32', 'a b i', 'slot i of struct a = b', 'gc'],
  ['struct_set8', 'a b i', 'slot i of struct a = b wrapped to 8 bits', 'gc'],
  ['struct_set16', 'a b i', 'slot i of struct a = b wrapped to 16 bits', 'gc'],
  ['struct_set64', 'a b i', 'slots i, i+1 of struct a = b', 'gc'],
  ['struct_set128', 'a b i', 'slots i..i+3 of struct a = b', 'gc'],
  ['struct_set_ref', 'a b i', 'reference slot i of struct a = b', 'gc'],
  ['array_new', 'd x a b', 'd = new array of type x: b copies of a', 'gc'],
  ['array_new_default', 'd x a', 'd = new array of type x: a zero/null elements', 'gc'],
  ['array_new_fixed', 'd x a i', 'd = new array of type x: the i values in the registers from a on', 'gc'],
  ['array_new_data', 'd x y a b', 'd = new array of type x: b elements of data segment y from byte a', 'gc'],
  ['array_new_elem', 'd x y a b', 'd = new array of type x: b references of element segment y from a', 'gc'],
  ['array_get32', 'd a b', 'd = element b of array a (i32, f32, packed unsigned)', 'gc'],
  ['array_get_s8', 'd a b', 'd = element b of i8 array a, sign-extended', 'gc'],
  ['array_get_s16', 'd a b', 'd = element b of i16 array a, sign-extended', 'gc'],
  ['array_get64', 'd a b', 'd = element b of array a (i64, f64 bits)', 'gc'],
  ['array_get128', 'd a b', 'd = element b of array a (v128)', 'gc'],
  ['array_get_ref', 'd a b', 'd = element b of reference array a', 'gc'],
  ['array_set32', 'a b c', 'element b of array a = c (i8/i16 arrays wrap)', 'gc'],
  ['array_set64', 'a b c', 'element b of array a = c (i64, f64 bits)', 'gc'],
  ['array_set128', 'a b c', 'element b of array a = c (v128)', 'gc'],
  ['array_set_ref', 'a b c', 'element b of reference array a = c', 'gc'],
  ['array_len', 'd a', 'd = length of array a', 'gc'],
  ['array_fill', 'a i', 'array.fill; registers from a: array, offset, value, count; i = element kind', 'gc'],
  ['array_copy', 'a i', 'array.copy; registers from a: dest, dest offset, source, source offset, count; i = kind', 'gc'],
  ['array_init_data', 'y a i', 'array.init_data from data segment y; registers from a: array, dest, source, count', 'gc'],
  ['array_init_elem', 'y a', 'array.init_elem from element segment y; registers from a: array, dest, source, count', 'gc'],
];

/** Number of operand words of each instruction (not counting a br_table's list). */
export const ISA_SIZE: Uint8Array = Uint8Array.from(ISA, (row) => row[1].replace(/ /g, '').length);

/** Position (1-based, after the opcode word) of the `d` operand in each row, or 0 if it has none. */
export const ISA_DEST: Uint8Array = Uint8Array.from(ISA, (row) => row[1].replace(/ /g, '').indexOf('d') + 1);

