/**
 * The WebAssembly text format ("Text Format" chapter) and the script format
 * of the testsuite (WAST): lexer, parser and printer.
 *
 * - `parseWat(text, opts?)`: a `.wat` module → binary bytes. Throws `CompileError`
 *   (a `WatSyntaxError` with `line`, `column` and the testsuite's `reason`).
 * - `parseWatModule(text, opts?)`: the same, as the module AST.
 * - `parseScript(text, opts?)`: a `.wast` script → its commands. Throws `CompileError`
 *   for a malformed script (malformed modules inside assertions are kept as text).
 * - `printWat(bytes | module)`: readable text that parses back to the same bytes. Throws `CompileError`
 *   when given bytes that do not decode.
 */
import type { Module } from '../ast/module.js';
import { encode } from '../encoder/index.js';
import { lex } from './lexer.js';
import { parseModuleTokens, type TextOptions } from './module.js';

export { WatSyntaxError } from './lexer.js';
export type { TextOptions } from './module.js';
export { parseScript } from './script.js';
export type * from './script-ast.js';
export { printWat } from './printer.js';

/** Parses a text module into the module AST. Throws `CompileError` (WatSyntaxError). */
export function parseWatModule(text: string, opts?: TextOptions): Module {
  return parseModuleTokens(lex(text), opts);
}

/** Parses a text module into its binary encoding. Throws `CompileError` (WatSyntaxError). */
export function parseWat(text: string, opts?: TextOptions): Uint8Array {
  return encode(parseWatModule(text, opts));
}
