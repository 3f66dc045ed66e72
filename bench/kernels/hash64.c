/* hash64: 64-bit hashing over a 64 KiB buffer.  Each round runs an
 * FNV-1a pass over the bytes and a multiply/rotate/xor-shift mixing pass
 * over 64-bit words.  Stresses i64 arithmetic (mul, rotl, shifts, rem).
 * run(n) performs n rounds and returns the final 64-bit hash (i64). */
#include "common.h"

#define BUF_BYTES 65536u
#define BUF_WORDS (BUF_BYTES / 8u)

#define FNV_OFFSET 0xcbf29ce484222325ull
#define FNV_PRIME 0x100000001b3ull
#define MIX_K1 0x9e3779b185ebca87ull
#define MIX_K2 0xc2b2ae3d27d4eb4full
#define MIX_K3 0x165667b19e3779f9ull

static inline u64 rotl64(u64 x, u32 r) { return (x << r) | (x >> (64u - r)); }

static inline u64 avalanche(u64 h) {
  h ^= h >> 33;
  h *= MIX_K2;
  h ^= h >> 29;
  h *= MIX_K3;
  h ^= h >> 32;
  return h;
}

i64 run(i32 n) {
  heap_reset();
  u64 *words = (u64 *)heap_alloc(BUF_BYTES);
  u8 *bytes = (u8 *)words;

  /* Fill the buffer from a 64-bit LCG (Knuth's MMIX constants). */
  u64 state = 0x0123456789abcdefull;
  for (u32 i = 0; i < BUF_WORDS; i++) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    words[i] = state ^ (state >> 29);
  }

  u64 h = FNV_OFFSET;
  for (i32 round = 0; round < n; round++) {
    /* FNV-1a over the bytes. */
    u64 f = FNV_OFFSET ^ (u64)round;
    for (u32 i = 0; i < BUF_BYTES; i++) {
      f ^= bytes[i];
      f *= FNV_PRIME;
    }
    /* Word-wise mixing with two lanes. */
    u64 acc1 = h + MIX_K1;
    u64 acc2 = h ^ MIX_K2;
    for (u32 i = 0; i < BUF_WORDS; i += 2) {
      acc1 = rotl64(acc1 + words[i] * MIX_K2, 31) * MIX_K1;
      acc2 = rotl64(acc2 + words[i + 1] * MIX_K2, 27) * MIX_K1;
    }
    u64 m = rotl64(acc1, 7) + rotl64(acc2, 18);
    h = avalanche(h ^ f ^ m ^ (m % 0xfffffffbull));
    /* Perturb one word so that rounds differ. */
    words[h % BUF_WORDS] ^= h;
  }
  return (i64)h;
}
