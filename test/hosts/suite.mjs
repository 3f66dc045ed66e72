/**
 * The portability suite: a representative part of tswasm's tests written for
 * any JavaScript host, so that one bundle of it (build.mjs) runs unchanged on
 * Node, Bun, Deno, Chromium, QuickJS in a bare context and Hermes. It imports
 * the *built* library (dist/, what `npm run build` made of whatever main has)
 * and uses nothing of the host but ECMAScript itself, a `print` function and
 * a clock handed in by the caller.
 *
 * What it checks, each as one `ok`/`not ok` line:
 * - the text format: a WAT module parses to bytes that validate;
 * - execution: recursive fib through the polyfilled `WebAssembly` namespace
 *   (fib(25) is also timed, best of three, for the README's host table);
 * - exact numerics and traps: whole files of the official testsuite (i64,
 *   f32, f32 bit operations, conversions, traps, memory traps, int_exprs) run
 *   by the spec runner itself (dist/spec-tests/run-file.js), each required to
 *   pass every command and at least its count in spec-tests/baseline.json;
 * - the JS API: a trap surfaces as `WebAssembly.RuntimeError` with the
 *   interpreter's message, and CompileError/instanceof work;
 * - a real npm package through the polyfill: hash-wasm's sha256 and blake3,
 *   compared with digests Node's own crypto computed when the bundle was
 *   built.
 *
 * Deliberately not here: starting hosts or reading files (run.mjs and the
 * host adapters do that); the spec texts and expected digests come in
 * through the virtual module `host-suite:data` that build.mjs provides.
 */
import { WebAssembly as TsWebAssembly, installWebAssembly, parseWat, validate } from '../../dist/src/index.js';
import { decode } from '../../dist/src/decoder/index.js';
import { validateModule } from '../../dist/src/validator/index.js';
import * as interp from '../../dist/src/interp/index.js';
import { unsupportedFeature } from '../../dist/src/interp/support.js';
import { runFile } from '../../dist/spec-tests/run-file.js';
import { sha256, blake3 } from 'hash-wasm';
import { wasts, baseline, digests, bigInputSize } from 'host-suite:data';

/** The input hash-wasm digests: the same bytes build.mjs gave Node's crypto. */
export function bigInput(n) {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + 7) & 0xff;
  return b;
}

/** How many times fib(25) is timed (the best run is reported). */
const FIB_RUNS = 3;

const FIB_WAT = `(module
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func (export "mul64") (param i64 i64) (result i64) (i64.mul (local.get 0) (local.get 1)))
  (func (export "f32bits") (param i32) (result i32) (i32.reinterpret_f32 (f32.neg (f32.reinterpret_i32 (local.get 0))))))`;

/** The spec runner's view of the engine, built from the dist modules directly (spec-tests/engine.ts reads process.env). */
function engine() {
  const usedOps = new WeakMap();
  return {
    decode: (b, f) => decode(b, { features: f }),
    validate: (m, f) => { const info = validateModule(m, f); if (info.usedOps) usedOps.set(m, info.usedOps); },
    validateCustom: null,
    interp: {
      instantiate: (m, imports) => interp.instantiate(m, imports),
      invoke: (f, args) => interp.invoke(f, args),
      readGlobal: (g) => interp.readGlobal(g),
      isFunc: (v) => v instanceof interp.FuncInst,
      isGlobal: (v) => v instanceof interp.GlobalInst,
      spectest: () => interp.spectest(),
      unsupported: (m) => unsupportedFeature(m, usedOps.get(m) ?? new Uint8Array(0)),
    },
    missing: {},
  };
}

function hex(n) {
  return (n >>> 0).toString(16);
}

/**
 * Runs every check. `host.print(line)` writes a line, `host.now()` gives
 * milliseconds. Resolves to `{ passed, failed, fibMs, native }`; the last
 * line printed is `host-suite: N passed, M failed, fib(25) T ms`.
 */
export async function runHostSuite(host) {
  const native = typeof globalThis.WebAssembly === 'object' && globalThis.WebAssembly !== TsWebAssembly;
  installWebAssembly({ force: true });
  let passed = 0;
  let failed = 0;
  const check = (name, ok, detail) => {
    if (ok) passed++; else failed++;
    host.print(`${ok ? 'ok' : 'not ok'} - ${name}${ok || detail === undefined ? '' : `: ${detail}`}`);
  };
  async function attempt(name, fn) {
    try {
      await fn();
    } catch (e) {
      check(name, false, `threw ${e && e.name}: ${e && e.message}`);
    }
  };

  let fibMs = -1;
  await attempt('text format and execution', async function () {
    const bytes = parseWat(FIB_WAT);
    check('WAT parses to a valid module', validate(bytes) && bytes[0] === 0 && bytes[1] === 0x61);
    check('the polyfill is installed', globalThis.WebAssembly === TsWebAssembly, `native WebAssembly ${native ? 'present' : 'absent'}`);
    const { instance } = await WebAssembly.instantiate(bytes);
    const x = instance.exports;
    check('fib(20) = 6765', x.fib(20) === 6765, String(x.fib(20)));
    // The best of three runs: the matrix shares its machine, and one run is noisy.
    let f25 = 0;
    for (let k = 0; k < FIB_RUNS; k++) {
      const t0 = host.now();
      f25 = x.fib(25);
      const ms = host.now() - t0;
      fibMs = fibMs < 0 ? ms : Math.min(fibMs, ms);
    }
    check('fib(25) = 75025', f25 === 75025, String(f25));
    check('i64.mul wraps (2^62+1)·4 = 4', x.mul64(0x4000000000000001n, 4n) === 4n);
    check('i64.mul of negatives', x.mul64(-3n, 0x7fffffffffffffffn) === -0x7ffffffffffffffdn);
    check('f32.neg flips only the sign of a NaN payload', hex(x.f32bits(0x7fa00001)) === 'ffa00001', hex(x.f32bits(0x7fa00001)));
    let trap = null;
    try { x.div(1, 0); } catch (e) { trap = e; }
    check('i32.div_s by zero traps as RuntimeError', trap instanceof WebAssembly.RuntimeError && trap.message === 'integer divide by zero',
      trap && `${trap.name}: ${trap.message}`);
    let overflow = null;
    try { x.div(-0x80000000, -1); } catch (e) { overflow = e; }
    check('i32.div_s overflow traps', overflow instanceof WebAssembly.RuntimeError && overflow.message === 'integer overflow',
      overflow && overflow.message);
    let bad = null;
    try { new WebAssembly.Module(new Uint8Array([0, 0x61, 0x73, 0x6d, 2, 0, 0, 0])); } catch (e) { bad = e; }
    check('a bad version is a CompileError', bad instanceof WebAssembly.CompileError && bad instanceof Error, bad && bad.message);
  });

  const eng = engine();
  for (const file of Object.keys(wasts)) {
    await attempt(file, () => {
      const r = runFile(file, wasts[file], eng, { roundTrip: false, skipLines: new Map() });
      const c = r.counts;
      const want = baseline[file] ?? 0;
      check(`${file}: ${c.passed} commands passed`,
        r.error === null && c.failed === 0 && c['wrong-message'] === 0 && c.pending === 0 && c.passed >= want && c.passed > 0,
        `${c.failed} failed, ${c['wrong-message']} wrong message, ${c.pending} pending, baseline ${want}; ${r.error ?? r.failures.slice(0, 3).join(' | ')}`);
    });
  }

  await attempt('hash-wasm through the polyfill', async function () {
    const abc = new Uint8Array([0x61, 0x62, 0x63]);
    const big = bigInput(bigInputSize);
    const got = { sha256_abc: await sha256(abc), sha256_big: await sha256(big), blake3_abc: await blake3(abc), blake3_big: await blake3(big) };
    for (const k of Object.keys(digests)) check(`hash-wasm ${k}`, got[k] === digests[k], `${got[k]} != ${digests[k]}`);
  });

  host.print(`host-suite: ${passed} passed, ${failed} failed, fib(25) ${Math.round(fibMs)} ms`);
  return { passed, failed, fibMs, native };
}
