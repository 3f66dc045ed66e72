/**
 * The portability suite in headless Chromium: serves suite.js from a page
 * whose CSP allows neither `unsafe-eval` nor `wasm-unsafe-eval`, in Chromium
 * started with `--js-flags=--jitless` (or with its JIT, `--jit`), and prints
 * the page's lines. Before the suite, the page's probe (csp-probe.js) checks
 * that the page really is locked down: `eval` refused, and the browser's
 * own WebAssembly refused or absent.
 *
 *   node test/hosts/chromium.mjs --suite SUITE.js [--jit]
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, serve } from '../browser/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const suite = process.argv[process.argv.indexOf('--suite') + 1];
const jitless = !process.argv.includes('--jit');

const html = '<!doctype html><meta charset="utf-8"><title>tswasm host suite</title><script src="/csp-probe.js"></script><script src="/suite.js"></script>';
const server = await serve({ '/index.html': { text: html }, '/suite.js': { file: suite }, '/csp-probe.js': { file: join(here, 'csp-probe.js') } });
const browser = await launch({ jitless });
try {
  const { page } = browser;
  page.on('console', (m) => console.log(m.text()));
  page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
  await page.goto(`${server.url}/`);
  // Waits in the page for the suite's promise (the suite prints its own result line).
  await page.waitForFunction(() => globalThis.__hostSuiteDone !== undefined, undefined, { timeout: 60_000 });
  await page.evaluate(() => globalThis.__hostSuiteDone);
} finally {
  await browser.close();
  await server.close();
}
