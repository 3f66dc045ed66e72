/**
 * Iso-recursive type canonicalization ("Validation › Types › Recursive
 * Types" and "Type Equivalence"): every defined type gets a *canonical id*, an
 * integer that is equal for two types exactly when they are equivalent, even
 * across modules.
 *
 * How: a rec group is turned into a structural key in which references to
 * types of the same group are written group-relative (`r0`, `r1`…) and
 * references to earlier types are written by their canonical id (`c17`). Two
 * groups are equivalent iff their keys are equal, so a process-wide
 * `Map<key, first id>` assigns ids; the i-th type of a group gets `first + i`.
 * The declared supertype of each canonical type is recorded too, so runtime
 * casts and `call_indirect` checks can test subtyping on canonical ids alone.
 *
 * The registry is process-wide on purpose (like an engine's type canonicalizer):
 * it lets an instance compare function types of another module's functions by
 * integer. It only grows; each distinct rec group costs one map entry.
 *
 * Not here: validity of the types (context.ts checks indices and subtyping
 * before a group is canonicalized).
 */
import type { SubType, ValType } from '../ast/types.js';
import { isRef, refExact, refHeap, refNullable } from '../ast/types.js';

const groupIds = new Map<string, number>();
/** Canonical id → canonical id of its declared supertype, or -1. */
const superOf: number[] = [];

/** Encodes a heap type index for the key: group-relative or canonical. */
function heapKey(idx: number, start: number, canon: Int32Array): string {
  if (idx < 0) return `a${idx}`;
  if (idx >= start) return `r${idx - start}`;
  return `c${canon[idx]!}`;
}

function valKey(t: ValType, start: number, canon: Int32Array): string {
  if (!isRef(t)) return String(t);
  const flags = (refNullable(t) ? 1 : 0) + (refExact(t) ? 2 : 0);
  return `${flags}${heapKey(refHeap(t), start, canon)}`;
}

function subTypeKey(st: SubType, start: number, canon: Int32Array): string {
  const v = (t: ValType): string => valKey(t, start, canon);
  const h = (x: number): string => heapKey(x, start, canon);
  let k = st.final ? 'F' : 'O';
  for (const s of st.supers) k += `<${h(s)}`;
  if (st.describes !== null) k += `d${h(st.describes)}`;
  if (st.descriptor !== null) k += `D${h(st.descriptor)}`;
  const c = st.comp;
  switch (c.kind) {
    case 'func':
      k += `f(${c.params.map(v).join(',')})(${c.results.map(v).join(',')})`;
      break;
    case 'struct':
      k += `s(${c.fields.map((f) => (f.mutable ? 'm' : '') + v(f.type)).join(',')})`;
      break;
    case 'array':
      k += `a(${(c.field.mutable ? 'm' : '') + v(c.field.type)})`;
      break;
  }
  return k;
}

/**
 * Assigns canonical ids to the rec group `types[start .. start+count)`,
 * writing them into `canon` (indexed by type index). Types before `start`
 * must already have their ids. Returns the group's first canonical id.
 */
export function canonicalizeGroup(types: readonly SubType[], start: number, count: number, canon: Int32Array): number {
  let key = `${count}:`;
  for (let i = 0; i < count; i++) key += subTypeKey(types[start + i]!, start, canon) + ';';
  let first = groupIds.get(key);
  const fresh = first === undefined;
  if (first === undefined) {
    first = superOf.length;
    groupIds.set(key, first);
  }
  for (let i = 0; i < count; i++) canon[start + i] = first + i;
  if (fresh) {
    for (let i = 0; i < count; i++) {
      const s = types[start + i]!.supers[0];
      superOf[first + i] = s === undefined ? -1 : canon[s]!;
    }
  }
  return first;
}

/** The canonical id of the declared supertype of canonical type `id`, or -1. */
export function canonicalSuper(id: number): number {
  return superOf[id] ?? -1;
}

/**
 * Is canonical type `sub` a subtype of canonical type `sup`? Walks the declared
 * supertype chain (at most `MAX_SUBTYPE_DEPTH` steps).
 */
export function isCanonicalSubtype(sub: number, sup: number): boolean {
  for (let t = sub; t >= 0; t = superOf[t]!) if (t === sup) return true;
  return false;
}
