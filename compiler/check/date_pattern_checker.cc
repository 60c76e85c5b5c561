#include "compiler/check/date_pattern_checker.h"

#include <fmt/format.h>

#include <charconv>
#include <optional>

#include "compiler/check/constants.h"
#include "stdlib/date_patterns.h"

namespace weft::check {
namespace {

// Returns the index of the builtin's year parameter, which only builtins that read have.
std::optional<size_t> YearParameter(const stdlib::Builtin& builtin) {
  for (size_t i = 0; i < builtin.parameters.size(); ++i) {
    if (builtin.parameters[i].argument == stdlib::Argument::PatternYear) return i;
  }
  return std::nullopt;
}

dates::PatternUse UseOf(const stdlib::Builtin& builtin, size_t index) {
  bool date_time = builtin.parameters[index].argument == stdlib::Argument::DateTimePattern;
  if (YearParameter(builtin)) {
    return date_time ? dates::PatternUse::kParseDateTime : dates::PatternUse::kParseDate;
  }
  return date_time ? dates::PatternUse::kFormatDateTime : dates::PatternUse::kFormatDate;
}

// The value of an int constant, or nothing for any other argument. A constant too large for
// 64 bits is the largest int, which every range check rejects.
std::optional<int64_t> IntValue(const ast::Expr& argument) {
  std::optional<Constant> constant = EvaluateConstant(argument);
  if (!constant || constant->kind != Constant::Kind::Int) return std::nullopt;
  int64_t value = 0;
  const std::string& text = constant->text;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc()) return INT64_MAX;
  return value;
}

class YearChecker {
 public:
  YearChecker(DiagnosticEngine& diagnostics, const ast::CallExpr& call,
              const stdlib::Builtin& builtin, size_t pattern_index, const std::string& pattern)
      : diagnostics_(diagnostics),
        call_(call),
        builtin_(builtin),
        pattern_argument_(*call.arguments[pattern_index]),
        pattern_(pattern) {}

  bool Check(dates::YearForm form, size_t year_index) {
    const ast::Expr* year =
        year_index < call_.arguments.size() ? call_.arguments[year_index].get() : nullptr;
    switch (form) {
      case dates::YearForm::kFull:
        return year == nullptr || ReportUnneeded(*year);
      case dates::YearForm::kTwoDigits:
        return year == nullptr ? ReportMissingPivot(year_index) : CheckPivot(*year);
      case dates::YearForm::kNone:
        return year == nullptr ? ReportMissingYear(year_index) : CheckYear(*year);
    }
    return true;
  }

 private:
  bool ReportUnneeded(const ast::Expr& year) {
    diagnostics_
        .Report(DiagnosticKind::WrongArgumentCount, year.range,
                fmt::format("the pattern \"{}\" writes the year in full, so `{}` takes no year "
                            "argument",
                            pattern_, builtin_.name))
        .hint = "remove the argument, or write the year as `yy` where the argument is a pivot year";
    return false;
  }

  // Describes where the year argument goes. After optional parameters, such as the policies of
  // `parse_datetime`, it names them, because the call must then write them out.
  std::string Position(size_t year_index) const {
    if (year_index == 2) return "as the third argument";
    return fmt::format("as argument {}, after `{}` and `{}`", year_index + 1,
                       builtin_.parameters[year_index - 2].name,
                       builtin_.parameters[year_index - 1].name);
  }

  bool ReportMissingPivot(size_t year_index) {
    diagnostics_
        .Report(DiagnosticKind::YearArgumentRequired, pattern_argument_.range,
                fmt::format("the pattern \"{}\" writes the year with two digits, so `{}` needs a "
                            "pivot year",
                            pattern_, builtin_.name))
        .hint = fmt::format(
        "give the pivot {}: two-digit years map into the hundred years from the pivot on, so with "
        "1970 the years 70 to 99 are 1970 to 1999 and 00 to 69 are 2000 to 2069",
        Position(year_index));
    return false;
  }

  bool ReportMissingYear(size_t year_index) {
    diagnostics_
        .Report(DiagnosticKind::YearArgumentRequired, pattern_argument_.range,
                fmt::format("the pattern \"{}\" contains no year, so `{}` needs the year as an "
                            "argument",
                            pattern_, builtin_.name))
        .hint = fmt::format(
        "give the year {}, such as 2026 or a field that holds it, or add `yyyy` to the pattern",
        Position(year_index));
    return false;
  }

  bool CheckPivot(const ast::Expr& year) {
    std::optional<int64_t> pivot = IntValue(year);
    if (!pivot) {
      diagnostics_
          .Report(DiagnosticKind::ConstantArgumentRequired, year.range,
                  fmt::format("the pivot year of `{}` must be an integer constant, because it is "
                              "checked before any record is read",
                              builtin_.name))
          .hint = fmt::format("example: {}", builtin_.example);
      return false;
    }
    if (*pivot >= dates::kMinPivot && *pivot <= dates::kMaxPivot) return true;
    diagnostics_
        .Report(DiagnosticKind::InvalidConstantArgument, year.range,
                fmt::format("the pivot year must be from {} to {}, not {}", dates::kMinPivot,
                            dates::kMaxPivot, *pivot))
        .hint = "the hundred years from the pivot on must lie in the years 0000 to 9999";
    return false;
  }

  bool CheckYear(const ast::Expr& year) {
    std::optional<int64_t> value = IntValue(year);
    if (!value || (*value >= 0 && *value <= 9999)) return true;
    diagnostics_
        .Report(DiagnosticKind::InvalidConstantArgument, year.range,
                fmt::format("the year must be from 0 to 9999, not {}", *value))
        .hint = "four-digit ISO 8601 years can write the years 0000 to 9999";
    return false;
  }

  DiagnosticEngine& diagnostics_;
  const ast::CallExpr& call_;
  const stdlib::Builtin& builtin_;
  const ast::Expr& pattern_argument_;
  const std::string& pattern_;
};

}  // namespace

bool CheckDatePattern(DiagnosticEngine& diagnostics, const ast::CallExpr& call,
                      const stdlib::Builtin& builtin, size_t index, const std::string& pattern) {
  dates::DatePattern parsed;
  std::string reason = dates::ParsePattern(pattern, UseOf(builtin, index), parsed);
  if (!reason.empty()) {
    diagnostics
        .Report(DiagnosticKind::InvalidConstantArgument, call.arguments[index]->range,
                fmt::format("invalid date pattern \"{}\": {}", pattern, reason))
        .hint =
        "the fields are yyyy, yy, MMM, MM, M, dd, d, HH, mm and ss; write other letters in "
        "quotes, such as 'T'";
    return false;
  }
  std::optional<size_t> year_index = YearParameter(builtin);
  if (!year_index) return true;
  return YearChecker(diagnostics, call, builtin, index, pattern).Check(parsed.Year(), *year_index);
}

}  // namespace weft::check
