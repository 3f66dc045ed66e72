// lightningcss-wasm (Rust CSS parser and minifier). Prints the minified CSS.
import init, { transform } from 'lightningcss-wasm';

await init();
const css = '.a { color: #ff0000; margin: 0px 0px 0px 0px } .b { display: flex; transition: all 0.5s ease } @media (min-width: 100px) { .c { color: rgb(0 0 255 / 50%) } }';
const { code } = transform({ filename: 'a.css', code: new TextEncoder().encode(css), minify: true });
console.log(new TextDecoder().decode(code));
