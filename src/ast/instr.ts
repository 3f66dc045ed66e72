/**
 * One instruction with its immediates, decoded ("Structure › Instructions").
 *
 * Function bodies are stored as bytes (see module.ts); this shape is what an
 * instruction reader fills in (reusing one object, so walking a body does not
 * allocate per instruction) and what the text parser builds and the encoder
 * writes. Which fields mean what depends on the row's `Imm` kind:
 *
 * | Imm            | x                    | y                     | z          | other              |
 * |----------------|----------------------|-----------------------|------------|--------------------|
 * | BlockType      | block type           |                       |            |                    |
 * | Label/Func/Type/Tag/Local/Global/Table/Memory/Data/Elem | the index |    |            |                    |
 * | BrTable        | default label        |                       |            | list = labels      |
 * | CallIndirect   | type index           | table index           |            |                    |
 * | MemArg         | flags (align, bit 6 = memory index present) | memory index | | lo/hi = offset (u64) |
 * | MemArgLane     | flags                | memory index          | lane       | lo/hi = offset     |
 * | Lane           | lane                 |                       |            |                    |
 * | Shuffle, V128  |                      |                       |            | bytes (16)         |
 * | I32            | value (int32)        |                       |            |                    |
 * | I64            |                      |                       |            | lo/hi (int32 words)|
 * | F32            | bits (uint32)        |                       |            |                    |
 * | F64            |                      |                       |            | lo/hi (bit words)  |
 * | SelectTypes    |                      |                       |            | list = value types |
 * | HeapType       | ref type: the heap type, exactness, and nullability of the op  | | |      |
 * | TypeField/TypeCount/TypeData/TypeElem/TypeType | type index | field/count/data/elem/type | | |
 * | DataMemory     | data index           | memory index          |            |                    |
 * | MemoryMemory   | destination memory   | source memory         |            |                    |
 * | ElemTable      | elem index           | table index           |            |                    |
 * | TableTable     | destination table    | source table          |            |                    |
 * | BrOnCast       | label                | source ref type       | target ref type |               |
 * | TryTable       | block type           |                       |            | catches            |
 * | Zero           |                      |                       |            |                    |
 */

/** A `try_table` catch clause. */
export interface Catch {
  kind: CatchKind;
  /** Tag index (catch, catch_ref), else 0. */
  tag: number;
  label: number;
}

/** Catch clause kinds, by binary code. */
export const enum CatchKind {
  Catch = 0,
  CatchRef = 1,
  CatchAll = 2,
  CatchAllRef = 3,
}

/** An instruction and its immediates (see the table above). */
export interface Instr {
  op: number;
  x: number;
  y: number;
  z: number;
  lo: number;
  hi: number;
  bytes: Uint8Array | null;
  list: number[];
  catches: Catch[];
}

/** A fresh instruction with no immediates. */
export function instr(op: number, x = 0, y = 0, z = 0): Instr {
  return { op, x, y, z, lo: 0, hi: 0, bytes: null, list: [], catches: [] };
}

/** The memarg flag bit that says a memory index follows (multi-memory). */
export const MEMARG_HAS_MEMORY = 0x40;

/** log2 of a memarg's alignment. */
export function memAlign(flags: number): number {
  return flags & ~MEMARG_HAS_MEMORY;
}
