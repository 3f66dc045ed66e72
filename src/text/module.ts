/**
 * Modules in the text format ("Text Format › Modules"): every module field
 * with its abbreviations — inline imports and exports, inline `elem` in
 * tables and inline `data` in memories, named parameters and locals — into
 * the module AST. Segments and custom sections are read by segments.ts.
 *
 * Identifiers may be used before their definition, so a module is read in
 * three passes over its fields: (1) bind every field's identifier to its
 * index (imports come first in each index space, whatever their position),
 * (2) read the type definitions (types may only refer to types), (3) read
 * the other fields in text order, so that the types inline type uses add
 * are appended in their order of occurrence (as wabt does too).
 *
 * Deliberately not here: validation (limits, index ranges, constant
 * expressions), the name section (identifiers are not turned into one).
 */
import { ExternKind, SECTION_ORDER, SectionId, emptyModule, type CustomSection, type Elem, type Module } from '../ast/module.js';
import { bodyLocalsSize } from '../encoder/module.js';
import { encodeBranchHints } from '../encoder/branch-hints.js';
import type { BranchHintFunc } from '../decoder/branch-hints.js';
import { I32, I64, type ValType } from '../ast/types.js';
import { BRANCH_HINT, Tok, type Tokens } from './lexer.js';
import { Cursor } from './cursor.js';
import { FuncCtx, ModCtx, resolveIdx, type Space } from './context.js';
import { BodyParser } from './instr.js';
import { concat, constExpr, constOf, customField, dataField, elemField, elemList, finishElem, oneFolded } from './segments.js';
import {
  addrType, globalType, memType, pageSize, refTypeText, subType, tableType, typeUse, valType,
} from './types.js';

/** Parsing options. */
export interface TextOptions {
  /** Accept the custom-descriptors proposal's type clauses (default false). */
  customDescriptors?: boolean;
  /** Accept `(pagesize n)` (custom-page-sizes proposal; default true — the validator decides). */
  customPageSizes?: boolean;
  /**
   * Accept the `i64` address type and limits beyond u32 (memory64; default
   * true). Off, limits are u32 as in WebAssembly 2.0 ("i32 constant out of range").
   */
  memory64?: boolean;
}

type Kind = 'func' | 'table' | 'memory' | 'global' | 'tag';
const KINDS: readonly Kind[] = ['func', 'table', 'memory', 'global', 'tag'];
const KIND_WORD: Record<Kind, string> = { func: 'function', table: 'table', memory: 'memory', global: 'global', tag: 'tag' };

/** One field found by the scan: where it is and what it defines. */
interface Field {
  open: number;
  kw: string;
  importKind: Kind | null;
  index: number;
}

function space(x: ModCtx, k: Kind): Space {
  switch (k) {
    case 'func': return x.funcs;
    case 'table': return x.tables;
    case 'memory': return x.memories;
    case 'global': return x.globals;
    case 'tag': return x.tags;
  }
}

/**
 * Parses module fields from `c.pos` up to the `)` or end of input (not
 * consumed) into a module. Throws WatSyntaxError.
 */
export function parseModuleFields(c: Cursor, opts: TextOptions = {}): Module {
  const m = emptyModule();
  const x = new ModCtx(m, opts.customDescriptors ?? false, opts.customPageSizes ?? true, opts.memory64 ?? true);
  const fields = scan(c, x);
  const end = c.pos;
  // Pass 2: type definitions.
  for (const f of fields) {
    if (f.kw === 'type') {
      c.pos = f.open + 2;
      typeDef(c, x);
      m.recGroups.push({ start: m.types.length - 1, count: 1, explicit: false });
    } else if (f.kw === 'rec') {
      c.pos = f.open + 2;
      const start = m.types.length;
      while (c.open('type')) typeDef(c, x);
      c.rparen();
      m.recGroups.push({ start, count: m.types.length - start, explicit: true });
    }
  }
  // Pass 3: the other fields.
  for (const f of fields) {
    c.pos = f.open + 2;
    switch (f.kw) {
      case 'type': case 'rec': break;
      case 'import': importField(c, x); break;
      case 'func': {
        c.optBindId();
        exports(c, x, ExternKind.Func, f.index);
        if (inlineImport(c, x, f)) break;
        const tu = typeUse(c, x, true);
        m.funcTypes.push(tu.type);
        m.funcs.push(funcBody(c, x, f.index, tu.type, tu.paramNames, tu.paramCount));
        break;
      }
      case 'table': tableField(c, x, f); break;
      case 'memory': memoryField(c, x, f); break;
      case 'global': {
        c.optBindId();
        exports(c, x, ExternKind.Global, f.index);
        if (inlineImport(c, x, f)) break;
        const type = globalType(c, x);
        m.globals.push({ type, init: constExpr(c, x) });
        c.rparen();
        break;
      }
      case 'tag': {
        c.optBindId();
        exports(c, x, ExternKind.Tag, f.index);
        if (inlineImport(c, x, f)) break;
        m.tags.push({ type: typeUse(c, x, false).type });
        c.rparen();
        break;
      }
      case 'export': {
        const name = c.name();
        c.lparen();
        const kw = c.t.text(c.pos);
        const k = KINDS.find((kk) => kk === kw);
        if (k === undefined) c.unexpected();
        c.pos++;
        m.exports.push({ name, kind: externKind(k), index: resolveIdx(c, space(x, k)) });
        c.rparen();
        c.rparen();
        break;
      }
      case 'start': {
        if (m.start !== null) c.fail('multiple start sections', f.open);
        m.start = resolveIdx(c, x.funcs);
        c.rparen();
        break;
      }
      case 'elem': elemField(c, x); break;
      case 'data': dataField(c, x); break;
      case '@custom': c.pos = f.open + 1; customField(c, x); break;
      default: c.unexpected(f.open + 1);
    }
  }
  if (x.usesDataCount) m.dataCount = m.datas.length;
  if (x.branchHints.length > 0) m.customs.push(branchHintSection(x));
  c.pos = end;
  return m;
}

/**
 * Pass 1: finds the fields, binds their identifiers and assigns indices
 * (imports first). Checks that imports precede definitions.
 */
function scan(c: Cursor, x: ModCtx): Field[] {
  const t = c.t;
  const fields: Field[] = [];
  const defined: Partial<Record<Kind, boolean>> = {};
  const importCount: Record<Kind, number> = { func: 0, table: 0, memory: 0, global: 0, tag: 0 };
  const pending: { f: Field; id: string | null; at: number }[] = [];
  let elemCount = 0;
  let dataCount = 0;
  while (c.kind === Tok.LParen || c.kind === Tok.Annot) {
    const open = c.pos;
    if (c.kind === Tok.Annot) {
      // `(@custom …)` is a field (a custom section); `(@name …)` belongs after an identifier.
      if (c.atAnnot(BRANCH_HINT)) c.fail(`@${BRANCH_HINT} annotation: not in a function`);
      if (c.atNameAnnot()) {
        const p = prevOpen(t, open);
        if (fields.length === 0 && p >= 0 && c.atNameAnnot(p)) c.fail('@name annotation: multiple module');
        c.unexpected();
      }
      fields.push({ open, kw: '@custom', importKind: null, index: -1 });
      c.pos = c.after(open);
      continue;
    }
    if (t.kind[open + 1] !== Tok.Keyword) c.unexpected(open + 1);
    const kw = t.text(open + 1);
    const f: Field = { open, kw, importKind: null, index: -1 };
    c.pos = open + 2;
    switch (kw) {
      case 'type': {
        const at = c.pos;
        x.types.bind(c, c.optBindId(), x.types.count++, at);
        break;
      }
      case 'rec':
        while (c.isOpen('type')) {
          const o = c.pos;
          c.pos += 2;
          const at = c.pos;
          x.types.bind(c, c.optBindId(), x.types.count++, at);
          c.pos = c.after(o);
        }
        break;
      case 'import': {
        // (import "m" "n" (kind $id? …))
        if (t.kind[c.pos] !== Tok.String || t.kind[c.pos + 1] !== Tok.String) c.unexpected(t.kind[c.pos] === Tok.String ? c.pos + 1 : c.pos);
        c.pos += 2;
        if (t.kind[c.pos] !== Tok.LParen) c.unexpected();
        const k = KINDS.find((kk) => t.is(c.pos + 1, kk));
        if (k === undefined) c.unexpected(c.pos + 1);
        checkImportOrder(c, defined, open);
        f.importKind = k;
        f.index = importCount[k]++;
        c.pos += 2;
        const at = c.pos;
        pending.push({ f, id: c.optBindId(), at });
        break;
      }
      case 'func': case 'table': case 'memory': case 'global': case 'tag': {
        const k = kw as Kind;
        const at = c.pos;
        const id = c.optBindId();
        while (c.isOpen('export')) c.pos = c.after(c.pos);
        if (c.isOpen('import')) {
          checkImportOrder(c, defined, open);
          f.importKind = k;
          f.index = importCount[k]++;
        } else {
          defined[k] = true;
          if (k === 'table' && hasInline(c, 'elem')) elemCount++;
          if (k === 'memory' && hasInline(c, 'data')) dataCount++;
        }
        pending.push({ f, id, at });
        break;
      }
      case 'elem': {
        const at = c.pos;
        x.elems.bind(c, c.optBindId(), elemCount++, at);
        break;
      }
      case 'data': {
        const at = c.pos;
        x.datas.bind(c, c.optBindId(), dataCount++, at);
        break;
      }
      case 'export': case 'start':
        break;
      default:
        c.unexpected(open + 1);
    }
    fields.push(f);
    c.pos = c.after(open);
  }
  if (c.kind !== Tok.RParen && c.kind !== Tok.Eof) c.unexpected();
  const defCount: Record<Kind, number> = { func: 0, table: 0, memory: 0, global: 0, tag: 0 };
  for (const p of pending) {
    const k = p.f.importKind ?? (p.f.kw as Kind);
    if (p.f.importKind === null) p.f.index = importCount[k] + defCount[k]++;
    space(x, k).bind(c, p.id, p.f.index, p.at);
  }
  for (const k of KINDS) space(x, k).count = importCount[k] + defCount[k];
  x.elems.count = elemCount;
  x.datas.count = dataCount;
  return fields;
}

/** The opening token of the parenthesized group that ends just before `at`, or -1. */
function prevOpen(t: Tokens, at: number): number {
  if (t.kind[at - 1] !== Tok.RParen) return -1;
  for (let i = at - 2; i >= 0; i--) if ((t.kind[i] === Tok.LParen || t.kind[i] === Tok.Annot) && t.match[i] === at - 1) return i;
  return -1;
}

/** Does the field body at the cursor (after id and exports) hold an inline `(elem …)`/`(data …)`? */
function hasInline(c: Cursor, word: string): boolean {
  const t = c.t;
  let p = c.pos;
  while (t.kind[p] !== Tok.RParen && t.kind[p] !== Tok.Eof) {
    if (t.isOpen(p, word)) return true;
    p = t.kind[p] === Tok.LParen ? t.match[p]! + 1 : p + 1;
  }
  return false;
}

function checkImportOrder(c: Cursor, defined: Partial<Record<Kind, boolean>>, at: number): void {
  for (const k of KINDS) if (defined[k]) c.fail(`import after ${KIND_WORD[k]}`, at);
}

function externKind(k: Kind): ExternKind {
  switch (k) {
    case 'func': return ExternKind.Func;
    case 'table': return ExternKind.Table;
    case 'memory': return ExternKind.Memory;
    case 'global': return ExternKind.Global;
    case 'tag': return ExternKind.Tag;
  }
}

/** `(type $id? subtype)` after `(type`. */
function typeDef(c: Cursor, x: ModCtx): void {
  c.optBindId();
  const idx = x.m.types.length;
  x.m.types.push(subType(c, x, idx));
  c.rparen();
}

/** Inline `(export "n")*`: exports of the field's index. */
function exports(c: Cursor, x: ModCtx, kind: ExternKind, index: number): void {
  while (c.open('export')) {
    x.m.exports.push({ name: c.name(), kind, index });
    c.rparen();
  }
}

/** An inline `(import "m" "n")` then the rest of the field as an import description. True if it was one. */
function inlineImport(c: Cursor, x: ModCtx, f: Field): boolean {
  if (!c.open('import')) return false;
  const module = c.name();
  const name = c.name();
  c.rparen();
  x.m.imports.push({ module, name, desc: importDesc(c, x, f.kw as Kind) });
  c.rparen();
  return true;
}

/** The description of an imported entity of kind `k` (after its id). */
function importDesc(c: Cursor, x: ModCtx, k: Kind): Module['imports'][number]['desc'] {
  switch (k) {
    case 'func': {
      if (c.open('exact')) {
        const type = typeUse(c, x, true).type;
        c.rparen();
        return { kind: 'func', type, exact: true };
      }
      return { kind: 'func', type: typeUse(c, x, true).type };
    }
    case 'table': return { kind: 'table', type: tableType(c, x, addrType(c, x)) };
    case 'memory': return { kind: 'memory', type: memType(c, x, addrType(c, x)) };
    case 'global': return { kind: 'global', type: globalType(c, x) };
    case 'tag': return { kind: 'tag', type: typeUse(c, x, false).type };
  }
}

/** `(import "m" "n" (kind $id? desc))` after `(import`. */
function importField(c: Cursor, x: ModCtx): void {
  const module = c.name();
  const name = c.name();
  c.lparen();
  const k = c.t.text(c.pos) as Kind;
  c.pos++;
  c.optBindId();
  const desc = importDesc(c, x, k);
  c.rparen();
  c.rparen();
  x.m.imports.push({ module, name, desc });
}

/** `(table $id? export* at? limits reftype expr?)` or `(table $id? export* at? reftype (elem …))`. */
function tableField(c: Cursor, x: ModCtx, f: Field): void {
  c.optBindId();
  exports(c, x, ExternKind.Table, f.index);
  if (inlineImport(c, x, f)) return;
  const addr64 = addrType(c, x);
  if (!c.isNat()) {
    // Inline element segment: the table's size is the number of items.
    const elem = refTypeText(c, x);
    if (!c.open('elem')) c.unexpected();
    const seg: Elem = {
      mode: 'active', table: f.index, offset: constOf(addr64 ? I64 : I32), type: elem, funcs: null, exprs: null,
      explicitTable: false,
    };
    if (c.kind === Tok.LParen) {
      // Inline expressions take the table's reference type.
      seg.exprs = [];
      while (c.kind === Tok.LParen) {
        if (c.open('item')) {
          seg.exprs.push(constExpr(c, x));
          c.rparen();
        } else {
          seg.exprs.push(oneFolded(c, x));
        }
      }
    } else {
      // Inline function indices take the table's type too.
      elemList(c, x, seg, true);
    }
    seg.type = elem;
    c.rparen();
    const n = BigInt((seg.funcs ?? seg.exprs!).length);
    x.m.tables.push({ type: { limits: { min: n, max: n }, elem, addr64 }, init: null });
    finishElem(seg);
    x.m.elems.push(seg);
    c.rparen();
    return;
  }
  const type = tableType(c, x, addr64);
  const init = c.kind === Tok.RParen ? null : constExpr(c, x);
  x.m.tables.push({ type, init });
  c.rparen();
}

/** `(memory $id? export* at? memtype)` or `(memory $id? export* at? (pagesize)? (data …))`. */
function memoryField(c: Cursor, x: ModCtx, f: Field): void {
  c.optBindId();
  exports(c, x, ExternKind.Memory, f.index);
  if (inlineImport(c, x, f)) return;
  const addr64 = addrType(c, x);
  if (!c.isNat()) {
    const psLog2 = pageSize(c, x);
    if (!c.open('data')) c.unexpected();
    const parts: Uint8Array[] = [];
    while (c.kind === Tok.String) parts.push(c.bytes());
    c.rparen();
    const init = concat(parts);
    const page = 2 ** (psLog2 ?? 16);
    const n = BigInt(Math.ceil(init.length / page));
    x.m.memories.push({ limits: { min: n, max: n }, shared: false, addr64, pageSizeLog2: psLog2 });
    x.m.datas.push({ mode: 'active', memory: f.index, offset: constOf(addr64 ? I64 : I32), init, explicitMemory: f.index !== 0 });
    c.rparen();
    return;
  }
  x.m.memories.push(memType(c, x, addr64));
  c.rparen();
}

/** A function's locals and body (after its type use). */
function funcBody(c: Cursor, x: ModCtx, index: number, type: number, paramNames: (string | null)[], paramCount: number): Module['funcs'][number] {
  const f = new FuncCtx();
  f.hints = [];
  const n = paramCount < 0 ? paramNames.length : paramCount;
  for (let i = 0; i < paramNames.length; i++) {
    const id = paramNames[i];
    if (id === null || id === undefined) continue;
    if (f.locals.has(id)) c.fail(`duplicate local $${id}`);
    f.locals.set(id, i);
  }
  f.localCount = n;
  const locals: { count: number; type: ValType }[] = [];
  while (c.isOpen('local')) {
    c.pos += 2;
    if (c.kind === Tok.Id) {
      const at = c.pos;
      const id = c.optBindId()!;
      if (f.locals.has(id)) c.fail(`duplicate local $${id}`, at);
      f.locals.set(id, f.localCount++);
      addLocal(locals, valType(c, x));
    } else {
      while (c.kind !== Tok.RParen) {
        addLocal(locals, valType(c, x));
        f.localCount++;
      }
    }
    c.rparen();
  }
  const bodyStart = c.t.start[c.pos]!;
  const body = new BodyParser(c, x, f).expr();
  c.rparen();
  const func = { type, locals, body, bodyOffset: bodyStart };
  if (f.hints.length > 0) x.branchHints.push({ func: index, localsSize: bodyLocalsSize(func), hints: f.hints });
  return func;
}

/**
 * The `metadata.code.branch_hint` custom section of the module's branch-hint
 * annotations, placed before the code section (code-metadata convention):
 * per function, its index and (offset, 1, hint byte) triples, where the
 * offset counts from the start of the function body (its locals).
 */
function branchHintSection(x: ModCtx): CustomSection {
  const funcs: BranchHintFunc[] = x.branchHints.map(({ func, localsSize, hints }) => {
    const list: BranchHintFunc['hints'] = [];
    for (let i = 0; i < hints.length; i += 2) list.push({ offset: localsSize + hints[i]!, value: hints[i + 1]! });
    return { func, hints: list };
  });
  return { name: BRANCH_HINT, data: encodeBranchHints(funcs), after: BEFORE_CODE };
}

/** The placement "before the code section" of a custom section. */
export const BEFORE_CODE = SECTION_ORDER[SECTION_ORDER.indexOf(SectionId.Code) - 1]!;

function addLocal(runs: { count: number; type: ValType }[], t: ValType): void {
  const last = runs[runs.length - 1];
  if (last !== undefined && last.type === t) last.count++;
  else runs.push({ count: 1, type: t });
}

/** Parses a whole text module: `(module $id? field*)` or a bare field list. */
export function parseModuleTokens(t: Tokens, opts: TextOptions = {}): Module {
  const c = new Cursor(t);
  let wrapped = false;
  if (c.isOpen('module')) {
    wrapped = true;
    c.pos += 2;
    c.optBindId();
  }
  const m = parseModuleFields(c, opts);
  if (wrapped) c.rparen();
  if (c.kind !== Tok.Eof) c.unexpected();
  return m;
}

