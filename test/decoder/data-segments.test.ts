/**
 * Decoded data segments keep their offset expression and bytes as spans of
 * the module's bytes until read (decoder/sections.ts `DecodedData`): the
 * fields read, write, serialize and validate like a plain `Data`.
 */
import { describe, expect, it } from 'vitest';
import { DecodedData } from '../../src/decoder/sections.js';
import { decode } from '../../src/decoder/index.js';
import { parseWat, parseWatModule } from '../../src/text/index.js';
import { encode } from '../../src/encoder/index.js';
import { CompileError } from '../../src/errors.js';
import { validate, validateModule } from '../../src/validator/index.js';

const wat = `(module (memory 1) (global $g i32 (i32.const 4))
  (data (i32.const 8) "abc") (data "xy") (data (global.get $g) "z"))`;

describe('decoded data segments', () => {
  const bin = parseWat(wat);
  const m = decode(bin);

  it('read like the plain segments the text parser builds', () => {
    const plain = parseWatModule(wat).datas;
    expect(m.datas.every((d) => d instanceof DecodedData)).toBe(true);
    expect(m.datas.map((d) => [d.mode, d.memory, d.explicitMemory, d.offset && [...d.offset], [...d.init]]))
      .toEqual(plain.map((d) => [d.mode, d.memory, d.explicitMemory, d.offset && [...d.offset], [...d.init]]));
    expect(JSON.parse(JSON.stringify(m.datas[1]))).toEqual({ mode: 'passive', memory: 0, offset: null, init: { 0: 120, 1: 121 }, explicitMemory: false });
    expect(encode(m)).toEqual(bin);
  });

  it('take new values', () => {
    const d = decode(bin).datas[0]!;
    d.init = Uint8Array.of(1, 2);
    d.offset = Uint8Array.of(0x41, 0x10, 0x0b);
    expect([...d.init]).toEqual([1, 2]);
    expect([...d.offset]).toEqual([0x41, 0x10, 0x0b]);
  });

  it('validate their offsets in place, with the absolute offset in errors', () => {
    expect(() => validateModule(m)).not.toThrow();
    // i64.const as the offset of a 32-bit memory
    const bad = (parseWat('(module (memory 1) (data (i32.const 0) "a") (data (i64.const 0) "b"))'));
    expect(validate(bad)).toBe(false);
    let err: unknown;
    try { validateModule(decode(bad)); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(CompileError);
    expect((err as CompileError).message).toMatch(/^type mismatch/);
    const at = (err as CompileError).offset;
    // the `end` of the second segment's offset expression, `i64.const 0 end`
    expect([bad[at - 2], bad[at]]).toEqual([0x42, 0x0b]);
    expect(at).toBeGreaterThan(bad.lastIndexOf(0x61)); // after the first segment's "a"
  });
});
