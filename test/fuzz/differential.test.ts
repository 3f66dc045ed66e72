/**
 * Differential execution against native V8, a fixed fast set of seeds (the
 * long campaigns are `node scripts/fuzz.mjs`): modules from binaryen's
 * translate-to-fuzz and from our own generator (memory.grow/size, table.* and
 * bulk memory) run natively and on every tswasm tier of test/fuzz/tiers.mjs,
 * and must agree on results, traps, imported-function call logs, memories,
 * globals and tables. Memory differences that binaryen's --denan removes are
 * allowed NaN payloads and are printed, never silently passed. Also every
 * module saved under test/fuzz/regressions/ (disagreements found by
 * campaigns, kept once fixed).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WebAssembly as tswasm } from '../../src/api/namespace.js';
import { decode } from '../../src/decoder/index.js';
import { parseWat } from '../../src/text/index.js';
// @ts-expect-error: plain ES modules without types
import { FEATURE_SETS, generate } from './binaryen.mjs';
// @ts-expect-error: plain ES modules without types
import { compare, describeModule, runOn } from './differential.mjs';
// @ts-expect-error: plain ES modules without types
import { generateOwn } from './generator.mjs';
// @ts-expect-error: plain ES modules without types
import { TIERS } from './tiers.mjs';

type Trace = unknown;
const tiers = TIERS(tswasm) as { name: string; engine: unknown }[];
const BINARYEN_SEEDS = 40;
const OWN_SEEDS = 150;

/** Runs `bytes` natively and on every tier; returns the disagreements. */
function check(bytes: Uint8Array, seed: number): { tier: string; kind: string; detail: string }[] {
  const info = describeModule(decode(bytes));
  const native: Trace = runOn(WebAssembly, bytes, info, seed);
  const out = [];
  for (const tier of tiers) {
    const diff = compare(native, runOn(tier.engine, bytes, info, seed)) as { kind: string; detail: string } | null;
    if (diff) out.push({ tier: tier.name, ...diff });
  }
  return out;
}

describe('differential execution against native V8', () => {
  it(`agrees on ${OWN_SEEDS} modules of our generator (memory.grow/size, table.*, bulk memory)`, () => {
    const problems: string[] = [];
    for (let seed = 1; seed <= OWN_SEEDS; seed++) {
      const bytes = parseWat(generateOwn(seed));
      for (const d of check(bytes, seed)) problems.push(`own seed ${seed} [${d.tier}] ${d.kind}: ${d.detail}`);
    }
    expect(problems).toEqual([]);
  });

  for (const set of Object.keys(FEATURE_SETS)) {
    it(`agrees on ${BINARYEN_SEEDS} binaryen translate-to-fuzz modules (${set})`, async () => {
      const problems: string[] = [];
      const skipped: number[] = [];
      for (let seed = 1; seed <= BINARYEN_SEEDS; seed++) {
        const bytes = (await generate(seed, set)) as Uint8Array;
        if (!WebAssembly.validate(bytes as Uint8Array<ArrayBuffer>)) {
          skipped.push(seed);
          continue;
        }
        for (const d of check(bytes, seed)) {
          if (d.kind === 'memory' && check((await generate(seed, set, ['--denan'])) as Uint8Array, seed).length === 0) {
            console.log(`binaryen seed ${seed} [${d.tier}]: NaN-payload-only memory difference (allowed): ${d.detail}`);
            continue;
          }
          problems.push(`binaryen seed ${seed} [${d.tier}] ${d.kind}: ${d.detail}`);
        }
      }
      // Printed, not hidden: seeds whose module uses an instruction outside the set (native V8 rejects it).
      if (skipped.length > 0) console.log(`binaryen ${set}: skipped seeds native V8 rejects: ${skipped.join(', ')}`);
      expect(skipped.length).toBeLessThan(BINARYEN_SEEDS / 4);
      expect(problems).toEqual([]);
    }, 120_000);
  }

  const regressions = join(import.meta.dirname, 'regressions');
  const saved = readdirSync(regressions).filter((f) => f.endsWith('.wasm') || f.endsWith('.wat'));
  for (const file of saved) {
    it(`regression ${file}`, () => {
      const text = readFileSync(join(regressions, file));
      const bytes = file.endsWith('.wat') ? parseWat(text.toString('utf8')) : new Uint8Array(text);
      expect(check(bytes, 1)).toEqual([]);
    });
  }
});
