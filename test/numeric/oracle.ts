/**
 * Test helpers for the numeric tests: tiny hand-assembled wasm modules run by
 * the host's native WebAssembly (the oracle), value generators that favour
 * edge cases, and NaN-aware comparison of float results.
 *
 * Floats cross the JS boundary as bits only (i32 for f32, i64/BigInt for f64):
 * a NaN passed as a JS number may lose its payload, so every oracle function
 * takes and returns integers and reinterprets inside the module.
 *
 * Not a test file itself (no `.test.ts`), and not part of the library.
 */

import fc from 'fast-check';
import { i64FromBigInt, i64ToBigInt } from '../../src/numeric/index.js';

// ---------------------------------------------------------------------------
// Module assembly

/** Value type bytes of the binary format. */
export const I32 = 0x7f;
export const I64 = 0x7e;
export const F32 = 0x7d;
export const F64 = 0x7c;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

/** Builds and instantiates a module exporting one function "f" with the given signature and body (without `end`). */
export function nativeFunction(params: number[], results: number[], body: number[]): (...args: unknown[]) => unknown {
  const type = [0x01, 0x60, ...uleb(params.length), ...params, ...uleb(results.length), ...results];
  const code = [0x00, ...body, 0x0b]; // no locals
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, type),
    ...section(3, [0x01, 0x00]),
    ...section(7, [0x01, 0x01, 0x66, 0x00, 0x00]),
    ...section(10, [0x01, ...uleb(code.length), ...code]),
  ];
  const module = new WebAssembly.Module(new Uint8Array(bytes));
  const instance = new WebAssembly.Instance(module, {});
  return instance.exports.f as (...args: unknown[]) => unknown;
}

/** `local.get i` */
export function get(i: number): number[] {
  return [0x20, ...uleb(i)];
}

const F32_REINTERPRET_I32 = 0xbe;
const I32_REINTERPRET_F32 = 0xbc;
const F64_REINTERPRET_I64 = 0xbf;
const I64_REINTERPRET_F64 = 0xbd;

/** Body fragment: push parameter i as a float of type `t` (F32 from i32 bits, F64 from i64 bits), or as is for integers. */
export function getAs(i: number, t: number): number[] {
  if (t === F32) return [...get(i), F32_REINTERPRET_I32];
  if (t === F64) return [...get(i), F64_REINTERPRET_I64];
  return get(i);
}

/** Body fragment: turn a float result of type `t` into its bits. */
export function bitsOf(t: number): number[] {
  if (t === F32) return [I32_REINTERPRET_F32];
  if (t === F64) return [I64_REINTERPRET_F64];
  return [];
}

/** The carrier type of `t` at the JS boundary (floats travel as integer bits). */
export function carrier(t: number): number {
  return t === F32 ? I32 : t === F64 ? I64 : t;
}

/**
 * A native function computing one instruction `op` (its opcode bytes) with
 * operand types `ins` and result type `out`, taking and returning bits.
 */
export function nativeOp(op: number[], ins: number[], out: number): (...args: unknown[]) => unknown {
  const body: number[] = [];
  ins.forEach((t, i) => body.push(...getAs(i, t)));
  body.push(...op, ...bitsOf(out));
  return nativeFunction(ins.map(carrier), [carrier(out)], body);
}

/** Runs `f`, returning its result or the string "trap" if it throws a WebAssembly.RuntimeError. */
export function orTrap<T>(f: () => T): T | 'trap' {
  try {
    return f();
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) return 'trap';
    throw e;
  }
}

// ---------------------------------------------------------------------------
// i64 <-> BigInt helpers over a scratch register file

/** A scratch register file with room for 8 i64 cells. */
export const regs = new Int32Array(16);

/** Stores a BigInt into cell k of `regs`, returning the word index of its lo word. */
export function put(k: number, v: bigint): number {
  i64FromBigInt(regs, 2 * k, v);
  return 2 * k;
}

/** Reads cell k of `regs` as a signed BigInt. */
export function take(k: number): bigint {
  return i64ToBigInt(regs[2 * k], regs[2 * k + 1], true);
}

/** Words of the f64 bits held in a BigInt (as returned by the oracle). */
export function wordsOf(v: bigint): [number, number] {
  return [Number(BigInt.asIntN(32, v)), Number(BigInt.asIntN(32, v >> 32n))];
}

/** The f64 bits of words as a signed BigInt (to pass to the oracle). */
export function bigOf(lo: number, hi: number): bigint {
  return i64ToBigInt(lo, hi, true);
}

// ---------------------------------------------------------------------------
// Generators

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Interesting i64 values: 0, ±1, MIN, MAX, word boundaries, 2^53 neighbours. */
const i64Edges: bigint[] = [
  0n, 1n, -1n, 2n, -2n, INT64_MIN, INT64_MAX, INT64_MIN + 1n, INT64_MAX - 1n,
  2n ** 31n, 2n ** 31n - 1n, -(2n ** 31n), -(2n ** 31n) - 1n,
  2n ** 32n, 2n ** 32n - 1n, 2n ** 32n + 1n, -(2n ** 32n),
  2n ** 53n, 2n ** 53n - 1n, 2n ** 53n + 1n, -(2n ** 53n),
  0x7fffffff00000000n, -0x100000000n, 10n, 1000000000n, 10n ** 18n,
];

/** Edge-heavy signed i64 generator (as BigInt). */
export const i64Arb: fc.Arbitrary<bigint> = fc.oneof(
  { arbitrary: fc.constantFrom(...i64Edges), weight: 3 },
  {
    // ±2^k + small
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 63 }), fc.integer({ min: -2, max: 2 }), fc.boolean())
      .map(([k, d, neg]) => BigInt.asIntN(64, (neg ? -1n : 1n) * (1n << BigInt(k)) + BigInt(d))),
    weight: 3,
  },
  { arbitrary: fc.bigInt({ min: INT64_MIN, max: INT64_MAX }), weight: 4 },
  {
    // random bit length, so every magnitude is covered evenly
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 64 }), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }))
      .map(([bits, v]) => BigInt.asIntN(64, v >> BigInt(64 - bits))),
    weight: 4,
  },
  { arbitrary: fc.integer().map((x) => BigInt(x)), weight: 2 },
);

/** Interesting f32 bit patterns (as int32). */
export const f32Edges: number[] = [
  0x00000000, 0x80000000, 0x7f800000, 0xff800000, // ±0, ±inf
  0x7fc00000, 0xffc00000, 0x7fc00001, 0x7fa00000, 0x7f800001, 0xff800001, 0x7fffffff, // NaNs
  0x00000001, 0x80000001, 0x007fffff, 0x00800000, 0x7f7fffff, 0xff7fffff, // subnormals, limits
  0x3f800000, 0xbf800000, 0x3f000000, 0xbf000000, 0x3fc00000, 0x40200000, 0xc0200000, 0xbfc00000, // ±1, ±0.5, 1.5, ±2.5
  0x3eff_ffff, 0x3f00_0001, 0xbeff_ffff, // just around 0.5
  0x4b000000, 0x4b000001, 0x4b7fffff, 0x4b800000, 0x4affffff, // 2^23, 2^24 region
  0x4f000000, 0x4effffff, 0xcf000000, 0xcf000001, 0x4f800000, 0x4f7fffff, // ±2^31, 2^32
  0x5f000000, 0x5effffff, 0xdf000000, 0xdf000001, 0x5f800000, 0x5f7fffff, // ±2^63, 2^64
  0xbf7fffff, 0xbf800001, // just around -1
].map((x) => x | 0);

/** Edge-heavy f32 bits generator. */
export const f32BitsArb: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.constantFrom(...f32Edges), weight: 3 },
  { arbitrary: fc.integer({ min: -0x80000000, max: 0x7fffffff }), weight: 3 },
  {
    arbitrary: fc.float({ noNaN: true }).map((x) => {
      const b = new DataView(new ArrayBuffer(4));
      b.setFloat32(0, x, true);
      return b.getInt32(0, true);
    }),
    weight: 2,
  },
  {
    // small integers and halves, for rounding-mode ops
    arbitrary: fc.integer({ min: -64, max: 64 }).map((k) => {
      const b = new DataView(new ArrayBuffer(4));
      b.setFloat32(0, k / 2, true);
      return b.getInt32(0, true);
    }),
    weight: 1,
  },
);

/** f64 bits from a double (via DataView), as a signed BigInt. */
export function f64BitsOfNumber(x: number): bigint {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, x, true);
  return b.getBigInt64(0, true);
}

const f64Edges: bigint[] = [
  0n, -(2n ** 63n), 0x7ff0000000000000n, 0xfff0000000000000n, // ±0, ±inf
  0x7ff8000000000000n, 0xfff8000000000000n, 0x7ff8000000000001n, 0x7ff4000000000000n, 0x7ff0000000000001n, 0x7fffffffffffffffn, // NaNs
  1n, 0x000fffffffffffffn, 0x0010000000000000n, 0x7fefffffffffffffn, 0xffefffffffffffffn, // subnormal, limits
].map((v) => BigInt.asIntN(64, v));

/** Edge-heavy f64 bits generator (signed BigInt). */
export const f64BitsArb: fc.Arbitrary<bigint> = fc.oneof(
  { arbitrary: fc.constantFrom(...f64Edges), weight: 2 },
  {
    arbitrary: fc
      .constantFrom(
        0, -0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.49999999999999994, 4503599627370495.5, 4503599627370496, -4503599627370497,
        2147483647, 2147483647.9, 2147483648, -2147483648, -2147483648.9, -2147483649, 4294967295.5, 4294967296, -0.99,
        9223372036854775807, 9223372036854774784, -9223372036854775808, -9223372036854777856, 18446744073709551615,
        18446744073709549568, 3.4028234663852886e38, 3.4028235677973366e38, 3.402823567797337e38, 1.401298464324817e-45,
        7.006492321624085e-46, 7.006492321624087e-46, 1e-300, 5e-324,
      )
      .map(f64BitsOfNumber),
    weight: 3,
  },
  { arbitrary: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), weight: 3 },
  { arbitrary: fc.double().map(f64BitsOfNumber), weight: 2 },
  { arbitrary: fc.integer({ min: -64, max: 64 }).map((k) => f64BitsOfNumber(k / 2)), weight: 1 },
);

// ---------------------------------------------------------------------------
// NaN-aware comparisons

/** True if the f32 bits are a NaN. */
export function isNaN32(b: number): boolean {
  return (b & 0x7fffffff) > 0x7f800000;
}

/** True if the f64 bits (BigInt) are a NaN. */
export function isNaN64(b: bigint): boolean {
  return (BigInt.asUintN(64, b) & 0x7fffffffffffffffn) > 0x7ff0000000000000n;
}

/** Float operand bits: a number is f32 bits, a BigInt is f64 bits. */
export type FloatBits = number | bigint;

function isNaNBits(x: FloatBits): boolean {
  return typeof x === 'number' ? isNaN32(x) : isNaN64(x);
}

function isCanonicalBits(x: FloatBits): boolean {
  return typeof x === 'number'
    ? (x & 0x7fffffff) === 0x7fc00000
    : (BigInt.asUintN(64, x) & 0x7fffffffffffffffn) === 0x7ff8000000000000n;
}

function isArithmeticBits(x: FloatBits): boolean {
  return typeof x === 'number'
    ? (x & 0x7fc00000) === 0x7fc00000
    : (BigInt.asUintN(64, x) & 0x7ff8000000000000n) === 0x7ff8000000000000n;
}

/**
 * Checks a float result against the oracle's under the spec's NaN rules: a
 * NaN result must be canonical if every NaN input was canonical, otherwise
 * arithmetic (quiet); the oracle's own NaN bits are not compared. Non-NaN
 * results must be bit-identical.
 */
export function sameFloat(ours: FloatBits, native: FloatBits, inputs: FloatBits[]): boolean {
  if (!isNaNBits(native)) {
    return typeof ours === 'number' ? (ours | 0) === ((native as number) | 0) : BigInt.asIntN(64, ours) === BigInt.asIntN(64, native as bigint);
  }
  if (!isNaNBits(ours)) return false;
  return inputs.filter(isNaNBits).every(isCanonicalBits) ? isCanonicalBits(ours) : isArithmeticBits(ours);
}
