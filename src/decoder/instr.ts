/**
 * Decoding of instructions ("Binary Format › Instructions"), driven by the
 * opcode table: the opcode (a byte, or a prefix byte and a LEB128 u32
 * sub-opcode) selects a row, and the row's `Imm` kind says which immediates
 * follow. `readInstr` fills a reusable `Instr`; `scanExpr` walks a whole
 * expression to its final `end`, checking that every instruction decodes.
 *
 * Not here: typing (validator), and structural rules like `else` only inside
 * `if` (validator). Block nesting is only counted, to find the end.
 */
import { Imm, OPCODES, SINGLE, prefixed } from '../ast/opcodes.js';
import { Op } from '../ast/op-ids.js';
import { MEMARG_HAS_MEMORY, type Catch, type Instr } from '../ast/instr.js';
import { readBlockType, readHeapRef, readValType } from './types.js';
import type { Reader } from './reader.js';

/** Per-Op immediate kind, as a typed array for the hot path. */
const IMM_OF: Uint8Array = Uint8Array.from(OPCODES, (row) => row[3]);

/** Reads the opcode at the reader's position and returns its Op; "illegal opcode" if none. */
export function readOpcode(r: Reader): number {
  const start = r.pos;
  const b = r.u8();
  const op = SINGLE[b]!;
  if (op >= 0) return op;
  if (op === -2) {
    const sub = r.u32();
    const p = prefixed(b, sub);
    if (p >= 0 && r.ops[p] === 1) return p;
    r.fail(`illegal opcode ${b.toString(16)} ${sub.toString(16)}`, start);
  }
  return r.fail(`illegal opcode ${b.toString(16)}`, start);
}

/** Reads the memarg immediates into `ins` (x = flags, y = memory, lo/hi = offset). */
function readMemArg(r: Reader, ins: Instr): void {
  const start = r.pos;
  const flags = r.u32();
  if (flags >= 0x80) r.fail('malformed memop flags', start);
  ins.x = flags;
  ins.y = flags & MEMARG_HAS_MEMORY ? r.u32() : 0;
  ins.lo = r.u64();
  ins.hi = r.hi;
}

/** Reads one instruction (opcode and immediates) into `ins`. */
export function readInstr(r: Reader, ins: Instr): void {
  const op = readOpcode(r);
  ins.op = op;
  switch (IMM_OF[op]) {
    case Imm.None:
      return;
    case Imm.BlockType:
      ins.x = readBlockType(r);
      return;
    case Imm.Label: case Imm.Func: case Imm.Type: case Imm.Tag: case Imm.Local: case Imm.Global:
    case Imm.Table: case Imm.Memory: case Imm.Data: case Imm.Elem:
      ins.x = r.u32();
      return;
    case Imm.BrTable: {
      const n = r.u32();
      const list: number[] = (ins.list = []);
      for (let i = 0; i < n; i++) list.push(r.u32());
      ins.x = r.u32();
      return;
    }
    case Imm.CallIndirect: case Imm.TypeField: case Imm.TypeCount: case Imm.TypeData: case Imm.TypeElem:
    case Imm.TypeType: case Imm.DataMemory: case Imm.MemoryMemory: case Imm.ElemTable: case Imm.TableTable:
      ins.x = r.u32();
      ins.y = r.u32();
      return;
    case Imm.MemArg:
      readMemArg(r, ins);
      return;
    case Imm.MemArgLane:
      readMemArg(r, ins);
      ins.z = r.u8();
      return;
    case Imm.Lane:
      ins.x = r.u8();
      return;
    case Imm.Shuffle: case Imm.V128:
      ins.bytes = r.bytes(16);
      return;
    case Imm.I32:
      ins.x = r.s32();
      return;
    case Imm.I64:
      ins.lo = r.s64();
      ins.hi = r.hi;
      return;
    case Imm.F32:
      ins.x = r.bits32();
      return;
    case Imm.F64:
      ins.lo = r.bits32() | 0;
      ins.hi = r.bits32() | 0;
      return;
    case Imm.SelectTypes: {
      const n = r.u32();
      const list: number[] = (ins.list = []);
      for (let i = 0; i < n; i++) list.push(readValType(r));
      return;
    }
    case Imm.HeapType:
      ins.x = readHeapRef(r, op === Op.ref_null || op === Op.ref_test_null || op === Op.ref_cast_null
        || op === Op.ref_cast_desc_eq_null);
      return;
    case Imm.BrOnCast: {
      const start = r.pos;
      const flags = r.u8();
      if (flags > 3) r.fail('malformed cast flags', start);
      ins.x = r.u32();
      ins.y = readHeapRef(r, (flags & 1) !== 0);
      ins.z = readHeapRef(r, (flags & 2) !== 0);
      return;
    }
    case Imm.TryTable: {
      ins.x = readBlockType(r);
      const n = r.u32();
      const catches: Catch[] = ins.catches = [];
      for (let i = 0; i < n; i++) {
        const start = r.pos;
        const kind = r.u8();
        if (kind > 3) r.fail('malformed catch clause', start);
        const tag = kind < 2 ? r.u32() : 0;
        catches.push({ kind, tag, label: r.u32() });
      }
      return;
    }
    case Imm.Zero: {
      const start = r.pos;
      if (r.u8() !== 0) r.fail('zero byte expected', start);
      return;
    }
  }
}

/** What `scanExpr` learned about an expression. */
export interface ScanInfo {
  /** The expression uses memory.init or data.drop (needs the data count section). */
  usesDataIndex: boolean;
}

const scratch: Instr = { op: 0, x: 0, y: 0, z: 0, lo: 0, hi: 0, bytes: null, list: [], catches: [] };

/** What kind of construct each open block is, for the binary grammar of `else`, `catch`, `delegate`. */
const enum Open {
  Body,
  Block,
  If,
  Else,
  Try,
  TryCatch,
  TryCatchAll,
}

/**
 * Walks an expression from the reader's position to its final `end`,
 * checking that every instruction decodes and that `else`, `catch`,
 * `catch_all` and `delegate` appear only where the binary grammar has them
 * ("END opcode expected" otherwise, as the reference decoder says). Leaves the
 * reader just after the final `end`. Iterative: nesting depth costs no host stack.
 */
export function scanExpr(r: Reader, info: ScanInfo): void {
  const open: Open[] = [Open.Body];
  const ins = scratch;
  for (;;) {
    const at = r.pos;
    readInstr(r, ins);
    switch (ins.op) {
      case Op.block: case Op.loop: case Op.try_table:
        open.push(Open.Block);
        break;
      case Op.if:
        open.push(Open.If);
        break;
      case Op.try:
        open.push(Open.Try);
        break;
      case Op.else:
        if (open[open.length - 1] !== Open.If) r.fail('END opcode expected', at);
        open[open.length - 1] = Open.Else;
        break;
      case Op.catch: {
        const top = open[open.length - 1];
        if (top !== Open.Try && top !== Open.TryCatch) r.fail('END opcode expected', at);
        open[open.length - 1] = Open.TryCatch;
        break;
      }
      case Op.catch_all: {
        const top = open[open.length - 1];
        if (top !== Open.Try && top !== Open.TryCatch) r.fail('END opcode expected', at);
        open[open.length - 1] = Open.TryCatchAll;
        break;
      }
      case Op.delegate:
        if (open[open.length - 1] !== Open.Try) r.fail('END opcode expected', at);
        open.pop();
        break;
      case Op.end:
        open.pop();
        if (open.length === 0) return;
        break;
      case Op.memory_init: case Op.data_drop: case Op.array_new_data: case Op.array_init_data:
        info.usesDataIndex = true;
        break;
    }
  }
}

/** Value type codes that fit in one byte (number/vector types and nullable abstract references). */
const ONE_BYTE_VALTYPE: Uint8Array = (() => {
  const t = new Uint8Array(256);
  for (const b of [0x7f, 0x7e, 0x7d, 0x7c, 0x7b, 0x74, 0x73, 0x72, 0x71, 0x70, 0x6f, 0x6e, 0x6d, 0x6c, 0x6b, 0x6a, 0x69]) t[b] = 1;
  return t;
})();

/** Skips an unsigned LEB128 of at most 4 bytes (< 2^28) at `pos`; -1 if longer or past `end` (the slow path then decides). */
function skipShortLeb(buf: Uint8Array, pos: number, end: number): number {
  for (let i = 0; i < 4; i++) {
    if (pos >= end) return -1;
    if ((buf[pos++]! & 0x80) === 0) return pos;
  }
  return -1;
}

/** Skips a LEB128 of up to `max` bytes whose last byte is not the width's final byte; -1 otherwise. */
function skipLeb(buf: Uint8Array, pos: number, end: number, max: number): number {
  for (let i = 0; i < max - 1; i++) {
    if (pos >= end) return -1;
    if ((buf[pos++]! & 0x80) === 0) return pos;
  }
  return -1;
}

/**
 * Skips a signed LEB128 of at most `max` bytes, accepting the full length
 * only when the last byte's unused bits (`mask`, sign bit included) are all
 * clear or all set, as `s32`/`s64` require; -1 otherwise.
 */
function skipSignedLeb(buf: Uint8Array, pos: number, end: number, max: number, mask: number): number {
  for (let i = 0; i < max; i++) {
    if (pos >= end) return -1;
    const b = buf[pos++]!;
    if ((b & 0x80) === 0) {
      if (i < max - 1) return pos;
      const top = b & mask;
      return top === 0 || top === mask ? pos : -1;
    }
  }
  return -1;
}

/** Open-block kinds for the fast scanner: 0 = block/loop, 1 = if, 2 = if after else. */
let openStack = new Uint8Array(1024);

/** What the fast scanner does after each one-byte opcode (derived from the opcode table). */
const enum Fast {
  Plain,
  End,
  Else,
  Block,
  If,
  OneIndex,
  TwoIndices,
  MemArg,
  I32,
  I64,
  F32,
  F64,
  BrTable,
  Prefix,
  Slow,
}

const FAST_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(256).fill(Fast.Slow);
  for (let b = 0; b < 256; b++) {
    const op = SINGLE[b]!;
    if (op === -2) { t[b] = Fast.Prefix; continue; }
    if (op < 0) continue;
    switch (op) {
      case Op.end: t[b] = Fast.End; continue;
      case Op.else: t[b] = Fast.Else; continue;
      case Op.block: case Op.loop: t[b] = Fast.Block; continue;
      case Op.if: t[b] = Fast.If; continue;
      case Op.try: case Op.catch: case Op.catch_all: case Op.delegate: case Op.rethrow: case Op.try_table:
        continue; // legacy and new exception blocks: precise path
    }
    switch (IMM_OF[op]) {
      case Imm.None: t[b] = Fast.Plain; break;
      case Imm.Label: case Imm.Func: case Imm.Type: case Imm.Tag: case Imm.Local: case Imm.Global:
      case Imm.Table: case Imm.Memory: case Imm.Elem:
        t[b] = Fast.OneIndex; break;
      case Imm.CallIndirect: t[b] = Fast.TwoIndices; break;
      case Imm.MemArg: t[b] = Fast.MemArg; break;
      case Imm.I32: t[b] = Fast.I32; break;
      case Imm.I64: t[b] = Fast.I64; break;
      case Imm.F32: t[b] = Fast.F32; break;
      case Imm.F64: t[b] = Fast.F64; break;
      case Imm.BrTable: t[b] = Fast.BrTable; break;
    }
  }
  return t;
})();

/**
 * The fast path of `scanExpr` for function bodies and constant expressions:
 * skips the common one-byte instructions without building anything. It
 * accepts only encodings the precise path accepts too; on anything else
 * (prefixed or rare instructions, long LEB128 encodings, malformed bytes) it
 * returns -1 and the caller scans again with `scanExpr`, which decides and
 * reports. Returns the position after the final `end`.
 */
export function fastSkipExpr(buf: Uint8Array, pos: number, end: number): number {
  let depth = 0;
  let stack = openStack;
  while (pos < end) {
    switch (FAST_CLASS[buf[pos++]!]) {
      case Fast.Plain:
        break;
      case Fast.End:
        if (depth === 0) return pos;
        depth--;
        break;
      case Fast.Else:
        if (depth === 0 || stack[depth] !== 1) return -1;
        stack[depth] = 2;
        break;
      case Fast.Block: case Fast.If: {
        if (pos >= end) return -1;
        const t = buf[pos]!;
        if (t === 0x40 || ONE_BYTE_VALTYPE[t] === 1 || (t & 0xc0) === 0) pos++;
        else return -1;
        if (++depth >= stack.length) {
          stack = new Uint8Array(stack.length * 2);
          stack.set(openStack);
          openStack = stack;
        }
        stack[depth] = buf[pos - 2] === 0x04 ? 1 : 0;
        break;
      }
      case Fast.OneIndex:
        if (pos < end && buf[pos]! < 0x80) { pos++; break; }
        pos = skipShortLeb(buf, pos, end);
        if (pos < 0) return -1;
        break;
      case Fast.TwoIndices:
        pos = skipShortLeb(buf, pos, end);
        if (pos < 0) return -1;
        pos = skipShortLeb(buf, pos, end);
        if (pos < 0) return -1;
        break;
      case Fast.MemArg:
        if (pos >= end || buf[pos]! >= 0x40) return -1; // memory index present, or malformed: precise path
        pos = skipLeb(buf, pos + 1, end, 5);
        if (pos < 0) return -1;
        break;
      case Fast.I32:
        pos = skipSignedLeb(buf, pos, end, 5, 0x78);
        if (pos < 0) return -1;
        break;
      case Fast.I64:
        pos = skipSignedLeb(buf, pos, end, 10, 0x7f);
        if (pos < 0) return -1;
        break;
      case Fast.F32:
        pos += 4;
        break;
      case Fast.F64:
        pos += 8;
        break;
      case Fast.BrTable: {
        const s = pos;
        pos = skipShortLeb(buf, pos, end);
        if (pos < 0) return -1;
        let n = buf[s]! & 0x7f;
        for (let k = s + 1, sh = 7; k < pos; k++, sh += 7) n |= (buf[k]! & 0x7f) << sh;
        for (let k = 0; k <= n; k++) {
          pos = skipShortLeb(buf, pos, end);
          if (pos < 0) return -1;
        }
        break;
      }
      case Fast.Prefix: {
        // The common misc instructions (saturating truncations, memory.copy/fill) stay fast.
        if (pos >= end) return -1;
        const sub = buf[pos++]!;
        if (buf[pos - 2] !== 0xfc) return -1;
        if (sub <= 7) break;
        if (sub === 10) { pos = skipShortLeb(buf, pos, end); if (pos < 0) return -1; }
        if (sub === 10 || sub === 11) { pos = skipShortLeb(buf, pos, end); if (pos < 0) return -1; break; }
        return -1;
      }
      default:
        return -1;
    }
  }
  return -1;
}
