/**
 * The operand and control stacks of the validation algorithm ("Appendix ›
 * Validation Algorithm"), in typed arrays: value types are numbers, the
 * unknown type is `UNKNOWN`, and a control frame is a row across parallel
 * arrays (kind, block type, height, unreachable flag, local-init mark).
 * Nothing here allocates per instruction; the arrays double when full, so
 * 100,000 nested blocks cost memory, not host stack.
 *
 * Also here: the initialization state of non-defaultable locals ("Local
 * Types": set/unset), undone at the end of each block.
 *
 * Pop failures are reported as the reference interpreter does: the whole
 * expected sequence against what the stack had ("type mismatch: instruction
 * requires [i32 i32] but stack has [i64]").
 *
 * Not here: what each instruction does (func.ts and friends).
 */
import { BLOCK_EMPTY, I32, type BlockType, type ValType } from '../ast/types.js';
import type { CompileError } from '../errors.js';
import type { Context } from './context.js';
import { UNKNOWN, matchVal } from './match.js';
import { compileError, resultName } from './messages.js';

/** Kinds of control frames. */
export const enum Ctl {
  Block,
  Loop,
  If,
  Else,
  TryTable,
  /** Legacy `try`, before its first handler. */
  Try,
  /** Legacy `try` after `catch`. */
  Catch,
  /** Legacy `try` after `catch_all`. */
  CatchAll,
}

const INITIAL = 64;

/** `a`, or a copy at least twice as long when it holds fewer than `need` elements. */
export function grow32(a: Int32Array, need: number): Int32Array {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}
function grow8(a: Uint8Array, need: number): Uint8Array {
  if (need <= a.length) return a;
  const b = new Uint8Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/** Operand stack, control stack and local initialization state of one function being validated. */
export class Stacks {
  c: Context;
  /** Operand stack. */
  vals: Int32Array = new Int32Array(INITIAL * 4);
  sp = 0;
  /** Control stack, one row per open block. */
  kind: Uint8Array = new Uint8Array(INITIAL);
  type: Int32Array = new Int32Array(INITIAL);
  height: Int32Array = new Int32Array(INITIAL);
  unreach: Uint8Array = new Uint8Array(INITIAL);
  initMark: Int32Array = new Int32Array(INITIAL);
  depth = 0;
  /** Local types and whether each is initialized. */
  localTypes: Int32Array = new Int32Array(INITIAL);
  localInit: Uint8Array = new Uint8Array(INITIAL);
  nLocals = 0;
  /** Locals initialized since the start of the enclosing blocks (undo log). */
  inits: Int32Array = new Int32Array(INITIAL);
  nInits = 0;
  /** Where errors are reported: function index (or -1) and absolute offset. */
  funcIndex = -1;
  at = 0;
  /** Set while validating code whose place in the module's bytes is unknown: errors then carry no offset. */
  noOffset = false;

  constructor(c: Context) {
    this.c = c;
  }

  /** A CompileError at the current instruction. */
  error(message: string): CompileError {
    return compileError(message, this.funcIndex, this.noOffset ? -1 : this.at);
  }

  // ---- block types ----------------------------------------------------

  /** Number of parameters of block type `bt`. */
  btParams(bt: BlockType): number {
    return bt < 0 ? this.c.params[~bt]!.length : 0;
  }
  /** Number of results of block type `bt`. */
  btResults(bt: BlockType): number {
    return bt < 0 ? this.c.results[~bt]!.length : bt === BLOCK_EMPTY ? 0 : 1;
  }
  btParam(bt: BlockType, i: number): ValType {
    return this.c.params[~bt]![i]!;
  }
  btResult(bt: BlockType, i: number): ValType {
    return bt < 0 ? this.c.results[~bt]![i]! : bt;
  }
  /** Arity of the label of frame `d` (results, or parameters for a loop). */
  labelCount(d: number): number {
    return this.kind[d] === Ctl.Loop ? this.btParams(this.type[d]!) : this.btResults(this.type[d]!);
  }
  /** The i-th type of the label of frame `d`. */
  labelType(d: number, i: number): ValType {
    return this.kind[d] === Ctl.Loop ? this.btParam(this.type[d]!, i) : this.btResult(this.type[d]!, i);
  }
  /** The label's types as an array (error messages only). */
  labelTypes(d: number): ValType[] {
    const n = this.labelCount(d);
    const out: ValType[] = [];
    for (let i = 0; i < n; i++) out.push(this.labelType(d, i));
    return out;
  }

  // ---- operand stack --------------------------------------------------

  push(t: ValType): void {
    if (this.sp === this.vals.length) this.vals = grow32(this.vals, this.sp + 1);
    this.vals[this.sp++] = t;
  }

  /** Pops any value; UNKNOWN from a polymorphic stack. */
  pop(): ValType {
    const d = this.depth - 1;
    if (this.sp === this.height[d]) {
      if (this.unreach[d]) return UNKNOWN;
      throw this.mismatch([UNKNOWN], 1, this.sp);
    }
    return this.vals[--this.sp]!;
  }

  /** Pops a value that must match `t`; returns the actual type (UNKNOWN if polymorphic). */
  popExpect(t: ValType): ValType {
    const d = this.depth - 1;
    if (this.sp === this.height[d]) {
      if (this.unreach[d]) return UNKNOWN;
      throw this.mismatch([t], 1, this.sp);
    }
    const a = this.vals[this.sp - 1]!;
    if (a !== t && !matchVal(this.c, a, t)) throw this.mismatch([t], 1, this.sp);
    this.sp--;
    return a;
  }

  popI32(): void {
    const d = this.depth - 1;
    if (this.sp > this.height[d]! && this.vals[this.sp - 1] === I32) {
      this.sp--;
      return;
    }
    this.popExpect(I32);
  }

  /** Pops values matching `ts[off .. off+n)` (the last one on top). */
  popSeq(ts: ArrayLike<ValType>, off: number, n: number): void {
    const d = this.depth - 1;
    const h = this.height[d]!;
    const avail = this.sp - h;
    const vals = this.vals;
    if (avail >= n) {
      const base = this.sp - n;
      for (let i = 0; i < n; i++) {
        const a = vals[base + i]!;
        const t = ts[off + i]!;
        if (a !== t && !matchVal(this.c, a, t)) throw this.mismatch(slice(ts, off, n), n, this.sp);
      }
      this.sp = base;
      return;
    }
    if (!this.unreach[d]) throw this.mismatch(slice(ts, off, n), n, this.sp);
    for (let i = 0; i < avail; i++) {
      const a = vals[h + i]!;
      const t = ts[off + n - avail + i]!;
      if (a !== t && !matchVal(this.c, a, t)) throw this.mismatch(slice(ts, off, n), n, this.sp);
    }
    this.sp = h;
  }

  /**
   * Pops `n` values matching `t` (array.new_fixed). On a polymorphic stack
   * only the values actually there are checked, so the cost is bounded by
   * what was pushed, not by `n`.
   */
  popRepeat(t: ValType, n: number): void {
    const d = this.depth - 1;
    const h = this.height[d]!;
    const k = Math.min(n, this.sp - h);
    for (let i = 0; i < k; i++) {
      const a = this.vals[this.sp - 1]!;
      if (a !== t && !matchVal(this.c, a, t)) throw this.mismatch([t], 1, this.sp);
      this.sp--;
    }
    if (k < n && !this.unreach[d]) throw this.mismatch([t], 1, this.sp);
  }

  /** Pushes `ts[off .. off+n)`. */
  pushSeq(ts: ArrayLike<ValType>, off: number, n: number): void {
    if (this.sp + n > this.vals.length) this.vals = grow32(this.vals, this.sp + n);
    for (let i = 0; i < n; i++) this.vals[this.sp++] = ts[off + i]!;
  }

  /** Pops the label types of frame `d`. */
  popLabel(d: number): void {
    const bt = this.type[d]!;
    if (bt === BLOCK_EMPTY && this.kind[d] !== Ctl.Loop) return;
    if (bt >= 0) {
      if (this.kind[d] !== Ctl.Loop) this.popExpect(bt);
      return;
    }
    const ts = this.kind[d] === Ctl.Loop ? this.c.params[~bt]! : this.c.results[~bt]!;
    this.popSeq(ts, 0, ts.length);
  }

  /** Pushes the label types of frame `d`. */
  pushLabel(d: number): void {
    const bt = this.type[d]!;
    if (bt === BLOCK_EMPTY && this.kind[d] !== Ctl.Loop) return;
    if (bt >= 0) {
      if (this.kind[d] !== Ctl.Loop) this.push(bt);
      return;
    }
    const ts = this.kind[d] === Ctl.Loop ? this.c.params[~bt]! : this.c.results[~bt]!;
    this.pushSeq(ts, 0, ts.length);
  }

  /**
   * The "instruction requires … but stack has …" error: `need` are the
   * expected types, `sp0` the stack height before the instruction's pops.
   */
  mismatch(need: ArrayLike<ValType>, n: number, sp0: number): CompileError {
    const d = this.depth - 1;
    const h = this.height[d]!;
    const avail = sp0 - h;
    const have: ValType[] = [];
    const k = Math.min(n, avail);
    if (this.unreach[d]) for (let i = k; i < n; i++) have.push(UNKNOWN);
    for (let i = sp0 - k; i < sp0; i++) have.push(this.vals[i]!);
    const needText = need.length === 1 && need[0] === UNKNOWN ? '[bot]' : resultName(need);
    return this.error(`type mismatch: instruction requires ${needText} but stack has ${resultName(have)}`);
  }

  // ---- control stack --------------------------------------------------

  /** Opens a frame of `kind` with block type `bt` at the current height; pushes its parameters if `params`. */
  pushCtl(kind: Ctl, bt: BlockType, params: boolean): void {
    const d = this.depth;
    if (d === this.kind.length) {
      const n = d * 2;
      this.kind = grow8(this.kind, n);
      this.type = grow32(this.type, n);
      this.height = grow32(this.height, n);
      this.unreach = grow8(this.unreach, n);
      this.initMark = grow32(this.initMark, n);
    }
    this.kind[d] = kind;
    this.type[d] = bt;
    this.height[d] = this.sp;
    this.unreach[d] = 0;
    this.initMark[d] = this.nInits;
    this.depth = d + 1;
    if (params && bt < 0) {
      const ps = this.c.params[~bt]!;
      this.pushSeq(ps, 0, ps.length);
    }
  }

  /**
   * Pops the top frame's results and checks that nothing else is left
   * ("type mismatch: block requires [..] but stack has [..]"), then undoes
   * the block's local initializations. The frame itself stays.
   */
  closeFrame(): void {
    const d = this.depth - 1;
    const bt = this.type[d]!;
    const h = this.height[d]!;
    const sp0 = this.sp;
    if (bt < 0) {
      const ts = this.c.results[~bt]!;
      this.popSeq(ts, 0, ts.length);
    } else if (bt !== BLOCK_EMPTY) {
      this.popExpect(bt);
    }
    if (this.sp !== h) {
      const have: ValType[] = [];
      for (let i = h; i < sp0; i++) have.push(this.vals[i]!);
      const need: ValType[] = [];
      for (let i = 0, n = this.btResults(bt); i < n; i++) need.push(this.btResult(bt, i));
      throw this.error(`type mismatch: block requires ${resultName(need)} but stack has ${resultName(have)}`);
    }
    this.resetLocals(this.initMark[d]!);
  }

  /** Marks the rest of the current block unreachable (stack-polymorphic). */
  setUnreachable(): void {
    const d = this.depth - 1;
    this.sp = this.height[d]!;
    this.unreach[d] = 1;
  }

  /** The frame index of label `l`, or throws "unknown label". */
  label(l: number): number {
    if (l >= this.depth) throw this.error(`unknown label ${l >>> 0}`);
    return this.depth - 1 - l;
  }

  // ---- locals ---------------------------------------------------------

  /** Sizes the local arrays for `n` locals. */
  resetLocalsFor(n: number): void {
    if (n > this.localTypes.length) {
      this.localTypes = new Int32Array(n);
      this.localInit = new Uint8Array(n);
    }
    this.nLocals = n;
    this.nInits = 0;
  }

  /** Records that local `x` (non-defaultable) is now initialized. */
  initLocal(x: number): void {
    this.localInit[x] = 1;
    if (this.nInits === this.inits.length) this.inits = grow32(this.inits, this.nInits + 1);
    this.inits[this.nInits++] = x;
  }

  /** Undoes local initializations back to `mark`. */
  resetLocals(mark: number): void {
    while (this.nInits > mark) this.localInit[this.inits[--this.nInits]!] = 0;
  }
}

function slice(ts: ArrayLike<ValType>, off: number, n: number): ValType[] {
  const out: ValType[] = [];
  for (let i = 0; i < n; i++) out.push(ts[off + i]!);
  return out;
}
