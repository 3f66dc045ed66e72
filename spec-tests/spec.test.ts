/**
 * The official testsuite under `npm test`: runs every file (run.mjs, in
 * worker threads) with the text round trip on, prints the report, and checks
 * the results never fall below the checked-in baseline (baseline.json):
 * per-file passed counts, modules parsed, `assert_malformed` passed, and an
 * identical round trip for every module. Then runs it again with every
 * function in the compile-to-JS tier (src/jstier; no round trip, which does
 * not depend on the tier) against that tier's own per-file baseline
 * (baseline-js.json); both runs must have no failures. `UPDATE_BASELINE=1`
 * rewrites the baselines from this run (do that when more passes, never to
 * hide a drop).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { report, runSuite, type Summary } from './run.mjs';

interface Baseline {
  stats: { modulesParsed: number; malformedPassed: number; roundTripIdentical: number };
  passed: Record<string, number>;
}

const BASELINE = new URL('./baseline.json', import.meta.url);
const BASELINE_JS = new URL('./baseline-js.json', import.meta.url);

/** Files whose passed count is below the baseline's. */
function drops(base: Record<string, number>, now: Record<string, number>): string[] {
  return Object.entries(base)
    .filter(([f, n]) => (now[f] ?? 0) < n)
    .map(([f, n]) => `${f}: ${now[f] ?? 0} passed, baseline ${n}`);
}

function failed(s: Summary): number {
  return (s.total.failed ?? 0) + (s.total['wrong-message'] ?? 0);
}

describe('spec testsuite', () => {
  it('passes at least the baseline', async () => {
    const s: Summary = await runSuite({ roundTrip: true });
    console.log(report(s, { failures: process.env.SPEC_FAILURES !== undefined }));
    const now: Baseline = {
      stats: {
        modulesParsed: s.stats.modulesParsed,
        malformedPassed: s.stats.malformedText[0] + s.stats.malformedBinary[0],
        roundTripIdentical: s.stats.roundTrip[0],
      },
      passed: Object.fromEntries(Object.entries(s.files).map(([f, r]) => [f, r.counts.passed ?? 0])),
    };
    if (process.env.UPDATE_BASELINE) {
      writeFileSync(BASELINE, JSON.stringify(now, null, 1) + '\n');
      return;
    }
    const base = JSON.parse(readFileSync(BASELINE, 'utf8')) as Baseline;
    expect(drops(base.passed, now.passed)).toEqual([]);
    expect(now.stats.modulesParsed).toBeGreaterThanOrEqual(base.stats.modulesParsed);
    expect(now.stats.malformedPassed).toBeGreaterThanOrEqual(base.stats.malformedPassed);
    expect(now.stats.roundTripIdentical).toBeGreaterThanOrEqual(base.stats.roundTripIdentical);
    expect(s.stats.roundTrip[1]).toBe(0);
    expect(s.stats.modulesParseFailed).toBe(0);
    expect(failed(s)).toBe(0);
  }, 600_000);

  it('passes at least its own baseline in the compile-to-JS tier', async () => {
    const s: Summary = await runSuite({ tier: 'js' });
    console.log(`compile-to-JS tier:\n${report(s, { failures: true }).split('\nPending')[0]!.split('\nFailures')[1] ?? ''}`
      + `\n${s.total.passed ?? 0} passed, ${failed(s)} failed (compile-to-JS tier)`);
    const now = Object.fromEntries(Object.entries(s.files).map(([f, r]) => [f, r.counts.passed ?? 0]));
    if (process.env.UPDATE_BASELINE) {
      writeFileSync(BASELINE_JS, JSON.stringify({ passed: now }, null, 1) + '\n');
      return;
    }
    const base = JSON.parse(readFileSync(BASELINE_JS, 'utf8')) as { passed: Record<string, number> };
    expect(drops(base.passed, now)).toEqual([]);
    expect(failed(s)).toBe(0);
  }, 600_000);
});
