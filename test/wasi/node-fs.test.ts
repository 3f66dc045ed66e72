/**
 * The Node adapter: read-only host preopens, the inode check that catches an
 * entry swapped between resolution and open, refusal of absolute symlink
 * targets, and a differential property test — random sequences of file
 * operations through the WASI calls give the same errnos and the same final
 * tree over `NodeFileSystem` (a real temp directory) and `MemoryFileSystem`.
 */
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, renameSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Errno, ErrnoError, MemoryFileSystem, WASI, type FileSystem, type FsNode } from '../../src/wasi/index.js';
import { NodeFileSystem } from '../../src/wasi/node-fs.node.js';
import { Guest, O, Rights } from './harness.js';

const top = mkdtempSync(join(tmpdir(), 'tswasm-nodefs-'));
afterAll(() => rmSync(top, { recursive: true, force: true }));
let counter = 0;
function hostDir(): string {
  const dir = join(top, `d${counter++}`);
  mkdirSync(dir);
  return dir;
}

const programs = join(import.meta.dirname, '..', 'wasi-programs');

describe('NodeFileSystem', () => {
  it('serves a read-only preopen: reads work, every change is refused', () => {
    const dir = hostDir();
    writeFileSync(join(dir, 'a.txt'), 'alpha\n');
    let out = '';
    const run = (program: string, args: string[]) => {
      out = '';
      const wasi = new WASI({
        args: [program, ...args], stdout: (b) => (out += new TextDecoder().decode(b)),
        preopens: [{ guestPath: '/ro', fs: new NodeFileSystem(dir) }],
      });
      const module = new WebAssembly.Module(readFileSync(join(programs, `${program}.wasm`)));
      return wasi.start(new WebAssembly.Instance(module, wasi.getImports() as unknown as WebAssembly.Imports));
    };
    expect(run('cat', ['/ro/a.txt'])).toBe(0);
    expect(out).toBe('alpha\n');
    expect(run('fileops', ['/ro'])).toBe(1);
    expect(out).toMatch(/^mkdir work: ENOTCAPABLE UNEXPECTED$/m);
    expect(run('seek', ['/ro'])).toBe(1);
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('refuses to open an entry replaced after resolution', () => {
    const dir = hostDir();
    writeFileSync(join(dir, 'a'), 'original');
    writeFileSync(join(dir, 'b'), 'replacement');
    const fs = new NodeFileSystem(dir);
    const node = fs.lookup(fs.root(), 'a');
    renameSync(join(dir, 'b'), join(dir, 'a'));
    expect(() => fs.open(node, { read: true, write: false })).toThrow(ErrnoError);
  });

  it('stays contained when the host swaps a directory for an outward symlink mid-resolution', () => {
    const base = hostDir();
    const dir = join(base, 'sandbox');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    mkdirSync(join(base, 'outside'));
    writeFileSync(join(base, 'outside', 'file'), 'secret');
    writeFileSync(join(dir, 'sub', 'file'), 'inside');
    symlinkSync('sub/file', join(dir, 'link'));
    // While the guest's path is being resolved, sub/ becomes a symlink to ../outside.
    let swapped = false;
    class Racing extends NodeFileSystem {
      override readlink(node: FsNode): string {
        const target = super.readlink(node);
        if (!swapped) {
          swapped = true;
          renameSync(join(dir, 'sub'), join(dir, 'sub_old'));
          symlinkSync('../outside', join(dir, 'sub'));
        }
        return target;
      }
    }
    const g = new Guest({ preopens: [{ guestPath: '.', fs: new Racing(dir) }] });
    const [e, fd] = g.open(3, 'link', { rights: Rights.FD_READ });
    expect(swapped).toBe(true);
    if (e === 0) expect(g.read(fd)).toEqual([0, 'inside']);
    else expect(e).toBe(Errno.PERM);
    expect(g.open(3, 'sub/file', { rights: Rights.FD_READ })[0]).toBe(Errno.PERM);
  });

  it('never follows a symlink itself, even for the final open', () => {
    const dir = hostDir();
    const outside = hostDir();
    writeFileSync(join(outside, 'secret'), 'secret');
    symlinkSync(join(outside, 'secret'), join(dir, 'abs'));
    const fs = new NodeFileSystem(dir);
    const node = fs.lookup(fs.root(), 'abs');
    expect(fs.stat(node).filetype).toBe(7);
    expect(() => fs.open(node, { read: true, write: false })).toThrow(ErrnoError);
    const g = new Guest({ preopens: [{ guestPath: '.', fs, writable: true }] });
    expect(g.open(3, 'abs')[0]).toBe(Errno.PERM);
    const [t, tn] = g.str(join(outside, 'secret'));
    const [p, pn] = g.str('mine');
    expect(g.call('path_symlink', t, tn, 3, p, pn)).toBe(Errno.PERM);
  });
});

/** One file operation through the WASI calls. */
type Op =
  | { op: 'mkdir' | 'rmdir' | 'unlink' | 'create' | 'stat' | 'lstat' | 'read'; path: string }
  | { op: 'write'; path: string; text: string }
  | { op: 'rename' | 'link'; path: string; to: string }
  | { op: 'symlink'; path: string; target: string };

function apply(g: Guest, o: Op): string {
  switch (o.op) {
    case 'mkdir':
      return String(g.pathOp('path_create_directory', 3, o.path));
    case 'rmdir':
      return String(g.pathOp('path_remove_directory', 3, o.path));
    case 'unlink':
      return String(g.pathOp('path_unlink_file', 3, o.path));
    case 'create': {
      const [e, fd] = g.open(3, o.path, { oflags: O.CREAT | O.EXCL, rights: Rights.FD_READ | Rights.FD_WRITE });
      if (e === 0) g.call('fd_close', fd);
      return String(e);
    }
    case 'write': {
      const [e, fd] = g.open(3, o.path, { oflags: O.CREAT | O.TRUNC, rights: Rights.FD_WRITE });
      if (e !== 0) return String(e);
      const r = g.write(fd, o.text);
      g.call('fd_close', fd);
      return r.join();
    }
    case 'read': {
      const [e, fd] = g.open(3, o.path, { rights: Rights.FD_READ });
      if (e !== 0) return String(e);
      const r = g.read(fd);
      g.call('fd_close', fd);
      return r.join();
    }
    case 'stat':
    case 'lstat': {
      const [e, type, size] = g.stat(3, o.path, o.op === 'stat');
      return e === 0 ? `${type}:${type === 4 ? size : ''}` : String(e);
    }
    case 'rename':
    case 'link': {
      const [p, n] = g.str(o.path);
      const [q, m] = g.str(o.to);
      return String(o.op === 'rename' ? g.call('path_rename', 3, p, n, 3, q, m) : g.call('path_link', 3, 0, p, n, 3, q, m));
    }
    case 'symlink': {
      const [t, tn] = g.str(o.target);
      const [p, n] = g.str(o.path);
      return String(g.call('path_symlink', t, tn, 3, p, n));
    }
  }
}

/** The tree as text: every entry with its kind and contents or target, sorted. */
function dump(fs: FileSystem): string[] {
  const out: string[] = [];
  const walk = (dir: ReturnType<FileSystem['root']>, prefix: string) => {
    for (const e of fs.readdir(dir).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const node = fs.lookup(dir, e.name);
      const st = fs.stat(node);
      if (e.filetype === 3) {
        out.push(`${prefix}${e.name}/`);
        walk(node, `${prefix}${e.name}/`);
      } else if (e.filetype === 7) {
        out.push(`${prefix}${e.name} -> ${fs.readlink(node)}`);
      } else {
        const buf = new Uint8Array(Number(st.size));
        fs.open(node, { read: true, write: false }).read(buf, 0);
        out.push(`${prefix}${e.name} = ${new TextDecoder().decode(buf)} (nlink ${st.nlink})`);
      }
    }
  };
  walk(fs.root(), '');
  return out;
}

describe('NodeFileSystem and MemoryFileSystem agree', () => {
  const path = fc.constantFrom('a', 'b', 'b/c', 'd', 'd/a', 'd/e', 'd/e/f', 'l', 'd/', 'l/', 'd/..', '../x');
  const op: fc.Arbitrary<Op> = fc.oneof(
    { arbitrary: fc.record({ op: fc.constantFrom('mkdir', 'create'), path }), weight: 4 },
    { arbitrary: fc.record({ op: fc.constantFrom('rmdir', 'unlink', 'stat', 'lstat', 'read'), path }), weight: 3 },
    { arbitrary: fc.record({ op: fc.constant('write'), path, text: fc.constantFrom('', 'x', 'hello') }), weight: 1 },
    { arbitrary: fc.record({ op: fc.constantFrom('rename', 'link'), path, to: path }), weight: 4 },
    { arbitrary: fc.record({ op: fc.constant('symlink'), path, target: fc.constantFrom('a', 'd', 'd/e', '../x', 'nowhere', 'l') }), weight: 1 },
  ) as fc.Arbitrary<Op>;

  it('on random operation sequences (errnos and final tree)', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 12 }), (ops) => {
        const mem = new MemoryFileSystem();
        const host = new NodeFileSystem(hostDir());
        const gm = new Guest({ preopens: [{ guestPath: '.', fs: mem, writable: true }] });
        const gh = new Guest({ preopens: [{ guestPath: '.', fs: host, writable: true }] });
        const log: string[] = [];
        // Start from a populated tree so the random operations meet files, empty and full directories and links.
        const setup: Op[] = [
          { op: 'write', path: 'a', text: 'hello' }, { op: 'mkdir', path: 'b' }, { op: 'mkdir', path: 'd' },
          { op: 'mkdir', path: 'd/e' }, { op: 'write', path: 'd/a', text: 'x' }, { op: 'symlink', path: 'l', target: 'a' },
        ];
        for (const o of [...setup, ...ops]) {
          const a = apply(gm, o);
          const b = apply(gh, o);
          log.push(`${JSON.stringify(o)} → ${a}`);
          expect(b, log.join('\n')).toBe(a);
        }
        expect(dump(host), log.join('\n')).toEqual(dump(mem));
      }),
      { numRuns: 200 },
    );
  });
});
