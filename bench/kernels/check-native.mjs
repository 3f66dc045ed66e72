#!/usr/bin/env node
// Runs every kernel listed in kernels.json with Node's native WebAssembly
// and verifies the recorded checksums at the small and the default n.
//
//   node bench/kernels/check-native.mjs             verify (exit 1 on mismatch)
//   node bench/kernels/check-native.mjs --update    re-measure and write the
//                                                   checksums into kernels.json
//   node bench/kernels/check-native.mjs fib sieve   only the named kernels
//
// Also checks that each module has no imports and exports `memory` and the
// kernel's function, and prints the best-of-N native time at the default n.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const manifestPath = join(here, 'kernels.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

const args = process.argv.slice(2);
const update = args.includes('--update');
const only = args.filter((a) => !a.startsWith('--'));
const TIMING_RUNS = 5;

// Normalise a raw result to the manifest's representation.
function normalise(value, resultType) {
  if (resultType === 'i64') return BigInt.asIntN(64, BigInt(value)).toString();
  if (resultType === 'i32') return Number(value) | 0;
  throw new Error(`unknown resultType ${resultType}`);
}

function instantiate(kernel) {
  const bytes = readFileSync(join(here, kernel.file));
  const module = new WebAssembly.Module(bytes);
  const imports = WebAssembly.Module.imports(module);
  if (imports.length !== 0) {
    throw new Error(`${kernel.file} has imports: ${imports.map((i) => `${i.module}.${i.name}`).join(', ')}`);
  }
  const exportNames = WebAssembly.Module.exports(module).map((e) => e.name);
  for (const name of ['memory', kernel.export]) {
    if (!exportNames.includes(name)) throw new Error(`${kernel.file} does not export ${name}`);
  }
  const instance = new WebAssembly.Instance(module, {});
  return instance.exports[kernel.export];
}

let failures = 0;
const rows = [];
for (const kernel of manifest.kernels) {
  if (only.length > 0 && !only.includes(kernel.name)) continue;
  let run;
  try {
    run = instantiate(kernel);
  } catch (err) {
    console.log(`FAIL ${kernel.name}: ${err.message}`);
    failures++;
    continue;
  }
  // Small n first on a fresh instance, then default n on the same instance
  // (kernels must not depend on state left by earlier calls).
  const small = normalise(run(kernel.smallN), kernel.resultType);
  let best = Infinity;
  let result;
  for (let i = 0; i < TIMING_RUNS; i++) {
    const t0 = performance.now();
    const raw = run(kernel.defaultN);
    const elapsed = performance.now() - t0;
    best = Math.min(best, elapsed);
    const value = normalise(raw, kernel.resultType);
    if (result !== undefined && value !== result) {
      console.log(`FAIL ${kernel.name}: run(${kernel.defaultN}) not repeatable: ${result} then ${value}`);
      failures++;
    }
    result = value;
  }
  const smallAgain = normalise(run(kernel.smallN), kernel.resultType);
  if (smallAgain !== small) {
    console.log(`FAIL ${kernel.name}: run(${kernel.smallN}) changed after other calls: ${small} then ${smallAgain}`);
    failures++;
  }

  if (update) {
    kernel.smallExpected = small;
    kernel.expected = result;
  } else {
    if (small !== kernel.smallExpected) {
      console.log(`FAIL ${kernel.name}: run(${kernel.smallN}) = ${small}, expected ${kernel.smallExpected}`);
      failures++;
    }
    if (result !== kernel.expected) {
      console.log(`FAIL ${kernel.name}: run(${kernel.defaultN}) = ${result}, expected ${kernel.expected}`);
      failures++;
    }
  }
  rows.push({ name: kernel.name, n: kernel.defaultN, result, ms: best.toFixed(2) });
}

for (const r of rows) {
  console.log(`${r.name.padEnd(14)} n=${String(r.n).padEnd(8)} ${String(r.result).padStart(21)}  ${r.ms.padStart(7)} ms`);
}

if (update) {
  writeFileSync(manifestPath, formatManifest(manifest));
  console.log(`updated ${manifestPath}`);
}

if (failures > 0) {
  console.log(`${failures} check(s) failed`);
  process.exit(1);
}
console.log(update ? 'checksums recorded' : 'all kernel checksums match');

// One kernel per line keeps the manifest readable and diffs small.
function formatManifest(m) {
  const lines = m.kernels.map((k) => `    ${JSON.stringify(k).replace(/,"/g, ', "').replace(/":/g, '": ').replace(/^\{/, '{ ').replace(/\}$/, ' }')}`);
  const head = Object.entries(m)
    .filter(([key]) => key !== 'kernels')
    .map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  return `{\n${head.join('\n')}\n  "kernels": [\n${lines.join(',\n')}\n  ]\n}\n`;
}
