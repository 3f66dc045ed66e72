/**
 * The testsuite's assert_invalid cases and valid modules through the
 * validator (see suite.ts). Prints counts and the failures.
 */
import { describe, expect, it } from 'vitest';
import { runSuite } from './suite.js';

describe('spec testsuite validation', () => {
  it('rejects every assert_invalid module with the expected message and accepts every valid module', () => {
    const results = runSuite();
    const inv = results.filter((r) => r.kind === 'invalid');
    const val = results.filter((r) => r.kind === 'valid');
    const bad = results.filter((r) => r.problem !== null && !r.unparsed);
    const unparsed = results.filter((r) => r.unparsed);
    const summary = `assert_invalid: ${inv.filter((r) => r.problem === null).length}/${inv.length} ok; `
      + `valid modules: ${val.filter((r) => r.problem === null).length}/${val.length} ok; unparsed: ${unparsed.length}`;
    console.log(summary);
    for (const r of bad.slice(0, 400)) console.log(`FAIL ${r.where} [${r.kind}] expected "${r.expected}": ${r.problem}`);
    for (const r of unparsed.slice(0, 50)) console.log(`UNPARSED ${r.where}: ${r.problem}`);
    expect(bad.map((r) => r.where)).toEqual([]);
  });
});
