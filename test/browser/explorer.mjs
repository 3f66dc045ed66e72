#!/usr/bin/env node
/**
 * The explorer in a real browser (`npm run test:browser`, called by
 * .ci/run): builds the page (scripts/build-site.mjs), serves it from
 * 127.0.0.1 with a CSP that allows neither `unsafe-eval` nor
 * `wasm-unsafe-eval`, and drives Debian's headless Chromium started with
 * `--js-flags=--jitless` (so the browser has no WebAssembly at all). It
 * checks that the page really is locked down, that an invalid module shows
 * the validator's message with the offending instruction highlighted, that
 * a call returns the right value, and that stepping shows the operand stack,
 * locals, control stack and memory the specification's machine would hold.
 * Takes a screenshot (path printed) for CI to keep. Ends with
 * `browser: N passed, M failed`.
 *
 *   node test/browser/explorer.mjs [--jit] [--screenshot FILE]
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite } from '../../scripts/build-site.mjs';
import { launch, serve } from './chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shotAt = process.argv.includes('--screenshot') ? resolve(process.argv[process.argv.indexOf('--screenshot') + 1])
  : join(root, 'artifacts/explorer.png');
const jitless = !process.argv.includes('--jit');
const STEP_TIMEOUT = 30_000;

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok' : 'not ok'} - ${name}${ok ? '' : `: ${detail}`}`);
}

const site = await buildSite();
const files = Object.fromEntries(['index.html', 'style.css', 'explorer.js'].map((f) => [`/${f}`, { file: join(site, f) }]));
const server = await serve(files);
const browser = await launch({ jitless, viewport: { width: 1440, height: 1000 } });
const { page } = browser;
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

const text = (sel) => page.locator(sel).innerText({ timeout: STEP_TIMEOUT });
const items = async (sel) => (await page.locator(`${sel} > li`).allInnerTexts()).map((s) => s.trim());
const click = (sel) => page.locator(sel).click({ timeout: STEP_TIMEOUT });

try {
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('valid'), undefined, { timeout: 60_000 });
  check('the page loads and validates its first example', (await text('#status')).startsWith('valid: '), await text('#status'));
  const native = await text('#native');
  check(`the browser's WebAssembly is ${jitless ? 'absent (--jitless)' : 'forbidden by the CSP'}`,
    jitless ? native.includes('absent') : native.includes('forbidden'), native);
  check('eval is forbidden by the CSP', (await text('#csp')).includes('forbidden'), await text('#csp'));

  // An invalid module: the validator's message, the offending instruction highlighted.
  await page.selectOption('#example', { label: 'invalid: a type mismatch' });
  const status = await text('#status');
  check('an invalid module shows the spec message', status.startsWith('invalid: type mismatch: instruction requires [i32] but stack has [i64]'), status);
  const offending = await page.locator('#listing li.offending').allInnerTexts();
  check('the offending instruction is highlighted', offending.length === 1 && /end\s*$/.test(offending[0]), JSON.stringify(offending));

  // A text-format error points into the source.
  await page.fill('#source', '(module (func (i32.const)))');
  await click('#load');
  const textErr = await text('#status');
  check('a text-format error shows its line and column', textErr.startsWith('text format: ') && /line 1, column \d+/.test(textErr), textErr);

  // fib: call it, then step through it.
  await page.selectOption('#example', { label: 'fib: recursion' });
  await page.fill('#args', '5');
  await click('#call');
  check('calling fib(5) returns 5', (await text('#outcome')) === 'result: 5', await text('#outcome'));
  await click('#start');
  check('stepping starts at the first instruction', /^fib @ 0x[0-9a-f]{4}: local\.get 0$/.test(await text('#current')), await text('#current'));
  const firstLink = page.locator('#listing li.current a');
  check('the instruction links to its section of the spec',
    (await firstLink.getAttribute('href')) === 'https://webassembly.github.io/spec/core/exec/instructions.html#variable-instructions',
    await firstLink.getAttribute('href'));
  await click('#step');
  await click('#step');
  check('after local.get 0 and i32.const 2 the stack holds i32:5 i32:2', JSON.stringify(await items('#stack')) === '["i32:5","i32:2"]',
    JSON.stringify(await items('#stack')));
  check('the locals hold the argument', JSON.stringify(await items('#locals')) === '["i32:5"]', JSON.stringify(await items('#locals')));
  await click('#step');
  check('i32.lt_u leaves i32:0', JSON.stringify(await items('#stack')) === '["i32:0"]', JSON.stringify(await items('#stack')));
  await click('#step');
  const control = await items('#control');
  check('if pushes a label on the control stack', control[control.length - 1]?.startsWith('label if, arity 1') && control.some((c) => c.startsWith('frame fib')),
    JSON.stringify(control));

  // A breakpoint on the call: continue stops there, then the callee runs in a second frame.
  const callLine = page.locator('#listing li', { hasText: 'call 0' });
  await callLine.locator('.off').first().click();
  await click('#continue');
  check('continue stops at the breakpoint on call', /: call 0$/.test(await text('#current')), await text('#current'));
  check('the argument of the call is on the stack', JSON.stringify(await items('#stack')) === '["i32:4"]', JSON.stringify(await items('#stack')));
  await click('#step');
  await click('#step');
  const frames = (await items('#control')).filter((c) => c.startsWith('frame'));
  check('the callee has its own frame', frames.length === 2, JSON.stringify(frames));
  check('the callee\'s locals hold its argument', JSON.stringify(await items('#locals')) === '["i32:4"]', JSON.stringify(await items('#locals')));
  await browser.page.screenshot({ path: (mkdirSync(dirname(shotAt), { recursive: true }), shotAt), fullPage: false });
  console.log(`# screenshot: ${shotAt}`);
  for (let k = 0; k < 40 && !(await page.locator('#continue').isDisabled()); k++) await click('#continue');
  check('running on returns fib(5) = 5', /^returned after \d+ steps: i32:5$/.test(await text('#outcome')), await text('#outcome'));

  // A binary module from a file: its sections and text form (tswasm's printer) are shown.
  const { parseWat } = await import('../../dist/src/text/index.js');
  const binary = parseWat('(module (memory 1) (func (export "answer") (result i32) (i32.const 42)))');
  await page.setInputFiles('#file', { name: 'answer.wasm', mimeType: 'application/wasm', buffer: Buffer.from(binary) });
  await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes(' bytes, 1 functions'), undefined, { timeout: STEP_TIMEOUT });
  check('a .wasm file loads', (await text('#status')) === `valid: ${binary.length} bytes, 1 functions, 1 exported`, await text('#status'));
  const sections = (await page.locator('#sections tbody tr').allInnerTexts()).map((r) => r.split('\t')[1]);
  check('its sections are listed', JSON.stringify(sections) === '["type","function","memory","export","code"]', JSON.stringify(sections));
  const printed = await page.locator('#text').textContent();
  check('its text form is shown', printed.includes('(export "answer" (func 0))') && printed.includes('i32.const 42'), printed);
  await click('#call');
  check('its export can be called', (await text('#outcome')) === 'result: 42', await text('#outcome'));

  // Memory: the sum example reads memory and stores its result.
  await page.selectOption('#example', { label: 'sum: a loop over memory' });
  await page.fill('#args', '16 4');
  await click('#call');
  check('sum(16, 4) over the data segment is 10', (await text('#outcome')) === 'result: 10', await text('#outcome'));
  await click('#start');
  for (let k = 0; k < 12; k++) await click('#step');
  const touched = await page.locator('#memory .touched').allInnerTexts();
  check('the bytes the i32.load read are highlighted', JSON.stringify(touched) === '["01","00","00","00"]', `${JSON.stringify(touched)} ${await text('#memhint')}`);
  check('globals are shown', JSON.stringify(await items('#globals')) === '["mut i32:2"]', JSON.stringify(await items('#globals')));
  check('no errors on the page', errors.length === 0, errors.join(' | '));
} catch (e) {
  check('the browser test ran to the end', false, e && e.stack ? e.stack : String(e));
} finally {
  await browser.close();
  await server.close();
}
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
