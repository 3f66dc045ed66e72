/**
 * Hand-written modules through the whole pipeline (text → validate →
 * instantiate → translate → execute): control flow, calls, locals and the
 * translator's rewrites, memory, tables, traps, limits.
 */
import { describe, expect, it } from 'vitest';
import { RuntimeError, LinkError } from '../../src/errors.js';
import { FuncInst, GlobalInst, MemoryInst, TableInst, readGlobal, spectest, f32ToBits, f64ToBits } from '../../src/interp/index.js';
import { I32 } from '../../src/ast/types.js';
import { call, call1, load } from './helpers.js';
import { parseWatModule } from '../../src/text/index.js';
import { instantiate, invoke } from '../../src/interp/index.js';

describe('control flow and the translator', () => {
  it('runs loops, fused compare-and-branch, local.tee retargeting', () => {
    const inst = load(`(module
      (func (export "sum") (param $n i32) (result i32) (local $s i32) (local $i i32)
        (block $done (loop $l
          (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
          (local.set $s (i32.add (local.get $s) (local.get $i)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $l)))
        (local.get $s))
      (func (export "swap") (param i32 i32) (result i32 i32)
        (local.get 1) (local.get 0) (local.set 1) (local.set 0) (local.get 0) (local.get 1))
      (func (export "stale") (param $x i32) (result i32)
        ;; local.get stays lazy on the stack; the set must not change it
        (local.get $x) (local.set $x (i32.const 7)) (local.get $x) (i32.sub))
      (func (export "tee") (param $x i32) (result i32)
        (i32.mul (local.tee $x (i32.add (local.get $x) (i32.const 1))) (local.get $x))))`);
    expect(call1(inst, 'sum', 100)).toBe(4950);
    expect(call(inst, 'swap', 1, 2)).toEqual([2, 1]);
    expect(call1(inst, 'stale', 10)).toBe(3);
    expect(call1(inst, 'tee', 4)).toBe(25);
  });

  it('handles block results, if/else, br_table with values, multi-value blocks', () => {
    const inst = load(`(module
      (func (export "sel") (param i32) (result i32)
        (block $a (result i32) (block $b (result i32) (block $c (result i32)
          (i32.const 10) (local.get 0) (br_table $a $b $c))
          (i32.const 1) (i32.add)) (i32.const 2) (i32.add)))
      (func (export "ifs") (param i32) (result i32)
        (if (result i32) (local.get 0) (then (i32.const 1)) (else (i32.const 2))))
      (func (export "mv") (param i32) (result i32)
        (i32.const 3) (local.get 0)
        (block (param i32 i32) (result i32) (i32.sub))))`);
    expect(call1(inst, 'sel', 0)).toBe(10);
    expect(call1(inst, 'sel', 1)).toBe(12);
    expect(call1(inst, 'sel', 2)).toBe(13);
    expect(call1(inst, 'sel', 99)).toBe(13);
    expect(call1(inst, 'ifs', 5)).toBe(1);
    expect(call1(inst, 'ifs', 0)).toBe(2);
    expect(call1(inst, 'mv', 1)).toBe(2);
  });

  it('translates deeply nested blocks without host recursion', () => {
    // Built as bytes: block×depth, end×depth, i32.const 7, end (the text parser is not the subject here).
    const depth = 100_000;
    const m = parseWatModule(`(module (func (export "f") (result i32) (i32.const 7)))`);
    const body = new Uint8Array(depth * 3 + 3);
    for (let i = 0; i < depth; i++) body.set([0x02, 0x40], 2 * i);
    body.fill(0x0b, 2 * depth, 3 * depth);
    body.set([0x41, 0x07, 0x0b], 3 * depth);
    m.funcs[0]!.body = body;
    expect(invoke(instantiate(m).exports.f as FuncInst, [])).toEqual([7]);
  });
});

describe('values', () => {
  it('keeps NaN payloads through locals, globals, select, memory and calls', () => {
    const inst = load(`(module (memory 1)
      (global $g (mut f32) (f32.const 0))
      (func $id (param f32) (result f32) (local.get 0))
      (func (export "f32") (param f32 i32) (result f32)
        (global.set $g (local.get 0))
        (f32.store (i32.const 8) (global.get $g))
        (select (call $id (f32.load (i32.const 8))) (f32.const 1) (local.get 1)))
      (func (export "neg") (param f64) (result f64) (f64.neg (local.get 0))))`);
    expect(call1(inst, 'f32', 0x7fa00001, 1)).toBe(0x7fa00001); // signaling NaN survives
    expect(call1(inst, 'neg', 0x7ff4000000000001n)).toBe(0xfff4000000000001n);
  });

  it('does i64 arithmetic without BigInt and f32 with single rounding', () => {
    const inst = load(`(module
      (func (export "mul") (param i64 i64) (result i64) (i64.mul (local.get 0) (local.get 1)))
      (func (export "f32") (result f32) (f32.add (f32.add (f32.const 16777216) (f32.const 1)) (f32.const 1))))`);
    expect(call1(inst, 'mul', 0x123456789n, 0x987654321n)).toBe(BigInt.asIntN(64, 0x123456789n * 0x987654321n));
    expect(call1(inst, 'f32')).toBe(f32ToBits(16777216));
  });
});

describe('fused addressing', () => {
  it('wraps the address add like i32.add before adding the offset', () => {
    const inst = load(`(module (memory 1) (data (i32.const 4) "\\07")
      (func (export "ri") (param i32) (result i32) (i32.load8_u offset=2 (i32.add (local.get 0) (i32.const -4))))
      (func (export "rr") (param i32 i32) (result i32) (i32.load8_u (i32.add (local.get 0) (local.get 1))))
      (func (export "st") (param i32) (result i32)
        (i32.store8 (i32.add (local.get 0) (i32.const 1)) (i32.const 9)) (i32.load8_u (i32.const 5)))
      (func (export "f64") (param i32) (result f64)
        (f64.store (i32.const 16) (f64.const 1.5))
        (f64.mul (f64.const 2) (f64.load (i32.add (local.get 0) (i32.const 16))))))`);
    expect(call1(inst, 'ri', 6)).toBe(7);
    expect(call1(inst, 'rr', -4, 8)).toBe(7);
    expect(() => call(inst, 'ri', 65538)).toThrow('out of bounds memory access');
    expect(call1(inst, 'st', 4)).toBe(9);
    expect(call1(inst, 'f64', 0)).toBe(f64ToBits(3));
    expect(() => call(inst, 'f64', 65530)).toThrow('out of bounds memory access');
  });

  it('fuses a multiply into mem[p] += x * y (register and memory operands), aligned or not', () => {
    const inst = load(`(module (memory 1)
      (func (export "acc") (param $p i32) (param $q i32) (param $x f64) (param $y f64) (result f64)
        (f64.store (i32.add (local.get $p) (i32.const 8))
          (f64.add (f64.mul (local.get $x) (local.get $y)) (f64.load (i32.add (local.get $p) (i32.const 8)))))
        (f64.store (local.get $p)
          (f64.add (f64.mul (local.get $x) (f64.load (local.get $q))) (f64.load (local.get $p))))
        (f64.add (f64.load (local.get $p)) (f64.load offset=8 (local.get $p))))
      (func (export "init") (param $p i32) (param $v f64) (f64.store (local.get $p) (local.get $v))))`);
    for (const p of [64, 67]) {
      call(inst, 'init', p, f64ToBits(1));
      call(inst, 'init', p + 8, f64ToBits(2));
      call(inst, 'init', 201, f64ToBits(5));
      // mem[p+8] = 3*4 + 2 = 14; mem[p] = 3*5 + 1 = 16
      expect(call1(inst, 'acc', p, 201, f64ToBits(3), f64ToBits(4))).toBe(f64ToBits(30));
    }
    expect(() => call(inst, 'acc', 65530, 0, f64ToBits(1), f64ToBits(1))).toThrow('out of bounds memory access');
    expect(() => call(inst, 'acc', 0, 65530, f64ToBits(1), f64ToBits(1))).toThrow('out of bounds memory access');
  });

  it('fuses a multiply into store p (x - y * z) and store p (x + y * z), aligned or not', () => {
    const inst = load(`(module (memory 1)
      (func (export "upd") (param $p i32) (param $x f64) (param $y f64) (param $z f64) (result f64)
        (f64.store (local.get $p) (f64.sub (local.get $x) (f64.mul (local.get $y) (local.get $z))))
        (f64.store offset=8 (local.get $p) (f64.add (local.get $x) (f64.mul (local.get $y) (local.get $z))))
        (f64.add (f64.load (local.get $p)) (f64.mul (f64.const 2) (f64.load offset=8 (local.get $p))))))`);
    for (const p of [64, 67]) {
      // 10 - 2*3 = 4; 2 * (10 + 2*3) = 32
      expect(call1(inst, 'upd', p, f64ToBits(10), f64ToBits(2), f64ToBits(3))).toBe(f64ToBits(36));
    }
    expect(() => call(inst, 'upd', 65530, f64ToBits(1), f64ToBits(1), f64ToBits(1))).toThrow('out of bounds memory access');
  });

  it('fuses a load into a store of the same width (copy8/32/64), aligned or not, keeping NaN bits', () => {
    const inst = load(`(module (memory 1) (data (i32.const 0) "\\01\\02\\03\\04\\05\\06\\f0\\7f\\09")
      (func (export "cp") (param $s i32) (param $d i32)
        (i32.store8 (local.get $d) (i32.load8_u (local.get $s)))
        (i32.store offset=1 (local.get $d) (i32.load offset=1 (local.get $s)))
        (i64.store (i32.add (local.get $d) (i32.const 8)) (i64.load (i32.add (local.get $s) (local.get $s))))
        (f64.store offset=16 (local.get $d) (f64.load (local.get $s))))
      (func (export "rd") (param i32) (result i64) (i64.load (local.get 0))))`);
    for (const d of [100, 203]) {
      call(inst, 'cp', 0, d);
      expect(call1(inst, 'rd', d)).toBe(0x0504030201n);
      expect(call1(inst, 'rd', d + 8)).toBe(0x7ff0060504030201n);
      expect(call1(inst, 'rd', d + 16)).toBe(0x7ff0060504030201n);
    }
    call(inst, 'cp', 1, 300);
    expect(call1(inst, 'rd', 300)).toBe(0x0605040302n);
    expect(call1(inst, 'rd', 308)).toBe(0x00097ff006050403n);
    expect(call1(inst, 'rd', 316)).toBe(0x097ff00605040302n);
    expect(() => call(inst, 'cp', 65535, 0)).toThrow('out of bounds memory access');
    expect(() => call(inst, 'cp', 0, 65535)).toThrow('out of bounds memory access');
  });

  it('keeps signaling NaN bits through f64 loads, stores and locals in hot loops', () => {
    const inst = load(`(module (memory 1)
      (func (export "run") (param $n i32) (param $bits i64) (result i64) (local $x f64)
        (i64.store (i32.const 0) (local.get $bits))
        (loop $l
          (local.set $x (f64.load (i32.const 0)))
          (f64.store (i32.const 8) (local.get $x))
          (f64.store (i32.const 0) (f64.load (i32.const 8)))
          (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
        (i64.load (i32.const 0))))`);
    for (const b of [0x7ff4000000000001n, -0x000c000000000001n]) expect(call1(inst, 'run', 20000, b)).toBe(b);
  });
});

describe('traps', () => {
  const inst = load(`(module (memory 1) (table 2 funcref) (elem (i32.const 0) $f)
    (type $t (func (result i32)))
    (func $f (result i32) (i32.const 1))
    (func $g (param i32) (result i32) (local.get 0))
    (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
    (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
    (func (export "ci") (param i32) (result i32) (call_indirect (type $t) (local.get 0)))
    (func (export "un") (unreachable))
    (func $rec (export "rec") (param i32) (result i32) (i32.add (call $rec (local.get 0)) (i32.const 1))))`);

  it.each([
    ['div', [1, 0], 'integer divide by zero'],
    ['div', [-0x80000000, -1], 'integer overflow'],
    ['load', [65533], 'out of bounds memory access'],
    ['load', [-1], 'out of bounds memory access'],
    ['ci', [2], 'undefined element'],
    ['ci', [1], 'uninitialized element'],
    ['un', [], 'unreachable'],
  ] as const)('%s(%j) traps with "%s"', (name, args, msg) => {
    expect(() => call(inst, name, ...args)).toThrow(RuntimeError);
    expect(() => call(inst, name, ...args)).toThrow(msg);
  });

  it('ends deep recursion with "call stack exhausted" and stays usable', () => {
    expect(() => call(inst, 'rec', 0)).toThrow('call stack exhausted');
    expect(call1(inst, 'div', 7, 2)).toBe(3);
    expect(() => call(inst, 'rec', 0)).toThrow(RuntimeError);
  });
});

describe('limits', () => {
  it('stops a runaway loop when the fuel runs out', () => {
    const inst = load(`(module (func (export "spin") (loop $l (br $l))))`, {}, { fuel: 100_000 });
    expect(() => call(inst, 'spin')).toThrow('fuel exhausted');
  });

  it('honours maxCallDepth and maxMemoryPages', () => {
    const inst = load(`(module (memory 1)
      (func $r (export "r") (param i32) (result i32)
        (if (result i32) (local.get 0) (then (i32.add (call $r (i32.sub (local.get 0) (i32.const 1))) (i32.const 1)))
          (else (i32.const 0))))
      (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))`, {},
    { maxCallDepth: 50, maxMemoryPages: 3 });
    expect(call1(inst, 'r', 40)).toBe(40);
    expect(() => call(inst, 'r', 60)).toThrow('call stack exhausted');
    expect(call1(inst, 'grow', 2)).toBe(1);
    expect(call1(inst, 'grow', 1)).toBe(-1);
  });
});

describe('linking', () => {
  it('calls host functions, imports globals/memories/tables, and reports link errors', () => {
    const log: unknown[] = [];
    const host = FuncInst.host({ params: [I32], results: [I32] }, ([x]) => {
      log.push(x);
      return [(x as number) * 2];
    });
    const mem = new MemoryInst(1, 2);
    const inst = load(`(module
      (import "env" "f" (func $f (param i32) (result i32)))
      (import "env" "g" (global $g i32))
      (import "env" "mem" (memory 1))
      (func (export "run") (result i32) (i32.store (i32.const 0) (call $f (global.get $g))) (i32.load (i32.const 0))))`,
    { env: { f: host, g: spectest().global_i32!, mem } });
    expect(call1(inst, 'run')).toBe(1332);
    expect(log).toEqual([666]);
    expect(mem.view.getInt32(0, true)).toBe(1332);
    expect(() => load(`(module (import "env" "nope" (func)))`, { env: {} })).toThrow(LinkError);
    expect(() => load(`(module (import "env" "f" (func)))`, { env: { f: host } })).toThrow('incompatible import type');
    expect(() => load(`(module (import "env" "t" (table 30 funcref)))`, { env: { t: new TableInst(0x100 + 0, 10, 20) } }))
      .toThrow(LinkError);
  });

  it('applies segments, runs the start function, exports globals', () => {
    const inst = load(`(module (memory 1) (global (export "g") (mut i64) (i64.const -5))
      (data (i32.const 4) "\\2a")
      (func $s (global.set 0 (i64.const 42)))
      (start $s)
      (func (export "b") (result i32) (i32.load8_u (i32.const 4))))`);
    expect(call1(inst, 'b')).toBe(42);
    expect(readGlobal(inst.exports.g as GlobalInst)).toBe(42n);
    expect(() => load(`(module (memory 1) (data (i32.const 65536) "x"))`)).toThrow('out of bounds memory access');
    expect(f64ToBits(1)).toBe(0x3ff0000000000000n);
  });

  it('treats names like __proto__ as plain names', () => {
    const f = FuncInst.host({ params: [], results: [] }, () => {});
    const imports = Object.create(null) as Record<string, Record<string, FuncInst>>;
    imports['__proto__'] = { toString: f }; // an own property: the object has no prototype setter
    const inst = load(`(module (import "__proto__" "toString" (func)) (func (export "__proto__")))`, imports);
    expect(inst.exports['__proto__']).toBeInstanceOf(FuncInst);
    expect(() => load(`(module (import "m" "toString" (func)))`, { m: {} })).toThrow('unknown import');
  });

  it('lets a host function re-enter wasm', () => {
    let inner: FuncInst | null = null;
    const host = FuncInst.host({ params: [I32], results: [I32] }, ([x]) => call(innerInst, 'sq', x));
    const innerInst = load(`(module (func (export "sq") (param i32) (result i32) (i32.mul (local.get 0) (local.get 0))))`);
    inner = innerInst.exports.sq as FuncInst;
    const inst = load(`(module (import "h" "f" (func $f (param i32) (result i32)))
      (func (export "run") (param i32) (result i32) (i32.add (call $f (local.get 0)) (i32.const 1))))`, { h: { f: host } });
    expect(inner).not.toBeNull();
    expect(call1(inst, 'run', 9)).toBe(82);
  });
});
