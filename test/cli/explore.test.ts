/**
 * `tswasm disasm` and `tswasm trace` in-process (src/cli/explore.ts through
 * main.node.ts): the listing of wasm instructions and register code, a
 * bounded trace with the operand stack, traps, argument typing, a WASI
 * command's `_start`, and the one-line usage errors.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, TRAP_EXIT } from '../../src/cli/main.node.js';
import { parseTrace } from '../../src/cli/explore.js';
import { parseWat } from '../../src/text/index.js';

const top = mkdtempSync(join(tmpdir(), 'tswasm-explore-'));
afterAll(() => rmSync(top, { recursive: true, force: true }));

function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const d = new TextDecoder();
  const code = main(argv, { stdin: '', stdout: (b) => (stdout += d.decode(b)), stderr: (b) => (stderr += d.decode(b)), env: {} });
  return { code, stdout, stderr };
}

const FIB = `(module
  (memory (export "memory") 1)
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
  (func (export "poke") (param i32 i64) (result i64)
    (i64.store (local.get 0) (local.get 1)) (i64.load (local.get 0)))
  (func (export "div") (param i32 i32) (result i32) (i32.div_u (local.get 0) (local.get 1))))`;
const wasm = join(top, 'fib.wasm');
writeFileSync(wasm, parseWat(FIB));
const wat = join(top, 'fib.wat');
writeFileSync(wat, FIB);

describe('tswasm disasm', () => {
  it('lists each function: wasm instructions at their offsets, the register code beside them', () => {
    const r = cli(['disasm', wasm, '--func', 'fib']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('func 0 "fib" (param i32) (result i32)');
    expect(lines[1]).toMatch(/^ {2}offset {2}wasm instruction +register code \(\d+ words, frame of \d+ cells\)$/);
    expect(lines[2]).toMatch(/^ {2}0x[0-9a-f]{4} {2}local\.get 0/);
    // Every register instruction is shown once, beside the wasm instruction it came from.
    const reg = lines.filter((l) => /\s\d+: \w+/.test(l));
    expect(reg.length).toBeGreaterThan(5);
    expect(new Set(reg.map((l) => /\s(\d+): /.exec(l)![1])).size).toBe(reg.length);
    // Each wasm call's register call is beside it (on its line or the continuation lines below).
    const wasmLine = (l: string) => /^ {2}0x[0-9a-f]{4} /.test(l);
    const callsAt = lines.flatMap((l, i) => (/^ {2}0x[0-9a-f]{4} +call 0/.test(l) ? [i] : []));
    expect(callsAt).toHaveLength(2);
    for (const i of callsAt) {
      const next = lines.findIndex((l, j) => j > i && wasmLine(l));
      expect(lines.slice(i, next).some((l) => /\d+: call 0 r\d+$/.test(l))).toBe(true);
    }
    expect(lines[lines.length - 1]).toMatch(/^ +\d+: return$/);
    expect(lines[lines.length - 2]).toMatch(/^ {2}0x[0-9a-f]{4} {2}end +\d+: /);
    expect(r.stdout).not.toContain('func 1');
  });

  it('lists every function without --func, from text too', () => {
    const r = cli(['disasm', wat]);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^func \d/gm)).toEqual(['func 0', 'func 1', 'func 2']);
  });

  it('says so when there is no such function', () => {
    const r = cli(['disasm', wasm, '--func', 'nope']);
    expect(r).toMatchObject({ code: 2, stderr: 'tswasm: no function nope in the module\n' });
  });
});

describe('tswasm trace', () => {
  it('prints one line per instruction with the stack, and the result', () => {
    const r = cli(['trace', wasm, '--invoke', 'fib', '2']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ +1 fib@0x[0-9a-f]{4} local\.get 0 +\[i32:2\]$/);
    expect(lines[1]).toMatch(/^ +2 fib@0x[0-9a-f]{4} i32\.const 2 +\[i32:2 i32:2\]$/);
    // Calls nest: the callee's lines are indented by its depth.
    expect(lines.some((l) => /^ +\d+ {3}fib@/.test(l))).toBe(true);
    expect(lines[lines.length - 1]).toBe('result: i32:1');
  });

  it('shows the memory an instruction touched and types i64 arguments', () => {
    const r = cli(['trace', wat, '--invoke', 'poke', '16', '-2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/i64\.store +\[\] write 16\+8\n/);
    expect(r.stdout).toMatch(/i64\.load +\[i64:-2\] read 16\+8\n/);
    expect(r.stdout.trimEnd().endsWith('result: i64:-2')).toBe(true);
  });

  it('stops at --limit and at a trap', () => {
    const limited = cli(['trace', wasm, '--limit', '5', '--invoke', 'fib', '20']);
    expect(limited.code).toBe(0);
    expect(limited.stdout.trimEnd().split('\n')).toHaveLength(6);
    expect(limited.stdout).toContain('... stopped after 5 steps (--limit 5)');
    const trapped = cli(['trace', wasm, '--invoke', 'div', '1', '0']);
    expect(trapped.code).toBe(TRAP_EXIT);
    expect(trapped.stdout.trimEnd().endsWith('trap: integer divide by zero')).toBe(true);
  });

  it('rejects bad arguments in one line', () => {
    expect(cli(['trace', wasm, '--invoke', 'fib'])).toMatchObject({ code: 2, stderr: 'tswasm: fib takes 1 argument(s) (i32), got 0\n' });
    expect(cli(['trace', wasm, '--invoke', 'fib', 'x'])).toMatchObject({ code: 2, stderr: 'tswasm: argument x is not a i32\n' });
    expect(cli(['trace', wasm])).toMatchObject({ code: 2, stderr: 'tswasm: the module has no _start: say which export to call with --invoke NAME\n' });
    expect(cli(['trace', '--limit', '0', wasm]).code).toBe(2);
    expect(parseTrace(['f.wasm', '--invoke', 'g', '--limit', '3'])).toEqual({ cmd: 'trace', file: 'f.wasm', invoke: 'g', args: ['--limit', '3'], limit: 10_000 });
  });

  it('runs a WASI command\'s _start, printing the guest\'s output', () => {
    const hello = join(import.meta.dirname, '..', '..', 'examples', 'hello.wasm');
    const r = cli(['trace', hello, '--limit', '200000']);
    expect(r.stdout).toMatch(/_start@0x[0-9a-f]+ /);
    expect(r.stdout).toMatch(/hello/i);
    expect(r.code).toBe(0);
  });

  it('has --help for both commands', () => {
    expect(cli(['disasm', '--help']).stdout).toContain('disasm FILE [--func NAME]');
    expect(cli(['trace', '-h']).stdout).toContain('trace FILE [--limit N]');
    expect(cli(['help']).stdout).toContain('trace FILE');
  });
});
