/**
 * The register instruction set's generated ids (src/interp/isa-ids.ts) must
 * match the table in src/interp/isa.ts. `UPDATE_GENERATED=1` rewrites them.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { ISA } from '../../src/interp/isa.js';

function generate(): string {
  const lines = [
    '/**',
    ' * GENERATED from the register instruction set (src/interp/isa.ts) by test/interp/isa.test.ts;',
    ' * do not edit. Regenerate: UPDATE_GENERATED=1 npx vitest run test/interp/isa.test.ts',
    ' *',
    ' * `R.x` is the row number of register instruction x in `ISA`.',
    ' */',
    '/** Register instruction ids: row numbers of the ISA table. */',
    'export const enum R {',
  ];
  ISA.forEach((row, i) => lines.push(`  ${row[0]} = ${i},`));
  lines.push('}', '/** Number of register instructions. */', `export const R_COUNT = ${ISA.length};`, '');
  return lines.join('\n');
}

describe('register instruction set', () => {
  it('generated R ids are up to date', () => {
    const path = new URL('../../src/interp/isa-ids.ts', import.meta.url);
    const want = generate();
    if (process.env.UPDATE_GENERATED) writeFileSync(path, want);
    expect(readFileSync(path, 'utf8')).toBe(want);
  });

  it('has unique names and well-formed layouts', () => {
    expect(new Set(ISA.map((r) => r[0])).size).toBe(ISA.length);
    for (const [, layout] of ISA) expect(layout).toMatch(/^([dabcijtxyn]( |$))*$/);
  });
});
