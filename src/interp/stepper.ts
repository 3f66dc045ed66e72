/**
 * The stepper: runs a function one WebAssembly instruction at a time, the
 * way the specification's abstract machine does ("Execution › Runtime
 * Structure › Stack", "Execution › Instructions"), so a reader can watch
 * what each instruction does: the operand stack, the locals, the control
 * stack (labels and frames), the globals, and the memory bytes it touched.
 *
 * It is a second, deliberately simple executor beside the fast one: it walks
 * the function bodies' bytes with the decoder's instruction reader and keeps
 * the machine's structures as plain objects. It shares everything else with
 * the interpreter: the runtime instances (an instance's memories, tables and
 * globals are the ones the stepped code reads and writes), the numeric
 * library (step-numeric.ts), the table and bulk-memory operations and
 * memory accesses (slow.ts), the traps and their messages, and the call path
 * for host functions (`invoke`). Nothing here runs when a program is not
 * stepped, so the normal path pays nothing for it.
 *
 * ```ts
 * const s = new Stepper(instance.exports.fib as FuncInst, [5], { breakpoints: [{ func: 'fib', offset: 0x2f }] });
 * while (!s.done) {
 *   const step = s.step();            // one instruction
 *   console.log(step.offset.toString(16), step.text, s.stack().map(valueText).join(' '));
 * }
 * s.results;                          // [5], boundary values as invoke returns them
 * ```
 *
 * Byte offsets are offsets in the module's binary (as `wasm-objdump` and the
 * validator's messages give them) when the module was decoded from one,
 * else offsets into the function body. Breakpoints name a function (index,
 * or name from the name section or an export) and optionally an offset.
 *
 * Executes what the interpreter executes (WebAssembly 2.0 without SIMD,
 * multi-memory, memory64); any other instruction stops the stepper with an
 * `Error("the stepper cannot execute …")`. Not here: the register code
 * (disasm.ts shows it), fuel.
 */
import type { Func, Module } from '../ast/module.js';
import { Imm, OPCODES, opName } from '../ast/opcodes.js';
import { Op } from '../ast/op-ids.js';
import type { Instr } from '../ast/instr.js';
import { instr } from '../ast/instr.js';
import { BLOCK_EMPTY, F32, F64, FUNCREF, I32, I64, blockTypeIndex, isRef, type ValType } from '../ast/types.js';
import { Reader } from '../decoder/reader.js';
import { readInstr } from '../decoder/instr.js';
import { RuntimeError } from '../errors.js';
import { formatF32, formatF64, formatI64 } from '../numeric/format.js';
import { invoke } from './invoke.js';
import { MEM_OUT, MEM_R } from './ops.js';
import { FuncInst, canonicalTypeId, type FuncType, type Instance } from './runtime.js';
import {
  indirectTarget, loadX, memoryCopyOp, memoryFillOp, memoryGrowX, memoryInitOp, memorySizeX, storeX, tableCopyOp,
  tableFillOp, tableGetOp, tableGrowOp, tableInitOp, tableSetOp, tableSizeOp,
} from './slow.js';
import { NUMERIC, W } from './step-numeric.js';
import { trapExhausted, trapUnreachable } from './traps.js';
import { readValue, writeValue, type Value } from './values.js';

/** A value on the operand stack: numbers as two int32 words (f32: its bits in `lo`), references in `ref`. */
export interface StepValue {
  readonly type: ValType;
  readonly lo: number;
  readonly hi: number;
  readonly ref: Value;
}

/** A label ("Labels"): what a branch to it does, and where its values start on the operand stack. */
export interface StepLabel {
  /** The instruction that made it; `function` for the frame's own label (a branch to it returns). */
  readonly kind: 'function' | 'block' | 'loop' | 'if';
  /** How many values a branch to it carries (a loop's parameters, a block's results). */
  readonly arity: number;
  /** Operand stack height (`stack().length`) below the label's values. */
  readonly height: number;
  /** Byte offset of the instruction that made it. */
  readonly offset: number;
  /** Where a branch continues, as an index into the function body. */
  readonly continuation: number;
}

/** An activation frame ("Frames"): a function's locals, its labels and where it is. */
export interface StepFrame {
  readonly func: FuncInst;
  /** The function's index in its module. */
  readonly index: number;
  /** Its name (name section, else an export name, else `func[i]`). */
  readonly name: string;
  readonly locals: StepValue[];
  readonly labels: StepLabel[];
  /** Index into the body of the next instruction. */
  pc: number;
  /** Operand stack height when the frame was entered (its arguments already popped). */
  readonly base: number;
}

/** A range of memory an instruction read or wrote. */
export interface MemoryTouch {
  readonly memory: number;
  readonly address: number;
  readonly length: number;
  readonly write: boolean;
}

/** What one step did. */
export interface Step {
  /** 1 for the first step. */
  readonly n: number;
  /** The function it ran in: index and name. */
  readonly func: number;
  readonly name: string;
  /** Byte offset of the instruction (see the header). */
  readonly offset: number;
  readonly op: number;
  /** The instruction in the text format, e.g. `local.get 0`, `call $fib`. */
  readonly text: string;
  /** Frames on the stack when it ran (1 in the entry function). */
  readonly depth: number;
  readonly touched: readonly MemoryTouch[];
  /** The trap message if it trapped. */
  readonly trap: string | null;
}

/** Where to stop: a function (index or name) and, optionally, one instruction's byte offset in it. */
export interface Breakpoint {
  readonly func: number | string;
  readonly offset?: number;
}

/** Why `run` returned. */
export type StopReason = 'done' | 'trap' | 'breakpoint' | 'limit';

/** One entry of the machine's stack as the specification draws it. */
export type MachineEntry =
  | { readonly kind: 'frame'; readonly frame: StepFrame }
  | { readonly kind: 'label'; readonly label: StepLabel }
  | { readonly kind: 'value'; readonly value: StepValue };

/** Options of a stepper. */
export interface StepperOptions {
  readonly breakpoints?: readonly Breakpoint[];
}

/** A structured block's `else` and `end` positions, by the position of its `block`/`loop`/`if`. */
interface BlockEnds {
  readonly end: Map<number, number>;
  readonly else: Map<number, number>;
}

const blockEnds = new WeakMap<Func, BlockEnds>();

/** Finds every block's `else` and `end` in a body (once per function). */
function endsOf(def: Func): BlockEnds {
  let ends = blockEnds.get(def);
  if (ends !== undefined) return ends;
  ends = { end: new Map(), else: new Map() };
  const r = new Reader(def.body);
  const ins = instr(0);
  const open: number[] = [];
  while (r.pos < def.body.length) {
    const at = r.pos;
    readInstr(r, ins);
    if (ins.op === Op.block || ins.op === Op.loop || ins.op === Op.if) open.push(at);
    else if (ins.op === Op.else) ends.else.set(open[open.length - 1]!, at);
    else if (ins.op === Op.end && open.length > 0) ends.end.set(open.pop()!, at);
  }
  blockEnds.set(def, ends);
  return ends;
}

/** The name of function `index` of `m`. */
function funcName(m: Module, index: number): string {
  const named = m.names?.funcs.get(index);
  if (named !== undefined) return named;
  const ex = m.exports.find((e) => e.kind === 0 && e.index === index);
  return ex !== undefined ? ex.name : `func[${index}]`;
}

/** The default value of type `t` ("Default Values"): zero, or the null reference. */
function zero(t: ValType): StepValue {
  return { type: t, lo: 0, hi: 0, ref: null };
}

const conv = new Int32Array(2);
const convRefs: Value[] = [null];

function fromBoundary(t: ValType, v: Value): StepValue {
  writeValue(conv, convRefs, 0, t, v);
  return isRef(t) ? { type: t, lo: 0, hi: 0, ref: convRefs[0] } : { type: t, lo: conv[0]!, hi: t === I64 || t === F64 ? conv[1]! : 0, ref: null };
}

function toBoundary(v: StepValue): Value {
  conv[0] = v.lo;
  conv[1] = v.hi;
  convRefs[0] = v.ref;
  return readValue(conv, convRefs, 0, v.type);
}

/** A value as text: `i32:5`, `i64:-1`, `f32:1.5`, `f64:nan:0x8000000000000`, `ref:null`, `ref:func`. */
export function valueText(v: StepValue): string {
  switch (v.type) {
    case I32: return `i32:${v.lo | 0}`;
    case I64: return `i64:${formatI64(v.lo, v.hi)}`;
    case F32: return `f32:${formatF32(v.lo)}`;
    case F64: return `f64:${formatF64(v.lo, v.hi)}`;
    default: return v.ref === null ? 'ref:null' : v.ref instanceof FuncInst ? 'ref:func' : 'ref:extern';
  }
}

/** The text of one decoded instruction (mnemonic and immediates). */
export function instrText(ins: Instr, m: Module | null): string {
  const name = opName(ins.op);
  switch (OPCODES[ins.op]![3]) {
    case Imm.Func: return `${name} ${m !== null && m.names?.funcs.get(ins.x) !== undefined ? `$${m.names.funcs.get(ins.x)}` : ins.x}`;
    case Imm.Label: case Imm.Type: case Imm.Local: case Imm.Global: case Imm.Table: case Imm.Memory: case Imm.Data:
    case Imm.Elem: case Imm.Tag:
      return `${name} ${ins.x}`;
    case Imm.BrTable: return `${name} ${[...ins.list, ins.x].join(' ')}`;
    case Imm.CallIndirect: return `${name} ${ins.y} (type ${ins.x})`;
    case Imm.I32: return `${name} ${ins.x | 0}`;
    case Imm.I64: return `${name} ${formatI64(ins.lo, ins.hi)}`;
    case Imm.F32: return `${name} ${formatF32(ins.x)}`;
    case Imm.F64: return `${name} ${formatF64(ins.lo, ins.hi)}`;
    case Imm.MemArg: {
      const off = formatI64(ins.lo, ins.hi, false);
      return `${name}${ins.y !== 0 ? ` ${ins.y}` : ''}${off !== '0' ? ` offset=${off}` : ''}`;
    }
    case Imm.DataMemory: case Imm.MemoryMemory: case Imm.ElemTable: case Imm.TableTable:
      return `${name} ${ins.x} ${ins.y}`;
    default: return name;
  }
}

/**
 * Steps through a call of a wasm function, one instruction at a time.
 * Throws `TypeError` for arguments of the wrong count or JS type, and
 * `Error` for a host function (there is nothing to step).
 */
export class Stepper {
  /** Frames, innermost last. */
  readonly frames: StepFrame[] = [];
  /** The results (boundary values) once the function returned. */
  results: Value[] | null = null;
  /** The same results as the machine holds them (empty until it returned). */
  resultValues: StepValue[] = [];
  /** The trap, if execution trapped. */
  trap: RuntimeError | null = null;
  /** Steps taken so far. */
  steps = 0;
  private readonly values: StepValue[] = [];
  private readonly breakpoints: readonly Breakpoint[];
  private readonly entry: FuncInst;
  private readonly ins: Instr = instr(0);
  private touched: MemoryTouch[] = [];
  private readonly maxDepth: number;
  private readonly indexOf = new Map<FuncInst, number>();

  constructor(f: FuncInst, args: readonly Value[], options: StepperOptions = {}) {
    if (f.def === null || f.instance === null) throw new Error('a host function has no instructions to step through');
    if (args.length !== f.type.params.length) {
      throw new TypeError(`wrong number of arguments: expected ${f.type.params.length}, got ${args.length}`);
    }
    this.entry = f;
    this.breakpoints = options.breakpoints ?? [];
    this.maxDepth = f.instance.store.maxCallDepth;
    this.enter(f, f.type.params.map((t, k) => fromBoundary(t, args[k])));
  }

  /** True once the function returned or trapped. */
  get done(): boolean {
    return this.frames.length === 0;
  }

  /** The operand stack, bottom first (a copy). */
  stack(): StepValue[] {
    return this.values.slice();
  }

  /** The innermost frame, or null when done. */
  get frame(): StepFrame | null {
    return this.frames[this.frames.length - 1] ?? null;
  }

  /** The machine's stack as the specification draws it: each frame, then its labels with the values above each. */
  machineStack(): MachineEntry[] {
    const out: MachineEntry[] = [];
    this.frames.forEach((frame, fi) => {
      out.push({ kind: 'frame', frame });
      const top = fi + 1 < this.frames.length ? this.frames[fi + 1]!.base : this.values.length;
      let from = frame.base;
      for (const label of frame.labels) {
        for (let k = from; k < Math.max(from, label.height); k++) out.push({ kind: 'value', value: this.values[k]! });
        from = Math.max(from, label.height);
        out.push({ kind: 'label', label });
      }
      for (let k = from; k < top; k++) out.push({ kind: 'value', value: this.values[k]! });
    });
    return out;
  }

  /** The globals of the entry function's instance: index, type, mutability and value. */
  globals(): { index: number; type: ValType; mutable: boolean; value: StepValue }[] {
    return this.entry.instance!.globals.map((g, index) => ({
      index, type: g.type, mutable: g.mutable,
      value: isRef(g.type) ? { type: g.type, lo: 0, hi: 0, ref: g.ref } : { type: g.type, lo: g.bits[0]!, hi: g.bits[1]!, ref: null },
    }));
  }

  /** The next instruction: where it is and its text; null when done. */
  next(): { func: number; name: string; offset: number; text: string; op: number } | null {
    const fr = this.frame;
    if (fr === null) return null;
    const def = fr.func.def!;
    const r = new Reader(def.body, fr.pc);
    readInstr(r, this.ins);
    return { func: fr.index, name: fr.name, offset: offsetOf(def, fr.pc), text: instrText(this.ins, fr.func.instance!.module), op: this.ins.op };
  }

  /**
   * Runs until the function returns or traps, `maxSteps` steps were taken,
   * or the next instruction is at a breakpoint (checked after the first step,
   * so `run` always moves).
   */
  run(maxSteps = Infinity): StopReason {
    let n = 0;
    while (!this.done) {
      if (n >= maxSteps) return 'limit';
      this.step();
      n++;
      if (this.trap !== null) return 'trap';
      if (!this.done && this.atBreakpoint()) return 'breakpoint';
    }
    return this.trap !== null ? 'trap' : 'done';
  }

  /** Is the next instruction at one of the breakpoints? */
  atBreakpoint(): boolean {
    const fr = this.frame;
    if (fr === null) return false;
    const off = offsetOf(fr.func.def!, fr.pc);
    return this.breakpoints.some((b) => (b.func === fr.index || b.func === fr.name) && (b.offset === undefined ? fr.pc === 0 : b.offset === off));
  }

  /** Executes one instruction. Throws if already done. */
  step(): Step {
    const fr = this.frame;
    if (fr === null) throw new Error('the stepper is done: the function has returned or trapped');
    const def = fr.func.def!;
    const r = new Reader(def.body, fr.pc);
    const ins = this.ins;
    readInstr(r, ins);
    const at = fr.pc;
    const offset = offsetOf(def, at);
    const text = instrText(ins, fr.func.instance!.module);
    const depth = this.frames.length;
    this.touched = [];
    fr.pc = r.pos;
    this.steps++;
    let trap: string | null = null;
    try {
      this.exec(fr, ins, at, offset);
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      this.trap = e;
      trap = e.message;
      this.frames.length = 0;
    }
    return { n: this.steps, func: fr.index, name: fr.name, offset, op: ins.op, text, depth, touched: this.touched, trap };
  }

  // -------------------------------------------------------------------------
  // The machine

  private push(v: StepValue): void {
    this.values.push(v);
  }

  private pop(): StepValue {
    return this.values.pop()!;
  }

  private popN(n: number): StepValue[] {
    return this.values.splice(this.values.length - n, n);
  }

  private i32(): number {
    return this.pop().lo | 0;
  }

  private num(type: ValType, lo: number, hi = 0): void {
    this.push({ type, lo: lo | 0, hi: type === I64 || type === F64 ? hi | 0 : 0, ref: null });
  }

  private index(f: FuncInst): number {
    let i = this.indexOf.get(f);
    if (i === undefined) {
      i = f.instance!.funcs.indexOf(f);
      this.indexOf.set(f, i);
    }
    return i;
  }

  /** "Invocation of function address": a new frame with the arguments and zeroed locals. */
  private enter(f: FuncInst, args: StepValue[]): void {
    if (this.frames.length >= this.maxDepth) trapExhausted();
    const def = f.def!;
    const locals = args.slice();
    for (const run of def.locals) for (let k = 0; k < run.count; k++) locals.push(zero(run.type));
    const index = this.index(f);
    const base = this.values.length;
    this.frames.push({
      func: f, index, name: funcName(f.instance!.module, index), locals, pc: 0, base,
      labels: [{ kind: 'function', arity: f.type.results.length, height: base, offset: offsetOf(def, 0), continuation: def.body.length }],
    });
  }

  /** Returns from the innermost frame with its results on top of the stack. */
  private leave(): void {
    const fr = this.frames.pop()!;
    const results = this.popN(fr.func.type.results.length);
    this.values.length = fr.base;
    for (const v of results) this.push(v);
    if (this.frames.length === 0) {
      this.resultValues = results;
      this.results = results.map(toBoundary);
    }
  }

  /** A call: steps into wasm functions, calls host functions through `invoke`. */
  private call(f: FuncInst): void {
    const args = this.popN(f.type.params.length);
    if (f.def !== null && f.instance !== null) {
      this.enter(f, args);
      return;
    }
    const out = invoke(f, args.map(toBoundary));
    f.type.results.forEach((t, k) => this.push(fromBoundary(t, out[k])));
  }

  /** "br l": keeps the label's arity of values, drops the rest down to it, continues after (or, for a loop, at) it. */
  private branch(fr: StepFrame, depth: number): void {
    const k = fr.labels.length - 1 - depth;
    const label = fr.labels[k]!;
    if (label.kind === 'function') {
      this.leave();
      return;
    }
    const kept = this.popN(label.arity);
    this.values.length = label.height;
    for (const v of kept) this.push(v);
    fr.labels.length = k;
    fr.pc = label.continuation;
  }

  private blockType(inst: Instance, bt: number): FuncType {
    if (bt === BLOCK_EMPTY) return { params: [], results: [] };
    const idx = blockTypeIndex(bt);
    return idx < 0 ? { params: [], results: [bt] } : inst.types[idx]!;
  }

  private pushLabel(fr: StepFrame, kind: StepLabel['kind'], t: FuncType, at: number, offset: number): void {
    const ends = endsOf(fr.func.def!);
    const continuation = kind === 'loop' ? at : ends.end.get(at)! + 1;
    fr.labels.push({ kind, arity: kind === 'loop' ? t.params.length : t.results.length, height: this.values.length - t.params.length, offset, continuation });
  }

  /** Operand words for the slow.ts operations: the values `vs` into scratch cells 0, 1, 2. */
  private words(...vs: StepValue[]): Int32Array {
    vs.forEach((v, k) => { W[2 * k] = v.lo; W[2 * k + 1] = v.hi; });
    return W;
  }

  private touch(memory: number, address: number, length: number, write: boolean): void {
    this.touched.push({ memory, address, length, write });
  }

  private exec(fr: StepFrame, ins: Instr, at: number, offset: number): void {
    const inst = fr.func.instance!;
    const op = ins.op;
    const numeric = NUMERIC[op];
    if (numeric !== undefined) {
      const args = this.popN(numeric.params.length);
      this.words(...args);
      numeric.run();
      this.num(numeric.result, W[4]!, W[5]!);
      return;
    }
    const mem = MEM_R[op]!;
    if (mem >= 0) {
      const m = inst.memories[ins.y]!;
      const width = 1 << OPCODES[op]![6];
      const loaded = MEM_OUT[op]!;
      if (loaded === 0) {
        const [a, v] = this.popN(2) as [StepValue, StepValue];
        this.words(a, v);
        this.touch(ins.y, effective(a, m.addr64, ins), width, true);
        storeX(m, mem, W, 0, 2, ins.lo, ins.hi);
      } else {
        const a = this.pop();
        this.words(a);
        this.touch(ins.y, effective(a, m.addr64, ins), width, false);
        loadX(m, mem, W, 4, 0, ins.lo, ins.hi);
        this.num(loaded, W[4]!, W[5]!);
      }
      return;
    }
    switch (op) {
      // Control instructions
      case Op.unreachable: trapUnreachable(); return;
      case Op.nop: return;
      case Op.block: this.pushLabel(fr, 'block', this.blockType(inst, ins.x), at, offset); return;
      case Op.loop: this.pushLabel(fr, 'loop', this.blockType(inst, ins.x), at, offset); return;
      case Op.if: {
        const c = this.i32();
        this.pushLabel(fr, 'if', this.blockType(inst, ins.x), at, offset);
        if (c === 0) {
          const ends = endsOf(fr.func.def!);
          const els = ends.else.get(at);
          fr.pc = els !== undefined ? els + 1 : ends.end.get(at)!;
        }
        return;
      }
      case Op.else: {
        // The end of the `then` arm: continue at the `end`, which exits the label.
        const label = fr.labels[fr.labels.length - 1]!;
        fr.pc = label.continuation - 1;
        return;
      }
      case Op.end:
        if (fr.labels.length > 1) fr.labels.pop();
        else this.leave();
        return;
      case Op.br: this.branch(fr, ins.x); return;
      case Op.br_if: if (this.i32() !== 0) this.branch(fr, ins.x); return;
      case Op.br_table: {
        const i = this.i32() >>> 0;
        this.branch(fr, i < ins.list.length ? ins.list[i]! : ins.x);
        return;
      }
      case Op.return: this.leave(); return;
      case Op.call: this.call(inst.funcs[ins.x]!); return;
      case Op.call_indirect: {
        const i = this.i32();
        this.call(indirectTarget(inst, canonicalTypeId(inst.types[ins.x]!), ins.y, i));
        return;
      }
      // Reference instructions
      case Op.ref_null: this.push({ type: ins.x, lo: 0, hi: 0, ref: null }); return;
      case Op.ref_is_null: this.num(I32, this.pop().ref === null ? 1 : 0); return;
      case Op.ref_func: {
        const f = inst.funcs[ins.x]!;
        this.push({ type: FUNCREF, lo: 0, hi: 0, ref: f });
        return;
      }
      // Parametric instructions
      case Op.drop: this.pop(); return;
      case Op.select: case Op.select_t: {
        const c = this.i32();
        const b = this.pop();
        const a = this.pop();
        this.push(c !== 0 ? a : b);
        return;
      }
      // Variable instructions
      case Op.local_get: this.push(fr.locals[ins.x]!); return;
      case Op.local_set: fr.locals[ins.x] = this.pop(); return;
      case Op.local_tee: fr.locals[ins.x] = this.values[this.values.length - 1]!; return;
      case Op.global_get: {
        const g = inst.globals[ins.x]!;
        this.push(isRef(g.type) ? { type: g.type, lo: 0, hi: 0, ref: g.ref } : { type: g.type, lo: g.bits[0]!, hi: g.bits[1]!, ref: null });
        return;
      }
      case Op.global_set: {
        const g = inst.globals[ins.x]!;
        const v = this.pop();
        if (isRef(g.type)) g.ref = v.ref;
        else { g.bits[0] = v.lo; g.bits[1] = v.hi; }
        return;
      }
      // Numeric constants
      case Op.i32_const: this.num(I32, ins.x); return;
      case Op.i64_const: this.num(I64, ins.lo, ins.hi); return;
      case Op.f32_const: this.num(F32, ins.x); return;
      case Op.f64_const: this.num(F64, ins.lo, ins.hi); return;
      // Memory instructions
      case Op.memory_size: {
        const m = inst.memories[ins.x]!;
        memorySizeX(m, W, 4);
        this.num(m.addr64 ? I64 : I32, W[4]!, W[5]!);
        return;
      }
      case Op.memory_grow: {
        const m = inst.memories[ins.x]!;
        memoryGrowX(m, this.words(this.pop()), 4, 0);
        this.num(m.addr64 ? I64 : I32, W[4]!, W[5]!);
        return;
      }
      case Op.memory_fill: {
        const [d, v, n] = this.popN(3) as [StepValue, StepValue, StepValue];
        this.touch(ins.x, u(d), u(n), true);
        memoryFillOp(inst, this.words(d, v, n), ins.x, 0, 2, 4);
        return;
      }
      case Op.memory_copy: {
        const [d, s, n] = this.popN(3) as [StepValue, StepValue, StepValue];
        this.touch(ins.y, u(s), u(n), false);
        this.touch(ins.x, u(d), u(n), true);
        memoryCopyOp(inst, this.words(d, s, n), ins.x, ins.y, 0, 2, 4);
        return;
      }
      case Op.memory_init: {
        const [d, s, n] = this.popN(3) as [StepValue, StepValue, StepValue];
        this.touch(ins.y, u(d), u(n), true);
        memoryInitOp(inst, this.words(d, s, n), ins.x, ins.y, 0, 2, 4);
        return;
      }
      case Op.data_drop: inst.datas[ins.x] = new Uint8Array(0); return;
      // Table instructions
      case Op.table_get: this.push({ type: inst.tables[ins.x]!.elemType, lo: 0, hi: 0, ref: tableGetOp(inst, this.words(this.pop()), ins.x, 0) }); return;
      case Op.table_set: {
        const [i, v] = this.popN(2) as [StepValue, StepValue];
        tableSetOp(inst, this.words(i), ins.x, 0, v.ref);
        return;
      }
      case Op.table_size: {
        tableSizeOp(inst, W, ins.x, 4);
        this.num(inst.tables[ins.x]!.addr64 ? I64 : I32, W[4]!, W[5]!);
        return;
      }
      case Op.table_grow: {
        const [v, n] = this.popN(2) as [StepValue, StepValue];
        tableGrowOp(inst, this.words(v, n), ins.x, 4, v.ref, 2);
        this.num(inst.tables[ins.x]!.addr64 ? I64 : I32, W[4]!, W[5]!);
        return;
      }
      case Op.table_fill: {
        const [i, v, n] = this.popN(3) as [StepValue, StepValue, StepValue];
        tableFillOp(inst, this.words(i, v, n), ins.x, 0, v.ref, 4);
        return;
      }
      case Op.table_copy: tableCopyOp(inst, this.words(...this.popN(3)), ins.x, ins.y, 0, 2, 4); return;
      case Op.table_init: tableInitOp(inst, this.words(...this.popN(3)), ins.x, ins.y, 0, 2, 4); return;
      case Op.elem_drop: inst.elems[ins.x] = []; return;
      default:
        throw new Error(`the stepper cannot execute ${opName(op)} yet (offset ${offset})`);
    }
  }
}

/** The unsigned value of an address or length operand (i32, or i64 for 64-bit memories and tables). */
function u(v: StepValue): number {
  return v.type === I64 ? (v.hi >>> 0) * 4294967296 + (v.lo >>> 0) : v.lo >>> 0;
}

/** The effective address of a load or store: the address operand plus the static offset. */
function effective(a: StepValue, addr64: boolean, ins: Instr): number {
  return (addr64 ? u(a) : a.lo >>> 0) + (ins.hi >>> 0) * 4294967296 + (ins.lo >>> 0);
}

/** The byte offset of body position `pc`: in the module's bytes when known, else in the body. */
function offsetOf(def: Func, pc: number): number {
  return def.bodyOffset >= 0 ? def.bodyOffset + pc : pc;
}
