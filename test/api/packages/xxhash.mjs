// xxhash-wasm: 32- and 64-bit hashes (i64 arithmetic). Prints JSON.
import xxhash from 'xxhash-wasm';

const { h32, h64 } = await xxhash();
const long = 'tswasm '.repeat(1000);
console.log(JSON.stringify([h32('hello'), h64('hello').toString(16), h32(long, 7), h64(long, 7n).toString(16)]));
