/**
 * The `path_*` calls: opening, creating, removing, renaming and linking
 * entries, symlinks, and metadata by path.
 *
 * Every call takes a directory descriptor and a relative path; the directory
 * must hold the call's right (`ENOTCAPABLE` otherwise) and the path is
 * resolved by `resolvePath`, which keeps it inside the preopen. `path_open`
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
import type { FsNode } from '../fs/types.js';
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

/** Opens `path` below `dir` per `path_open`'s flags; returns the new descriptor number. */
function open(ctx: WasiContext, dir: DirFd, path: string, follow: boolean, oflags: number, base: number, inheriting: number, fdflags: number): number {
  // Rights that mean nothing for files or directories (socket rights, or all 64 bits set) are ignored; any other
  // right the directory cannot pass on (e.g. FD_WRITE below a read-only preopen) is refused up front.
  if (base & (FILE_RIGHTS | DIR_RIGHTS) & ~dir.rightsInheriting) {
    throw new ErrnoError(Errno.NOTCAPABLE, `path_open ${path}: rights not inheritable`);
  }
  const fs = dir.fs;
  const r = resolvePath(fs, dir.chain, path, follow);
  let node = r.node;
  if (!node) {
    if (!(oflags & Oflags.CREAT)) throw new ErrnoError(Errno.NOENT, path);
    if (oflags & Oflags.DIRECTORY || r.trailingSlash) throw new ErrnoError(Errno.ISDIR, path);
    node = fs.createFile(parentOf(r), nameOf(r, Errno.EXIST));
  } else if (oflags & Oflags.CREAT && oflags & Oflags.EXCL) {
    throw new ErrnoError(Errno.EXIST, path);
  }
  const type = fs.stat(node).filetype;
  const label = joinLabel(dir.label, path);
  if (type === Filetype.SYMBOLIC_LINK) throw new ErrnoError(Errno.LOOP, `${path} is a symlink (O_NOFOLLOW)`);
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
      const r = resolvePath(dir.fs, dir.chain, path, false);
      if (r.node) throw new ErrnoError(Errno.EXIST, path);
      dir.fs.mkdir(parentOf(r), nameOf(r, Errno.EXIST));
    },
    path_remove_directory(fd: number, pathPtr: number, pathLen: number): void {
      const path = str(pathPtr, pathLen);
      const dir = dirFor(ctx, 'path_remove_directory', fd, Rights.PATH_REMOVE_DIRECTORY, path);
      const r = resolvePath(dir.fs, dir.chain, path, false);
      existing(r);
      dir.fs.rmdir(parentOf(r), nameOf(r, Errno.INVAL));
    },
    path_unlink_file(fd: number, pathPtr: number, pathLen: number): void {
      const path = str(pathPtr, pathLen);
      const dir = dirFor(ctx, 'path_unlink_file', fd, Rights.PATH_UNLINK_FILE, path);
      const r = resolvePath(dir.fs, dir.chain, path, false);
      existing(r);
      dir.fs.unlink(parentOf(r), nameOf(r, Errno.ISDIR));
    },
    path_rename(fd: number, oldPtr: number, oldLen: number, newFd: number, newPtr: number, newLen: number): void {
      const oldPath = str(oldPtr, oldLen);
      const newPath = str(newPtr, newLen);
      const from = dirFor(ctx, 'path_rename', fd, Rights.PATH_RENAME_SOURCE, oldPath);
      const to = dirFor(ctx, 'path_rename', newFd, Rights.PATH_RENAME_TARGET, newPath);
      if (from.fs !== to.fs) throw new ErrnoError(Errno.XDEV);
      const src = resolvePath(from.fs, from.chain, oldPath, false);
      existing(src);
      const dst = resolvePath(to.fs, to.chain, newPath, false);
      from.fs.rename(parentOf(src), nameOf(src, Errno.BUSY), parentOf(dst), nameOf(dst, Errno.BUSY));
    },
    path_link(oldFd: number, oldFlags: number, oldPtr: number, oldLen: number, newFd: number, newPtr: number, newLen: number): void {
      const oldPath = str(oldPtr, oldLen);
      const newPath = str(newPtr, newLen);
      const from = dirFor(ctx, 'path_link', oldFd, Rights.PATH_LINK_SOURCE, oldPath);
      const to = dirFor(ctx, 'path_link', newFd, Rights.PATH_LINK_TARGET, newPath);
      if (from.fs !== to.fs) throw new ErrnoError(Errno.XDEV);
      const node = existing(resolvePath(from.fs, from.chain, oldPath, (oldFlags & LOOKUP_SYMLINK_FOLLOW) !== 0));
      if (from.fs.stat(node).filetype === Filetype.DIRECTORY) throw new ErrnoError(Errno.PERM, oldPath);
      const dst = resolvePath(to.fs, to.chain, newPath, false);
      if (dst.node) throw new ErrnoError(Errno.EXIST, newPath);
      to.fs.link(node, parentOf(dst), nameOf(dst, Errno.EXIST));
    },
    path_symlink(oldPtr: number, oldLen: number, fd: number, newPtr: number, newLen: number): void {
      const target = str(oldPtr, oldLen);
      const path = str(newPtr, newLen);
      const dir = dirFor(ctx, 'path_symlink', fd, Rights.PATH_SYMLINK, path);
      // An absolute target could never resolve inside the sandbox, and would mislead host tools.
      if (target.startsWith('/')) throw new ErrnoError(Errno.NOTCAPABLE, `absolute symlink target ${target}`);
      const r = resolvePath(dir.fs, dir.chain, path, false);
      if (r.node) throw new ErrnoError(Errno.EXIST, path);
      dir.fs.symlink(parentOf(r), nameOf(r, Errno.EXIST), target);
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
