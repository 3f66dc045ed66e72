/**
 * `MemoryFileSystem`: a portable, in-memory file system (the default for
 * preopens). Directories, regular files, symlinks and hard links, with inode
 * numbers, link counts and nanosecond timestamps.
 *
 * It implements the one-entry-at-a-time `FileSystem` interface; path
 * resolution and containment are done by `../resolve.ts`, not here. The
 * embedder-side helpers (`writeFile`, `makeDir`, `makeSymlink`, `readFile`,
 * `list`) take simple `a/b/c` paths for setting up and inspecting a tree and
 * never follow symlinks. Deliberately absent: permissions bits, sparse files,
 * size limits (a guest can fill host memory; cap it with the engine's limits).
 *
 * Spec: preview1 `filestat`, `path_*` semantics as POSIX (rename, link, rmdir).
 */
import { Errno, Filetype } from '../constants.js';
import { ErrnoError } from '../errors.js';
import { utf8Encode } from '../utf8.js';
import type { DirEntry, FileSystem, Filestat, FsNode, OpenFile, OpenMode } from './types.js';

interface Times {
  atim: bigint;
  mtim: bigint;
  ctim: bigint;
}

abstract class MemNode implements FsNode {
  readonly fsNode = true as const;
  nlink = 1;
  constructor(
    readonly ino: bigint,
    public times: Times,
  ) {}
  abstract readonly filetype: Filetype;
  abstract size(): number;
}

class MemFile extends MemNode {
  readonly filetype = Filetype.REGULAR_FILE;
  data = new Uint8Array(0);
  length = 0;
  size(): number {
    return this.length;
  }
  /** Makes room for `size` bytes (amortised doubling), zero-filled. */
  reserve(size: number): void {
    if (size <= this.data.length) return;
    const grown = new Uint8Array(Math.max(size, this.data.length * 2, 64));
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }
}

class MemDir extends MemNode {
  readonly filetype = Filetype.DIRECTORY;
  readonly entries = new Map<string, MemNode>();
  parent: MemDir | null = null;
  size(): number {
    return 4096;
  }
}

class MemSymlink extends MemNode {
  readonly filetype = Filetype.SYMBOLIC_LINK;
  constructor(
    ino: bigint,
    times: Times,
    readonly target: string,
  ) {
    super(ino, times);
  }
  size(): number {
    return utf8Length(this.target);
  }
}

function utf8Length(s: string): number {
  return utf8Encode(s).length;
}

function asDir(node: FsNode): MemDir {
  if (!(node instanceof MemDir)) throw new ErrnoError(Errno.NOTDIR);
  return node;
}

function entryOf(dir: MemDir, name: string): MemNode {
  const node = dir.entries.get(name);
  if (!node) throw new ErrnoError(Errno.NOENT, name);
  return node;
}

/** Options of `MemoryFileSystem`. */
export interface MemoryFileSystemOptions {
  /** Timestamp source in nanoseconds since the epoch; default `Date.now()` in ms precision. A constant makes runs reproducible. */
  now?: () => bigint;
}

/** A directory tree held in JS memory. Share one instance between several WASI instances to share files. */
export class MemoryFileSystem implements FileSystem {
  private nextIno = 1n;
  private readonly now: () => bigint;
  private readonly rootDir: MemDir;

  constructor(options: MemoryFileSystemOptions = {}) {
    this.now = options.now ?? (() => BigInt(Date.now()) * 1_000_000n);
    this.rootDir = new MemDir(this.nextIno++, this.stamp());
  }

  private stamp(): Times {
    const t = this.now();
    return { atim: t, mtim: t, ctim: t };
  }

  private touch(node: MemNode): void {
    const t = this.now();
    node.times.mtim = t;
    node.times.ctim = t;
  }

  private insert(dir: MemDir, name: string, node: MemNode): void {
    if (dir.entries.has(name)) throw new ErrnoError(Errno.EXIST, name);
    dir.entries.set(name, node);
    if (node instanceof MemDir) node.parent = dir;
    this.touch(dir);
  }

  root(): FsNode {
    return this.rootDir;
  }

  stat(node: FsNode): Filestat {
    const n = node as MemNode;
    return {
      dev: 1n, ino: n.ino, filetype: n.filetype, nlink: BigInt(n.nlink), size: BigInt(n.size()),
      atim: n.times.atim, mtim: n.times.mtim, ctim: n.times.ctim,
    };
  }

  lookup(dir: FsNode, name: string): FsNode {
    return entryOf(asDir(dir), name);
  }

  readlink(node: FsNode): string {
    if (!(node instanceof MemSymlink)) throw new ErrnoError(Errno.INVAL);
    return node.target;
  }

  readdir(dir: FsNode): DirEntry[] {
    const d = asDir(dir);
    return [...d.entries].map(([name, n]) => ({ name, filetype: n.filetype, ino: n.ino }));
  }

  mkdir(dir: FsNode, name: string): void {
    this.insert(asDir(dir), name, new MemDir(this.nextIno++, this.stamp()));
  }

  createFile(dir: FsNode, name: string): FsNode {
    const file = new MemFile(this.nextIno++, this.stamp());
    this.insert(asDir(dir), name, file);
    return file;
  }

  symlink(dir: FsNode, name: string, target: string): void {
    this.insert(asDir(dir), name, new MemSymlink(this.nextIno++, this.stamp(), target));
  }

  link(node: FsNode, dir: FsNode, name: string): void {
    const n = node as MemNode;
    if (n instanceof MemDir) throw new ErrnoError(Errno.PERM);
    this.insert(asDir(dir), name, n);
    n.nlink++;
    n.times.ctim = this.now();
  }

  unlink(dir: FsNode, name: string): void {
    const d = asDir(dir);
    const n = entryOf(d, name);
    if (n instanceof MemDir) throw new ErrnoError(Errno.ISDIR, name);
    d.entries.delete(name);
    n.nlink--;
    this.touch(d);
  }

  rmdir(dir: FsNode, name: string): void {
    const d = asDir(dir);
    const n = entryOf(d, name);
    if (!(n instanceof MemDir)) throw new ErrnoError(Errno.NOTDIR, name);
    if (n.entries.size > 0) throw new ErrnoError(Errno.NOTEMPTY, name);
    d.entries.delete(name);
    n.parent = null;
    n.nlink = 0;
    this.touch(d);
  }

  rename(srcDir: FsNode, srcName: string, dstDir: FsNode, dstName: string): void {
    const from = asDir(srcDir);
    const to = asDir(dstDir);
    const node = entryOf(from, srcName);
    const existing = to.entries.get(dstName);
    if (existing === node) return;
    // Linux checks ancestry before types: a directory may not move below itself (EINVAL), nor may an
    // entry replace a directory that contains it (ENOTEMPTY).
    const isAncestor = (a: MemNode, of: MemDir) => {
      for (let d: MemDir | null = of; d; d = d.parent) if (d === a) return true;
      return false;
    };
    if (node instanceof MemDir && isAncestor(node, to)) throw new ErrnoError(Errno.INVAL);
    if (existing instanceof MemDir && isAncestor(existing, from)) throw new ErrnoError(Errno.NOTEMPTY);
    if (existing) {
      if (node instanceof MemDir && !(existing instanceof MemDir)) throw new ErrnoError(Errno.NOTDIR);
      if (!(node instanceof MemDir) && existing instanceof MemDir) throw new ErrnoError(Errno.ISDIR);
      if (existing instanceof MemDir && existing.entries.size > 0) throw new ErrnoError(Errno.NOTEMPTY);
      to.entries.delete(dstName);
      existing.nlink--;
    }
    from.entries.delete(srcName);
    to.entries.set(dstName, node);
    if (node instanceof MemDir) node.parent = to;
    this.touch(from);
    this.touch(to);
  }

  open(node: FsNode, mode: OpenMode): OpenFile {
    if (!(node instanceof MemFile)) throw new ErrnoError(node instanceof MemDir ? Errno.ISDIR : Errno.INVAL);
    const fs = this;
    return {
      read(dst, position) {
        if (mode.read) node.times.atim = fs.now();
        const n = Math.max(0, Math.min(dst.length, node.length - position));
        dst.set(node.data.subarray(position, position + n));
        return n;
      },
      write(src, position) {
        const end = position + src.length;
        node.reserve(end);
        node.data.set(src, position);
        if (end > node.length) node.length = end;
        fs.touch(node);
        return src.length;
      },
      size: () => node.length,
      truncate(size) {
        node.reserve(size);
        if (size < node.length) node.data.fill(0, size, node.length);
        node.length = size;
        fs.touch(node);
      },
      sync() {},
      close() {},
    };
  }

  setTimes(node: FsNode, atim: bigint | undefined, mtim: bigint | undefined): void {
    const n = node as MemNode;
    if (atim !== undefined) n.times.atim = atim;
    if (mtim !== undefined) n.times.mtim = mtim;
    n.times.ctim = this.now();
  }

  // ---- embedder helpers: plain `a/b/c` paths below the root, no symlink following ----

  private walk(path: string, makeParents: boolean): { dir: MemDir; name: string } {
    const parts = path.split('/').filter((p) => p !== '' && p !== '.');
    if (parts.length === 0) throw new ErrnoError(Errno.INVAL, 'empty path');
    let dir = this.rootDir;
    for (const part of parts.slice(0, -1)) {
      let next = dir.entries.get(part);
      if (!next && makeParents) {
        next = new MemDir(this.nextIno++, this.stamp());
        this.insert(dir, part, next);
      }
      if (!next) throw new ErrnoError(Errno.NOENT, path);
      dir = asDir(next);
    }
    return { dir, name: parts[parts.length - 1] };
  }

  /** Creates or replaces a regular file (parents are created). */
  writeFile(path: string, content: string | Uint8Array): void {
    const { dir, name } = this.walk(path, true);
    let node = dir.entries.get(name);
    if (!node) node = this.createFile(dir, name) as MemFile;
    const file = this.open(node, { read: false, write: true });
    const bytes = typeof content === 'string' ? utf8Encode(content) : content;
    file.truncate(0);
    file.write(bytes, 0);
  }

  /** Creates a directory and its parents; no error if it exists. */
  makeDir(path: string): void {
    const { dir, name } = this.walk(path, true);
    if (!dir.entries.has(name)) this.mkdir(dir, name);
  }

  /** Creates a symlink at `path` holding `target` verbatim. */
  makeSymlink(path: string, target: string): void {
    const { dir, name } = this.walk(path, true);
    this.symlink(dir, name, target);
  }

  /** The contents of a regular file. */
  readFile(path: string): Uint8Array {
    const { dir, name } = this.walk(path, false);
    const node = entryOf(dir, name);
    if (!(node instanceof MemFile)) throw new ErrnoError(Errno.ISDIR, path);
    return node.data.slice(0, node.length);
  }

  /** Sorted entry names of a directory (`''` for the root). */
  list(path = ''): string[] {
    let dir: MemDir = this.rootDir;
    if (path.split('/').some((p) => p !== '' && p !== '.')) {
      const { dir: parent, name } = this.walk(path, false);
      dir = asDir(entryOf(parent, name));
    }
    return [...dir.entries.keys()].sort();
  }

  /** Whether `path` names an entry (without following a final symlink). */
  exists(path: string): boolean {
    try {
      const { dir, name } = this.walk(path, false);
      return dir.entries.has(name);
    } catch {
      return false;
    }
  }
}
