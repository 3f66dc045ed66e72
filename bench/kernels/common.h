/*
 * Shared helpers for the freestanding benchmark kernels.
 *
 * Each kernel is built with --target=wasm32 -nostdlib: there is no libc and
 * the module must have no imports.  Memory for working buffers comes from a
 * tiny bump allocator on top of __heap_base that grows linear memory with
 * memory.grow when needed.  Every call to run() resets the allocator, so
 * repeated calls are independent of each other.
 */
#ifndef TSWASM_KERNEL_COMMON_H
#define TSWASM_KERNEL_COMMON_H

typedef unsigned char u8;
typedef unsigned int u32;
typedef int i32;
typedef unsigned long long u64;
typedef long long i64;
typedef unsigned long usize;

#define NOINLINE __attribute__((noinline))

#define WASM_PAGE 65536u

extern u8 __heap_base;

static usize heap_top;

static inline void heap_reset(void) { heap_top = (usize)&__heap_base; }

/* Returns 16-byte aligned memory, growing linear memory on demand.
 * Traps (unreachable) if memory cannot grow. */
static inline void *heap_alloc(usize bytes) {
  usize start = (heap_top + 15u) & ~(usize)15u;
  usize end = start + bytes;
  usize have = __builtin_wasm_memory_size(0) * WASM_PAGE;
  if (end > have) {
    usize need = (end - have + WASM_PAGE - 1) / WASM_PAGE;
    if (__builtin_wasm_memory_grow(0, need) == (usize)-1) __builtin_trap();
  }
  heap_top = end;
  return (void *)start;
}

/* Reinterpret a double as its IEEE-754 bit pattern. */
static inline u64 f64_bits(double d) {
  union { double d; u64 u; } v;
  v.d = d;
  return v.u;
}

static inline u32 f32_bits(float f) {
  union { float f; u32 u; } v;
  v.f = f;
  return v.u;
}

#endif
