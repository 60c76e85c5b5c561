#include "runtime/input.h"

#include <gtest/gtest.h>

namespace weft::runtime {
namespace {

SplitInput MustSplit(std::string_view text) {
  SplitInput input;
  std::string error;
  EXPECT_TRUE(Split(text, input, error)) << error;
  return input;
}

TEST(InputSplit, ReadsNdjsonLinesWithTheirNumbers) {
  SplitInput input = MustSplit("{\"a\":1}\n\n{\"a\":2}\r\n");
  ASSERT_EQ(input.records.size(), 2u);
  EXPECT_EQ(input.shape, InputShape::Ndjson);
  EXPECT_EQ(input.records[0].line, 1u);
  EXPECT_EQ(input.records[1].line, 3u);
  EXPECT_EQ(input.records[1].number, 2u);
  EXPECT_EQ(input.records[1].text, "{\"a\":2}");
}

TEST(InputSplit, KeepsAMalformedLineAsAnError) {
  SplitInput input = MustSplit("{\"a\":1}\n{\"a\":\n{\"a\":3}\n");
  ASSERT_EQ(input.records.size(), 3u);
  EXPECT_TRUE(input.records[0].error.empty());
  EXPECT_NE(input.records[1].error.find("invalid JSON"), std::string::npos);
  EXPECT_EQ(input.records[1].text, "{\"a\":");
  EXPECT_TRUE(input.records[2].error.empty());
}

TEST(InputSplit, ReadsAJsonArray) {
  SplitInput input = MustSplit(" [ {\"a\": 1}, {\"a\": 2} ] ");
  EXPECT_EQ(input.shape, InputShape::JsonArray);
  ASSERT_EQ(input.records.size(), 2u);
  EXPECT_EQ(input.records[1].text, "{\"a\":2}");
}

TEST(InputSplit, ReadsTheRecordsOfAnSObjectTree) {
  SplitInput input = MustSplit("{\n \"records\": [\n  {\"Name\": \"A\"},\n  {\"Name\": \"B\"}\n ]\n}");
  EXPECT_EQ(input.shape, InputShape::RecordsObject);
  ASSERT_EQ(input.records.size(), 2u);
  EXPECT_EQ(input.records[0].text, "{\"Name\":\"A\"}");
}

TEST(InputSplit, ReadsOnePrettyPrintedObject) {
  SplitInput input = MustSplit("{\n  \"Name\": \"A\"\n}\n");
  ASSERT_EQ(input.records.size(), 1u);
  EXPECT_TRUE(input.records[0].error.empty());
}

TEST(InputSplit, FailsOnABrokenArray) {
  SplitInput input;
  std::string error;
  EXPECT_FALSE(Split("[{\"a\":1},", input, error));
  EXPECT_NE(error.find("not a valid JSON array"), std::string::npos);
}

TEST(InputSplit, AcceptsEmptyInput) {
  EXPECT_TRUE(MustSplit("").records.empty());
  EXPECT_TRUE(MustSplit("\n  \n").records.empty());
}

}  // namespace
}  // namespace weft::runtime
