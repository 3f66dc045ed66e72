/**
 * Types of WebAssembly 3.0 ("Structure › Types" in the spec), in the compact
 * numeric form every layer of tswasm shares.
 *
 * Representation (documented here once):
 * - A value type (`ValType`) is a number.
 *   - Number and vector types are their binary code: i32 0x7F, i64 0x7E,
 *     f32 0x7D, f64 0x7C, v128 0x7B. Packed storage types of struct/array
 *     fields are i8 0x78 and i16 0x77 (a `StorageType` is a ValType or one of these).
 *   - A reference type `(ref null? exact? ht)` is
 *     `REF_BASE + (ht + HEAP_BIAS) * 4 + (exact ? 2 : 0) + (nullable ? 1 : 0)`,
 *     always >= REF_BASE. Build and take them apart with the helpers below.
 * - A heap type (`HeapType`) is a number: a type index (>= 0) for a concrete
 *   (defined) type, or a negative code for an abstract heap type, equal to the
 *   binary code's signed-LEB value (func = 0x70 → -0x10, any = 0x6E → -0x12…).
 * - A block type is a number too: BLOCK_EMPTY, a ValType, or `~typeidx` (< 0).
 *
 * Numbers keep comparisons cheap in the validator and translator. Whether two
 * concrete heap types are *equivalent* (iso-recursive equality across rec
 * groups) is the validator's business, not this file's.
 */

/** A value type in the encoding above. */
export type ValType = number;
/** A heap type: type index >= 0, or a negative abstract heap type code. */
export type HeapType = number;
/** A field's storage type: a ValType or a packed type (I8, I16). */
export type StorageType = number;
/** A block type: BLOCK_EMPTY, a ValType, or `~typeidx`. */
export type BlockType = number;

// Number types, vector type and packed types: their binary codes.
export const I32 = 0x7f;
export const I64 = 0x7e;
export const F32 = 0x7d;
export const F64 = 0x7c;
export const V128 = 0x7b;
export const I8 = 0x78;
export const I16 = 0x77;

/** Abstract heap types ("Heap Types"), by their binary code as a signed LEB value. */
export const enum Heap {
  NoExn = 0x74 - 0x80,
  NoFunc = 0x73 - 0x80,
  NoExtern = 0x72 - 0x80,
  None = 0x71 - 0x80,
  Func = 0x70 - 0x80,
  Extern = 0x6f - 0x80,
  Any = 0x6e - 0x80,
  Eq = 0x6d - 0x80,
  I31 = 0x6c - 0x80,
  Struct = 0x6b - 0x80,
  Array = 0x6a - 0x80,
  Exn = 0x69 - 0x80,
}

/** The abstract heap types' text names, keyed by code. */
export const ABSTRACT_HEAP_NAMES: ReadonlyMap<HeapType, string> = new Map<HeapType, string>([
  [Heap.NoExn, 'noexn'], [Heap.NoFunc, 'nofunc'], [Heap.NoExtern, 'noextern'], [Heap.None, 'none'],
  [Heap.Func, 'func'], [Heap.Extern, 'extern'], [Heap.Any, 'any'], [Heap.Eq, 'eq'], [Heap.I31, 'i31'],
  [Heap.Struct, 'struct'], [Heap.Array, 'array'], [Heap.Exn, 'exn'],
]);

/** Is `code` (a signed heap type code read from the binary) an abstract heap type we know? */
export function isAbstractHeap(code: number): boolean {
  return ABSTRACT_HEAP_NAMES.has(code);
}

export const REF_BASE = 0x100;
const HEAP_BIAS = 0x20;

/** Builds the reference type `(ref null? exact? ht)`. */
export function refType(nullable: boolean, heap: HeapType, exact = false): ValType {
  return REF_BASE + (heap + HEAP_BIAS) * 4 + (exact ? 2 : 0) + (nullable ? 1 : 0);
}
/** Is `t` a reference type? */
export function isRef(t: ValType): boolean {
  return t >= REF_BASE;
}
/** The heap type of reference type `t`. */
export function refHeap(t: ValType): HeapType {
  return ((t - REF_BASE) >> 2) - HEAP_BIAS;
}
/** Is reference type `t` nullable? */
export function refNullable(t: ValType): boolean {
  return ((t - REF_BASE) & 1) === 1;
}
/** Is reference type `t` exact (custom descriptors proposal)? */
export function refExact(t: ValType): boolean {
  return ((t - REF_BASE) & 2) === 2;
}
/** Is `t` a number type? */
export function isNum(t: ValType): boolean {
  return t === I32 || t === I64 || t === F32 || t === F64;
}

// Common reference type shorthands ("Reference Types" abbreviations).
export const FUNCREF = refType(true, Heap.Func);
export const EXTERNREF = refType(true, Heap.Extern);
export const ANYREF = refType(true, Heap.Any);
export const EQREF = refType(true, Heap.Eq);
export const I31REF = refType(true, Heap.I31);
export const STRUCTREF = refType(true, Heap.Struct);
export const ARRAYREF = refType(true, Heap.Array);
export const EXNREF = refType(true, Heap.Exn);
export const NULLREF = refType(true, Heap.None);
export const NULLFUNCREF = refType(true, Heap.NoFunc);
export const NULLEXTERNREF = refType(true, Heap.NoExtern);
export const NULLEXNREF = refType(true, Heap.NoExn);

/** The empty block type (binary 0x40). */
export const BLOCK_EMPTY = 0x40;
/** Block type that refers to type index `idx`. */
export function blockTypeOfIndex(idx: number): BlockType {
  return ~idx;
}
/** The type index of block type `bt`, or -1 when it is empty or a single value type. */
export function blockTypeIndex(bt: BlockType): number {
  return bt < 0 ? ~bt : -1;
}

/** A struct or array field ("Aggregate Types"). */
export interface FieldType {
  type: StorageType;
  mutable: boolean;
}

/** A composite type: function, struct or array ("Composite Types"). */
export type CompType =
  | { kind: 'func'; params: ValType[]; results: ValType[] }
  | { kind: 'struct'; fields: FieldType[] }
  | { kind: 'array'; field: FieldType };

/**
 * A sub type ("Recursive Types"): a composite type with its declared super types
 * and finality, plus the custom-descriptors clauses.
 */
export interface SubType {
  final: boolean;
  supers: number[];
  comp: CompType;
  /** `(describes $t)`: this type is the descriptor of type index `describes`. */
  describes: number | null;
  /** `(descriptor $t)`: type index of this type's descriptor. */
  descriptor: number | null;
  /**
   * How the binary spelled it, kept so re-encoding is byte-identical:
   * 'bare' (composite type only; final, no supers), 'sub' (0x50), 'sub final' (0x4F).
   */
  form: 'bare' | 'sub' | 'sub final';
}

/** A rec group: `count` consecutive entries of `Module.types` starting at `start`. */
export interface RecGroup {
  start: number;
  count: number;
  /** Written with the rec prefix (0x4E) in the binary, even when it has one type. */
  explicit: boolean;
}

/** Limits of a memory or table ("Limits"). u64 values, so bigint. */
export interface Limits {
  min: bigint;
  max: bigint | null;
}

/** A memory type ("Memory Types"), with memory64, threads and custom-page-sizes fields. */
export interface MemType {
  limits: Limits;
  shared: boolean;
  /** Address type: true for i64 (memory64). */
  addr64: boolean;
  /** log2 of the page size when given explicitly (custom page sizes), else null (64 KiB). */
  pageSizeLog2: number | null;
}

/** A table type ("Table Types"). */
export interface TableType {
  elem: ValType;
  limits: Limits;
  addr64: boolean;
}

/** A global type ("Global Types"). */
export interface GlobalType {
  type: ValType;
  mutable: boolean;
}

/** The type of an import or export ("External Types"). */
export type ExternType =
  | { kind: 'func'; type: number; /** Custom descriptors: an exact function import (kind 0x20). */ exact?: boolean }
  | { kind: 'table'; type: TableType }
  | { kind: 'memory'; type: MemType }
  | { kind: 'global'; type: GlobalType }
  | { kind: 'tag'; type: number };

/** Text name of a number/vector/packed type, or null for a reference type. */
export function simpleTypeName(t: number): string | null {
  switch (t) {
    case I32: return 'i32';
    case I64: return 'i64';
    case F32: return 'f32';
    case F64: return 'f64';
    case V128: return 'v128';
    case I8: return 'i8';
    case I16: return 'i16';
    default: return null;
  }
}
