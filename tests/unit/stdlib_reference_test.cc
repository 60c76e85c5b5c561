// Keeps docs/stdlib.md equal to the reference that the table of builtins generates.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "stdlib/reference.h"

namespace weft::stdlib {
namespace {

TEST(StdlibReference, DocsFileIsUpToDate) {
  std::ifstream in(WEFT_SOURCE_DIR "/docs/stdlib.md", std::ios::binary);
  ASSERT_TRUE(in) << "docs/stdlib.md is missing; write it with `make stdlib-doc`";
  std::ostringstream committed;
  committed << in.rdbuf();
  EXPECT_EQ(committed.str(), RenderReference())
      << "docs/stdlib.md differs from the table in stdlib/builtins.cc; regenerate it with `make "
         "stdlib-doc`, which runs `build/stdlib/weft_stdlib_reference > docs/stdlib.md`";
}

}  // namespace
}  // namespace weft::stdlib
