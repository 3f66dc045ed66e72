/**
 * Runs every case of test/wasi-programs/programs.json through tswasm's WASI
 * under Node's native WebAssembly and compares stdout, stderr and exit code
 * with the outputs recorded under node:wasi (expected/, with the documented
 * correction of the `escape` case). Each case runs three times: natively over
 * the Node adapter on the fixture directory (then checks outside/ is
 * untouched), natively over the in-memory file system built from the same
 * setup, and on tswasm's own interpreter (its `WebAssembly` namespace) over
 * both — the WASI layer is the same object either way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WebAssembly as TsWebAssembly } from '../../src/api/index.js';
import { MemoryFileSystem, WASI, type WasiPolicy } from '../../src/wasi/index.js';
import { NodeFileSystem } from '../../src/wasi/node-fs.node.js';
// @ts-expect-error: plain ES module without types
import { loadExpected, loadManifest, prepareCase, programsDir } from '../wasi-programs/fixtures.mjs';

interface SetupEntry { file?: string; content?: string; repeat?: number; dir?: string; symlink?: string; target?: string }
interface Case { name: string; program: string; args?: string[]; env?: Record<string, string>; stdin?: string; setup?: SetupEntry[] }
interface Expected { stdout: string; stderr: string; exitCode: number }

const manifest = loadManifest() as { preopen: string; cases: Case[] };
/** The engine a case runs on: compiles bytes and instantiates with an import object. */
interface Engine {
  compile(bytes: Uint8Array): unknown;
  instantiate(module: unknown, imports: object): { exports: Record<string, unknown> };
}
const native: Engine = {
  compile: (bytes) => new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>),
  instantiate: (m, imports) => new WebAssembly.Instance(m as WebAssembly.Module, imports as WebAssembly.Imports),
};
const tswasm: Engine = {
  compile: (bytes) => new TsWebAssembly.Module(bytes as Uint8Array<ArrayBuffer>),
  instantiate: (m, imports) => new TsWebAssembly.Instance(m as InstanceType<typeof TsWebAssembly.Module>, imports as never),
};

const modules = new Map<string, unknown>();
function compiled(engine: Engine, program: string): unknown {
  const key = `${engine === native ? 'native' : 'tswasm'}:${program}`;
  let m = modules.get(key);
  if (!m) modules.set(key, (m = engine.compile(readFileSync(join(programsDir, program)))));
  return m;
}

const decoder = new TextDecoder();
function run(c: Case, fs: WasiPolicy['preopens'], engine: Engine = native): Expected {
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
  const instance = engine.instantiate(compiled(engine, c.program), wasi.getImports());
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

function memoryTree(c: Case): MemoryFileSystem {
  const fs = new MemoryFileSystem();
  for (const e of c.setup ?? []) {
    if (e.dir !== undefined) fs.makeDir(e.dir);
    else if (e.file !== undefined) fs.writeFile(e.file, (e.content ?? '').repeat(e.repeat ?? 1));
    else if (e.symlink !== undefined) fs.makeSymlink(e.symlink, (e.target ?? '').replace('${OUTSIDE}', '/tmp/outside'));
  }
  return fs;
}

describe('WASI test programs over the in-memory file system', () => {
  for (const c of manifest.cases) {
    it(c.name, () => {
      const got = run(c, [{ guestPath: manifest.preopen, fs: memoryTree(c), writable: true }]);
      expect(got).toEqual(expectedFor(c));
    });
  }
});

describe("WASI test programs on tswasm's interpreter", () => {
  for (const c of manifest.cases) {
    it(`${c.name} (in-memory fs)`, () => {
      const got = run(c, [{ guestPath: manifest.preopen, fs: memoryTree(c), writable: true }], tswasm);
      expect(got).toEqual(expectedFor(c));
    });
    it(`${c.name} (Node adapter)`, () => {
      const fx = prepareCase(manifest, c);
      try {
        const got = run(c, [{ guestPath: manifest.preopen, fs: new NodeFileSystem(fx.root), writable: true }], tswasm);
        expect(got).toEqual(expectedFor(c));
        expect(fx.checkOutside()).toEqual([]);
      } finally {
        fx.cleanup();
      }
    });
  }
});
