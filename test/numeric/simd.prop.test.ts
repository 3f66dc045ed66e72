/**
 * Property tests of the SIMD lane library (src/numeric/simd*.ts) against
 * Node's native WebAssembly as the oracle: every fixed-width SIMD
 * instruction of the opcode table (except `v128.const`, covered by the
 * constant tests) runs natively in a tiny module and through the lane
 * function of the same name on the same bytes, and the result bytes must be
 * equal.
 *
 * v128 cannot cross the JS boundary, so each native function reads its
 * operands from memory (operand k at byte 16k, loaded with its type's load:
 * exact bits, NaN payloads included) and stores its result at byte 64; ours
 * runs on a `Lanes` over a copy of the same 80 bytes with the operands at
 * word indices 0, 4, 8 and the result at word 16. Memory instructions read
 * from byte 0 (and take their v128 operand from byte 16) or store at byte 64.
 *
 * NaNs: where the spec lets a NaN result vary (float arithmetic lanes), a
 * native NaN lane accepts any arithmetic NaN from ours; every other lane,
 * and every lane of the bit-moving instructions, must match exactly.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OPCODES, Imm } from '../../src/ast/opcodes.js';
import { parseWat } from '../../src/text/index.js';
import * as N from '../../src/numeric/index.js';
import { Lanes } from '../../src/numeric/index.js';

interface Case {
  name: string;
  ins: string[];
  out: string | null;
  imm: Imm;
  /** Lane immediate or packed shuffle words. */
  lanes: number[];
  text: string;
}

const LANES: Record<string, number> = { i8x16: 16, i16x8: 8, i32x4: 4, i64x2: 2, f32x4: 4, f64x2: 2, v128: 0 };
const MEM_LANES: Record<string, number> = { '8': 16, '16': 8, '32': 4, '64': 2 };
const LOAD: Record<string, string> = { v128: 'v128.load', i32: 'i32.load', i64: 'i64.load', f32: 'f32.load', f64: 'f64.load' };
const STORE: Record<string, string> = { v128: 'v128.store', i32: 'i32.store', i64: 'i64.store', f32: 'f32.store', f64: 'f64.store' };

/** Lane counts an instruction with a lane immediate can take. */
function laneCount(mn: string): number {
  const m = /^v128\.(load|store)(\d+)_lane$/.exec(mn);
  if (m) return MEM_LANES[m[2]!]!;
  return LANES[mn.split('.')[0]!]!;
}

/** Shuffle patterns: identity, reversed, all from b, interleaved, and two fixed pseudo-random ones. */
const SHUFFLES: number[][] = [
  [...Array(16).keys()],
  [...Array(16).keys()].reverse(),
  [...Array(16).keys()].map((k) => 16 + k),
  [...Array(16).keys()].map((k) => (k % 2) * 16 + (k >> 1)),
  [...Array(16).keys()].map((k) => (k * 7 + 3) % 32),
  [...Array(16).keys()].map((k) => (k * 13 + 29) % 32),
];

function pack(s: number[]): number[] {
  return [0, 1, 2, 3].map((w) => s[4 * w]! | (s[4 * w + 1]! << 8) | (s[4 * w + 2]! << 16) | (s[4 * w + 3]! << 24));
}

const cases: Case[] = [];
for (const [mn, , , imm, feature, type] of OPCODES) {
  if (feature !== 'simd' || type === null || mn === 'v128.const') continue;
  const [inT, outT] = type.split('->').map((s) => s.trim().split(/\s+/).filter(Boolean));
  const ins = inT!;
  const out = outT![0] ?? null;
  const args = ins.map((t, k) => (t === 'a' ? '(i32.const 0)' : `(${LOAD[t]} (i32.const ${16 * k}))`));
  const variants: { lanes: number[]; immText: string }[] = [];
  if (imm === Imm.Lane || imm === Imm.MemArgLane) {
    const n = laneCount(mn);
    for (const l of new Set([0, n >> 1, n - 1])) variants.push({ lanes: [l], immText: ` ${l}` });
  } else if (imm === Imm.Shuffle) {
    for (const s of SHUFFLES) variants.push({ lanes: pack(s), immText: ` ${s.join(' ')}` });
  } else {
    variants.push({ lanes: [], immText: '' });
  }
  for (const v of variants) {
    let text: string;
    if (out === null) {
      // A store: its address operand is 64, the value comes from byte 0.
      text = `(${mn}${v.immText} (i32.const 64) (v128.load (i32.const 0)))`;
    } else {
      text = `(${STORE[out]} (i32.const 64) (${mn}${v.immText} ${args.join(' ')}))`;
    }
    cases.push({ name: mn + (v.immText ? ` [${v.immText.trim().split(' ').length === 1 ? v.immText.trim() : `shuffle ${variants.indexOf(v)}`}]` : ''), ins, out, imm, lanes: v.lanes, text });
  }
}

const wat = `(module (memory (export "mem") 1) ${cases.map((c, i) => `(func (export "f${i}") ${c.text})`).join('\n')})`;
const native = new WebAssembly.Instance(new WebAssembly.Module(parseWat(wat) as Uint8Array<ArrayBuffer>), {}).exports as Record<string, unknown>;
const nativeMem = new Uint8Array((native.mem as WebAssembly.Memory).buffer);

const ours = new Lanes(new ArrayBuffer(80));
const oursView = new DataView(ours.buffer);

/** Runs case `c` through the lane library on `ours` (operands already in place). */
function runOurs(c: Case): void {
  const fn = (N as unknown as Record<string, (...a: unknown[]) => unknown>)[c.name.split(' ')[0]!.replace('.', '_')];
  if (typeof fn !== 'function') throw new Error(`no lane function for ${c.name}`);
  const mn = c.name.split(' ')[0]!;
  if (c.out === null) {
    fn(ours, 0, oursView, 64, ...c.lanes);
    return;
  }
  if (c.ins[0] === 'a') {
    if (c.ins.length === 1) fn(ours, 16, oursView, 0);
    else fn(ours, 16, 4, oursView, 0, ...c.lanes);
    return;
  }
  if (/(any_true|all_true|bitmask)$/.test(mn)) {
    ours.i32[16] = fn(ours, 0) as number;
    return;
  }
  const operands = c.ins.map((_, k) => 4 * k);
  fn(ours, 16, ...operands, ...c.lanes);
}

const FLOAT_ARITH = /^(f32x4|f64x2)\.(add|sub|mul|div|sqrt|min|max|ceil|floor|trunc|nearest)$|^f32x4\.demote|^f64x2\.promote/;

function isNaN32(b: number): boolean {
  return (b & 0x7fffffff) > 0x7f800000;
}
function isArith32(b: number): boolean {
  return (b & 0x7fc00000) === 0x7fc00000;
}

/** Compares the 16 result bytes at 64, with NaN tolerance for float arithmetic results. */
function compare(c: Case): void {
  const mn = c.name.split(' ')[0]!;
  const n = nativeMem.slice(64, 80);
  const o = ours.u8.slice(64, 80);
  if (!FLOAT_ARITH.test(mn)) {
    expect(Array.from(o), c.name).toEqual(Array.from(n));
    return;
  }
  const wide = mn.startsWith('f64x2');
  const nv = new DataView(n.buffer);
  const ov = new DataView(o.buffer);
  const step = wide ? 8 : 4;
  for (let i = 0; i < 16; i += step) {
    const nHi = nv.getUint32(i + step - 4, true);
    const oHi = ov.getUint32(i + step - 4, true);
    const nanLane = wide ? isNaN64(nv.getUint32(i, true), nHi) : isNaN32(nHi);
    if (nanLane) {
      const quiet = wide ? (oHi & 0x7ff80000) === 0x7ff80000 : isArith32(oHi);
      expect(quiet, `${c.name} lane ${i / step}: arithmetic NaN expected, got ${oHi.toString(16)}`).toBe(true);
      if (onlyCanonicalNaNs(mn)) {
        const canonical = wide ? ov.getUint32(i, true) === 0 && (oHi & 0x7fffffff) === 0x7ff80000 : (oHi & 0x7fffffff) === 0x7fc00000;
        expect(canonical, `${c.name} lane ${i / step}: canonical NaN expected (all NaN operands canonical)`).toBe(true);
      }
    } else {
      expect(Array.from(o.slice(i, i + step)), `${c.name} lane ${i / step}`).toEqual(Array.from(n.slice(i, i + step)));
    }
  }
}

/** True when every NaN among the operand lanes (at the operation's input width) is a canonical NaN. */
function onlyCanonicalNaNs(mn: string): boolean {
  const wideIn = mn.startsWith('f64x2') ? !mn.includes('promote') : mn.includes('demote');
  const v = new DataView(ours.buffer);
  for (let i = 0; i < 48; i += wideIn ? 8 : 4) {
    if (wideIn) {
      const lo = v.getUint32(i, true), hi = v.getUint32(i + 4, true);
      if (isNaN64(lo, hi) && !(lo === 0 && (hi & 0x7fffffff) === 0x7ff80000)) return false;
    } else {
      const b = v.getUint32(i, true);
      if (isNaN32(b) && (b & 0x7fffffff) !== 0x7fc00000) return false;
    }
  }
  return true;
}

function isNaN64(lo: number, hi: number): boolean {
  const h = hi & 0x7fffffff;
  return h > 0x7ff00000 || (h === 0x7ff00000 && lo !== 0);
}

// ---------------------------------------------------------------------------
// Inputs: random bytes, and lanes of edge values for every shape

const f32Specials = [0, 0x80000000, 0x3f800000, 0xbf800000, 0x3fc00000, 0x40200000, 0xbf000000, 0x3f000000, 0x7f800000,
  0xff800000, 0x7fc00000, 0xffc00000, 0x7fa00001, 0x7f800001, 0xffffffff, 0x00000001, 0x807fffff, 0x4b800000, 0x4f000000,
  0xcf000000, 0x4f800000, 0xcf000001, 0x4effffff, 0x7f7fffff, 0x3effffff, 0x4b000001, 0xcb7fffff];
const f64Specials: bigint[] = [0n, 0x8000000000000000n, 0x3ff0000000000000n, 0xbff0000000000000n, 0x3ff8000000000000n,
  0x4004000000000000n, 0xbfe0000000000000n, 0x7ff0000000000000n, 0xfff0000000000000n, 0x7ff8000000000000n,
  0xfff8000000000000n, 0x7ff4000000000001n, 0x7ff0000000000001n, 0x0000000000000001n, 0x41e0000000000000n,
  0xc1e0000000000000n, 0x41efffffffe00000n, 0x41f0000000000000n, 0xc1e0000000200000n, 0x47efffffe0000000n,
  0x47efffff10000000n, 0x3810000000000000n, 0x36a0000000000000n, 0x4330000000000001n, 0x7fefffffffffffffn];
const i8Specials = [0, 1, 0x7f, 0x80, 0x81, 0xff, 0xfe, 0x40, 0x10, 0x0f];
const i16Specials = [0, 1, 0x7fff, 0x8000, 0x8001, 0xffff, 0xfffe, 0x4000, 0x00ff, 0xff00, 0x0080, 0xff7f];
const i32Specials = [0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x10000, 0xffff, 0x8000, 0x7fff, 0x80000001, 31, 32, 33, 7, 8, 15, 16, 63, 64];

function bytesOf(words: number[], width: number): number[] {
  const out: number[] = [];
  for (const w of words) for (let i = 0; i < width; i++) out.push((w >>> (8 * i)) & 0xff);
  return out;
}
function bytes64(v: bigint[]): number[] {
  const out: number[] = [];
  for (const w of v) for (let i = 0n; i < 8n; i++) out.push(Number((w >> (8n * i)) & 0xffn));
  return out;
}

const v128Arb: fc.Arbitrary<number[]> = fc.oneof(
  fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 16, maxLength: 16 }),
  fc.array(fc.constantFrom(...i8Specials), { minLength: 16, maxLength: 16 }),
  fc.array(fc.constantFrom(...i16Specials), { minLength: 8, maxLength: 8 }).map((w) => bytesOf(w, 2)),
  fc.array(fc.constantFrom(...i32Specials), { minLength: 4, maxLength: 4 }).map((w) => bytesOf(w, 4)),
  fc.array(fc.constantFrom(...f32Specials), { minLength: 4, maxLength: 4 }).map((w) => bytesOf(w, 4)),
  fc.array(fc.integer({ min: 0, max: 0xffffffff }).map((x) => (x & 0x80ffffff) | 0x4e000000), { minLength: 4, maxLength: 4 }).map((w) => bytesOf(w, 4)),
  fc.array(fc.constantFrom(...f64Specials), { minLength: 2, maxLength: 2 }).map(bytes64),
  fc.array(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map((x) => (x & 0x800fffffffffffffn) | 0x41d0000000000000n), { minLength: 2, maxLength: 2 }).map(bytes64),
);
/** Three operand slots (48 bytes) plus the result area. */
const inputArb = fc.tuple(v128Arb, v128Arb, v128Arb).map(([a, b, c]) => [...a, ...b, ...c]);

describe('SIMD lane library agrees with native WebAssembly', () => {
  it('has a lane function for every fixed-width SIMD instruction', () => {
    const missing = cases.map((c) => c.name.split(' ')[0]!).filter((mn) => typeof (N as Record<string, unknown>)[mn.replace('.', '_')] !== 'function');
    expect(missing).toEqual([]);
  });
  cases.forEach((c, i) => {
    it(c.name, () => {
      const f = native[`f${i}`] as () => void;
      fc.assert(fc.property(inputArb, (input) => {
        nativeMem.fill(0, 0, 80);
        nativeMem.set(input, 0);
        ours.u8.fill(0);
        ours.u8.set(input, 0);
        f();
        runOurs(c);
        compare(c);
      }), { numRuns: 300 });
    });
  });
});

// ---------------------------------------------------------------------------
// Relaxed SIMD: ours against the deterministic-profile definitions of
// simd-relaxed.ts, each written as fixed-width SIMD and run natively.

/** Each relaxed instruction with its deterministic meaning in fixed-width SIMD (operands $a $b $c). */
const RELAXED: Record<string, string> = {
  'i8x16.relaxed_swizzle': '(i8x16.swizzle $a $b)',
  'i32x4.relaxed_trunc_f32x4_s': '(i32x4.trunc_sat_f32x4_s $a)',
  'i32x4.relaxed_trunc_f32x4_u': '(i32x4.trunc_sat_f32x4_u $a)',
  'i32x4.relaxed_trunc_f64x2_s_zero': '(i32x4.trunc_sat_f64x2_s_zero $a)',
  'i32x4.relaxed_trunc_f64x2_u_zero': '(i32x4.trunc_sat_f64x2_u_zero $a)',
  'f32x4.relaxed_madd': '(f32x4.add (f32x4.mul $a $b) $c)',
  'f32x4.relaxed_nmadd': '(f32x4.add (f32x4.mul (f32x4.neg $a) $b) $c)',
  'f64x2.relaxed_madd': '(f64x2.add (f64x2.mul $a $b) $c)',
  'f64x2.relaxed_nmadd': '(f64x2.add (f64x2.mul (f64x2.neg $a) $b) $c)',
  'i8x16.relaxed_laneselect': '(v128.bitselect $a $b $c)',
  'i16x8.relaxed_laneselect': '(v128.bitselect $a $b $c)',
  'i32x4.relaxed_laneselect': '(v128.bitselect $a $b $c)',
  'i64x2.relaxed_laneselect': '(v128.bitselect $a $b $c)',
  'f32x4.relaxed_min': '(f32x4.min $a $b)',
  'f32x4.relaxed_max': '(f32x4.max $a $b)',
  'f64x2.relaxed_min': '(f64x2.min $a $b)',
  'f64x2.relaxed_max': '(f64x2.max $a $b)',
  'i16x8.relaxed_q15mulr_s': '(i16x8.q15mulr_sat_s $a $b)',
  'i16x8.relaxed_dot_i8x16_i7x16_s': DOT16('$a', '$b'),
  'i32x4.relaxed_dot_i8x16_i7x16_add_s': `(i32x4.add (i32x4.extadd_pairwise_i16x8_s ${DOT16('$a', '$b')}) $c)`,
};

/** Signed i8 products of adjacent lanes, the pairs added with signed saturation. */
function DOT16(a: string, b: string): string {
  const ev = '0 2 4 6 8 10 12 14 0 2 4 6 8 10 12 14';
  const od = '1 3 5 7 9 11 13 15 1 3 5 7 9 11 13 15';
  const mul = (sel: string) => `(i16x8.extmul_low_i8x16_s (i8x16.shuffle ${sel} ${a} ${a}) (i8x16.shuffle ${sel} ${b} ${b}))`;
  return `(i16x8.add_sat_s ${mul(ev)} ${mul(od)})`;
}

describe('relaxed SIMD follows the documented choices (deterministic profile)', () => {
  const relaxed = OPCODES.filter((r) => r[4] === 'relaxed-simd');
  const ops = (mn: string) => ({ $a: '(v128.load (i32.const 0))', $b: '(v128.load (i32.const 16))', $c: '(v128.load (i32.const 32))' }[mn]!);
  const fns = relaxed.map(([mn], i) => {
    const body = RELAXED[mn]!.replace(/\$[abc]/g, ops);
    return `(func (export "r${i}") (v128.store (i32.const 64) ${body}))`;
  });
  const inst = new WebAssembly.Instance(new WebAssembly.Module(parseWat(`(module (memory (export "mem") 1) ${fns.join('\n')})`) as Uint8Array<ArrayBuffer>), {});
  const mem = new Uint8Array((inst.exports.mem as WebAssembly.Memory).buffer);
  it('documents every relaxed instruction', () => {
    expect(relaxed.map((r) => r[0]).sort()).toEqual(Object.keys(RELAXED).sort());
  });
  relaxed.forEach(([mn, , , , , type], i) => {
    it(mn, () => {
      const arity = type!.split('->')[0]!.trim().split(/\s+/).length;
      const fn = (N as unknown as Record<string, (...a: unknown[]) => void>)[mn.replace('.', '_')]!;
      fc.assert(fc.property(inputArb, (input) => {
        mem.fill(0, 0, 80);
        mem.set(input, 0);
        ours.u8.fill(0);
        ours.u8.set(input, 0);
        (inst.exports[`r${i}`] as () => void)();
        fn(ours, 16, ...[0, 4, 8].slice(0, arity));
        const n = Array.from(mem.slice(64, 80));
        const o = Array.from(ours.u8.slice(64, 80));
        // Same NaN tolerance as above for the float arithmetic ones (min, max, madd, nmadd).
        if (/relaxed_(min|max|madd|nmadd)$/.test(mn)) {
          const wide = mn.startsWith('f64x2');
          const step = wide ? 8 : 4;
          const nv = new DataView(new Uint8Array(n).buffer);
          const ov = new DataView(new Uint8Array(o).buffer);
          for (let k = 0; k < 16; k += step) {
            const nHi = nv.getUint32(k + step - 4, true);
            const nan = wide ? isNaN64(nv.getUint32(k, true), nHi) : isNaN32(nHi);
            if (nan) expect(wide ? isNaN64(ov.getUint32(k, true), ov.getUint32(k + 4, true)) : isNaN32(ov.getUint32(k, true))).toBe(true);
            else expect(o.slice(k, k + step)).toEqual(n.slice(k, k + step));
          }
        } else {
          expect(o).toEqual(n);
        }
      }), { numRuns: 300 });
    });
  });
});
