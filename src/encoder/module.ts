/**
 * The module encoder: module AST → bytes ("Binary Format › Modules"), the
 * exact inverse of the decoder. Sections appear in the spec's order, custom
 * sections where the module says they were, and the spelling choices the AST
 * records (element segment flavours, explicit indices, rec prefixes) are kept,
 * so a decoded module re-encodes to the same bytes when its LEB128 numbers
 * were written in their shortest form.
 */
import { SectionId, SECTION_ORDER, type Func, type Module } from '../ast/module.js';
import { Writer } from './writer.js';
import { writeGlobalType, writeMemType, writeRefTypeForElem, writeSubType, writeTableType } from './types.js';

function section(out: Writer, id: number, body: Writer): void {
  out.u8(id);
  out.sized(body);
}

function typeSection(m: Module): Writer | null {
  if (m.recGroups.length === 0) return null;
  const w = new Writer();
  w.u32(m.recGroups.length);
  for (const g of m.recGroups) {
    if (g.explicit) { w.u8(0x4e); w.u32(g.count); }
    for (let i = g.start; i < g.start + g.count; i++) writeSubType(w, m.types[i]!);
  }
  return w;
}

function importSection(m: Module): Writer | null {
  if (m.imports.length === 0) return null;
  const w = new Writer();
  w.u32(m.imports.length);
  for (const imp of m.imports) {
    w.name(imp.module);
    w.name(imp.name);
    const d = imp.desc;
    switch (d.kind) {
      case 'func': w.u8(d.exact ? 0x20 : 0); w.u32(d.type); break;
      case 'table': w.u8(1); writeTableType(w, d.type); break;
      case 'memory': w.u8(2); writeMemType(w, d.type); break;
      case 'global': w.u8(3); writeGlobalType(w, d.type); break;
      case 'tag': w.u8(4); w.u8(0); w.u32(d.type); break;
    }
  }
  return w;
}

function vecSection<T>(items: readonly T[], each: (w: Writer, x: T) => void, always = false): Writer | null {
  if (items.length === 0 && !always) return null;
  const w = new Writer();
  w.u32(items.length);
  for (const x of items) each(w, x);
  return w;
}

function elementSection(m: Module): Writer | null {
  return vecSection(m.elems, (w, e) => {
    const exprs = e.exprs !== null;
    let flags = exprs ? 4 : 0;
    if (e.mode === 'passive') flags |= 1;
    else if (e.mode === 'declarative') flags |= 3;
    else if (e.explicitTable) flags |= 2;
    w.u32(flags);
    if (e.explicitTable) w.u32(e.table);
    if (e.mode === 'active') w.bytes(e.offset!);
    if (e.mode !== 'active' || e.explicitTable) {
      if (exprs) writeRefTypeForElem(w, e.type);
      else w.u8(0);
    }
    if (exprs) {
      w.u32(e.exprs!.length);
      for (const x of e.exprs!) w.bytes(x);
    } else {
      w.u32(e.funcs!.length);
      for (const f of e.funcs!) w.u32(f);
    }
  });
}

/** A function body's local declarations (what precedes its expression). */
export function writeLocals(w: Writer, locals: Func['locals']): void {
  w.u32(locals.length);
  for (const l of locals) {
    w.u32(l.count);
    writeRefTypeForElem(w, l.type);
  }
}

/** Bytes of `f`'s local declarations: as decoded, else their minimal encoding. */
export function bodyLocalsSize(f: Func): number {
  if (f.localsSize !== undefined) return f.localsSize;
  const w = new Writer();
  writeLocals(w, f.locals);
  return w.len;
}

function codeSection(m: Module): Writer | null {
  if (m.funcs.length === 0 && m.funcTypes.length === 0) return null;
  const w = new Writer();
  w.u32(m.funcs.length);
  for (const f of m.funcs) {
    const b = new Writer();
    writeLocals(b, f.locals);
    b.bytes(f.body);
    w.sized(b);
  }
  return w;
}

function dataSection(m: Module): Writer | null {
  return vecSection(m.datas, (w, d) => {
    if (d.mode === 'passive') {
      w.u32(1);
    } else if (d.explicitMemory) {
      w.u32(2);
      w.u32(d.memory);
    } else {
      w.u32(0);
    }
    if (d.mode === 'active') w.bytes(d.offset!);
    w.u32(d.init.length);
    w.bytes(d.init);
  });
}

/** Encodes a module to bytes. */
export function encode(m: Module): Uint8Array {
  const out = new Writer();
  out.bytes(Uint8Array.of(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00));
  const customsAfter = (id: number) => {
    for (const c of m.customs) {
      if (c.after !== id) continue;
      const w = new Writer();
      w.name(c.name);
      w.bytes(c.data);
      section(out, SectionId.Custom, w);
    }
  };
  customsAfter(0);
  const bodies: Record<number, () => Writer | null> = {
    [SectionId.Type]: () => typeSection(m),
    [SectionId.Import]: () => importSection(m),
    [SectionId.Function]: () => vecSection(m.funcTypes, (w, t) => w.u32(t)),
    [SectionId.Table]: () => vecSection(m.tables, (w, t) => {
      if (t.init !== null) { w.u8(0x40); w.u8(0); writeTableType(w, t.type); w.bytes(t.init); }
      else writeTableType(w, t.type);
    }),
    [SectionId.Memory]: () => vecSection(m.memories, writeMemType),
    [SectionId.Tag]: () => vecSection(m.tags, (w, t) => { w.u8(0); w.u32(t.type); }),
    [SectionId.Global]: () => vecSection(m.globals, (w, g) => { writeGlobalType(w, g.type); w.bytes(g.init); }),
    [SectionId.Export]: () => vecSection(m.exports, (w, e) => { w.name(e.name); w.u8(e.kind); w.u32(e.index); }),
    [SectionId.Start]: () => {
      if (m.start === null) return null;
      const w = new Writer();
      w.u32(m.start);
      return w;
    },
    [SectionId.Element]: () => elementSection(m),
    [SectionId.DataCount]: () => {
      if (m.dataCount === null) return null;
      const w = new Writer();
      w.u32(m.dataCount);
      return w;
    },
    [SectionId.Code]: () => codeSection(m),
    [SectionId.Data]: () => dataSection(m),
  };
  const present = m.sections;
  for (const id of SECTION_ORDER) {
    let body = bodies[id]!();
    if (body === null && present !== null && present.includes(id)) {
      body = new Writer();
      body.u32(0);
    }
    if (body !== null) section(out, id, body);
    customsAfter(id);
  }
  return out.finish().slice();
}
