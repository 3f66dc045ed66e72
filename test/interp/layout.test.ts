/**
 * The frame layout counts cells by width: a v128 local takes two cells, so
 * the locals after it, the constant pool and the temporaries move up by one
 * (nothing assumes one cell per local or slot).
 */
import { describe, expect, it } from 'vitest';
import { compiled } from '../../src/interp/exec.js';
import { disassemble } from '../../src/interp/disasm.js';
import type { FuncInst } from '../../src/interp/index.js';
import { call1, load } from './helpers.js';

describe('frame layout by cell width', () => {
  const inst = load(`(module
    (func (export "narrow") (param i32) (result i32) (local i32 i32)
      (local.set 2 (i32.mul (local.get 0) (local.get 0))) (local.get 2))
    (func (export "wide") (param i32) (result i32) (local v128 i32)
      (local.set 2 (i32.mul (local.get 0) (local.get 0))) (local.get 2)))`);

  it('runs with a v128 local in the frame', () => {
    expect(call1(inst, 'narrow', 7)).toBe(49);
    expect(call1(inst, 'wide', 7)).toBe(49);
  });

  it('places locals after a v128 by running sums of widths', () => {
    const narrow = compiled(inst.exports.narrow as FuncInst);
    const wide = compiled(inst.exports.wide as FuncInst);
    // narrow: param cell 0, locals cells 1, 2; wide: param 0, v128 cells 1-2, i32 cell 3.
    expect(disassemble(narrow.code)).toContain('i32_mul r2 r0 r0');
    expect(disassemble(wide.code)).toContain('i32_mul r3 r0 r0');
    expect(narrow.zeroTo - narrow.zeroFrom).toBe(4);
    expect(wide.zeroTo - wide.zeroFrom).toBe(6);
    expect(wide.frameWords).toBe(narrow.frameWords + 2);
  });
});
