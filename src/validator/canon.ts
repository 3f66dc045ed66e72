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
 *
 * For each canonical id the registry also keeps what run time needs to test
 * subtyping on ids alone, in O(1): its composite kind, its depth in its
 * declared supertype chain and its *display* (the ids of its chain from the
 * root down to itself, so `sub <: sup` iff `display(sub)[depth(sup)] === sup`).
 * Casts, `call_indirect` and import matching use this; no walk per check.
 *
 * The registry is process-wide on purpose (like an engine's type canonicalizer):
 * it lets an instance compare types of another module's functions and objects
 * by integer. It only grows; each distinct rec group costs one map entry.
 *
 * *Runtime value types* (what the interpreter's functions, tables and globals
 * carry, src/interp/runtime.ts) use the ValType encoding of src/ast/types.ts
 * with one difference: a concrete heap type is a canonical id, not a module's
 * type index, so they mean the same in every module. `runtimeValType` makes
 * one from a module's type; `matchRuntimeVal` is subtyping on them.
 *
 * Not here: validity of the types (types.ts checks indices and subtyping
 * before a group is canonicalized).
 */
import type { Module } from '../ast/module.js';
import type { CompType, SubType, ValType } from '../ast/types.js';
import { isRef, refExact, refHeap, refNullable, refType } from '../ast/types.js';
import { TypeKind } from './context.js';
import { bottomOfKind, isBottomHeap, matchAbstractHeap, matchKindHeap } from './match.js';

const groupIds = new Map<string, number>();
/** Canonical id → canonical id of its declared supertype, or -1. */
const superOf: number[] = [];
/** Canonical id → `TypeKind` of its composite type. */
const kindOf: number[] = [];
/** Canonical id → its supertype chain from the root, ending with itself (length = depth + 1). */
const displayOf: Int32Array[] = [];

/**
 * Encodes a heap type index for the key: group-relative or canonical. With
 * `canon` null the index already is a canonical id (a runtime type).
 */
function heapKey(idx: number, start: number, canon: Int32Array | null): string {
  if (idx < 0) return `a${idx}`;
  if (canon === null) return `c${idx}`;
  if (idx >= start) return `r${idx - start}`;
  return `c${canon[idx]!}`;
}

function valKey(t: ValType, start: number, canon: Int32Array | null): string {
  if (!isRef(t)) return String(t);
  const flags = (refNullable(t) ? 1 : 0) + (refExact(t) ? 2 : 0);
  return `${flags}${heapKey(refHeap(t), start, canon)}`;
}

function subTypeKey(st: SubType, start: number, canon: Int32Array | null): string {
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

const KIND: Record<CompType['kind'], TypeKind> = { func: TypeKind.Func, struct: TypeKind.Struct, array: TypeKind.Array };

/** Registers a fresh group's per-id data; `supOf(i)` is the canonical id of the i-th type's supertype or -1. */
function register(types: readonly SubType[], start: number, count: number, first: number, supOf: (i: number) => number): void {
  for (let i = 0; i < count; i++) {
    const id = first + i;
    const st = types[start + i]!;
    const s = supOf(i);
    superOf[id] = s;
    kindOf[id] = KIND[st.comp.kind];
    // The supertype is earlier in valid modules; an invalid forward one gets no chain (never run).
    const up = s >= 0 ? displayOf[s] : undefined;
    const disp = new Int32Array(up === undefined ? 1 : up.length + 1);
    if (up !== undefined) disp.set(up);
    disp[disp.length - 1] = id;
    displayOf[id] = disp;
  }
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
    register(types, start, count, first, (i) => {
      const s = types[start + i]!.supers[0];
      return s === undefined ? -1 : canon[s]!;
    });
  }
  return first;
}

/**
 * The canonical id of composite type `comp` on its own (final, no supertype,
 * a group of one), its value types being runtime types: the id a module's
 * `(type (func …))`, `(type (struct …))` or `(type (array …))` of the same
 * shape gets.
 */
export function canonicalStandalone(comp: CompType): number {
  const st: SubType = { final: true, supers: [], comp, describes: null, descriptor: null, form: 'bare' };
  const key = `1:${subTypeKey(st, 0, null)};`;
  let first = groupIds.get(key);
  if (first === undefined) {
    first = superOf.length;
    groupIds.set(key, first);
    register([st], 0, 1, first, () => -1);
  }
  return first;
}

/** `canonicalStandalone` of the function type `(func (param …) (result …))`. */
export function canonicalFuncType(params: readonly ValType[], results: readonly ValType[]): number {
  return canonicalStandalone({ kind: 'func', params: params.slice(), results: results.slice() });
}

/**
 * Calls `f` with each rec group of `m` in order. A module built without rec
 * group bookkeeping (its groups do not cover its types) has one group per type.
 */
export function forEachRecGroup(m: Module, f: (start: number, count: number) => void): void {
  let covered = 0;
  for (const g of m.recGroups) covered += g.count;
  if (covered === m.types.length) for (const g of m.recGroups) f(g.start, g.count);
  else for (let i = 0; i < m.types.length; i++) f(i, 1);
}

const moduleCanons = new WeakMap<Module, Int32Array>();

/** Records the canonical ids the validator computed for `m` (so `moduleCanon` need not recompute them). */
export function rememberModuleCanon(m: Module, canon: Int32Array): void {
  moduleCanons.set(m, canon);
}

/**
 * The canonical id of each type index of module `m` (computed once per
 * module; the module's types must be valid).
 */
export function moduleCanon(m: Module): Int32Array {
  let canon = moduleCanons.get(m);
  if (canon === undefined) {
    const ids = new Int32Array(m.types.length);
    forEachRecGroup(m, (start, count) => canonicalizeGroup(m.types, start, count, ids));
    moduleCanons.set(m, (canon = ids));
  }
  return canon;
}

/** The canonical id of the declared supertype of canonical type `id`, or -1. */
export function canonicalSuper(id: number): number {
  return superOf[id] ?? -1;
}

/** The `TypeKind` (func, struct, array) of canonical type `id`. */
export function canonicalKind(id: number): TypeKind {
  return kindOf[id]!;
}

/**
 * Is canonical type `sub` a subtype of canonical type `sup` (reflexive,
 * through declared supertypes)? O(1): one lookup in `sub`'s display.
 */
export function isCanonicalSubtype(sub: number, sup: number): boolean {
  if (sub === sup) return true;
  const d = displayOf[sup]!.length - 1;
  const disp = displayOf[sub]!;
  return d < disp.length && disp[d] === sup;
}

/** Module `canon`'s runtime form of value type `t`: a concrete heap type becomes its canonical id. */
export function runtimeValType(t: ValType, canon: Int32Array): ValType {
  if (!isRef(t)) return t;
  const h = refHeap(t);
  return h < 0 ? t : refType(refNullable(t), canon[h]!, refExact(t));
}

/** Heap subtyping on runtime heap types (concrete = canonical id). */
export function matchRuntimeHeap(a: number, b: number): boolean {
  if (a === b) return true;
  if (a >= 0) return b >= 0 ? isCanonicalSubtype(a, b) : matchKindHeap(kindOf[a]!, b);
  if (b >= 0) return a === bottomOfKind(kindOf[b]!);
  return matchAbstractHeap(a, b);
}

/** Value subtyping on runtime value types ("Matching" with canonical ids; exact types match only themselves). */
export function matchRuntimeVal(a: ValType, b: ValType): boolean {
  if (a === b) return true;
  if (!isRef(a) || !isRef(b)) return false;
  if (refNullable(a) && !refNullable(b)) return false;
  if (refExact(b)) return refExact(a) ? refHeap(a) === refHeap(b) : isBottomHeap(refHeap(a)) && matchRuntimeHeap(refHeap(a), refHeap(b));
  return matchRuntimeHeap(refHeap(a), refHeap(b));
}
