/**
 * Programs built by a GC-language compiler (test/gc-programs/, see
 * scripts/build-kotlin.sh): each runs on tswasm's interpreter with tswasm's
 * WASI and must print exactly what native V8 (Node 24) printed when it was
 * built (expected/NAME.txt). Kotlin/Wasm output also uses typed function
 * references (`call_ref`, `br_on_null`), which run, and SIMD, which does
 * not yet; until it does, the test checks that compiling refuses the
 * program with a CompileError naming that feature (what
 * `WebAssembly.validate` users rely on), so the output comparison takes over
 * by itself the moment it can run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WebAssembly as W } from '../../src/api/index.js';
import { CompileError } from '../../src/errors.js';
import { WASI } from '../../src/wasi/index.js';

const dir = new URL('../gc-programs/', import.meta.url);
const PROGRAMS = ['shapes'];

describe.each(PROGRAMS)('%s (Kotlin/Wasm, wasm-wasi)', (name) => {
  it("prints native V8's output, or (until SIMD runs) is refused naming it", () => {
    const bytes = readFileSync(new URL(`${name}.wasm`, dir));
    const expected = readFileSync(new URL(`expected/${name}.txt`, dir), 'utf8');
    let module: InstanceType<typeof W.Module>;
    try {
      module = new W.Module(bytes);
    } catch (e) {
      expect(e).toBeInstanceOf(CompileError);
      expect(String((e as Error).message)).toMatch(/unsupported feature: simd/);
      return;
    }
    let stdout = '';
    const decoder = new TextDecoder();
    const wasi = new WASI({ args: [name], stdout: (b) => (stdout += decoder.decode(b)) });
    const instance = new W.Instance(module, wasi.getImports() as never);
    wasi.start(instance as never);
    expect(stdout).toBe(expected);
  });
});
