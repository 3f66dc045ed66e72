/**
 * GC instructions end to end (translate-gc.ts, exec-gc.ts): exact bits of
 * f32/f64 NaN payloads through fields and elements, packed fields, casts of
 * objects made by another module whose types are structurally the same
 * (one canonical type), and GC values through the JS API (opaque objects
 * passed back, i31 as numbers, globals and tables of GC types).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WebAssembly as W, parseWat } from '../../src/index.js';
import { RuntimeError } from '../../src/errors.js';
import { call1, load } from './helpers.js';

type Exports = Record<string, any>;
const wat = (s: string) => parseWat(s) as Uint8Array<ArrayBuffer>;

describe('fields and elements keep every bit', () => {
  const inst = load(`(module
    (type $s (struct (field (mut f32)) (field (mut f64)) (field (mut i8)) (field (mut i16))))
    (type $a32 (array (mut f32)))
    (type $a64 (array (mut f64)))
    (func (export "f32") (param i32) (result i32)
      (i32.reinterpret_f32 (struct.get $s 0 (struct.new $s (f32.reinterpret_i32 (local.get 0)) (f64.const 0) (i32.const 0) (i32.const 0)))))
    (func (export "f64") (param i64) (result i64)
      (i64.reinterpret_f64 (struct.get $s 1 (struct.new $s (f32.const 0) (f64.reinterpret_i64 (local.get 0)) (i32.const 0) (i32.const 0)))))
    (func (export "a32") (param i32) (result i32)
      (i32.reinterpret_f32 (array.get $a32 (array.new $a32 (f32.reinterpret_i32 (local.get 0)) (i32.const 3)) (i32.const 2))))
    (func (export "a64") (param i64) (result i64)
      (local $a (ref $a64))
      (local.set $a (array.new_default $a64 (i32.const 4)))
      (array.set $a64 (local.get $a) (i32.const 1) (f64.reinterpret_i64 (local.get 0)))
      (array.copy $a64 $a64 (local.get $a) (i32.const 3) (local.get $a) (i32.const 1) (i32.const 1))
      (i64.reinterpret_f64 (array.get $a64 (local.get $a) (i32.const 3))))
    (func (export "packed") (param i32) (result i32)
      (local $s (ref $s))
      (local.set $s (struct.new_default $s))
      (struct.set $s 2 (local.get $s) (local.get 0))
      (struct.set $s 3 (local.get $s) (local.get 0))
      (i32.xor (i32.shl (struct.get_s $s 2 (local.get $s)) (i32.const 16))
        (i32.add (struct.get_u $s 3 (local.get $s)) (struct.get_s $s 3 (local.get $s))))))`);

  it('f32 and f64 NaNs, signaling ones included', () => {
    for (const bits of [0x7fa00001, 0xffc00000, 0x7f800001, 0x00000001]) expect(call1(inst, 'f32', bits | 0)).toBe(bits | 0);
    for (const bits of [0x7ff0000000000001n, -0x7ffffffffffffn, 0x7ff8dead_beef0001n]) {
      expect(call1(inst, 'f64', bits)).toBe(BigInt.asIntN(64, bits));
      expect(call1(inst, 'a64', bits)).toBe(BigInt.asIntN(64, bits));
    }
    expect(call1(inst, 'a32', 0x7f800002)).toBe(0x7f800002);
  });

  it('packed fields wrap on set and extend on get', () => {
    for (const x of [0, 1, 0x7f, 0x80, 0xff, 0x1234, 0x8001, -1, 0x12345678]) {
      const s8 = (x << 24) >> 24;
      const u16 = x & 0xffff;
      const s16 = (x << 16) >> 16;
      expect(call1(inst, 'packed', x)).toBe((s8 << 16) ^ ((u16 + s16) | 0));
    }
  });
});

describe('canonical types across modules', () => {
  const TYPES = '(rec (type $list (sub (struct (field i32) (field (ref null $list))))) (type $other (struct)))';
  it('a struct made by one module casts to the same type defined by another', () => {
    const a = new W.Instance(new W.Module(wat(`(module ${TYPES}
      (func (export "make") (param i32) (result anyref) (struct.new $list (local.get 0) (ref.null $list))))`))).exports as Exports;
    const b = new W.Instance(new W.Module(wat(`(module ${TYPES}
      (func (export "head") (param anyref) (result i32) (struct.get $list 0 (ref.cast (ref $list) (local.get 0))))
      (func (export "isOther") (param anyref) (result i32) (ref.test (ref $other) (local.get 0))))`))).exports as Exports;
    const c = new W.Instance(new W.Module(wat(`(module (type $list (sub (struct (field i32) (field (ref null $list)))))
      (func (export "test") (param anyref) (result i32) (ref.test (ref $list) (local.get 0))))`))).exports as Exports;
    const obj = a.make(41);
    expect(b.head(obj)).toBe(41);
    expect(b.isOther(obj)).toBe(0);
    // A different rec group is a different type, however alike its members look.
    expect(c.test(obj)).toBe(0);
    expect(() => b.head({})).toThrow(RuntimeError);
  });
});

describe('GC values through the JS API', () => {
  const bytes = wat(`(module
    (type $box (struct (field (mut i32))))
    (type $bytes (array (mut i8)))
    (global (export "g") (mut (ref null $box)) (ref.null $box))
    (table (export "t") 4 anyref)
    (func (export "make") (param i32) (result (ref $box)) (struct.new $box (local.get 0)))
    (func (export "get") (param (ref $box)) (result i32) (struct.get $box 0 (local.get 0)))
    (func (export "bytes") (result (ref $bytes)) (array.new_fixed $bytes 2 (i32.const 1) (i32.const 2)))
    (func (export "id") (param anyref) (result anyref) (local.get 0))
    (func (export "eq") (param eqref eqref) (result i32) (ref.eq (local.get 0) (local.get 1)))
    (func (export "i31") (param i32) (result i31ref) (ref.i31 (local.get 0))))`);

  it('objects are opaque, keep their identity and can be passed back', () => {
    const e = new W.Instance(new W.Module(bytes)).exports as Exports;
    const box = e.make(7);
    expect(typeof box).toBe('object');
    expect(Object.getPrototypeOf(box)).toBe(null);
    expect(Object.keys(box)).toEqual([]);
    expect(box[0]).toBe(undefined);
    expect(() => { box.x = 1; }).toThrow(TypeError);
    expect(e.get(box)).toBe(7);
    expect(e.id(box)).toBe(box);
    expect(e.eq(box, e.id(box))).toBe(1);
    expect(e.eq(box, e.make(7))).toBe(0);
    expect(() => e.get(e.bytes())).toThrow(TypeError);
    expect(() => e.get({})).toThrow(TypeError);
  });

  it('numbers in i31 range are i31 references; others stay host values', () => {
    const e = new W.Instance(new W.Module(bytes)).exports as Exports;
    expect(e.i31(2 ** 30)).toBe(-(2 ** 30));
    expect(e.eq(5, 5)).toBe(1);
    expect(() => e.eq(2 ** 31, 5)).toThrow(TypeError);
    expect(e.id(2 ** 31)).toBe(2 ** 31);
    expect(Object.is(e.id(-0), 0)).toBe(true);
    expect(e.id('s')).toBe('s');
  });

  it('globals and tables of GC types', () => {
    const e = new W.Instance(new W.Module(bytes)).exports as Exports;
    const box = e.make(3);
    e.g.value = box;
    expect(e.g.value).toBe(box);
    expect(() => { e.g.value = e.bytes(); }).toThrow(TypeError);
    e.t.set(0, box);
    e.t.set(1, 12);
    e.t.set(2, 'host');
    expect([e.t.get(0), e.t.get(1), e.t.get(2), e.t.get(3)]).toEqual([box, 12, 'host', null]);
    const g = new W.Global({ value: 'anyref', mutable: true }, box);
    expect(g.value).toBe(box);
  });
});

describe('objects are the JS engine\'s to collect', () => {
  it('allocating far more than the heap holds, a little at a time, does not run out of memory', () => {
    const script = fileURLToPath(new URL('./gc-alloc.mjs', import.meta.url));
    // A 64 MB heap; the program allocates about 2 GB in total and keeps at most a few MB alive.
    const out = execFileSync(process.execPath, ['--max-old-space-size=64', script], { encoding: 'utf8', timeout: 300_000 });
    expect(out.trim()).toBe('allocated 2048000000 bytes of arrays and 4000000 structs; live list length 1999');
  });
});
