/**
 * The numeric traps: the three trap conditions that numeric instructions can
 * raise, with the messages the spec testsuite expects in `assert_trap`.
 *
 * Spec: "Numerics" chapter of the WebAssembly specification (Execution →
 * Numerics), where `idiv`, `irem` and `trunc` are partial functions; the
 * instruction semantics turn "undefined result" into a trap.
 *
 * The throwing helpers are separate tiny functions (returning `never`) so the
 * hot numeric helpers that call them stay small and the throw site is never
 * inlined into the interpreter loop. This file deliberately knows nothing
 * about other traps (memory bounds, unreachable, ...): those belong to the
 * executor.
 */

import { RuntimeError } from '../errors.js';

/** Trap message of `div`/`rem` with a zero divisor. */
export const TRAP_DIVIDE_BY_ZERO = 'integer divide by zero';
/** Trap message of signed `div` of MIN by -1 and of `trunc` of an out-of-range float. */
export const TRAP_INTEGER_OVERFLOW = 'integer overflow';
/** Trap message of `trunc` of a NaN. */
export const TRAP_INVALID_CONVERSION = 'invalid conversion to integer';

/** Throws the `RuntimeError` "integer divide by zero". */
export function trapDivideByZero(): never {
  throw new RuntimeError(TRAP_DIVIDE_BY_ZERO);
}

/** Throws the `RuntimeError` "integer overflow". */
export function trapIntegerOverflow(): never {
  throw new RuntimeError(TRAP_INTEGER_OVERFLOW);
}

/** Throws the `RuntimeError` "invalid conversion to integer". */
export function trapInvalidConversion(): never {
  throw new RuntimeError(TRAP_INVALID_CONVERSION);
}
