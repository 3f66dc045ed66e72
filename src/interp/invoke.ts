/**
 * Invocation from outside ("Execution › Modules › Invocation"): runs a
 * function with boundary values (values.ts) and returns its results.
 *
 * Host functions are simply called. A wasm function runs on its instance's
 * store: its frame is placed at the store's first free register, the entry
 * frame counts against the call depth limit, and whatever happens (a trap, a
 * host exception) the store's depth and free pointer are restored, so the
 * store stays usable. A host re-entering wasm nests JS frames, so the number
 * of nested re-entries is limited too; a JS stack overflow that still happens
 * inside a host function becomes "call stack exhausted".
 *
 * The run loop is also where exceptions are caught: `execute` has no
 * try/catch; an `ExnInst` thrown out of it is handed to `unwind`
 * (exceptions.ts), and when a handler catches it the executor is re-entered
 * at the handler's frame and pc. So paths that never throw pay nothing.
 *
 * Throws: `RuntimeError` (traps), `TypeError` (wrong argument count or JS
 * types), an `ExnInst` no handler caught, and whatever a host function throws.
 */
import { RuntimeError } from '../errors.js';
import { execute, interpreted } from './exec.js';
import { ExnInst, Unwound, unwind, type Resume } from './exceptions.js';
import { MAX_REENTRY, type Compiled, type FuncInst, type Store } from './runtime.js';
import { setInvokeHook } from './slow.js';
import { cellsOf } from './regfile.js';
import { TRAP_EXHAUSTED, trapExhausted } from './traps.js';
import { readValue, writeValue, type Value } from './values.js';

/** Calls `f` with `args` (boundary values) and returns its results. */
export function invoke(f: FuncInst, args: readonly Value[]): Value[] {
  const { params, results } = f.type;
  if (args.length !== params.length) {
    throw new TypeError(`wrong number of arguments: expected ${params.length}, got ${args.length}`);
  }
  if (f.host !== null) {
    const out = f.host(args.slice());
    return Array.isArray(out) ? out : [];
  }
  const store = f.instance!.store;
  if (store.reentry >= MAX_REENTRY || store.depth >= store.maxCallDepth) trapExhausted();
  const c = interpreted(f);
  const regs = store.regs;
  const savedDepth = store.depth;
  const fp = store.sp;
  if (c !== null) {
    regs.ensure(fp + Math.max(c.frameWords, 2 * results.reduce((n, t) => n + cellsOf(t), 0)));
    for (let k = 0, o = fp; k < params.length; o += 2 * cellsOf(params[k]!), k++) {
      writeValue(regs.i32, regs.refs, o, params[k]!, args[k]);
    }
    regs.i32.fill(0, fp + c.zeroFrom, fp + c.zeroTo);
    if (c.pool !== null) regs.i32.set(c.pool, fp + c.poolAt);
    if (c.refLocals !== null) for (const k of c.refLocals) regs.refs[(fp >> 1) + k] = null;
  }
  store.depth++;
  store.reentry++;
  try {
    // A function the compile-to-JS tier runs: its own boundary conversion.
    if (c === null) return f.instance!.jit!.invoke(f, args, savedDepth);
    run(store, c, fp);
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) throw new RuntimeError(TRAP_EXHAUSTED);
    throw e;
  } finally {
    store.depth = savedDepth;
    store.sp = fp;
    store.reentry--;
  }
  const out: Value[] = [];
  for (let k = 0, o = fp; k < results.length; o += 2 * cellsOf(results[k]!), k++) {
    out.push(readValue(regs.i32, regs.refs, o, results[k]!));
  }
  return out;
}

/**
 * Runs `entry` (frame at `fp`, counted in `store.depth`) to completion,
 * re-entering the executor at the handler each time an exception is caught.
 * (The compile-to-JS tier enters interpreted functions through this too.)
 */
export function run(store: Store, entry: Compiled, fp: number): void {
  const base = store.depth;
  const at: Resume = { code: entry, pc: 0, fp, depth: base };
  for (;;) {
    try {
      execute(store, at.code, at.pc, at.fp, at.depth, base);
      return;
    } catch (e) {
      if (!(e instanceof ExnInst)) throw e;
      const r = unwind(store, e, base, at);
      if (r === Unwound.Uncaught) throw e;
      if (r === Unwound.Returned) return;
    }
  }
}

setInvokeHook(invoke);
