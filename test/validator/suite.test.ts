/**
 * The testsuite's assert_invalid cases and valid modules through the
 * validator (see suite.ts). Prints counts; fails on any case not in the
 * known-failure list below (which may only shrink).
 */
import { describe, expect, it } from 'vitest';
import { runSuite } from './suite.js';

/**
 * Cases that fail for reasons outside the validator, with the reason.
 * Keys are "file:line" of the command.
 */
const KNOWN: ReadonlyMap<string, string> = new Map([
  // The threads proposal's tests predate multi-memory (part of WebAssembly 3.0),
  // which makes several memories and tables valid.
  ...['imports.wast:309', 'imports.wast:313', 'imports.wast:317', 'imports.wast:404', 'imports.wast:408',
    'imports.wast:412', 'memory.wast:14', 'memory.wast:15'].map((k): [string, string] => [`proposals/threads/${k}`, 'pre-multi-memory test']),
  // The branch-hint custom section is not produced by the text parser (annotations are dropped).
  ['custom/branch_hint.wast:85', 'text parser drops @metadata.code.branch_hint'],
]);

describe('spec testsuite validation', () => {
  it('rejects every assert_invalid module with the expected message and accepts every valid module', () => {
    const results = runSuite();
    const inv = results.filter((r) => r.kind === 'invalid');
    const val = results.filter((r) => r.kind === 'valid');
    const bad = results.filter((r) => r.problem !== null && !r.unparsed);
    const unparsed = results.filter((r) => r.unparsed);
    console.log(`assert_invalid: ${inv.filter((r) => r.problem === null).length}/${inv.length} ok; `
      + `valid modules: ${val.filter((r) => r.problem === null).length}/${val.length} ok; unparsed: ${unparsed.length}`);
    for (const r of bad) if (!KNOWN.has(r.where)) console.log(`FAIL ${r.where} [${r.kind}] expected "${r.expected}": ${r.problem}`);
    for (const r of unparsed) console.log(`UNPARSED ${r.where}: ${r.problem}`);
    expect(bad.map((r) => r.where).filter((w) => !KNOWN.has(w))).toEqual([]);
    // The list may only shrink: entries that pass now must be removed.
    const failing = new Set(bad.map((r) => r.where));
    expect([...KNOWN.keys()].filter((k) => !failing.has(k))).toEqual([]);
  });
});
