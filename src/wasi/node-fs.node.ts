/**
 * The Node adapter (a separate entry point: the only WASI file importing
 * `node:` modules). `NodeFileSystem` maps a host directory to a preopen;
 * `nodeStdin`/`nodeStdout`/`nodeStderr` and `inheritEnv` connect the host
 * process's streams and environment when the embedder chooses to grant them.
 *
 * Containment is the WASI layer's: this adapter only ever sees one directory
 * entry at a time below a node it handed out, never follows a symlink itself
 * (`lstat`, `O_NOFOLLOW`), and checks on `open` that the inode is still the
 * one resolution saw. The guest cannot race resolution (each WASI call is
 * synchronous); another *host* process renaming directories mid-call could,
 * since Node has no `openat`: do not preopen directories that untrusted host
 * processes can modify concurrently. Deliberately not here: permission bits,
 * ownership, the host's umask (files are created 0o666 & ~umask).
 *
 * Spec: preview1 `path_*`/`fd_*` as POSIX operations on the host.
 */
import {
  closeSync, constants, fstatSync, fsyncSync, ftruncateSync, linkSync, lstatSync, lutimesSync, mkdirSync,
  openSync, readdirSync, readlinkSync, readSync, realpathSync, renameSync, rmdirSync, symlinkSync, unlinkSync,
  writeSync, type BigIntStats,
} from 'node:fs';
import { join } from 'node:path';
import { Errno, Filetype } from './constants.js';
import { ErrnoError } from './errors.js';
import type { DirEntry, FileSystem, Filestat, FsNode, OpenFile, OpenMode } from './fs/types.js';

/** A host path below the preopen's root, with the inode resolution found there. */
class HostNode implements FsNode {
  readonly fsNode = true as const;
  constructor(
    readonly path: string,
    readonly ino: bigint,
  ) {}
}

/** Turns a Node error into `ErrnoError` (by its `code`, e.g. `ENOENT` → `Errno.NOENT`). */
function mapError(e: unknown): never {
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('E')) {
    const errno = (Errno as Record<string, number>)[code.slice(1)];
    if (errno !== undefined) throw new ErrnoError(errno as Errno, (e as Error).message);
  }
  if (e instanceof ErrnoError) throw e;
  throw new ErrnoError(Errno.IO, String(e));
}

function host<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    mapError(e);
  }
}

function filetypeOf(st: BigIntStats | { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): Filetype {
  if (st.isFile()) return Filetype.REGULAR_FILE;
  if (st.isDirectory()) return Filetype.DIRECTORY;
  if (st.isSymbolicLink()) return Filetype.SYMBOLIC_LINK;
  if (st.isCharacterDevice()) return Filetype.CHARACTER_DEVICE;
  if (st.isBlockDevice()) return Filetype.BLOCK_DEVICE;
  if (st.isSocket()) return Filetype.SOCKET_STREAM;
  return Filetype.UNKNOWN;
}

function lstat(path: string): BigIntStats {
  const st = host(() => lstatSync(path, { bigint: true, throwIfNoEntry: false }));
  if (!st) throw new ErrnoError(Errno.NOENT, path);
  return st;
}

const NS_PER_S = 1_000_000_000n;

/** Nanoseconds as the seconds Node's `utimes` family takes (a double: about 240 ns resolution today). */
function seconds(ns: bigint): number {
  return Number(ns / NS_PER_S) + Number(ns % NS_PER_S) / 1e9;
}

/**
 * Times a guest set, exactly, next to what the host stored for them. Node's
 * `utimes` takes seconds as a double, so a time set to the nanosecond comes
 * back rounded; while the host still holds the rounded value we stored, the
 * guest is shown the exact one it asked for (wasmtime, with `utimensat`, keeps
 * nanoseconds). Any later change on the host (a write, another process) shows
 * through as it is.
 */
interface SetTimes {
  hostAtim: bigint;
  hostMtim: bigint;
  atim: bigint;
  mtim: bigint;
}

/** A host directory as a WASI file system. */
export class NodeFileSystem implements FileSystem {
  private readonly rootNode: HostNode;
  /** Keyed by `dev:ino`. */
  private readonly setTimesOf = new Map<string, SetTimes>();

  /** `hostDir` must be an existing directory; it is resolved once (it may itself be a symlink). */
  constructor(hostDir: string) {
    const real = host(() => realpathSync(hostDir));
    const st = lstat(real);
    if (!st.isDirectory()) throw new Error(`NodeFileSystem: ${hostDir} is not a directory`);
    this.rootNode = new HostNode(real, st.ino);
  }

  root(): FsNode {
    return this.rootNode;
  }

  stat(node: FsNode): Filestat {
    const st = lstat((node as HostNode).path);
    const set = this.setTimesOf.get(`${st.dev}:${st.ino}`);
    return {
      dev: st.dev, ino: st.ino, filetype: filetypeOf(st), nlink: st.nlink, size: st.size,
      atim: set && set.hostAtim === st.atimeNs ? set.atim : st.atimeNs,
      mtim: set && set.hostMtim === st.mtimeNs ? set.mtim : st.mtimeNs,
      ctim: st.ctimeNs,
    };
  }

  lookup(dir: FsNode, name: string): FsNode {
    const path = join((dir as HostNode).path, name);
    return new HostNode(path, lstat(path).ino);
  }

  readlink(node: FsNode): string {
    return host(() => readlinkSync((node as HostNode).path, 'utf8'));
  }

  readdir(dir: FsNode): DirEntry[] {
    const base = (dir as HostNode).path;
    const names = host(() => readdirSync(base)).sort();
    const out: DirEntry[] = [];
    for (const name of names) {
      const st = lstatSync(join(base, name), { bigint: true, throwIfNoEntry: false });
      if (st) out.push({ name, filetype: filetypeOf(st), ino: st.ino });
    }
    return out;
  }

  mkdir(dir: FsNode, name: string): void {
    host(() => mkdirSync(join((dir as HostNode).path, name)));
  }

  createFile(dir: FsNode, name: string): FsNode {
    const path = join((dir as HostNode).path, name);
    const flags = constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | constants.O_NOFOLLOW;
    host(() => closeSync(openSync(path, flags, 0o666)));
    return new HostNode(path, lstat(path).ino);
  }

  symlink(dir: FsNode, name: string, target: string): void {
    host(() => symlinkSync(target, join((dir as HostNode).path, name)));
  }

  link(node: FsNode, dir: FsNode, name: string): void {
    host(() => linkSync((node as HostNode).path, join((dir as HostNode).path, name)));
  }

  unlink(dir: FsNode, name: string): void {
    const path = join((dir as HostNode).path, name);
    if (lstat(path).isDirectory()) throw new ErrnoError(Errno.ISDIR, path);
    host(() => unlinkSync(path));
  }

  rmdir(dir: FsNode, name: string): void {
    const path = join((dir as HostNode).path, name);
    if (!lstat(path).isDirectory()) throw new ErrnoError(Errno.NOTDIR, path);
    host(() => rmdirSync(path));
  }

  rename(srcDir: FsNode, srcName: string, dstDir: FsNode, dstName: string): void {
    host(() => renameSync(join((srcDir as HostNode).path, srcName), join((dstDir as HostNode).path, dstName)));
  }

  open(node: FsNode, mode: OpenMode): OpenFile {
    const { path, ino } = node as HostNode;
    const access = mode.read && mode.write ? constants.O_RDWR : mode.write ? constants.O_WRONLY : constants.O_RDONLY;
    const fd = host(() => openSync(path, access | constants.O_NOFOLLOW));
    // The entry must still be the one path resolution inspected (no swap in between).
    if (fstatSync(fd, { bigint: true }).ino !== ino) {
      closeSync(fd);
      throw new ErrnoError(Errno.NOTCAPABLE, `${path} changed during resolution`);
    }
    return {
      read: (dst, position) => host(() => readSync(fd, dst, 0, dst.length, position)),
      write: (src, position) => host(() => writeSync(fd, src, 0, src.length, position)),
      size: () => Number(host(() => fstatSync(fd, { bigint: true })).size),
      truncate: (size) => host(() => ftruncateSync(fd, size)),
      sync: () => host(() => fsyncSync(fd)),
      close: () => closeSync(fd),
    };
  }

  setTimes(node: FsNode, atim: bigint | undefined, mtim: bigint | undefined): void {
    const path = (node as HostNode).path;
    // A time left alone keeps the value the guest sees now (itself possibly one it set exactly).
    const now = this.stat(node);
    const a = atim ?? now.atim;
    const m = mtim ?? now.mtim;
    host(() => lutimesSync(path, seconds(a), seconds(m)));
    const st = lstat(path);
    this.setTimesOf.set(`${st.dev}:${st.ino}`, { hostAtim: st.atimeNs, hostMtim: st.mtimeNs, atim: a, mtim: m });
  }
}

/** Standard input from the host process's fd 0 (blocking reads; `EAGAIN` is retried). */
export function nodeStdin(fd = 0): (max: number) => Uint8Array {
  return (max) => {
    const buf = new Uint8Array(Math.max(1, max));
    for (;;) {
      try {
        return buf.subarray(0, readSync(fd, buf, 0, buf.length, null));
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === 'EAGAIN') continue;
        if (code === 'EOF') return new Uint8Array(0);
        mapError(e);
      }
    }
  };
}

function sinkTo(fd: number): (bytes: Uint8Array) => void {
  return (bytes) => {
    let done = 0;
    while (done < bytes.length) {
      try {
        done += writeSync(fd, bytes, done, bytes.length - done);
      } catch (e) {
        // EPIPE and friends become the guest's errno, as with a native write.
        if ((e as { code?: string }).code !== 'EAGAIN') mapError(e);
      }
    }
  };
}

/** Writes to the host process's standard output. */
export const nodeStdout = (): ((bytes: Uint8Array) => void) => sinkTo(1);
/** Writes to the host process's standard error. */
export const nodeStderr = (): ((bytes: Uint8Array) => void) => sinkTo(2);

/** The host process's environment as a policy `env` (only when the embedder means to pass it all). */
export function inheritEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) out[k] = v;
  return out;
}
