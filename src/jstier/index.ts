/**
 * tswasm's compile-to-JS tier: each wasm function becomes a JavaScript
 * function (made with `new Function` on its first call), with exactly the
 * interpreter's semantics. See README.md.
 *
 * ```ts
 * import { instantiate, invoke } from '../interp/index.js';
 * import { jsTier, codeGenerationAllowed } from './index.js';
 * const inst = instantiate(module, imports, { jit: codeGenerationAllowed() ? jsTier : null });
 * invoke(inst.exports.run as FuncInst, [10]);
 * ```
 *
 * Errors: none of its own. Generated code throws the interpreter's
 * `RuntimeError`s (traps, "call stack exhausted", "fuel exhausted").
 */
export { jsTier, codeGenerationAllowed, sourceOf, stats } from './runtime.js';
