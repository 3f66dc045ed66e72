// Text-format numeric literals: the parser against an independent BigInt
// reference (exact rational arithmetic), against the host's double parser,
// on the testsuite's tricky cases, and the printer's round trip.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as n from '../../src/numeric/index.js';
import { f32BitsArb, f64BitsArb, f64BitsOfNumber, wordsOf } from './oracle.js';

// ---------------------------------------------------------------------------
// Reference: exact rounding with BigInt rationals (a different algorithm
// from the library's: direct division with remainder instead of candidate
// search).

interface Fmt {
  p: number;
  emin: number;
  emax: number;
}
const F32: Fmt = { p: 24, emin: -149, emax: 104 };
const F64: Fmt = { p: 53, emin: -1074, emax: 971 };

function bitLength(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}

/** Rounds num/den > 0 to the format; returns the bits (BigInt, no sign) or null on overflow. */
function refRound(num: bigint, den: bigint, fmt: Fmt): bigint | null {
  let e = Math.max(fmt.emin, bitLength(num) - bitLength(den) - fmt.p);
  // v / 2^e must be below 2^p; raise e until it is.
  const scaled = (x: number): [bigint, bigint] =>
    x >= 0 ? [num, den << BigInt(x)] : [num << BigInt(-x), den];
  for (;;) {
    const [a, b] = scaled(e);
    if (a / b < 1n << BigInt(fmt.p)) break;
    e++;
  }
  const [a, b] = scaled(e);
  let q = a / b;
  const rem2 = 2n * (a % b);
  if (rem2 > b || (rem2 === b && (q & 1n) === 1n)) q++;
  if (q === 1n << BigInt(fmt.p)) {
    q >>= 1n;
    e++;
  }
  if (e > fmt.emax) return null;
  if (q < 1n << BigInt(fmt.p - 1)) return q; // subnormal (e === emin) or zero
  return q + BigInt(e - fmt.emin) * (1n << BigInt(fmt.p - 1));
}

/** Reference parse of a finite float literal (no inf/nan); bits as BigInt with sign, or null. */
function refParse(text: string, fmt: Fmt): bigint | null {
  const t = text.replace(/_/g, '');
  const neg = t.startsWith('-');
  const body = t.replace(/^[+-]/, '');
  let num: bigint;
  let den = 1n;
  const hex = /^0x([0-9a-f]+)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?$/i.exec(body);
  const dec = /^(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(body);
  if (hex) {
    const frac = hex[2] ?? '';
    num = BigInt('0x' + hex[1] + frac);
    const e = Number(hex[3] ?? '0') - 4 * frac.length;
    if (e >= 0) num <<= BigInt(e);
    else den <<= BigInt(-e);
  } else if (dec) {
    const frac = dec[2] ?? '';
    num = BigInt(dec[1] + frac);
    const e = Number(dec[3] ?? '0') - frac.length;
    if (e >= 0) num *= 10n ** BigInt(e);
    else den = 10n ** BigInt(-e);
  } else {
    throw new Error('reference cannot parse ' + text);
  }
  const signBit = neg ? 1n << BigInt(fmt === F32 ? 31 : 63) : 0n;
  if (num === 0n) return signBit;
  const mag = refRound(num, den, fmt);
  return mag === null ? null : mag | signBit;
}

const f32Big = (bits: number | null): bigint | null => (bits === null ? null : BigInt(bits >>> 0));
const f64Big = (w: n.Words | null): bigint | null =>
  w === null ? null : (BigInt(w.hi >>> 0) << 32n) | BigInt(w.lo >>> 0);

// ---------------------------------------------------------------------------
// Generators of literals

/** Exact decimal text of m * 2^e (m, e integers). */
function exactDecimal(m: bigint, e: number): string {
  if (e >= 0) return (m << BigInt(e)).toString();
  const digits = (m * 5n ** BigInt(-e)).toString().padStart(-e + 1, '0');
  return digits.slice(0, digits.length + e) + '.' + digits.slice(digits.length + e);
}

/** Decimal literals exactly at, or one unit in the last written digit around, a midpoint between two floats. */
function nearMidpointArb(fmt: Fmt): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.bigInt({ min: 0n, max: (1n << BigInt(fmt.p)) - 1n }),
      fc.integer({ min: fmt.emin, max: fmt.emax }),
      fc.constantFrom('exact', 'up', 'down', 'truncated'),
    )
    .map(([m, e, how]) => {
      const text = exactDecimal(2n * m + 1n, e - 1); // (2m+1) * 2^(e-1): a midpoint
      if (how === 'exact') return text;
      if (how === 'truncated') return text.slice(0, Math.max(text.indexOf('.') + 2, text.length - 3)).replace(/\.$/, '');
      // append a digit: slightly above, or subtract one at a far position
      return how === 'up' ? (text.includes('.') ? text + '0001' : text + '.0001') : text.replace(/5$/, '49999');
    });
}

const decimalArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.stringMatching(/^[0-9]{1,25}$/),
    fc.option(fc.stringMatching(/^[0-9]{0,25}$/)),
    fc.option(fc.integer({ min: -360, max: 330 })),
    fc.constantFrom('', '-', '+'),
  )
  .map(([i, f, e, s]) => s + i + (f === null ? '' : '.' + f) + (e === null ? '' : 'e' + e));

const hexArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.stringMatching(/^[0-9a-fA-F]{1,30}$/),
    fc.option(fc.stringMatching(/^[0-9a-fA-F]{0,30}$/)),
    fc.option(fc.integer({ min: -1200, max: 1100 })),
    fc.constantFrom('', '-'),
  )
  .map(([i, f, e, s]) => s + '0x' + i + (f === null ? '' : '.' + f) + (e === null ? '' : 'p' + e));

/** Puts an underscore between some pairs of adjacent digits of a literal. */
function sprinkle(text: string, seed: number): string {
  const digit = text.includes('0x') ? /[0-9a-fA-F]/ : /[0-9]/;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    out += text[i];
    const next = text[i + 1];
    if (next !== undefined && digit.test(text[i]) && digit.test(next) && ((seed >> i % 30) & 1) === 1) out += '_';
  }
  return out;
}

// ---------------------------------------------------------------------------
// Tests

describe('float literals: exact rounding against the BigInt reference', () => {
  it('f32 decimal', () => {
    fc.assert(fc.property(decimalArb, (t) => f32Big(n.parseF32(t)) === refParse(t, F32)), { numRuns: 3000 });
  });
  it('f64 decimal', () => {
    fc.assert(fc.property(decimalArb, (t) => f64Big(n.parseF64(t)) === refParse(t, F64)), { numRuns: 3000 });
  });
  it('f32 hex', () => {
    fc.assert(fc.property(hexArb, (t) => f32Big(n.parseF32(t)) === refParse(t, F32)), { numRuns: 3000 });
  });
  it('f64 hex', () => {
    fc.assert(fc.property(hexArb, (t) => f64Big(n.parseF64(t)) === refParse(t, F64)), { numRuns: 3000 });
  });
  it('f32 decimals at and around midpoints (ties to even, no double rounding)', () => {
    fc.assert(fc.property(nearMidpointArb(F32), (t) => f32Big(n.parseF32(t)) === refParse(t, F32)), { numRuns: 3000 });
  });
  it('f64 decimals at and around midpoints', () => {
    fc.assert(fc.property(nearMidpointArb(F64), (t) => f64Big(n.parseF64(t)) === refParse(t, F64)), { numRuns: 1000 });
  });
  it('underscores between digits do not change the value', () => {
    fc.assert(
      fc.property(fc.oneof(decimalArb, hexArb), fc.integer(), (t, seed) => {
        const u = sprinkle(t, seed);
        return n.isFloatLiteral(u) && f64Big(n.parseF64(u)) === f64Big(n.parseF64(t));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('float literals: f64 decimal against the host parser', () => {
  it('agrees with Number() on random decimal text and on printed doubles', () => {
    fc.assert(
      fc.property(fc.oneof(decimalArb, fc.double({ noNaN: true, noDefaultInfinity: true }).map(String)), (t) => {
        const x = Number(t);
        const w = n.parseF64(t);
        if (!Number.isFinite(x)) return w === null;
        return w !== null && f64Big(w) === BigInt.asUintN(64, f64BitsOfNumber(x));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('float literals: tricky cases', () => {
  const f32Cases: [string, number | null][] = [
    // halfway between 1 and the next f32 (1 + 2^-23): ties to even → 1
    ['0x1.000001p0', 0x3f800000],
    ['1.00000005960464477539062500', 0x3f800000],
    // just above halfway → up
    ['0x1.0000010000000000000000001p0', 0x3f800001],
    ['1.000000059604644775390625000000000001', 0x3f800001],
    // 1 + 3 * 2^-24: halfway between 1+2^-23 (odd) and 1+2^-22 (even) → up to even
    ['1.000000178813934326171875', 0x3f800002],
    ['0x1.000003p0', 0x3f800002],
    // 1 + 3 * 2^-24 - 2^-53 (a double just below that midpoint) → down
    ['1.00000017881393421514957253748434595763683319091796875', 0x3f800001],
    // double rounding trap: this decimal rounds to an f64 exactly at an f32 midpoint
    ['1.000000059604644775390625000000000000001', 0x3f800001],
    ['1.0000000596046447753906249999999', 0x3f800000],
    // subnormals
    ['0x1p-149', 0x00000001],
    ['1e-45', 0x00000001],
    ['1.4e-45', 0x00000001],
    ['7e-46', 0x00000000],
    ['7.1e-46', 0x00000001],
    ['0x1p-150', 0x00000000], // exactly half the smallest subnormal: ties to even (0)
    ['0x1.000001p-150', 0x00000001],
    ['0x1.fffffcp-127', 0x007fffff],
    ['1.1754942e-38', 0x007fffff],
    ['1.17549435e-38', 0x00800000],
    // limits
    ['0x1.fffffep127', 0x7f7fffff],
    ['3.4028234663852886e38', 0x7f7fffff],
    ['0x1.fffffefffffffffffp127', 0x7f7fffff],
    ['340282356779733623858607532500980858880', 0x7f7fffff],
    ['340282356779733661637539395458142568448', null], // max + half ulp: ties to even = infinity
    ['0x1.ffffffp127', null],
    ['0x1p128', null],
    ['1e39', null],
    ['-1e39', null],
    ['1e38', 0x7e967699],
    // many digits, huge and tiny exponents
    ['0x1.00000100000000000000000000000000000000000000000000000000000000000000001p0', 0x3f800001],
    ['0x0.' + '0'.repeat(74) + '1p300', 0x3f800000], // 16^-75 * 2^300 = 1
    ['0e999999999999', 0],
    ['-0', 0x80000000 | 0],
    ['1e-99999999999', 0],
    ['1e99999999999', null],
    ['0.' + '0'.repeat(2000) + '1', 0],
    ['1' + '0'.repeat(38), 0x7e967699],
    ['-0x1.921fb6p+1', 0xc0490fdb | 0],
    // specials
    ['inf', 0x7f800000],
    ['-inf', 0xff800000 | 0],
    ['nan', 0x7fc00000],
    ['-nan', 0xffc00000 | 0],
    ['nan:0x1', 0x7f800001],
    ['nan:0x7f_ffff', 0x7fffffff],
    ['nan:0x0', null],
    ['nan:0x80_0000', null],
  ];
  for (const [text, bits] of f32Cases) {
    it(`f32 ${text.length > 60 ? text.slice(0, 60) + '…' : text}`, () => {
      expect(n.parseF32(text)).toBe(bits);
      if (!/inf|nan|e-?9999/.test(text)) expect(f32Big(n.parseF32(text))).toBe(refParse(text, F32));
    });
  }
  const f64Cases: [string, bigint | null][] = [
    ['0x1.fffffffffffffp1023', 0x7fefffffffffffffn],
    ['0x1.fffffffffffff7ffffffp1023', 0x7fefffffffffffffn],
    ['0x1.fffffffffffff8p1023', null],
    ['1e308', 0x7fe1ccf385ebc8a0n],
    ['1e309', null],
    ['0x1p-1074', 1n],
    ['5e-324', 1n],
    ['2.4703282292062327e-324', 0n], // below half the smallest subnormal
    ['2.4703282292062328e-324', 1n],
    ['0x1p-1075', 0n],
    ['2.2250738585072011e-308', 0x000fffffffffffffn],
    ['2.2250738585072012e-308', 0x0010000000000000n],
    ['0.1', 0x3fb999999999999an],
    ['9007199254740993', 0x4340000000000000n], // 2^53 + 1: tie → even (2^53)
    ['9007199254740995', 0x4340000000000002n], // 2^53 + 3: tie → even (2^53 + 4)
    ['nan:0xf_ffff_ffff_ffff', 0x7fffffffffffffffn],
    ['nan:0x10_0000_0000_0000', null],
    ['-nan', 0xfff8000000000000n],
  ];
  for (const [text, bits] of f64Cases) {
    it(`f64 ${text}`, () => expect(f64Big(n.parseF64(text))).toBe(bits));
  }
});

describe('literal syntax', () => {
  const badFloats = [
    '', '.0', '.0e0', '0e', '0e+', '0.0e', '0.0e-', '0x', '1x', '0xg', '0x.', '0x0.g', '0x0p', '0x0p+', '0x0p-',
    '0x0.0p', '0x0pA', '_100', '+_100', '-_100', '99_', '1__000', '_1.0', '1.0_', '1_.0', '1._0', '_1e1', '1e1_',
    '1_e1', '1e_1', '1.0e+_1', '1.0e_+1', '_0x100', '0_x100', '0x_100', '0x00_', '0xff__ffff', '0x1_.0', '0x1._0',
    '0x1p1_', '0x1_p1', '0x1p_1', '0x1.0p+_1', 'nan:1', 'nan:0x', 'nan:0x_1', 'infinity', 'Inf', 'NaN', '1e5x', '++1',
    '0x1e', // valid: hex digit 'e'
  ];
  it('rejects malformed float tokens', () => {
    for (const t of badFloats) {
      if (t === '0x1e') expect(n.isFloatLiteral(t)).toBe(true);
      else expect(n.isFloatLiteral(t), t).toBe(false);
    }
  });
  it('accepts the testsuite forms', () => {
    for (const t of [
      '0123456789.e+019', '0123456789.0123456789e-019', '0x0123456789ABCDEF.019aFp-019', '0x1.p10', '1.', '0x1.',
      '0_1_2_3_4_5_6_7_8_9.0_1_2_3_4_5_6_7_8_9e0_1_9', '122_000.11_3_54E0_2_3', '0xf0P+1_3', '+0x1.00000100000000001p-50',
    ]) {
      expect(n.isFloatLiteral(t), t).toBe(true);
      expect(f64Big(n.parseF64(t)), t).toBe(refParse(t, F64));
    }
  });
  it('rejects malformed integer tokens', () => {
    for (const t of ['', '0x', '1x', '0xg', '_100', '+_100', '99_', '1__000', '0x_1', '0_x1', '1.0', '1e3', '+', '-', '0X10']) {
      expect(n.isIntegerLiteral(t), t).toBe(false);
      expect(n.parseI32(t), t).toBe(null);
      expect(n.parseI64(t), t).toBe(null);
    }
  });
});

describe('integer literals', () => {
  it('i32 ranges', () => {
    expect(n.parseI32('0xffffffff')).toBe(-1);
    expect(n.parseI32('4294967295')).toBe(-1);
    expect(n.parseI32('-0x80000000')).toBe(-2147483648);
    expect(n.parseI32('-2147483648')).toBe(-2147483648);
    expect(n.parseI32('+2147483647')).toBe(2147483647);
    expect(n.parseI32('0x100000000')).toBe(null);
    expect(n.parseI32('4294967296')).toBe(null);
    expect(n.parseI32('-0x80000001')).toBe(null);
    expect(n.parseI32('-2147483649')).toBe(null);
    expect(n.parseI32('+2147483648')).toBe(null); // sN: '+' needs n < 2^31
    expect(n.parseI32('-0')).toBe(0);
    expect(n.parseI32('010')).toBe(10);
    expect(n.parseI32('0_123_456_789')).toBe(123456789);
    expect(n.parseI32('0x0_9acf_fBDF')).toBe(0x9acffbdf | 0);
    expect(n.parseI32('1' + '0'.repeat(40))).toBe(null);
    expect(n.parseU32('4294967295')).toBe(4294967295);
    expect(n.parseU32('-1')).toBe(null);
    expect(n.parseU32('+1')).toBe(null);
    expect(n.parseIntN('255', 8)).toBe(-1);
    expect(n.parseIntN('-128', 8)).toBe(-128);
    expect(n.parseIntN('256', 8)).toBe(null);
    expect(n.parseIntN('-129', 8)).toBe(null);
    expect(n.parseIntN('0xffff', 16)).toBe(-1);
  });
  it('i64 ranges', () => {
    const big = (t: string): bigint | null => {
      const w = n.parseI64(t);
      return w === null ? null : n.i64ToBigInt(w.lo, w.hi, true);
    };
    expect(big('0xffffffffffffffff')).toBe(-1n);
    expect(big('18446744073709551615')).toBe(-1n);
    expect(big('-0x8000000000000000')).toBe(-(2n ** 63n));
    expect(big('-9223372036854775808')).toBe(-(2n ** 63n));
    expect(big('+9223372036854775807')).toBe(2n ** 63n - 1n);
    expect(big('+9223372036854775808')).toBe(null);
    expect(big('0x10000000000000000')).toBe(null);
    expect(big('18446744073709551616')).toBe(null);
    expect(big('-0x8000000000000001')).toBe(null);
    expect(big('-9223372036854775809')).toBe(null);
    expect(big('0x0125_6789_ADEF_bcef')).toBe(0x01256789adefbcefn);
    expect(big('-0')).toBe(0n);
    const u = n.parseU64('0xffffffffffffffff');
    expect(u === null ? null : n.i64ToBigInt(u.lo, u.hi, false)).toBe(2n ** 64n - 1n);
    expect(n.parseU64('-1')).toBe(null);
  });
  it('random values in every written form', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }),
        fc.boolean(),
        fc.constantFrom('', '+'),
        fc.integer(),
        (v, hex, plus, seed) => {
          const mag = v < 0n ? -v : v;
          const body = hex ? '0x' + mag.toString(16) : mag.toString();
          const text = sprinkle((v < 0n ? '-' : plus) + body, seed);
          const signed = v < 0n || plus === '+';
          const inRange64 = signed ? v >= -(2n ** 63n) && v < 2n ** 63n : v < 2n ** 64n;
          const inRange32 = signed ? v >= -(2n ** 31n) && v < 2n ** 31n : v < 2n ** 32n;
          const w = n.parseI64(text);
          const x = n.parseI32(text);
          const ok64 = inRange64 ? w !== null && n.i64ToBigInt(w.lo, w.hi, true) === BigInt.asIntN(64, v) : w === null;
          const ok32 = inRange32 ? x === Number(BigInt.asIntN(32, v)) : x === null;
          return ok64 && ok32 && n.isIntegerLiteral(text);
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('printing', () => {
  it('f32: shortest decimal (or nan/inf) parses back to the same bits', () => {
    fc.assert(
      fc.property(f32BitsArb, (b) => {
        const text = n.formatF32(b);
        const hexText = n.formatF32Hex(b);
        return n.parseF32(text) === b && n.parseF32(hexText) === b;
      }),
      { numRuns: 5000 },
    );
  });
  it('f64: shortest decimal (or nan/inf) parses back to the same bits', () => {
    fc.assert(
      fc.property(f64BitsArb, (b) => {
        const [lo, hi] = wordsOf(b);
        const back = n.parseF64(n.formatF64(lo, hi));
        const backHex = n.parseF64(n.formatF64Hex(lo, hi));
        return back !== null && back.lo === lo && back.hi === hi && backHex !== null && backHex.lo === lo && backHex.hi === hi;
      }),
      { numRuns: 5000 },
    );
  });
  it('examples', () => {
    expect(n.formatF32(0x3fc00000)).toBe('1.5');
    expect(n.formatF32(0x3dcccccd)).toBe('0.1');
    expect(n.formatF32(0x00000001)).toBe('1e-45');
    expect(n.formatF32(0x7f7fffff)).toBe('3.4028235e+38');
    expect(n.formatF32(0x80000000 | 0)).toBe('-0');
    expect(n.formatF32(0x7fc00000)).toBe('nan');
    expect(n.formatF32(0xffa00000 | 0)).toBe('-nan:0x200000');
    expect(n.formatF32(0xff800000 | 0)).toBe('-inf');
    expect(n.formatF32Hex(0x7f7fffff)).toBe('0x1.fffffep+127');
    expect(n.formatF32Hex(0x00000001)).toBe('0x0.000002p-126');
    expect(n.formatF32Hex(0x3f800000)).toBe('0x1p+0');
    expect(n.formatF64(...wordsOf(f64BitsOfNumber(0.1)))).toBe('0.1');
    expect(n.formatF64(0, 0x80000000 | 0)).toBe('-0');
    expect(n.formatF64(1, 0x7ff00000)).toBe('nan:0x1');
    expect(n.formatF64(0, 0x7ff80000)).toBe('nan');
    expect(n.formatF64Hex(-1, 0x7fefffff)).toBe('0x1.fffffffffffffp+1023');
    expect(n.formatF64Hex(1, 0)).toBe('0x0.0000000000001p-1022');
    expect(n.formatI32(-1)).toBe('-1');
    expect(n.formatI32(-1, false)).toBe('4294967295');
    expect(n.formatI64(-1, -1)).toBe('-1');
    expect(n.formatI64(-1, -1, false)).toBe('18446744073709551615');
    expect(n.formatI64(0, -0x80000000)).toBe('-9223372036854775808');
  });
});

// ---------------------------------------------------------------------------
// The official testsuite's literal cases, when a checkout is available.

function findTestsuite(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    process.env.SPEC_TESTSUITE,
    join(here, '../../../shared/spec-testsuite'),
  ];
  for (const c of candidates) if (c && existsSync(join(c, 'const.wast'))) return c;
  return null;
}

const suite = findTestsuite();

/** Parses a `T.const X` literal to bits as a BigInt (f32/i32: 32 bits, f64/i64: 64 bits), or null. */
function literalBits(type: string, text: string): bigint | null {
  switch (type) {
    case 'i32': {
      const x = n.parseI32(text);
      return x === null ? null : BigInt(x >>> 0);
    }
    case 'f32':
      return f32Big(n.parseF32(text));
    case 'i64':
    case 'f64': {
      const w = type === 'i64' ? n.parseI64(text) : n.parseF64(text);
      return f64Big(w);
    }
  }
  throw new Error(type);
}

describe.skipIf(suite === null)('testsuite literal cases (const, float_literals, int_literals)', () => {
  const files = ['const.wast', 'float_literals.wast', 'int_literals.wast'];
  it('assert_return of exported constants', () => {
    let checked = 0;
    for (const file of files) {
      const src = readFileSync(join(suite as string, file), 'utf8');
      const exports = new Map<string, [string, string]>();
      const token =
        /\(module\b|\(func \(export "([^"]+)"\) \(result \w+\)\s*(?:\(return\s*)?(?:\(\w+\.reinterpret_\w+\s*)?\((i32|i64|f32|f64)\.const ([^\s)]+)\)|\(assert_return \(invoke "([^"]+)"\) \((i32|i64|f32|f64)\.const ([^\s)]+)\)\)/g;
      for (const m of src.matchAll(token)) {
        if (m[0] === '(module') exports.clear();
        else if (m[1] !== undefined) exports.set(m[1], [m[2], m[3]]);
        else if (m[4] !== undefined && exports.has(m[4])) {
          const [type, text] = exports.get(m[4]) as [string, string];
          const got = literalBits(type, text);
          const expected = literalBits(m[5], m[6]);
          expect(got, `${file}: ${type}.const ${text} = ${m[5]}.const ${m[6]}`).toBe(expected);
          expect(got).not.toBe(null);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(250);
  });
  it('assert_malformed of numeric literals', () => {
    let checked = 0;
    for (const file of files) {
      const src = readFileSync(join(suite as string, file), 'utf8');
      const re = /\(assert_malformed\s*\(module quote "([^"]*)"\)\s*"([^"]*)"\s*\)/g;
      for (const m of src.matchAll(re)) {
        const c = /\((i32|i64|f32|f64)\.const ([^\s)]+)\)/.exec(m[1]);
        if (c === null) continue;
        const [, type, text] = c;
        const syntaxOk = type.startsWith('i') ? n.isIntegerLiteral(text) : n.isFloatLiteral(text);
        if (m[2] === 'unknown operator') {
          expect(syntaxOk, `${file}: ${text} is malformed`).toBe(false);
        } else if (m[2] === 'constant out of range') {
          expect(syntaxOk, `${file}: ${text} is well-formed`).toBe(true);
          expect(literalBits(type, text), `${file}: ${text} is out of range`).toBe(null);
        } else {
          continue;
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(80);
  });
});
