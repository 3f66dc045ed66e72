// @chainsafe/as-sha256 (AssemblyScript): picks its SIMD build when WebAssembly.validate
// accepts it (i32x4 lanes hash four 64-byte inputs at once). Prints which build ran and
// the digests of its one-input and four-input paths as hex.
import { digest, digest64, digest2Bytes32, batchHash4UintArray64s, simdEnabled } from '@chainsafe/as-sha256';

const hex = (b) => Buffer.from(b).toString('hex');
const bytes = (n, seed) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed * 17) & 255);
const out = [`simd=${simdEnabled}`];
out.push(hex(digest(new TextEncoder().encode('hello tswasm'))));
out.push(hex(digest(bytes(5000, 1))));
out.push(hex(digest64(bytes(64, 2))));
out.push(hex(digest2Bytes32(bytes(32, 3), bytes(32, 4))));
for (const h of batchHash4UintArray64s([bytes(64, 5), bytes(64, 6), bytes(64, 7), bytes(64, 8)])) out.push(hex(h));
console.log(out.join('\n'));
