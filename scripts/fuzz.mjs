#!/usr/bin/env node
// Long differential-execution campaigns: random valid modules run on native V8
// and on every tswasm tier, compared by test/fuzz/differential.mjs.
//
//   npm run build && node scripts/fuzz.mjs [--gen binaryen|own|both] [--set 2.0]
//       [--from N] [--count N] [--minutes M] [--tiers interp,...] [--save DIR]
//
// Generators: `binaryen` (wasm-opt -ttf, test/fuzz/binaryen.mjs) and `own`
// (test/fuzz/generator.mjs: memory.grow/size and the table.* and bulk memory
// instructions binaryen's 2.0 mode never emits). Every disagreement is printed
// with its seed and, with --save, its module is written to DIR for a
// regression test (test/fuzz/regressions/). A memory disagreement is rerun
// with binaryen's --denan: if that makes it vanish it is counted as an allowed
// NaN-payload difference, never silently. Prints one summary line at the end.
// Uses the built engine in dist/ (run `npm run build` first).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURE_SETS, generate } from '../test/fuzz/binaryen.mjs';
import { compare, describeModule, runOn } from '../test/fuzz/differential.mjs';
import { generateOwn } from '../test/fuzz/generator.mjs';
import { decode } from '../dist/src/decoder/index.js';
import { parseWat } from '../dist/src/text/index.js';
import { TIERS } from '../test/fuzz/tiers.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const gen = opt('gen', 'both');
const set = opt('set', '2.0');
const from = Number(opt('from', '1'));
const count = Number(opt('count', '1000'));
const minutes = Number(opt('minutes', 'Infinity'));
const save = opt('save', null);
if (!FEATURE_SETS[set]) throw new Error(`unknown feature set ${set} (known: ${Object.keys(FEATURE_SETS).join(', ')})`);

const { WebAssembly: tswasm } = await import('../dist/src/api/namespace.js');
const tiers = TIERS(tswasm).filter((t) => opt('tiers', null) === null || opt('tiers').split(',').includes(t.name));

const counts = { modules: 0, agree: 0, disagree: 0, nanOnly: 0, stack: 0, nativeRejects: 0 };
const started = Date.now();
const deadline = started + minutes * 60_000;

async function one(kind, seed) {
  const bytes = kind === 'binaryen' ? await generate(seed, set) : parseWat(generateOwn(seed));
  if (!WebAssembly.validate(bytes)) {
    // binaryen 132 emits the odd instruction beyond its feature flags (e.g. ref.as_non_null with only
    // reference types): not a module of this feature set, so not a test of it.
    counts.nativeRejects++;
    console.log(`${kind} seed ${seed}: skipped, native V8 rejects the generated module (outside feature set ${set})`);
    return;
  }
  const info = describeModule(decode(bytes));
  const native = runOn(WebAssembly, bytes, info, seed);
  counts.modules++;
  for (const tier of tiers) {
    const ours = runOn(tier.engine, bytes, info, seed);
    let diff = compare(native, ours);
    if (diff && diff.kind === 'memory' && kind === 'binaryen') {
      const denan = await generate(seed, set, ['--denan']);
      const dinfo = describeModule(decode(denan));
      if (!compare(runOn(WebAssembly, denan, dinfo, seed), runOn(tier.engine, denan, dinfo, seed))) {
        counts.nanOnly++;
        console.log(`${kind} seed ${seed} [${tier.name}]: NaN-payload-only memory difference (${diff.detail})`);
        continue;
      }
    }
    if (!diff) counts.agree++;
    else if (diff.kind === 'stack') {
      counts.stack++;
      console.log(`${kind} seed ${seed} [${tier.name}]: call-depth limits differ (${diff.detail})`);
    } else {
      counts.disagree++;
      console.log(`${kind} seed ${seed} [${tier.name}]: DISAGREE ${diff.kind}: ${diff.detail}`);
      if (save) {
        mkdirSync(save, { recursive: true });
        writeFileSync(join(save, `${kind}-${set}-${seed}.wasm`), bytes);
      }
    }
  }
}

for (let seed = from; seed < from + count && Date.now() < deadline; seed++) {
  if (gen === 'binaryen' || gen === 'both') await one('binaryen', seed);
  if (gen === 'own' || gen === 'both') await one('own', seed);
  if (seed % 500 === 0) console.log(`... seed ${seed}: ${JSON.stringify(counts)} after ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
const secs = ((Date.now() - started) / 1000).toFixed(1);
console.log(`fuzz ${set} gen=${gen} seeds ${from}..${from + count - 1} tiers=${tiers.map((t) => t.name).join(',')}: ` +
  `${counts.modules} modules, ${counts.agree} agreements, ${counts.disagree} disagreements, ${counts.nanOnly} NaN-payload-only, ` +
  `${counts.stack} call-depth-limit, ${counts.nativeRejects} skipped (native rejects); ${secs} s`);
process.exitCode = counts.disagree > 0 ? 1 : 0;
