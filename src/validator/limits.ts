/**
 * Implementation limits of the WebAssembly JavaScript Interface
 * ("Implementation-defined Limits" in the JS API specification,
 * https://webassembly.github.io/spec/js-api/#limits), in one place.
 *
 * The core specification has no such limits; every Web engine enforces these,
 * so a module that exceeds one is rejected by `new WebAssembly.Module` with a
 * `CompileError`. tswasm's validator enforces the *count* limits below while it
 * validates (they also bound the validator's own memory and time: 50,000
 * locals, 1,000 results per block type, 10,000 struct fields…).
 *
 * The table and memory *size* limits (`MAX_TABLE_SIZE`, `MAX_MEMORY32_PAGES`,
 * `MAX_MEMORY64_PAGES`) are not part of core validation: the testsuite
 * expects modules declaring tables of 2^32-1 elements or memories of 2^48
 * pages to be valid. Web engines reject such modules at compile time, so
 * `checkJsApiSizes` applies them for the JS API entry points (`validate`,
 * and the interpreter's `new WebAssembly.Module`), as V8 does: a table's
 * initial size, and a memory's initial and maximum size.
 *
 * Spec section: JS API "Limits"; core "Validation" (no limits there).
 */

/** Maximum size of a module, in bytes (1 GiB). */
export const MAX_MODULE_SIZE = 1_073_741_824;
/** Maximum number of types defined in the type section. */
export const MAX_TYPES = 1_000_000;
/** Maximum number of recursion groups in the type section. */
export const MAX_REC_GROUPS = 1_000_000;
/** Maximum depth of a declared subtype chain (a type without supertype has depth 0). */
export const MAX_SUBTYPE_DEPTH = 63;
/** Maximum number of functions defined in a module. */
export const MAX_FUNCTIONS = 1_000_000;
/** Maximum number of imports of a module. */
export const MAX_IMPORTS = 1_000_000;
/** Maximum number of exports of a module. */
export const MAX_EXPORTS = 1_000_000;
/** Maximum number of globals defined in a module. */
export const MAX_GLOBALS = 1_000_000;
/** Maximum number of tags defined in a module. */
export const MAX_TAGS = 1_000_000;
/** Maximum number of data segments of a module. */
export const MAX_DATA_SEGMENTS = 100_000;
/** Maximum number of tables of a module (imported and defined). */
export const MAX_TABLES = 100_000;
/** Maximum number of memories of a module (imported and defined). */
export const MAX_MEMORIES = 100;
/** Maximum number of element segments of a module. */
export const MAX_ELEMENT_SEGMENTS = 10_000_000;
/** Maximum initial or maximum size of a table, in elements (applied at allocation). */
export const MAX_TABLE_SIZE = 10_000_000;
/** Maximum size of a 32-bit memory, in 64 KiB pages (4 GiB; applied at allocation). */
export const MAX_MEMORY32_PAGES = 65_536;
/** Maximum size of a 64-bit memory, in 64 KiB pages (16 GiB; applied at allocation). */
export const MAX_MEMORY64_PAGES = 262_144;
/** Maximum number of parameters of a function type. */
export const MAX_PARAMS = 1_000;
/** Maximum number of results of a function type (and of a block type). */
export const MAX_RESULTS = 1_000;
/** Maximum size of a function body including its local declarations, in bytes. */
export const MAX_FUNCTION_SIZE = 7_654_321;
/** Maximum number of locals of a function, parameters included. */
export const MAX_LOCALS = 50_000;
/** Maximum number of fields of a struct type. */
export const MAX_STRUCT_FIELDS = 10_000;
/** Maximum number of operands of `array.new_fixed`. */
export const MAX_ARRAY_NEW_FIXED = 10_000;

/** The memories and tables of a module, imports first (a `ModuleInfo` has them). */
export interface SizedParts {
  readonly memories: readonly { readonly addr64: boolean; readonly limits: { readonly min: bigint; readonly max: bigint | null } }[];
  readonly tables: readonly { readonly limits: { readonly min: bigint } }[];
}

/**
 * The JS API's compile-time size limits: null if `m` respects them, else the
 * reason (a `CompileError` message for `new WebAssembly.Module`).
 */
export function checkJsApiSizes(m: SizedParts): string | null {
  for (const mem of m.memories) {
    const limit = BigInt(mem.addr64 ? MAX_MEMORY64_PAGES : MAX_MEMORY32_PAGES);
    if (mem.limits.min > limit || (mem.limits.max !== null && mem.limits.max > limit)) {
      return `memory size exceeds the implementation limit of ${limit} pages`;
    }
  }
  for (const t of m.tables) {
    if (t.limits.min > BigInt(MAX_TABLE_SIZE)) return `initial table size exceeds the implementation limit of ${MAX_TABLE_SIZE}`;
  }
  return null;
}
