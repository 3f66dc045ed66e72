/**
 * Runtime type canonicalization (src/validator/canon.ts, src/interp/rtypes.ts):
 * structurally identical rec groups of different modules get one canonical
 * id; subtyping on ids is a display lookup; `call_indirect` and import
 * matching use both across module boundaries.
 */
import { describe, expect, it } from 'vitest';
import { parseWatModule } from '../../src/text/index.js';
import { canonicalFuncType, isCanonicalSubtype, moduleCanon, validateModule } from '../../src/validator/index.js';
import { FuncInst, GlobalInst, TableInst, instantiate, invoke, type Instance } from '../../src/interp/index.js';
import { LinkError, RuntimeError } from '../../src/errors.js';
import { I32 } from '../../src/ast/types.js';
import { load } from './helpers.js';

const TYPES = `
  (type $base (sub (func (result i32))))
  (type $sub (sub $base (func (result i32))))
  (type $other (func (result i32)))`;

describe('canonical type ids', () => {
  it('are shared by equivalent rec groups of different modules, and distinct otherwise', () => {
    const a = parseWatModule(`(module (rec (type $a (struct (field (ref null $b)))) (type $b (struct (field (ref null $a))))))`);
    const b = parseWatModule(`(module (type (func)) (rec (type $x (struct (field (ref null $y)))) (type $y (struct (field (ref null $x))))))`);
    const c = parseWatModule(`(module (rec (type $a (struct (field (ref null $a)))) (type $b (struct (field (ref null $a))))))`);
    validateModule(a);
    validateModule(b);
    validateModule(c);
    const ca = moduleCanon(a);
    const cb = moduleCanon(b);
    const cc = moduleCanon(c);
    expect([ca[0], ca[1]]).toEqual([cb[1], cb[2]]);
    expect(cc[0]).not.toBe(ca[0]);
  });

  it('give a lone final function type the id of a module type of the same shape', () => {
    const m = parseWatModule(`(module (type (func (param i32))) (type (sub (func (param i32)))))`);
    const canon = moduleCanon(m);
    expect(canonicalFuncType([I32], [])).toBe(canon[0]);
    expect(canonicalFuncType([I32], [])).not.toBe(canon[1]);
  });

  it('test subtyping through a deep chain without walking it', () => {
    let wat = '(module (type $t0 (sub (struct))))';
    for (let i = 1; i < 40; i++) wat = wat.replace(/\)$/, ` (type $t${i} (sub $t${i - 1} (struct (field i32))))\n)`);
    const m = parseWatModule(wat);
    validateModule(m);
    const canon = moduleCanon(m);
    expect(isCanonicalSubtype(canon[39]!, canon[0]!)).toBe(true);
    expect(isCanonicalSubtype(canon[39]!, canon[20]!)).toBe(true);
    expect(isCanonicalSubtype(canon[20]!, canon[39]!)).toBe(false);
    expect(isCanonicalSubtype(canon[5]!, canon[5]!)).toBe(true);
  });
});

describe('call_indirect across modules', () => {
  const provider = (): Instance => load(`(module ${TYPES}
    (table (export "t") 3 funcref)
    (func $s (type $sub) (i32.const 7))
    (func $o (type $other) (i32.const 8))
    (func $b (type $base) (i32.const 9))
    (elem (i32.const 0) func $s $o $b))`);
  const user = (t: TableInst): Instance => load(`(module ${TYPES}
    (import "p" "t" (table 3 funcref))
    (func (export "base") (param i32) (result i32) (call_indirect (type $base) (local.get 0)))
    (func (export "sub") (param i32) (result i32) (call_indirect (type $sub) (local.get 0)))
    (func (export "other") (param i32) (result i32) (call_indirect (type $other) (local.get 0))))`, { p: { t } });

  it('accepts a function whose type is a subtype of the expected one, from another module', () => {
    const u = user(provider().exports.t as TableInst);
    expect(invoke(u.exports.base as FuncInst, [0])).toEqual([7]);
    expect(invoke(u.exports.base as FuncInst, [2])).toEqual([9]);
    expect(invoke(u.exports.sub as FuncInst, [0])).toEqual([7]);
    expect(invoke(u.exports.other as FuncInst, [1])).toEqual([8]);
  });

  it('traps on a supertype or an unrelated type', () => {
    const u = user(provider().exports.t as TableInst);
    expect(() => invoke(u.exports.sub as FuncInst, [2])).toThrow(RuntimeError);
    expect(() => invoke(u.exports.base as FuncInst, [1])).toThrow(/indirect call type mismatch/);
    expect(() => invoke(u.exports.other as FuncInst, [0])).toThrow(/indirect call type mismatch/);
  });
});

describe('import matching with subtyping', () => {
  const exporter = `(module ${TYPES}
    (func (export "sub") (type $sub) (i32.const 1))
    (func (export "base") (type $base) (i32.const 2))
    (global (export "g") (ref null $sub) (ref.func $s)) (func $s (type $sub) (i32.const 3))
    (global (export "gm") (mut (ref null $sub)) (ref.null $sub)))`;

  it('takes a function of a subtype, refuses one of a supertype', () => {
    const e = load(exporter);
    const imp = (name: string) => () => load(`(module ${TYPES} (import "e" "${name}" (func (type $sub))))`, { e: e.exports });
    expect(imp('sub')).not.toThrow();
    expect(imp('base')).toThrow(LinkError);
  });

  it('takes an immutable global of a subtype; a mutable one needs the same type', () => {
    const e = load(exporter);
    const ok = () => load(`(module ${TYPES} (import "e" "g" (global (ref null $base))))`, { e: e.exports });
    const mutSuper = () => load(`(module ${TYPES} (import "e" "gm" (global (mut (ref null $base)))))`, { e: e.exports });
    const mutSame = () => load(`(module ${TYPES} (import "e" "gm" (global (mut (ref null $sub)))))`, { e: e.exports });
    const narrower = () => load(`(module ${TYPES} (import "e" "g" (global (ref $sub))))`, { e: e.exports });
    expect(ok).not.toThrow();
    expect(mutSuper).toThrow(LinkError);
    expect(mutSame).not.toThrow();
    expect(narrower).toThrow(LinkError);
    expect(e.exports.g).toBeInstanceOf(GlobalInst);
  });

  it("matches a host function by the canonical id of the import's declared type", () => {
    const m = parseWatModule(`(module ${TYPES} (import "h" "f" (func (type $sub))) (func (export "c") (result i32) (call 0)))`);
    validateModule(m);
    const standalone = FuncInst.host({ params: [], results: [I32] }, () => [5]);
    expect(() => instantiate(m, { h: { f: standalone } })).toThrow(LinkError);
  });
});
