/**
 * The translator: a validated function body (stack code, as bytes) → register
 * code (isa.ts), once, on the function's first call.
 *
 * How the operand stack becomes registers. Stack slot k has a *home*
 * register, the frame cell `locals + k`. The translator keeps, per slot, where
 * its value is right now:
 * - HOME: in its home register (the result of an instruction, a block result);
 * - LOCAL: still in local x (`local.get` emits nothing);
 * - CONST: a constant not yet written anywhere (`i32.const` emits nothing);
 * - ADDIMM: register + i32 constant, not computed yet: a load or store using
 *   it as its address takes both registers (`_rr` forms), so pointer
 *   arithmetic like `p + 8` costs no instruction of its own.
 * An instruction reads its operands wherever they are (constants become the
 * immediate of an `_imm` form where one exists, else are written to their
 * home first) and writes its result to the home of the slot it pushes.
 *
 * Rewrites that save instructions:
 * - `local.set x`/`local.tee x` right after the instruction that produced the
 *   value retarget that instruction's destination to local x, unless a label
 *   was bound in between (another path could reach the set).
 * - `br_if`/`if` right after an i32 comparison or `eqz` replace it by one
 *   compare-and-branch instruction.
 * - A slot that still reads local x is copied to its home before x changes,
 *   and every LOCAL slot is copied at block boundaries, so at any label all
 *   slots below the label's values have the same location on every path.
 *
 * Branches move the label's values into the homes of the label's slots;
 * forward targets are patched when the block ends. Code after `br`, `return`
 * and `unreachable` is skipped up to the matching `else`/`end`. Iterative:
 * nesting depth costs no host stack.
 *
 * Calls: the arguments are written to consecutive homes, and that window
 * becomes the callee's frame (its parameters), so arguments are never copied
 * again; the callee leaves its results in its first cells, which are the
 * caller's homes of the result slots.
 *
 * Deliberately not here: validation (the input must be valid; a malformed
 * body gives an arbitrary `Error`), SIMD, exceptions, tail calls, GC,
 * multi-memory and memory64 (they throw "not supported").
 *
 * Spec: "Execution › Instructions" (what each instruction does), "Validation
 * › Instructions" (the stack shapes relied upon).
 */
import { Reader, readInstr } from '../decoder/index.js';
import { instr, type Instr } from '../ast/instr.js';
import { Op } from '../ast/op-ids.js';
import { opName } from '../ast/opcodes.js';
import { BLOCK_EMPTY, F32, F64, FUNCREF, I32, I64, isRef, type ValType } from '../ast/types.js';
import { R } from './isa-ids.js';
import { ISA_DEST } from './isa.js';
import {
  ADD_BR_OF, ADDR_BR_OF, BR_OF, BR_OF_NEG, IMM_R, MEM_OPERAND_R, MEM_OUT, MEM_R, RR_R, SIMPLE_IN, SIMPLE_OUT, SIMPLE_R,
  STORE_RESULT_R, SWAP_BR,
  SWAP_IMM_R,
} from './ops.js';
import { canonicalTypeId, type Compiled, type FuncInst, type FuncType, type Instance } from './runtime.js';

/** Where a stack slot's value is. */
const enum Loc {
  Home,
  Local,
  Const,
  /** Register `val` plus the i32 constant `hi`, not computed yet (an address, usually). */
  AddImm,
}

const enum Kind {
  Block,
  Loop,
  If,
  Else,
  Func,
}

/** A control frame of the translator (a label). */
interface Ctrl {
  kind: Kind;
  /** Stack height below the block's parameters. */
  height: number;
  params: readonly ValType[];
  results: readonly ValType[];
  /** Loop: the code index of its start. */
  target: number;
  /** Code positions of forward jumps to this block's end. */
  fixups: number[];
  /** If: position of the jump taken when the condition is false (-1 once used). */
  elseFixup: number;
  /** Code after a `br`/`return`/`unreachable` in this block is being skipped. */
  unreachable: boolean;
  /** The enclosing `fuel` amount's position, restored when a loop ends. */
  fuelPos: number;
}

const EMPTY: readonly ValType[] = [];
/** Most constant pool cells per function (constants beyond it are written where used). */
const MAX_POOL_CELLS = 256;

/** The compare-and-branch instructions whose second operand is an immediate. */
const IMM_BR: ReadonlySet<number> = new Set([R.br_eq_imm, R.br_ne_imm, R.br_lt_s_imm, R.br_lt_u_imm, R.br_gt_s_imm,
  R.br_gt_u_imm, R.br_le_s_imm, R.br_le_u_imm, R.br_ge_s_imm, R.br_ge_u_imm]);

/** i32 operation `r` on constants a and b, or null if it is not folded. */
function foldI32(r: number, a: number, b: number): number | null {
  switch (r) {
    case R.i32_add: return (a + b) | 0;
    case R.i32_sub: return (a - b) | 0;
    case R.i32_mul: return Math.imul(a, b);
    case R.i32_and: return a & b;
    case R.i32_or: return a | b;
    case R.i32_xor: return a ^ b;
    case R.i32_shl: return a << b;
    case R.i32_shr_s: return a >> b;
    case R.i32_shr_u: return (a >>> b) | 0;
    default: return null;
  }
}

/** How many constant instructions `body` has (an upper bound on its distinct constants). */
function countConstants(body: Uint8Array): number {
  const r = new Reader(body);
  const ins = instr(0);
  let n = 0;
  while (r.pos < r.end) {
    readInstr(r, ins);
    if (ins.op === Op.i32_const || ins.op === Op.i64_const || ins.op === Op.f32_const || ins.op === Op.f64_const) n++;
  }
  return n;
}

/** Translates `fn`'s body (fn must be a wasm function of a valid module). */
export function translate(fn: FuncInst): Compiled {
  return new Translator(fn).run();
}

class Translator {
  private readonly inst: Instance;
  private readonly fn: FuncInst;
  private readonly localTypes: ValType[] = [];
  private readonly nLocals: number;
  private readonly fuel: boolean;

  private code = new Int32Array(256);
  private len = 0;

  // The operand stack model.
  private readonly loc: Loc[] = [];
  private readonly val: number[] = [];
  private readonly hi: number[] = [];
  private readonly type: ValType[] = [];
  private h = 0;
  private maxH = 0;

  private readonly ctrls: Ctrl[] = [];
  /** Code index of the last label bound: no rewrite may look back across it. */
  private labelPos = 0;
  /** Start of the last emitted instruction, and the index of its `d` operand (-1: none). */
  private lastStart = -1;
  /** Start of the instruction before the last one (-1: none). */
  private prevStart = -1;
  private lastDest = -1;
  /** Index of the current `fuel` instruction's amount (-1 without fuel). */
  private fuelPos = -1;

  // The constant pool: `poolCells` cells between the locals and the
  // temporaries (sized by counting the body's constants first), filled on
  // entry. Temporaries come last because a callee's frame starts at the
  // caller's argument window and may extend past the caller's frame.
  private readonly poolIndex = new Map<string, number>();
  private readonly poolWords: number[] = [];
  private readonly poolCells: number;

  constructor(fn: FuncInst) {
    this.fn = fn;
    this.inst = fn.instance!;
    const def = fn.def!;
    for (const t of fn.type.params) this.localTypes.push(t);
    for (const run of def.locals) for (let i = 0; i < run.count; i++) this.localTypes.push(run.type);
    this.nLocals = this.localTypes.length;
    this.fuel = this.inst.store.fuelEnabled;
    this.poolCells = Math.min(countConstants(def.body), MAX_POOL_CELLS);
  }

  run(): Compiled {
    const def = this.fn.def!;
    const results = this.fn.type.results;
    this.ctrls.push({ kind: Kind.Func, height: 0, params: EMPTY, results, target: 0, fixups: [], elseFixup: -1,
      unreachable: false, fuelPos: -1 });
    if (this.fuel) this.startFuel();
    const r = new Reader(def.body, 0, def.body.length, Math.max(def.bodyOffset, 0));
    const ins = instr(0);
    let skip = 0; // nesting depth inside skipped (unreachable) code
    while (this.ctrls.length > 0) {
      readInstr(r, ins);
      const top = this.ctrls[this.ctrls.length - 1]!;
      if (top.unreachable) {
        const op = ins.op;
        if (op === Op.block || op === Op.loop || op === Op.if) skip++;
        else if (op === Op.end && skip > 0) skip--;
        else if ((op === Op.end || op === Op.else) && skip === 0) this.instr(ins.op, ins);
        continue;
      }
      if (this.fuelPos >= 0) this.code[this.fuelPos]++;
      this.instr(ins.op, ins);
    }
    const nParams = this.fn.type.params.length;
    const refLocals: number[] = [];
    for (let i = nParams; i < this.nLocals; i++) if (isRef(this.localTypes[i]!)) refLocals.push(i);
    const poolAt = this.nLocals * 2;
    const cells = Math.max(this.nLocals + this.poolCells + this.maxH, results.length, 1);
    return {
      code: this.code.slice(0, this.len),
      frameWords: cells * 2,
      pool: this.poolWords.length ? Int32Array.from(this.poolWords) : null,
      poolAt,
      zeroFrom: nParams * 2,
      zeroTo: this.nLocals * 2,
      refLocals: refLocals.length ? Int32Array.from(refLocals) : null,
      instance: this.inst,
    };
  }

  // -------------------------------------------------------------------------
  // Emission

  private put(w: number): void {
    if (this.len === this.code.length) {
      const c = new Int32Array(this.code.length * 2);
      c.set(this.code);
      this.code = c;
    }
    this.code[this.len++] = w;
  }

  /** Emits register instruction `r` with its operands. */
  private op(r: number, ...operands: number[]): void {
    this.prevStart = this.lastStart;
    this.lastStart = this.len;
    const d = ISA_DEST[r]!;
    this.lastDest = d ? this.len + d : -1;
    this.put(r);
    for (const o of operands) this.put(o);
  }

  /** The pool register holding constant (t, lo, hi), or -1 when the pool is full. */
  private poolReg(t: ValType, lo: number, hi: number): number {
    const wide = t === I64 || t === F64;
    const key = `${lo}:${wide ? hi : 0}`;
    let i = this.poolIndex.get(key);
    if (i === undefined) {
      i = this.poolWords.length >> 1;
      if (i >= this.poolCells) return -1;
      this.poolIndex.set(key, i);
      this.poolWords.push(lo, wide ? hi : 0);
    }
    return (this.nLocals + i) << 1;
  }

  /** Marks the current position as a jump target. */
  private bindLabel(): void {
    this.labelPos = this.len;
    this.lastDest = -1;
  }

  private startFuel(): void {
    this.op(R.fuel, 0);
    this.fuelPos = this.len - 1;
  }

  private home(k: number): number {
    return (this.nLocals + this.poolCells + k) << 1;
  }

  private move(dst: number, src: number, t: ValType): void {
    if (dst === src) return;
    this.op(t === I32 || t === F32 ? R.mov32 : t === I64 ? R.mov64 : t === F64 ? R.mov_f64 : R.mov_ref, dst, src);
  }

  private constTo(dst: number, t: ValType, lo: number, hi: number): void {
    if (t === I32 || t === F32) this.op(R.const32, dst, lo);
    else this.op(R.const64, dst, lo, hi);
  }

  /** Writes slot k's value to register `dst` (no change to the model). */
  private copySlot(k: number, dst: number): void {
    const l = this.loc[k]!;
    if (l === Loc.AddImm) this.op(R.i32_add_imm, dst, this.val[k]!, this.hi[k]!);
    else if (l === Loc.Const) this.constTo(dst, this.type[k]!, this.val[k]!, this.hi[k]!);
    else this.move(dst, l === Loc.Local ? this.val[k]! << 1 : this.home(k), this.type[k]!);
  }

  // -------------------------------------------------------------------------
  // The stack model

  private push(t: ValType): number {
    const k = this.h++;
    this.loc[k] = Loc.Home;
    this.type[k] = t;
    if (this.h > this.maxH) this.maxH = this.h;
    return this.home(k);
  }

  private pushConst(t: ValType, lo: number, hi: number): void {
    const k = this.h++;
    this.loc[k] = Loc.Const;
    this.type[k] = t;
    this.val[k] = lo;
    this.hi[k] = hi;
    if (this.h > this.maxH) this.maxH = this.h;
  }

  /** Moves slot k's value into its home (if it is not there yet). */
  private materialize(k: number): void {
    if (this.loc[k] === Loc.Home) return;
    this.copySlot(k, this.home(k));
    this.loc[k] = Loc.Home;
  }

  /** The register holding slot k's value (a constant's pool cell, or its home when the pool is full). */
  private reg(k: number): number {
    const l = this.loc[k]!;
    if (l === Loc.Local) return this.val[k]! << 1;
    if (l === Loc.Const) {
      const p = this.poolReg(this.type[k]!, this.val[k]!, this.hi[k]!);
      if (p !== -1) return p;
    }
    this.materialize(k);
    return this.home(k);
  }

  /** Pops the top slot and returns its register. */
  private popReg(): number {
    const r = this.reg(this.h - 1);
    this.h--;
    return r;
  }

  /**
   * Materializes every slot that reads local `local` (all locals if -1), and
   * with -1 every pending add too: before a label or a change of that local.
   */
  private materializeLocals(from = 0, local = -1): void {
    for (let k = from; k < this.h; k++) {
      const l = this.loc[k];
      if (l === Loc.Local && (local < 0 || this.val[k] === local)) this.materialize(k);
      else if (l === Loc.AddImm && (local < 0 || this.val[k] === local << 1)) this.materialize(k);
    }
  }

  /** Can the last instruction's destination (slot k's home) be retargeted? */
  private canRetarget(k: number): boolean {
    return this.loc[k] === Loc.Home && this.lastDest >= 0 && this.lastStart >= this.labelPos
      && this.code[this.lastDest] === this.home(k);
  }

  // -------------------------------------------------------------------------
  // Control

  private blockType(bt: number): [readonly ValType[], readonly ValType[]] {
    if (bt === BLOCK_EMPTY) return [EMPTY, EMPTY];
    if (bt >= 0) return [EMPTY, [bt]];
    const ft = this.inst.types[~bt]!;
    return [ft.params, ft.results];
  }

  private pushCtrl(kind: Kind, bt: number): Ctrl {
    const [params, results] = this.blockType(bt);
    this.materializeLocals();
    for (let k = this.h - params.length; k < this.h; k++) this.materialize(k);
    const c: Ctrl = { kind, height: this.h - params.length, params, results, target: 0, fixups: [], elseFixup: -1,
      unreachable: false, fuelPos: this.fuelPos };
    this.ctrls.push(c);
    return c;
  }

  /** Resets the stack to `c`'s height plus `types`, all in their homes. */
  private resetStack(c: Ctrl, types: readonly ValType[]): void {
    this.h = c.height;
    for (const t of types) this.push(t);
  }

  private setUnreachable(): void {
    const c = this.ctrls[this.ctrls.length - 1]!;
    c.unreachable = true;
    this.h = c.height;
  }

  /** Copies the top n slots to the homes of slots base.. (a branch's values). */
  private moveTop(n: number, base: number): void {
    for (let j = 0; j < n; j++) {
      const k = this.h - n + j;
      if (k === base + j && this.loc[k] === Loc.Home) continue;
      this.copySlot(k, this.home(base + j));
    }
  }

  /** Do the top n slots already sit in the homes of slots base..? */
  private inPlace(n: number, base: number): boolean {
    for (let j = 0; j < n; j++) {
      const k = this.h - n + j;
      if (k !== base + j || this.loc[k] !== Loc.Home) return false;
    }
    return true;
  }

  /** Emits a jump (the last operand of the instruction just emitted) to label `c`. */
  private jumpTo(c: Ctrl): void {
    if (c.kind === Kind.Loop) this.code[this.len - 1] = c.target;
    else c.fixups.push(this.len - 1);
  }

  private label(depth: number): Ctrl {
    return this.ctrls[this.ctrls.length - 1 - depth]!;
  }

  private arity(c: Ctrl): readonly ValType[] {
    return c.kind === Kind.Loop ? c.params : c.results;
  }

  /** Moves the function's results into cells 0.. and returns. */
  private emitReturn(): void {
    const n = this.fn.type.results.length;
    if (n === 1) {
      const k = this.h - 1;
      if (this.canRetarget(k)) this.code[this.lastDest] = 0;
      else this.copySlot(k, 0);
    } else if (n > 1) {
      for (let k = this.h - n; k < this.h; k++) this.materialize(k);
      // Homes are at or above their targets, so ascending copies never clobber a source.
      for (let j = 0; j < n; j++) this.move(j << 1, this.home(this.h - n + j), this.type[this.h - n + j]!);
    }
    this.op(R.return);
  }

  /** Unconditional branch to label `depth` (values on top of the stack). */
  private branch(depth: number): void {
    const c = this.label(depth);
    if (c.kind === Kind.Func) return this.emitReturn();
    const n = this.arity(c).length;
    this.moveTop(n, c.height);
    this.op(R.br, 0);
    this.jumpTo(c);
  }

  /**
   * Pops the i32 condition and emits a jump taken when it is non-zero
   * (`negate`: when it is zero), fused with the comparison that computed it
   * when possible. Returns the index of the jump's target operand.
   */
  private condJump(negate: boolean): number {
    const k = this.h - 1;
    if (this.canRetarget(k)) {
      const s = this.lastStart;
      const cmp = this.code[s]!;
      const br = negate ? BR_OF_NEG[cmp]! : BR_OF[cmp]!;
      if (br >= 0) {
        const a = this.code[s + 2]!;
        const b = this.code[s + 3]!;
        const p = this.prevStart;
        this.len = s;
        this.lastStart = -1;
        this.h--;
        const addBr = ADD_BR_OF[br]!;
        const swapped = SWAP_BR[br]!;
        const counter = p >= this.labelPos && p >= 0 && this.code[p] === R.i32_add_imm && b !== a;
        if (addBr >= 0 && counter && this.code[p + 1] === a) {
          // `x = y + k; if (x <cmp> b) br` (a loop counter): one instruction.
          const y = this.code[p + 2]!;
          const k = this.code[p + 3]!;
          this.len = p;
          this.lastStart = -1;
          this.op(addBr, a, y, k, b, 0);
        } else if (swapped >= 0 && counter && this.code[p + 1] === b) {
          // The same with the counter on the right: `b <cmp> x` is `x <swapped cmp> b`.
          const y = this.code[p + 2]!;
          const k = this.code[p + 3]!;
          this.len = p;
          this.lastStart = -1;
          this.op(ADD_BR_OF[swapped]!, b, y, k, a, 0);
        } else if (p >= this.labelPos && p >= 0 && this.code[p] === R.i32_add && this.code[p + 1] === a
          && ADDR_BR_OF[br]! >= 0 && b !== a
          && this.addrBound(br, b) >= 0) {
          // `x = y + z; if (x <cmp> b) br` with a register step: one instruction.
          const bound = this.addrBound(br, b);
          const y = this.code[p + 2]!;
          const z = this.code[p + 3]!;
          this.len = p;
          this.lastStart = -1;
          this.op(ADDR_BR_OF[br]!, a, y, z, bound, 0);
        } else if (cmp === R.i32_eqz) this.op(br, a, 0);
        else this.op(br, a, b, 0);
        this.lastDest = -1;
        return this.len - 1;
      }
    }
    const s = this.lastStart;
    if (this.loc[k] === Loc.Local && s >= this.labelPos && s >= 0 && this.code[s] === R.i32_add_imm
      && this.code[s + 1] === this.val[k]! << 1) {
      // `x = y + k; br_if (x)`: a count-down loop, one instruction.
      const d = this.code[s + 1]!;
      const y = this.code[s + 2]!;
      const imm = this.code[s + 3]!;
      this.len = s;
      this.lastStart = -1;
      this.h--;
      this.op(negate ? R.add_br_eq_imm : R.add_br_ne_imm, d, y, imm, 0, 0);
      this.lastDest = -1;
      return this.len - 1;
    }
    const a = this.popReg();
    this.op(negate ? R.br_eqz : R.br_nez, a, 0);
    return this.len - 1;
  }

  /** The bound register of an `addr_br_` made from `br` (its operand b: a register, or an immediate's pool cell; -1 if none). */
  private addrBound(br: number, b: number): number {
    return IMM_BR.has(br) ? this.poolReg(I32, b, 0) : b;
  }

  private brIf(depth: number): void {
    const c = this.label(depth);
    const n = c.kind === Kind.Func ? -1 : this.arity(c).length;
    if (n >= 0 && this.inPlace(n, c.height)) {
      this.condJump(false);
      this.jumpTo(c);
      return;
    }
    const skip = this.condJump(true);
    if (c.kind === Kind.Func) this.emitReturn();
    else {
      this.moveTop(n, c.height);
      this.op(R.br, 0);
      this.jumpTo(c);
    }
    this.code[skip] = this.len;
    this.bindLabel();
  }

  private brTable(labels: number[], dflt: number): void {
    const idx = this.popReg();
    const all = [...labels, dflt];
    const n = this.arity(this.label(dflt)).length;
    for (let k = this.h - n; k < this.h; k++) this.materialize(k);
    this.op(R.br_table, idx, all.length);
    const table = this.len;
    for (let i = 0; i < all.length; i++) this.put(0);
    const stubs = new Map<number, number>();
    all.forEach((depth, i) => {
      const c = this.label(depth);
      if (c.kind !== Kind.Func && this.inPlace(n, c.height)) {
        if (c.kind === Kind.Loop) this.code[table + i] = c.target;
        else c.fixups.push(table + i);
        return;
      }
      let stub = stubs.get(depth);
      if (stub === undefined) {
        stubs.set(depth, (stub = this.len));
        this.branch(depth);
      }
      this.code[table + i] = stub;
    });
  }

  private end(): void {
    const c = this.ctrls.pop()!;
    const reachable = !c.unreachable;
    if (c.kind === Kind.Func) {
      if (reachable) this.emitReturn();
      return;
    }
    if (reachable) for (let k = this.h - c.results.length; k < this.h; k++) this.materialize(k);
    if (c.kind === Kind.Loop) this.fuelPos = c.fuelPos;
    const target = this.len;
    let bound = false;
    if (c.elseFixup >= 0) {
      this.code[c.elseFixup] = target;
      bound = true;
    }
    for (const f of c.fixups) this.code[f] = target;
    if (c.fixups.length > 0) bound = true;
    if (bound) this.bindLabel();
    this.resetStack(c, c.results);
    if (!reachable && !bound) this.setUnreachable();
  }

  // -------------------------------------------------------------------------
  // Instructions

  private localSet(x: number, tee: boolean): void {
    const k = this.h - 1;
    const L = x << 1;
    if (this.loc[k] === Loc.Local && this.val[k] === x) {
      if (!tee) this.h--;
      return;
    }
    let conflict = false;
    for (let j = 0; j < k; j++) {
      if ((this.loc[j] === Loc.Local && this.val[j] === x) || (this.loc[j] === Loc.AddImm && this.val[j] === L)) {
        conflict = true;
      }
    }
    if (conflict) this.materializeLocals(0, x);
    if (!conflict && this.canRetarget(k)) this.code[this.lastDest] = L;
    else this.copySlot(k, L);
    this.lastDest = -1;
    if (tee) {
      this.loc[k] = Loc.Local;
      this.val[k] = x;
    } else this.h--;
  }

  private unary(r: number, out: ValType): void {
    const a = this.popReg();
    this.op(r, this.push(out), a);
  }

  private binary(r: number, out: ValType): void {
    const kb = this.h - 1;
    const ka = kb - 1;
    if (this.loc[kb] === Loc.Const && this.loc[ka] === Loc.Const && out === I32 && this.type[ka] === I32) {
      const v = foldI32(r, this.val[ka]!, this.val[kb]!);
      if (v !== null) {
        this.h -= 2;
        this.pushConst(I32, v, 0);
        return;
      }
    }
    const imm = IMM_R[r]!;
    if ((r === R.i32_add || r === R.i32_sub) && this.loc[kb] === Loc.Const
      && (this.loc[ka] === Loc.Local || this.loc[ka] === Loc.Home)) {
      const base = this.reg(ka);
      const v = r === R.i32_add ? this.val[kb]! : -this.val[kb]! | 0;
      this.h -= 2;
      const k = this.h++;
      this.loc[k] = Loc.AddImm;
      this.type[k] = I32;
      this.val[k] = base;
      this.hi[k] = v;
      return;
    }
    if (this.loc[kb] === Loc.Const) {
      let v = this.val[kb]!;
      const fits = this.type[kb] === I32 || this.hi[kb] === v >> 31;
      let ri = imm;
      if (r === R.i32_sub) ri = R.i32_add_imm, v = -v | 0;
      else if (r === R.i64_sub && v !== -0x80000000) ri = R.i64_add_imm, v = -v | 0;
      if (ri >= 0 && fits) {
        this.h--;
        const a = this.popReg();
        this.op(ri, this.push(out), a, v);
        return;
      }
    } else if (this.loc[ka] === Loc.Const && SWAP_IMM_R[r]! >= 0) {
      const v = this.val[ka]!;
      const b = this.popReg();
      this.h--;
      this.op(SWAP_IMM_R[r]!, this.push(out), b, v);
      return;
    }
    const m = MEM_OPERAND_R[r]!;
    const ld = this.lastStart >= 0 ? this.code[this.lastStart] : -1;
    const loaded = ld === R.f64_load || ld === R.f64_load_rr;
    // `x op load(p)`, or `load(p) op x` for add and mul: the load becomes the
    // operation's memory operand (address p + q + offset).
    const memB = m >= 0 && loaded && this.canRetarget(kb) && this.loc[ka] !== Loc.Const;
    const memA = m >= 0 && loaded && !memB && (r === R.f64_add || r === R.f64_mul) && this.canRetarget(ka)
      && this.loc[kb] !== Loc.Home;
    if (memA || memB) {
      const s = this.lastStart;
      const p = this.code[s + 2]!;
      const q = ld === R.f64_load_rr ? this.code[s + 3]! : this.poolReg(I32, 0, 0);
      const off = this.code[ld === R.f64_load_rr ? s + 4 : s + 3]!;
      if (q >= 0) {
        const ps = this.prevStart;
        this.len = s;
        this.lastStart = -1;
        const x = this.reg(memB ? ka : kb);
        this.h -= 2;
        this.op(m, this.push(out), x, p, q, off);
        // Nothing else was emitted: the instruction before the removed load is the one before this.
        if (this.lastStart === s) this.prevStart = ps;
        return;
      }
    }
    const b = this.reg(kb);
    const a = this.reg(ka);
    this.h -= 2;
    this.op(r, this.push(out), a, b);
  }

  /** Is memory x a 32-bit memory 0 (the fast load/store forms' memory)? */
  private fastMemory(x: number): boolean {
    return x === 0 && !this.inst.memories[0]!.addr64;
  }

  /**
   * If the top slot (an address) was just computed by an i32.add of two
   * registers (or of a register and a constant that has a pool cell), removes
   * that add and returns its operands; else null.
   */
  private fusedAddress(): [number, number] | null {
    const k = this.h - 1;
    if (this.loc[k] === Loc.AddImm) {
      const b = this.poolReg(I32, this.hi[k]!, 0);
      if (b < 0) return null;
      this.h--;
      return [this.val[k]!, b];
    }
    if (!this.canRetarget(k)) return null;
    const s = this.lastStart;
    const r = this.code[s]!;
    let b: number;
    if (r === R.i32_add) b = this.code[s + 3]!;
    else if (r === R.i32_add_imm) b = this.poolReg(I32, this.code[s + 3]!, 0);
    else return null;
    if (b < 0) return null;
    const a = this.code[s + 2]!;
    this.len = s;
    this.lastStart = -1;
    this.lastDest = -1;
    this.h--;
    return [a, b];
  }

  /**
   * `f64.store p (f64.add x (f64.load p))`, the `+=` of compiled C: when the
   * value was just computed by `f64_add_m` from the very address being
   * stored to, replaces both by one `f64_add_rmw`. Returns whether it did.
   */
  private rmw(off: number): boolean {
    const kv = this.h - 1;
    const ka = kv - 1;
    if (!this.canRetarget(kv) || this.code[this.lastStart] !== R.f64_add_m) return false;
    const s = this.lastStart;
    const b = this.code[s + 3]!;
    const c = this.code[s + 4]!;
    if (this.code[s + 5] !== off) return false;
    // The address slot must name the same place: register b (with c the pool's zero) or b + c.
    const l = this.loc[ka];
    const zero = this.poolIndex.get('0:0');
    const cIsZero = zero !== undefined && c === (this.nLocals + zero) << 1;
    let same = false;
    if (l === Loc.Local || l === Loc.Home) same = cIsZero && this.reg(ka) === b;
    else if (l === Loc.AddImm) same = this.val[ka] === b && this.poolIndex.get(`${this.hi[ka]}:0`) !== undefined
      && c === (this.nLocals + this.poolIndex.get(`${this.hi[ka]}:0`)!) << 1;
    if (!same) return false;
    const a = this.code[s + 2]!;
    // `mem[p] += x * y`: the product was computed just before into a temporary
    // (a popped slot's home, dead after this) — fuse the multiply in too.
    const pm = this.prevStart;
    const pr = pm >= 0 && pm >= this.labelPos && a >= (this.nLocals + this.poolCells) << 1 ? this.code[pm]! : -1;
    if (pr === R.f64_mul && s === pm + 4 && this.code[pm + 1] === a) {
      const x = this.code[pm + 2]!;
      const y = this.code[pm + 3]!;
      this.len = pm;
      this.lastStart = -1;
      this.lastDest = -1;
      this.h -= 2;
      this.op(R.f64_mul_add_rmw, x, y, b, c, off);
      this.prevStart = -1;
      return true;
    }
    if (pr === R.f64_mul_m && s === pm + 6 && this.code[pm + 1] === a) {
      const x = this.code[pm + 2]!;
      const p = this.code[pm + 3]!;
      const q = this.code[pm + 4]!;
      const o = this.code[pm + 5]!;
      this.len = pm;
      this.lastStart = -1;
      this.lastDest = -1;
      this.h -= 2;
      this.op(R.f64_mul_m_add_rmw, x, p, q, o, b, c, off);
      this.prevStart = -1;
      return true;
    }
    this.len = s;
    this.lastStart = -1;
    this.lastDest = -1;
    this.h -= 2;
    this.op(R.f64_add_rmw, a, b, c, off);
    return true;
  }

  /**
   * `f64.store p (f64.op x y)` with the operation just emitted: one `f64_op_st`
   * (the address a plain register). Returns whether it did.
   */
  private storeResult(off: number): boolean {
    const kv = this.h - 1;
    const ka = kv - 1;
    if (!this.canRetarget(kv)) return false;
    const st = STORE_RESULT_R[this.code[this.lastStart]!]!;
    const l = this.loc[ka];
    if (st < 0 || (l !== Loc.Local && l !== Loc.Home)) return false;
    const s = this.lastStart;
    const b = this.code[s + 2]!;
    const c = this.code[s + 3]!;
    // `store p (x -/+ y * z)` with the product just computed into a temporary
    // (a popped slot's home, dead after this): fuse the multiply in too.
    const pm = this.prevStart;
    const fm = st === R.f64_sub_st ? R.f64_sub_mul_st : st === R.f64_add_st ? R.f64_add_mul_st : -1;
    if (fm >= 0 && pm >= 0 && pm >= this.labelPos && s === pm + 4 && this.code[pm] === R.f64_mul
      && this.code[pm + 1] === c && c !== b && c >= (this.nLocals + this.poolCells) << 1) {
      const y = this.code[pm + 2]!;
      const z = this.code[pm + 3]!;
      this.len = pm;
      this.lastStart = -1;
      this.lastDest = -1;
      const a = this.reg(ka);
      this.h -= 2;
      this.op(fm, a, b, y, z, off);
      this.prevStart = -1;
      return true;
    }
    this.len = s;
    this.lastStart = -1;
    this.lastDest = -1;
    const a = this.reg(ka);
    this.h -= 2;
    this.op(st, a, b, c, off);
    return true;
  }

  /**
   * `store q (load p)` of the same width, the load just emitted: one `copyN`
   * (memory to memory; the loaded temporary is dead). Returns whether it did.
   */
  private copy(mr: number, off: number): boolean {
    const kv = this.h - 1;
    if (!this.canRetarget(kv)) return false;
    const s = this.lastStart;
    const lr = this.code[s]!;
    let cp = -1;
    let rr = false;
    if (mr === R.i32_store8) {
      if (lr === R.i32_load8_u || lr === R.i32_load8_s) cp = R.copy8;
      else if (lr === R.i32_load8_u_rr || lr === R.i32_load8_s_rr) cp = R.copy8, rr = true;
    } else if (mr === R.i32_store) {
      if (lr === R.i32_load) cp = R.copy32;
      else if (lr === R.i32_load_rr) cp = R.copy32, rr = true;
    } else if (mr === R.i64_store || mr === R.f64_store) {
      if (lr === R.i64_load || lr === R.f64_load) cp = R.copy64;
      else if (lr === R.i64_load_rr || lr === R.f64_load_rr) cp = R.copy64, rr = true;
    }
    if (cp < 0) return false;
    const zero = this.poolReg(I32, 0, 0);
    if (zero < 0) return false;
    const p = this.code[s + 2]!;
    const q = rr ? this.code[s + 3]! : zero;
    const o = this.code[rr ? s + 4 : s + 3]!;
    this.len = s;
    this.lastStart = -1;
    this.lastDest = -1;
    this.h--;
    const ab = this.fusedAddress();
    const a = ab !== null ? ab[0] : this.popReg();
    const b = ab !== null ? ab[1] : zero;
    this.op(cp, p, q, o, a, b, off);
    return true;
  }

  private memory(op: number, ins: Instr, mr: number): void {
    const out = MEM_OUT[op]!;
    const fast = this.fastMemory(ins.y) && ins.hi === 0;
    if (out !== 0) {
      const ab = fast && RR_R[mr]! >= 0 ? this.fusedAddress() : null;
      if (ab !== null) {
        this.op(RR_R[mr]!, this.push(out), ab[0], ab[1], ins.lo);
        return;
      }
      const a = this.popReg();
      if (fast) this.op(mr, this.push(out), a, ins.lo);
      else this.op(R.load_x, this.push(out), a, ins.lo, ins.hi, ins.y, mr);
    } else {
      if (fast && mr === R.f64_store && (this.rmw(ins.lo) || this.storeResult(ins.lo))) return;
      if (fast && this.copy(mr, ins.lo)) return;
      const b = this.popReg();
      const ab = fast && RR_R[mr]! >= 0 ? this.fusedAddress() : null;
      if (ab !== null) {
        this.op(RR_R[mr]!, ab[0], ab[1], b, ins.lo);
        return;
      }
      const a = this.popReg();
      if (fast) this.op(mr, a, b, ins.lo);
      else this.op(R.store_x, a, b, ins.lo, ins.hi, ins.y, mr);
    }
  }

  private funcType(x: number): FuncType {
    return this.inst.funcs[x]!.type;
  }

  /** Materializes the top n slots (call arguments) and returns the home of the first. */
  private args(n: number): number {
    for (let k = this.h - n; k < this.h; k++) this.materialize(k);
    this.h -= n;
    return this.home(this.h);
  }

  private instr(op: number, ins: Instr): void {
    const sr = SIMPLE_R[op]!;
    if (sr >= 0) {
      if (SIMPLE_IN[op] === 1) this.unary(sr, SIMPLE_OUT[op]!);
      else this.binary(sr, SIMPLE_OUT[op]!);
      return;
    }
    const mr = MEM_R[op]!;
    if (mr >= 0) {
      this.memory(op, ins, mr);
      return;
    }
    switch (op) {
      case Op.unreachable:
        this.op(R.unreachable);
        this.setUnreachable();
        return;
      case Op.nop:
        return;
      case Op.block:
        this.pushCtrl(Kind.Block, ins.x);
        return;
      case Op.loop: {
        const c = this.pushCtrl(Kind.Loop, ins.x);
        this.bindLabel();
        c.target = this.len;
        if (this.fuel) this.startFuel();
        return;
      }
      case Op.if: {
        // Pop the condition first so the block's slots are materialized above it in code order.
        const [params] = this.blockType(ins.x);
        const k = this.h - 1;
        const moved = this.len;
        this.h--;
        this.materializeLocals();
        for (let j = this.h - params.length; j < this.h; j++) this.materialize(j);
        this.h++;
        const fused = this.len === moved;
        let pos: number;
        if (fused) pos = this.condJump(true);
        else {
          this.op(R.br_eqz, this.reg(k), 0);
          this.h--;
          pos = this.len - 1;
        }
        const c = this.pushCtrl(Kind.If, ins.x);
        c.elseFixup = pos;
        return;
      }
      case Op.else: {
        const c = this.ctrls[this.ctrls.length - 1]!;
        if (!c.unreachable) {
          for (let k = this.h - c.results.length; k < this.h; k++) this.materialize(k);
          this.op(R.br, 0);
          c.fixups.push(this.len - 1);
        }
        this.code[c.elseFixup] = this.len;
        c.elseFixup = -1;
        c.kind = Kind.Else;
        c.unreachable = false;
        this.bindLabel();
        this.resetStack(c, c.params);
        return;
      }
      case Op.end:
        this.end();
        return;
      case Op.br:
        this.branch(ins.x);
        this.setUnreachable();
        return;
      case Op.br_if:
        this.brIf(ins.x);
        return;
      case Op.br_table:
        this.brTable(ins.list, ins.x);
        this.setUnreachable();
        return;
      case Op.return:
        this.emitReturn();
        this.setUnreachable();
        return;
      case Op.call: {
        const ft = this.funcType(ins.x);
        const base = this.args(ft.params.length);
        this.op(R.call, ins.x, base);
        this.lastDest = -1;
        for (const t of ft.results) this.push(t);
        return;
      }
      case Op.call_indirect: {
        const ft = this.inst.types[ins.x]!;
        const idx = this.reg(this.h - 1);
        this.h--;
        const base = this.args(ft.params.length);
        this.op(R.call_indirect, canonicalTypeId(ft), ins.y, base, idx);
        for (const t of ft.results) this.push(t);
        return;
      }
      case Op.drop:
        if (this.loc[this.h - 1] === Loc.Home) this.lastDest = -1;
        this.h--;
        return;
      case Op.select: case Op.select_t: {
        const c = this.popReg();
        const t = this.type[this.h - 1]!;
        const b = this.reg(this.h - 1);
        const a = this.reg(this.h - 2);
        this.h -= 2;
        const r = t === I32 || t === F32 ? R.select32 : t === I64 || t === F64 ? R.select64 : R.select_ref;
        this.op(r, this.push(t), a, b, c);
        return;
      }
      case Op.local_get: {
        const k = this.h++;
        if (this.h > this.maxH) this.maxH = this.h;
        this.loc[k] = Loc.Local;
        this.val[k] = ins.x;
        this.type[k] = this.localTypes[ins.x]!;
        return;
      }
      case Op.local_set:
        this.localSet(ins.x, false);
        return;
      case Op.local_tee:
        this.localSet(ins.x, true);
        return;
      case Op.global_get: {
        const t = this.inst.globals[ins.x]!.type;
        const r = t === I32 || t === F32 ? R.global_get32 : t === I64 || t === F64 ? R.global_get64 : R.global_get_ref;
        this.op(r, this.push(t), ins.x);
        return;
      }
      case Op.global_set: {
        const t = this.inst.globals[ins.x]!.type;
        const a = this.popReg();
        this.op(t === I32 || t === F32 ? R.global_set32 : t === I64 || t === F64 ? R.global_set64 : R.global_set_ref,
          ins.x, a);
        return;
      }
      case Op.i32_const: case Op.f32_const:
        this.pushConst(op === Op.i32_const ? I32 : F32, ins.x | 0, 0);
        return;
      case Op.i64_const: case Op.f64_const:
        this.pushConst(op === Op.i64_const ? I64 : F64, ins.lo | 0, ins.hi | 0);
        return;
      case Op.memory_size:
        if (this.fastMemory(ins.x)) this.op(R.memory_size, this.push(I32));
        else this.op(R.memory_size_x, this.push(this.inst.memories[ins.x]!.addr64 ? I64 : I32), ins.x);
        return;
      case Op.memory_grow: {
        const a = this.popReg();
        if (this.fastMemory(ins.x)) this.op(R.memory_grow, this.push(I32), a);
        else this.op(R.memory_grow_x, this.push(this.inst.memories[ins.x]!.addr64 ? I64 : I32), ins.x, a);
        return;
      }
      case Op.ref_null:
        this.op(R.ref_null, this.push(ins.x));
        return;
      case Op.ref_is_null: {
        const a = this.popReg();
        this.op(R.ref_is_null, this.push(I32), a);
        return;
      }
      case Op.ref_func:
        this.op(R.ref_func, this.push(FUNCREF), ins.x);
        return;
      case Op.table_get: {
        const a = this.popReg();
        this.op(R.table_get, this.push(this.inst.tables[ins.x]!.elemType), ins.x, a);
        return;
      }
      case Op.table_set: {
        const b = this.popReg();
        const a = this.popReg();
        this.op(R.table_set, ins.x, a, b);
        return;
      }
      case Op.table_size:
        this.op(R.table_size, this.push(this.inst.tables[ins.x]!.addr64 ? I64 : I32), ins.x);
        return;
      case Op.table_grow: {
        const b = this.popReg();
        const a = this.popReg();
        this.op(R.table_grow, this.push(this.inst.tables[ins.x]!.addr64 ? I64 : I32), ins.x, a, b);
        return;
      }
      case Op.table_fill: case Op.table_copy: case Op.table_init: case Op.memory_init: case Op.memory_copy:
      case Op.memory_fill: {
        const c = this.popReg();
        const b = this.popReg();
        const a = this.popReg();
        if (op === Op.table_fill) this.op(R.table_fill, ins.x, a, b, c);
        else if (op === Op.table_copy) this.op(R.table_copy, ins.x, ins.y, a, b, c);
        else if (op === Op.table_init) this.op(R.table_init, ins.x, ins.y, a, b, c);
        else if (op === Op.memory_init) this.op(R.memory_init, ins.x, ins.y, a, b, c);
        else if (op === Op.memory_copy) this.op(R.memory_copy, ins.x, ins.y, a, b, c);
        else this.op(R.memory_fill, ins.x, a, b, c);
        return;
      }
      case Op.data_drop:
        this.op(R.data_drop, ins.x);
        return;
      case Op.elem_drop:
        this.op(R.elem_drop, ins.x);
        return;
      default:
        throw new Error(`not supported by the interpreter: ${opName(op)}`);
    }
  }
}
