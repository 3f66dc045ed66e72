/**
 * Calls across tiers. Every function, whatever runs it, has an *entry*: a JS
 * function with this tier's calling convention (README.md): arguments in
 * tier representation (values.ts; an i64 as two arguments), then the number
 * of active frames `dp`; one result returned (an i64's high word in `RH[0]`),
 * several in `RV`/`RH`/`RR` (helpers.ts).
 *
 * - A function this tier compiled: the generated function itself.
 * - An interpreted function of the same store: `interpEntry`, which places
 *   the arguments in the store's register file and runs the executor there.
 * - A host function, or a wasm function of another store: `boundaryEntry`,
 *   which converts to boundary values (src/interp/values.ts), as the
 *   interpreter's `callExternal` does.
 *
 * And the other way: `callFromRegs` (interpreter → compiled function) and
 * `invokeJs` (`invoke` of a compiled function). Every entry checks the call
 * depth against the store's limit exactly where the interpreter does, and
 * restores the store's depth and free register pointer however it returns.
 *
 * Deliberately not here: code generation (compile.ts) and the per-instance
 * records (runtime.ts).
 */
import { I32, I64, F32, F64, type ValType } from '../ast/types.js';
import { compiled } from '../interp/exec.js';
import { run } from '../interp/invoke.js';
import { invoke } from '../interp/invoke.js';
import type { FuncInst, Instance, JsFunction, Store } from '../interp/runtime.js';
import { indirectTarget } from '../interp/slow.js';
import { trapExhausted } from '../interp/traps.js';
import { readValue, writeValue, type Value } from '../interp/values.js';
import { MAX_RESULTS, f32Box, f32Unbox } from './values.js';

/**
 * Results of a call beyond the calling convention's return value (also in the
 * helper record): the high word of an i64 result (`RH[0]`), and every result
 * of a multi-value call (`RV[k]` numbers, `RH[k]` i64 high words, `RR[k]`
 * references). Written by the callee just before it returns and read by the
 * caller right after. `RV` is a Float64Array so f32/f64 NaN bits survive.
 */
export const RV = new Float64Array(MAX_RESULTS);
export const RH = new Int32Array(MAX_RESULTS);
export const RR: unknown[] = new Array<unknown>(MAX_RESULTS).fill(null);

/** Scratch words for boundary conversions (never held across a call). */
const conv = new Int32Array(2);
const convF64 = new Float64Array(conv.buffer);
const convRefs: Value[] = [null];

/**
 * A JS array that never stores numbers unboxed. An array V8 keeps as "double
 * elements" silences signaling NaNs stored into it, so every list that may
 * hold f32/f64 tier values starts with tagged elements (and stays so).
 */
function tagged(): unknown[] {
  const a: unknown[] = [null];
  a.pop();
  return a;
}

/** Writes the tier value of type t (v; for an i64 v is the low word and `hi` the high one) to words w. */
function put(i32: Int32Array, f64: Float64Array, refs: Value[], w: number, t: ValType, v: unknown, hi: number): void {
  switch (t) {
    case I32: i32[w] = v as number; return;
    case I64: i32[w] = v as number; i32[w + 1] = hi; return;
    case F32: i32[w] = f32Unbox(v as number); return;
    case F64: f64[w >> 1] = v as number; return;
    default: refs[w >> 1] = v;
  }
}

/** Appends the tier value(s) of type t at words w to `out` (an i64 as two numbers). */
function get(i32: Int32Array, f64: Float64Array, refs: Value[], w: number, t: ValType, out: unknown[]): void {
  switch (t) {
    case I32: out.push(i32[w]); return;
    case I64: out.push(i32[w], i32[w + 1]); return;
    case F32: out.push(f32Box(i32[w]!)); return;
    case F64: out.push(f64[w >> 1]); return;
    default: out.push(refs[w >> 1]);
  }
}

/** The tier value of a single result of type t at words w (an i64's high word goes to RH[0]). */
function getOne(i32: Int32Array, f64: Float64Array, refs: Value[], w: number, t: ValType): unknown {
  switch (t) {
    case I32: return i32[w];
    case I64: RH[0] = i32[w + 1]!; return i32[w];
    case F32: return f32Box(i32[w]!);
    case F64: return f64[w >> 1];
    default: return refs[w >> 1];
  }
}

/** Returns results at words w.. in the calling convention. */
function returnResults(i32: Int32Array, f64: Float64Array, refs: Value[], w: number, results: readonly ValType[]): unknown {
  if (results.length === 0) return undefined;
  if (results.length === 1) return getOne(i32, f64, refs, w, results[0]!);
  results.forEach((t, k) => {
    const x = w + 2 * k;
    if (t === I64) {
      RV[k] = i32[x]!;
      RH[k] = i32[x + 1]!;
    } else if (t === I32) RV[k] = i32[x]!;
    else if (t === F32) RV[k] = f32Box(i32[x]!);
    else if (t === F64) RV[k] = f64[x >> 1]!;
    else RR[k] = refs[x >> 1];
  });
  return undefined;
}

/** Writes the results of a call in the calling convention (return value `r`) to words w.. */
function storeResults(i32: Int32Array, f64: Float64Array, refs: Value[], w: number, results: readonly ValType[], r: unknown): void {
  if (results.length === 1) {
    put(i32, f64, refs, w, results[0]!, r, RH[0]!);
    return;
  }
  results.forEach((t, k) => {
    const x = w + 2 * k;
    if (t === I64) {
      i32[x] = RV[k]!;
      i32[x + 1] = RH[k]!;
    } else if (t === I32) i32[x] = RV[k]!;
    else if (t === F32) i32[x] = f32Unbox(RV[k]!);
    else if (t === F64) f64[x >> 1] = RV[k]!;
    else refs[x >> 1] = RR[k];
  });
}

/** Entry of an interpreted function of `f`'s store: runs it in the register file. */
function interpEntry(f: FuncInst): JsFunction {
  const store = f.instance!.store;
  const { params, results } = f.type;
  return (...a: unknown[]): unknown => {
    const dp = a[a.length - 1] as number;
    if (dp >= store.maxCallDepth) trapExhausted();
    const c = compiled(f);
    const regs = store.regs;
    const fp = store.sp;
    regs.ensure(fp + Math.max(c.frameWords, 2 * results.length));
    let j = 0;
    for (let k = 0; k < params.length; k++) {
      const t = params[k]!;
      put(regs.i32, regs.f64, regs.refs, fp + 2 * k, t, a[j], t === I64 ? (a[j + 1] as number) : 0);
      j += t === I64 ? 2 : 1;
    }
    regs.i32.fill(0, fp + c.zeroFrom, fp + c.zeroTo);
    if (c.pool !== null) regs.i32.set(c.pool, fp + c.poolAt);
    if (c.refLocals !== null) for (const k of c.refLocals) regs.refs[(fp >> 1) + k] = null;
    const saved = store.depth;
    store.depth = dp + 1;
    try {
      run(store, c, fp);
    } finally {
      store.depth = saved;
      store.sp = fp;
    }
    return returnResults(store.regs.i32, store.regs.f64, store.regs.refs, fp, results);
  };
}

/** The boundary value of a tier value of type t (a[j], a[j + 1] for an i64). */
function toBoundary(t: ValType, a: readonly unknown[], j: number): Value {
  put(conv, convF64, convRefs, 0, t, a[j], t === I64 ? (a[j + 1] as number) : 0);
  return readValue(conv, convRefs, 0, t);
}

/** Entry of a host function or of a wasm function of another store, called from store `S`. */
function boundaryEntry(f: FuncInst, S: Store): JsFunction {
  const { params, results } = f.type;
  return (...a: unknown[]): unknown => {
    const dp = a[a.length - 1] as number;
    if (dp >= S.maxCallDepth) trapExhausted();
    const args: Value[] = [];
    let j = 0;
    for (const t of params) {
      args.push(toBoundary(t, a, j));
      j += t === I64 ? 2 : 1;
    }
    const saved = S.depth;
    S.depth = dp + 1;
    let out: Value[] | void;
    try {
      out = f.host !== null ? f.host(args) : invoke(f, args);
    } finally {
      S.depth = saved;
    }
    if (results.length === 0) return undefined;
    if (!Array.isArray(out) || out.length !== results.length) {
      throw new TypeError(`host function returned ${Array.isArray(out) ? out.length : 'no'} results, expected ${results.length}`);
    }
    if (results.length === 1) {
      writeValue(conv, convRefs, 0, results[0]!, out[0]);
      return getOne(conv, convF64, convRefs, 0, results[0]!);
    }
    const words = new Int32Array(2 * results.length);
    const refs: Value[] = new Array<Value>(results.length).fill(null);
    for (let k = 0; k < results.length; k++) writeValue(words, refs, 2 * k, results[k]!, out[k]);
    return returnResults(words, new Float64Array(words.buffer), refs, 0, results);
  };
}

/** Boundary entries by calling store (a host function may be imported into several stores). */
const boundary = new WeakMap<Store, Map<FuncInst, JsFunction>>();

/** The entry through which code running on store `S` calls `f`. */
export function entryFor(f: FuncInst, S: Store): JsFunction {
  if (f.host === null && f.instance!.store === S) {
    if (f.entry !== null) return f.entry;
    const jit = f.instance!.jit;
    if (f.js === null && f.compiled === null && jit !== null) jit.compile(f);
    return (f.entry = f.js ?? interpEntry(f));
  }
  let m = boundary.get(S);
  if (m === undefined) boundary.set(S, (m = new Map()));
  let e = m.get(f);
  if (e === undefined) m.set(f, (e = boundaryEntry(f, S)));
  return e;
}

/** `call_indirect` from compiled code of `inst`: the checked table entry's entry (same traps as the interpreter). */
export function indirect(inst: Instance, typeId: number, t: number, i: number): JsFunction {
  const f = indirectTarget(inst, typeId, t, i);
  const e = f.entry;
  return e !== null && f.instance !== null && f.instance.store === inst.store ? e : entryFor(f, inst.store);
}

/** Interpreter → compiled function `f`: arguments at register word w, results written back there. */
export function callFromRegs(store: Store, f: FuncInst, w: number): void {
  const { params, results } = f.type;
  let regs = store.regs;
  const a = tagged();
  for (let k = 0; k < params.length; k++) get(regs.i32, regs.f64, regs.refs, w + 2 * k, params[k]!, a);
  a.push(store.depth - 1);
  const r: unknown = f.js!(...a);
  if (results.length === 0) return;
  regs = store.regs;
  regs.ensure(w + 2 * results.length);
  storeResults(regs.i32, regs.f64, regs.refs, w, results, r);
}

/** `invoke` of compiled function `f` with boundary values; `depth` frames are active below it. */
export function invokeJs(f: FuncInst, args: readonly Value[], depth: number): Value[] {
  const { params, results } = f.type;
  const a = tagged();
  for (let k = 0; k < params.length; k++) {
    writeValue(conv, convRefs, 0, params[k]!, args[k]);
    get(conv, convF64, convRefs, 0, params[k]!, a);
  }
  a.push(depth);
  const r: unknown = f.js!(...a);
  const out: Value[] = [];
  if (results.length === 1) {
    put(conv, convF64, convRefs, 0, results[0]!, r, RH[0]!);
    out.push(readValue(conv, convRefs, 0, results[0]!));
  } else {
    const words = new Int32Array(2 * results.length);
    const refs: Value[] = new Array<Value>(results.length).fill(null);
    storeResults(words, new Float64Array(words.buffer), refs, 0, results, r);
    for (let k = 0; k < results.length; k++) out.push(readValue(words, refs, 2 * k, results[k]!));
  }
  return out;
}
