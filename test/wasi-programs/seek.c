/* seek: file offsets and sizes on a file created under argv[1]:
 * write, lseek (SET/CUR/END, past EOF), read back, ftruncate, pread and
 * pwrite (which must not move the offset), O_APPEND writes, and finally the
 * whole file dumped with non-printable bytes as \xNN. */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "errname.h"

static int failures;

static void check_off(const char *what, off_t got, off_t want) {
  if (got < 0) {
    printf("%s: %s%s\n", what, errname(errno), want < 0 ? "" : " UNEXPECTED");
    if (want >= 0) failures++;
    return;
  }
  printf("%s: %lld%s\n", what, (long long)got, got == want ? "" : " UNEXPECTED");
  if (got != want) failures++;
}

static void show_bytes(const char *what, const char *buf, ssize_t n) {
  if (n < 0) {
    printf("%s: %s\n", what, errname(errno));
    return;
  }
  printf("%s: %zd \"", what, n);
  for (ssize_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)buf[i];
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
      putchar(c);
    else
      printf("\\x%02x", c);
  }
  printf("\"\n");
}

static void show_size(int fd) {
  struct stat st;
  if (fstat(fd, &st) != 0)
    printf("fstat: %s\n", errname(errno));
  else
    printf("fstat size: %lld\n", (long long)st.st_size);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    printf("usage: seek DIR\n");
    return 2;
  }
  char path[PATH_MAX];
  snprintf(path, sizeof path, "%s/seek.dat", argv[1]);
  char buf[64];

  int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) {
    printf("open: %s\n", errname(errno));
    return 1;
  }
  check_off("write 10", write(fd, "0123456789", 10), 10);
  check_off("lseek(0, CUR)", lseek(fd, 0, SEEK_CUR), 10);
  check_off("lseek(2, SET)", lseek(fd, 2, SEEK_SET), 2);
  show_bytes("read 3", buf, read(fd, buf, 3));
  check_off("lseek(0, CUR)", lseek(fd, 0, SEEK_CUR), 5);
  check_off("lseek(-3, END)", lseek(fd, -3, SEEK_END), 7);
  check_off("write XYZ", write(fd, "XYZ", 3), 3);
  check_off("lseek(-4, CUR)", lseek(fd, -4, SEEK_CUR), 6);
  show_bytes("read 10", buf, read(fd, buf, 10));
  show_bytes("read at EOF", buf, read(fd, buf, 10));
  check_off("lseek(-1, SET)", lseek(fd, -1, SEEK_SET), -1);
  check_off("lseek(0, CUR) after failed seek", lseek(fd, 0, SEEK_CUR), 10);
  check_off("lseek(15, SET) past EOF", lseek(fd, 15, SEEK_SET), 15);
  check_off("write !", write(fd, "!", 1), 1);
  show_size(fd);
  check_off("ftruncate(12)", ftruncate(fd, 12), 0);
  show_size(fd);
  check_off("lseek(0, CUR) after ftruncate", lseek(fd, 0, SEEK_CUR), 16);
  check_off("lseek(0, END)", lseek(fd, 0, SEEK_END), 12);
  check_off("lseek(0, SET)", lseek(fd, 0, SEEK_SET), 0);
  show_bytes("pread 4 @6", buf, pread(fd, buf, 4, 6));
  check_off("pwrite AB @0", pwrite(fd, "AB", 2, 0), 2);
  check_off("pwrite CD @20", pwrite(fd, "CD", 2, 20), 2);
  check_off("lseek(0, CUR) after pread/pwrite", lseek(fd, 0, SEEK_CUR), 0);
  show_size(fd);
  show_bytes("pread 8 @18", buf, pread(fd, buf, 8, 18));
  check_off("ftruncate(14)", ftruncate(fd, 14), 0);
  check_off("close", close(fd), 0);

  fd = open(path, O_WRONLY | O_APPEND);
  if (fd < 0) {
    printf("open O_APPEND: %s\n", errname(errno));
    return 1;
  }
  check_off("append: lseek(0, SET)", lseek(fd, 0, SEEK_SET), 0);
  check_off("append: write END", write(fd, "END", 3), 3);
  check_off("append: lseek(0, CUR)", lseek(fd, 0, SEEK_CUR), 17);
  check_off("append: write +", write(fd, "+", 1), 1);
  show_size(fd);
  check_off("close", close(fd), 0);

  fd = open(path, O_RDONLY);
  if (fd < 0) {
    printf("open O_RDONLY: %s\n", errname(errno));
    return 1;
  }
  check_off("read-only: write", write(fd, "no", 2), -1);
  show_bytes("contents", buf, read(fd, buf, sizeof buf));
  check_off("close", close(fd), 0);
  check_off("close (again)", close(fd), -1);

  printf("seek: %s\n", failures ? "FAILED" : "done");
  return failures ? 1 : 0;
}
