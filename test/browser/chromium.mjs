/**
 * Debian's Chromium (/usr/bin/chromium, `apt-get install chromium`) driven
 * by playwright-core, which downloads no browser of its own. Two helpers:
 *
 * - `serve(files, csp)`: a static HTTP server on 127.0.0.1 (an ephemeral
 *   port) that sends every response with the given Content-Security-Policy;
 *   `files` maps URL paths to file paths or strings.
 * - `launch({ jitless })`: headless Chromium with a fresh profile folder
 *   (`--user-data-dir`, removed by `close()`), no background traffic, and
 *   with `--js-flags=--jitless` when asked (V8 then has no WebAssembly at
 *   all).
 *
 * Deliberately not here: what a page checks (test/hosts/chromium.mjs, explorer.test.mjs).
 */
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** No eval, no wasm compilation by the browser: `'self'` scripts only (neither `unsafe-eval` nor `wasm-unsafe-eval`). */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.wat': 'text/plain; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml', '.json': 'application/json' };

/** Serves `files` (URL path → `{ file }` or `{ text }`) on 127.0.0.1; resolves to `{ url, close }`. */
export function serve(files, csp = STRICT_CSP) {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const f = files[path === '/' ? '/index.html' : path];
    if (f === undefined && path === '/favicon.ico') { res.writeHead(204); res.end(); return; }
    if (f === undefined) { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); return; }
    const body = f.text !== undefined ? f.text : readFileSync(f.file);
    res.writeHead(200, { 'content-type': TYPES[extname(path === '/' ? '/index.html' : path)] ?? 'application/octet-stream',
      'content-security-policy': csp, 'cache-control': 'no-store' });
    res.end(body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

/** Starts headless Chromium; resolves to `{ context, page, close }`. */
export async function launch({ jitless = false, viewport = { width: 1280, height: 900 } } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'tswasm-chromium-'));
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', ...(jitless ? ['--js-flags=--jitless'] : [])];
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args, viewport });
  const page = context.pages()[0] ?? await context.newPage();
  return {
    context, page,
    close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}
