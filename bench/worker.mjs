// One benchmark worker: runs every workload on one engine in one process
// mode, and prints a JSON line of results. Started by bench/run.mjs as
//   node [mode flags] bench/worker.mjs <mode> <engine>
// engine: native | tswasm-js | tswasm-interp | polywasm (tswasm-js: the
// compile-to-JS tier, tswasm-interp: the interpreter, forced with setTier).
// The engine's namespace is installed as
// globalThis.WebAssembly before npm packages load, so they use it unchanged.
import { Bench } from 'tinybench';
import { readFileSync } from 'node:fs';
import {
  ALLOC_MIB, GROW_PAGES, JITLESS_ALLOC_MIB, JITLESS_N, growthBytes, growthInstance, kernels, kernelBytes, loadKernel, mebibyte,
  sqlWorkload, sqlWasmPath,
} from './workloads.mjs';

const [mode, engine] = process.argv.slice(2);
const jitless = mode === 'jitless';

async function namespace() {
  if (engine === 'native') {
    if (!globalThis.WebAssembly) throw new Error('no native WebAssembly in this mode');
    return globalThis.WebAssembly;
  }
  if (engine === 'tswasm-js' || engine === 'tswasm-interp') {
    const t = await import('../dist/src/index.js');
    t.setTier(engine === 'tswasm-js' ? 'js' : 'interp');
    return t.WebAssembly;
  }
  const W = (await import('polywasm')).WebAssembly;
  // polywasm compiles with `new Function`: probe it so an eval-free mode reports "unavailable".
  new Function('return 1');
  return W;
}

const results = [];
function record(group, name, n, task, result, extra = {}) {
  const ms = task?.result?.latency?.mean ?? null;
  results.push({ group, name, n, ms, result: result === undefined ? null : String(result), ...extra });
}

async function time(fn, { iterations = 3, timeMs = 1500, warmup = 1 } = {}) {
  const bench = new Bench({ time: timeMs, iterations, warmupIterations: warmup, warmupTime: 0, warmup: warmup > 0 });
  let last;
  bench.add('x', async () => { last = await fn(); });
  await bench.run();
  const task = bench.tasks[0];
  if (task.result?.error) throw task.result.error;
  return { task, last };
}

let W;
try {
  W = await namespace();
} catch (e) {
  console.log(JSON.stringify({ mode, engine, unavailable: String(e.message ?? e) }));
  process.exit(0);
}
Object.defineProperty(globalThis, 'WebAssembly', { value: W, writable: true, configurable: true });

// Cold start: bytes → first result.
try {
  const fib = kernels.find((k) => k.name === 'fib');
  const bytes = kernelBytes(fib);
  const { task, last } = await time(async () => {
    const { instance } = await W.instantiate(bytes, {});
    return instance.exports.run(10);
  }, { iterations: 5, timeMs: 500 });
  record('cold start', 'small module (fib.wasm) → run(10)', 1, task, last);
  const sqlBytes = readFileSync(sqlWasmPath());
  // sql.js initializes once per process, so its cold start is one sample, taken before any other sql.js use.
  const t0 = performance.now();
  const initSqlJs = (await import('sql.js')).default;
  const SQL = await initSqlJs({ wasmBinary: sqlBytes });
  const db = new SQL.Database();
  const r = db.exec('SELECT 1 + 1')[0].values[0][0];
  db.close();
  record('cold start', 'sql.js (688 KB) → SELECT 1 + 1 (one sample)', 1, { result: { latency: { mean: performance.now() - t0 } } }, r);
} catch (e) {
  record('cold start', 'cold start', 1, null, undefined, { error: String(e.message ?? e).slice(0, 200) });
}

// Kernels written here (C compiled with clang).
for (const k of kernels) {
  const ns = jitless ? [JITLESS_N[k.name]] : mode === 'normal' && engine === 'native' ? [k.defaultN, JITLESS_N[k.name]] : [k.defaultN];
  for (const n of ns) {
    try {
      const run = await loadKernel(W, k);
      const { task, last } = await time(() => run(n), { iterations: jitless ? 2 : 3 });
      record('kernel', k.name, n, task, last);
    } catch (e) {
      record('kernel', k.name, n, null, undefined, { error: String(e.message ?? e).slice(0, 200) });
    }
  }
}

// Memory growth (bench/growth/growth.c): a fresh instance per run, so every run grows memory from its initial size.
try {
  const mod = await W.compile(growthBytes());
  const sizes = jitless ? [JITLESS_ALLOC_MIB] : mode === 'normal' && engine === 'native' ? [ALLOC_MIB, JITLESS_ALLOC_MIB] : [ALLOC_MIB];
  for (const mib of sizes) {
    const { task, last } = await time(async () => (await growthInstance(W, mod)).alloc(mib), { iterations: 2, timeMs: 0 });
    record('growth', `malloc ${mib} MiB in 4 KiB pieces`, mib, task, last);
  }
  // One sample, no warm-up: native V8 on Node 20 takes about 30 s for this.
  const { task, last } = await time(async () => (await growthInstance(W, mod)).grow(GROW_PAGES), { iterations: 1, timeMs: 0, warmup: 0 });
  record('growth', 'memory.grow to 1 GiB one page at a time (one sample)', GROW_PAGES, task, last);
} catch (e) {
  record('growth', 'growth', 1, null, undefined, { error: String(e.message ?? e).slice(0, 200) });
}

// hash-wasm: sha256 over 1 MiB (module compiled once, as an app would).
try {
  const { createSHA256 } = await import('hash-wasm');
  const data = mebibyte();
  const reps = jitless ? 1 : 1;
  const h = await createSHA256();
  const { task, last } = await time(() => { h.init(); for (let i = 0; i < reps; i++) h.update(data); return h.digest(); }, { iterations: 2 });
  record('package', 'hash-wasm sha256 1 MiB', 1, task, last);
} catch (e) {
  record('package', 'hash-wasm sha256 1 MiB', 1, null, undefined, { error: String(e.message ?? e).slice(0, 200) });
}

// sql.js: inserts and aggregate selects.
const sqlRows = jitless ? 300 : 3000;
try {
  const initSqlJs = (await import('sql.js')).default;
  const SQL = await initSqlJs();
  const { task, last } = await time(() => sqlWorkload(SQL, sqlRows), { iterations: 2 });
  record('package', `sql.js ${sqlRows} inserts + 20 selects`, sqlRows, task, last);
} catch (e) {
  record('package', `sql.js ${sqlRows} inserts + 20 selects`, sqlRows, null, undefined, { error: String(e.message ?? e).slice(0, 200) });
}

// Decode + validate throughput (compile without running).
for (const [name, path] of [['sql.js', sqlWasmPath()]]) {
  try {
    const bytes = readFileSync(path);
    const { task } = await time(() => W.validate(bytes), { iterations: 3, timeMs: 1000 });
    record('validate', `${name} (${(bytes.length / 1e6).toFixed(2)} MB)`, 1, task, true, { mbps: bytes.length / 1e6 / (task.result.latency.mean / 1000) });
  } catch (e) {
    record('validate', name, 1, null, undefined, { error: String(e.message ?? e).slice(0, 200) });
  }
}

// Memory: heap per instance of a small module, and translated code size (tswasm only).
try {
  const k = kernels.find((x) => x.name === 'quicksort');
  const mod = await W.compile(kernelBytes(k));
  // Enough instances that their memory dominates the heap's noise; gc twice so finalizers settle.
  const COUNT = 200;
  globalThis.gc?.();
  globalThis.gc?.();
  const before = process.memoryUsage();
  const keep = [];
  for (let i = 0; i < COUNT; i++) keep.push(await W.instantiate(mod, {}));
  globalThis.gc?.();
  globalThis.gc?.();
  const after = process.memoryUsage();
  const perInstanceKB = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / COUNT / 1024;
  record('memory', 'JS heap + ArrayBuffers per quicksort instance (KB; its memory is 128 KB, which native V8 keeps outside both)', 1, null, perInstanceKB.toFixed(0), { value: perInstanceKB });
  if (engine === 'tswasm-interp') {
    const { decode } = await import('../dist/src/decoder/index.js');
    const { instantiate, invoke } = await import('../dist/src/interp/index.js');
    let wasmBytes = 0, codeBytes = 0;
    for (const kk of kernels) {
      const inst = instantiate(decode(kernelBytes(kk)), {});
      invoke(inst.exports[kk.export], [kk.smallN]);
      for (const f of inst.funcs) {
        if (f.compiled) { wasmBytes += f.def.body.length; codeBytes += f.compiled.code.length * 4; }
      }
    }
    record('memory', 'translated code / wasm body bytes (all kernels, functions that ran)', 1, null, (codeBytes / wasmBytes).toFixed(2), { value: codeBytes / wasmBytes });
  }
  void keep;
  if (engine === 'tswasm-js') {
    // Everything this process compiled to JS (every workload above): translation time and source size.
    const { stats } = await import('../dist/src/jstier/index.js');
    record('memory', `compile-to-JS: ${stats.functions} functions translated (${stats.refused} left to the interpreter), ms per wasm KB`, 1, null,
      (stats.ms / (stats.wasmBytes / 1024)).toFixed(2), { value: stats.ms });
    record('memory', 'compile-to-JS: generated JS source bytes / wasm body bytes', 1, null,
      (stats.sourceBytes / stats.wasmBytes).toFixed(2), { value: stats.sourceBytes / stats.wasmBytes });
  }
} catch (e) {
  record('memory', 'memory', 1, null, undefined, { error: String(e.message ?? e).slice(0, 200) });
}

console.log(JSON.stringify({ mode, engine, results }));
