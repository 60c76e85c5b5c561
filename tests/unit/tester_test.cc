// Tests of the pieces of `weft test` that are not file-shaped: reading mapped records back, the
// exact comparison of values, the JUnit report and coverage.
#include <gtest/gtest.h>

#include <sstream>

#include "compiler/frontend.h"
#include "tester/coverage.h"
#include "tester/json_values.h"
#include "tester/junit.h"

namespace weft::tester {
namespace {

TEST(JsonValuesTest, ReadsNestedPaths) {
  JsonValues values;
  std::string error;
  ASSERT_TRUE(ReadJsonValues(R"({"a":{"b":[1,"x"]},"c":null,"d":10.50})", values, error));
  EXPECT_EQ(values["a"].kind, JsonValue::Kind::Object);
  EXPECT_EQ(values["a.b"].kind, JsonValue::Kind::Array);
  EXPECT_EQ(values["a.b[0]"].text, "1");
  EXPECT_EQ(values["a.b[1]"].text, "x");
  EXPECT_EQ(values["c"].kind, JsonValue::Kind::Null);
  EXPECT_EQ(values["d"].text, "10.50");
}

TEST(JsonValuesTest, RejectsTrailingText) {
  JsonValues values;
  std::string error;
  EXPECT_FALSE(ReadJsonValues(R"({"a":1} x)", values, error));
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(ReadJsonValues("[1]", values, error));
}

TEST(JsonValuesTest, ComparesScaleAndKind) {
  check::TestValue expected{"d", check::TestValueKind::Number, "10.5", {}};
  EXPECT_FALSE(SameValue(expected, {JsonValue::Kind::Number, "10.50"}));
  EXPECT_TRUE(SameValue(expected, {JsonValue::Kind::Number, "10.5"}));
  EXPECT_FALSE(SameValue(expected, {JsonValue::Kind::String, "10.5"}));
  check::TestValue null{"n", check::TestValueKind::Null, "null", {}};
  EXPECT_TRUE(SameValue(null, {JsonValue::Kind::Null, "null"}));
}

constexpr const char* kProgram = R"(
schema a {
  record In {
    n: int
  }
  record Out {
    n: int
  }
}

map a.In -> a.Out when n > 0 {
  require n < 10 else "n {n} is too large"
  n = n
}

test "<a & \"b\">" {
  given a.In { n: 1 }
  expect a.Out { n: 1 }
}
)";

TEST(JunitTest, EscapesNamesAndFailures) {
  std::unique_ptr<Frontend> frontend = CheckText("t.map", kProgram);
  ASSERT_FALSE(frontend->diagnostics.HasErrors());
  ASSERT_EQ(frontend->program.tests.size(), 1u);
  TestResult result;
  result.test = &frontend->program.tests[0];
  result.failure = "reason <x> & \x01 \xEF\xBF\xBF \xFF é";

  std::ostringstream out;
  WriteJunit(frontend->sources, {result}, out);
  std::string xml = out.str();
  EXPECT_NE(xml.find(R"(name="&lt;a &amp; &quot;b&quot;&gt;")"), std::string::npos) << xml;
  EXPECT_NE(xml.find("reason &lt;x&gt; &amp; \\u{0001} \\u{FFFF} \\xff é"), std::string::npos)
      << xml;
  EXPECT_NE(xml.find(R"(tests="1" failures="1")"), std::string::npos) << xml;
  EXPECT_NE(xml.find(R"(line="16")"), std::string::npos) << xml;
}

TEST(CoverageTest, CreditsRequireByMessage) {
  std::unique_ptr<Frontend> frontend = CheckText("t.map", kProgram);
  ASSERT_FALSE(frontend->diagnostics.HasErrors());
  TestResult result;
  result.outcomes.push_back({0, check::TestOutcome::Rejected, "n 12 is too large"});
  std::vector<CoverageItem> items = ComputeCoverage(frontend->program, {result});

  ASSERT_EQ(items.size(), 4u);
  EXPECT_TRUE(items[0].covered);   // `when` is true
  EXPECT_FALSE(items[1].covered);  // `when` is false
  EXPECT_FALSE(items[2].covered);  // `require` passes
  EXPECT_TRUE(items[3].covered);   // `require` rejects
}

TEST(CoverageTest, OtherRejectsCreditNothing) {
  std::unique_ptr<Frontend> frontend = CheckText("t.map", kProgram);
  TestResult result;
  result.outcomes.push_back({0, check::TestOutcome::Rejected, "field `n` must be an int"});
  std::vector<CoverageItem> items = ComputeCoverage(frontend->program, {result});

  ASSERT_EQ(items.size(), 4u);
  for (const CoverageItem& item : items) EXPECT_FALSE(item.covered) << item.description;
}

TEST(CoverageTest, SkipCoversFalseCondition) {
  std::unique_ptr<Frontend> frontend = CheckText("t.map", kProgram);
  TestResult result;
  result.outcomes.push_back({0, check::TestOutcome::Skipped, ""});
  std::vector<CoverageItem> items = ComputeCoverage(frontend->program, {result});

  ASSERT_EQ(items.size(), 4u);
  EXPECT_FALSE(items[0].covered);
  EXPECT_TRUE(items[1].covered);
}

}  // namespace
}  // namespace weft::tester
