/**
 * The `path_*` calls: opening, creating, removing, renaming and linking
 * entries, symlinks, and metadata by path.
 *
 * Every call takes a directory descriptor and a relative path; the directory
 * must hold the call's right (`ENOTCAPABLE` otherwise) and the path is
 * resolved by `resolvePath`, which keeps it inside that directory. `path_open`
 * also narrows the new descriptor's rights to what the directory may pass on,
 * so a read-only preopen yields only read-only descriptors. Deliberately not
 * here: containment logic itself (`../resolve.ts`), file I/O (`fd.ts`).
 *
 * Spec: preview1 `path_create_directory` … `path_unlink_file`, `oflags`,
 * `lookupflags`; POSIX for the error cases (EEXIST, EISDIR, ENOTEMPTY...).
 */
import { Errno, Filetype, LOOKUP_SYMLINK_FOLLOW, Oflags, RIGHTS_ALL, Rights } from '../constants.js';
import { dirFor, joinLabel, type WasiContext } from '../context.js';
import { ErrnoError } from '../errors.js';
import { DIR_RIGHTS, FILE_RIGHTS, type DirFd } from '../fd-table.js';
import type { FileSystem, FsNode } from '../fs/types.js';
import { chainTo, existing, resolvePath, type Resolved } from '../resolve.js';
import { utf8Encode } from '../utf8.js';
import { timesFrom, writeFilestat } from './fd.js';

function parentOf(r: Resolved): FsNode {
  return r.chain[r.chain.length - 1];
}

/** The final entry's name; `errno` when the path ends in `.` or `..`. */
function nameOf(r: Resolved, errno: Errno): string {
  if (r.name === null) throw new ErrnoError(errno);
  return r.name;
}

function rightsOf(value: bigint): number {
  return Number(BigInt.asUintN(32, value)) & RIGHTS_ALL;
}

function typeOf(fs: FileSystem, node: FsNode): Filetype {
  return fs.stat(node).filetype;
}

/**
 * The new entry a create call (`path_link`, `path_symlink`) may make at `r`, resolved as an `'entry'`:
 * EEXIST if something is there (ENOTDIR if that is a non-directory named with a trailing slash),
 * ENOENT for a missing name with a trailing slash (only directories may be named so), EEXIST for `.`/`..`.
 */
function newEntry(fs: FileSystem, r: Resolved): string {
  const name = nameOf(r, Errno.EXIST);
  if (r.node) throw new ErrnoError(r.trailingSlash && typeOf(fs, r.node) !== Filetype.DIRECTORY ? Errno.NOTDIR : Errno.EXIST, name);
  if (r.trailingSlash) throw new ErrnoError(Errno.NOENT, `${name}/`);
  return name;
}

/** Opens `path` below `dir` per `path_open`'s flags; returns the new descriptor number. */
function open(ctx: WasiContext, dir: DirFd, path: string, followFlag: boolean, oflags: number, base: number, inheriting: number, fdflags: number): number {
  // wasmtime refuses O_DIRECTORY together with any flag that would create or truncate.
  if (oflags & Oflags.DIRECTORY && oflags & (Oflags.CREAT | Oflags.EXCL | Oflags.TRUNC)) {
    throw new ErrnoError(Errno.INVAL, `path_open ${path}: O_DIRECTORY with O_CREAT/O_EXCL/O_TRUNC`);
  }
  // Rights that mean nothing for files or directories (socket rights, or all 64 bits set) are ignored; any other
  // right the directory cannot pass on (e.g. FD_WRITE below a read-only preopen) is refused up front.
  if (base & (FILE_RIGHTS | DIR_RIGHTS) & ~dir.rightsInheriting) {
    throw new ErrnoError(Errno.NOTCAPABLE, `path_open ${path}: rights not inheritable`);
  }
  const fs = dir.fs;
  // O_CREAT|O_EXCL never follows a final symlink (POSIX): even a dangling one is "existing".
  const exclusive = (oflags & Oflags.CREAT) !== 0 && (oflags & Oflags.EXCL) !== 0;
  const r = resolvePath(fs, dir.chain, path, followFlag && !exclusive);
  let node = r.node;
  if (!node) {
    if (!(oflags & Oflags.CREAT)) throw new ErrnoError(Errno.NOENT, path);
    if (r.trailingSlash) throw new ErrnoError(Errno.ISDIR, path);
    node = fs.createFile(parentOf(r), nameOf(r, Errno.EXIST));
  } else if (exclusive) {
    throw new ErrnoError(Errno.EXIST, path);
  }
  const type = typeOf(fs, node);
  const label = joinLabel(dir.label, path);
  if (type === Filetype.SYMBOLIC_LINK) {
    // Linux checks O_DIRECTORY before O_NOFOLLOW.
    throw new ErrnoError(oflags & Oflags.DIRECTORY ? Errno.NOTDIR : Errno.LOOP, `${path} is a symlink (O_NOFOLLOW)`);
  }
  if (type === Filetype.DIRECTORY) {
    if (oflags & Oflags.TRUNC || base & Rights.FD_WRITE) throw new ErrnoError(Errno.ISDIR, path);
    return ctx.fds.add({
      kind: 'dir', fs, chain: chainTo(fs, { ...r, node }), label,
      rightsBase: base & DIR_RIGHTS, rightsInheriting: inheriting & dir.rightsInheriting, fdflags,
    });
  }
  if (oflags & Oflags.DIRECTORY) throw new ErrnoError(Errno.NOTDIR, path);
  // O_TRUNC needs a host handle that may truncate even when the descriptor itself gets no write rights.
  const write = (base & (Rights.FD_WRITE | Rights.FD_FILESTAT_SET_SIZE)) !== 0 || (oflags & Oflags.TRUNC) !== 0;
  const file = fs.open(node, { read: (base & Rights.FD_READ) !== 0, write });
  if (oflags & Oflags.TRUNC) file.truncate(0);
  return ctx.fds.add({
    kind: 'file', fs, node, file, position: 0, label,
    rightsBase: base & FILE_RIGHTS, rightsInheriting: inheriting & dir.rightsInheriting & FILE_RIGHTS, fdflags,
  });
}

/** The `path_*` functions, keyed by their WASI names. */
export function pathCalls(ctx: WasiContext) {
  const str = (ptr: number, len: number) => ctx.memory().string(ptr, len);
  return {
    path_open(fd: number, dirflags: number, pathPtr: number, pathLen: number, oflags: number,
      rightsBase: bigint, rightsInheriting: bigint, fdflags: number, fdPtr: number): void {
      const path = str(pathPtr, pathLen);
      const needed = Rights.PATH_OPEN | (oflags & Oflags.CREAT ? Rights.PATH_CREATE_FILE : 0) |
        (oflags & Oflags.TRUNC ? Rights.PATH_FILESTAT_SET_SIZE : 0);
      const dir = dirFor(ctx, 'path_open', fd, needed, path);
      const base = rightsOf(rightsBase);
      const follow = (dirflags & LOOKUP_SYMLINK_FOLLOW) !== 0;
      const newFd = open(ctx, dir, path, follow, oflags, base, rightsOf(rightsInheriting), fdflags);
      ctx.memory().u32(fdPtr, newFd);
    },
    path_create_directory(fd: number, pathPtr: number, pathLen: number): void {
      const path = str(pathPtr, pathLen);
      const dir = dirFor(ctx, 'path_create_directory', fd, Rights.PATH_CREATE_DIRECTORY, path);
      // mkdir("x/") is fine: the new entry is a directory. Anything already there, of any type, is EEXIST.
      const r = resolvePath(dir.fs, dir.chain, path, 'entry');
      if (r.node) throw new ErrnoError(Errno.EXIST, path);
      dir.fs.mkdir(parentOf(r), nameOf(r, Errno.EXIST));
    },
    path_remove_directory(fd: number, pathPtr: number, pathLen: number): void {
      const path = str(pathPtr, pathLen);
      const dir = dirFor(ctx, 'path_remove_directory', fd, Rights.PATH_REMOVE_DIRECTORY, path);
      const r = resolvePath(dir.fs, dir.chain, path, 'entry');
      // rmdir(".") is EINVAL and rmdir("..") ENOTEMPTY on Linux; a symlink is never followed (ENOTDIR).
      if (r.name === null) throw new ErrnoError(r.dots === '..' ? Errno.NOTEMPTY : Errno.INVAL, path);
      const node = existing(r);
      if (typeOf(dir.fs, node) !== Filetype.DIRECTORY) throw new ErrnoError(Errno.NOTDIR, path);
      dir.fs.rmdir(parentOf(r), r.name);
    },
    path_unlink_file(fd: number, pathPtr: number, pathLen: number): void {
      const path = str(pathPtr, pathLen);
      const dir = dirFor(ctx, 'path_unlink_file', fd, Rights.PATH_UNLINK_FILE, path);
      const r = resolvePath(dir.fs, dir.chain, path, 'entry');
      const name = nameOf(r, Errno.ISDIR);
      const node = existing(r);
      // Linux: a directory is EISDIR; a trailing slash on anything else (a symlink included, never followed) ENOTDIR.
      if (typeOf(dir.fs, node) === Filetype.DIRECTORY) throw new ErrnoError(Errno.ISDIR, path);
      if (r.trailingSlash) throw new ErrnoError(Errno.NOTDIR, path);
      dir.fs.unlink(parentOf(r), name);
    },
    path_rename(fd: number, oldPtr: number, oldLen: number, newFd: number, newPtr: number, newLen: number): void {
      const oldPath = str(oldPtr, oldLen);
      const newPath = str(newPtr, newLen);
      const from = dirFor(ctx, 'path_rename', fd, Rights.PATH_RENAME_SOURCE, oldPath);
      const to = dirFor(ctx, 'path_rename', newFd, Rights.PATH_RENAME_TARGET, newPath);
      if (from.fs !== to.fs) throw new ErrnoError(Errno.XDEV);
      const src = resolvePath(from.fs, from.chain, oldPath, 'entry');
      const dst = resolvePath(to.fs, to.chain, newPath, 'entry');
      const srcName = nameOf(src, Errno.BUSY);
      const node = existing(src);
      const dstName = nameOf(dst, Errno.BUSY);
      // Trailing slashes are allowed only when a directory moves (Linux renameat).
      if ((src.trailingSlash || dst.trailingSlash) && typeOf(from.fs, node) !== Filetype.DIRECTORY) {
        throw new ErrnoError(Errno.NOTDIR, `${oldPath} -> ${newPath}`);
      }
      from.fs.rename(parentOf(src), srcName, parentOf(dst), dstName);
    },
    path_link(oldFd: number, oldFlags: number, oldPtr: number, oldLen: number, newFd: number, newPtr: number, newLen: number): void {
      const oldPath = str(oldPtr, oldLen);
      const newPath = str(newPtr, newLen);
      const from = dirFor(ctx, 'path_link', oldFd, Rights.PATH_LINK_SOURCE, oldPath);
      const to = dirFor(ctx, 'path_link', newFd, Rights.PATH_LINK_TARGET, newPath);
      // wasmtime does not link through symlinks (the witx allows it): SYMLINK_FOLLOW is EINVAL.
      if (oldFlags & LOOKUP_SYMLINK_FOLLOW) throw new ErrnoError(Errno.INVAL, 'path_link with SYMLINK_FOLLOW');
      if (from.fs !== to.fs) throw new ErrnoError(Errno.XDEV);
      const node = existing(resolvePath(from.fs, from.chain, oldPath, false));
      if (typeOf(from.fs, node) === Filetype.DIRECTORY) throw new ErrnoError(Errno.PERM, oldPath);
      const dst = resolvePath(to.fs, to.chain, newPath, 'entry');
      to.fs.link(node, parentOf(dst), newEntry(to.fs, dst));
    },
    path_symlink(oldPtr: number, oldLen: number, fd: number, newPtr: number, newLen: number): void {
      const target = str(oldPtr, oldLen);
      const path = str(newPtr, newLen);
      const dir = dirFor(ctx, 'path_symlink', fd, Rights.PATH_SYMLINK, path);
      // An absolute target could never resolve inside the sandbox (wasmtime: not permitted); an empty one names nothing.
      if (target.startsWith('/')) throw new ErrnoError(Errno.PERM, `absolute symlink target ${target}`);
      if (target === '') throw new ErrnoError(Errno.NOENT, 'empty symlink target');
      if (target.includes('\0')) throw new ErrnoError(Errno.INVAL, 'NUL in symlink target');
      const r = resolvePath(dir.fs, dir.chain, path, 'entry');
      dir.fs.symlink(parentOf(r), newEntry(dir.fs, r), target);
    },
    path_readlink(fd: number, pathPtr: number, pathLen: number, buf: number, bufLen: number, usedPtr: number): void {
      const path = str(pathPtr, pathLen);
      const dir = dirFor(ctx, 'path_readlink', fd, Rights.PATH_READLINK, path);
      const node = existing(resolvePath(dir.fs, dir.chain, path, false));
      const target = utf8Encode(dir.fs.readlink(node));
      const m = ctx.memory();
      const n = Math.min(target.length, bufLen);
      m.write(buf, target.subarray(0, n));
      m.u32(usedPtr, n);
    },
    path_filestat_get(fd: number, flags: number, pathPtr: number, pathLen: number, ptr: number): void {
      const path = str(pathPtr, pathLen);
      const dir = dirFor(ctx, 'path_filestat_get', fd, Rights.PATH_FILESTAT_GET, path);
      const node = existing(resolvePath(dir.fs, dir.chain, path, (flags & LOOKUP_SYMLINK_FOLLOW) !== 0));
      writeFilestat(ctx.memory(), ptr, dir.fs.stat(node));
    },
    path_filestat_set_times(fd: number, flags: number, pathPtr: number, pathLen: number, atim: bigint, mtim: bigint, fst: number): void {
      const path = str(pathPtr, pathLen);
      const dir = dirFor(ctx, 'path_filestat_set_times', fd, Rights.PATH_FILESTAT_SET_TIMES, path);
      const node = existing(resolvePath(dir.fs, dir.chain, path, (flags & LOOKUP_SYMLINK_FOLLOW) !== 0));
      const [a, t] = timesFrom(ctx, atim, mtim, fst);
      dir.fs.setTimes(node, a, t);
    },
  };
}
