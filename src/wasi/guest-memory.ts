/**
 * Reading and writing the guest's linear memory from host functions.
 *
 * The WASI layer never caches a view: `memory.grow` replaces (and detaches)
 * the buffer, so every syscall asks for a fresh `GuestMemory` through
 * `instance.exports.memory.buffer`. This works the same with native
 * WebAssembly and with tswasm's own `WebAssembly.Memory`. Every access is
 * bounds-checked up front and fails with `EFAULT`, like a native host would.
 *
 * Spec: preview1 pointers are `u32` offsets into memory 0 ("memory" export);
 * all integers are little-endian; `ciovec`/`iovec` are {buf u32, len u32}.
 */
import { Errno, Layout } from './constants.js';
import { ErrnoError } from './errors.js';
import { utf8Decode, utf8Encode } from './utf8.js';

/** One buffer of a scatter/gather list, already bounds-checked. */
export interface IoVec {
  ptr: number;
  len: number;
}

/** Views on the guest memory valid for the duration of one call. */
export class GuestMemory {
  readonly view: DataView;
  readonly bytes: Uint8Array;

  constructor(buffer: ArrayBuffer) {
    this.view = new DataView(buffer);
    this.bytes = new Uint8Array(buffer);
  }

  /** Throws EFAULT unless `[ptr, ptr + len)` lies in memory. */
  check(ptr: number, len: number): void {
    if (ptr < 0 || len < 0 || ptr + len > this.bytes.length) throw new ErrnoError(Errno.FAULT, `${ptr}+${len}`);
  }

  u8(ptr: number, value: number): void {
    this.check(ptr, 1);
    this.view.setUint8(ptr, value);
  }
  u16(ptr: number, value: number): void {
    this.check(ptr, 2);
    this.view.setUint16(ptr, value, true);
  }
  u32(ptr: number, value: number): void {
    this.check(ptr, 4);
    this.view.setUint32(ptr, value, true);
  }
  u64(ptr: number, value: bigint | number): void {
    this.check(ptr, 8);
    this.view.setBigUint64(ptr, BigInt.asUintN(64, BigInt(value)), true);
  }
  getU8(ptr: number): number {
    this.check(ptr, 1);
    return this.view.getUint8(ptr);
  }
  getU16(ptr: number): number {
    this.check(ptr, 2);
    return this.view.getUint16(ptr, true);
  }
  getU32(ptr: number): number {
    this.check(ptr, 4);
    return this.view.getUint32(ptr, true);
  }
  getU64(ptr: number): bigint {
    this.check(ptr, 8);
    return this.view.getBigUint64(ptr, true);
  }

  /** A copy of `len` bytes at `ptr`. */
  read(ptr: number, len: number): Uint8Array {
    this.check(ptr, len);
    return this.bytes.slice(ptr, ptr + len);
  }

  /** Copies `data` to `ptr`. */
  write(ptr: number, data: Uint8Array): void {
    this.check(ptr, data.length);
    this.bytes.set(data, ptr);
  }

  /** A UTF-8 string (path, symlink target); EILSEQ when malformed. */
  string(ptr: number, len: number): string {
    const s = utf8Decode(this.read(ptr, len));
    if (s === null) throw new ErrnoError(Errno.ILSEQ);
    return s;
  }

  /** The `count` iovecs at `ptr`, each checked. */
  iovecs(ptr: number, count: number): IoVec[] {
    this.check(ptr, count * Layout.IOVEC_SIZE);
    const out: IoVec[] = [];
    for (let i = 0; i < count; i++) {
      const base = ptr + i * Layout.IOVEC_SIZE;
      const v = { ptr: this.getU32(base), len: this.getU32(base + 4) };
      this.check(v.ptr, v.len);
      out.push(v);
    }
    return out;
  }

  /** Concatenates the bytes of `iovs` (for writes), at most `max` of them. */
  gather(iovs: IoVec[], max = Infinity): Uint8Array {
    let total = 0;
    for (const v of iovs) total += v.len;
    const out = new Uint8Array(Math.min(total, max));
    let at = 0;
    for (const v of iovs) {
      const n = Math.min(v.len, out.length - at);
      out.set(this.bytes.subarray(v.ptr, v.ptr + n), at);
      at += n;
      if (at === out.length) break;
    }
    return out;
  }

  /** Spreads `data` over `iovs` (for reads); returns the bytes placed. */
  scatter(iovs: IoVec[], data: Uint8Array): number {
    let at = 0;
    for (const v of iovs) {
      if (at >= data.length) break;
      const n = Math.min(v.len, data.length - at);
      this.bytes.set(data.subarray(at, at + n), v.ptr);
      at += n;
    }
    return at;
  }

  /**
   * Writes a list of strings the `args_get`/`environ_get` way: NUL-terminated
   * into `bufPtr`, with a pointer to each in the u32 array at `ptrsPtr`.
   */
  stringList(items: readonly string[], ptrsPtr: number, bufPtr: number): void {
    let at = bufPtr;
    items.forEach((item, i) => {
      const bytes = utf8Encode(item);
      this.u32(ptrsPtr + i * 4, at);
      this.write(at, bytes);
      this.u8(at + bytes.length, 0);
      at += bytes.length + 1;
    });
  }
}

/** Total UTF-8 size of `items` with a NUL after each (for `*_sizes_get`). */
export function stringListSize(items: readonly string[]): number {
  let n = 0;
  for (const item of items) n += utf8Encode(item).length + 1;
  return n;
}
