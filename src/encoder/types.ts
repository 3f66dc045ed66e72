/**
 * Encoding of types ("Binary Format › Types"), the inverse of
 * src/decoder/types.ts.
 */
import type { Writer } from './writer.js';
import {
  BLOCK_EMPTY, I16, I8, isRef, refExact, refHeap, refNullable, blockTypeIndex,
  type BlockType, type FieldType, type GlobalType, type HeapType, type Limits, type MemType, type SubType,
  type TableType, type ValType,
} from '../ast/types.js';

/** Writes a heap type (with the `exact` prefix when asked). */
export function writeHeapType(w: Writer, ht: HeapType, exact: boolean): void {
  if (exact) {
    w.u8(0x62);
    w.u32(ht);
  } else {
    w.s33(ht);
  }
}

/** Writes the heap type part of reference type `t` (for instructions that carry a heap type). */
export function writeHeapOf(w: Writer, t: ValType): void {
  writeHeapType(w, refHeap(t), refExact(t));
}

/** Writes a value type, using the one-byte shorthand for nullable abstract references. */
export function writeValType(w: Writer, t: ValType): void {
  if (!isRef(t)) {
    w.u8(t);
    return;
  }
  const ht = refHeap(t);
  if (refNullable(t) && ht < 0 && !refExact(t)) {
    w.u8(ht + 0x80);
    return;
  }
  w.u8(refNullable(t) ? 0x63 : 0x64);
  writeHeapOf(w, t);
}

export function writeBlockType(w: Writer, bt: BlockType): void {
  if (bt === BLOCK_EMPTY) w.u8(0x40);
  else if (bt < 0) w.s33(blockTypeIndex(bt));
  else writeValType(w, bt);
}

function writeStorageType(w: Writer, t: number): void {
  if (t === I8 || t === I16) w.u8(t);
  else writeValType(w, t);
}

function writeFieldType(w: Writer, f: FieldType): void {
  writeStorageType(w, f.type);
  w.u8(f.mutable ? 1 : 0);
}

export function writeSubType(w: Writer, t: SubType): void {
  if (t.form !== 'bare' || !t.final || t.supers.length > 0) {
    w.u8(t.final ? 0x4f : 0x50);
    w.u32(t.supers.length);
    for (const s of t.supers) w.u32(s);
  }
  if (t.describes !== null) { w.u8(0x4c); w.u32(t.describes); }
  if (t.descriptor !== null) { w.u8(0x4d); w.u32(t.descriptor); }
  const c = t.comp;
  switch (c.kind) {
    case 'func':
      w.u8(0x60);
      w.u32(c.params.length);
      for (const p of c.params) writeValType(w, p);
      w.u32(c.results.length);
      for (const r of c.results) writeValType(w, r);
      break;
    case 'struct':
      w.u8(0x5f);
      w.u32(c.fields.length);
      for (const f of c.fields) writeFieldType(w, f);
      break;
    case 'array':
      w.u8(0x5e);
      writeFieldType(w, c.field);
      break;
  }
}

function writeLimits(w: Writer, l: Limits, flags: number): void {
  w.u8(flags | (l.max !== null ? 1 : 0));
  w.u64big(l.min);
  if (l.max !== null) w.u64big(l.max);
}

export function writeMemType(w: Writer, t: MemType): void {
  const flags = (t.shared ? 2 : 0) | (t.addr64 ? 4 : 0) | (t.pageSizeLog2 !== null ? 8 : 0);
  writeLimits(w, t.limits, flags);
  if (t.pageSizeLog2 !== null) w.u32(t.pageSizeLog2);
}

export function writeTableType(w: Writer, t: TableType): void {
  writeValType(w, t.elem);
  writeLimits(w, t.limits, t.addr64 ? 4 : 0);
}

export function writeGlobalType(w: Writer, t: GlobalType): void {
  writeValType(w, t.type);
  w.u8(t.mutable ? 1 : 0);
}

/** Writes a reference or value type in a position that takes a full value type. */
export function writeRefTypeForElem(w: Writer, t: ValType): void {
  writeValType(w, t);
}
