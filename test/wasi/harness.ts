/**
 * Calls tswasm's WASI host functions directly, the way a guest would: a
 * native `WebAssembly.Memory` stands in for the instance's exported memory,
 * strings and structures are placed in it with a bump allocator, and each
 * helper returns the errno plus the decoded results.
 */
import { Errno, WASI, type WasiPolicy } from '../../src/wasi/index.js';

export const Rights = {
  FD_READ: 1n << 1n, FD_SEEK: 1n << 2n, FD_WRITE: 1n << 6n, FD_READDIR: 1n << 14n, FD_FILESTAT_GET: 1n << 21n,
  ALL: (1n << 30n) - 1n,
};
export const O = { CREAT: 1, DIRECTORY: 2, EXCL: 4, TRUNC: 8 };
export const FOLLOW = 1;

export class Guest {
  readonly wasi: WASI;
  readonly memory = new WebAssembly.Memory({ initial: 2 });
  private top = 1024;

  constructor(policy: WasiPolicy) {
    this.wasi = new WASI(policy);
    this.wasi.initialize({ exports: { memory: this.memory } });
  }

  call(name: string, ...args: (number | bigint)[]): number {
    const fn = this.wasi.wasiImport[name] as unknown as (...a: (number | bigint)[]) => number;
    return fn(...args);
  }

  get view(): DataView {
    return new DataView(this.memory.buffer);
  }

  alloc(size: number): number {
    const at = this.top;
    this.top += (size + 7) & ~7;
    return at;
  }

  str(s: string): [number, number] {
    const bytes = new TextEncoder().encode(s);
    const at = this.alloc(bytes.length);
    new Uint8Array(this.memory.buffer).set(bytes, at);
    return [at, bytes.length];
  }

  u32(ptr: number): number {
    return this.view.getUint32(ptr, true);
  }

  u64(ptr: number): bigint {
    return this.view.getBigUint64(ptr, true);
  }

  text(ptr: number, len: number): string {
    return new TextDecoder().decode(new Uint8Array(this.memory.buffer, ptr, len));
  }

  /** path_open; returns [errno, fd]. */
  open(dirfd: number, path: string, opts: { oflags?: number; rights?: bigint; fdflags?: number; follow?: boolean } = {}): [number, number] {
    const [p, n] = this.str(path);
    const out = this.alloc(4);
    const rights = opts.rights ?? Rights.ALL;
    const e = this.call('path_open', dirfd, opts.follow === false ? 0 : FOLLOW, p, n, opts.oflags ?? 0, rights, rights, opts.fdflags ?? 0, out);
    return [e, e === Errno.SUCCESS ? this.u32(out) : -1];
  }

  /** path_filestat_get; returns [errno, filetype, size]. */
  stat(dirfd: number, path: string, follow = true): [number, number, bigint] {
    const [p, n] = this.str(path);
    const out = this.alloc(64);
    const e = this.call('path_filestat_get', dirfd, follow ? FOLLOW : 0, p, n, out);
    return [e, this.view.getUint8(out + 16), this.u64(out + 32)];
  }

  /** fd_write of one buffer; returns [errno, written]. */
  write(fd: number, s: string): [number, number] {
    const [p, n] = this.str(s);
    const iov = this.alloc(8);
    this.view.setUint32(iov, p, true);
    this.view.setUint32(iov + 4, n, true);
    const out = this.alloc(4);
    const e = this.call('fd_write', fd, iov, 1, out);
    return [e, this.u32(out)];
  }

  /** fd_read of up to `max` bytes; returns [errno, text]. */
  read(fd: number, max = 256): [number, string] {
    const buf = this.alloc(max);
    const iov = this.alloc(8);
    this.view.setUint32(iov, buf, true);
    this.view.setUint32(iov + 4, max, true);
    const out = this.alloc(4);
    const e = this.call('fd_read', fd, iov, 1, out);
    return [e, e === 0 ? this.text(buf, this.u32(out)) : ''];
  }

  /** Calls a `path_*` function taking (fd, path) only. */
  pathOp(name: string, fd: number, path: string): number {
    const [p, n] = this.str(path);
    return this.call(name, fd, p, n);
  }
}
