/* cat: copies each file named on the command line (or stdin for "-" or
 * when there are no arguments) to stdout using read(2)/write(2) with a
 * 4 KiB buffer.  On an error it prints "cat: <path>: <ERRNO>" to stderr,
 * continues with the next file, and finally exits 1. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "errname.h"

static int write_all(const char *buf, size_t len) {
  while (len > 0) {
    ssize_t n = write(STDOUT_FILENO, buf, len);
    if (n < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    buf += n;
    len -= (size_t)n;
  }
  return 0;
}

static int copy_fd(int fd, const char *name) {
  static char buf[4096];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n == 0) return 0;
    if (n < 0) {
      if (errno == EINTR) continue;
      fprintf(stderr, "cat: %s: %s\n", name, errname(errno));
      return -1;
    }
    if (write_all(buf, (size_t)n) < 0) {
      fprintf(stderr, "cat: write: %s\n", errname(errno));
      return -1;
    }
  }
}

int main(int argc, char **argv) {
  int status = 0;
  if (argc < 2) return copy_fd(STDIN_FILENO, "-") < 0 ? 1 : 0;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-") == 0) {
      if (copy_fd(STDIN_FILENO, "-") < 0) status = 1;
      continue;
    }
    int fd = open(argv[i], O_RDONLY);
    if (fd < 0) {
      fprintf(stderr, "cat: %s: %s\n", argv[i], errname(errno));
      status = 1;
      continue;
    }
    if (copy_fd(fd, argv[i]) < 0) status = 1;
    close(fd);
  }
  return status;
}
