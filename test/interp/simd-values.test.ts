/**
 * v128 outside function bodies: constant evaluation of `v128.const` (and
 * `global.get` of a v128 global) in global initializers, v128 globals, and
 * the boundary representation (a Uint8Array of the 16 bytes, lane 0 first).
 */
import { describe, expect, it } from 'vitest';
import { load } from './helpers.js';
import { readGlobal, writeGlobal, type GlobalInst } from '../../src/interp/index.js';

describe('v128 constants and globals', () => {
  const inst = load(`(module
    (global (export "a") v128 (v128.const i32x4 0x04030201 0x08070605 -1 0x7fc00001))
    (global (export "b") v128 (global.get 0))
    (global (export "c") (mut v128) (v128.const f64x2 nan:0x4 -0))
    (global (export "d") i64 (i64.const -2)))`);
  const bytes = (g: string) => Array.from(readGlobal(inst.exports[g] as GlobalInst) as Uint8Array);

  it('evaluates v128.const into all four words, lane order kept', () => {
    expect(bytes('a')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 255, 255, 255, 255, 1, 0, 0xc0, 0x7f]);
  });
  it('copies a v128 global through global.get', () => {
    expect(bytes('b')).toEqual(bytes('a'));
  });
  it('keeps NaN payloads and the sign of zero bit-exactly', () => {
    expect(bytes('c')).toEqual([4, 0, 0, 0, 0, 0, 0xf0, 0x7f, 0, 0, 0, 0, 0, 0, 0, 0x80]);
  });
  it('writes a v128 global from a 16-byte Uint8Array and refuses anything else', () => {
    const g = inst.exports.c as GlobalInst;
    const v = new Uint8Array(16).map((_, k) => 16 - k);
    writeGlobal(g, v);
    expect(bytes('c')).toEqual(Array.from(v));
    expect(() => writeGlobal(g, new Uint8Array(8))).toThrow(TypeError);
    expect(() => writeGlobal(g, 5)).toThrow(TypeError);
  });
  it('leaves scalar globals as before', () => {
    expect(readGlobal(inst.exports.d as GlobalInst)).toBe(-2n);
  });
});
