/**
 * The text-format parser: abbreviations expand to the same bytes as their
 * long forms, identifiers resolve per index space, and errors carry the
 * testsuite's messages with line:column.
 */
import { describe, expect, it } from 'vitest';
import { parseWat, parseWatModule, WatSyntaxError } from '../../src/text/index.js';
import { decode } from '../../src/decoder/index.js';

function same(a: string, b: string): void {
  expect(Array.from(parseWat(a))).toEqual(Array.from(parseWat(b)));
}

function fails(text: string, reason: string): WatSyntaxError {
  try {
    parseWat(text);
  } catch (e) {
    expect(e).toBeInstanceOf(WatSyntaxError);
    const err = e as WatSyntaxError;
    expect(err.reason.startsWith(reason), `${err.message} should start with ${reason}`).toBe(true);
    expect(err.name).toBe('CompileError');
    return err;
  }
  throw new Error(`parsed: ${text}`);
}

describe('modules', () => {
  it('encodes a small module the decoder reads back', () => {
    const bytes = parseWat(`(module
      (func $add (export "add") (param $a i32) (param $b i32) (result i32)
        local.get $a local.get $b i32.add))`);
    const m = decode(bytes);
    expect(m.exports).toEqual([{ name: 'add', kind: 0, index: 0 }]);
    expect(m.types[0]!.comp).toEqual({ kind: 'func', params: [0x7f, 0x7f], results: [0x7f] });
    expect(Array.from(m.funcs[0]!.body)).toEqual([0x20, 0, 0x20, 1, 0x6a, 0x0b]);
  });

  it('folded and flat instructions give the same bytes', () => {
    same('(func (result i32) (i32.add (i32.const 1) (i32.const 2)))', '(func (result i32) i32.const 1 i32.const 2 i32.add)');
    same('(func (if (i32.const 1) (then nop) (else unreachable)))', '(func i32.const 1 if nop else unreachable end)');
    same('(func (block $l (br $l)))', '(func block $l br 0 end)');
  });

  it('expands inline imports and exports, and orders imports first', () => {
    same('(func (import "m" "g")) (func $f (export "f"))', '(import "m" "g" (func)) (func $f) (export "f" (func 1))');
    expect(() => parseWat('(func) (func (import "m" "g"))')).toThrow(/import after function/);
    same('(memory (export "m") 1)', '(memory 1) (export "m" (memory 0))');
  });

  it('reuses or appends types for inline type uses', () => {
    const m = parseWatModule('(type (func (param i32))) (func (param i32)) (func (param i64)) (func (param i32))');
    expect(m.types.length).toBe(2);
    expect(m.funcTypes).toEqual([0, 1, 0]);
  });

  it('expands inline element and data segments', () => {
    const m = parseWatModule('(table funcref (elem $f $f)) (memory (data "abc")) (func $f)');
    expect(m.tables[0]!.type.limits).toEqual({ min: 2n, max: 2n });
    // The segment takes the table's type (funcref), so its items are `ref.func` expressions.
    expect(m.elems[0]!.exprs!.map((e) => Array.from(e))).toEqual([[0xd2, 0, 0x0b], [0xd2, 0, 0x0b]]);
    expect(m.memories[0]!.limits).toEqual({ min: 1n, max: 1n });
    expect(Array.from(m.datas[0]!.init)).toEqual([97, 98, 99]);
  });

  it('reads numeric literals', () => {
    const m = parseWatModule('(global f32 (f32.const 0x1p-1)) (global i64 (i64.const -0x8000_0000_0000_0000)) (global f64 (f64.const -nan:0x1))');
    expect(Array.from(m.globals[0]!.init)).toEqual([0x43, 0, 0, 0, 0x3f, 0x0b]);
    expect(m.globals[1]!.init[m.globals[1]!.init.length - 2]).toBe(0x7f);
    expect(Array.from(m.globals[2]!.init.subarray(1, 9))).toEqual([1, 0, 0, 0, 0, 0, 0xf0, 0xff]);
  });

  it('reads rec groups, sub types and struct field names', () => {
    const m = parseWatModule(`(rec (type $a (sub (struct (field $x i32) (field (mut i64))))) (type $b (sub final $a (struct (field i32) (field (mut i64))))))
      (func (param (ref $a)) (result i32) (struct.get $a $x (local.get 0)))`);
    expect(m.recGroups).toEqual([{ start: 0, count: 2, explicit: true }, { start: 2, count: 1, explicit: false }]);
    expect(m.types[1]!.supers).toEqual([0]);
    expect(m.types[1]!.form).toBe('sub final');
  });
});

describe('errors', () => {
  it('reports the testsuite messages', () => {
    fails('(func br $l)', 'unknown label');
    fails('(func $f) (func $f)', 'duplicate func');
    fails('(func block $a end $b)', 'mismatching label');
    fails('(memory 1) (func (drop (i32.load align=3 (i32.const 0))))', 'alignment must be a power of two');
    fails('(func (drop (i32.const 0x1_0000_0000)))', 'constant out of range');
    fails('(type $t (func (param i32))) (func (type $t) (param i64))', 'inline function type');
    fails('(func (i32.const0))', 'unknown operator');
    fails('(func (nop) (local i32))', 'unexpected token');
    fails('(func) (import "m" "n" (func))', 'import after function');
    fails('(func (local $x i32) (local $x i32))', 'duplicate local');
    fails('(tag $e) (func try catch_all catch $e end)', 'unexpected token');
    fails('(tag $e) (func (try (do) (catch $e) (delegate 0)))', 'unexpected token');
    expect(() => parseWat('(tag $e) (func try catch $e try catch_all end catch $e end)')).not.toThrow();
  });

  it('locates errors by line and column', () => {
    const e = fails('(module\n  (func\n    br 7x))', 'unknown operator');
    expect([e.line, e.column]).toEqual([3, 8]);
    expect(e.message).toBe('unknown operator at 3:8');
  });

  it('validates strings, identifiers and annotations', () => {
    fails('(func $"")', 'empty identifier');
    fails('(module (@a "x)', 'unclosed string');
    fails('(@x (y)', 'unclosed annotation');
    fails('(data "\\q")', 'illegal escape');
    expect(() => parseWat('(module (@a (b c) "d") (func (@x 1) nop))')).not.toThrow();
  });
});
