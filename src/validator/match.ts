/**
 * Subtyping ("Validation › Matching"): heap types, reference types, value
 * types, storage and field types, and composite types, on tswasm's numeric
 * type encoding (src/ast/types.ts). Concrete types are compared through their
 * canonical ids (canon.ts) and declared supertype chains.
 *
 * Two extra inhabitants exist only inside the validator, as in the spec's
 * validation algorithm: the *unknown* value type `UNKNOWN` (what a pop from a
 * polymorphic stack yields) and the *bottom heap type* `BOT_HEAP` (the heap
 * type of `(ref bot)`, what a reference pop from a polymorphic stack yields).
 * Both match everything they are compared against.
 *
 * Not here: type printing (messages.ts), checking that types are well formed.
 */
import {
  F32, F64, Heap, I16, I32, I64, I8, V128, isRef, refExact, refHeap, refNullable, refType,
  type FieldType, type HeapType, type SubType, type ValType,
} from '../ast/types.js';
import { TypeKind, type Context } from './context.js';

/** The unknown value type of the validation algorithm ("Unknown"). */
export const UNKNOWN = 0;
/** The bottom heap type (never written in a module). */
export const BOT_HEAP = -0x1f;
/** `(ref bot)`: a non-null reference of unknown heap type. */
export const REF_BOT = refType(false, BOT_HEAP);

/** Is concrete type `a` a subtype of concrete type `b` (declared chains, canonical ids)? */
export function matchIdx(c: Context, a: number, b: number): boolean {
  const canon = c.canon;
  const target = canon[b]!;
  for (let t = a; ;) {
    if (canon[t] === target) return true;
    const s = c.types[t]!.supers[0];
    if (s === undefined) return false;
    t = s;
  }
}

/** The bottom abstract heap type of the hierarchy of a concrete type of kind `k` (nofunc or none). */
export function bottomOfKind(k: TypeKind): HeapType {
  return k === TypeKind.Func ? Heap.NoFunc : Heap.None;
}

/** Does a concrete type of kind `k` match abstract heap type `b`? */
export function matchKindHeap(k: TypeKind, b: HeapType): boolean {
  switch (k) {
    case TypeKind.Func: return b === Heap.Func;
    case TypeKind.Struct: return b === Heap.Struct || b === Heap.Eq || b === Heap.Any;
    default: return b === Heap.Array || b === Heap.Eq || b === Heap.Any;
  }
}

/** Does abstract heap type `a` match abstract heap type `b` (the fixed part of the lattice)? */
export function matchAbstractHeap(a: HeapType, b: HeapType): boolean {
  if (a === b) return true;
  switch (a) {
    case Heap.None: return b === Heap.Any || b === Heap.Eq || b === Heap.I31 || b === Heap.Struct || b === Heap.Array;
    case Heap.I31: case Heap.Struct: case Heap.Array: return b === Heap.Eq || b === Heap.Any;
    case Heap.Eq: return b === Heap.Any;
    case Heap.NoFunc: return b === Heap.Func;
    case Heap.NoExtern: return b === Heap.Extern;
    case Heap.NoExn: return b === Heap.Exn;
    default: return false;
  }
}

/** Does heap type `a` match heap type `b`? */
export function matchHeap(c: Context, a: HeapType, b: HeapType): boolean {
  if (a === b || a === BOT_HEAP) return true;
  if (a >= 0) return b >= 0 ? matchIdx(c, a, b) : matchKindHeap(c.typeKind[a]!, b);
  if (b >= 0) return a === bottomOfKind(c.typeKind[b]!);
  return matchAbstractHeap(a, b);
}

/** Is `h` one of the abstract bottom heap types (none, nofunc, noextern, noexn) or `BOT_HEAP`? */
export function isBottomHeap(h: HeapType): boolean {
  return h === Heap.None || h === Heap.NoFunc || h === Heap.NoExtern || h === Heap.NoExn || h === BOT_HEAP;
}

/** Does reference type `a` match reference type `b` (nullability, exactness, heap)? */
export function matchRef(c: Context, a: ValType, b: ValType): boolean {
  if (refNullable(a) && !refNullable(b)) return false;
  const ha = refHeap(a);
  const hb = refHeap(b);
  if (refExact(b)) {
    if (refExact(a)) return ha === hb || (ha >= 0 && hb >= 0 && c.canon[ha] === c.canon[hb]);
    return isBottomHeap(ha) && matchHeap(c, ha, hb);
  }
  return matchHeap(c, ha, hb);
}

/** Does value type `a` match value type `b`? `UNKNOWN` matches everything. */
export function matchVal(c: Context, a: ValType, b: ValType): boolean {
  if (a === b || a === UNKNOWN) return true;
  if (!isRef(a) || !isRef(b)) return false;
  return matchRef(c, a, b);
}

/** Are value types `a` and `b` equivalent (each matches the other)? */
export function equalVal(c: Context, a: ValType, b: ValType): boolean {
  return a === b || (matchVal(c, a, b) && matchVal(c, b, a));
}

/** Does storage type `a` match storage type `b` (packed types only match themselves)? */
export function matchStorage(c: Context, a: number, b: number): boolean {
  if (a === I8 || a === I16 || b === I8 || b === I16) return a === b;
  return matchVal(c, a, b);
}

/** Field subtyping: immutable fields are covariant, mutable ones invariant. */
export function matchField(c: Context, a: FieldType, b: FieldType): boolean {
  if (a.mutable !== b.mutable) return false;
  if (!matchStorage(c, a.type, b.type)) return false;
  return !a.mutable || matchStorage(c, b.type, a.type);
}

/** Composite subtyping: functions contra/covariant, structs by prefix (width and depth), arrays by field. */
export function matchComp(c: Context, a: SubType, b: SubType): boolean {
  const ca = a.comp;
  const cb = b.comp;
  if (ca.kind === 'func' && cb.kind === 'func') {
    if (ca.params.length !== cb.params.length || ca.results.length !== cb.results.length) return false;
    for (let i = 0; i < ca.params.length; i++) if (!matchVal(c, cb.params[i]!, ca.params[i]!)) return false;
    for (let i = 0; i < ca.results.length; i++) if (!matchVal(c, ca.results[i]!, cb.results[i]!)) return false;
    return true;
  }
  if (ca.kind === 'struct' && cb.kind === 'struct') {
    if (ca.fields.length < cb.fields.length) return false;
    for (let i = 0; i < cb.fields.length; i++) if (!matchField(c, ca.fields[i]!, cb.fields[i]!)) return false;
    return true;
  }
  if (ca.kind === 'array' && cb.kind === 'array') return matchField(c, ca.field, cb.field);
  return false;
}

/** The top heap type of `h`'s hierarchy (any, func, extern, exn). */
export function topOfHeap(c: Context, h: HeapType): HeapType {
  if (h >= 0) return c.typeKind[h] === TypeKind.Func ? Heap.Func : Heap.Any;
  switch (h) {
    case Heap.Func: case Heap.NoFunc: return Heap.Func;
    case Heap.Extern: case Heap.NoExtern: return Heap.Extern;
    case Heap.Exn: case Heap.NoExn: return Heap.Exn;
    case BOT_HEAP: return BOT_HEAP;
    default: return Heap.Any;
  }
}

/** Is `t` defaultable (numbers, vectors, nullable references)? */
export function defaultable(t: ValType): boolean {
  return !isRef(t) || refNullable(t);
}

/** Is `t` a number type (or unknown)? */
export function isNumOrUnknown(t: ValType): boolean {
  return t === I32 || t === I64 || t === F32 || t === F64 || t === UNKNOWN;
}

/** Is `t` v128 (or unknown)? */
export function isVecOrUnknown(t: ValType): boolean {
  return t === V128 || t === UNKNOWN;
}

/** The value type a storage type unpacks to (i8, i16 → i32). */
export function unpacked(t: number): ValType {
  return t === I8 || t === I16 ? I32 : t;
}
