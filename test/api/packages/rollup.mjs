// @rollup/wasm-node (Rust parser in wasm): bundle two virtual modules with tree shaking. Prints the output.
import { rollup } from '@rollup/wasm-node';

const sources = {
  entry: 'import { a } from "dep"; console.log(a(2));',
  dep: 'export const a = (x) => x * 21; export const unused = 1;',
};
const bundle = await rollup({
  input: 'entry',
  plugins: [{ name: 'virtual', resolveId: (id) => id, load: (id) => sources[id] }],
});
const { output } = await bundle.generate({ format: 'es' });
console.log(output[0].code);
