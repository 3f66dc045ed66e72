/**
 * GC objects at the JS boundary ("WebAssembly JavaScript Interface ›
 * Garbage-collected objects" of the GC proposal's JS API): a struct or array
 * reaches JS as an opaque *exported GC object* — `typeof` "object", null
 * prototype, no properties, not extensible, every attempt to read structure
 * or change it yields undefined or throws TypeError — and JS can only pass it
 * back. One wrapper per object (so identity, Map and WeakMap keys work), in
 * weak maps both ways, so neither the wrapper nor the object outlives its
 * last reference.
 *
 * Also the JS API's internalization of a JS value as an `anyref`: a Number
 * that is an integer in i31 range becomes an i31 reference (src/interp/gc.ts
 * represents it as that number, +0 for -0), a wrapper becomes its object,
 * anything else is a host reference to itself.
 *
 * Not here: the type checks against a value type (values.ts).
 */
import { GcArray, GcStruct, isI31, type Value } from '../interp/index.js';

const wrappers = new WeakMap<GcStruct | GcArray, object>();
const objects = new WeakMap<object, GcStruct | GcArray>();

function refuse(): never {
  throw new TypeError('WebAssembly GC objects cannot be changed from JavaScript');
}

/** Every trap of the exotic object; the shared target is null-prototype and not extensible, so the Proxy invariants hold. */
const handler: ProxyHandler<object> = {
  get: () => undefined,
  set: refuse,
  has: () => false,
  defineProperty: refuse,
  deleteProperty: refuse,
  getOwnPropertyDescriptor: () => undefined,
  ownKeys: () => [],
  getPrototypeOf: () => null,
  setPrototypeOf: refuse,
  isExtensible: () => false,
  preventExtensions: refuse,
};
const target = Object.preventExtensions(Object.create(null) as object);

/** The JS value of GC object `o` (created once per object). */
export function exportGcObject(o: GcStruct | GcArray): object {
  let w = wrappers.get(o);
  if (w === undefined) {
    w = new Proxy(target, handler);
    wrappers.set(o, w);
    objects.set(w, o);
  }
  return w;
}

/** Is `v` a struct or array of the interpreter? */
export function isGcObject(v: unknown): v is GcStruct | GcArray {
  return v instanceof GcStruct || v instanceof GcArray;
}

/** A non-null JS value as an `anyref` (see the header). */
export function internalize(v: unknown): Value {
  if (typeof v === 'number') return isI31(v) ? v + 0 : v;
  if (typeof v === 'object' && v !== null) return objects.get(v) ?? v;
  return v;
}

/** An `anyref`/`externref` value as JS sees it: GC objects wrapped, everything else itself. */
export function externalize(v: Value): unknown {
  return isGcObject(v) ? exportGcObject(v) : v;
}
