;; binary-trees (after the Computer Language Benchmarks Game): allocate many
;; short-lived perfect binary trees of depths 4, 6, … n and one long-lived
;; tree of depth n, walking each to count its nodes. Exercises struct.new,
;; struct.get, null tests and calls; the collector does the rest.
(module
  (type $node (struct (field $left (ref null $node)) (field $right (ref null $node))))

  (func $make (param $d i32) (result (ref $node))
    (if (result (ref $node)) (i32.eqz (local.get $d))
      (then (struct.new $node (ref.null $node) (ref.null $node)))
      (else
        (local.set $d (i32.sub (local.get $d) (i32.const 1)))
        (struct.new $node (call $make (local.get $d)) (call $make (local.get $d))))))

  (func $check (param $t (ref null $node)) (result i32)
    (local $l (ref null $node))
    (local.set $l (struct.get $node $left (local.get $t)))
    (if (result i32) (ref.is_null (local.get $l))
      (then (i32.const 1))
      (else
        (i32.add (i32.const 1)
          (i32.add (call $check (local.get $l)) (call $check (struct.get $node $right (local.get $t))))))))

  ;; Checksum: the sum of every tree's node count.
  (func (export "run") (param $n i32) (result i32)
    (local $long (ref null $node)) (local $d i32) (local $iters i32) (local $i i32) (local $sum i32)
    (local.set $long (call $make (local.get $n)))
    (local.set $d (i32.const 4))
    (loop $depths
      (local.set $iters (i32.shl (i32.const 1) (i32.add (i32.sub (local.get $n) (local.get $d)) (i32.const 4))))
      (local.set $i (i32.const 0))
      (loop $trees
        (local.set $sum (i32.add (local.get $sum) (call $check (call $make (local.get $d)))))
        (br_if $trees (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $iters))))
      (br_if $depths (i32.le_u (local.tee $d (i32.add (local.get $d) (i32.const 2))) (local.get $n))))
    (i32.add (local.get $sum) (call $check (local.get $long)))))
