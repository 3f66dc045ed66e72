// Exception handling and tail calls, tswasm beside native V8 in one run: a loop
// that throws and catches an exception in the same function, one that throws
// it from a callee two frames down (unwinding through a cleanup handler), a
// loop of calls inside a try that never throws (what handlers cost when
// nothing is thrown: nothing is executed for them), and a chain of tail calls.
// Node 20's V8 runs only the legacy exception form, so the native rows use
// `try`/`catch`/`catch_all`/`rethrow`; tswasm runs the same module (both forms
// share one mechanism in tswasm), and the try_table form too. Every result is
// checked against native's. Run: npm run build && node bench/exceptions.mjs
// (writes bench/EXCEPTIONS.md). Times are tinybench means; compare rows of the
// same run only.
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { Bench } from 'tinybench';
import { WebAssembly as T, parseWat } from '../dist/src/index.js';

const N = 10_000;
const legacy = parseWat(`(module
  (tag $e (param i32))
  (func $leaf (param i32) (throw $e (local.get 0)))
  (func $mid (param i32) (try (do (call $leaf (local.get 0))) (catch_all (rethrow 0))))
  (func (export "local") (param i32) (result i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s)
        (try (result i32) (do (throw $e (local.get 0))) (catch $e))))
      (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
    (local.get $s))
  (func (export "deep") (param i32) (result i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s)
        (try (result i32) (do (call $mid (local.get 0)) (i32.const 0)) (catch $e))))
      (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
    (local.get $s))
  (func $add (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "no_throw") (param i32) (result i32) (local $s i32)
    (try (do (loop $l
      (local.set $s (call $add (local.get $s) (local.get 0)))
      (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1))))))
      (catch_all))
    (local.get $s))
  (func (export "plain_calls") (param i32) (result i32) (local $s i32)
    (loop $l
      (local.set $s (call $add (local.get $s) (local.get 0)))
      (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
    (local.get $s)))`);
const tryTable = parseWat(`(module
  (tag $e (param i32))
  (func (export "local") (param i32) (result i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s)
        (block $h (result i32) (try_table (catch $e $h) (throw $e (local.get 0))) (unreachable))))
      (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
    (local.get $s)))`);
// Tail calls: native V8 in Node 20 needs --experimental-wasm-return-call, so only tswasm runs them here.
const tail = parseWat(`(module
  (func $count (export "count") (param i32 i32) (result i32)
    (if (result i32) (local.get 0) (then (return_call $count (i32.sub (local.get 0) (i32.const 1))
      (i32.add (local.get 1) (i32.const 1)))) (else (local.get 1)))))`);

const native = new WebAssembly.Instance(new WebAssembly.Module(legacy)).exports;
const ts = new T.Instance(new T.Module(legacy)).exports;
const tsTable = new T.Instance(new T.Module(tryTable)).exports;
const tsTail = new T.Instance(new T.Module(tail)).exports;

const cases = [
  ['throw and catch in one function', 'local', [[native.local, 'native V8 (legacy try/catch)'], [ts.local, 'tswasm (legacy try/catch)'], [tsTable.local, 'tswasm (try_table)']]],
  ['throw two calls down, through a catch_all + rethrow', 'deep', [[native.deep, 'native V8'], [ts.deep, 'tswasm']]],
  ['calls inside a try that never throws', 'no_throw', [[native.no_throw, 'native V8'], [ts.no_throw, 'tswasm']]],
  ['the same calls without a try', 'plain_calls', [[native.plain_calls, 'native V8'], [ts.plain_calls, 'tswasm']]],
];

const lines = [];
const out = (s = '') => { lines.push(s); console.log(s); };
out('# Exceptions and tail calls: tswasm beside native V8');
out();
out(`- date: ${new Date().toISOString()}`);
out(`- machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
out(`- command: \`node bench/exceptions.mjs\`; each row runs ${N.toLocaleString('en')} iterations; ratio = time / native V8's`);
out();
out('| workload | engine | ms per run | ns per iteration | ratio |');
out('| --- | --- | --- | --- | --- |');
for (const [title, , engines] of cases) {
  const expected = engines[0][0](N);
  const bench = new Bench({ time: 1500, warmupTime: 500 });
  for (const [f, name] of engines) {
    if (f(N) !== expected) throw new Error(`${title}: ${name} gave ${f(N)}, native ${expected}`);
    bench.add(name, () => f(N));
  }
  await bench.run();
  const base = bench.tasks[0].result.latency.mean;
  for (const t of bench.tasks) {
    const ms = t.result.latency.mean;
    out(`| ${title} | ${t.name} | ${ms.toFixed(3)} | ${(ms * 1e6 / N).toFixed(0)} | ${(ms / base).toFixed(1)}× |`);
  }
}
{
  const bench = new Bench({ time: 1500, warmupTime: 500 });
  bench.add('tswasm', () => tsTail.count(N * 100, 0));
  await bench.run();
  const ms = bench.tasks[0].result.latency.mean;
  out(`| ${(N * 100).toLocaleString('en')} tail calls (return_call) | tswasm | ${ms.toFixed(3)} | ${(ms * 1e6 / N / 100).toFixed(0)} | — |`);
}
writeFileSync(new URL('./EXCEPTIONS.md', import.meta.url), `${lines.join('\n')}\n`);
