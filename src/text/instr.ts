/**
 * Instructions in the text format ("Text Format › Instructions"): plain and
 * block instructions in flat and folded form, both exception syntaxes
 * (`try_table` and the legacy `try`/`catch`/`delegate`), labels with
 * shadowing and the `end $l` / `else $l` checks, and every immediate shape of
 * the opcode table (memargs with `offset=`/`align=`, lanes, v128 shapes,
 * heap and reference types, type uses of blocks and `call_indirect`).
 *
 * Instructions are encoded straight into the body's bytes as they are parsed
 * (`writeInstr`), so no instruction tree is ever built; folded instructions
 * keep their immediates in a per-depth `Instr` until their operands are out.
 *
 * Mnemonics come from the opcode table (OP_BY_NAME); the binary-variant rows
 * (`select_t`, `ref.test_null`, `ref.cast_null`, `ref.cast_desc_eq_null`) are
 * not text mnemonics and are chosen from the text form here.
 *
 * Deliberately not here: typing (the validator), constant-expression rules
 * (which instructions are constant is the validator's business too).
 */
import { Imm, OPCODES, OP_BY_NAME } from '../ast/opcodes.js';
import { Op } from '../ast/op-ids.js';
import { CatchKind, MEMARG_HAS_MEMORY, instr, type Instr } from '../ast/instr.js';
import { BLOCK_EMPTY, blockTypeOfIndex, refNullable, type ValType } from '../ast/types.js';
import { isIntegerLiteral } from '../numeric/parse.js';
import { f32Const, f64Const, intConst, isLaneLiteral, v128Const } from './literals.js';
import { writeInstr } from '../encoder/instr.js';
import { Writer } from '../encoder/writer.js';
import { BRANCH_HINT, Tok } from './lexer.js';
import { natFromText, type Cursor } from './cursor.js';
import { atIdx, resolveIdx, type FuncCtx, type ModCtx, type Space } from './context.js';
import { heapType, paramsResults, refTypeText, valType } from './types.js';

/** Text mnemonics: the table's names without the binary-variant rows. */
const TEXT_OPS: ReadonlyMap<string, number> = new Map(
  [...OP_BY_NAME].filter(([, op]) => op !== Op.select_t && op !== Op.ref_test_null && op !== Op.ref_cast_null
    && op !== Op.ref_cast_desc_eq_null && op !== Op.else && op !== Op.end && op !== Op.catch && op !== Op.catch_all
    && op !== Op.delegate),
);

/** Keywords that end an instruction sequence inside a flat block. */
const enum Stop { None, End, Else, Catch, CatchAll, Delegate }

/** The state of parsing one expression (a function body or a constant expression). */
export class BodyParser {
  readonly c: Cursor;
  readonly x: ModCtx;
  readonly f: FuncCtx;
  readonly w: Writer;
  private readonly pool: Instr[] = [];
  private depth = 0;
  /** Value of a branch-hint annotation waiting for its instruction, or -1. */
  private pendingHint = -1;
  private pendingHintAt = 0;

  constructor(c: Cursor, x: ModCtx, f: FuncCtx, w = new Writer()) {
    this.c = c;
    this.x = x;
    this.f = f;
    this.w = w;
  }

  /** Parses instructions up to the closing `)` of the enclosing form (not consumed) and writes `end`. */
  expr(): Uint8Array {
    const stop = this.instrs();
    if (stop !== Stop.None) this.c.unexpected();
    this.w.u8(0x0b);
    return this.w.finish().slice();
  }

  private ins(): Instr {
    let i = this.pool[this.depth];
    if (i === undefined) {
      i = instr(0);
      this.pool[this.depth] = i;
    }
    i.list = [];
    i.catches = [];
    i.bytes = null;
    return i;
  }

  /** Parses exactly one folded instruction and writes `end` (the `offset`/`item` abbreviations). */
  single(): Uint8Array {
    if (this.c.kind !== Tok.LParen) this.c.unexpected();
    this.folded();
    this.w.u8(0x0b);
    return this.w.finish().slice();
  }

  /** Parses an instruction sequence; returns what stopped it (a `)` or a flat block keyword). */
  instrs(): Stop {
    const c = this.c;
    for (;;) {
      const k = c.kind;
      if (k === Tok.RParen || k === Tok.Eof) return this.stop(Stop.None);
      if (k === Tok.LParen) {
        this.folded();
        continue;
      }
      if (k === Tok.Annot && c.atAnnot(BRANCH_HINT)) {
        this.branchHint();
        continue;
      }
      if (k !== Tok.Keyword) c.unexpected();
      const stop = stopOf(c);
      if (stop !== Stop.None) return this.stop(stop);
      this.flat();
    }
  }

  /** The end of an instruction sequence: a branch hint must not be waiting for an instruction. */
  private stop(s: Stop): Stop {
    if (this.pendingHint >= 0) this.c.fail(`@${BRANCH_HINT} annotation: invalid placement`, this.pendingHintAt);
    return s;
  }

  /**
   * `(@metadata.code.branch_hint "\00" | "\01")` before an instruction (the
   * code-metadata convention, branch hinting): the hint belongs to the next
   * instruction that starts in the text (for a folded instruction, the
   * instruction itself, not its operands), recorded when its opcode is written.
   */
  private branchHint(): void {
    const c = this.c;
    const at = c.pos;
    const fail = (reason: string, where = at): never => c.fail(`@${BRANCH_HINT} annotation: ${reason}`, where);
    if (this.f.hints === null) fail('not in a function');
    c.pos++;
    const parts: Uint8Array[] = [];
    while (c.kind === Tok.String) parts.push(c.bytes());
    if (c.kind !== Tok.RParen) fail('unexpected token', c.pos);
    c.pos++;
    const n = parts.reduce((a, b) => a + b.length, 0);
    const v = n === 1 ? parts.find((b) => b.length === 1)![0]! : -1;
    if (v !== 0 && v !== 1) fail('invalid hint value');
    if (this.pendingHint >= 0) fail('duplicate annotation');
    this.pendingHint = v;
    this.pendingHintAt = at;
  }

  /** Takes the waiting branch hint (or -1) for the instruction starting here. */
  private takeHint(): number {
    const v = this.pendingHint;
    this.pendingHint = -1;
    return v;
  }

  /** Records hint `v` (if any) for the instruction whose opcode is written next. */
  private hintHere(v: number): void {
    if (v >= 0) this.f.hints!.push(this.w.len, v);
  }

  /** The Op of the mnemonic at the cursor (consumed). */
  private mnemonic(): number {
    const c = this.c;
    if (c.kind !== Tok.Keyword) c.unexpected();
    const op = TEXT_OPS.get(c.t.text(c.pos));
    if (op === undefined) return c.unexpected();
    c.pos++;
    return op;
  }

  /** One flat instruction (a block instruction includes its body up to `end`). */
  private flat(): void {
    const c = this.c;
    const hint = this.takeHint();
    const op = this.mnemonic();
    switch (op) {
      case Op.block: case Op.loop: case Op.if: {
        const label = this.openBlock(op, hint);
        let stop = this.instrs();
        if (op === Op.if && stop === Stop.Else) {
          c.pos++;
          this.endLabel(label);
          this.w.u8(0x05);
          stop = this.instrs();
        }
        if (stop !== Stop.End) c.unexpected();
        c.pos++;
        this.endLabel(label);
        this.f.labels.pop();
        this.w.u8(0x0b);
        return;
      }
      case Op.try_table: {
        const label = this.openBlock(op, hint);
        if (this.instrs() !== Stop.End) c.unexpected();
        c.pos++;
        this.endLabel(label);
        this.f.labels.pop();
        this.w.u8(0x0b);
        return;
      }
      case Op.try:
        this.flatTry(hint);
        return;
      default: {
        const ins = this.ins();
        ins.op = op;
        this.imms(ins);
        this.hintHere(hint);
        writeInstr(this.w, ins);
      }
    }
  }

  /** Legacy `try label? bt instr* (catch x instr*)* (catch_all instr*)? end` or `… delegate l`. */
  private flatTry(hint: number): void {
    const c = this.c;
    const label = this.openBlock(Op.try, hint);
    let stop = this.instrs();
    let sawCatch = false;
    let sawCatchAll = false;
    while (stop === Stop.Catch || stop === Stop.CatchAll) {
      // Handlers: any number of `catch x`, then at most one `catch_all`, last.
      if (sawCatchAll) c.unexpected();
      sawCatch = true;
      sawCatchAll = stop === Stop.CatchAll;
      c.pos++;
      if (stop === Stop.Catch) {
        this.w.u8(0x07);
        this.w.u32(resolveIdx(c, this.x.tags));
      } else {
        this.w.u8(0x19);
      }
      stop = this.instrs();
    }
    if (stop === Stop.Delegate) {
      if (sawCatch) c.unexpected();
      c.pos++;
      this.f.labels.pop();
      this.w.u8(0x18);
      this.w.u32(this.labelIdx());
      return;
    }
    if (stop !== Stop.End) c.unexpected();
    c.pos++;
    this.endLabel(label);
    this.f.labels.pop();
    this.w.u8(0x0b);
  }

  /** One folded instruction `( … )`. */
  private folded(): void {
    const c = this.c;
    const open = c.pos;
    const hint = this.takeHint();
    c.pos++;
    const op = this.mnemonic();
    switch (op) {
      case Op.block: case Op.loop: {
        this.openBlock(op, hint);
        if (this.instrs() !== Stop.None) c.unexpected();
        this.f.labels.pop();
        this.w.u8(0x0b);
        break;
      }
      case Op.if: {
        this.openBlock(op, hint, true);
        if (!c.open('then')) c.unexpected();
        if (this.instrs() !== Stop.None) c.unexpected();
        c.rparen();
        if (c.open('else')) {
          this.w.u8(0x05);
          if (this.instrs() !== Stop.None) c.unexpected();
          c.rparen();
        }
        this.f.labels.pop();
        this.w.u8(0x0b);
        break;
      }
      case Op.try_table: {
        this.openBlock(op, hint);
        if (this.instrs() !== Stop.None) c.unexpected();
        this.f.labels.pop();
        this.w.u8(0x0b);
        break;
      }
      case Op.try:
        this.foldedTry(hint);
        break;
      default: {
        const ins = this.ins();
        ins.op = op;
        this.imms(ins);
        this.operands(false);
        this.hintHere(hint);
        writeInstr(this.w, ins);
      }
    }
    if (c.pos !== c.t.match[open]) c.unexpected();
    c.pos++;
  }

  /**
   * The head of block instruction `op`: its label, block type and (for
   * `try_table`) handlers, then for a folded `if` its operands; writes the
   * instruction with branch hint `hint` and opens its label, which it returns.
   */
  private openBlock(op: number, hint: number, foldedIf = false): string | null {
    const label = this.label();
    const ins = this.ins();
    ins.op = op;
    ins.x = this.blockType();
    if (op === Op.try_table) this.catches(ins);
    if (foldedIf) this.operands(true);
    this.hintHere(hint);
    writeInstr(this.w, ins);
    this.f.labels.push(label);
    return label;
  }

  /**
   * The folded operands of a folded instruction (up to `(then` for an `if`),
   * with the branch hints among them.
   */
  private operands(untilThen: boolean): void {
    const c = this.c;
    this.depth++;
    while ((c.kind === Tok.LParen && !(untilThen && c.isOpen('then'))) || c.atAnnot(BRANCH_HINT)) {
      if (c.kind === Tok.Annot) this.branchHint();
      else this.folded();
    }
    this.stop(Stop.None);
    this.depth--;
  }

  /** Legacy folded `(try label? bt (do instr*) (catch x instr*)* (catch_all instr*)?)` or `… (delegate l))`. */
  private foldedTry(hint: number): void {
    const c = this.c;
    this.openBlock(Op.try, hint);
    if (!c.open('do')) c.unexpected();
    if (this.instrs() !== Stop.None) c.unexpected();
    c.rparen();
    let sawCatch = false;
    let sawCatchAll = false;
    for (;;) {
      if ((c.isOpen('catch') || c.isOpen('catch_all')) && sawCatchAll) c.unexpected(c.pos + 1);
      if (c.isOpen('delegate') && sawCatch) c.unexpected(c.pos + 1);
      if (c.isOpen('catch') || c.isOpen('catch_all')) sawCatch = true;
      if (c.isOpen('catch_all')) sawCatchAll = true;
      if (c.open('catch')) {
        this.w.u8(0x07);
        this.w.u32(resolveIdx(c, this.x.tags));
      } else if (c.open('catch_all')) {
        this.w.u8(0x19);
      } else {
        break;
      }
      if (this.instrs() !== Stop.None) c.unexpected();
      c.rparen();
    }
    if (c.open('delegate')) {
      this.f.labels.pop();
      this.w.u8(0x18);
      this.w.u32(this.labelIdx());
      c.rparen();
      return;
    }
    this.f.labels.pop();
    this.w.u8(0x0b);
  }

  /** An optional block label. */
  private label(): string | null {
    return this.c.optBindId();
  }

  /** After `end`/`else`: an optional identifier that must repeat the block's label. */
  private endLabel(label: string | null): void {
    const c = this.c;
    if (c.kind !== Tok.Id) return;
    const at = c.pos;
    const id = c.optId();
    if (id !== label) c.fail('mismatching label', at);
  }

  /** A label index: a number or a label name (innermost binding wins). */
  private labelIdx(): number {
    const c = this.c;
    if (c.kind !== Tok.Id) return c.u32();
    const at = c.pos;
    const name = c.optId();
    const ls = this.f.labels;
    for (let i = ls.length - 1; i >= 0; i--) if (ls[i] === name) return ls.length - 1 - i;
    return c.fail(`unknown label $${name}`, at);
  }

  /**
   * A type use without parameter names: `(type x)`, inline `param`/`result`
   * declarations, or both (which must agree). Returns the type index given
   * (-1 if none) with the inline types.
   */
  private typeUse(): { idx: number; params: ValType[]; results: ValType[] } {
    const c = this.c;
    const x = this.x;
    let idx = -1;
    const at = c.pos;
    if (c.open('type')) {
      idx = resolveIdx(c, x.types);
      c.rparen();
    }
    const params: ValType[] = [];
    const results: ValType[] = [];
    paramsResults(c, x, params, results, null);
    if (idx >= 0) {
      if (params.length > 0 || results.length > 0) {
        if (idx >= x.types.count) c.fail('unknown type', at);
        const ft = x.funcType(idx);
        if (ft === null || ft.params.join() !== params.join() || ft.results.join() !== results.join()) {
          inlineTypeMismatch(c, at);
        }
      }
    }
    return { idx, params, results };
  }

  /** A block type: empty, one result type, or a type use. */
  private blockType(): number {
    const { idx, params, results } = this.typeUse();
    if (idx >= 0) return blockTypeOfIndex(idx);
    if (params.length === 0 && results.length === 0) return BLOCK_EMPTY;
    if (params.length === 0 && results.length === 1) return results[0]!;
    return blockTypeOfIndex(this.x.typeFor(params, results));
  }

  /** `try_table` catch clauses. */
  private catches(ins: Instr): void {
    const c = this.c;
    for (;;) {
      let kind: CatchKind;
      if (c.open('catch')) kind = CatchKind.Catch;
      else if (c.open('catch_ref')) kind = CatchKind.CatchRef;
      else if (c.open('catch_all')) kind = CatchKind.CatchAll;
      else if (c.open('catch_all_ref')) kind = CatchKind.CatchAllRef;
      else return;
      const tag = kind < CatchKind.CatchAll ? resolveIdx(c, this.x.tags) : 0;
      ins.catches.push({ kind, tag, label: this.labelIdx() });
      c.rparen();
    }
  }

  /** An optional index in `space` (default 0). */
  private optIdx(space: Space): number {
    return atIdx(this.c) ? resolveIdx(this.c, space) : 0;
  }

  /** Reads the immediates of a plain instruction into `ins`. */
  private imms(ins: Instr): void {
    const c = this.c;
    const x = this.x;
    const op = ins.op;
    switch (OPCODES[op]![3]) {
      case Imm.None:
        if (op === Op.select && (c.isOpen('result'))) {
          ins.op = Op.select_t;
          while (c.open('result')) {
            while (c.kind !== Tok.RParen) ins.list.push(valType(c, x));
            c.rparen();
          }
        }
        return;
      case Imm.BlockType:
        ins.x = this.blockType();
        return;
      case Imm.Label:
        ins.x = this.labelIdx();
        return;
      case Imm.BrTable: {
        const list = ins.list;
        list.push(this.labelIdx());
        while (c.kind === Tok.Id || c.kind === Tok.Num) list.push(this.labelIdx());
        ins.x = list.pop()!;
        return;
      }
      case Imm.Func: ins.x = resolveIdx(c, x.funcs); return;
      case Imm.Type: ins.x = resolveIdx(c, x.types); return;
      case Imm.Tag: ins.x = resolveIdx(c, x.tags); return;
      case Imm.Global: ins.x = resolveIdx(c, x.globals); return;
      case Imm.Data: ins.x = resolveIdx(c, x.datas); x.usesDataCount = true; return;
      case Imm.Elem: ins.x = resolveIdx(c, x.elems); return;
      case Imm.Local: ins.x = this.localIdx(); return;
      case Imm.Table: ins.x = this.optIdx(x.tables); return;
      case Imm.Memory: ins.x = this.optIdx(x.memories); return;
      case Imm.CallIndirect: {
        ins.y = this.optIdx(x.tables);
        ins.x = this.callType();
        return;
      }
      case Imm.MemArg:
        this.memArg(ins, false);
        return;
      case Imm.MemArgLane:
        this.memArg(ins, true);
        ins.z = this.lane();
        return;
      case Imm.Lane:
        ins.x = this.lane();
        return;
      case Imm.Shuffle: {
        // 16 lane literals, counted first ("invalid lane length"), each an i8.
        let n = 0;
        while (isLaneLiteral(c, c.pos + n)) n++;
        if (n !== 16) c.fail('invalid lane length');
        const b = new Uint8Array(16);
        for (let i = 0; i < 16; i++) {
          const v = natFromText(c.t.text(c.pos));
          if (v === null || v > 255n) c.fail('i8 constant out of range');
          b[i] = Number(v);
          c.pos++;
        }
        ins.bytes = b;
        return;
      }
      case Imm.V128:
        ins.bytes = v128Const(c);
        return;
      case Imm.I32: ins.x = intConst(c, 32) as number; return;
      case Imm.I64: {
        const v = intConst(c, 64) as { lo: number; hi: number };
        ins.lo = v.lo;
        ins.hi = v.hi;
        return;
      }
      case Imm.F32: ins.x = f32Const(c); return;
      case Imm.F64: {
        const v = f64Const(c);
        ins.lo = v.lo;
        ins.hi = v.hi;
        return;
      }
      case Imm.SelectTypes:
        return;
      case Imm.HeapType: {
        if (op === Op.ref_null) {
          ins.x = heapType(c, x, true);
          return;
        }
        // ref.test / ref.cast / ref.cast_desc_eq take a reference type; nullable picks the _null row.
        const rt = refTypeText(c, x);
        ins.x = rt;
        if (refNullable(rt)) {
          ins.op = op === Op.ref_test ? Op.ref_test_null : op === Op.ref_cast ? Op.ref_cast_null : Op.ref_cast_desc_eq_null;
        }
        return;
      }
      case Imm.TypeField: {
        ins.x = resolveIdx(c, x.types);
        ins.y = this.fieldIdx(ins.x);
        return;
      }
      case Imm.TypeCount:
        ins.x = resolveIdx(c, x.types);
        ins.y = c.u32();
        return;
      case Imm.TypeData:
        x.usesDataCount = true;
        ins.x = resolveIdx(c, x.types);
        ins.y = resolveIdx(c, x.datas);
        return;
      case Imm.TypeElem:
        ins.x = resolveIdx(c, x.types);
        ins.y = resolveIdx(c, x.elems);
        return;
      case Imm.TypeType:
        ins.x = resolveIdx(c, x.types);
        ins.y = resolveIdx(c, x.types);
        return;
      case Imm.DataMemory: {
        // memory.init memidx? dataidx
        x.usesDataCount = true;
        if (twoIndices(c)) {
          ins.y = resolveIdx(c, x.memories);
          ins.x = resolveIdx(c, x.datas);
        } else {
          ins.y = 0;
          ins.x = resolveIdx(c, x.datas);
        }
        return;
      }
      case Imm.ElemTable:
        if (twoIndices(c)) {
          ins.y = resolveIdx(c, x.tables);
          ins.x = resolveIdx(c, x.elems);
        } else {
          ins.y = 0;
          ins.x = resolveIdx(c, x.elems);
        }
        return;
      case Imm.MemoryMemory:
        ins.x = this.optIdx(x.memories);
        ins.y = atIdx(c) ? resolveIdx(c, x.memories) : ins.x;
        return;
      case Imm.TableTable:
        ins.x = this.optIdx(x.tables);
        ins.y = atIdx(c) ? resolveIdx(c, x.tables) : ins.x;
        return;
      case Imm.BrOnCast:
        ins.x = this.labelIdx();
        ins.y = refTypeText(c, x);
        ins.z = refTypeText(c, x);
        return;
      case Imm.TryTable:
        return;
      case Imm.Zero:
        return;
    }
  }

  private localIdx(): number {
    const c = this.c;
    if (c.kind !== Tok.Id) return c.u32();
    const at = c.pos;
    const name = c.optId()!;
    const i = this.f.locals.get(name);
    if (i === undefined) return c.fail(`unknown local $${name}`, at);
    return i;
  }

  private fieldIdx(typeIdx: number): number {
    const c = this.c;
    if (c.kind !== Tok.Id) return c.u32();
    const at = c.pos;
    const name = c.optId()!;
    const i = this.x.fields.get(typeIdx)?.get(name);
    if (i === undefined) return c.fail(`unknown field $${name}`, at);
    return i;
  }

  /** The type use of `call_indirect` and `return_call_indirect` (no parameter names allowed). */
  private callType(): number {
    const { idx, params, results } = this.typeUse();
    return idx >= 0 ? idx : this.x.typeFor(params, results);
  }

  /** A memarg: optional memory index, `offset=`, `align=` (must be a power of two). */
  private memArg(ins: Instr, lane: boolean): void {
    const c = this.c;
    let mem = 0;
    if (c.kind === Tok.Id) mem = resolveIdx(c, this.x.memories);
    else if (c.isNat() && (!lane || c.t.kind[c.pos + 1] === Tok.Num || isMemArgKeyword(c, c.pos + 1))) {
      mem = c.u32();
    }
    let offset = 0n;
    if (c.kind === Tok.Keyword && c.t.text(c.pos).startsWith('offset=')) {
      const s = c.t.text(c.pos).slice(7);
      const v = natFromText(s);
      if (v === null) return isIntegerLiteral(s) && s[0] !== '-' && s[0] !== '+' ? c.fail('i64 constant out of range') : c.fail('unknown operator');
      offset = v;
      c.pos++;
    }
    let alignLog2 = OPCODES[ins.op]![6];
    if (c.kind === Tok.Keyword && c.t.text(c.pos).startsWith('align=')) {
      const s = c.t.text(c.pos).slice(6);
      const v = natFromText(s);
      if (v === null) return isIntegerLiteral(s) && s[0] !== '-' && s[0] !== '+' ? c.fail('i64 constant out of range') : c.fail('unknown operator');
      if (v === 0n || (v & (v - 1n)) !== 0n) c.fail('alignment must be a power of two');
      alignLog2 = v.toString(2).length - 1;
      c.pos++;
    }
    ins.x = alignLog2 | (mem !== 0 ? MEMARG_HAS_MEMORY : 0);
    ins.y = mem;
    ins.lo = Number(offset & 0xffffffffn) | 0;
    ins.hi = Number(offset >> 32n) | 0;
  }

  /** A lane index: an unsigned literal below 256. */
  private lane(): number {
    const c = this.c;
    if (!c.isNat()) c.unexpected();
    const v = natFromText(c.t.text(c.pos));
    if (v === null || v > 255n) c.fail('i8 constant out of range');
    c.pos++;
    return Number(v);
  }
}

/**
 * A type use whose inline signature contradicts `(type x)`: "inline function
 * type", unless a misplaced `(param …)`/`(result …)`/`(type …)` follows, which
 * the reference parser reports first as a syntax error.
 */
export function inlineTypeMismatch(c: Cursor, at: number): never {
  if (c.isOpen('param') || c.isOpen('result') || c.isOpen('type')) return c.fail('unexpected token', c.pos + 1);
  return c.fail('inline function type', at);
}

function isMemArgKeyword(c: Cursor, at: number): boolean {
  if (c.t.kind[at] !== Tok.Keyword) return false;
  const s = c.t.text(at);
  return s.startsWith('offset=') || s.startsWith('align=');
}

/** Are there two indices ahead (`memory.init $m $d`, `table.init $t $e`)? */
function twoIndices(c: Cursor): boolean {
  const k1 = c.t.kind[c.pos];
  const k2 = c.t.kind[c.pos + 1];
  return (k1 === Tok.Id || k1 === Tok.Num) && (k2 === Tok.Id || k2 === Tok.Num);
}

function stopOf(c: Cursor): Stop {
  if (c.is('end')) return Stop.End;
  if (c.is('else')) return Stop.Else;
  if (c.is('catch')) return Stop.Catch;
  if (c.is('catch_all')) return Stop.CatchAll;
  if (c.is('delegate')) return Stop.Delegate;
  return Stop.None;
}
