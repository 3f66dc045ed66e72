#!/usr/bin/env node
/**
 * The portability matrix (`npm run test:hosts`, called by .ci/run): builds
 * the portability suite (build.mjs) from dist/ and runs it on every host
 * below, one after another, each started as its own process. A host passes
 * when its last line reports every check passed and it ran as many checks as
 * Node did. A host that is not installed fails — nothing is skipped.
 * Prints a table (host, version, checks, fib(25) time), writes it as
 * Markdown to node_modules/.cache/tswasm-hosts/HOSTS.md, and ends with
 * `hosts: N passed, M failed`.
 *
 *   node test/hosts/run.mjs [--only NAME]
 *
 * Chromium (with `--js-flags=--jitless`, under a strict CSP page) is a host
 * too: chromium.mjs drives it with playwright-core.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHostBundles, outDir } from './build.mjs';
import { CHROMIUM } from '../browser/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const bin = (p) => join(root, 'node_modules', p);
const HOST_TIMEOUT_MS = 600_000;

const BUN = bin('.bin/bun');
const DENO = bin('.bin/deno');
const HERMES = bin('hermes-engine-cli/linux64-bin/hermes');
const node = process.execPath;

/** Every host: how to start it on a bundle, and how to ask its version. */
const HOSTS = [
  { name: 'Node (JIT)', exe: node, args: (b) => [b.plain], version: () => process.version },
  { name: 'Node --jitless', exe: node, args: (b) => ['--jitless', b.plain], version: () => process.version },
  { name: 'Node, eval disallowed', exe: node, args: (b) => ['--disallow-code-generation-from-strings', b.plain], version: () => process.version },
  { name: 'Bun (JSC)', exe: BUN, args: (b) => [b.plain], version: () => `Bun ${run(BUN, ['--version']).stdout.trim()}` },
  { name: 'Bun, BUN_JSC_useJIT=0', exe: BUN, args: (b) => [b.plain], env: { BUN_JSC_useJIT: '0' }, version: () => `Bun ${run(BUN, ['--version']).stdout.trim()}` },
  { name: 'Deno', exe: DENO, args: (b) => ['run', '--no-prompt', b.plain], version: denoVersion },
  { name: 'Deno --v8-flags=--jitless', exe: DENO, args: (b) => ['run', '--no-prompt', '--v8-flags=--jitless', b.plain], version: denoVersion },
  { name: 'QuickJS, bare context', exe: node, args: (b) => [join(here, 'quickjs.mjs'), b.plain], needs: bin('quickjs-emscripten/package.json'), version: () => quickjsVersion() },
  { name: 'Hermes 0.12 (lowered build)', exe: HERMES, args: (b) => ['-w', b.lowered], version: () => hermesVersion() },
  { name: 'Chromium, strict CSP', exe: node, args: (b) => [join(here, 'chromium.mjs'), '--jit', '--suite', b.plain], needs: CHROMIUM, version: chromiumVersion,
    probe: /^csp-probe: eval refused, native WebAssembly refused/ },
  { name: 'Chromium --js-flags=--jitless, strict CSP', exe: node, args: (b) => [join(here, 'chromium.mjs'), '--suite', b.plain], needs: CHROMIUM, version: chromiumVersion,
    probe: /^csp-probe: eval refused, native WebAssembly absent/ },
];

function chromiumVersion() {
  return run(CHROMIUM, ['--version']).stdout.trim().replace(/ built on.*/, '');
}

function run(exe, args, env = {}) {
  return spawnSync(exe, args, { encoding: 'utf8', env: { ...process.env, ...env }, timeout: HOST_TIMEOUT_MS, maxBuffer: 64 << 20 });
}

function denoVersion() {
  return run(DENO, ['--version']).stdout.split('\n')[0].replace(/^deno (\S+).*/, 'Deno $1');
}

function hermesVersion() {
  const m = /Hermes release version: (\S+)/.exec(run(HERMES, ['--version']).stdout);
  return m ? `Hermes ${m[1]}` : 'Hermes (version unknown)';
}

function quickjsVersion() {
  return `quickjs-emscripten ${JSON.parse(run(node, ['-p', `JSON.stringify(require('${bin('quickjs-emscripten/package.json')}'))`]).stdout).version}`;
}

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const bundles = await buildHostBundles();
const rows = [];
let expected = null;
for (const h of HOSTS) {
  if (only && !h.name.toLowerCase().includes(only.toLowerCase())) continue;
  const row = { host: h.name, version: '', checks: '', fib: '', ok: false, detail: '' };
  rows.push(row);
  const missing = [h.exe, h.needs].filter((p) => p && !existsSync(p));
  if (missing.length > 0) {
    row.detail = `not installed: ${missing.join(', ')} (npm ci / .ci/run installs it)`;
    console.log(`FAIL ${h.name}: ${row.detail}`);
    continue;
  }
  row.version = h.version();
  const t0 = Date.now();
  const r = run(h.exe, h.args(bundles), h.env);
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  const lines = `${r.stdout ?? ''}`.split('\n').filter((l) => l !== '');
  const last = [...lines].reverse().find((l) => l.startsWith('host-suite:')) ?? '';
  const m = /^host-suite: (\d+) passed, (\d+) failed, fib\(25\) (-?\d+) ms$/.exec(last);
  const bad = lines.filter((l) => l.startsWith('not ok'));
  if (m) {
    const passed = Number(m[1]);
    expected ??= passed;
    row.checks = `${passed}/${passed + Number(m[2])}`;
    row.fib = m[3];
    row.ok = Number(m[2]) === 0 && passed === expected && r.status === 0;
    if (passed !== expected) bad.push(`ran ${passed} checks, Node ran ${expected}`);
  }
  if (h.probe && !lines.some((l) => h.probe.test(l))) {
    row.ok = false;
    bad.push(`the page is not locked down as claimed: ${lines.find((l) => l.startsWith('csp-probe:')) ?? 'no csp-probe line'}`);
  }
  if (!row.ok) {
    row.detail = [...bad, ...(m ? [] : [`no result line (exit ${r.status}${r.signal ? `, ${r.signal}` : ''}${r.error ? `, ${r.error.message}` : ''})`]),
      ...`${r.stderr ?? ''}`.split('\n').filter((l) => l.trim() !== '').slice(-5)].join('\n    ');
  }
  console.log(`${row.ok ? 'ok  ' : 'FAIL'} ${h.name} (${row.version}): ${row.checks || '-'} checks, fib(25) ${row.fib || '-'} ms, ${secs} s${row.detail ? `\n    ${row.detail}` : ''}`);
}

const table = ['| host | version | checks | fib(25) through tswasm |', '| --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.host} | ${r.version} | ${r.ok ? r.checks : `FAILED ${r.checks}`} | ${r.fib ? `${r.fib} ms` : '-'} |`)].join('\n');
writeFileSync(join(outDir, 'HOSTS.md'), `${table}\n`);
console.log(`\n${table}\n\n(written to ${join(outDir, 'HOSTS.md')})`);
const failed = rows.filter((r) => !r.ok).length;
console.log(`hosts: ${rows.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
