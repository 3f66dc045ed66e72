// Decode throughput (bytes → module AST, function bodies scanned) on large
// real-world modules, beside Node's native `new WebAssembly.Module` (which
// decodes, validates and compiles lazily) in the same run.
// Run: npm run build && node bench/decode.mjs
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Bench } from 'tinybench';
import { decode } from '../dist/src/decoder/index.js';

const require = createRequire(import.meta.url);
const inputs = [
  ['sql.js (sql-wasm.wasm)', require.resolve('sql.js/dist/sql-wasm.wasm')],
  ['esbuild-wasm (esbuild.wasm)', require.resolve('esbuild-wasm/esbuild.wasm')],
];

const rows = [];
for (const [name, path] of inputs) {
  const bytes = new Uint8Array(readFileSync(path));
  const bench = new Bench({ time: 2000, warmupTime: 500 });
  bench.add('tswasm decode', () => { decode(bytes); });
  bench.add('native new WebAssembly.Module', () => { new WebAssembly.Module(bytes); });
  await bench.run();
  for (const t of bench.tasks) {
    const ms = t.result.latency.mean;
    rows.push({ module: name, size: `${(bytes.length / 1e6).toFixed(2)} MB`, engine: t.name, 'ms': ms.toFixed(2), 'MB/s': (bytes.length / 1e6 / (ms / 1000)).toFixed(1) });
  }
}
console.table(rows);
