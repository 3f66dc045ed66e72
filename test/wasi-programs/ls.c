/* ls: lists each directory named on the command line, entries sorted by
 * name (strcmp order), "." and ".." omitted.  One line per entry:
 *   d name/          directory
 *   f name size      regular file (size in bytes)
 *   l name -> target symbolic link (readlink)
 *   ? name           anything else
 * preceded by "<dir>:" and followed by "(<count> entries)".  Types come
 * from lstat(), not d_type.  Errors print "ls: <path>: <ERRNO>" to stdout
 * and make the exit status 1. */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "errname.h"

static int compare_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int list_dir(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) {
    printf("ls: %s: %s\n", dir, errname(errno));
    return 1;
  }
  char **names = NULL;
  size_t count = 0, cap = 0;
  struct dirent *ent;
  errno = 0;
  while ((ent = readdir(d)) != NULL) {
    if (strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0) continue;
    if (count == cap) {
      cap = cap ? cap * 2 : 16;
      names = realloc(names, cap * sizeof *names);
      if (!names) return 1;
    }
    names[count++] = strdup(ent->d_name);
  }
  if (errno != 0) printf("ls: readdir %s: %s\n", dir, errname(errno));
  closedir(d);

  qsort(names, count, sizeof *names, compare_names);
  printf("%s:\n", dir);
  for (size_t i = 0; i < count; i++) {
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    struct stat st;
    if (lstat(path, &st) != 0) {
      printf("  ! %s %s\n", names[i], errname(errno));
    } else if (S_ISDIR(st.st_mode)) {
      printf("  d %s/\n", names[i]);
    } else if (S_ISREG(st.st_mode)) {
      printf("  f %s %lld\n", names[i], (long long)st.st_size);
    } else if (S_ISLNK(st.st_mode)) {
      char target[PATH_MAX];
      ssize_t n = readlink(path, target, sizeof target - 1);
      if (n < 0) {
        printf("  l %s -> (readlink: %s)\n", names[i], errname(errno));
      } else {
        target[n] = '\0';
        printf("  l %s -> %s\n", names[i], target);
      }
    } else {
      printf("  ? %s\n", names[i]);
    }
    free(names[i]);
  }
  printf("(%zu entries)\n", count);
  free(names);
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    printf("usage: ls DIR...\n");
    return 2;
  }
  int status = 0;
  for (int i = 1; i < argc; i++) status |= list_dir(argv[i]);
  return status;
}
