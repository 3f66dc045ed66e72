/**
 * A minimal unsigned big-integer kit for exact float-literal rounding: just
 * what `parse.ts` needs to compare a decimal or hexadecimal literal with the
 * midpoints between neighbouring floats (build from digits, multiply, shift,
 * compare).
 *
 * A big integer is a `number[]` of 16-bit limbs, least significant first,
 * with no high zero limbs (zero is `[]`). Every intermediate value stays far
 * below 2^53, so plain double arithmetic is exact.
 *
 * Spec: serves the rounding `float_N` of the text format's "Floating-Point"
 * values (rounding to nearest, ties to even, of the exact literal value).
 *
 * Deliberately not here: division, subtraction of big numbers, signs, BigInt
 * (the text parser must run where BigInt is slow or absent), and anything on
 * a hot path: these allocate freely.
 */

const LIMB = 65536;

/** Big integer: 16-bit limbs, least significant first, no high zero limbs. */
export type BigNum = number[];

function trim(a: BigNum): BigNum {
  let n = a.length;
  while (n > 0 && a[n - 1] === 0) n--;
  a.length = n;
  return a;
}

/** The integer `x` (0 <= x < 2^53) as limbs. */
export function bnFromNumber(x: number): BigNum {
  const a: BigNum = [];
  while (x > 0) {
    const limb = x % LIMB;
    a.push(limb);
    x = (x - limb) / LIMB;
  }
  return a;
}

/** In place: a = a * m + add, for 0 <= m, add <= 2^16. */
export function bnMulAddSmall(a: BigNum, m: number, add: number): BigNum {
  let carry = add;
  for (let i = 0; i < a.length; i++) {
    const t = a[i] * m + carry;
    const limb = t % LIMB;
    a[i] = limb;
    carry = (t - limb) / LIMB;
  }
  while (carry > 0) {
    const limb = carry % LIMB;
    a.push(limb);
    carry = (carry - limb) / LIMB;
  }
  return trim(a);
}

/** In place: a = a - v, for 0 <= v < 2^16 and v <= a. */
export function bnSubSmall(a: BigNum, v: number): BigNum {
  let borrow = v;
  for (let i = 0; i < a.length && borrow > 0; i++) {
    const t = a[i] - borrow;
    if (t < 0) {
      a[i] = t + LIMB;
      borrow = 1;
    } else {
      a[i] = t;
      borrow = 0;
    }
  }
  return trim(a);
}

/** The digit string (decimal or hexadecimal digits only) as a big integer. */
export function bnFromDigits(digits: string, radix: 10 | 16): BigNum {
  const a: BigNum = [];
  if (radix === 16) {
    // Four hex digits per limb, from the least significant end.
    for (let end = digits.length; end > 0; end -= 4) {
      a.push(parseInt(digits.slice(Math.max(0, end - 4), end), 16));
    }
    return trim(a);
  }
  // Four decimal digits (< 2^16) at a time.
  const head = digits.length % 4;
  if (head > 0) bnMulAddSmall(a, 1, parseInt(digits.slice(0, head), 10));
  for (let i = head; i < digits.length; i += 4) {
    bnMulAddSmall(a, 10000, parseInt(digits.slice(i, i + 4), 10));
  }
  return a;
}

/** 10^n as a big integer (n >= 0). */
export function bnPow10(n: number): BigNum {
  const a: BigNum = [1];
  for (; n >= 4; n -= 4) bnMulAddSmall(a, 10000, 0);
  for (; n > 0; n--) bnMulAddSmall(a, 10, 0);
  return a;
}

/** The product a * b (a new array). */
export function bnMul(a: BigNum, b: BigNum): BigNum {
  if (a.length === 0 || b.length === 0) return [];
  const out: BigNum = new Array<number>(a.length + b.length).fill(0);
  for (let i = 0; i < a.length; i++) {
    let carry = 0;
    const ai = a[i];
    for (let j = 0; j < b.length; j++) {
      const t = out[i + j] + ai * b[j] + carry;
      const limb = t % LIMB;
      out[i + j] = limb;
      carry = (t - limb) / LIMB;
    }
    let k = i + b.length;
    while (carry > 0) {
      const t = out[k] + carry;
      const limb = t % LIMB;
      out[k] = limb;
      carry = (t - limb) / LIMB;
      k++;
    }
  }
  return trim(out);
}

/** a * 2^n (a new array), n >= 0. */
export function bnShl(a: BigNum, n: number): BigNum {
  if (a.length === 0) return [];
  const whole = Math.floor(n / 16);
  const bits = n % 16;
  const out: BigNum = new Array<number>(whole).fill(0);
  let carry = 0;
  for (let i = 0; i < a.length; i++) {
    const t = a[i] * (1 << bits) + carry;
    const limb = t % LIMB;
    out.push(limb);
    carry = (t - limb) / LIMB;
  }
  if (carry > 0) out.push(carry);
  return out;
}

/** Sign of a - b: -1, 0 or 1. */
export function bnCmp(a: BigNum, b: BigNum): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = a.length - 1; i >= 0; i--) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}
