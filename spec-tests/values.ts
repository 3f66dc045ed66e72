/**
 * Script values ↔ the interpreter's boundary values (src/interp/values.ts),
 * and the check of a result against an expected pattern the way the
 * reference interpreter's script runner does it: exact bits for numbers,
 * `nan:canonical` / `nan:arithmetic` per the spec's NaN sets, per-lane
 * patterns for v128, reference kinds, and `either`.
 *
 * Host references `(ref.extern n)` / `(ref.host n)` are one JS object per
 * number, so identity comparison works.
 *
 * Deliberately not here: which results a command expects (run-file.ts).
 */
import type { Expected, Value } from '../src/text/index.js';
import type { Interp } from './engine.js';

/** A host reference: `(ref.extern n)` / `(ref.host n)`. */
export class HostRef {
  constructor(readonly n: number) {}
}
const hostRefs = new Map<number, HostRef>();
function hostRef(n: number): HostRef {
  let r = hostRefs.get(n);
  if (r === undefined) {
    r = new HostRef(n);
    hostRefs.set(n, r);
  }
  return r;
}

function i64Of(lo: number, hi: number): bigint {
  return (BigInt(hi | 0) << 32n) | BigInt(lo >>> 0);
}
function u64Of(lo: number, hi: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

/** The boundary value of a script constant. */
export function toArg(v: Value): unknown {
  switch (v.type) {
    case 'i32': return v.value | 0;
    case 'i64': return i64Of(v.lo, v.hi);
    case 'f32': return v.bits >>> 0;
    case 'f64': return u64Of(v.lo, v.hi);
    case 'v128': return v.bytes.slice();
    case 'ref.null': return null;
    case 'ref.extern': case 'ref.host': return hostRef(v.value);
  }
}

/** Why `got` does not match `exp`, or null when it does. */
export function checkResult(got: unknown, exp: Expected, interp: Interp): string | null {
  switch (exp.type) {
    case 'either': {
      for (const o of exp.options) if (checkResult(got, o, interp) === null) return null;
      return `${show(got)} matches none of the alternatives`;
    }
    case 'f32-nan': {
      if (typeof got !== 'number') return `${show(got)} is no f32`;
      return nan32(got >>> 0, exp.nan) ? null : `${show(got)} is not ${exp.nan}`;
    }
    case 'f64-nan': {
      if (typeof got !== 'bigint') return `${show(got)} is no f64`;
      return nan64(got, exp.nan) ? null : `${show(got)} is not ${exp.nan}`;
    }
    case 'v128-lanes': {
      if (!(got instanceof Uint8Array)) return `${show(got)} is no v128`;
      const dv = new DataView(got.buffer, got.byteOffset, 16);
      const ev = new DataView(exp.bytes.buffer, exp.bytes.byteOffset, 16);
      for (let i = 0; i < exp.nans.length; i++) {
        const nan = exp.nans[i];
        const ok = exp.shape === 'f32x4'
          ? (nan ? nan32(dv.getUint32(i * 4, true), nan) : dv.getUint32(i * 4, true) === ev.getUint32(i * 4, true))
          : (nan ? nan64(dv.getBigUint64(i * 8, true), nan) : dv.getBigUint64(i * 8, true) === ev.getBigUint64(i * 8, true));
        if (!ok) return `lane ${i} of ${show(got)} does not match`;
      }
      return null;
    }
    case 'ref.null-any':
      return got === null ? null : `${show(got)} is not null`;
    case 'ref': {
      if (got === null || got === undefined) return `null, expected a ${exp.kind} reference`;
      if (exp.kind === 'func') return interp.isFunc(got) ? null : `${show(got)} is no function reference`;
      if (exp.kind === 'extern') return interp.isFunc(got) ? `${show(got)} is no extern reference` : null;
      const kind = interp.refKind(got);
      const ok = exp.kind === 'eq' ? kind === 'i31' || kind === 'struct' || kind === 'array'
        : exp.kind === 'any' ? kind !== 'func'
          : exp.kind === 'i31' || exp.kind === 'struct' || exp.kind === 'array' ? kind === exp.kind
            : true;
      return ok ? null : `${show(got)} (${kind}) is no ${exp.kind} reference`;
    }
    case 'value':
      return checkValue(got, exp.value);
  }
}

function checkValue(got: unknown, v: Value): string | null {
  const want = toArg(v);
  switch (v.type) {
    case 'i32': case 'f32':
      return typeof got === 'number' && (v.type === 'i32' ? (got | 0) === want : got >>> 0 === want) ? null
        : `${show(got)}, expected ${show(want)}`;
    case 'i64':
      return typeof got === 'bigint' && BigInt.asIntN(64, got) === want ? null : `${show(got)}, expected ${show(want)}`;
    case 'f64':
      return typeof got === 'bigint' && (got & U64_MASK) === want ? null : `${show(got)}, expected ${show(want)}`;
    case 'v128': {
      if (!(got instanceof Uint8Array) || got.length !== 16) return `${show(got)} is no v128`;
      for (let i = 0; i < 16; i++) if (got[i] !== v.bytes[i]) return `${show(got)}, expected ${show(v.bytes)}`;
      return null;
    }
    case 'ref.null':
      return got === null ? null : `${show(got)}, expected null`;
    case 'ref.extern': case 'ref.host':
      return got === want ? null : `${show(got)}, expected ${v.type} ${v.value}`;
  }
}

function nan32(bits: number, p: 'nan:canonical' | 'nan:arithmetic'): boolean {
  return p === 'nan:canonical' ? (bits & 0x7fffffff) === 0x7fc00000 : (bits & 0x7fc00000) === 0x7fc00000;
}

/**
 * The low 64 bits as an unsigned bigint. A mask rather than
 * `BigInt.asUintN(64, …)`, which QuickJS 2025-09-13 gets wrong (it returns
 * negative values), so this file runs on every host of test/hosts.
 */
const U64_MASK = 0xffffffffffffffffn;

function nan64(bits: bigint, p: 'nan:canonical' | 'nan:arithmetic'): boolean {
  const mag = bits & 0x7fffffffffffffffn;
  return p === 'nan:canonical' ? mag === 0x7ff8000000000000n : (mag & 0x7ff8000000000000n) === 0x7ff8000000000000n;
}

function show(v: unknown): string {
  if (typeof v === 'bigint') return `${v}n`;
  if (v instanceof Uint8Array) return `v128[${Array.from(v).join(' ')}]`;
  if (v instanceof HostRef) return `ref.host ${v.n}`;
  if (v === null) return 'null';
  if (typeof v === 'object') return (v as object).constructor?.name ?? 'object';
  return String(v);
}
