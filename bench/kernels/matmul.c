/* matmul: dense f64 matrix multiply C = A * B for n x n matrices.
 * Stresses f64 arithmetic and strided loads.
 * run(n) returns the IEEE-754 bit pattern of a weighted sum of C (i64). */
#include "common.h"

i64 run(i32 n) {
  if (n <= 0) return 0;
  heap_reset();
  u32 size = (u32)n;
  usize cells = (usize)size * size;
  double *a = (double *)heap_alloc(cells * sizeof(double));
  double *b = (double *)heap_alloc(cells * sizeof(double));
  double *c = (double *)heap_alloc(cells * sizeof(double));

  for (u32 i = 0; i < size; i++) {
    for (u32 j = 0; j < size; j++) {
      a[i * size + j] = (double)((i * 7u + j * 3u) % 17u) * 0.125 - 1.0;
      b[i * size + j] = (double)((i * 5u + j * 11u) % 13u) * 0.25 + 0.5;
    }
  }

  /* i-k-j order: the inner loop walks rows of B and C contiguously. */
  for (u32 i = 0; i < size; i++) {
    double *crow = c + (usize)i * size;
    for (u32 j = 0; j < size; j++) crow[j] = 0.0;
    for (u32 k = 0; k < size; k++) {
      double aik = a[(usize)i * size + k];
      const double *brow = b + (usize)k * size;
      for (u32 j = 0; j < size; j++) crow[j] += aik * brow[j];
    }
  }

  double sum = 0.0;
  for (usize idx = 0; idx < cells; idx++) sum += c[idx] * (double)((idx % 7u) + 1u);
  return (i64)f64_bits(sum);
}
