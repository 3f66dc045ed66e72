/**
 * The capability policy: everything a WASI guest may reach, in one object,
 * each capability documented beside its default. Deny by default — a `WASI`
 * built with `{}` gives the guest no arguments, no environment, no standard
 * streams, no files, no clock and no randomness.
 *
 * What "denied" means for each call (the errno conventions):
 *
 * | capability | when not granted |
 * | --- | --- |
 * | args, env | the lists are empty; the calls succeed (wasi-libc aborts start-up if they fail) |
 * | stdin/stdout/stderr | fd 0/1/2 exist without read/write rights: `ENOTCAPABLE` (wasi-libc shows `EBADF`) |
 * | preopens | no directory descriptors; a path leaving its directory: `EPERM` (wasmtime's answer) |
 * | read-only preopen | descriptors lack the write/create/remove rights: `ENOTCAPABLE` |
 * | clock | `clock_time_get`/`clock_res_get` and clock subscriptions: `ENOTCAPABLE` |
 * | random | `random_get`: `ENOTCAPABLE` |
 * | sockets | never granted: `sock_*` answer `ENOTSOCK` on a valid descriptor, `EBADF` otherwise |
 *
 * `ENOTCAPABLE` (76) is preview1's own "capabilities insufficient" code and
 * what wasmtime, uvwasi and wasi-libc use for rights and sandbox violations;
 * `EACCES`/`EPERM` would suggest Unix permission bits that do not exist here,
 * and `ENOSYS` would claim the call is missing when it is only withheld.
 *
 * Every use of a capability, granted or denied, is reported to `onCapability`.
 * Spec: preview1 "rights" and `fd_prestat_get` (preopens as the only roots).
 */
import type { FileSystem } from './fs/types.js';

/** Bytes for standard input: all at once, as text (UTF-8), or pulled on demand (`null`/empty = end of input). */
export type InputSource = Uint8Array | string | ((maxBytes: number) => Uint8Array | null);

/** Receives each chunk the guest writes to a standard stream (the array is a copy the sink may keep). */
export type OutputSink = (bytes: Uint8Array) => void;

/** A directory the guest may use, visible to it under `guestPath`. */
export interface PreopenPolicy {
  /** The name the guest sees, e.g. `/sandbox` or `.`. Required. */
  guestPath: string;
  /** The tree behind it. Default: a fresh empty `MemoryFileSystem`. */
  fs?: FileSystem;
  /** Whether the guest may create, modify, rename and remove. Default: `false` (read-only). */
  writable?: boolean;
}

/**
 * Clocks. `'real'`: the host's time (`performance.now()` for monotonic when
 * present, `Date.now()` otherwise); `{ frozen: ns }`: realtime always reads
 * `ns` (nanoseconds since the epoch), monotonic always 0, sleeps return at
 * once — for reproducible runs; `'none'`: every clock call fails.
 */
export type ClockPolicy = 'real' | 'none' | { frozen: bigint };

/**
 * Randomness. `'crypto'`: `globalThis.crypto.getRandomValues` (throws at
 * construction if the engine lacks it); `{ seed }`: a deterministic
 * SplitMix64-based stream, NOT for secrets; `'none'`: `random_get` fails.
 */
export type RandomPolicy = 'crypto' | 'none' | { seed: number | bigint };

/** The capabilities an embedder can grant and observe. */
export type Capability = 'args' | 'env' | 'stdin' | 'stdout' | 'stderr' | 'fs' | 'clock' | 'random' | 'exit' | 'sockets';

/** One use of a capability, as reported to `onCapability`. */
export interface CapabilityUse {
  capability: Capability;
  /** The WASI function, e.g. `path_open`. */
  call: string;
  /** Whether the policy allowed it (a call may still fail for other reasons, e.g. ENOENT). */
  allowed: boolean;
  /** A path (`/sandbox/a.txt`), a clock name, a byte count, an exit code... when it helps. */
  detail?: string;
}

/** The whole policy. Every field is optional; the defaults are below in `DEFAULT_POLICY`. */
export interface WasiPolicy {
  /** argv, including argv[0]. Default: `[]`. */
  args?: readonly string[];
  /** Environment variables. Default: `{}` (use the Node entry's `inheritEnv()` to pass the host's). */
  env?: Readonly<Record<string, string>>;
  /** Standard input. Default: `null` — fd 0 cannot be read (`ENOTCAPABLE`). */
  stdin?: InputSource | null;
  /** Standard output. Default: `null` — writes to fd 1 fail (`ENOTCAPABLE`). */
  stdout?: OutputSink | null;
  /** Standard error. Default: `null` — writes to fd 2 fail (`ENOTCAPABLE`). */
  stderr?: OutputSink | null;
  /** Preopened directories, in descriptor order from fd 3. Default: `[]`. */
  preopens?: readonly PreopenPolicy[];
  /** Default: `'none'`. */
  clock?: ClockPolicy;
  /** Default: `'none'`. */
  random?: RandomPolicy;
  /** Called for every capability use, allowed or denied. Default: none. Must not throw. */
  onCapability?: ((use: CapabilityUse) => void) | null;
}

/** The defaults: nothing is granted. */
export const DEFAULT_POLICY = {
  args: [] as readonly string[],
  env: {} as Readonly<Record<string, string>>,
  stdin: null,
  stdout: null,
  stderr: null,
  preopens: [] as readonly PreopenPolicy[],
  clock: 'none',
  random: 'none',
  onCapability: null,
} as const satisfies Required<WasiPolicy>;

/** A policy with every default filled in. */
export type ResolvedPolicy = { readonly [K in keyof WasiPolicy]-?: Exclude<WasiPolicy[K], undefined> };

/** Fills in the defaults of `DEFAULT_POLICY` for every absent field. */
export function resolvePolicy(policy: WasiPolicy): ResolvedPolicy {
  const out: Record<string, unknown> = { ...DEFAULT_POLICY };
  for (const [key, value] of Object.entries(policy)) if (value !== undefined) out[key] = value;
  return out as ResolvedPolicy;
}
