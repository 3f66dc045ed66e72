/* fileops: exercises directory and file management below the directory
 * given as argv[1] (which must exist and be empty of the names used here).
 * Every step prints "<step>: ok" or "<step>: <ERRNO>"; paths are printed
 * relative to argv[1].  Exits 0 when every step gave the expected result,
 * 1 otherwise (mismatches are marked "UNEXPECTED"). */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "errname.h"

static const char *base;
static int failures;

static const char *P(const char *rel) {
  static char bufs[4][PATH_MAX];
  static int next;
  char *buf = bufs[next++ & 3];
  snprintf(buf, PATH_MAX, "%s/%s", base, rel);
  return buf;
}

/* rc < 0 means failure with errno set; expect is "ok" or an errno name. */
static void report(const char *step, int rc, const char *expect) {
  const char *got = rc < 0 ? errname(errno) : "ok";
  int match = strcmp(got, expect) == 0;
  printf("%s: %s%s\n", step, got, match ? "" : " UNEXPECTED");
  if (!match) failures++;
}

static int write_file(const char *rel, const char *text, int flags) {
  int fd = open(P(rel), O_WRONLY | flags, 0644);
  if (fd < 0) return -1;
  size_t len = strlen(text);
  ssize_t n = write(fd, text, len);
  int saved = errno;
  close(fd);
  errno = saved;
  return n == (ssize_t)len ? 0 : -1;
}

static void show_file(const char *rel) {
  int fd = open(P(rel), O_RDONLY);
  if (fd < 0) {
    printf("  read %s: %s\n", rel, errname(errno));
    return;
  }
  char buf[256];
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n < 0) {
    printf("  read %s: %s\n", rel, errname(errno));
    return;
  }
  buf[n] = '\0';
  printf("  %s contains \"%s\"\n", rel, buf);
}

static void show_stat(const char *rel) {
  struct stat st;
  if (lstat(P(rel), &st) != 0) {
    printf("  stat %s: %s\n", rel, errname(errno));
    return;
  }
  const char *kind = S_ISDIR(st.st_mode)   ? "dir"
                     : S_ISREG(st.st_mode) ? "file"
                     : S_ISLNK(st.st_mode) ? "symlink"
                                           : "other";
  if (S_ISREG(st.st_mode))
    printf("  stat %s: %s size=%lld nlink=%llu\n", rel, kind, (long long)st.st_size,
           (unsigned long long)st.st_nlink);
  else
    printf("  stat %s: %s\n", rel, kind);
}

static int compare_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void show_dir(const char *rel) {
  DIR *d = opendir(P(rel));
  if (!d) {
    printf("  list %s: %s\n", rel, errname(errno));
    return;
  }
  char *names[64];
  size_t count = 0;
  struct dirent *ent;
  while ((ent = readdir(d)) != NULL && count < 64) {
    if (strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0) continue;
    names[count++] = strdup(ent->d_name);
  }
  closedir(d);
  qsort(names, count, sizeof names[0], compare_names);
  printf("  list %s: [", rel);
  for (size_t i = 0; i < count; i++) {
    printf("%s%s", i ? " " : "", names[i]);
    free(names[i]);
  }
  printf("]\n");
}

int main(int argc, char **argv) {
  if (argc < 2) {
    printf("usage: fileops DIR\n");
    return 2;
  }
  base = argv[1];

  report("mkdir work", mkdir(P("work"), 0755), "ok");
  report("mkdir work (again)", mkdir(P("work"), 0755), "EEXIST");
  report("mkdir missing/child", mkdir(P("missing/child"), 0755), "ENOENT");
  report("create work/a.txt", write_file("work/a.txt", "alpha", O_CREAT | O_TRUNC), "ok");
  show_stat("work/a.txt");
  report("create work/a.txt O_EXCL", write_file("work/a.txt", "x", O_CREAT | O_EXCL), "EEXIST");
  report("open work/nothere.txt", write_file("work/nothere.txt", "x", 0), "ENOENT");
  report("create work/b.txt", write_file("work/b.txt", "bravo!", O_CREAT | O_TRUNC), "ok");
  show_dir("work");

  report("rename work/a.txt -> work/c.txt", rename(P("work/a.txt"), P("work/c.txt")), "ok");
  show_stat("work/a.txt");
  show_file("work/c.txt");
  report("rename work/b.txt -> work/c.txt (replace)", rename(P("work/b.txt"), P("work/c.txt")), "ok");
  show_file("work/c.txt");
  report("rename work/nothere -> work/x", rename(P("work/nothere"), P("work/x")), "ENOENT");
  report("mkdir work/sub", mkdir(P("work/sub"), 0755), "ok");
  report("rename work/c.txt -> work/sub/c.txt", rename(P("work/c.txt"), P("work/sub/c.txt")), "ok");
  report("rename work/sub -> work/sub2", rename(P("work/sub"), P("work/sub2")), "ok");
  show_dir("work");
  show_dir("work/sub2");

  report("link work/sub2/c.txt -> work/hard.txt", link(P("work/sub2/c.txt"), P("work/hard.txt")), "ok");
  show_stat("work/hard.txt");
  report("symlink work/soft -> sub2/c.txt", symlink("sub2/c.txt", P("work/soft")), "ok");
  show_stat("work/soft");
  {
    char target[PATH_MAX];
    ssize_t n = readlink(P("work/soft"), target, sizeof target - 1);
    if (n >= 0) {
      target[n] = '\0';
      printf("  readlink work/soft: %s\n", target);
    } else {
      printf("  readlink work/soft: %s\n", errname(errno));
    }
  }
  show_file("work/soft");

  report("rmdir work/sub2 (not empty)", rmdir(P("work/sub2")), "ENOTEMPTY");
  report("rmdir work/hard.txt (a file)", rmdir(P("work/hard.txt")), "ENOTDIR");
  report("unlink work/nothere", unlink(P("work/nothere")), "ENOENT");
  report("unlink work/sub2/c.txt", unlink(P("work/sub2/c.txt")), "ok");
  show_stat("work/hard.txt");
  report("unlink work/soft", unlink(P("work/soft")), "ok");
  report("unlink work/hard.txt", unlink(P("work/hard.txt")), "ok");
  report("rmdir work/sub2", rmdir(P("work/sub2")), "ok");
  report("rmdir work/sub2 (again)", rmdir(P("work/sub2")), "ENOENT");
  show_dir("work");
  report("rmdir work", rmdir(P("work")), "ok");
  show_stat("work");

  printf("fileops: %s\n", failures ? "FAILED" : "done");
  return failures ? 1 : 0;
}
