/* fib: naive doubly-recursive Fibonacci.  Stresses calls and returns.
 * run(n) returns fib(n) modulo 2^32 (as i32). */
#include "common.h"

static NOINLINE u32 fib(u32 n) {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}

i32 run(i32 n) { return (i32)fib((u32)n); }
