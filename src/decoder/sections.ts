/**
 * Decoding of each section's contents ("Binary Format › Modules"), given a
 * reader bounded by the section. The framing (ids, sizes, order, streaming)
 * is decoder.ts's job; this file only turns one section's bytes into AST.
 */
import { ExternKind, type ConstExpr, type Data, type Elem, type Func, type LocalRun, type Module, type Names } from '../ast/module.js';
import { FUNCREF, type ExternType } from '../ast/types.js';
import { Reader, decodeUtf8 } from './reader.js';
import { fastSkipExpr, scanExpr, type ScanInfo } from './instr.js';
import { readGlobalType, readMemType, readRecGroup, readRefType, readTableType, readValType, readVec } from './types.js';

/** Where each decoded constant expression starts in its module's bytes (for error messages). */
const constOffsets = new WeakMap<ConstExpr, number>();

/**
 * The offset in its module's bytes of a constant expression the decoder
 * read, or -1 (an expression built otherwise).
 */
export function constExprOffset(expr: ConstExpr): number {
  return constOffsets.get(expr) ?? -1;
}

/** Reads a constant expression (instructions up to `end`), returning its bytes. */
export function readConstExpr(r: Reader, info: ScanInfo): Uint8Array {
  const start = r.pos;
  skipConstExpr(r, info);
  const expr = r.buf.subarray(start, r.pos);
  constOffsets.set(expr, r.base + start);
  return expr;
}

/** Moves past a constant expression (instructions up to `end`). */
function skipConstExpr(r: Reader, info: ScanInfo): void {
  const fastEnd = fastSkipExpr(r.buf, r.pos, r.end);
  if (fastEnd >= 0) r.pos = fastEnd;
  else scanExpr(r, info);
}

export function decodeTypeSection(r: Reader, m: Module): void {
  const n = r.u32();
  for (let i = 0; i < n; i++) {
    const start = m.types.length;
    const g = readRecGroup(r, m.types);
    m.recGroups.push({ start, count: g.count, explicit: g.explicit });
  }
}

/** Import kind of an exact function import (custom descriptors). */
const EXACT_FUNC_IMPORT = 0x20;

function readExternType(r: Reader): ExternType {
  const start = r.pos;
  const kind = r.u8();
  switch (kind) {
    case ExternKind.Func: return { kind: 'func', type: r.u32() };
    case EXACT_FUNC_IMPORT:
      if (!r.features.customDescriptors) break;
      return { kind: 'func', type: r.u32(), exact: true };
    case ExternKind.Table: return { kind: 'table', type: readTableType(r) };
    case ExternKind.Memory: return { kind: 'memory', type: readMemType(r) };
    case ExternKind.Global: return { kind: 'global', type: readGlobalType(r) };
    case ExternKind.Tag: {
      const attrStart = r.pos;
      if (r.u8() !== 0) r.fail('malformed tag attribute', attrStart);
      return { kind: 'tag', type: r.u32() };
    }
  }
  return r.fail('malformed import kind', start);
}

export function decodeImportSection(r: Reader, m: Module): void {
  const n = r.u32();
  for (let i = 0; i < n; i++) {
    const module = r.name();
    const name = r.name();
    m.imports.push({ module, name, desc: readExternType(r) });
  }
}

export function decodeFunctionSection(r: Reader, m: Module): void {
  m.funcTypes = readVec(r, (rr) => rr.u32());
}

export function decodeTableSection(r: Reader, m: Module, info: ScanInfo): void {
  const n = r.u32();
  for (let i = 0; i < n; i++) {
    if (r.peek() === 0x40) {
      const start = r.pos;
      r.pos++;
      if (r.u8() !== 0) r.fail('malformed table', start);
      const type = readTableType(r);
      m.tables.push({ type, init: readConstExpr(r, info) });
    } else {
      m.tables.push({ type: readTableType(r), init: null });
    }
  }
}

export function decodeMemorySection(r: Reader, m: Module): void {
  m.memories = readVec(r, readMemType);
}

export function decodeTagSection(r: Reader, m: Module): void {
  const n = r.u32();
  for (let i = 0; i < n; i++) {
    const start = r.pos;
    if (r.u8() !== 0) r.fail('malformed tag attribute', start);
    m.tags.push({ type: r.u32() });
  }
}

export function decodeGlobalSection(r: Reader, m: Module, info: ScanInfo): void {
  const n = r.u32();
  for (let i = 0; i < n; i++) {
    const type = readGlobalType(r);
    m.globals.push({ type, init: readConstExpr(r, info) });
  }
}

export function decodeExportSection(r: Reader, m: Module): void {
  const n = r.u32();
  for (let i = 0; i < n; i++) {
    const name = r.name();
    const start = r.pos;
    const kind = r.u8();
    if (kind > ExternKind.Tag) r.fail('malformed export kind', start);
    m.exports.push({ name, kind, index: r.u32() });
  }
}

export function decodeStartSection(r: Reader, m: Module): void {
  m.start = r.u32();
}

/**
 * Element segments: the flags' three bits say passive/declarative (bit 0),
 * explicit table index (bit 1, when active) or declarative (bit 1, when bit 0),
 * and expressions instead of function indices (bit 2).
 */
export function decodeElementSection(r: Reader, m: Module, info: ScanInfo): void {
  const n = r.u32();
  for (let i = 0; i < n; i++) {
    const start = r.pos;
    const flags = r.u32();
    if (flags > 7) r.fail('malformed elements segment kind', start);
    const active = (flags & 1) === 0;
    const exprsForm = (flags & 4) !== 0;
    const seg: Elem = {
      mode: active ? 'active' : flags & 2 ? 'declarative' : 'passive',
      table: 0, offset: null, type: FUNCREF, funcs: null, exprs: null,
      explicitTable: active && (flags & 2) !== 0,
    };
    const implicitType = active && !seg.explicitTable;
    if (seg.explicitTable) seg.table = r.u32();
    if (active) seg.offset = readConstExpr(r, info);
    if (!implicitType) {
      if (exprsForm) {
        seg.type = readRefType(r);
      } else {
        const kStart = r.pos;
        if (r.u8() !== 0) r.fail('malformed element kind', kStart);
      }
    }
    if (exprsForm) {
      const count = r.u32();
      const exprs: Uint8Array[] = [];
      for (let j = 0; j < count; j++) exprs.push(readConstExpr(r, info));
      seg.exprs = exprs;
    } else {
      seg.funcs = readVec(r, (rr) => rr.u32());
    }
    m.elems.push(seg);
  }
}

export function decodeDataCountSection(r: Reader, m: Module): void {
  m.dataCount = r.u32();
}

/**
 * A decoded data segment. Its offset expression and bytes stay spans of the
 * module's bytes until first read: a module can have a hundred thousand
 * segments (esbuild.wasm: 98,450), and two subarrays each cost more than
 * decoding them, for a validator that never looks at the bytes.
 */
export class DecodedData implements Data {
  mode: 'active' | 'passive';
  memory: number;
  explicitMemory: boolean;
  /**
   * The bytes being decoded (index 0 is the module's first byte), and the
   * spans of the offset expression (start -1 if passive) and of the bytes.
   */
  readonly src: Uint8Array;
  readonly offsetStart: number;
  readonly offsetEnd: number;
  private readonly initStart: number;
  private readonly initEnd: number;
  private offsetCache: ConstExpr | null | undefined = undefined;
  private initCache: Uint8Array | undefined = undefined;

  constructor(src: Uint8Array, flags: number, memory: number, offsetStart: number, offsetEnd: number, initStart: number, initEnd: number) {
    this.mode = flags === 1 ? 'passive' : 'active';
    this.memory = memory;
    this.explicitMemory = flags === 2;
    this.src = src;
    this.offsetStart = offsetStart;
    this.offsetEnd = offsetEnd;
    this.initStart = initStart;
    this.initEnd = initEnd;
  }

  get offset(): ConstExpr | null {
    if (this.offsetCache === undefined) {
      this.offsetCache = this.offsetStart < 0 ? null : this.src.subarray(this.offsetStart, this.offsetEnd);
      if (this.offsetCache !== null) constOffsets.set(this.offsetCache, this.offsetStart);
    }
    return this.offsetCache;
  }
  set offset(v: ConstExpr | null) {
    this.offsetCache = v;
  }
  get init(): Uint8Array {
    return this.initCache ??= this.src.subarray(this.initStart, this.initEnd);
  }
  set init(v: Uint8Array) {
    this.initCache = v;
  }
  /** The plain `Data` fields, as JSON.stringify should see them. */
  toJSON(): Data {
    return { mode: this.mode, memory: this.memory, offset: this.offset, init: this.init, explicitMemory: this.explicitMemory };
  }
}

export function decodeDataSection(r: Reader, m: Module, info: ScanInfo): void {
  const n = r.u32();
  const buf = r.buf;
  for (let i = 0; i < n; i++) {
    const start = r.pos;
    const flags = r.u32();
    if (flags > 2) r.fail('malformed data segment kind', start);
    const memory = flags === 2 ? r.u32() : 0;
    let offsetStart = -1;
    if (flags !== 1) {
      offsetStart = r.pos;
      skipConstExpr(r, info);
    }
    const offsetEnd = r.pos;
    const len = r.u32();
    const initStart = r.pos;
    r.skip(len);
    m.datas.push(new DecodedData(buf, flags, memory, offsetStart, offsetEnd, initStart, r.pos));
  }
}

/** Largest total number of locals the binary format can express ("too many locals" beyond). */
const MAX_LOCALS_TOTAL = 0xffffffff;

/**
 * Decodes one function body (the bytes after its size): locals, then the
 * expression, which must end exactly at the body's end.
 */
export function decodeFunctionBody(r: Reader, type: number, info: ScanInfo, bodyEnd: number = r.end, scan = true): Func {
  const localsStart = r.pos;
  const nRuns = r.u32();
  const locals: LocalRun[] = [];
  let total = 0;
  for (let i = 0; i < nRuns; i++) {
    const start = r.pos;
    const count = r.u32();
    total += count;
    if (total > MAX_LOCALS_TOTAL) r.fail('too many locals', start);
    locals.push({ count, type: readValType(r) });
  }
  const bodyStart = r.pos;
  if (!scan && bodyStart <= bodyEnd) {
    // The consumer checks the instructions (DecodeHooks.checksBodies).
    r.pos = bodyEnd;
    return { type, locals, body: r.buf.subarray(bodyStart, bodyEnd), bodyOffset: r.base + bodyStart, localsSize: bodyStart - localsStart };
  }
  const fastEnd = fastSkipExpr(r.buf, r.pos, r.end);
  if (fastEnd === bodyEnd) r.pos = fastEnd;
  else scanExpr(r, info);
  if (r.pos !== bodyEnd) r.fail('section size mismatch');
  return { type, locals, body: r.buf.subarray(bodyStart, r.pos), bodyOffset: r.base + bodyStart, localsSize: bodyStart - localsStart };
}

/** Parses the name section ("Name Section"); returns null when it is malformed (it is then ignored). */
export function parseNames(data: Uint8Array, base: number): Names | null {
  const names: Names = { module: null, funcs: new Map(), locals: new Map(), other: new Map() };
  const r = new Reader(data, 0, data.length, base);
  const nameMap = (rr: Reader): Map<number, string> => {
    const map = new Map<number, string>();
    const n = rr.u32();
    for (let i = 0; i < n; i++) {
      const idx = rr.u32();
      map.set(idx, rr.name());
    }
    return map;
  };
  try {
    let last = -1;
    while (!r.atEnd()) {
      const id = r.u8();
      if (id <= last) return null;
      last = id;
      const size = r.u32();
      const sub = new Reader(data, r.pos, r.pos + size, base);
      if (size > r.remaining) return null;
      r.pos += size;
      if (id === 0) {
        names.module = sub.name();
      } else if (id === 1) {
        names.funcs = nameMap(sub);
      } else if (id === 2) {
        const n = sub.u32();
        for (let i = 0; i < n; i++) {
          const f = sub.u32();
          names.locals.set(f, nameMap(sub));
        }
      } else if (id === 3) {
        // indirect name map (labels): keep only that it parses
        const n = sub.u32();
        for (let i = 0; i < n; i++) { sub.u32(); nameMap(sub); }
      } else if (id === 10) {
        const n = sub.u32();
        for (let i = 0; i < n; i++) { sub.u32(); nameMap(sub); }
      } else {
        names.other.set(id, nameMap(sub));
      }
      if (!sub.atEnd()) return null;
    }
  } catch {
    return null;
  }
  return names;
}

export { decodeUtf8 };
