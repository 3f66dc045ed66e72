/**
 * The spec runner's one seam to the engine. The three stages a script
 * command can need are reached only through this file:
 *
 * 1. decode (src/decoder, always there) and validate (src/validator:
 *    `validateModule(m, features)` throwing CompileError);
 * 2. instantiate / invoke (src/interp: `instantiate(module, imports)` →
 *    instance with `exports`, `invoke(func, args)`, the `spectest` module),
 *    in the tier `loadEngine` is given: the interpreter, or with `js` the
 *    compile-to-JS tier (src/jstier's `jsTier` as the instances' `jit`).
 *
 * The validator and interpreter are loaded with a dynamic import; when one is
 * missing or fails to load, its stage is `null` and the runner reports the
 * commands that need it as *pending*. Wiring a new engine stage is a change
 * here only.
 *
 * Values at this boundary are the interpreter's (src/interp/values.ts): i32
 * number, i64 bigint, f32 bits as a uint32 number, f64 bits as a bigint,
 * references as JS values with `null` the null reference.
 */
import type { Module } from '../src/ast/module.js';
import type { Features } from '../src/ast/features.js';
import { decode } from '../src/decoder/index.js';

/** The validator stage. */
export type Validate = (m: Module, features: Partial<Features>) => void;

/** An instance as the runner sees it. */
export interface RunnerInstance {
  exports: Record<string, unknown>;
}

/** The interpreter stage. */
export interface Interp {
  /** Instantiates; throws LinkError / RuntimeError. */
  instantiate(m: Module, imports: (module: string, name: string) => unknown): RunnerInstance;
  /** Invokes an exported function; throws RuntimeError for traps. */
  invoke(f: unknown, args: unknown[]): unknown[];
  /** Reads an exported global's value. */
  readGlobal(g: unknown): unknown;
  /** Is `v` an exported function (for `call` vs `get`)? */
  isFunc(v: unknown): boolean;
  /** Is `v` a global? */
  isGlobal(v: unknown): boolean;
  /** What reference `v` is: 'i31', 'struct', 'array', 'func' or 'host' (anything else). */
  refKind(v: unknown): string;
  /** Is `e` (thrown by `invoke`) a wasm exception that no handler caught? */
  isException(e: unknown): boolean;
  /** A fresh `spectest` module's exports. */
  spectest(): Record<string, unknown>;
  /** The feature of `m` the interpreter cannot execute yet, or null (its commands are then pending). */
  unsupported(m: Module): string | null;
}

/** The loaded stages. */
export interface Engine {
  decode(bytes: Uint8Array, features: Partial<Features>): Module;
  validate: Validate | null;
  /** Checks the custom sections with rules of their own (`assert_*_custom`); null if the validator has none. */
  validateCustom: ((m: Module, features: Partial<Features>) => void) | null;
  interp: Interp | null;
  /** Why a stage is missing, for the pending list. */
  missing: Record<string, string>;
}

// Specifiers kept in variables so the type checker does not tie this file to
// modules that may be mid-edit or absent.
const VALIDATOR = '../src/validator/index.js';
const INTERP = '../src/interp/index.js';
const SUPPORT = '../src/interp/support.js';
const JSTIER = '../src/jstier/index.js';

/** Which execution tier runs the functions: the interpreter, or the compile-to-JS tier (src/jstier). */
export type Tier = 'interp' | 'js';

/** The instructions each validated module uses (the validator's `ModuleInfo.usedOps`). */
const usedOps = new WeakMap<Module, Uint8Array>();
const NO_OPS = new Uint8Array(0);

/** Loads whatever stages exist, functions running in `tier`. Never throws. */
export async function loadEngine(tier: Tier = 'interp'): Promise<Engine> {
  const missing: Record<string, string> = {};
  let validate: Validate | null = null;
  let validateCustom: Engine['validateCustom'] = null;
  let interp: Interp | null = null;
  if (process.env.SPEC_NO_VALIDATOR === undefined) {
    try {
      const v = (await import(/* @vite-ignore */ VALIDATOR)) as {
        validateModule?: (m: Module, f?: Partial<Features>) => { usedOps?: Uint8Array };
        validateCustomSections?: (m: Module, f?: Partial<Features>) => void;
      };
      if (typeof v.validateCustomSections === 'function') validateCustom = v.validateCustomSections;
      if (typeof v.validateModule === 'function') {
        const fn = v.validateModule;
        validate = (m, f) => {
          const info = fn(m, f);
          if (info.usedOps) usedOps.set(m, info.usedOps);
        };
      } else {
        missing.validator = 'src/validator/index.ts does not export validateModule';
      }
    } catch (e) {
      missing.validator = `validator not loadable: ${String(e).split('\n')[0]}`;
    }
  } else {
    missing.validator = 'disabled by SPEC_NO_VALIDATOR';
  }
  if (process.env.SPEC_NO_INTERP === undefined) {
    try {
      const support = (await import(/* @vite-ignore */ SUPPORT)) as { unsupportedFeature(m: Module, ops: Uint8Array): string | null };
      const jit = tier === 'js' ? ((await import(/* @vite-ignore */ JSTIER)) as { jsTier: unknown }).jsTier : null;
      interp = wireInterp(await import(/* @vite-ignore */ INTERP) as InterpModule,
        (m) => support.unsupportedFeature(m, usedOps.get(m) ?? NO_OPS), jit);
    } catch (e) {
      missing.interp = `interpreter not loadable: ${String(e).split('\n')[0]}`;
    }
  } else {
    missing.interp = 'disabled by SPEC_NO_INTERP';
  }
  return { decode: (b, f) => decode(b, { features: f }), validate, validateCustom, interp, missing };
}

/** The parts of src/interp/index.ts the runner uses. */
interface InterpModule {
  instantiate(m: Module, imports: (module: string, name: string) => unknown, options?: { jit?: unknown }): { exports: Record<string, unknown> };
  invoke(f: unknown, args: readonly unknown[]): unknown[];
  readGlobal(g: unknown): unknown;
  spectest(): Record<string, unknown>;
  FuncInst: abstract new (...a: never[]) => unknown;
  GlobalInst: abstract new (...a: never[]) => unknown;
  GcStruct?: abstract new (...a: never[]) => unknown;
  GcArray?: abstract new (...a: never[]) => unknown;
  isI31?: (v: unknown) => boolean;
  ExnInst: abstract new (...a: never[]) => unknown;
}

function wireInterp(mod: InterpModule, unsupported: (m: Module) => string | null, jit: unknown): Interp {
  for (const k of ['instantiate', 'invoke', 'readGlobal', 'spectest', 'FuncInst', 'GlobalInst', 'ExnInst'] as const) {
    if (typeof mod[k] !== 'function') throw new Error(`src/interp does not export ${k}`);
  }
  return {
    instantiate: (m, imports) => (jit === null ? mod.instantiate(m, imports) : mod.instantiate(m, imports, { jit })),
    invoke: (f, args) => mod.invoke(f, args),
    readGlobal: (g) => mod.readGlobal(g),
    isFunc: (v) => v instanceof mod.FuncInst,
    isGlobal: (v) => v instanceof mod.GlobalInst,
    refKind: (v) => (v instanceof mod.FuncInst ? 'func' : mod.isI31?.(v) ? 'i31'
      : mod.GcStruct && v instanceof mod.GcStruct ? 'struct' : mod.GcArray && v instanceof mod.GcArray ? 'array' : 'host'),
    isException: (e) => e instanceof mod.ExnInst,
    spectest: () => mod.spectest(),
    unsupported,
  };
}
