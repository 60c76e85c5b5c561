#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/check/check.h"
#include "compiler/native/rule_compiler.h"

namespace weft::tester {

// A field of a mapped record whose value differs from the expected one.
struct FieldDifference {
  // The field's path, prefixed with the record's position for data-file tests.
  std::string path;
  // The values as ShowValue writes them; "(absent)" for a field that is not there.
  std::string expected;
  std::string actual;
  // The place of the expected value in the .map file, or none for data-file tests.
  std::optional<SourceRange> range;
};

// The outcome of one rule for a given record, for coverage.
struct RuleOutcome {
  int rule = -1;
  check::TestOutcome outcome = check::TestOutcome::Mapped;
  // The reject reason, for Rejected.
  std::string reason;
};

struct TestResult {
  const check::CheckedTest* test = nullptr;
  bool passed = false;
  // The reason the test failed, as sentences. It is empty when the test passed or when
  // `differences` alone explains the failure.
  std::string failure;
  std::vector<FieldDifference> differences;
  std::vector<RuleOutcome> outcomes;
  double seconds = 0;
};

// Runs tests through the code path of `weft run`: the rule compiled as `weft run` compiles it,
// the record read from JSON text by the runtime's reader, and the mapped record written as JSON
// and read back.
class TestRunner {
 public:
  // With a cache directory in `options`, compiled rules are kept there as `weft run` keeps them.
  TestRunner(const check::CheckedProgram& program, native::RuleCompilerOptions options);
  ~TestRunner();

  // Runs one test. Returns false with `error` set only when a rule cannot be compiled.
  bool Run(const check::CheckedTest& test, TestResult& result, std::string& error);

  // The compiler of the rules, which reports what happened to the cache.
  const native::RuleCompiler& compiler() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace weft::tester
