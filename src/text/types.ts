/**
 * Types in the text format ("Text Format › Types"): value, heap and reference
 * types with their shorthands, struct/array fields, function types with named
 * parameters, sub types and rec groups (with the custom-descriptors clauses),
 * limits, memory types (memory64, shared, page sizes), table and global types,
 * and type uses ("Type Uses" with their inline abbreviation).
 *
 * Deliberately not here: the meaning of a type index beyond its resolution
 * (whether `$t` is a function type is the validator's question).
 */
import {
  ANYREF, ARRAYREF, EQREF, EXNREF, EXTERNREF, F32, F64, FUNCREF, Heap, I16, I31REF, I32, I64, I8, NULLEXNREF,
  NULLEXTERNREF, NULLFUNCREF, NULLREF, STRUCTREF, V128, refType,
  type CompType, type FieldType, type GlobalType, type HeapType, type Limits, type MemType, type SubType,
  type TableType, type ValType,
} from '../ast/types.js';
import { Tok } from './lexer.js';
import type { Cursor } from './cursor.js';
import { resolveIdx, type ModCtx } from './context.js';

const NUM_TYPES: ReadonlyMap<string, ValType> = new Map([
  ['i32', I32], ['i64', I64], ['f32', F32], ['f64', F64], ['v128', V128],
]);

const REF_SHORTHANDS: ReadonlyMap<string, ValType> = new Map([
  ['funcref', FUNCREF], ['externref', EXTERNREF], ['anyref', ANYREF], ['eqref', EQREF], ['i31ref', I31REF],
  ['structref', STRUCTREF], ['arrayref', ARRAYREF], ['exnref', EXNREF], ['nullref', NULLREF],
  ['nullfuncref', NULLFUNCREF], ['nullexternref', NULLEXTERNREF], ['nullexnref', NULLEXNREF],
]);

/** Abstract heap types by text name ("Heap Types"). */
export const ABSTRACT_HEAPS: ReadonlyMap<string, HeapType> = new Map([
  ['func', Heap.Func], ['extern', Heap.Extern], ['any', Heap.Any], ['eq', Heap.Eq], ['i31', Heap.I31],
  ['struct', Heap.Struct], ['array', Heap.Array], ['exn', Heap.Exn], ['none', Heap.None],
  ['nofunc', Heap.NoFunc], ['noextern', Heap.NoExtern], ['noexn', Heap.NoExn],
]);

/** Is the current token the start of a value type? */
export function atValType(c: Cursor): boolean {
  if (c.kind === Tok.Keyword) {
    const s = c.t.text(c.pos);
    return NUM_TYPES.has(s) || REF_SHORTHANDS.has(s);
  }
  return c.isOpen('ref');
}

/** Reads a heap type as a reference type of the given nullability (`(exact $t)` included). */
export function heapType(c: Cursor, x: ModCtx, nullable: boolean): ValType {
  if (c.kind === Tok.Keyword) {
    const h = ABSTRACT_HEAPS.get(c.t.text(c.pos));
    if (h === undefined) c.unexpected();
    c.pos++;
    return refType(nullable, h);
  }
  if (c.open('exact')) {
    const idx = resolveIdx(c, x.types);
    c.rparen();
    return refType(nullable, idx, true);
  }
  if (c.kind === Tok.Id || c.kind === Tok.Num) return refType(nullable, resolveIdx(c, x.types));
  return c.unexpected();
}

/** Reads a reference type: a shorthand or `(ref null? heaptype)`. */
export function refTypeText(c: Cursor, x: ModCtx): ValType {
  if (c.kind === Tok.Keyword) {
    const r = REF_SHORTHANDS.get(c.t.text(c.pos));
    if (r === undefined) c.unexpected();
    c.pos++;
    return r;
  }
  if (!c.open('ref')) c.unexpected();
  const nullable = c.is('null');
  if (nullable) c.pos++;
  const t = heapType(c, x, nullable);
  c.rparen();
  return t;
}

/** Reads a value type. */
export function valType(c: Cursor, x: ModCtx): ValType {
  if (c.kind === Tok.Keyword) {
    const n = NUM_TYPES.get(c.t.text(c.pos));
    if (n !== undefined) {
      c.pos++;
      return n;
    }
  }
  return refTypeText(c, x);
}

/** Reads a storage type (a value type or i8/i16). */
function storageType(c: Cursor, x: ModCtx): number {
  if (c.is('i8')) { c.pos++; return I8; }
  if (c.is('i16')) { c.pos++; return I16; }
  return valType(c, x);
}

/** Reads a field type: `st` or `(mut st)`. */
function fieldType(c: Cursor, x: ModCtx): FieldType {
  if (c.open('mut')) {
    const type = storageType(c, x);
    c.rparen();
    return { type, mutable: true };
  }
  return { type: storageType(c, x), mutable: false };
}

/**
 * Reads `(param …)*` then `(result …)*` into the arrays. Parameter names go
 * into `names` (null where unnamed) when given, else a named param fails.
 */
export function paramsResults(c: Cursor, x: ModCtx, params: ValType[], results: ValType[],
  names: (string | null)[] | null): void {
  while (c.isOpen('param')) {
    const at = c.pos;
    c.pos += 2;
    if (c.kind === Tok.Id) {
      if (names === null) c.unexpected();
      names.push(c.optBindId());
      params.push(valType(c, x));
    } else {
      while (c.kind !== Tok.RParen) {
        params.push(valType(c, x));
        if (names !== null) names.push(null);
      }
    }
    c.rparen();
    void at;
  }
  while (c.open('result')) {
    while (c.kind !== Tok.RParen) results.push(valType(c, x));
    c.rparen();
  }
}

/** Reads a composite type `(func …)`, `(struct …)` or `(array …)`; records struct field names for `typeIdx`. */
function compType(c: Cursor, x: ModCtx, typeIdx: number): CompType {
  if (c.open('func')) {
    const params: ValType[] = [];
    const results: ValType[] = [];
    paramsResults(c, x, params, results, []);
    c.rparen();
    return { kind: 'func', params, results };
  }
  if (c.open('struct')) {
    const fields: FieldType[] = [];
    const names = new Map<string, number>();
    while (c.open('field')) {
      const at = c.pos;
      const id = c.optBindId();
      if (id !== null) {
        if (names.has(id)) c.fail(`duplicate field $${id}`, at);
        names.set(id, fields.length);
        fields.push(fieldType(c, x));
      } else {
        while (c.kind !== Tok.RParen) fields.push(fieldType(c, x));
      }
      c.rparen();
    }
    c.rparen();
    if (names.size > 0) x.fields.set(typeIdx, names);
    return { kind: 'struct', fields };
  }
  if (c.open('array')) {
    let field: FieldType;
    if (c.open('field')) {
      field = fieldType(c, x);
      c.rparen();
    } else {
      field = fieldType(c, x);
    }
    c.rparen();
    return { kind: 'array', field };
  }
  return c.unexpected();
}

/**
 * Reads the body of a `(type $id? …)` definition after the id:
 * a composite type or `(sub final? $super* (describes)? (descriptor)? comptype)`.
 */
export function subType(c: Cursor, x: ModCtx, typeIdx: number): SubType {
  if (c.open('sub')) {
    let final = false;
    if (c.is('final')) { final = true; c.pos++; }
    const supers: number[] = [];
    while (c.kind === Tok.Id || c.kind === Tok.Num) supers.push(resolveIdx(c, x.types));
    const st = descClauses(c, x, typeIdx);
    st.final = final;
    st.supers = supers;
    st.form = final ? 'sub final' : 'sub';
    c.rparen();
    return st;
  }
  return descClauses(c, x, typeIdx);
}

function descClauses(c: Cursor, x: ModCtx, typeIdx: number): SubType {
  let describes: number | null = null;
  let descriptor: number | null = null;
  if (x.customDescriptors && c.open('describes')) {
    describes = resolveIdx(c, x.types);
    c.rparen();
  }
  if (x.customDescriptors && c.open('descriptor')) {
    descriptor = resolveIdx(c, x.types);
    c.rparen();
  }
  const comp = compType(c, x, typeIdx);
  return { final: true, supers: [], comp, describes, descriptor, form: 'bare' };
}

/** Reads an optional address type keyword (`i32`/`i64`, the latter with memory64); true for i64. */
export function addrType(c: Cursor, x: ModCtx): boolean {
  if (c.is('i64') && x.memory64) { c.pos++; return true; }
  if (c.is('i32')) c.pos++;
  return false;
}

/** Reads limits `min max?`: u32 numbers for the i32 address type, u64 for i64. */
export function limits(c: Cursor, wide: boolean): Limits {
  const min = bound(c, wide);
  const max = c.isNat() ? bound(c, wide) : null;
  return { min, max };
}

/**
 * A limit: read as u64 whatever the address type (the validator reports
 * "memory size"/"table size"), or as u32 without memory64 (`wide` false).
 */
function bound(c: Cursor, wide: boolean): bigint {
  return wide ? c.u64() : BigInt(c.u32());
}

/** Reads a memory type after the optional address type: limits, `shared`?, `(pagesize n)`?. */
export function memType(c: Cursor, x: ModCtx, addr64: boolean): MemType {
  const l = limits(c, x.memory64);
  let shared = false;
  if (c.is('shared')) { shared = true; c.pos++; } else if (c.is('unshared')) c.pos++;
  const pageSizeLog2 = pageSize(c, x);
  return { limits: l, shared, addr64, pageSizeLog2 };
}

/** Reads an optional `(pagesize n)` clause: log2 of n, or null. */
export function pageSize(c: Cursor, x: ModCtx): number | null {
  if (!c.isOpen('pagesize')) return null;
  const at = c.pos;
  c.pos += 2;
  const n = c.u64();
  c.rparen();
  if (n === 0n || (n & (n - 1n)) !== 0n) c.fail('invalid custom page size', at);
  void x;
  return n.toString(2).length - 1;
}

/** Reads a table type after the optional address type: limits and reference type. */
export function tableType(c: Cursor, x: ModCtx, addr64: boolean): TableType {
  const l = limits(c, x.memory64);
  return { limits: l, elem: refTypeText(c, x), addr64 };
}

/** Reads a global type: `t` or `(mut t)`. */
export function globalType(c: Cursor, x: ModCtx): GlobalType {
  if (c.open('mut')) {
    const type = valType(c, x);
    c.rparen();
    return { type, mutable: true };
  }
  return { type: valType(c, x), mutable: false };
}

/** A resolved type use: the type index and the parameter names (null entries for unnamed). */
export interface TypeUse {
  type: number;
  paramNames: (string | null)[];
  /** Number of parameters (for local numbering), -1 when the type is not a known function type. */
  paramCount: number;
}

/**
 * Reads a type use `(type x)? (param …)* (result …)*` ("Type Uses"). With
 * both forms the inline signature must match the named type ("inline
 * function type"); with only the inline form the type is found or appended.
 * `allowNames`: parameters may carry identifiers (functions, not blocks).
 */
export function typeUse(c: Cursor, x: ModCtx, allowNames: boolean): TypeUse {
  let idx = -1;
  const at = c.pos;
  if (c.open('type')) {
    idx = resolveIdx(c, x.types);
    c.rparen();
  }
  const params: ValType[] = [];
  const results: ValType[] = [];
  const names: (string | null)[] = [];
  paramsResults(c, x, params, results, allowNames ? names : null);
  if (idx >= 0) {
    const ft = x.funcType(idx);
    if (params.length > 0 || results.length > 0) {
      if (idx >= x.types.count) c.fail('unknown type', at);
      if (ft === null || !sameTypes(ft.params, params) || !sameTypes(ft.results, results)) {
        if (c.isOpen('param') || c.isOpen('result') || c.isOpen('type')) c.fail('unexpected token', c.pos + 1);
        c.fail('inline function type', at);
      }
    }
    if (names.length === 0 && ft !== null) for (let i = 0; i < ft.params.length; i++) names.push(null);
    return { type: idx, paramNames: names, paramCount: ft === null ? -1 : ft.params.length };
  }
  return { type: x.typeFor(params, results), paramNames: names, paramCount: params.length };
}

function sameTypes(a: readonly ValType[], b: readonly ValType[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
