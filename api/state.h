#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "compiler/codegen/jit.h"
#include "compiler/frontend.h"
#include "runtime/executor.h"
#include "weft/weft.h"

namespace weft::embed::internal {

// The checked program and the JIT that contains the rules' native code. The compiled rules point
// into both, so every rule keeps it alive.
struct Compilation {
  std::unique_ptr<Frontend> frontend;
  std::unique_ptr<codegen::Jit> jit;
};

// One compiled rule. Everything but the metrics is fixed once compiled, and the metrics are
// atomic, so any number of threads may share it.
struct RuleState {
  std::shared_ptr<const Compilation> compilation;
  runtime::CompiledRule compiled;
  std::string source_type;
  std::string target_type;

  std::atomic<uint64_t> in{0};
  std::atomic<uint64_t> mapped{0};
  std::atomic<uint64_t> skipped{0};
  std::atomic<uint64_t> rejected{0};
  std::atomic<uint64_t> nanoseconds{0};

  // Adds the counts and time of one apply call to the metrics.
  void AddMetrics(const Counts& counts, uint64_t elapsed_nanoseconds);
};

struct ProgramState {
  std::shared_ptr<const Compilation> compilation;
  std::vector<Diagnostic> diagnostics;
  // The diagnostics as text with the count line, rendered once.
  std::string rendered;
  std::string error;
  // The reason the object cache could not be written, or empty, as Program::cache_warning returns.
  std::string cache_warning;
  // The compiled rules in declaration order; empty when the program has errors.
  std::vector<std::shared_ptr<RuleState>> rules;
};

// Compiles the checked program in `frontend` and collects its diagnostics.
std::shared_ptr<ProgramState> CompileChecked(std::unique_ptr<Frontend> frontend,
                                             const CompileOptions& options);

// Copies the diagnostics of `engine` into the public form, sorted as `weft check` prints them.
std::vector<Diagnostic> ConvertDiagnostics(const DiagnosticEngine& engine);

// Renders every diagnostic with a count line, as `weft check` prints them to stderr.
std::string RenderDiagnostics(const DiagnosticEngine& engine);

}  // namespace weft::embed::internal
