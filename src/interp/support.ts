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
import { Heap, V128, isRef, refHeap, refExact, type ValType } from '../ast/types.js';

/**
 * Instruction features the interpreter executes: WebAssembly 2.0 without
 * SIMD, plus GC (structs, arrays, i31, casts), tail calls, both forms of
 * exception handling and typed function references. (Multiple memories and
 * 64-bit memories and tables run too; they are not instruction features and
 * so are checked nowhere below.)
 */
export const EXECUTABLE: ReadonlySet<Feature> = new Set<Feature>([
  'mvp', 'sign-extension', 'saturating-float-to-int', 'bulk-memory', 'reference-types', 'gc', 'tail-call',
  'exceptions', 'legacy-exceptions', 'function-references',
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
  if (refExact(t)) return 'custom-descriptors';
  return null;
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
    if (t.describes !== null || t.descriptor !== null) return 'custom-descriptors';
    const c = t.comp;
    const vals = c.kind === 'func' ? [...c.params, ...c.results] : c.kind === 'struct' ? c.fields.map((x) => x.type) : [c.field.type];
    for (const v of vals) { const f = typeFeature(v); if (f) return f; }
  }
  for (const imp of m.imports) {
    const d = imp.desc;
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
  for (const t of m.tables) {
    const f = typeFeature(t.type.elem);
    if (f) return f;
  }
  for (const g of m.globals) {
    const f = typeFeature(g.type.type);
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
