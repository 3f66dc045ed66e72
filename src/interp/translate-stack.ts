/**
 * The translator's model of the operand stack and of the frame.
 *
 * Frame layout (cells of 64 bits; register operands are word offsets, cell
 * k = words 2k, 2k + 1):
 *
 *     | params | declared locals | constant pool | exception cells | temporaries (stack slot homes) |
 *
 * Every value takes `cellsOf(type)` cells (one, or two for v128), so locals
 * and slots are placed by running sums of their widths — no code here
 * assumes one cell per local or per slot. Stack slot k's *home* is the
 * temporary at `cell[k]`; the translator keeps, per slot, where its value is
 * right now (`Loc`):
 * - Home: in its home register (the result of an instruction, a block result);
 * - Local: still in local x (`local.get` emits nothing);
 * - Const: a constant not yet written anywhere (`i32.const` emits nothing);
 * - AddImm: register + i32 constant, not computed yet: a load or store using
 *   it as its address takes both registers (`_rr` forms), so pointer
 *   arithmetic like `p + 8` costs no instruction of its own.
 * An instruction reads its operands wherever they are (`reg(k)`: a local, a
 * pool cell, or the home after materializing) and writes its result to the
 * home of the slot it pushes. A slot that still reads local x is copied to
 * its home before x changes (`materializeLocals`), and at block boundaries.
 *
 * The constant pool: `poolCells` cells between the locals and the
 * temporaries (sized by counting the body's constants first), filled on
 * entry. The exception cells: one per nesting level of legacy `try`, where a
 * `catch` clause keeps the exception it caught for `rethrow`
 * (translate-exceptions.ts). Temporaries come last because a callee's frame starts at the
 * caller's argument window and may extend past the caller's frame.
 *
 * Deliberately not here: control (translate-control.ts), rewrites
 * (translate-fusions.ts).
 */
import { Reader, readInstr } from '../decoder/index.js';
import { instr } from '../ast/instr.js';
import { VALIDATED_BODY_FEATURES } from '../ast/features.js';
import { Op } from '../ast/op-ids.js';
import { F32, F64, I32, I64, type ValType } from '../ast/types.js';
import { R } from './isa-ids.js';
import { cellsOf } from './regfile.js';
import type { FuncInst, Instance } from './runtime.js';
import { Emitter } from './translate-emit.js';

/** Where a stack slot's value is. */
export const enum Loc {
  Home,
  Local,
  Const,
  /** Register `val` plus the i32 constant `hi`, not computed yet (an address, usually). */
  AddImm,
}

/** Most constant pool cells per function (constants beyond it are written where used). */
const MAX_POOL_CELLS = 256;


/**
 * How many constant instructions `body` has (an upper bound on its distinct
 * constants), and how deeply legacy `try` blocks nest in it.
 */
function scanBody(body: Uint8Array): { constants: number; tryDepth: number } {
  const r = new Reader(body);
  r.features = VALIDATED_BODY_FEATURES;
  const ins = instr(0);
  let n = 0;
  // Whether each open block is a legacy try.
  const open: boolean[] = [];
  let tries = 0;
  let tryDepth = 0;
  while (r.pos < r.end) {
    readInstr(r, ins);
    const op = ins.op;
    if (op === Op.i32_const || op === Op.i64_const || op === Op.f32_const || op === Op.f64_const) n++;
    else if (op === Op.block || op === Op.loop || op === Op.if || op === Op.try_table) open.push(false);
    else if (op === Op.try) {
      open.push(true);
      tryDepth = Math.max(tryDepth, ++tries);
    } else if ((op === Op.end || op === Op.delegate) && open.pop() === true) tries--;
  }
  return { constants: n, tryDepth };
}

export class StackModel extends Emitter {
  protected readonly inst: Instance;
  protected readonly fn: FuncInst;
  protected readonly localTypes: ValType[] = [];
  /** Cell of each local (running sum of widths). */
  protected readonly localCell: number[] = [];
  /** Cells of the parameters, and of all locals. */
  protected readonly paramCells: number;
  protected readonly localCells: number;

  // Per stack slot: where its value is, its value or register, the high word of a constant, its type, its home cell.
  protected readonly loc: Loc[] = [];
  protected readonly val: number[] = [];
  protected readonly hi: number[] = [];
  protected readonly type: ValType[] = [];
  /** Home cell of slot k, counted from the first temporary. */
  protected readonly cell: number[] = [];
  /** Stack height, in slots. */
  protected h = 0;
  /** Most temporary cells in use at once. */
  protected maxCells = 0;

  protected readonly poolIndex = new Map<string, number>();
  protected readonly poolWords: number[] = [];
  protected readonly poolCells: number;
  /** Cells for exceptions caught by legacy `catch` clauses, one per `try` nesting level. */
  protected readonly exnCells: number;

  constructor(fn: FuncInst) {
    super();
    this.fn = fn;
    this.inst = fn.instance!;
    const def = fn.def!;
    for (const t of fn.type.params) this.localTypes.push(t);
    for (const run of def.locals) for (let i = 0; i < run.count; i++) this.localTypes.push(run.type);
    let cells = 0;
    for (const t of this.localTypes) {
      this.localCell.push(cells);
      cells += cellsOf(t);
    }
    this.localCells = cells;
    this.paramCells = fn.type.params.reduce((n, t) => n + cellsOf(t), 0);
    const scan = scanBody(def.body);
    this.poolCells = Math.min(scan.constants, MAX_POOL_CELLS);
    this.exnCells = scan.tryDepth;
  }

  /** The register (word offset) of local x. */
  protected localReg(x: number): number {
    return this.localCell[x]! << 1;
  }

  /** The first temporary's cell. */
  protected get tempBase(): number {
    return this.localCells + this.poolCells + this.exnCells;
  }

  /** The register of the exception cell of legacy `try` nesting level `level` (0: outermost). */
  protected exnCell(level: number): number {
    return (this.localCells + this.poolCells + level) << 1;
  }

  /** Is register w a temporary (a slot's home; dead once its slot is popped)? */
  protected isTemp(w: number): boolean {
    return w >= this.tempBase << 1;
  }

  /** The home register of slot k (k may be the height: the next slot's home). */
  protected home(k: number): number {
    const c = k < this.h ? this.cell[k]! : this.nextCell(k);
    return (this.tempBase + c) << 1;
  }

  /** The home cell a new slot k would get (above slot k - 1). */
  private nextCell(k: number): number {
    return k === 0 ? 0 : this.cell[k - 1]! + cellsOf(this.type[k - 1]!);
  }

  /** Pushes a slot of type t at `l` (its `val`/`hi` are the caller's to set) and returns its index. */
  protected newSlot(t: ValType, l: Loc): number {
    const k = this.h;
    const c = this.nextCell(k);
    this.h++;
    this.loc[k] = l;
    this.type[k] = t;
    this.cell[k] = c;
    const top = c + cellsOf(t);
    if (top > this.maxCells) this.maxCells = top;
    return k;
  }

  /** Pushes a result of type t in its home and returns that register. */
  protected push(t: ValType): number {
    return this.home(this.newSlot(t, Loc.Home));
  }

  protected pushConst(t: ValType, lo: number, hi: number): void {
    const k = this.newSlot(t, Loc.Const);
    this.val[k] = lo;
    this.hi[k] = hi;
  }

  /** The pool register holding constant (t, lo, hi), or -1 when the pool is full. */
  protected poolReg(t: ValType, lo: number, hi: number): number {
    const wide = t === I64 || t === F64;
    const key = `${lo}:${wide ? hi : 0}`;
    let i = this.poolIndex.get(key);
    if (i === undefined) {
      i = this.poolWords.length >> 1;
      if (i >= this.poolCells) return -1;
      this.poolIndex.set(key, i);
      this.poolWords.push(lo, wide ? hi : 0);
    }
    return (this.localCells + i) << 1;
  }

  /** The pool register of i32 constant v if the pool already has it, else -1 (adds nothing). */
  protected pooled(v: number): number {
    const i = this.poolIndex.get(`${v}:0`);
    return i === undefined ? -1 : (this.localCells + i) << 1;
  }

  protected move(dst: number, src: number, t: ValType): void {
    if (dst === src) return;
    this.op(t === I32 || t === F32 ? R.mov32 : t === I64 ? R.mov64 : t === F64 ? R.mov_f64 : R.mov_ref, dst, src);
  }

  private constTo(dst: number, t: ValType, lo: number, hi: number): void {
    if (t === I32 || t === F32) this.op(R.const32, dst, lo);
    else this.op(R.const64, dst, lo, hi);
  }

  /** Writes slot k's value to register `dst` (no change to the model). */
  protected copySlot(k: number, dst: number): void {
    const l = this.loc[k]!;
    if (l === Loc.AddImm) this.op(R.i32_add_imm, dst, this.val[k]!, this.hi[k]!);
    else if (l === Loc.Const) this.constTo(dst, this.type[k]!, this.val[k]!, this.hi[k]!);
    else this.move(dst, l === Loc.Local ? this.localReg(this.val[k]!) : this.home(k), this.type[k]!);
  }

  /** Moves slot k's value into its home (if it is not there yet). */
  protected materialize(k: number): void {
    if (this.loc[k] === Loc.Home) return;
    this.copySlot(k, this.home(k));
    this.loc[k] = Loc.Home;
  }

  /** The register holding slot k's value (a constant's pool cell, or its home when the pool is full). */
  protected reg(k: number): number {
    const l = this.loc[k]!;
    if (l === Loc.Local) return this.localReg(this.val[k]!);
    if (l === Loc.Const) {
      const p = this.poolReg(this.type[k]!, this.val[k]!, this.hi[k]!);
      if (p !== -1) return p;
    }
    this.materialize(k);
    return this.home(k);
  }

  /** Pops the top slot and returns its register. */
  protected popReg(): number {
    const r = this.reg(this.h - 1);
    this.h--;
    return r;
  }

  /** Materializes the top n slots (call arguments) and pops them; returns the home of the first. */
  protected args(n: number): number {
    for (let k = this.h - n; k < this.h; k++) this.materialize(k);
    this.h -= n;
    return this.home(this.h);
  }

  /**
   * Materializes every slot that reads local `local` (all locals if -1), and
   * with -1 every pending add too: before a label or a change of that local.
   */
  protected materializeLocals(from = 0, local = -1): void {
    const L = local < 0 ? -1 : this.localReg(local);
    for (let k = from; k < this.h; k++) {
      const l = this.loc[k];
      if (l === Loc.Local && (local < 0 || this.val[k] === local)) this.materialize(k);
      else if (l === Loc.AddImm && (local < 0 || this.val[k] === L)) this.materialize(k);
    }
  }

  /** Can the last instruction's destination (slot k's home) be retargeted? */
  protected canRetarget(k: number): boolean {
    return this.loc[k] === Loc.Home && this.lastDest >= 0 && this.lastStart >= this.labelPos
      && this.code[this.lastDest] === this.home(k);
  }

  /**
   * `local.set x`/`local.tee x`: right after the instruction that produced the
   * value, retargets that instruction's destination to local x (unless a
   * label was bound in between: another path could reach the set); slots
   * still reading x are materialized first.
   */
  protected localSet(x: number, tee: boolean): void {
    const k = this.h - 1;
    const L = this.localReg(x);
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

  /** `local.get x`: a slot reading local x (emits nothing). */
  protected localGet(x: number): void {
    this.val[this.newSlot(this.localTypes[x]!, Loc.Local)] = x;
  }
}
