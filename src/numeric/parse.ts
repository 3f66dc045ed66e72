/**
 * Numeric literals of the WebAssembly text format: integers into i32/i64
 * values with their range checks, floats into f32/f64 bit patterns rounded
 * correctly (to nearest, ties to even) from the exact written value.
 *
 * Spec: "Text Format" chapter, section "Values" (Integers: sign, digit,
 * hexdigit, num, hexnum, uN, sN, iN; Floating-Point: frac, hexfrac, float,
 * hexfloat, fN, fNmag), whose `float_N` rounding is IEEE 754
 * round-to-nearest-even and where a value rounding to infinity, an integer
 * out of range and a NaN payload of 0 are all "constant out of range".
 *
 * Results: integer parsers return an int32 number or `{ lo, hi }` words;
 * float parsers return f32 bits (an int32) or f64 `{ lo, hi }` words. They
 * return `null` both for malformed text and for a value out of range; use
 * `isIntegerLiteral` / `isFloatLiteral` to tell the two apart ("unknown
 * operator" versus "constant out of range" in the testsuite).
 *
 * How floats round without double rounding: the literal becomes an exact
 * big integer D with scale 10^e10 (decimal) or 2^e2 (hex). A nearby candidate
 * float comes from the engine's own double parse (only an estimate); it is
 * then moved up or down one step at a time until the exact value lies between
 * the midpoints to its neighbours, each comparison done exactly in big-integer
 * arithmetic (`bignum.ts`). Digits beyond what can influence rounding (800
 * decimal, 40 hex) are folded into one sticky digit first.
 *
 * Deliberately not here: tokenizing (the caller hands over one token), other
 * literal kinds (strings, identifiers), printing (`format.ts`), BigInt.
 */

import { bnCmp, bnFromDigits, bnFromNumber, bnMul, bnMulAddSmall, bnPow10, bnShl, bnSubSmall } from './bignum.js';
import type { BigNum } from './bignum.js';
import { f64BitsHi } from './float.js';

/** An i64 or f64 bit pattern as two int32 words. */
export interface Words {
  /** Bits 0..31 as an int32. */
  lo: number;
  /** Bits 32..63 as an int32. */
  hi: number;
}

const TWO_32 = 4294967296;
const UNDERSCORE = 0x5f;

// ---------------------------------------------------------------------------
// Lexical helpers

function digitValue(c: number, hex: boolean): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (hex) {
    if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
    if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  }
  return -1;
}

/**
 * Scans `digit ('_'? digit)*` (or hexdigits) from i. Returns the end index:
 * i itself when there is no digit at i, -1 when an underscore is not
 * followed by a digit.
 */
function scanDigits(s: string, i: number, hex: boolean): number {
  if (digitValue(s.charCodeAt(i), hex) < 0) return i;
  i++;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === UNDERSCORE) {
      if (digitValue(s.charCodeAt(i + 1), hex) < 0) return -1;
      i += 2;
    } else if (digitValue(c, hex) >= 0) {
      i++;
    } else {
      break;
    }
  }
  return i;
}

function stripUnderscores(s: string): string {
  return s.indexOf('_') < 0 ? s : s.split('_').join('');
}

// ---------------------------------------------------------------------------
// Integers

/** A scanned integer literal: sign and digits (underscores removed). */
interface IntToken {
  sign: 0 | 1 | -1; // 0: no sign written
  hex: boolean;
  digits: string;
}

function scanInt(s: string): IntToken | null {
  let i = 0;
  let sign: 0 | 1 | -1 = 0;
  const c0 = s.charCodeAt(0);
  if (c0 === 0x2b) {
    sign = 1;
    i = 1;
  } else if (c0 === 0x2d) {
    sign = -1;
    i = 1;
  }
  let hex = false;
  if (s.startsWith('0x', i)) {
    hex = true;
    i += 2;
  }
  const end = scanDigits(s, i, hex);
  if (end <= i || end !== s.length) return null;
  return { sign, hex, digits: stripUnderscores(s.slice(i, end)) };
}

/** Unsigned value of the digits if below 2^bits (bits <= 32), else -1. */
function smallMagnitude(digits: string, hex: boolean, limit: number): number {
  const radix = hex ? 16 : 10;
  let v = 0;
  for (let i = 0; i < digits.length; i++) {
    v = v * radix + digitValue(digits.charCodeAt(i), hex);
    if (v > limit) return -1; // v was exact up to the previous digit, and any rounding stays above limit
  }
  return v;
}

/**
 * An integer literal of bit width `bits` (1..32) following the spec's iN:
 * unsigned forms must be below 2^N, `+n` below 2^(N-1), `-n` at most
 * 2^(N-1). Returns the N-bit two's complement pattern sign-extended to an
 * int32 (so 255 and -1 both give -1 for N = 8), or null when malformed or out
 * of range.
 */
export function parseIntN(text: string, bits: number): number | null {
  const t = scanInt(text);
  if (t === null) return null;
  const half = 2 ** (bits - 1);
  const limit = t.sign === 0 ? 2 * half - 1 : t.sign > 0 ? half - 1 : half;
  const v = smallMagnitude(t.digits, t.hex, limit);
  if (v < 0) return null;
  const shift = 32 - bits;
  return ((t.sign < 0 ? -v : v) << shift) >> shift;
}

/** An i32 literal (`i32.const`): unsigned below 2^32 or signed in [-2^31, 2^31); int32 result or null. */
export function parseI32(text: string): number | null {
  return parseIntN(text, 32);
}

/** A u32 literal (indices, offsets, alignments, limits): no sign, below 2^32; result in [0, 2^32) or null. */
export function parseU32(text: string): number | null {
  const t = scanInt(text);
  if (t === null || t.sign !== 0) return null;
  const v = smallMagnitude(t.digits, t.hex, 0xffffffff);
  return v < 0 ? null : v;
}

/** Magnitude of the digits as words if below 2^64, else null. */
function wideMagnitude(digits: string, hex: boolean): Words | null {
  const radix = hex ? 16 : 10;
  // Four 16-bit limbs, least significant first.
  let l0 = 0;
  let l1 = 0;
  let l2 = 0;
  let l3 = 0;
  for (let i = 0; i < digits.length; i++) {
    let t = l0 * radix + digitValue(digits.charCodeAt(i), hex);
    l0 = t & 0xffff;
    t = l1 * radix + (t >>> 16);
    l1 = t & 0xffff;
    t = l2 * radix + (t >>> 16);
    l2 = t & 0xffff;
    t = l3 * radix + (t >>> 16);
    l3 = t & 0xffff;
    if (t >>> 16 !== 0) return null;
  }
  return { lo: (l1 << 16) | l0, hi: (l3 << 16) | l2 };
}

/** An i64 literal (`i64.const`): unsigned below 2^64 or signed in [-2^63, 2^63); words or null. */
export function parseI64(text: string): Words | null {
  const t = scanInt(text);
  if (t === null) return null;
  const m = wideMagnitude(t.digits, t.hex);
  if (m === null) return null;
  if (t.sign === 0) return m;
  if (t.sign > 0) return m.hi < 0 ? null : m;
  // -n needs n <= 2^63
  if (m.hi < 0 && !(m.hi === -0x80000000 && m.lo === 0)) return null;
  return { lo: -m.lo | 0, hi: (~m.hi + (m.lo === 0 ? 1 : 0)) | 0 };
}

/** A u64 literal (memory64 offsets and limits): no sign, below 2^64; words or null. */
export function parseU64(text: string): Words | null {
  const t = scanInt(text);
  if (t === null || t.sign !== 0) return null;
  return wideMagnitude(t.digits, t.hex);
}

/** True if `text` has the syntax of an integer literal (sign, decimal or 0x hex digits, single underscores between digits), in range or not. */
export function isIntegerLiteral(text: string): boolean {
  return scanInt(text) !== null;
}

// ---------------------------------------------------------------------------
// Float tokens

const enum FloatKind {
  Decimal,
  Hex,
  Inf,
  Nan,
  NanPayload,
}

/** A scanned float literal. */
interface FloatToken {
  kind: FloatKind;
  negative: boolean;
  /** Significand digits without point or underscores (Decimal, Hex), or the payload hex digits (NanPayload). */
  digits: string;
  /** Decimal: value = digits * 10^exp. Hex: value = digits * 2^exp. */
  exp: number;
}

/** Exponents are clamped to this magnitude; anything beyond is already out of range or zero. */
const EXP_CLAMP = 100000000;

function scanFloat(s: string): FloatToken | null {
  let i = 0;
  let negative = false;
  const c0 = s.charCodeAt(0);
  if (c0 === 0x2b) {
    i = 1;
  } else if (c0 === 0x2d) {
    negative = true;
    i = 1;
  }
  if (s.startsWith('inf', i) && s.length === i + 3) return { kind: FloatKind.Inf, negative, digits: '', exp: 0 };
  if (s.startsWith('nan', i)) {
    if (s.length === i + 3) return { kind: FloatKind.Nan, negative, digits: '', exp: 0 };
    if (!s.startsWith(':0x', i + 3)) return null;
    const start = i + 6;
    const end = scanDigits(s, start, true);
    if (end <= start || end !== s.length) return null;
    return { kind: FloatKind.NanPayload, negative, digits: stripUnderscores(s.slice(start, end)), exp: 0 };
  }
  let hex = false;
  if (s.startsWith('0x', i)) {
    hex = true;
    i += 2;
  }
  const intEnd = scanDigits(s, i, hex);
  if (intEnd <= i) return null;
  let digits = stripUnderscores(s.slice(i, intEnd));
  let fracDigits = 0;
  i = intEnd;
  if (s.charCodeAt(i) === 0x2e /* . */) {
    const fracEnd = scanDigits(s, i + 1, hex);
    if (fracEnd < 0) return null;
    const frac = stripUnderscores(s.slice(i + 1, fracEnd));
    digits += frac;
    fracDigits = frac.length;
    i = fracEnd;
  }
  let exp = 0;
  if (i < s.length) {
    const e = s.charCodeAt(i) | 0x20; // lower case
    if (e !== (hex ? 0x70 /* p */ : 0x65) /* e */) return null;
    i++;
    let expNegative = false;
    const sc = s.charCodeAt(i);
    if (sc === 0x2b || sc === 0x2d) {
      expNegative = sc === 0x2d;
      i++;
    }
    const expEnd = scanDigits(s, i, false);
    if (expEnd <= i || expEnd !== s.length) return null;
    const expDigits = stripUnderscores(s.slice(i, expEnd));
    for (let k = 0; k < expDigits.length && exp < EXP_CLAMP; k++) exp = exp * 10 + (expDigits.charCodeAt(k) - 0x30);
    if (exp > EXP_CLAMP) exp = EXP_CLAMP;
    if (expNegative) exp = -exp;
  }
  exp -= hex ? 4 * fracDigits : fracDigits;
  return { kind: hex ? FloatKind.Hex : FloatKind.Decimal, negative, digits, exp };
}

/** True if `text` has the syntax of a float literal (including integer forms, inf, nan and nan:0x…), in range or not. */
export function isFloatLiteral(text: string): boolean {
  return scanFloat(text) !== null;
}

// ---------------------------------------------------------------------------
// Exact rounding

/** A binary floating-point format: values M * 2^E with M < 2^p, E >= emin. */
interface Format {
  /** Significand bits including the implicit one (24 or 53). */
  p: number;
  /** Exponent of the subnormals' unit (value of the least significant bit). */
  emin: number;
  /** Largest E of a finite value with M in [2^(p-1), 2^p). */
  emax: number;
}

const F32: Format = { p: 24, emin: -149, emax: 104 };
const F64: Format = { p: 53, emin: -1074, emax: 971 };

/** Decimal digits kept exactly; further digits only matter as "nonzero or not". */
const MAX_DECIMAL_DIGITS = 800;
/** Hex digits kept exactly (160 bits, far beyond f64's 54-bit midpoints). */
const MAX_HEX_DIGITS = 40;
/** Decimal exponents of the leading digit beyond which a literal is surely infinite or zero. */
const DECIMAL_LEAD_MAX = 400;
const DECIMAL_LEAD_MIN = -400;
/** Binary exponents of the leading bit beyond which a literal is surely infinite or zero. */
const BINARY_LEAD_MAX = 1100;
const BINARY_LEAD_MIN = -1200;

/** Decimal significands of at most this many digits are exact doubles (10^15 < 2^53). */
const FAST_DIGITS = 15;
/** Powers of ten up to this are exact doubles. */
const FAST_POW10 = 22;
const POW10: number[] = [];
for (let k = 0, p = 1; k <= FAST_POW10; k++, p *= 10) POW10.push(p);

/** Multiplies x by 2^n without intermediate overflow (the result may round when subnormal; fine for estimates). */
function scaleByPowerOf2(x: number, n: number): number {
  while (n > 1000) {
    x *= 2 ** 1000;
    n -= 1000;
  }
  while (n < -1000) {
    x *= 2 ** -1000;
    n += 1000;
  }
  return x * 2 ** n;
}

/** Outcome of rounding: M * 2^E, or E > emax for "rounds to infinity". */
interface Rounded {
  m: number;
  e: number;
}

/** Bounds of the f32 fast path: D below 2^24 and 10^|exp| an exact f32 (5^10 < 2^24). */
const F32_FAST_MAX = 2 ** 24;
const F32_FAST_POW10 = 10;

/** Hex literals with up to this many significant digits (104 bits) take the fast path. */
const HEX_FAST_DIGITS = 26;

const midF32 = new Float32Array(1);
const midBits = new Int32Array(midF32.buffer);

/** Is double d (>= 0) exactly halfway between two adjacent f32 values (or past the largest)? */
function isF32Midpoint(d: number): boolean {
  const f = Math.fround(d);
  if (f === d) return false;
  midF32[0] = f;
  midBits[0] += f < d ? 1 : -1;
  const g = midF32[0]!;
  if (!Number.isFinite(g) || !Number.isFinite(f)) return true; // near the overflow threshold: take the exact path
  return (f + g) / 2 === d;
}

/** A fast-path value (already in the format, or +inf): decomposed, or null when it overflowed. */
function fastResult(y: number, fmt: Format): Rounded | null {
  const r = decompose(y, fmt);
  return r.e > fmt.emax ? null : r;
}

/** The value y (>= 0, a value of the format or +inf) as M * 2^E in the format. */
function decompose(y: number, fmt: Format): Rounded {
  if (y === Infinity) return { m: 2 ** (fmt.p - 1), e: fmt.emax + 1 };
  if (y === 0) return { m: 0, e: fmt.emin };
  let be = (f64BitsHi(y) >>> 20) & 0x7ff;
  let exponent = be - 1023;
  if (be === 0) {
    be = (f64BitsHi(y * 2 ** 64) >>> 20) & 0x7ff;
    exponent = be - 1023 - 64;
  }
  const e = Math.max(fmt.emin, exponent - (fmt.p - 1));
  return { m: scaleByPowerOf2(y, -e), e };
}

/**
 * Rounds the exact value D * 10^e10 * 2^e2 (D > 0) to the format, starting
 * from the double estimate `approx`, correcting by exact comparisons.
 */
function roundExact(d: BigNum, e10: number, e2: number, approx: number, fmt: Format): Rounded {
  const p1 = 2 ** (fmt.p - 1);
  // Candidate from the estimate.
  const start = decompose(fmt.p === 24 ? Math.fround(approx) : approx, fmt);
  let m = start.m;
  let e = start.e;
  // Exact comparison of the literal with K * 2^F.
  const left = e10 > 0 ? bnMul(d, bnPow10(e10)) : d;
  const rightScale = e10 < 0 ? bnPow10(-e10) : [1];
  const compare = (k: BigNum, f: number): number => {
    const s = e2 - f;
    const right = bnMul(k, rightScale);
    return s >= 0 ? bnCmp(bnShl(left, s), right) : bnCmp(left, bnShl(right, -s));
  };
  for (;;) {
    if (e <= fmt.emax) {
      // Midpoint to the next float up: (2m + 1) * 2^(e - 1).
      const c = compare(bnMulAddSmall(bnFromNumber(m), 2, 1), e - 1);
      if (c > 0 || (c === 0 && m % 2 === 1)) {
        m++;
        if (m === 2 * p1) {
          m = p1;
          e++;
        }
        continue;
      }
    }
    if (m > 0) {
      // Midpoint to the next float down; the gap halves below a power of two.
      const c =
        m === p1 && e > fmt.emin
          ? compare(bnSubSmall(bnMulAddSmall(bnFromNumber(m), 4, 0), 1), e - 2)
          : compare(bnSubSmall(bnMulAddSmall(bnFromNumber(m), 2, 0), 1), e - 1);
      if (c < 0 || (c === 0 && m % 2 === 1)) {
        m--;
        if (m < p1 && e > fmt.emin) {
          m = 2 * p1 - 1;
          e--;
        }
        continue;
      }
    }
    return { m, e };
  }
}

/** Rounds a Decimal or Hex token's magnitude; null if it rounds to infinity. */
function roundToken(t: FloatToken, fmt: Format): Rounded | null {
  const hex = t.kind === FloatKind.Hex;
  let digits = t.digits;
  let exp = t.exp;
  // Normalize: no leading zeros, no trailing zeros.
  let start = 0;
  while (start < digits.length && digits.charCodeAt(start) === 0x30) start++;
  let end = digits.length;
  while (end > start && digits.charCodeAt(end - 1) === 0x30) end--;
  if (start === end) return { m: 0, e: fmt.emin };
  exp += (hex ? 4 : 1) * (digits.length - end);
  digits = digits.slice(start, end);
  // Fold digits that cannot matter into one sticky digit.
  const maxDigits = hex ? MAX_HEX_DIGITS : MAX_DECIMAL_DIGITS;
  if (digits.length > maxDigits) {
    // The kept part ends in a nonzero digit only if something nonzero was cut.
    exp += (hex ? 4 : 1) * (digits.length - maxDigits - 1);
    digits = digits.slice(0, maxDigits) + '1';
  }
  const n = digits.length;
  if (hex) {
    const lead = 4 * (n - 1) + (31 - Math.clz32(parseInt(digits[0], 16))) + exp;
    if (lead > BINARY_LEAD_MAX) return null;
    if (lead < BINARY_LEAD_MIN) return { m: 0, e: fmt.emin };
    const top = Math.min(n, 13);
    if (n <= HEX_FAST_DIGITS && lead >= -1022 && lead <= 1022) {
      // Fast path: D has at most 104 bits; hi * 2^52 + lo is one double
      // operation, so d = RN64(D), and scaling by 2^exp stays exact while the
      // result is a normal double. That is the f64 result; for f32, rounding d
      // is right unless d is exactly an f32 midpoint (see isF32Midpoint).
      const split = Math.max(0, n - 13);
      const hi = split > 0 ? parseInt(digits.slice(0, split), 16) : 0;
      const d = scaleByPowerOf2(hi * 2 ** 52 + parseInt(digits.slice(split), 16), exp);
      if (d >= 2 ** -1022 && d < 2 ** 1023 && (fmt.p === 53 || !isF32Midpoint(d))) {
        return fastResult(fmt.p === 24 ? Math.fround(d) : d, fmt);
      }
    }
    const approx = scaleByPowerOf2(parseInt(digits.slice(0, top), 16), exp + 4 * (n - top));
    const r = roundExact(bnFromDigits(digits, 16), 0, exp, approx, fmt);
    return r.e > fmt.emax ? null : r;
  }
  if (n <= FAST_DIGITS && exp >= -FAST_POW10 && exp <= FAST_POW10) {
    // Clinger's fast path: D and 10^|exp| are exact doubles, so one double
    // operation rounds once. For f32 only an exact double product qualifies.
    const v = Number(digits);
    if (fmt.p === 53) return decompose(exp >= 0 ? v * POW10[exp] : v / POW10[-exp], fmt);
    if (exp >= 0 && v * POW10[exp] <= 2 ** 53) return decompose(Math.fround(v * POW10[exp]), fmt);
    // f32 with D < 2^24 and |exp| <= 10: D and 10^|exp| are exact f32 values, so
    // this is one f32 operation; done in double and rounded to f32, it is still
    // correctly rounded, since 53 >= 2 * 24 + 2 (double rounding is innocuous).
    if (v < F32_FAST_MAX && exp >= -F32_FAST_POW10 && exp <= F32_FAST_POW10) {
      return fastResult(Math.fround(exp >= 0 ? v * POW10[exp]! : v / POW10[-exp]!), fmt);
    }
    // Otherwise the double d = RN64(x) is correctly rounded; rounding it to f32
    // gives RN32(x) unless d is exactly an f32 midpoint (midpoints are exact
    // doubles and RN64 is monotonic, so x and d lie between the same two).
    const d = exp >= 0 ? v * POW10[exp]! : v / POW10[-exp]!;
    if (!isF32Midpoint(d)) return fastResult(Math.fround(d), fmt);
  }
  const lead = n - 1 + exp;
  if (lead > DECIMAL_LEAD_MAX) return null;
  if (lead < DECIMAL_LEAD_MIN) return { m: 0, e: fmt.emin };
  const top = Math.min(n, 17);
  const approx = Number(digits.slice(0, top) + 'e' + (exp + n - top));
  const r = roundExact(bnFromDigits(digits, 10), exp, 0, approx, fmt);
  return r.e > fmt.emax ? null : r;
}

// ---------------------------------------------------------------------------
// Float literals

/**
 * An f32 literal as its bit pattern (an int32), or null when malformed, when
 * its value rounds to infinity, or for a NaN payload outside [1, 2^23).
 * `nan` is the canonical NaN 0x7fc00000 (with the sign written).
 */
export function parseF32(text: string): number | null {
  const t = scanFloat(text);
  if (t === null) return null;
  const sign = t.negative ? -0x80000000 : 0;
  switch (t.kind) {
    case FloatKind.Inf:
      return sign | 0x7f800000;
    case FloatKind.Nan:
      return sign | 0x7fc00000;
    case FloatKind.NanPayload: {
      const payload = smallMagnitude(t.digits, true, 0x7fffff);
      return payload < 1 ? null : sign | 0x7f800000 | payload;
    }
    default: {
      const r = roundToken(t, F32);
      if (r === null) return null;
      return sign | (r.m + (r.e - F32.emin) * 0x800000);
    }
  }
}

/**
 * An f64 literal as its bit pattern { lo, hi }, or null when malformed, when
 * its value rounds to infinity, or for a NaN payload outside [1, 2^52).
 * `nan` is the canonical NaN (hi 0x7ff80000, lo 0, with the sign written).
 */
export function parseF64(text: string): Words | null {
  const t = scanFloat(text);
  if (t === null) return null;
  const sign = t.negative ? -0x80000000 : 0;
  switch (t.kind) {
    case FloatKind.Inf:
      return { lo: 0, hi: sign | 0x7ff00000 };
    case FloatKind.Nan:
      return { lo: 0, hi: sign | 0x7ff80000 };
    case FloatKind.NanPayload: {
      const payload = smallMagnitude(t.digits, true, 0xfffffffffffff); // < 2^52
      if (payload < 1) return null;
      const hi = Math.floor(payload / TWO_32);
      return { lo: (payload - hi * TWO_32) | 0, hi: sign | 0x7ff00000 | hi };
    }
    default: {
      const r = roundToken(t, F64);
      if (r === null) return null;
      const hi = Math.floor(r.m / TWO_32);
      return { lo: (r.m - hi * TWO_32) | 0, hi: sign | (hi + (r.e - F64.emin) * 0x100000) };
    }
  }
}
