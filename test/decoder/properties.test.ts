/**
 * Properties of the decoder and encoder:
 * - encoding then decoding a generated module gives it back (and the bytes are a fixpoint);
 * - every instruction of the opcode table round-trips through writeInstr/readInstr;
 * - arbitrary, truncated and mutated bytes give a module or a CompileError — nothing else.
 * Case counts scale with FUZZ_RUNS (default a few thousand in total for `npm test`).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { decode, ModuleDecoder, Reader, readInstr } from '../../src/decoder/index.js';
import { encode, writeInstr, Writer } from '../../src/encoder/index.js';
import { CompileError } from '../../src/errors.js';
import { instr } from '../../src/ast/instr.js';
import { arbFlatInstr, arbModule } from './arbitraries.js';
import type { Module } from '../../src/ast/module.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

/** A comparable view of a module (bytes as arrays, bigints as strings, decoder-only fields dropped). */
function normal(m: Module): unknown {
  // A custom section's `after` names the last *present* section before it, so it is compared through the bytes only.
  return JSON.parse(JSON.stringify({
    ...m, sections: null, names: null, funcs: m.funcs.map((f) => ({ ...f, bodyOffset: 0, localsSize: undefined })),
    customs: m.customs.map((c) => ({ ...c, after: 0 })),
  },
    (_k, v) => (typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? Array.from(v) : v)));
}

function decodesOrCompileError(bytes: Uint8Array): void {
  try {
    decode(bytes, { features: { customPageSizes: true, customDescriptors: true, wideArithmetic: true } });
  } catch (e) {
    if (!(e instanceof CompileError)) throw new Error(`non-CompileError: ${String(e)}`);
    expect(e.offset).toBeGreaterThanOrEqual(0);
    expect(e.offset).toBeLessThanOrEqual(bytes.length);
  }
}

describe('decoder/encoder properties', () => {
  it('decode(encode(m)) is m, and the bytes are a fixpoint', () => {
    fc.assert(fc.property(arbModule, (m) => {
      const bytes = encode(m);
      const back = decode(bytes);
      expect(normal(back)).toEqual(normal(m));
      expect(encode(back)).toEqual(bytes);
    }), { numRuns: RUNS });
  });

  it('every instruction round-trips through writeInstr and readInstr', () => {
    fc.assert(fc.property(arbFlatInstr, (ins) => {
      const w = new Writer();
      writeInstr(w, ins);
      const bytes = w.finish();
      const r = new Reader(bytes);
      const out = instr(0);
      readInstr(r, out);
      expect(r.pos).toBe(bytes.length);
      const w2 = new Writer();
      writeInstr(w2, out);
      expect(w2.finish()).toEqual(bytes);
      expect(out.op).toBe(ins.op);
    }), { numRuns: RUNS * 5 });
  });

  it('streaming in random chunks gives the same module as one buffer', () => {
    fc.assert(fc.property(arbModule, fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 20 }), (m, cuts) => {
      const bytes = encode(m);
      const d = new ModuleDecoder();
      let pos = 0;
      for (let k = 0; pos < bytes.length; k++) {
        const n = cuts[k % cuts.length]!;
        d.push(bytes.slice(pos, pos + n));
        pos += n;
      }
      expect(normal(d.finish())).toEqual(normal(decode(bytes)));
    }), { numRuns: RUNS / 4 });
  });

  it('arbitrary bytes after a valid header give a module or a CompileError', () => {
    const header = Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (tail, withHeader) => {
      const bytes = withHeader ? new Uint8Array([...header, ...tail]) : tail;
      decodesOrCompileError(bytes);
    }), { numRuns: RUNS * 2 });
  });

  it('mutated and truncated modules give a module or a CompileError', () => {
    const seeds = ['../../bench/kernels/quicksort.wasm', '../../examples/hello.wasm']
      .map((p) => new Uint8Array(readFileSync(new URL(p, import.meta.url))));
    const arbSeed = fc.oneof(fc.constantFrom(...seeds), arbModule.map(encode));
    fc.assert(fc.property(arbSeed, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), fc.nat(),
      (seed, edits, cut) => {
        const b = seed.slice();
        for (const [at, v] of edits) b[at % b.length] = v;
        decodesOrCompileError(b);
        decodesOrCompileError(b.subarray(0, cut % (b.length + 1)));
      }), { numRuns: RUNS });
  });

  it('a 12-byte module claiming 4 billion functions allocates nothing and fails cleanly', () => {
    const bytes = Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 3, 5, 0xff, 0xff, 0xff, 0xff, 0x0f);
    expect(() => decode(bytes)).toThrow(CompileError);
    const huge = Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0x0a, 6, 0xff, 0xff, 0xff, 0xff, 0x0f, 0);
    expect(() => decode(huge)).toThrow(CompileError);
  });

  it('deeply nested blocks decode without recursion', () => {
    const depth = 100_000;
    const body = new Uint8Array(depth * 2 + depth + 2);
    let p = 0;
    body[p++] = 0; // no locals
    for (let i = 0; i < depth; i++) { body[p++] = 0x02; body[p++] = 0x40; }
    for (let i = 0; i <= depth; i++) body[p++] = 0x0b;
    const w = new Writer();
    w.bytes(Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0));
    const code = new Writer();
    code.u32(1);
    code.u32(p);
    code.bytes(body.subarray(0, p));
    w.u8(10);
    w.sized(code);
    const m = decode(w.finish());
    expect(m.funcs[0]!.body.length).toBe(p - 1);
  });
});
