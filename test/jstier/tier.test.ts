/**
 * The compile-to-JS tier's own guarantees: generated source holds nothing
 * from the module (hostile names, custom sections); calls across tiers,
 * instances and tables; the call-depth limit at the interpreter's exact depth,
 * and a host JS stack overflow turned into "call stack exhausted" with the
 * store still usable; fuel charged exactly as the interpreter charges it.
 */
import { describe, expect, it } from 'vitest';
import { parseWat } from '../../src/text/index.js';
import { decode } from '../../src/decoder/index.js';
import { validateModule } from '../../src/validator/index.js';
import {
  FuncInst, Store, TableInst, instantiate, invoke, type Imports, type Instance, type InstantiateOptions,
} from '../../src/interp/index.js';
import { jsTier, sourceOf } from '../../src/jstier/index.js';
import { FUNCREF } from '../../src/ast/types.js';

function load(wat: string, imports: Imports = {}, options: InstantiateOptions = {}): Instance {
  const m = decode(parseWat(wat));
  validateModule(m);
  return instantiate(m, imports, options);
}

const fn = (inst: Instance, name: string): FuncInst => inst.exports[name] as FuncInst;

describe('generated source', () => {
  const hostile = [
    '"); throw new Error("pwned"); ("', "'); globalThis.x = 1; ('", '`${globalThis.x = 1}`', '*/ throw 1; /*',
    '\\u2028 alert(1)', '</script><script>alert(1)</script>', '__proto__', 'constructor', 'l0 = 666',
  ];
  const esc = (s: string): string => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const wat = `(module
    (@custom "${esc(hostile[0]!)}" "${esc(hostile[3]!)} ${esc(hostile[2]!)}")
    (import "${esc(hostile[1]!)}" "${esc(hostile[5]!)}" (func $imp (param i32) (result i32)))
    (memory (export "${esc(hostile[6]!)}") 1)
    (data (i32.const 0) "${esc(hostile[0]!)}")
    (global (export "${esc(hostile[7]!)}") (mut i32) (i32.const 1))
    (func $${'evil'} (export "${esc(hostile[0]!)}") (param i32) (result i32)
      (i32.add (call $imp (local.get 0)) (i32.load8_u (i32.const 3))))
    (func (export "${esc(hostile[4]!)}") (result f64) (f64.const nan:0x4000000000001))
    (func (export "${esc(hostile[8]!)}") (param i64) (result i64) (i64.mul (local.get 0) (i64.const -1))))`;

  it('contains no text from the module, only the translator\'s vocabulary', () => {
    const bytes = parseWat(wat);
    const text = new TextDecoder().decode(bytes);
    for (const h of hostile.slice(0, 6)) expect(text).toContain(h);
    const inst = load(wat, { [hostile[1]!]: { [hostile[5]!]: FuncInst.host({ params: [0x7f], results: [0x7f] }, ([x]) => [x]) } },
      { jit: jsTier });
    const sources = inst.funcs.filter((f) => f.def !== null).map((f) => sourceOf(f)!);
    expect(sources).toHaveLength(3);
    for (const src of sources) {
      // The only quoted text is the directive; everything else is names, numbers and punctuation.
      const body = src.replace(/^"use strict";\n/, '');
      expect(body).not.toMatch(/["'`\\]/);
      expect(body).toMatch(/^[A-Za-z0-9_$\s.,;:(){}[\]=<>!&|^~+\-*/%?]*$/);
      for (const h of hostile) if (!/^l0|^__proto__$|^constructor$/.test(h)) expect(src).not.toContain(h);
      expect(src).not.toContain('evil');
      expect(src).not.toContain('pwned');
    }
    expect(invoke(fn(inst, hostile[0]!), [5])).toEqual([5 + hostile[0]!.charCodeAt(3)]);
    expect(invoke(fn(inst, hostile[8]!), [3n])).toEqual([-3n]);
  });
});

describe('calls across tiers', () => {
  const lib = `(module
    (memory (export "mem") 1) (global (export "g") (mut i32) (i32.const 0))
    (table (export "tab") 4 funcref)
    (func $sq (export "sq") (param i64) (result i64) (i64.mul (local.get 0) (local.get 0)))
    (func $two (export "two") (param f32 f64) (result f64 f32) (local.get 1) (local.get 0))
    (func (export "bump") (global.set 0 (i32.add (global.get 0) (i32.const 1)))
      (i32.store (i32.const 8) (i32.add (i32.load (i32.const 8)) (i32.const 10))))
    (elem (i32.const 0) $sq))`;
  const app = `(module
    (import "lib" "sq" (func $sq (param i64) (result i64)))
    (import "lib" "two" (func $two (param f32 f64) (result f64 f32)))
    (import "lib" "bump" (func $bump))
    (import "lib" "mem" (memory 1)) (import "lib" "g" (global $g (mut i32))) (import "lib" "tab" (table 4 funcref))
    (type $t (func (param i64) (result i64)))
    (func $cube (param i64) (result i64) (i64.mul (local.get 0) (call $sq (local.get 0))))
    (elem (i32.const 1) $cube)
    (func (export "run") (param i64) (result i64 f64 f32 i32 i32)
      (call $bump) (call $bump)
      (call_indirect (type $t) (local.get 0) (i32.const 1))
      (call $two (f32.const nan:0x200001) (f64.const -0))
      (global.get $g) (i32.load (i32.const 8)))
    (func (export "via_table") (param i64 i32) (result i64) (call_indirect (type $t) (local.get 0) (local.get 1))))`;

  for (const [libJit, appJit] of [[null, jsTier], [jsTier, null], [jsTier, jsTier], [null, null]] as const) {
    it(`lib ${libJit ? 'js' : 'interp'}, app ${appJit ? 'js' : 'interp'}: same store, tables, memories and globals shared`, () => {
      const store = new Store();
      const l = load(lib, {}, { store, jit: libJit });
      const a = load(app, { lib: l.exports }, { store, jit: appJit });
      const [x, d, f, g, m] = invoke(fn(a, 'run'), [3n]);
      expect([x, d, g, m]).toEqual([27n, 0x8000000000000000n, 2, 20]);
      expect(f).toBe(0x7fa00001); // a signaling f32 NaN crosses both tiers unchanged
      expect(invoke(fn(a, 'via_table'), [-4n, 0])).toEqual([16n]);
      expect(() => invoke(fn(a, 'via_table'), [1n, 2])).toThrow('uninitialized element 2');
      expect(() => invoke(fn(a, 'via_table'), [1n, 9])).toThrow('undefined element 9');
      expect(fn(a, 'run').js !== null).toBe(appJit !== null);
    });
  }

  it('a table element set from JS (host function) is called from compiled code', () => {
    const a = load(app.replace('(elem (i32.const 1) $cube)', ''), {
      lib: {
        sq: FuncInst.host({ params: [0x7e], results: [0x7e] }, ([v]) => [(v as bigint) * 2n]),
        two: FuncInst.host({ params: [0x7d, 0x7c], results: [0x7c, 0x7d] }, ([p, q]) => [q, p]),
        bump: FuncInst.host({ params: [], results: [] }, () => []),
        mem: load(lib).exports.mem, g: load(lib).exports.g, tab: new TableInst(FUNCREF, 4, null),
      },
    }, { jit: jsTier });
    const t = (a.tables[0] as TableInst);
    t.elements[3] = a.funcs[0]!;
    expect(invoke(fn(a, 'via_table'), [21n, 3])).toEqual([42n]);
  });
});

describe('call depth', () => {
  const rec = `(module (func $r (export "r") (param i32) (result i32)
    (if (result i32) (local.get 0) (then (i32.add (call $r (i32.sub (local.get 0) (i32.const 1))) (i32.const 1))) (else (i32.const 0)))))`;

  it('is exhausted at exactly the interpreter\'s depth', () => {
    for (const depth of [50, 1000]) {
      for (const jit of [null, jsTier]) {
        const inst = load(rec, {}, { maxCallDepth: depth, jit });
        expect(invoke(fn(inst, 'r'), [depth - 1])).toEqual([depth - 1]);
        expect(() => invoke(fn(inst, 'r'), [depth])).toThrow('call stack exhausted');
      }
    }
  });

  it('a host stack smaller than the limit gives "call stack exhausted", and the store stays usable', () => {
    const inst = load(rec, {}, { maxCallDepth: 2_000_000, jit: jsTier });
    let err: unknown;
    try {
      invoke(fn(inst, 'r'), [1_900_000]);
    } catch (e) {
      err = e;
    }
    expect((err as Error).constructor.name).toBe('RuntimeError');
    expect((err as Error).message).toBe('call stack exhausted');
    expect(inst.store.depth).toBe(0);
    expect(invoke(fn(inst, 'r'), [1000])).toEqual([1000]);
  });
});

describe('fuel', () => {
  const loop = `(module (func (export "f") (param i32) (result i32) (local i32)
    (block (loop (br_if 1 (i32.eqz (local.get 0)))
      (local.set 1 (i32.add (local.get 1) (local.get 0)))
      (local.set 0 (i32.sub (local.get 0) (i32.const 1))) (br 0)))
    (local.get 1)))`;

  it('is charged as in the interpreter: same remaining fuel, same trap point', () => {
    const left: number[] = [];
    for (const jit of [null, jsTier]) {
      const inst = load(loop, {}, { fuel: 10_000, jit });
      expect(invoke(fn(inst, 'f'), [100])).toEqual([5050]);
      left.push(inst.store.fuel);
      expect(() => invoke(fn(inst, 'f'), [10_000])).toThrow('fuel exhausted');
      left.push(inst.store.fuel);
    }
    expect(left[0]).toBe(left[2]);
    expect(left[1]).toBe(left[3]);
    expect(left[0]).toBeLessThan(10_000);
  });
});
