/**
 * Per-instruction typing data derived from THE opcode table (src/ast/opcodes.ts):
 * the "inputs -> outputs" column parsed once into typed arrays, so the
 * validator's hot loop types every fixed-type instruction (numeric, vector,
 * loads and stores, atomics) with one shared code path and no allocation.
 *
 * Layout: `IN[op * MAX_IN + i]` is the i-th input type (bottom of stack first),
 * `N_IN[op]` their number, likewise `OUT`/`N_OUT`. The address-type variable
 * `a` of the table is stored as `ADDR` and resolved per instruction from the
 * memory it names. `SHAPE[op]` says how the instruction is typed; `LANES[op]`
 * is the lane count of lane-indexed instructions.
 *
 * Not here: instructions whose type column is null (control, variables,
 * references, tables, aggregates); func.ts types them by hand.
 */
import { Imm, OPCODES, PREFIX_ATOMIC } from '../ast/opcodes.js';
import { F32, F64, I32, I64, V128 } from '../ast/types.js';

/** Placeholder for the memory's address type in `IN`/`OUT`. */
export const ADDR = 1;
/** Most inputs of a table-typed instruction (i64.add128 has four). */
export const MAX_IN = 4;
/** Most outputs of a table-typed instruction. */
export const MAX_OUT = 2;

/** How an instruction is typed. */
export const enum Shape {
  /** Type column is null: typed by hand in func.ts. */
  Special = 0,
  /** Fixed type, no memory: pop IN, push OUT. */
  Plain = 1,
  /** Fixed type with a lane immediate to check against `LANES`. */
  Lane = 2,
  /** i8x16.shuffle: 16 lane indices below 32. */
  Shuffle = 3,
  /** Memory access with a memarg (alignment, offset, memory index). */
  MemArg = 4,
  /** Memory access with a memarg and a lane index. */
  MemArgLane = 5,
  /** memory.size / memory.grow: a memory index, type in terms of `a`. */
  Memory = 6,
}

/**
 * Instructions the validator's loop decodes and types inline when their
 * immediates are single bytes (the common case), without `readInstr`.
 */
export const enum Fast {
  None = 0,
  /** Single-byte opcode, no immediates, fixed type (most numeric instructions). */
  Plain = 1,
  /** local.get / local.set / local.tee. */
  Local = 2,
  /** i32.const / i64.const. */
  Const = 3,
  /** global.get / global.set. */
  Global = 4,
  /** end. */
  End = 5,
  /** Single-byte-opcode load or store with a memarg. */
  MemArg = 6,
  /** call. */
  Call = 7,
  /** block / loop / if with an empty or single-value block type. */
  Block = 8,
  /** br_if. */
  BrIf = 9,
  /** drop, nop. */
  Drop = 10,
  /** br, return, unreachable: the rest of the block becomes unreachable. */
  Jump = 11,
}

const N = OPCODES.length;
export const IN = new Int32Array(N * MAX_IN);
export const N_IN = new Uint8Array(N);
export const OUT = new Int32Array(N * MAX_OUT);
export const N_OUT = new Uint8Array(N);
export const SHAPE = new Uint8Array(N);
export const LANES = new Uint8Array(N);
/** log2 of the natural alignment of memory instructions. */
export const NATURAL = new Int8Array(N);
/** 1 for atomic memory instructions (their alignment must equal the natural one). */
export const ATOMIC = new Uint8Array(N);
/** Per-Op `Fast` kind. */
export const FAST = new Uint8Array(N);

const TYPE_BY_NAME: Record<string, number> = { i32: I32, i64: I64, f32: F32, f64: F64, v128: V128, a: ADDR };

/** Lane count from a mnemonic's shape prefix (i8x16 → 16 …); 0 if none. */
function lanesOf(mnemonic: string): number {
  const m = /^[if](8|16|32|64)x(\d+)\./.exec(mnemonic);
  return m ? Number(m[2]) : 0;
}

function parseTypes(s: string): number[] {
  return s.trim() === '' ? [] : s.trim().split(/\s+/).map((w) => {
    const t = TYPE_BY_NAME[w];
    if (t === undefined) throw new Error(`opcode table: unknown type ${w}`);
    return t;
  });
}

for (let op = 0; op < N; op++) {
  const [mnemonic, prefix, , imm, , type, align] = OPCODES[op]!;
  NATURAL[op] = align;
  if (prefix === 0) {
    if (mnemonic === 'local.get' || mnemonic === 'local.set' || mnemonic === 'local.tee') FAST[op] = Fast.Local;
    else if (mnemonic === 'global.get' || mnemonic === 'global.set') FAST[op] = Fast.Global;
    else if (mnemonic === 'i32.const' || mnemonic === 'i64.const') FAST[op] = Fast.Const;
    else if (mnemonic === 'end') FAST[op] = Fast.End;
    else if (mnemonic === 'call') FAST[op] = Fast.Call;
    else if (mnemonic === 'block' || mnemonic === 'loop' || mnemonic === 'if') FAST[op] = Fast.Block;
    else if (mnemonic === 'br_if') FAST[op] = Fast.BrIf;
    else if (mnemonic === 'drop' || mnemonic === 'nop') FAST[op] = Fast.Drop;
    else if (mnemonic === 'br' || mnemonic === 'return' || mnemonic === 'unreachable') FAST[op] = Fast.Jump;
    else if (type !== null && imm === Imm.None) FAST[op] = Fast.Plain;
    else if (type !== null && imm === Imm.MemArg) FAST[op] = Fast.MemArg;
  }
  ATOMIC[op] = prefix === PREFIX_ATOMIC ? 1 : 0;
  if (type === null) continue;
  const [ins, outs] = type.split('->').map(parseTypes) as [number[], number[]];
  N_IN[op] = ins.length;
  ins.forEach((t, i) => { IN[op * MAX_IN + i] = t; });
  N_OUT[op] = outs.length;
  outs.forEach((t, i) => { OUT[op * MAX_OUT + i] = t; });
  switch (imm) {
    case Imm.MemArg: SHAPE[op] = Shape.MemArg; break;
    case Imm.MemArgLane: SHAPE[op] = Shape.MemArgLane; break;
    case Imm.Memory: SHAPE[op] = Shape.Memory; break;
    case Imm.Lane: SHAPE[op] = Shape.Lane; LANES[op] = lanesOf(mnemonic); break;
    case Imm.Shuffle: SHAPE[op] = Shape.Shuffle; break;
    default: SHAPE[op] = Shape.Plain;
  }
}
