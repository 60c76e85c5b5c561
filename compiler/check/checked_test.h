#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "compiler/diagnostics/source.h"

namespace weft::ast {
struct TestDecl;
}

namespace weft::check {

// The JSON kind of a value written in a test's record literal.
// A List is the list's length, written by ListLengthText for expected and actual lists alike,
// so that a list compares whole.
enum class TestValueKind { Null, Bool, Number, String, List };

// Writes a list's length as a test compares and shows it: "[]", "[1 item]" or "[2 items]".
inline std::string ListLengthText(size_t count) {
  if (count == 0) return "[]";
  return fmt::format("[{} item{}]", count, count == 1 ? "" : "s");
}

// One scalar value of an `expect` record literal, at its path in the target record, such as
// `address.street` or `lines[1]`.
struct TestValue {
  std::string path;
  TestValueKind kind = TestValueKind::Null;
  // The number as written, "true" or "false", or the string's text with escapes resolved.
  std::string text;
  SourceRange range;
  // True for a number in a float field, which is compared by value: the writer prints floats in
  // their shortest form, such as `1` for 1.0 and `1e-07`.
  bool is_float = false;
};

// The outcome that a test expects for its given records.
enum class TestOutcome { Mapped, Rejected, Skipped };

// A checked `test` block: the rules it offers its record to, the record, and what must happen.
struct CheckedTest {
  const ast::TestDecl* decl = nullptr;
  std::string name;
  // Indexes into CheckedProgram::rules. One rule, except that a test expecting a skip is offered
  // to every rule of its source record, because it states that none of them applies.
  std::vector<int> rules;
  // The given record as one line of JSON, or the path of a file of records when `given_file`.
  std::string given;
  bool given_file = false;
  TestOutcome outcome = TestOutcome::Mapped;
  // For Mapped: the values the record literal names; fields it leaves out are not compared.
  std::vector<TestValue> expected_values;
  // For Mapped: the path of an NDJSON file with the expected records, compared whole.
  std::string expected_file;
  // For Rejected: text that the reject reason must contain, or a regex it must match somewhere.
  std::string reject_text;
  bool reject_is_regex = false;
  SourceRange range;
};

// True when a test data file is read as CSV: its name ends in `.csv`, in any case.
bool IsCsvDataFile(std::string_view path);

}  // namespace weft::check
