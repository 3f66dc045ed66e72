/**
 * Encoding of instructions, driven by the opcode table: the inverse of
 * src/decoder/instr.ts. Used by the text parser to turn parsed instructions
 * into body bytes.
 */
import { Imm, OPCODES } from '../ast/opcodes.js';
import { MEMARG_HAS_MEMORY, type Instr } from '../ast/instr.js';
import { writeBlockType, writeHeapOf, writeValType } from './types.js';
import { Writer } from './writer.js';
import { refNullable } from '../ast/types.js';

/** Writes one instruction with its immediates. */
export function writeInstr(w: Writer, ins: Instr): void {
  const row = OPCODES[ins.op]!;
  const [, prefix, code, imm] = row;
  if (prefix === 0) w.u8(code);
  else { w.u8(prefix); w.u32(code); }
  switch (imm) {
    case Imm.None:
      return;
    case Imm.BlockType:
      writeBlockType(w, ins.x);
      return;
    case Imm.Label: case Imm.Func: case Imm.Type: case Imm.Tag: case Imm.Local: case Imm.Global:
    case Imm.Table: case Imm.Memory: case Imm.Data: case Imm.Elem:
      w.u32(ins.x);
      return;
    case Imm.BrTable:
      w.u32(ins.list.length);
      for (const l of ins.list) w.u32(l);
      w.u32(ins.x);
      return;
    case Imm.CallIndirect: case Imm.TypeField: case Imm.TypeCount: case Imm.TypeData: case Imm.TypeElem:
    case Imm.TypeType: case Imm.DataMemory: case Imm.MemoryMemory: case Imm.ElemTable: case Imm.TableTable:
      w.u32(ins.x);
      w.u32(ins.y);
      return;
    case Imm.MemArg: case Imm.MemArgLane:
      w.u32(ins.x);
      if (ins.x & MEMARG_HAS_MEMORY) w.u32(ins.y);
      w.u64(ins.lo, ins.hi);
      if (imm === Imm.MemArgLane) w.u8(ins.z);
      return;
    case Imm.Lane:
      w.u8(ins.x);
      return;
    case Imm.Shuffle: case Imm.V128:
      w.bytes(ins.bytes ?? new Uint8Array(16));
      return;
    case Imm.I32:
      w.s32(ins.x);
      return;
    case Imm.I64:
      w.s64(ins.lo, ins.hi);
      return;
    case Imm.F32:
      w.bits32(ins.x);
      return;
    case Imm.F64:
      w.bits32(ins.lo);
      w.bits32(ins.hi);
      return;
    case Imm.SelectTypes:
      w.u32(ins.list.length);
      for (const t of ins.list) writeValType(w, t);
      return;
    case Imm.HeapType:
      writeHeapOf(w, ins.x);
      return;
    case Imm.BrOnCast:
      w.u8((refNullable(ins.y) ? 1 : 0) | (refNullable(ins.z) ? 2 : 0));
      w.u32(ins.x);
      writeHeapOf(w, ins.y);
      writeHeapOf(w, ins.z);
      return;
    case Imm.TryTable:
      writeBlockType(w, ins.x);
      w.u32(ins.catches.length);
      for (const c of ins.catches) {
        w.u8(c.kind);
        if (c.kind < 2) w.u32(c.tag);
        w.u32(c.label);
      }
      return;
    case Imm.Zero:
      w.u8(0);
      return;
  }
}

/** Encodes a sequence of instructions (the caller includes the final `end`). */
export function encodeInstrs(instrs: readonly Instr[]): Uint8Array {
  const w = new Writer();
  for (const i of instrs) writeInstr(w, i);
  return w.finish().slice();
}
