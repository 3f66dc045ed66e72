/**
 * The executor's traps ("Execution › Instructions", each "Trap" step): tiny
 * throwing functions, kept out of the executor loop so its hot code stays
 * small. Messages are the ones the spec testsuite expects in `assert_trap`
 * and `assert_exhaustion`. The numeric traps (divide by zero, overflow,
 * invalid conversion) live in src/numeric/traps.ts.
 */
import { RuntimeError } from '../errors.js';

/** Trap message when the call depth or register file limit is exceeded. */
export const TRAP_EXHAUSTED = 'call stack exhausted';
/** Trap message when the fuel budget runs out. */
export const TRAP_FUEL = 'fuel exhausted';

/** "call stack exhausted" (assert_exhaustion). */
export function trapExhausted(): never {
  throw new RuntimeError(TRAP_EXHAUSTED);
}
/** "unreachable" (the `unreachable` instruction). */
export function trapUnreachable(): never {
  throw new RuntimeError('unreachable');
}
/** "out of bounds memory access". */
export function trapMemory(): never {
  throw new RuntimeError('out of bounds memory access');
}
/** "out of bounds table access". */
export function trapTable(): never {
  throw new RuntimeError('out of bounds table access');
}
/** "undefined element i": call_indirect index past the table's end. */
export function trapUndefinedElement(i: number): never {
  throw new RuntimeError(`undefined element ${i}`);
}
/** "uninitialized element i": call_indirect through a null entry. */
export function trapUninitializedElement(i: number): never {
  throw new RuntimeError(`uninitialized element ${i}`);
}
/** "indirect call type mismatch". */
export function trapIndirectType(): never {
  throw new RuntimeError('indirect call type mismatch');
}
/** "fuel exhausted": the store's instruction budget ran out. */
export function trapFuel(): never {
  throw new RuntimeError(TRAP_FUEL);
}
/** "null structure reference": struct.get/set on null. */
export function trapNullStruct(): never {
  throw new RuntimeError('null structure reference');
}
/** "null array reference": an array instruction on null. */
export function trapNullArray(): never {
  throw new RuntimeError('null array reference');
}
/** "null i31 reference": i31.get_s/u on null. */
export function trapNullI31(): never {
  throw new RuntimeError('null i31 reference');
}
/** "out of bounds array access". */
export function trapArray(): never {
  throw new RuntimeError('out of bounds array access');
}
/** "cast failure": ref.cast of a value not of the target type. */
export function trapCast(): never {
  throw new RuntimeError('cast failure');
}
/** "out of memory": an array larger than the engine can allocate. */
export function trapArrayTooLarge(): never {
  throw new RuntimeError('out of memory: array too large');
}
/** "null function reference": call_ref / return_call_ref of null. */
export function trapNullFunc(): never {
  throw new RuntimeError('null function reference');
}
/** "null reference": ref.as_non_null of null. */
export function trapNullRef(): never {
  throw new RuntimeError('null reference');
}
/** "null exception reference": throw_ref of null. */
export function trapNullExn(): never {
  throw new RuntimeError('null exception reference');
}
