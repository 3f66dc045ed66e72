/**
 * The translator's exception handling: `throw`, `throw_ref`, `try_table`,
 * and the legacy `try`/`catch`/`catch_all`/`delegate`/`rethrow`, all on one
 * mechanism: the function's handler table (exceptions.ts documents its rows).
 *
 * Entering or leaving a `try_table` or `try` emits no code at all: each
 * catch clause becomes a row covering the construct's body, read only when
 * something throws. A clause's values go straight into the homes of its
 * label's slots and the row's target is the label's continuation, as a
 * branch's would be (a block's end, patched when it ends; a loop's start;
 * or, for the function's own label, a return). Legacy `catch` clauses begin
 * where their row points, with the payload in the homes of the try's slots;
 * the caught exception waits in the try level's exception cell
 * (translate-stack.ts) for `rethrow`. `delegate l` is a row whose search
 * continues at the rows of the innermost handler-bearing construct around
 * label l. A construct's start is a label (no fusion looks across it), so
 * every instruction that can raise inside it lies inside its range.
 *
 * Rows are appended when their construct ends, so inner constructs come
 * first and the first matching row is the innermost handler.
 *
 * Spec: "Execution › Instructions › Control Instructions" (throw,
 * throw_ref, try_table), the legacy exception-handling proposal (try,
 * catch, catch_all, delegate, rethrow).
 */
import { CatchKind, type Instr } from '../ast/instr.js';
import { HANDLER_ROW, HandlerKind, Row, TARGET_RETURN, payloadLayout } from './exceptions.js';
import { R } from './isa-ids.js';
import type { TagInst } from './runtime.js';
import { Control, EMPTY, Kind, type Ctrl, type HandlerRow } from './translate-control.js';

export class Exceptions extends Control {
  /** The handler table, innermost construct first. */
  private readonly rows: HandlerRow[] = [];
  /** Legacy `try` blocks open now (the next one's exception cell level). */
  private tryLevel = 0;

  /** `throw x`: the payload from the stack, as call arguments are laid out. */
  protected throwTag(x: number): void {
    this.op(R.throw, x, this.args(this.inst.tags[x]!.type.params.length));
    this.setUnreachable();
  }

  /** `throw_ref`. */
  protected throwRef(): void {
    this.op(R.throw_ref, this.popReg());
    this.setUnreachable();
  }

  /** Legacy `rethrow l`: the exception the `catch` clause at label l caught. */
  protected rethrow(depth: number): void {
    this.op(R.throw_ref, this.label(depth).exnCell);
    this.setUnreachable();
  }

  /** `try_table bt catch*`: the clauses' rows (their labels are outside the try_table), then the body's block. */
  protected tryTable(ins: Instr): void {
    const rows: HandlerRow[] = [];
    for (const h of ins.catches) {
      const tagged = h.kind === CatchKind.Catch || h.kind === CatchKind.CatchRef;
      const tag = tagged ? this.inst.tags[h.tag]! : null;
      const row = newRow(tagged ? HandlerKind.Catch : HandlerKind.CatchAll, tag);
      this.landing(row, this.label(h.label));
      if (h.kind === CatchKind.CatchRef) row.exn = row.dst + payloadLayout(tag!.type.params).words;
      else if (h.kind === CatchKind.CatchAllRef) row.exn = row.dst;
      rows.push(row);
    }
    const c = this.pushCtrl(Kind.TryTable, ins.x);
    this.bindLabel();
    c.rows = rows;
    c.from = this.len;
  }

  /** Legacy `try bt`. */
  protected legacyTry(bt: number): void {
    const c = this.pushCtrl(Kind.Try, bt);
    this.bindLabel();
    c.rows = [];
    c.from = this.len;
    c.exnCell = this.exnCell(this.tryLevel++);
  }

  /** Legacy `catch x` (tag index) or `catch_all` (-1): ends the body or the previous clause, as `else` ends `then`. */
  protected legacyCatch(tagIndex: number): void {
    const c = this.ctrls[this.ctrls.length - 1]!;
    if (!c.unreachable) {
      for (let k = this.h - c.results.length; k < this.h; k++) this.materialize(k);
      this.op(R.br, 0);
      c.fixups.push(this.len - 1);
    }
    if (c.kind === Kind.Try) {
      c.to = this.len;
      c.kind = Kind.Catch;
    }
    const tag = tagIndex >= 0 ? this.inst.tags[tagIndex]! : null;
    const row = newRow(tag !== null ? HandlerKind.Catch : HandlerKind.CatchAll, tag);
    row.dst = this.home(c.height);
    row.exn = c.exnCell;
    row.target = this.len;
    c.rows!.push(row);
    c.unreachable = false;
    this.bindLabel();
    this.resetStack(c, tag !== null ? tag.type.params : EMPTY);
  }

  /**
   * Legacy `delegate l`: ends the `try`; exceptions from its body are handled
   * as if raised at label l (outside the try): by the innermost construct
   * with handlers around that label.
   */
  protected delegate(depth: number): void {
    const c = this.ctrls[this.ctrls.length - 1]!;
    c.to = this.len;
    const row = newRow(HandlerKind.Delegate, null);
    for (let j = this.ctrls.length - 2 - depth; j >= 0; j--) {
      const k = this.ctrls[j]!.kind;
      if (k === Kind.TryTable || k === Kind.Try) {
        row.delegateTo = this.ctrls[j]!;
        break;
      }
    }
    c.rows = [row];
    this.end();
  }

  /** Where a catch clause to label `c` delivers its values, and the row's target. */
  private landing(row: HandlerRow, c: Ctrl): void {
    if (c.kind === Kind.Func) {
      row.dst = 0;
      row.target = TARGET_RETURN;
    } else {
      row.dst = this.home(c.height);
      if (c.kind === Kind.Loop) row.target = c.target;
      else (c.landings ??= []).push(row);
    }
  }

  protected override closeHandlers(c: Ctrl): void {
    if (c.kind === Kind.Try || c.kind === Kind.Catch) this.tryLevel--;
    if (c.kind === Kind.TryTable) c.to = this.len;
    c.firstRow = this.rows.length;
    for (const row of c.rows!) {
      row.from = c.from;
      row.to = c.to;
      this.rows.push(row);
    }
  }

  /** The handler table as `Compiled` holds it. */
  protected handlerTable(): { handlers: Int32Array | null; handlerTags: TagInst[] } {
    const handlerTags: TagInst[] = [];
    if (this.rows.length === 0) return { handlers: null, handlerTags };
    const h = new Int32Array(this.rows.length * HANDLER_ROW);
    this.rows.forEach((row, i) => {
      let tag = -1;
      if (row.tag !== null) {
        tag = handlerTags.indexOf(row.tag);
        if (tag < 0) tag = handlerTags.push(row.tag) - 1;
      }
      const target = row.kind !== HandlerKind.Delegate ? row.target
        : row.delegateTo === null ? h.length : row.delegateTo.firstRow * HANDLER_ROW;
      const o = i * HANDLER_ROW;
      h[o + Row.From] = row.from;
      h[o + Row.To] = row.to;
      h[o + Row.Kind] = row.kind;
      h[o + Row.Tag] = tag;
      h[o + Row.Dst] = row.dst;
      h[o + Row.Exn] = row.exn;
      h[o + Row.Target] = target;
    });
    return { handlers: h, handlerTags };
  }
}

function newRow(kind: HandlerKind, tag: TagInst | null): HandlerRow {
  return { from: 0, to: 0, kind, tag, dst: 0, exn: -1, target: 0, delegateTo: null };
}
