/**
 * The compile-to-JS translator: one validated wasm function body → the
 * source text of a JavaScript function (made into a function by runtime.ts
 * with `new Function`, once, on the function's first call).
 *
 * Shape of the output. Structured control stays structured: `block` is a
 * labelled block `L3: { … }`, `loop` a labelled `L4: for (;;) { … break; }`,
 * `if` a labelled `if … else`, `br` a `break`/`continue` to the label,
 * `br_table` a `switch`. wasm locals are JS locals (`l0`, and `h0` for the high
 * word of an i64); every operand-stack slot k has JS variables of its own per
 * type (`s3` i32, `x3`/`y3` i64, `f3` f32, `d3` f64, `r3` reference). Value
 * representation: values.ts.
 *
 * Lazy operands. The translator keeps a model of the operand stack whose
 * entries are JS expressions not written anywhere yet: constants, local
 * reads, and pure operations that cannot trap (ops.ts). They are written into
 * the slot's variable ("materialized") only when needed: before a local they
 * read changes, at block boundaries, when an expression would read a slot
 * variable above its own (which later code may overwrite), or when it grows
 * long. Everything that can trap or has an effect (loads, stores, calls,
 * divisions, traps, globals, tables) is a statement emitted in program order,
 * so traps happen exactly where the interpreter's do.
 *
 * Safety: the output is built from this file's own text, numbers and indices
 * the validator checked; nothing from the module (names, custom sections,
 * data) is ever part of it (test/jstier/safety.test.ts).
 *
 * Refusal: an instruction or type this tier does not compile throws
 * `Unsupported`, and the function stays in the interpreter; new instructions
 * the interpreter learns therefore stay interpreted until added here.
 *
 * Deliberately not here: making the function and calling across tiers
 * (runtime.ts, bridge.ts); validation (the input must be valid).
 *
 * Spec: "Execution › Instructions"; fuel and call depth as in the
 * interpreter (src/interp/README.md, "Limits and fuel").
 */
import { Reader, readInstr } from '../decoder/index.js';
import { VALIDATED_BODY_FEATURES } from '../ast/features.js';
import { instr, type Instr } from '../ast/instr.js';
import { Op } from '../ast/op-ids.js';
import { BLOCK_EMPTY, F32, F64, FUNCREF, I32, I64, V128, isRef, type ValType } from '../ast/types.js';
import { f32FromBits, f64FromBits } from '../numeric/index.js';
import { canonicalTypeId, type FuncInst, type FuncType, type Instance } from '../interp/runtime.js';
import { I64_BY_HELPER, PURE, TRAPPING, type PureOp } from './ops.js';
import { HELPERS } from './helpers.js';
import { MAX_RESULTS, f32Unbox, f64Hi, f64Lo } from './values.js';

/** A pure operation evaluated at translation time (see `Gen.fold`). */
type Folder = (h: typeof HELPERS, a: number, b: number, c: number, d: number) => unknown;
const FOLDERS = new Map<number, Folder>();

/** Thrown for a function this tier does not compile (it stays interpreted). */
export class Unsupported extends Error {}

/** Longest lazy expression kept unwritten, in characters. */
const MAX_EXPR = 240;

/** The translator's output for one function. */
export interface Generated {
  /** Body of `new Function('H', 'R', 'K', source)`, which returns the function. */
  readonly source: string;
  /** NaN constants, read as `K[i]`: a Float64Array over these words (bit patterns never pass through a JS array). */
  readonly nans: Int32Array;
}

const enum Kind { Block, Loop, If, Func }

interface Ctrl {
  kind: Kind;
  height: number;
  params: readonly ValType[];
  results: readonly ValType[];
  label: string;
  used: boolean;
  /** Index in `out` of the opening line (its label is prefixed when used). */
  head: number;
  unreachable: boolean;
  /** If: an else was seen; and whether the then-branch's end was reachable. */
  hasElse: boolean;
  thenReachable: boolean;
  /** The enclosing fuel counter (restored at a loop's end). */
  fuel: number;
}

/** An operand-stack entry: a JS expression for the value (see the header). */
interface Entry {
  t: ValType;
  /** The value (i64: the low word). */
  e: string;
  /** i64: the high word. */
  h: string;
  /** For comparison results: the JS boolean expression; '' otherwise. */
  c: string;
  /** Locals the expression reads (null: none). */
  deps: number[] | null;
  /** Highest stack slot whose variable it reads (-1: none). */
  slot: number;
  /** A constant's bits (lo, hi words; f32: bits, 0), for folding; absent otherwise. */
  k?: readonly [number, number];
}

const EMPTY: readonly ValType[] = [];
const REFRESH = '\u0000refresh';

/** JS literal of an int32. */
function int(v: number): string {
  return v < 0 ? `(${v})` : String(v);
}

function union(a: number[] | null, b: number[] | null): number[] | null {
  if (a === null) return b;
  if (b === null) return a;
  return a.concat(b);
}

/** Translates `f` (a wasm function of a valid module) or throws `Unsupported`. */
export function generate(f: FuncInst): Generated {
  return new Gen(f).run();
}

class Gen {
  private readonly inst: Instance;
  private readonly fn: FuncInst;
  private readonly index: number;
  private readonly localTypes: ValType[] = [];
  private readonly out: string[] = [];
  private readonly stack: Entry[] = [];
  private readonly ctrls: Ctrl[] = [];
  private readonly vars = new Map<string, string>();
  private readonly helpers = new Set<string>();
  private readonly prelude = new Set<string>();
  private readonly memories = new Set<number>();
  /** NaN constants' (lo, hi) words. */
  private readonly nans: number[] = [];
  private labels = 0;
  /** Fuel: the current counter's index in `fuelCounts`, -1 without fuel. */
  private fuel = -1;
  private readonly fuelCounts: number[] = [];
  private readonly fuelLines: number[] = [];

  constructor(f: FuncInst) {
    this.fn = f;
    this.inst = f.instance!;
    this.index = this.inst.funcs.indexOf(f);
    for (const t of f.type.params) this.localTypes.push(t);
    for (const run of f.def!.locals) for (let i = 0; i < run.count; i++) this.localTypes.push(run.type);
    for (const t of this.localTypes) if (t === V128) throw new Unsupported('v128');
    if (f.type.results.length > MAX_RESULTS) throw new Unsupported('results');
  }

  run(): Generated {
    const def = this.fn.def!;
    const fuel = this.inst.store.fuelEnabled;
    this.ctrls.push({ kind: Kind.Func, height: 0, params: EMPTY, results: this.fn.type.results, label: '', used: false,
      head: -1, unreachable: false, hasElse: false, thenReachable: false, fuel: -1 });
    this.use('trapExhausted');
    this.emit(`if (dp >= ${this.inst.store.maxCallDepth}) trapExhausted();`);
    if (fuel) this.startFuel();
    const r = new Reader(def.body, 0, def.body.length, Math.max(def.bodyOffset, 0));
    r.features = VALIDATED_BODY_FEATURES;
    const ins = instr(0);
    let skip = 0;
    while (this.ctrls.length > 0) {
      readInstr(r, ins);
      const top = this.ctrls[this.ctrls.length - 1]!;
      const op = ins.op;
      if (top.unreachable) {
        if (op === Op.block || op === Op.loop || op === Op.if || op === Op.try || op === Op.try_table) skip++;
        else if (op === Op.end && skip > 0) skip--;
        else if ((op === Op.end || op === Op.else) && skip === 0) this.instr(op, ins);
        continue;
      }
      if (this.fuel >= 0) this.fuelCounts[this.fuel]!++;
      this.instr(op, ins);
    }
    return this.finish();
  }

  // -------------------------------------------------------------------------
  // Output

  private emit(line: string): void {
    this.out.push(line);
  }

  /** Declares a name generated code reads: a per-instance one (runtime.ts `Rt`) or a shared helper. */
  private use(h: string): string {
    if (INSTANCE_NAMES.has(h)) this.prelude.add(`const ${h} = R.${h};`);
    else this.helpers.add(h);
    return h;
  }

  /** Declares JS variable `name` (initial value `init`) and returns it. */
  private v(name: string, init: string): string {
    if (!this.vars.has(name)) this.vars.set(name, init);
    return name;
  }

  private startFuel(): void {
    this.use('trapFuel');
    this.fuel = this.fuelCounts.length;
    this.fuelCounts.push(0);
    this.fuelLines.push(this.out.length);
    this.emit('');
  }

  private finish(): Generated {
    const t = this.fn.type;
    const params: string[] = [];
    t.params.forEach((p, i) => {
      params.push(`l${i}`);
      if (p === I64) params.push(`h${i}`);
    });
    params.push('dp');
    for (let i = t.params.length; i < this.localTypes.length; i++) {
      const lt = this.localTypes[i]!;
      this.vars.set(`l${i}`, isRef(lt) ? 'null' : '0');
      if (lt === I64) this.vars.set(`h${i}`, '0');
    }
    this.fuelLines.forEach((line, k) => {
      this.out[line] = `if ((S.fuel -= ${this.fuelCounts[k]!}) < 0) trapFuel();`;
    });
    if (this.fuelLines.length > 0) this.prelude.add('const S = R.store;');
    const mems = [...this.memories].sort((a, b) => a - b);
    const refresh = mems.map((m) => `V${m} = M${m}.view; N${m} = V${m}.byteLength;`).join(' ');
    const body = this.out.map((l) => (l === REFRESH ? refresh : l)).filter((l) => l !== '');
    const decls = [...this.vars].map(([n, init]) => `${n} = ${init}`);
    for (const m of mems) {
      this.prelude.add(`const M${m} = R.M[${m}];`);
      decls.push(`V${m} = M${m}.view`, `N${m} = V${m}.byteLength`);
    }
    const src = [
      '"use strict";',
      this.helpers.size > 0 ? `const { ${[...this.helpers].sort().join(', ')} } = H;` : '',
      ...[...this.prelude].sort(),
      `return function w(${params.join(', ')}) {`,
      decls.length > 0 ? `let ${decls.join(', ')};` : '',
      ...body,
      '};',
    ].filter((l) => l !== '').join('\n');
    return { source: src, nans: Int32Array.from(this.nans) };
  }

  // -------------------------------------------------------------------------
  // Names

  /** The variable(s) of stack slot k for type t: [value or low word, high word]. */
  private slotVars(k: number, t: ValType): [string, string] {
    if (t === I32) return [this.v(`s${k}`, '0'), ''];
    if (t === I64) return [this.v(`x${k}`, '0'), this.v(`y${k}`, '0')];
    if (t === F32) return [this.v(`f${k}`, '0'), ''];
    if (t === F64) return [this.v(`d${k}`, '0'), ''];
    if (t === V128) throw new Unsupported('v128');
    return [this.v(`r${k}`, 'null'), ''];
  }

  /** A JS literal of f64 value x, whose bits are (lo, hi) (a NaN is read from K). */
  private f64Lit(x: number, lo: number, hi: number): string {
    if (x !== x) {
      this.nans.push(lo, hi);
      return `K[${(this.nans.length >> 1) - 1}]`;
    }
    if (x === Infinity) return '(1 / 0)';
    if (x === -Infinity) return '(-1 / 0)';
    if (x === 0 && 1 / x < 0) return '(-0)';
    return x < 0 ? `(${String(x)})` : String(x);
  }

  /** A constant entry of type t with bits (lo, hi) (an f32: its bits; never a NaN f32, which needs boxing at run time). */
  private constant(t: ValType, lo: number, hi: number): Entry {
    let e: string;
    if (t === I32) e = int(lo);
    else if (t === I64) e = int(lo);
    else if (t === F32) e = this.f64Lit(f32FromBits(lo), 0, 0);
    else e = this.f64Lit(f64FromBits(lo, hi), lo, hi);
    return { t, e, h: t === I64 ? int(hi) : '', c: '', deps: null, slot: -1, k: [lo, hi] };
  }

  /**
   * A pure operation on constants, computed now by the same code it would
   * run (so a NaN it makes has the bits the hardware gives at run time, not
   * whatever a JS parser's own constant folding of literals would give).
   */
  private fold(op: number, p: PureOp, ops: Entry[]): Entry {
    let ev = FOLDERS.get(op);
    if (ev === undefined) {
      const js = p.js('a', 'b', 'c', 'd');
      // The template text is this file's own (ops.ts); the operands are parameters.
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      ev = new Function('H', 'a', 'b', 'c', 'd', `const { ${HELPER_NAMES.join(', ')} } = H; return ${js};`) as Folder;
      FOLDERS.set(op, ev);
    }
    const arg = (i: number): number => {
      const en = ops[i]!;
      const [lo, hi] = en.k!;
      return en.t === F32 ? f32FromBits(lo) : en.t === F64 ? f64FromBits(lo, hi) : lo;
    };
    const hiOf = (i: number): number => ops[i]!.k![1];
    const r = (ops.length === 1
      ? (ops[0]!.t === I64 ? ev(HELPERS, arg(0), hiOf(0), 0, 0) : ev(HELPERS, arg(0), 0, 0, 0))
      : ops[0]!.t === I64 ? ev(HELPERS, arg(0), hiOf(0), arg(1), hiOf(1)) : ev(HELPERS, arg(0), arg(1), 0, 0)) as number;
    if (p.cond || p.out === I32) return this.constant(I32, Number(r) | 0, 0);
    if (p.out === F32) {
      const bits = f32Unbox(r);
      if ((bits & 0x7fffffff) > 0x7f800000) {
        // A NaN result: keep the statement form (boxed at run time by the same helper).
        const [d] = this.dest(F32);
        this.emit(`${d} = ${this.use('f32Box')}(${int(bits)});`);
        return { t: F32, e: d, h: '', c: '', deps: null, slot: this.h };
      }
      return this.constant(F32, bits, 0);
    }
    return this.constant(F64, f64Lo(r), f64Hi(r));
  }

  // -------------------------------------------------------------------------
  // The operand stack

  private get h(): number {
    return this.stack.length;
  }

  private push(en: Entry): void {
    const k = this.stack.length;
    this.stack.push(en);
    if (en.slot > k || en.e.length + en.h.length > MAX_EXPR) this.materialize(k);
  }

  /** Pushes the slot variables of position h for type t (after a statement wrote them). */
  private pushSlot(t: ValType): void {
    const k = this.stack.length;
    const [a, b] = this.slotVars(k, t);
    this.stack.push({ t, e: a, h: b, c: '', deps: null, slot: k });
  }

  private pop(): Entry {
    return this.stack.pop()!;
  }

  /** Is entry k its own slot variable already? */
  private inSlot(k: number): boolean {
    const en = this.stack[k]!;
    return en.slot === k && en.deps === null && en.e === this.slotVars(k, en.t)[0];
  }

  /** Writes entry k into its slot variable(s). */
  private materialize(k: number): void {
    if (this.inSlot(k)) return;
    const en = this.stack[k]!;
    const [a, b] = this.slotVars(k, en.t);
    if (en.t === I64) this.emit(`${a} = ${en.e}; ${b} = ${en.h};`);
    else this.emit(`${a} = ${en.e};`);
    this.stack[k] = { t: en.t, e: a, h: b, c: '', deps: null, slot: k };
  }

  /** Materializes every entry that reads a local (all locals, or only `local`). */
  private flushLocals(local = -1): void {
    for (let k = 0; k < this.stack.length; k++) {
      const d = this.stack[k]!.deps;
      if (d !== null && (local < 0 || d.includes(local))) this.materialize(k);
    }
  }

  /** Destination variables of a statement producing type t at the current top (position h). */
  private dest(t: ValType): [string, string] {
    return this.slotVars(this.stack.length, t);
  }

  /** The condition expression of an i32 entry. */
  private static cond(en: Entry): string {
    return en.c !== '' ? en.c : `(${en.e} !== 0)`;
  }

  /** Address operand (unsigned number) of an i32 or, for 64-bit memories and tables, i64 entry. */
  private addr(en: Entry, is64: boolean): string {
    return is64 ? `${this.use('u64')}(${en.e}, ${en.h})` : `(${en.e} >>> 0)`;
  }

  // -------------------------------------------------------------------------
  // Control

  private blockType(bt: number): [readonly ValType[], readonly ValType[]] {
    if (bt === BLOCK_EMPTY) return [EMPTY, EMPTY];
    if (bt >= 0) return [EMPTY, [bt]];
    const ft = this.inst.types[~bt];
    if (!ft) throw new Unsupported('block type');
    return [ft.params, ft.results];
  }

  private pushCtrl(kind: Kind, bt: number, open: string): Ctrl {
    const [params, results] = this.blockType(bt);
    for (const t of [...params, ...results]) if (t === V128) throw new Unsupported('v128');
    this.flushLocals();
    const height = this.h - params.length;
    for (let k = height; k < this.h; k++) this.materialize(k);
    const c: Ctrl = { kind, height, params, results, label: `L${this.labels++}`, used: false, head: this.out.length,
      unreachable: false, hasElse: false, thenReachable: false, fuel: this.fuel };
    this.emit(open);
    this.ctrls.push(c);
    return c;
  }

  private label(depth: number): Ctrl {
    return this.ctrls[this.ctrls.length - 1 - depth]!;
  }

  private setUnreachable(): void {
    const c = this.ctrls[this.ctrls.length - 1]!;
    c.unreachable = true;
    this.stack.length = c.height;
  }

  private resetStack(c: Ctrl, types: readonly ValType[]): void {
    this.stack.length = c.height;
    for (const t of types) this.pushSlot(t);
  }

  /** The statements returning the top n = results.length entries. */
  private returnCode(): string {
    const rs = this.fn.type.results;
    const n = rs.length;
    const base = this.h - n;
    if (n === 0) return 'return;';
    if (n === 1) {
      const en = this.stack[base]!;
      if (en.t === I64) return `${this.use('RH')}[0] = ${en.h}; return ${en.e};`;
      return `return ${en.e};`;
    }
    const parts: string[] = [];
    for (let j = 0; j < n; j++) {
      const en = this.stack[base + j]!;
      if (en.t === I64) parts.push(`${this.use('RV')}[${j}] = ${en.e}; ${this.use('RH')}[${j}] = ${en.h};`);
      else if (isRef(en.t)) parts.push(`${this.use('RR')}[${j}] = ${en.e};`);
      else parts.push(`${this.use('RV')}[${j}] = ${en.e};`);
    }
    parts.push('return;');
    return parts.join(' ');
  }

  /** The statements of a branch to label `depth` with the top entries as its values (nothing popped). */
  private branchCode(depth: number): string {
    const c = this.label(depth);
    if (c.kind === Kind.Func) return this.returnCode();
    const types = c.kind === Kind.Loop ? c.params : c.results;
    const n = types.length;
    const parts: string[] = [];
    for (let j = 0; j < n; j++) {
      const k = this.h - n + j;
      const en = this.stack[k]!;
      const [a, b] = this.slotVars(c.height + j, en.t);
      if (en.t === I64) {
        if (a !== en.e) parts.push(`${a} = ${en.e};`);
        if (b !== en.h) parts.push(`${b} = ${en.h};`);
      } else if (a !== en.e) parts.push(`${a} = ${en.e};`);
    }
    c.used = true;
    parts.push(c.kind === Kind.Loop ? `continue ${c.label};` : `break ${c.label};`);
    return parts.join(' ');
  }

  private end(): void {
    const c = this.ctrls.pop()!;
    const reachable = !c.unreachable;
    if (c.kind === Kind.Func) {
      if (reachable) this.emit(this.returnCode());
      return;
    }
    if (reachable) for (let k = this.h - c.results.length; k < this.h; k++) this.materialize(k);
    if (c.kind === Kind.Loop) {
      if (reachable) this.emit('break;');
      this.fuel = c.fuel;
    }
    this.emit('}');
    if (c.used) this.out[c.head] = `${c.label}: ${this.out[c.head]!}`;
    this.resetStack(c, c.results);
    let after = reachable || c.used;
    if (c.kind === Kind.Loop) after = reachable;
    if (c.kind === Kind.If) after = reachable || c.used || !c.hasElse || c.thenReachable;
    if (!after) this.setUnreachable();
  }

  // -------------------------------------------------------------------------
  // Instructions

  private instr(op: number, ins: Instr): void {
    const p = PURE.get(op);
    if (p !== undefined) return this.pure(op, p);
    const tr = TRAPPING.get(op);
    if (tr !== undefined) {
      const b = tr.ins.length === 2 ? this.pop() : null;
      const a = this.pop();
      const [d] = this.dest(I32);
      const js = tr.js(a.e, b ? b.e : '', '', '');
      this.helpersIn(js);
      this.emit(`${d} = ${js};`);
      this.pushSlot(I32);
      return;
    }
    if (op === Op.i64_mul) return this.i64Mul();
    if ((op === Op.i64_shl || op === Op.i64_shr_s || op === Op.i64_shr_u) && this.stack[this.h - 1]!.k !== undefined) {
      return this.i64ShiftConst(op);
    }
    const hp = I64_BY_HELPER.get(op);
    if (hp !== undefined) return this.i64Helper(hp.fn, hp.ins);
    switch (op) {
      case Op.unreachable:
        this.emit(`${this.use('trapUnreachable')}();`);
        this.setUnreachable();
        return;
      case Op.nop:
        return;
      case Op.block:
        this.pushCtrl(Kind.Block, ins.x, '{');
        return;
      case Op.loop:
        this.pushCtrl(Kind.Loop, ins.x, 'for (;;) {');
        if (this.inst.store.fuelEnabled) this.startFuel();
        return;
      case Op.if: {
        // The condition is pure and evaluated after the block's operands are
        // written to their slots: it reads only locals and its own slot, never theirs.
        const cnd = this.pop();
        this.pushCtrl(Kind.If, ins.x, `if (${Gen.cond(cnd)}) {`);
        return;
      }
      case Op.else: {
        const c = this.ctrls[this.ctrls.length - 1]!;
        c.thenReachable = !c.unreachable;
        if (c.thenReachable) for (let k = this.h - c.results.length; k < this.h; k++) this.materialize(k);
        c.hasElse = true;
        c.unreachable = false;
        this.emit('} else {');
        this.resetStack(c, c.params);
        return;
      }
      case Op.end:
        this.end();
        return;
      case Op.br:
        this.emit(this.branchCode(ins.x));
        this.setUnreachable();
        return;
      case Op.br_if: {
        const cnd = this.pop();
        this.emit(`if (${Gen.cond(cnd)}) { ${this.branchCode(ins.x)} }`);
        return;
      }
      case Op.br_table:
        this.brTable(ins.list, ins.x);
        this.setUnreachable();
        return;
      case Op.return:
        this.emit(this.returnCode());
        this.setUnreachable();
        return;
      case Op.call:
        this.call(this.inst.funcs[ins.x]!.type, ins.x === this.index ? 'w' : `${this.use('E')}[${ins.x}]`, null);
        return;
      case Op.call_indirect: {
        const ft = this.inst.types[ins.x];
        if (!ft) throw new Unsupported('call_indirect type');
        const idx = this.pop();
        this.call(ft, 'F', `F = ${this.use('indirect')}(${this.use('INST')}, ${canonicalTypeId(ft)}, ${ins.y}, ${idx.e});`);
        return;
      }
      case Op.drop:
        this.pop();
        return;
      case Op.select: case Op.select_t:
        this.select();
        return;
      case Op.local_get: {
        const t = this.localTypes[ins.x]!;
        this.push({ t, e: `l${ins.x}`, h: t === I64 ? `h${ins.x}` : '', c: '', deps: [ins.x], slot: -1 });
        return;
      }
      case Op.local_set: case Op.local_tee: {
        const en = this.pop();
        const x = ins.x;
        if (en.e !== `l${x}`) {
          this.flushLocals(x);
          if (en.t === I64) this.emit(`l${x} = ${en.e}; h${x} = ${en.h};`);
          else this.emit(`l${x} = ${en.e};`);
        }
        if (op === Op.local_tee) this.push({ t: en.t, e: `l${x}`, h: en.t === I64 ? `h${x}` : '', c: '', deps: [x], slot: -1 });
        return;
      }
      case Op.global_get:
        this.globalGet(ins.x);
        return;
      case Op.global_set:
        this.globalSet(ins.x);
        return;
      case Op.i32_const:
        this.push(this.constant(I32, ins.x | 0, 0));
        return;
      case Op.i64_const:
        this.push(this.constant(I64, ins.lo | 0, ins.hi | 0));
        return;
      case Op.f32_const: {
        const bits = ins.x | 0;
        const nan = (bits & 0x7fffffff) > 0x7f800000;
        // A NaN constant is boxed at run time by the same helper loads use.
        if (nan) {
          const [d] = this.dest(F32);
          this.emit(`${d} = ${this.use('f32Box')}(${int(bits)});`);
          this.pushSlot(F32);
        } else this.push(this.constant(F32, bits, 0));
        return;
      }
      case Op.f64_const:
        this.push(this.constant(F64, ins.lo | 0, ins.hi | 0));
        return;
      case Op.i64_add: case Op.i64_sub: case Op.i64_and: case Op.i64_or: case Op.i64_xor:
        this.i64Binary(op);
        return;
      case Op.i64_extend_i32_s: case Op.i64_extend_i32_u: {
        const a = this.pop();
        const [x, y] = this.dest(I64);
        this.emit(op === Op.i64_extend_i32_s ? `${x} = ${a.e}; ${y} = ${x} >> 31;` : `${x} = ${a.e}; ${y} = 0;`);
        this.pushSlot(I64);
        return;
      }
      case Op.i64_extend8_s: case Op.i64_extend16_s: case Op.i64_extend32_s: {
        const a = this.pop();
        const [x, y] = this.dest(I64);
        const sh = op === Op.i64_extend8_s ? 24 : op === Op.i64_extend16_s ? 16 : 0;
        this.emit(sh ? `${x} = (${a.e} << ${sh}) >> ${sh}; ${y} = ${x} >> 31;` : `${x} = ${a.e}; ${y} = ${x} >> 31;`);
        this.pushSlot(I64);
        return;
      }
      case Op.i64_reinterpret_f64: {
        const a = this.pop();
        const q = this.v('q', '0');
        const [x, y] = this.dest(I64);
        this.emit(`${q} = ${a.e}; ${x} = ${this.use('f64Lo')}(${q}); ${y} = ${this.use('f64Hi')}(${q});`);
        this.pushSlot(I64);
        return;
      }
      case Op.memory_size: {
        const m = this.mem(ins.x);
        const is64 = this.inst.memories[ins.x]!.addr64;
        const [x, y] = this.dest(is64 ? I64 : I32);
        this.emit(is64 ? `${x} = N${m} / 65536; ${y} = 0;` : `${x} = N${m} / 65536;`);
        this.pushSlot(is64 ? I64 : I32);
        return;
      }
      case Op.memory_grow: {
        const m = this.mem(ins.x);
        const is64 = this.inst.memories[ins.x]!.addr64;
        const a = this.pop();
        const [x, y] = this.dest(is64 ? I64 : I32);
        if (is64) {
          const q = this.v('q', '0');
          this.emit(`${q} = ${this.addr(a, true)}; ${x} = ${q} > 4294967295 ? -1 : M${m}.grow(${q}); ${y} = ${x} < 0 ? -1 : 0;`);
        } else this.emit(`${x} = M${m}.grow(${a.e} >>> 0);`);
        this.emit(REFRESH);
        this.pushSlot(is64 ? I64 : I32);
        return;
      }
      case Op.ref_null:
        this.push({ t: ins.x, e: 'null', h: '', c: '', deps: null, slot: -1 });
        return;
      case Op.ref_is_null: {
        const a = this.pop();
        const c = `(${a.e} === null)`;
        this.push({ t: I32, e: `(${c} ? 1 : 0)`, h: '', c, deps: a.deps, slot: a.slot });
        return;
      }
      case Op.ref_func:
        this.push({ t: FUNCREF, e: `${this.use('FN')}[${ins.x}]`, h: '', c: '', deps: null, slot: -1 });
        return;
      case Op.table_get: {
        const t = this.inst.tables[ins.x]!;
        const a = this.pop();
        const [d] = this.dest(t.elemType);
        this.emit(`${d} = ${this.use('tableGet')}(${this.use('T')}[${ins.x}], ${this.addr(a, t.addr64)});`);
        this.pushSlot(t.elemType);
        return;
      }
      case Op.table_set: {
        const t = this.inst.tables[ins.x]!;
        const v = this.pop();
        const a = this.pop();
        this.emit(`${this.use('tableSet')}(${this.use('T')}[${ins.x}], ${this.addr(a, t.addr64)}, ${v.e});`);
        return;
      }
      case Op.table_size: {
        const is64 = this.inst.tables[ins.x]!.addr64;
        const [x, y] = this.dest(is64 ? I64 : I32);
        this.emit(`${x} = ${this.use('T')}[${ins.x}].elements.length;${is64 ? ` ${y} = 0;` : ''}`);
        this.pushSlot(is64 ? I64 : I32);
        return;
      }
      case Op.table_grow: {
        const is64 = this.inst.tables[ins.x]!.addr64;
        const n = this.pop();
        const v = this.pop();
        const [x, y] = this.dest(is64 ? I64 : I32);
        const T = this.use('T');
        if (is64) {
          const q = this.v('q', '0');
          this.emit(`${q} = ${this.addr(n, true)}; ${x} = ${q} > 4294967295 ? -1 : ${T}[${ins.x}].grow(${q}, ${v.e}); ${y} = ${x} < 0 ? -1 : 0;`);
        } else this.emit(`${x} = ${T}[${ins.x}].grow(${n.e} >>> 0, ${v.e});`);
        this.pushSlot(is64 ? I64 : I32);
        return;
      }
      case Op.table_fill: {
        const is64 = this.inst.tables[ins.x]!.addr64;
        const n = this.pop();
        const v = this.pop();
        const a = this.pop();
        this.emit(`${this.use('tableFill')}(${this.use('T')}[${ins.x}], ${this.addr(a, is64)}, ${v.e}, ${this.addr(n, is64)});`);
        return;
      }
      case Op.table_copy: {
        const d64 = this.inst.tables[ins.x]!.addr64;
        const s64 = this.inst.tables[ins.y]!.addr64;
        const n = this.pop();
        const s = this.pop();
        const d = this.pop();
        const T = this.use('T');
        this.emit(`${this.use('tableCopy')}(${T}[${ins.x}], ${T}[${ins.y}], ${this.addr(d, d64)}, ${this.addr(s, s64)}, ${this.addr(n, d64 && s64)});`);
        return;
      }
      case Op.table_init: {
        const is64 = this.inst.tables[ins.y]!.addr64;
        const n = this.pop();
        const s = this.pop();
        const d = this.pop();
        this.emit(`${this.use('tableInit')}(${this.use('T')}[${ins.y}], ${this.use('EL')}[${ins.x}], ${this.addr(d, is64)}, ${s.e} >>> 0, ${n.e} >>> 0);`);
        return;
      }
      case Op.elem_drop:
        this.emit(`${this.use('EL')}[${ins.x}] = [];`);
        return;
      case Op.memory_fill: {
        const m = this.mem(ins.x);
        const is64 = this.inst.memories[ins.x]!.addr64;
        const n = this.pop();
        const v = this.pop();
        const d = this.pop();
        this.emit(`${this.use('memoryFill')}(M${m}, ${this.addr(d, is64)}, ${v.e}, ${this.addr(n, is64)});`);
        return;
      }
      case Op.memory_copy: {
        const md = this.mem(ins.x);
        const ms = this.mem(ins.y);
        const d64 = this.inst.memories[ins.x]!.addr64;
        const s64 = this.inst.memories[ins.y]!.addr64;
        const n = this.pop();
        const s = this.pop();
        const d = this.pop();
        this.emit(`${this.use('memoryCopy')}(M${md}, M${ms}, ${this.addr(d, d64)}, ${this.addr(s, s64)}, ${this.addr(n, d64 && s64)});`);
        return;
      }
      case Op.memory_init: {
        const m = this.mem(ins.y);
        const is64 = this.inst.memories[ins.y]!.addr64;
        const n = this.pop();
        const s = this.pop();
        const d = this.pop();
        this.emit(`${this.use('memoryInit')}(M${m}, ${this.use('DS')}[${ins.x}], ${this.addr(d, is64)}, ${s.e} >>> 0, ${n.e} >>> 0);`);
        return;
      }
      case Op.data_drop:
        this.emit(`${this.use('DS')}[${ins.x}] = ${this.use('EMPTY')};`);
        return;
      default:
        if (this.load(op, ins) || this.store(op, ins)) return;
        throw new Unsupported(`op ${op}`);
    }
  }

  /** Declares the helpers a template's text calls. */
  private helpersIn(js: string): void {
    for (const name of HELPER_NAMES) if (js.includes(`${name}(`)) this.use(name);
  }

  private pure(op: number, p: PureOp): void {
    const n = p.ins.length;
    const ops = this.stack.splice(this.h - n, n);
    if (ops.every((en) => en.k !== undefined)) {
      const f = this.fold(op, p, ops);
      if (f.slot >= 0) this.pushSlot(F32);
      else this.push(f);
      return;
    }
    const args: string[] = [];
    let deps: number[] | null = null;
    let slot = -1;
    for (const en of ops) {
      args.push(en.e);
      if (en.t === I64) args.push(en.h);
      deps = union(deps, en.deps);
      if (en.slot > slot) slot = en.slot;
    }
    const js = p.js(args[0] ?? '', args[1] ?? '', args[2] ?? '', args[3] ?? '');
    this.helpersIn(js);
    if (p.cond) this.push({ t: I32, e: `(${js} ? 1 : 0)`, h: '', c: js, deps, slot });
    else this.push({ t: p.out, e: js, h: '', c: '', deps, slot });
  }

  private i64Binary(op: number): void {
    const b = this.pop();
    const a = this.pop();
    const [x, y] = this.dest(I64);
    switch (op) {
      case Op.i64_add: {
        const t = this.v('t', '0');
        this.emit(`${t} = (${a.e} + ${b.e}) | 0; ${y} = (${a.h} + ${b.h} + ((${t} >>> 0) < (${a.e} >>> 0) ? 1 : 0)) | 0; ${x} = ${t};`);
        break;
      }
      case Op.i64_sub: {
        const t = this.v('t', '0');
        this.emit(`${t} = (${a.e} - ${b.e}) | 0; ${y} = (${a.h} - ${b.h} - ((${a.e} >>> 0) < (${b.e} >>> 0) ? 1 : 0)) | 0; ${x} = ${t};`);
        break;
      }
      default: {
        const o = op === Op.i64_and ? '&' : op === Op.i64_or ? '|' : '^';
        this.emit(`${x} = ${a.e} ${o} ${b.e}; ${y} = ${a.h} ${o} ${b.h};`);
      }
    }
    this.pushSlot(I64);
  }

  /** i64.mul: low word by `Math.imul`, high word from the cross terms and `umulh` (values.ts). */
  private i64Mul(): void {
    const b = this.pop();
    const a = this.pop();
    const [x, y] = this.dest(I64);
    const t = this.v('t', '0');
    const im = this.use('imul');
    this.emit(`${t} = ${im}(${a.e}, ${b.e}); ${y} = (${im}(${a.h}, ${b.e}) + ${im}(${a.e}, ${b.h}) + ${this.use('umulh')}(${a.e}, ${b.e})) | 0; ${x} = ${t};`);
    this.pushSlot(I64);
  }

  /** i64.shl/shr_s/shr_u by a constant count: word operations (the count is taken mod 64, as the spec says). */
  private i64ShiftConst(op: number): void {
    const k = this.pop().k![0] & 63;
    const a = this.pop();
    const [x, y] = this.dest(I64);
    const A = a.e;
    const B = a.h;
    if (k === 0) this.emit(`${x} = ${A}; ${y} = ${B};`);
    else if (op === Op.i64_shl) {
      this.emit(k < 32 ? `${y} = (${B} << ${k}) | (${A} >>> ${32 - k}); ${x} = ${A} << ${k};` : `${y} = ${A} << ${k - 32}; ${x} = 0;`);
    } else if (op === Op.i64_shr_u) {
      this.emit(k < 32 ? `${x} = (${A} >>> ${k}) | (${B} << ${32 - k}); ${y} = (${B} >>> ${k}) | 0;` : `${x} = (${B} >>> ${k - 32}) | 0; ${y} = 0;`);
    } else {
      this.emit(k < 32 ? `${x} = (${A} >>> ${k}) | (${B} << ${32 - k}); ${y} = ${B} >> ${k};` : `${x} = ${B} >> ${k - 32}; ${y} = ${B} >> 31;`);
    }
    this.pushSlot(I64);
  }

  /** An i64 result from a src/numeric function on the scratch words W. */
  private i64Helper(fn: string, ins: readonly ValType[]): void {
    const W = this.use('W');
    this.use(fn);
    if (ins.length === 2) {
      const b = this.pop();
      const a = this.pop();
      const [x, y] = this.dest(I64);
      this.emit(`${W}[0] = ${a.e}; ${W}[1] = ${a.h}; ${W}[2] = ${b.e}; ${W}[3] = ${b.h}; ${fn}(${W}, 0, 0, 2); ${x} = ${W}[0]; ${y} = ${W}[1];`);
    } else if (ins[0] === I64) {
      const a = this.pop();
      const [x, y] = this.dest(I64);
      this.emit(`${W}[0] = ${a.e}; ${W}[1] = ${a.h}; ${fn}(${W}, 0, 0); ${x} = ${W}[0]; ${y} = ${W}[1];`);
    } else {
      const a = this.pop();
      const [x, y] = this.dest(I64);
      this.emit(`${fn}(${W}, 0, ${a.e}); ${x} = ${W}[0]; ${y} = ${W}[1];`);
    }
    this.pushSlot(I64);
  }

  private select(): void {
    const cnd = this.pop();
    const b = this.pop();
    const a = this.pop();
    const cs = Gen.cond(cnd);
    if (a.t === I64) {
      const [x, y] = this.dest(I64);
      const t = this.v('t', '0');
      this.emit(`${t} = ${cs} ? 1 : 0; if (${t} !== 0) { ${x} = ${a.e}; ${y} = ${a.h}; } else { ${x} = ${b.e}; ${y} = ${b.h}; }`);
      this.pushSlot(I64);
      return;
    }
    this.push({ t: a.t, e: `(${cs} ? ${a.e} : ${b.e})`, h: '', c: '', deps: union(union(a.deps, b.deps), cnd.deps),
      slot: Math.max(a.slot, b.slot, cnd.slot) });
  }

  /** Arguments and results of a call through `callee` (an expression), after `pre` (the indirect lookup). */
  private call(ft: FuncType, callee: string, pre: string | null): void {
    for (const t of [...ft.params, ...ft.results]) if (t === V128) throw new Unsupported('v128');
    if (ft.results.length > MAX_RESULTS) throw new Unsupported('results');
    const n = ft.params.length;
    const args = this.stack.splice(this.h - n, n);
    const list: string[] = [];
    for (const en of args) {
      list.push(en.e);
      if (en.t === I64) list.push(en.h);
    }
    list.push('dp + 1');
    if (pre !== null) {
      this.v('F', 'null');
      this.emit(pre);
    }
    const callExpr = `${callee}(${list.join(', ')})`;
    const rs = ft.results;
    if (rs.length === 0) this.emit(`${callExpr};`);
    else if (rs.length === 1) {
      const [a, b] = this.dest(rs[0]!);
      this.emit(rs[0] === I64 ? `${a} = ${callExpr}; ${b} = ${this.use('RH')}[0];` : `${a} = ${callExpr};`);
    } else {
      const parts = [`${callExpr};`];
      const base = this.h;
      rs.forEach((t, j) => {
        const [a, b] = this.slotVars(base + j, t);
        if (t === I64) parts.push(`${a} = ${this.use('RV')}[${j}] | 0; ${b} = ${this.use('RH')}[${j}];`);
        else if (t === I32) parts.push(`${a} = ${this.use('RV')}[${j}] | 0;`);
        else if (isRef(t)) parts.push(`${a} = ${this.use('RR')}[${j}];`);
        else parts.push(`${a} = ${this.use('RV')}[${j}];`);
      });
      this.emit(parts.join(' '));
    }
    this.emit(REFRESH);
    for (const t of rs) this.pushSlot(t);
  }

  private brTable(labels: readonly number[], dflt: number): void {
    const idx = this.pop();
    const groups = new Map<number, string[]>();
    labels.forEach((depth, i) => {
      if (depth === dflt) return;
      let g = groups.get(depth);
      if (!g) groups.set(depth, (g = []));
      g.push(`case ${i}:`);
    });
    const parts = [`switch (${idx.e}) {`];
    for (const [depth, cases] of groups) parts.push(`${cases.join(' ')} { ${this.branchCode(depth)} }`);
    parts.push(`default: { ${this.branchCode(dflt)} }`, '}');
    this.emit(parts.join(' '));
  }

  // -------------------------------------------------------------------------
  // Globals

  private globalGet(x: number): void {
    const g = this.inst.globals[x]!;
    const t = g.type;
    if (!g.mutable && !isRef(t) && t !== V128) {
      // An immutable global's value is fixed before any code runs: a constant.
      const lo = g.bits[0]!;
      const hi = g.bits[1]!;
      if (t !== F32 || (lo & 0x7fffffff) <= 0x7f800000) this.push(this.constant(t, lo, t === I32 || t === F32 ? 0 : hi));
      else this.globalRead(x, t);
      return;
    }
    this.globalRead(x, t);
  }

  private globalRead(x: number, t: ValType): void {
    if (t === V128) throw new Unsupported('v128');
    const [a, b] = this.dest(t);
    if (isRef(t)) {
      this.prelude.add(`const O${x} = R.G[${x}];`);
      this.emit(`${a} = O${x}.ref;`);
    } else if (t === F64) {
      this.prelude.add(`const D${x} = new Float64Array(R.G[${x}].bits.buffer, 0, 1);`);
      this.emit(`${a} = D${x}[0];`);
    } else {
      this.prelude.add(`const G${x} = R.G[${x}].bits;`);
      if (t === I32) this.emit(`${a} = G${x}[0];`);
      else if (t === I64) this.emit(`${a} = G${x}[0]; ${b} = G${x}[1];`);
      else this.emit(`${a} = ${this.use('f32Box')}(G${x}[0]);`);
    }
    this.pushSlot(t);
  }

  private globalSet(x: number): void {
    const t = this.inst.globals[x]!.type;
    if (t === V128) throw new Unsupported('v128');
    const en = this.pop();
    if (isRef(t)) {
      this.prelude.add(`const O${x} = R.G[${x}];`);
      this.emit(`O${x}.ref = ${en.e};`);
    } else if (t === F64) {
      this.prelude.add(`const D${x} = new Float64Array(R.G[${x}].bits.buffer, 0, 1);`);
      this.emit(`D${x}[0] = ${en.e};`);
    } else {
      this.prelude.add(`const G${x} = R.G[${x}].bits;`);
      if (t === I32) this.emit(`G${x}[0] = ${en.e};`);
      else if (t === I64) this.emit(`G${x}[0] = ${en.e}; G${x}[1] = ${en.h};`);
      else this.emit(`G${x}[0] = ${this.use('f32Unbox')}(${en.e});`);
    }
  }

  // -------------------------------------------------------------------------
  // Memory

  private mem(x: number): number {
    if (!this.inst.memories[x]) throw new Unsupported('memory');
    this.memories.add(x);
    return x;
  }

  /** `e = effective address; bounds check` for an access of `width` bytes; returns the address variable. */
  private ea(addrEntry: Entry, ins: Instr, width: number): [string, number] {
    const m = this.mem(ins.y);
    const is64 = this.inst.memories[m]!.addr64;
    const off = (ins.hi >>> 0) * 4294967296 + (ins.lo >>> 0);
    const e = this.v('e', '0');
    const base = this.addr(addrEntry, is64);
    const sum = off === 0 ? base : `${base} + ${off}`;
    this.emit(`if ((${e} = ${sum}) > N${m} - ${width}) ${this.use('trapMemory')}();`);
    return [e, m];
  }

  private load(op: number, ins: Instr): boolean {
    const L = LOADS.get(op);
    if (L === undefined) return false;
    const a = this.pop();
    const [e, m] = this.ea(a, ins, L.width);
    const V = `V${m}`;
    const [x, y] = this.dest(L.t);
    switch (op) {
      case Op.i64_load:
        this.emit(`${x} = ${V}.getInt32(${e}, true); ${y} = ${V}.getInt32(${e} + 4, true);`);
        break;
      case Op.f32_load:
        this.emit(`${x} = ${V}.getFloat32(${e}, true); if (${x} !== ${x}) ${x} = ${this.use('f32Box')}(${V}.getInt32(${e}, true));`);
        break;
      default:
        if (L.t === I64) {
          this.emit(`${x} = ${V}.${L.get}(${e}${L.width > 1 ? ', true' : ''}); ${y} = ${L.signed ? `${x} >> 31` : '0'};`);
        } else this.emit(`${x} = ${V}.${L.get}(${e}${L.width > 1 ? ', true' : ''});`);
    }
    this.pushSlot(L.t);
    return true;
  }

  private store(op: number, ins: Instr): boolean {
    const S = STORES.get(op);
    if (S === undefined) return false;
    const v = this.pop();
    const a = this.pop();
    const [e, m] = this.ea(a, ins, S.width);
    const V = `V${m}`;
    switch (op) {
      case Op.i64_store:
        this.emit(`${V}.setInt32(${e}, ${v.e}, true); ${V}.setInt32(${e} + 4, ${v.h}, true);`);
        break;
      case Op.f32_store: {
        const q = this.v('q', '0');
        this.emit(`${q} = ${v.e}; if (${q} === ${q}) ${V}.setFloat32(${e}, ${q}, true); else ${V}.setInt32(${e}, ${this.use('f32Unbox')}(${q}), true);`);
        break;
      }
      default:
        this.emit(`${V}.${S.set}(${e}, ${v.e}${S.width > 1 ? ', true' : ''});`);
    }
    return true;
  }
}

/** Names generated code reads from its instance's runtime record (runtime.ts `Rt`); the rest come from the helpers. */
const INSTANCE_NAMES: ReadonlySet<string> = new Set(['E', 'FN', 'T', 'EL', 'DS', 'INST']);

/** Every helper name a pure template may call (collected from generated text). */
const HELPER_NAMES = [
  'i32_ctz', 'i32_popcnt', 'i32_rotl', 'i32_rotr', 'f64_min', 'f64_max', 'f64_ceil', 'f64_floor', 'f64_trunc',
  'f64_nearest', 'f32_demote_f64', 'f64_promote_f32', 'i32_trunc_sat_f64_s', 'i32_trunc_sat_f64_u',
  'f64_convert_i64_s', 'f64_convert_i64_u', 'f32_convert_i64_s', 'f32_convert_i64_u', 'f32Box', 'f32Unbox',
  'copysign', 'f64Of', 'fround', 'imul', 'clz32', 'abs', 'sqrt', 'i32_div_s', 'i32_div_u', 'i32_rem_s', 'i32_rem_u',
  'i32_trunc_f64_s', 'i32_trunc_f64_u',
];

interface LoadRow { t: ValType; width: number; get: string; signed: boolean }
interface StoreRow { width: number; set: string }

/** Loads: result type, width, DataView getter, sign extension of an i64's high word. */
const LOADS: ReadonlyMap<number, LoadRow> = new Map<number, LoadRow>([
  [Op.i32_load, { t: I32, width: 4, get: 'getInt32', signed: true }],
  [Op.i64_load, { t: I64, width: 8, get: 'getInt32', signed: true }],
  [Op.f32_load, { t: F32, width: 4, get: 'getFloat32', signed: true }],
  [Op.f64_load, { t: F64, width: 8, get: 'getFloat64', signed: true }],
  [Op.i32_load8_s, { t: I32, width: 1, get: 'getInt8', signed: true }],
  [Op.i32_load8_u, { t: I32, width: 1, get: 'getUint8', signed: false }],
  [Op.i32_load16_s, { t: I32, width: 2, get: 'getInt16', signed: true }],
  [Op.i32_load16_u, { t: I32, width: 2, get: 'getUint16', signed: false }],
  [Op.i64_load8_s, { t: I64, width: 1, get: 'getInt8', signed: true }],
  [Op.i64_load8_u, { t: I64, width: 1, get: 'getUint8', signed: false }],
  [Op.i64_load16_s, { t: I64, width: 2, get: 'getInt16', signed: true }],
  [Op.i64_load16_u, { t: I64, width: 2, get: 'getUint16', signed: false }],
  [Op.i64_load32_s, { t: I64, width: 4, get: 'getInt32', signed: true }],
  [Op.i64_load32_u, { t: I64, width: 4, get: 'getInt32', signed: false }],
]);

/** Stores: width and DataView setter (i64 forms store the low word). */
const STORES: ReadonlyMap<number, StoreRow> = new Map<number, StoreRow>([
  [Op.i32_store, { width: 4, set: 'setInt32' }],
  [Op.i64_store, { width: 8, set: 'setInt32' }],
  [Op.f32_store, { width: 4, set: 'setFloat32' }],
  [Op.f64_store, { width: 8, set: 'setFloat64' }],
  [Op.i32_store8, { width: 1, set: 'setInt8' }],
  [Op.i32_store16, { width: 2, set: 'setInt16' }],
  [Op.i64_store8, { width: 1, set: 'setInt8' }],
  [Op.i64_store16, { width: 2, set: 'setInt16' }],
  [Op.i64_store32, { width: 4, set: 'setInt32' }],
]);
