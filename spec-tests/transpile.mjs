/**
 * Makes sure the runner's JavaScript is built and current: the spec runner
 * (spec-tests/*.ts) and the sources it imports are compiled by `tsc -p
 * tsconfig.node.json` into dist/ (as `npm run build` does), so the executor's
 * `const enum` cases are inlined exactly as in the published package — a
 * per-file transpiler would leave property reads in the hot `switch`.
 * Rebuilds only when a source is newer than the output.
 *
 * Deliberately not here: type checking (`npm run typecheck` does that).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the built tree is. */
export const outDir = join(root, 'dist');

function newest(dir) {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : p.endsWith('.ts') ? s.mtimeMs : 0);
  }
  return t;
}

/** Builds dist/ if any source is newer than the runner's output; returns dist/. */
export function transpileAll() {
  const marker = join(outDir, 'spec-tests', 'run-file.js');
  const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  if (built < Math.max(newest(join(root, 'src')), newest(join(root, 'spec-tests')))) {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.node.json')], { stdio: 'inherit' });
  }
  return outDir;
}
