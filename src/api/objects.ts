/**
 * The JS API's wrapper classes for runtime objects: `Memory`, `Table`,
 * `Global` ("WebAssembly JavaScript Interface › Memories / Tables /
 * Globals"), and `Tag` and `Exception` (exception handling). Each wraps one
 * interpreter instance; the same instance always gets the same wrapper
 * (the spec's object caches), whether it was made by a constructor or
 * exported by a module.
 *
 * `Tag` wraps a `TagInst`, `Exception` an `ExnInst` (src/interp/exceptions.ts):
 * a wasm exception reaching JS is the one `Exception` object of its exception
 * instance, so its identity survives any number of crossings. `JSTag` is the
 * tag of the exceptions that stand for JS values thrown into wasm (see
 * `exnToJS` / `jsToExn`, used by instance.ts at the function boundary).
 *
 * Deliberately not here: shared memories backed by a SharedArrayBuffer and
 * `toResizableBuffer` (the interpreter has no threads yet).
 */
import {
  ExnInst, GlobalInst, MemoryInst, TableInst, TagInst, PAGE_SIZE, readGlobal, writeGlobal,
} from '../interp/index.js';
import { RuntimeError } from '../errors.js';
import { EXTERNREF, V128 } from '../ast/types.js';
import { defaultValue, parseValueType, toJSValue, toWasmValue, valueTypeName } from './values.js';

import { dictionary, enforceU32, readLimits } from './descriptors.js';

const INTERNAL = Symbol('tswasm.internal');

/**
 * The JS API's object caches: the one wrapper of each interpreter object. A
 * wrapper made by `wrap` (for an exported or imported instance) skips the
 * constructor, so it gets its fields here.
 */
function wrapperCache<I extends object, W extends { [INTERNAL]: I }>(proto: W, init: (w: W) => void = () => {}) {
  const cache = new WeakMap<I, W>();
  return {
    set(inst: I, w: W): void { cache.set(inst, w); },
    wrap(inst: I): W {
      let w = cache.get(inst);
      if (w === undefined) {
        w = Object.create(proto) as W;
        w[INTERNAL] = inst;
        init(w);
        cache.set(inst, w);
      }
      return w;
    },
  };
}


/** `WebAssembly.Memory`: a linear memory whose `buffer` is replaced (and the old one detached) on growth. */
export class Memory {
  /** @internal */ [INTERNAL]!: MemoryInst;

  constructor(descriptor: unknown) {
    if (!new.target) throw new TypeError("Constructor WebAssembly.Memory requires 'new'");
    const d = dictionary(descriptor, 'WebAssembly.Memory descriptor');
    const { initial, maximum } = readLimits(d, 'WebAssembly.Memory descriptor');
    const shared = Boolean(d.shared);
    if (shared && maximum === null) throw new TypeError('a shared memory needs a maximum');
    if (initial > 65536 || (maximum !== null && maximum > 65536)) throw new RangeError('WebAssembly.Memory: at most 65536 pages');
    let inst: MemoryInst;
    try {
      inst = new MemoryInst(initial, maximum);
    } catch {
      throw new RangeError('WebAssembly.Memory: could not allocate memory');
    }
    this[INTERNAL] = inst;
    memories.set(inst, this);
  }

  /** The wrapper of an interpreter memory (one per instance). */
  static wrap(inst: MemoryInst): Memory {
    return memories.wrap(inst);
  }

  /**
   * The current bytes: an ArrayBuffer aliasing the memory, a new object after
   * each growth (the interpreter's MemoryInst detaches the old one).
   */
  get buffer(): ArrayBuffer {
    return memInst(this).buffer;
  }

  /** Grows by `delta` pages; returns the previous size in pages. RangeError if it cannot. */
  grow(delta: unknown): number {
    const inst = memInst(this);
    const n = enforceU32(delta, 'WebAssembly.Memory.grow delta');
    const old = inst.grow(n);
    if (old < 0) throw new RangeError('WebAssembly.Memory.grow: cannot grow beyond the maximum');
    // "Refresh the memory buffer": even a grow by 0 replaces the buffer object.
    if (n === 0) inst.refresh();
    return old;
  }
}

const memories = wrapperCache<MemoryInst, Memory>(Memory.prototype);

function memInst(m: unknown): MemoryInst {
  const inst = (m as Memory | null)?.[INTERNAL];
  if (!(inst instanceof MemoryInst)) throw new TypeError('not a WebAssembly.Memory');
  return inst;
}


/** `WebAssembly.Table`: an array of references. */
export class Table {
  /** @internal */ [INTERNAL]!: TableInst;

  constructor(descriptor: unknown, value?: unknown) {
    if (!new.target) throw new TypeError("Constructor WebAssembly.Table requires 'new'");
    const d = dictionary(descriptor, 'WebAssembly.Table descriptor');
    const elem = parseValueType(d.element, 'WebAssembly.Table element');
    if (elem < 0x100) throw new TypeError('WebAssembly.Table element must be a reference type');
    const { initial, maximum } = readLimits(d, 'WebAssembly.Table descriptor');
    if (initial > 10_000_000) throw new RangeError('WebAssembly.Table: initial size too large');
    const init = arguments.length < 2 || value === undefined ? defaultValue(elem) : toWasmValue(value, elem);
    const inst = new TableInst(elem, initial, maximum, init);
    this[INTERNAL] = inst;
    tables.set(inst, this);
  }

  /** The wrapper of an interpreter table. */
  static wrap(inst: TableInst): Table {
    return tables.wrap(inst);
  }

  get length(): number {
    return tableInst(this).size;
  }

  get(index: unknown): unknown {
    const inst = tableInst(this);
    const i = enforceU32(index, 'WebAssembly.Table.get index');
    if (i >= inst.size) throw new RangeError('WebAssembly.Table.get: index out of bounds');
    return toJSValue(inst.elements[i], inst.elemType);
  }

  set(index: unknown, value?: unknown): void {
    const inst = tableInst(this);
    const i = enforceU32(index, 'WebAssembly.Table.set index');
    if (i >= inst.size) throw new RangeError('WebAssembly.Table.set: index out of bounds');
    inst.elements[i] = arguments.length < 2 ? defaultValue(inst.elemType) : toWasmValue(value, inst.elemType);
  }

  grow(delta: unknown, value?: unknown): number {
    const inst = tableInst(this);
    const n = enforceU32(delta, 'WebAssembly.Table.grow delta');
    const init = arguments.length < 2 ? defaultValue(inst.elemType) : toWasmValue(value, inst.elemType);
    const old = inst.grow(n, init);
    if (old < 0) throw new RangeError('WebAssembly.Table.grow: cannot grow beyond the maximum');
    return old;
  }
}

const tables = wrapperCache<TableInst, Table>(Table.prototype);

function tableInst(t: unknown): TableInst {
  const inst = (t as Table | null)?.[INTERNAL];
  if (!(inst instanceof TableInst)) throw new TypeError('not a WebAssembly.Table');
  return inst;
}


/** `WebAssembly.Global`: a typed, possibly mutable value. */
export class Global {
  /** @internal */ [INTERNAL]!: GlobalInst;

  constructor(descriptor: unknown, v?: unknown) {
    if (!new.target) throw new TypeError("Constructor WebAssembly.Global requires 'new'");
    const d = dictionary(descriptor, 'WebAssembly.Global descriptor');
    const mutable = Boolean(d.mutable);
    const type = parseValueType(d.value, 'WebAssembly.Global value');
    if (type === V128) throw new TypeError('WebAssembly.Global: v128 globals cannot be created from JS');
    const inst = new GlobalInst(type, mutable);
    writeGlobal(inst, v === undefined ? defaultValue(type) : toWasmValue(v, type));
    this[INTERNAL] = inst;
    globals.set(inst, this);
  }

  /** The wrapper of an interpreter global. */
  static wrap(inst: GlobalInst): Global {
    return globals.wrap(inst);
  }

  get value(): unknown {
    const inst = globalInst(this);
    return toJSValue(readGlobal(inst), inst.type);
  }

  set value(v: unknown) {
    const inst = globalInst(this);
    if (!inst.mutable) throw new TypeError('WebAssembly.Global: cannot set an immutable global');
    writeGlobal(inst, toWasmValue(v, inst.type));
  }

  valueOf(): unknown {
    return this.value;
  }
}

const globals = wrapperCache<GlobalInst, Global>(Global.prototype);

function globalInst(g: unknown): GlobalInst {
  const inst = (g as Global | null)?.[INTERNAL];
  if (!(inst instanceof GlobalInst)) throw new TypeError('not a WebAssembly.Global');
  return inst;
}

/** `WebAssembly.Tag`: an exception tag with its parameter types. */
export class Tag {
  /** @internal */ [INTERNAL]!: TagInst;

  constructor(descriptor: unknown) {
    if (!new.target) throw new TypeError("Constructor WebAssembly.Tag requires 'new'");
    if (descriptor === undefined || descriptor === null || (typeof descriptor !== 'object' && typeof descriptor !== 'function')) {
      throw new TypeError('WebAssembly.Tag: the descriptor must be an object');
    }
    const p = (descriptor as Record<string, unknown>).parameters;
    if (p === undefined || p === null || typeof (p as Iterable<unknown>)[Symbol.iterator] !== 'function') {
      throw new TypeError('WebAssembly.Tag: parameters must be a sequence of value types');
    }
    const params = Array.from(p as Iterable<unknown>, (t) => parseValueType(t, 'WebAssembly.Tag parameter'));
    const inst = new TagInst({ params, results: [] });
    this[INTERNAL] = inst;
    tagWrappers.set(inst, this);
  }

  /** The wrapper of an interpreter tag (one per tag). */
  static wrap(inst: TagInst): Tag {
    return tagWrappers.wrap(inst);
  }

  /** The tag's type, as the type-reflection proposal gives it: `{ parameters: [...] }`. */
  type(): { parameters: string[] } {
    return { parameters: tagInst(this).type.params.map(valueTypeName) };
  }
}

const tagWrappers = wrapperCache<TagInst, Tag>(Tag.prototype);

/** The interpreter tag of a `WebAssembly.Tag` (TypeError for anything else). */
export function tagInst(t: unknown): TagInst {
  const inst = (t as Tag | null)?.[INTERNAL];
  if (!(inst instanceof TagInst)) throw new TypeError('a WebAssembly.Tag is required');
  return inst;
}

/** The tag of JS values thrown into wasm (`WebAssembly.JSTag`): one externref parameter. */
const JS_TAG = new TagInst({ params: [EXTERNREF], results: [] });
/** `WebAssembly.JSTag`. */
export const JSTag: Tag = Tag.wrap(JS_TAG);

/** `WebAssembly.Exception`: a wasm exception instance as JS sees it. */
export class Exception {
  /** @internal */ [INTERNAL]!: ExnInst;
  declare readonly stack?: string;

  // `options` is a rest parameter so that `Exception.length` is 2, as WebIDL gives it.
  constructor(tag: unknown, payload: unknown, ...options: unknown[]) {
    if (!new.target) throw new TypeError("Constructor WebAssembly.Exception requires 'new'");
    const t = tagInst(tag);
    if (payload === undefined || payload === null || typeof (payload as Iterable<unknown>)[Symbol.iterator] !== 'function') {
      throw new TypeError('WebAssembly.Exception: payload must be a sequence');
    }
    const values = Array.from(payload as Iterable<unknown>);
    if (t === JS_TAG) throw new TypeError('WebAssembly.Exception: JSTag exceptions cannot be created from JS');
    const params = t.type.params;
    if (values.length !== params.length) throw new TypeError('WebAssembly.Exception: payload does not match the tag');
    const exn = ExnInst.of(t, values.map((v, i) => toWasmValue(v, params[i]!)));
    this[INTERNAL] = exn;
    exnWrappers.set(exn, this);
    const o = dictionary(options[0], 'WebAssembly.Exception options');
    if (o.traceStack === true) Object.defineProperty(this, 'stack', { value: new Error().stack ?? '', writable: true, configurable: true });
  }

  /** The wrapper of an exception instance (one per instance). */
  static wrap(exn: ExnInst): Exception {
    return exnWrappers.wrap(exn);
  }

  getArg(tag: unknown, index: unknown): unknown {
    const exn = exnInst(this);
    const t = tagInst(tag);
    const i = enforceU32(index, 'WebAssembly.Exception.getArg index');
    if (t !== exn.tag) throw new TypeError('WebAssembly.Exception.getArg: the exception has another tag');
    if (i >= t.type.params.length) throw new RangeError('WebAssembly.Exception.getArg: index out of range');
    return toJSValue(exn.value(i), t.type.params[i]!);
  }

  is(tag: unknown): boolean {
    return tagInst(tag) === exnInst(this).tag;
  }
}

const exnWrappers = wrapperCache<ExnInst, Exception>(Exception.prototype);

function exnInst(e: unknown): ExnInst {
  const inst = (e as Exception | null)?.[INTERNAL];
  if (!(inst instanceof ExnInst)) throw new TypeError('not a WebAssembly.Exception');
  return inst;
}

/** Traps that passed through JS on their way out of a nested call: wasm must not catch them either. */
const traps = new WeakSet<object>();

/**
 * What JS sees of an error leaving a wasm function (an exported function's
 * wrapper): a wasm exception becomes its `WebAssembly.Exception`, or for
 * `JSTag` the JS value it carries; a trap stays the `RuntimeError`, marked
 * so that it stays uncatchable if it re-enters wasm through a host function.
 */
export function exnToJS(e: unknown): unknown {
  if (e instanceof ExnInst) return e.tag === JS_TAG ? e.value(0) : Exception.wrap(e);
  if (e instanceof RuntimeError) traps.add(e);
  return e;
}

/**
 * What wasm sees of a value a JS host function threw: a `WebAssembly.Exception`
 * is its exception instance; a trap from a nested wasm call stays a trap (no
 * wasm handler catches it); any other value becomes an exception of `JSTag`
 * carrying it, which `catch_all` and `catch $JSTag` catch.
 */
export function jsToExn(e: unknown): unknown {
  if (e instanceof Exception) return e[INTERNAL];
  if (e instanceof ExnInst || (typeof e === 'object' && e !== null && traps.has(e))) return e;
  return ExnInst.of(JS_TAG, [e]);
}

/** Internal access for instance.ts. */
export function internalOf(v: Memory | Table | Global): MemoryInst | TableInst | GlobalInst {
  return v[INTERNAL];
}

export { valueTypeName, PAGE_SIZE };
