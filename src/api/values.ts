/**
 * Value conversions at the JS boundary ("WebAssembly JavaScript Interface ›
 * ToJSValue / ToWebAssemblyValue", with the GC proposal's rules), and the JS
 * API's names of value types.
 *
 * The interpreter's boundary values are raw bits (src/interp/values.ts); this
 * file turns them into JS values and back: i32 ↔ Number (ToInt32), i64 ↔
 * BigInt (ToBigInt64), f32/f64 ↔ Number, funcref ↔ exported function or null,
 * externref ↔ any JS value (null is the null reference; internalized as for
 * anyref, so a Number in i31 range is an i31 reference), anyref and its
 * subtypes ↔ i31 as Number, structs and arrays as opaque exported objects
 * (gc.ts), anything else as itself — checked against the type (TypeError
 * when it does not match, e.g. a string for eqref). v128 and exnref cannot
 * cross the boundary: TypeError, as the spec says. Value types here are runtime types
 * (concrete heap types are canonical ids, src/interp/rtypes.ts).
 */
import { ANYREF, EQREF, EXNREF, EXTERNREF, F32, F64, FUNCREF, I31REF, I32, I64, NULLEXTERNREF, NULLFUNCREF, NULLREF,
  STRUCTREF, ARRAYREF, V128, isRef, refHeap, refNullable, simpleTypeName, Heap, type ValType } from '../ast/types.js';
import { TypeKind, canonicalKind, isCanonicalSubtype } from '../validator/index.js';
import {
  f32FromBitsValue, f32ToBits, f64FromBitsValue, f64ToBits, refMatches, type FuncInst, type Value,
} from '../interp/index.js';
import { externalize, internalize } from './gc.js';

/** Hooks to the exported-function cache (instance.ts), so conversions can map FuncInst ↔ JS function. */
export interface FuncBridge {
  toJS(f: FuncInst): Function;
  fromJS(f: unknown): FuncInst | null;
}
let bridge: FuncBridge | null = null;
/** Installs the function bridge (done once by instance.ts). */
export function setFuncBridge(b: FuncBridge): void {
  bridge = b;
}

/** ToJSValue: a boundary value of type `t` as the JS value the JS API specifies. */
export function toJSValue(v: Value, t: ValType): unknown {
  switch (t) {
    case I32: return v as number;
    case I64: return v as bigint;
    case F32: return f32FromBitsValue(v as number);
    case F64: return f64FromBitsValue(v as bigint);
    case V128: throw new TypeError('v128 values cannot cross the JS boundary');
    default:
      if (isExnHeap(t)) throw new TypeError('exnref values cannot cross the JS boundary');
      if (v === null) return null;
      if (isFuncHeap(t)) return bridge!.toJS(v as FuncInst);
      return externalize(v);
  }
}

function isExnHeap(t: ValType): boolean {
  const h = refHeap(t);
  return h === Heap.Exn || h === Heap.NoExn;
}

/** Is `t` (a runtime type: concrete heap types are canonical ids) in the func hierarchy? */
function isFuncHeap(t: ValType): boolean {
  const h = refHeap(t);
  return h === Heap.Func || h === Heap.NoFunc || (h >= 0 && canonicalKind(h) === TypeKind.Func);
}

/** ToNumber that refuses BigInt and Symbol with TypeError, as the spec's ToNumber does. */
function toNumber(v: unknown): number {
  return +(v as number);
}

/** ToBigInt64: Number → TypeError, otherwise ToBigInt and wrap to 64 bits. */
function toBigInt64(v: unknown): bigint {
  if (typeof v === 'object' && v !== null) v = (v as { valueOf(): unknown }).valueOf();
  if (typeof v === 'number' || v === undefined || v === null || typeof v === 'symbol') {
    throw new TypeError(`Cannot convert ${typeof v === 'symbol' ? 'a symbol' : String(v)} to a BigInt`);
  }
  return BigInt.asIntN(64, BigInt(v as string | boolean | bigint));
}

/** ToWebAssemblyValue: JS value `v` as a boundary value of type `t`; TypeError when it cannot be one. */
export function toWasmValue(v: unknown, t: ValType): Value {
  switch (t) {
    case I32: return toNumber(v) | 0;
    case I64: return toBigInt64(v);
    case F32: return f32ToBits(toNumber(v));
    case F64: return f64ToBits(toNumber(v));
    case V128: throw new TypeError('v128 values cannot cross the JS boundary');
    default: {
      if (!isRef(t)) throw new TypeError('unsupported value type');
      if (isExnHeap(t)) throw new TypeError('exnref values cannot cross the JS boundary');
      const h = refHeap(t);
      if (v === null) {
        if ((t & 1) === 0) throw new TypeError('null is not a non-nullable reference');
        return null;
      }
      if (h === Heap.Extern) return internalize(v);
      if (isFuncHeap(t)) {
        const f = bridge!.fromJS(v);
        if (f === null) throw new TypeError('an exported WebAssembly function or null is required');
        if (h === Heap.NoFunc || (h >= 0 && !isCanonicalSubtype(f.typeId, h))) {
          throw new TypeError('the function does not have the required type');
        }
        return f;
      }
      if (h === Heap.NoExtern || h === Heap.Exn || h === Heap.NoExn) {
        throw new TypeError(`values of this reference type cannot come from JavaScript`);
      }
      const r = internalize(v);
      if (!refMatches(r, h, false)) throw new TypeError('the value does not match the reference type');
      return r;
    }
  }
}

/** The JS API's string for a value type (`'i32'`, `'anyfunc'`…), as used by Global, Table and Module descriptors. */
export function valueTypeName(t: ValType): string {
  const simple = simpleTypeName(t);
  if (simple !== null) return simple;
  switch (t) {
    case FUNCREF: return 'anyfunc';
    case EXTERNREF: return 'externref';
    case ANYREF: return 'anyref';
    case EQREF: return 'eqref';
    case I31REF: return 'i31ref';
    case STRUCTREF: return 'structref';
    case ARRAYREF: return 'arrayref';
    case NULLREF: return 'nullref';
    case NULLFUNCREF: return 'nullfuncref';
    case NULLEXTERNREF: return 'nullexternref';
    case EXNREF: return 'exnref';
    default: return 'ref';
  }
}

/** Parses a JS API value type string ("ValueType" / "TableKind"); TypeError if unknown. */
export function parseValueType(s: unknown, what: string): ValType {
  switch (String(s)) {
    case 'i32': return I32;
    case 'i64': return I64;
    case 'f32': return F32;
    case 'f64': return F64;
    case 'v128': return V128;
    case 'anyfunc': case 'funcref': return FUNCREF;
    case 'externref': return EXTERNREF;
    case 'anyref': return ANYREF;
    case 'eqref': return EQREF;
    case 'i31ref': return I31REF;
    case 'structref': return STRUCTREF;
    case 'arrayref': return ARRAYREF;
    case 'nullref': return NULLREF;
    case 'nullfuncref': return NULLFUNCREF;
    case 'nullexternref': return NULLEXTERNREF;
    default: throw new TypeError(`${what}: unknown value type ${String(s)}`);
  }
}

/**
 * The default value of a JS API constructor argument that was not given
 * ("DefaultValue"): externref's is `undefined` converted; a non-nullable
 * reference type has none (TypeError).
 */
export function defaultValue(t: ValType): Value {
  switch (t) {
    case I32: case F32: return 0;
    case I64: case F64: return 0n;
    case EXTERNREF: return undefined;
    default:
      if (isRef(t) && !refNullable(t)) {
        if (refHeap(t) === Heap.Extern) return undefined;
        throw new TypeError('a value is required for a non-nullable reference type');
      }
      return null;
  }
}
