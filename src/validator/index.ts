/**
 * The validator ("Validation" chapter of WebAssembly 3.0, plus the
 * threads, wide-arithmetic, custom-page-sizes and custom-descriptors
 * proposals when enabled in `features`).
 *
 * - `validateModule(m, features?)`: checks a module AST; returns its
 *   `ModuleInfo` (resolved index spaces and canonical type ids for the
 *   interpreter). Throws `CompileError` whose message starts with the
 *   testsuite's text, e.g. "type mismatch: … @ func 3 offset 1234", and whose
 *   `offset` is the byte offset (or -1 outside function bodies).
 * - `validate(bytes, features?)`: decodes and validates; true or false, never
 *   throws. Like `WebAssembly.validate`, it also applies the JS API's
 *   compile-time size limits (`checkJsApiSizes` in limits.ts), which core
 *   validation (`validateModule`, the streaming hooks) does not.
 *   `validateOrThrow(bytes, features?)` is the same with the reason: it
 *   throws the first `CompileError` or returns the `ModuleInfo`.
 * - `validateCustomSections(m, features?)`: the rules of custom sections that
 *   have any (branch hints), which never make a module invalid otherwise.
 * - `createStreamingValidator(features?)`: hooks for the decoder (`decode`,
 *   `ModuleDecoder`, `decodeStream`) that validate each section and function
 *   body as soon as it is decoded; `finish()` completes validation and
 *   returns the `ModuleInfo`. The hooks throw `CompileError`.
 *
 * Example:
 *   const sv = createStreamingValidator();
 *   const m = decode(bytes, sv);   // bodies validated while decoding
 *   const info = sv.finish(m);
 *
 * Implementation limits of the JS API are in limits.ts.
 */
import type { Func, Module } from '../ast/module.js';
import { withDefaults, type Features } from '../ast/features.js';
import { decode } from '../decoder/index.js';
import { CompileError } from '../errors.js';
import type { ModuleInfo } from './context.js';
import { ModuleValidator, Stage, stageOfSection } from './module.js';
import { MAX_MODULE_SIZE, checkJsApiSizes } from './limits.js';

export type { ModuleInfo } from './context.js';
export { TypeKind } from './context.js';
export {
  canonicalSuper, isCanonicalSubtype, canonicalKind, canonicalFuncType, canonicalStandalone, moduleCanon, runtimeValType,
  matchRuntimeVal, matchRuntimeHeap,
} from './canon.js';
export { checkJsApiSizes } from './limits.js';
export { validateCustomSections, BRANCH_HINT_SECTION } from './custom.js';

/**
 * Validates module `m`. Returns what the interpreter needs (`ModuleInfo`).
 * Throws `CompileError`.
 */
export function validateModule(m: Module, features?: Partial<Features>): ModuleInfo {
  const v = new ModuleValidator(m, withDefaults(features));
  v.runThrough(Stage.Done);
  return v.c;
}

/** Decodes and validates `bytes`; false on any `CompileError`. */
export function validate(bytes: Uint8Array, features?: Partial<Features>): boolean {
  try {
    validateOrThrow(bytes, features);
    return true;
  } catch (e) {
    if (e instanceof CompileError) return false;
    throw e;
  }
}

/**
 * `validate` that says why: throws the first `CompileError` (the
 * testsuite's message, the function index and the byte offset), else
 * returns the module's `ModuleInfo` (its `module` is the decoded AST).
 */
export function validateOrThrow(bytes: Uint8Array, features?: Partial<Features>): ModuleInfo {
  if (bytes.length > MAX_MODULE_SIZE) throw new CompileError('module too large', -1);
  const sv = createStreamingValidator(features);
  const info = sv.finish(decode(bytes, sv));
  const tooBig = checkJsApiSizes(info);
  if (tooBig !== null) throw new CompileError(tooBig, -1);
  return info;
}

/** Decoder hooks that validate while decoding (see `createStreamingValidator`). */
export interface StreamingValidator {
  /** The features to decode and validate with (read by the decoder). */
  readonly features: Partial<Features>;
  /** Tells the decoder that the validator walks the function bodies (so it need not scan them). */
  readonly checksBodies: true;
  /** Decoder hook: a section has been decoded. Throws `CompileError`. */
  onSection(id: number, module: Module): void;
  /** Decoder hook: a function body has been decoded. Throws `CompileError`. */
  onFunction(index: number, func: Func, module: Module): void;
  /** Completes validation of the decoded module and returns its `ModuleInfo`. Throws `CompileError`. */
  finish(module: Module): ModuleInfo;
}

/**
 * Creates decoder hooks (`DecodeHooks`-compatible) that validate each section
 * and each function body as soon as the decoder has it.
 */
export function createStreamingValidator(features?: Partial<Features>): StreamingValidator {
  const f = withDefaults(features);
  let v: ModuleValidator | null = null;
  const get = (m: Module): ModuleValidator => {
    if (v === null) {
      v = new ModuleValidator(m, f);
      v.streaming = true;
      v.fv.requireDataCount = true;
    }
    return v;
  };
  return {
    features: f,
    checksBodies: true,
    onSection(id, module) {
      const s = stageOfSection(id);
      if (s >= 0) get(module).runThrough(s);
    },
    onFunction(index, _func, module) {
      get(module).validateBody(index);
    },
    finish(module) {
      const mv = get(module);
      mv.runThrough(Stage.Done);
      return mv.c;
    },
  };
}
