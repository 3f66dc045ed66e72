/**
 * The GC instructions' operations ("Execution › Instructions › Aggregate
 * Reference Instructions" and "Scalar Reference Instructions"), as plain
 * functions over the register file, so each executor handler is one call and
 * constant expressions (constexpr.ts) share them.
 *
 * Conventions: `I` is the register file's Int32Array and `R` its reference
 * array (regfile.ts); `w` arguments are absolute word addresses of a register
 * (a reference is `R[w >> 1]`); index and length operands are already
 * unsigned numbers. Each function performs the spec's checks in the spec's
 * order (null, then bounds, then the effect), so a trap leaves no partial
 * write. Element and field representation: gc.ts.
 *
 * Not here: the type test itself (gc.ts `refMatches`), decoding of
 * immediates (the translator resolves them to layouts and slots).
 */
import {
  GcArray, GcStruct, KIND_WORDS, Kind, allocArrayData, refMatches, type ArrayLayout, type StructLayout,
} from './gc.js';
import { trapArray, trapArrayTooLarge, trapCast, trapMemory, trapNullArray, trapNullStruct, trapTable } from './traps.js';
import type { Value } from './values.js';

/** Register words one value of kind `k` takes in a frame (a cell is 2 words; v128 two cells). */
function argWords(k: number): number {
  return k === Kind.W128 ? 4 : 2;
}

/** The struct `v` (trap "null structure reference" on null). */
export function structRef(v: Value): GcStruct {
  if (v === null) trapNullStruct();
  return v as GcStruct;
}

/** The array `v` (trap "null array reference" on null). */
export function arrayRef(v: Value): GcArray {
  if (v === null) trapNullArray();
  return v as GcArray;
}

/** Stores the value of kind `k` at register word `w` into slots `f[s…]` (packed kinds wrapped). */
function toSlots(f: Value[], s: number, k: number, I: Int32Array, R: Value[], w: number): void {
  switch (k) {
    case Kind.I8: f[s] = I[w]! & 0xff; return;
    case Kind.I16: f[s] = I[w]! & 0xffff; return;
    case Kind.W32: f[s] = I[w]!; return;
    case Kind.W64: f[s] = I[w]!; f[s + 1] = I[w + 1]!; return;
    case Kind.W128: f[s] = I[w]!; f[s + 1] = I[w + 1]!; f[s + 2] = I[w + 2]!; f[s + 3] = I[w + 3]!; return;
    default: f[s] = R[w >> 1];
  }
}

/** `struct.new`: the fields' values are in consecutive registers from word `w` (one cell each, v128 two). */
export function structNew(l: StructLayout, I: Int32Array, R: Value[], w: number): GcStruct {
  const f = new Array<Value>(l.slots);
  const kinds = l.kinds;
  for (let i = 0; i < kinds.length; i++) {
    const k = kinds[i]!;
    toSlots(f, l.slot[i]!, k, I, R, w);
    w += argWords(k);
  }
  return new GcStruct(l.t, f);
}

/** `struct.get` of a field of kind `k` at slot `s` of struct reference `v` into register word `wd`. */
export function structGet(v: Value, s: number, k: number, I: Int32Array, R: Value[], wd: number): void {
  const f = structRef(v).f;
  switch (k) {
    case Kind.Ref: R[wd >> 1] = f[s]; return;
    case Kind.W64: I[wd] = f[s] as number; I[wd + 1] = f[s + 1] as number; return;
    case Kind.W128: for (let j = 0; j < 4; j++) I[wd + j] = f[s + j] as number; return;
    default: I[wd] = f[s] as number;
  }
}

/** `struct.get_s` of a packed field (kind I8 or I16): sign-extends. */
export function structGetS(v: Value, s: number, k: number): number {
  const x = structRef(v).f[s] as number;
  return k === Kind.I8 ? (x << 24) >> 24 : (x << 16) >> 16;
}

/** `struct.set` of the value at register word `w` into the field of kind `k` at slot `s`. */
export function structSet(v: Value, s: number, k: number, I: Int32Array, R: Value[], w: number): void {
  toSlots(structRef(v).f, s, k, I, R, w);
}

/** A new array of `n` zero/null elements (trap when it cannot be allocated). */
function newArray(l: ArrayLayout, n: number): GcArray {
  const d = allocArrayData(l.kind, n);
  if (d === null) trapArrayTooLarge();
  return new GcArray(l.t, n, d);
}

/** Stores the value of kind `k` at register word `w` as element `i` of `d`. */
function setElem(a: GcArray, i: number, I: Int32Array, R: Value[], w: number, k: number): void {
  const d = a.d;
  switch (k) {
    case Kind.I8: case Kind.I16: case Kind.W32: (d as Int32Array)[i] = I[w]!; return;
    case Kind.W64: (d as Int32Array)[2 * i] = I[w]!; (d as Int32Array)[2 * i + 1] = I[w + 1]!; return;
    case Kind.W128: for (let j = 0; j < 4; j++) (d as Int32Array)[4 * i + j] = I[w + j]!; return;
    default: (d as Value[])[i] = R[w >> 1];
  }
}

/** Fills elements [i, i + n) of `a` with the value at register word `w` (bounds already checked). */
function fillElems(a: GcArray, i: number, n: number, I: Int32Array, R: Value[], w: number, k: number): void {
  if (n === 0) return;
  if (k === Kind.Ref) { (a.d as Value[]).fill(R[w >> 1], i, i + n); return; }
  if (k <= Kind.W32) { (a.d as Int32Array).fill(I[w]!, i, i + n); return; }
  const words = KIND_WORDS[k]!;
  const d = a.d as Int32Array;
  for (let j = 0; j < words; j++) d[i * words + j] = I[w + j]!;
  for (let filled = 1; filled < n;) {
    const m = Math.min(filled, n - filled);
    d.copyWithin((i + filled) * words, i * words, (i + m) * words);
    filled += m;
  }
}

/** `array.new`: `n` copies of the value at register word `w`. */
export function arrayNew(l: ArrayLayout, I: Int32Array, R: Value[], w: number, n: number): GcArray {
  const a = newArray(l, n);
  fillElems(a, 0, n, I, R, w, l.kind);
  return a;
}

/** `array.new_default`. */
export function arrayNewDefault(l: ArrayLayout, n: number): GcArray {
  return newArray(l, n);
}

/** `array.new_fixed`: `n` elements from consecutive registers starting at word `w`. */
export function arrayNewFixed(l: ArrayLayout, I: Int32Array, R: Value[], w: number, n: number): GcArray {
  const a = newArray(l, n);
  const step = argWords(l.kind);
  for (let i = 0; i < n; i++, w += step) setElem(a, i, I, R, w, l.kind);
  return a;
}

/** Bytes per element of a numeric array kind. */
function elemBytes(k: number): number {
  return k === Kind.I8 ? 1 : k === Kind.I16 ? 2 : 4 * KIND_WORDS[k]!;
}

/** The bytes of a numeric array's store (little-endian host, as the register file assumes). */
function bytesOf(a: GcArray): Uint8Array {
  const d = a.d as Uint8Array | Uint16Array | Int32Array;
  return new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
}

/** `array.new_data`: `n` elements read little-endian from `data` at byte `s` (trap "out of bounds memory access"). */
export function arrayNewData(l: ArrayLayout, data: Uint8Array, s: number, n: number): GcArray {
  const len = n * elemBytes(l.kind);
  if (s + len > data.length) trapMemory();
  const a = newArray(l, n);
  bytesOf(a).set(data.subarray(s, s + len));
  return a;
}

/** `array.new_elem`: `n` references of element segment `elems` from `s` (trap "out of bounds table access"). */
export function arrayNewElem(l: ArrayLayout, elems: readonly Value[], s: number, n: number): GcArray {
  if (s + n > elems.length) trapTable();
  return new GcArray(l.t, n, elems.slice(s, s + n));
}

/** Checks element index `i` of `a` (trap "out of bounds array access"). */
function index(a: GcArray, i: number): void {
  if (i >= a.n) trapArray();
}

/** `array.get` (and `array.get_u` of packed elements) of element `i` of array reference `v` into register word `wd`. */
export function arrayGet(v: Value, i: number, k: number, I: Int32Array, R: Value[], wd: number): void {
  const a = arrayRef(v);
  index(a, i);
  const d = a.d;
  switch (k) {
    case Kind.Ref: R[wd >> 1] = (d as Value[])[i]; return;
    case Kind.W64: I[wd] = (d as Int32Array)[2 * i]!; I[wd + 1] = (d as Int32Array)[2 * i + 1]!; return;
    case Kind.W128: for (let j = 0; j < 4; j++) I[wd + j] = (d as Int32Array)[4 * i + j]!; return;
    default: I[wd] = (d as Int32Array)[i]!;
  }
}

/** `array.get_s` of a packed element: sign-extends. */
export function arrayGetS(v: Value, i: number, k: number): number {
  const a = arrayRef(v);
  index(a, i);
  const x = (a.d as Uint8Array)[i]!;
  return k === Kind.I8 ? (x << 24) >> 24 : (x << 16) >> 16;
}

/** `array.set` of element `i` to the value at register word `w`. */
export function arraySet(v: Value, i: number, k: number, I: Int32Array, R: Value[], w: number): void {
  const a = arrayRef(v);
  index(a, i);
  setElem(a, i, I, R, w, k);
}

/** `array.len`. */
export function arrayLen(v: Value): number {
  return arrayRef(v).n;
}

/** Checks that [i, i + n) lies in `a` (trap "out of bounds array access"). */
function range(a: GcArray, i: number, n: number): void {
  if (i + n > a.n) trapArray();
}

/** `array.fill`: elements [i, i + n) of array reference `v` set to the value at register word `w`. */
export function arrayFill(v: Value, i: number, n: number, k: number, I: Int32Array, R: Value[], w: number): void {
  const a = arrayRef(v);
  range(a, i, n);
  fillElems(a, i, n, I, R, w, k);
}

/** `array.copy`: `n` elements from `src[s…]` to `dst[d…]` (overlap copies as through a temporary). */
export function arrayCopy(dst: Value, d: number, src: Value, s: number, n: number, k: number): void {
  const ad = arrayRef(dst);
  const as = arrayRef(src);
  range(ad, d, n);
  range(as, s, n);
  if (n === 0) return;
  if (k === Kind.Ref) {
    const from = as.d as Value[];
    const to = ad.d as Value[];
    if (from === to) to.copyWithin(d, s, s + n);
    else for (let j = 0; j < n; j++) to[d + j] = from[s + j];
    return;
  }
  const size = elemBytes(k);
  const to = bytesOf(ad);
  if (ad === as) to.copyWithin(d * size, s * size, (s + n) * size);
  else to.set(bytesOf(as).subarray(s * size, (s + n) * size), d * size);
}

/** `array.init_data`: `n` elements of `v` from `d` read from `data` at byte `s`. */
export function arrayInitData(v: Value, d: number, data: Uint8Array, s: number, n: number, k: number): void {
  const a = arrayRef(v);
  range(a, d, n);
  const size = elemBytes(k);
  if (s + n * size > data.length) trapMemory();
  bytesOf(a).set(data.subarray(s, s + n * size), d * size);
}

/** `array.init_elem`: `n` elements of `v` from `d` taken from element segment `elems` at `s`. */
export function arrayInitElem(v: Value, d: number, elems: readonly Value[], s: number, n: number): void {
  const a = arrayRef(v);
  range(a, d, n);
  if (s + n > elems.length) trapTable();
  const to = a.d as Value[];
  for (let j = 0; j < n; j++) to[d + j] = elems[s + j];
}

/** `ref.cast`: `v` itself when it matches runtime heap type `h` (or is null and `nullable`), else trap "cast failure". */
export function refCast(v: Value, h: number, nullable: boolean): Value {
  if (!refMatches(v, h, nullable)) trapCast();
  return v;
}
