/**
 * What the interpreter can execute today, and the check that the JS API
 * (src/api) and the spec runner use to refuse the rest at compile time ("A module that uses an instruction the interpreter cannot
 * execute yet is refused by compile/validate with a CompileError naming the
 * feature"). Packages probe this (e.g. a SIMD build) to fall back to another
 * build; accepting such a module and failing mid-run would break them.
 *
 * This walks types, imports, definitions and every instruction once, with the
 * allocation-free instruction reader. When the interpreter gains a feature,
 * add it to EXECUTABLE and delete its special case below.
 */
import type { Feature } from '../ast/opcodes.js';
import { OPCODES } from '../ast/opcodes.js';
import { instr } from '../ast/instr.js';
import { Imm } from '../ast/opcodes.js';
import type { Module } from '../ast/module.js';
import { Heap, V128, isRef, refHeap, refNullable, refExact, type ValType } from '../ast/types.js';
import { Reader, readInstr } from '../decoder/index.js';

/**
 * Instruction features the interpreter executes: WebAssembly 2.0 without SIMD.
 * (Multiple memories and 64-bit memories and tables run too; they are not
 * instruction features and so are checked nowhere below.)
 */
export const EXECUTABLE: ReadonlySet<Feature> = new Set<Feature>([
  'mvp', 'sign-extension', 'saturating-float-to-int', 'bulk-memory', 'reference-types',
]);

/** The feature a value type needs beyond WebAssembly 2.0, or null. */
function typeFeature(t: ValType): string | null {
  if (t === V128) return 'simd';
  if (!isRef(t)) return null;
  const h = refHeap(t);
  if (refExact(t)) return 'custom-descriptors';
  if (h === Heap.Exn || h === Heap.NoExn) return 'exceptions';
  if (h !== Heap.Func && h !== Heap.Extern) return h >= 0 ? 'function-references' : 'gc';
  if (!refNullable(t)) return 'function-references';
  return null;
}

/** Every instruction decodes here, whatever the module was decoded with: this check names what it finds. */
const ALL_OPS = new Uint8Array(OPCODES.length).fill(1);
const ALL_FEATURES = { threads: true, wideArithmetic: true, customPageSizes: true, customDescriptors: true };

function exprFeature(bytes: Uint8Array): string | null {
  const r = new Reader(bytes);
  r.ops = ALL_OPS;
  r.features = ALL_FEATURES;
  const ins = instr(0);
  while (r.pos < r.end) {
    readInstr(r, ins);
    const row = OPCODES[ins.op]!;
    if (!EXECUTABLE.has(row[4])) return row[4];
    const imm = row[3];
    if (imm === Imm.SelectTypes) for (const t of ins.list) { const f = typeFeature(t); if (f) return f; }
    if (imm === Imm.HeapType) { const f = typeFeature(ins.x); if (f) return f; }
    if (imm === Imm.BlockType && ins.x >= 0) { const f = typeFeature(ins.x); if (f) return f; }
  }
  return null;
}

/**
 * The name of the first feature module `m` uses that the interpreter cannot
 * execute yet, or null when it can run all of it.
 */
export function unsupportedFeature(m: Module): string | null {
  for (const t of m.types) {
    if (t.comp.kind !== 'func') return 'gc';
    if (t.supers.length > 0 || !t.final) return 'gc';
    if (t.describes !== null || t.descriptor !== null) return 'custom-descriptors';
    for (const v of [...t.comp.params, ...t.comp.results]) { const f = typeFeature(v); if (f) return f; }
  }
  for (const g of m.recGroups) if (g.count > 1) return 'gc';
  for (const imp of m.imports) {
    const d = imp.desc;
    if (d.kind === 'tag') return 'exceptions';
    if (d.kind === 'memory') {
      if (d.type.shared) return 'threads';
      if (d.type.pageSizeLog2 !== null) return 'custom-page-sizes';
    }
    if (d.kind === 'table') { const f = typeFeature(d.type.elem); if (f) return f; }
    if (d.kind === 'global') { const f = typeFeature(d.type.type); if (f) return f; }
    if (d.kind === 'func' && d.exact) return 'custom-descriptors';
  }
  for (const mem of m.memories) {
    if (mem.shared) return 'threads';
    if (mem.pageSizeLog2 !== null) return 'custom-page-sizes';
  }
  if (m.tags.length > 0) return 'exceptions';
  for (const t of m.tables) {
    if (t.init !== null) return 'function-references';
    const f = typeFeature(t.type.elem);
    if (f) return f;
  }
  for (const g of m.globals) {
    const f = typeFeature(g.type.type) ?? exprFeature(g.init);
    if (f) return f;
  }
  for (const e of m.elems) {
    const f = typeFeature(e.type) ?? (e.offset && exprFeature(e.offset)) ?? null;
    if (f) return f;
    for (const x of e.exprs ?? []) { const g = exprFeature(x); if (g) return g; }
  }
  for (const d of m.datas) { const f = d.offset && exprFeature(d.offset); if (f) return f; }
  for (const fn of m.funcs) {
    for (const l of fn.locals) { const f = typeFeature(l.type); if (f) return f; }
    const f = exprFeature(fn.body);
    if (f) return f;
  }
  return null;
}
