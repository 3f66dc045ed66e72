/**
 * A growable byte buffer with the binary format's primitive encodings:
 * LEB128 (always the shortest form), little-endian floats as raw bits, names.
 */
import { encodeUtf8 } from '../decoder/reader.js';

export class Writer {
  buf: Uint8Array = new Uint8Array(256);
  len = 0;

  private grow(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.len + n) cap *= 2;
    const nb = new Uint8Array(cap);
    nb.set(this.buf.subarray(0, this.len));
    this.buf = nb;
  }

  u8(b: number): void {
    this.grow(1);
    this.buf[this.len++] = b;
  }

  bytes(b: Uint8Array): void {
    this.grow(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  /** Unsigned LEB128 of a value up to 2^32 - 1. */
  u32(v: number): void {
    v >>>= 0;
    do {
      let b = v & 0x7f;
      v >>>= 7;
      if (v !== 0) b |= 0x80;
      this.u8(b);
    } while (v !== 0);
  }

  /** Signed LEB128 of an int32. */
  s32(v: number): void {
    v |= 0;
    for (;;) {
      const b = v & 0x7f;
      v >>= 7;
      if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) {
        this.u8(b);
        return;
      }
      this.u8(b | 0x80);
    }
  }

  /** Signed LEB128 of a value of up to 33 bits (block and heap types). */
  s33(v: number): void {
    for (;;) {
      const b = ((v % 128) + 128) % 128;
      v = Math.floor(v / 128);
      if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) {
        this.u8(b);
        return;
      }
      this.u8(b | 0x80);
    }
  }

  /** Signed LEB128 of the i64 (lo, hi) words. */
  s64(lo: number, hi: number): void {
    this.s64big((BigInt(hi | 0) << 32n) | BigInt(lo >>> 0));
  }

  /** Unsigned LEB128 of the u64 (lo, hi) words. */
  u64(lo: number, hi: number): void {
    this.u64big((BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0));
  }

  s64big(v: bigint): void {
    for (;;) {
      const b = Number(v & 0x7fn);
      v >>= 7n;
      if ((v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0)) {
        this.u8(b);
        return;
      }
      this.u8(b | 0x80);
    }
  }

  u64big(v: bigint): void {
    do {
      let b = Number(v & 0x7fn);
      v >>= 7n;
      if (v !== 0n) b |= 0x80;
      this.u8(b);
    } while (v !== 0n);
  }

  /** Four bytes little endian. */
  bits32(v: number): void {
    this.u8(v & 0xff);
    this.u8((v >>> 8) & 0xff);
    this.u8((v >>> 16) & 0xff);
    this.u8((v >>> 24) & 0xff);
  }

  name(s: string): void {
    const b = encodeUtf8(s);
    this.u32(b.length);
    this.bytes(b);
  }

  /** Writes `w`'s bytes prefixed by their length (a section or body). */
  sized(w: Writer): void {
    this.u32(w.len);
    this.bytes(w.finish());
  }

  /** The bytes written so far. */
  finish(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}
