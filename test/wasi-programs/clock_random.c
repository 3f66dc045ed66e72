/* clock_random: sanity checks of clocks and randomness whose output is
 * deterministic: every line is "<check>: ok" or "<check>: FAIL (...)".
 * Exits 1 if any check failed. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "errname.h"

static int failures;

static void check(const char *what, int ok, const char *detail) {
  if (ok) {
    printf("%s: ok\n", what);
  } else {
    printf("%s: FAIL (%s)\n", what, detail);
    failures++;
  }
}

static long long ns(const struct timespec *t) {
  return (long long)t->tv_sec * 1000000000LL + t->tv_nsec;
}

int main(void) {
  struct timespec m1, m2, r1, res;
  char detail[128];

  check("clock_gettime(MONOTONIC)", clock_gettime(CLOCK_MONOTONIC, &m1) == 0, errname(errno));
  check("clock_gettime(REALTIME)", clock_gettime(CLOCK_REALTIME, &r1) == 0, errname(errno));
  /* 2020-01-01T00:00:00Z .. 2100-01-01T00:00:00Z */
  snprintf(detail, sizeof detail, "tv_sec=%lld", (long long)r1.tv_sec);
  check("realtime within 2020..2100", r1.tv_sec > 1577836800LL && r1.tv_sec < 4102444800LL, detail);
  check("realtime tv_nsec in range", r1.tv_nsec >= 0 && r1.tv_nsec < 1000000000L, detail);
  time_t now = time(NULL);
  snprintf(detail, sizeof detail, "time()=%lld realtime=%lld", (long long)now, (long long)r1.tv_sec);
  check("time() agrees with realtime", now >= r1.tv_sec && now - r1.tv_sec < 60, detail);

  check("clock_getres(MONOTONIC)", clock_getres(CLOCK_MONOTONIC, &res) == 0, errname(errno));
  snprintf(detail, sizeof detail, "%lld ns", ns(&res));
  check("monotonic resolution in (0, 1s]", ns(&res) > 0 && ns(&res) <= 1000000000LL, detail);
  check("clock_getres(REALTIME)", clock_getres(CLOCK_REALTIME, &res) == 0, errname(errno));
  snprintf(detail, sizeof detail, "%lld ns", ns(&res));
  check("realtime resolution in (0, 1s]", ns(&res) > 0 && ns(&res) <= 1000000000LL, detail);

  long long prev = ns(&m1);
  int monotonic = 1;
  for (int i = 0; i < 1000; i++) {
    clock_gettime(CLOCK_MONOTONIC, &m2);
    if (ns(&m2) < prev) monotonic = 0;
    prev = ns(&m2);
  }
  check("monotonic never decreases (1000 reads)", monotonic, "went backwards");

  struct timespec req = {0, 20 * 1000000L};
  clock_gettime(CLOCK_MONOTONIC, &m1);
  int slept = nanosleep(&req, NULL);
  clock_gettime(CLOCK_MONOTONIC, &m2);
  check("nanosleep(20ms)", slept == 0, errname(errno));
  snprintf(detail, sizeof detail, "elapsed %lld ns", ns(&m2) - ns(&m1));
  check("monotonic advanced >= 20ms across nanosleep", ns(&m2) - ns(&m1) >= 20000000LL, detail);

  unsigned char a[256], b[256];
  memset(a, 0, sizeof a);
  memset(b, 0, sizeof b);
  check("getentropy(32)", getentropy(a, 32) == 0, errname(errno));
  int nonzero = 0;
  for (int i = 0; i < 32; i++) nonzero |= a[i];
  check("getentropy(32) not all zero", nonzero != 0, "all zero");
  check("getentropy(256)", getentropy(b, 256) == 0, errname(errno));
  check("two getentropy results differ", memcmp(a, b, 32) != 0, "identical");
  int distinct[256] = {0};
  int values = 0;
  for (int i = 0; i < 256; i++) {
    if (!distinct[b[i]]++) values++;
  }
  snprintf(detail, sizeof detail, "%d distinct byte values", values);
  check("getentropy(256) has >= 64 distinct bytes", values >= 64, detail);
  errno = 0;
  int too_big = getentropy(b, 257);
  snprintf(detail, sizeof detail, "rc=%d errno=%s", too_big, errname(errno));
  check("getentropy(257) fails with EIO", too_big == -1 && errno == EIO, detail);

  printf("clock_random: %s\n", failures ? "FAILED" : "done");
  return failures ? 1 : 0;
}
