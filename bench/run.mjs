// `npm run bench`: every workload under native V8 WebAssembly, tswasm and
// polywasm, in three process modes — normal Node, `node --jitless` (no
// native WebAssembly, no JIT) and eval-free
// (`--disallow-code-generation-from-strings`, where polywasm cannot load) —
// then prints times and ratios to native, and writes bench/RESULTS.md.
// Every engine's result is checked against native's: a wrong result is
// reported as WRONG, never timed as if right.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

const worker = fileURLToPath(new URL('./worker.mjs', import.meta.url));
const MODES = {
  normal: [],
  jitless: ['--jitless'],
  'eval-free': ['--disallow-code-generation-from-strings'],
};
const ENGINES = ['native', 'tswasm-js', 'tswasm-interp', 'polywasm'];
const only = process.argv.slice(2);

const runs = [];
for (const [mode, flags] of Object.entries(MODES)) {
  if (only.length && !only.includes(mode)) continue;
  for (const engine of ENGINES) {
    process.stderr.write(`bench: ${mode} / ${engine} …\n`);
    try {
      const out = execFileSync(process.execPath, ['--expose-gc', ...flags, worker, mode, engine],
        { encoding: 'utf8', maxBuffer: 1 << 24, timeout: 3_600_000 });
      runs.push(JSON.parse(out.trim().split('\n').pop()));
    } catch (e) {
      runs.push({ mode, engine, unavailable: `worker failed: ${String(e.message).split('\n')[0]}` });
    }
  }
}

// Native reference results and times by (group, name, n), from the normal mode.
const nativeRun = runs.find((r) => r.mode === 'normal' && r.engine === 'native');
const ref = new Map();
for (const r of nativeRun?.results ?? []) ref.set(`${r.group}|${r.name}|${r.n}`, r);

/** The largest size at which run `r` ran kernel `name`. */
function maxN(r, name) {
  return Math.max(...r.results.filter((x) => x.group === 'kernel' && x.name === name).map((x) => x.n));
}

const fmt = (ms) => (ms === null || ms === undefined ? '—' : ms >= 100 ? ms.toFixed(0) : ms.toFixed(2));
const lines = [];
const out = (s = '') => { lines.push(s); console.log(s); };

out(`# tswasm benchmarks`);
out();
out(`- date: ${new Date().toISOString()}`);
out(`- machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
out(`- command: \`npm run bench\` (times are tinybench means in ms; ratio = time / native V8's time at the same size)`);
out();

const geo = {};
for (const mode of Object.keys(MODES)) {
  const modeRuns = runs.filter((r) => r.mode === mode);
  if (modeRuns.length === 0) continue;
  out(`## ${mode}`);
  out();
  for (const r of modeRuns) if (r.unavailable) out(`- ${r.engine}: unavailable (${r.unavailable})`);
  const avail = modeRuns.filter((r) => !r.unavailable);
  const keys = [];
  for (const r of avail) for (const x of r.results) if (!keys.find((k) => k.group === x.group && k.name === x.name && k.n === x.n)) keys.push(x);
  out();
  out(`| workload | size | ${avail.map((r) => `${r.engine} ms | ×native`).join(' | ')} |`);
  out(`| --- | --- | ${avail.map(() => '--- | ---').join(' | ')} |`);
  for (const k of keys.filter((x) => x.group !== 'memory' && x.group !== 'validate')) {
    const nat = ref.get(`${k.group}|${k.name}|${k.n}`);
    const cells = avail.map((r) => {
      const x = r.results.find((y) => y.group === k.group && y.name === k.name && y.n === k.n);
      if (!x) return '— | —';
      if (x.error) return `error: ${x.error.slice(0, 60)} | —`;
      if (nat && x.result !== nat.result) return `WRONG (${x.result?.slice(0, 20)}) | —`;
      const ratio = nat?.ms ? x.ms / nat.ms : null;
      // The geometric mean is over each kernel at the mode's own size (native also runs the jitless sizes for reference).
      const ownSize = mode !== 'normal' || r.engine !== 'native' || x.n === maxN(r, k.name);
      if (ratio !== null && k.group === 'kernel' && ownSize) ((geo[`${mode}|${r.engine}`] ??= [])).push(ratio);
      return `${fmt(x.ms)} | ${ratio === null ? '—' : ratio.toFixed(1)}`;
    });
    out(`| ${k.group === 'kernel' ? k.name : `${k.group}: ${k.name}`} | ${k.n} | ${cells.join(' | ')} |`);
  }
  const gm = avail.map((r) => {
    const xs = geo[`${mode}|${r.engine}`] ?? [];
    return xs.length ? `${Math.exp(xs.reduce((a, b) => a + Math.log(b), 0) / xs.length).toFixed(1)}× | (${xs.length} kernels)` : '— | —';
  });
  out(`| **kernels, geometric mean** | | ${gm.join(' | ')} |`);
  out();
  const extra = avail.flatMap((r) => r.results.filter((x) => x.group === 'memory' || x.group === 'validate').map((x) => ({ ...x, engine: r.engine })));
  if (extra.length) {
    out(`| ${mode}: other measurements | engine | value |`);
    out('| --- | --- | --- |');
    for (const x of extra) {
      const v = x.error ? `error: ${x.error.slice(0, 60)}` : x.group === 'validate' ? `${fmt(x.ms)} ms, ${x.mbps.toFixed(1)} MB/s` : x.result;
      out(`| ${x.group}: ${x.name} | ${x.engine} | ${v} |`);
    }
    out();
  }
}

// The polyfill's size as an app would ship it: bundled, minified, gzipped (the guide's limit is 60 KB).
try {
  const { build } = await import('esbuild');
  const { gzipSync } = await import('node:zlib');
  const r = await build({ entryPoints: [fileURLToPath(new URL('../dist/src/polyfill.js', import.meta.url))], bundle: true,
    minify: true, write: false, format: 'esm', target: 'es2020' });
  const bytes = r.outputFiles[0].contents;
  out(`## polyfill bundle`);
  out();
  out(`- \`tswasm/polyfill\` bundled and minified (esbuild): ${(bytes.length / 1024).toFixed(1)} KB, gzipped ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KB (limit 60 KB)`);
  out();
} catch (e) {
  out(`- polyfill bundle size: not measured (${String(e.message).split('\n')[0]})`);
}

if (!only.length) writeFileSync(new URL('./RESULTS.md', import.meta.url), lines.join('\n') + '\n');
