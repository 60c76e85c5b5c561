// Comment placement of `weft fmt`: every comment is kept, in its order, next to the code it
// was next to.
#include <gtest/gtest.h>

#include "tests/format/format_text.h"

namespace weft::testing {
namespace {

// Formats `input`, and checks the result against `expected` and that it is a fixed point.
void ExpectFormat(const std::string& input, const std::string& expected) {
  std::optional<std::string> formatted = FormatText(input);
  ASSERT_TRUE(formatted.has_value()) << "the input has syntax errors";
  EXPECT_EQ(*formatted, expected);
  EXPECT_EQ(FormatText(*formatted), *formatted) << "formatting again changes the text";
}

TEST(FormatComments, TrailingCommentStaysOnItsLine) {
  ExpectFormat("map a.R -> b.S {\n  x =   1    // one\n  yy = 2 // two   \n}\n",
               "map a.R -> b.S {\n  x  = 1 // one\n  yy = 2 // two\n}\n");
}

TEST(FormatComments, OwnLineCommentTakesIndentOfNextItem) {
  ExpectFormat("map a.R -> b.S {\nx = 1\n      // about y\n y = 2\n}\n",
               "map a.R -> b.S {\n  x = 1\n  // about y\n  y = 2\n}\n");
}

TEST(FormatComments, CommentAtEndOfBlockStaysInside) {
  ExpectFormat("schema s {\n  record R {\n    a: int\n// last\n  }\n}\n",
               "schema s {\n  record R {\n    a: int\n    // last\n  }\n}\n");
}

TEST(FormatComments, CommentAfterOpeningBraceStaysThere) {
  ExpectFormat("map a.R -> b.S { // body\n  x = 1\n}\n", "map a.R -> b.S { // body\n  x = 1\n}\n");
}

TEST(FormatComments, CommentInEmptyBlockKeepsBlockOpen) {
  ExpectFormat("schema s {\n  record R { // nothing yet\n  }\n}\n",
               "schema s {\n  record R { // nothing yet\n  }\n}\n");
  ExpectFormat("schema s {\n  record R {\n  // nothing yet\n  }\n}\n",
               "schema s {\n  record R {\n    // nothing yet\n  }\n}\n");
}

TEST(FormatComments, BlockCommentInsideExpressionStaysInPlace) {
  ExpectFormat("fn f(a: int) -> int = a+/* plus one */1\n",
               "fn f(a: int) -> int = a + /* plus one */ 1\n");
}

TEST(FormatComments, MultiLineBlockCommentIsKeptVerbatim) {
  ExpectFormat("/* first\n     second\n*/\nfn f() -> int = 1\n",
               "/* first\n     second\n*/\nfn f() -> int = 1\n");
}

TEST(FormatComments, CommentAboveDeclarationStaysAttached) {
  ExpectFormat("fn f() -> int = 1\n// about g\nfn g() -> int = 2\n",
               "fn f() -> int = 1\n\n// about g\nfn g() -> int = 2\n");
}

TEST(FormatComments, BlankLineBetweenCommentAndDeclarationIsKept) {
  ExpectFormat("// header\n\n\n\nfn f() -> int = 1\n", "// header\n\nfn f() -> int = 1\n");
}

TEST(FormatComments, CommentsAtEndOfFileStayLast) {
  ExpectFormat("fn f() -> int = 1\n// CHECK:STDOUT: x\n// CHECK:STDOUT: y",
               "fn f() -> int = 1\n\n// CHECK:STDOUT: x\n// CHECK:STDOUT: y\n");
}

TEST(FormatComments, LineCommentInsideExpressionKeepsBreak) {
  ExpectFormat("fn f(a: int) -> int = a + // why\n  1\n",
               "fn f(a: int) -> int = a + // why\n    1\n");
}

TEST(FormatComments, LineCommentInOneLineEnumOpensBlock) {
  ExpectFormat("schema s {\n  enum E { A, // first\n B }\n}\n",
               "schema s {\n  enum E {\n    A, // first\n    B\n  }\n}\n");
}

TEST(FormatComments, CommentBetweenWhenAndBodyIsKept) {
  ExpectFormat("map a.R -> b.S when x > 1 // only big ones\n{\n  y = 1\n}\n",
               "map a.R -> b.S\n  when x > 1 // only big ones\n{\n  y = 1\n}\n");
}

TEST(FormatComments, OwnLineCommentInsideContinuationIsIndented) {
  ExpectFormat("fn f(a: int) -> int =\n// the answer\na\n",
               "fn f(a: int) -> int =\n    // the answer\n    a\n");
}

TEST(FormatComments, EntryCommentsInTableAndMatch) {
  ExpectFormat("table t: string -> int {\n  // first\n  \"a\" => 1\n  \"bb\" => 2 // second\n}\n",
               "table t: string -> int {\n  // first\n  \"a\"  => 1\n  \"bb\" => 2 // second\n}\n");
  ExpectFormat("fn f(a: int) -> int = match a {\n1 => 2 // one\n_ => 3\n}\n",
               "fn f(a: int) -> int = match a {\n  1 => 2 // one\n  _ => 3\n}\n");
}

TEST(FormatComments, CommentInsideStringInterpolationIsPartOfString) {
  ExpectFormat("fn f(a: int) -> string = \"{a /* n */}\"\n",
               "fn f(a: int) -> string = \"{a /* n */}\"\n");
}

}  // namespace
}  // namespace weft::testing
