// wabt (libwabt compiled with emscripten): parse a small WAT module and emit
// its binary. Prints JSON with the bytes as hex.
import wabtInit from 'wabt';

const wabt = await wabtInit();
const mod = wabt.parseWat('t.wat', `(module
  (func (export "fac") (param i64) (result i64)
    (if (result i64) (i64.eqz (local.get 0))
      (then (i64.const 1))
      (else (i64.mul (local.get 0) (call 0 (i64.sub (local.get 0) (i64.const 1))))))))`);
mod.resolveNames();
mod.validate();
const { buffer } = mod.toBinary({});
console.log(JSON.stringify({ hex: Buffer.from(buffer).toString('hex') }));
