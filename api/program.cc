// Program: checking, compiling every rule up front, and finding rules by name or source type.
#include <fmt/format.h>
#include <llvm/Support/Error.h>

#include <stdexcept>

#include "api/state.h"
#include "compiler/ir/support.h"

namespace weft::embed {
namespace internal {
namespace {

// Compiles one checked rule; returns null with `error` set when LLVM or the lowering fails.
std::shared_ptr<RuleState> CompileRule(const std::shared_ptr<Compilation>& compilation,
                                       const check::CheckedRule& rule, std::string& error) {
  const Frontend& frontend = *compilation->frontend;
  try {
    auto compiled = compilation->jit->CompileForRun(frontend.program, rule);
    if (!compiled) {
      error = "cannot compile rule `" + rule.name + "`: " + llvm::toString(compiled.takeError());
      return nullptr;
    }
    auto state = std::make_shared<RuleState>();
    state->compilation = compilation;
    state->compiled = std::move(*compiled);
    state->source_type = rule.source->QualifiedName();
    state->target_type = rule.target->QualifiedName();
    return state;
  } catch (const std::logic_error& failure) {
    // A broken invariant in the compiler: the rule cannot run, but the host goes on.
    error = "internal compiler error in rule `" + rule.name + "`: " + failure.what();
    return nullptr;
  }
}

// Compiles every rule of a program without errors into `state`.
void CompileRules(const std::shared_ptr<Compilation>& compilation, const CompileOptions& options,
                  ProgramState& state) {
  auto jit = codegen::Jit::Create(options.cache_directory);
  if (!jit) {
    state.error = "cannot start the JIT: " + llvm::toString(jit.takeError());
    return;
  }
  compilation->jit = std::move(*jit);
  for (const check::CheckedRule& rule : compilation->frontend->program.rules) {
    std::shared_ptr<RuleState> compiled = CompileRule(compilation, rule, state.error);
    if (compiled == nullptr) {
      state.rules.clear();
      return;
    }
    state.rules.push_back(std::move(compiled));
  }
  if (std::error_code error = compilation->jit->cache_write_error()) {
    state.cache_warning = fmt::format("cannot write to the object cache `{}`: {}",
                                      options.cache_directory, error.message());
  }
}

}  // namespace

void RuleState::AddMetrics(const Counts& counts, uint64_t elapsed_nanoseconds) {
  in.fetch_add(counts.in, std::memory_order_relaxed);
  mapped.fetch_add(counts.mapped, std::memory_order_relaxed);
  skipped.fetch_add(counts.skipped, std::memory_order_relaxed);
  rejected.fetch_add(counts.rejected, std::memory_order_relaxed);
  nanoseconds.fetch_add(elapsed_nanoseconds, std::memory_order_relaxed);
}

std::shared_ptr<ProgramState> CompileChecked(std::unique_ptr<Frontend> frontend,
                                             const CompileOptions& options) {
  auto state = std::make_shared<ProgramState>();
  auto compilation = std::make_shared<Compilation>();
  compilation->frontend = std::move(frontend);
  Frontend& checked = *compilation->frontend;

  // Constructs that `weft check` accepts but the code generator cannot compile yet are errors
  // here, because every rule is compiled before the program is returned.
  try {
    if (!checked.diagnostics.HasErrors()) {
      for (const check::CheckedRule& rule : checked.program.rules)
        ir::ReportUncompilable(checked.program, rule, checked.diagnostics);
    }
    if (!checked.diagnostics.HasErrors()) CompileRules(compilation, options, *state);
  } catch (const std::logic_error& failure) {
    state->rules.clear();
    state->error = std::string("internal compiler error: ") + failure.what();
  }

  state->diagnostics = ConvertDiagnostics(checked.diagnostics);
  state->rendered = RenderDiagnostics(checked.diagnostics);
  state->compilation = std::move(compilation);
  return state;
}

}  // namespace internal

Program Program::CompileFiles(const std::vector<std::string>& paths,
                              const CompileOptions& options) {
  return Program(internal::CompileChecked(LoadAndCheck(paths), options));
}

Program Program::CompileSources(const std::vector<SourceText>& sources,
                                const CompileOptions& options) {
  std::vector<MemoryFile> files;
  files.reserve(sources.size());
  for (const SourceText& source : sources) files.push_back({source.path, source.text});
  return Program(internal::CompileChecked(CheckTexts(files), options));
}

Program::Program(std::shared_ptr<const internal::ProgramState> state) : state_(std::move(state)) {}
Program::~Program() = default;
Program::Program(const Program& other) = default;
Program& Program::operator=(const Program& other) = default;

bool Program::ok() const {
  return !state_->compilation->frontend->diagnostics.HasErrors() && state_->error.empty();
}

const std::vector<Diagnostic>& Program::diagnostics() const { return state_->diagnostics; }

std::string Program::RenderDiagnostics() const { return state_->rendered; }

const std::string& Program::error() const { return state_->error; }

const std::string& Program::cache_warning() const { return state_->cache_warning; }

std::vector<std::string> Program::rule_names() const {
  std::vector<std::string> names;
  names.reserve(state_->rules.size());
  for (const auto& rule : state_->rules) names.push_back(rule->compiled.name);
  return names;
}

Rule Program::rule(std::string_view name) const {
  for (const auto& rule : state_->rules) {
    if (rule->compiled.name == name) return Rule(rule);
  }
  return Rule();
}

std::vector<Rule> Program::rules_for(std::string_view source_type) const {
  std::vector<Rule> rules;
  for (const auto& rule : state_->rules) {
    if (rule->source_type == source_type) rules.push_back(Rule(rule));
  }
  return rules;
}

}  // namespace weft::embed
