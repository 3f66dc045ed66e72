/**
 * The validation context ("Validation › Conventions › Contexts"): what the
 * validator knows about a module's index spaces while it checks it, and what
 * it hands to the interpreter afterwards as `ModuleInfo`.
 *
 * The context is filled section by section (so it works for streaming): types
 * first, then imports, functions, tables, memories, tags, globals, element and
 * data segments. Function-local parts of the spec's context (locals, labels,
 * return type) live in the function validator instead.
 *
 * Not here: the checks themselves (module.ts, types.ts, func.ts).
 */
import type { Module } from '../ast/module.js';
import { OP_COUNT } from '../ast/op-ids.js';
import type { Features } from '../ast/features.js';
import { I16 as PACKED_I16, I32 as I32_TYPE, I8 as PACKED_I8, type GlobalType, type MemType, type SubType, type TableType, type ValType } from '../ast/types.js';

/** The kind of a defined type's composite type, as a small integer. */
export const enum TypeKind {
  Func = 0,
  Struct = 1,
  Array = 2,
}

/**
 * What the validator learned about a valid module: the index spaces with
 * resolved types, imports first. Produced by `validateModule` and the
 * streaming validator; read by the interpreter.
 *
 * Type identity: `canon[typeidx]` is the type's canonical id. Two types (of
 * this module or of any other module validated in the same process) are
 * equivalent exactly when their canonical ids are equal, so `call_indirect`
 * can compare a function's type with the expected one by integer; for
 * subtyping (GC casts, `call_indirect` on non-final types) use
 * `isCanonicalSubtype` from canon.ts.
 */
export interface ModuleInfo {
  /** The module itself. */
  readonly module: Module;
  /** The proposals it was validated with. */
  readonly features: Readonly<Features>;
  /** Defined types by type index (the module's `types`). */
  readonly types: readonly SubType[];
  /** Canonical id of each type index (iso-recursive equivalence class, process-wide). */
  readonly canon: Int32Array;
  /** Composite kind of each type index (`TypeKind`). */
  readonly typeKind: Int8Array;
  /** Parameter types of each function type index; empty for struct/array types. */
  readonly params: readonly Int32Array[];
  /** Result types of each function type index; empty for struct/array types. */
  readonly results: readonly Int32Array[];
  /** Type index of each function, imports first. */
  readonly funcs: readonly number[];
  /** How many of `funcs` are imports. */
  readonly numImportedFuncs: number;
  /** Table types, imports first. */
  readonly tables: readonly TableType[];
  /** Memory types, imports first. */
  readonly memories: readonly MemType[];
  /** Global types, imports first. */
  readonly globals: readonly GlobalType[];
  /** How many of `globals` are imports. */
  readonly numImportedGlobals: number;
  /** Type index (a function type with no results) of each tag, imports first. */
  readonly tags: readonly number[];
  /** Reference type of each element segment. */
  readonly elemTypes: readonly ValType[];
  /** Number of data segments (from the data count section when present). */
  readonly dataCount: number;
  /** Functions that may be referenced by `ref.func` in function bodies ("declared" references). */
  readonly declaredFuncs: ReadonlySet<number>;
  /**
   * 1 for each Op the module's code uses beyond the validator's fast path
   * (the fast path takes only WebAssembly 1.0 instructions), so an embedder
   * can tell which features the code needs without walking it again.
   */
  readonly usedOps: Uint8Array;
}

const EMPTY = new Int32Array(0);

/** The mutable context the validator fills; exposed as `ModuleInfo`. */
export class Context implements ModuleInfo {
  readonly module: Module;
  readonly features: Features;
  readonly types: SubType[];
  /** Number of types validated so far: type indices below this are in scope. */
  typeCount = 0;
  canon: Int32Array;
  typeKind: Int8Array;
  /** Depth of each type in its declared subtype chain. */
  depth: Uint8Array;
  params: Int32Array[] = [];
  results: Int32Array[] = [];
  funcs: number[] = [];
  /** 1 for functions whose references are exact: defined ones and exact imports (custom descriptors). */
  exactFuncs: number[] = [];
  numImportedFuncs = 0;
  tables: TableType[] = [];
  memories: MemType[] = [];
  globals: GlobalType[] = [];
  numImportedGlobals = 0;
  tags: number[] = [];
  elemTypes: ValType[] = [];
  dataCount = 0;
  declaredFuncs: Set<number> = new Set();
  usedOps: Uint8Array = new Uint8Array(OP_COUNT);

  constructor(module: Module, features: Features) {
    this.module = module;
    this.features = features;
    this.types = module.types;
    this.canon = new Int32Array(0);
    this.typeKind = new Int8Array(0);
    this.depth = new Uint8Array(0);
  }

  /** Unpacked field types of struct types, computed on first use (struct.new). */
  private fieldTypes: (Int32Array | undefined)[] = [];

  /** The unpacked field types of struct type `x` (i8/i16 fields as i32). */
  structFieldTypes(x: number): Int32Array {
    let ts = this.fieldTypes[x];
    if (ts === undefined) {
      const c = this.types[x]!.comp;
      const fields = c.kind === 'struct' ? c.fields : [];
      ts = Int32Array.from(fields, (f) => (f.type === PACKED_I8 || f.type === PACKED_I16 ? I32_TYPE : f.type));
      this.fieldTypes[x] = ts;
    }
    return ts;
  }

  /** Sizes the per-type arrays once the type section is known. */
  allocTypes(): void {
    const n = this.types.length;
    this.canon = new Int32Array(n);
    this.typeKind = new Int8Array(n);
    this.depth = new Uint8Array(n);
  }

  /** Records the composite kind and function signature of type `i`. */
  setTypeShape(i: number): void {
    const c = this.types[i]!.comp;
    if (c.kind === 'func') {
      this.typeKind[i] = TypeKind.Func;
      this.params[i] = c.params.length ? Int32Array.from(c.params) : EMPTY;
      this.results[i] = c.results.length ? Int32Array.from(c.results) : EMPTY;
    } else {
      this.typeKind[i] = c.kind === 'struct' ? TypeKind.Struct : TypeKind.Array;
      this.params[i] = EMPTY;
      this.results[i] = EMPTY;
    }
  }
}
