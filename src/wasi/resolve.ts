/**
 * Path resolution inside a preopen: the one place that decides whether a
 * guest path may be reached. Every `path_*` call goes through `resolvePath`.
 *
 * The walk keeps the chain of directory *nodes* from the preopen root to the
 * current directory, never a host path string, so:
 * - `..` pops the chain and cannot pop the root (`ENOTCAPABLE`);
 * - an absolute path, or a symlink whose target is absolute, is `ENOTCAPABLE`;
 * - a relative symlink target is spliced into the remaining components and
 *   walked with the same rules, so chains work and `../outside` is refused;
 * - more than `MAX_SYMLINKS` expansions is `ELOOP` (loops, self-links);
 * - each link's target is read once and the nodes already walked are kept, so
 *   swapping a symlink while resolution runs can only change which *contained*
 *   node is reached, never leave the preopen.
 * Deliberately not here: rights checks (the callers do them) and any host
 * path handling (adapters see single names only).
 *
 * Spec: preview1 `path_open` and `lookupflags.symlink_follow`; POSIX path
 * resolution (4.13) for trailing slashes and `..`; Linux's limit of 40 links.
 */
import { Errno, Filetype } from './constants.js';
import { ErrnoError } from './errors.js';
import type { FileSystem, FsNode } from './fs/types.js';

/** Symlink expansions allowed in one resolution before `ELOOP` (Linux's `MAXSYMLINKS`). */
export const MAX_SYMLINKS = 40;

/** Where a path leads. */
export interface Resolved {
  /** The chain from the preopen root to the directory holding the final entry (or to the final directory itself when `name` is null). */
  chain: FsNode[];
  /** The final component, or `null` when the path ends in `.`/`..` (the target is then `chain`'s last node). */
  name: string | null;
  /** The node reached, or `null` if the final entry does not exist (its parent does). */
  node: FsNode | null;
  /** The path ended with `/`: the target must be a directory. */
  trailingSlash: boolean;
}

function isDir(fs: FileSystem, node: FsNode): boolean {
  return fs.stat(node).filetype === Filetype.DIRECTORY;
}

/**
 * Resolves `path` relative to the directory at the end of `start` (a chain
 * beginning at the preopen root). With `follow`, a final symlink is followed
 * too (intermediate ones always are). Throws `ErrnoError`: ENOENT for a missing
 * intermediate directory or empty path, ENOTDIR, ELOOP, ENOTCAPABLE, EILSEQ.
 */
export function resolvePath(fs: FileSystem, start: readonly FsNode[], path: string, follow: boolean): Resolved {
  if (path === '') throw new ErrnoError(Errno.NOENT, 'empty path');
  if (path.includes('\0')) throw new ErrnoError(Errno.ILSEQ, 'NUL in path');
  if (path.startsWith('/')) throw new ErrnoError(Errno.NOTCAPABLE, `absolute path ${path}`);
  const chain = start.slice();
  let trailingSlash = path.endsWith('/');
  // Components still to walk, first one last (so push/pop work at the front).
  const pending = path.split('/').reverse();
  let expansions = 0;

  while (pending.length > 0) {
    const part = pending.pop() as string;
    const last = pending.every((p) => p === '');
    if (part === '' || part === '.') {
      if (last) return { chain, name: null, node: chain[chain.length - 1], trailingSlash };
      continue;
    }
    const dir = chain[chain.length - 1];
    if (part === '..') {
      if (chain.length === 1) throw new ErrnoError(Errno.NOTCAPABLE, `${path} leaves the preopen`);
      chain.pop();
      if (last) return { chain, name: null, node: chain[chain.length - 1], trailingSlash };
      continue;
    }
    let node: FsNode | null;
    try {
      node = fs.lookup(dir, part);
    } catch (e) {
      if (e instanceof ErrnoError && e.errno === Errno.NOENT && last) return { chain, name: part, node: null, trailingSlash };
      throw e;
    }
    const type = fs.stat(node).filetype;
    if (type === Filetype.SYMBOLIC_LINK && (!last || follow || trailingSlash)) {
      if (++expansions > MAX_SYMLINKS) throw new ErrnoError(Errno.LOOP, path);
      const target = fs.readlink(node);
      if (target === '') throw new ErrnoError(Errno.NOENT, `empty symlink in ${path}`);
      if (target.startsWith('/')) throw new ErrnoError(Errno.NOTCAPABLE, `absolute symlink in ${path}`);
      if (target.endsWith('/') && last) trailingSlash = true;
      for (const p of target.split('/').reverse()) pending.push(p);
      continue;
    }
    if (last) {
      if (trailingSlash && type !== Filetype.DIRECTORY) throw new ErrnoError(Errno.NOTDIR, path);
      return { chain, name: part, node, trailingSlash };
    }
    if (type !== Filetype.DIRECTORY) throw new ErrnoError(Errno.NOTDIR, path);
    chain.push(node);
  }
  // Only reachable for paths made of separators, which start with '/' and were refused above.
  throw new ErrnoError(Errno.NOENT, path);
}

/** The node a resolution reached, or ENOENT. */
export function existing(r: Resolved): FsNode {
  if (!r.node) throw new ErrnoError(Errno.NOENT);
  return r.node;
}

/** The chain down to the reached directory (for a new directory descriptor). */
export function chainTo(fs: FileSystem, r: Resolved): FsNode[] {
  const node = existing(r);
  if (r.name === null) return r.chain;
  if (!isDir(fs, node)) throw new ErrnoError(Errno.NOTDIR);
  return [...r.chain, node];
}
