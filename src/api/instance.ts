/**
 * `WebAssembly.Instance` ("WebAssembly JavaScript Interface › Instances"):
 * reading the imports from the import object with the JS API's rules,
 * instantiating through the interpreter, and building the frozen,
 * null-prototype exports object. Also the exported-function wrappers: one JS
 * function per function instance, with the right `length` and `name`, that
 * converts arguments and results (values.ts), and exceptions both ways
 * (objects.ts: `exnToJS`, `jsToExn`).
 */
import { LinkError } from '../errors.js';
import { I64, V128, isRef } from '../ast/types.js';
import type { Module as ModuleAst } from '../ast/module.js';
import {
  FuncInst, GlobalInst, MemoryInst, TableInst, TagInst, instantiate, invoke, moduleFuncType, moduleValType,
  writeGlobal, type ExternVal, type FuncType,
  type Instance as InstanceRec, type Value,
} from '../interp/index.js';
import { Global, Memory, Table, Tag, exnToJS, internalOf, jsToExn, tagInst } from './objects.js';
import { moduleAst } from './module.js';
import { jitFor, tierOf } from './tier.js';
import { setFuncBridge, toJSValue, toWasmValue } from './values.js';
import { builtinImport, isBuiltinImport } from './builtins.js';

const wrappers = new WeakMap<FuncInst, Function>();
const funcOf = new WeakMap<Function, FuncInst>();

/** The exported-function wrapper of `f` (created once). `index` names it. */
export function exportedFunction(f: FuncInst, index = -1): Function {
  let w = wrappers.get(f);
  if (w !== undefined) return w;
  const { params, results } = f.type;
  const v128 = hasV128(f.type);
  const fn = (...args: unknown[]): unknown => {
    if (v128) throw new TypeError(V128_BOUNDARY);
    const raw: Value[] = new Array(params.length);
    for (let i = 0; i < params.length; i++) raw[i] = toWasmValue(args[i], params[i]!);
    let out: Value[];
    try {
      out = invoke(f, raw);
    } catch (e) {
      throw exnToJS(e);
    }
    if (results.length === 0) return undefined;
    if (results.length === 1) return toJSValue(out[0], results[0]!);
    return out.map((v, i) => toJSValue(v, results[i]!));
  };
  Object.defineProperty(fn, 'length', { value: params.length });
  Object.defineProperty(fn, 'name', { value: String(index >= 0 ? index : indexOf(f)) });
  wrappers.set(f, fn);
  funcOf.set(fn, f);
  return fn;
}

function indexOf(f: FuncInst): number {
  return f.instance ? f.instance.funcs.indexOf(f) : 0;
}

setFuncBridge({
  toJS: (f) => exportedFunction(f),
  fromJS: (v) => (typeof v === 'function' ? funcOf.get(v) ?? null : null),
});

/** The TypeError's message when a function type with v128 is called across the JS boundary. */
const V128_BOUNDARY = 'a function whose type contains v128 cannot be called from or call into JavaScript';

/** True if `t` has a v128 parameter or result (calls across the JS boundary then throw TypeError). */
function hasV128(t: FuncType): boolean {
  return t.params.includes(V128) || t.results.includes(V128);
}

/** A host function instance that calls JS function `fn` with converted arguments ("create a host function"). */
function hostFunction(fn: Function, type: FuncType): FuncInst {
  const { params, results } = type;
  const v128 = hasV128(type);
  const call = (args: Value[]): Value[] => {
    if (v128) throw new TypeError(V128_BOUNDARY);
    const jsArgs = new Array<unknown>(args.length);
    for (let i = 0; i < args.length; i++) jsArgs[i] = toJSValue(args[i], params[i]!);
    const ret = Reflect.apply(fn, undefined, jsArgs);
    if (results.length === 0) return [];
    if (results.length === 1) return [toWasmValue(ret, results[0]!)];
    if (ret === null || typeof ret !== 'object' || typeof (ret as Iterable<unknown>)[Symbol.iterator] !== 'function') {
      throw new TypeError('a host function with several results must return an iterable');
    }
    const values = Array.from(ret as Iterable<unknown>);
    if (values.length !== results.length) throw new TypeError('a host function returned the wrong number of results');
    return values.map((v, i) => toWasmValue(v, results[i]!));
  };
  // Whatever the JS side throws (the function, or a conversion of its result) enters wasm as an exception.
  return FuncInst.host(type, (args) => {
    try {
      return call(args);
    } catch (e) {
      throw jsToExn(e);
    }
  });
}

/** "Read the imports": resolves every import of `m` from `importObject` as the JS API says. */
function readImports(m: ModuleAst, importObject: unknown): Map<string, ExternVal> {
  const wanted = m.imports.filter((imp) => !isBuiltinImport(m, imp));
  if (wanted.length > 0 && (importObject === undefined || importObject === null)) {
    throw new TypeError('WebAssembly.Instance: an import object is required');
  }
  if (importObject !== undefined && importObject !== null && typeof importObject !== 'object' && typeof importObject !== 'function') {
    throw new TypeError('WebAssembly.Instance: the import object must be an object');
  }
  const out = new Map<string, ExternVal>();
  for (const imp of m.imports) {
    if (isBuiltinImport(m, imp)) {
      out.set(`${imp.module}\u0000${imp.name}`, builtinImport(m, imp));
      continue;
    }
    const o = (importObject as Record<string, unknown>)[imp.module];
    if (o === null || (typeof o !== 'object' && typeof o !== 'function')) {
      throw new TypeError(`WebAssembly.Instance: import module "${imp.module}" must be an object`);
    }
    const v = (o as Record<string, unknown>)[imp.name];
    const where = `import "${imp.module}" "${imp.name}"`;
    const d = imp.desc;
    let ev: ExternVal;
    switch (d.kind) {
      case 'func': {
        if (typeof v !== 'function') throw new LinkError(`${where}: function expected`);
        const exported = funcOf.get(v);
        if (exported !== undefined) ev = exported;
        else {
          ev = hostFunction(v, moduleFuncType(m, d.type));
        }
        break;
      }
      case 'global': {
        if (v instanceof Global) { ev = internalOf(v) as GlobalInst; break; }
        const t = moduleValType(m, d.type.type);
        if (d.type.mutable) throw new LinkError(`${where}: a mutable global needs a WebAssembly.Global`);
        if (t === V128) throw new LinkError(`${where}: v128 globals cannot be imported from JS`);
        if (t === I64 && typeof v !== 'bigint') throw new LinkError(`${where}: a BigInt is required`);
        if (!isRef(t) && t !== I64 && typeof v !== 'number') throw new LinkError(`${where}: a Number is required`);
        const g = new GlobalInst(t, false);
        writeGlobal(g, toWasmValue(v, t));
        ev = g;
        break;
      }
      case 'memory':
        if (!(v instanceof Memory)) throw new LinkError(`${where}: a WebAssembly.Memory is required`);
        ev = internalOf(v) as MemoryInst;
        break;
      case 'table':
        if (!(v instanceof Table)) throw new LinkError(`${where}: a WebAssembly.Table is required`);
        ev = internalOf(v) as TableInst;
        break;
      case 'tag':
        if (!(v instanceof Tag)) throw new LinkError(`${where}: a WebAssembly.Tag is required`);
        ev = tagInst(v);
        break;
    }
    out.set(`${imp.module}\u0000${imp.name}`, ev);
  }
  return out;
}

/** The frozen, null-prototype exports object of an instance. */
function exportsObject(rec: InstanceRec): Record<string, unknown> {
  const o: Record<string, unknown> = Object.create(null);
  for (const e of rec.module.exports) {
    const v = rec.exports[e.name]!;
    if (v instanceof FuncInst) o[e.name] = exportedFunction(v, rec.funcs.indexOf(v));
    else if (v instanceof MemoryInst) o[e.name] = Memory.wrap(v);
    else if (v instanceof TableInst) o[e.name] = Table.wrap(v);
    else if (v instanceof GlobalInst) o[e.name] = Global.wrap(v);
    else if (v instanceof TagInst) o[e.name] = Tag.wrap(v);
  }
  return Object.freeze(o);
}

const exportsOf = new WeakMap<Instance, Record<string, unknown>>();

/** `WebAssembly.Instance`: an instantiated module. */
export class Instance {
  constructor(module: unknown, importObject?: unknown) {
    if (!new.target) throw new TypeError("Constructor WebAssembly.Instance requires 'new'");
    const ast = moduleAst(module);
    const resolved = readImports(ast, importObject);
    let rec: InstanceRec;
    try {
      rec = instantiate(ast, (mod, name) => resolved.get(`${mod}\u0000${name}`), { jit: jitFor(tierOf(module as object)) });
    } catch (e) {
      // The start function's exception leaves as JS sees it, as an exported function's would.
      throw exnToJS(e);
    }
    exportsOf.set(this, exportsObject(rec));
  }

  /** The exports object (frozen, null prototype). */
  get exports(): Record<string, unknown> {
    const e = exportsOf.get(this);
    if (e === undefined) throw new TypeError('not a WebAssembly.Instance');
    return e;
  }
}
