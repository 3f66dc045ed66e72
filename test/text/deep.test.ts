/**
 * Deep nesting never overflows the host stack in the text layer: the parser
 * either parses or throws a CompileError, and the printer prints a module of
 * 100,000 nested blocks in linear size.
 */
import { describe, expect, it } from 'vitest';
import { parseWat, parseScript, printWat } from '../../src/text/index.js';
import { CompileError } from '../../src/errors.js';
import { decode } from '../../src/decoder/index.js';
import { Writer } from '../../src/encoder/index.js';

function parsesOrCompileError(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CompileError);
  }
}

describe('deep nesting in the text format', () => {
  for (const depth of [100, 10_000, 200_000]) {
    it(`${depth} nested blocks, folded and flat, parse or fail with CompileError`, () => {
      parsesOrCompileError(() => parseWat(`(module (func ${'(block '.repeat(depth)}${')'.repeat(depth)}))`));
      parsesOrCompileError(() => parseWat(`(module (func ${'block '.repeat(depth)}${'end '.repeat(depth)}))`));
      parsesOrCompileError(() => parseScript(`(module (func ${'(block '.repeat(depth)}${')'.repeat(depth)}))`));
    });
  }

  it('prints 100,000 nested blocks', () => {
    const depth = 100_000;
    const body = new Writer();
    body.u8(0);
    for (let i = 0; i < depth; i++) { body.u8(0x02); body.u8(0x40); }
    for (let i = 0; i <= depth; i++) body.u8(0x0b);
    const code = new Writer();
    code.u32(1);
    code.sized(body);
    const w = new Writer();
    w.bytes(Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0));
    w.u8(10);
    w.sized(code);
    const bytes = w.finish().slice();
    expect(decode(bytes).funcs.length).toBe(1);
    const text = printWat(bytes);
    expect(text.length).toBeLessThan(bytes.length * 200);
  });
});
