#pragma once

#include <string>
#include <vector>

#include "runtime/executor.h"
#include "tester/runner.h"

namespace weft::tester {

// One rule applied to a test's given records.
struct RuleRun {
  int rule = -1;
  runtime::RunResult result;
  // The NDJSON that `weft run` writes to --out and to --rejects.
  std::string out;
  std::string rejects;
};

// One line of the rejects output.
struct RejectLine {
  std::string record;
  std::string field;
  std::string value;
  std::string reason;
};

// Applies `rule` to one record of JSON text, as `weft run` applies it to a line of NDJSON.
RuleRun ApplyToText(const runtime::CompiledRule& rule, const std::string& record);

// Applies `rule` to the records of a file: NDJSON, a JSON document, or CSV when the path ends in
// `.csv`.
RuleRun ApplyToFile(const runtime::CompiledRule& rule, const std::string& path);

std::vector<RejectLine> ReadRejects(const std::string& rejects);

// Adds what the run did with its records to `outcomes`, for coverage.
void AddOutcomes(const RuleRun& run, std::vector<RuleOutcome>& outcomes);

// Decides a test with a record literal from the runs of its rules.
void JudgeRuns(const check::CheckedProgram& program, const check::CheckedTest& test,
               const std::vector<RuleRun>& runs, TestResult& result);

// Compares the expected values with the mapped record `json`, adding a difference per field.
void CompareRecord(const std::vector<check::TestValue>& expected, const std::string& json,
                   TestResult& result);

}  // namespace weft::tester
