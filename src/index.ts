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
 * - `instantiate`, `compile`, `validate`: as in the JS API's namespace (they
 *   reject/throw `CompileError`, `LinkError`, `RuntimeError`).
 * - `WebAssembly`: the whole namespace, the same shape as the native one;
 *   `installWebAssembly()` puts it on `globalThis` (or `import 'tswasm/polyfill'`).
 * - `parseWat(text)`: WebAssembly text → binary (throws `CompileError`-style
 *   syntax errors with line:column); `printWat(bytes)`: binary → text.
 * - `WASI`: WASI preview1 with a deny-by-default capability policy.
 */
import { WebAssembly } from './api/namespace.js';

export { WebAssembly, type WebAssemblyNamespace } from './api/namespace.js';
export { installWebAssembly } from './api/install.js';
export { CompileError, LinkError, RuntimeError } from './errors.js';
export { parseWat, printWat } from './text/index.js';
export { WASI } from './wasi/index.js';

/** Compiles and instantiates (`WebAssembly.instantiate`): bytes → `{ module, instance }`, a Module → instance. */
export const instantiate = WebAssembly.instantiate;
/** Compiles bytes to a `WebAssembly.Module` (`WebAssembly.compile`). */
export const compile = WebAssembly.compile;
/** True iff tswasm can compile (and run) the bytes (`WebAssembly.validate`). */
export const validate = WebAssembly.validate;
