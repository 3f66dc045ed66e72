import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { OPCODES, OP_BY_NAME, SINGLE, prefixed } from '../../src/ast/opcodes.js';

/** The text of src/ast/op-ids.ts as the table implies it. */
function generateOpIds(): string {
  const lines = [
    '/**',
    ' * GENERATED from the opcode table (src/ast/opcodes.ts) by test/ast/opcodes.test.ts;',
    ' * do not edit. Regenerate: UPDATE_GENERATED=1 npx vitest run test/ast/opcodes.test.ts',
    ' *',
    ' * `Op.x` is the row number of instruction x in `OPCODES`; `.` in a mnemonic becomes `_`.',
    ' */',
    '/** Instruction ids: row numbers of the opcode table. */',
    'export const enum Op {',
  ];
  OPCODES.forEach((row, i) => lines.push(`  ${row[0].replace(/\./g, '_')} = ${i},`));
  lines.push('}', `/** Number of rows in the opcode table. */`, `export const OP_COUNT = ${OPCODES.length};`, '');
  return lines.join('\n');
}

describe('opcode table', () => {
  it('generated Op ids are up to date', () => {
    const path = new URL('../../src/ast/op-ids.ts', import.meta.url);
    const want = generateOpIds();
    if (process.env.UPDATE_GENERATED) writeFileSync(path, want);
    expect(readFileSync(path, 'utf8')).toBe(want);
  });

  it('has unique mnemonics and unique encodings', () => {
    expect(OP_BY_NAME.size).toBe(OPCODES.length);
    const enc = new Set(OPCODES.map((r) => `${r[1]}:${r[2]}`));
    expect(enc.size).toBe(OPCODES.length);
  });

  it('lookups agree with rows', () => {
    OPCODES.forEach((row, i) => {
      if (row[1] === 0) expect(SINGLE[row[2]]).toBe(i);
      else expect(prefixed(row[1], row[2])).toBe(i);
    });
    expect(prefixed(0xfd, 154)).toBe(-1);
    expect(SINGLE[0xff]).toBe(-1);
  });

  it('covers the instruction counts of each feature', () => {
    const count = (f: string) => OPCODES.filter((r) => r[4] === f).length;
    expect(count('simd')).toBe(236);
    expect(count('relaxed-simd')).toBe(20);
    expect(count('threads')).toBe(67);
    expect(count('gc')).toBe(32);
  });
});
