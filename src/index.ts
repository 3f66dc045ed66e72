/**
 * tswasm: a WebAssembly engine in pure TypeScript.
 *
 * ```ts
 * import { instantiate, parseWat } from 'tswasm';
 * const bytes = parseWat('(module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))');
 * const { instance } = await instantiate(bytes);
 * console.log((instance.exports.add as (a: number, b: number) => number)(2, 3)); // 5
 * ```
 *
 * - `instantiate`, `compile`: as in the JS API's namespace (they reject/throw
 *   `CompileError`, `LinkError`, `RuntimeError`).
 * - `validate(bytes, features?)` / `validateOrThrow`: the validator alone
 *   (all of WebAssembly 3.0), whether or not tswasm can execute the module.
 * - `WebAssembly`: the whole namespace, the same shape as the native one;
 *   `installWebAssembly()` puts it on `globalThis` (or `import 'tswasm/polyfill'`).
 * - `parseWat(text)`: WebAssembly text → binary (throws `CompileError`-style
 *   syntax errors with line:column); `printWat(bytes)`: binary → text.
 * - `WASI`: WASI preview1 with a deny-by-default capability policy.
 * - `setTier(tier, module?)`: which execution tier runs the namespace's
 *   modules (or one module's instances): `'auto'` (default: compile to JS
 *   where `new Function` is allowed, else interpret), `'js'` or `'interp'`.
 */
import { WebAssembly } from './api/namespace.js';
import { bufferSourceBytes } from './api/descriptors.js';
import { validate as validateBytes, validateOrThrow as validateBytesOrThrow } from './validator/index.js';
import type { Features } from './ast/features.js';

export { WebAssembly, type WebAssemblyNamespace } from './api/namespace.js';
export { installWebAssembly } from './api/install.js';
export { setTier, type Tier } from './api/tier.js';
export { CompileError, LinkError, RuntimeError } from './errors.js';
export { parseWat, printWat } from './text/index.js';
export { WASI } from './wasi/index.js';
export type { Features } from './ast/features.js';

/** Compiles and instantiates (`WebAssembly.instantiate`): bytes → `{ module, instance }`, a Module → instance. */
export const instantiate = WebAssembly.instantiate;
/** Compiles bytes to a `WebAssembly.Module` (`WebAssembly.compile`). */
export const compile = WebAssembly.compile;
/**
 * True iff `bytes` (an ArrayBuffer or a view) hold a valid module:
 * WebAssembly 3.0 plus the proposals switched on in `features`, within the
 * JS API's size limits. Unlike `WebAssembly.validate` (true iff `compile`
 * succeeds), it does not ask whether tswasm can execute the module yet:
 * a SIMD or GC module validates here and is refused by `compile`.
 */
export function validate(bytes: ArrayBuffer | ArrayBufferView, features?: Partial<Features>): boolean {
  return validateBytes(bufferSourceBytes(bytes), features);
}

/**
 * `validate` that says why: throws the first `CompileError` (the
 * testsuite's message, the function index and the byte offset).
 */
export function validateOrThrow(bytes: ArrayBuffer | ArrayBufferView, features?: Partial<Features>): void {
  validateBytesOrThrow(bufferSourceBytes(bytes), features);
}
