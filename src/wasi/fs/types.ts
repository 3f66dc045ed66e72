/**
 * The file-system interface the WASI layer talks to. Both the in-memory file
 * system and the Node adapter implement it; the embedder may bring another
 * (IndexedDB, a zip archive, a React Native bridge).
 *
 * The interface is deliberately one directory entry at a time: every method
 * takes a directory node and a single name (no slashes), never a path. Path
 * resolution — `..`, symlinks, loops, staying inside the directory a call names — lives in one
 * place (`../resolve.ts`), so an implementation cannot get containment wrong.
 * Errors are reported by throwing `ErrnoError`.
 *
 * Spec: preview1 `filestat`, `dirent` and the `path_*` calls, which all take a
 * directory descriptor plus a relative path.
 */
import type { Filetype } from '../constants.js';

/** An opaque handle on one file, directory or symlink; each file system defines its own. */
export interface FsNode {
  /** Marker so unrelated objects are not accidentally passed; never read by the WASI layer. */
  readonly fsNode: true;
}

/** `filestat` as the WASI layer needs it. Times are nanoseconds since the Unix epoch. */
export interface Filestat {
  dev: bigint;
  ino: bigint;
  filetype: Filetype;
  nlink: bigint;
  size: bigint;
  atim: bigint;
  mtim: bigint;
  ctim: bigint;
}

/** One directory entry (never `.` or `..`; the WASI layer adds those). */
export interface DirEntry {
  name: string;
  filetype: Filetype;
  ino: bigint;
}

/** How a regular file is opened. */
export interface OpenMode {
  read: boolean;
  write: boolean;
}

/** An open regular file. Offsets are byte positions (the WASI layer keeps the file position). */
export interface OpenFile {
  /** Reads up to `dst.length` bytes at `position`; returns the count (0 at end of file). */
  read(dst: Uint8Array, position: number): number;
  /** Writes all of `src` at `position`, growing the file as needed; returns the count. */
  write(src: Uint8Array, position: number): number;
  /** Current size in bytes. */
  size(): number;
  /** Sets the size, zero-filling when it grows. */
  truncate(size: number): void;
  /** Flushes to stable storage where that means something. */
  sync(): void;
  /** Releases the handle. */
  close(): void;
}

/** A file system: the operations WASI needs, one directory entry at a time. */
export interface FileSystem {
  /** The directory that a preopen of this file system maps to. */
  root(): FsNode;
  /** Metadata of `node` itself (a symlink is described as a symlink). */
  stat(node: FsNode): Filestat;
  /** The entry `name` of directory `dir`, without following it if it is a symlink; throws ENOENT. */
  lookup(dir: FsNode, name: string): FsNode;
  /** The target text of a symlink; throws EINVAL for anything else. */
  readlink(node: FsNode): string;
  /** The entries of a directory, in a stable order. */
  readdir(dir: FsNode): DirEntry[];
  /** Creates directory `name`; throws EEXIST. */
  mkdir(dir: FsNode, name: string): void;
  /** Creates an empty regular file `name` and returns it; throws EEXIST. */
  createFile(dir: FsNode, name: string): FsNode;
  /** Creates symlink `name` holding `target` (stored verbatim, never interpreted here). */
  symlink(dir: FsNode, name: string, target: string): void;
  /** Adds a hard link `name` to the (non-directory) `node`. */
  link(node: FsNode, dir: FsNode, name: string): void;
  /** Removes a non-directory entry; EISDIR for a directory. */
  unlink(dir: FsNode, name: string): void;
  /** Removes an empty directory; ENOTDIR, ENOTEMPTY. */
  rmdir(dir: FsNode, name: string): void;
  /** POSIX rename, replacing a compatible destination. */
  rename(srcDir: FsNode, srcName: string, dstDir: FsNode, dstName: string): void;
  /** Opens a regular file. */
  open(node: FsNode, mode: OpenMode): OpenFile;
  /** Sets access and/or modification time (nanoseconds); `undefined` leaves it. */
  setTimes(node: FsNode, atim: bigint | undefined, mtim: bigint | undefined): void;
}
