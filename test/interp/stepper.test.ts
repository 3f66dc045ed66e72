/**
 * The stepper (src/interp/stepper.ts): whole files of the official testsuite
 * run with every invocation stepped instruction by instruction must give
 * exactly what the register interpreter gives (results, traps and their
 * messages); and the machine state it shows — operand stack, locals, labels,
 * frames, memory touched, breakpoints — is checked on small functions.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from '../../src/decoder/index.js';
import { parseWat } from '../../src/text/index.js';
import { validateModule } from '../../src/validator/index.js';
import { instantiate, invoke, FuncInst, Stepper, valueText, type Value } from '../../src/interp/index.js';
import { loadEngine, type Engine } from '../../spec-tests/engine.js';
import { runFile } from '../../spec-tests/run-file.js';
import { suiteDir } from '../../spec-tests/run.mjs';

/** Runs `f` with the stepper to the end; throws its trap like `invoke`. */
function stepped(f: unknown, args: unknown[]): unknown[] {
  const fn = f as FuncInst;
  if (fn.def === null) return invoke(fn, args);
  const s = new Stepper(fn, args);
  s.run();
  if (s.trap !== null) throw s.trap;
  return s.results!;
}

const FILES = [
  'i32.wast', 'i64.wast', 'f32.wast', 'f64.wast', 'conversions.wast', 'block.wast', 'loop.wast', 'if.wast', 'br.wast',
  'br_if.wast', 'br_table.wast', 'return.wast', 'call.wast', 'call_indirect.wast', 'select.wast', 'local_tee.wast',
  'global.wast', 'memory.wast', 'address.wast', 'memory_grow.wast', 'bulk.wast', 'memory_trap.wast',
  'memory_init.wast', 'table_get.wast', 'table_set.wast', 'table_grow.wast', 'table_fill.wast', 'table_copy.wast',
  'traps.wast', 'unreachable.wast', 'fac.wast', 'stack.wast', 'left-to-right.wast', 'address64.wast', 'memory_trap64.wast',
];

describe('the stepper runs testsuite files as the interpreter does', async () => {
  const engine: Engine = await loadEngine();
  const steppedEngine: Engine = { ...engine, interp: { ...engine.interp!, invoke: stepped } };
  for (const file of FILES) {
    it(file, () => {
      const text = readFileSync(join(suiteDir(), file), 'utf8');
      const opts = { roundTrip: false, skipLines: new Map<number, string>() };
      const normal = runFile(file, text, engine, opts);
      const viaStepper = runFile(file, text, steppedEngine, opts);
      expect(viaStepper.failures).toEqual(normal.failures);
      expect(viaStepper.counts).toEqual(normal.counts);
      expect(normal.counts.passed).toBeGreaterThan(0);
    });
  }
});

function load(wat: string, imports: Record<string, Record<string, unknown>> = {}) {
  const m = decode(parseWat(wat));
  validateModule(m);
  return instantiate(m, imports as never);
}

const FIB = `(module
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2))))))))`;

describe('the machine state', () => {
  it('shows each instruction with its offset, function and the operand stack', () => {
    const inst = load(FIB);
    const s = new Stepper(inst.exports.fib as FuncInst, [2]);
    const lines: string[] = [];
    while (!s.done) {
      const st = s.step();
      lines.push(`${st.depth} ${st.name} ${st.text} | ${s.stack().map(valueText).join(' ')}`);
    }
    expect(s.results).toEqual([1]);
    expect(lines.slice(0, 8)).toEqual([
      '1 fib local.get 0 | i32:2',
      '1 fib i32.const 2 | i32:2 i32:2',
      '1 fib i32.lt_u | i32:0',
      '1 fib if | ',
      '1 fib local.get 0 | i32:2',
      '1 fib i32.const 1 | i32:2 i32:1',
      '1 fib i32.sub | i32:1',
      '1 fib call 0 | ',
    ]);
    // The callee runs in a second frame and leaves its result for the caller.
    expect(lines[8]).toBe('2 fib local.get 0 | i32:1');
    expect(lines[lines.length - 1]).toBe('1 fib end | i32:1');
    expect(s.steps).toBe(lines.length);
  });

  it('reports byte offsets in the module and stops at breakpoints', () => {
    const bytes = parseWat(FIB);
    const m = decode(bytes);
    validateModule(m);
    const inst = instantiate(m, {});
    const body = m.funcs[0]!.bodyOffset;
    const callAt = body + [...m.funcs[0]!.body].indexOf(0x10);
    expect(bytes[callAt]).toBe(0x10);
    const s = new Stepper(inst.exports.fib as FuncInst, [3], { breakpoints: [{ func: 'fib', offset: callAt }] });
    expect(s.next()).toMatchObject({ offset: body, text: 'local.get 0', name: 'fib' });
    expect(s.run()).toBe('breakpoint');
    expect(s.next()).toMatchObject({ offset: callAt, text: 'call 0' });
    expect(s.frames.length).toBe(1);
    expect(s.run()).toBe('breakpoint');
    expect(s.frames.length).toBe(2);
    expect(s.frames[1]!.locals.map(valueText)).toEqual(['i32:2']);
    // The control stack: the frame's own label and the if's label, each with its stack height.
    expect(s.frames[1]!.labels.map((l) => [l.kind, l.arity, l.height])).toEqual([['function', 1, 0], ['if', 1, 0]]);
    while (s.run() === 'breakpoint');
    expect(s.results).toEqual([2]);
  });

  it('draws the stack as the specification does: frames, labels, values', () => {
    const inst = load(`(module (func (export "f") (param i32) (result i32)
      (i32.const 10) (block (result i32) (i32.const 20) (local.get 0) (br_if 0) (drop) (i32.const 30)) (i32.add)))`);
    const s = new Stepper(inst.exports.f as FuncInst, [0]);
    for (let k = 0; k < 4; k++) s.step(); // i32.const 10, block, i32.const 20, local.get 0
    const drawn = s.machineStack().map((e) => e.kind === 'frame' ? `frame ${e.frame.name}` : e.kind === 'label' ? `label ${e.label.kind}/${e.label.arity}` : valueText(e.value));
    expect(drawn).toEqual(['frame f', 'label function/1', 'i32:10', 'label block/1', 'i32:20', 'i32:0']);
    s.run();
    expect(s.results).toEqual([40]);
    const s2 = new Stepper(inst.exports.f as FuncInst, [1]);
    s2.run();
    expect(s2.results).toEqual([30]);
  });

  it('records the memory bytes each instruction touched, and globals', () => {
    const inst = load(`(module (memory 1) (global $g (mut i64) (i64.const 5))
      (func (export "f") (param i32)
        (i64.store offset=8 (local.get 0) (global.get $g))
        (global.set $g (i64.load8_u offset=8 (local.get 0)))
        (memory.fill (i32.const 100) (i32.const 7) (i32.const 3))))`);
    const s = new Stepper(inst.exports.f as FuncInst, [16]);
    const touched: string[] = [];
    while (!s.done) for (const t of s.step().touched) touched.push(`${t.write ? 'write' : 'read'} ${t.address}+${t.length}`);
    expect(touched).toEqual(['write 24+8', 'read 24+1', 'write 100+3']);
    expect(s.globals().map((g) => valueText(g.value))).toEqual(['i64:5']);
    const mem = inst.exports.memory;
    expect(mem).toBeUndefined();
    expect([...inst.memories[0]!.u8.subarray(100, 104)]).toEqual([7, 7, 7, 0]);
  });

  it('stops at a trap with the interpreter\'s message, and calls host functions', () => {
    const seen: Value[] = [];
    const log = FuncInst.host({ params: [0x7f], results: [] }, ([x]) => { seen.push(x); });
    const inst = load(`(module (import "env" "log" (func $log (param i32)))
      (func (export "f") (param i32) (result i32) (call $log (local.get 0)) (i32.div_s (i32.const 1) (local.get 0))))`,
    { env: { log } });
    const s = new Stepper(inst.exports.f as FuncInst, [0]);
    expect(s.run()).toBe('trap');
    expect(s.trap!.message).toBe('integer divide by zero');
    expect(s.done).toBe(true);
    expect(seen).toEqual([0]);
    expect(() => new Stepper(log, [1])).toThrow('host function');
  });
});
