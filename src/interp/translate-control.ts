/**
 * The translator's control: blocks, loops, `if`/`else`, branches, `return`
 * and calls, with the fuel counting that rides on loop headers.
 *
 * A label's values travel in the homes of its slots: a branch moves the
 * values on top of the stack there (`moveTop`), a block's end leaves them
 * there, so every path into a label agrees on where its values are; local
 * reads and pending adds are materialized at block boundaries for the same
 * reason. Forward jumps are patched when their block ends; a loop's target
 * is known. Code after `br`, `return` and `unreachable` is skipped up to the
 * matching `else`/`end` (by translate.ts's loop).
 *
 * Calls: the arguments are written to consecutive homes, and that window
 * becomes the callee's frame (its parameters), so arguments are never copied
 * again; the callee leaves its results in its first cells, which are the
 * caller's homes of the result slots.
 *
 * The room for exceptions and tail calls: `try_table` is one more `Kind`
 * whose handlers are jump targets like a block's end; `throw`/`throw_ref`
 * end a block like `br`; `return_call*` emit a call that replaces the frame
 * and then `setUnreachable()` like `return`.
 *
 * Spec: "Execution › Instructions › Control Instructions"; "Validation ›
 * Instructions" for the stack shapes relied upon.
 */
import { BLOCK_EMPTY, type ValType } from '../ast/types.js';
import { R } from './isa-ids.js';
import { canonicalTypeId } from './runtime.js';
import { Fusions } from './translate-fusions.js';
import { valueWords } from './regfile.js';
import { Loc } from './translate-stack.js';

export const enum Kind {
  Block,
  Loop,
  If,
  Else,
  Func,
}

/** A control frame of the translator (a label). */
export interface Ctrl {
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

export const EMPTY: readonly ValType[] = [];

export class Control extends Fusions {
  protected readonly ctrls: Ctrl[] = [];
  /** Charge fuel (store.fuelEnabled): a `fuel` instruction at entry and at each loop header. */
  protected readonly fuel = this.inst.store.fuelEnabled;
  /** Index of the current `fuel` instruction's amount (-1 without fuel). */
  protected fuelPos = -1;

  protected startFuel(): void {
    this.op(R.fuel, 0);
    this.fuelPos = this.len - 1;
  }

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

  /** Opens the function's own block (its label is `return`). */
  protected enterFunction(): void {
    this.ctrls.push({ kind: Kind.Func, height: 0, params: EMPTY, results: this.fn.type.results, target: 0, fixups: [],
      elseFixup: -1, unreachable: false, fuelPos: -1 });
    if (this.fuel) this.startFuel();
  }

  /** Resets the stack to `c`'s height plus `types`, all in their homes. */
  private resetStack(c: Ctrl, types: readonly ValType[]): void {
    this.h = c.height;
    for (const t of types) this.push(t);
  }

  protected setUnreachable(): void {
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

  /** Moves the function's results into its first cells and returns. */
  protected emitReturn(): void {
    const results = this.fn.type.results;
    const n = results.length;
    if (n === 1) {
      const k = this.h - 1;
      if (this.canRetarget(k)) this.code[this.lastDest] = 0;
      else this.copySlot(k, 0);
    } else if (n > 1) {
      for (let k = this.h - n; k < this.h; k++) this.materialize(k);
      // Homes are at or above their targets, so ascending copies never clobber a source.
      const words = valueWords(results);
      for (let j = 0; j < n; j++) this.move(words[j]!, this.home(this.h - n + j), this.type[this.h - n + j]!);
    }
    this.op(R.return);
  }

  /** Unconditional branch to label `depth` (values on top of the stack). */
  protected branch(depth: number): void {
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
    const fused = this.fuseCompareBranch(negate);
    if (fused >= 0) return fused;
    const a = this.popReg();
    this.op(negate ? R.br_eqz : R.br_nez, a, 0);
    return this.len - 1;
  }

  protected brIf(depth: number): void {
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

  protected brTable(labels: number[], dflt: number): void {
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

  protected block(bt: number): void {
    this.pushCtrl(Kind.Block, bt);
  }

  protected loop(bt: number): void {
    const c = this.pushCtrl(Kind.Loop, bt);
    this.bindLabel();
    c.target = this.len;
    if (this.fuel) this.startFuel();
  }

  protected ifBlock(bt: number): void {
    // Pop the condition first so the block's slots are materialized above it in code order.
    const [params] = this.blockType(bt);
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
    const c = this.pushCtrl(Kind.If, bt);
    c.elseFixup = pos;
  }

  protected elseBlock(): void {
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
  }

  protected end(): void {
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

  /** `call x`: arguments from the stack, results pushed. */
  protected call(x: number): void {
    const ft = this.inst.funcs[x]!.type;
    const base = this.args(ft.params.length);
    this.op(R.call, x, base);
    this.lastDest = -1;
    for (const t of ft.results) this.push(t);
  }

  /** `call_indirect (type x) (table y)`. */
  protected callIndirect(x: number, y: number): void {
    const ft = this.inst.types[x]!;
    const idx = this.reg(this.h - 1);
    this.h--;
    const base = this.args(ft.params.length);
    this.op(R.call_indirect, canonicalTypeId(ft), y, base, idx);
    for (const t of ft.results) this.push(t);
  }
}
