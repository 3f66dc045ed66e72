/**
 * Literals of the text format's instructions and script constants ("Text
 * Format › Values" and "Instructions › Vector Instructions"): integer and
 * float constants with the testsuite's range errors, v128 constants by lane
 * shape (the lane count is checked before the lanes' values, as the
 * reference parser does), memoized float rounding.
 *
 * Deliberately not here: the rounding itself (src/numeric/parse.ts).
 */
import { parseF32, parseF64, parseI32, parseI64, parseIntN, isFloatLiteral, isIntegerLiteral } from '../numeric/parse.js';
import { Tok } from './lexer.js';
import type { Cursor } from './cursor.js';

/** An integer literal of `bits` (32 → int32, 64 → words), with the testsuite's range error. */
export function intConst(c: Cursor, bits: 32 | 64): number | { lo: number; hi: number } {
  if (c.kind !== Tok.Num) c.unexpected();
  const s = c.t.text(c.pos);
  const v = bits === 32 ? parseI32(s) : parseI64(s);
  if (v === null) {
    if (isIntegerLiteral(s)) c.fail('constant out of range');
    c.unexpected();
  }
  c.pos++;
  return v;
}

function floatText(c: Cursor): string {
  if (c.kind !== Tok.Num && c.kind !== Tok.Keyword) c.unexpected();
  return c.t.text(c.pos);
}

/**
 * Float literals repeat a lot (the testsuite's large files use a few hundred
 * distinct ones thousands of times), and correct rounding is the costliest
 * part of parsing them, so results are memoized by their text (bounded).
 */
const F32_CACHE = new Map<string, number>();
const F64_CACHE = new Map<string, { lo: number; hi: number }>();
const FLOAT_CACHE_MAX = 4096;

/** An f32 literal's bits. */
export function f32Const(c: Cursor): number {
  const s = floatText(c);
  let v: number | null | undefined = F32_CACHE.get(s);
  if (v === undefined) {
    v = parseF32(s);
    if (v === null) return isFloatLiteral(s) ? c.fail('constant out of range') : c.unexpected();
    if (F32_CACHE.size >= FLOAT_CACHE_MAX) F32_CACHE.clear();
    F32_CACHE.set(s, v);
  }
  c.pos++;
  return v;
}

/** An f64 literal's bit words. */
export function f64Const(c: Cursor): { lo: number; hi: number } {
  const s = floatText(c);
  let v: { lo: number; hi: number } | null | undefined = F64_CACHE.get(s);
  if (v === undefined) {
    v = parseF64(s);
    if (v === null) return isFloatLiteral(s) ? c.fail('constant out of range') : c.unexpected();
    if (F64_CACHE.size >= FLOAT_CACHE_MAX) F64_CACHE.clear();
    F64_CACHE.set(s, v);
  }
  c.pos++;
  return v;
}

/** Lane counts of the v128 shapes. */
export const SHAPES: ReadonlyMap<string, number> = new Map([
  ['i8x16', 16], ['i16x8', 8], ['i32x4', 4], ['i64x2', 2], ['f32x4', 4], ['f64x2', 2],
]);

/** `shape lane*` of `v128.const`, as 16 bytes little endian. */
export function v128Const(c: Cursor): Uint8Array {
  const shape = c.kind === Tok.Keyword ? c.t.text(c.pos) : '';
  const lanes = SHAPES.get(shape);
  if (lanes === undefined) return c.unexpected();
  c.pos++;
  const b = new Uint8Array(16);
  // The lane count is a syntax matter, checked before the literals' values.
  let n = 0;
  while (isLaneLiteral(c, c.pos + n)) n++;
  for (let i = 0; i < n; i++) if (c.t.kind[c.pos + i] === Tok.Reserved) c.unexpected(c.pos + i);
  if (n !== lanes) c.fail('wrong number of lane literals', c.pos + Math.min(n, lanes));
  for (let i = 0; i < lanes; i++) writeLane(c, shape, b, i);
  return b;
}

/** Could token `at` be a lane literal (a number, `inf`/`nan…`, or a malformed number-like token)? */
export function isLaneLiteral(c: Cursor, at: number): boolean {
  const k = c.t.kind[at];
  if (k === Tok.Num || k === Tok.Reserved) return true;
  if (k !== Tok.Keyword) return false;
  const s = c.t.text(at);
  return s.startsWith('nan') || s.startsWith('inf');
}

/** Stores int32 `v` little endian at byte `o` of `b`. */
function put32(b: Uint8Array, o: number, v: number): void {
  b[o] = v;
  b[o + 1] = v >>> 8;
  b[o + 2] = v >>> 16;
  b[o + 3] = v >>> 24;
}

/** Parses one lane literal of `shape` into lane `i` of the 16 bytes `b`. */
export function writeLane(c: Cursor, shape: string, b: Uint8Array, i: number): void {
  switch (shape) {
    case 'i8x16': b[i] = laneInt(c, 8); return;
    case 'i16x8': {
      const v = laneInt(c, 16);
      b[i * 2] = v;
      b[i * 2 + 1] = v >>> 8;
      return;
    }
    case 'i32x4': put32(b, i * 4, intConst(c, 32) as number); return;
    case 'i64x2': {
      const v = intConst(c, 64) as { lo: number; hi: number };
      put32(b, i * 8, v.lo);
      put32(b, i * 8 + 4, v.hi);
      return;
    }
    case 'f32x4': put32(b, i * 4, f32Const(c)); return;
    case 'f64x2': {
      const v = f64Const(c);
      put32(b, i * 8, v.lo);
      put32(b, i * 8 + 4, v.hi);
      return;
    }
  }
}

function laneInt(c: Cursor, bits: number): number {
  if (c.kind !== Tok.Num) c.unexpected();
  const s = c.t.text(c.pos);
  const v = parseIntN(s, bits);
  if (v === null) return isIntegerLiteral(s) ? c.fail('constant out of range') : c.unexpected();
  c.pos++;
  return v;
}
