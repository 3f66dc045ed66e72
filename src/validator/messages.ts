/**
 * Error reporting for the validator: the `CompileError`s it throws and the
 * text forms of types used in their messages. Messages start with the text
 * the testsuite expects (which is the reference interpreter's wording, e.g.
 * "type mismatch: instruction requires [i32] but stack has [i64]"), followed
 * by where: " @ func 3 offset 1234" (function index in the function index
 * space, absolute byte offset), or " @ offset 1234" outside function bodies.
 *
 * Not here: deciding what is invalid.
 */
import { CompileError } from '../errors.js';
import { ABSTRACT_HEAP_NAMES, Heap, isRef, refExact, refHeap, refNullable, simpleTypeName, type ValType } from '../ast/types.js';
import { BOT_HEAP, UNKNOWN } from './match.js';

/** Where an error was found: the function (or -1) and the byte offset (or -1). */
export interface Where {
  func: number;
  offset: number;
}

/** Builds the CompileError for `message` at `where`. */
export function compileError(message: string, func: number, offset: number): CompileError {
  const tail = func >= 0 ? ` @ func ${func} offset ${offset}` : offset >= 0 ? ` @ offset ${offset}` : '';
  return new CompileError(message + tail, offset);
}

/** Text of a heap type: its name, a type index, or "bot". */
export function heapName(h: number): string {
  if (h >= 0) return String(h);
  if (h === BOT_HEAP) return 'bot';
  return ABSTRACT_HEAP_NAMES.get(h) ?? `heap(${h})`;
}

const SHORT_NULLABLE = new Map<number, string>([
  [Heap.Func, 'funcref'], [Heap.Extern, 'externref'], [Heap.Any, 'anyref'], [Heap.Eq, 'eqref'],
  [Heap.I31, 'i31ref'], [Heap.Struct, 'structref'], [Heap.Array, 'arrayref'], [Heap.Exn, 'exnref'],
  [Heap.None, 'nullref'], [Heap.NoFunc, 'nullfuncref'], [Heap.NoExtern, 'nullexternref'], [Heap.NoExn, 'nullexnref'],
]);

/** Text of a value type as the reference interpreter prints it ("i32", "funcref", "(ref null 3)", "bot"). */
export function typeName(t: ValType): string {
  if (t === UNKNOWN) return 'bot';
  if (!isRef(t)) return simpleTypeName(t) ?? `type(${t})`;
  const h = refHeap(t);
  const nullable = refNullable(t);
  if (nullable && !refExact(t)) {
    const short = SHORT_NULLABLE.get(h);
    if (short !== undefined) return short;
  }
  return `(ref ${nullable ? 'null ' : ''}${refExact(t) ? 'exact ' : ''}${heapName(h)})`;
}

/** Text of a result type: "[i32 i64]". */
export function resultName(ts: ArrayLike<ValType>): string {
  let s = '[';
  for (let i = 0; i < ts.length; i++) s += (i ? ' ' : '') + typeName(ts[i]!);
  return s + ']';
}
