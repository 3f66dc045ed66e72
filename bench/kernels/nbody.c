/* nbody: leapfrog-style gravitational simulation of a small 5-body system
 * in f64 (G = 1).  Stresses f64 arithmetic, sqrt and division.
 * run(n) advances n steps and returns the bit pattern of the final total
 * energy mixed with the first body's position (i64). */
#include "common.h"

#define BODIES 5

typedef struct {
  double x, y, z;
  double vx, vy, vz;
  double mass;
} Body;

/* Initial state: a heavy central mass with four lighter orbiters at
 * different radii and inclinations (values chosen for this benchmark). */
static const Body initial[BODIES] = {
  {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 40.0},
  {1.5, 0.0, 0.05, 0.0, 5.1, 0.2, 0.010},
  {0.0, -3.0, -0.1, 3.6, 0.0, 0.05, 0.040},
  {-4.5, 0.5, 0.2, -0.3, -2.9, 0.0, 0.020},
  {0.2, 6.0, -0.3, -2.55, 0.1, -0.1, 0.005},
};

static Body bodies[BODIES];

static void reset(void) {
  for (int i = 0; i < BODIES; i++) bodies[i] = initial[i];
  /* Remove the net momentum so the system's centre of mass stays put. */
  double px = 0.0, py = 0.0, pz = 0.0;
  for (int i = 1; i < BODIES; i++) {
    px += bodies[i].vx * bodies[i].mass;
    py += bodies[i].vy * bodies[i].mass;
    pz += bodies[i].vz * bodies[i].mass;
  }
  bodies[0].vx = -px / bodies[0].mass;
  bodies[0].vy = -py / bodies[0].mass;
  bodies[0].vz = -pz / bodies[0].mass;
}

static void advance(double dt) {
  for (int i = 0; i < BODIES; i++) {
    Body *bi = &bodies[i];
    for (int j = i + 1; j < BODIES; j++) {
      Body *bj = &bodies[j];
      double dx = bi->x - bj->x;
      double dy = bi->y - bj->y;
      double dz = bi->z - bj->z;
      double d2 = dx * dx + dy * dy + dz * dz;
      double dist = __builtin_sqrt(d2);
      double mag = dt / (d2 * dist);
      double mi = bi->mass * mag;
      double mj = bj->mass * mag;
      bi->vx -= dx * mj;
      bi->vy -= dy * mj;
      bi->vz -= dz * mj;
      bj->vx += dx * mi;
      bj->vy += dy * mi;
      bj->vz += dz * mi;
    }
  }
  for (int i = 0; i < BODIES; i++) {
    Body *b = &bodies[i];
    b->x += dt * b->vx;
    b->y += dt * b->vy;
    b->z += dt * b->vz;
  }
}

static double energy(void) {
  double e = 0.0;
  for (int i = 0; i < BODIES; i++) {
    Body *bi = &bodies[i];
    e += 0.5 * bi->mass * (bi->vx * bi->vx + bi->vy * bi->vy + bi->vz * bi->vz);
    for (int j = i + 1; j < BODIES; j++) {
      Body *bj = &bodies[j];
      double dx = bi->x - bj->x;
      double dy = bi->y - bj->y;
      double dz = bi->z - bj->z;
      e -= bi->mass * bj->mass / __builtin_sqrt(dx * dx + dy * dy + dz * dz);
    }
  }
  return e;
}

i64 run(i32 n) {
  reset();
  for (i32 step = 0; step < n; step++) advance(0.001);
  u64 e = f64_bits(energy());
  u64 p = f64_bits(bodies[1].x + bodies[1].y + bodies[1].z);
  return (i64)(e ^ (p << 1) ^ (p >> 63));
}
