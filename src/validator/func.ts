/**
 * Validation of function bodies and constant expressions ("Validation ›
 * Instructions", "Validation › Modules › Functions", "Constant Expressions"),
 * as the spec's appendix algorithm: one pass over the instruction bytes with
 * an operand stack and a control stack (stacks.ts).
 *
 * The hot loop (`run`) types the frequent instructions inline from the bytes
 * (sig.ts `Fast`); everything else is read by `readInstr` into one reused
 * `Instr`. Instructions with a fixed type in the opcode table (numeric,
 * vector, memory accesses, atomics, wide arithmetic) share the tables of
 * sig.ts; control, parametric and variable instructions are typed here,
 * tables and bulk memory in bulk.ts, references and aggregates in refs.ts,
 * custom descriptors in descriptors.ts. No recursion on nesting, no
 * allocation per instruction.
 *
 * Not here: module-level rules (module.ts), type definitions (types.ts). */
import { Op } from '../ast/op-ids.js';
import { CatchKind, memAlign, type Instr } from '../ast/instr.js';
import { BLOCK_EMPTY, EXNREF, FUNCREF, I32, I64, V128, isRef, refHeap, refType, Heap, type ValType } from '../ast/types.js';
import { enabledOps } from '../ast/features.js';
import type { Func } from '../ast/module.js';
import { Reader } from '../decoder/reader.js';
import { readInstr } from '../decoder/instr.js';
import { constExprOffset } from '../decoder/sections.js';
import { TypeKind, type Context } from './context.js';
import { Ctl, Stacks } from './stacks.js';
import { ADDR, ATOMIC, FAST_IN0, FAST_IN1, FAST_KIND, FAST_NATURAL, FAST_OUT, Fast, IN, LANES, MAX_IN, MAX_OUT, NATURAL, N_IN, N_OUT, OUT, SHAPE, Shape } from './sig.js';
import { SINGLE } from '../ast/opcodes.js';
import { UNKNOWN, defaultable, isNumOrUnknown, isVecOrUnknown, matchRef, matchVal } from './match.js';
import { resultName, typeName } from './messages.js';
import { tableOrMemoryOp } from './bulk.js';
import { MAX_FUNCTION_SIZE, MAX_LOCALS } from './limits.js';
import { CONST_OK } from './const-ops.js';

/**
 * Length of the LEB128 number at `bytes[pos]` if it ends within `max` bytes
 * (and before `end`), else 0.
 */
function lebLength(bytes: Uint8Array, pos: number, end: number, max: number): number {
  for (let i = 0; i < max && pos + i < end; i++) if (bytes[pos + i]! < 0x80) return i + 1;
  return 0;
}

/** End of the number `leb32` read last. */
let lebNext = 0;

/**
 * The unsigned LEB128 number at `bytes[pos]` if it is below 2^28 and ends
 * before `end` (its end in `lebNext`), else -1 (the general path decides).
 */
function leb32(bytes: Uint8Array, pos: number, end: number): number {
  let v = 0;
  for (let i = 0; i < 4 && pos + i < end; i++) {
    const b = bytes[pos + i]!;
    v |= (b & 0x7f) << (7 * i);
    if (b < 0x80) {
      lebNext = pos + i + 1;
      return v;
    }
  }
  return -1;
}

/** Opcode bytes of the constant expressions `validateConst` recognizes without decoding. */
const END_BYTE = 0x0b;
const I32_CONST_BYTE = 0x41;
const I64_CONST_BYTE = 0x42;
/** Opcode bytes the inline cases of `run` tell apart. */
const LOCAL_GET_BYTE = 0x20;
const LOCAL_SET_BYTE = 0x21;
const GLOBAL_GET_BYTE = 0x23;
const BR_BYTE = 0x0c;
const RETURN_BYTE = 0x0f;

/** Validates function bodies and constant expressions of one module. */
export class FuncValidator extends Stacks {
  /** The instruction being validated (reused). */
  readonly ins: Instr = { op: 0, x: 0, y: 0, z: 0, lo: 0, hi: 0, bytes: null, list: [], catches: [] };
  /** Enabled-instruction mask for the reader. */
  readonly ops: Uint8Array;
  /** Type index of the current function (its results are the return type). */
  funcType = 0;
  /**
   * Set when the decoder did not scan the bodies (`DecodeHooks.checksBodies`):
   * then the validator also enforces the binary format's rule that data
   * indices in code need the data count section.
   */
  requireDataCount = false;
  /** Constant-expression mode: only constant instructions, globals below `globalLimit`. */
  constMode = false;
  globalLimit = 0;
  /** Scratch for address-resolved signatures. */
  private readonly sigIn = new Int32Array(MAX_IN);
  /** br_table: per-frame stamp so each target frame is checked once per instruction. */
  private stamp: Int32Array = new Int32Array(64);
  private stampCounter = 0;

  constructor(c: Context) {
    super(c);
    this.ops = enabledOps(c.features);
  }

  // ---- lookups ("unknown …") -------------------------------------------

  checkType(x: number): void {
    if (x >= this.c.typeCount) throw this.error(`unknown type ${x >>> 0}`);
  }
  /** A function type index, or "unknown type" / "non-function type". */
  funcTypeIdx(x: number): number {
    this.checkType(x);
    if (this.c.typeKind[x] !== TypeKind.Func) throw this.error(`non-function type ${x}`);
    return x;
  }
  checkValType(t: ValType): void {
    if (isRef(t)) {
      const h = refHeap(t);
      if (h >= 0) this.checkType(h);
    }
  }
  checkBlockType(bt: number): void {
    if (bt < 0) this.funcTypeIdx(~bt);
    else if (bt !== BLOCK_EMPTY) this.checkValType(bt);
  }
  table(x: number) {
    const t = this.c.tables[x];
    if (t === undefined) throw this.error(`unknown table ${x >>> 0}`);
    return t;
  }
  memAddr(x: number): ValType {
    const m = this.c.memories[x];
    if (m === undefined) throw this.error(`unknown memory ${x >>> 0}`);
    return m.addr64 ? I64 : I32;
  }
  tableAddr(x: number): ValType {
    return this.table(x).addr64 ? I64 : I32;
  }
  funcTypeOf(f: number): number {
    const t = this.c.funcs[f];
    if (t === undefined) throw this.error(`unknown function ${f >>> 0}`);
    return t;
  }
  tagType(x: number): number {
    const t = this.c.tags[x];
    if (t === undefined) throw this.error(`unknown tag ${x >>> 0}`);
    return t;
  }
  elemType(x: number): ValType {
    const t = this.c.elemTypes[x];
    if (t === undefined) throw this.error(`unknown elem segment ${x >>> 0}`);
    return t;
  }
  checkData(x: number): void {
    // Malformed, not invalid: normally the decoder's scan reports it (see `requireDataCount`).
    if (this.requireDataCount && this.c.module.dataCount === null) throw this.error('data count section required');
    if (x >= this.c.dataCount) throw this.error(`unknown data segment ${x >>> 0}`);
  }

  // ---- entry points ----------------------------------------------------

  /** Validates the body of function `funcIndex` (index space incl. imports). Throws CompileError. */
  validateFunc(func: Func, funcIndex: number): void {
    const c = this.c;
    this.funcIndex = funcIndex;
    this.noOffset = false;
    this.at = func.bodyOffset;
    const ft = this.funcTypeIdx(func.type);
    this.funcType = ft;
    if (func.body.length > MAX_FUNCTION_SIZE) throw this.error('function body too large');
    const params = c.params[ft]!;
    let n = params.length;
    for (const run of func.locals) {
      n += run.count;
      if (n > MAX_LOCALS) throw this.error('too many locals');
    }
    this.resetLocalsFor(n);
    const types = this.localTypes;
    const init = this.localInit;
    let k = 0;
    for (; k < params.length; k++) { types[k] = params[k]!; init[k] = 1; }
    for (const run of func.locals) {
      this.checkValType(run.type);
      const d = defaultable(run.type) ? 1 : 0;
      for (let i = 0; i < run.count; i++, k++) { types[k] = run.type; init[k] = d; }
    }
    this.constMode = false;
    this.globalLimit = c.globals.length;
    this.run(func.body, 0, func.body.length, func.bodyOffset, ~ft);
  }

  /**
   * Validates constant expression `expr` of type `t`, where globals below
   * `globalLimit` may be read. Errors carry its offset in the module's bytes
   * when the decoder read it (`constExprOffset`), else none.
   */
  validateConst(expr: Uint8Array, t: ValType, globalLimit: number): void {
    this.validateConstIn(expr, 0, expr.length, t, globalLimit, constExprOffset(expr));
  }

  /**
   * `validateConst` of the expression at `bytes[start..end)` (no subarray:
   * decoded data segments keep their offsets as spans), at absolute `offset`.
   */
  validateConstIn(bytes: Uint8Array, start: number, end: number, t: ValType, globalLimit: number, offset: number): void {
    // The common `i32.const n end` / `i64.const n end` (segment offsets, globals): nothing to check.
    const n = end - start;
    if (n >= 3 && bytes[end - 1] === END_BYTE && lebLength(bytes, start + 1, end - 1, 4) === n - 2
      && ((t === I32 && bytes[start] === I32_CONST_BYTE) || (t === I64 && bytes[start] === I64_CONST_BYTE))) return;
    this.funcIndex = -1;
    this.noOffset = offset < 0;
    this.at = offset;
    this.resetLocalsFor(0);
    this.constMode = true;
    this.globalLimit = globalLimit;
    this.checkConstOps(bytes, start, end, offset - start);
    this.run(bytes, start, end, offset - start, t);
  }

  /** First pass over a constant expression: every instruction must be constant. */
  private checkConstOps(bytes: Uint8Array, start: number, end: number, base: number): void {
    const r = this.reader(bytes, start, end, base);
    const ins = this.ins;
    while (r.pos < r.end) {
      this.at = base + r.pos;
      readInstr(r, ins);
      const op = ins.op;
      this.c.usedOps[op] = 1;
      if (op === Op.global_get) {
        const g = this.c.globals[ins.x];
        if (g !== undefined && ins.x < this.globalLimit && g.mutable) throw this.error('constant expression required');
      } else if (!CONST_OK[op] || (op === Op.end && r.pos !== r.end)) {
        throw this.error('constant expression required');
      }
    }
  }

  /** A reader over `bytes[start..end)`; `base` is the absolute offset of `bytes[0]`. */
  private reader(bytes: Uint8Array, start: number, end: number, base: number): Reader {
    const r = new Reader(bytes, start, end, base);
    r.features = this.c.features;
    r.ops = this.ops;
    return r;
  }

  /**
   * Runs the algorithm over `bytes[start..end)` (ending with `end`) as a
   * block of type `bt`; `base` is the absolute offset of `bytes[0]`.
   *
   * The loop keeps the operand stack pointer, the stack array and the current
   * frame's height in locals and handles the frequent instructions with
   * single-byte immediates inline (see `Fast`), when their operands are
   * exactly what they need. Anything else (including every error) goes to
   * the general path: `readInstr` and the typing methods, with the locals
   * written back before and reloaded after.
   */
  private run(bytes: Uint8Array, start: number, end: number, base: number, bt: number): void {
    this.sp = 0;
    this.depth = 0;
    this.pushCtl(Ctl.Block, bt, false);
    const r = this.reader(bytes, start, end, base);
    const ins = this.ins;
    const localTypes = this.localTypes;
    const localInit = this.localInit;
    const nLocals = this.nLocals;
    const globals = this.c.globals;
    const globalLimit = this.globalLimit;
    const funcs = this.c.funcs;
    const params = this.c.params;
    const results = this.c.results;
    const mem0 = this.c.memories[0];
    const addr0 = mem0 === undefined ? -1 : mem0.addr64 ? I64 : I32;
    let pos = start;
    let sp = this.sp;
    let vals = this.vals;
    let h = this.height[this.depth - 1]!;
    for (;;) {
      if (pos >= end) throw this.error('unexpected end of section or function');
      const b0 = bytes[pos]!;
      fast: switch (FAST_KIND[b0]) {
        case Fast.LocalGet: case Fast.LocalSet: case Fast.LocalTee: {
          let x = bytes[pos + 1]!;
          let len = 2;
          if (x >= 0x80) {
            // two-byte index
            const b2 = bytes[pos + 2]!;
            if (pos + 2 >= end || b2 >= 0x80) break;
            x = (x & 0x7f) | (b2 << 7);
            len = 3;
          }
          if (pos + len > end || x >= nLocals || localInit[x] !== 1) break;
          const t = localTypes[x]!;
          if (b0 === LOCAL_GET_BYTE) {
            if (sp === vals.length) break;
            vals[sp++] = t;
          } else {
            if (sp === h || vals[sp - 1] !== t) break;
            if (b0 === LOCAL_SET_BYTE) sp--;
          }
          pos += len;
          continue;
        }
        case Fast.I32Const: case Fast.I64Const: {
          // Up to 4 LEB bytes for i32, 9 for i64: no range check needed below those lengths.
          const i32 = b0 === I32_CONST_BYTE;
          const len = lebLength(bytes, pos + 1, end, i32 ? 4 : 9);
          if (len === 0 || sp === vals.length) break;
          vals[sp++] = i32 ? I32 : I64;
          pos += 1 + len;
          continue;
        }
        case Fast.Unary:
          if (sp === h || vals[sp - 1] !== FAST_IN0[b0]) break;
          vals[sp - 1] = FAST_OUT[b0]!;
          pos += 1;
          continue;
        case Fast.Binary:
          if (sp - h < 2 || vals[sp - 1] !== FAST_IN1[b0] || vals[sp - 2] !== FAST_IN0[b0]) break;
          sp--;
          vals[sp - 1] = FAST_OUT[b0]!;
          pos += 1;
          continue;
        case Fast.Load: case Fast.Store: {
          // Alignment flags in one byte (no memory index), offset in up to 4 bytes.
          if (pos + 2 >= end || bytes[pos + 1]! > FAST_NATURAL[b0]! || addr0 < 0) break;
          const len = lebLength(bytes, pos + 2, end, 4);
          if (len === 0) break;
          if (FAST_KIND[b0] === Fast.Store) {
            if (sp - h < 2 || vals[sp - 1] !== FAST_IN1[b0] || vals[sp - 2] !== addr0) break;
            sp -= 2;
          } else {
            if (sp === h || vals[sp - 1] !== addr0) break;
            vals[sp - 1] = FAST_OUT[b0]!;
          }
          pos += 2 + len;
          continue;
        }
        case Fast.Call: {
          const len = lebLength(bytes, pos + 1, end, 4);
          if (len === 0) break;
          let f = 0;
          for (let i = len - 1; i >= 0; i--) f = f * 128 + (bytes[pos + 1 + i]! & 0x7f);
          const t = funcs[f];
          if (t === undefined) break;
          const ps = params[t]!;
          const rs = results[t]!;
          const n = ps.length;
          if (sp - h < n || sp - n + rs.length > vals.length) break;
          for (let i = 0; i < n; i++) if (vals[sp - n + i] !== ps[i]) break fast;
          sp -= n;
          for (let i = 0; i < rs.length; i++) vals[sp++] = rs[i]!;
          pos += 1 + len;
          continue;
        }
        case Fast.Block: case Fast.Loop: case Fast.If: {
          const b1 = bytes[pos + 1]!;
          if (pos + 1 >= end || (b1 !== BLOCK_EMPTY && (b1 < V128 || b1 > I32))) break;
          const kind = FAST_KIND[b0];
          if (kind === Fast.If) {
            if (sp === h || vals[sp - 1] !== I32) break;
            sp--;
          }
          this.sp = sp;
          this.pushCtl(kind === Fast.Block ? Ctl.Block : kind === Fast.Loop ? Ctl.Loop : Ctl.If, b1, false);
          h = sp;
          pos += 2;
          continue;
        }
        case Fast.BrIf: {
          const ll = lebLength(bytes, pos + 1, end, 2);
          if (ll === 0) break;
          const l = ll === 1 ? bytes[pos + 1]! : (bytes[pos + 1]! & 0x7f) | (bytes[pos + 2]! << 7);
          if (l >= this.depth || sp === h || vals[sp - 1] !== I32) break;
          const d = this.depth - 1 - l;
          const bt = this.type[d]!;
          if (bt < 0) break;
          if (bt !== BLOCK_EMPTY && this.kind[d] !== Ctl.Loop) {
            // one label value, which stays on the stack
            if (sp - h < 2 || vals[sp - 2] !== bt) break;
          }
          sp--;
          pos += 1 + ll;
          continue;
        }
        case Fast.Br: case Fast.Return: case Fast.Unreachable: {
          // The branch's values must be exactly on top (one at most here).
          let t = BLOCK_EMPTY;
          let len = 1;
          if (b0 === BR_BYTE) {
            const ll = lebLength(bytes, pos + 1, end, 2);
            if (ll === 0) break;
            const l = ll === 1 ? bytes[pos + 1]! : (bytes[pos + 1]! & 0x7f) | (bytes[pos + 2]! << 7);
            if (l >= this.depth) break;
            const d = this.depth - 1 - l;
            t = this.type[d]!;
            if (t < 0) break;
            if (this.kind[d] === Ctl.Loop) t = BLOCK_EMPTY;
            len = 1 + ll;
          } else if (b0 === RETURN_BYTE) {
            const rs = results[this.funcType]!;
            if (rs.length > 1 || this.constMode) break;
            t = rs.length ? rs[0]! : BLOCK_EMPTY;
          }
          if (t !== BLOCK_EMPTY && (sp === h || vals[sp - 1] !== t)) break;
          sp = h;
          this.unreach[this.depth - 1] = 1;
          pos += len;
          continue;
        }
        case Fast.Drop:
          if (sp === h) break;
          sp--;
          pos += 1;
          continue;
        case Fast.Nop:
          pos += 1;
          continue;
        case Fast.Select: {
          if (sp - h < 3 || vals[sp - 1] !== I32) break;
          const t = vals[sp - 2]!;
          if (t !== vals[sp - 3] || t < V128 || t > I32) break;
          sp -= 2;
          pos += 1;
          continue;
        }
        case Fast.BrTable: {
          // All labels (and the default) take no values: check each exists and
          // is arity 0, straight from the bytes (Go code has br_tables of thousands).
          if (sp === h || vals[sp - 1] !== I32) break;
          let p = pos + 1;
          let n = leb32(bytes, p, end);
          if (n < 0) break;
          p = lebNext;
          const depth = this.depth;
          const kinds = this.kind;
          const types = this.type;
          for (; n >= 0; n--) { // n targets, then the default
            const l = leb32(bytes, p, end);
            if (l < 0 || l >= depth) break fast;
            p = lebNext;
            const d = depth - 1 - l;
            const bt = types[d]!;
            if (kinds[d] === Ctl.Loop ? bt < 0 && params[~bt]!.length !== 0 : bt !== BLOCK_EMPTY && (bt >= 0 || results[~bt]!.length !== 0)) break fast;
          }
          sp = h;
          this.unreach[depth - 1] = 1;
          pos = p;
          continue;
        }
        case Fast.End: {
          // Closing a block whose stack holds exactly its (empty or single) result.
          const d = this.depth - 1;
          const bt = this.type[d]!;
          if (d === 0 || bt < 0 || this.nInits !== this.initMark[d]) break;
          if (bt === BLOCK_EMPTY) {
            if (sp !== h) break;
          } else if (this.kind[d] === Ctl.If) {
            break;
          } else if (sp - h === 1) {
            if (vals[sp - 1] !== bt) break;
          } else if (sp === h && this.unreach[d]) {
            vals[sp++] = bt; // popped from the polymorphic stack, pushed as the result
          } else {
            break;
          }
          this.depth = d;
          h = this.height[d - 1]!;
          pos += 1;
          continue;
        }
        case Fast.GlobalGet: case Fast.GlobalSet: {
          const x = bytes[pos + 1]!;
          if (pos + 1 >= end || x >= 0x80 || x >= globalLimit) break;
          const g = globals[x]!;
          if (b0 === GLOBAL_GET_BYTE) {
            if (sp === vals.length) break;
            vals[sp++] = g.type;
          } else {
            if (!g.mutable || sp === h || vals[sp - 1] !== g.type) break;
            sp--;
          }
          pos += 2;
          continue;
        }
      }
      const op = SINGLE[b0]!;
      // General path.
      this.sp = sp;
      this.at = base + pos;
      if (op === Op.end) {
        r.pos = pos + 1;
        this.end();
      } else {
        r.pos = pos;
        readInstr(r, ins);
        const o = ins.op;
        this.c.usedOps[o] = 1;
        const shape = SHAPE[o]!;
        if (shape === Shape.Plain) this.plain(o);
        else if (shape !== Shape.Special) this.typedOp(o, shape);
        else this.specialOp(o);
      }
      pos = r.pos;
      if (this.depth === 0) break;
      sp = this.sp;
      vals = this.vals;
      h = this.height[this.depth - 1]!;
    }
    if (pos !== end) throw this.error('section size mismatch');
  }

  /** Fixed-type instruction without memory: pop IN, push OUT (inline checks for exact matches). */
  private plain(op: number): void {
    const nIn = N_IN[op]!;
    const k = op * MAX_IN;
    const sp = this.sp;
    const avail = sp - this.height[this.depth - 1]!;
    const vals = this.vals;
    if (nIn === 2) {
      if (avail >= 2 && vals[sp - 1] === IN[k + 1] && vals[sp - 2] === IN[k]) this.sp = sp - 2;
      else this.popSeq(IN, k, 2);
    } else if (nIn === 1) {
      if (avail >= 1 && vals[sp - 1] === IN[k]) this.sp = sp - 1;
      else this.popExpect(IN[k]!);
    } else if (nIn !== 0) {
      this.popSeq(IN, k, nIn);
    }
    const nOut = N_OUT[op]!;
    if (nOut === 1) this.push(OUT[op * MAX_OUT]!);
    else if (nOut !== 0) this.pushSeq(OUT, op * MAX_OUT, nOut);
  }

  /** Instructions with a fixed type that need an immediate checked or the address type resolved. */
  private typedOp(op: number, shape: Shape): void {
    const ins = this.ins;
    let addr = I32;
    switch (shape) {
      case Shape.Lane:
        if (ins.x >= LANES[op]!) throw this.error('invalid lane index');
        break;
      case Shape.Shuffle:
        for (let i = 0; i < 16; i++) if (ins.bytes![i]! >= 32) throw this.error('invalid lane index');
        break;
      case Shape.Memory:
        addr = this.memAddr(ins.x);
        break;
      case Shape.MemArg: case Shape.MemArgLane: {
        addr = this.memAddr(ins.y);
        const align = memAlign(ins.x);
        const natural = NATURAL[op]!;
        if (align > natural) throw this.error('alignment must not be larger than natural');
        if (ATOMIC[op] && align !== natural) throw this.error('atomic alignment must be natural');
        if (addr === I32 && ins.hi !== 0) throw this.error('offset out of range');
        if (shape === Shape.MemArgLane && ins.z >= 16 >> natural) throw this.error('invalid lane index');
        break;
      }
    }
    const nIn = N_IN[op]!;
    const sigIn = this.sigIn;
    for (let i = 0; i < nIn; i++) {
      const t = IN[op * MAX_IN + i]!;
      sigIn[i] = t === ADDR ? addr : t;
    }
    this.popSeq(sigIn, 0, nIn);
    const nOut = N_OUT[op]!;
    for (let i = 0; i < nOut; i++) {
      const t = OUT[op * MAX_OUT + i]!;
      this.push(t === ADDR ? addr : t);
    }
  }

  /** Instructions typed by hand: control, parametric, variables, tables, bulk memory; refs.ts for the rest. */
  private specialOp(op: number): void {
    const ins = this.ins;
    const c = this.c;
    switch (op) {
      case Op.unreachable:
        this.setUnreachable();
        return;
      case Op.nop: case Op.atomic_fence:
        return;
      case Op.block: case Op.loop:
        this.checkBlockType(ins.x);
        this.popBlockParams(ins.x);
        this.pushCtl(op === Op.block ? Ctl.Block : Ctl.Loop, ins.x, true);
        return;
      case Op.if:
        this.checkBlockType(ins.x);
        this.popI32();
        this.popBlockParams(ins.x);
        this.pushCtl(Ctl.If, ins.x, true);
        return;
      case Op.else: {
        const d = this.depth - 1;
        if (this.kind[d] !== Ctl.If) throw this.error('END opcode expected');
        this.toElse(d);
        return;
      }
      case Op.end:
        this.end();
        return;
      case Op.try:
        this.checkBlockType(ins.x);
        this.popBlockParams(ins.x);
        this.pushCtl(Ctl.Try, ins.x, true);
        return;
      case Op.catch: case Op.catch_all: {
        const d = this.depth - 1;
        const k = this.kind[d];
        if (k !== Ctl.Try && k !== Ctl.Catch) throw this.error('END opcode expected');
        const tag = op === Op.catch ? this.tagType(ins.x) : -1;
        this.closeFrame();
        this.kind[d] = op === Op.catch ? Ctl.Catch : Ctl.CatchAll;
        this.unreach[d] = 0;
        if (tag >= 0) { const ps = c.params[tag]!; this.pushSeq(ps, 0, ps.length); }
        return;
      }
      case Op.delegate: {
        const d = this.depth - 1;
        if (this.kind[d] !== Ctl.Try) throw this.error('END opcode expected');
        this.closeFrame();
        this.depth--;
        this.label(ins.x);
        this.pushBlockResults(this.type[d]!);
        return;
      }
      case Op.rethrow: {
        const d = this.label(ins.x);
        const k = this.kind[d];
        if (k !== Ctl.Catch && k !== Ctl.CatchAll) throw this.error('invalid rethrow label');
        this.setUnreachable();
        return;
      }
      case Op.throw: {
        const t = this.tagType(ins.x);
        const ps = c.params[t]!;
        this.popSeq(ps, 0, ps.length);
        this.setUnreachable();
        return;
      }
      case Op.throw_ref:
        this.popExpect(EXNREF);
        this.setUnreachable();
        return;
      case Op.try_table:
        this.checkBlockType(ins.x);
        this.checkCatches(ins.x);
        this.popBlockParams(ins.x);
        this.pushCtl(Ctl.TryTable, ins.x, true);
        return;
      case Op.br: {
        const d = this.label(ins.x);
        this.popLabel(d);
        this.setUnreachable();
        return;
      }
      case Op.br_if: {
        const d = this.label(ins.x);
        this.popI32();
        this.popLabel(d);
        this.pushLabel(d);
        return;
      }
      case Op.br_table:
        this.brTable();
        return;
      case Op.return: {
        const rs = c.results[this.funcType]!;
        this.popSeq(rs, 0, rs.length);
        this.setUnreachable();
        return;
      }
      case Op.call: {
        const t = this.funcTypeOf(ins.x);
        this.callType(t);
        return;
      }
      case Op.return_call: {
        const t = this.funcTypeOf(ins.x);
        this.checkTailResults(t);
        this.callType(t, true);
        return;
      }
      case Op.call_indirect: case Op.return_call_indirect: {
        const tab = this.table(ins.y);
        const t = this.funcTypeIdx(ins.x);
        if (!matchRef(c, tab.elem, FUNCREF)) {
          throw this.error(`type mismatch: instruction requires table of function type but table has element type ${typeName(tab.elem)}`);
        }
        if (op === Op.return_call_indirect) this.checkTailResults(t);
        this.popExpect(tab.addr64 ? I64 : I32);
        this.callType(t, op === Op.return_call_indirect);
        return;
      }
      case Op.call_ref: case Op.return_call_ref: {
        const t = this.funcTypeIdx(ins.x);
        if (op === Op.return_call_ref) this.checkTailResults(t);
        this.popExpect(refType(true, t));
        this.callType(t, op === Op.return_call_ref);
        return;
      }
      case Op.drop:
        this.pop();
        return;
      case Op.select: {
        this.popI32();
        const t1 = this.pop();
        const t2 = this.pop();
        const num = isNumOrUnknown(t1) && isNumOrUnknown(t2);
        const vec = isVecOrUnknown(t1) && isVecOrUnknown(t2);
        if (!num && !vec) {
          throw this.error(`type mismatch: instruction requires numeric or vector type but stack has ${typeName(t1 === UNKNOWN ? t2 : t1)}`);
        }
        if (t1 !== t2 && t1 !== UNKNOWN && t2 !== UNKNOWN) {
          throw this.error(`type mismatch: instruction requires [${typeName(t1)} ${typeName(t1)} i32] but stack has [${typeName(t2)} ${typeName(t1)} i32]`);
        }
        this.push(t1 === UNKNOWN ? t2 : t1);
        return;
      }
      case Op.select_t: {
        if (ins.list.length !== 1) throw this.error('invalid result arity');
        const t = ins.list[0]!;
        this.checkValType(t);
        this.popI32();
        this.popExpect(t);
        this.popExpect(t);
        this.push(t);
        return;
      }
      case Op.local_get: {
        const x = ins.x >>> 0;
        if (x >= this.nLocals) throw this.error(`unknown local ${x}`);
        if (!this.localInit[x]) throw this.error('uninitialized local');
        this.push(this.localTypes[x]!);
        return;
      }
      case Op.local_set: case Op.local_tee: {
        const x = ins.x >>> 0;
        if (x >= this.nLocals) throw this.error(`unknown local ${x}`);
        const t = this.localTypes[x]!;
        this.popExpect(t);
        if (!this.localInit[x]) this.initLocal(x);
        if (op === Op.local_tee) this.push(t);
        return;
      }
      case Op.global_get: {
        const g = c.globals[ins.x];
        if (g === undefined || ins.x >= this.globalLimit) throw this.error(`unknown global ${ins.x >>> 0}`);
        this.push(g.type);
        return;
      }
      case Op.global_set: {
        const g = c.globals[ins.x];
        if (g === undefined) throw this.error(`unknown global ${ins.x >>> 0}`);
        if (!g.mutable) throw this.error('immutable global');
        this.popExpect(g.type);
        return;
      }
      default:
        tableOrMemoryOp(this, op);
    }
  }

  // ---- control helpers ---------------------------------------------------

  private popBlockParams(bt: number): void {
    if (bt < 0) {
      const ps = this.c.params[~bt]!;
      if (ps.length) this.popSeq(ps, 0, ps.length);
    }
  }

  private pushBlockResults(bt: number): void {
    if (bt < 0) {
      const rs = this.c.results[~bt]!;
      this.pushSeq(rs, 0, rs.length);
    } else if (bt !== BLOCK_EMPTY) {
      this.push(bt);
    }
  }

  /** `else`: close the then-branch, restart with the parameters. */
  private toElse(d: number): void {
    this.closeFrame();
    this.kind[d] = Ctl.Else;
    this.unreach[d] = 0;
    const bt = this.type[d]!;
    if (bt < 0) {
      const ps = this.c.params[~bt]!;
      this.pushSeq(ps, 0, ps.length);
    }
  }

  /** `end`: an `if` without `else` first gets its empty else-branch checked. */
  private end(): void {
    const d = this.depth - 1;
    if (this.kind[d] === Ctl.If) this.toElse(d);
    this.closeFrame();
    this.depth = d;
    if (d > 0) this.pushBlockResults(this.type[d]!);
  }

  /**
   * A call of function type `t`: pops its parameters, then pushes its
   * results, or for a tail call (results checked by `checkTailResults`)
   * makes the rest of the block unreachable.
   */
  private callType(t: number, tail = false): void {
    const c = this.c;
    const ps = c.params[t]!;
    this.popSeq(ps, 0, ps.length);
    if (tail) {
      this.setUnreachable();
      return;
    }
    const rs = c.results[t]!;
    this.pushSeq(rs, 0, rs.length);
  }

  /** Tail calls: the callee's results must match the caller's. */
  private checkTailResults(t: number): void {
    const c = this.c;
    const callee = c.results[t]!;
    const mine = c.results[this.funcType]!;
    let ok = callee.length === mine.length && !this.constMode;
    for (let i = 0; ok && i < callee.length; i++) ok = matchVal(c, callee[i]!, mine[i]!);
    if (!ok) {
      throw this.error(`type mismatch: current function requires result type ${resultName(mine)} but callee returns ${resultName(callee)}`);
    }
  }

  /** try_table handlers: each catch's values must match its label (checked outside the new block). */
  private checkCatches(bt: number): void {
    void bt;
    const c = this.c;
    for (const h of this.ins.catches) {
      const have: ValType[] = [];
      if (h.kind === CatchKind.Catch || h.kind === CatchKind.CatchRef) {
        const ps = c.params[this.tagType(h.tag)]!;
        for (let i = 0; i < ps.length; i++) have.push(ps[i]!);
      }
      if (h.kind === CatchKind.CatchRef || h.kind === CatchKind.CatchAllRef) have.push(refType(false, Heap.Exn));
      const d = this.label(h.label);
      const n = this.labelCount(d);
      let ok = n === have.length;
      for (let i = 0; ok && i < n; i++) ok = matchVal(c, have[i]!, this.labelType(d, i));
      if (!ok) {
        throw this.error(`type mismatch: catch handler requires ${resultName(this.labelTypes(d))} but label has ${resultName(have)}`);
      }
    }
  }

  /**
   * br_table: every target's label must take the values on the stack (with
   * the default's arity). Each distinct target frame is checked once, so a
   * giant table costs linear time.
   */
  private brTable(): void {
    const ins = this.ins;
    this.popI32();
    const dd = this.label(ins.x);
    const arity = this.labelCount(dd);
    if (this.stamp.length < this.depth) this.stamp = new Int32Array(Math.max(this.depth, this.stamp.length * 2));
    const stamp = ++this.stampCounter;
    const list = ins.list;
    for (let i = 0; i < list.length; i++) {
      const d = this.label(list[i]!);
      if (this.stamp[d] === stamp) continue;
      this.stamp[d] = stamp;
      if (this.labelCount(d) !== arity) {
        throw this.error(`type mismatch: instruction requires ${resultName(this.labelTypes(dd))} but label has ${resultName(this.labelTypes(d))}`);
      }
      this.checkTopAgainstLabel(d, arity);
    }
    this.popLabel(dd);
    this.setUnreachable();
  }

  /** Checks the top `n` operands (unknown below a polymorphic base) against label `d`, without popping. */
  private checkTopAgainstLabel(d: number, n: number): void {
    const sp0 = this.sp;
    this.popLabel(d);
    this.sp = sp0;
  }
}
