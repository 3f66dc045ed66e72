/**
 * What the interpreter can execute today, and the check that the JS API
 * (src/api) and the spec runner use to refuse the rest at compile time ("A module that uses an instruction the interpreter cannot
 * execute yet is refused by compile/validate with a CompileError naming the
 * feature"). Packages probe this (e.g. a SIMD build) to fall back to another
 * build; accepting such a module and failing mid-run would break them.
 *
 * It reads types, imports and definitions, and for instructions the
 * validator's record of which ones the code uses (no second walk). When the interpreter gains a feature,
 * add it to EXECUTABLE and delete its special case below.
 */
import type { Feature } from '../ast/opcodes.js';
import { OPCODES } from '../ast/opcodes.js';
import type { Module } from '../ast/module.js';
import { Heap, V128, isRef, refHeap, refExact, refNullable, type ValType } from '../ast/types.js';

/**
 * Instruction features the interpreter executes: WebAssembly 2.0 without SIMD.
 * (Multiple memories and 64-bit memories and tables run too; they are not
 * instruction features and so are checked nowhere below.)
 */
export const EXECUTABLE: ReadonlySet<Feature> = new Set<Feature>([
  'mvp', 'sign-extension', 'saturating-float-to-int', 'bulk-memory', 'reference-types',
]);

/**
 * The feature a value type needs that the interpreter cannot represent yet,
 * or null. References to function types (`(ref null? $t)`, typed function
 * references) are plain function references at run time, so they run; the
 * instructions of that proposal are refused through `usedOps` instead.
 */
function typeFeature(t: ValType): string | null {
  if (t === V128) return 'simd';
  if (!isRef(t)) return null;
  const h = refHeap(t);
  if (refExact(t)) return 'custom-descriptors';
  if (h === Heap.Exn || h === Heap.NoExn) return 'exceptions';
  if (h < 0 && h !== Heap.Func && h !== Heap.Extern && h !== Heap.NoFunc && h !== Heap.NoExtern) return 'gc';
  return null;
}

/**
 * Types the interpreter cannot yet treat by the 3.0 rules where they cross a
 * module boundary: function types mentioning typed references (it compares
 * function types structurally, not by canonical type ids), and globals and
 * tables of non-nullable or typed references (it matches imports by equality,
 * not subtyping).
 */
function boundaryFeature(t: ValType): string | null {
  if (isRef(t) && (refHeap(t) >= 0 || !refNullable(t))) return 'function-references';
  return typeFeature(t);
}

/**
 * The name of the first feature module `m` uses that the interpreter cannot
 * execute yet, or null when it can run all of it. `usedOps` is the
 * validator's record of the instructions the code uses (`ModuleInfo.usedOps`).
 */
export function unsupportedFeature(m: Module, usedOps: Uint8Array): string | null {
  for (let op = 0; op < usedOps.length; op++) {
    if (usedOps[op] === 1 && !EXECUTABLE.has(OPCODES[op]![4])) return OPCODES[op]![4];
  }
  for (const t of m.types) {
    if (t.comp.kind !== 'func') return 'gc';
    if (t.supers.length > 0 || !t.final) return 'gc';
    if (t.describes !== null || t.descriptor !== null) return 'custom-descriptors';
    for (const v of [...t.comp.params, ...t.comp.results]) { const f = boundaryFeature(v); if (f) return f; }
  }
  for (const g of m.recGroups) if (g.count > 1) return 'gc';
  for (const imp of m.imports) {
    const d = imp.desc;
    if (d.kind === 'tag') return 'exceptions';
    if (d.kind === 'memory') {
      if (d.type.shared) return 'threads';
      if (d.type.pageSizeLog2 !== null) return 'custom-page-sizes';
    }
    if (d.kind === 'table') { const f = boundaryFeature(d.type.elem); if (f) return f; }
    if (d.kind === 'global') { const f = boundaryFeature(d.type.type); if (f) return f; }
    if (d.kind === 'func' && d.exact) return 'custom-descriptors';
  }
  for (const mem of m.memories) {
    if (mem.shared) return 'threads';
    if (mem.pageSizeLog2 !== null) return 'custom-page-sizes';
  }
  if (m.tags.length > 0) return 'exceptions';
  for (const t of m.tables) {
    const f = boundaryFeature(t.type.elem);
    if (f) return f;
  }
  for (const g of m.globals) {
    const f = boundaryFeature(g.type.type);
    if (f) return f;
  }
  for (const e of m.elems) {
    const f = typeFeature(e.type);
    if (f) return f;
  }
  for (const fn of m.funcs) {
    for (const l of fn.locals) { const f = typeFeature(l.type); if (f) return f; }
  }
  return null;
}
