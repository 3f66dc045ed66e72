/** The explorer's example modules (WAT): the first is loaded when the page opens. */
export const EXAMPLES = [
  ['fib: recursion', `(module
  ;; fib(n): two recursive calls per step; try "Start stepping" with argument 5
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else
        (i32.add
          (call $fib (i32.sub (local.get $n) (i32.const 1)))
          (call $fib (i32.sub (local.get $n) (i32.const 2))))))))
`],
  ['sum: a loop over memory', `(module
  (memory (export "memory") 1)
  (data (i32.const 16) "\\01\\00\\00\\00\\02\\00\\00\\00\\03\\00\\00\\00\\04\\00\\00\\00")
  (global $calls (mut i32) (i32.const 0))
  ;; sum(p, n): the n i32 values at p; argument e.g. "16 4"
  (func (export "sum") (param $p i32) (param $n i32) (result i32)
    (local $acc i32)
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $acc (i32.add (local.get $acc) (i32.load (local.get $p))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (i32.store (i32.const 0) (local.get $acc))
    (local.get $acc)))
`],
  ['i64 and f32: exact numerics', `(module
  (func (export "mul64") (param i64 i64) (result i64) (i64.mul (local.get 0) (local.get 1)))
  (func (export "fma32") (param f32 f32 f32) (result f32) (f32.add (f32.mul (local.get 0) (local.get 1)) (local.get 2)))
  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1))))
`],
  ['invalid: a type mismatch', `(module
  (func (export "f") (result i32)
    (i64.const 1)))
`],
];
