#!/usr/bin/env node
/**
 * The spec testsuite runner: runs every `.wast` file of the official
 * testsuite (at $SPEC_TESTSUITE, else ../shared/spec-testsuite beside the
 * repository) in a pool of worker threads, one file per task, and prints
 * per-file and per-feature tables, the list of pending work, and a last line
 * `N passed, M failed`. Writes a machine-readable summary as JSON.
 *
 *   node spec-tests/run.mjs [--round-trip] [--tier interp|js] [--filter text] [--jobs n] [--json file] [--failures]
 *
 * `--tier js` runs every function in the compile-to-JS tier (src/jstier)
 * instead of the interpreter (functions it does not compile stay interpreted).
 *
 * `npm test` runs it through spec-tests/spec.test.ts, which also compares
 * the counts with the checked-in baseline (baseline.json). Skips with their
 * reasons live in skips.json. The TypeScript sources are transpiled first
 * (transpile.mjs) so the workers run plain JavaScript.
 *
 * Deliberately not here: what a command means (run-file.ts) or how values
 * compare (values.ts).
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transpileAll } from './transpile.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
/** Seconds a single file may take before its worker is stopped and the file counted as failed. */
const FILE_TIMEOUT_S = 180;

/** The testsuite folder. */
export function suiteDir() {
  const env = process.env.SPEC_TESTSUITE;
  const dir = env ? resolve(env) : resolve(root, '../shared/spec-testsuite');
  if (!existsSync(dir)) throw new Error(`spec testsuite not found at ${dir}; set SPEC_TESTSUITE`);
  return dir;
}

function walk(dir) {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.wast') ? [p] : [];
  });
}

/** skips.json: `{ files: { path: reason }, commands: { "path:line": reason } }`. */
export function loadSkips() {
  return JSON.parse(readFileSync(join(here, 'skips.json'), 'utf8'));
}

/**
 * Runs the suite. Options: roundTrip (bool), tier ('interp' or 'js'), filter
 * (substring of paths), jobs (worker count). Returns the summary object (also what --json writes).
 */
export async function runSuite({ roundTrip = false, tier = 'interp', filter = '', jobs = availableParallelism() } = {}) {
  const outDir = transpileAll();
  const dir = suiteDir();
  const skips = loadSkips();
  const files = walk(dir).map((p) => ({ path: p, rel: relative(dir, p).split('\\').join('/') }))
    .filter((f) => f.rel.includes(filter));
  const results = [];
  const skippedFiles = [];
  const queue = [];
  for (const f of files) {
    if (skips.files[f.rel] !== undefined) skippedFiles.push({ file: f.rel, reason: skips.files[f.rel] });
    else queue.push(f);
  }
  // Largest files first, so the pool ends evenly.
  queue.sort((a, b) => statSync(b.path).size - statSync(a.path).size);
  let missing = {};
  const started = Date.now();
  await new Promise((done) => {
    let active = 0;
    const spawn = () => {
      if (queue.length === 0) {
        if (active === 0) done();
        return;
      }
      active++;
      const w = new Worker(join(here, 'worker.mjs'), { workerData: { outDir, tier } });
      let current = null;
      let timer = null;
      const next = () => {
        current = queue.shift() ?? null;
        if (current === null) {
          w.terminate();
          active--;
          if (active === 0) done();
          return;
        }
        const skipLines = Object.entries(skips.commands)
          .filter(([k]) => k.startsWith(current.rel + ':'))
          .map(([k, v]) => [Number(k.slice(current.rel.length + 1)), v]);
        timer = setTimeout(() => {
          results.push(failedFile(current.rel, `timed out after ${FILE_TIMEOUT_S} s`));
          current = null;
          w.terminate();
          active--;
          spawn();
        }, FILE_TIMEOUT_S * 1000);
        w.postMessage({ path: current.path, rel: current.rel, roundTrip, skipLines });
      };
      w.on('message', (m) => {
        if (m.ready) { next(); return; }
        clearTimeout(timer);
        results.push(m.result);
        missing = m.missing;
        next();
      });
      w.on('error', (e) => {
        clearTimeout(timer);
        if (current !== null) results.push(failedFile(current.rel, `worker crashed: ${e.message}`));
        active--;
        spawn();
      });
    };
    for (let i = 0; i < Math.max(1, Math.min(jobs, queue.length)); i++) spawn();
    if (queue.length === 0) done();
  });
  results.sort((a, b) => a.file.localeCompare(b.file));
  return summarize(results, skippedFiles, missing, Date.now() - started, roundTrip);
}

function failedFile(file, error) {
  const zero = { passed: 0, failed: 1, 'wrong-message': 0, pending: 0, skipped: 0 };
  return {
    file, feature: file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : 'core', counts: zero, byType: {},
    failures: [error], pending: {},
    stats: { modulesParsed: 0, modulesParseFailed: 0, malformedText: [0, 0], malformedBinary: [0, 0], roundTrip: [0, 0] },
    roundTripFailures: [],
    error,
  };
}

const OUTCOMES = ['passed', 'failed', 'wrong-message', 'pending', 'skipped'];

function add(a, b) {
  for (const k of OUTCOMES) a[k] = (a[k] ?? 0) + (b[k] ?? 0);
  return a;
}

function summarize(results, skippedFiles, missing, ms, roundTrip) {
  const total = {};
  const byFeature = {};
  const byType = {};
  const pending = {};
  const stats = { modulesParsed: 0, modulesParseFailed: 0, malformedText: [0, 0], malformedBinary: [0, 0], roundTrip: [0, 0] };
  for (const r of results) {
    add(total, r.counts);
    add((byFeature[r.feature] ??= {}), r.counts);
    for (const [t, c] of Object.entries(r.byType)) add((byType[t] ??= {}), c);
    for (const [reason, n] of Object.entries(r.pending)) pending[reason] = (pending[reason] ?? 0) + n;
    stats.modulesParsed += r.stats.modulesParsed;
    stats.modulesParseFailed += r.stats.modulesParseFailed;
    for (const k of ['malformedText', 'malformedBinary', 'roundTrip']) {
      stats[k][0] += r.stats[k][0];
      stats[k][1] += r.stats[k][1];
    }
  }
  return {
    total, byFeature, byType, pending, missingStages: missing, stats, roundTripChecked: roundTrip, skippedFiles, ms,
    files: Object.fromEntries(results.map((r) => [r.file, { counts: r.counts, failures: r.failures, error: r.error, stats: r.stats, roundTripFailures: r.roundTripFailures, ms: r.ms ?? null }])),
  };
}

function table(title, rows) {
  const head = ['', 'passed', 'failed', 'wrong msg', 'pending', 'skipped'];
  const body = rows.map(([name, c]) => [name, ...OUTCOMES.map((k) => String(c[k] ?? 0))]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [`\n${title}`, line(head), ...body.map(line)].join('\n');
}

/** The human-readable report of a summary (the last line is `N passed, M failed`). */
export function report(s, { failures = false } = {}) {
  const out = [];
  out.push(table('Per file', Object.entries(s.files).map(([f, r]) => [f, r.counts])));
  out.push(table('Per feature', Object.entries(s.byFeature)));
  out.push(table('Per command', Object.entries(s.byType)));
  if (failures) {
    out.push('\nFailures');
    for (const [f, r] of Object.entries(s.files)) for (const x of r.failures) out.push(`  ${f}:${x}`);
    if (s.roundTripChecked) {
      out.push('\nRound-trip differences (first few per file)');
      for (const [f, r] of Object.entries(s.files)) for (const x of r.roundTripFailures) out.push(`  ${f}:${x}`);
    }
  }
  out.push('\nPending (needs a stage that has not landed):');
  for (const [reason, n] of Object.entries(s.pending)) out.push(`  ${reason}: ${n} commands${s.missingStages[reason] ? ` (${s.missingStages[reason]})` : ''}`);
  for (const f of s.skippedFiles) out.push(`  skipped file ${f.file}: ${f.reason}`);
  const st = s.stats;
  out.push(`\nText format: ${st.modulesParsed} modules parsed (${st.modulesParseFailed} failed to parse); `
    + `assert_malformed text ${st.malformedText[0]} passed / ${st.malformedText[1]} failed, `
    + `binary ${st.malformedBinary[0]} passed / ${st.malformedBinary[1]} failed`
    + (s.roundTripChecked ? `; round trip ${st.roundTrip[0]} identical / ${st.roundTrip[1]} differing` : ''));
  out.push(`${(s.ms / 1000).toFixed(1)} s`);
  out.push(`${s.total.passed ?? 0} passed, ${(s.total.failed ?? 0) + (s.total['wrong-message'] ?? 0)} failed`);
  return out.join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const s = await runSuite({
    roundTrip: args.includes('--round-trip'),
    tier: opt('--tier') ?? 'interp',
    filter: opt('--filter') ?? '',
    jobs: Number(opt('--jobs') ?? availableParallelism()),
  });
  const json = opt('--json') ?? join(root, 'node_modules', '.cache', 'tswasm-spec', 'summary.json');
  mkdirSync(dirname(json), { recursive: true });
  writeFileSync(json, JSON.stringify(s, null, 1));
  console.log(report(s, { failures: args.includes('--failures') }));
  process.exitCode = (s.total.failed ?? 0) > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
