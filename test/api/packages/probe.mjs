// Prints what globalThis.WebAssembly is: undefined, or an object and whose it is.
const W = globalThis.WebAssembly;
if (W === undefined) console.log('undefined');
else console.log(typeof W, String(W.validate).includes('[native code]') ? 'native' : 'tswasm');
