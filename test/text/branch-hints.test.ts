/**
 * Branch hints (`@metadata.code.branch_hint`): the text parser turns the
 * annotations into the `metadata.code.branch_hint` custom section, and
 * `validateCustomSections` checks a section against the code.
 */
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/decoder/index.js';
import { encode } from '../../src/encoder/index.js';
import { parseWat, parseWatModule } from '../../src/text/index.js';
import { BRANCH_HINT_SECTION, validateCustomSections, validateModule } from '../../src/validator/index.js';
import type { Module } from '../../src/ast/module.js';

const section = (m: Module) => m.customs.find((c) => c.name === BRANCH_HINT_SECTION);
const hintBytes = (wat: string) => [...section(decode(parseWat(wat)))!.data];
const err = (f: () => unknown): string => {
  try { f(); } catch (e) { return (e as Error).message; }
  return 'no error';
};

describe('branch-hint annotations in the text format', () => {
  it('hint the next instruction, counting offsets from the locals', () => {
    // locals: 01 01 7f (3 bytes); body: local.get 0 (0..1), if at 2
    const bytes = hintBytes(`(module (func (param i32) (local i32)
      local.get 0 (@metadata.code.branch_hint "\\01") if end))`);
    expect(bytes).toEqual([1, 0, 1, 3 + 2, 1, 1]);
  });

  it('hint a folded instruction itself, not its operands, and br_if', () => {
    // no locals (1 byte); (if (local.get 0) …): local.get 0 at 0..1, if at 2; br_if 0 at 5
    const bytes = hintBytes(`(module (func (param i32)
      (@metadata.code.branch_hint "\\00") (if (local.get 0) (then))
      (block (@metadata.code.branch_hint "\\01") (br_if 0 (local.get 0)))))`);
    expect(bytes).toEqual([1, 0, 2, 1 + 2, 1, 0, 1 + 9, 1, 1]);
  });

  it('are numbered by function index (imports first) and survive a round trip', () => {
    const wat = `(module (import "m" "f" (func)) (func) (func (param i32)
      local.get 0 (@metadata.code.branch_hint "\\00") br_if 0))`;
    const m = decode(parseWat(wat));
    expect([...section(m)!.data]).toEqual([1, 2, 1, 1 + 2, 1, 0]);
    validateModule(m);
    expect(() => validateCustomSections(m)).not.toThrow();
    expect(encode(m)).toEqual(parseWat(wat));
  });

  it('reject misplaced, duplicate and malformed annotations with the reference messages', () => {
    const p = '@metadata.code.branch_hint annotation: ';
    expect(err(() => parseWatModule('(module (@metadata.code.branch_hint "\\01") (func))'))).toContain(`${p}not in a function`);
    expect(err(() => parseWatModule('(module (global i32 (@metadata.code.branch_hint "\\01") (i32.const 0)))'))).toContain(`${p}not in a function`);
    expect(err(() => parseWatModule('(module (func (@metadata.code.branch_hint "\\01") (@metadata.code.branch_hint "\\01") i32.const 0 if end))')))
      .toContain(`${p}duplicate annotation`);
    expect(err(() => parseWatModule('(module (func nop (@metadata.code.branch_hint "\\01")))'))).toContain(`${p}invalid placement`);
    expect(err(() => parseWatModule('(module (func block (@metadata.code.branch_hint "\\01") end))'))).toContain(`${p}invalid placement`);
    expect(err(() => parseWatModule('(module (func (@metadata.code.branch_hint "\\02") i32.const 0 if end))'))).toContain(`${p}invalid hint value`);
    expect(err(() => parseWatModule('(module (func (@metadata.code.branch_hint 1) i32.const 0 if end))'))).toContain(`${p}unexpected token`);
  });

  it('on an instruction other than if and br_if make the section invalid, not the module', () => {
    const m = decode(parseWat('(module (func (param i32) (@metadata.code.branch_hint "\\01") local.get 0 drop))'));
    expect(() => validateModule(m)).not.toThrow();
    expect(err(() => validateCustomSections(m))).toBe('@metadata.code.branch_hint annotation: invalid target');
  });
});

describe('validateCustomSections on hand-made sections', () => {
  const base = () => decode(parseWat('(module (func (param i32) local.get 0 if end local.get 0 br_if 0))'));
  const withHints = (data: number[]) => {
    const m = base();
    m.customs.push({ name: BRANCH_HINT_SECTION, data: Uint8Array.from(data), after: 0 });
    return decode(encode(m)); // through the bytes, as a decoded module
  };
  // locals 1 byte, then: local.get 0 (1..2), if (3..4), end (5), local.get 0 (6..7), br_if (8)
  it('accepts hints at if and br_if in increasing order', () => {
    expect(() => validateCustomSections(withHints([1, 0, 2, 3, 1, 0, 8, 1, 1]))).not.toThrow();
  });
  it('reports order, offsets, sizes, values and truncation', () => {
    const s = '@metadata.code.branch_hint section: ';
    expect(err(() => validateCustomSections(withHints([1, 0, 2, 8, 1, 0, 3, 1, 1])))).toBe('@metadata.code.branch_hint annotation: invalid order');
    expect(err(() => validateCustomSections(withHints([1, 0, 1, 2, 1, 0])))).toBe(`${s}invalid offset`);
    expect(err(() => validateCustomSections(withHints([1, 0, 1, 3, 2, 0, 0])))).toBe(`${s}missing reserved byte`);
    expect(err(() => validateCustomSections(withHints([1, 0, 1, 3, 1, 2])))).toBe(`${s}invalid hint value`);
    expect(err(() => validateCustomSections(withHints([1, 0, 1, 3, 1])))).toBe(`${s}unexpected end`);
    expect(err(() => validateCustomSections(withHints([1, 5, 0])))).toBe(`${s}invalid function index`);
  });
  it('counts offsets from the locals as encoded, even in a non-minimal encoding', () => {
    const m = base();
    const bin = encode(m);
    // the body's locals vector `00` re-encoded as `80 00` (body size + 1, section size + 1)
    const code = bin.lastIndexOf(0x0a);
    const out = [...bin.subarray(0, code + 1), bin[code + 1]! + 1, bin[code + 2]!, bin[code + 3]! + 1, 0x80, ...bin.subarray(code + 4)];
    const d = decode(Uint8Array.from(out));
    expect(d.funcs[0]!.localsSize).toBe(2);
    d.customs.push({ name: BRANCH_HINT_SECTION, data: Uint8Array.of(1, 0, 1, 4, 1, 1), after: 0 });
    expect(() => validateCustomSections(d)).not.toThrow();
  });
});

describe('printing branch hints', () => {
  it('prints a canonical section as annotations on the hinted instructions, and parses back to the same bytes', async () => {
    const { printWat } = await import('../../src/text/index.js');
    const wat = `(module (import "m" "f" (func)) (memory 1) (func (param i32) (local i64)
      (block (@metadata.code.branch_hint "\\01") (br_if 0 (local.get 0)))
      (@metadata.code.branch_hint "\\00") (if (local.get 0) (then nop))))`;
    const bin = parseWat(wat);
    const text = printWat(bin);
    expect(text).not.toContain('@custom');
    expect(text.match(/\(@metadata\.code\.branch_hint "\\0[01]"\)/g)).toEqual(['(@metadata.code.branch_hint "\\01")', '(@metadata.code.branch_hint "\\00")']);
    expect(parseWat(text)).toEqual(bin);
  });

  it('keeps a section the annotations cannot rebuild exactly as (@custom …)', async () => {
    const { printWat } = await import('../../src/text/index.js');
    const m = decode(parseWat('(module (func (param i32) local.get 0 if end))'));
    // a hint on `end` (offset 1 + 4): no annotation can stand there
    m.customs.push({ name: BRANCH_HINT_SECTION, data: Uint8Array.of(1, 0, 1, 5, 1, 1), after: 3 });
    const bin = encode(m);
    const text = printWat(bin);
    expect(text).toContain('(@custom "metadata.code.branch_hint"');
    expect(parseWat(text)).toEqual(bin);
  });
});
