#pragma once

#include <string>
#include <vector>

#include "tester/runner.h"

namespace weft::tester {

// One branch of a rule that a test can exercise: its `when` condition true or false (or, without
// a condition, the rule applied at all), and each `require` passing or rejecting.
struct CoverageItem {
  int rule = -1;
  // Says what the branch is, such as "`require` rejects".
  std::string description;
  SourceRange range;
  bool covered = false;
};

// Lists every branch of every rule in `program` and marks those the results exercised. A reject
// is credited to the first `require` whose message, with its `{...}` parts matching anything,
// equals the reason, and the requires before it passed. Other rejects credit no branch.
std::vector<CoverageItem> ComputeCoverage(const check::CheckedProgram& program,
                                          const std::vector<TestResult>& results);

}  // namespace weft::tester
