// brotli-wasm (Rust, wasm-bindgen, Node build): compress and decompress. Prints JSON.
const brotli = require('brotli-wasm');

Promise.resolve(brotli).then((b) => {
  const input = new TextEncoder().encode('brotli on tswasm, brotli on tswasm; '.repeat(100));
  const c = b.compress(input, { quality: 9 });
  const d = b.decompress(c);
  let h = 0;
  for (const x of c) h = (h * 31 + x) >>> 0;
  console.log(JSON.stringify([c.length, h, d.length, new TextDecoder().decode(d) === new TextDecoder().decode(input)]));
});
