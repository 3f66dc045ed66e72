/**
 * Segments and custom sections in the text format ("Text Format › Modules ›
 * Element Segments / Data Segments", "Custom Annotations"): element lists in
 * all their spellings (`func x*`, typed `(item …)` lists, the legacy index
 * list, the `offset`/`item` folded shorthands), data strings, constant
 * expressions, and `(@custom …)` sections with their placement. Element
 * segments get the binary spelling the reference encoder chooses.
 *
 * Deliberately not here: the table and memory fields' inline segments (their
 * fields in module.ts build them with these helpers), validation.
 */
import { SECTION_ORDER, SectionId, type Elem } from '../ast/module.js';
import { FUNCREF, Heap, I64, refType, type ValType } from '../ast/types.js';
import { Tok, utf8ToString } from './lexer.js';
import type { Cursor } from './cursor.js';
import { FuncCtx, atIdx, resolveIdx, type ModCtx } from './context.js';
import { BodyParser } from './instr.js';
import { atValType, refTypeText } from './types.js';

/** A constant expression up to the enclosing `)` (not consumed). */
export function constExpr(c: Cursor, x: ModCtx): Uint8Array {
  return new BodyParser(c, x, new FuncCtx()).expr();
}

/** An `i32.const 0` / `i64.const 0` offset expression. */
export function constOf(t: ValType): Uint8Array {
  return Uint8Array.of(t === I64 ? 0x42 : 0x41, 0, 0x0b);
}

/** The concatenation of byte strings (a data string). */
export function concat(parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/** An offset: `(offset expr)` or one folded instruction. */
function offsetExpr(c: Cursor, x: ModCtx): Uint8Array {
  if (c.open('offset')) {
    const e = constExpr(c, x);
    c.rparen();
    return e;
  }
  if (c.kind !== Tok.LParen) c.unexpected();
  return oneFolded(c, x);
}

/** Exactly one folded instruction as a constant expression (the `offset`/`item` abbreviation). */
export function oneFolded(c: Cursor, x: ModCtx): Uint8Array {
  return new BodyParser(c, x, new FuncCtx()).single();
}

/** `(elem $id? …)` after `(elem`. */
export function elemField(c: Cursor, x: ModCtx): void {
  c.optBindId();
  const seg: Elem = {
    mode: 'passive', table: 0, offset: null, type: FUNCREF, funcs: null, exprs: null,
    explicitTable: false,
  };
  if (c.is('declare')) {
    c.pos++;
    seg.mode = 'declarative';
    elemList(c, x, seg, false);
  } else if (c.isOpen('table') || c.kind === Tok.LParen && !c.isOpen('item') && !atValType(c)) {
    seg.mode = 'active';
    if (c.open('table')) {
      seg.table = resolveIdx(c, x.tables);
      c.rparen();
    }
    seg.offset = offsetExpr(c, x);
    elemList(c, x, seg, true);
  } else if (atIdx(c) && c.t.kind[c.pos + 1] === Tok.LParen) {
    // (elem $t (offset …) …): a table index without the (table …) wrapper (MVP syntax).
    seg.mode = 'active';
    seg.table = resolveIdx(c, x.tables);
    seg.offset = offsetExpr(c, x);
    elemList(c, x, seg, true);
  } else {
    elemList(c, x, seg, false);
  }
  c.rparen();
  finishElem(seg);
  x.m.elems.push(seg);
}

/**
 * The element list: `func x*`, `reftype (item expr | folded)*`, or (active
 * segments only) a bare function index list. Sets `funcs` or `exprs`.
 */
export function elemList(c: Cursor, x: ModCtx, seg: Elem, legacyOk: boolean): void {
  if (c.is('func')) {
    c.pos++;
    seg.type = REF_FUNC;
    seg.funcs = [];
    while (atIdx(c)) seg.funcs.push(resolveIdx(c, x.funcs));
    return;
  }
  if (atValType(c)) {
    seg.type = refTypeText(c, x);
    seg.exprs = [];
    while (c.kind === Tok.LParen) {
      if (c.open('item')) {
        seg.exprs.push(constExpr(c, x));
        c.rparen();
      } else {
        seg.exprs.push(oneFolded(c, x));
      }
    }
    return;
  }
  if (!legacyOk && c.kind !== Tok.RParen && !atIdx(c)) c.unexpected();
  seg.type = REF_FUNC;
  seg.funcs = [];
  while (atIdx(c)) seg.funcs.push(resolveIdx(c, x.funcs));
}

/** `(ref func)`: the type of `func x*` element lists, and of the binary index-list forms. */
const REF_FUNC = refType(false, Heap.Func);

/**
 * Chooses the binary spelling like the reference encoder. `seg.type` holds
 * the segment's type as written: index lists (binary flags 0-3) when it is
 * `(ref func)` and every item is `ref.func x`, else expressions; the table
 * index is implicit (flags 0/4) only for table 0 with `(ref func)` indices or
 * `funcref` expressions. Index-list segments store `funcref` as their type,
 * as the decoder does.
 */
export function finishElem(seg: Elem): void {
  const type = seg.type;
  if (seg.funcs !== null && type !== REF_FUNC) {
    seg.exprs = seg.funcs.map(refFuncExpr);
    seg.funcs = null;
  }
  if (seg.exprs !== null && type === REF_FUNC) {
    const funcs: number[] = [];
    for (const e of seg.exprs) {
      const f = refFuncOf(e);
      if (f < 0) break;
      funcs.push(f);
    }
    if (funcs.length === seg.exprs.length) {
      seg.funcs = funcs;
      seg.exprs = null;
    }
  }
  if (seg.funcs !== null) {
    seg.type = FUNCREF;
    seg.explicitTable = seg.mode === 'active' && seg.table !== 0;
  } else {
    seg.explicitTable = seg.mode === 'active' && (seg.table !== 0 || type !== FUNCREF);
  }
}

/** `ref.func f end` as bytes. */
function refFuncExpr(f: number): Uint8Array {
  const b: number[] = [0xd2];
  do {
    let byte = f & 0x7f;
    f >>>= 7;
    if (f !== 0) byte |= 0x80;
    b.push(byte);
  } while (f !== 0);
  b.push(0x0b);
  return Uint8Array.from(b);
}

/** The function index of an expression that is exactly `ref.func x end`, else -1. */
function refFuncOf(e: Uint8Array): number {
  if (e[0] !== 0xd2) return -1;
  let v = 0;
  let shift = 0;
  let i = 1;
  for (;;) {
    const b = e[i++];
    if (b === undefined) return -1;
    v += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if ((b & 0x80) === 0) break;
  }
  return i === e.length - 1 && e[i] === 0x0b ? v : -1;
}

/** `(data $id? …)` after `(data`. */
export function dataField(c: Cursor, x: ModCtx): void {
  c.optBindId();
  let mode: 'active' | 'passive' = 'passive';
  let memory = 0;
  let offset: Uint8Array | null = null;
  if (c.kind === Tok.LParen || atIdx(c)) {
    mode = 'active';
    if (c.open('memory')) {
      memory = resolveIdx(c, x.memories);
      c.rparen();
    } else if (atIdx(c)) {
      memory = resolveIdx(c, x.memories);
    }
    offset = offsetExpr(c, x);
  }
  const parts: Uint8Array[] = [];
  while (c.kind === Tok.String) parts.push(c.bytes());
  c.rparen();
  x.m.datas.push({ mode, memory, offset, init: concat(parts), explicitMemory: memory !== 0 });
}

/** Section ids by their names in a custom annotation's place ("Custom Annotations"). */
const PLACE_SECTIONS: Record<string, number> = {
  type: SectionId.Type, import: SectionId.Import, func: SectionId.Function, table: SectionId.Table,
  memory: SectionId.Memory, tag: SectionId.Tag, global: SectionId.Global, export: SectionId.Export,
  start: SectionId.Start, elem: SectionId.Element, datacount: SectionId.DataCount, code: SectionId.Code,
  data: SectionId.Data,
};

/**
 * `(@custom "name" place? datastring)` after `(@custom`: a custom section.
 * Its place becomes the id of the section it follows (`before X` is after the
 * section preceding X in the binary order; no place means after the last).
 */
export function customField(c: Cursor, x: ModCtx): void {
  const fail = (reason: string, at = c.pos): never => c.fail(`@custom annotation: ${reason}`, at);
  if (c.kind !== Tok.String) fail('missing section name');
  const nameAt = c.pos;
  const nameText = utf8ToString(c.bytes());
  if (nameText === null) return fail('malformed UTF-8 encoding', nameAt);
  let after: number = SectionId.Data;
  if (c.kind === Tok.LParen) {
    c.pos++;
    const before = c.is('before');
    if (!before && !c.is('after')) fail('malformed placement');
    c.pos++;
    const where = c.t.kind[c.pos] === Tok.Keyword ? c.t.text(c.pos) : '';
    if (where === 'first' && before) after = 0;
    else if (where === 'last' && !before) after = SectionId.Data;
    else {
      const id = PLACE_SECTIONS[where];
      if (id === undefined) fail('malformed section kind');
      const k = SECTION_ORDER.indexOf(id);
      after = before ? (k === 0 ? 0 : SECTION_ORDER[k - 1]!) : id;
    }
    c.pos++;
    if (c.t.kind[c.pos] !== Tok.RParen) fail('unexpected token');
    c.pos++;
  }
  const parts: Uint8Array[] = [];
  while (c.kind === Tok.String) parts.push(c.bytes());
  if (c.kind !== Tok.RParen) fail('unexpected token');
  c.pos++;
  x.m.customs.push({ name: nameText, data: concat(parts), after });
}
