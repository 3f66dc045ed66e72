/**
 * The binary decoder: bytes → module AST ("Binary Format" chapter).
 *
 * - `decode(bytes)`: a whole module. Throws `CompileError`.
 * - `ModuleDecoder`: push chunks, get each section and function body as soon
 *   as it is complete; `finish()` returns the module. Throws `CompileError`.
 * - `decodeStream(stream)`: the same over a `ReadableStream` or async iterable.
 */
export { decode, decodeStream, ModuleDecoder, type DecodeHooks, type ReadableStreamLike } from './decoder.js';
export { readInstr, readOpcode } from './instr.js';
export { Reader } from './reader.js';
