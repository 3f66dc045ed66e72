/**
 * Which execution tier runs the functions of the `WebAssembly` namespace's
 * modules: the compile-to-JS tier (src/jstier) where the host lets code be
 * generated from strings, the interpreter (src/interp) where it does not —
 * or whichever the embedder forces, for the whole namespace or one module.
 *
 * - `'auto'` (the default): the compile-to-JS tier if `new Function` works
 *   here and the host's numbers keep NaN payloads (both tested once), else
 *   the interpreter. The compile-to-JS tier holds f32/f64 values as JS
 *   numbers, so on engines that canonicalize NaNs in their value
 *   representation (JavaScriptCore, QuickJS, Hermes) only the interpreter,
 *   which holds floats as bits, is bit-exact.
 * - `'js'`: the compile-to-JS tier (functions it does not compile yet, e.g.
 *   SIMD, still run in the interpreter). Throws where code generation from
 *   strings is not allowed. On hosts that canonicalize NaNs (see above),
 *   NaN payloads are not preserved in this tier.
 * - `'interp'`: the interpreter only; never calls `new Function`.
 *
 * Both tiers have the same semantics (results, NaN bits, traps, limits), so
 * the choice changes only speed. Instances of different tiers call each
 * other and share memories, tables and globals as usual.
 */
import type { JitHooks } from '../interp/runtime.js';
import { codeGenerationAllowed, jsTier } from '../jstier/index.js';

/** An execution tier choice (see the header). */
export type Tier = 'auto' | 'js' | 'interp';

let namespaceTier: Tier = 'auto';
const moduleTiers = new WeakMap<object, Tier>();

/** Checks a tier name; `'js'` also needs code generation from strings. */
export function checkTier(tier: unknown): Tier {
  if (tier !== 'auto' && tier !== 'js' && tier !== 'interp') {
    throw new TypeError(`tier must be 'auto', 'js' or 'interp', got ${String(tier)}`);
  }
  if (tier === 'js' && !codeGenerationAllowed()) {
    throw new Error("tier 'js' needs code generation from strings (new Function), which this host does not allow");
  }
  return tier;
}

/**
 * Sets the tier of one `WebAssembly.Module` (for instances made from it
 * afterwards), or without `module` of the whole namespace (modules without
 * a tier of their own). Throws TypeError for an unknown tier name, Error for
 * `'js'` where code generation from strings is not allowed.
 */
export function setTier(tier: Tier, module?: object): void {
  const t = checkTier(tier);
  if (module === undefined) namespaceTier = t;
  else moduleTiers.set(module, t);
}

/** The tier instances of `module` get now (its own, else the namespace's). */
export function tierOf(module?: object): Tier {
  return (module !== undefined ? moduleTiers.get(module) : undefined) ?? namespaceTier;
}

let nanBits: boolean | undefined;

/**
 * Whether NaN payloads survive this host's numbers: an f32 and an f64 NaN
 * with a payload, read from a typed array, negated and written back, keep
 * their payload bits (as the compile-to-JS tier's code needs). Tested once.
 */
export function nanPayloadsSurvive(): boolean {
  if (nanBits === undefined) {
    const f32 = new Float32Array(1);
    const u32 = new Uint32Array(f32.buffer);
    u32[0] = 0x7fa00001;
    f32[0] = -f32[0]!;
    const f64 = new Float64Array(1);
    const w = new Uint32Array(f64.buffer);
    w[0] = 1;
    w[1] = 0x7ff40000;
    f64[0] = -f64[0]!;
    nanBits = u32[0] === 0xffa00001 && w[0] === 1 && w[1] === 0xfff40000;
  }
  return nanBits;
}

/** The compile-to-JS hooks for tier `tier` (`InstantiateOptions.jit`), or null for the interpreter. */
export function jitFor(tier: Tier): JitHooks | null {
  if (tier === 'interp') return null;
  return tier === 'js' || (codeGenerationAllowed() && nanPayloadsSurvive()) ? jsTier : null;
}
