/**
 * Runtime types ("Execution › Runtime Structure", types after "Type
 * Equivalence"): a module's types as the interpreter's functions, tables and
 * globals carry them. A runtime value type is a ValType whose concrete heap
 * type is a canonical type id (src/validator/canon.ts) instead of the
 * module's type index, so it means the same in every module of the process:
 * import matching, `call_indirect` and the JS boundary compare types of
 * objects that came from other modules by integer.
 *
 * Computed once per module (cached by the module AST) and shared by all its
 * instances.
 *
 * Not here: subtyping itself (canon.ts: `isCanonicalSubtype`,
 * `matchRuntimeVal`), which the validator's rules and this share.
 */
import type { Module } from '../ast/module.js';
import type { ValType } from '../ast/types.js';
import { moduleCanon, runtimeValType } from '../validator/canon.js';
import type { FuncType } from './runtime.js';

/** A module's types at run time. */
export interface RuntimeTypes {
  /** Canonical id of each type index. */
  readonly canon: Int32Array;
  /** Function type of each type index in runtime form, with `id` set; null for struct and array types. */
  readonly funcs: readonly (FuncType | null)[];
}

const cache = new WeakMap<Module, RuntimeTypes>();

/** The runtime types of (valid) module `m`. */
export function runtimeTypes(m: Module): RuntimeTypes {
  let rt = cache.get(m);
  if (rt === undefined) {
    const canon = moduleCanon(m);
    const conv = (t: ValType): ValType => runtimeValType(t, canon);
    const funcs = m.types.map((t, i): FuncType | null => (t.comp.kind === 'func'
      ? { params: t.comp.params.map(conv), results: t.comp.results.map(conv), id: canon[i]! }
      : null));
    cache.set(m, (rt = { canon, funcs }));
  }
  return rt;
}

/** The runtime form of module `m`'s value type `t`. */
export function moduleValType(m: Module, t: ValType): ValType {
  return runtimeValType(t, runtimeTypes(m).canon);
}

/**
 * The runtime function type of type index `x` of module `m` (for a host
 * function an embedder creates for one of the module's function imports).
 * Throws TypeError if `x` is no function type.
 */
export function moduleFuncType(m: Module, x: number): FuncType {
  const ft = runtimeTypes(m).funcs[x];
  if (ft === null || ft === undefined) throw new TypeError(`type ${x} is not a function type`);
  return ft;
}
