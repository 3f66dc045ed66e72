/**
 * Byte reader for the binary format's primitive values ("Binary Format ›
 * Values"): bytes, LEB128 integers of each width, floats as raw bits, names.
 *
 * Every failure is a `CompileError` with the byte offset (absolute, in the
 * module's bytes) and the testsuite's message: "unexpected end" (past the
 * readable range), "integer representation too long" (more bytes than the
 * width allows), "integer too large" (unused bits of the last byte set),
 * "malformed UTF-8 encoding". It never allocates from an untrusted length
 * before checking it against the bytes that remain.
 *
 * It does not know sections or instructions; see decoder.ts and instr.ts.
 */
import { CompileError } from '../errors.js';
import { DEFAULT_FEATURES, enabledOps, type Features } from '../ast/features.js';

const DEFAULT_OPS = enabledOps(DEFAULT_FEATURES);

/** Message for reading past the end of the current section or function body. */
export const UNEXPECTED_END = 'unexpected end of section or function';

/**
 * A read ran past the reader's end. The decoder reads a section within its
 * declared size first; when that runs out it re-reads with the whole input as
 * the limit, as the reference interpreter does, to report the same message.
 */
export class TruncatedError extends CompileError {}

export class Reader {
  /** The bytes (a view; `pos`/`end` index into it). */
  readonly buf: Uint8Array;
  pos: number;
  end: number;
  /** Absolute module offset of `buf[0]`, for error messages. */
  readonly base: number;
  /** Message used when a read runs past `end`. */
  endMessage: string;
  /** Enabled proposals, and the per-Op mask derived from them. */
  features: Features = DEFAULT_FEATURES;
  ops: Uint8Array = DEFAULT_OPS;

  constructor(buf: Uint8Array, pos = 0, end = buf.length, base = 0, endMessage = UNEXPECTED_END) {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
    this.base = base;
    this.endMessage = endMessage;
  }

  /** Throws a CompileError at absolute offset of `pos` (default: current position). */
  fail(message: string, pos: number = this.pos): never {
    if (message === this.endMessage) throw new TruncatedError(`${message} @ offset ${this.base + pos}`, this.base + pos);
    throw new CompileError(`${message} @ offset ${this.base + pos}`, this.base + pos);
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  atEnd(): boolean {
    return this.pos >= this.end;
  }

  u8(): number {
    if (this.pos >= this.end) this.fail(this.endMessage);
    return this.buf[this.pos++]!;
  }

  peek(): number {
    if (this.pos >= this.end) this.fail(this.endMessage);
    return this.buf[this.pos]!;
  }

  /** Unsigned LEB128, at most 32 bits. */
  u32(): number {
    const buf = this.buf;
    let pos = this.pos;
    if (pos < this.end) {
      const b = buf[pos]!;
      if (b < 0x80) {
        this.pos = pos + 1;
        return b;
      }
    }
    let result = 0;
    let shift = 0;
    for (;;) {
      if (pos >= this.end) { this.pos = pos; this.fail(this.endMessage); }
      const b = buf[pos++]!;
      if (shift === 28) {
        if (b & 0x80) { this.pos = pos - 1; this.fail('integer representation too long'); }
        if (b & 0x70) { this.pos = pos - 1; this.fail('integer too large'); }
        this.pos = pos;
        return (result | (b << 28)) >>> 0;
      }
      result |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) {
        this.pos = pos;
        return result >>> 0;
      }
      shift += 7;
    }
  }

  /** Signed LEB128, at most 32 bits (result as int32). */
  s32(): number {
    const buf = this.buf;
    let pos = this.pos;
    let result = 0;
    let shift = 0;
    for (;;) {
      if (pos >= this.end) { this.pos = pos; this.fail(this.endMessage); }
      const b = buf[pos++]!;
      if (shift === 28) {
        if (b & 0x80) { this.pos = pos - 1; this.fail('integer representation too long'); }
        // The unused bits (4..6) must equal the sign bit (bit 3).
        const top = b & 0x78;
        if (top !== 0 && top !== 0x78) { this.pos = pos - 1; this.fail('integer too large'); }
        this.pos = pos;
        return result | (b << 28);
      }
      result |= (b & 0x7f) << shift;
      shift += 7;
      if ((b & 0x80) === 0) {
        this.pos = pos;
        return shift < 32 && (b & 0x40) ? result | (-1 << shift) : result;
      }
    }
  }

  /**
   * Signed LEB128 of 33 bits, used for block types and heap types. Returns a
   * number (exact: 33 bits fit in a double).
   */
  s33(): number {
    let result = 0;
    let mul = 1;
    for (let i = 0; ; i++) {
      const b = this.u8();
      if (i === 4) {
        if (b & 0x80) this.fail('integer representation too long', this.pos - 1);
        // 33 bits: 28 used so far; this byte holds bits 28..32, bits 5..6 must equal bit 4 (sign).
        const top = b & 0x70;
        if (top !== 0 && top !== 0x70) this.fail('integer too large', this.pos - 1);
        result += (b & 0x1f) * mul;
        if (b & 0x10) result -= 2 ** 33;
        return result;
      }
      result += (b & 0x7f) * mul;
      mul *= 128;
      if ((b & 0x80) === 0) {
        if (b & 0x40) result -= mul;
        return result;
      }
    }
  }

  /**
   * Signed LEB128 of 64 bits into two int32 words: returns lo, leaves hi in `this.hi`.
   */
  s64(): number {
    return this.leb64(true);
  }

  /** Unsigned LEB128 of 64 bits into two words: returns lo (uint32), leaves hi (uint32) in `this.hi`. */
  u64(): number {
    return this.leb64(false) >>> 0;
  }

  /**
   * The 64-bit LEB128 reader behind `s64` and `u64`. In the tenth byte only
   * bit 0 (bit 63 of the value) is used: the other bits must be 0 (unsigned)
   * or copies of it (signed), else "integer too large".
   */
  private leb64(signed: boolean): number {
    let lo = 0;
    let hi = 0;
    let shift = 0;
    for (let i = 0; ; i++) {
      const b = this.u8();
      if (i === 9) {
        if (b & 0x80) this.fail('integer representation too long', this.pos - 1);
        const top = b & 0x7f;
        if (signed ? top !== 0 && top !== 0x7f : (top & 0x7e) !== 0) this.fail('integer too large', this.pos - 1);
        hi |= b << 31;
        this.hi = signed ? hi : hi >>> 0;
        return lo;
      }
      const v = b & 0x7f;
      if (shift < 28) lo |= v << shift;
      else if (shift === 28) { lo |= v << 28; hi |= v >>> 4; }
      else hi |= v << (shift - 32);
      shift += 7;
      if ((b & 0x80) === 0) {
        if (signed && b & 0x40) {
          // sign-extend from `shift` bits
          if (shift < 32) { lo |= -1 << shift; hi = -1; }
          else hi |= -1 << (shift - 32);
        }
        this.hi = signed ? hi : hi >>> 0;
        return lo;
      }
    }
  }

  /** The high word left by the last `s64`/`u64`. */
  hi = 0;

  /** Unsigned 64-bit LEB as a bigint (limits). */
  u64big(): bigint {
    const lo = this.u64();
    return (BigInt(this.hi) << 32n) | BigInt(lo);
  }

  /** Four bytes little endian, as uint32 bits (f32). */
  bits32(): number {
    if (this.end - this.pos < 4) { this.pos = this.end; this.fail(this.endMessage); }
    const b = this.buf;
    const p = this.pos;
    this.pos = p + 4;
    return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
  }

  /** `n` bytes as a view (no copy); fails with `message` (default: the end message) if fewer remain. */
  bytes(n: number, message: string = this.endMessage): Uint8Array {
    const p = this.pos;
    this.skip(n, message);
    return this.buf.subarray(p, p + n);
  }

  /** Moves past `n` bytes; fails as `bytes` does if fewer remain. */
  skip(n: number, message: string = this.endMessage): void {
    if (n > this.end - this.pos) {
      if (message !== this.endMessage) throw new TruncatedError(`${message} @ offset ${this.base + this.pos}`, this.base + this.pos);
      this.pos = this.end;
      this.fail(this.endMessage);
    }
    this.pos += n;
  }

  /** A name: u32 length then UTF-8 bytes, validated ("Names"). */
  name(): string {
    const n = this.u32();
    const start = this.pos;
    const bytes = this.bytes(n, 'length out of bounds');
    const s = decodeUtf8(bytes);
    if (s === null) this.fail('malformed UTF-8 encoding', start);
    return s;
  }
}

/**
 * Strict UTF-8 decoding (no overlongs, no surrogates, nothing above U+10FFFF);
 * null when malformed. Written out because `TextDecoder` is not in every
 * ES2020 engine this library targets.
 */
export function decodeUtf8(b: Uint8Array): string | null {
  let out = '';
  let chunk: number[] = [];
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    let cp: number;
    if (c < 0x80) {
      cp = c;
      i += 1;
    } else if (c >= 0xc2 && c <= 0xdf) {
      if (i + 1 >= n) return null;
      const c1 = b[i + 1]!;
      if ((c1 & 0xc0) !== 0x80) return null;
      cp = ((c & 0x1f) << 6) | (c1 & 0x3f);
      i += 2;
    } else if (c >= 0xe0 && c <= 0xef) {
      if (i + 2 >= n) return null;
      const c1 = b[i + 1]!, c2 = b[i + 2]!;
      if ((c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80) return null;
      cp = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
      if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) return null;
      i += 3;
    } else if (c >= 0xf0 && c <= 0xf4) {
      if (i + 3 >= n) return null;
      const c1 = b[i + 1]!, c2 = b[i + 2]!, c3 = b[i + 3]!;
      if ((c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80 || (c3 & 0xc0) !== 0x80) return null;
      cp = ((c & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f);
      if (cp < 0x10000 || cp > 0x10ffff) return null;
      i += 4;
    } else {
      return null;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      chunk.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else {
      chunk.push(cp);
    }
    if (chunk.length >= 4096) {
      out += String.fromCharCode.apply(null, chunk);
      chunk = [];
    }
  }
  return out + String.fromCharCode.apply(null, chunk);
}

/** UTF-8 encoding of a JS string (lone surrogates are not expected: names come from valid UTF-8 or text). */
export function encodeUtf8(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}
