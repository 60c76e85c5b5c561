#include "tester/runner.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <sstream>

#include "runtime/executor.h"
#include "runtime/input.h"
#include "tester/data_files.h"
#include "tester/json_values.h"
#include "tester/outcomes.h"

namespace weft::tester {

struct TestRunner::State {
  const check::CheckedProgram& program;
  native::RuleCompiler compiler;
  std::map<int, runtime::CompiledRule> rules;
};

TestRunner::TestRunner(const check::CheckedProgram& program, native::RuleCompilerOptions options)
    : state_(new State{program, native::RuleCompiler(std::move(options)), {}}) {}
TestRunner::~TestRunner() = default;

const native::RuleCompiler& TestRunner::compiler() const { return state_->compiler; }

namespace {

// Compiles rule `index` once and keeps it for the other tests. Returns null with `error` set
// when it cannot be compiled.
const runtime::CompiledRule* CompiledRuleAt(const check::CheckedProgram& program,
                                            native::RuleCompiler& compiler,
                                            std::map<int, runtime::CompiledRule>& rules, int index,
                                            std::string& error) {
  auto found = rules.find(index);
  if (found != rules.end()) return &found->second;
  runtime::CompiledRule compiled;
  if (!compiler.CompileForRun(program, program.rules[index], compiled, error)) return nullptr;
  return &rules.emplace(index, std::move(compiled)).first->second;
}

}  // namespace

bool TestRunner::Run(const check::CheckedTest& test, TestResult& result, std::string& error) {
  auto start = std::chrono::steady_clock::now();
  std::vector<RuleRun> runs;
  for (int index : test.rules) {
    const runtime::CompiledRule* rule =
        CompiledRuleAt(state_->program, state_->compiler, state_->rules, index, error);
    if (rule == nullptr) return false;
    runs.push_back(test.given_file ? ApplyToFile(*rule, test.given)
                                   : ApplyToText(*rule, test.given));
    runs.back().rule = index;
  }

  result = TestResult();
  result.test = &test;
  for (const RuleRun& run : runs) AddOutcomes(run, result.outcomes);
  if (test.given_file) {
    JudgeFileRun(test, runs.front(), result);
  } else {
    JudgeRuns(state_->program, test, runs, result);
  }
  result.passed = result.failure.empty() && result.differences.empty();
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return true;
}

}  // namespace weft::tester
