// @bokuweb/zstd-wasm: compress and decompress. Prints JSON.
import { init, compress, decompress } from '@bokuweb/zstd-wasm';

await init();
const input = new TextEncoder().encode('zstd on tswasm, zstd on tswasm; '.repeat(200));
const c = compress(input, 10);
const d = decompress(c);
let h = 0;
for (const x of c) h = (h * 31 + x) >>> 0;
console.log(JSON.stringify([c.length, h, d.length, new TextDecoder().decode(d) === new TextDecoder().decode(input)]));
