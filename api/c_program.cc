// The C ABI of programs and rules: compiling, reading diagnostics, finding rules.
#include <algorithm>

#include "api/c_handles.h"

namespace embed = weft::embed;
namespace internal = weft::embed::internal;

namespace {

static_assert(static_cast<int>(embed::Severity::kError) == WEFT_ERROR &&
                  static_cast<int>(embed::Severity::kWarning) == WEFT_WARNING &&
                  static_cast<int>(embed::Severity::kNote) == WEFT_NOTE,
              "weft_program_diagnostic casts severities");

// Wraps a compiled program in a handle, and returns the status that its diagnostics call for.
weft_status HandOut(const embed::Program& compiled, weft_program** program, char* message,
                    size_t size) {
  if (!compiled.error().empty()) {
    internal::WriteMessage(message, size, compiled.error());
    return WEFT_INTERNAL_ERROR;
  }
  auto* handle = new weft_program{compiled, {}};
  handle->rule_names = handle->program.rule_names();
  internal::RegisterHandle(handle, internal::kProgramType);
  *program = handle;
  if (handle->program.ok()) return WEFT_OK;

  const auto& diagnostics = handle->program.diagnostics();
  auto first = std::find_if(diagnostics.begin(), diagnostics.end(), [](const auto& diagnostic) {
    return diagnostic.severity == embed::Severity::kError;
  });
  std::string text = first == diagnostics.end() ? "" : first->text;
  internal::WriteMessage(message, size, "the .map files have errors; the first: " + text);
  return WEFT_COMPILE_FAILED;
}

embed::CompileOptions OptionsOf(const char* cache_directory) {
  embed::CompileOptions options;
  if (cache_directory != nullptr) options.cache_directory = cache_directory;
  return options;
}

weft_rule* NewRule(embed::Rule rule) {
  auto* handle = new weft_rule{std::move(rule)};
  internal::RegisterHandle(handle, internal::kRuleType);
  return handle;
}

}  // namespace

extern "C" {

const char* weft_version(void) { return WEFT_VERSION; }

weft_status weft_program_compile_files(const char* const* paths, size_t count,
                                       const char* cache_directory, weft_program** program,
                                       char* message, size_t message_size) {
  const char* function = "weft_program_compile_files";
  if (program == nullptr)
    return internal::InvalidArgument(message, message_size, function, "program is NULL");
  *program = nullptr;
  if (paths == nullptr && count > 0)
    return internal::InvalidArgument(message, message_size, function, "paths is NULL");
  if (std::any_of(paths, paths + count, [](const char* path) { return path == nullptr; }))
    return internal::InvalidArgument(message, message_size, function, "one of the paths is NULL");
  return internal::Guard(message, message_size, [&] {
    std::vector<std::string> files(paths, paths + count);
    return HandOut(embed::Program::CompileFiles(files, OptionsOf(cache_directory)), program,
                   message, message_size);
  });
}

weft_status weft_program_compile_source(const char* path, const char* text, size_t size,
                                        const char* cache_directory, weft_program** program,
                                        char* message, size_t message_size) {
  const char* function = "weft_program_compile_source";
  if (program == nullptr)
    return internal::InvalidArgument(message, message_size, function, "program is NULL");
  *program = nullptr;
  if (path == nullptr)
    return internal::InvalidArgument(message, message_size, function, "path is NULL");
  if (text == nullptr && size > 0)
    return internal::InvalidArgument(message, message_size, function, "text is NULL");
  return internal::Guard(message, message_size, [&] {
    std::vector<embed::SourceText> sources{{path, std::string(text, size)}};
    return HandOut(embed::Program::CompileSources(sources, OptionsOf(cache_directory)), program,
                   message, message_size);
  });
}

void weft_program_free(weft_program* program) {
  if (program == nullptr) return;
  internal::UnregisterHandle(program, internal::kProgramType, "weft_program_free");
  delete program;
}

size_t weft_program_diagnostic_count(const weft_program* program) {
  if (program == nullptr) return 0;
  internal::CheckHandle(program, internal::kProgramType, "weft_program_diagnostic_count");
  return program->program.diagnostics().size();
}

weft_status weft_program_diagnostic(const weft_program* program, size_t index,
                                    weft_diagnostic* diagnostic) {
  if (program == nullptr || diagnostic == nullptr) return WEFT_INVALID_ARGUMENT;
  internal::CheckHandle(program, internal::kProgramType, "weft_program_diagnostic");
  const auto& diagnostics = program->program.diagnostics();
  if (index >= diagnostics.size()) return WEFT_INVALID_ARGUMENT;
  const embed::Diagnostic& source = diagnostics[index];
  diagnostic->severity = static_cast<weft_severity>(source.severity);
  diagnostic->kind = source.kind.c_str();
  diagnostic->path = source.location.path.c_str();
  diagnostic->line = source.location.line;
  diagnostic->column = source.location.column;
  diagnostic->message = source.message.c_str();
  diagnostic->hint = source.hint.c_str();
  diagnostic->text = source.text.c_str();
  return WEFT_OK;
}

size_t weft_program_render_diagnostics(const weft_program* program, char* buffer, size_t size) {
  if (program == nullptr) return 0;
  internal::CheckHandle(program, internal::kProgramType, "weft_program_render_diagnostics");
  std::string text;
  weft_status status = internal::Guard(nullptr, 0, [&] {
    text = program->program.RenderDiagnostics();
    return WEFT_OK;
  });
  if (status != WEFT_OK) return 0;
  internal::WriteMessage(buffer, size, text);
  return text.size();
}

const char* weft_program_cache_warning(const weft_program* program) {
  if (program == nullptr) return "";
  internal::CheckHandle(program, internal::kProgramType, "weft_program_cache_warning");
  return program->program.cache_warning().c_str();
}

size_t weft_program_rule_count(const weft_program* program) {
  if (program == nullptr) return 0;
  internal::CheckHandle(program, internal::kProgramType, "weft_program_rule_count");
  return program->rule_names.size();
}

const char* weft_program_rule_name(const weft_program* program, size_t index) {
  if (program == nullptr) return nullptr;
  internal::CheckHandle(program, internal::kProgramType, "weft_program_rule_name");
  if (index >= program->rule_names.size()) return nullptr;
  return program->rule_names[index].c_str();
}

weft_status weft_program_rule(const weft_program* program, const char* name, weft_rule** rule,
                              char* message, size_t message_size) {
  const char* function = "weft_program_rule";
  if (rule == nullptr)
    return internal::InvalidArgument(message, message_size, function, "rule is NULL");
  *rule = nullptr;
  if (program == nullptr)
    return internal::InvalidArgument(message, message_size, function, "program is NULL");
  if (name == nullptr)
    return internal::InvalidArgument(message, message_size, function, "name is NULL");
  internal::CheckHandle(program, internal::kProgramType, function);
  return internal::Guard(message, message_size, [&] {
    embed::Rule found = program->program.rule(name);
    if (found) {
      *rule = NewRule(std::move(found));
      return WEFT_OK;
    }
    std::string names;
    for (const std::string& known : program->rule_names)
      names += (names.empty() ? "" : ", ") + known;
    internal::WriteMessage(
        message, message_size,
        "no rule named `" + std::string(name) + "`; " +
            (names.empty() ? "the program has no compiled rules" : "the rules are: " + names));
    return WEFT_NOT_FOUND;
  });
}

weft_status weft_program_rules_for(const weft_program* program, const char* source_type,
                                   weft_rule** rules, size_t capacity, size_t* count) {
  if (program == nullptr || source_type == nullptr || count == nullptr)
    return WEFT_INVALID_ARGUMENT;
  if (rules == nullptr && capacity > 0) return WEFT_INVALID_ARGUMENT;
  internal::CheckHandle(program, internal::kProgramType, "weft_program_rules_for");
  return internal::Guard(nullptr, 0, [&] {
    std::vector<embed::Rule> found = program->program.rules_for(source_type);
    *count = found.size();
    for (size_t i = 0; i < found.size() && i < capacity; ++i) rules[i] = NewRule(found[i]);
    return WEFT_OK;
  });
}

void weft_rule_free(weft_rule* rule) {
  if (rule == nullptr) return;
  internal::UnregisterHandle(rule, internal::kRuleType, "weft_rule_free");
  delete rule;
}

const char* weft_rule_name(const weft_rule* rule) {
  if (rule == nullptr) return nullptr;
  internal::CheckHandle(rule, internal::kRuleType, "weft_rule_name");
  return rule->rule.name().c_str();
}

weft_status weft_rule_metrics(const weft_rule* rule, weft_metrics* metrics) {
  if (rule == nullptr || metrics == nullptr) return WEFT_INVALID_ARGUMENT;
  internal::CheckHandle(rule, internal::kRuleType, "weft_rule_metrics");
  embed::Metrics read = rule->rule.metrics();
  metrics->counts = {read.counts.in, read.counts.mapped, read.counts.skipped, read.counts.rejected};
  metrics->nanoseconds = read.nanoseconds;
  return WEFT_OK;
}

}  // extern "C"
