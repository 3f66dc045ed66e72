/**
 * The WASI edge-case table of src/wasi/README.md, row by row, on both file
 * systems: every row runs once over `MemoryFileSystem` and once over
 * `NodeFileSystem` (a real temp directory whose parent also holds an
 * `outside/` the guest must never reach), from a fresh tree each time.
 * Expected errnos are wasmtime's (Linux host); where that differs from the
 * preview1 documents the README row says so. A last test checks that the
 * README table and `ROWS` list the same ids with the same errnos, so neither
 * can drift from the other.
 *
 * The tree every row starts from, in the preopen (fd 3, writable):
 *   f (file "hello")  d/ (empty dir)  n/x (non-empty dir)  s/ with s/back -> ../f
 *   l -> f  ld -> d  dang -> missing  self -> self  loop1 <-> loop2
 *   up -> ../outside/secret  abs -> /etc/passwd
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Errno, errnoName, MemoryFileSystem, type FileSystem } from '../../src/wasi/index.js';
import { NodeFileSystem } from '../../src/wasi/node-fs.node.js';
import { FOLLOW, Guest, O, Rights } from './harness.js';

const FST = { ATIM: 1, ATIM_NOW: 2, MTIM: 4, MTIM_NOW: 8 };
const T0 = 1_700_000_000_123_456_789n; // a time with all nine nanosecond digits
const DIR_RIGHTS_RO = Rights.FD_READDIR | Rights.FD_FILESTAT_GET | (1n << 13n) /* PATH_OPEN */ | (1n << 18n) /* PATH_FILESTAT_GET */;

const SETUP: [string, string][] = [
  ['file', 'f'], ['dir', 'd'], ['dir', 'n'], ['file', 'n/x'], ['dir', 's'], ['symlink', 's/back=../f'],
  ['symlink', 'l=f'], ['symlink', 'ld=d'], ['symlink', 'dang=missing'], ['symlink', 'self=self'],
  ['symlink', 'loop1=loop2'], ['symlink', 'loop2=loop1'], ['symlink', 'up=../outside/secret'], ['symlink', 'abs=/etc/passwd'],
];

/** A test guest over one file system, with the calls the rows need. */
class T {
  readonly g: Guest;
  constructor(readonly fs: FileSystem) {
    this.g = new Guest({ preopens: [{ guestPath: '/p', fs, writable: true }], clock: { frozen: 42n } });
  }
  open(path: string, oflags = 0, opts: { follow?: boolean; rights?: bigint; dir?: number } = {}): number {
    return this.g.open(opts.dir ?? 3, path, { oflags, follow: opts.follow ?? true, rights: opts.rights ?? (Rights.FD_READ | Rights.FD_FILESTAT_GET | Rights.FD_READDIR | DIR_RIGHTS_RO) })[0];
  }
  fd(path: string, oflags = 0, dir = 3, rights = Rights.ALL & ~Rights.FD_WRITE & ~(1n << 22n) & ~(1n << 8n) & ~1n): number {
    const [e, fd] = this.g.open(dir, path, { oflags, rights });
    if (e !== 0) throw new Error(`open ${path}: ${errnoName(e)}`);
    return fd;
  }
  op(name: string, path: string, dir = 3): number {
    return this.g.pathOp(name, dir, path);
  }
  two(name: 'path_rename' | 'path_link', from: string, to: string, flags = 0): number {
    const [p, n] = this.g.str(from);
    const [q, m] = this.g.str(to);
    return name === 'path_rename' ? this.g.call(name, 3, p, n, 3, q, m) : this.g.call(name, 3, flags, p, n, 3, q, m);
  }
  symlink(target: string, at: string): number {
    const [p, n] = this.g.str(target);
    const [q, m] = this.g.str(at);
    return this.g.call('path_symlink', p, n, 3, q, m);
  }
  readlink(path: string, len = 64): [number, string] {
    const [p, n] = this.g.str(path);
    const buf = this.g.alloc(len);
    const used = this.g.alloc(4);
    const e = this.g.call('path_readlink', 3, p, n, buf, len, used);
    return [e, e === 0 ? this.g.text(buf, this.g.u32(used)) : ''];
  }
  /** path_filestat_get: [errno, filetype, atim, mtim, nlink]. */
  stat(path: string, follow = false): [number, number, bigint, bigint, bigint] {
    const [p, n] = this.g.str(path);
    const out = this.g.alloc(64);
    const e = this.g.call('path_filestat_get', 3, follow ? FOLLOW : 0, p, n, out);
    return [e, this.g.view.getUint8(out + 16), this.g.u64(out + 40), this.g.u64(out + 48), this.g.u64(out + 24)];
  }
  setTimes(path: string, atim: bigint, mtim: bigint, fst: number, follow = false): number {
    const [p, n] = this.g.str(path);
    return this.g.call('path_filestat_set_times', 3, follow ? FOLLOW : 0, p, n, atim, mtim, fst);
  }
  fdStat(fd: number): [number, bigint, bigint] {
    const out = this.g.alloc(64);
    const e = this.g.call('fd_filestat_get', fd, out);
    return [e, this.g.u64(out + 40), this.g.u64(out + 48)];
  }
  exists(path: string): boolean {
    return this.stat(path)[0] === 0;
  }
  /** fd_readdir into a `len`-byte buffer: [errno, bufused, complete entries as [name, d_next, type]]. */
  readdir(fd: number, cookie: bigint, len = 4096): [number, number, [string, bigint, number][]] {
    const buf = this.g.alloc(len);
    const used = this.g.alloc(4);
    const e = this.g.call('fd_readdir', fd, buf, len, cookie, used);
    const n = this.g.u32(used);
    const out: [string, bigint, number][] = [];
    for (let at = 0; at + 24 <= n;) {
      const next = this.g.u64(buf + at);
      const namlen = this.g.u32(buf + at + 16);
      if (at + 24 + namlen > n) break;
      out.push([this.g.text(buf + at + 24, namlen), next, this.g.view.getUint8(buf + at + 20)]);
      at += 24 + namlen;
    }
    return [e, n, out];
  }
}

interface Row {
  id: string;
  /** Expected errno name (`SUCCESS` for 0). */
  expect: string;
  /** Runs the case and returns its errno; may assert more (contents, times). */
  run(t: T): number;
}

const ok = (e: number, extra: () => void): number => {
  if (e === 0) extra();
  return e;
};

const ROWS: Row[] = [
  // ---- path_open ----
  { id: 'open.file', expect: 'SUCCESS', run: (t) => t.open('f') },
  { id: 'open.dir-trailing-slash', expect: 'SUCCESS', run: (t) => t.open('d/') },
  { id: 'open.dir-trailing-slashes', expect: 'SUCCESS', run: (t) => t.open('d///') },
  { id: 'open.file-trailing-slash', expect: 'NOTDIR', run: (t) => t.open('f/') },
  { id: 'open.file-trailing-slashes', expect: 'NOTDIR', run: (t) => t.open('f///') },
  { id: 'open.o-directory-file', expect: 'NOTDIR', run: (t) => t.open('f', O.DIRECTORY) },
  { id: 'open.o-directory-dir-slash', expect: 'SUCCESS', run: (t) => t.open('d/', O.DIRECTORY) },
  { id: 'open.creat-trailing-slash', expect: 'ISDIR', run: (t) => t.open('new/', O.CREAT) },
  { id: 'open.creat-o-directory', expect: 'INVAL', run: (t) => t.open('new', O.CREAT | O.DIRECTORY) },
  { id: 'open.trunc-o-directory', expect: 'INVAL', run: (t) => t.open('d', O.TRUNC | O.DIRECTORY) },
  { id: 'open.excl-existing', expect: 'EXIST', run: (t) => t.open('f', O.CREAT | O.EXCL) },
  { id: 'open.excl-dangling-symlink', expect: 'EXIST', run: (t) => t.open('dang', O.CREAT | O.EXCL) },
  { id: 'open.creat-through-dangling-symlink', expect: 'SUCCESS', run: (t) => ok(t.open('dang', O.CREAT), () => expect(t.exists('missing')).toBe(true)) },
  { id: 'open.missing', expect: 'NOENT', run: (t) => t.open('missing') },
  { id: 'open.missing-parent', expect: 'NOENT', run: (t) => t.open('missing/x', O.CREAT) },
  { id: 'open.through-file', expect: 'NOTDIR', run: (t) => t.open('f/x') },
  { id: 'open.empty-path', expect: 'NOENT', run: (t) => t.open('') },
  { id: 'open.nul-in-path', expect: 'INVAL', run: (t) => t.open('f\0') },
  { id: 'open.dir-with-write', expect: 'ISDIR', run: (t) => t.open('d', 0, { rights: Rights.FD_WRITE }) },
  { id: 'open.nofollow-symlink', expect: 'LOOP', run: (t) => t.open('l', 0, { follow: false }) },
  { id: 'open.nofollow-symlink-o-directory', expect: 'NOTDIR', run: (t) => t.open('ld', O.DIRECTORY, { follow: false }) },
  { id: 'open.nofollow-trailing-slash-follows', expect: 'SUCCESS', run: (t) => t.open('ld/', 0, { follow: false }) },
  { id: 'open.follow-symlink-dir', expect: 'SUCCESS', run: (t) => t.open('ld', O.DIRECTORY) },
  { id: 'open.follow-symlink-file-o-directory', expect: 'NOTDIR', run: (t) => t.open('l', O.DIRECTORY) },
  { id: 'open.dangling-follow', expect: 'NOENT', run: (t) => t.open('dang') },
  { id: 'open.dangling-nofollow', expect: 'LOOP', run: (t) => t.open('dang', 0, { follow: false }) },
  { id: 'open.self-loop', expect: 'LOOP', run: (t) => t.open('self') },
  { id: 'open.self-loop-nofollow', expect: 'LOOP', run: (t) => t.open('self', 0, { follow: false }) },
  { id: 'open.loop-chain', expect: 'LOOP', run: (t) => t.open('loop1') },
  { id: 'open.loop-intermediate', expect: 'LOOP', run: (t) => t.open('loop1/x') },
  { id: 'open.dotdot-inside', expect: 'SUCCESS', run: (t) => t.open('d/./../n/../f') },
  { id: 'open.absolute', expect: 'PERM', run: (t) => t.open('/f') },
  { id: 'open.dotdot-above-preopen', expect: 'PERM', run: (t) => t.open('../outside/secret') },
  { id: 'open.dotdot-chain-above-preopen', expect: 'PERM', run: (t) => t.open('d/../../p/f') },
  { id: 'open.dotdot-above-subdir-fd', expect: 'PERM', run: (t) => t.open('../f', 0, { dir: t.fd('s', O.DIRECTORY) }) },
  { id: 'open.symlink-above-subdir-fd', expect: 'PERM', run: (t) => t.open('back', 0, { dir: t.fd('s', O.DIRECTORY) }) },
  { id: 'open.symlink-inside-from-preopen', expect: 'SUCCESS', run: (t) => t.open('s/back') },
  { id: 'open.symlink-out', expect: 'PERM', run: (t) => t.open('up') },
  { id: 'open.symlink-absolute', expect: 'PERM', run: (t) => t.open('abs') },
  { id: 'open.symlink-out-nofollow', expect: 'LOOP', run: (t) => t.open('up', 0, { follow: false }) },

  // ---- path_create_directory ----
  { id: 'mkdir.new', expect: 'SUCCESS', run: (t) => t.op('path_create_directory', 'new') },
  { id: 'mkdir.new-trailing-slash', expect: 'SUCCESS', run: (t) => ok(t.op('path_create_directory', 'new/'), () => expect(t.stat('new')[1]).toBe(3)) },
  { id: 'mkdir.existing-dir', expect: 'EXIST', run: (t) => t.op('path_create_directory', 'd') },
  { id: 'mkdir.existing-file', expect: 'EXIST', run: (t) => t.op('path_create_directory', 'f') },
  { id: 'mkdir.existing-file-trailing-slash', expect: 'EXIST', run: (t) => t.op('path_create_directory', 'f/') },
  { id: 'mkdir.dangling-symlink', expect: 'EXIST', run: (t) => ok(t.op('path_create_directory', 'dang'), () => {}) },
  { id: 'mkdir.dot', expect: 'EXIST', run: (t) => t.op('path_create_directory', '.') },
  { id: 'mkdir.missing-parent', expect: 'NOENT', run: (t) => t.op('path_create_directory', 'missing/x') },
  { id: 'mkdir.above-preopen', expect: 'PERM', run: (t) => t.op('path_create_directory', '../x') },
  { id: 'mkdir.through-symlink-out', expect: 'PERM', run: (t) => t.op('path_create_directory', 'up/x') },

  // ---- path_remove_directory ----
  { id: 'rmdir.empty', expect: 'SUCCESS', run: (t) => ok(t.op('path_remove_directory', 'd'), () => expect(t.exists('d')).toBe(false)) },
  { id: 'rmdir.trailing-slash', expect: 'SUCCESS', run: (t) => t.op('path_remove_directory', 'd/') },
  { id: 'rmdir.file', expect: 'NOTDIR', run: (t) => t.op('path_remove_directory', 'f') },
  { id: 'rmdir.file-trailing-slash', expect: 'NOTDIR', run: (t) => t.op('path_remove_directory', 'f/') },
  { id: 'rmdir.symlink-to-dir', expect: 'NOTDIR', run: (t) => t.op('path_remove_directory', 'ld') },
  { id: 'rmdir.symlink-to-dir-trailing-slash', expect: 'NOTDIR', run: (t) => { const e = t.op('path_remove_directory', 'ld/'); expect(t.stat('d')[0]).toBe(0); return e; } },
  { id: 'rmdir.non-empty', expect: 'NOTEMPTY', run: (t) => t.op('path_remove_directory', 'n') },
  { id: 'rmdir.missing', expect: 'NOENT', run: (t) => t.op('path_remove_directory', 'missing') },
  { id: 'rmdir.dot', expect: 'INVAL', run: (t) => t.op('path_remove_directory', '.') },
  { id: 'rmdir.dotdot', expect: 'NOTEMPTY', run: (t) => t.op('path_remove_directory', 'd/..') },
  { id: 'rmdir.above-preopen', expect: 'PERM', run: (t) => t.op('path_remove_directory', '../outside') },

  // ---- path_unlink_file ----
  { id: 'unlink.file', expect: 'SUCCESS', run: (t) => ok(t.op('path_unlink_file', 'f'), () => expect(t.exists('f')).toBe(false)) },
  { id: 'unlink.file-trailing-slash', expect: 'NOTDIR', run: (t) => t.op('path_unlink_file', 'f/') },
  { id: 'unlink.dir', expect: 'ISDIR', run: (t) => t.op('path_unlink_file', 'd') },
  { id: 'unlink.dir-trailing-slash', expect: 'ISDIR', run: (t) => t.op('path_unlink_file', 'd/') },
  { id: 'unlink.symlink', expect: 'SUCCESS', run: (t) => ok(t.op('path_unlink_file', 'l'), () => expect([t.exists('l'), t.exists('f')]).toEqual([false, true])) },
  { id: 'unlink.symlink-to-dir-trailing-slash', expect: 'NOTDIR', run: (t) => t.op('path_unlink_file', 'ld/') },
  { id: 'unlink.dangling-symlink', expect: 'SUCCESS', run: (t) => t.op('path_unlink_file', 'dang') },
  { id: 'unlink.missing', expect: 'NOENT', run: (t) => t.op('path_unlink_file', 'missing') },
  { id: 'unlink.dot', expect: 'ISDIR', run: (t) => t.op('path_unlink_file', '.') },
  { id: 'unlink.through-symlink-out', expect: 'PERM', run: (t) => t.op('path_unlink_file', 'up/x') },

  // ---- path_rename ----
  { id: 'rename.file', expect: 'SUCCESS', run: (t) => ok(t.two('path_rename', 'f', 'g'), () => expect([t.exists('f'), t.exists('g')]).toEqual([false, true])) },
  { id: 'rename.file-over-file', expect: 'SUCCESS', run: (t) => t.two('path_rename', 'f', 'n/x') },
  { id: 'rename.dir-source-slash', expect: 'SUCCESS', run: (t) => t.two('path_rename', 'd/', 'e') },
  { id: 'rename.dir-target-slash', expect: 'SUCCESS', run: (t) => t.two('path_rename', 'd', 'e/') },
  { id: 'rename.dir-both-slashes', expect: 'SUCCESS', run: (t) => t.two('path_rename', 'd/', 'e/') },
  { id: 'rename.dir-over-empty-dir', expect: 'SUCCESS', run: (t) => t.two('path_rename', 's', 'd') },
  { id: 'rename.file-source-slash', expect: 'NOTDIR', run: (t) => t.two('path_rename', 'f/', 'g') },
  { id: 'rename.file-target-slash', expect: 'NOTDIR', run: (t) => t.two('path_rename', 'f', 'g/') },
  { id: 'rename.symlink-source-slash', expect: 'NOTDIR', run: (t) => t.two('path_rename', 'ld/', 'g') },
  { id: 'rename.dir-over-non-empty', expect: 'NOTEMPTY', run: (t) => t.two('path_rename', 'd', 'n') },
  { id: 'rename.dir-over-file', expect: 'NOTDIR', run: (t) => t.two('path_rename', 'd', 'f') },
  { id: 'rename.file-over-dir', expect: 'ISDIR', run: (t) => t.two('path_rename', 'f', 'd') },
  { id: 'rename.dir-into-itself', expect: 'INVAL', run: (t) => t.two('path_rename', 'n', 'n/sub') },
  { id: 'rename.missing', expect: 'NOENT', run: (t) => t.two('path_rename', 'missing', 'g') },
  { id: 'rename.dot', expect: 'BUSY', run: (t) => t.two('path_rename', '.', 'g') },
  { id: 'rename.symlink-not-followed', expect: 'SUCCESS', run: (t) => ok(t.two('path_rename', 'l', 'm'), () => expect(t.readlink('m')).toEqual([0, 'f'])) },
  { id: 'rename.target-above-preopen', expect: 'PERM', run: (t) => t.two('path_rename', 'f', '../moved') },
  { id: 'rename.target-through-symlink-out', expect: 'PERM', run: (t) => t.two('path_rename', 'f', 'up/moved') },

  // ---- path_link ----
  { id: 'link.file', expect: 'SUCCESS', run: (t) => ok(t.two('path_link', 'f', 'h'), () => expect(t.stat('f')[4]).toBe(2n)) },
  { id: 'link.target-trailing-slash', expect: 'NOENT', run: (t) => t.two('path_link', 'f', 'h/') },
  { id: 'link.source-trailing-slash', expect: 'NOTDIR', run: (t) => t.two('path_link', 'f/', 'h') },
  { id: 'link.target-existing-file', expect: 'EXIST', run: (t) => t.two('path_link', 'f', 'n/x') },
  { id: 'link.target-existing-file-slash', expect: 'NOTDIR', run: (t) => t.two('path_link', 'f', 'n/x/') },
  { id: 'link.to-itself', expect: 'EXIST', run: (t) => t.two('path_link', 'f', 'f') },
  { id: 'link.target-existing-dir', expect: 'EXIST', run: (t) => t.two('path_link', 'f', 'd') },
  { id: 'link.target-dangling-symlink', expect: 'EXIST', run: (t) => t.two('path_link', 'f', 'dang') },
  { id: 'link.source-dir', expect: 'PERM', run: (t) => t.two('path_link', 'd', 'h') },
  { id: 'link.source-dangling-symlink', expect: 'SUCCESS', run: (t) => ok(t.two('path_link', 'dang', 'h'), () => expect(t.readlink('h')).toEqual([0, 'missing'])) },
  { id: 'link.source-symlink-loop', expect: 'SUCCESS', run: (t) => t.two('path_link', 'self', 'h') },
  { id: 'link.symlink-follow-flag', expect: 'INVAL', run: (t) => t.two('path_link', 'l', 'h', FOLLOW) },
  { id: 'link.source-missing', expect: 'NOENT', run: (t) => t.two('path_link', 'missing', 'h') },
  { id: 'link.target-above-preopen', expect: 'PERM', run: (t) => t.two('path_link', 'f', '../h') },

  // ---- path_symlink ----
  { id: 'symlink.new', expect: 'SUCCESS', run: (t) => ok(t.symlink('f', 'k'), () => expect(t.readlink('k')).toEqual([0, 'f'])) },
  { id: 'symlink.dangling', expect: 'SUCCESS', run: (t) => t.symlink('nothing', 'k') },
  { id: 'symlink.pointing-out', expect: 'SUCCESS', run: (t) => ok(t.symlink('../../x', 'k'), () => expect(t.open('k')).toBe(Errno.PERM)) },
  { id: 'symlink.at-trailing-slash', expect: 'NOENT', run: (t) => t.symlink('f', 'k/') },
  { id: 'symlink.at-existing-dir-slash', expect: 'EXIST', run: (t) => t.symlink('f', 'd/') },
  { id: 'symlink.at-existing-dir', expect: 'EXIST', run: (t) => t.symlink('f', 'd') },
  { id: 'symlink.at-existing-file-slash', expect: 'NOTDIR', run: (t) => t.symlink('f', 'n/x/') },
  { id: 'symlink.at-existing-file', expect: 'EXIST', run: (t) => t.symlink('f', 'n/x') },
  { id: 'symlink.at-existing-symlink', expect: 'EXIST', run: (t) => t.symlink('f', 'dang') },
  { id: 'symlink.absolute-target', expect: 'PERM', run: (t) => t.symlink('/etc/passwd', 'k') },
  { id: 'symlink.empty-target', expect: 'NOENT', run: (t) => t.symlink('', 'k') },
  { id: 'symlink.at-above-preopen', expect: 'PERM', run: (t) => t.symlink('f', '../k') },

  // ---- path_readlink ----
  { id: 'readlink.symlink', expect: 'SUCCESS', run: (t) => { const [e, s] = t.readlink('s/back'); if (e === 0) expect(s).toBe('../f'); return e; } },
  { id: 'readlink.truncated', expect: 'SUCCESS', run: (t) => { const [e, s] = t.readlink('s/back', 2); if (e === 0) expect(s).toBe('..'); return e; } },
  { id: 'readlink.dangling', expect: 'SUCCESS', run: (t) => t.readlink('dang')[0] },
  { id: 'readlink.not-symlink', expect: 'INVAL', run: (t) => t.readlink('f')[0] },
  { id: 'readlink.trailing-slash-follows', expect: 'INVAL', run: (t) => t.readlink('ld/')[0] },
  { id: 'readlink.missing', expect: 'NOENT', run: (t) => t.readlink('missing')[0] },
  { id: 'readlink.above-preopen', expect: 'PERM', run: (t) => t.readlink('../outside')[0] },

  // ---- path_filestat_get ----
  { id: 'stat.symlink-nofollow', expect: 'SUCCESS', run: (t) => { const [e, type] = t.stat('l'); expect(type).toBe(7); return e; } },
  { id: 'stat.symlink-follow', expect: 'SUCCESS', run: (t) => { const [e, type] = t.stat('l', true); expect(type).toBe(4); return e; } },
  { id: 'stat.symlink-trailing-slash-follows', expect: 'SUCCESS', run: (t) => { const [e, type] = t.stat('ld/'); expect(type).toBe(3); return e; } },
  { id: 'stat.dangling-follow', expect: 'NOENT', run: (t) => t.stat('dang', true)[0] },
  { id: 'stat.loop-follow', expect: 'LOOP', run: (t) => t.stat('self', true)[0] },
  { id: 'stat.file-trailing-slash', expect: 'NOTDIR', run: (t) => t.stat('f/')[0] },
  { id: 'stat.symlink-out-follow', expect: 'PERM', run: (t) => t.stat('up', true)[0] },
  { id: 'stat.absolute', expect: 'PERM', run: (t) => t.stat('/p/f')[0] },

  // ---- path_filestat_set_times ----
  {
    id: 'times.path-mtim', expect: 'SUCCESS', run: (t) => {
      const [, , atim] = t.stat('f');
      return ok(t.setTimes('f', 0n, T0, FST.MTIM), () => expect(t.stat('f').slice(2, 4)).toEqual([atim, T0]));
    },
  },
  {
    id: 'times.path-atim', expect: 'SUCCESS', run: (t) => {
      const [, , , mtim] = t.stat('f');
      return ok(t.setTimes('f', T0, 0n, FST.ATIM), () => expect(t.stat('f').slice(2, 4)).toEqual([T0, mtim]));
    },
  },
  { id: 'times.path-both', expect: 'SUCCESS', run: (t) => ok(t.setTimes('f', T0, T0 + 1n, FST.ATIM | FST.MTIM), () => expect(t.stat('f').slice(2, 4)).toEqual([T0, T0 + 1n])) },
  { id: 'times.path-none', expect: 'SUCCESS', run: (t) => { const before = t.stat('f'); return ok(t.setTimes('f', T0, T0, 0), () => expect(t.stat('f').slice(2, 4)).toEqual(before.slice(2, 4))); } },
  {
    id: 'times.path-now', expect: 'SUCCESS', run: (t) => ok(t.setTimes('f', T0, T0, FST.ATIM | FST.MTIM), () => {
      // The frozen clock of the policy says 42 ns: *_NOW uses it.
      expect(t.setTimes('f', 0n, 0n, FST.ATIM_NOW | FST.MTIM_NOW)).toBe(0);
      expect(t.stat('f').slice(2, 4)).toEqual([42n, 42n]);
    }),
  },
  { id: 'times.atim-and-atim-now', expect: 'INVAL', run: (t) => t.setTimes('f', T0, T0, FST.ATIM | FST.ATIM_NOW) },
  { id: 'times.mtim-and-mtim-now', expect: 'INVAL', run: (t) => { const before = t.stat('f'); const e = t.setTimes('f', T0, T0, FST.MTIM | FST.MTIM_NOW); expect(t.stat('f')).toEqual(before); return e; } },
  { id: 'times.unknown-flag', expect: 'INVAL', run: (t) => t.setTimes('f', T0, T0, 16) },
  {
    id: 'times.symlink-nofollow', expect: 'SUCCESS', run: (t) => {
      const file = t.stat('f');
      return ok(t.setTimes('l', 0n, T0, FST.MTIM), () => {
        expect(t.stat('l')[3]).toBe(T0);
        expect(t.stat('f')[3]).toBe(file[3]);
      });
    },
  },
  {
    id: 'times.symlink-follow', expect: 'SUCCESS', run: (t) => {
      const link = t.stat('l');
      return ok(t.setTimes('l', 0n, T0, FST.MTIM, true), () => {
        expect(t.stat('f')[3]).toBe(T0);
        expect(t.stat('l')[3]).toBe(link[3]);
      });
    },
  },
  { id: 'times.dangling-follow', expect: 'NOENT', run: (t) => t.setTimes('dang', 0n, T0, FST.MTIM, true) },
  { id: 'times.dangling-nofollow', expect: 'SUCCESS', run: (t) => ok(t.setTimes('dang', 0n, T0, FST.MTIM), () => expect(t.stat('dang')[3]).toBe(T0)) },
  { id: 'times.above-preopen', expect: 'PERM', run: (t) => t.setTimes('../outside', 0n, T0, FST.MTIM) },

  // ---- fd_filestat_set_times ----
  {
    id: 'times.fd-mtim', expect: 'SUCCESS', run: (t) => {
      const fd = t.fd('f');
      const [, atim] = t.fdStat(fd);
      return ok(t.g.call('fd_filestat_set_times', fd, 0n, T0, FST.MTIM), () => expect(t.fdStat(fd)).toEqual([0, atim, T0]));
    },
  },
  {
    id: 'times.fd-atim-now', expect: 'SUCCESS', run: (t) => {
      const fd = t.fd('f');
      const [, , mtim] = t.fdStat(fd);
      return ok(t.g.call('fd_filestat_set_times', fd, 0n, 0n, FST.ATIM_NOW), () => expect(t.fdStat(fd)).toEqual([0, 42n, mtim]));
    },
  },
  { id: 'times.fd-dir', expect: 'SUCCESS', run: (t) => { const fd = t.fd('d', O.DIRECTORY); return ok(t.g.call('fd_filestat_set_times', fd, T0, T0, FST.ATIM | FST.MTIM), () => expect(t.fdStat(fd)).toEqual([0, T0, T0])); } },
  { id: 'times.fd-invalid-flags', expect: 'INVAL', run: (t) => t.g.call('fd_filestat_set_times', t.fd('f'), 0n, 0n, FST.MTIM | FST.MTIM_NOW) },

  // ---- fd_readdir ----
  {
    id: 'readdir.empty-dir', expect: 'SUCCESS', run: (t) => {
      const [e, , ents] = t.readdir(t.fd('d', O.DIRECTORY), 0n);
      expect(ents.map(([n, next, type]) => [n, next, type])).toEqual([['.', 1n, 3], ['..', 2n, 3]]);
      return e;
    },
  },
  {
    id: 'readdir.cookie-resumes', expect: 'SUCCESS', run: (t) => {
      const fd = t.fd('n', O.DIRECTORY);
      const [e, , all] = t.readdir(fd, 0n);
      const [, , rest] = t.readdir(fd, all[1][1]);
      expect(rest).toEqual(all.slice(2));
      expect(rest.map((r) => r[0])).toEqual(['x']);
      return e;
    },
  },
  { id: 'readdir.cookie-past-end', expect: 'SUCCESS', run: (t) => { const [e, used] = t.readdir(t.fd('n', O.DIRECTORY), 1000n); expect(used).toBe(0); return e; } },
  {
    id: 'readdir.small-buffer', expect: 'SUCCESS', run: (t) => {
      // 30 bytes: one full `.` entry (25) and the first 5 bytes of `..`: bufused == buffer size means "more".
      const [e, used, ents] = t.readdir(t.fd('d', O.DIRECTORY), 0n, 30);
      expect([used, ents.length]).toEqual([30, 1]);
      return e;
    },
  },
  {
    id: 'readdir.many-entries-across-calls', expect: 'SUCCESS', run: (t) => {
      for (let i = 0; i < 300; i++) expect(t.open(`d/file.${i}`, O.CREAT)).toBe(0);
      const fd = t.fd('d', O.DIRECTORY);
      const seen: string[] = [];
      let cookie = 0n;
      for (let guard = 0; guard < 1000; guard++) {
        const [e, used, ents] = t.readdir(fd, cookie, 256);
        expect(e).toBe(0);
        seen.push(...ents.map((x) => x[0]));
        if (used < 256) break;
        cookie = ents[ents.length - 1][1];
      }
      expect(seen.length).toBe(302);
      expect(new Set(seen).size).toBe(302);
      return 0;
    },
  },
  {
    id: 'readdir.entry-types', expect: 'SUCCESS', run: (t) => {
      const [e, , ents] = t.readdir(t.fd('.', O.DIRECTORY), 0n);
      const types = Object.fromEntries(ents.map(([n, , type]) => [n, type]));
      expect([types.f, types.d, types.l, types.dang]).toEqual([4, 3, 7, 7]);
      return e;
    },
  },
  { id: 'readdir.file-fd', expect: 'NOTCAPABLE', run: (t) => t.readdir(t.fd('f'), 0n)[0] },
];

// ---- the two file systems ----

function memoryTree(): FileSystem {
  const fs = new MemoryFileSystem({ now: () => 1_000_000_000n });
  for (const [kind, spec] of SETUP) {
    if (kind === 'file') fs.writeFile(spec, 'hello');
    else if (kind === 'dir') fs.makeDir(spec);
    else {
      const [at, target] = spec.split('=');
      fs.makeSymlink(at, target);
    }
  }
  return fs;
}

const top = mkdtempSync(join(tmpdir(), 'tswasm-conf-'));
afterAll(() => rmSync(top, { recursive: true, force: true }));
let counter = 0;
function hostTree(): { fs: FileSystem; outside: string } {
  const base = join(top, `t${counter++}`);
  const root = join(base, 'p');
  const outside = join(base, 'outside');
  mkdirSync(root, { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret'), 'secret');
  for (const [kind, spec] of SETUP) {
    if (kind === 'file') writeFileSync(join(root, spec), 'hello');
    else if (kind === 'dir') mkdirSync(join(root, spec));
    else {
      const [at, target] = spec.split('=');
      symlinkSync(target, join(root, at));
    }
  }
  return { fs: new NodeFileSystem(root), outside };
}

const name = (e: number) => (e === 0 ? 'SUCCESS' : errnoName(e).slice(1));

describe('WASI edge cases (src/wasi/README.md table)', () => {
  for (const row of ROWS) {
    it(`${row.id} over the in-memory file system`, () => {
      expect(name(row.run(new T(memoryTree())))).toBe(row.expect);
    });
    it(`${row.id} over the Node adapter`, () => {
      const { fs, outside } = hostTree();
      expect(name(row.run(new T(fs)))).toBe(row.expect);
      expect(readFileSync(join(outside, 'secret'), 'utf8')).toBe('secret');
      for (const made of ['moved', 'x', 'k', 'h']) expect(existsSync(join(outside, '..', made))).toBe(false);
    });
  }

  it('the README table lists exactly these rows, with these errnos', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../src/wasi/README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('<!-- edge-cases:begin -->'), readme.indexOf('<!-- edge-cases:end -->'));
    const listed = table.split('\n').filter((l) => l.startsWith('| `')).map((l) => {
      const cells = l.split(/(?<!\\)\|/).map((c) => c.trim());
      return `${cells[1].slice(1, -1)} ${cells[4] === '`0`' ? 'SUCCESS' : cells[4].slice(2, -1)}`;
    });
    expect(listed).toEqual(ROWS.map((r) => `${r.id} ${r.expect}`));
  });
});
