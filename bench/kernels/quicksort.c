/* quicksort: sorts n i32 values produced by an LCG with a hand-written
 * recursive quicksort (median-of-three, insertion sort for small ranges).
 * Stresses i32 loads/stores, compares and recursion.
 * run(n) returns a position-weighted checksum of the sorted array, or -1
 * if the result is not sorted (i32). */
#include "common.h"

static void insertion_sort(i32 *a, i32 lo, i32 hi) {
  for (i32 i = lo + 1; i <= hi; i++) {
    i32 v = a[i];
    i32 j = i - 1;
    while (j >= lo && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

static inline void swap(i32 *a, i32 i, i32 j) {
  i32 t = a[i];
  a[i] = a[j];
  a[j] = t;
}

static NOINLINE void quicksort(i32 *a, i32 lo, i32 hi) {
  while (hi - lo > 16) {
    i32 mid = lo + (hi - lo) / 2;
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    i32 pivot = a[mid];
    i32 i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    /* Recurse into the smaller half, loop on the larger one. */
    if (j - lo < hi - i) {
      quicksort(a, lo, j);
      lo = i;
    } else {
      quicksort(a, i, hi);
      hi = j;
    }
  }
  insertion_sort(a, lo, hi);
}

i32 run(i32 n) {
  if (n <= 0) return 0;
  heap_reset();
  i32 *a = (i32 *)heap_alloc((usize)n * sizeof(i32));
  u32 state = 12345u;
  for (i32 i = 0; i < n; i++) {
    state = state * 1103515245u + 12345u;
    a[i] = (i32)(state ^ (state >> 15)) >> 1;
  }
  quicksort(a, 0, n - 1);
  u32 sum = 0;
  for (i32 i = 0; i < n; i++) {
    if (i > 0 && a[i - 1] > a[i]) return -1;
    sum = sum * 31u + (u32)a[i] * (u32)(i + 1);
  }
  return (i32)sum;
}
