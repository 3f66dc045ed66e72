/* echo_args: prints its arguments and selected environment variables.
 *
 * Output:
 *   argc=N
 *   argv[i]=<arg>            for every argument (bytes printed verbatim)
 *   environ count=N
 *   env TEST_*=...           every variable whose name starts with TEST_,
 *                            sorted by name
 *   getenv(NAME)=value | (unset)   for HOME, PATH and TSWASM_MISSING
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

static int compare_strings(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int main(int argc, char **argv) {
  printf("argc=%d\n", argc);
  for (int i = 0; i < argc; i++) printf("argv[%d]=%s\n", i, argv[i]);

  size_t count = 0;
  for (char **e = environ; e && *e; e++) count++;
  printf("environ count=%zu\n", count);

  const char **selected = malloc((count + 1) * sizeof *selected);
  if (!selected) return 1;
  size_t nsel = 0;
  for (size_t i = 0; i < count; i++) {
    if (strncmp(environ[i], "TEST_", 5) == 0) selected[nsel++] = environ[i];
  }
  qsort(selected, nsel, sizeof *selected, compare_strings);
  for (size_t i = 0; i < nsel; i++) printf("env %s\n", selected[i]);
  free(selected);

  static const char *const names[] = {"HOME", "PATH", "TSWASM_MISSING"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    const char *value = getenv(names[i]);
    printf("getenv(%s)=%s\n", names[i], value ? value : "(unset)");
  }
  return 0;
}
