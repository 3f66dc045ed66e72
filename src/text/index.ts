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

import { WatSyntaxError } from './lexer.js';
import { parseScript as parseScriptDeep } from './script.js';
import type { Command } from './script-ast.js';
import { CompileError } from '../errors.js';

export { WatSyntaxError } from './lexer.js';
export type { TextOptions } from './module.js';
export type * from './script-ast.js';
export { printWat } from './printer.js';

/**
 * Runs a parse, turning a host stack overflow (the parser recurses on
 * nested instructions and S-expressions) into a `CompileError`, so deep
 * input fails cleanly. The binary decoder and the validator do not recurse.
 */
function guarded<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof RangeError && !(e instanceof CompileError)) {
      throw new WatSyntaxError('nesting too deep for the text parser', 0, 1, 1);
    }
    throw e;
  }
}

/** Parses a text module into the module AST. Throws `CompileError` (WatSyntaxError). */
export function parseWatModule(text: string, opts?: TextOptions): Module {
  return guarded(() => parseModuleTokens(lex(text), opts));
}

/** Parses a `.wast` script into its commands. Throws `CompileError` (WatSyntaxError). */
export function parseScript(text: string, opts?: TextOptions): Command[] {
  return guarded(() => parseScriptDeep(text, opts));
}

/** Parses a text module into its binary encoding. Throws `CompileError` (WatSyntaxError). */
export function parseWat(text: string, opts?: TextOptions): Uint8Array {
  return guarded(() => encode(parseWatModule(text, opts)));
}
