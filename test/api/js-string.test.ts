/**
 * JS String Builtins and imported string constants (src/api/builtins.ts,
 * js-string.ts) through tswasm's namespace: the compile options, import
 * reflection, the exact-type check, and each builtin's results and traps.
 * Expected values are those of Node 24's native builtins (the oracle; Node
 * 20's V8 does not have them).
 */
import { describe, expect, it } from 'vitest';
import { WebAssembly as W, parseWat } from '../../src/index.js';
import { CompileError, RuntimeError } from '../../src/errors.js';

type Exports = Record<string, any>;
const wat = (s: string) => parseWat(s) as Uint8Array<ArrayBuffer>;
const OPTS = { builtins: ['js-string'] };

/** A module that re-exports builtin `name` of type `sig` and calls it from wasm as `call_<name>`. */
function builtin(name: string, params: string, result: string): Exports {
  const n = params.split(' ').filter(Boolean).length;
  const gets = Array.from({ length: n }, (_, i) => `(local.get ${i})`).join(' ');
  const bytes = wat(`(module
    (import "wasm:js-string" "${name}" (func $f (param ${params}) (result ${result})))
    (export "${name}" (func $f))
    (func (export "call") (param ${params}) (result ${result}) (call $f ${gets})))`);
  return new W.Instance(new W.Module(bytes, OPTS), {}).exports;
}

describe('compile options', () => {
  it('leave builtin and string-constant imports out of Module.imports and the import object', () => {
    const bytes = wat(`(module
      (import "wasm:js-string" "length" (func (param externref) (result i32)))
      (import "wasm:js-string" "notABuiltin" (func))
      (import "strs" "hello" (global $g (ref extern)))
      (export "g" (global $g)))`);
    const m = new W.Module(bytes, { builtins: ['js-string'], importedStringConstants: 'strs' });
    expect(W.Module.imports(m)).toEqual([{ module: 'wasm:js-string', name: 'notABuiltin', kind: 'function' }]);
    const inst = new W.Instance(m, { 'wasm:js-string': { notABuiltin: () => {} } });
    expect((inst.exports as Exports).g.value).toBe('hello');
    // Without the options every import is ordinary.
    expect(W.Module.imports(new W.Module(bytes)).length).toBe(3);
  });

  it('refuse a builtin import of another type, in validate, compile and new Module', async () => {
    const bad = wat('(module (import "wasm:js-string" "length" (func (param externref) (result i64))))');
    expect(W.validate(bad, OPTS)).toBe(false);
    expect(W.validate(bad)).toBe(true);
    expect(() => new W.Module(bad, OPTS)).toThrow(CompileError);
    await expect(W.compile(bad, OPTS)).rejects.toThrow(CompileError);
    await expect(W.instantiate(bad, {}, OPTS)).rejects.toThrow(CompileError);
  });

  it('refuse a builtin type in a rec group of more than one type', () => {
    const bad = wat(`(module (rec (type $t (func (param externref) (result i32))) (type (struct)))
      (import "wasm:js-string" "length" (func (type $t))))`);
    expect(W.validate(bad, OPTS)).toBe(false);
  });

  it('check that string constants are immutable globals of a supertype of (ref extern)', () => {
    const opts = { importedStringConstants: "'" };
    for (const t of ['anyref', '(mut externref)', 'funcref', '(ref any)']) {
      expect(() => new W.Module(wat(`(module (import "'" "x" (global ${t})))`), opts)).toThrow(CompileError);
    }
    expect(() => new W.Module(wat(`(module (import "'" "x" (func)))`), opts)).toThrow(CompileError);
    for (const s of ['', '\0', '0'.repeat(1000), '\uD83D\uDE00']) {
      const m = new W.Module(wat(`(module (import "'" ${JSON.stringify(s).replace(/\\u0000/, '\\00')} (global $g externref)) (export "g" (global $g)))`), opts);
      expect((new W.Instance(m, {}).exports as Exports).g.value).toBe(s);
    }
  });

  it('are a WebIDL dictionary: non-objects are a TypeError, unknown builtin sets are ignored', () => {
    const bytes = wat('(module)');
    expect(() => new W.Module(bytes, 5)).toThrow(TypeError);
    expect(() => new W.Module(bytes, { builtins: 'js-string' })).toThrow(TypeError);
    expect(() => new W.Module(bytes, { builtins: ['js-strong'] })).not.toThrow();
    expect(() => new W.Module(bytes, null)).not.toThrow();
  });
});

describe('wasm:js-string builtins', () => {
  it('test and cast', () => {
    const t = builtin('test', 'externref', 'i32');
    const c = builtin('cast', 'externref', '(ref extern)');
    for (const v of ['', 'a', 1, 2 ** 40, null, undefined, {}, 5n, Symbol('s')]) {
      expect(t.call(v)).toBe(typeof v === 'string' ? 1 : 0);
      if (typeof v === 'string') expect(c.call(v)).toBe(v);
      else expect(() => c.call(v)).toThrow(RuntimeError);
    }
  });

  it('fromCharCode and fromCodePoint', () => {
    const cc = builtin('fromCharCode', 'i32', '(ref extern)');
    const cp = builtin('fromCodePoint', 'i32', '(ref extern)');
    expect(cc.call(0x41)).toBe('A');
    expect(cc.call(0x10041)).toBe('A');
    expect(cc.call(-1)).toBe('\uffff');
    expect(cp.call(0x10ffff)).toBe(String.fromCodePoint(0x10ffff));
    expect(cp.call(0xd800)).toBe('\ud800');
    expect(() => cp.call(0x110000)).toThrow(RuntimeError);
    expect(() => cp.call(-1)).toThrow(RuntimeError);
  });

  it('charCodeAt, codePointAt, length', () => {
    const at = builtin('charCodeAt', 'externref i32', 'i32');
    const cp = builtin('codePointAt', 'externref i32', 'i32');
    const len = builtin('length', 'externref', 'i32');
    const s = 'a\u{1F600}';
    expect([at.call(s, 0), at.call(s, 1), at.call(s, 2)]).toEqual([0x61, 0xd83d, 0xde00]);
    expect([cp.call(s, 1), cp.call(s, 2)]).toEqual([0x1f600, 0xde00]);
    expect(() => at.call(s, 3)).toThrow(RuntimeError);
    expect(() => at.call(s, -1)).toThrow(RuntimeError);
    expect(() => cp.call(5, 0)).toThrow(RuntimeError);
    expect(len.call(s)).toBe(3);
    expect(len.length('abc')).toBe(3);
    expect(len.length.length).toBe(1);
    expect(() => len.call(null)).toThrow(RuntimeError);
  });

  it('concat, substring, equals, compare', () => {
    const cat = builtin('concat', 'externref externref', '(ref extern)');
    const sub = builtin('substring', 'externref i32 i32', '(ref extern)');
    const eq = builtin('equals', 'externref externref', 'i32');
    const cmp = builtin('compare', 'externref externref', 'i32');
    expect(cat.call('ab', 'cd')).toBe('abcd');
    expect(() => cat.call('ab', 1)).toThrow(RuntimeError);
    const cases: [number, number, string][] = [[1, 3, 'el'], [3, 1, ''], [2, 10, 'llo'], [10, 12, ''], [0, -1, 'hello'], [-1, 2, '']];
    for (const [a, b, want] of cases) expect(sub.call('hello', a, b)).toBe(want);
    expect([eq.call('a', 'a'), eq.call('a', 'b'), eq.call(null, null), eq.call(null, 'a')]).toEqual([1, 0, 1, 0]);
    expect(() => eq.call('a', 1)).toThrow(RuntimeError);
    expect([cmp.call('a', 'b'), cmp.call('b', 'a'), cmp.call('a', 'a')]).toEqual([-1, 1, 0]);
    expect(() => cmp.call(null, 'a')).toThrow(RuntimeError);
  });
});
