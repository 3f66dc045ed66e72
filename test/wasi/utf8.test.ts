/**
 * The WASI layer's own UTF-8 (no TextEncoder in ES2020 / older Hermes)
 * agrees with the platform's: encoding any string, decoding any valid
 * encoding, and rejecting what a fatal TextDecoder rejects.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Decode, utf8Encode } from '../../src/wasi/utf8.js';

describe('utf8', () => {
  it('encodes like TextEncoder (lone surrogates become U+FFFD)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      expect(utf8Encode(s)).toEqual(new TextEncoder().encode(s));
    }), { numRuns: 500 });
  });

  it('decodes like a fatal TextDecoder', () => {
    const platform = (b: Uint8Array) => {
      try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b);
      } catch {
        return null;
      }
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 12 }), (b) => {
      expect(utf8Decode(b)).toBe(platform(b));
    }), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      expect(utf8Decode(new TextEncoder().encode(s))).toBe(s);
    }), { numRuns: 300 });
  });
});
