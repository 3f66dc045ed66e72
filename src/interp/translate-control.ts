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
 * Tail calls (`return_call*`) are the call followed by `return`: the
 * executor replaces the frame for a wasm callee of the same store and never
 * reaches the `return`; for a host callee it calls, copies the results to
 * the frame's first cells, and the `return` returns them. `br_on_null` and
 * `br_on_non_null` are conditional branches on a reference, like `br_if`.
 *
 * Exceptions (translate-exceptions.ts) add three kinds of construct; what
 * they need here is that a label can be the target of handler rows
 * (`landings`, patched when the label ends, like `fixups`) and that a
 * construct's own rows are closed when it ends (`closeHandlers`).
 *
 * Spec: "Execution › Instructions › Control Instructions"; "Validation ›
 * Instructions" for the stack shapes relied upon.
 */
import { BLOCK_EMPTY, type ValType } from '../ast/types.js';
import { R } from './isa-ids.js';
import { canonicalTypeId, type TagInst } from './runtime.js';
import type { HandlerKind } from './exceptions.js';
import { Fusions } from './translate-fusions.js';
import { valueWords } from './regfile.js';
import { Loc } from './translate-stack.js';

export const enum Kind {
  Block,
  Loop,
  If,
  Else,
  Func,
  /** A `try_table` body. */
  TryTable,
  /** A legacy `try` body (before its first `catch`/`catch_all`). */
  Try,
  /** A legacy `try` in a `catch` or `catch_all` clause. */
  Catch,
}

/** A handler row being built (exceptions.ts documents the words of the table). */
export interface HandlerRow {
  from: number;
  to: number;
  kind: HandlerKind;
  /** Catch: the tag. */
  tag: TagInst | null;
  dst: number;
  exn: number;
  target: number;
  /** Delegate: the construct whose rows the search continues at (null: out of the function). */
  delegateTo: Ctrl | null;
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
  /** Handler rows whose target is this label's end (patched when it ends), or null. */
  landings: HandlerRow[] | null;
  /** TryTable/Try/Catch: this construct's own rows, added to the table when it ends; else null. */
  rows: HandlerRow[] | null;
  /** TryTable/Try/Catch: the code range [from, to) its rows cover. */
  from: number;
  to: number;
  /** Try/Catch: the register holding the caught exception (for `rethrow`). */
  exnCell: number;
  /** Where this construct's rows start in the function's table (set when it ends). */
  firstRow: number;
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

  protected pushCtrl(kind: Kind, bt: number): Ctrl {
    const [params, results] = this.blockType(bt);
    this.materializeLocals();
    for (let k = this.h - params.length; k < this.h; k++) this.materialize(k);
    const c = newCtrl(kind, this.h - params.length, params, results, this.fuelPos);
    this.ctrls.push(c);
    return c;
  }

  /** Opens the function's own block (its label is `return`). */
  protected enterFunction(): void {
    this.ctrls.push(newCtrl(Kind.Func, 0, EMPTY, this.fn.type.results, -1));
    if (this.fuel) this.startFuel();
  }

  /** Resets the stack to `c`'s height plus `types`, all in their homes. */
  protected resetStack(c: Ctrl, types: readonly ValType[]): void {
    this.h = c.height;
    for (const t of types) this.push(t);
  }

  protected setUnreachable(): void {
    const c = this.ctrls[this.ctrls.length - 1]!;
    c.unreachable = true;
    this.h = c.height;
  }

  /** Copies the top n slots to the homes of slots base.. (a branch's values). */
  protected moveTop(n: number, base: number): void {
    for (let j = 0; j < n; j++) {
      const k = this.h - n + j;
      if (k === base + j && this.loc[k] === Loc.Home) continue;
      this.copySlot(k, this.home(base + j));
    }
  }

  /** Do the top n slots already sit in the homes of slots base..? */
  protected inPlace(n: number, base: number): boolean {
    for (let j = 0; j < n; j++) {
      const k = this.h - n + j;
      if (k !== base + j || this.loc[k] !== Loc.Home) return false;
    }
    return true;
  }

  /** Emits a jump (the last operand of the instruction just emitted) to label `c`. */
  protected jumpTo(c: Ctrl): void {
    if (c.kind === Kind.Loop) this.code[this.len - 1] = c.target;
    else c.fixups.push(this.len - 1);
  }

  protected label(depth: number): Ctrl {
    return this.ctrls[this.ctrls.length - 1 - depth]!;
  }

  protected arity(c: Ctrl): readonly ValType[] {
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
    if (c.rows !== null) this.closeHandlers(c);
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
    if (c.landings !== null) {
      for (const row of c.landings) row.target = target;
      bound = true;
    }
    if (bound) this.bindLabel();
    this.resetStack(c, c.results);
    if (!reachable && !bound) this.setUnreachable();
  }

  /** A handler-bearing construct ends (translate-exceptions.ts gives its rows their range and table place). */
  protected closeHandlers(_c: Ctrl): void {
    throw new Error('exception handlers without the exceptions layer');
  }

  /**
   * `br_on_null l` (`nonNull` false: branch when the reference is null,
   * dropping it) and `br_on_non_null l` (branch with it when it is not null,
   * else drop it).
   */
  protected brOnNull(depth: number, nonNull: boolean): void {
    const c = this.label(depth);
    const ref = this.reg(this.h - 1);
    // The values the branch carries: those below the reference (br_on_null), or with it.
    if (!nonNull) this.h--;
    const n = c.kind === Kind.Func ? -1 : this.arity(c).length;
    if (n >= 0 && this.inPlace(n, c.height)) {
      this.op(nonNull ? R.br_non_null : R.br_null, ref, 0);
      this.jumpTo(c);
    } else {
      this.op(nonNull ? R.br_null : R.br_non_null, ref, 0);
      const skip = this.len - 1;
      if (c.kind === Kind.Func) this.emitReturn();
      else {
        this.moveTop(n, c.height);
        this.op(R.br, 0);
        this.jumpTo(c);
      }
      this.code[skip] = this.len;
      this.bindLabel();
    }
    if (nonNull) this.h--;
    else this.h++;
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

  /** `call_ref x`: the function reference on top, arguments below it. */
  protected callRef(x: number): void {
    const ft = this.inst.types[x]!;
    const ref = this.reg(this.h - 1);
    this.h--;
    const base = this.args(ft.params.length);
    this.op(R.call_ref, base, ref);
    for (const t of ft.results) this.push(t);
  }

  /** `return_call x`, `return_call_indirect (type x) (table y)`, `return_call_ref x`: the call, then `return`. */
  protected tailCall(op: R.return_call | R.return_call_indirect | R.return_call_ref, x: number, y: number): void {
    if (op === R.return_call) this.op(R.return_call, x, this.args(this.inst.funcs[x]!.type.params.length));
    else {
      const ft = this.inst.types[x]!;
      const operand = this.reg(this.h - 1);
      this.h--;
      const base = this.args(ft.params.length);
      if (op === R.return_call_indirect) this.op(R.return_call_indirect, canonicalTypeId(ft), y, base, operand);
      else this.op(R.return_call_ref, base, operand);
    }
    this.op(R.return);
    this.setUnreachable();
  }
}

function newCtrl(kind: Kind, height: number, params: readonly ValType[], results: readonly ValType[],
  fuelPos: number): Ctrl {
  return { kind, height, params, results, target: 0, fixups: [], elseFixup: -1, unreachable: false, fuelPos,
    landings: null, rows: null, from: 0, to: 0, exnCell: -1, firstRow: -1 };
}
