/**
 * Rights are checked per descriptor: a read-only preopen hands out only
 * read-only descriptors and refuses every mutation with ENOTCAPABLE; rights
 * can be dropped but never regained; each fd kind refuses what it cannot do.
 * Also the `path_open` flag errors and `fd_readdir` continuation.
 */
import { describe, expect, it } from 'vitest';
import { Errno, MemoryFileSystem } from '../../src/wasi/index.js';
import { Guest, O, Rights } from './harness.js';

function tree(): MemoryFileSystem {
  const fs = new MemoryFileSystem({ now: () => 0n });
  fs.writeFile('a.txt', 'alpha');
  fs.makeDir('d/e');
  fs.makeSymlink('l', 'a.txt');
  return fs;
}

const READ_ONLY = Rights.FD_READ | Rights.FD_SEEK | Rights.FD_READDIR | Rights.FD_FILESTAT_GET | (1n << 13n) | (1n << 18n);

describe('a read-only preopen', () => {
  const fs = tree();
  const g = new Guest({ preopens: [{ guestPath: '/ro', fs }] });

  it('opens and reads files with read rights', () => {
    const [e, fd] = g.open(3, 'a.txt', { rights: READ_ONLY });
    expect(e).toBe(0);
    expect(g.read(fd)).toEqual([0, 'alpha']);
    expect(g.write(fd, 'x')[0]).toBe(Errno.NOTCAPABLE);
  });

  it('refuses write rights, creation and truncation', () => {
    expect(g.open(3, 'a.txt', { rights: READ_ONLY | Rights.FD_WRITE })[0]).toBe(Errno.NOTCAPABLE);
    expect(g.open(3, 'new.txt', { oflags: O.CREAT, rights: READ_ONLY })[0]).toBe(Errno.NOTCAPABLE);
    expect(g.open(3, 'a.txt', { oflags: O.TRUNC, rights: READ_ONLY })[0]).toBe(Errno.NOTCAPABLE);
  });

  it('refuses every path mutation, also below an opened subdirectory', () => {
    const [, sub] = g.open(3, 'd', { oflags: O.DIRECTORY, rights: READ_ONLY });
    for (const dir of [3, sub]) {
      expect(g.pathOp('path_create_directory', dir, 'n')).toBe(Errno.NOTCAPABLE);
      expect(g.pathOp('path_remove_directory', dir, 'e')).toBe(Errno.NOTCAPABLE);
      expect(g.pathOp('path_unlink_file', dir, 'a.txt')).toBe(Errno.NOTCAPABLE);
      const [p, n] = g.str('a.txt');
      const [q, m] = g.str('b.txt');
      expect(g.call('path_rename', dir, p, n, dir, q, m)).toBe(Errno.NOTCAPABLE);
      expect(g.call('path_link', dir, 0, p, n, dir, q, m)).toBe(Errno.NOTCAPABLE);
      expect(g.call('path_symlink', p, n, dir, q, m)).toBe(Errno.NOTCAPABLE);
    }
    expect(fs.list()).toEqual(['a.txt', 'd', 'l']);
    expect(fs.list('d')).toEqual(['e']);
  });

  it('advertises its rights in fdstat', () => {
    const st = g.alloc(24);
    expect(g.call('fd_fdstat_get', 3, st)).toBe(0);
    expect(g.view.getUint8(st)).toBe(3);
    const base = g.u64(st + 8);
    expect(base & (1n << 10n)).toBe(0n); // no path_create_file
    expect(base & (1n << 13n)).toBe(1n << 13n); // path_open
    expect(g.u64(st + 16) & Rights.FD_WRITE).toBe(0n);
  });
});

describe('a read-write preopen', () => {
  it('narrows each descriptor to the rights it was opened with', () => {
    const g = new Guest({ preopens: [{ guestPath: '/rw', fs: tree(), writable: true }] });
    const [, fd] = g.open(3, 'a.txt', { rights: Rights.FD_READ });
    expect(g.read(fd, 2)).toEqual([0, 'al']);
    expect(g.write(fd, 'x')[0]).toBe(Errno.NOTCAPABLE);
    expect(g.call('fd_seek', fd, 0n, 0, g.alloc(8))).toBe(Errno.NOTCAPABLE);
    expect(g.call('fd_filestat_get', fd, g.alloc(64))).toBe(Errno.NOTCAPABLE);
  });

  it('lets rights be dropped, never regained', () => {
    const g = new Guest({ preopens: [{ guestPath: '/rw', fs: tree(), writable: true }] });
    const [, fd] = g.open(3, 'a.txt');
    expect(g.call('fd_fdstat_set_rights', fd, Rights.FD_WRITE, 0n)).toBe(0);
    expect(g.read(fd)[0]).toBe(Errno.NOTCAPABLE);
    expect(g.write(fd, 'A')).toEqual([0, 1]);
    expect(g.call('fd_fdstat_set_rights', fd, Rights.FD_WRITE | Rights.FD_READ, 0n)).toBe(Errno.NOTCAPABLE);
    // A preopen that dropped path_open can no longer open anything.
    expect(g.call('fd_fdstat_set_rights', 3, 0n, 0n)).toBe(0);
    expect(g.open(3, 'a.txt')[0]).toBe(Errno.NOTCAPABLE);
  });

  it('refuses operations a descriptor kind cannot do', () => {
    const g = new Guest({ preopens: [{ guestPath: '/rw', fs: tree(), writable: true }], stdout: () => {} });
    const [, file] = g.open(3, 'a.txt');
    expect(g.open(file, 'x')[0]).toBe(Errno.NOTDIR);
    expect(g.read(3)[0]).toBe(Errno.NOTCAPABLE);
    expect(g.call('fd_seek', 1, 0n, 0, g.alloc(8))).toBe(Errno.NOTCAPABLE);
    expect(g.call('fd_readdir', file, g.alloc(64), 64, 0n, g.alloc(4))).toBe(Errno.NOTCAPABLE);
    expect(g.call('fd_close', file)).toBe(0);
    expect(g.call('fd_close', file)).toBe(Errno.BADF);
    expect(g.write(42, 'x')[0]).toBe(Errno.BADF);
  });

  it('gives POSIX errors for path_open flags', () => {
    const g = new Guest({ preopens: [{ guestPath: '/rw', fs: tree(), writable: true }] });
    expect(g.open(3, 'a.txt', { oflags: O.CREAT | O.EXCL })[0]).toBe(Errno.EXIST);
    expect(g.open(3, 'a.txt', { oflags: O.DIRECTORY })[0]).toBe(Errno.NOTDIR);
    expect(g.open(3, 'd')[0]).toBe(Errno.ISDIR); // asks for FD_WRITE
    expect(g.open(3, 'd', { rights: READ_ONLY })[0]).toBe(0);
    expect(g.open(3, 'l', { follow: false })[0]).toBe(Errno.LOOP);
    expect(g.open(3, 'missing')[0]).toBe(Errno.NOENT);
    expect(g.open(3, 'new/', { oflags: O.CREAT })[0]).toBe(Errno.ISDIR);
    expect(g.open(3, '../x')[0]).toBe(Errno.PERM);
    expect(g.open(3, '/rw/a.txt')[0]).toBe(Errno.PERM);
  });

  it('lists a directory through small buffers with cookies', () => {
    const fs = new MemoryFileSystem();
    const names = Array.from({ length: 30 }, (_, i) => `file-with-a-long-name-${i}`);
    for (const n of names) fs.writeFile(n, n);
    const g = new Guest({ preopens: [{ guestPath: '.', fs }] });
    const seen: string[] = [];
    let cookie = 0n;
    const buf = g.alloc(100);
    const used = g.alloc(4);
    for (let guard = 0; guard < 1000; guard++) {
      expect(g.call('fd_readdir', 3, buf, 100, cookie, used)).toBe(0);
      const n = g.u32(used);
      // Take only complete entries; continue from the last complete one's d_next.
      let at = 0;
      while (at + 24 <= n) {
        const len = g.u32(buf + at + 16);
        if (at + 24 + len > n) break;
        seen.push(g.text(buf + at + 24, len));
        cookie = g.u64(buf + at);
        at += 24 + len;
      }
      if (n < 100) break;
    }
    expect(seen).toEqual(['.', '..', ...names]);
  });
});
