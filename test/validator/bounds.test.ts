/**
 * Bounded resources: deep nesting, huge local counts, giant br_tables, long
 * and deep type definitions validate (or fail) cleanly, in linear time and
 * without host recursion.
 */
import { describe, expect, it } from 'vitest';
import { I32, refType } from '../../src/ast/types.js';
import { emptyModule } from '../../src/ast/module.js';
import { CompileError } from '../../src/errors.js';
import { encode } from '../../src/encoder/index.js';
import { validate, validateModule } from '../../src/validator/index.js';
import { MAX_LOCALS } from '../../src/validator/limits.js';
import { addRec, bytes, oneFunc, sub, uleb } from './build.js';

const BLOCK = 0x02, END = 0x0b, BR_TABLE = 0x0e, I32_CONST = 0x41, EMPTY = 0x40, DROP = 0x1a;

function nested(n: number): Uint8Array {
  const b = new Uint8Array(2 * n + n + 1);
  for (let i = 0; i < n; i++) { b[2 * i] = BLOCK; b[2 * i + 1] = EMPTY; }
  b.fill(END, 2 * n);
  return b;
}

describe('bounded resources', () => {
  it('validates 100,000 nested blocks without host recursion', () => {
    const m = oneFunc([], [], nested(100_000));
    expect(() => validateModule(m)).not.toThrow();
    expect(validate(encode(m))).toBe(true);
  });

  it('validates 1,000,000 nested blocks in linear time', () => {
    const t = performance.now();
    expect(() => validateModule(oneFunc([], [], nested(1_000_000)))).not.toThrow();
    expect(performance.now() - t).toBeLessThan(10_000);
  });

  it('rejects a body with too many locals before allocating them', () => {
    const m = oneFunc([], [], bytes(END), [{ count: 0xffff_ffff, type: I32 }]);
    expect(() => validateModule(m)).toThrow(/too many locals/);
    const ok = oneFunc([I32], [], bytes(END), [{ count: MAX_LOCALS - 1, type: I32 }]);
    expect(() => validateModule(ok)).not.toThrow();
    const over = oneFunc([I32], [], bytes(END), [{ count: MAX_LOCALS, type: I32 }]);
    expect(() => validateModule(over)).toThrow(CompileError);
  });

  it('checks a giant br_table in linear time', () => {
    const n = 1_000_000;
    const targets: number[] = [];
    for (let i = 0; i < n; i++) targets.push(i % 2);
    // block block (i32.const 0) br_table 0 1 0 1 … 0 end end end
    const body = bytes(BLOCK, EMPTY, BLOCK, EMPTY, I32_CONST, 0, BR_TABLE, uleb(n), targets, 0, END, END, END);
    const t = performance.now();
    expect(() => validateModule(oneFunc([], [], body))).not.toThrow();
    expect(performance.now() - t).toBeLessThan(10_000);
  });

  it('checks a br_table over 20,000 nested labels with values once per target frame', () => {
    const depth = 20_000;
    const parts: number[] = [];
    // (block (result i32)) × depth, i32.const 7, i32.const 0, br_table 0..depth-1 0, end × depth, drop
    for (let i = 0; i < depth; i++) parts.push(BLOCK, I32);
    parts.push(I32_CONST, 7, I32_CONST, 0, BR_TABLE, ...uleb(depth));
    for (let i = 0; i < depth; i++) parts.push(...uleb(i));
    parts.push(0);
    for (let i = 0; i < depth; i++) parts.push(END);
    parts.push(DROP, END);
    expect(() => validateModule(oneFunc([], [], Uint8Array.from(parts)))).not.toThrow();
  });

  it('pops only what is there from a polymorphic stack (struct.new of 10,000 fields, array.new_fixed 10,000)', () => {
    const m = emptyModule();
    const fields = [];
    for (let i = 0; i < 10_000; i++) fields.push({ type: I32, mutable: false });
    addRec(m, [sub({ kind: 'struct', fields })]);
    addRec(m, [sub({ kind: 'array', field: { type: I32, mutable: false } })]);
    addRec(m, [sub({ kind: 'func', params: [], results: [] })]);
    const reps = 100_000;
    const parts: number[] = [0x00]; // unreachable
    for (let i = 0; i < reps; i++) parts.push(0xfb, 0x00, 0x00, 0x1a); // struct.new 0, drop
    for (let i = 0; i < reps; i++) parts.push(0xfb, 0x08, 0x01, ...uleb(10_000), 0x1a); // array.new_fixed 1 10000, drop
    parts.push(END);
    m.funcTypes.push(2);
    m.funcs.push({ type: 2, locals: [], body: Uint8Array.from(parts), bodyOffset: 0 });
    const t = performance.now();
    expect(() => validateModule(m)).not.toThrow();
    expect(performance.now() - t).toBeLessThan(5_000);
  });

  it('validates a rec group of 100,000 mutually recursive types', () => {
    const m = emptyModule();
    const n = 100_000;
    const types = [];
    for (let i = 0; i < n; i++) {
      types.push(sub({ kind: 'struct', fields: [{ type: refType(true, (i + 1) % n), mutable: false }] }));
    }
    addRec(m, types);
    const info = validateModule(m);
    expect(info.canon.length).toBe(n);
  });

  it('rejects a subtype chain deeper than the limit, cleanly', () => {
    const m = emptyModule();
    for (let i = 0; i < 100; i++) {
      addRec(m, [sub({ kind: 'struct', fields: [] }, i === 0 ? [] : [i - 1], false)]);
    }
    expect(() => validateModule(m)).toThrow(/subtype depth/);
  });

  it('validates 200,000 singleton rec groups in linear time', () => {
    const m = emptyModule();
    for (let i = 0; i < 200_000; i++) {
      addRec(m, [sub({ kind: 'func', params: i ? [refType(true, i - 1)] : [], results: [] })]);
    }
    const t = performance.now();
    expect(() => validateModule(m)).not.toThrow();
    expect(performance.now() - t).toBeLessThan(10_000);
  });
});
