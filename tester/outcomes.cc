#include "tester/outcomes.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <re2/re2.h>
#include <unistd.h>

#include <sstream>

#include "runtime/input.h"
#include "stdlib/regex.h"
#include "tester/json_values.h"

namespace weft::tester {
namespace {

RuleRun Apply(const runtime::CompiledRule& rule, std::unique_ptr<runtime::ByteInput> input,
              runtime::InputFormat format) {
  runtime::SourceOptions options;
  options.format = format;
  runtime::RecordSource source(std::move(input), options);
  std::ostringstream out;
  std::ostringstream rejects;
  RuleRun run;
  run.result = runtime::Execute(rule, source, out, rejects);
  run.out = out.str();
  run.rejects = rejects.str();
  return run;
}

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

// Says what a rule did with a single record, to follow "but".
std::string Describe(const check::CheckedProgram& program, const RuleRun& run) {
  const std::string& rule = program.rules[run.rule].name;
  if (!run.result.error.empty()) return fmt::format("the record could not be read: {}", run.result.error);
  if (run.result.mapped > 0)
    return fmt::format("rule `{}` mapped it to {}", rule, FirstLine(run.out));
  if (run.result.skipped > 0)
    return fmt::format("rule `{}` skipped it, because its `when` condition is false", rule);
  std::vector<RejectLine> rejects = ReadRejects(run.rejects);
  if (rejects.empty()) return fmt::format("rule `{}` gave no outcome", rule);
  const RejectLine& reject = rejects.front();
  std::string place = reject.field.empty() ? "" : fmt::format(" (field `{}`", reject.field);
  if (!place.empty()) place += reject.value.empty() ? ")" : fmt::format(", value {})", reject.value);
  return fmt::format("rule `{}` rejected it: {}{}", rule, reject.reason, place);
}

void JudgeReject(const check::CheckedProgram& program, const check::CheckedTest& test,
                 const RuleRun& run, TestResult& result) {
  std::string wanted = test.reject_is_regex
                           ? fmt::format("a reason matching /{}/", test.reject_text)
                           : fmt::format("a reason containing \"{}\"", test.reject_text);
  if (run.result.rejected == 0) {
    result.failure = fmt::format("expected a reject with {}, but {}", wanted, Describe(program, run));
    return;
  }
  std::vector<RejectLine> rejects = ReadRejects(run.rejects);
  std::string reason = rejects.empty() ? "" : rejects.front().reason;
  bool found = test.reject_is_regex
                   ? RE2::PartialMatch(reason, *stdlib::CompileRegex(test.reject_text))
                   : reason.find(test.reject_text) != std::string::npos;
  if (!found) result.failure = fmt::format("expected a reject with {}, but {}", wanted, Describe(program, run));
}

}  // namespace

RuleRun ApplyToText(const runtime::CompiledRule& rule, const std::string& record) {
  return Apply(rule, runtime::TextInput(record + "\n"), runtime::InputFormat::Ndjson);
}

RuleRun ApplyToFile(const runtime::CompiledRule& rule, const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    RuleRun run;
    run.result.error = fmt::format("cannot open `{}`: {}", path, std::strerror(errno));
    return run;
  }
  bool csv = check::IsCsvDataFile(path);
  RuleRun run = Apply(rule, runtime::FileInput(fd),
                      csv ? runtime::InputFormat::Csv : runtime::InputFormat::Auto);
  ::close(fd);
  return run;
}

std::vector<RejectLine> ReadRejects(const std::string& rejects) {
  std::vector<RejectLine> lines;
  std::istringstream in(rejects);
  std::string line;
  while (std::getline(in, line)) {
    JsonValues values;
    std::string error;
    if (!ReadJsonValues(line, values, error)) continue;
    auto text = [&values](const char* key, bool shown) {
      auto found = values.find(key);
      if (found == values.end()) return std::string();
      return shown ? ShowValue(found->second) : found->second.text;
    };
    lines.push_back({text("record", false), text("field", false), text("value", true),
                     text("reason", false)});
  }
  return lines;
}

void AddOutcomes(const RuleRun& run, std::vector<RuleOutcome>& outcomes) {
  if (run.result.mapped > 0) outcomes.push_back({run.rule, check::TestOutcome::Mapped, ""});
  if (run.result.skipped > 0) outcomes.push_back({run.rule, check::TestOutcome::Skipped, ""});
  for (RejectLine& reject : ReadRejects(run.rejects))
    outcomes.push_back({run.rule, check::TestOutcome::Rejected, std::move(reject.reason)});
}

void JudgeRuns(const check::CheckedProgram& program, const check::CheckedTest& test,
               const std::vector<RuleRun>& runs, TestResult& result) {
  const RuleRun& run = runs.front();
  switch (test.outcome) {
    case check::TestOutcome::Skipped:
      for (const RuleRun& other : runs) {
        if (other.result.skipped > 0) continue;
        result.failure = fmt::format("expected no rule to apply, but {}", Describe(program, other));
        return;
      }
      return;
    case check::TestOutcome::Rejected:
      JudgeReject(program, test, run, result);
      return;
    case check::TestOutcome::Mapped:
      if (run.result.mapped == 0) {
        result.failure = fmt::format("expected a mapped `{}`, but {}",
                                     program.rules[run.rule].target->QualifiedName(),
                                     Describe(program, run));
        return;
      }
      CompareRecord(test.expected_values, FirstLine(run.out), result);
      return;
  }
}

void CompareRecord(const std::vector<check::TestValue>& expected, const std::string& json,
                   TestResult& result) {
  JsonValues actual;
  std::string error;
  if (!ReadJsonValues(json, actual, error)) {
    result.failure = fmt::format("the mapped record is not a JSON object ({}): {}", error, json);
    return;
  }
  for (const check::TestValue& value : expected) {
    auto found = actual.find(value.path);
    if (found != actual.end() && SameValue(value, found->second)) continue;
    result.differences.push_back({value.path, ShowValue(value),
                                  found == actual.end() ? "(absent)" : ShowValue(found->second),
                                  value.range});
  }
}

}  // namespace weft::tester
