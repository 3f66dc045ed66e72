/**
 * The state one WASI instance's syscalls share: the resolved policy, the
 * descriptor table, the clock and random sources, standard input, the
 * observer, and fresh access to guest memory.
 *
 * The syscall files in `calls/` receive this object and nothing else; they
 * never see the instance or the engine. `observe` is the single funnel for
 * capability reports, so an embedder sees every use, allowed or denied.
 * Deliberately no syscall logic here.
 *
 * Spec: preview1 overall model (a module's only authority is what the host passes in).
 */
import { Errno } from './constants.js';
import { ErrnoError } from './errors.js';
import { FdTable, type DirFd } from './fd-table.js';
import type { GuestMemory } from './guest-memory.js';
import type { Capability, InputSource, ResolvedPolicy } from './policy.js';
import type { ClockSource, RandomSource } from './sources.js';
import { utf8Encode } from './utf8.js';

/** What every syscall can reach. */
export interface WasiContext {
  readonly policy: ResolvedPolicy;
  readonly fds: FdTable;
  readonly clock: ClockSource | null;
  readonly random: RandomSource | null;
  /** Pulls up to `max` bytes of standard input (empty = end of input). */
  readonly readStdin: (max: number) => Uint8Array;
  /** Views on the guest memory as it is now. */
  memory(): GuestMemory;
  /** Reports one capability use to the policy's observer. */
  observe(capability: Capability, call: string, allowed: boolean, detail?: string): void;
}

/** Turns the policy's stdin into a pull function. */
export function makeStdin(source: InputSource | null): (max: number) => Uint8Array {
  if (source === null) return () => new Uint8Array(0);
  if (typeof source === 'function') return (max) => source(max) ?? new Uint8Array(0);
  let data = typeof source === 'string' ? utf8Encode(source) : source;
  return (max) => {
    const chunk = data.subarray(0, max);
    data = data.subarray(chunk.length);
    return chunk;
  };
}

/** Joins a directory label and a relative path for reports (`/sandbox` + `a/b`). */
export function joinLabel(dir: string, path: string): string {
  if (path === '.' || path === '') return dir;
  if (dir === '.' || dir === '') return path;
  return dir.endsWith('/') ? dir + path : `${dir}/${path}`;
}

/**
 * The directory descriptor `fd` for a `path_*` call needing `rights`, with the
 * use reported as capability `fs` on `label/path`. ENOTDIR/EBADF/ENOTCAPABLE.
 */
export function dirFor(ctx: WasiContext, call: string, fd: number, rights: number, path: string): DirFd {
  let entry;
  try {
    entry = ctx.fds.get(fd);
  } catch (e) {
    ctx.observe('fs', call, false, `fd ${fd}: ${path}`);
    throw e;
  }
  const label = entry.kind === 'stream' ? entry.stream : joinLabel(entry.label, path);
  const allowed = (entry.rightsBase & rights) === rights;
  ctx.observe('fs', call, allowed && entry.kind === 'dir', label);
  if (entry.kind !== 'dir') throw new ErrnoError(Errno.NOTDIR, `fd ${fd}`);
  if (!allowed) throw new ErrnoError(Errno.NOTCAPABLE, `${call} ${label}`);
  return entry;
}
