/**
 * The `WASI` class: builds the `wasi_snapshot_preview1` import object from a
 * capability policy and runs a command (`start`) or reactor (`initialize`).
 *
 * The host functions are plain JS functions following the WebAssembly JS API
 * conventions (i32 as number, i64 as BigInt), so the same object works with
 * native WebAssembly and with tswasm's own namespace; guest memory is read
 * through `instance.exports.memory.buffer` afresh on every call. Deliberately
 * engine-agnostic: nothing here imports the decoder or the interpreter.
 *
 *     const wasi = new WASI({ args: ['hello'], stdout: (b) => out.push(b) });
 *     const instance = new WebAssembly.Instance(module, wasi.getImports());
 *     const code = wasi.start(instance);
 *
 * Spec: preview1 "Modules" (`_start` for commands, `_initialize` for
 * reactors, the `memory` export).
 */
import { Errno } from './constants.js';
import { makeStdin, type WasiContext } from './context.js';
import { ErrnoError, WasiExit } from './errors.js';
import { DENIED_STREAM_RIGHTS, DIR_RIGHTS, FdTable, FILE_RIGHTS, MUTATING_RIGHTS, STDIN_RIGHTS, STDOUT_RIGHTS } from './fd-table.js';
import { MemoryFileSystem } from './fs/memory.js';
import { GuestMemory } from './guest-memory.js';
import { resolvePolicy, type CapabilityUse, type ResolvedPolicy, type WasiPolicy } from './policy.js';
import { makeClock, makeRandom } from './sources.js';
import { fdCalls } from './calls/fd.js';
import { pathCalls } from './calls/path.js';
import { procCalls } from './calls/proc.js';

/** The WASI import module name. */
export const WASI_MODULE = 'wasi_snapshot_preview1';

/** What `start`/`initialize` need from an instance: its exports (a `memory` and `_start`/`_initialize`). */
export interface WasiInstance {
  readonly exports: Readonly<Record<string, unknown>>;
}

/** Anything with a `buffer` like `WebAssembly.Memory`. */
export interface MemoryLike {
  readonly buffer: ArrayBuffer;
}

/** A host function of the import object. */
export type HostFunction = (...args: never[]) => unknown;

function isMemory(value: unknown): value is MemoryLike {
  const buffer = typeof value === 'object' && value !== null ? (value as { buffer?: unknown }).buffer : undefined;
  return typeof buffer === 'object' && buffer !== null && typeof (buffer as ArrayBuffer).byteLength === 'number';
}

/** Refuses policies the guest would see garbled: C strings cannot hold NUL, names cannot hold `=`. */
function checkPolicy(p: ResolvedPolicy): void {
  for (const a of p.args) if (typeof a !== 'string' || a.includes('\0')) throw new TypeError(`WASI policy args: ${JSON.stringify(a)} is not a string without NUL`);
  for (const [k, v] of Object.entries(p.env)) {
    if (k === '' || k.includes('=') || k.includes('\0')) throw new TypeError(`WASI policy env: bad variable name ${JSON.stringify(k)}`);
    if (typeof v !== 'string' || v.includes('\0')) throw new TypeError(`WASI policy env: ${k} must be a string without NUL`);
  }
  for (const pre of p.preopens) {
    if (typeof pre.guestPath !== 'string' || pre.guestPath === '' || pre.guestPath.includes('\0')) {
      throw new TypeError(`WASI policy preopens: bad guestPath ${JSON.stringify(pre.guestPath)}`);
    }
  }
}

/** One WASI environment: a policy, a descriptor table, and the import object bound to them. */
export class WASI {
  /** The policy with defaults filled in. */
  readonly policy: ResolvedPolicy;
  /** The `wasi_snapshot_preview1` functions. */
  readonly wasiImport: Readonly<Record<string, HostFunction>>;
  private memory: MemoryLike | null = null;
  private started = false;

  /**
   * Throws `TypeError` for a malformed policy (NUL in args or env, `=` in a
   * variable name, an empty `guestPath`) and `Error` if it asks for something
   * the engine lacks (`random: 'crypto'` without `globalThis.crypto`).
   */
  constructor(policy: WasiPolicy = {}) {
    this.policy = resolvePolicy(policy);
    const p = this.policy;
    checkPolicy(p);
    const fds = new FdTable();
    fds.set(0, { kind: 'stream', stream: 'stdin', rightsBase: p.stdin !== null ? STDIN_RIGHTS : DENIED_STREAM_RIGHTS, rightsInheriting: 0, fdflags: 0 });
    fds.set(1, { kind: 'stream', stream: 'stdout', rightsBase: p.stdout ? STDOUT_RIGHTS : DENIED_STREAM_RIGHTS, rightsInheriting: 0, fdflags: 0 });
    fds.set(2, { kind: 'stream', stream: 'stderr', rightsBase: p.stderr ? STDOUT_RIGHTS : DENIED_STREAM_RIGHTS, rightsInheriting: 0, fdflags: 0 });
    p.preopens.forEach((pre, i) => {
      const fs = pre.fs ?? new MemoryFileSystem();
      const mask = pre.writable ? -1 : ~MUTATING_RIGHTS;
      fds.set(3 + i, {
        kind: 'dir', fs, chain: [fs.root()], label: pre.guestPath, preopenName: pre.guestPath,
        rightsBase: DIR_RIGHTS & mask, rightsInheriting: (DIR_RIGHTS | FILE_RIGHTS) & mask, fdflags: 0,
      });
    });
    const observer = p.onCapability;
    const ctx: WasiContext = {
      policy: p,
      fds,
      clock: makeClock(p.clock),
      random: makeRandom(p.random),
      readStdin: makeStdin(p.stdin),
      memory: () => {
        if (!this.memory) throw new Error('WASI: no memory yet; call start(), initialize() or setMemory() first');
        return new GuestMemory(this.memory.buffer);
      },
      observe: observer
        ? (capability, call, allowed, detail) => {
            const use: CapabilityUse = { capability, call, allowed };
            if (detail !== undefined) use.detail = detail;
            observer(use);
          }
        : () => {},
    };
    const raw: Record<string, (...args: never[]) => unknown> = { ...procCalls(ctx), ...fdCalls(ctx), ...pathCalls(ctx) };
    const wrapped: Record<string, HostFunction> = {};
    for (const [name, fn] of Object.entries(raw)) {
      wrapped[name] = (...args: never[]) => {
        // The JS API hands i32 over as signed numbers; every preview1 i32 parameter is unsigned
        // (pointers, lengths, fds, flags). i64 stays a signed BigInt (fd_seek's delta is signed).
        for (let i = 0; i < args.length; i++) if (typeof args[i] === 'number') args[i] = ((args[i] as number) >>> 0) as never;
        try {
          fn(...args);
          return Errno.SUCCESS;
        } catch (e) {
          if (e instanceof ErrnoError) return e.errno;
          throw e;
        }
      };
    }
    this.wasiImport = wrapped;
  }

  /** The import object to instantiate with: `{ wasi_snapshot_preview1: { ... } }`. */
  getImports(): { [WASI_MODULE]: Readonly<Record<string, HostFunction>> } {
    return { [WASI_MODULE]: this.wasiImport };
  }

  /** The same as `getImports()`, under `node:wasi`'s name, for code moving from it. */
  getImportObject(): { [WASI_MODULE]: Readonly<Record<string, HostFunction>> } {
    return this.getImports();
  }

  /** Uses `memory` for guest pointers (for modules that import their memory instead of exporting it). */
  setMemory(memory: MemoryLike): void {
    this.memory = memory;
  }

  private bind(instance: WasiInstance): void {
    if (this.started) throw new Error('WASI: an instance was already started with this WASI object');
    this.started = true;
    const memory = instance.exports.memory;
    if (isMemory(memory)) this.memory = memory;
    else if (!this.memory) throw new TypeError('WASI: the instance exports no "memory" (and none was given to setMemory)');
  }

  /**
   * Runs a command: calls its `_start` export and returns the exit code — the
   * one given to `proc_exit`, or 0 when `_start` returns. Traps and host
   * errors propagate. Callable once per `WASI` object.
   */
  start(instance: WasiInstance): number {
    const start = instance.exports._start;
    if (typeof start !== 'function') throw new TypeError('WASI: the instance has no "_start" export (is it a reactor? use initialize())');
    if (typeof instance.exports._initialize === 'function') throw new TypeError('WASI: a command must not export "_initialize"');
    this.bind(instance);
    try {
      start();
      return 0;
    } catch (e) {
      if (e instanceof WasiExit) return e.code;
      throw e;
    }
  }

  /**
   * Prepares a reactor: calls its `_initialize` export if any; afterwards the
   * embedder calls exports directly. A `proc_exit` during initialization
   * propagates as `WasiExit`.
   */
  initialize(instance: WasiInstance): void {
    if (typeof instance.exports._start === 'function') throw new TypeError('WASI: a reactor must not export "_start" (use start())');
    this.bind(instance);
    const init = instance.exports._initialize;
    if (typeof init === 'function') init();
  }
}
