/**
 * Instantiation ("Execution › Modules › Instantiation"): resolves and checks
 * imports ("Import Matching" / "External Typing"), allocates the module's
 * functions, tables, memories and globals, evaluates initializers, applies
 * active element and data segments in order, drops declarative ones, and runs
 * the start function.
 *
 * Throws `LinkError` ("unknown import", "incompatible import type") before
 * anything is allocated; `RuntimeError` when a segment does not fit ("out of
 * bounds table access" / "out of bounds memory access": segments applied
 * before it stay applied, as the spec says) or the start function traps.
 *
 * Imports match by the 3.0 rules on runtime types (rtypes.ts): a function's
 * canonical type must be a subtype of the import's, an immutable global's
 * type a subtype, a mutable global's and a table's element type equivalent,
 * a tag's type equivalent. A defined tag is a new `TagInst` per
 * instantiation.
 *
 * Deliberately not here: validation (the module must be valid),
 * memory64/table64 beyond their limits.
 */
import { LinkError } from '../errors.js';
import { ExternKind, type Module } from '../ast/module.js';
import type { Limits } from '../ast/types.js';
import { evalConst, type ConstContext } from './constexpr.js';
import { invoke } from './invoke.js';
import {
  FuncInst, GlobalInst, MemoryInst, Store, TableInst, TagInst, canonicalTypeId, type ExternVal, type Instance,
  type StoreLimits, type JitHooks,
} from './runtime.js';
import { runtimeTypes } from './rtypes.js';
import { moduleLayouts } from './gc.js';
import { isCanonicalSubtype, matchRuntimeVal, runtimeValType } from '../validator/canon.js';
import { addr, memoryInit, tableInit } from './slow.js';
import type { Value } from './values.js';

/**
 * Where imports come from: an object `{ module: { name: value } }`, or a
 * function `(module, name) => value` (undefined when there is none).
 */
export type Imports =
  | Readonly<Record<string, Readonly<Record<string, ExternVal | undefined>> | undefined>>
  | ((module: string, name: string) => ExternVal | undefined);

/** Options of `instantiate`: the store to use, or limits for a new one. */
export interface InstantiateOptions extends StoreLimits {
  /** The store to run in (shared with other instances so they call each other directly). */
  store?: Store;
  /** The compile-to-JS tier to offer this instance's functions to (`jsTier` from src/jstier); default none. */
  jit?: JitHooks | null;
}

let sharedStore: Store | null = null;

/** The store used when `instantiate` gets neither a store nor limits. */
export function defaultStore(): Store {
  return sharedStore ?? (sharedStore = new Store());
}

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function lookup(imports: Imports, module: string, name: string): ExternVal | undefined {
  if (typeof imports === 'function') return imports(module, name);
  const m = own(imports, module) ? imports[module] : undefined;
  return m !== undefined && own(m, name) ? m[name] : undefined;
}

/** Does an external value with limits `got` match the import's limits `want` ("Limits" matching)? */
function limitsMatch(size: number, max: number | null, want: Limits): boolean {
  if (BigInt(size) < want.min) return false;
  if (want.max === null) return true;
  return max !== null && BigInt(max) <= want.max;
}

function incompatible(module: string, name: string): never {
  throw new LinkError(`incompatible import type: ${module}.${name}`);
}

/** Instantiates a valid module. See the header for what it throws. */
export function instantiate(m: Module, imports: Imports = {}, options: InstantiateOptions = {}): Instance {
  const { store: given, jit = null, ...limits } = options;
  const store = given ?? (Object.keys(limits).length > 0 ? new Store(limits) : defaultStore());
  const { canon, funcs: types } = runtimeTypes(m);
  const rt = (t: number): number => runtimeValType(t, canon);

  const funcs: FuncInst[] = [];
  const tables: TableInst[] = [];
  const memories: MemoryInst[] = [];
  const globals: GlobalInst[] = [];
  const tags: TagInst[] = [];
  for (const imp of m.imports) {
    const v = lookup(imports, imp.module, imp.name);
    if (v === undefined) throw new LinkError(`unknown import: ${imp.module}.${imp.name}`);
    const d = imp.desc;
    switch (d.kind) {
      case 'func':
        if (!(v instanceof FuncInst) || !isCanonicalSubtype(v.typeId, canon[d.type]!)) incompatible(imp.module, imp.name);
        funcs.push(v);
        break;
      case 'table':
        if (!(v instanceof TableInst) || v.elemType !== rt(d.type.elem) || v.addr64 !== d.type.addr64
          || !limitsMatch(v.size, v.max, d.type.limits)) incompatible(imp.module, imp.name);
        tables.push(v);
        break;
      case 'memory':
        if (!(v instanceof MemoryInst) || v.addr64 !== d.type.addr64 || v.shared !== d.type.shared
          || !limitsMatch(v.pages, v.max, d.type.limits)) {
          incompatible(imp.module, imp.name);
        }
        memories.push(v);
        break;
      case 'global':
        if (!(v instanceof GlobalInst) || v.mutable !== d.type.mutable
          || (d.type.mutable ? v.type !== rt(d.type.type) : !matchRuntimeVal(v.type, rt(d.type.type)))) {
          incompatible(imp.module, imp.name);
        }
        globals.push(v);
        break;
      case 'tag':
        if (!(v instanceof TagInst) || canonicalTypeId(v.type) !== canon[d.type]) {
          incompatible(imp.module, imp.name);
        }
        tags.push(v);
        break;
      default:
        incompatible(imp.module, imp.name);
    }
  }

  const elems: Value[][] = [];
  const datas: Uint8Array[] = [];
  const exports: Record<string, ExternVal> = Object.create(null) as Record<string, ExternVal>;
  const layouts = moduleLayouts(m);
  const inst: Instance = {
    module: m, store, types, canon, layouts, funcs, tables, memories, globals, tags, elems, datas, exports, jit,
  };
  m.funcs.forEach((def, i) => funcs.push(new FuncInst(types[m.funcTypes[i]!]!, inst, def, null)));
  const ctx: ConstContext = { funcs, globals, layouts };

  for (const g of m.globals) {
    const gi = new GlobalInst(rt(g.type.type), g.type.mutable);
    const v = evalConst(g.init, ctx);
    gi.bits.set(v.bits);
    gi.ref = v.ref;
    globals.push(gi);
  }
  for (const t of m.tables) {
    const init = t.init === null ? null : evalConst(t.init, ctx).ref;
    const { min, max } = t.type.limits;
    tables.push(new TableInst(rt(t.type.elem), Number(min), max === null ? null : Number(max), init, t.type.addr64));
  }
  for (const mt of m.memories) {
    const { min, max } = mt.limits;
    const limit = Math.min(store.maxMemoryPages, options.maxMemoryPages ?? Infinity);
    if (Number(min) > limit) throw new LinkError('memory size exceeds the limit');
    memories.push(new MemoryInst(Number(min), max === null ? null : Number(max), limit, mt.addr64, mt.shared));
  }

  for (const t of m.tags) tags.push(new TagInst(types[t.type]!));

  for (const e of m.exports) {
    switch (e.kind) {
      case ExternKind.Func: exports[e.name] = funcs[e.index]!; break;
      case ExternKind.Table: exports[e.name] = tables[e.index]!; break;
      case ExternKind.Memory: exports[e.name] = memories[e.index]!; break;
      case ExternKind.Global: exports[e.name] = globals[e.index]!; break;
      case ExternKind.Tag: exports[e.name] = tags[e.index]!; break;
      default: break;
    }
  }

  for (const seg of m.elems) {
    const items: Value[] = seg.funcs !== null
      ? seg.funcs.map((x) => funcs[x])
      : seg.exprs!.map((e) => evalConst(e, ctx).ref);
    elems.push(items);
  }
  for (const seg of m.datas) datas.push(seg.init);

  m.elems.forEach((seg, i) => {
    if (seg.mode === 'active') {
      const t = tables[seg.table]!;
      tableInit(t, elems[i]!, addr(evalConst(seg.offset!, ctx).bits, 0, t.addr64), 0, elems[i]!.length);
    }
    if (seg.mode !== 'passive') elems[i] = [];
  });
  m.datas.forEach((seg, i) => {
    if (seg.mode !== 'active') return;
    const mem = memories[seg.memory]!;
    memoryInit(mem, datas[i]!, addr(evalConst(seg.offset!, ctx).bits, 0, mem.addr64), 0, datas[i]!.length);
    datas[i] = new Uint8Array(0);
  });

  if (m.start !== null) invoke(funcs[m.start]!, []);
  return inst;
}
