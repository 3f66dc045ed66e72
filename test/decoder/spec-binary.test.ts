/**
 * Every `(module binary …)` of the official testsuite: it decodes, or is
 * rejected with the message the suite expects when it is in an
 * `assert_malformed`. Well-formed ones must re-encode to identical bytes.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decode } from '../../src/decoder/index.js';
import { encode } from '../../src/encoder/index.js';
import { CompileError } from '../../src/errors.js';
import { binaryCases, type BinaryCase } from '../support/sexpr.js';
import { suiteDir } from '../support/suite.js';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.wast') ? [p] : [];
  });
}

/**
 * Suite modules that deliberately spell numbers with more LEB128 bytes than
 * needed (they test that decoders accept that). The encoder always writes the
 * shortest form, so these re-encode to different, shorter bytes.
 */
const NON_CANONICAL = new Set([
  'binary-leb128.wast:2',
  'binary-leb128.wast:7',
  'binary-leb128.wast:12',
  'binary-leb128.wast:18',
  'binary-leb128.wast:24',
  'binary-leb128.wast:32',
  'binary-leb128.wast:41',
  'binary-leb128.wast:49',
  'binary-leb128.wast:57',
  'binary-leb128.wast:66',
  'binary-leb128.wast:75',
  'binary-leb128.wast:87',
  'binary-leb128.wast:99',
  'binary-leb128.wast:111',
  'binary-leb128.wast:120',
  'binary-leb128.wast:133',
  'binary-leb128.wast:146',
  'binary-leb128.wast:1002',
  'binary-leb128.wast:1010',
  'binary-leb128.wast:1019',
  'binary-leb128.wast:1030',
  'binary-leb128.wast:1038',
  'binary-leb128.wast:1047',
  'binary-leb128.wast:1056',
  'binary0.wast:2',
  'binary0.wast:8',
  'binary0.wast:36',
  'float_literals.wast:224',
]);

const dir = suiteDir();
const cases: BinaryCase[] = walk(dir).flatMap((f) => binaryCases(relative(dir, f), readFileSync(f, 'utf8')));

describe('spec testsuite binary modules', () => {
  it('finds the binary modules of the suite', () => {
    expect(cases.length).toBeGreaterThan(1000);
  });

  it('decodes or rejects each exactly as the suite expects', () => {
    const failures: string[] = [];
    let malformed = 0;
    let identical = 0;
    let nonCanonical = 0;
    for (const c of cases) {
      const where = `${c.file}:${c.line}`;
      try {
        const m = decode(c.bytes, { features: featuresFor(c.file) });
        if (c.expect === 'malformed') {
          failures.push(`${where}: decoded, expected "${c.message}"`);
          continue;
        }
        const again = encode(m);
        if (!sameBytes(again, c.bytes)) {
          // Only inputs that spell numbers with more LEB128 bytes than needed may
          // differ; their shortest-form encoding must then be a fixpoint.
          if (!NON_CANONICAL.has(`${c.file}:${c.line}`)) failures.push(`${where}: re-encoding differs`);
          else if (!sameBytes(encode(decode(again, { features: featuresFor(c.file) })), again)) failures.push(`${where}: no fixpoint`);
          else nonCanonical++;
        } else {
          identical++;
        }
      } catch (e) {
        if (!(e instanceof CompileError)) {
          failures.push(`${where}: threw ${String(e)}`);
        } else if (c.expect !== 'malformed') {
          failures.push(`${where}: ${e.message}`);
        } else if (!e.message.startsWith(c.message)) {
          failures.push(`${where}: "${e.message}", expected "${c.message}"`);
        } else {
          malformed++;
        }
      }
    }
    if (process.env.DUMP) writeFileSync(process.env.DUMP, failures.join("\n"));
    console.log(`binary modules: ${cases.length}, malformed rejected as expected: ${malformed}, `
      + `re-encoded identically: ${identical}, non-minimal LEB128 inputs re-encoded to a fixpoint: ${nonCanonical}, failures: ${failures.length}`);
    expect(failures).toEqual([]);
  });
});

/** Proposals a suite file needs: those of its folder. */
function featuresFor(file: string) {
  return {
    customPageSizes: file.includes('custom-page-sizes'),
    customDescriptors: file.includes('custom-descriptors'),
    wideArithmetic: file.includes('wide-arithmetic'),
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
