/* hello: the smallest WASI command.  Prints "hello, world" and exits 0. */
#include <stdio.h>

int main(void) {
  printf("hello, world\n");
  return 0;
}
