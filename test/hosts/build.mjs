/**
 * Builds the portability suite's bundles from the built library (dist/, so
 * `npm run build` first): one ES2020 script for every host
 * (`suite.js`), and the same lowered by scripts/lower.mjs for Hermes 0.12
 * (`suite.lowered.js`), in node_modules/.cache/tswasm-hosts/. The spec files
 * the suite runs are read from the testsuite ($SPEC_TESTSUITE, else
 * ../shared/spec-testsuite) into the bundle, with their baseline counts and
 * hash-wasm's expected digests computed here by Node's crypto: the
 * virtual module `host-suite:data` of suite.mjs.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { blake3 } from 'hash-wasm';
import { lower } from '../../scripts/lower.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
export const outDir = join(root, 'node_modules/.cache/tswasm-hosts');

/** The testsuite files every host runs: exact i64 and f32 arithmetic, NaN bits, conversions, traps. */
export const SPEC_FILES = [
  'i64.wast', 'f32.wast', 'f32_bitwise.wast', 'conversions.wast', 'traps.wast', 'memory_trap.wast', 'int_exprs.wast', 'fac.wast',
];
const BIG_INPUT = 100_000;

function suiteDir() {
  const dir = process.env.SPEC_TESTSUITE ? resolve(process.env.SPEC_TESTSUITE) : resolve(root, '../shared/spec-testsuite');
  if (!existsSync(dir)) throw new Error(`spec testsuite not found at ${dir}; set SPEC_TESTSUITE`);
  return dir;
}

async function data() {
  const dir = suiteDir();
  const wasts = Object.fromEntries(SPEC_FILES.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  const base = JSON.parse(readFileSync(join(root, 'spec-tests/baseline.json'), 'utf8')).passed;
  const baseline = Object.fromEntries(SPEC_FILES.map((f) => [f, base[f] ?? 0]));
  const big = new Uint8Array(BIG_INPUT).map((_, i) => (i * 31 + 7) & 0xff);
  const abc = Buffer.from('abc');
  const sha = (b) => createHash('sha256').update(b).digest('hex');
  // Node's crypto has no BLAKE3: those digests are hash-wasm's own on Node's native WebAssembly.
  if (typeof WebAssembly !== 'object') throw new Error('build.mjs needs native WebAssembly (run it without --jitless)');
  const digests = { sha256_abc: sha(abc), sha256_big: sha(big), blake3_abc: await blake3(abc), blake3_big: await blake3(big) };
  return { wasts, baseline, bigInputSize: BIG_INPUT, digests };
}

/** Builds both bundles; returns their paths. */
export async function buildHostBundles() {
  if (!existsSync(join(root, 'dist/src/index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  mkdirSync(outDir, { recursive: true });
  const d = await data();
  const plugin = {
    name: 'host-suite-data',
    setup(b) {
      b.onResolve({ filter: /^host-suite:data$/ }, () => ({ path: 'data', namespace: 'host-suite' }));
      b.onLoad({ filter: /.*/, namespace: 'host-suite' }, () => ({
        contents: Object.entries(d).map(([k, v]) => `export const ${k} = ${JSON.stringify(v)};`).join('\n'), loader: 'js',
      }));
    },
  };
  const r = await build({
    entryPoints: [join(here, 'main.mjs')], bundle: true, write: false, format: 'iife', target: 'es2020',
    platform: 'neutral', mainFields: ['module', 'main'], plugins: [plugin], legalComments: 'none', logLevel: 'silent',
  });
  const plain = join(outDir, 'suite.js');
  const lowered = join(outDir, 'suite.lowered.js');
  writeFileSync(plain, r.outputFiles[0].text);
  writeFileSync(lowered, await lower(r.outputFiles[0].text));
  return { plain, lowered };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await buildHostBundles());
