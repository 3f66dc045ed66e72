/**
 * Runs a script in a bare QuickJS context (quickjs-emscripten: QuickJS
 * compiled to wasm, run by Node): no console, no timers, no WebAssembly, no
 * Node — only ECMAScript and a `print` function given here. Pumps the job
 * queue until the script's promises are settled.
 *
 *   node test/hosts/quickjs.mjs SCRIPT.js
 */
import { getQuickJS } from 'quickjs-emscripten';
import { readFileSync } from 'node:fs';

const file = process.argv[2];
const QuickJS = await getQuickJS();
const rt = QuickJS.newRuntime();
// The default stack limit (256 KiB) is below what the text parser's deepest
// nesting in the testsuite files needs; a native QuickJS shell has 1 MiB.
rt.setMaxStackSize(1024 * 1024);
const vm = rt.newContext();
const print = vm.newFunction('print', (...args) => { console.log(args.map((h) => vm.getString(h)).join(' ')); });
vm.setProp(vm.global, 'print', print);
print.dispose();
const probe = vm.unwrapResult(vm.evalCode('typeof WebAssembly + " " + typeof console + " " + typeof setTimeout'));
console.log(`# quickjs ${QuickJS.getFFI ? '' : ''}bare context: WebAssembly/console/setTimeout are ${vm.getString(probe)}`);
probe.dispose();
vm.unwrapResult(vm.evalCode(readFileSync(file, 'utf8'), file)).dispose();
for (;;) {
  const jobs = rt.executePendingJobs();
  if (jobs.error) { console.log(`host-suite: crashed: ${JSON.stringify(vm.dump(jobs.error))}`); jobs.error.dispose(); process.exitCode = 1; break; }
  if (jobs.value === 0) break;
}
vm.dispose();
rt.dispose();
