// A 10,000,000-deep chain of mutual tail calls (return_call and return_call_indirect) on the built
// interpreter, with a call depth limit of 8 frames and 4096 register cells: it can only finish if
// every tail call replaces its caller's frame. Prints the two results ("1 0").
import { parseWat } from '../../dist/src/index.js';
import { decode } from '../../dist/src/decoder/index.js';
import { instantiate, invoke } from '../../dist/src/interp/index.js';

const inst = instantiate(decode(parseWat(`(module
  (type $t (func (param i64) (result i32)))
  (table 1 funcref) (elem (i32.const 0) $odd)
  (func $even (export "even") (param i64) (result i32)
    (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 1))
      (else (return_call_indirect (type $t) (i64.sub (local.get 0) (i64.const 1)) (i32.const 0)))))
  (func $odd (param i64) (result i32)
    (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 0))
      (else (return_call $even (i64.sub (local.get 0) (i64.const 1)))))))`)), {}, { maxCallDepth: 8, maxStackCells: 4096 });
const even = inst.exports.even;
console.log(`${invoke(even, [10_000_000n])[0]} ${invoke(even, [10_000_001n])[0]}`);
