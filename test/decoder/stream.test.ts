/**
 * decodeStream over an async iterable of chunks: the module it gives equals
 * the whole-buffer decode, and on a malformed module it rejects with the
 * CompileError and closes the iterator (as `for await` would; the decoder
 * walks the iterator by hand so Hermes 0.12 can compile it).
 */
import { describe, expect, it } from 'vitest';
import { decode, decodeStream } from '../../src/decoder/index.js';
import { encode } from '../../src/encoder/index.js';
import { parseWat } from '../../src/text/index.js';
import { CompileError } from '../../src/errors.js';

function chunks(bytes: Uint8Array, size: number): { iterable: AsyncIterable<Uint8Array>; closed: () => boolean } {
  let closed = false;
  let pos = 0;
  const iterable = {
    [Symbol.asyncIterator]: () => ({
      next: async () => {
        if (pos >= bytes.length) return { done: true as const, value: undefined };
        const c = bytes.slice(pos, pos + size);
        pos += size;
        return { done: false as const, value: c };
      },
      return: async () => { closed = true; return { done: true as const, value: undefined }; },
    }),
  };
  return { iterable, closed: () => closed };
}

describe('decodeStream over an async iterable', () => {
  const bin = parseWat('(module (memory 1) (func (export "f") (result i32) i32.const 7) (data (i32.const 0) "abc"))');

  it('gives the module the whole-buffer decoder gives', async () => {
    for (const size of [1, 3, 1000]) {
      const s = chunks(bin, size);
      expect(encode(await decodeStream(s.iterable))).toEqual(encode(decode(bin)));
      expect(s.closed()).toBe(false);
    }
  });

  it('rejects a malformed module with CompileError and closes the iterator', async () => {
    const bad = new Uint8Array([...bin.slice(0, 8), 0x0d, 0x01]);
    const s = chunks(bad, 1);
    await expect(decodeStream(s.iterable)).rejects.toBeInstanceOf(CompileError);
    // Malformed only at its end: found once the iterator has run out, so nothing is left to close.
    expect(s.closed()).toBe(false);
    // A bad version in the first chunks: the decoder stops early and closes the iterator.
    const s2 = chunks(new Uint8Array([0, 0x61, 0x73, 0x6d, 2, 0, 0, 0, 1, 2, 3]), 1);
    await expect(decodeStream(s2.iterable)).rejects.toBeInstanceOf(CompileError);
    expect(s2.closed()).toBe(true);
  });
});
