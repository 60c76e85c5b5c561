#include "tester/data_files.h"

#include <fmt/format.h>

#include <fstream>
#include <set>
#include <sstream>

#include "stdlib/iso8601.h"
#include "tester/json_values.h"

namespace weft::tester {
namespace {

// A failure lists this many differing fields or rejected records at most.
constexpr size_t kMaxListed = 20;

// Adds a sentence to the test's failure, keeping those already there.
void AddFailure(TestResult& result, const std::string& sentence) {
  if (!result.failure.empty()) result.failure += '\n';
  result.failure += sentence;
}

// Reads the lines that are not blank, without a byte order mark or CR line ends.
std::vector<std::string> NonEmptyLines(std::istream& in) {
  std::vector<std::string> lines;
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (first && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    first = false;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") != std::string::npos) lines.push_back(line);
  }
  return lines;
}

void ReportRejects(const RuleRun& run, TestResult& result) {
  std::vector<RejectLine> rejects = ReadRejects(run.rejects);
  result.failure = fmt::format("{} of {} given records were rejected:", rejects.size(),
                               run.result.in);
  for (size_t i = 0; i < rejects.size() && i < kMaxListed; ++i)
    result.failure += fmt::format("\n  record {}: {}", rejects[i].record, rejects[i].reason);
}

// True when `expected`, a value of an expected-records file, is `actual`. A date-time whose offset
// is written +0100 is the +01:00 that the writers write, as it is in an `expect` record. The file
// carries no types, so this holds for a string of that form too.
bool SameFileValue(const JsonValue& expected, const JsonValue& actual) {
  if (expected.kind != actual.kind) return false;
  if (expected.text == actual.text) return true;
  return expected.kind == JsonValue::Kind::String && iso8601::IsDateTime(expected.text) &&
         iso8601::WithExtendedOffset(expected.text) == actual.text;
}

// Compares two records whole: a field present on one side only is a difference too.
void CompareWhole(size_t position, const std::string& expected, const std::string& actual,
                  TestResult& result) {
  JsonValues want, got;
  std::string error;
  if (!ReadJsonValues(expected, want, error)) {
    AddFailure(result, fmt::format("expected record {} is not a JSON object: {}", position, error));
    return;
  }
  ReadJsonValues(actual, got, error);
  std::set<std::string> paths;
  for (const auto& [path, value] : want) paths.insert(path);
  for (const auto& [path, value] : got) paths.insert(path);
  for (const std::string& path : paths) {
    auto wanted = want.find(path);
    auto found = got.find(path);
    bool same =
        wanted != want.end() && found != got.end() && SameFileValue(wanted->second, found->second);
    if (same || result.differences.size() >= kMaxListed) continue;
    result.differences.push_back(
        {fmt::format("record {}: {}", position, path),
         wanted == want.end() ? "(absent)" : ShowValue(wanted->second),
         found == got.end() ? "(absent)" : ShowValue(found->second), std::nullopt});
  }
}

}  // namespace

void JudgeFileRun(const check::CheckedTest& test, const RuleRun& run, TestResult& result) {
  if (!run.result.error.empty()) {
    result.failure = fmt::format("the given records could not be read: {}", run.result.error);
    return;
  }
  if (run.result.rejected > 0) return ReportRejects(run, result);

  std::ifstream file(test.expected_file);
  if (!file) {
    result.failure = fmt::format("cannot read the expected records in `{}`", test.expected_file);
    return;
  }
  std::vector<std::string> expected = NonEmptyLines(file);
  std::istringstream out(run.out);
  std::vector<std::string> actual = NonEmptyLines(out);
  if (expected.size() != actual.size()) {
    AddFailure(result, fmt::format("expected {} mapped records (the lines of `{}`), but the rule "
                                   "mapped {} and skipped {}",
                                   expected.size(), test.expected_file, actual.size(),
                                   run.result.skipped));
  }
  for (size_t i = 0; i < expected.size() && i < actual.size(); ++i)
    CompareWhole(i + 1, expected[i], actual[i], result);
}

}  // namespace weft::tester
