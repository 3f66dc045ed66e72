/* memops: memcpy / memmove / memset heavy workload over a 1 MiB buffer.
 *
 * Built twice from this one source:
 *   memops.wasm         with -mbulk-memory: the builtins lower to
 *                       memory.copy / memory.fill instructions;
 *   memops_nobulk.wasm  without it: the builtins become calls to the
 *                       plain-loop memcpy/memmove/memset defined below.
 * Both builds must return the same checksum.
 * run(n) performs n rounds and returns a checksum of sampled bytes (i32). */
#include "common.h"

#define BUF_BYTES (1u << 20)
#define BUF_MASK (BUF_BYTES - 1u)
#define MAX_CHUNK 16384u

#ifndef __wasm_bulk_memory__
/* Without bulk memory the compiler emits calls to these symbols.  They are
 * plain loops: word-at-a-time when both pointers are 4-byte aligned. */
void *memcpy(void *restrict dst, const void *restrict src, usize len) {
  u8 *d = (u8 *)dst;
  const u8 *s = (const u8 *)src;
  if ((((usize)d | (usize)s) & 3u) == 0) {
    while (len >= 4) {
      *(u32 *)d = *(const u32 *)s;
      d += 4;
      s += 4;
      len -= 4;
    }
  }
  while (len--) *d++ = *s++;
  return dst;
}

void *memmove(void *dst, const void *src, usize len) {
  u8 *d = (u8 *)dst;
  const u8 *s = (const u8 *)src;
  if (d == s || len == 0) return dst;
  if (d < s || d >= s + len) return memcpy(dst, src, len);
  /* Overlapping with dst after src: copy backwards. */
  d += len;
  s += len;
  while (len--) *--d = *--s;
  return dst;
}

void *memset(void *dst, int value, usize len) {
  u8 *d = (u8 *)dst;
  u8 v = (u8)value;
  if (((usize)d & 3u) == 0) {
    u32 w = (u32)v * 0x01010101u;
    while (len >= 4) {
      *(u32 *)d = w;
      d += 4;
      len -= 4;
    }
  }
  while (len--) *d++ = v;
  return dst;
}
#endif

i32 run(i32 n) {
  heap_reset();
  u8 *buf = (u8 *)heap_alloc(BUF_BYTES + MAX_CHUNK);
  for (u32 i = 0; i < BUF_BYTES + MAX_CHUNK; i++) buf[i] = (u8)(i * 131u + (i >> 8));

  u32 state = 0x2545f491u;
  u32 sum = 0;
  for (i32 round = 0; round < n; round++) {
    /* xorshift32 picks offsets and lengths. */
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    u32 src = state & BUF_MASK;
    u32 dst = (state >> 7) & BUF_MASK;
    u32 len = (round & 3) == 0 ? (state >> 20) & (MAX_CHUNK - 1u) : (state >> 24) & 255u;

    if (dst + len > BUF_BYTES) dst = BUF_BYTES - len;
    if (src + len > BUF_BYTES) src = BUF_BYTES - len;

    switch (round % 5) {
      case 0:
      case 1:
        if (src < dst ? src + len <= dst : dst + len <= src) {
          __builtin_memcpy(buf + dst, buf + src, len);
        } else {
          __builtin_memmove(buf + dst, buf + src, len);
        }
        break;
      case 2:
        __builtin_memmove(buf + dst, buf + src, len);
        break;
      case 3:
        __builtin_memset(buf + dst, (int)(state & 255u), len);
        break;
      default: {
        /* Small fixed-size copies get inlined as loads/stores. */
        u8 tmp[32];
        u32 at = dst & ~31u;
        __builtin_memcpy(tmp, buf + at, 32);
        tmp[round & 31] ^= (u8)round;
        __builtin_memcpy(buf + (src & ~31u), tmp, 32);
        break;
      }
    }
    sum = sum * 33u + buf[dst] + ((u32)buf[(dst + len) & BUF_MASK] << 8);
  }
  for (u32 i = 0; i < BUF_BYTES; i += 4093u) sum = sum * 31u + buf[i];
  return (i32)sum;
}
