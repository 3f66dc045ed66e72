#!/usr/bin/env node
// Runs every WASI test program case from programs.json under Node's own
// node:wasi (preview1) with a fresh temp directory preopened, and prints
// each case's exit code and stdout.
//
//   node test/wasi-programs/run-native.mjs            run and compare with expected/
//   node test/wasi-programs/run-native.mjs --write    record expected/<case>.txt
//                                                     and expected/results.json
//   node test/wasi-programs/run-native.mjs NAME...    only the named cases
//   add --quiet to print only the per-case verdicts
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectedDir, loadManifest, prepareCase, programsDir } from './fixtures.mjs';

// node:wasi prints an ExperimentalWarning when loaded; keep other warnings.
process.removeAllListeners('warning');
process.on('warning', (w) => {
  if (w.name !== 'ExperimentalWarning') console.error(w);
});
const { WASI } = await import('node:wasi');

const argv = process.argv.slice(2);
const write = argv.includes('--write');
const quiet = argv.includes('--quiet');
const only = argv.filter((a) => !a.startsWith('--'));
const manifest = loadManifest();

async function runCase(testCase) {
  const fx = prepareCase(manifest, testCase);
  const stdin = openSync(fx.stdinPath, 'r');
  const stdout = openSync(fx.stdoutPath, 'w');
  const stderr = openSync(fx.stderrPath, 'w');
  let exitCode;
  let error;
  try {
    const wasi = new WASI({
      version: 'preview1',
      args: fx.args,
      env: fx.env,
      preopens: { [manifest.preopen]: fx.root },
      stdin,
      stdout,
      stderr,
      returnOnExit: true,
    });
    const module = await WebAssembly.compile(readFileSync(join(programsDir, testCase.program)));
    const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
    exitCode = wasi.start(instance);
  } catch (err) {
    error = err;
  } finally {
    closeSync(stdin);
    closeSync(stdout);
    closeSync(stderr);
  }
  const result = {
    exitCode: exitCode ?? null,
    stdout: readFileSync(fx.stdoutPath, 'utf8'),
    stderr: readFileSync(fx.stderrPath, 'utf8'),
    error: error ? String(error) : undefined,
    sandboxProblems: fx.checkOutside(),
  };
  fx.cleanup();
  return result;
}

let failures = 0;
const recorded = {};
for (const testCase of manifest.cases) {
  if (only.length > 0 && !only.includes(testCase.name)) continue;
  const r = await runCase(testCase);
  const notes = [];
  const dev = testCase.nodeDeviation;
  if (dev) {
    // Known node:wasi behaviour that a correct engine must not copy: the
    // expected output is Node's with the listed lines replaced.
    let replaced = 0;
    r.stdout = r.stdout
      .split('\n')
      .map((line) => {
        if (Object.hasOwn(dev.replaceLines ?? {}, line)) {
          replaced++;
          return dev.replaceLines[line];
        }
        return line;
      })
      .join('\n');
    if (dev.exitCode !== undefined && dev.exitCode !== r.exitCode) {
      notes.push(`node:wasi exited ${r.exitCode}; expected exit code is ${dev.exitCode}`);
      r.exitCode = dev.exitCode;
    }
    notes.push(`node:wasi deviation: ${replaced} line(s) replaced (see nodeDeviation in programs.json)`);
    if (dev.outsideModified) {
      for (const p of r.sandboxProblems) notes.push(`node:wasi deviation: ${p}`);
      r.sandboxProblems = [];
    }
  }
  const problems = [...r.sandboxProblems];
  if (r.error) problems.push(`error: ${r.error}`);

  if (!write) {
    let expected;
    try {
      const results = JSON.parse(readFileSync(join(expectedDir, 'results.json'), 'utf8'));
      expected = { ...results[testCase.name], stdout: readFileSync(join(expectedDir, `${testCase.name}.txt`), 'utf8') };
    } catch {
      problems.push('no expected output recorded (run with --write)');
    }
    if (expected) {
      if (expected.exitCode !== r.exitCode) problems.push(`exit code ${r.exitCode}, expected ${expected.exitCode}`);
      if (expected.stdout !== r.stdout) problems.push('stdout differs from expected');
      if ((expected.stderr ?? '') !== r.stderr) problems.push('stderr differs from expected');
    }
  }
  recorded[testCase.name] = { program: testCase.program, exitCode: r.exitCode, stderr: r.stderr };
  if (dev) recorded[testCase.name].adjustedFromNode = true;
  if (write) writeFileSync(join(expectedDir, `${testCase.name}.txt`), r.stdout);

  const verdict = problems.length ? 'FAIL' : write ? 'recorded' : 'ok';
  console.log(`== ${testCase.name}: exit ${r.exitCode} [${verdict}]`);
  if (!quiet) {
    process.stdout.write(r.stdout);
    if (r.stdout && !r.stdout.endsWith('\n')) process.stdout.write('\n');
    for (const line of r.stderr.split('\n').filter(Boolean)) console.log(`stderr| ${line}`);
  }
  for (const n of notes) console.log(`note: ${n}`);
  for (const p of problems) console.log(`!! ${p}`);
  if (problems.length) failures++;
}

if (write) {
  mkdirSync(expectedDir, { recursive: true });
  const path = join(expectedDir, 'results.json');
  let previous = {};
  try {
    previous = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    // first recording
  }
  const merged = { ...previous, ...recorded };
  const ordered = {};
  for (const c of manifest.cases) if (merged[c.name]) ordered[c.name] = merged[c.name];
  writeFileSync(path, `${JSON.stringify(ordered, null, 2)}\n`);
}

if (failures) {
  console.log(`${failures} case(s) failed`);
  process.exit(1);
}
console.log(write ? 'expected outputs recorded' : 'all cases match expected outputs');
