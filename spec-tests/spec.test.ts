/**
 * The official testsuite under `npm test`: runs every file (run.mjs, in
 * worker threads) with the text round trip on, prints the report, and checks
 * the results never fall below the checked-in baseline (baseline.json):
 * per-file passed counts, modules parsed, `assert_malformed` passed, and an
 * identical round trip for every module. `UPDATE_BASELINE=1` rewrites the
 * baseline from this run (do that when more passes, never to hide a drop).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { report, runSuite, type Summary } from './run.mjs';

interface Baseline {
  stats: { modulesParsed: number; malformedPassed: number; roundTripIdentical: number };
  passed: Record<string, number>;
}

const BASELINE = new URL('./baseline.json', import.meta.url);

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
    const drops = Object.entries(base.passed)
      .filter(([f, n]) => (now.passed[f] ?? 0) < n)
      .map(([f, n]) => `${f}: ${now.passed[f] ?? 0} passed, baseline ${n}`);
    expect(drops).toEqual([]);
    expect(now.stats.modulesParsed).toBeGreaterThanOrEqual(base.stats.modulesParsed);
    expect(now.stats.malformedPassed).toBeGreaterThanOrEqual(base.stats.malformedPassed);
    expect(now.stats.roundTripIdentical).toBeGreaterThanOrEqual(base.stats.roundTripIdentical);
    expect(s.stats.roundTrip[1]).toBe(0);
    expect(s.stats.modulesParseFailed).toBe(0);
  }, 600_000);
});
