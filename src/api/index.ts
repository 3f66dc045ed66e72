/**
 * The WebAssembly JS API on tswasm ("WebAssembly JavaScript Interface").
 *
 * - `WebAssembly`: the namespace object, the same shape as the native one.
 *   Its functions throw or reject with `CompileError`, `LinkError`,
 *   `RuntimeError` (and `TypeError`/`RangeError` where the JS API says).
 * - `installWebAssembly({ force })`: puts it on `globalThis.WebAssembly`, only
 *   where none exists unless forced (polyfill.ts runs it on import).
 */
export { WebAssembly, type WebAssemblyNamespace } from './namespace.js';
export { installWebAssembly } from './install.js';
