// vscode-oniguruma (the regex engine behind VS Code and shiki): scan a string
// with two patterns, through whatever globalThis.WebAssembly is. Prints JSON.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const onig = require('vscode-oniguruma');
await onig.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
const scanner = new onig.OnigScanner(['(\\d+)-(\\w+)', 'b+', '(?i)HELLO']);
const s = new onig.OnigString('xx 123-abc bbb hello');
const out = [0, 11, 15].map((at) => scanner.findNextMatchSync(s, at));
console.log(JSON.stringify(out));
