/**
 * `npm run site`: builds the explorer page (site/) as static files in
 * dist/site/ — index.html, style.css and explorer.js, one ES2020 script
 * bundled by esbuild from the page's modules and the built library (dist/,
 * so `npm run build` first). This bundle is tswasm's browser build: it uses
 * neither `eval` nor the browser's WebAssembly. Serve the folder with any
 * static server; the page's CSP forbids `unsafe-eval` and `wasm-unsafe-eval`.
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const siteDir = join(root, 'dist/site');

/** Builds the page; returns the output folder. */
export async function buildSite() {
  if (!existsSync(join(root, 'dist/src/index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  mkdirSync(siteDir, { recursive: true });
  await build({
    entryPoints: [join(root, 'site/explorer.mjs')], bundle: true, outfile: join(siteDir, 'explorer.js'), format: 'iife',
    target: 'es2020', platform: 'browser', legalComments: 'none', logLevel: 'warning', minify: false,
  });
  for (const f of ['index.html', 'style.css']) copyFileSync(join(root, 'site', f), join(siteDir, f));
  return siteDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(`explorer built in ${await buildSite()}`);
