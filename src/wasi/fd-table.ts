/**
 * The descriptor table: what each guest fd number refers to and which rights
 * it carries. Three kinds of entries: the standard streams (0–2), open
 * regular files, and directories (preopens and directories opened below them;
 * each keeps its chain of nodes from the preopen root so `..` stays contained).
 *
 * Rights are checked per descriptor (`require`): a missing right is
 * `ENOTCAPABLE`, an fd of the wrong kind `EBADF`/`EISDIR`/`ENOTDIR`. The rights
 * sets below decide what a read-only or read-write preopen hands out.
 * Deliberately no I/O here: the syscalls in `calls/` do that.
 *
 * Spec: preview1 `fd`, `rights`, `fdstat`, `fd_renumber`, `fd_prestat_get`.
 */
import { Errno, Filetype, Rights } from './constants.js';
import { ErrnoError } from './errors.js';
import type { FileSystem, FsNode, OpenFile } from './fs/types.js';

/** Rights meaningful on a regular file. */
export const FILE_RIGHTS =
  Rights.FD_DATASYNC | Rights.FD_READ | Rights.FD_SEEK | Rights.FD_FDSTAT_SET_FLAGS | Rights.FD_SYNC |
  Rights.FD_TELL | Rights.FD_WRITE | Rights.FD_ADVISE | Rights.FD_ALLOCATE | Rights.FD_FILESTAT_GET |
  Rights.FD_FILESTAT_SET_SIZE | Rights.FD_FILESTAT_SET_TIMES | Rights.POLL_FD_READWRITE;

/** Rights meaningful on a directory. */
export const DIR_RIGHTS =
  Rights.FD_FDSTAT_SET_FLAGS | Rights.FD_SYNC | Rights.FD_ADVISE | Rights.PATH_CREATE_DIRECTORY |
  Rights.PATH_CREATE_FILE | Rights.PATH_LINK_SOURCE | Rights.PATH_LINK_TARGET | Rights.PATH_OPEN |
  Rights.FD_READDIR | Rights.PATH_READLINK | Rights.PATH_RENAME_SOURCE | Rights.PATH_RENAME_TARGET |
  Rights.PATH_FILESTAT_GET | Rights.PATH_FILESTAT_SET_SIZE | Rights.PATH_FILESTAT_SET_TIMES |
  Rights.FD_FILESTAT_GET | Rights.FD_FILESTAT_SET_TIMES | Rights.PATH_SYMLINK |
  Rights.PATH_REMOVE_DIRECTORY | Rights.PATH_UNLINK_FILE | Rights.POLL_FD_READWRITE;

/** Rights that change something: withheld everywhere below a read-only preopen. */
export const MUTATING_RIGHTS =
  Rights.FD_DATASYNC | Rights.FD_WRITE | Rights.FD_ALLOCATE | Rights.FD_FILESTAT_SET_SIZE |
  Rights.FD_FILESTAT_SET_TIMES | Rights.PATH_CREATE_DIRECTORY | Rights.PATH_CREATE_FILE |
  Rights.PATH_LINK_SOURCE | Rights.PATH_LINK_TARGET | Rights.PATH_RENAME_SOURCE |
  Rights.PATH_RENAME_TARGET | Rights.PATH_FILESTAT_SET_SIZE | Rights.PATH_FILESTAT_SET_TIMES |
  Rights.PATH_SYMLINK | Rights.PATH_REMOVE_DIRECTORY | Rights.PATH_UNLINK_FILE;

/** Rights of a granted standard input / output stream. */
export const STDIN_RIGHTS = Rights.FD_READ | Rights.FD_FDSTAT_SET_FLAGS | Rights.FD_FILESTAT_GET | Rights.POLL_FD_READWRITE;
export const STDOUT_RIGHTS = Rights.FD_WRITE | Rights.FD_FDSTAT_SET_FLAGS | Rights.FD_FILESTAT_GET | Rights.POLL_FD_READWRITE;
/** Rights of a standard stream the policy did not grant: it can be inspected, not used. */
export const DENIED_STREAM_RIGHTS = Rights.FD_FILESTAT_GET;

interface Common {
  rightsBase: number;
  rightsInheriting: number;
  fdflags: number;
}

/** fd 0, 1 or 2. */
export interface StreamFd extends Common {
  kind: 'stream';
  stream: 'stdin' | 'stdout' | 'stderr';
}

/** An open regular file. */
export interface FileFd extends Common {
  kind: 'file';
  fs: FileSystem;
  node: FsNode;
  file: OpenFile;
  position: number;
  /** Guest-visible path, for observer reports. */
  label: string;
}

/** A directory: a preopen or one opened below it. */
export interface DirFd extends Common {
  kind: 'dir';
  fs: FileSystem;
  /** Nodes from the preopen root to this directory. */
  chain: FsNode[];
  /** Guest-visible path, for observer reports. */
  label: string;
  /** Set on preopens: the name `fd_prestat_dir_name` returns. */
  preopenName?: string;
}

export type FdEntry = StreamFd | FileFd | DirFd;

/** The filetype `fdstat`/`filestat` report for an entry. */
export function fdFiletype(e: FdEntry): Filetype {
  return e.kind === 'stream' ? Filetype.CHARACTER_DEVICE : e.kind === 'dir' ? Filetype.DIRECTORY : Filetype.REGULAR_FILE;
}

/** The descriptor table of one WASI instance. */
export class FdTable {
  private readonly entries = new Map<number, FdEntry>();

  /** The entry at `fd`, or EBADF. */
  get(fd: number): FdEntry {
    const e = this.entries.get(fd);
    if (!e) throw new ErrnoError(Errno.BADF, `fd ${fd}`);
    return e;
  }

  /** The entry at `fd` if it holds all of `rights`; EBADF if closed, ENOTCAPABLE if a right is missing. */
  require(fd: number, rights: number): FdEntry {
    const e = this.get(fd);
    if ((e.rightsBase & rights) !== rights) throw new ErrnoError(Errno.NOTCAPABLE, `fd ${fd} lacks rights`);
    return e;
  }

  /** A directory entry with `rights`; ENOTDIR for other kinds. */
  dir(fd: number, rights: number): DirFd {
    const e = this.get(fd);
    if (e.kind !== 'dir') throw new ErrnoError(Errno.NOTDIR, `fd ${fd}`);
    return this.require(fd, rights) as DirFd;
  }

  /** Places `entry` at the lowest free number (≥ 0). */
  add(entry: FdEntry): number {
    let fd = 0;
    while (this.entries.has(fd)) fd++;
    this.entries.set(fd, entry);
    return fd;
  }

  /** Places `entry` at `fd` (used for 0–2 and preopens at construction). */
  set(fd: number, entry: FdEntry): void {
    this.entries.set(fd, entry);
  }

  /** Removes `fd`, releasing an open file. */
  close(fd: number): void {
    const e = this.get(fd);
    this.entries.delete(fd);
    if (e.kind === 'file') e.file.close();
  }

  /** `fd_renumber`: `from` replaces `to` (which must be open) and `from` is freed. */
  renumber(from: number, to: number): void {
    const e = this.get(from);
    this.get(to);
    if (from === to) return;
    this.close(to);
    this.entries.delete(from);
    this.entries.set(to, e);
  }

  /** Closes every descriptor (end of the instance). */
  closeAll(): void {
    for (const fd of [...this.entries.keys()]) this.close(fd);
  }
}
