// Text-format parser throughput (MB/s) on the largest files of the spec
// testsuite: lexing the script, parsing every text module in it (commands
// and assertions) to the module AST and encoding it to bytes. Also the
// printer (module → text) on the same modules.
// Run: npm run build && node bench/text-parse.mjs   (suite at $SPEC_TESTSUITE or ../shared/spec-testsuite)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { parseScript, printWat } from '../dist/src/text/index.js';
import { encode } from '../dist/src/encoder/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const suite = process.env.SPEC_TESTSUITE ?? resolve(root, '../shared/spec-testsuite');
const files = readdirSync(suite).filter((f) => f.endsWith('.wast'))
  .map((f) => join(suite, f)).sort((a, b) => statSync(b).size - statSync(a).size).slice(0, 5);

/** Parses a script and every text module in it; returns the module bytes. */
function parseAll(text) {
  const out = [];
  for (const c of parseScript(text)) {
    const src = c.source;
    if (src !== undefined && src.kind === 'text') out.push(encode(src.parse()));
  }
  return out;
}

const rows = [];
let totalBytes = 0;
let totalMs = 0;
for (const path of files) {
  const text = readFileSync(path, 'utf8');
  const mods = parseAll(text);
  const bench = new Bench({ time: 1500, warmupTime: 300 });
  bench.add('parse', () => { parseAll(text); });
  bench.add('print', () => { for (const b of mods) printWat(b); });
  await bench.run();
  const [parse, print] = bench.tasks.map((t) => t.result.latency.mean);
  totalBytes += text.length;
  totalMs += parse;
  rows.push({
    file: path.slice(suite.length + 1), size: `${(text.length / 1e6).toFixed(2)} MB`, modules: mods.length,
    'parse ms': parse.toFixed(1), 'parse MB/s': (text.length / 1e6 / (parse / 1000)).toFixed(1),
    'print ms (all modules)': print.toFixed(1),
  });
}
console.table(rows);
console.log(`overall: ${(totalBytes / 1e6 / (totalMs / 1000)).toFixed(1)} MB/s`);
