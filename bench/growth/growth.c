// The memory-growth workloads (bench/worker.mjs, group "growth"), built with
// wasi-libc as a reactor with no imports by scripts/build-c.sh.
//
// alloc(mib): malloc `mib` MiB in 4 KiB pieces (dlmalloc grows the memory
// through sbrk, a page or so at a time), touch both ends of every piece, free
// them all, and return a checksum. Each timed run uses a fresh instance, so
// every run grows the memory from its initial size.
//
// grow(pages): grow memory 0 one page at a time until it has `pages` pages;
// returns the final size in pages (or 0 if a growth failed).
#include <stdint.h>
#include <stdlib.h>

#define PIECE 4096

__attribute__((export_name("alloc"))) uint32_t alloc(uint32_t mib) {
  uint32_t n = mib * (1024 * 1024 / PIECE);
  unsigned char **p = malloc(n * sizeof *p);
  if (p == NULL) return 0;
  for (uint32_t i = 0; i < n; i++) {
    p[i] = malloc(PIECE);
    if (p[i] == NULL) return 0;
    p[i][0] = (unsigned char)i;
    p[i][PIECE - 1] = (unsigned char)(i >> 8);
  }
  uint32_t sum = 0;
  for (uint32_t i = 0; i < n; i++) sum = sum * 31 + p[i][0] + p[i][PIECE - 1];
  for (uint32_t i = 0; i < n; i++) free(p[i]);
  free(p);
  return sum;
}

__attribute__((export_name("grow"))) uint32_t grow(uint32_t pages) {
  while (__builtin_wasm_memory_size(0) < pages) {
    if (__builtin_wasm_memory_grow(0, 1) == (__SIZE_TYPE__)-1) return 0;
  }
  return (uint32_t)__builtin_wasm_memory_size(0);
}
