/* escape: tries to reach files outside the preopened directory argv[1].
 *
 * The runner prepares (see programs.json, case "escape"):
 *   <preopen>/inside.txt              a normal file
 *   <preopen>/sub/                    a directory
 *   <preopen>/link_in -> inside.txt   symlink that stays inside (control)
 *   <preopen>/link_out -> ../outside  relative symlink leaving the preopen
 *   <preopen>/link_abs -> <abs path of outside dir>
 *   <preopen>/link_file -> ../outside/secret.txt
 *   <preopen>/loop1 -> loop2, loop2 -> loop1, self -> self
 * and next to the preopen (not visible to the guest) outside/secret.txt.
 *
 * Each attempt prints "<op> <path>: <ERRNO>" when it fails and
 * "<op> <path>: ESCAPED" when it succeeds (which it must not).  The
 * controls print "control <op> <path>: ok".  Exit status is the number of
 * escapes (0 = sandbox held), or 100 + n if n controls failed. */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "errname.h"

static const char *base;
static int escapes;
static int control_failures;

static const char *P(const char *rel) {
  static char bufs[2][PATH_MAX];
  static int next;
  char *buf = bufs[next++ & 1];
  if (rel[0] == '/')
    snprintf(buf, PATH_MAX, "%s", rel);
  else
    snprintf(buf, PATH_MAX, "%s/%s", base, rel);
  return buf;
}

static void attempt(const char *op, const char *rel, int rc) {
  if (rc < 0) {
    printf("%s %s: %s\n", op, rel, errname(errno));
  } else {
    printf("%s %s: ESCAPED\n", op, rel);
    escapes++;
  }
}

static int try_open(const char *rel, int flags) {
  int fd = open(P(rel), flags, 0644);
  if (fd >= 0) close(fd);
  return fd;
}

static int try_opendir(const char *rel) {
  DIR *d = opendir(P(rel));
  if (!d) return -1;
  closedir(d);
  return 0;
}

static int try_stat(const char *rel) {
  struct stat st;
  return stat(P(rel), &st);
}

static void control(const char *op, const char *rel, int rc) {
  if (rc < 0) {
    printf("control %s %s: %s (control FAILED)\n", op, rel, errname(errno));
    control_failures++;
  } else {
    printf("control %s %s: ok\n", op, rel);
  }
}

int main(int argc, char **argv) {
  if (argc < 2) {
    printf("usage: escape DIR\n");
    return 2;
  }
  base = argv[1];

  /* Controls: access that must work. */
  control("open", "inside.txt", try_open("inside.txt", O_RDONLY));
  control("open", "sub/../inside.txt", try_open("sub/../inside.txt", O_RDONLY));
  control("open", "link_in", try_open("link_in", O_RDONLY));
  control("opendir", ".", try_opendir("."));

  /* Dot-dot traversal. */
  attempt("open", "../outside/secret.txt", try_open("../outside/secret.txt", O_RDONLY));
  attempt("open", "sub/../../outside/secret.txt", try_open("sub/../../outside/secret.txt", O_RDONLY));
  attempt("open", "sub/../../../../../../etc/passwd", try_open("sub/../../../../../../etc/passwd", O_RDONLY));
  attempt("opendir", "..", try_opendir(".."));
  attempt("stat", "../outside", try_stat("../outside"));
  attempt("create", "../created.txt", try_open("../created.txt", O_WRONLY | O_CREAT));
  attempt("mkdir", "../newdir", mkdir(P("../newdir"), 0755));
  attempt("rename", "inside.txt -> ../moved.txt", rename(P("inside.txt"), P("../moved.txt")));

  /* Absolute paths outside every preopen. */
  attempt("open", "/etc/passwd", try_open("/etc/passwd", O_RDONLY));
  attempt("opendir", "/", try_opendir("/"));
  attempt("open", "/outside/secret.txt", try_open("/outside/secret.txt", O_RDONLY));

  /* Symlinks that point out of the preopen. */
  attempt("open", "link_out/secret.txt", try_open("link_out/secret.txt", O_RDONLY));
  attempt("opendir", "link_out", try_opendir("link_out"));
  attempt("stat", "link_out/secret.txt", try_stat("link_out/secret.txt"));
  attempt("open", "link_abs/secret.txt", try_open("link_abs/secret.txt", O_RDONLY));
  attempt("opendir", "link_abs", try_opendir("link_abs"));
  attempt("open", "link_file", try_open("link_file", O_RDONLY));
  attempt("stat", "link_file", try_stat("link_file"));

  /* Symlink loops. */
  attempt("open", "loop1", try_open("loop1", O_RDONLY));
  attempt("open", "self", try_open("self", O_RDONLY));
  attempt("stat", "loop1", try_stat("loop1"));
  attempt("open", "loop1/x", try_open("loop1/x", O_RDONLY));

  /* Attempts that would modify the outside directory come last, so that an
   * engine that lets them through does not change the earlier results. */
  attempt("open O_WRONLY|O_TRUNC", "link_file", try_open("link_file", O_WRONLY | O_TRUNC));
  attempt("create", "link_out/created.txt", try_open("link_out/created.txt", O_WRONLY | O_CREAT));
  attempt("mkdir", "link_out/newdir", mkdir(P("link_out/newdir"), 0755));
  attempt("rename", "inside.txt -> link_out/moved.txt", rename(P("inside.txt"), P("link_out/moved.txt")));
  attempt("unlink", "link_out/secret.txt", unlink(P("link_out/secret.txt")));

  printf("escape: %d escaped, %d controls failed\n", escapes, control_failures);
  if (control_failures) return 100 + control_failures;
  return escapes;
}
