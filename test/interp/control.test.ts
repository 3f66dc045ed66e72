/**
 * Tail calls, exceptions and function references in the interpreter,
 * beyond the spec suite: constant frame-stack and register space for tail
 * calls (chains under a call depth limit of 8 and a small register file;
 * a 10,000,000-deep one in a child process running the built code, fast), tail calls into hosts and other instances, exception
 * identity across host frames, traps never caught, unwinding through deep
 * stacks of handlers without host recursion, and the handler table's
 * layout.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { RuntimeError } from '../../src/errors.js';
import { ExnInst, FuncInst, Store, TagInst, invoke } from '../../src/interp/index.js';
import { I32, I64 } from '../../src/ast/types.js';
import { call, call1, load } from './helpers.js';

const SMALL = { maxCallDepth: 8, maxStackCells: 4096 };

describe('tail calls', () => {
  it('run a mutual chain in constant frame and register space', () => {
    const inst = load(`(module
      (type $t (func (param i64) (result i32)))
      (table 1 funcref) (elem (i32.const 0) $odd)
      (func $even (export "even") (param i64) (result i32)
        (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 1))
          (else (return_call_indirect (type $t) (i64.sub (local.get 0) (i64.const 1)) (i32.const 0)))))
      (func $odd (param i64) (result i32)
        (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 0))
          (else (return_call $even (i64.sub (local.get 0) (i64.const 1)))))))`, {}, SMALL);
    expect(call1(inst, 'even', 20_000n)).toBe(1);
    expect(call1(inst, 'even', 7n)).toBe(0);
    // The same recursion with plain calls exhausts the 8 frames at once.
    const plain = load(`(module
      (func $f (export "f") (param i32) (result i32)
        (if (result i32) (local.get 0) (then (call $f (i32.sub (local.get 0) (i32.const 1)))) (else (i32.const 5)))))`,
    {}, SMALL);
    expect(() => call(plain, 'f', 100)).toThrow('call stack exhausted');
  });

  it('through function references (return_call_ref), with a bigger callee frame each time', () => {
    const inst = load(`(module
      (type $t (func (param i32 i32) (result i32)))
      (elem declare func $a $b)
      (func $a (export "a") (type $t)
        (if (result i32) (i32.eqz (local.get 0)) (then (local.get 1))
          (else (return_call_ref $t (i32.sub (local.get 0) (i32.const 1)) (i32.add (local.get 1) (i32.const 2))
            (ref.func $b)))))
      (func $b (type $t) (local i64 i64 i64 f64 f64 f64 i32 i32)
        (return_call_ref $t (local.get 0) (i32.add (local.get 1) (i32.const 1)) (ref.func $a))))`, {}, SMALL);
    expect(call1(inst, 'a', 10_000, 0)).toBe(30_000);
  });

  it('into a host function return its results, and leave the frame stack as it was', () => {
    const host = FuncInst.host({ params: [I32], results: [I32, I64] }, ([x]) => [(x as number) * 3, 7n]);
    const inst = load(`(module
      (import "h" "f" (func $h (param i32) (result i32 i64)))
      (func $g (param i32) (result i32 i64) (return_call $h (local.get 0)))
      (func (export "t") (param i32) (result i32 i64) (call $g (i32.add (local.get 0) (i32.const 1)))))`,
    { h: { f: host } }, SMALL);
    expect(call(inst, 't', 4)).toEqual([15, 7n]);
  });

  it('across instances of one store, in constant space', () => {
    const store = new Store(SMALL);
    // a.down(n) tail-calls table[1] = b.down(n - 1), which tail-calls table[0] = a.down(n - 1).
    const a = load(`(module
      (type $t (func (param i32) (result i32)))
      (table (export "t") 2 funcref) (elem (i32.const 0) $down)
      (func $down (export "down") (type $t)
        (if (result i32) (local.get 0)
          (then (return_call_indirect (type $t) (i32.sub (local.get 0) (i32.const 1)) (i32.const 1)))
          (else (i32.const 42)))))`, {}, { store });
    load(`(module
      (type $t (func (param i32) (result i32)))
      (import "a" "t" (table 2 funcref)) (elem (i32.const 1) $down)
      (func $down (type $t)
        (if (result i32) (local.get 0)
          (then (return_call_indirect (type $t) (i32.sub (local.get 0) (i32.const 1)) (i32.const 0)))
          (else (i32.const 43)))))`, { a: { t: a.exports.t! } }, { store });
    expect(call1(a, 'down', 20_000)).toBe(42);
    expect(call1(a, 'down', 20_001)).toBe(43);
    expect(store.depth).toBe(0);
  });

  it('run a 10,000,000-deep chain (built code, child process)', () => {
    const script = fileURLToPath(new URL('./tail-chain.mjs', import.meta.url));
    expect(execFileSync(process.execPath, [script], { encoding: 'utf8', timeout: 300_000 }).trim()).toBe('1 0');
  });

  it('call_ref and return_call_ref trap on null', () => {
    const inst = load(`(module
      (type $t (func (result i32)))
      (func (export "c") (result i32) (call_ref $t (ref.null $t)))
      (func (export "r") (result i32) (return_call_ref $t (ref.null $t))))`);
    expect(() => call(inst, 'c')).toThrow('null function reference');
    expect(() => call(inst, 'r')).toThrow('null function reference');
  });
});

describe('exceptions', () => {
  it('are caught in the throwing frame, in callers, and by catch_all; payload bits intact', () => {
    const inst = load(`(module
      (tag $e (param i64 f64))
      (func $thrower (param i64) (throw $e (local.get 0) (f64.const nan:0x12345)))
      (func (export "here") (param i64) (result i64 i64)
        (block $h (result i64 f64)
          (try_table (catch $e $h) (throw $e (local.get 0) (f64.const nan:0x12345))) (unreachable))
        (i64.reinterpret_f64))
      (func (export "caller") (param i64) (result i64 i64)
        (block $h (result i64 f64)
          (try_table (catch $e $h) (call $thrower (local.get 0))) (unreachable))
        (i64.reinterpret_f64))
      (func (export "all") (result i32)
        (block $h (try_table (catch_all $h) (call $thrower (i64.const 1))) (return (i32.const 0)))
        (i32.const 1)))`);
    expect(call(inst, 'here', -5n)).toEqual([-5n, 0x7ff0000000012345n]);
    expect(call(inst, 'caller', 1n << 40n)).toEqual([1n << 40n, 0x7ff0000000012345n]);
    expect(call1(inst, 'all')).toBe(1);
  });

  it('keep their identity through a host frame and out of invoke', () => {
    const tag = new TagInst({ params: [I32], results: [] });
    const thrown = ExnInst.of(tag, [99]);
    let seen: unknown = null;
    const store = new Store();
    const inner = load(`(module
      (import "t" "tag" (tag $e (param i32)))
      (import "h" "raise" (func $raise))
      (func (export "rethrow") (block $h (result exnref) (try_table (catch_all_ref $h) (call $raise)) (return))
        (throw_ref)))`, {
      t: { tag },
      h: { raise: FuncInst.host({ params: [], results: [] }, () => { throw thrown; }) },
    }, { store });
    const outer = load(`(module
      (import "t" "tag" (tag $e (param i32)))
      (import "h" "host" (func $host))
      (func (export "catch") (result i32)
        (block $h (result i32) (try_table (catch $e $h) (call $host)) (i32.const -1))))`, {
      t: { tag },
      h: {
        host: FuncInst.host({ params: [], results: [] }, () => {
          try {
            invoke(inner.exports.rethrow as FuncInst, []);
          } catch (e) {
            seen = e;
            throw e;
          }
        }),
      },
    }, { store });
    expect(call1(outer, 'catch')).toBe(99);
    expect(seen).toBe(thrown);
    expect(() => call(inner, 'rethrow')).toThrow(expect.objectContaining({ tag }));
    try {
      call(inner, 'rethrow');
    } catch (e) {
      expect(e).toBe(thrown);
    }
    expect(store.depth).toBe(0);
  });

  it('never catch traps, not even through a host frame', () => {
    const store = new Store();
    const trapper = load(`(module (func (export "trap") (unreachable)))`, {}, { store });
    const inst = load(`(module
      (import "h" "f" (func $f))
      (func (export "direct") (result i32)
        (block $h (try_table (catch_all $h) (i32.div_s (i32.const 1) (i32.const 0)) (drop)) (return (i32.const 0)))
        (i32.const 1))
      (func (export "via_host") (result i32)
        (block $h (try_table (catch_all $h) (call $f)) (return (i32.const 0)))
        (i32.const 1))
      (func (export "legacy") (result i32)
        (try (result i32) (do (unreachable)) (catch_all (i32.const 1)))))`, {
      h: { f: FuncInst.host({ params: [], results: [] }, () => { invoke(trapper.exports.trap as FuncInst, []); }) },
    }, { store });
    expect(() => call(inst, 'direct')).toThrow(RuntimeError);
    expect(() => call(inst, 'via_host')).toThrow('unreachable');
    expect(() => call(inst, 'legacy')).toThrow('unreachable');
    expect(store.depth).toBe(0);
  });

  it('unwind 9,000 frames of cleanup handlers (catch_all_ref + throw_ref) without host recursion', () => {
    const inst = load(`(module
      (tag $e (param i32))
      (func $down (param i32)
        (block $cleanup (result exnref)
          (try_table (catch_all_ref $cleanup)
            (if (local.get 0) (then (call $down (i32.sub (local.get 0) (i32.const 1)))) (else (throw $e (i32.const 7)))))
          (return))
        (throw_ref))
      (func (export "top") (param i32) (result i32)
        (block $h (result i32) (try_table (catch $e $h) (call $down (local.get 0))) (i32.const -1))))`);
    expect(call1(inst, 'top', 9000)).toBe(7);
    expect(call1(inst, 'top', 0)).toBe(7);
  });

  it('legacy delegate skips the handlers between the try and its label', () => {
    const inst = load(`(module
      (tag $e)
      (func (export "f") (result i32)
        (try $outer (result i32)
          (do
            (try (result i32)
              (do (try (do (throw $e)) (delegate $outer)) (i32.const 0))
              (catch $e (i32.const 1))))
          (catch $e (i32.const 2)))))`);
    expect(call1(inst, 'f')).toBe(2);
  });
});

describe('function references', () => {
  it('br_on_null and br_on_non_null carry the label values; ref.as_non_null traps on null', () => {
    const inst = load(`(module
      (type $t (func (result i32)))
      (elem declare func $seven)
      (func $seven (type $t) (i32.const 7))
      (func (export "on_null") (param i32) (result i32)
        (block $null (result i32)
          (call_ref $t (br_on_null $null (i32.const 100)
            (select (result (ref null $t)) (ref.func $seven) (ref.null $t) (local.get 0))))
          (i32.add)))
      (func (export "on_non_null") (param i32) (result i32)
        (block $f (result (ref $t))
          (br_on_non_null $f (select (result (ref null $t)) (ref.func $seven) (ref.null $t) (local.get 0)))
          (return (i32.const -1)))
        (call_ref $t))
      (func (export "as_non_null") (param i32) (result i32)
        (call_ref $t (ref.as_non_null (select (result (ref null $t)) (ref.func $seven) (ref.null $t) (local.get 0))))))`);
    expect(call1(inst, 'on_null', 0)).toBe(100);
    expect(call1(inst, 'on_null', 1)).toBe(107);
    expect(call1(inst, 'on_non_null', 1)).toBe(7);
    expect(call1(inst, 'on_non_null', 0)).toBe(-1);
    expect(call1(inst, 'as_non_null', 1)).toBe(7);
    expect(() => call(inst, 'as_non_null', 0)).toThrow('null reference');
  });
});
