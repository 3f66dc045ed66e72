/**
 * The JS API's behaviour, object by object, on tswasm's namespace — each
 * checked against Node's native WebAssembly where both can run the module.
 */
import { describe, expect, it } from 'vitest';
import { WebAssembly as W, parseWat, installWebAssembly } from '../../src/index.js';
import { CompileError, LinkError, RuntimeError } from '../../src/errors.js';

const N = globalThis.WebAssembly;
type Exports = Record<string, any>;

const wat = (s: string) => parseWat(s) as Uint8Array<ArrayBuffer>;

function both(bytes: Uint8Array<ArrayBuffer>, imports?: object): [Exports, Exports] {
  const a = new W.Instance(new W.Module(bytes), imports).exports;
  const b = new N.Instance(new N.Module(bytes), imports as WebAssembly.Imports).exports;
  return [a, b];
}

describe('errors', () => {
  it('are Error subclasses with the right names, constructible by user code', () => {
    for (const [C, name] of [[W.CompileError, 'CompileError'], [W.LinkError, 'LinkError'], [W.RuntimeError, 'RuntimeError']] as const) {
      const e = new C('boom');
      expect(e).toBeInstanceOf(Error);
      expect(e.name).toBe(name);
      expect(e.message).toBe('boom');
      expect(String(e)).toBe(`${name}: boom`);
    }
    expect(W.CompileError).toBe(CompileError);
    expect(W.LinkError).toBe(LinkError);
    expect(W.RuntimeError).toBe(RuntimeError);
  });

  it('traps are RuntimeErrors with the spec message', () => {
    const [a] = both(wat('(module (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1))))'));
    expect(() => a.div(7, 0)).toThrow(RuntimeError);
    expect(() => a.div(7, 0)).toThrow(/integer divide by zero/);
  });

  it('deep recursion is "call stack exhausted", and the engine keeps working', () => {
    const [a] = both(wat('(module (func $f (export "f") (param i32) (result i32) (call $f (local.get 0))) (func (export "ok") (result i32) (i32.const 1)))'));
    expect(() => a.f(0)).toThrow(RuntimeError);
    expect(() => a.f(0)).toThrow(/call stack exhausted/);
    expect(a.ok()).toBe(1);
  });
});

describe('Module', () => {
  const bytes = wat(`(module
    (import "env" "f" (func (param i32)))
    (import "env" "m" (memory 1))
    (import "env" "t" (table 1 funcref))
    (import "env" "g" (global i32))
    (func (export "run"))
    (export "mem" (memory 0))
    (global (export "gl") (mut i64) (i64.const 5))
    (table (export "tab") 2 externref))`);

  it('reflects imports and exports like native', () => {
    const a = new W.Module(bytes);
    const b = new N.Module(bytes);
    expect(W.Module.imports(a)).toEqual(N.Module.imports(b));
    expect(W.Module.exports(a)).toEqual(N.Module.exports(b));
  });

  it('returns copies of custom sections', () => {
    const withCustom = new Uint8Array([...bytes, 0, 6, 3, 0x61, 0x62, 0x63, 1, 2]) as Uint8Array<ArrayBuffer>;
    const a = W.Module.customSections(new W.Module(withCustom), 'abc');
    const b = N.Module.customSections(new N.Module(withCustom), 'abc');
    expect(a.map((x) => [...new Uint8Array(x)])).toEqual(b.map((x) => [...new Uint8Array(x)]));
    expect(W.Module.customSections(new W.Module(withCustom), 'zzz')).toEqual([]);
  });

  it('rejects bad bytes with CompileError, and non-buffers with TypeError', () => {
    expect(() => new W.Module(new Uint8Array([0, 1, 2]))).toThrow(CompileError);
    expect(() => new W.Module('nope' as never)).toThrow(TypeError);
    expect(W.validate(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]))).toBe(true);
    expect(W.validate(new Uint8Array([0, 0x61, 0x73, 0x6d, 2, 0, 0, 0]))).toBe(false);
    expect(() => W.validate(42 as never)).toThrow(TypeError);
  });

  it('refuses a SIMD module at compile time, naming the feature', async () => {
    const simd = wat('(module (func (export "f") (result v128) (v128.const i32x4 1 2 3 4)))');
    expect(N.validate(simd)).toBe(true);
    expect(W.validate(simd)).toBe(false);
    expect(() => new W.Module(simd)).toThrow(/simd/);
    await expect(W.compile(simd)).rejects.toThrow(CompileError);
  });
});

describe('Instance', () => {
  it('exports a frozen, null-prototype object; functions have length and name', () => {
    const { exports } = new W.Instance(new W.Module(wat('(module (func) (func (export "f") (param i32 i64) (result i32) (i32.const 3)))')));
    expect(Object.getPrototypeOf(exports)).toBe(null);
    expect(Object.isFrozen(exports)).toBe(true);
    const f = exports.f as Function;
    expect(f.length).toBe(2);
    expect(f.name).toBe('1');
    expect(exports.f).toBe(exports.f);
  });

  it('converts values as the JS API says (i64 ↔ BigInt, f32 rounding, ToInt32)', () => {
    const bytes = wat(`(module
      (func (export "i64") (param i64) (result i64) (i64.add (local.get 0) (i64.const 1)))
      (func (export "f32") (param f32) (result f32) (local.get 0))
      (func (export "i32") (param i32) (result i32) (local.get 0))
      (func (export "multi") (result i32 i64 f64) (i32.const 1) (i64.const 2) (f64.const 3.5)))`);
    const [a, b] = both(bytes);
    for (const v of [0n, -1n, 2n ** 63n - 1n, 5n]) expect(a.i64(v)).toBe(b.i64(v));
    expect(() => a.i64(5)).toThrow(TypeError);
    expect(a.i64('7')).toBe(8n);
    for (const v of [0.1, 1e40, -0, NaN, 16777217]) expect(Object.is(a.f32(v), b.f32(v))).toBe(true);
    for (const v of [2 ** 32 + 5, -1.9, '12', true, undefined]) expect(a.i32(v)).toBe(b.i32(v));
    expect(() => a.i32(1n)).toThrow(TypeError);
    expect(a.multi()).toEqual(b.multi());
  });

  it('keeps externref identity and round-trips funcrefs', () => {
    const bytes = wat(`(module
      (table $t (export "t") 2 funcref)
      (func $g (export "g") (result i32) (i32.const 42))
      (elem (i32.const 0) $g)
      (func (export "id") (param externref) (result externref) (local.get 0))
      (func (export "get") (param i32) (result funcref) (table.get $t (local.get 0))))`);
    const [a] = both(bytes);
    const o = { x: 1 };
    expect(a.id(o)).toBe(o);
    expect(a.id(undefined)).toBe(undefined);
    expect(a.id(null)).toBe(null);
    expect(a.get(0)).toBe(a.g);
    expect(a.get(1)).toBe(null);
    expect((a.t as InstanceType<typeof W.Table>).get(0)).toBe(a.g);
  });

  it('v128 at the boundary is a TypeError at call time', () => {
    const bytes = wat('(module (func (export "f") (param v128)))');
    expect(N.validate(bytes)).toBe(true);
    // tswasm refuses SIMD modules at compile time for now (see above).
    expect(() => new W.Module(bytes)).toThrow(CompileError);
  });

  it('links imports by the JS API rules', () => {
    const bytes = wat('(module (import "env" "f" (func (param i32) (result i32))) (func (export "g") (param i32) (result i32) (call 0 (local.get 0))))');
    const m = new W.Module(bytes);
    expect(() => new W.Instance(m)).toThrow(TypeError);
    expect(() => new W.Instance(m, {})).toThrow(TypeError);
    expect(() => new W.Instance(m, { env: {} })).toThrow(LinkError);
    expect(() => new W.Instance(m, { env: { f: 1 } })).toThrow(LinkError);
    const seen: unknown[] = [];
    const { exports } = new W.Instance(m, { env: { f: (x: number) => { seen.push(x); return x * 2; } } });
    expect((exports.g as Function)(21)).toBe(42);
    expect(seen).toEqual([21]);
    // A wasm function imported into another instance keeps its identity and type check.
    const other = wat('(module (import "env" "f" (func (param i64))))');
    expect(() => new W.Instance(new W.Module(other), { env: { f: exports.g } })).toThrow(LinkError);
  });

  it('host exceptions pass through wasm unchanged', () => {
    const bytes = wat('(module (import "env" "f" (func)) (func (export "g") (call 0)))');
    const err = new Error('from host');
    const { exports } = new W.Instance(new W.Module(bytes), { env: { f: () => { throw err; } } });
    expect(() => (exports.g as Function)()).toThrow(err);
  });
});

describe('Memory', () => {
  it('grows, replaces and detaches its buffer', () => {
    const mem = new W.Memory({ initial: 1, maximum: 3 });
    const b0 = mem.buffer;
    expect(b0.byteLength).toBe(65536);
    new Uint8Array(b0)[10] = 7;
    expect(mem.grow(1)).toBe(1);
    const b1 = mem.buffer;
    expect(b1).not.toBe(b0);
    expect(b1.byteLength).toBe(131072);
    expect(new Uint8Array(b1)[10]).toBe(7);
    expect(b0.byteLength).toBe(0); // detached
    expect(() => mem.grow(5)).toThrow(RangeError);
  });

  it('is shared with wasm code that grows it', () => {
    const bytes = wat('(module (import "env" "m" (memory 1)) (func (export "grow") (result i32) (memory.grow (i32.const 1))) (func (export "size") (result i32) (memory.size)))');
    const mem = new W.Memory({ initial: 1 });
    const { exports } = new W.Instance(new W.Module(bytes), { env: { m: mem } });
    expect((exports.grow as Function)()).toBe(1);
    expect(mem.buffer.byteLength).toBe(2 * 65536);
    expect(mem.grow(1)).toBe(2);
    expect((exports.size as Function)()).toBe(3);
  });

  it('checks its descriptor', () => {
    expect(() => new W.Memory({} as never)).toThrow(TypeError);
    expect(() => new W.Memory({ initial: 2, maximum: 1 })).toThrow(RangeError);
    expect(() => (W.Memory as unknown as () => void)()).toThrow(TypeError);
  });
});

describe('Table and Global', () => {
  it('Table get/set/grow/length', () => {
    const t = new W.Table({ element: 'externref', initial: 2 }, 'x');
    expect(t.length).toBe(2);
    expect(t.get(0)).toBe('x');
    t.set(1, 42);
    expect(t.get(1)).toBe(42);
    expect(t.grow(2)).toBe(2);
    expect(t.get(3)).toBe(undefined);
    expect(() => t.get(9)).toThrow(RangeError);
    const f = new W.Table({ element: 'anyfunc', initial: 1 });
    expect(f.get(0)).toBe(null);
    expect(() => f.set(0, () => 1)).toThrow(TypeError);
  });

  it('Global value, valueOf and mutability', () => {
    const g = new W.Global({ value: 'i64', mutable: true }, 5n);
    expect(g.value).toBe(5n);
    g.value = 7n;
    expect(g.valueOf()).toBe(7n);
    const c = new W.Global({ value: 'f32' }, 0.1);
    expect(c.value).toBe(Math.fround(0.1));
    expect(() => { c.value = 1; }).toThrow(TypeError);
    const bytes = wat('(module (import "env" "g" (global (mut i64))) (func (export "inc") (global.set 0 (i64.add (global.get 0) (i64.const 1)))))');
    const { exports } = new W.Instance(new W.Module(bytes), { env: { g } });
    (exports.inc as Function)();
    expect(g.value).toBe(8n);
    expect(() => new W.Instance(new W.Module(bytes), { env: { g: 1n } })).toThrow(LinkError);
  });

  it('Tag and Exception carry their payload', () => {
    const tag = new W.Tag({ parameters: ['i32', 'f64'] });
    const e = new W.Exception(tag, [1, 2.5]);
    expect(e.is(tag)).toBe(true);
    expect(e.getArg(tag, 1)).toBe(2.5);
    expect(() => e.getArg(new W.Tag({ parameters: [] }), 0)).toThrow(TypeError);
    expect(() => new W.Exception(tag, [1])).toThrow(TypeError);
  });
});

describe('namespace', () => {
  it('has the native shape', () => {
    for (const k of Object.getOwnPropertyNames(N)) {
      if (k === 'JSTag' || k === 'Suspending' || k === 'promising') continue;
      expect(Object.getOwnPropertyNames(W)).toContain(k);
    }
    expect(Object.prototype.toString.call(W)).toBe('[object WebAssembly]');
  });

  it('instantiate has both overloads; compileStreaming reads a Response', async () => {
    const bytes = wat('(module (func (export "f") (result i32) (i32.const 9)))');
    const { module, instance } = (await W.instantiate(bytes)) as { module: unknown; instance: { exports: Exports } };
    expect(instance.exports.f()).toBe(9);
    const inst2 = (await W.instantiate(module)) as { exports: Exports };
    expect(inst2.exports.f()).toBe(9);
    const res = new Response(bytes, { headers: { 'Content-Type': 'application/wasm' } });
    const r = await W.instantiateStreaming(res);
    expect((r.instance.exports.f as Function)()).toBe(9);
    await expect(W.compileStreaming(new Response(bytes))).rejects.toThrow(TypeError);
    await expect(W.instantiate(new Uint8Array([1, 2, 3]))).rejects.toThrow(CompileError);
  });

  it('installWebAssembly only replaces an existing namespace when forced', () => {
    expect(installWebAssembly()).toBe(false);
    expect(globalThis.WebAssembly).toBe(N);
  });
});
