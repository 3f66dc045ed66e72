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
 * What the validator's loop does inline for each single-byte opcode when
 * its immediates are short and its operands are exactly what it needs
 * (`FAST_KIND`, indexed by the opcode byte); everything else takes the
 * general path.
 */
export const enum Fast {
  None = 0,
  LocalGet, LocalSet, LocalTee, GlobalGet, GlobalSet,
  I32Const, I64Const,
  /** Fixed type, no immediates, one input, one output (`FAST_IN0` -> `FAST_OUT`). */
  Unary,
  /** Fixed type, no immediates, two inputs, one output (`FAST_IN0 FAST_IN1` -> `FAST_OUT`). */
  Binary,
  /** Load with a memarg: address of memory 0 -> `FAST_OUT`. */
  Load,
  /** Store with a memarg: address of memory 0, `FAST_IN1` -> nothing. */
  Store,
  Call,
  /** block or loop with an empty or single-value block type. */
  Block,
  Loop,
  If,
  BrIf,
  Br,
  Return,
  Unreachable,
  Drop,
  Nop,
  End,
  /** Untyped select of two equal numeric or vector types. */
  Select,
  /** br_table whose labels all take no values. */
  BrTable,
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
/** Per opcode byte: the `Fast` kind and its types (see `Fast`). */
export const FAST_KIND = new Uint8Array(256);
export const FAST_IN0 = new Int32Array(256);
export const FAST_IN1 = new Int32Array(256);
export const FAST_OUT = new Int32Array(256);
/** Per opcode byte: log2 of the natural alignment of loads and stores. */
export const FAST_NATURAL = new Int8Array(256);
const FAST_BY_NAME: Record<string, Fast> = {
  'local.get': Fast.LocalGet, 'local.set': Fast.LocalSet, 'local.tee': Fast.LocalTee,
  'global.get': Fast.GlobalGet, 'global.set': Fast.GlobalSet, 'i32.const': Fast.I32Const, 'i64.const': Fast.I64Const,
  call: Fast.Call, block: Fast.Block, loop: Fast.Loop, if: Fast.If, br_if: Fast.BrIf, br: Fast.Br, return: Fast.Return,
  unreachable: Fast.Unreachable, drop: Fast.Drop, nop: Fast.Nop, end: Fast.End, select: Fast.Select,
  br_table: Fast.BrTable,
};

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
  const [mnemonic, prefix, code, imm, , type, align] = OPCODES[op]!;
  NATURAL[op] = align;
  ATOMIC[op] = prefix === PREFIX_ATOMIC ? 1 : 0;
  const byName = prefix === 0 ? FAST_BY_NAME[mnemonic] : undefined;
  if (byName !== undefined) FAST_KIND[code] = byName;
  if (type === null) continue;
  const [ins, outs] = type.split('->').map(parseTypes) as [number[], number[]];
  if (prefix === 0 && byName === undefined && (imm === Imm.None || imm === Imm.MemArg)) {
    // Fixed-type single-byte instructions: their types by opcode byte for the inline cases.
    FAST_NATURAL[code] = align;
    if (imm === Imm.MemArg && ins.length === 1 && outs.length === 1) FAST_KIND[code] = Fast.Load;
    else if (imm === Imm.MemArg && ins.length === 2 && outs.length === 0) FAST_KIND[code] = Fast.Store;
    else if (imm === Imm.None && ins.length === 1 && outs.length === 1) FAST_KIND[code] = Fast.Unary;
    else if (imm === Imm.None && ins.length === 2 && outs.length === 1) FAST_KIND[code] = Fast.Binary;
    FAST_IN0[code] = ins[0] ?? 0;
    FAST_IN1[code] = ins[1] ?? 0;
    FAST_OUT[code] = outs[0] ?? 0;
  }
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
