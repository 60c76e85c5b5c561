#include "runtime/input.h"

#include <gtest/gtest.h>

namespace weft::runtime {
namespace {

SplitInput MustSplit(std::string_view text) {
  SplitInput input;
  std::string error;
  EXPECT_TRUE(Split(text, InputFormat::Auto, input, error)) << error;
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
  EXPECT_EQ(input.records[1].text, "{\"a\": 2}");
  EXPECT_EQ(input.records[1].line, 1u);
}

TEST(InputSplit, ReadsTheRecordsOfAnSObjectTree) {
  SplitInput input =
      MustSplit("{\n \"records\": [\n  {\"Name\": \"A\"},\n  {\"Name\": \"B\"}\n ]\n}");
  EXPECT_EQ(input.shape, InputShape::RecordsObject);
  ASSERT_EQ(input.records.size(), 2u);
  EXPECT_EQ(input.records[0].text, "{\"Name\": \"A\"}");
  EXPECT_EQ(input.records[0].line, 3u);
}

TEST(InputSplit, RejectsASecondRecordsKey) {
  SplitInput input;
  std::string error;
  EXPECT_FALSE(Split("{\"records\": [{\"a\": 1}], \"records\": [{\"a\": 2}]}",
                     InputFormat::Auto, input, error));
  EXPECT_NE(error.find("more than one `records` key"), std::string::npos) << error;
}

TEST(InputSplit, ReadsRecordsAfterOtherKeys) {
  SplitInput input = MustSplit("{\"done\": true, \"records\": [{\"a\": 1}, {\"a\": 2}]}");
  ASSERT_EQ(input.records.size(), 2u);
  EXPECT_EQ(input.records[1].text, "{\"a\": 2}");
}

TEST(InputSplit, ReadsOnePrettyPrintedObject) {
  SplitInput input = MustSplit("{\n  \"Name\": \"A\"\n}\n");
  ASSERT_EQ(input.records.size(), 1u);
  EXPECT_TRUE(input.records[0].error.empty());
}

TEST(InputSplit, FailsOnABrokenArray) {
  SplitInput input;
  std::string error;
  EXPECT_FALSE(Split("[{\"a\":1},", InputFormat::Auto, input, error));
  EXPECT_NE(error.find("invalid JSON"), std::string::npos) << error;
}

TEST(InputSplit, AcceptsEmptyInput) {
  EXPECT_TRUE(MustSplit("").records.empty());
  EXPECT_TRUE(MustSplit("\n  \n").records.empty());
}

TEST(InputSplit, AcceptsNumbersBeyond64Bits) {
  SplitInput input =
      MustSplit("{\"id\": 123456789012345678901234567890, \"x\": 1e400}\n{\"id\": -0.5e-3}\n");
  ASSERT_EQ(input.records.size(), 2u);
  EXPECT_EQ(input.records[0].error, "");
  EXPECT_EQ(input.records[1].error, "");
}

TEST(InputSplit, RejectsInvalidTokensInsideAValidStructure) {
  SplitInput input = MustSplit("[{\"a\": tru}, {\"a\": 01}, {\"a\": 1}]");
  ASSERT_EQ(input.records.size(), 3u);
  EXPECT_NE(input.records[0].error, "");
  EXPECT_NE(input.records[1].error, "");
  EXPECT_EQ(input.records[2].error, "");
}

TEST(InputSplit, FailsOnABrokenRecordsDocument) {
  SplitInput input;
  std::string error;
  EXPECT_FALSE(Split("{\n \"records\": [\n  {\"a\": 1},\n  {\"a\": 2\n ]\n}\n", InputFormat::Auto,
                     input, error));
  EXPECT_NE(error.find("invalid JSON"), std::string::npos) << error;
}

TEST(InputSplit, ReadsOneLineRestResponseAsRecords) {
  SplitInput input =
      MustSplit("{\"totalSize\": 2, \"done\": true, \"records\": [{\"a\": 1}, {\"a\": 2}]}\n");
  EXPECT_EQ(input.shape, InputShape::RecordsObject);
  EXPECT_EQ(input.records.size(), 2u);
}

TEST(InputSplit, ForcedNdjsonKeepsARecordsField) {
  SplitInput input;
  std::string error;
  ASSERT_TRUE(Split("{\"records\": [1, 2]}\n", InputFormat::Ndjson, input, error));
  ASSERT_EQ(input.records.size(), 1u);
  EXPECT_EQ(input.records[0].text, "{\"records\": [1, 2]}");
}

TEST(InputSplit, RejectsTrailingContentOnALine) {
  SplitInput input = MustSplit("{\"a\": 1} x\n{\"a\": 2}\n");
  ASSERT_EQ(input.records.size(), 2u);
  EXPECT_NE(input.records[0].error, "");
  EXPECT_EQ(input.records[1].error, "");
}

TEST(InputSplit, FailsOnADocumentThatCannotStart) {
  SplitInput input;
  std::string error;
  EXPECT_FALSE(Split("{\"a\": \"\xff\"}", InputFormat::Json, input, error));
  EXPECT_NE(error.find("invalid JSON"), std::string::npos) << error;
}

TEST(InputSplit, KeepsNdjsonWhoseFirstLinesAreMalformed) {
  SplitInput input = MustSplit("{\"id\":1,\n{\"id\":2,\n{\"id\":3}\n{\"id\":4}\n");
  EXPECT_EQ(input.shape, InputShape::Ndjson);
  ASSERT_EQ(input.records.size(), 4u);
  EXPECT_NE(input.records[0].error, "");
  EXPECT_NE(input.records[1].error, "");
  EXPECT_EQ(input.records[2].error, "");
  EXPECT_EQ(input.records[3].error, "");
}

TEST(InputSplit, AcceptsUnpairedSurrogateEscapes) {
  SplitInput input = MustSplit("{\"a\": \"\\ud800\"}\n{\"a\": \"\\q\"}\n");
  ASSERT_EQ(input.records.size(), 2u);
  EXPECT_EQ(input.records[0].error, "");
  EXPECT_NE(input.records[1].error, "");
}

TEST(InputSplit, SplitsLinesEndedByCarriageReturnsOnly) {
  SplitInput input = MustSplit("{\"id\":1}\r{\"id\":2}\r{\"id\":3}\r");
  EXPECT_EQ(input.shape, InputShape::Ndjson);
  ASSERT_EQ(input.records.size(), 3u);
  EXPECT_EQ(input.records[2].text, "{\"id\":3}");
  EXPECT_EQ(input.records[2].line, 3u);
}

}  // namespace
}  // namespace weft::runtime
