/**
 * Values at the interpreter's boundary: arguments and results of `invoke`,
 * of host functions, and the contents of globals and tables.
 *
 * Representation (documented here, once) — raw bits, so a caller can check
 * every bit, NaN payloads included:
 * - i32: a number holding an int32 (signed).
 * - i64: a bigint in [-2^63, 2^63) (signed).
 * - f32: a number holding the *bit pattern* as a uint32 (`0x7fc00000` is the
 *   canonical NaN); use `f32ToBits`/`f32FromBitsValue` to convert JS numbers.
 * - f64: a bigint holding the bit pattern as a u64; `f64ToBits`/`f64FromBitsValue`.
 * - v128: a `Uint8Array` of its 16 bytes in memory order (lane 0 first).
 *   Only embedders and the spec runner see it: the JS API refuses v128 at
 *   the JS boundary (src/api/values.ts).
 * - references: `null` is the null reference of any type; a funcref is a
 *   `FuncInst`; an externref is any other JS value (undefined included).
 *
 * The JS API layer converts these to JS values (ToJSValue) and back; the spec
 * runner compares them directly. Deliberately no JS-number f32/f64 form here:
 * converting a NaN through a JS number may change its payload.
 */
import { I32, I64, F32, F64, V128 } from '../ast/types.js';
import { i64FromBigInt, i64ToBigInt } from '../numeric/index.js';
import type { GlobalInst } from './runtime.js';

/** A boundary value (see the header for the representation per type). */
export type Value = unknown;

const scratch = new ArrayBuffer(8);
const sF32 = new Float32Array(scratch);
const sF64 = new Float64Array(scratch);
const sI32 = new Int32Array(scratch);

/** The f32 bits (uint32) of JS number `x` rounded to binary32. */
export function f32ToBits(x: number): number {
  sF32[0] = x;
  return sI32[0]! >>> 0;
}
/** The JS number of f32 bits `bits` (a signaling NaN comes back quieted). */
export function f32FromBitsValue(bits: number): number {
  sI32[0] = bits | 0;
  return sF32[0]!;
}
/** The f64 bits (u64 bigint) of JS number `x`. */
export function f64ToBits(x: number): bigint {
  sF64[0] = x;
  return (BigInt(sI32[1]! >>> 0) << 32n) | BigInt(sI32[0]! >>> 0);
}
/** The JS number of f64 bits `bits`. */
export function f64FromBitsValue(bits: bigint): number {
  sI32[0] = Number(bits & 0xffffffffn) | 0;
  sI32[1] = Number((bits >> 32n) & 0xffffffffn) | 0;
  return sF64[0]!;
}

/**
 * Writes boundary value `v` of type `t` into words `w`, `w + 1` of `i32`
 * (numbers; a v128 takes `w` .. `w + 3`) or cell `w >> 1` of `refs`
 * (references). Throws TypeError when a number type gets a value of the
 * wrong JS type (an embedder bug).
 */
export function writeValue(i32: Int32Array, refs: Value[], w: number, t: number, v: Value): void {
  switch (t) {
    case I32:
      if (typeof v !== 'number') throw new TypeError(`i32 value expected, got ${typeof v}`);
      i32[w] = v | 0;
      return;
    case F32:
      if (typeof v !== 'number') throw new TypeError(`f32 bits expected, got ${typeof v}`);
      i32[w] = v | 0;
      return;
    case I64:
      if (typeof v !== 'bigint') throw new TypeError(`i64 bigint expected, got ${typeof v}`);
      i64FromBigInt(i32, w, v);
      return;
    case F64:
      if (typeof v !== 'bigint') throw new TypeError(`f64 bits bigint expected, got ${typeof v}`);
      i32[w] = Number(v & 0xffffffffn) | 0;
      i32[w + 1] = Number((v >> 32n) & 0xffffffffn) | 0;
      return;
    case V128: {
      if (!(v instanceof Uint8Array) || v.length !== 16) throw new TypeError('v128 value expected: a Uint8Array of 16 bytes');
      const dv = new DataView(v.buffer, v.byteOffset, 16);
      for (let k = 0; k < 4; k++) i32[w + k] = dv.getInt32(4 * k, true);
      return;
    }
    default:
      refs[w >> 1] = v;
  }
}

/** Reads the boundary value of type `t` at word `w` (see `writeValue`). */
export function readValue(i32: Int32Array, refs: Value[], w: number, t: number): Value {
  switch (t) {
    case I32: return i32[w]!;
    case F32: return i32[w]! >>> 0;
    case I64: return i64ToBigInt(i32[w]!, i32[w + 1]!, true);
    case F64: return i64ToBigInt(i32[w]!, i32[w + 1]!, false);
    case V128: {
      const out = new Uint8Array(16);
      const dv = new DataView(out.buffer);
      for (let k = 0; k < 4; k++) dv.setInt32(4 * k, i32[w + k]!, true);
      return out;
    }
    default: return refs[w >> 1];
  }
}

const gRefs: Value[] = [null];

/** The boundary value of a global. */
export function readGlobal(g: GlobalInst): Value {
  if (g.type >= 0x100) return g.ref;
  return readValue(g.bits, gRefs, 0, g.type);
}

/** Sets a global from a boundary value (ignores mutability: the caller checks it). */
export function writeGlobal(g: GlobalInst, v: Value): void {
  if (g.type >= 0x100) g.ref = v;
  else writeValue(g.bits, gRefs, 0, g.type, v);
}
