/**
 * The capability policy: deny by default with the documented errno for each
 * capability, granted streams, clocks (real, frozen, none), randomness
 * (crypto, seeded, none), proc_exit unwinding the guest, and the observer
 * seeing every capability use (checked over all the C test programs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, Errno, MemoryFileSystem, WASI, WASI_FUNCTIONS, WasiExit, type CapabilityUse } from '../../src/wasi/index.js';
import { Guest } from './harness.js';

const programs = join(import.meta.dirname, '..', 'wasi-programs');

/** A subscription list: clock subscriptions `[clockId, timeoutNs, flags]`. */
function poll(g: Guest, subs: [number, bigint, number][]): { errno: number; events: { userdata: bigint; error: number; type: number }[] } {
  const inp = g.alloc(48 * subs.length);
  const out = g.alloc(32 * subs.length);
  const n = g.alloc(4);
  subs.forEach(([id, timeout, flags], i) => {
    const at = inp + 48 * i;
    g.view.setBigUint64(at, BigInt(100 + i), true);
    g.view.setUint8(at + 8, 0);
    g.view.setUint32(at + 16, id, true);
    g.view.setBigUint64(at + 24, timeout, true);
    g.view.setUint16(at + 40, flags, true);
  });
  const errno = g.call('poll_oneoff', inp, out, subs.length, n);
  const events = [];
  for (let i = 0; i < g.u32(n); i++) {
    events.push({ userdata: g.u64(out + 32 * i), error: g.view.getUint16(out + 32 * i + 8, true), type: g.view.getUint8(out + 32 * i + 10) });
  }
  return { errno, events };
}

function time(g: Guest, id: number): [number, bigint] {
  const out = g.alloc(8);
  const e = g.call('clock_time_get', id, 0n, out);
  return [e, g.u64(out)];
}

function random(g: Guest, len: number): [number, Uint8Array] {
  const buf = g.alloc(len);
  const e = g.call('random_get', buf, len);
  return [e, new Uint8Array(g.memory.buffer, buf, len).slice()];
}

describe('deny by default', () => {
  const uses: CapabilityUse[] = [];
  const g = new Guest({ onCapability: (u) => uses.push(u) });

  it('has documented defaults that grant nothing', () => {
    expect(DEFAULT_POLICY).toMatchObject({ args: [], env: {}, stdin: null, stdout: null, stderr: null, preopens: [], clock: 'none', random: 'none' });
  });

  it('gives empty argument and environment lists', () => {
    const a = g.alloc(8);
    expect(g.call('args_sizes_get', a, a + 4)).toBe(Errno.SUCCESS);
    expect([g.u32(a), g.u32(a + 4)]).toEqual([0, 0]);
    expect(g.call('environ_sizes_get', a, a + 4)).toBe(Errno.SUCCESS);
    expect([g.u32(a), g.u32(a + 4)]).toEqual([0, 0]);
  });

  it('refuses the standard streams with ENOTCAPABLE', () => {
    expect(g.write(1, 'x')[0]).toBe(Errno.NOTCAPABLE);
    expect(g.write(2, 'x')[0]).toBe(Errno.NOTCAPABLE);
    expect(g.read(0)[0]).toBe(Errno.NOTCAPABLE);
    // They still exist (isatty and fstat work), with no rights but filestat_get.
    const st = g.alloc(24);
    expect(g.call('fd_fdstat_get', 1, st)).toBe(Errno.SUCCESS);
    expect(g.view.getUint8(st)).toBe(2);
    expect(g.u64(st + 8)).toBe(1n << 21n);
  });

  it('refuses clocks and randomness with ENOTCAPABLE', () => {
    expect(time(g, 0)[0]).toBe(Errno.NOTCAPABLE);
    expect(time(g, 1)[0]).toBe(Errno.NOTCAPABLE);
    expect(g.call('clock_res_get', 1, g.alloc(8))).toBe(Errno.NOTCAPABLE);
    expect(random(g, 16)[0]).toBe(Errno.NOTCAPABLE);
    const p = poll(g, [[1, 1_000_000n, 0]]);
    expect(p.errno).toBe(Errno.SUCCESS);
    expect(p.events).toEqual([{ userdata: 100n, error: Errno.NOTCAPABLE, type: 0 }]);
  });

  it('has no preopens, no sockets, no signals', () => {
    expect(g.call('fd_prestat_get', 3, g.alloc(8))).toBe(Errno.BADF);
    expect(g.call('sock_accept', 1, 0, g.alloc(4))).toBe(Errno.NOTSOCK);
    expect(g.call('sock_recv', 1, 0, 0, 0, 0, 0)).toBe(Errno.NOTSOCK);
    expect(g.call('sock_send', 2, 0, 0, 0, 0)).toBe(Errno.NOTSOCK);
    expect(g.call('sock_shutdown', 99, 0)).toBe(Errno.BADF);
    expect(g.call('proc_raise', 9)).toBe(Errno.NOSYS);
    expect(g.call('sched_yield')).toBe(Errno.SUCCESS);
  });

  it('reported every denial to the observer', () => {
    const denied = new Set(uses.filter((u) => !u.allowed).map((u) => `${u.capability}:${u.call}`));
    for (const k of ['stdout:fd_write', 'stderr:fd_write', 'stdin:fd_read', 'clock:clock_time_get', 'clock:clock_res_get',
      'random:random_get', 'clock:poll_oneoff', 'sockets:sock_accept']) expect(denied, k).toContain(k);
    expect(uses.filter((u) => u.allowed).map((u) => u.capability)).toEqual(expect.arrayContaining(['args', 'env']));
  });
});

describe('granted streams, args and env', () => {
  it('refuses policies the guest would see garbled', () => {
    expect(() => new WASI({ args: ['a\0b'] })).toThrow(TypeError);
    expect(() => new WASI({ env: { 'A=B': 'x' } })).toThrow(TypeError);
    expect(() => new WASI({ env: { A: 'x\0' } })).toThrow(TypeError);
    expect(() => new WASI({ preopens: [{ guestPath: '' }] })).toThrow(TypeError);
  });

  it('passes args and env as UTF-8 lists', () => {
    const g = new Guest({ args: ['prog', 'ünï ✓'], env: { A: '1', B: 'x=y' } });
    const sizes = g.alloc(8);
    g.call('args_sizes_get', sizes, sizes + 4);
    expect([g.u32(sizes), g.u32(sizes + 4)]).toEqual([2, 5 + 10]);
    const ptrs = g.alloc(8);
    const buf = g.alloc(15);
    expect(g.call('args_get', ptrs, buf)).toBe(0);
    expect(g.text(g.u32(ptrs + 4), 9)).toBe('ünï ✓');
    g.call('environ_sizes_get', sizes, sizes + 4);
    expect([g.u32(sizes), g.u32(sizes + 4)]).toEqual([2, 4 + 6]);
  });

  it('reads stdin in chunks until end of input, from bytes, text or a function', () => {
    const g = new Guest({ stdin: 'hello world' });
    expect(g.read(0, 5)).toEqual([0, 'hello']);
    expect(g.read(0, 100)).toEqual([0, ' world']);
    expect(g.read(0, 100)).toEqual([0, '']);
    const chunks = [new TextEncoder().encode('a'), new TextEncoder().encode('b')];
    const h = new Guest({ stdin: () => chunks.shift() ?? null });
    expect([h.read(0)[1], h.read(0)[1], h.read(0)[1]]).toEqual(['a', 'b', '']);
  });

  it('hands each write to the sink', () => {
    const out: string[] = [];
    const g = new Guest({ stdout: (b) => out.push(new TextDecoder().decode(b)) });
    expect(g.write(1, 'one')).toEqual([0, 3]);
    expect(g.write(1, 'two')).toEqual([0, 3]);
    expect(g.write(2, 'err')[0]).toBe(Errno.NOTCAPABLE);
    expect(out).toEqual(['one', 'two']);
  });
});

describe('clocks', () => {
  it('frozen: fixed realtime, monotonic 0, sleeps return at once', () => {
    const g = new Guest({ clock: { frozen: 1_700_000_000_000_000_000n } });
    expect(time(g, 0)).toEqual([0, 1_700_000_000_000_000_000n]);
    expect(time(g, 1)).toEqual([0, 0n]);
    const t0 = Date.now();
    const p = poll(g, [[1, 10_000_000_000n, 0]]);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(p.events).toEqual([{ userdata: 100n, error: 0, type: 0 }]);
  });

  it('real: realtime near Date.now, monotonic never decreases, sleeps last', () => {
    const g = new Guest({ clock: 'real' });
    const [, rt] = time(g, 0);
    expect(Number(rt / 1_000_000n) - Date.now()).toBeLessThan(1000);
    let last = 0n;
    for (let i = 0; i < 100; i++) {
      const [, t] = time(g, 1);
      expect(t >= last).toBe(true);
      last = t;
    }
    const [, before] = time(g, 1);
    const p = poll(g, [[1, 30_000_000n, 0], [1, 5_000_000_000n, 0]]);
    const [, after] = time(g, 1);
    expect(after - before >= 30_000_000n).toBe(true);
    expect(p.events.map((e) => e.userdata)).toEqual([100n]);
    expect(time(g, 9)[0]).toBe(Errno.INVAL);
  });
});

describe('random', () => {
  it('seeded: reproducible per seed, different across seeds', () => {
    const a = random(new Guest({ random: { seed: 42 } }), 64)[1];
    const b = random(new Guest({ random: { seed: 42 } }), 64)[1];
    const c = random(new Guest({ random: { seed: 43 } }), 64)[1];
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(new Set(a).size).toBeGreaterThan(30);
  });

  it('crypto: fills large buffers', () => {
    const [e, bytes] = random(new Guest({ random: 'crypto' }), 100_000);
    expect(e).toBe(0);
    expect(new Set(bytes).size).toBe(256);
  });
});

/** A command whose `_start` calls proc_exit(code) and then traps if it ever continues. */
function exitModule(code: number): Uint8Array<ArrayBuffer> {
  const str = (s: string) => [s.length, ...new TextEncoder().encode(s)];
  const section = (id: number, body: number[]) => [id, body.length, ...body];
  return Uint8Array.from([
    0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, [2, 0x60, 1, 0x7f, 0, 0x60, 0, 0]),
    ...section(2, [1, ...str('wasi_snapshot_preview1'), ...str('proc_exit'), 0, 0]),
    ...section(3, [1, 1]),
    ...section(5, [1, 0, 1]),
    ...section(7, [2, ...str('memory'), 2, 0, ...str('_start'), 0, 1]),
    ...section(10, [1, 7, 0, 0x41, code, 0x10, 0, 0x00, 0x0b]),
  ]);
}

describe('proc_exit', () => {
  it('ends the guest with its code and leaves the host running', () => {
    const uses: CapabilityUse[] = [];
    const wasi = new WASI({ onCapability: (u) => uses.push(u) });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(exitModule(5)), wasi.getImports() as unknown as WebAssembly.Imports);
    expect(wasi.start(instance)).toBe(5);
    expect(uses).toEqual([{ capability: 'exit', call: 'proc_exit', allowed: true, detail: '5' }]);
    expect(() => wasi.start(instance)).toThrow(/already started/);
  });

  it('throws WasiExit from the host function itself', () => {
    const g = new Guest({});
    expect(() => g.call('proc_exit', 7)).toThrow(WasiExit);
    try {
      g.call('proc_exit', -1);
    } catch (e) {
      expect((e as WasiExit).code).toBe(0xffffffff);
    }
  });
});

describe('observer', () => {
  const manifest = JSON.parse(readFileSync(join(programs, 'programs.json'), 'utf8'));

  it('sees every capability use of every test program', () => {
    for (const c of manifest.cases) {
      const fs = new MemoryFileSystem();
      for (const e of c.setup ?? []) {
        if (e.dir !== undefined) fs.makeDir(e.dir);
        else if (e.file !== undefined) fs.writeFile(e.file, e.content.repeat(e.repeat ?? 1));
        else fs.makeSymlink(e.symlink, e.target);
      }
      let events = 0;
      const wasi = new WASI({
        args: ['prog', ...c.args], env: c.env ?? {}, stdin: c.stdin ?? '', stdout: () => {}, stderr: () => {},
        preopens: [{ guestPath: '/sandbox', fs, writable: true }], clock: 'real', random: 'crypto',
        onCapability: () => events++,
      });
      // Wrap every import: a call of a function that needs a capability must report at least one use.
      const imports: Record<string, (...a: unknown[]) => unknown> = {};
      const silent: string[] = [];
      for (const [name, fn] of Object.entries(wasi.wasiImport)) {
        imports[name] = (...args: unknown[]) => {
          const before = events;
          const r = (fn as (...a: unknown[]) => unknown)(...args);
          if (WASI_FUNCTIONS[name].capabilities.length > 0 && events === before) silent.push(name);
          return r;
        };
      }
      const module = new WebAssembly.Module(readFileSync(join(programs, c.program)));
      const instance = new WebAssembly.Instance(module, { wasi_snapshot_preview1: imports } as WebAssembly.Imports);
      wasi.start(instance);
      expect(silent, c.name).toEqual([]);
      expect(events, c.name).toBeGreaterThan(0);
    }
  });
});
