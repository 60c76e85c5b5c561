// `weft test`: runs the `test` blocks of .map files through the JIT and reports rule coverage.
#include <fmt/format.h>
#include <re2/re2.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "compiler/frontend.h"
#include "compiler/ir/support.h"
#include "compiler/native/cache_files.h"
#include "tester/coverage.h"
#include "tester/junit.h"
#include "tester/report.h"
#include "tester/runner.h"
#include "tools/commands.h"
#include "tools/output_paths.h"
#include "tools/report.h"
#include "tools/rule_dumps.h"

namespace weft::tools {
namespace {

// The files named on the command line, as loaded: tests and coverage cover these files only, not
// the files they import.
std::set<FileId> NamedFiles(const Frontend& frontend, const std::vector<std::string>& paths) {
  std::set<FileId> named;
  for (const auto& file : frontend.program.files) {
    const std::string& loaded = frontend.sources.Get(file->file).path();
    for (const std::string& path : paths) {
      std::error_code error;
      if (loaded == path || std::filesystem::equivalent(loaded, path, error)) named.insert(file->file);
    }
  }
  return named;
}

// The tests of the named files whose names match the filter, in file order.
std::vector<const check::CheckedTest*> SelectTests(const Frontend& frontend,
                                                   const std::set<FileId>& named,
                                                   const RE2* filter) {
  std::vector<const check::CheckedTest*> tests;
  for (const check::CheckedTest& test : frontend.program.tests) {
    if (named.count(test.range.file) == 0) continue;
    if (filter != nullptr && !RE2::PartialMatch(test.name, *filter)) continue;
    tests.push_back(&test);
  }
  return tests;
}

// Reports the constructs that the rules under test use and the code generator cannot compile.
void ReportUncompilableRules(Frontend& frontend,
                             const std::vector<const check::CheckedTest*>& tests) {
  std::set<int> rules;
  for (const check::CheckedTest* test : tests) rules.insert(test->rules.begin(), test->rules.end());
  for (int rule : rules)
    ir::ReportUncompilable(frontend.program, frontend.program.rules[rule], frontend.diagnostics);
}

void PrintResult(const SourceManager& sources, const tester::TestResult& result) {
  std::string place = tester::Place(sources, result.test->range);
  std::cout << fmt::format("{}  {}  {}\n", result.passed ? "PASS" : "FAIL", place,
                           result.test->name);
  if (result.passed) return;
  std::string text = tester::FailureText(sources, result);
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::cout << "      " << std::string_view(text).substr(start, end - start) << '\n';
    start = end + 1;
  }
}

// Prints the coverage of the named files' rules and returns the share of branches covered, in
// percent; 100 when there are none.
double PrintCoverage(const Frontend& frontend, const std::set<FileId>& named,
                     const std::vector<tester::TestResult>& results, bool list) {
  std::vector<tester::CoverageItem> items = tester::ComputeCoverage(frontend.program, results);
  size_t total = 0, covered = 0;
  std::string uncovered;
  for (const tester::CoverageItem& item : items) {
    if (named.count(item.range.file) == 0) continue;
    ++total;
    if (item.covered) {
      ++covered;
      continue;
    }
    uncovered += fmt::format("  {}  rule `{}`: no test where {}\n",
                             tester::Place(frontend.sources, item.range),
                             frontend.program.rules[item.rule].name, item.description);
  }
  double percent = total == 0 ? 100.0 : 100.0 * static_cast<double>(covered) / total;
  std::cout << fmt::format("rule coverage: {} of {} branches ({:.1f}%)\n", covered, total,
                           percent);
  if (list) std::cout << uncovered;
  return percent;
}

bool WriteJunitFile(const std::string& path, const SourceManager& sources,
                    const std::vector<tester::TestResult>& results) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) tester::WriteJunit(sources, results, out);
  out.flush();
  if (out) return true;
  std::cerr << fmt::format("weft test: cannot write the JUnit report `{}`: {}\n", path,
                           std::strerror(errno));
  return false;
}

std::string CacheDirectory(const TestOptions& options) {
  if (options.no_cache) return "";
  return options.cache_dir.empty() ? native::DefaultCacheDirectory() : options.cache_dir;
}

// Runs the tests; returns false after printing an error when a rule cannot be compiled.
bool RunTests(const Frontend& frontend, const std::vector<const check::CheckedTest*>& tests,
              const TestOptions& options, std::vector<tester::TestResult>& results) {
  tester::TestRunner runner(frontend.program,
                            RuleCompilerOptionsFor(frontend, options.frontend,
                                                   CacheDirectory(options)));
  for (const check::CheckedTest* test : tests) {
    tester::TestResult result;
    std::string error;
    if (!runner.Run(*test, result, error)) {
      std::cerr << fmt::format("weft test: cannot compile the rule of test \"{}\": {}\n",
                               test->name, error);
      return false;
    }
    PrintResult(frontend.sources, result);
    results.push_back(std::move(result));
  }
  WarnIfCacheNotWritten(runner.compiler(), "weft test");
  return true;
}

}  // namespace

int RunTest(const TestOptions& options) {
  if (std::isnan(options.min_coverage)) {
    std::cerr << "weft test: --min-coverage must be a number from 0 to 100\n";
    return kExitUsage;
  }
  std::unique_ptr<RE2> filter;
  if (!options.filter.empty()) {
    RE2::Options quiet;
    quiet.set_log_errors(false);
    filter = std::make_unique<RE2>(options.filter, quiet);
    if (!filter->ok()) {
      std::cerr << fmt::format("weft test: invalid --filter regex: {}\n", filter->error());
      return kExitUsage;
    }
  }
  std::unique_ptr<Frontend> frontend = LoadAndCheck(options.files, options.frontend);
  if (!options.junit.empty() &&
      OverwritesProgramFile(*frontend, options.junit, "--junit", "weft test"))
    return kExitUsage;
  std::set<FileId> named = NamedFiles(*frontend, options.files);
  std::vector<const check::CheckedTest*> tests = SelectTests(*frontend, named, filter.get());
  if (!frontend->diagnostics.HasErrors()) ReportUncompilableRules(*frontend, tests);
  ReportDiagnostics(*frontend, std::cerr);
  if (frontend->unreadable_inputs > 0 || frontend->diagnostics.HasErrors()) return kExitUsage;
  if (tests.empty() && filter != nullptr) {
    std::cerr << fmt::format("weft test: no test name matches --filter `{}`\n", options.filter);
    return kExitUsage;
  }

  std::vector<tester::TestResult> results;
  try {
    if (!RunTests(*frontend, tests, options, results)) return kExitUsage;
  } catch (const std::logic_error& error) {
    std::cerr << "weft test: internal compiler error: " << error.what()
              << "\nPlease report this with the .map file.\n";
    return kExitUsage;
  }
  size_t failed = 0;
  for (const tester::TestResult& result : results) failed += result.passed ? 0 : 1;
  std::cout << fmt::format("{} test{}: {} passed, {} failed\n", results.size(),
                           results.size() == 1 ? "" : "s", results.size() - failed, failed);

  bool list = options.coverage || options.min_coverage > 0;
  double percent = PrintCoverage(*frontend, named, results, list);
  if (!options.junit.empty() && !WriteJunitFile(options.junit, frontend->sources, results))
    return kExitUsage;
  if (percent + 1e-9 < options.min_coverage) {
    std::cout << fmt::format("rule coverage {:.2f}% is below --min-coverage {}\n", percent,
                             options.min_coverage);
    return kExitFailure;
  }
  return failed > 0 ? kExitFailure : kExitOk;
}

}  // namespace weft::tools
