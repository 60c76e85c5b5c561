// Prints how long the JIT takes to compile one rule, cold and from the object cache, and how
// long `weft run` takes to load the rule from the cache without LLVM. It is a benchmark, not a
// test: it prints figures and sets no bound.
//
// usage: jit_speed FILE.map... --rule NAME [--repetitions N]
#include <fmt/format.h>
#include <llvm/Support/Error.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "compiler/codegen/jit.h"
#include "compiler/frontend.h"
#include "compiler/native/rule_compiler.h"
#include "compiler/native/rule_key.h"

namespace weft::bench {
namespace {

// Compiles the rule with a new Jit, as each `weft run` process does, and returns the
// milliseconds taken. Exits on a compile error.
double CompileOnce(const Frontend& frontend, const check::CheckedRule& rule,
                   const std::string& cache) {
  auto start = std::chrono::steady_clock::now();
  auto jit = codegen::Jit::Create(cache);
  if (!jit) {
    std::cerr << "jit_speed: " << llvm::toString(jit.takeError()) << '\n';
    std::exit(1);
  }
  auto compiled = (*jit)->CompileForRun(frontend.program, rule);
  if (!compiled) {
    std::cerr << "jit_speed: " << llvm::toString(compiled.takeError()) << '\n';
    std::exit(1);
  }
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

// Loads the rule from the cache with a new RuleCompiler, as `weft run` does, and returns the
// milliseconds taken. Exits when the rule cannot be compiled or LLVM had to be loaded.
double LoadOnce(const Frontend& frontend, const check::CheckedRule& rule,
                const std::string& cache) {
  auto start = std::chrono::steady_clock::now();
  native::RuleCompiler compiler({cache, native::ProgramDigest(frontend.sources, "")});
  runtime::CompiledRule compiled;
  std::string error;
  if (!compiler.CompileForRun(frontend.program, rule, compiled, error)) {
    std::cerr << "jit_speed: " << error << '\n';
    std::exit(1);
  }
  double milliseconds =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (compiler.jit_loaded()) {
    std::cerr << "jit_speed: the rule was compiled again instead of loaded from the cache\n";
    std::exit(1);
  }
  return milliseconds;
}

void Report(const char* label, std::vector<double> times) {
  std::sort(times.begin(), times.end());
  std::cout << fmt::format("{}: min {:.2f} ms, median {:.2f} ms, max {:.2f} ms ({} runs)\n", label,
                           times.front(), times[times.size() / 2], times.back(), times.size());
}

int Main(int argc, char** argv) {
  CLI::App app("Prints how long the JIT takes to compile one rule");
  std::vector<std::string> files;
  std::string rule_name;
  int repetitions = 20;
  app.add_option("files", files, ".map files that declare the rule")->required();
  app.add_option("--rule", rule_name, "The rule to compile")->required();
  app.add_option("--repetitions", repetitions, "Compilations timed in each mode");
  CLI11_PARSE(app, argc, argv);

  std::unique_ptr<Frontend> frontend = LoadAndCheck(files);
  const check::CheckedRule* rule = frontend->program.FindRule(rule_name);
  if (frontend->diagnostics.HasErrors() || rule == nullptr) {
    std::cerr << "jit_speed: the files do not check, or have no rule `" << rule_name << "`\n";
    return 1;
  }
  std::filesystem::path cache =
      std::filesystem::temp_directory_path() / fmt::format("weft-jit-speed-{}", ::getpid());
  std::filesystem::remove_all(cache);

  // The first compilation in a process also initializes LLVM's target; it is shown apart.
  std::cout << fmt::format("first compilation in the process: {:.2f} ms\n",
                           CompileOnce(*frontend, *rule, ""));
  std::vector<double> cold, cached;
  for (int i = 0; i < repetitions; ++i) cold.push_back(CompileOnce(*frontend, *rule, ""));
  CompileOnce(*frontend, *rule, cache.string());
  for (int i = 0; i < repetitions; ++i)
    cached.push_back(CompileOnce(*frontend, *rule, cache.string()));
  std::filesystem::path loader_cache = cache / "loader";
  {
    // Fills the cache, with LLVM loaded by this first compilation.
    native::RuleCompiler compiler(
        {loader_cache.string(), native::ProgramDigest(frontend->sources, "")});
    runtime::CompiledRule compiled;
    std::string error;
    compiler.CompileForRun(frontend->program, *rule, compiled, error);
  }
  std::vector<double> loaded;
  for (int i = 0; i < repetitions; ++i)
    loaded.push_back(LoadOnce(*frontend, *rule, loader_cache.string()));
  Report("cold (no cache)", cold);
  Report("from the cache, through LLVM", cached);
  Report("from the cache without LLVM, as weft run loads it", loaded);
  std::filesystem::remove_all(cache);
  return 0;
}

}  // namespace
}  // namespace weft::bench

int main(int argc, char** argv) { return weft::bench::Main(argc, argv); }
