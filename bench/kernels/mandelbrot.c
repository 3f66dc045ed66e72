/* mandelbrot: escape-time iteration in f32 over an n x n grid covering
 * [-2.0, 0.5] x [-1.25, 1.25], up to 64 iterations per point.
 * Stresses f32 arithmetic and branchy inner loops.
 * run(n) returns a checksum of the iteration counts (i32). */
#include "common.h"

#define MAX_ITER 64

i32 run(i32 n) {
  if (n <= 0) return 0;
  u32 size = (u32)n;
  float step_x = 2.5f / (float)size;
  float step_y = 2.5f / (float)size;
  u32 total = 0;
  u32 mix = 0;
  for (u32 py = 0; py < size; py++) {
    float ci = -1.25f + (float)py * step_y;
    u32 row = 0;
    for (u32 px = 0; px < size; px++) {
      float cr = -2.0f + (float)px * step_x;
      float zr = 0.0f, zi = 0.0f, zr2 = 0.0f, zi2 = 0.0f;
      u32 it = 0;
      while (it < MAX_ITER && zr2 + zi2 <= 4.0f) {
        zi = 2.0f * zr * zi + ci;
        zr = zr2 - zi2 + cr;
        zr2 = zr * zr;
        zi2 = zi * zi;
        it++;
      }
      row += it;
    }
    total += row;
    mix = (mix * 31u) ^ row;
  }
  return (i32)(total ^ (mix << 8));
}
