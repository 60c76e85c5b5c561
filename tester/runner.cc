#include "tester/runner.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <sstream>

#include "compiler/codegen/jit.h"
#include "runtime/executor.h"
#include "runtime/input.h"
#include "tester/data_files.h"
#include "tester/json_values.h"
#include "tester/outcomes.h"

namespace weft::tester {

struct TestRunner::State {
  const check::CheckedProgram& program;
  std::unique_ptr<codegen::Jit> jit;
  std::map<int, runtime::CompiledRule> rules;
};

TestRunner::TestRunner(std::unique_ptr<State> state) : state_(std::move(state)) {}
TestRunner::~TestRunner() = default;

llvm::Expected<std::unique_ptr<TestRunner>> TestRunner::Create(
    const check::CheckedProgram& program, const std::string& cache_directory) {
  auto jit = codegen::Jit::Create(cache_directory);
  if (!jit) return jit.takeError();
  auto state = std::make_unique<State>(State{program, std::move(*jit), {}});
  return std::unique_ptr<TestRunner>(new TestRunner(std::move(state)));
}

namespace {

// Compiles rule `index` once and keeps it for the other tests.
llvm::Expected<const runtime::CompiledRule*> CompiledRuleAt(
    const check::CheckedProgram& program, codegen::Jit& jit,
    std::map<int, runtime::CompiledRule>& rules, int index) {
  auto found = rules.find(index);
  if (found != rules.end()) return &found->second;
  auto compiled = jit.CompileForRun(program, program.rules[index]);
  if (!compiled) return compiled.takeError();
  return &rules.emplace(index, std::move(*compiled)).first->second;
}

}  // namespace

llvm::Expected<TestResult> TestRunner::Run(const check::CheckedTest& test) {
  auto start = std::chrono::steady_clock::now();
  std::vector<RuleRun> runs;
  for (int index : test.rules) {
    auto rule = CompiledRuleAt(state_->program, *state_->jit, state_->rules, index);
    if (!rule) return rule.takeError();
    runs.push_back(test.given_file ? ApplyToFile(**rule, test.given)
                                   : ApplyToText(**rule, test.given));
    runs.back().rule = index;
  }

  TestResult result;
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
  return result;
}

}  // namespace weft::tester
