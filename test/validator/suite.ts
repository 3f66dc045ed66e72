/**
 * Runs the validator over every module of the official testsuite: each
 * `assert_invalid` (and `assert_invalid_custom`) module must be rejected with
 * a message starting with the expected text; every other module that parses
 * (definitions, instances, `assert_unlinkable`, `assert_trap` modules…) must
 * validate. Text modules go through the text parser (src/text) to the AST and
 * are validated twice: as the AST (`validateModule`) and re-encoded through
 * the decoder with the streaming validator.
 *
 * Used by suite.test.ts; also runnable to print failures:
 *   npx vitest run test/validator/suite.test.ts
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Features } from '../../src/ast/features.js';
import type { Module } from '../../src/ast/module.js';
import { decode } from '../../src/decoder/index.js';
import { encode } from '../../src/encoder/index.js';
import { CompileError } from '../../src/errors.js';
import { parseScript, parseWatModule, type Command, type ModuleSource } from '../../src/text/index.js';
import { createStreamingValidator, validateModule } from '../../src/validator/index.js';
import { suiteDir } from '../support/suite.js';

/** One checked module. */
export interface Outcome {
  where: string;
  kind: 'invalid' | 'valid';
  expected: string;
  /** null when the module was validated as expected; otherwise what happened. */
  problem: string | null;
  /** The module could not be parsed or decoded (not the validator's fault). */
  unparsed: boolean;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.wast') ? [p] : [];
  });
}

/** Proposal folders and the features they need. */
export function featuresFor(file: string): Partial<Features> {
  if (file.includes('custom-page-sizes')) return { customPageSizes: true };
  if (file.includes('custom-descriptors')) return { customDescriptors: true };
  if (file.includes('wide-arithmetic')) return { wideArithmetic: true };
  return {};
}

/** Parses a script module to the AST (null + reason if it does not parse). */
function toModule(src: ModuleSource, features: Partial<Features>): { m: Module | null; bytes: Uint8Array | null; err: string } {
  try {
    if (src.kind === 'binary') return { m: null, bytes: src.bytes, err: '' };
    const m = src.kind === 'text' ? src.parse() : parseWatModule(src.text, { customDescriptors: features.customDescriptors ?? false });
    return { m, bytes: null, err: '' };
  } catch (e) {
    return { m: null, bytes: null, err: `parse: ${(e as Error).message}` };
  }
}

/** Validates one module both ways; returns the error message or null. */
function check(src: ModuleSource, features: Partial<Features>): { msg: string | null; unparsed: string | null } {
  const { m, bytes, err } = toModule(src, features);
  if (err) return { msg: null, unparsed: err };
  let first: string | null = null;
  if (m !== null) {
    try {
      validateModule(m, features);
    } catch (e) {
      if (!(e instanceof CompileError)) throw e;
      first = e.message;
    }
  }
  let bin = bytes;
  if (bin === null) {
    try {
      bin = encode(m!);
    } catch (e) {
      return { msg: first, unparsed: null };
    }
  }
  let decoded: Module | null = null;
  let second: string | null = null;
  const sv = createStreamingValidator(features);
  try {
    decoded = decode(bin, sv);
    sv.finish(decoded);
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    second = e.message;
    if (m === null && decoded === null && !isValidationMessage(second)) {
      // binary module that is malformed: not a validation case
      return { msg: null, unparsed: `decode: ${second}` };
    }
  }
  if (m !== null && (first === null) !== (second === null)) {
    return { msg: `AST and binary paths disagree: ${first} / ${second}`, unparsed: null };
  }
  return { msg: m !== null ? first : second, unparsed: null };
}

/** Messages the decoder produces (malformed) rather than the validator. */
function isValidationMessage(msg: string): boolean {
  return !/^(unexpected end|magic header|unknown binary version|malformed|integer|length out of bounds|section size mismatch|illegal opcode|END opcode expected|too many locals|data count|function and code section|unexpected content|zero byte expected|invalid custom page size @)/.test(msg);
}

/** Runs every module command of one script file. */
export function runFile(path: string, dir: string): Outcome[] {
  const file = relative(dir, path);
  const features = featuresFor(file);
  let cmds: Command[];
  try {
    cmds = parseScript(readFileSync(path, 'utf8'), { customDescriptors: features.customDescriptors ?? false });
  } catch (e) {
    return [{ where: file, kind: 'valid', expected: '', problem: `script parse: ${(e as Error).message}`, unparsed: true }];
  }
  const out: Outcome[] = [];
  for (const cmd of cmds) {
    const where = `${file}:${cmd.line}`;
    switch (cmd.type) {
      case 'assert_invalid': case 'assert_invalid_custom': {
        const { msg, unparsed } = check(cmd.source, features);
        if (unparsed) { out.push({ where, kind: 'invalid', expected: cmd.message, problem: unparsed, unparsed: true }); break; }
        const problem = msg === null ? 'validated' : msg.startsWith(cmd.message) ? null : `wrong message: ${msg}`;
        out.push({ where, kind: 'invalid', expected: cmd.message, problem, unparsed: false });
        break;
      }
      case 'module': case 'assert_unlinkable': case 'assert_trap_module': case 'assert_uninstantiable': {
        const src = cmd.source;
        if (src.kind === 'quote' && cmd.type === 'module') {
          // quoted modules outside assertions are valid too
        }
        const { msg, unparsed } = check(src, features);
        if (unparsed) { out.push({ where, kind: 'valid', expected: '', problem: unparsed, unparsed: true }); break; }
        out.push({ where, kind: 'valid', expected: '', problem: msg, unparsed: false });
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** Runs the whole suite. */
export function runSuite(): Outcome[] {
  const dir = suiteDir();
  return walk(dir).sort().flatMap((p) => runFile(p, dir));
}
