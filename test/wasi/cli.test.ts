/**
 * The `tswasm` command line, in-process: argument parsing, and `main` running
 * the WASI test programs on tswasm's interpreter with captured stdio — exit
 * codes, preopened directories, stdin, fuel traps, one-line errors, and the
 * validate/inspect/print/wat2wasm commands.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.js';
import { main, TRAP_EXIT } from '../../src/cli/main.node.js';

const programs = join(import.meta.dirname, '..', 'wasi-programs');
const prog = (name: string) => join(programs, `${name}.wasm`);
const top = mkdtempSync(join(tmpdir(), 'tswasm-cli-'));
afterAll(() => rmSync(top, { recursive: true, force: true }));

function cli(argv: string[], stdin = '', env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const d = new TextDecoder();
  const code = main(argv, { stdin, stdout: (b) => (stdout += d.decode(b)), stderr: (b) => (stderr += d.decode(b)), env });
  return { code, stdout, stderr };
}

describe('parseArgs', () => {
  it('parses run options like wasmtime', () => {
    const c = parseArgs(['run', '--dir', '/tmp/a::/data', '--dir-ro=/etc', '--env', 'A=1=2', '--env', 'HOME', '--inherit-env',
      '--fuel', '100', '--max-memory-pages=16', '--clock', 'frozen:5', '--random', 'seed:7', 'x.wasm', '--not-an-option', 'b']);
    expect(c).toEqual({
      cmd: 'run', file: 'x.wasm', args: ['--not-an-option', 'b'],
      dirs: [{ host: '/tmp/a', guest: '/data', writable: true }, { host: '/etc', guest: '/etc', writable: false }],
      env: [{ name: 'A', value: '1=2' }, { name: 'HOME' }], inheritEnv: true, fuel: 100, maxMemoryPages: 16,
      clock: { frozen: 5n }, random: { seed: 7n }, trace: false, tier: 'auto',
    });
    expect(parseArgs(['run', '--tier', 'interp', 'x.wasm'])).toMatchObject({ tier: 'interp' });
    expect(parseArgs(['run', '--tier=js', 'x.wasm'])).toMatchObject({ tier: 'js' });
    expect(parseArgs(['x.wasm', 'arg'])).toMatchObject({ cmd: 'run', file: 'x.wasm', args: ['arg'] });
    expect(parseArgs(['run', '--', '-weird.wasm'])).toMatchObject({ file: '-weird.wasm' });
  });

  it('rejects bad command lines with UsageError', () => {
    for (const argv of [['run'], ['run', '--fuel', 'x', 'a.wasm'], ['run', '--nope', 'a.wasm'], ['frob'], ['inspect'],
      ['run', '--dir', '::x', 'a.wasm'], ['run', '--clock', 'sometimes', 'a.wasm'], ['wat2wasm', 'a.wat', '-o'], ['run', '--tier', 'jit', 'a.wasm']]) {
      expect(() => parseArgs(argv), argv.join(' ')).toThrow(UsageError);
    }
  });
});

describe('tswasm run', () => {
  it('runs hello and exits with the guest code', () => {
    expect(cli(['run', prog('hello')])).toEqual({ code: 0, stdout: 'hello, world\n', stderr: '' });
    for (const tier of ['js', 'interp']) expect(cli(['run', '--tier', tier, prog('hello')])).toEqual({ code: 0, stdout: 'hello, world\n', stderr: '' });
    expect(cli(['run', prog('exit_code'), '42']).code).toBe(42);
    expect(cli(['run', prog('exit_code'), '7', 'return']).code).toBe(7);
  });

  it('passes stdin, args and only the environment asked for', () => {
    expect(cli(['run', prog('cat')], 'from stdin').stdout).toBe('from stdin');
    const r = cli(['run', '--env', 'TEST_A=x', '--env', 'TEST_B', '--env', 'TEST_MISSING', prog('echo_args'), 'one'], '', { TEST_B: 'host', TEST_C: 'no' });
    expect(r.stdout).toContain('argv[1]=one\n');
    expect(r.stdout).toContain('environ count=2\nenv TEST_A=x\nenv TEST_B=host\n');
    expect(cli(['run', '--inherit-env', prog('echo_args')], '', { TEST_C: 'yes' }).stdout).toContain('env TEST_C=yes\n');
  });

  it('maps --dir and --dir-ro to preopens', () => {
    const dir = join(top, 'd');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'f.txt'), 'abc');
    const r = cli(['run', `--dir=${dir}::/data`, prog('ls'), '/data']);
    expect(r).toEqual({ code: 0, stdout: '/data:\n  f f.txt 3\n  d sub/\n(2 entries)\n', stderr: '' });
    expect(cli(['run', '--dir', `${dir}::/data`, prog('fileops'), '/data']).code).toBe(0);
    expect(cli(['run', '--dir-ro', `${dir}::/data`, prog('fileops'), '/data']).stdout).toContain('mkdir work: ENOTCAPABLE');
    expect(cli(['run', prog('ls'), '/data']).stdout).toBe('ls: /data: ENOTCAPABLE\n');
  });

  it('reports traps, fuel exhaustion and errors on one line', () => {
    const fuel = cli(['run', '--fuel', '1000', prog('hello')]);
    expect(fuel).toEqual({ code: TRAP_EXIT, stdout: '', stderr: 'tswasm: trap: fuel exhausted\n' });
    expect(cli(['run', '--max-memory-pages', '1', prog('hello')])).toMatchObject({ code: 1, stderr: expect.stringMatching(/^tswasm: error: .*limit\n$/) });
    expect(cli(['run', '--max-memory-pages', '16', prog('hello')]).stdout).toBe('hello, world\n');
    const uncaught = join(top, 'uncaught.wat');
    writeFileSync(uncaught, '(module (tag $e (param i32 f64)) (memory (export "memory") 1) (func (export "_start") (throw $e (i32.const 1) (f64.const 2))))');
    expect(cli(['run', uncaught])).toEqual({ code: TRAP_EXIT, stdout: '', stderr: 'tswasm: uncaught wasm exception (tag with parameters: i32 f64)\n' });
    expect(cli(['run', join(top, 'missing.wasm')]).stderr).toMatch(/^tswasm: error: .*missing\.wasm: no such file\n$/);
    expect(cli(['run', '--dir', join(top, 'nope'), prog('hello')])).toMatchObject({ code: 1, stderr: `tswasm: error: --dir ${join(top, 'nope')}: not a directory\n` });
    expect(cli(['run', '--bogus', 'x.wasm'])).toMatchObject({ code: 2, stderr: 'tswasm: unknown option --bogus for run (see tswasm help)\n' });
    const linkless = join(top, 'needs-env.wasm');
    writeFileSync(linkless, Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 2, 9, 1, 3, 0x65, 0x6e, 0x76, 1, 0x66, 0, 0]));
    const r = cli(['run', linkless]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^tswasm: error: .*env.*\n$/);
    expect(r.stderr.split('\n')).toHaveLength(2);
  });

  it('prints capability uses with --trace-capabilities', () => {
    const r = cli(['run', '--trace-capabilities', '--clock', 'none', prog('hello')]);
    expect(r.stdout).toBe('hello, world\n');
    expect(r.stderr).toContain('[tswasm] allow stdout fd_write');
  });
});

describe('tswasm validate, inspect, print, wat2wasm', () => {
  it('validates', () => {
    const bad = join(top, 'bad.wasm');
    writeFileSync(bad, 'not wasm');
    const r = cli(['validate', prog('hello'), bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/hello\.wasm: valid\n.*bad\.wasm: invalid: magic header not detected/);
  });

  it('validates what it cannot execute yet, and says so', () => {
    const simd = join(top, 'simd.wat');
    writeFileSync(simd, '(module (func (result v128) v128.const i64x2 1 2))');
    const typeErr = join(top, 'type-error.wat');
    writeFileSync(typeErr, '(module (func (result i32) i64.const 0))');
    const r = cli(['validate', simd, typeErr]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/simd\.wat: valid \(tswasm cannot execute it yet: .*\)\n/);
    expect(r.stdout).toMatch(/type-error\.wat: invalid: type mismatch: .* @ func 0 offset \d+\n/);
  });

  it('inspects imports and capabilities', () => {
    const r = cli(['inspect', prog('clock_random')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^clock_random\.wasm: WASI command \(_start\)\n/);
    expect(r.stdout).toMatch(/WASI capabilities it can ask for: .*clock.*random/);
    const j = JSON.parse(cli(['inspect', '--json', prog('hello')]).stdout);
    expect(j.wasiFunctions).toContain('fd_write');
    expect(j.exports).toContainEqual({ name: '_start', kind: 'function' });
  });

  it('converts text to binary and back, and runs .wat directly', () => {
    const wat = join(top, 'hi.wat');
    writeFileSync(wat, `(module
  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hi from wat\\n")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 12))
    (drop (call $write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))`);
    expect(cli(['wat2wasm', wat]).code).toBe(0);
    const wasm = join(top, 'hi.wasm');
    expect(readFileSync(wasm).subarray(0, 4)).toEqual(Buffer.from([0, 0x61, 0x73, 0x6d]));
    expect(cli(['run', wasm]).stdout).toBe('hi from wat\n');
    expect(cli(['run', wat]).stdout).toBe('hi from wat\n');
    expect(cli(['print', wasm]).stdout).toMatch(/^\(module/);
  });
});
