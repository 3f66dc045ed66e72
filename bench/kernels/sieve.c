/* sieve: Sieve of Eratosthenes over [0, n].  Stresses byte loads/stores
 * and memory.grow (the flag array is allocated on the heap).
 * run(n) returns a checksum mixing the prime count and the primes found. */
#include "common.h"

i32 run(i32 n) {
  if (n < 2) return 0;
  heap_reset();
  u32 limit = (u32)n;
  u8 *composite = (u8 *)heap_alloc(limit + 1);
  for (u32 i = 0; i <= limit; i++) composite[i] = 0;

  for (u32 p = 2; p * p <= limit; p++) {
    if (composite[p]) continue;
    for (u32 m = p * p; m <= limit; m += p) composite[m] = 1;
  }

  u32 count = 0;
  u32 mix = 0;
  for (u32 i = 2; i <= limit; i++) {
    if (!composite[i]) {
      count++;
      mix = (mix ^ i) * 0x01000193u; /* FNV-style fold of every prime */
    }
  }
  return (i32)(count ^ (mix << 1));
}
