// Host-side fixture handling for the WASI test programs, shared by
// run-native.mjs (which records expected outputs under node:wasi) and any
// engine test that wants to reproduce the exact same environment.
//
//   const manifest = loadManifest();
//   const fx = prepareCase(manifest, testCase);
//   // fx.root     host directory to preopen as manifest.preopen
//   // fx.outside  sibling directory the guest must never reach
//   // fx.stdinPath file holding the case's stdin ('' if none)
//   // fx.stdoutPath / fx.stderrPath empty files for capturing output
//   ...run the program...
//   const problems = fx.checkOutside();   // [] when outside/ is untouched
//   fx.cleanup();
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const programsDir = dirname(fileURLToPath(import.meta.url));
export const expectedDir = join(programsDir, 'expected');

export function loadManifest() {
  return JSON.parse(readFileSync(join(programsDir, 'programs.json'), 'utf8'));
}

export function loadExpected(name) {
  const results = JSON.parse(readFileSync(join(expectedDir, 'results.json'), 'utf8'));
  return { stdout: readFileSync(join(expectedDir, `${name}.txt`), 'utf8'), ...results[name] };
}

export function prepareCase(manifest, testCase) {
  const top = mkdtempSync(join(tmpdir(), `tswasm-wasi-${testCase.name}-`));
  const root = join(top, 'sandbox');
  const outside = join(top, 'outside');
  mkdirSync(root);
  mkdirSync(outside);
  for (const [file, content] of Object.entries(manifest.outside ?? {})) {
    writeFileSync(join(outside, file), content);
  }
  const expand = (s) => s.replaceAll('${OUTSIDE}', outside);
  for (const entry of testCase.setup ?? []) {
    if (entry.dir !== undefined) {
      mkdirSync(join(root, entry.dir), { recursive: true });
    } else if (entry.file !== undefined) {
      writeFileSync(join(root, entry.file), entry.content.repeat(entry.repeat ?? 1));
    } else if (entry.symlink !== undefined) {
      symlinkSync(expand(entry.target), join(root, entry.symlink));
    } else {
      throw new Error(`bad setup entry in ${testCase.name}: ${JSON.stringify(entry)}`);
    }
  }
  const stdinPath = join(top, 'stdin');
  const stdoutPath = join(top, 'stdout');
  const stderrPath = join(top, 'stderr');
  writeFileSync(stdinPath, testCase.stdin ?? '');
  writeFileSync(stdoutPath, '');
  writeFileSync(stderrPath, '');

  return {
    top,
    root,
    outside,
    stdinPath,
    stdoutPath,
    stderrPath,
    args: [testCase.program.replace(/\.wasm$/, ''), ...(testCase.args ?? [])],
    env: testCase.env ?? {},
    // Everything under outside/ must be exactly as created, and nothing may
    // have appeared next to the preopened directory.
    checkOutside() {
      const problems = [];
      const want = Object.keys(manifest.outside ?? {}).sort();
      const have = readdirSync(outside).sort();
      if (JSON.stringify(want) !== JSON.stringify(have)) {
        problems.push(`outside/ now holds [${have.join(', ')}], expected [${want.join(', ')}]`);
      }
      for (const [file, content] of Object.entries(manifest.outside ?? {})) {
        let now;
        try {
          now = readFileSync(join(outside, file), 'utf8');
        } catch (err) {
          now = `<${err.code}>`;
        }
        if (now !== content) problems.push(`outside/${file} was modified`);
      }
      const siblings = readdirSync(top).sort();
      const allowed = ['outside', 'sandbox', 'stderr', 'stdin', 'stdout'];
      for (const s of siblings) if (!allowed.includes(s)) problems.push(`unexpected ${s} created next to the preopen`);
      return problems;
    },
    cleanup() {
      rmSync(top, { recursive: true, force: true });
    },
  };
}
