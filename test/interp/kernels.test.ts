/**
 * Differential test: every benchmark kernel (bench/kernels) run by the
 * interpreter at its small n must give the checksum Node's native
 * WebAssembly gave (recorded in kernels.json).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decode } from '../../src/decoder/index.js';
import { instantiate, invoke, type FuncInst } from '../../src/interp/index.js';

interface Kernel {
  name: string; file: string; export: string; resultType: 'i32' | 'i64'; smallN: number;
  smallExpected: number | string;
}
const dir = new URL('../../bench/kernels/', import.meta.url);
const { kernels } = JSON.parse(readFileSync(new URL('kernels.json', dir), 'utf8')) as { kernels: Kernel[] };

describe('benchmark kernels (small n) match native checksums', () => {
  for (const k of kernels) {
    it(k.name, () => {
      const inst = instantiate(decode(readFileSync(new URL(k.file, dir))), {});
      const [r] = invoke(inst.exports[k.export] as FuncInst, [k.smallN]);
      if (k.resultType === 'i64') expect(String(r)).toBe(k.smallExpected);
      else expect(r).toBe(k.smallExpected);
    });
  }
});
