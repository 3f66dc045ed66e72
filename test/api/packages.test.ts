/**
 * Real npm packages, unchanged, through tswasm's polyfill in child processes
 * started with `node --jitless` (no native WebAssembly at all) and with
 * `--disallow-code-generation-from-strings` plus a forced install: each must
 * print exactly what it prints on native WebAssembly. Uses the built dist/
 * (npm test builds first).
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

describe.each(['hash-wasm.mjs', 'sql-js.mjs', 'wabt.mjs'])('%s', (script) => {
  const native = run(script, []);

  it('gives native results under node --jitless', () => {
    expect(run(script, ['--jitless', '--import', polyfill])).toBe(native);
  });

  it('gives native results with code generation from strings disallowed', () => {
    expect(run(script, ['--disallow-code-generation-from-strings', '--import', forced])).toBe(native);
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
