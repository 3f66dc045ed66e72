// sha256 and blake3 of known inputs with hash-wasm, through whatever
// globalThis.WebAssembly is (tswasm's polyfill under --jitless). Prints JSON.
import { sha256, blake3 } from 'hash-wasm';

const big = new Uint8Array(100_000).map((_, i) => (i * 31 + 7) & 0xff);
const out = {
  sha256_abc: await sha256('abc'),
  sha256_empty: await sha256(''),
  sha256_big: await sha256(big),
  blake3_abc: await blake3('abc'),
  blake3_big: await blake3(big),
};
console.log(JSON.stringify(out));
