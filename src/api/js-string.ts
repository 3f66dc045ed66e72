/**
 * JS String Builtins ("WebAssembly JavaScript Interface › Builtins ›
 * js-string", the JS String Builtins proposal): the functions of the
 * `wasm:js-string` builtin set, each with its exact function type, as host
 * functions of the interpreter. They take and return the interpreter's
 * boundary values (src/interp/values.ts): a string is a JS string in an
 * `externref`; an i16 array is a `GcArray` whose elements are a
 * `Uint16Array` (src/interp/gc.ts).
 *
 * Traps (RuntimeError): a value that is not a string where one is needed
 * ("cast failure", as `cast` is one), a null array ("null array
 * reference"), a range outside an array ("out of bounds array access"), an
 * index outside a string ("string index out of bounds"), a code point above
 * 0x10FFFF ("invalid code point").
 *
 * Not here: which imports get these functions and the type check at compile
 * time (builtins.ts).
 */
import { RuntimeError } from '../errors.js';
import { EXTERNREF, Heap, I16, I32, refType, type ValType } from '../ast/types.js';
import { canonicalFuncType, canonicalStandalone } from '../validator/index.js';
import { FuncInst, type FuncType, type GcArray, type Value } from '../interp/index.js';

/** `(ref extern)`. */
const REF_EXTERN = refType(false, Heap.Extern);

/** The canonical id of `(array (mut i16))` (final, a group of its own), the builtins' character array type. */
const I16_ARRAY = canonicalStandalone({ kind: 'array', field: { type: I16, mutable: true } });
/** `(ref null (array (mut i16)))` as a runtime type. */
const I16_ARRAY_REF = refType(true, I16_ARRAY);

function trap(message: string): never {
  throw new RuntimeError(message);
}

function str(v: Value): string {
  if (typeof v !== 'string') trap('cast failure');
  return v;
}

function chars(v: Value): GcArray {
  if (v === null) trap('null array reference');
  return v as GcArray;
}

/** Most char codes passed to one `String.fromCharCode` call (engines limit argument counts). */
const CHUNK = 4096;

type Impl = (args: Value[]) => Value;

const DEFS: readonly [name: string, params: ValType[], results: ValType[], impl: Impl][] = [
  ['cast', [EXTERNREF], [REF_EXTERN], ([s]) => str(s)],
  ['test', [EXTERNREF], [I32], ([s]) => (typeof s === 'string' ? 1 : 0)],
  ['fromCharCodeArray', [I16_ARRAY_REF, I32, I32], [REF_EXTERN], ([a, s, e]) => {
    const arr = chars(a);
    const start = (s as number) >>> 0;
    const end = (e as number) >>> 0;
    if (start > end || end > arr.n) trap('out of bounds array access');
    const codes = arr.d as Uint16Array;
    let out = '';
    for (let i = start; i < end; i += CHUNK) {
      out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(end, i + CHUNK)) as unknown as number[]);
    }
    return out;
  }],
  ['intoCharCodeArray', [EXTERNREF, I16_ARRAY_REF, I32], [I32], ([s, a, st]) => {
    const string = str(s);
    const arr = chars(a);
    const start = (st as number) >>> 0;
    if (start + string.length > arr.n) trap('out of bounds array access');
    const codes = arr.d as Uint16Array;
    for (let i = 0; i < string.length; i++) codes[start + i] = string.charCodeAt(i);
    return string.length;
  }],
  ['fromCharCode', [I32], [REF_EXTERN], ([c]) => String.fromCharCode((c as number) >>> 0)],
  ['fromCodePoint', [I32], [REF_EXTERN], ([c]) => {
    const cp = (c as number) >>> 0;
    if (cp > 0x10ffff) trap('invalid code point');
    return String.fromCodePoint(cp);
  }],
  ['charCodeAt', [EXTERNREF, I32], [I32], ([s, i]) => {
    const string = str(s);
    const k = (i as number) >>> 0;
    if (k >= string.length) trap('string index out of bounds');
    return string.charCodeAt(k);
  }],
  ['codePointAt', [EXTERNREF, I32], [I32], ([s, i]) => {
    const string = str(s);
    const k = (i as number) >>> 0;
    if (k >= string.length) trap('string index out of bounds');
    return string.codePointAt(k)!;
  }],
  ['length', [EXTERNREF], [I32], ([s]) => str(s).length],
  ['concat', [EXTERNREF, EXTERNREF], [REF_EXTERN], ([a, b]) => str(a) + str(b)],
  ['substring', [EXTERNREF, I32, I32], [REF_EXTERN], ([s, a, b]) => {
    const string = str(s);
    const start = (a as number) >>> 0;
    const end = (b as number) >>> 0;
    if (start > string.length || end < start) return '';
    return string.substring(start, end);
  }],
  ['equals', [EXTERNREF, EXTERNREF], [I32], ([a, b]) => {
    if (a !== null) str(a);
    if (b !== null) str(b);
    return a === b ? 1 : 0;
  }],
  ['compare', [EXTERNREF, EXTERNREF], [I32], ([a, b]) => {
    const x = str(a);
    const y = str(b);
    return x < y ? -1 : x === y ? 0 : 1;
  }],
];

/** A builtin: its function type (runtime form, with its canonical id) and its function instance. */
export interface Builtin {
  readonly type: FuncType;
  readonly func: FuncInst;
}

/** The `wasm:js-string` builtins by name. */
export const JS_STRING_BUILTINS: ReadonlyMap<string, Builtin> = new Map(DEFS.map(([name, params, results, impl]) => {
  const type: FuncType = { params, results, id: canonicalFuncType(params, results) };
  return [name, { type, func: FuncInst.host(type, (args) => [impl(args)]) }];
}));
