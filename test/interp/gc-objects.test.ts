/**
 * The GC object model and operations (src/interp/gc.ts, gc-ops.ts) on their
 * own, with register words built by hand: exact bits through fields and
 * elements, packed wrapping and extension, bounds and null traps in the
 * spec's order, overlapping copies, and the run-time type test.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseWatModule } from '../../src/text/index.js';
import { validateModule, moduleCanon } from '../../src/validator/index.js';
import { GcArray, GcStruct, Kind, isI31, moduleLayouts, refI31, refMatches, type ArrayLayout, type StructLayout } from '../../src/interp/gc.js';
import {
  arrayCopy, arrayFill, arrayGet, arrayGetS, arrayInitData, arrayLen, arrayNew, arrayNewData, arrayNewDefault,
  arrayNewElem, arrayNewFixed, arraySet, structGet, structGetS, structNew, structSet,
} from '../../src/interp/gc-ops.js';
import { Heap } from '../../src/ast/types.js';

const m = parseWatModule(`(module
  (type $s (struct (field i8) (field (mut i16)) (field i32) (field i64) (field f32) (field (mut f64)) (field anyref)))
  (type $b (sub (struct (field i32))))
  (type $c (sub $b (struct (field i32) (field i64))))
  (type $a8 (array (mut i8)))
  (type $a16 (array (mut i16)))
  (type $a64 (array (mut f64)))
  (type $ar (array (mut anyref))))`);
validateModule(m);
const L = moduleLayouts(m);
const canon = moduleCanon(m);
const S = L[0] as StructLayout;
const A8 = L[3] as ArrayLayout;
const A16 = L[4] as ArrayLayout;
const A64 = L[5] as ArrayLayout;
const AR = L[6] as ArrayLayout;

/** Register words for `cells` values (two words each) and their reference slots. */
function regs(cells: number): { I: Int32Array; R: unknown[] } {
  return { I: new Int32Array(cells * 2), R: new Array(cells).fill(null) };
}

describe('structs', () => {
  it('lay fields out in slots: packed and 32-bit take one, 64-bit two', () => {
    expect(Array.from(S.slot)).toEqual([0, 1, 2, 3, 5, 6, 8]);
    expect(S.slots).toBe(9);
    expect(Array.from(S.kinds)).toEqual([Kind.I8, Kind.I16, Kind.W32, Kind.W64, Kind.W32, Kind.W64, Kind.Ref]);
  });

  it('keep every bit of i64, f32 and f64 fields (NaN payloads included) and wrap packed ones', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: 14, maxLength: 14 }), (w) => {
      const { I, R } = regs(7);
      I.set(w);
      R[6] = 'host';
      const s = structNew(S, I, R, 0);
      const out = regs(1);
      const field = (i: number): number[] => {
        structGet(s, S.slot[i]!, S.kinds[i]!, out.I, out.R, 0);
        return [out.I[0]!, out.I[1]!];
      };
      expect(field(0)[0]).toBe(w[0]! & 0xff);
      expect(structGetS(s, S.slot[0]!, Kind.I8)).toBe((w[0]! << 24) >> 24);
      expect(structGetS(s, S.slot[1]!, Kind.I16)).toBe((w[2]! << 16) >> 16);
      expect(field(2)[0]).toBe(w[4]);
      expect(field(3)).toEqual([w[6], w[7]]);
      expect(field(4)[0]).toBe(w[8]);
      expect(field(5)).toEqual([w[10], w[11]]);
      structGet(s, S.slot[6]!, Kind.Ref, out.I, out.R, 0);
      expect(out.R[0]).toBe('host');
    }));
  });

  it('set a field (signaling NaN f64 bits) and trap on null', () => {
    const { I, R } = regs(1);
    const s = structNew(S, new Int32Array(14), new Array(7).fill(null), 0);
    I[0] = 0x00000001;
    I[1] = 0x7ff00000 | 0;
    structSet(s, S.slot[5]!, Kind.W64, I, R, 0);
    const out = regs(1);
    structGet(s, S.slot[5]!, Kind.W64, out.I, out.R, 0);
    expect([out.I[0], out.I[1]]).toEqual([1, 0x7ff00000]);
    expect(() => structGet(null, 0, Kind.W32, out.I, out.R, 0)).toThrow('null structure reference');
    expect(() => structSet(null, 0, Kind.W32, I, R, 0)).toThrow('null structure reference');
  });
});

describe('arrays', () => {
  it('new, new_default, new_fixed, get, set, len, with bounds and null traps', () => {
    const { I, R } = regs(4);
    I[0] = 0x1ff;
    const a = arrayNew(A8, I, R, 0, 3);
    expect(arrayLen(a)).toBe(3);
    const out = regs(1);
    arrayGet(a, 2, Kind.I8, out.I, out.R, 0);
    expect(out.I[0]).toBe(0xff);
    expect(arrayGetS(a, 2, Kind.I8)).toBe(-1);
    expect(() => arrayGet(a, 3, Kind.I8, out.I, out.R, 0)).toThrow('out of bounds array access');
    expect(() => arrayGet(null, 0, Kind.I8, out.I, out.R, 0)).toThrow('null array reference');
    expect(arrayLen(arrayNewDefault(A64, 0))).toBe(0);
    I.set([1, 2, 3, 4, 5, 6]);
    const f = arrayNewFixed(A64, I, R, 0, 3);
    arrayGet(f, 1, Kind.W64, out.I, out.R, 0);
    expect([out.I[0], out.I[1]]).toEqual([3, 4]);
    arraySet(f, 1, Kind.W64, new Int32Array([-1, 0x7ff80001]), [], 0);
    arrayGet(f, 1, Kind.W64, out.I, out.R, 0);
    expect([out.I[0], out.I[1]]).toEqual([-1, 0x7ff80001]);
    expect(() => arraySet(f, 3, Kind.W64, I, R, 0)).toThrow('out of bounds array access');
    expect(() => arrayNewDefault(A64, 2 ** 31)).toThrow(/out of memory/);
  });

  it('fill and copy (overlapping both ways) like a reference implementation', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }), (d, s, n) => {
      const init = Array.from({ length: 12 }, (_, i) => i * 7 + 1);
      const a = arrayNewFixed(A16, Int32Array.from(init.flatMap((x) => [x, 0])), [], 0, 12);
      const ref = init.slice();
      const fits = d + n <= 12 && s + n <= 12;
      if (!fits) { expect(() => arrayCopy(a, d, a, s, n, Kind.I16)).toThrow('out of bounds array access'); return; }
      arrayCopy(a, d, a, s, n, Kind.I16);
      ref.splice(d, n, ...init.slice(s, s + n));
      expect(Array.from(a.d as Uint16Array)).toEqual(ref);
    }));
    const r = arrayNewDefault(AR, 5);
    arrayFill(r, 1, 3, Kind.Ref, new Int32Array(2), ['x'], 0);
    expect(r.d).toEqual([null, 'x', 'x', 'x', null]);
    expect(() => arrayFill(r, 3, 3, Kind.Ref, new Int32Array(2), ['x'], 0)).toThrow('out of bounds array access');
    const w = arrayNewDefault(A64, 4);
    arrayFill(w, 0, 4, Kind.W64, new Int32Array([5, 6]), [], 0);
    expect(Array.from(w.d as Int32Array)).toEqual([5, 6, 5, 6, 5, 6, 5, 6]);
  });

  it('new_data and init_data read little-endian; new_elem and init_elem check the segment', () => {
    const data = new Uint8Array([1, 2, 3, 4, 5]);
    const a = arrayNewData(A16, data, 1, 2);
    expect(Array.from(a.d as Uint16Array)).toEqual([0x0302, 0x0504]);
    expect(() => arrayNewData(A16, data, 2, 2)).toThrow('out of bounds memory access');
    arrayInitData(a, 1, data, 0, 1, Kind.I16);
    expect(Array.from(a.d as Uint16Array)).toEqual([0x0302, 0x0201]);
    expect(() => arrayInitData(a, 2, data, 0, 1, Kind.I16)).toThrow('out of bounds array access');
    const e = arrayNewElem(AR, ['a', 'b', 'c'], 1, 2);
    expect(e.d).toEqual(['b', 'c']);
    expect(() => arrayNewElem(AR, ['a'], 1, 1)).toThrow('out of bounds table access');
  });
});

describe('i31 and the type test', () => {
  it('ref.i31 keeps the low 31 bits, sign-extended', () => {
    expect(refI31(2 ** 30)).toBe(-(2 ** 30));
    expect(refI31(-1)).toBe(-1);
    expect(refI31(0x7fffffff)).toBe(-1);
    expect(isI31(2 ** 30)).toBe(false);
    expect(isI31(1.5)).toBe(false);
    expect(isI31(-(2 ** 30))).toBe(true);
  });

  it('tests concrete types by canonical subtyping and abstract ones by representation', () => {
    const b = new GcStruct(canon[1]!, [0]);
    const c = new GcStruct(canon[2]!, [0, 0, 0]);
    const arr = new GcArray(canon[3]!, 0, new Uint8Array(0));
    expect(refMatches(c, canon[1]!, false)).toBe(true);
    expect(refMatches(b, canon[2]!, false)).toBe(false);
    expect(refMatches(arr, canon[1]!, false)).toBe(false);
    expect(refMatches(null, canon[1]!, true)).toBe(true);
    expect(refMatches(null, Heap.Any, false)).toBe(false);
    for (const [v, eq, i31, st, ar] of [[b, 1, 0, 1, 0], [arr, 1, 0, 0, 1], [7, 1, 1, 0, 0], ['host', 0, 0, 0, 0]] as const) {
      expect([refMatches(v, Heap.Eq, false), refMatches(v, Heap.I31, false), refMatches(v, Heap.Struct, false),
        refMatches(v, Heap.Array, false)]).toEqual([!!eq, !!i31, !!st, !!ar]);
      expect(refMatches(v, Heap.Any, false)).toBe(true);
      expect(refMatches(v, Heap.None, false)).toBe(false);
    }
  });
});
