// @jsquash/webp (Emscripten, libwebp): its encoder loads webp_enc_simd.wasm when
// wasm-feature-detect's simd() (WebAssembly.validate of a SIMD probe) says yes. Encodes a
// small synthetic RGBA image at two qualities and prints which build ran, the sizes and
// checksums of the WebP files.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { simd } from 'wasm-feature-detect';
import encode, { init } from '@jsquash/webp/encode.js';

const require = createRequire(import.meta.url);
const useSimd = await simd();
const file = require.resolve(`@jsquash/webp/codec/enc/${useSimd ? 'webp_enc_simd' : 'webp_enc'}.wasm`);
await init(await WebAssembly.compile(readFileSync(file)));
const w = 48, h = 32;
const data = new Uint8ClampedArray(w * h * 4);
for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
  const i = (y * w + x) * 4;
  data[i] = (x * 5) & 255; data[i + 1] = (y * 7) & 255; data[i + 2] = ((x ^ y) * 9) & 255; data[i + 3] = 255;
}
for (const quality of [50, 90]) {
  const out = new Uint8Array(await encode({ data, width: w, height: h }, { quality }));
  let hsh = 2166136261;
  for (const b of out) hsh = Math.imul(hsh ^ b, 16777619);
  console.log(`simd=${useSimd} quality=${quality} bytes=${out.length} fnv=${(hsh >>> 0).toString(16)}`);
}
