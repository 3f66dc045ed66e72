/**
 * The lowered build, for engines whose compiler stops short of ES2020
 * classes: Hermes 0.12 (the engine of many React Native apps) rejects every
 * `class`. tswasm's source keeps its classes — they are how the JS API's
 * objects are specified (`WebAssembly.Module`, `Memory`, the error classes)
 * and how the interpreter's runtime structures read — and this script makes
 * one bundle (esbuild, ES2020) and rewrites its classes into constructor
 * functions and prototypes (Babel's class transform), so `instanceof`,
 * subclasses of `Error` and static members keep working. Nothing else is
 * lowered: BigInt, generators, async functions and optional chaining stay as
 * they are (Hermes 0.12 has them).
 *
 *   node scripts/lower.mjs            # dist/lowered/tswasm.js and dist/lowered/polyfill.js
 *
 * `lower(code)` is also what the portability matrix (test/hosts) runs its
 * Hermes bundle through, so the matrix tests this exact transformation.
 * Deliberately not here: a minified build or source maps.
 */
import { build } from 'esbuild';
import { transformAsync } from '@babel/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Rewrites the classes of an ES2020 script into functions and prototypes. */
export async function lower(code) {
  const out = await transformAsync(code, {
    babelrc: false, configFile: false, compact: false, sourceType: 'script',
    plugins: ['@babel/plugin-transform-classes', '@babel/plugin-transform-block-scoping'],
  });
  if (!out || typeof out.code !== 'string') throw new Error('babel produced no code');
  if (/\bclass\s+[A-Za-z_$][\w$]*\s*(extends\b|\{)/.test(out.code.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, ''))) {
    throw new Error('lowered code still contains a class declaration');
  }
  return out.code;
}

/** Bundles `entry` (a dist/ module) into one ES2020 IIFE script, then lowers it. */
export async function bundleLowered(entry, options = {}) {
  const r = await build({
    entryPoints: [entry], bundle: true, write: false, format: 'iife', target: 'es2020', platform: 'neutral',
    mainFields: ['module', 'main'], legalComments: 'none', logLevel: 'silent', ...options,
  });
  return lower(r.outputFiles[0].text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = resolve(root, 'dist/lowered');
  mkdirSync(outDir, { recursive: true });
  // The library as the global `tswasm`; the polyfill installs itself where WebAssembly is missing.
  writeFileSync(resolve(outDir, 'tswasm.js'), await bundleLowered(resolve(root, 'dist/src/index.js'), { globalName: 'tswasm' }));
  writeFileSync(resolve(outDir, 'polyfill.js'), await bundleLowered(resolve(root, 'dist/src/polyfill.js')));
  console.log(`wrote ${outDir}/tswasm.js and polyfill.js`);
}
