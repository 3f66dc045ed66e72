/**
 * Compile options and builtin imports ("WebAssembly JavaScript Interface ›
 * WebAssemblyCompileOptions", "Builtins", "Imported string constants"):
 * `{ builtins: ['js-string'], importedStringConstants: 'name' }` given to
 * `WebAssembly.validate`, `compile`, `instantiate`, the streaming forms and
 * `new WebAssembly.Module`.
 *
 * At compile time (`checkBuiltinImports`): an import of a function of an
 * enabled builtin set (module `wasm:js-string`, a name of the set) must have
 * exactly the builtin's type, and every import from the
 * `importedStringConstants` module must be an immutable global of a
 * supertype of `(ref extern)`; otherwise CompileError. Such imports are then
 * left out of `WebAssembly.Module.imports` and are not read from the import
 * object: instantiation gets the builtin function, or a global holding the
 * import's name as a string (`builtinImport`). Unknown builtin set names are
 * ignored; an import from `wasm:js-string` whose name is not a builtin is an
 * ordinary import.
 *
 * Not here: the builtins themselves (js-string.ts).
 */
import { CompileError } from '../errors.js';
import { Heap, refType } from '../ast/types.js';
import type { Import, Module as ModuleAst } from '../ast/module.js';
import { matchRuntimeVal, moduleCanon } from '../validator/index.js';
import { GlobalInst, moduleValType, writeGlobal, type ExternVal } from '../interp/index.js';
import { JS_STRING_BUILTINS } from './js-string.js';

/** The `wasm:js-string` builtin set's module name. */
const JS_STRING = 'wasm:js-string';

/** Compile options after WebIDL conversion. */
export interface CompileOptions {
  /** The `js-string` builtin set is enabled. */
  readonly jsString: boolean;
  /** The module name of imported string constants, or null. */
  readonly stringConstants: string | null;
}

const NONE: CompileOptions = { jsString: false, stringConstants: null };

/** Converts a JS `WebAssemblyCompileOptions` dictionary; TypeError for a value that is no dictionary. */
export function readCompileOptions(options: unknown): CompileOptions {
  if (options === undefined || options === null) return NONE;
  if (typeof options !== 'object' && typeof options !== 'function') {
    throw new TypeError('WebAssembly compile options must be an object');
  }
  const o = options as { builtins?: unknown; importedStringConstants?: unknown };
  let jsString = false;
  const b = o.builtins;
  if (b !== undefined) {
    if (b === null || typeof (b as Iterable<unknown>)[Symbol.iterator] !== 'function' || typeof b === 'string') {
      throw new TypeError('WebAssembly compile options: builtins must be a sequence of strings');
    }
    for (const name of b as Iterable<unknown>) if (String(name) === 'js-string') jsString = true;
  }
  const c = o.importedStringConstants;
  const stringConstants = c === undefined || c === null ? null : String(c);
  return jsString || stringConstants !== null ? { jsString, stringConstants } : NONE;
}

const optionsOf = new WeakMap<ModuleAst, CompileOptions>();

/** What an import is under `o`: a builtin function, a string constant, or an ordinary import. */
function importKind(o: CompileOptions, imp: Import): 'builtin' | 'constant' | null {
  if (o.jsString && imp.module === JS_STRING && JS_STRING_BUILTINS.has(imp.name)) return 'builtin';
  if (o.stringConstants !== null && imp.module === o.stringConstants) return 'constant';
  return null;
}

const REF_EXTERN = refType(false, Heap.Extern);

/**
 * Checks module `m`'s builtin and string-constant imports under `o` and
 * remembers `o` for the module. Throws CompileError.
 */
export function checkBuiltinImports(m: ModuleAst, o: CompileOptions): void {
  if (o === NONE) return;
  const canon = moduleCanon(m);
  m.imports.forEach((imp, i) => {
    const kind = importKind(o, imp);
    const d = imp.desc;
    if (kind === 'builtin') {
      const b = JS_STRING_BUILTINS.get(imp.name)!;
      if (d.kind !== 'func' || d.exact || canon[d.type] !== b.type.id) {
        throw new CompileError(`import #${i} "${JS_STRING}" "${imp.name}": a builtin function of another type`);
      }
    } else if (kind === 'constant') {
      if (d.kind !== 'global' || d.type.mutable || !matchRuntimeVal(REF_EXTERN, moduleValType(m, d.type.type))) {
        throw new CompileError(`import #${i} "${imp.name}": a string constant must be an immutable global of a supertype of (ref extern)`);
      }
    }
  });
  optionsOf.set(m, o);
}

/** Is import `imp` of `m` provided by a builtin or as a string constant (so the import object is not read)? */
export function isBuiltinImport(m: ModuleAst, imp: Import): boolean {
  const o = optionsOf.get(m);
  return o !== undefined && importKind(o, imp) !== null;
}

/** The external value of builtin or string-constant import `imp` of `m` (see `isBuiltinImport`). */
export function builtinImport(m: ModuleAst, imp: Import): ExternVal {
  if (importKind(optionsOf.get(m)!, imp) === 'builtin') return JS_STRING_BUILTINS.get(imp.name)!.func;
  const d = imp.desc as { kind: 'global'; type: { type: number } };
  const g = new GlobalInst(moduleValType(m, d.type.type), false);
  writeGlobal(g, imp.name);
  return g;
}
