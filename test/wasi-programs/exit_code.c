/* exit_code: prints one line, then terminates with the status given in
 * argv[1] (default 0).  With argv[2] == "return" the status is returned
 * from main instead of calling exit(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  int code = argc > 1 ? atoi(argv[1]) : 0;
  int via_return = argc > 2 && strcmp(argv[2], "return") == 0;
  printf("exit_code: exiting with %d via %s\n", code, via_return ? "return" : "exit");
  if (via_return) return code;
  exit(code);
}
