// Decode + validate throughput on large real-world modules (sql.js, 688 KB;
// esbuild-wasm, 14 MB), beside Node's native `new WebAssembly.Module` (which
// decodes, validates and compiles lazily) in the same run. Three tswasm rows:
// decode only, decode with the streaming validator (bodies validated as they
// are decoded), and validateModule on an already decoded module.
// Needs the dev dependencies sql.js and esbuild-wasm (npm install --no-save sql.js esbuild-wasm).
// Run: npm run build && node bench/validate.mjs
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Bench } from 'tinybench';
import { decode } from '../dist/src/decoder/index.js';
import { createStreamingValidator, validateModule } from '../dist/src/validator/index.js';

const require = createRequire(import.meta.url);
const inputs = [
  ['sql.js (sql-wasm.wasm)', require.resolve('sql.js/dist/sql-wasm.wasm')],
  ['esbuild-wasm (esbuild.wasm)', require.resolve('esbuild-wasm/esbuild.wasm')],
];

const rows = [];
for (const [name, path] of inputs) {
  const bytes = new Uint8Array(readFileSync(path));
  const decoded = decode(bytes);
  const bench = new Bench({ time: 3000, warmupTime: 1000 });
  bench.add('tswasm decode', () => { decode(bytes); });
  bench.add('tswasm decode+validate (streaming hooks)', () => {
    const sv = createStreamingValidator();
    sv.finish(decode(bytes, sv));
  });
  bench.add('tswasm validateModule (decoded AST)', () => { validateModule(decoded); });
  bench.add('native new WebAssembly.Module', () => { new WebAssembly.Module(bytes); });
  await bench.run();
  const native = bench.tasks[3].result.latency.mean;
  for (const t of bench.tasks) {
    const ms = t.result.latency.mean;
    rows.push({
      module: name, size: `${(bytes.length / 1e6).toFixed(2)} MB`, engine: t.name, ms: ms.toFixed(2),
      'MB/s': (bytes.length / 1e6 / (ms / 1000)).toFixed(1), 'x native': (ms / native).toFixed(2),
    });
  }
}
console.table(rows);
