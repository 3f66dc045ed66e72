// Decode + validate throughput on large real-world modules (sql.js, 688 KB;
// esbuild-wasm, 14 MB), beside Node's native engine in the same run. Three
// tswasm rows: decode only, decode with the streaming validator (bodies
// validated as they are decoded), and validateModule on an already decoded
// module. Two native rows: `WebAssembly.validate` (decodes and validates every
// body, on several threads) and `new WebAssembly.Module` (validates every
// body, compiles lazily). V8 caches compiled modules by their bytes, so the
// same bytes compiled twice cost nothing the second time: the Module row
// changes a counter in an appended custom section before every compile.
// A second table gives process CPU time per run, steadier than wall-clock
// time on a loaded machine. Compare rows of the same run only.
// Needs the dev dependencies sql.js and esbuild-wasm (npm install --no-save sql.js esbuild-wasm).
// Run: npm run build && node bench/validate.mjs
import { readFileSync, writeFileSync } from 'node:fs';
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
  // bytes + custom section "n" holding a 4-byte counter, rewritten before every native compile
  const fresh = new Uint8Array(bytes.length + 8);
  fresh.set(bytes);
  fresh.set([0, 6, 1, 0x6e], bytes.length);
  let counter = 0;
  const nativeCompile = () => {
    counter++;
    fresh[bytes.length + 4] = counter & 0x7f; fresh[bytes.length + 5] = (counter >> 7) & 0x7f;
    fresh[bytes.length + 6] = (counter >> 14) & 0x7f; fresh[bytes.length + 7] = (counter >> 21) & 0x7f;
    new WebAssembly.Module(fresh);
  };
  const bench = new Bench({ time: 3000, warmupTime: 1000 });
  const tasks = [
    ['tswasm decode', () => { decode(bytes); }],
    ['tswasm decode+validate (streaming hooks)', () => {
      const sv = createStreamingValidator();
      sv.finish(decode(bytes, sv));
    }],
    ['tswasm validateModule (decoded AST)', () => { validateModule(decoded); }],
    ['native WebAssembly.validate', () => { if (!WebAssembly.validate(bytes)) throw new Error('invalid'); }],
    ['native new WebAssembly.Module (fresh bytes)', nativeCompile],
  ];
  for (const [n, f] of tasks) bench.add(n, f);
  await bench.run();
  const runs = bytes.length > 4e6 ? 6 : 40;
  for (const [n, f] of tasks) {
    const ms = cpuMs(f, runs);
    cpuRows.push({ module: name, engine: n, 'cpu ms': ms.toFixed(2), 'MB/s (cpu)': (bytes.length / 1e6 / (ms / 1000)).toFixed(1) });
  }
  const native = bench.tasks[3].result.latency.mean; // WebAssembly.validate
  for (const t of bench.tasks) {
    const ms = t.result.latency.mean;
    rows.push({
      module: name, size: `${(bytes.length / 1e6).toFixed(2)} MB`, engine: t.name, ms: ms.toFixed(2),
      'MB/s': (bytes.length / 1e6 / (ms / 1000)).toFixed(1), 'x native validate': (ms / native).toFixed(2),
    });
  }
}
console.table(rows);
console.table(cpuRows);

// bench/VALIDATE.md: the same tables, with the machine's state, when the whole run was asked for.
const md = (list) => {
  const keys = Object.keys(list[0]);
  return [`| ${keys.join(' | ')} |`, `|${keys.map(() => '---').join('|')}|`, ...list.map((r) => `| ${keys.map((k) => r[k]).join(' | ')} |`)].join('\n');
};
const { loadavg, cpus } = await import('node:os');
writeFileSync(new URL('./VALIDATE.md', import.meta.url), [
  '# Decode + validate throughput',
  '',
  `Written by \`node bench/validate.mjs\` (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(2)} at the end).`,
  'Compare rows of one run only: timings on these machines swing by ±20% between runs.',
  '"x native validate" is the time over native `WebAssembly.validate` of the same module in the same run;',
  'native validation runs on several threads (its CPU time is about twice its wall time), tswasm on one.',
  '',
  '## Wall-clock time (tinybench mean)',
  '',
  md(rows),
  '',
  '## Process CPU time per run',
  '',
  md(cpuRows),
  '',
].join('\n'));
