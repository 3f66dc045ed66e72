/**
 * The two things a WASI host function can throw: `ErrnoError`, an internal
 * signal turned into the call's errno result by the dispatcher (it never
 * reaches the guest as an exception), and `WasiExit`, thrown by `proc_exit` to
 * unwind the guest through every frame back to `WASI.start`.
 *
 * Spec: preview1 `proc_exit` ("Terminate the process normally... the state of
 * the process is undefined after this call"): we end the *guest*, never the
 * host. Deliberately no other error classes: a host bug stays a plain Error.
 */
import { errnoName, type Errno } from './constants.js';

/** Internal: a syscall failed with `errno`. Thrown by file systems and helpers; caught by the dispatcher. */
export class ErrnoError extends Error {
  /** The WASI errno the call returns. */
  readonly errno: Errno;
  constructor(errno: Errno, detail?: string) {
    super(detail ? `${errnoName(errno)}: ${detail}` : errnoName(errno));
    this.errno = errno;
  }
}
Object.defineProperty(ErrnoError.prototype, 'name', { value: 'ErrnoError', writable: true, configurable: true });

/**
 * Thrown by `proc_exit` (and by `WASI.start` never: it catches it). Propagates
 * through native WebAssembly and tswasm's interpreter alike, so the guest
 * stops at once; the embedder sees the exit code on `code`.
 */
export class WasiExit extends Error {
  /** The exit status the guest passed to `proc_exit` (0..2^32-1, as an unsigned number). */
  readonly code: number;
  constructor(code: number) {
    super(`WASI guest exited with code ${code}`);
    this.code = code;
  }
}
Object.defineProperty(WasiExit.prototype, 'name', { value: 'WasiExit', writable: true, configurable: true });
