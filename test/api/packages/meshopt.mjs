// meshoptimizer: the encoder (plain wasm) compresses a vertex and an index buffer; the
// decoder picks its SIMD build when WebAssembly.validate accepts it (i8x16 shuffles,
// swizzles and bitmasks) and decodes them again. Prints what the decoder reports and
// checksums of the encoded and decoded bytes.
import { MeshoptEncoder, MeshoptDecoder } from 'meshoptimizer';

await MeshoptEncoder.ready;
await MeshoptDecoder.ready;
const fnv = (b) => { let h = 2166136261; for (const x of b) h = Math.imul(h ^ x, 16777619); return (h >>> 0).toString(16); };
const count = 3000, stride = 16;
const vertices = new Uint8Array(count * stride);
for (let i = 0; i < count; i++) for (let k = 0; k < stride; k++) vertices[i * stride + k] = (Math.floor(i / 7) * (k + 1) + (i % 7) * 3 + k * k) & 255;
const indices = new Uint32Array(9000);
for (let i = 0; i < indices.length; i++) indices[i] = (i * 7 + (i % 3) * 11) % count;
const vbuf = MeshoptEncoder.encodeVertexBuffer(vertices, count, stride);
const ibuf = MeshoptEncoder.encodeIndexBuffer(new Uint8Array(indices.buffer), indices.length, 4);
const vout = new Uint8Array(count * stride);
MeshoptDecoder.decodeVertexBuffer(vout, count, stride, vbuf);
const iout = new Uint8Array(indices.length * 4);
MeshoptDecoder.decodeIndexBuffer(iout, indices.length, 4, ibuf);
const fout = new Uint8Array(count * 8);
MeshoptDecoder.decodeGltfBuffer(fout, count, 8, MeshoptEncoder.encodeGltfBuffer(vertices.subarray(0, count * 8), count, 8, 'ATTRIBUTES'), 'ATTRIBUTES', 'NONE');
console.log(JSON.stringify({
  supported: MeshoptDecoder.supported, vbuf: [vbuf.length, fnv(vbuf)], ibuf: [ibuf.length, fnv(ibuf)],
  vertices: fnv(vout), same: fnv(vout) === fnv(vertices), indices: fnv(iout), gltf: fnv(fout),
}));
