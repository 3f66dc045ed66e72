/**
 * Real npm packages (see PACKAGES), unchanged, through tswasm's polyfill in child processes
 * started with `node --jitless` (no native WebAssembly at all; the default tier there is the
 * compile-to-JS tier), with `--disallow-code-generation-from-strings` plus a forced install
 * (the default tier falls back to the interpreter), and with the JIT plus a forced install
 * (compile-to-JS tier): each must print exactly what it prints on native WebAssembly. So both
 * tiers run every package. Uses the built dist/ (npm test builds first).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const polyfill = fileURLToPath(new URL('../../dist/src/polyfill.js', import.meta.url));
const forced = fileURLToPath(new URL('./packages/force-install.mjs', import.meta.url));

function run(script: string, flags: string[]): string {
  const path = fileURLToPath(new URL(`./packages/${script}`, import.meta.url));
  return execFileSync(process.execPath, [...flags, path], { cwd: root, encoding: 'utf8', timeout: 300_000 }).trim();
}

// Emscripten (sql.js, wabt, yoga-layout, vscode-oniguruma; occt-import-js with wasm exceptions), Rust/wasm-bindgen (brotli-wasm,
// resvg, lightningcss, rollup's parser, tiktoken), hand-written and C (hash-wasm, xxhash-wasm, zstd).
const PACKAGES = [
  'hash-wasm.mjs', 'sql-js.mjs', 'wabt.mjs', 'oniguruma.mjs', 'yoga.mjs', 'xxhash.mjs', 'zstd.mjs', 'brotli.cjs',
  'resvg.mjs', 'lightningcss.mjs', 'rollup.mjs',
];
/** Run with the JIT only: under --jitless they take too long for every test run (tiktoken: about a minute). */
const JIT_ONLY = ['tiktoken.mjs'];
/**
 * Run under --jitless only: their JS glue itself needs code generation from strings (embind's
 * `new Function`), so the disallowed run cannot start. occt-import-js: wasm exceptions (legacy form).
 */
const GLUE_NEEDS_EVAL = ['occt.mjs'];

describe.each([...PACKAGES, ...JIT_ONLY, ...GLUE_NEEDS_EVAL])('%s', (script) => {
  const native = run(script, []);

  if (!JIT_ONLY.includes(script)) {
    it('gives native results under node --jitless', () => {
      expect(run(script, ['--jitless', '--import', polyfill])).toBe(native);
    });
  }

  if (!GLUE_NEEDS_EVAL.includes(script)) {
    it('gives native results with code generation from strings disallowed (interpreter)', () => {
      expect(run(script, ['--disallow-code-generation-from-strings', '--import', forced])).toBe(native);
    });
  }

  it('gives native results in the compile-to-JS tier with the JIT', () => {
    expect(run(script, ['--import', forced])).toBe(native);
  });
});

describe('the polyfill', () => {
  it('is absent under --jitless without it, and installed with it', () => {
    const probe = fileURLToPath(new URL('./packages/probe.mjs', import.meta.url));
    expect(execFileSync(process.execPath, ['--jitless', probe], { encoding: 'utf8' }).trim()).toBe('undefined');
    expect(execFileSync(process.execPath, ['--jitless', '--import', polyfill, probe], { encoding: 'utf8' }).trim()).toBe('object tswasm');
    // Where native WebAssembly exists the polyfill leaves it alone.
    expect(execFileSync(process.execPath, ['--import', polyfill, probe], { encoding: 'utf8' }).trim()).toBe('object native');
  });
});
