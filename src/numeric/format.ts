/**
 * Printing numeric values as WebAssembly text literals that parse back to
 * exactly the same bits: integers in decimal, floats as the shortest decimal
 * that round-trips (or as hex floats on request), with `inf`, `nan` and
 * `nan:0x…` for the special values.
 *
 * Spec: "Text Format" chapter, section "Values" (the inverse of the literal
 * grammar implemented in `parse.ts`).
 *
 * Round-tripping is checked, not assumed: each decimal candidate is run
 * through this library's own correctly rounded parser, so the output is
 * right even where an engine's `toString` is not shortest; the hex form is
 * the fallback and is exact by construction.
 *
 * Deliberately not here: choosing a style per instruction (the printer
 * decides), v128 lane formatting.
 */

import { f32FromBits, f64FromBits } from './float.js';
import { i64ToString } from './i64.js';
import { parseF32, parseF64 } from './parse.js';

/** An int32 as decimal text, read as signed (default) or unsigned. */
export function formatI32(x: number, signed = true): string {
  return signed ? String(x | 0) : String(x >>> 0);
}

/** An i64 given as words as decimal text, read as signed (default) or unsigned. */
export function formatI64(lo: number, hi: number, signed = true): string {
  return i64ToString(lo, hi, signed);
}

/** Text for inf and NaN values, or null when the value is finite. */
function special(sign: string, isMaxExponent: boolean, payloadHex: string, canonical: boolean, zeroPayload: boolean): string | null {
  if (!isMaxExponent) return null;
  if (zeroPayload) return sign + 'inf';
  return canonical ? sign + 'nan' : sign + 'nan:0x' + payloadHex;
}

/** Hex digits of `frac` (a `digits * 4`-bit fraction), trailing zeros removed. */
function hexFraction(frac: string): string {
  let end = frac.length;
  while (end > 0 && frac.charCodeAt(end - 1) === 0x30) end--;
  return end === 0 ? '' : '.' + frac.slice(0, end);
}

function binaryExponent(e: number): string {
  return 'p' + (e >= 0 ? '+' : '') + e;
}

/** f32 bits as a hex float literal such as `0x1.fffffep+127`, `-0x0.000002p-126`, `nan:0x200000`. */
export function formatF32Hex(bits: number): string {
  const sign = bits < 0 ? '-' : '';
  const exp = (bits >>> 23) & 0xff;
  const frac = bits & 0x7fffff;
  const s = special(sign, exp === 0xff, frac.toString(16), frac === 0x400000, frac === 0);
  if (s !== null) return s;
  const digits = (frac << 1).toString(16).padStart(6, '0');
  return sign + (exp === 0 ? '0x0' : '0x1') + hexFraction(digits) + binaryExponent(exp === 0 ? (frac === 0 ? 0 : -126) : exp - 127);
}

/** f64 words as a hex float literal such as `0x1.fffffffffffffp+1023`, `nan:0x8000000000001`. */
export function formatF64Hex(lo: number, hi: number): string {
  const sign = hi < 0 ? '-' : '';
  const exp = (hi >>> 20) & 0x7ff;
  const fracHi = hi & 0xfffff;
  const fracHex = fracHi.toString(16).padStart(5, '0') + (lo >>> 0).toString(16).padStart(8, '0');
  const payloadHex = fracHi === 0 ? (lo >>> 0).toString(16) : fracHi.toString(16) + fracHex.slice(5);
  const s = special(sign, exp === 0x7ff, payloadHex, fracHi === 0x80000 && lo === 0, fracHi === 0 && lo === 0);
  if (s !== null) return s;
  const zero = exp === 0 && fracHi === 0 && lo === 0;
  return sign + (exp === 0 ? '0x0' : '0x1') + hexFraction(fracHex) + binaryExponent(exp === 0 ? (zero ? 0 : -1022) : exp - 1023);
}

/** Maximum significant decimal digits any f32 needs to round-trip. */
const F32_MAX_DIGITS = 9;

/**
 * f32 bits as the shortest decimal literal that parses back to the same bits
 * (`1.5`, `-0`, `3.4028235e+38`, `1e-45`), or `inf` / `nan` / `nan:0x…`.
 */
export function formatF32(bits: number): string {
  const exp = (bits >>> 23) & 0xff;
  if (exp === 0xff) return formatF32Hex(bits);
  const sign = bits < 0 ? '-' : '';
  const mag = bits & 0x7fffffff;
  if (mag === 0) return sign + '0';
  const x = f32FromBits(mag);
  for (let p = 1; p <= F32_MAX_DIGITS; p++) {
    const raw = x.toPrecision(p);
    if (parseF32(raw) === mag) {
      const pretty = String(Number(raw)); // same value, without padding zeros
      return sign + (parseF32(pretty) === mag ? pretty : raw);
    }
  }
  return formatF32Hex(bits);
}

/**
 * f64 words as the shortest decimal literal that parses back to the same
 * bits (`0.1`, `-0`, `1.7976931348623157e+308`, `5e-324`), or `inf` / `nan`
 * / `nan:0x…`.
 */
export function formatF64(lo: number, hi: number): string {
  const exp = (hi >>> 20) & 0x7ff;
  if (exp === 0x7ff) return formatF64Hex(lo, hi);
  const sign = hi < 0 ? '-' : '';
  const hiMag = hi & 0x7fffffff;
  if (hiMag === 0 && lo === 0) return sign + '0';
  const text = String(f64FromBits(lo, hiMag));
  const back = parseF64(text);
  if (back !== null && back.lo === lo && back.hi === hiMag) return sign + text;
  return formatF64Hex(lo, hi);
}
