/**
 * Making functions: the per-instance record generated code reads (`Rt`), the
 * `new Function` call that turns compile.ts's source into a function, and
 * the hooks (`jsTier`) through which the interpreter offers each function to
 * this tier on its first call.
 *
 * Deliberately not here: the source itself (compile.ts), calls across tiers
 * (bridge.ts).
 */
import type { FuncInst, Instance, JitHooks, JsFunction, Store } from '../interp/runtime.js';
import { callFromRegs, entryFor, invokeJs } from './bridge.js';
import { Unsupported, generate } from './compile.js';
import { HELPERS } from './helpers.js';

/** What generated code of one instance reads as `R` (names as compile.ts uses them). */
export interface Rt {
  readonly store: Store;
  /** Entries of the instance's functions by index (each starts as a stub that finds the real entry on first call). */
  readonly E: JsFunction[];
  readonly FN: FuncInst[];
  readonly T: Instance['tables'];
  readonly EL: Instance['elems'];
  readonly DS: Instance['datas'];
  readonly INST: Instance;
  readonly M: Instance['memories'];
  readonly G: Instance['globals'];
}

const rts = new WeakMap<Instance, Rt>();

function rtOf(inst: Instance): Rt {
  let rt = rts.get(inst);
  if (rt !== undefined) return rt;
  const E: JsFunction[] = [];
  rt = { store: inst.store, E, FN: inst.funcs, T: inst.tables, EL: inst.elems, DS: inst.datas, INST: inst,
    M: inst.memories, G: inst.globals };
  inst.funcs.forEach((f, i) => {
    E.push((...a: unknown[]): unknown => {
      const e = entryFor(f, inst.store);
      E[i] = e;
      return e(...a);
    });
  });
  rts.set(inst, rt);
  return rt;
}

/** Counters for the benchmark: functions compiled, wasm body bytes in, JS source bytes out, milliseconds spent. */
export const stats = { functions: 0, refused: 0, wasmBytes: 0, sourceBytes: 0, ms: 0 };

const refused = new WeakSet<FuncInst>();

/** Compiles `f` to a JS function (sets `f.js`), or returns false if this tier does not compile it. */
function compileFunction(f: FuncInst): boolean {
  if (f.js !== null) return true;
  if (refused.has(f) || f.def === null) return false;
  const t0 = Date.now();
  let g;
  try {
    g = generate(f);
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    refused.add(f);
    stats.refused++;
    return false;
  }
  // The source is this tier's own text plus numbers and validated indices (compile.ts).
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const factory = new Function('H', 'R', 'K', g.source) as (h: typeof HELPERS, r: Rt, k: Float64Array) => JsFunction;
  f.js = factory(HELPERS, rtOf(f.instance!), new Float64Array(g.nans.buffer));
  stats.functions++;
  stats.wasmBytes += f.def.body.length;
  stats.sourceBytes += g.source.length;
  stats.ms += Date.now() - t0;
  return true;
}

/** The compile-to-JS tier as the interpreter sees it (pass as `InstantiateOptions.jit`). */
export const jsTier: JitHooks = {
  compile: compileFunction,
  callFromRegs,
  invoke: invokeJs,
};

let evalAllowed: boolean | null = null;

/**
 * Whether this host lets code be generated from strings (`new Function`):
 * false under `--disallow-code-generation-from-strings` or a Content Security
 * Policy without 'unsafe-eval'. Tested once.
 */
export function codeGenerationAllowed(): boolean {
  if (evalAllowed === null) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      evalAllowed = (new Function('return 1') as () => number)() === 1;
    } catch {
      evalAllowed = false;
    }
  }
  return evalAllowed;
}

/** The generated source of `f` (for tests and debugging), or null if this tier does not compile it. */
export function sourceOf(f: FuncInst): string | null {
  try {
    return generate(f).source;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}
