/**
 * The three error classes of the WebAssembly JS API ("Error Objects" in the
 * WebAssembly JavaScript Interface), shared by every layer of tswasm.
 *
 * - `CompileError`: the bytes or text are malformed or invalid (decoder, text
 *   parser, validator). Carries the byte offset (or line:column for text).
 * - `LinkError`: instantiation failed while resolving imports.
 * - `RuntimeError`: a trap, with the spec's trap message.
 *
 * They are real `Error` subclasses with the right `name`, constructible by
 * user code (emscripten's glue does `new WebAssembly.RuntimeError(msg)`).
 * This file deliberately holds no logic beyond construction.
 */

/** Thrown when bytes or text cannot be decoded, parsed or validated. */
export class CompileError extends Error {
  /** Byte offset in the binary (or character offset in text) where the problem was found; -1 if unknown. */
  offset: number;
  constructor(message?: string, offset = -1) {
    super(message);
    this.offset = offset;
  }
}
Object.defineProperty(CompileError.prototype, 'name', { value: 'CompileError', writable: true, configurable: true });

/** Thrown when a module's imports cannot be satisfied or a segment does not fit at instantiation. */
export class LinkError extends Error {}
Object.defineProperty(LinkError.prototype, 'name', { value: 'LinkError', writable: true, configurable: true });

/** A trap: execution stopped with one of the spec's trap conditions (message as the testsuite expects). */
export class RuntimeError extends Error {}
Object.defineProperty(RuntimeError.prototype, 'name', { value: 'RuntimeError', writable: true, configurable: true });
