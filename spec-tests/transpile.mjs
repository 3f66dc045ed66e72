/**
 * Turns the TypeScript sources the spec runner needs (src/ and spec-tests/)
 * into plain ES modules under node_modules/.cache/tswasm-spec, one file per
 * source, with TypeScript's own `transpileModule` (no type check, no
 * bundling), so the runner's worker threads can load them with plain Node.
 * Files are rewritten only when their source changed.
 *
 * Deliberately not here: type checking (`npm run typecheck` does that).
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the transpiled tree goes. */
export const outDir = join(root, 'node_modules', '.cache', 'tswasm-spec');

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

/** Transpiles src/ and spec-tests/; returns the output directory. */
export function transpileAll() {
  const files = [...walk(join(root, 'src')), ...walk(join(root, 'spec-tests'))];
  for (const f of files) {
    const rel = relative(root, f);
    const out = join(outDir, rel.replace(/\.ts$/, '.js'));
    const srcText = readFileSync(f, 'utf8');
    if (existsSync(out) && statSync(out).mtimeMs >= statSync(f).mtimeMs) continue;
    const js = ts.transpileModule(srcText, {
      fileName: f,
      compilerOptions: {
        target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, isolatedModules: false,
        preserveConstEnums: true, verbatimModuleSyntax: false,
      },
    }).outputText;
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, js);
  }
  return outDir;
}
