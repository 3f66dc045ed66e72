// The allocation test's program (gc.test.ts runs it with a 64 MB heap): a
// wasm module allocates 500,000 reference arrays of 512 elements (4 KB
// each, 2 GB in total) keeping only the last, and 4,000,000 list cells,
// cutting the list back to 1,000 cells every 1,000 (so fewer than 2,000 are
// alive). Uses the built dist/ (npm test builds first).
import { WebAssembly as W, parseWat } from '../../dist/src/index.js';

const bytes = parseWat(`(module
  (type $arr (array (mut anyref)))
  (type $cell (struct (field i32) (field (mut (ref null $cell)))))
  (func (export "arrays") (param $n i32) (result i32)
    (local $keep (ref null $arr)) (local $i i32)
    (loop $l
      (local.set $keep (array.new $arr (ref.i31 (local.get $i)) (i32.const 512)))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (array.len (ref.cast (ref $arr) (local.get $keep))))
  (func (export "cells") (param $n i32) (param $window i32) (result i32)
    (local $head (ref null $cell)) (local $cut (ref null $cell)) (local $i i32) (local $len i32)
    (loop $l
      (local.set $head (struct.new $cell (local.get $i) (local.get $head)))
      ;; every $window cells, cut the list after $window cells
      (if (i32.eqz (i32.rem_u (local.get $i) (local.get $window)))
        (then
          (local.set $cut (local.get $head))
          (local.set $len (i32.const 1))
          (block $done (loop $walk
            (br_if $done (i32.ge_u (local.get $len) (local.get $window)))
            (local.set $cut (struct.get $cell 1 (local.get $cut)))
            (br_if $done (ref.is_null (local.get $cut)))
            (local.set $len (i32.add (local.get $len) (i32.const 1)))
            (br $walk)))
          (if (i32.eqz (ref.is_null (local.get $cut))) (then (struct.set $cell 1 (local.get $cut) (ref.null $cell))))))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    ;; the live length
    (local.set $len (i32.const 0))
    (block $done (loop $count
      (br_if $done (ref.is_null (local.get $head)))
      (local.set $len (i32.add (local.get $len) (i32.const 1)))
      (local.set $head (struct.get $cell 1 (local.get $head)))
      (br $count)))
    (local.get $len)))`);
const { instance } = await W.instantiate(bytes);
const e = instance.exports;
const n = 500_000;
e.arrays(n);
const live = e.cells(4_000_000, 1000);
console.log(`allocated ${n * 512 * 8} bytes of arrays and 4000000 structs; live list length ${live}`);
