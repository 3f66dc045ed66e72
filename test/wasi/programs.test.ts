/**
 * Runs every case of test/wasi-programs/programs.json through tswasm's WASI
 * under Node's native WebAssembly and compares stdout, stderr and exit code
 * with the outputs recorded under node:wasi (expected/, with the documented
 * correction of the `escape` case). Each case runs twice: over the Node
 * adapter on the fixture directory (then checks outside/ is untouched), and
 * over the in-memory file system built from the same setup.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryFileSystem, WASI, type WasiPolicy } from '../../src/wasi/index.js';
import { NodeFileSystem } from '../../src/wasi/node-fs.node.js';
// @ts-expect-error: plain ES module without types
import { loadExpected, loadManifest, prepareCase, programsDir } from '../wasi-programs/fixtures.mjs';

interface SetupEntry { file?: string; content?: string; repeat?: number; dir?: string; symlink?: string; target?: string }
interface Case { name: string; program: string; args?: string[]; env?: Record<string, string>; stdin?: string; setup?: SetupEntry[] }
interface Expected { stdout: string; stderr: string; exitCode: number }

const manifest = loadManifest() as { preopen: string; cases: Case[] };
const modules = new Map<string, WebAssembly.Module>();
function compiled(program: string): WebAssembly.Module {
  let m = modules.get(program);
  if (!m) modules.set(program, (m = new WebAssembly.Module(readFileSync(join(programsDir, program)))));
  return m;
}

const decoder = new TextDecoder();
function run(c: Case, fs: WasiPolicy['preopens']): Expected {
  let stdout = '';
  let stderr = '';
  const wasi = new WASI({
    args: [c.program.replace(/\.wasm$/, ''), ...(c.args ?? [])],
    env: c.env ?? {},
    stdin: c.stdin ?? '',
    stdout: (b) => (stdout += decoder.decode(b)),
    stderr: (b) => (stderr += decoder.decode(b)),
    preopens: fs,
    clock: 'real',
    random: 'crypto',
  });
  const instance = new WebAssembly.Instance(compiled(c.program), wasi.getImports() as unknown as WebAssembly.Imports);
  const exitCode = wasi.start(instance);
  return { stdout, stderr, exitCode };
}

function expectedFor(c: Case): Expected {
  const e = loadExpected(c.name) as Expected;
  return { stdout: e.stdout, stderr: e.stderr ?? '', exitCode: e.exitCode };
}

describe('WASI test programs over the Node adapter', () => {
  for (const c of manifest.cases) {
    it(c.name, () => {
      const fx = prepareCase(manifest, c);
      try {
        const got = run(c, [{ guestPath: manifest.preopen, fs: new NodeFileSystem(fx.root), writable: true }]);
        expect(got).toEqual(expectedFor(c));
        expect(fx.checkOutside()).toEqual([]);
      } finally {
        fx.cleanup();
      }
    });
  }
});

describe('WASI test programs over the in-memory file system', () => {
  for (const c of manifest.cases) {
    it(c.name, () => {
      const fs = new MemoryFileSystem();
      for (const e of c.setup ?? []) {
        if (e.dir !== undefined) fs.makeDir(e.dir);
        else if (e.file !== undefined) fs.writeFile(e.file, (e.content ?? '').repeat(e.repeat ?? 1));
        else if (e.symlink !== undefined) fs.makeSymlink(e.symlink, (e.target ?? '').replace('${OUTSIDE}', '/tmp/outside'));
      }
      const got = run(c, [{ guestPath: manifest.preopen, fs, writable: true }]);
      expect(got).toEqual(expectedFor(c));
    });
  }
});
