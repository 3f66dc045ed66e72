/**
 * Path resolution never leaves the preopen: `..`, absolute paths, symlinks
 * (absolute, relative, chains, loops) and symlinks swapped while resolution
 * runs. The preopen is a *subdirectory* `sandbox/` of an in-memory tree that
 * also holds `outside/`, so an escape would be observable as reaching a node
 * outside the sandbox subtree. Includes a fast-check property over random paths.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Errno, ErrnoError, MemoryFileSystem, type FileSystem, type FsNode } from '../../src/wasi/index.js';
import { MAX_SYMLINKS, resolvePath } from '../../src/wasi/resolve.js';

/** A tree with sandbox/ (the preopen) and outside/ next to it; returns the fs viewed from sandbox/. */
function tree() {
  const mem = new MemoryFileSystem({ now: () => 0n });
  mem.writeFile('outside/secret.txt', 'secret');
  mem.writeFile('sandbox/inside.txt', 'inside');
  mem.makeDir('sandbox/sub/deeper');
  mem.makeSymlink('sandbox/link_in', 'inside.txt');
  mem.makeSymlink('sandbox/link_sub', 'sub/deeper');
  mem.makeSymlink('sandbox/link_out', '../outside');
  mem.makeSymlink('sandbox/link_abs', '/outside');
  mem.makeSymlink('sandbox/sub/up', '..');
  mem.makeSymlink('sandbox/sub/upup', '../..');
  mem.makeSymlink('sandbox/chain1', 'chain2');
  mem.makeSymlink('sandbox/chain2', 'sub/../link_in');
  mem.makeSymlink('sandbox/loop1', 'loop2');
  mem.makeSymlink('sandbox/loop2', 'loop1');
  mem.makeSymlink('sandbox/self', 'self');
  const sandbox = mem.lookup(mem.root(), 'sandbox');
  const fs: FileSystem = Object.create(mem) as FileSystem;
  fs.root = () => sandbox;
  // Every node of the sandbox subtree, walking entries without following symlinks.
  const inside = new Set<FsNode>();
  const walk = (dir: FsNode) => {
    inside.add(dir);
    for (const e of mem.readdir(dir)) {
      const n = mem.lookup(dir, e.name);
      if (e.filetype === 3) walk(n);
      else inside.add(n);
    }
  };
  walk(sandbox);
  return { mem, fs, sandbox, inside };
}

function errnoOf(fn: () => unknown): number {
  try {
    fn();
    return Errno.SUCCESS;
  } catch (e) {
    if (e instanceof ErrnoError) return e.errno;
    throw e;
  }
}

describe('resolvePath', () => {
  const { mem, fs, sandbox } = tree();
  const resolve = (path: string, follow = true) => resolvePath(fs, [sandbox], path, follow);
  const contents = (path: string) => new TextDecoder().decode(readAll(resolve(path).node!));
  const readAll = (node: FsNode) => {
    const f = mem.open(node, { read: true, write: false });
    const buf = new Uint8Array(100);
    return buf.subarray(0, f.read(buf, 0));
  };

  it('resolves paths that stay inside', () => {
    expect(contents('inside.txt')).toBe('inside');
    expect(contents('sub/../inside.txt')).toBe('inside');
    expect(contents('./sub/./deeper/../../inside.txt')).toBe('inside');
    expect(contents('link_in')).toBe('inside');
    expect(contents('chain1')).toBe('inside');
    expect(contents('sub/up/inside.txt')).toBe('inside');
    expect(contents('link_sub/../../inside.txt')).toBe('inside');
    expect(resolve('sub/..').name).toBeNull();
  });

  it('refuses .. past the preopen root', () => {
    for (const p of ['..', '../outside/secret.txt', 'sub/../../outside', 'sub/deeper/../../../x', './..']) {
      expect(errnoOf(() => resolve(p)), p).toBe(Errno.PERM);
    }
  });

  it('refuses absolute paths and absolute symlinks', () => {
    expect(errnoOf(() => resolve('/inside.txt'))).toBe(Errno.PERM);
    expect(errnoOf(() => resolve('link_abs'))).toBe(Errno.PERM);
    expect(errnoOf(() => resolve('link_abs/secret.txt'))).toBe(Errno.PERM);
  });

  it('refuses relative symlinks that lead out, directly or through a chain', () => {
    expect(errnoOf(() => resolve('link_out'))).toBe(Errno.PERM);
    expect(errnoOf(() => resolve('link_out/secret.txt'))).toBe(Errno.PERM);
    expect(errnoOf(() => resolve('sub/upup/outside'))).toBe(Errno.PERM);
    expect(errnoOf(() => resolve('sub/up/sub/upup'))).toBe(Errno.PERM);
  });

  it('does not follow a final symlink without follow, but does with a trailing slash', () => {
    const r = resolve('link_out', false);
    expect(r.name).toBe('link_out');
    expect(fs.stat(r.node!).filetype).toBe(7);
    expect(errnoOf(() => resolve('link_out/', false))).toBe(Errno.PERM);
  });

  it('reports loops as ELOOP', () => {
    for (const p of ['loop1', 'self', 'loop1/x', 'sub/../loop2']) expect(errnoOf(() => resolve(p)), p).toBe(Errno.LOOP);
    expect(errnoOf(() => resolve('self', false))).toBe(Errno.SUCCESS);
  });

  it(`allows ${MAX_SYMLINKS} links in a chain and refuses one more`, () => {
    const m = new MemoryFileSystem();
    m.writeFile('target', 'x');
    for (let i = 0; i < MAX_SYMLINKS + 1; i++) m.makeSymlink(`l${i}`, i === 0 ? 'target' : `l${i - 1}`);
    expect(errnoOf(() => resolvePath(m, [m.root()], `l${MAX_SYMLINKS - 1}`, true))).toBe(Errno.SUCCESS);
    expect(errnoOf(() => resolvePath(m, [m.root()], `l${MAX_SYMLINKS}`, true))).toBe(Errno.LOOP);
  });

  it('gives ENOTDIR and ENOENT where POSIX does', () => {
    expect(errnoOf(() => resolve('inside.txt/x'))).toBe(Errno.NOTDIR);
    expect(errnoOf(() => resolve('inside.txt/'))).toBe(Errno.NOTDIR);
    expect(errnoOf(() => resolve('missing/x'))).toBe(Errno.NOENT);
    expect(errnoOf(() => resolve(''))).toBe(Errno.NOENT);
    expect(resolve('missing').node).toBeNull();
  });

  it('stays contained when a symlink is swapped while resolution runs', () => {
    // A file system that, on every readlink, re-points the link to the outside and
    // replaces sub/ with a symlink leading out: the walk must keep the nodes it saw.
    const t = tree();
    const racing: FileSystem = Object.create(t.fs) as FileSystem;
    let swaps = 0;
    racing.readlink = (node) => {
      const target = t.mem.readlink(node);
      swaps++;
      t.mem.unlink(t.sandbox, 'link_in');
      t.mem.symlink(t.sandbox, 'link_in', '../outside/secret.txt');
      if (t.mem.list('sandbox').includes('sub')) {
        t.mem.rename(t.sandbox, 'sub', t.sandbox, 'sub_old');
        t.mem.symlink(t.sandbox, 'sub', '../outside');
      }
      return target;
    };
    const r = resolvePath(racing, [t.sandbox], 'link_in', true);
    expect(swaps).toBe(1);
    expect(t.inside.has(r.node!)).toBe(true);
    // After the swap, new resolutions see the new links, and are refused.
    expect(errnoOf(() => resolvePath(t.fs, [t.sandbox], 'link_in', true))).toBe(Errno.PERM);
    expect(errnoOf(() => resolvePath(t.fs, [t.sandbox], 'sub/x', true))).toBe(Errno.PERM);
  });

  it('never reaches a node outside the preopen (property)', () => {
    const t = tree();
    const part = fc.constantFrom('..', '.', '', 'sub', 'deeper', 'inside.txt', 'link_in', 'link_sub', 'link_out',
      'link_abs', 'up', 'upup', 'chain1', 'loop1', 'self', 'outside', 'secret.txt', 'missing');
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.boolean(), (parts, follow, absolute) => {
        const path = (absolute ? '/' : '') + parts.join('/');
        try {
          const r = resolvePath(t.fs, [t.sandbox], path, follow);
          for (const n of r.chain) expect(t.inside.has(n)).toBe(true);
          if (r.node) expect(t.inside.has(r.node)).toBe(true);
        } catch (e) {
          if (!(e instanceof ErrnoError)) throw e;
          expect([Errno.PERM, Errno.LOOP, Errno.NOENT, Errno.NOTDIR]).toContain(e.errno);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
