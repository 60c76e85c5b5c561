// Prints the reference documentation of the builtins, the text of docs/stdlib.md. `make
// stdlib-doc` writes it there.
#include <iostream>

#include "stdlib/reference.h"

int main() {
  std::cout << weft::stdlib::RenderReference();
  return std::cout.good() ? 0 : 1;
}
