// Decode + validate throughput on large real-world modules (sql.js, 688 KB;
// esbuild-wasm, 14 MB), beside Node's native `new WebAssembly.Module` (which
// decodes, validates and compiles lazily) in the same run. Three tswasm rows:
// decode only, decode with the streaming validator (bodies validated as they
// are decoded), and validateModule on an already decoded module.
// A second table gives process CPU time per run, steadier than wall-clock
// time on a loaded machine. Compare rows of the same run only.
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
const cpuRows = [];
/** Mean process CPU time (user + system) of `f`, in ms, after a warm-up. */
function cpuMs(f, runs) {
  for (let i = 0; i < Math.ceil(runs / 2); i++) f();
  const start = process.cpuUsage();
  for (let i = 0; i < runs; i++) f();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000 / runs;
}
for (const [name, path] of inputs) {
  const bytes = new Uint8Array(readFileSync(path));
  const decoded = decode(bytes);
  const bench = new Bench({ time: 3000, warmupTime: 1000 });
  const tasks = [
    ['tswasm decode', () => { decode(bytes); }],
    ['tswasm decode+validate (streaming hooks)', () => {
      const sv = createStreamingValidator();
      sv.finish(decode(bytes, sv));
    }],
    ['tswasm validateModule (decoded AST)', () => { validateModule(decoded); }],
    ['native new WebAssembly.Module', () => { new WebAssembly.Module(bytes); }],
  ];
  for (const [n, f] of tasks) bench.add(n, f);
  await bench.run();
  const runs = bytes.length > 4e6 ? 6 : 40;
  for (const [n, f] of tasks) {
    const ms = cpuMs(f, runs);
    cpuRows.push({ module: name, engine: n, 'cpu ms': ms.toFixed(2), 'MB/s (cpu)': (bytes.length / 1e6 / (ms / 1000)).toFixed(1) });
  }
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
console.table(cpuRows);
