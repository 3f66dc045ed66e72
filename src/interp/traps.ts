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
