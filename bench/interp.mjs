#!/usr/bin/env node
// The interpreter's benchmark: every kernel of bench/kernels at its default n,
// under Node's native WebAssembly and under tswasm's interpreter (src/interp),
// timed with tinybench; prints mean ms per run and the ratio to native, and
// the geometric mean of the ratios. Every run's result is checked against the
// checksum in kernels.json: a wrong result is reported as WRONG and not timed.
//
//   npm run build && node bench/interp.mjs [kernel ...]   (TIME_MS=... sets tinybench's time budget per task)
//
// It runs the build output (dist/), not a per-file transpilation: the
// executor's `switch` needs tsc's inlining of the `const enum R` from
// src/interp/isa-ids.ts to get literal case labels (a jump table). Per-file
// transpilers (TypeScript's transpileModule, esbuild/oxc transforms as in
// vitest) leave `R.x` property reads, which is correct but several times slower.
import { existsSync, readFileSync } from 'node:fs';
import { Bench } from 'tinybench';

const dist = new URL('../dist/src/', import.meta.url);
if (!existsSync(new URL('interp/index.js', dist))) {
  console.error('dist/ not found: run `npm run build` first');
  process.exit(1);
}
const { decode } = await import(new URL('decoder/index.js', dist).href);
const { instantiate, invoke } = await import(new URL('interp/index.js', dist).href);

const dir = new URL('./kernels/', import.meta.url);
const { kernels } = JSON.parse(readFileSync(new URL('kernels.json', dir), 'utf8'));
const only = process.argv.slice(2);
const TIME_MS = Number(process.env.TIME_MS ?? 2000);

const rows = [];
for (const k of kernels) {
  if (only.length && !only.includes(k.name)) continue;
  const bytes = readFileSync(new URL(k.file, dir));
  const expected = String(k.expected);
  const native = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports[k.export];
  const inst = instantiate(decode(bytes), {});
  const ours = inst.exports[k.export];
  const runNative = () => String(native(k.defaultN));
  const runOurs = () => String(invoke(ours, [k.defaultN])[0]);
  const row = { kernel: k.name, n: k.defaultN };
  for (const [engine, run] of [['native', runNative], ['tswasm', runOurs]]) {
    const got = run(); // also warms up
    if (got !== expected) {
      row[engine] = `WRONG (${got}, expected ${expected})`;
      continue;
    }
    const bench = new Bench({ time: TIME_MS, iterations: 3, warmupIterations: 1 });
    bench.add(engine, () => {
      if (run() !== expected) throw new Error(`${engine} ${k.name}: wrong result`);
    });
    await bench.run();
    const r = bench.tasks[0].result;
    if (r.state === 'completed') {
      row[engine] = r.latency.mean;
      row[`${engine}Min`] = r.latency.min;
    } else row[engine] = `error: ${r.error}`;
  }
  rows.push(row);
  const ok = typeof row.native === 'number' && typeof row.tswasm === 'number';
  row.ratio = ok ? row.tswasm / row.native : NaN;
  row.ratioMin = ok ? row.tswasmMin / row.nativeMin : NaN;
  const fmt = (v) => (typeof v === 'number' ? v.toFixed(1).padStart(9) : String(v));
  const x = (v) => (Number.isNaN(v) ? '    -' : `${v.toFixed(1).padStart(5)}×`);
  console.log(`${k.name.padEnd(14)} n=${String(k.defaultN).padEnd(8)} native ${fmt(row.native)} ms (min ${fmt(row.nativeMin)})  `
    + `tswasm ${fmt(row.tswasm)} ms (min ${fmt(row.tswasmMin)})  ratio ${x(row.ratio)} (of minima ${x(row.ratioMin)})`);
}
const geo = (xs) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
const ratios = rows.map((r) => r.ratio).filter((x) => !Number.isNaN(x));
const ratiosMin = rows.map((r) => r.ratioMin).filter((x) => !Number.isNaN(x));
if (ratios.length) {
  console.log(`geometric mean of ratios over ${ratios.length} kernels: ${geo(ratios).toFixed(1)}× (of minima `
    + `${geo(ratiosMin).toFixed(1)}×); worst ${Math.max(...ratios).toFixed(1)}× (of minima ${Math.max(...ratiosMin).toFixed(1)}×)`);
}
