/**
 * Decoding of types ("Binary Format › Types"): value, heap, reference and
 * storage types, composite and sub types with rec groups (GC) and the
 * custom-descriptors clauses, limits, memory/table/global types.
 *
 * Only the binary shape is checked here (e.g. a type index is a u32); whether
 * an index is in range is the validator's concern.
 */
import type { Reader } from './reader.js';
import {
  F32, F64, I16, I32, I64, I8, V128, BLOCK_EMPTY, blockTypeOfIndex, isAbstractHeap, refType,
  type BlockType, type CompType, type FieldType, type GlobalType, type HeapType, type Limits, type MemType,
  type SubType, type TableType, type ValType,
} from '../ast/types.js';

/** Binary codes of the type constructors. */
const enum Code {
  RefNull = 0x63,
  Ref = 0x64,
  Exact = 0x62,
  Func = 0x60,
  Struct = 0x5f,
  Array = 0x5e,
  Sub = 0x50,
  SubFinal = 0x4f,
  Rec = 0x4e,
  Descriptor = 0x4d,
  Describes = 0x4c,
}

/**
 * Reads a heap type; `exactOut[0]` tells whether it had the `exact` prefix
 * (custom descriptors), which must be followed by a type index. `what` names
 * the enclosing type in error messages.
 */
function heapTypeAfterPrefix(r: Reader, exactOut: boolean[], what: string): HeapType {
  const start = r.pos;
  const first = r.peek();
  let exact = false;
  if (first === Code.Exact && r.features.customDescriptors) {
    r.pos++;
    exact = true;
  }
  exactOut[0] = exact;
  const v = r.s33();
  if (v >= 0) return v;
  if (exact || !isAbstractHeap(v)) r.fail(`malformed ${what}`, start);
  return v;
}

const exactScratch = [false];

/** Reads a heap type as a ref type with the given nullability (keeps `exact`). */
export function readHeapRef(r: Reader, nullable: boolean, what = 'heap type'): ValType {
  const ht = heapTypeAfterPrefix(r, exactScratch, what);
  return refType(nullable, ht, exactScratch[0]);
}

/** Reads a value type ("Value Types"); `what` names it in the error message. */
export function readValType(r: Reader, what = 'value type'): ValType {
  const start = r.pos;
  const b = r.u8();
  switch (b) {
    case I32: case I64: case F32: case F64: case V128:
      return b;
    case Code.RefNull:
      return readHeapRef(r, true, what);
    case Code.Ref:
      return readHeapRef(r, false, what);
    default: {
      const code = b - 0x80;
      if (b >= 0x40 && b < 0x80 && isAbstractHeap(code)) return refType(true, code);
      // Type codes are signed LEB128 numbers of one byte: a continuation bit means too long.
      if (b & 0x80) return r.fail('integer representation too long', start);
      return r.fail(`malformed ${what}`, start);
    }
  }
}

/** Reads a reference type ("Reference Types"). */
export function readRefType(r: Reader): ValType {
  const start = r.pos;
  const b = r.peek();
  if (b === Code.RefNull || b === Code.Ref || (b >= 0x40 && b < 0x80 && isAbstractHeap(b - 0x80))) {
    return readValType(r, 'reference type');
  }
  return r.fail('malformed reference type', start);
}

/** Reads a storage type: a value type or a packed type. */
function readStorageType(r: Reader): number {
  const b = r.peek();
  if (b === I8 || b === I16) {
    r.pos++;
    return b;
  }
  return readValType(r, 'storage type');
}

/** Reads a block type (s33: empty, a value type, or a type index). */
export function readBlockType(r: Reader): BlockType {
  const b = r.peek();
  if (b === BLOCK_EMPTY) {
    r.pos++;
    return BLOCK_EMPTY;
  }
  if ((b & 0xc0) === 0x40) return readValType(r);
  const start = r.pos;
  const v = r.s33();
  if (v < 0) r.fail('malformed block type', start);
  return blockTypeOfIndex(v);
}

function readFieldType(r: Reader): FieldType {
  const type = readStorageType(r);
  const start = r.pos;
  const m = r.u8();
  if (m > 1) r.fail('malformed mutability', start);
  return { type, mutable: m === 1 };
}

function readCompType(r: Reader): CompType {
  const start = r.pos;
  const b = r.u8();
  switch (b) {
    case Code.Func: {
      const params = readVec(r, readValType);
      const results = readVec(r, readValType);
      return { kind: 'func', params, results };
    }
    case Code.Struct:
      return { kind: 'struct', fields: readVec(r, readFieldType) };
    case Code.Array:
      return { kind: 'array', field: readFieldType(r) };
    default:
      if (b & 0x80) return r.fail('integer representation too long', start);
      return r.fail('malformed definition type', start);
  }
}

/** Reads one sub type, including the custom-descriptors clauses. */
export function readSubType(r: Reader): SubType {
  let b = r.peek();
  let final = true;
  let supers: number[] = [];
  let form: SubType['form'] = 'bare';
  if (b === Code.Sub || b === Code.SubFinal) {
    r.pos++;
    final = b === Code.SubFinal;
    form = final ? 'sub final' : 'sub';
    supers = readVec(r, (rr) => rr.u32());
    b = r.peek();
  }
  let describes: number | null = null;
  let descriptor: number | null = null;
  if (b === Code.Describes && r.features.customDescriptors) {
    r.pos++;
    describes = r.u32();
    b = r.peek();
  }
  if (b === Code.Descriptor && r.features.customDescriptors) {
    r.pos++;
    descriptor = r.u32();
  }
  const comp = readCompType(r);
  return { final, supers, comp, describes, descriptor, form };
}

/** Reads one entry of the type section: a rec group or a single sub type. Pushes into `out`. */
export function readRecGroup(r: Reader, out: SubType[]): { count: number; explicit: boolean } {
  if (r.peek() === Code.Rec) {
    r.pos++;
    const n = r.u32();
    for (let i = 0; i < n; i++) out.push(readSubType(r));
    return { count: n, explicit: true };
  }
  out.push(readSubType(r));
  return { count: 1, explicit: false };
}

/** Limits flags bits (memory and table types). */
const enum LimitFlag {
  HasMax = 1,
  Shared = 2,
  Is64 = 4,
  PageSize = 8,
}

/** Limits are read as u64 whatever the address type; the validator checks the range. */
function readLimitBound(r: Reader): bigint {
  return r.u64big();
}

/** Largest custom page size exponent that fits the u64 arithmetic of the spec (2^64 does not). */
const MAX_PAGE_SIZE_LOG2 = 63;

/** Reads a memory type (limits with shared / memory64 / custom-page-size flags). */
export function readMemType(r: Reader): MemType {
  const start = r.pos;
  const flags = r.u8();
  const allowed = (r.features.customPageSizes ? 0xf : 0x7) & (r.features.memory64 ? 0xf : ~LimitFlag.Is64);
  if ((flags & ~allowed) !== 0) r.fail('malformed limits flags', start);
  const addr64 = (flags & LimitFlag.Is64) !== 0;
  const limits: Limits = { min: readLimitBound(r), max: null };
  if (flags & LimitFlag.HasMax) limits.max = readLimitBound(r);
  let pageSizeLog2: number | null = null;
  if (flags & LimitFlag.PageSize) {
    const pStart = r.pos;
    pageSizeLog2 = r.u32();
    if (pageSizeLog2 > MAX_PAGE_SIZE_LOG2) r.fail('invalid custom page size', pStart);
  }
  return { limits, shared: (flags & LimitFlag.Shared) !== 0, addr64, pageSizeLog2 };
}

/** Reads a table type: reference type then limits. */
export function readTableType(r: Reader): TableType {
  const elem = readRefType(r);
  const start = r.pos;
  const flags = r.u8();
  if (flags & ~(LimitFlag.HasMax | (r.features.memory64 ? LimitFlag.Is64 : 0))) r.fail('malformed limits flags', start);
  const addr64 = (flags & LimitFlag.Is64) !== 0;
  const limits: Limits = { min: readLimitBound(r), max: null };
  if (flags & LimitFlag.HasMax) limits.max = readLimitBound(r);
  return { elem, limits, addr64 };
}

/** Reads a global type. */
export function readGlobalType(r: Reader): GlobalType {
  const type = readValType(r);
  const start = r.pos;
  const m = r.u8();
  if (m > 1) r.fail('malformed mutability', start);
  return { type, mutable: m === 1 };
}

/**
 * Reads a vector ("Vectors"): a u32 count then that many items. Items are
 * pushed one by one, so a huge count on short input fails at the end of the
 * bytes instead of allocating.
 */
export function readVec<T>(r: Reader, item: (r: Reader) => T): T[] {
  const n = r.u32();
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(item(r));
  return out;
}
