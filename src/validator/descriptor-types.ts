/**
 * The custom-descriptors proposal's rules for type definitions: a
 * `(descriptor $d)` clause names the descriptor type of a struct type and a
 * `(describes $t)` clause names the type a descriptor describes. Both must
 * stay within the rec group, agree with each other, apply to struct types
 * only, and a `describes` must point backwards. Subtyping must preserve them
 * (`checkDescriptorSubtype`): a subtype keeps its supertype's descriptor (and
 * may add one), describes exactly when its supertype does, and the
 * descriptor and described types vary covariantly.
 *
 * Only called when `features.customDescriptors` is on (the decoder rejects
 * the clauses otherwise). Not here: instructions (descriptors.ts).
 */
import type { SubType } from '../ast/types.js';
import type { Context } from './context.js';
import { matchIdx } from './match.js';

type Fail = (message: string) => never;

/** Checks the descriptor clauses of rec group `types[start .. start+count)` (before canonicalization). */
export function checkDescriptorClauses(c: Context, start: number, count: number, fail: Fail): void {
  const end = start + count;
  const types = c.types;
  for (let x = start; x < end; x++) {
    const st = types[x]!;
    const d = st.descriptor;
    const t = st.describes;
    if (d !== null && (d < start || d >= end)) fail('descriptor type is outside rec group');
    if (t !== null && (t < start || t >= end)) fail('described type is outside rec group');
    if (t !== null && t >= x) fail('forward use of described type');
    if (d !== null && types[d]!.describes !== x) fail('type is not described by its descriptor');
    if (t !== null && types[t]!.descriptor !== x) fail('described type is not described by descriptor');
    if (d !== null && st.comp.kind !== 'struct') fail('descriptor type must be a struct');
    if (t !== null && st.comp.kind !== 'struct') fail('described type must be a struct');
  }
}

/** The descriptor rules of declared subtyping `types[x] <: types[s]`, after the composite types matched. */
export function checkDescriptorSubtype(c: Context, x: number, s: number, fail: Fail): void {
  const a: SubType = c.types[x]!;
  const b: SubType = c.types[s]!;
  if (b.descriptor !== null && a.descriptor === null) fail(`sub type ${x} does not match super type ${s}`);
  if ((a.describes === null) !== (b.describes === null)) fail(`sub type ${x} does not match super type ${s}`);
  if (a.descriptor !== null && b.descriptor !== null && !matchIdx(c, a.descriptor, b.descriptor)) {
    fail(`descriptor type ${a.descriptor} does not match`);
  }
  if (a.describes !== null && b.describes !== null && !matchIdx(c, a.describes, b.describes)) {
    fail(`described type ${a.describes} does not match`);
  }
}
