/**
 * The portability suite's entry in a bundle: finds the host's way to print
 * (`console.log`, else the global `print` of Hermes, QuickJS's shell or the
 * bare context quickjs.mjs makes) and a clock, runs suite.mjs and, where
 * there is a `process`, sets the exit code. The driver (run.mjs) reads the
 * printed lines, so hosts without an exit code report all the same.
 */
import { runHostSuite } from './suite.mjs';

const g = globalThis;
const print = typeof g.console === 'object' && typeof g.console.log === 'function' ? (s) => g.console.log(s) : (s) => g.print(s);
const now = typeof g.performance === 'object' && typeof g.performance.now === 'function' ? () => g.performance.now() : () => Date.now();

g.__hostSuiteDone = runHostSuite({ print, now }).then(
  (r) => { if (r.failed > 0 && typeof g.process === 'object') g.process.exitCode = 1; return r; },
  (e) => { print(`host-suite: crashed: ${e && e.stack ? e.stack : e}`); if (typeof g.process === 'object') g.process.exitCode = 1; },
);
