;; Linked-list traversal: build a list of n cells (a subtype hierarchy: a
;; cell with a value extends the bare cell), then walk it 20 times, casting
;; each cell to read its value. Exercises struct.get of references and
;; integers, ref.cast to a concrete subtype and null tests in a tight loop.
(module
  (type $cell (sub (struct (field $next (mut (ref null $cell))))))
  (type $int (sub final $cell (struct (field $next (mut (ref null $cell))) (field $v i32))))

  (func $build (param $n i32) (result (ref null $cell))
    (local $head (ref null $cell)) (local $i i32)
    (loop $l
      (local.set $head (struct.new $int (local.get $head) (local.get $i)))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $head))

  (func $sum (param $c (ref null $cell)) (result i32)
    (local $s i32)
    (block $done
      (loop $l
        (br_if $done (ref.is_null (local.get $c)))
        (local.set $s (i32.add (local.get $s) (struct.get $int $v (ref.cast (ref $int) (local.get $c)))))
        (local.set $c (struct.get $cell $next (local.get $c)))
        (br $l)))
    (local.get $s))

  ;; Checksum: the 20 sums folded together.
  (func (export "run") (param $n i32) (result i32)
    (local $list (ref null $cell)) (local $k i32) (local $acc i32)
    (local.set $list (call $build (local.get $n)))
    (loop $rep
      (local.set $acc (i32.xor (i32.add (local.get $acc) (call $sum (local.get $list))) (local.get $k)))
      (br_if $rep (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 1))) (i32.const 20))))
    (local.get $acc)))
