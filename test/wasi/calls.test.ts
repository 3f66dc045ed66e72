/**
 * Individual calls the C programs touch lightly or not at all: `poll_oneoff`
 * on descriptors, `fd_renumber`, timestamps, `path_readlink` truncation,
 * preopen names, `fd_allocate`/`fd_advise`, append mode, and the reactor
 * (`initialize`) and imported-memory (`setMemory`) paths of `WASI`.
 */
import { describe, expect, it } from 'vitest';
import { parseWat } from '../../src/text/index.js';
import { Errno, MemoryFileSystem, WASI } from '../../src/wasi/index.js';
import { Guest, O, Rights } from './harness.js';

function guest() {
  const fs = new MemoryFileSystem({ now: () => 1000n });
  fs.writeFile('a.txt', 'alpha');
  fs.makeSymlink('link', 'a.txt');
  const g = new Guest({ preopens: [{ guestPath: '/data', fs, writable: true }], stdin: 'in', stdout: () => {}, clock: { frozen: 5n } });
  return { fs, g };
}

describe('descriptor calls', () => {
  it('poll_oneoff reports ready descriptors without waiting', () => {
    const { g } = guest();
    const [, fd] = g.open(3, 'a.txt');
    const inp = g.alloc(48 * 3);
    const out = g.alloc(32 * 3);
    const n = g.alloc(4);
    const subs: [number, number][] = [[1, fd], [2, 1], [1, 77]];
    subs.forEach(([type, f], i) => {
      g.view.setBigUint64(inp + 48 * i, BigInt(i), true);
      g.view.setUint8(inp + 48 * i + 8, type);
      g.view.setUint32(inp + 48 * i + 16, f, true);
    });
    expect(g.call('poll_oneoff', inp, out, 3, n)).toBe(0);
    expect(g.u32(n)).toBe(3);
    expect(g.u64(out + 16)).toBe(5n); // bytes available in a.txt
    expect(g.view.getUint16(out + 32 + 8, true)).toBe(0);
    expect(g.view.getUint16(out + 64 + 8, true)).toBe(Errno.BADF);
    expect(g.call('poll_oneoff', inp, out, 0, n)).toBe(Errno.INVAL);
  });

  it('fd_renumber moves a descriptor over another', () => {
    const { g } = guest();
    const [, a] = g.open(3, 'a.txt');
    const [, b] = g.open(3, 'link');
    expect(g.call('fd_renumber', a, b)).toBe(0);
    expect(g.read(b)).toEqual([0, 'alpha']);
    expect(g.read(a)[0]).toBe(Errno.BADF);
    expect(g.call('fd_renumber', b, 99)).toBe(Errno.BADF);
  });

  it('sets and reads timestamps', () => {
    const { g } = guest();
    const [p, len] = g.str('a.txt');
    expect(g.call('path_filestat_set_times', 3, 1, p, len, 111n, 222n, 1 | 4)).toBe(0);
    const st = g.alloc(64);
    g.call('path_filestat_get', 3, 1, p, len, st);
    expect([g.u64(st + 40), g.u64(st + 48)]).toEqual([111n, 222n]);
    const [, fd] = g.open(3, 'a.txt');
    expect(g.call('fd_filestat_set_times', fd, 0n, 0n, 8)).toBe(0); // mtime = now (frozen clock: 5)
    g.call('fd_filestat_get', fd, st);
    expect(g.u64(st + 48)).toBe(5n);
    expect(g.call('fd_filestat_set_times', fd, 0n, 0n, 1 | 2)).toBe(Errno.INVAL);
  });

  it('truncates readlink to the buffer and names preopens', () => {
    const { g } = guest();
    const [p, len] = g.str('link');
    const buf = g.alloc(8);
    const used = g.alloc(4);
    expect(g.call('path_readlink', 3, p, len, buf, 3, used)).toBe(0);
    expect(g.text(buf, g.u32(used))).toBe('a.t');
    const [q, qlen] = g.str('a.txt');
    expect(g.call('path_readlink', 3, q, qlen, buf, 8, used)).toBe(Errno.INVAL);
    const pre = g.alloc(8);
    expect(g.call('fd_prestat_get', 3, pre)).toBe(0);
    expect(g.u32(pre + 4)).toBe(5);
    expect(g.call('fd_prestat_dir_name', 3, buf, 4)).toBe(Errno.NAMETOOLONG);
    expect(g.call('fd_prestat_dir_name', 3, buf, 5)).toBe(0);
    expect(g.text(buf, 5)).toBe('/data');
    expect(g.call('fd_prestat_get', 0, pre)).toBe(Errno.BADF);
  });

  it('appends at the end whatever the position, allocates and validates advice', () => {
    const { fs, g } = guest();
    const [, fd] = g.open(3, 'a.txt', { fdflags: 1, rights: Rights.ALL });
    const pos = g.alloc(8);
    expect(g.call('fd_seek', fd, 0n, 0, pos)).toBe(0);
    expect(g.write(fd, '+')).toEqual([0, 1]);
    expect(g.call('fd_tell', fd, pos)).toBe(0);
    expect(g.u64(pos)).toBe(6n);
    expect(g.call('fd_allocate', fd, 0n, 10n)).toBe(0);
    expect(fs.readFile('a.txt')).toHaveLength(10);
    expect(g.call('fd_advise', fd, 0n, 0n, 9)).toBe(Errno.INVAL);
    expect(g.call('fd_advise', fd, 0n, 0n, 1)).toBe(0);
    expect(g.call('fd_seek', fd, -1n, 0, pos)).toBe(Errno.INVAL);
    expect(g.call('fd_seek', 0, 0n, 0, pos)).toBe(Errno.NOTCAPABLE);
    const [, created] = g.open(3, 'new.txt', { oflags: O.CREAT | O.EXCL });
    expect(g.write(created, 'x')).toEqual([0, 1]);
    expect(fs.readFile('new.txt')).toEqual(new TextEncoder().encode('x'));
  });

  it('fails with EFAULT on pointers outside memory', () => {
    const { g } = guest();
    expect(g.call('fd_read', 0, 200_000, 1, 0)).toBe(Errno.FAULT);
    expect(g.call('args_sizes_get', 0xfffffffc, 0)).toBe(Errno.FAULT);
    expect(g.call('fd_write', 1, -8 as number, 1, 0)).toBe(Errno.FAULT);
  });
});

describe('WASI modes', () => {
  it('initializes a reactor and serves its calls afterwards', () => {
    const bytes = parseWat(`(module
      (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
      (memory (export "memory") 1)
      (global $ready (mut i32) (i32.const 0))
      (data (i32.const 16) "ok\\n")
      (func (export "_initialize") (global.set $ready (i32.const 1)))
      (func (export "hello") (result i32)
        (i32.store (i32.const 0) (i32.const 16))
        (i32.store (i32.const 4) (i32.mul (i32.const 3) (global.get $ready)))
        (call $write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))`);
    let out = '';
    const wasi = new WASI({ stdout: (b) => (out += new TextDecoder().decode(b)) });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>), wasi.getImports() as unknown as WebAssembly.Imports);
    expect(() => wasi.start(instance)).toThrow(/_start/);
    wasi.initialize(instance);
    expect((instance.exports.hello as () => number)()).toBe(0);
    expect(out).toBe('ok\n');
  });

  it('uses an imported memory given to setMemory', () => {
    const bytes = parseWat(`(module
      (import "wasi_snapshot_preview1" "args_sizes_get" (func $sizes (param i32 i32) (result i32)))
      (import "env" "memory" (memory 1))
      (func (export "_start") (drop (call $sizes (i32.const 0) (i32.const 4)))))`);
    const memory = new WebAssembly.Memory({ initial: 1 });
    const wasi = new WASI({ args: ['a', 'bc'] });
    wasi.setMemory(memory);
    const imports = { ...wasi.getImports(), env: { memory } };
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>), imports as unknown as WebAssembly.Imports);
    expect(wasi.start(instance)).toBe(0);
    expect(new Uint32Array(memory.buffer, 0, 2)).toEqual(new Uint32Array([2, 5]));
  });
});

describe('large requests', () => {
  it('caps one fd_read/fd_write instead of allocating what overlapping iovecs add up to', () => {
    const fs = new MemoryFileSystem();
    fs.writeFile('f', 'x'.repeat(100));
    let written = 0;
    const g = new Guest({ preopens: [{ guestPath: '.', fs, writable: true }], stdout: (b) => (written += b.length) });
    // 4096 iovecs each covering the whole 128 KiB memory: 512 MiB requested.
    const iovs = g.alloc(8 * 4096);
    for (let i = 0; i < 4096; i++) {
      g.view.setUint32(iovs + 8 * i, 0, true);
      g.view.setUint32(iovs + 8 * i + 4, g.memory.buffer.byteLength, true);
    }
    const out = g.alloc(4);
    expect(g.call('fd_write', 1, iovs, 4096, out)).toBe(0);
    expect(g.u32(out)).toBe(16 * 1024 * 1024);
    expect(written).toBe(16 * 1024 * 1024);
    const [, fd] = g.open(3, 'f', { rights: Rights.FD_READ });
    expect(g.call('fd_read', fd, iovs, 4096, out)).toBe(0);
    expect(g.u32(out)).toBe(100);
  });
});
