/**
 * The printer: a module (bytes or AST) → readable text format that parses
 * back to the same bytes ("Text Format", the inverse of module.ts).
 *
 * Choices that make the round trip exact: every type is printed as an
 * explicit definition (rec groups as written), every type use as `(type N)`,
 * indices as numbers (so no inline type is ever added on re-parsing), the
 * element and data segment spellings the parser maps back to the same
 * binary flags, floats in the shortest decimal that reads back to the same
 * bits (src/numeric/format.ts), custom sections as `(@custom …)` with their
 * position. Function names from the name section are shown as `$name`
 * identifiers where they are unique and printable (the name section itself
 * is kept as a custom section, so the bytes stay the same).
 *
 * Instructions are printed flat, one per line, indented by block depth (up
 * to MAX_INDENT levels, so very deep code still prints in linear size).
 *
 * Deliberately not here: binary spellings the text format cannot express
 * (non-minimal LEB128, empty sections, an explicit memory index 0 in a
 * memarg); modules using them print fine but re-encode to the canonical form.
 */
import { ExternKind, SECTION_ORDER, SectionId, type CustomSection, type Elem, type Module } from '../ast/module.js';
import { BRANCH_HINT_SECTION, readBranchHints } from '../decoder/branch-hints.js';
import { encodeBranchHints } from '../encoder/branch-hints.js';
import { resolveBranchHints } from '../validator/custom.js';
import { BEFORE_CODE } from './module.js';
import { Imm, OPCODES } from '../ast/opcodes.js';
import { Op } from '../ast/op-ids.js';
import { instr, CatchKind, MEMARG_HAS_MEMORY, type Instr } from '../ast/instr.js';
import { enabledOps, withDefaults, type Features } from '../ast/features.js';
import {
  ABSTRACT_HEAP_NAMES, BLOCK_EMPTY, blockTypeIndex, isRef, refExact, refHeap, refNullable, simpleTypeName,
  type FieldType, type Limits, type SubType, type ValType,
} from '../ast/types.js';
import { decode, readInstr, Reader } from '../decoder/index.js';
import { encodeUtf8 } from '../decoder/reader.js';
import { formatF32, formatF64, formatI64 } from '../numeric/format.js';

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Deepest block nesting shown by indentation; deeper code is printed at this depth. */
const MAX_INDENT = 64;

/** Printer options. */
export interface PrintOptions {
  /** Features to decode bytes with (default: everything the suite needs is off except the defaults). */
  features?: Partial<Features>;
}

const SHORTHAND: ReadonlyMap<number, string> = new Map([
  [-0x10, 'funcref'], [-0x11, 'externref'], [-0x12, 'anyref'], [-0x13, 'eqref'], [-0x14, 'i31ref'],
  [-0x15, 'structref'], [-0x16, 'arrayref'], [-0x17, 'exnref'], [-0x0f, 'nullref'], [-0x0d, 'nullfuncref'],
  [-0x0e, 'nullexternref'], [-0x0c, 'nullexnref'],
]);

/** A heap type: abstract name, type index, or `(exact N)`. */
function heapText(t: ValType): string {
  const h = refHeap(t);
  if (h < 0) return ABSTRACT_HEAP_NAMES.get(h) ?? String(h);
  return refExact(t) ? `(exact ${h})` : String(h);
}

/** A reference type, with the shorthand when there is one. */
function refText(t: ValType): string {
  const h = refHeap(t);
  if (refNullable(t) && h < 0 && !refExact(t)) {
    const s = SHORTHAND.get(h);
    if (s !== undefined) return s;
  }
  return `(ref ${refNullable(t) ? 'null ' : ''}${heapText(t)})`;
}

/** A value or storage type. */
export function typeText(t: number): string {
  return isRef(t) ? refText(t) : simpleTypeName(t) ?? `<type ${t}>`;
}

function fieldText(f: FieldType): string {
  return f.mutable ? `(mut ${typeText(f.type)})` : typeText(f.type);
}

function subTypeText(t: SubType): string {
  const c = t.comp;
  let comp: string;
  if (c.kind === 'func') {
    comp = '(func' + (c.params.length ? ` (param ${c.params.map(typeText).join(' ')})` : '')
      + (c.results.length ? ` (result ${c.results.map(typeText).join(' ')})` : '') + ')';
  } else if (c.kind === 'struct') {
    comp = '(struct' + c.fields.map((f) => ` (field ${fieldText(f)})`).join('') + ')';
  } else {
    comp = `(array ${fieldText(c.field)})`;
  }
  if (t.descriptor !== null) comp = `(descriptor ${t.descriptor}) ${comp}`;
  if (t.describes !== null) comp = `(describes ${t.describes}) ${comp}`;
  if (t.form === 'bare' && t.final && t.supers.length === 0) return comp;
  return `(sub${t.final ? ' final' : ''}${t.supers.map((s) => ` ${s}`).join('')} ${comp})`;
}

function limitsText(l: Limits): string {
  return l.max === null ? `${l.min}` : `${l.min} ${l.max}`;
}

/** A string literal of arbitrary bytes. */
export function stringText(b: Uint8Array): string {
  let s = '"';
  for (const c of b) {
    if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) s += String.fromCharCode(c);
    else s += '\\' + c.toString(16).padStart(2, '0');
  }
  return s + '"';
}

/** Binary section ids by their custom-annotation place names. */
const SECTION_NAMES: Record<number, string> = {
  1: 'type', 2: 'import', 3: 'func', 4: 'table', 5: 'memory', 6: 'global', 7: 'export', 8: 'start', 9: 'elem',
  10: 'code', 11: 'data', 12: 'datacount', 13: 'tag',
};

/** Prints a module (bytes are decoded first; throws CompileError when they do not decode). */
export function printWat(input: Uint8Array | Module, opts: PrintOptions | Partial<Features> = {}): string {
  const features = 'features' in opts ? (opts as PrintOptions).features : (opts as Partial<Features>);
  const m = input instanceof Uint8Array ? decode(input, { features: withDefaults(features) }) : input;
  return new Printer(m, withDefaults({ customDescriptors: true, wideArithmetic: true, ...features })).module();
}

class Printer {
  private out: string[] = [];
  /** `$id`s from the name section, per subsection (NameSub). */
  private readonly ids = new Map<number, Map<number, string>>();
  private readonly ops: Uint8Array;

  constructor(private readonly m: Module, private readonly features: Features) {
    const names = m.names;
    if (names !== null) {
      this.ids.set(NameSub.Func, printableNames(names.funcs));
      for (const [sub, map] of names.other) this.ids.set(sub, printableNames(map));
    }
    this.ops = enabledOps(features);
  }

  /** ` $id` for entry `idx` of name subsection `sub`, or ''. */
  private id(sub: NameSub, idx: number): string {
    const n = this.ids.get(sub)?.get(idx);
    return n === undefined ? '' : ` ${n}`;
  }

  module(): string {
    const m = this.m;
    const o = this.out;
    const moduleName = m.names?.module;
    o.push(moduleName ? `(module ${printableNames(new Map([[0, moduleName]])).get(0)}` : '(module');
    const hints = this.hintAnnotations();
    for (const c of m.customs) {
      if (hints !== null && c === hints.section) continue;
      const place = c.after === 0 ? '(before first)' : `(after ${SECTION_NAMES[c.after] ?? 'last'})`;
      o.push(`  (@custom ${stringText(utf8(c.name))} ${place} ${stringText(c.data)})`);
    }
    for (const g of m.recGroups) {
      if (g.explicit) {
        o.push('  (rec');
        for (let i = g.start; i < g.start + g.count; i++) o.push(`    (type${this.id(NameSub.Type, i)} ${subTypeText(m.types[i]!)}) ;; ${i}`);
        o.push('  )');
      } else {
        o.push(`  (type${this.id(NameSub.Type, g.start)} ${subTypeText(m.types[g.start]!)}) ;; ${g.start}`);
      }
    }
    let funcIdx = 0;
    let tableIdx = 0;
    let memIdx = 0;
    let globalIdx = 0;
    let tagIdx = 0;
    for (const imp of m.imports) {
      const d = imp.desc;
      let desc: string;
      switch (d.kind) {
        case 'func': desc = `(func${this.id(NameSub.Func, funcIdx++)} ${d.exact ? `(exact (type ${d.type}))` : `(type ${d.type})`})`; break;
        case 'table': desc = `(table${this.id(NameSub.Table, tableIdx++)} ${d.type.addr64 ? 'i64 ' : ''}${limitsText(d.type.limits)} ${refText(d.type.elem)})`; break;
        case 'memory': desc = `(memory${this.id(NameSub.Memory, memIdx++)} ${this.memType(d.type)})`; break;
        case 'global': desc = `(global${this.id(NameSub.Global, globalIdx++)} ${d.type.mutable ? `(mut ${typeText(d.type.type)})` : typeText(d.type.type)})`; break;
        case 'tag': desc = `(tag${this.id(NameSub.Tag, tagIdx++)} (type ${d.type}))`; break;
      }
      o.push(`  (import ${stringText(utf8(imp.module))} ${stringText(utf8(imp.name))} ${desc})`);
    }
    for (const t of m.tables) {
      const ty = `${t.type.addr64 ? 'i64 ' : ''}${limitsText(t.type.limits)} ${refText(t.type.elem)}`;
      const id = this.id(NameSub.Table, tableIdx++);
      if (t.init === null) o.push(`  (table${id} ${ty})`);
      else o.push(`  (table${id} ${ty} ${this.constExpr(t.init)})`);
    }
    for (const mt of m.memories) o.push(`  (memory${this.id(NameSub.Memory, memIdx++)} ${this.memType(mt)})`);
    for (const t of m.tags) o.push(`  (tag${this.id(NameSub.Tag, tagIdx++)} (type ${t.type}))`);
    for (const g of m.globals) {
      o.push(`  (global${this.id(NameSub.Global, globalIdx++)} ${g.type.mutable ? `(mut ${typeText(g.type.type)})` : typeText(g.type.type)} ${this.constExpr(g.init)})`);
    }
    for (const e of m.exports) o.push(`  (export ${stringText(utf8(e.name))} (${EXPORT_KIND[e.kind]} ${e.index}))`);
    if (m.start !== null) o.push(`  (start ${m.start})`);
    m.elems.forEach((e, i) => o.push(`  ${this.elem(e, this.id(NameSub.Elem, i))}`));
    for (let i = 0; i < m.funcs.length; i++) this.func(funcIdx++, i, hints?.byFunc.get(i));
    for (let i = 0; i < m.datas.length; i++) {
      const d = m.datas[i]!;
      let s = `(data${this.id(NameSub.Data, i)}`;
      if (d.mode === 'active') {
        if (d.memory !== 0) s += ` (memory ${d.memory})`;
        s += ` (offset ${this.flatExpr(d.offset!)})`;
      }
      o.push(`  ${s} ${stringText(d.init)})`);
    }
    o.push(')');
    return o.join('\n') + '\n';
  }

  private memType(t: Module['memories'][number]): string {
    return `${t.addr64 ? 'i64 ' : ''}${limitsText(t.limits)}${t.shared ? ' shared' : ''}`
      + (t.pageSizeLog2 !== null ? ` (pagesize ${2n ** BigInt(t.pageSizeLog2)})` : '');
  }

  private elem(e: Elem, id: string): string {
    let s = `(elem${id}`;
    if (e.mode === 'declarative') s += ' declare';
    if (e.mode === 'active') {
      if (e.explicitTable) s += ` (table ${e.table})`;
      s += ` (offset ${this.flatExpr(e.offset!)})`;
    }
    if (e.funcs !== null) return `${s} func${e.funcs.map((f) => ` ${f}`).join('')})`;
    return `${s} ${refText(e.type)}${e.exprs!.map((x) => ` (item ${this.flatExpr(x)})`).join('')})`;
  }

  /** A constant expression as flat instructions on one line (without the final `end`). */
  private flatExpr(bytes: Uint8Array): string {
    const lines: string[] = [];
    this.instrs(bytes, (depth, text) => lines.push(text), 0);
    return lines.join(' ');
  }

  private constExpr(bytes: Uint8Array): string {
    return this.flatExpr(bytes);
  }

  /**
   * The branch-hint section as annotations on the hinted instructions, when
   * the text parser would rebuild exactly its bytes and place: one section,
   * canonical (increasing functions and offsets, minimal LEB128), each hint
   * on an instruction that is printed as one, and the section last before
   * the code section. Otherwise (null) it is printed as `(@custom …)`.
   */
  private hintAnnotations(): { section: CustomSection; byFunc: Map<number, Map<number, number>> } | null {
    const m = this.m;
    const all = m.customs.filter((c) => c.name === BRANCH_HINT_SECTION);
    if (all.length !== 1) return null;
    const section = all[0]!;
    // Placement: nothing between the section and the code section.
    const k = m.customs.indexOf(section);
    if (m.customs.slice(k + 1).some((c) => c.after === section.after)) return null;
    const rank = (id: number) => (id === 0 ? -1 : SECTION_ORDER.indexOf(id));
    const code = SECTION_ORDER.indexOf(SectionId.Code);
    if (m.sections === null ? section.after !== BEFORE_CODE
      : m.sections.some((id) => rank(id) > rank(section.after) && rank(id) < code)) return null;
    const byFunc = new Map<number, Map<number, number>>();
    try {
      const funcs = readBranchHints(section.data);
      if (funcs.length === 0 || funcs.some((f) => f.hints.length === 0)) return null;
      if (!bytesEqual(encodeBranchHints(funcs), section.data)) return null;
      // Every hinted instruction must be printed as an instruction line (not `end`, `else`, handlers).
      const resolved = resolveBranchHints(m, section.data, this.features, (op) => {
        if (op === Op.end || op === Op.delegate || op === Op.else || op === Op.catch || op === Op.catch_all) throw new Error('unprintable');
      });
      for (const [defIdx, hints] of resolved) byFunc.set(defIdx, new Map(hints.map((h) => [h.at, h.value])));
    } catch {
      return null;
    }
    return { section, byFunc };
  }

  private func(idx: number, defIdx: number, hints?: Map<number, number>): void {
    const f = this.m.funcs[defIdx]!;
    const o = this.out;
    const type = this.m.funcTypes[defIdx] ?? f.type;
    const localNames = printableNames(this.m.names?.locals.get(idx));
    const ft = this.m.types[type]?.comp;
    let head = `  (func${this.id(NameSub.Func, idx)} (type ${type})`;
    let n = 0;
    if (localNames.size > 0 && ft !== undefined && ft.kind === 'func') {
      // Named parameters repeat the type's parameters, which the parser checks.
      for (const p of ft.params) {
        const pid = localNames.get(n++);
        head += pid === undefined ? ` (param ${typeText(p)})` : ` (param ${pid} ${typeText(p)})`;
      }
      for (const r of ft.results) head += ` (result ${typeText(r)})`;
    } else if (ft !== undefined && ft.kind === 'func') {
      n = ft.params.length;
    }
    o.push(head);
    const locals: string[] = [];
    for (const run of f.locals) {
      for (let i = 0; i < run.count; i++) {
        const lid = localNames.get(n++);
        if (lid !== undefined) {
          if (locals.length > 0) o.push(`    (local ${locals.splice(0).join(' ')})`);
          o.push(`    (local ${lid} ${typeText(run.type)})`);
        } else {
          locals.push(typeText(run.type));
        }
      }
    }
    if (locals.length > 0) o.push(`    (local ${locals.join(' ')})`);
    this.instrs(f.body, (depth, text) => o.push('    ' + '  '.repeat(Math.min(depth, MAX_INDENT)) + text), 0, hints);
    o.push('  )');
  }

  /** Walks an expression's bytes, emitting one line per instruction (the final `end` is not printed). */
  private instrs(bytes: Uint8Array, emit: (depth: number, text: string) => void, start: number, hints?: Map<number, number>): void {
    const r = new Reader(bytes, start);
    r.features = this.features;
    r.ops = this.ops;
    const ins: Instr = instr(0);
    let depth = 0;
    while (r.pos < r.end) {
      const hint = hints?.get(r.pos);
      if (hint !== undefined) emit(depth, `(@${BRANCH_HINT_SECTION} "\\0${hint}")`);
      readInstr(r, ins);
      const op = ins.op;
      if (op === Op.end || op === Op.delegate) {
        if (depth === 0) return;
        depth--;
        emit(depth, op === Op.end ? 'end' : `delegate ${ins.x}`);
        continue;
      }
      if (op === Op.else || op === Op.catch || op === Op.catch_all) {
        emit(depth - 1, this.instrText(ins));
        continue;
      }
      emit(depth, this.instrText(ins));
      if (op === Op.block || op === Op.loop || op === Op.if || op === Op.try || op === Op.try_table) depth++;
    }
  }

  /** One instruction as text. */
  private instrText(ins: Instr): string {
    const row = OPCODES[ins.op]!;
    let name = row[0];
    switch (ins.op) {
      case Op.select_t: return `select (result${ins.list.map((t) => ` ${typeText(t)}`).join('')})`;
      case Op.ref_test_null: name = 'ref.test'; break;
      case Op.ref_cast_null: name = 'ref.cast'; break;
      case Op.ref_cast_desc_eq_null: name = 'ref.cast_desc_eq'; break;
    }
    switch (row[3]) {
      case Imm.None: case Imm.Zero: return name;
      case Imm.BlockType: return name + blockTypeText(ins.x);
      case Imm.Label: case Imm.Func: case Imm.Type: case Imm.Tag: case Imm.Local: case Imm.Global:
      case Imm.Table: case Imm.Memory: case Imm.Data: case Imm.Elem:
        return `${name} ${ins.x}`;
      case Imm.BrTable: return `${name} ${ins.list.join(' ')}${ins.list.length ? ' ' : ''}${ins.x}`;
      case Imm.CallIndirect: return `${name} ${ins.y} (type ${ins.x})`;
      case Imm.TypeField: case Imm.TypeCount: case Imm.TypeData: case Imm.TypeElem: case Imm.TypeType:
        return `${name} ${ins.x} ${ins.y}`;
      case Imm.DataMemory: case Imm.ElemTable: return `${name} ${ins.y} ${ins.x}`;
      case Imm.MemoryMemory: case Imm.TableTable: return `${name} ${ins.x} ${ins.y}`;
      case Imm.MemArg: return name + memArgText(ins, row[6]);
      case Imm.MemArgLane: return `${name}${memArgText(ins, row[6])} ${ins.z}`;
      case Imm.Lane: return `${name} ${ins.x}`;
      case Imm.Shuffle: return `${name} ${Array.from(ins.bytes!).join(' ')}`;
      case Imm.V128: {
        const dv = new DataView(ins.bytes!.buffer, ins.bytes!.byteOffset, 16);
        const lanes: string[] = [];
        for (let i = 0; i < 4; i++) lanes.push('0x' + dv.getUint32(i * 4, true).toString(16));
        return `${name} i32x4 ${lanes.join(' ')}`;
      }
      case Imm.I32: return `${name} ${ins.x | 0}`;
      case Imm.I64: return `${name} ${formatI64(ins.lo, ins.hi)}`;
      case Imm.F32: return `${name} ${formatF32(ins.x | 0)}`;
      case Imm.F64: return `${name} ${formatF64(ins.lo, ins.hi)}`;
      case Imm.SelectTypes: return name;
      case Imm.HeapType:
        return ins.op === Op.ref_null ? `${name} ${heapText(ins.x)}` : `${name} ${refFull(ins.x)}`;
      case Imm.BrOnCast: return `${name} ${ins.x} ${refFull(ins.y)} ${refFull(ins.z)}`;
      case Imm.TryTable: return name + blockTypeText(ins.x) + ins.catches.map((c) => {
        switch (c.kind) {
          case CatchKind.Catch: return ` (catch ${c.tag} ${c.label})`;
          case CatchKind.CatchRef: return ` (catch_ref ${c.tag} ${c.label})`;
          case CatchKind.CatchAll: return ` (catch_all ${c.label})`;
          default: return ` (catch_all_ref ${c.label})`;
        }
      }).join('');
    }
    return name;
  }
}

/** A reference type in the long form (casts need the nullability spelled out). */
function refFull(t: ValType): string {
  return `(ref ${refNullable(t) ? 'null ' : ''}${heapText(t)})`;
}

function blockTypeText(bt: number): string {
  if (bt === BLOCK_EMPTY) return '';
  const idx = blockTypeIndex(bt);
  return idx >= 0 ? ` (type ${idx})` : ` (result ${typeText(bt)})`;
}

function memArgText(ins: Instr, natural: number): string {
  let s = '';
  if (ins.x & MEMARG_HAS_MEMORY) s += ` ${ins.y}`;
  const offset = (BigInt(ins.hi >>> 0) << 32n) | BigInt(ins.lo >>> 0);
  if (offset !== 0n) s += ` offset=${offset}`;
  const a = ins.x & ~MEMARG_HAS_MEMORY;
  if (a !== natural) s += ` align=${2n ** BigInt(a)}`;
  return s;
}

/** Name section subsection ids ("Name Section" in the appendix, with the extended-names ones). */
const enum NameSub {
  Func = 1,
  Type = 4,
  Table = 5,
  Memory = 6,
  Global = 7,
  Elem = 8,
  Data = 9,
  Tag = 11,
}

const EXPORT_KIND: Record<ExternKind, string> = {
  [ExternKind.Func]: 'func', [ExternKind.Table]: 'table', [ExternKind.Memory]: 'memory',
  [ExternKind.Global]: 'global', [ExternKind.Tag]: 'tag',
};

/** Names usable as `$id`s: printable and unique; others are left out. */
function printableNames(names: Map<number, string> | undefined): Map<number, string> {
  const out = new Map<number, string>();
  if (names === undefined) return out;
  const seen = new Set<string>();
  for (const [i, n] of names) {
    if (n.length === 0 || seen.has(n)) continue;
    seen.add(n);
    out.set(i, /^[0-9A-Za-z!#$%&'*+\-./:<=>?@\\^_`|~]+$/.test(n) ? `$${n}` : `$${stringText(utf8(n))}`);
  }
  return out;
}

/** UTF-8 bytes of a string (names). */
function utf8(s: string): Uint8Array {
  return encodeUtf8(s);
}
