/**
 * The validator's public API: validateModule / validate / the streaming
 * hooks, error messages with function index and offset, and ModuleInfo
 * (index spaces, canonical type ids across modules).
 */
import { describe, expect, it } from 'vitest';
import { emptyModule } from '../../src/ast/module.js';
import { F64, FUNCREF, I32, I64, refType } from '../../src/ast/types.js';
import { ModuleDecoder, decode } from '../../src/decoder/index.js';
import { encode } from '../../src/encoder/index.js';
import { CompileError } from '../../src/errors.js';
import { createStreamingValidator, isCanonicalSubtype, validate, validateModule } from '../../src/validator/index.js';
import { addRec, bytes, funcType, oneFunc, sub } from './build.js';

const END = 0x0b;

describe('validateModule', () => {
  it('throws CompileError with the suite text, function index and offset', () => {
    const m = oneFunc([], [I32], bytes(0x42, 0, END)); // i64.const 0 in a function returning i32
    const bin = encode(m);
    const sv = createStreamingValidator();
    let err: unknown;
    try { sv.finish(decode(bin, sv)); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(CompileError);
    const e = err as CompileError;
    expect(e.message).toMatch(/^type mismatch: instruction requires \[i32\] but stack has \[i64\] @ func 0 offset \d+$/);
    expect(bin[e.offset]).toBe(END);
  });

  it('reports uninitialized non-defaultable locals and undeclared function references', () => {
    const nonNull = refType(false, 0);
    const m = oneFunc([], [], bytes(0x20, 0, 0x1a, END), [{ count: 1, type: nonNull }]);
    expect(() => validateModule(m)).toThrow(/^uninitialized local/);
    const r = oneFunc([], [], bytes(0xd2, 0, 0x1a, END));
    expect(() => validateModule(r)).toThrow(/^undeclared function reference 0/);
    r.exports.push({ name: 'f', kind: 0, index: 0 });
    expect(() => validateModule(r)).not.toThrow();
  });

  it('resets local initialization at the end of a block', () => {
    const nonNull = refType(false, 0);
    // block (ref.func 0) local.set 0 end local.get 0 drop
    const m = oneFunc([], [], bytes(0x02, 0x40, 0xd2, 0, 0x21, 0, END, 0x20, 0, 0x1a, END), [{ count: 1, type: nonNull }]);
    m.exports.push({ name: 'f', kind: 0, index: 0 });
    expect(() => validateModule(m)).toThrow(/^uninitialized local/);
  });

  it('returns ModuleInfo with resolved index spaces', () => {
    const m = emptyModule();
    addRec(m, [funcType([I32], [I64])]);
    m.imports.push({ module: 'env', name: 'f', desc: { kind: 'func', type: 0 } });
    m.imports.push({ module: 'env', name: 'g', desc: { kind: 'global', type: { type: F64, mutable: true } } });
    m.funcTypes.push(0);
    m.funcs.push({ type: 0, locals: [], body: bytes(0x20, 0, 0x10, 0, END), bodyOffset: 0 });
    m.tables.push({ type: { elem: FUNCREF, limits: { min: 1n, max: null }, addr64: false }, init: null });
    const info = validateModule(m);
    expect(info.funcs).toEqual([0, 0]);
    expect(info.numImportedFuncs).toBe(1);
    expect(info.globals.map((g) => g.type)).toEqual([F64]);
    expect(Array.from(info.params[0]!)).toEqual([I32]);
    expect(Array.from(info.results[0]!)).toEqual([I64]);
    expect(info.tables.length).toBe(1);
  });
});

describe('canonical type ids', () => {
  it('are equal for equivalent rec groups of different modules, distinct otherwise', () => {
    const a = emptyModule();
    addRec(a, [funcType([I32], [])]);
    addRec(a, [sub({ kind: 'struct', fields: [{ type: refType(true, 2), mutable: false }] }), sub({ kind: 'struct', fields: [{ type: refType(true, 1), mutable: true }] })]);
    const b = emptyModule();
    addRec(b, [funcType([I64], [])]);
    addRec(b, [funcType([I32], [])]);
    addRec(b, [sub({ kind: 'struct', fields: [{ type: refType(true, 3), mutable: false }] }), sub({ kind: 'struct', fields: [{ type: refType(true, 2), mutable: true }] })]);
    const ia = validateModule(a);
    const ib = validateModule(b);
    expect(ia.canon[0]).toBe(ib.canon[1]);
    expect(ia.canon[0]).not.toBe(ib.canon[0]);
    expect(ia.canon[1]).toBe(ib.canon[2]);
    expect(ia.canon[2]).toBe(ib.canon[3]);
    expect(ia.canon[1]).not.toBe(ia.canon[2]);
  });

  it('record declared supertypes for runtime subtype checks', () => {
    const m = emptyModule();
    addRec(m, [sub({ kind: 'struct', fields: [] }, [], false)]);
    addRec(m, [sub({ kind: 'struct', fields: [{ type: I32, mutable: false }] }, [0], false)]);
    const info = validateModule(m);
    expect(isCanonicalSubtype(info.canon[1]!, info.canon[0]!)).toBe(true);
    expect(isCanonicalSubtype(info.canon[0]!, info.canon[1]!)).toBe(false);
  });
});

describe('streaming validation', () => {
  it('validates bodies while chunks arrive and reports an invalid body before the end', () => {
    const m = emptyModule();
    addRec(m, [funcType([], [])]);
    for (let i = 0; i < 50; i++) {
      m.funcTypes.push(0);
      const body = i === 10 ? bytes(0x41, 0, END) : bytes(0x01, END);
      m.funcs.push({ type: 0, locals: [], body, bodyOffset: 0 });
    }
    const bin = encode(m);
    const sv = createStreamingValidator();
    const d = new ModuleDecoder(sv);
    let thrownAt = -1;
    for (let i = 0; i < bin.length; i += 7) {
      try {
        d.push(bin.subarray(i, Math.min(bin.length, i + 7)));
      } catch (e) {
        expect(e).toBeInstanceOf(CompileError);
        expect((e as Error).message).toMatch(/^type mismatch: block requires \[\] but stack has \[i32\] @ func 10 /);
        thrownAt = i;
        break;
      }
    }
    expect(thrownAt).toBeGreaterThan(0);
    expect(thrownAt).toBeLessThan(bin.length - 50);
  });

  it('validate() never throws on garbage', () => {
    expect(validate(new Uint8Array([1, 2, 3]))).toBe(false);
    expect(validate(encode(oneFunc([], [], bytes(END))))).toBe(true);
  });
});

describe('earlier-version switches', () => {
  it('refuses a second memory or table only when multiMemory / multiTable are off', async () => {
    const { parseWat } = await import('../../src/text/index.js');
    const mems = parseWat('(module (memory (import "m" "mem") 0) (memory 0))');
    const tabs = parseWat('(module (table 0 funcref) (table 0 externref))');
    expect(validate(mems)).toBe(true);
    expect(validate(tabs)).toBe(true);
    expect(validate(mems, { multiMemory: false })).toBe(false);
    expect(validate(tabs, { multiTable: false })).toBe(false);
    expect(() => validateModule(decode(mems), { multiMemory: false })).toThrow(/^multiple memories/);
    expect(() => validateModule(decode(tabs), { multiTable: false })).toThrow(/^multiple tables/);
    expect(validate(parseWat('(module (memory 1) (table 1 funcref))'), { multiMemory: false, multiTable: false })).toBe(true);
  });

  it('reads limits as u32 and refuses 64-bit address types when memory64 is off', async () => {
    const { parseWat, parseWatModule } = await import('../../src/text/index.js');
    expect(() => parseWatModule('(module (memory 0x1_0000_0000))', { memory64: false })).toThrow(/^i32 constant out of range/);
    expect(() => parseWatModule('(module (memory i64 1))', { memory64: false })).toThrow(/^unexpected token/);
    expect(parseWatModule('(module (memory 1 0xffff_ffff))', { memory64: false }).memories[0]!.limits.max).toBe(0xffffffffn);
    const mem64 = parseWat('(module (memory i64 1))');
    const tab64 = parseWat('(module (table i64 1 funcref))');
    expect(validate(mem64)).toBe(true);
    expect(validate(mem64, { memory64: false })).toBe(false);
    expect(validate(tab64, { memory64: false })).toBe(false);
    expect(() => decode(mem64, { features: { memory64: false } })).toThrow(/^malformed limits flags/);
  });
});

describe('the package entry', () => {
  it('validate/validateOrThrow judge validity alone; WebAssembly.validate also asks whether tswasm can execute', async () => {
    const top = await import('../../src/index.js');
    const { parseWat } = await import('../../src/text/index.js');
    const simd = parseWat('(module (func (result v128) v128.const i64x2 1 2))');
    expect(top.validate(simd)).toBe(true);
    expect(top.validate(new Uint8Array(simd).buffer)).toBe(true);
    expect(top.WebAssembly.validate(simd)).toBe(false);
    const bad = parseWat('(module (func (result i32) i64.const 0))');
    expect(top.validate(bad)).toBe(false);
    expect(() => top.validateOrThrow(bad)).toThrow(/^type mismatch: .* @ func 0 offset \d+$/);
    expect(() => top.validateOrThrow(simd)).not.toThrow();
  });
});

describe('error offsets in constant expressions', () => {
  it('count from the module\'s first byte, also when the bytes are a view at an offset or arrive in chunks', async () => {
    const { parseWat, parseWatModule } = await import('../../src/text/index.js');
    const { ModuleDecoder } = await import('../../src/decoder/index.js');
    for (const src of ['(module (global i32 (i64.const 0)))', '(module (memory 1) (data (i64.const 0) "x"))',
      '(module (table 1 funcref) (elem (i64.const 0) func))']) {
      const b = parseWat(src);
      const at = (bytes: Uint8Array): number => {
        try { validateOrThrowBytes(bytes); } catch (e) { return (e as CompileError).offset; }
        return -2;
      };
      const plain = at(b);
      expect(b[plain]).toBe(END); // the `end` of `i64.const 0 end`, where the type is checked
      const padded = new Uint8Array(b.length + 13);
      padded.set(b, 13);
      expect(at(padded.subarray(13))).toBe(plain);
      // streamed in two chunks: the second lands in a new buffer
      let streamed = -2;
      try {
        const sv = createStreamingValidator();
        const d = new ModuleDecoder(sv);
        d.push(b.slice(0, 9));
        d.push(b.slice(9));
        sv.finish(d.finish());
      } catch (e) {
        streamed = (e as CompileError).offset;
      }
      expect(streamed).toBe(plain);
      // a module built as an AST has no byte offsets
      let e: unknown;
      try { validateModule(parseWatModule(src)); } catch (x) { e = x; }
      expect((e as CompileError).offset).toBe(-1);
    }
  });
});

function validateOrThrowBytes(bytes: Uint8Array): void {
  const sv = createStreamingValidator();
  sv.finish(decode(bytes, sv));
}
