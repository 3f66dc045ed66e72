/**
 * Capability introspection: `inspectImports` on the test programs (from bytes
 * and from `WebAssembly.Module.imports`), and the preview1 function table
 * matching exactly what `WASI` implements.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CompileError } from '../../src/errors.js';
import { inspectImports, WASI, WASI_FUNCTIONS } from '../../src/wasi/index.js';

const programs = join(import.meta.dirname, '..', 'wasi-programs');
const bytes = (name: string) => readFileSync(join(programs, name));

describe('inspectImports', () => {
  it('lists the WASI functions and capabilities of hello', () => {
    const r = inspectImports(bytes('hello.wasm'));
    expect(r.usesWasi).toBe(true);
    expect(r.wasiFunctions).toContain('fd_write');
    expect(r.wasiFunctions).toContain('proc_exit');
    // fd_seek/fd_close alone reach nothing: hello cannot ask for files.
    expect(r.capabilities).toEqual(['exit', 'stderr', 'stdout']);
    expect(r.unknownWasiFunctions).toEqual([]);
    expect(r.otherModules).toEqual([]);
  });

  it('sees the file, clock and random needs of the other programs', () => {
    expect(inspectImports(bytes('fileops.wasm')).capabilities).toContain('fs');
    expect(inspectImports(bytes('fileops.wasm')).wasiFunctions).toEqual(expect.arrayContaining(['path_open', 'path_rename', 'path_symlink']));
    expect(inspectImports(bytes('clock_random.wasm')).capabilities).toEqual(expect.arrayContaining(['clock', 'random']));
    expect(inspectImports(bytes('echo_args.wasm')).capabilities).toEqual(expect.arrayContaining(['args', 'env']));
  });

  it('gives the same answer from bytes and from WebAssembly.Module.imports', () => {
    for (const name of ['hello.wasm', 'ls.wasm', 'escape.wasm']) {
      const list = WebAssembly.Module.imports(new WebAssembly.Module(bytes(name)));
      expect(inspectImports(list)).toEqual(inspectImports(bytes(name)));
    }
  });

  it('flags unknown WASI names and other modules', () => {
    const r = inspectImports([
      { module: 'wasi_snapshot_preview1', name: 'fd_write', kind: 'function' },
      { module: 'wasi_snapshot_preview1', name: 'thread_spawn', kind: 'function' },
      { module: 'env', name: 'memory', kind: 'memory' },
    ]);
    expect(r.unknownWasiFunctions).toEqual(['thread_spawn']);
    expect(r.otherModules).toEqual(['env']);
  });

  it('rejects bytes that are not a module', () => {
    expect(() => inspectImports(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow(CompileError);
    expect(() => inspectImports(Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 2, 5, 1]))).toThrow(CompileError);
  });
});

describe('WASI_FUNCTIONS', () => {
  it('is exactly the set WASI implements', () => {
    const wasi = new WASI();
    expect(Object.keys(wasi.wasiImport).sort()).toEqual(Object.keys(WASI_FUNCTIONS).sort());
    expect(Object.keys(WASI_FUNCTIONS)).toHaveLength(46);
  });

  it('covers every function the test programs import', () => {
    for (const name of ['hello.wasm', 'fileops.wasm', 'seek.wasm', 'clock_random.wasm', 'escape.wasm']) {
      for (const imp of WebAssembly.Module.imports(new WebAssembly.Module(bytes(name)))) {
        expect(WASI_FUNCTIONS[imp.name], imp.name).toBeDefined();
      }
    }
  });
});
