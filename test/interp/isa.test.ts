/**
 * The register instruction set's generated code is up to date and used
 * consistently: src/interp/isa-ids.ts and the GENERATED regions of
 * src/interp/exec.ts equal what scripts/gen-interp.mjs makes from
 * src/interp/isa.ts (`npm run gen` rewrites them; this test never does), and
 * every handler in exec.ts reads its operands through its own row's layout
 * enum (`case R.br_eq:` uses only `L_ABT.…`), so no position is spelled by hand.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ISA, ISA_SIZE } from '../../src/interp/isa.js';
// @ts-expect-error: a plain-JS script without types
import { generated, layoutEnum } from '../../scripts/gen-interp.mjs';

const root = new URL('../../', import.meta.url);

describe('register instruction set', () => {
  it('generated files are up to date (npm run gen)', async () => {
    for (const [path, text] of (await generated()) as Map<string, string>) {
      expect(readFileSync(new URL(path, root), 'utf8'), `${path} is stale: run npm run gen`).toBe(text);
    }
  });

  it('has unique names and well-formed layouts', () => {
    expect(new Set(ISA.map((r) => r[0])).size).toBe(ISA.length);
    for (const [, layout] of ISA) expect(layout).toMatch(/^([dabcijtxyn]( |$))*$/);
    ISA.forEach(([, layout], r) => expect(ISA_SIZE[r]).toBe(layout.split(' ').filter((l) => l !== '').length));
  });

  it('every executor case reads operands through its own layout, never by number', () => {
    const src = readFileSync(new URL('src/interp/exec.ts', root), 'utf8');
    expect(src).not.toMatch(/code\[pc \+ \d/);
    expect(src).not.toMatch(/pc \+= \d/);
    const layoutOf = new Map(ISA.map((r) => [r[0], r[1]]));
    const cases = src.split(/\n(?=\s+case R\.)/).slice(1);
    let checked = 0;
    for (const c of cases) {
      const name = /case R\.(\w+):/.exec(c)![1]!;
      const body = c.split(/\n\s+(?:default:|\/\/ GENERATED)/)[0]!;
      const want = layoutEnum(layoutOf.get(name)!) as string;
      for (const used of body.match(/\bL_[A-Z]+\b/g) ?? []) expect(used, `case R.${name}`).toBe(want);
      checked++;
    }
    expect(checked).toBe(ISA.length);
  });
});
