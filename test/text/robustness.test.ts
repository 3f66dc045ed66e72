/**
 * The parser fails only with CompileError: text modules of the testsuite,
 * cut and spliced at pseudo-random points, either parse or throw a
 * WatSyntaxError — never a TypeError or a RangeError from a parser bug.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseScript, parseWat } from '../../src/text/index.js';
import { CompileError } from '../../src/errors.js';
import { suiteDir } from '../support/suite.js';

const SPLICES = ['', ')', '(', ' 0 ', '$x', ' (i32.const 1) ', ' end ', '"'];

describe('mutated suite modules', () => {
  it('only ever throw CompileError', () => {
    const dir = suiteDir();
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const odd: string[] = [];
    let tried = 0;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.wast')).sort().slice(0, 120)) {
      for (const c of parseScript(readFileSync(join(dir, name), 'utf8'))) {
        if (c.type !== 'module' || c.source.kind !== 'text') continue;
        const t = c.source.text;
        for (const s of SPLICES) {
          const i = rnd(t.length);
          const text = t.slice(0, i) + s + t.slice(i + rnd(8));
          tried++;
          try {
            parseWat(text);
          } catch (e) {
            if (!(e instanceof CompileError)) odd.push(`${name}: ${String(e)} for ${JSON.stringify(text.slice(Math.max(0, i - 40), i + 40))}`);
          }
        }
      }
    }
    expect(tried).toBeGreaterThan(1000);
    expect(odd).toEqual([]);
  });
});
