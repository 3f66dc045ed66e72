/**
 * The GC object model ("Execution › Runtime Structure › Aggregate
 * Instances", "Values › References"): structs, arrays and i31 references as
 * the interpreter holds them, their layouts, and the run-time type test that
 * `ref.test`, `ref.cast`, `br_on_cast` and the JS boundary share.
 *
 * Representation (documented here, once):
 * - A struct is a `GcStruct`: its canonical type id `t` and one JS array `f`
 *   of *slots*. i32, f32, i8 and i16 fields take one slot (an int32 number;
 *   f32 as its bit pattern; packed fields stored already wrapped to 8 or 16
 *   bits, unsigned); i64 and f64 take two (low word, high word, int32
 *   numbers; f64 as its bits) and v128 four, so every NaN payload survives a
 *   round trip through a field; a reference takes one slot holding the
 *   reference value. `StructLayout` maps field index → first slot.
 * - An array is a `GcArray`: type id `t`, length `n`, elements in `d`: a
 *   `Uint8Array` (i8), `Uint16Array` (i16), `Int32Array` of 1, 2 or 4 words
 *   per element (i32/f32, i64/f64, v128) or, for references, a JS array.
 * - An i31 reference is a JS number: an integer in [-2^30, 2^30). No other
 *   reference is a number in that range (the JS API turns such numbers into
 *   i31 references, as it specifies), so `typeof v === 'number'` plus the
 *   range test identifies one. Externalized and internalized references
 *   (`extern.convert_any`, `any.convert_extern`) are the same JS value.
 * - Objects are plain JS objects, so the JS engine's collector frees them;
 *   nothing here keeps a table of objects (the JS API's wrappers are in weak
 *   maps, src/api/gc.ts).
 *
 * Not here: the instructions (gc-ops.ts), JS wrappers (src/api/gc.ts).
 */
import type { Module } from '../ast/module.js';
import { Heap, I16, I32, I64, I8, F32, F64, V128, isRef, type StorageType } from '../ast/types.js';
import { isCanonicalSubtype, moduleCanon } from '../validator/canon.js';
import { FuncInst } from './runtime.js';
import type { Value } from './values.js';

/** A struct instance (see the header for `f`'s slots). */
export class GcStruct {
  constructor(readonly t: number, readonly f: Value[]) {}
}

/** The element store of an array, by storage kind (see the header). */
export type ArrayData = Uint8Array | Uint16Array | Int32Array | Value[];

/** An array instance (see the header). */
export class GcArray {
  constructor(readonly t: number, readonly n: number, readonly d: ArrayData) {}
}

/** How a field or element is stored: the slot count and kind. */
export const enum Kind {
  I8 = 0,
  I16 = 1,
  /** i32, f32: one word. */
  W32 = 2,
  /** i64, f64: two words. */
  W64 = 3,
  /** v128: four words. */
  W128 = 4,
  Ref = 5,
}

/** The storage kind of storage type `t`. */
export function kindOf(t: StorageType): Kind {
  switch (t) {
    case I8: return Kind.I8;
    case I16: return Kind.I16;
    case I32: case F32: return Kind.W32;
    case I64: case F64: return Kind.W64;
    case V128: return Kind.W128;
    default: return isRef(t) ? Kind.Ref : Kind.W32;
  }
}

/** Slots (struct) or int32 words per element (array) of each kind. */
export const KIND_WORDS: readonly number[] = [1, 1, 1, 2, 4, 1];

/** The layout of a struct type: canonical id, per field its kind and first slot, and the slot count. */
export interface StructLayout {
  readonly t: number;
  readonly kinds: Uint8Array;
  readonly slot: Int32Array;
  readonly slots: number;
}

/** The layout of an array type: canonical id and element kind. */
export interface ArrayLayout {
  readonly t: number;
  readonly kind: Kind;
}

/** The layouts of a module's types by type index (null for function types). */
export type Layouts = readonly (StructLayout | ArrayLayout | null)[];

const layoutCache = new WeakMap<Module, Layouts>();

/** The layouts of (valid) module `m`'s struct and array types (computed once per module). */
export function moduleLayouts(m: Module): Layouts {
  let ls = layoutCache.get(m);
  if (ls === undefined) {
    const canon = moduleCanon(m);
    ls = m.types.map((st, x): StructLayout | ArrayLayout | null => {
      const c = st.comp;
      if (c.kind === 'array') return { t: canon[x]!, kind: kindOf(c.field.type) };
      if (c.kind !== 'struct') return null;
      const kinds = Uint8Array.from(c.fields, (f) => kindOf(f.type));
      const slot = new Int32Array(kinds.length);
      let slots = 0;
      for (let i = 0; i < kinds.length; i++) {
        slot[i] = slots;
        slots += KIND_WORDS[kinds[i]!]!;
      }
      return { t: canon[x]!, kinds, slot, slots };
    });
    layoutCache.set(m, ls);
  }
  return ls;
}

/** A struct of layout `l` with every field at its default (zero, null). */
export function defaultStruct(l: StructLayout): GcStruct {
  const f = new Array<Value>(l.slots).fill(0);
  for (let i = 0; i < l.kinds.length; i++) if (l.kinds[i] === Kind.Ref) f[l.slot[i]!] = null;
  return new GcStruct(l.t, f);
}

/** Most bytes one array may take here (the spec lets an engine refuse an allocation it cannot make). */
export const MAX_ARRAY_BYTES = 1 << 30;

/**
 * A zeroed element store for `n` elements of kind `k` (references null), or
 * null when `n` is too large to allocate (the caller traps).
 */
export function allocArrayData(k: Kind, n: number): ArrayData | null {
  const bytes = k === Kind.Ref ? 8 : k === Kind.I8 ? 1 : k === Kind.I16 ? 2 : 4 * KIND_WORDS[k]!;
  if (n * bytes > MAX_ARRAY_BYTES) return null;
  switch (k) {
    case Kind.I8: return new Uint8Array(n);
    case Kind.I16: return new Uint16Array(n);
    case Kind.Ref: return new Array<Value>(n).fill(null);
    default: return new Int32Array(n * KIND_WORDS[k]!);
  }
}

/** Smallest and one past the largest i31 value. */
const I31_MIN = -0x40000000;
const I31_END = 0x40000000;

/** Is reference `v` an i31 reference? */
export function isI31(v: Value): v is number {
  return typeof v === 'number' && v >= I31_MIN && v < I31_END && Math.floor(v) === v;
}

/** `ref.i31`: the i31 reference of the low 31 bits of `x` (sign-extended, so -0 never appears). */
export function refI31(x: number): number {
  return (x << 1) >> 1;
}

/**
 * `refMatches` for an exact concrete type `(exact h)` (custom descriptors):
 * the value's canonical type must be `h` itself, not a subtype.
 */
export function refMatchesExact(v: Value, h: number, nullable: boolean): boolean {
  if (v === null) return nullable;
  if (v instanceof GcStruct || v instanceof GcArray) return v.t === h;
  if (v instanceof FuncInst) return v.typeId === h;
  return false;
}

/**
 * Does non-null-checked reference `v` match runtime heap type `h`, or is it
 * null and `nullable`? The run-time type test of `ref.test`/`ref.cast`/
 * `br_on_cast` ("Execution › Instructions › ref.test"): a concrete type by
 * the value's canonical type id (O(1), canon.ts), an abstract one by the
 * value's representation. Validation guarantees `v` is in `h`'s hierarchy,
 * so the top types hold for every non-null value.
 */
export function refMatches(v: Value, h: number, nullable: boolean): boolean {
  if (v === null) return nullable;
  if (h >= 0) {
    if (v === null) return nullable;
    if (v instanceof GcStruct || v instanceof GcArray) return v.t === h || isCanonicalSubtype(v.t, h);
    if (v instanceof FuncInst) return v.typeId === h || isCanonicalSubtype(v.typeId, h);
    return false;
  }
  switch (h) {
    case Heap.Any: case Heap.Extern: case Heap.Func: case Heap.Exn: return true;
    case Heap.Eq: return v instanceof GcStruct || v instanceof GcArray || isI31(v);
    case Heap.I31: return isI31(v);
    case Heap.Struct: return v instanceof GcStruct;
    case Heap.Array: return v instanceof GcArray;
    default: return false;
  }
}
