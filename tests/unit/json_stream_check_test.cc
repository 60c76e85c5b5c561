#include "runtime/json_stream_check.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <random>
#include <string>
#include <vector>

#include "runtime/json_check.h"

namespace weft::runtime {
namespace {

struct Outcome {
  std::string problem;
  uint64_t offset = 0;
  size_t lines = 0;
};

// Validates `text` fed in pieces of at most `piece` bytes.
Outcome Validate(std::string_view text, size_t piece, int max_depth = kDefaultMaxInputDepth) {
  JsonStreamValidator validator(max_depth, '\n');
  for (size_t at = 0; at < text.size(); at += piece) validator.Feed(text.substr(at, piece));
  validator.Finish();
  return {validator.problem(), validator.problem_offset(), validator.problem_lines()};
}

// Returns CheckJson's reason for `text`, which it reads with simdjson's padding after it.
std::string CheckWhole(std::string_view text, int max_depth = kDefaultMaxInputDepth) {
  std::string padded(text);
  padded.append(simdjson::SIMDJSON_PADDING, '\0');
  simdjson::ondemand::parser parser;
  AllowDepth(parser, max_depth);
  return CheckJson(parser, std::string_view(padded.data(), text.size()), max_depth);
}

TEST(JsonStreamValidator, AcceptsValidValues) {
  const std::string values[] = {
      "{}",
      "[]",
      "{\"a\": [1, -2.5e+3, 0, -0, 0.0, 1E9, true, false, null, \"\"], \"b\": {\"c\": {}}}",
      "\"tab \\t, quote \\\", slash \\/, \\u00e9, \\uD800 alone, é, 中, 😀\"",
      "{\"\\ud83d\\ude00\": [\"\\udc00\", \"\\ud800\"]}",
      "[\n  {\"id\": 1},\r\n  {\"id\": 2}\n]",
      "123456789012345678901234567890",
      "true",
      "null",
      "\"\x7f\"",
  };
  for (const std::string& value : values) {
    EXPECT_EQ(CheckWhole(value), "") << value;
    EXPECT_EQ(Validate(value, value.size()).problem, "") << value;
  }
}

TEST(JsonStreamValidator, NamesEachProblem) {
  struct Case {
    std::string text;
    std::string problem;
    uint64_t offset;
  };
  const Case cases[] = {
      {"{\"a\": tru}", "`tru` is not a value", 6},
      {"[1, truex]", "`truex` is not a value", 4},
      {"[01.5]", "`01.5` is not a number", 1},
      {"{\"n\": 1.}", "`1.` is not a number", 6},
      {"-", "`-` is not a number", 0},
      {"[1e]", "`1e` is not a number", 1},
      {"[x]", "`x` is not a value", 1},
      {"[1 2]", "expected `,` or `]` after an element, found `2`", 3},
      {"{\"a\" 1}", "expected `:` after a member name, found `1`", 5},
      {"{\"a\": 1,}", "expected a member name in quotes, found `}`", 8},
      {"[1,]", "expected a value, found `]`", 3},
      {"{\"a\": 1]", "expected `,` or `}` after a member, found `]`", 7},
      {"{1: 2}", "expected a member name in quotes, found `1`", 1},
      {"[\"a\": 1]", "expected `,` or `]` after an element, found `:`", 4},
      {"[] 1", "unexpected content after the value, found `1`", 3},
      {"[\"a\\x\"]", "`\\x` is not a JSON escape", 3},
      {"[\"\\u12G4\"]", "`\\u12G` is not a JSON escape", 2},
      {"[\"a\tb\"]", "the control character 0x09 in a string is not escaped", 3},
      {"{\"k\\u00\": 1}", "`\\u00\"` is not a JSON escape", 3},
      {"{\"\\udc00\": 1}", "`\\udc00` in a member name is a UTF-16 surrogate without its pair", 2},
      {"{\"\\ud800x\": 1}", "`\\ud800` in a member name is a UTF-16 surrogate without its pair", 2},
      {"{\"a\\uD800\\u0041\": 1}",
       "`\\uD800` in a member name is a UTF-16 surrogate without its pair", 3},
      {"{\"\\ud800\\n\": 1}", "`\\ud800` in a member name is a UTF-16 surrogate without its pair",
       2},
      {"[\"\xC3\"]", "the string is not valid UTF-8", 3},
      {"[\"\xC0\xAF\"]", "the string is not valid UTF-8", 2},
      {"[\"\xED\xA0\x80\"]", "the string is not valid UTF-8", 3},
      {"[\"\xF4\x90\x80\x80\"]", "the string is not valid UTF-8", 3},
      {"[1, [2, {\"a\": ", "the value ends before it is complete", 14},
      {"\"open", "the value ends before it is complete", 5},
      {"", "the value ends before it is complete", 0},
  };
  for (const Case& test : cases) {
    EXPECT_NE(CheckWhole(test.text), "") << test.text;
    for (size_t piece : {size_t{1}, size_t{2}, size_t{3}, test.text.size() + 1}) {
      Outcome outcome = Validate(test.text, piece);
      EXPECT_EQ(outcome.problem, test.problem) << test.text << " in pieces of " << piece;
      EXPECT_EQ(outcome.offset, test.offset) << test.text << " in pieces of " << piece;
    }
  }
}

TEST(JsonStreamValidator, CountsLinesBeforeTheProblem) {
  Outcome outcome = Validate("{\n  \"a\": 1,\n  \"b\": nul\n}", 4);
  EXPECT_EQ(outcome.problem, "`nul` is not a value");
  EXPECT_EQ(outcome.offset, 19u);
  EXPECT_EQ(outcome.lines, 2u);
}

TEST(JsonStreamValidator, HoldsNestingToTheLimit) {
  std::string at_limit = std::string(5, '[') + std::string(5, ']');
  EXPECT_EQ(Validate(at_limit, 1, 5).problem, "");
  EXPECT_EQ(CheckWhole(at_limit, 5), "");

  std::string deeper = "{\"a\": " + std::string(5, '[') + std::string(5, ']') + "}";
  JsonStreamValidator validator(5, '\n');
  validator.Feed(deeper);
  validator.Finish();
  EXPECT_TRUE(validator.too_deep());
  EXPECT_EQ(validator.problem(), TooDeep(5));
  EXPECT_EQ(validator.problem_offset(), 10u);
  EXPECT_EQ(CheckWhole(deeper, 5), TooDeep(5));
}

// Returns `text` with one random change: a byte deleted, replaced or inserted, or a piece of it
// repeated. The bytes put in are those that JSON gives a meaning, and a few it forbids.
std::string Mutate(std::string text, std::mt19937& random) {
  static const std::string kBytes = "{}[]:,\"\\ \n\t0-1e.+Eutrfalsnd8c\x01\x7f\xC3\xA9\xED\xF0\x80";
  size_t at = text.empty() ? 0 : random() % text.size();
  char byte = kBytes[random() % kBytes.size()];
  switch (random() % 4) {
    case 0:
      if (!text.empty()) text.erase(at, 1);
      break;
    case 1:
      if (!text.empty()) text[at] = byte;
      break;
    case 2:
      text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), byte);
      break;
    default:
      text.insert(at, text.substr(at, random() % 8));
      break;
  }
  return text;
}

// Mutated values must be valid exactly when CheckJson finds them valid, and the problem must not
// depend on where the pieces end.
TEST(JsonStreamValidator, AgreesWithCheckJson) {
  const std::string seeds[] = {
      "{\"id\": 1, \"name\": \"Ann \\\"A\\\" \\u00e9\", \"tags\": [\"x\", \"y\"], \"n\": -1.5e3}",
      "[true, false, null, {\"a\": {\"b\": [[], {}]}}, \"é\", 0]",
      "{\"records\": [{\"Name\": \"A\"}, {\"Name\": \"B\", \"Amount\": 10.25}]}",
      "{\"\\ud83d\\ude00 \\u00e9\": \"\\ud800\", \"\\n\": 1}",
      "\"plain string\"",
      "-12.5E-7",
  };
  std::mt19937 random(5);
  int valid = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text = seeds[round % std::size(seeds)];
    int changes = 1 + static_cast<int>(random() % 3);
    for (int i = 0; i < changes; ++i) text = Mutate(text, random);
    // A value nested at most 3 deep passes, so that the depth limit is met often.
    bool check_valid = CheckWhole(text, 3).empty();
    Outcome whole = Validate(text, text.size() + 1, 3);
    ASSERT_EQ(whole.problem.empty(), check_valid) << text << ": " << whole.problem;
    Outcome bytewise = Validate(text, 1, 3);
    EXPECT_EQ(bytewise.problem, whole.problem) << text;
    EXPECT_EQ(bytewise.offset, whole.offset) << text;
    EXPECT_EQ(bytewise.lines, whole.lines) << text;
    valid += check_valid;
  }
  // The mutations leave some values valid, so that both outcomes are compared.
  EXPECT_GT(valid, 1000);
}

}  // namespace
}  // namespace weft::runtime
