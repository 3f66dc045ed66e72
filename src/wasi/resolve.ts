/**
 * Path resolution below a directory descriptor: the one place that decides
 * whether a guest path may be reached. Every `path_*` call goes through
 * `resolvePath`.
 *
 * As in wasmtime (whose `cap-std` sandboxes every directory descriptor, not
 * only preopens), the directory the call names is the root of the walk:
 * - `..` cannot pop above that directory; an absolute path, or a symlink whose
 *   target is absolute or climbs above it, is `EPERM` ("not permitted", which
 *   is what wasmtime returns; the preview1 witx would suggest `ENOTCAPABLE`);
 * - a relative symlink target is spliced into the remaining components and
 *   walked with the same rules, so chains work and `../outside` is refused;
 * - more than `MAX_SYMLINKS` expansions is `ELOOP` (loops, self-links);
 * - each link's target is read once and the nodes already walked are kept, so
 *   swapping a symlink while resolution runs can only change which *contained*
 *   node is reached, never leave the sandbox.
 * The walk keeps the chain of directory *nodes* from the preopen root (the
 * descriptor's own chain, then what the path adds), never a host path string.
 * Empty components are dropped up front, so a path of a million slashes costs
 * one pass. Deliberately not here: rights checks (the callers do them), the
 * per-call trailing-slash rules (`calls/path.ts`), any host path handling
 * (adapters see single names only).
 *
 * Spec: preview1 `path_open` and `lookupflags.symlink_follow`; POSIX path
 * resolution (4.13) for trailing slashes and `..`; Linux's limit of 40 links.
 */
import { Errno, Filetype } from './constants.js';
import { ErrnoError } from './errors.js';
import type { FileSystem, FsNode } from './fs/types.js';

/** Symlink expansions allowed in one resolution before `ELOOP` (Linux's `MAXSYMLINKS`). */
export const MAX_SYMLINKS = 40;

/**
 * What happens to the final component:
 * - `true`: a final symlink is followed;
 * - `false`: it is not, unless the path ends with `/` (POSIX: a trailing slash follows);
 * - `'entry'`: never followed, trailing slash or not, and no trailing-slash type check — the caller
 *   gets the directory entry itself (what unlink, rmdir, rename and the create calls act on).
 */
export type FollowFinal = boolean | 'entry';

/** Where a path leads. */
export interface Resolved {
  /** The chain from the preopen root to the directory holding the final entry (or to the final directory itself when `name` is null). */
  chain: FsNode[];
  /** The final component, or `null` when the path ends in `.`/`..` (the target is then `chain`'s last node). */
  name: string | null;
  /** Which dot component ended the path when `name` is null. */
  dots: '.' | '..' | null;
  /** The node reached, or `null` if the final entry does not exist (its parent does). */
  node: FsNode | null;
  /** The path ended with `/`: the target must be a directory. */
  trailingSlash: boolean;
}

function isDir(fs: FileSystem, node: FsNode): boolean {
  return fs.stat(node).filetype === Filetype.DIRECTORY;
}

/** Pushes the non-empty components of `path` onto `pending`, first component last. */
function pushComponents(pending: string[], path: string): void {
  const parts = path.split('/');
  for (let i = parts.length - 1; i >= 0; i--) if (parts[i] !== '') pending.push(parts[i]);
}

/**
 * Resolves `path` relative to the directory at the end of `start` (the
 * directory descriptor's chain from its preopen root), never above that
 * directory. `follow` says what happens to a final symlink (see
 * `FollowFinal`); intermediate ones are always followed. Throws `ErrnoError`:
 * ENOENT for a missing intermediate directory or an empty path, ENOTDIR,
 * ELOOP, EPERM for anything leaving the directory, EINVAL for a NUL byte.
 */
export function resolvePath(fs: FileSystem, start: readonly FsNode[], path: string, follow: FollowFinal): Resolved {
  if (path === '') throw new ErrnoError(Errno.NOENT, 'empty path');
  // wasmtime hands paths to the host as C strings: an embedded NUL is an invalid argument.
  if (path.includes('\0')) throw new ErrnoError(Errno.INVAL, 'NUL in path');
  if (path.startsWith('/')) throw new ErrnoError(Errno.PERM, `absolute path ${path}`);
  const chain = start.slice();
  const floor = start.length;
  let trailingSlash = path.endsWith('/');
  const pending: string[] = [];
  pushComponents(pending, path);
  let expansions = 0;
  const dotsResult = (dots: '.' | '..'): Resolved => ({ chain, name: null, dots, node: chain[chain.length - 1], trailingSlash });

  while (pending.length > 0) {
    const part = pending.pop() as string;
    const last = pending.length === 0;
    if (part === '.') {
      if (last) return dotsResult('.');
      continue;
    }
    if (part === '..') {
      if (chain.length === floor) throw new ErrnoError(Errno.PERM, `${path} leaves the directory`);
      chain.pop();
      if (last) return dotsResult('..');
      continue;
    }
    const dir = chain[chain.length - 1];
    let node: FsNode | null;
    try {
      node = fs.lookup(dir, part);
    } catch (e) {
      if (e instanceof ErrnoError && e.errno === Errno.NOENT && last) return { chain, name: part, dots: null, node: null, trailingSlash };
      throw e;
    }
    const type = fs.stat(node).filetype;
    const followHere = !last || (follow !== 'entry' && (follow || trailingSlash));
    if (type === Filetype.SYMBOLIC_LINK && followHere) {
      if (++expansions > MAX_SYMLINKS) throw new ErrnoError(Errno.LOOP, path);
      const target = fs.readlink(node);
      if (target === '') throw new ErrnoError(Errno.NOENT, `empty symlink in ${path}`);
      if (target.startsWith('/')) throw new ErrnoError(Errno.PERM, `absolute symlink in ${path}`);
      if (target.endsWith('/') && last) trailingSlash = true;
      pushComponents(pending, target);
      continue;
    }
    if (last) {
      if (follow !== 'entry' && trailingSlash && type !== Filetype.DIRECTORY) throw new ErrnoError(Errno.NOTDIR, path);
      return { chain, name: part, dots: null, node, trailingSlash };
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
