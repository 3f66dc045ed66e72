/**
 * The `fd_*` calls: reading, writing, seeking, metadata, directory listing
 * and descriptor management on open descriptors.
 *
 * Each call checks the descriptor's rights first (`ENOTCAPABLE`), then its
 * kind (`ESPIPE` for seeking a stream, `EISDIR`/`EBADF` where POSIX says so).
 * File positions are JS numbers (exact to 2^53 bytes; larger offsets are
 * `EFBIG`/`EINVAL`). Standard streams report their use to the observer as
 * `stdin`/`stdout`/`stderr`, files and directories as `fs`. Deliberately not
 * here: path-based calls (`path.ts`), preopen setup (`../wasi.ts`).
 *
 * Spec: preview1 `fd_advise` … `fd_write`, `fdstat`, `filestat`, `dirent`.
 */
import { ADVICE_MAX, Errno, Fdflags, Filetype, Fstflags, Layout, Rights, Whence } from '../constants.js';
import type { WasiContext } from '../context.js';
import { ErrnoError } from '../errors.js';
import { fdFiletype, type FdEntry, type FileFd } from '../fd-table.js';
import type { Filestat } from '../fs/types.js';
import type { GuestMemory } from '../guest-memory.js';
import { utf8Encode } from '../utf8.js';

/**
 * Most bytes one fd_read/fd_write moves (a short count is legal POSIX and
 * libc loops): overlapping iovecs could otherwise ask the host to allocate
 * many times the guest's memory.
 */
const MAX_IO_BYTES = 16 * 1024 * 1024;
/** Most bytes one read from standard input asks the source for. */
const MAX_STDIN_CHUNK = 64 * 1024;

/** Largest file offset we can represent exactly. */
const MAX_OFFSET = BigInt(Number.MAX_SAFE_INTEGER);

/** A guest i64 offset/length as a number; `errno` when negative or too large. */
export function toOffset(value: bigint, errno: Errno = Errno.INVAL): number {
  if (value < 0n || value > MAX_OFFSET) throw new ErrnoError(errno);
  return Number(value);
}

/** Writes a `filestat` at `ptr`. */
export function writeFilestat(m: GuestMemory, ptr: number, st: Filestat): void {
  m.check(ptr, Layout.FILESTAT_SIZE);
  m.u64(ptr, st.dev);
  m.u64(ptr + 8, st.ino);
  m.u8(ptr + 16, st.filetype);
  m.u64(ptr + 24, st.nlink);
  m.u64(ptr + 32, st.size);
  m.u64(ptr + 40, st.atim);
  m.u64(ptr + 48, st.mtim);
  m.u64(ptr + 56, st.ctim);
}

/** The `filestat` of any descriptor (streams are character devices with zeroed fields). */
function statOf(e: FdEntry): Filestat {
  if (e.kind === 'file') return e.fs.stat(e.node);
  if (e.kind === 'dir') return e.fs.stat(e.chain[e.chain.length - 1]);
  return { dev: 0n, ino: 0n, filetype: Filetype.CHARACTER_DEVICE, nlink: 1n, size: 0n, atim: 0n, mtim: 0n, ctim: 0n };
}

/** Resolves the `fstflags` of a `*_set_times` call to the times to set. */
export function timesFrom(ctx: WasiContext, atim: bigint, mtim: bigint, fst: number): [bigint | undefined, bigint | undefined] {
  if ((fst & Fstflags.ATIM && fst & Fstflags.ATIM_NOW) || (fst & Fstflags.MTIM && fst & Fstflags.MTIM_NOW)) {
    throw new ErrnoError(Errno.INVAL);
  }
  if (fst & ~15) throw new ErrnoError(Errno.INVAL);
  // File timestamps are file-system data, not the clock capability: without a clock, "now" is the host's wall time.
  const now = () => (ctx.clock ? ctx.clock.now(0) : BigInt(Date.now()) * 1_000_000n);
  const a = fst & Fstflags.ATIM_NOW ? now() : fst & Fstflags.ATIM ? atim : undefined;
  const t = fst & Fstflags.MTIM_NOW ? now() : fst & Fstflags.MTIM ? mtim : undefined;
  return [a, t];
}

/** Reports a stream or file use and checks `rights`. */
function use(ctx: WasiContext, call: string, fd: number, rights: number, detail = ''): FdEntry {
  const e = ctx.fds.get(fd);
  const allowed = (e.rightsBase & rights) === rights;
  if (e.kind === 'stream') ctx.observe(e.stream, call, allowed, detail || undefined);
  else ctx.observe('fs', call, allowed, detail ? `${e.label} ${detail}` : e.label);
  if (!allowed) throw new ErrnoError(Errno.NOTCAPABLE, `${call} fd ${fd}`);
  return e;
}

function fileOnly(e: FdEntry): FileFd {
  if (e.kind === 'file') return e;
  throw new ErrnoError(e.kind === 'dir' ? Errno.ISDIR : Errno.SPIPE);
}

/** Reads into `iovs` from entry `e` at `position` (files) or from stdin. */
function readInto(ctx: WasiContext, m: GuestMemory, e: FdEntry, ptr: number, count: number, position: number | null): number {
  const iovs = m.iovecs(ptr, count);
  let total = 0;
  for (const v of iovs) total += v.len;
  if (e.kind === 'stream') return m.scatter(iovs, ctx.readStdin(Math.min(total, MAX_STDIN_CHUNK)));
  const f = fileOnly(e);
  const buf = new Uint8Array(Math.min(total, MAX_IO_BYTES));
  const n = f.file.read(buf, position ?? f.position);
  return m.scatter(iovs, buf.subarray(0, n));
}

/** Writes the bytes of `iovs` to entry `e` at `position` (files) or to stdout/stderr. */
function writeFrom(ctx: WasiContext, m: GuestMemory, e: FdEntry, ptr: number, count: number, position: number | null): number {
  const data = m.gather(m.iovecs(ptr, count), MAX_IO_BYTES);
  if (e.kind === 'stream') {
    const sink = e.stream === 'stderr' ? ctx.policy.stderr : ctx.policy.stdout;
    if (!sink) throw new ErrnoError(Errno.NOTCAPABLE);
    sink(data);
    return data.length;
  }
  const f = fileOnly(e);
  return f.file.write(data, position ?? f.position);
}

/** The `fd_*` functions, keyed by their WASI names. */
export function fdCalls(ctx: WasiContext) {
  const fds = ctx.fds;
  /** The preopen at `fd` (EBADF past the last one: that is how wasi-libc finds the end of the list). */
  const preopen = (call: string, fd: number) => {
    let e: FdEntry;
    try {
      e = fds.get(fd);
    } catch (err) {
      ctx.observe('fs', call, false, `fd ${fd}`);
      throw err;
    }
    const isPreopen = e.kind === 'dir' && e.preopenName !== undefined;
    ctx.observe('fs', call, isPreopen, e.kind === 'stream' ? e.stream : e.label);
    if (e.kind !== 'dir' || e.preopenName === undefined) throw new ErrnoError(Errno.BADF);
    return { ...e, preopenName: e.preopenName };
  };
  return {
    fd_read(fd: number, iovs: number, iovsLen: number, nreadPtr: number): void {
      const m = ctx.memory();
      m.check(nreadPtr, 4); // fail before any side effect
      const e = use(ctx, 'fd_read', fd, Rights.FD_READ);
      const n = readInto(ctx, m, e, iovs, iovsLen, null);
      if (e.kind === 'file') e.position += n;
      m.u32(nreadPtr, n);
    },
    fd_pread(fd: number, iovs: number, iovsLen: number, offset: bigint, nreadPtr: number): void {
      const m = ctx.memory();
      m.check(nreadPtr, 4); // fail before any side effect
      const e = fileOnly(use(ctx, 'fd_pread', fd, Rights.FD_READ | Rights.FD_SEEK));
      m.u32(nreadPtr, readInto(ctx, m, e, iovs, iovsLen, toOffset(offset)));
    },
    fd_write(fd: number, iovs: number, iovsLen: number, nwrittenPtr: number): void {
      const m = ctx.memory();
      m.check(nwrittenPtr, 4); // fail before any side effect
      const e = use(ctx, 'fd_write', fd, Rights.FD_WRITE);
      if (e.kind === 'file' && e.fdflags & Fdflags.APPEND) e.position = e.file.size();
      const n = writeFrom(ctx, m, e, iovs, iovsLen, null);
      if (e.kind === 'file') e.position += n;
      m.u32(nwrittenPtr, n);
    },
    fd_pwrite(fd: number, iovs: number, iovsLen: number, offset: bigint, nwrittenPtr: number): void {
      const m = ctx.memory();
      m.check(nwrittenPtr, 4); // fail before any side effect
      const e = fileOnly(use(ctx, 'fd_pwrite', fd, Rights.FD_WRITE | Rights.FD_SEEK));
      m.u32(nwrittenPtr, writeFrom(ctx, m, e, iovs, iovsLen, toOffset(offset, Errno.FBIG)));
    },
    fd_seek(fd: number, offset: bigint, whence: number, newOffsetPtr: number): void {
      const tellOnly = offset === 0n && whence === Whence.CUR;
      const e = use(ctx, 'fd_seek', fd, tellOnly ? Rights.FD_TELL : Rights.FD_SEEK);
      const f = fileOnly(e);
      const base = whence === Whence.SET ? 0 : whence === Whence.CUR ? f.position : whence === Whence.END ? f.file.size() : NaN;
      if (Number.isNaN(base)) throw new ErrnoError(Errno.INVAL);
      const target = BigInt(base) + offset;
      f.position = toOffset(target);
      ctx.memory().u64(newOffsetPtr, f.position);
    },
    fd_tell(fd: number, offsetPtr: number): void {
      const f = fileOnly(use(ctx, 'fd_tell', fd, Rights.FD_TELL));
      ctx.memory().u64(offsetPtr, f.position);
    },
    fd_close(fd: number): void {
      fds.close(fd);
    },
    fd_renumber(from: number, to: number): void {
      fds.renumber(from, to);
    },
    fd_advise(fd: number, offset: bigint, len: bigint, advice: number): void {
      use(ctx, 'fd_advise', fd, Rights.FD_ADVISE);
      toOffset(offset);
      toOffset(len);
      if (advice < 0 || advice > ADVICE_MAX) throw new ErrnoError(Errno.INVAL);
    },
    fd_allocate(fd: number, offset: bigint, len: bigint): void {
      const f = fileOnly(use(ctx, 'fd_allocate', fd, Rights.FD_ALLOCATE));
      const end = toOffset(offset) + toOffset(len);
      if (end > Number.MAX_SAFE_INTEGER) throw new ErrnoError(Errno.FBIG);
      if (end > f.file.size()) f.file.truncate(end);
    },
    fd_datasync(fd: number): void {
      const e = use(ctx, 'fd_datasync', fd, Rights.FD_DATASYNC);
      if (e.kind === 'file') e.file.sync();
    },
    fd_sync(fd: number): void {
      const e = use(ctx, 'fd_sync', fd, Rights.FD_SYNC);
      if (e.kind === 'file') e.file.sync();
    },
    fd_fdstat_get(fd: number, ptr: number): void {
      const e = fds.get(fd);
      const m = ctx.memory();
      m.check(ptr, Layout.FDSTAT_SIZE);
      m.u8(ptr, fdFiletype(e));
      m.u16(ptr + 2, e.fdflags);
      m.u64(ptr + 8, e.rightsBase);
      m.u64(ptr + 16, e.rightsInheriting);
    },
    fd_fdstat_set_flags(fd: number, flags: number): void {
      const e = use(ctx, 'fd_fdstat_set_flags', fd, Rights.FD_FDSTAT_SET_FLAGS);
      if (flags & ~(Fdflags.APPEND | Fdflags.DSYNC | Fdflags.NONBLOCK | Fdflags.RSYNC | Fdflags.SYNC)) throw new ErrnoError(Errno.INVAL);
      e.fdflags = flags;
    },
    fd_fdstat_set_rights(fd: number, base: bigint, inheriting: bigint): void {
      const e = fds.get(fd);
      const b = Number(BigInt.asUintN(32, base));
      const i = Number(BigInt.asUintN(32, inheriting));
      // Rights can only be dropped, never gained.
      if (base >> 32n || inheriting >> 32n || (b & ~e.rightsBase) || (i & ~e.rightsInheriting)) {
        throw new ErrnoError(Errno.NOTCAPABLE);
      }
      e.rightsBase = b;
      e.rightsInheriting = i;
    },
    fd_filestat_get(fd: number, ptr: number): void {
      const e = use(ctx, 'fd_filestat_get', fd, Rights.FD_FILESTAT_GET);
      writeFilestat(ctx.memory(), ptr, statOf(e));
    },
    fd_filestat_set_size(fd: number, size: bigint): void {
      const f = fileOnly(use(ctx, 'fd_filestat_set_size', fd, Rights.FD_FILESTAT_SET_SIZE));
      f.file.truncate(toOffset(size, Errno.FBIG));
    },
    fd_filestat_set_times(fd: number, atim: bigint, mtim: bigint, fst: number): void {
      const e = use(ctx, 'fd_filestat_set_times', fd, Rights.FD_FILESTAT_SET_TIMES);
      if (e.kind === 'stream') throw new ErrnoError(Errno.BADF);
      const [a, t] = timesFrom(ctx, atim, mtim, fst);
      e.fs.setTimes(e.kind === 'file' ? e.node : e.chain[e.chain.length - 1], a, t);
    },
    fd_prestat_get(fd: number, ptr: number): void {
      const e = preopen('fd_prestat_get', fd);
      const m = ctx.memory();
      m.u8(ptr, 0);
      m.u32(ptr + 4, utf8Encode(e.preopenName).length);
    },
    fd_prestat_dir_name(fd: number, pathPtr: number, pathLen: number): void {
      const e = preopen('fd_prestat_dir_name', fd);
      const name = utf8Encode(e.preopenName);
      if (pathLen < name.length) throw new ErrnoError(Errno.NAMETOOLONG);
      ctx.memory().write(pathPtr, name);
    },
    fd_readdir(fd: number, buf: number, bufLen: number, cookie: bigint, bufusedPtr: number): void {
      const e = use(ctx, 'fd_readdir', fd, Rights.FD_READDIR);
      if (e.kind !== 'dir') throw new ErrnoError(Errno.NOTDIR);
      const m = ctx.memory();
      m.check(buf, bufLen);
      const here = e.chain[e.chain.length - 1];
      const parent = e.chain.length > 1 ? e.chain[e.chain.length - 2] : here;
      const entries = [
        { name: '.', filetype: Filetype.DIRECTORY, ino: e.fs.stat(here).ino },
        { name: '..', filetype: Filetype.DIRECTORY, ino: e.fs.stat(parent).ino },
        ...e.fs.readdir(here),
      ];
      // Each dirent is a fixed header then the name; the last one may be cut at the buffer's end.
      const out = new Uint8Array(bufLen);
      let used = 0;
      for (let i = Number(cookie > BigInt(entries.length) ? BigInt(entries.length) : cookie); i < entries.length && used < bufLen; i++) {
        const ent = entries[i];
        const name = utf8Encode(ent.name);
        const rec = new Uint8Array(Layout.DIRENT_SIZE + name.length);
        const rv = new DataView(rec.buffer);
        rv.setBigUint64(0, BigInt(i + 1), true);
        rv.setBigUint64(8, ent.ino, true);
        rv.setUint32(16, name.length, true);
        rv.setUint8(20, ent.filetype);
        rec.set(name, Layout.DIRENT_SIZE);
        const n = Math.min(rec.length, bufLen - used);
        out.set(rec.subarray(0, n), used);
        used += n;
      }
      m.write(buf, out.subarray(0, used));
      m.u32(bufusedPtr, used);
    },
  };
}
