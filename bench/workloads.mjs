// The benchmark workloads, run inside one worker process for one engine
// (bench/worker.mjs). Each returns { result } (a checksum or output string
// compared against native's) and is timed by tinybench.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const here = new URL('./', import.meta.url);
export const kernels = JSON.parse(readFileSync(new URL('kernels/kernels.json', here), 'utf8')).kernels;

/** Problem sizes under --jitless, where everything is interpreted: about a tenth of the default work. */
export const JITLESS_N = {
  fib: 25, sieve: 200000, matmul: 120, mandelbrot: 120, nbody: 20000, hash64: 10, quicksort: 20000,
  memops: 30000, memops_nobulk: 30000, dispatch: 500,
};

export function kernelBytes(k) {
  return readFileSync(new URL(`kernels/${k.file}`, here));
}

/** Instantiates kernel `k` with namespace `W`; returns its `run` export. */
export async function loadKernel(W, k) {
  const { instance } = await W.instantiate(kernelBytes(k), {});
  return instance.exports[k.export];
}

/** The growth workloads' module (bench/growth/growth.c, wasi-libc reactor, no imports). */
export function growthBytes() {
  return readFileSync(new URL('growth/growth.wasm', here));
}

/** MiB malloc'd in 4 KiB pieces by the allocation workload: 64, and 8 under --jitless (native runs both). */
export const ALLOC_MIB = 64;
export const JITLESS_ALLOC_MIB = 8;
/** Pages the page-by-page growth workload grows memory to: 1 GiB. */
export const GROW_PAGES = 16384;

/** A fresh instance of the growth module (each run must grow memory from its initial size). */
export async function growthInstance(W, mod) {
  const instance = await W.instantiate(mod, {});
  instance.exports._initialize();
  return instance.exports;
}

/** A deterministic 1 MiB input. */
export function mebibyte() {
  const b = new Uint8Array(1 << 20);
  let x = 12345;
  for (let i = 0; i < b.length; i++) { x = (x * 1103515245 + 12345) >>> 0; b[i] = x >>> 24; }
  return b;
}

/** sql.js: a few thousand inserts in a transaction, then selects with aggregates. */
export function sqlWorkload(SQL, rows) {
  const db = new SQL.Database();
  db.run('CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT, v INTEGER)');
  db.run('BEGIN');
  const ins = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
  for (let i = 0; i < rows; i++) ins.run([`key${i % 37}`, (i * 7919) % 1000]);
  ins.free();
  db.run('COMMIT');
  const out = [];
  for (let j = 0; j < 20; j++) {
    const r = db.exec(`SELECT k, count(*), sum(v) FROM t WHERE v > ${j * 40} GROUP BY k ORDER BY k LIMIT 3`);
    out.push(JSON.stringify(r[0].values));
  }
  db.close();
  return out.join('|').length + ':' + out[19];
}

export function sqlWasmPath() {
  return require.resolve('sql.js/dist/sql-wasm.wasm');
}
