/**
 * The JS API of exception handling: `WebAssembly.Tag`, `WebAssembly.Exception`,
 * `WebAssembly.JSTag`, and how exceptions cross the JS boundary (identity,
 * JS values thrown by imports, traps). Where Node 20's native WebAssembly can
 * run the module (the legacy try/catch form), results are compared with it.
 */
import { describe, expect, it } from 'vitest';
import { WebAssembly as W, parseWat } from '../../src/index.js';

const N = globalThis.WebAssembly;
type Exports = Record<string, any>;
const wat = (s: string) => parseWat(s) as Uint8Array<ArrayBuffer>;
const inst = (api: typeof W | typeof N, bytes: Uint8Array<ArrayBuffer>, imports: object = {}): Exports =>
  new api.Instance(new api.Module(bytes), imports as WebAssembly.Imports).exports;

describe('WebAssembly.Tag', () => {
  it('has the JS API shape', () => {
    expect(W.Tag.length).toBe(1);
    expect(W.Tag.name).toBe('Tag');
    expect(Object.prototype.toString.call(new W.Tag({ parameters: [] }))).toBe('[object WebAssembly.Tag]');
    expect(() => (W.Tag as unknown as (d: object) => unknown)({ parameters: [] })).toThrow(TypeError);
    for (const bad of [undefined, null, 1, 'x', {}, { parameters: 3 }, { parameters: ['i16'] }]) {
      expect(() => new W.Tag(bad as never)).toThrow(TypeError);
    }
  });

  it('type() reflects the parameters', () => {
    expect(new W.Tag({ parameters: ['i32', 'f64', 'externref', 'anyfunc'] }).type())
      .toEqual({ parameters: ['i32', 'f64', 'externref', 'anyfunc'] });
  });

  it('an exported tag is one object per tag instance; an imported one is passed back unchanged', () => {
    const tag = new W.Tag({ parameters: ['i32'] });
    const e = inst(W, wat(`(module (import "m" "t" (tag $t (param i32))) (tag $own (param i64))
      (export "t" (tag $t)) (export "own" (tag $own)) (export "own2" (tag $own)))`), { m: { t: tag } });
    expect(e.t).toBe(tag);
    expect(e.own).toBe(e.own2);
    expect(e.own).toBeInstanceOf(W.Tag);
    expect(e.own.type()).toEqual({ parameters: ['i64'] });
  });

  it('imports match by type', () => {
    const bytes = wat(`(module (import "m" "t" (tag (param i32))))`);
    expect(() => inst(W, bytes, { m: { t: new W.Tag({ parameters: ['i64'] }) } })).toThrow(W.LinkError);
    expect(() => inst(W, bytes, { m: { t: {} } })).toThrow(W.LinkError);
  });
});

describe('WebAssembly.Exception', () => {
  it('has the JS API shape', () => {
    const tag = new W.Tag({ parameters: ['i32', 'i64'] });
    const exn = new W.Exception(tag, [7, 8n]);
    expect(W.Exception.length).toBe(2);
    expect(Object.prototype.toString.call(exn)).toBe('[object WebAssembly.Exception]');
    expect(exn.is(tag)).toBe(true);
    expect(exn.is(new W.Tag({ parameters: ['i32', 'i64'] }))).toBe(false);
    expect(exn.getArg(tag, 0)).toBe(7);
    expect(exn.getArg(tag, 1)).toBe(8n);
    expect(() => exn.getArg(tag, 2)).toThrow(RangeError);
    expect(() => exn.getArg(new W.Tag({ parameters: [] }), 0)).toThrow(TypeError);
    expect(() => new W.Exception(tag, [1])).toThrow(TypeError);
    expect(() => new W.Exception(tag, [1, 2])).toThrow(TypeError); // 2 is no BigInt
    expect('stack' in exn).toBe(false);
    expect(typeof new W.Exception(tag, [1, 2n], { traceStack: true }).stack).toBe('string');
  });

  it('cannot be made with JSTag', () => {
    expect(() => new W.Exception(W.JSTag, [{}])).toThrow(TypeError);
    expect(W.JSTag).toBeInstanceOf(W.Tag);
    expect(W.JSTag.type()).toEqual({ parameters: ['externref'] });
  });
});

describe('exceptions across the boundary', () => {
  // The legacy form runs natively on Node 20 too: tswasm must do what V8 does.
  const legacy = wat(`(module
    (import "m" "tag" (tag $t (param i32)))
    (import "m" "f" (func $f))
    (tag $own (export "own") (param f64))
    (func (export "throw_own") (param f64) (throw $own (local.get 0)))
    (func (export "catch_payload") (result i32) (try (result i32) (do (call $f) (i32.const -1)) (catch $t)))
    (func (export "rethrow_all") (try (do (call $f)) (catch_all (rethrow 0)))))`);

  it('wasm exceptions reach JS as WebAssembly.Exception, the same object each time they cross', () => {
    for (const api of [W, N]) {
      const tag = new api.Tag({ parameters: ['i32'] });
      let thrown: unknown = null;
      const e = inst(api, legacy, { m: { tag, f: () => { throw thrown; } } });
      let caught: any = null;
      try {
        e.throw_own(2.5);
      } catch (x) {
        caught = x;
      }
      expect(caught).toBeInstanceOf(api.Exception);
      expect(caught.is(e.own)).toBe(true);
      expect(caught.getArg(e.own, 0)).toBe(2.5);
      // A JS-made exception of an imported tag is caught by payload, and rethrown as itself.
      thrown = new api.Exception(tag, [41]);
      expect(e.catch_payload()).toBe(41);
      expect(() => e.rethrow_all()).toThrow(expect.objectContaining({}));
      try {
        e.rethrow_all();
      } catch (x) {
        expect(x).toBe(thrown);
      }
      // A plain JS error thrown by an import is caught by catch_all and rethrown as the same value.
      thrown = new TypeError('from JS');
      try {
        e.rethrow_all();
      } catch (x) {
        expect(x).toBe(thrown);
      }
      // ... and not by `catch $t`.
      expect(() => e.catch_payload()).toThrow(thrown as Error);
    }
  });

  it('JS values thrown by imports are caught by catch of JSTag and by catch_all_ref, and leave as themselves', () => {
    const e = inst(W, wat(`(module
      (import "m" "js" (tag $js (param externref)))
      (import "m" "f" (func $f (param externref)))
      (func (export "catch_js") (param externref) (result externref)
        (block $h (result externref) (try_table (catch $js $h) (call $f (local.get 0))) (ref.null extern)))
      (func (export "rethrow") (param externref)
        (block $h (result exnref) (try_table (catch_all_ref $h) (call $f (local.get 0))) (return))
        (throw_ref))
      (func (export "throw_js") (param externref) (throw $js (local.get 0))))`),
    { m: { js: W.JSTag, f: (x: unknown) => { throw x; } } });
    const obj = { a: 1 };
    expect(e.catch_js(obj)).toBe(obj);
    expect(e.catch_js(42)).toBe(42);
    try {
      e.rethrow(obj);
      expect.unreachable();
    } catch (x) {
      expect(x).toBe(obj);
    }
    // A wasm throw with JSTag reaches JS as the value itself.
    try {
      e.throw_js(obj);
      expect.unreachable();
    } catch (x) {
      expect(x).toBe(obj);
    }
    // A WebAssembly.Exception of another tag passes `catch $js` by.
    const other = new W.Exception(new W.Tag({ parameters: [] }), []);
    expect(() => e.catch_js(other)).toThrow(expect.objectContaining({}));
    try {
      e.catch_js(other);
    } catch (x) {
      expect(x).toBe(other);
    }
  });

  it('an exception keeps its identity through wasm → JS → wasm → JS', () => {
    const tag = new W.Tag({ parameters: ['i32'] });
    const inner = inst(W, wat(`(module (import "m" "t" (tag $t (param i32)))
      (func (export "raise") (throw $t (i32.const 5))))`), { m: { t: tag } });
    let seen: unknown = null;
    const outer = inst(W, wat(`(module (import "m" "t" (tag $t (param i32))) (import "m" "f" (func $f))
      (func (export "pass")
        (block $h (result i32 exnref) (try_table (catch_ref $t $h) (call $f)) (return))
        (throw_ref) (drop)))`), {
      m: { t: tag, f: () => { try { inner.raise(); } catch (x) { seen = x; throw x; } } },
    });
    try {
      outer.pass();
      expect.unreachable();
    } catch (x) {
      expect(x).toBeInstanceOf(W.Exception);
      expect(x).toBe(seen);
      expect((x as InstanceType<typeof W.Exception>).getArg(tag, 0)).toBe(5);
    }
  });

  it('traps are never caught, even after passing through JS', () => {
    for (const api of [W, N]) {
      const trapper = inst(api, wat(`(module (func (export "trap") (unreachable)))`));
      const e = inst(api, wat(`(module (import "m" "f" (func $f))
        (func (export "guarded") (result i32) (try (result i32) (do (call $f) (i32.const 0)) (catch_all (i32.const 1)))))`),
      { m: { f: () => trapper.trap() } });
      expect(() => e.guarded()).toThrow(api.RuntimeError);
    }
  });

  it('exnref does not cross the boundary', () => {
    const e = inst(W, wat(`(module (func (export "f") (param exnref)) (func (export "g") (result exnref) (ref.null exn)))`));
    expect(() => e.f(null)).toThrow(TypeError);
    expect(() => e.g()).toThrow(TypeError);
  });
});

describe('exceptions out of the start function', () => {
  it('leave new Instance as JS values, as native V8 does', () => {
    for (const api of [W, N]) {
      const err = new TypeError('from the start function');
      const bytes = wat(`(module (import "m" "f" (func $f)) (func $start (call $f)) (start $start))`);
      expect(() => inst(api, bytes, { m: { f: () => { throw err; } } })).toThrow(err);
      const tag = new api.Tag({ parameters: ['i32'] });
      const exn = new api.Exception(tag, [3]);
      try {
        inst(api, bytes, { m: { f: () => { throw exn; } } });
        expect.unreachable();
      } catch (x) {
        expect(x).toBe(exn);
      }
    }
  });
});
