/**
 * A worker thread of the spec runner: loads the transpiled runner and engine
 * once, then runs the files it is sent (one at a time) and posts back each
 * file's result. See run.mjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';

const { outDir, tier } = workerData;
const { runFile } = await import(`${outDir}/spec-tests/run-file.js`);
const { loadEngine } = await import(`${outDir}/spec-tests/engine.js`);
const engine = await loadEngine(tier);

parentPort.on('message', ({ path, rel, roundTrip, skipLines }) => {
  const start = performance.now();
  const result = runFile(rel, readFileSync(path, 'utf8'), engine, { roundTrip, skipLines: new Map(skipLines) });
  result.ms = Math.round(performance.now() - start);
  parentPort.postMessage({ result, missing: engine.missing });
});
parentPort.postMessage({ ready: true });
