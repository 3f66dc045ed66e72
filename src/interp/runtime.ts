/**
 * Runtime structure ("Execution › Runtime Structure"): function, table,
 * memory and global instances, module instances, and the `Store` that owns
 * the execution resources (register file, frame stack, limits, fuel).
 *
 * Deliberately not here: instantiation (instantiate.ts), the executor
 * (exec.ts), the translator (translate.ts), exception instances and unwinding
 * (exceptions.ts). Tables, memories and globals do
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
import { RegisterFile, cellsOf } from './regfile.js';
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
  /**
   * The exception handler table (rows of `HANDLER_ROW` words, layout in
   * exceptions.ts), consulted only when an exception is thrown; null if the
   * function has no `try_table` or `try`.
   */
  readonly handlers: Int32Array | null;
  /** The tags the handler rows' `catch` clauses name (a row's `tag` indexes it). */
  readonly handlerTags: readonly TagInst[];
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
  /** Register words its parameters and its results take (a tail call moves that many). */
  readonly paramWords: number;
  readonly resultWords: number;

  constructor(type: FuncType, instance: Instance | null, def: Func | null, host: HostFunc | null) {
    this.type = type;
    this.typeId = canonicalTypeId(type);
    this.paramWords = 2 * type.params.reduce((n, t) => n + cellsOf(t), 0);
    this.resultWords = 2 * type.results.reduce((n, t) => n + cellsOf(t), 0);
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
 * How much larger than the current storage a memory's new storage is when
 * it must be replaced. Each replacement writes every used byte into fresh
 * pages (about 1.5 ms per MiB of page faults on the bench machine, on top of
 * the copy), so the total is about n / (factor - 1): 4 copies a memory grown
 * from nothing to n bytes about n / 3 bytes in all; reserved pages that are
 * never written cost address space only.
 */
const RESERVE_FACTOR = 4;

/**
 * A memory instance ("Memory Instances"): `byteLength` bytes at the start
 * of a storage `ArrayBuffer` that may be larger (capacity reserved ahead).
 *
 * Growth costs O(n) in total however it is split: when the storage is too
 * small, it is replaced by one `RESERVE_FACTOR` times the size (at most the
 * limit), so a memory grown page by page is copied O(log n) times; growth
 * within the capacity only makes new views. Storage is allocated zeroed and untouched
 * pages are never written, so memory that is declared (or reserved) but not
 * used costs address space, not RAM, on hosts that map zero pages lazily (all
 * the engines tswasm runs on). Measured on Node 20, the alternative — a
 * resizable `ArrayBuffer` grown in place — makes every typed-array access in
 * the executor about 2× slower, so it is not used.
 *
 * `u8`, `view`, `f64`, `i32` are views of exactly `byteLength` bytes;
 * readers re-read them after any call that may grow the memory.
 *
 * `buffer` is the JS API's: an `ArrayBuffer` of exactly `byteLength` bytes
 * aliasing the memory, a new object after each growth. Handing it out
 * trims the storage to that length (one copy, only if capacity was
 * reserved), and the growth after that allocates exactly what it needs, so
 * an embedder that reads `buffer` after every growth pays one copy per
 * growth (what any ES2020 engine must do to hand out a new, larger buffer)
 * and one that never reads it pays O(n) in total. The buffer handed out
 * before a growth is detached at the growth where the engine can
 * (`ArrayBuffer.prototype.transfer` or `structuredClone` with transfer);
 * elsewhere it keeps the old bytes and stops being updated.
 */
export class MemoryInst {
  /** Storage: capacity ≥ byteLength; bytes past byteLength are zero. */
  private storage: ArrayBuffer;
  /** Current size in bytes (a whole number of pages). */
  byteLength: number;
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
  /** The storage was handed out as `buffer` since the last growth. */
  private exposed = false;

  constructor(pages: number, max: number | null, limit = MAX_PAGES32, addr64 = false, shared = false) {
    this.max = max;
    this.shared = shared;
    this.limit = Math.min(max ?? MAX_PAGES32, limit, MAX_PAGES32);
    this.addr64 = addr64;
    this.byteLength = pages * PAGE_SIZE;
    this.storage = new ArrayBuffer(this.byteLength);
    this.u8 = new Uint8Array(this.storage);
    this.view = new DataView(this.storage);
    this.f64 = new Float64Array(this.storage);
    this.i32 = new Int32Array(this.storage);
  }

  /** Current size in pages. */
  get pages(): number {
    return this.byteLength / PAGE_SIZE;
  }

  /** Reserved storage in bytes (≥ byteLength). */
  get capacity(): number {
    return this.storage.byteLength;
  }

  /** The memory as an `ArrayBuffer` of exactly `byteLength` bytes (the JS API's `Memory.buffer`). */
  get buffer(): ArrayBuffer {
    if (this.storage.byteLength !== this.byteLength) this.replaceStorage(this.byteLength);
    this.exposed = true;
    return this.storage;
  }

  /** Grows by `delta` pages; returns the old size in pages, or -1 if it cannot (limit or host allocation failure). */
  grow(delta: number): number {
    const old = this.pages;
    if (delta === 0) return old;
    if (delta < 0 || old + delta > this.limit) return -1;
    const bytes = (old + delta) * PAGE_SIZE;
    if (bytes > this.storage.byteLength) {
      // Reserve ahead unless the buffer is being watched by JS, which needs an exact one next.
      const ahead = this.exposed ? bytes
        : Math.min(Math.max(bytes, RESERVE_FACTOR * this.storage.byteLength), this.limit * PAGE_SIZE);
      const before = this.storage;
      const exposed = this.exposed;
      if (!this.replaceStorage(ahead) && (ahead === bytes || !this.replaceStorage(bytes))) return -1;
      if (exposed) detach(before);
    }
    this.byteLength = bytes;
    this.exposed = false;
    this.makeViews();
    return old;
  }

  /**
   * The JS API's "refresh the memory buffer" for a growth by 0 pages: if the
   * current buffer was handed out, the next `buffer` is a new object and the
   * old one is detached (one copy).
   */
  refresh(): void {
    if (!this.exposed) return;
    const before = this.storage;
    if (!this.replaceStorage(this.byteLength)) return;
    detach(before);
    this.exposed = false;
  }

  /** Moves the bytes to new storage of `capacity` bytes; false if the host cannot allocate it. */
  private replaceStorage(capacity: number): boolean {
    let next: ArrayBuffer;
    try {
      next = new ArrayBuffer(capacity);
    } catch {
      return false;
    }
    new Uint8Array(next).set(this.u8);
    this.storage = next;
    this.makeViews();
    return true;
  }

  private makeViews(): void {
    const b = this.storage;
    const n = this.byteLength;
    this.u8 = new Uint8Array(b, 0, n);
    this.view = new DataView(b, 0, n);
    this.f64 = new Float64Array(b, 0, n / 8); // not n >> 3: negative from 2 GiB on
    this.i32 = new Int32Array(b, 0, n / 4);
  }
}

/** Detaches an ArrayBuffer where the engine can (ArrayBuffer.prototype.transfer, or structuredClone with transfer). */
export function detach(buf: ArrayBuffer): void {
  const g = globalThis as unknown as { structuredClone?: (v: unknown, o: { transfer: unknown[] }) => unknown };
  const t = (buf as unknown as { transfer?: () => ArrayBuffer }).transfer;
  try {
    if (typeof t === 'function') t.call(buf);
    else if (typeof g.structuredClone === 'function') g.structuredClone(buf, { transfer: [buf] });
  } catch {
    // Engines without either cannot detach; the old buffer then just stops being updated.
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

/**
 * A tag instance ("Tag Instances"): an exception tag, identified by the object
 * itself (two tags with the same type are different tags), with the types of
 * the values an exception of this tag carries.
 */
export class TagInst {
  readonly type: FuncType;

  constructor(type: FuncType) {
    this.type = type;
  }
}

/** An external value: what imports and exports carry ("External Values"). */
export type ExternVal = FuncInst | TableInst | MemoryInst | GlobalInst | TagInst;

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
  readonly tags: TagInst[];
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
