/**
 * The calls that are not about files: arguments and environment, clocks,
 * randomness, `poll_oneoff`, `proc_exit`/`proc_raise`, `sched_yield`, and the
 * socket calls (which no policy grants).
 *
 * `proc_exit` throws `WasiExit`, which unwinds the guest and is caught by
 * `WASI.start`; the host keeps running. `poll_oneoff` is synchronous: ready
 * descriptor subscriptions are reported at once, otherwise it sleeps until
 * the earliest clock subscription. Deliberately no signals (`proc_raise` is
 * `ENOSYS`, as in wasmtime) and no sockets (`ENOTSOCK` on any valid fd).
 *
 * Spec: preview1 `args_*`, `environ_*`, `clock_*`, `random_get`,
 * `poll_oneoff` (`subscription`, `event`), `proc_exit`, `sched_yield`, `sock_*`.
 */
import { EventType, Errno, Layout, Rights, SUBCLOCK_ABSTIME } from '../constants.js';
import type { WasiContext } from '../context.js';
import { ErrnoError, WasiExit } from '../errors.js';
import { stringListSize } from '../guest-memory.js';

const CLOCK_NAMES = ['realtime', 'monotonic', 'process_cputime', 'thread_cputime'];

/** One decoded `subscription` and the `event` it will produce. */
interface Pending {
  userdata: bigint;
  type: number;
  error: number;
  nbytes: bigint;
  /** Clock subscriptions: nanoseconds from now until they fire. */
  wait: bigint;
}

/** The non-file functions, keyed by their WASI names. */
export function procCalls(ctx: WasiContext) {
  const { policy } = ctx;
  const environ = Object.entries(policy.env).map(([k, v]) => `${k}=${v}`);

  function clock(call: string, id: number) {
    ctx.observe('clock', call, ctx.clock !== null, CLOCK_NAMES[id] ?? `clock ${id}`);
    if (!ctx.clock) throw new ErrnoError(Errno.NOTCAPABLE, call);
    return ctx.clock;
  }

  function notSocket(call: string, fd: number): never {
    ctx.observe('sockets', call, false, `fd ${fd}`);
    ctx.fds.get(fd);
    throw new ErrnoError(Errno.NOTSOCK);
  }

  return {
    args_sizes_get(argcPtr: number, bufSizePtr: number): void {
      ctx.observe('args', 'args_sizes_get', true, `${policy.args.length} args`);
      const m = ctx.memory();
      m.u32(argcPtr, policy.args.length);
      m.u32(bufSizePtr, stringListSize(policy.args));
    },
    args_get(argvPtr: number, bufPtr: number): void {
      ctx.observe('args', 'args_get', true, `${policy.args.length} args`);
      ctx.memory().stringList(policy.args, argvPtr, bufPtr);
    },
    environ_sizes_get(countPtr: number, bufSizePtr: number): void {
      ctx.observe('env', 'environ_sizes_get', true, `${environ.length} variables`);
      const m = ctx.memory();
      m.u32(countPtr, environ.length);
      m.u32(bufSizePtr, stringListSize(environ));
    },
    environ_get(environPtr: number, bufPtr: number): void {
      ctx.observe('env', 'environ_get', true, `${environ.length} variables`);
      ctx.memory().stringList(environ, environPtr, bufPtr);
    },
    clock_res_get(id: number, ptr: number): void {
      ctx.memory().u64(ptr, clock('clock_res_get', id).resolution(id));
    },
    clock_time_get(id: number, _precision: bigint, ptr: number): void {
      ctx.memory().u64(ptr, clock('clock_time_get', id).now(id));
    },
    random_get(buf: number, len: number): void {
      ctx.observe('random', 'random_get', ctx.random !== null, `${len} bytes`);
      if (!ctx.random) throw new ErrnoError(Errno.NOTCAPABLE, 'random_get');
      const m = ctx.memory();
      m.check(buf, len);
      ctx.random(m.bytes.subarray(buf, buf + len));
    },
    poll_oneoff(inPtr: number, outPtr: number, nsubs: number, neventsPtr: number): void {
      if (nsubs === 0) throw new ErrnoError(Errno.INVAL);
      const m = ctx.memory();
      m.check(inPtr, nsubs * Layout.SUBSCRIPTION_SIZE);
      m.check(outPtr, nsubs * Layout.EVENT_SIZE);
      const subs: Pending[] = [];
      for (let i = 0; i < nsubs; i++) {
        const at = inPtr + i * Layout.SUBSCRIPTION_SIZE;
        const sub: Pending = { userdata: m.getU64(at), type: m.getU8(at + 8), error: 0, nbytes: 0n, wait: -1n };
        if (sub.type === EventType.CLOCK) {
          const id = m.getU32(at + 16);
          const timeout = m.getU64(at + 24);
          const flags = m.getU16(at + 40);
          try {
            const c = clock('poll_oneoff', id);
            sub.wait = flags & SUBCLOCK_ABSTIME ? timeout - c.now(id) : timeout;
            if (sub.wait < 0n) sub.wait = 0n;
          } catch (e) {
            if (!(e instanceof ErrnoError)) throw e;
            sub.error = e.errno;
          }
        } else if (sub.type === EventType.FD_READ || sub.type === EventType.FD_WRITE) {
          const fd = m.getU32(at + 16);
          try {
            const e = ctx.fds.get(fd);
            const allowed = (e.rightsBase & Rights.POLL_FD_READWRITE) !== 0;
            ctx.observe(e.kind === 'stream' ? e.stream : 'fs', 'poll_oneoff', allowed, e.kind === 'stream' ? undefined : e.label);
            if (!allowed) throw new ErrnoError(Errno.NOTCAPABLE);
            // Everything here is synchronous, so every descriptor is always ready.
            if (sub.type === EventType.FD_READ && e.kind === 'file') sub.nbytes = BigInt(Math.max(0, e.file.size() - e.position));
          } catch (e) {
            if (!(e instanceof ErrnoError)) throw e;
            sub.error = e.errno;
          }
        } else {
          throw new ErrnoError(Errno.INVAL);
        }
        subs.push(sub);
      }
      let ready = subs.filter((s) => s.wait < 0n || s.error !== 0 || s.wait === 0n);
      if (ready.length === 0) {
        const soonest = subs.reduce((min, s) => (s.wait < min ? s.wait : min), subs[0].wait);
        ctx.clock?.sleep(soonest);
        ready = subs.filter((s) => s.wait === soonest);
      }
      ready.forEach((s, i) => {
        const at = outPtr + i * Layout.EVENT_SIZE;
        m.u64(at, s.userdata);
        m.u16(at + 8, s.error);
        m.u8(at + 10, s.type);
        m.u64(at + 16, s.nbytes);
        m.u16(at + 24, 0);
      });
      m.u32(neventsPtr, ready.length);
    },
    proc_exit(code: number): never {
      ctx.observe('exit', 'proc_exit', true, String(code >>> 0));
      throw new WasiExit(code >>> 0);
    },
    proc_raise(_signal: number): void {
      throw new ErrnoError(Errno.NOSYS);
    },
    sched_yield(): void {},
    sock_accept(fd: number, _flags: number, _fdPtr: number): void {
      notSocket('sock_accept', fd);
    },
    sock_recv(fd: number, _riData: number, _riDataLen: number, _riFlags: number, _roDatalen: number, _roFlags: number): void {
      notSocket('sock_recv', fd);
    },
    sock_send(fd: number, _siData: number, _siDataLen: number, _siFlags: number, _soDatalen: number): void {
      notSocket('sock_send', fd);
    },
    sock_shutdown(fd: number, _how: number): void {
      notSocket('sock_shutdown', fd);
    },
  };
}
