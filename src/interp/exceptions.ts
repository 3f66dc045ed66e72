/**
 * Exception handling ("Execution › Runtime Structure › Exception Instances",
 * "Execution › Instructions › Control Instructions": throw, throw_ref,
 * try_table, and the legacy try/catch/delegate/rethrow, which translate to
 * the same handler rows): exception instances and unwinding.
 *
 * The design: unwinding costs nothing on paths that do not throw. No
 * instruction is executed on entering or leaving a `try_table` or `try`;
 * instead the translator gives each function a *handler table* (rows below),
 * and it is read only when an exception is raised. A raise point is always
 * known by its frame and *resume pc* (the pc just after the raising
 * instruction: a `throw`, `throw_ref`, `rethrow`, or a call out of which an
 * exception came): the executor pushes the raising frame on the store's frame
 * stack, like a call does, and throws the `ExnInst` as a JS exception; the
 * invocation loop (invoke.ts) catches it and calls `unwind`, which walks the
 * frame stack from the top, finds the first row that covers the frame's
 * resume pc and matches, writes the payload into the handler's registers and
 * says where to resume. A `throw` whose handler is in its own frame does not
 * even throw in JS: `catchInFrame` finds the row and the executor jumps.
 *
 * Traps are `RuntimeError`s, never `ExnInst`s, so wasm never catches them.
 * Host functions raise a wasm exception by throwing an `ExnInst`; anything
 * else they throw passes through wasm uncaught (the JS API layer wraps JS
 * exceptions in exceptions of its `JSTag` before they reach here).
 *
 * ## Handler rows (documented here, once)
 *
 * `Compiled.handlers` is an `Int32Array` of rows of `HANDLER_ROW` words:
 *
 * | word   | meaning                                                                  |
 * |--------|--------------------------------------------------------------------------|
 * | from   | the row covers resume pcs in (from, to]: raises inside [from, to)         |
 * | to     |                                                                          |
 * | kind   | `HandlerKind`: Catch (a tag), CatchAll, Delegate                          |
 * | tag    | Catch: index into `Compiled.handlerTags`                                 |
 * | dst    | word offset (from fp) where the payload goes                             |
 * | exn    | word offset where the exception reference goes, or -1 (catch, catch_all) |
 * | target | pc to resume at; -1: return from the function (values at cells 0..);     |
 * |        | Delegate: the word index of the row to continue the search at            |
 *
 * Rows are ordered innermost first (a construct's rows are appended when it
 * ends, and a construct ends before any that encloses it), and a construct's
 * clauses in their order, so the first covering row that matches is the
 * handler. `catch_ref` is a Catch with `exn` after the payload; legacy
 * `catch` puts the exception in a hidden cell for `rethrow`; `delegate l` is a
 * row covering its `try` body whose search continues at the rows of the
 * innermost handler-bearing construct around label l.
 *
 * Deliberately not here: translating the instructions (translate.ts), the
 * instructions' handlers (exec.ts), the JS API's `WebAssembly.Exception`
 * (src/api/objects.ts wraps an `ExnInst`).
 */
import { isRef, type ValType } from '../ast/types.js';
import type { Compiled, Store, TagInst } from './runtime.js';
import { cellsOf, type RegisterFile } from './regfile.js';
import { readValue, writeValue, type Value } from './values.js';

/** Words per handler row. */
export const HANDLER_ROW = 7;

/** Word positions inside a handler row. */
export const enum Row {
  From = 0,
  To = 1,
  Kind = 2,
  Tag = 3,
  Dst = 4,
  Exn = 5,
  Target = 6,
}

/** What a handler row does. */
export const enum HandlerKind {
  /** `catch x` / `catch_ref x` (try_table), legacy `catch x`: exceptions of one tag. */
  Catch = 0,
  /** `catch_all` / `catch_all_ref`, legacy `catch_all`: every exception. */
  CatchAll = 1,
  /** Legacy `delegate l`: continue the search at another construct's rows. */
  Delegate = 2,
}

/** The `target` of a row whose handler returns from the function (a catch to the function's own label). */
export const TARGET_RETURN = -1;

/** Word offsets of a tag's payload values, laid out as consecutive registers (as call arguments are). */
export function payloadLayout(params: readonly ValType[]): { offsets: Int32Array; words: number } {
  const offsets = new Int32Array(params.length);
  let w = 0;
  for (let k = 0; k < params.length; k++) {
    offsets[k] = w;
    w += 2 * cellsOf(params[k]!);
  }
  return { offsets, words: w };
}

/**
 * An exception instance ("Exception Instances"): its tag and payload. The
 * payload is kept as raw register words (`words`, two per cell, NaN bits
 * intact) and references (`refs`, one per cell), in the layout of
 * `payloadLayout`, so throwing and catching copy words without conversion.
 * The object's identity is the exception's identity: `throw_ref` of a caught
 * exception rethrows this same object, through host frames too.
 */
export class ExnInst {
  readonly tag: TagInst;
  readonly words: Int32Array;
  readonly refs: Value[];

  constructor(tag: TagInst, words: Int32Array, refs: Value[]) {
    this.tag = tag;
    this.words = words;
    this.refs = refs;
  }

  /** An exception of `tag` with payload `values` (boundary values, values.ts). TypeError for a wrong JS type. */
  static of(tag: TagInst, values: readonly Value[]): ExnInst {
    const params = tag.type.params;
    if (values.length !== params.length) throw new TypeError(`a payload of ${params.length} values expected`);
    const { offsets, words } = payloadLayout(params);
    const exn = new ExnInst(tag, new Int32Array(words), new Array<Value>(words >> 1).fill(null));
    for (let k = 0; k < params.length; k++) writeValue(exn.words, exn.refs, offsets[k]!, params[k]!, values[k]);
    return exn;
  }

  /** Payload value k as a boundary value. */
  value(k: number): Value {
    const params = this.tag.type.params;
    return readValue(this.words, this.refs, payloadLayout(params).offsets[k]!, params[k]!);
  }
}

/** An exception of `tag` whose payload is in the registers at word `w` (a `throw`). */
export function exnFromRegs(tag: TagInst, regs: RegisterFile, w: number): ExnInst {
  const params = tag.type.params;
  const { offsets, words } = payloadLayout(params);
  const out = new Int32Array(words);
  const refs = new Array<Value>(words >> 1).fill(null);
  const i32 = regs.i32;
  for (let k = 0; k < params.length; k++) {
    const o = offsets[k]!;
    if (isRef(params[k]!)) refs[o >> 1] = regs.refs[(w + o) >> 1];
    else for (let j = 0, n = 2 * cellsOf(params[k]!); j < n; j++) out[o + j] = i32[w + o + j]!;
  }
  return new ExnInst(tag, out, refs);
}

/**
 * The row of `c`'s handler table that catches `exn` raised at resume pc `pc`,
 * as a word index, or -1 if none does.
 */
export function findHandler(c: Compiled, pc: number, exn: ExnInst): number {
  const h = c.handlers;
  if (h === null) return -1;
  let i = 0;
  while (i < h.length) {
    if (pc > h[i + Row.From]! && pc <= h[i + Row.To]!) {
      const kind = h[i + Row.Kind]!;
      if (kind === HandlerKind.Delegate) {
        i = h[i + Row.Target]!;
        continue;
      }
      if (kind === HandlerKind.CatchAll || c.handlerTags[h[i + Row.Tag]!] === exn.tag) return i;
    }
    i += HANDLER_ROW;
  }
  return -1;
}

/** Writes what handler row `i` of `c` receives (payload, exception reference) into the frame at `fp`; returns the row's target. */
export function deliver(c: Compiled, i: number, exn: ExnInst, regs: RegisterFile, fp: number): number {
  const h = c.handlers!;
  if (h[i + Row.Kind] === HandlerKind.Catch) {
    const d = fp + h[i + Row.Dst]!;
    const words = exn.words;
    const i32 = regs.i32;
    for (let j = 0; j < words.length; j++) i32[d + j] = words[j]!;
    const refs = exn.refs;
    for (let j = 0; j < refs.length; j++) regs.refs[(d >> 1) + j] = refs[j];
  }
  const e = h[i + Row.Exn]!;
  if (e >= 0) regs.refs[(fp + e) >> 1] = exn;
  return h[i + Row.Target]!;
}

/**
 * A `throw`'s fast path: if the raising frame (code `c`, frame pointer `fp`,
 * resume pc `pc`) has a handler that does not return, delivers `exn` to it
 * and returns the pc to jump to; else -1 (the executor then throws).
 */
export function catchInFrame(c: Compiled, pc: number, fp: number, exn: ExnInst, regs: RegisterFile): number {
  const i = findHandler(c, pc, exn);
  if (i < 0 || c.handlers![i + Row.Target] === TARGET_RETURN) return -1;
  return deliver(c, i, exn, regs, fp);
}

/** Where execution resumes after `unwind` found a handler. */
export interface Resume {
  code: Compiled;
  pc: number;
  fp: number;
  depth: number;
}

/** What `unwind` found. */
export const enum Unwound {
  /** No frame of this run catches it: the exception leaves the invocation. */
  Uncaught,
  /** A handler caught it: continue at the `Resume` state. */
  Caught,
  /** A handler caught it by returning from the run's entry function: the invocation is complete. */
  Returned,
}

/**
 * Unwinds the frames of the run that started at depth `base` for `exn`,
 * raised by the frame on top of the frame stack (`store.depth - 1`), down to
 * the entry frame at level `base`. Frame level d runs at depth d; its caller
 * is level d - 1. Fills `at` when the result is `Caught`.
 */
export function unwind(store: Store, exn: ExnInst, base: number, at: Resume): Unwound {
  const { frameCode, framePc, frameFp, regs } = store;
  for (let d = store.depth - 1; d >= base; d--) {
    const c = frameCode[d]!;
    const i = findHandler(c, framePc[d]!, exn);
    if (i < 0) continue;
    const fp = frameFp[d]!;
    const target = deliver(c, i, exn, regs, fp);
    if (target !== TARGET_RETURN) {
      at.code = c;
      at.pc = target;
      at.fp = fp;
      at.depth = d;
      return Unwound.Caught;
    }
    if (d === base) return Unwound.Returned;
    at.code = frameCode[d - 1]!;
    at.pc = framePc[d - 1]!;
    at.fp = frameFp[d - 1]!;
    at.depth = d - 1;
    return Unwound.Caught;
  }
  return Unwound.Uncaught;
}
