/**
 * Runtime structure ("Execution › Runtime Structure"): function, table,
 * memory and global instances, module instances, and the `Store` that owns
 * the execution resources (register file, frame stack, limits, fuel).
 *
 * Deliberately not here: instantiation (instantiate.ts), the executor
 * (exec.ts), the translator (translate.ts). Tables, memories and globals do
 * not belong to a store: they are plain objects any instance may import.
 * Functions run on the store of the instance that defined them; a call into a
 * function of another store goes through that store's `invoke` like a host call.
 *
 * Value representation at the boundary (host functions, `invoke`, globals'
 * `value`) is documented in values.ts; inside the executor, in regfile.ts.
 */
import type { Func, Module } from '../ast/module.js';
import type { ValType } from '../ast/types.js';
import type { Value } from './values.js';
import { RegisterFile } from './regfile.js';
import { canonicalFuncType } from '../validator/canon.js';
import type { Layouts } from './gc.js';

/**
 * A function type ("Function Types") in runtime form: value types whose
 * concrete heap types are canonical type ids (rtypes.ts). `id` is the type's
 * canonical id when it is known (a module's type, which may have a
 * supertype); without it the type is taken on its own (final, no supertype).
 */
export interface FuncType {
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
  readonly id?: number;
}

/** A host function: takes its arguments and returns its results, both as boundary values (values.ts). */
export type HostFunc = (args: Value[]) => Value[] | void;

/**
 * The canonical id of a function type (src/validator/canon.ts): equal ids iff
 * the types are equivalent, process-wide; `isCanonicalSubtype` on ids is
 * subtyping. Used by `call_indirect`'s check and by import matching.
 */
export function canonicalTypeId(t: FuncType): number {
  return t.id ?? canonicalFuncType(t.params, t.results);
}

/** Translated code of one wasm function (see isa.ts for the encoding). */
export interface Compiled {
  readonly code: Int32Array;
  /** Words of register file the frame uses: locals, then temporaries. */
  readonly frameWords: number;
  /** Word range [zeroFrom, zeroTo) of the declared (non-parameter) locals, zeroed on entry. */
  readonly zeroFrom: number;
  readonly zeroTo: number;
  /** Constant pool words, copied to the frame at word `poolAt` on entry (null if none). */
  readonly pool: Int32Array | null;
  readonly poolAt: number;
  /** Cell offsets of declared reference-typed locals (set to null on entry), or null if none. */
  readonly refLocals: Int32Array | null;
  readonly instance: Instance;
}

/** A function instance: wasm code of an instance, or a host function. */
export class FuncInst {
  readonly type: FuncType;
  /** `canonicalTypeId(type)`: the canonical id of its type. */
  readonly typeId: number;
  /** The defining instance (null for host functions). */
  readonly instance: Instance | null;
  /** The module's function definition (null for host functions). */
  readonly def: Func | null;
  /** The host implementation (null for wasm functions). */
  readonly host: HostFunc | null;
  /** The translated code, made on first call (null while untranslated, and for functions the JS tier runs). */
  compiled: Compiled | null = null;
  /**
   * The JavaScript function the compile-to-JS tier (src/jstier) made of this
   * function on its first call, or null: non-null means calls go there
   * instead of to the interpreter. Set once, by `JitHooks.compile`.
   */
  js: JsFunction | null = null;
  /** The JS tier's calling-convention entry to this function (src/jstier), made on first use. */
  entry: JsFunction | null = null;

  constructor(type: FuncType, instance: Instance | null, def: Func | null, host: HostFunc | null) {
    this.type = type;
    this.typeId = canonicalTypeId(type);
    this.instance = instance;
    this.def = def;
    this.host = host;
  }

  /** A host function of type `type` (runtime form; see `moduleFuncType` for an import's type). */
  static host(type: FuncType, fn: HostFunc): FuncInst {
    return new FuncInst(type, null, null, fn);
  }
}

/** A function made by the compile-to-JS tier; its calling convention is documented in src/jstier/README.md. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsFunction = (...args: any[]) => any;

/**
 * How the interpreter reaches the compile-to-JS tier (src/jstier), which
 * depends on the interpreter, not the other way round. An instance created
 * with `InstantiateOptions.jit` offers each of its functions to `compile` on
 * the function's first call; a function it compiles (it sets `js`) runs as
 * JavaScript from then on, one it refuses is translated to register code.
 */
export interface JitHooks {
  /** Compiles `f` (a wasm function) to JavaScript if the tier can, setting `f.js`; false if it stays interpreted. */
  compile(f: FuncInst): boolean;
  /**
   * The interpreter calls JS-tier function `f` of the same store: arguments at
   * register word `w`, results written back there; `store.depth` already
   * counts the callee's frame.
   */
  callFromRegs(store: Store, f: FuncInst, w: number): void;
  /** `invoke` of JS-tier function `f` (boundary values, values.ts); `depth` frames are active below it. */
  invoke(f: FuncInst, args: readonly Value[], depth: number): Value[];
}

/** WebAssembly page size: 64 KiB. */
export const PAGE_SIZE = 65536;
/** Most pages a 32-bit memory can have (4 GiB). */
export const MAX_PAGES32 = 65536;

/**
 * A memory instance ("Memory Instances"): bytes in an `ArrayBuffer`.
 * `memory.grow` replaces the buffer (ES2020 cannot resize or detach one), so
 * readers must re-read `buffer`/`u8`/`view` after any call that may grow it.
 */
export class MemoryInst {
  buffer: ArrayBuffer;
  u8: Uint8Array;
  view: DataView;
  /** Float64Array and Int32Array views (whole cells; the executor uses them for aligned accesses). */
  f64: Float64Array;
  i32: Int32Array;
  /** Declared maximum in pages, or null. */
  readonly max: number | null;
  /** Growth limit in pages: the declared maximum, the embedder's limit and the address space, whichever is least. */
  readonly limit: number;
  readonly addr64: boolean;
  /** Declared `shared` (threads): matched at import; the bytes are not shared between agents here. */
  readonly shared: boolean;

  constructor(pages: number, max: number | null, limit = MAX_PAGES32, addr64 = false, shared = false) {
    this.max = max;
    this.shared = shared;
    this.limit = Math.min(max ?? MAX_PAGES32, limit, MAX_PAGES32);
    this.addr64 = addr64;
    this.buffer = new ArrayBuffer(pages * PAGE_SIZE);
    this.u8 = new Uint8Array(this.buffer);
    this.view = new DataView(this.buffer);
    this.f64 = new Float64Array(this.buffer, 0, this.buffer.byteLength >> 3);
    this.i32 = new Int32Array(this.buffer, 0, this.buffer.byteLength >> 2);
  }

  /** Current size in pages. */
  get pages(): number {
    return this.buffer.byteLength / PAGE_SIZE;
  }

  /** Grows by `delta` pages; returns the old size in pages, or -1 if it cannot (limit or host allocation failure). */
  grow(delta: number): number {
    const old = this.pages;
    if (delta === 0) return old;
    if (delta < 0 || old + delta > this.limit) return -1;
    let buffer: ArrayBuffer;
    try {
      buffer = new ArrayBuffer((old + delta) * PAGE_SIZE);
    } catch {
      return -1;
    }
    const u8 = new Uint8Array(buffer);
    u8.set(this.u8);
    this.buffer = buffer;
    this.u8 = u8;
    this.view = new DataView(buffer);
    this.f64 = new Float64Array(buffer, 0, buffer.byteLength >> 3);
    this.i32 = new Int32Array(buffer, 0, buffer.byteLength >> 2);
    return old;
  }
}

/** Most elements a table may have here (the spec allows 2^32 - 1; hosts cannot). */
export const MAX_TABLE_SIZE = 10_000_000;

/** A table instance ("Table Instances"): references of runtime type `elemType` (rtypes.ts). */
export class TableInst {
  elements: Value[];
  readonly elemType: ValType;
  readonly max: number | null;
  readonly addr64: boolean;

  constructor(elemType: ValType, size: number, max: number | null, init: Value = null, addr64 = false) {
    this.elemType = elemType;
    this.max = max;
    this.addr64 = addr64;
    this.elements = new Array<Value>(size).fill(init);
  }

  get size(): number {
    return this.elements.length;
  }

  /** Grows by `delta` elements set to `init`; returns the old size, or -1. */
  grow(delta: number, init: Value): number {
    const old = this.elements.length;
    const limit = Math.min(this.max ?? MAX_TABLE_SIZE, MAX_TABLE_SIZE);
    if (delta < 0 || old + delta > limit) return -1;
    for (let i = 0; i < delta; i++) this.elements.push(init);
    return old;
  }
}

/**
 * A global instance ("Global Instances"). Numbers are kept as raw bits in
 * `bits` (int32 words, see the field), so f32/f64 NaN payloads survive;
 * references in `ref`. Read and write through values.ts (`readGlobal`,
 * `writeGlobal`) at the boundary. `type` is a runtime value type (rtypes.ts).
 */
export class GlobalInst {
  readonly type: ValType;
  readonly mutable: boolean;
  /** The value's words: i32/f32 in word 0, i64/f64 in 0..1, v128 in 0..3 (lane order of src/numeric/simd.ts). */
  readonly bits = new Int32Array(4);
  ref: Value = null;

  constructor(type: ValType, mutable: boolean) {
    this.type = type;
    this.mutable = mutable;
  }
}

/** An external value: what imports and exports carry ("External Values"). */
export type ExternVal = FuncInst | TableInst | MemoryInst | GlobalInst;

/** A module instance ("Module Instances"). */
export interface Instance {
  readonly module: Module;
  readonly store: Store;
  /** Function types by type index, in runtime form (null for struct and array types). */
  readonly types: readonly (FuncType | null)[];
  /** Canonical type id of each type index. */
  readonly canon: Int32Array;
  /** Struct and array layouts by type index (gc.ts; null for function types). */
  readonly layouts: Layouts;
  readonly funcs: FuncInst[];
  readonly tables: TableInst[];
  readonly memories: MemoryInst[];
  readonly globals: GlobalInst[];
  /** Element segments' references; a dropped segment is empty. */
  readonly elems: Value[][];
  /** Data segments' bytes; a dropped segment is empty. */
  readonly datas: Uint8Array[];
  /** Exports by name. */
  readonly exports: Record<string, ExternVal>;
  /** The compile-to-JS tier this instance's functions are offered to, or null (interpreter only). */
  readonly jit: JitHooks | null;
}

/** Limits an embedder sets on a store. */
export interface StoreLimits {
  /** Most nested calls (wasm and host re-entries). Default 10,000. */
  maxCallDepth?: number;
  /** Most 64-bit register cells all frames together may use. Default 4 Mi (32 MiB). */
  maxStackCells?: number;
  /** Most pages any memory created in this store may grow to. Default 65,536 (4 GiB). */
  maxMemoryPages?: number;
  /**
   * Instruction budget. When set, translated code charges fuel per straight-line
   * run of instructions (at function entry and every loop iteration) and traps
   * with "fuel exhausted" when it runs out. Default: unlimited (no charging code).
   */
  fuel?: number;
}

/** Default of `StoreLimits.maxCallDepth`. */
export const DEFAULT_MAX_CALL_DEPTH = 10_000;
/** Default of `StoreLimits.maxStackCells`. */
export const DEFAULT_MAX_STACK_CELLS = 1 << 22;
/** How many host→wasm re-entries may nest (each costs host stack). */
export const MAX_REENTRY = 200;

/**
 * Execution resources shared by all instances created in it: the register
 * file, the call frame stack, limits and fuel. One thread of execution.
 */
export class Store {
  readonly regs: RegisterFile;
  readonly maxCallDepth: number;
  readonly maxMemoryPages: number;
  /** True if code is translated with fuel charging. */
  readonly fuelEnabled: boolean;
  /** Remaining fuel (when enabled); the embedder may refill it. */
  fuel: number;
  /** Caller frames: translated code, resume pc, frame pointer. */
  readonly frameCode: (Compiled | null)[];
  readonly framePc: Int32Array;
  readonly frameFp: Int32Array;
  /** Current call depth and first free register word (between runs). */
  depth = 0;
  sp = 0;
  /** Nesting of executor runs (host re-entry). */
  reentry = 0;

  constructor(limits: StoreLimits = {}) {
    this.maxCallDepth = limits.maxCallDepth ?? DEFAULT_MAX_CALL_DEPTH;
    this.maxMemoryPages = Math.min(limits.maxMemoryPages ?? MAX_PAGES32, MAX_PAGES32);
    this.regs = new RegisterFile(limits.maxStackCells ?? DEFAULT_MAX_STACK_CELLS);
    this.fuelEnabled = limits.fuel !== undefined;
    this.fuel = limits.fuel ?? Infinity;
    this.frameCode = new Array<Compiled | null>(this.maxCallDepth + 1).fill(null);
    this.framePc = new Int32Array(this.maxCallDepth + 1);
    this.frameFp = new Int32Array(this.maxCallDepth + 1);
  }
}
