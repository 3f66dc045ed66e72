/**
 * The binary encoder: module AST → bytes, the inverse of src/decoder.
 *
 * - `encode(module)`: the module's bytes. Throws nothing for a well-formed AST.
 * - `encodeInstrs(instrs)`: instruction bytes (function bodies, constant expressions).
 */
export { encode } from './module.js';
export { encodeInstrs, writeInstr } from './instr.js';
export { Writer } from './writer.js';
