// @resvg/resvg-wasm (Rust SVG renderer): render a small SVG to PNG; prints its size and a hash.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

const require = createRequire(import.meta.url);
await initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30">'
  + '<rect x="5" y="5" width="20" height="10" fill="red" transform="rotate(10)"/>'
  + '<circle cx="30" cy="20" r="6" fill="blue" opacity="0.5"/></svg>';
const png = new Resvg(svg).render().asPng();
let h = 0;
for (const x of png) h = (h * 31 + x) >>> 0;
console.log(JSON.stringify([png.length, h]));
