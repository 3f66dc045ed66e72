/**
 * Where time and randomness come from, per the policy's `clock` and `random`
 * fields: the real host sources, frozen/seeded deterministic ones, or none.
 *
 * Host APIs are looked up on `globalThis` at construction (`performance`,
 * `crypto`, `Atomics` + `SharedArrayBuffer`) so the file runs on engines that
 * lack some of them (Hermes, QuickJS). Sleeping is synchronous, because WASI
 * preview1 calls are: `Atomics.wait` where the engine allows it, otherwise a
 * busy wait on the monotonic clock. Deliberately no CPU-time accounting: the
 * process/thread CPU clocks read the monotonic clock.
 *
 * Spec: preview1 `clock_time_get`, `clock_res_get`, `random_get`.
 */
import { ClockId, Errno } from './constants.js';
import { ErrnoError } from './errors.js';
import type { ClockPolicy, RandomPolicy } from './policy.js';

interface HostGlobals {
  performance?: { now(): number; timeOrigin?: number };
  crypto?: { getRandomValues(array: Uint8Array): Uint8Array };
}
const host = globalThis as unknown as HostGlobals;

/** The guest's clocks. All values are nanoseconds as BigInt. */
export interface ClockSource {
  now(id: number): bigint;
  resolution(id: number): bigint;
  /** Blocks for `ns` nanoseconds (frozen clocks return at once). */
  sleep(ns: bigint): void;
}

const NS_PER_MS = 1_000_000;

function checkId(id: number): void {
  if (id < ClockId.REALTIME || id > ClockId.THREAD_CPUTIME) throw new ErrnoError(Errno.INVAL, `clock ${id}`);
}

function realClock(): ClockSource {
  const perf = host.performance;
  const monotonicMs = perf ? () => perf.now() : () => Date.now();
  const realtimeMs = perf && perf.timeOrigin ? () => perf.timeOrigin! + perf.now() : () => Date.now();
  const msToNs = (ms: number) => BigInt(Math.round(ms * NS_PER_MS));
  let lastMonotonic = 0n;
  const clock: ClockSource = {
    now(id) {
      checkId(id);
      if (id === ClockId.REALTIME) return msToNs(realtimeMs());
      // Monotonic (and the CPU clocks): never decreasing even if the source jitters.
      const t = msToNs(monotonicMs());
      if (t > lastMonotonic) lastMonotonic = t;
      return lastMonotonic;
    },
    resolution(id) {
      checkId(id);
      return perf ? 1_000n : 1_000_000n;
    },
    sleep(ns) {
      if (ns <= 0n) return;
      const end = clock.now(ClockId.MONOTONIC) + ns;
      const cell = typeof SharedArrayBuffer === 'function' ? new Int32Array(new SharedArrayBuffer(4)) : null;
      for (;;) {
        const left = end - clock.now(ClockId.MONOTONIC);
        if (left <= 0n) return;
        try {
          if (!cell) throw new Error('no Atomics.wait');
          Atomics.wait(cell, 0, 0, Math.max(1, Number(left) / NS_PER_MS));
        } catch {
          // Atomics.wait is not allowed here (browser main thread): spin until the deadline.
        }
      }
    },
  };
  return clock;
}

function frozenClock(at: bigint): ClockSource {
  return {
    now(id) {
      checkId(id);
      return id === ClockId.REALTIME ? at : 0n;
    },
    resolution(id) {
      checkId(id);
      return 1_000n;
    },
    sleep() {},
  };
}

/** The clock source for a policy, or `null` for `'none'`. */
export function makeClock(policy: ClockPolicy): ClockSource | null {
  if (policy === 'none') return null;
  if (policy === 'real') return realClock();
  return frozenClock(policy.frozen);
}

/** Fills a buffer with random bytes. */
export type RandomSource = (dst: Uint8Array) => void;

/** Largest request `getRandomValues` accepts at once (Web Crypto's quota). */
const CRYPTO_CHUNK = 65536;

/** SplitMix64: small, fast, well distributed, deterministic per seed. Not cryptographic. */
function seededRandom(seed: bigint): RandomSource {
  let state = BigInt.asUintN(64, seed);
  return (dst) => {
    for (let i = 0; i < dst.length; i += 8) {
      state = BigInt.asUintN(64, state + 0x9e3779b97f4a7c15n);
      let z = state;
      z = BigInt.asUintN(64, (z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n);
      z = BigInt.asUintN(64, (z ^ (z >> 27n)) * 0x94d049bb133111ebn);
      z ^= z >> 31n;
      for (let k = 0; k < 8 && i + k < dst.length; k++) dst[i + k] = Number((z >> BigInt(8 * k)) & 0xffn);
    }
  };
}

/** The random source for a policy, or `null` for `'none'`. Throws if `'crypto'` is requested and absent. */
export function makeRandom(policy: RandomPolicy): RandomSource | null {
  if (policy === 'none') return null;
  if (policy === 'crypto') {
    const crypto = host.crypto;
    if (!crypto) throw new Error("WASI policy random: 'crypto' needs globalThis.crypto.getRandomValues; use { seed } or 'none'");
    return (dst) => {
      for (let i = 0; i < dst.length; i += CRYPTO_CHUNK) crypto.getRandomValues(dst.subarray(i, i + CRYPTO_CHUNK));
    };
  }
  return seededRandom(BigInt(policy.seed));
}
