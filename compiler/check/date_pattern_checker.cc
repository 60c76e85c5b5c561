#include "compiler/check/date_pattern_checker.h"

#include <fmt/format.h>

#include <algorithm>
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

// Returns the index of the builtin's zone parameter, which only builtins that read a date-time
// have.
std::optional<size_t> ZoneParameter(const stdlib::Builtin& builtin) {
  for (size_t i = 0; i < builtin.parameters.size(); ++i) {
    if (builtin.parameters[i].argument == stdlib::Argument::TimeZone) return i;
  }
  return std::nullopt;
}

// Returns the hint for an invalid pattern. A date-time pattern that uses the letters of the
// fraction or the offset, or Java's Z and z, gets the list with those fields. Every other pattern
// keeps the shorter list, because its mistake does not involve them.
std::string InvalidPatternHint(const std::string& pattern, dates::PatternUse use) {
  bool date_time =
      use == dates::PatternUse::kParseDateTime || use == dates::PatternUse::kFormatDateTime;
  if (date_time && pattern.find_first_of("SXxZz") != std::string::npos) {
    return "the fields are yyyy, yy, MMM, MM, M, dd, d, HH, mm, ss, S to SSSSSSSSS for the "
           "fraction of a second, and X, XX, XXX, x, xx or xxx for the offset. Write other letters "
           "in quotes, such as 'T'";
  }
  return "the fields are yyyy, yy, MMM, MM, M, dd, d, HH, mm and ss; write other letters in "
         "quotes, such as 'T'";
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

// A call to a pattern builtin whose other arguments a checker below examines.
class PatternCallChecker {
 protected:
  PatternCallChecker(DiagnosticEngine& diagnostics, const ast::CallExpr& call,
                     const stdlib::Builtin& builtin, size_t pattern_index,
                     const std::string& pattern)
      : diagnostics_(diagnostics),
        call_(call),
        builtin_(builtin),
        pattern_argument_(*call.arguments[pattern_index]),
        pattern_(pattern) {}

  DiagnosticEngine& diagnostics_;
  const ast::CallExpr& call_;
  const stdlib::Builtin& builtin_;
  const ast::Expr& pattern_argument_;
  const std::string& pattern_;
};

class YearChecker : private PatternCallChecker {
 public:
  YearChecker(DiagnosticEngine& diagnostics, const ast::CallExpr& call,
              const stdlib::Builtin& builtin, size_t pattern_index, const std::string& pattern,
              bool reads_offset)
      : PatternCallChecker(diagnostics, call, builtin, pattern_index, pattern),
        reads_offset_(reads_offset) {}

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
  // `parse_datetime`, it names them, because the call must then write them out. A pattern that
  // reads the offset leaves the zone and the policies unused, so the call writes "" and REJECT.
  std::string Position(size_t year_index) const {
    if (year_index == 2) return "as the third argument";
    if (reads_offset_) {
      return fmt::format("as argument {}, after \"\" for the zone and {} for `{}` and `{}`",
                         year_index + 1, *builtin_.parameters[year_index - 1].default_argument,
                         builtin_.parameters[year_index - 2].name,
                         builtin_.parameters[year_index - 1].name);
    }
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

  bool reads_offset_;
};

// Checks the zone and the policies of a call that reads a date-time. A pattern without an offset
// field needs the zone, and a pattern with one leaves the zone and the policies unused.
class ZoneChecker : private PatternCallChecker {
 public:
  ZoneChecker(DiagnosticEngine& diagnostics, const ast::CallExpr& call,
              const stdlib::Builtin& builtin, size_t pattern_index, const std::string& pattern)
      : PatternCallChecker(diagnostics, call, builtin, pattern_index, pattern) {}

  // `offset` is the pattern's offset field, or nullptr. Returns false after reporting a mistake.
  bool Check(size_t zone_index, const dates::PatternPart* offset) {
    if (offset == nullptr) {
      return zone_index < call_.arguments.size() || ReportMissingZone(zone_index);
    }
    bool valid = true;
    for (size_t i = zone_index; i < call_.arguments.size(); ++i) {
      const stdlib::Parameter& parameter = builtin_.parameters[i];
      if (parameter.argument == stdlib::Argument::TimeZone) {
        valid = CheckUnusedZone(*call_.arguments[i], offset->letters) && valid;
      } else if (parameter.argument == stdlib::Argument::Choice) {
        valid = CheckUnusedPolicy(parameter, *call_.arguments[i], offset->letters) && valid;
      }
    }
    return valid;
  }

 private:
  bool ReportMissingZone(size_t zone_index) {
    diagnostics_
        .Report(DiagnosticKind::WrongArgumentCount, pattern_argument_.range,
                fmt::format("the pattern \"{}\" has no offset field, so `{}` needs the time zone "
                            "of its local times",
                            pattern_, builtin_.name))
        .hint = fmt::format(
        "give an IANA zone as argument {}, such as \"Europe/Berlin\", or read the offset from the "
        "text with an offset field such as XXX",
        zone_index + 1);
    return false;
  }

  // A zone of "" is allowed as a placeholder before the policies or the year.
  bool CheckUnusedZone(const ast::Expr& zone, const std::string& letters) {
    std::optional<Constant> constant = EvaluateConstant(zone);
    if (!constant || constant->kind != Constant::Kind::String || constant->text.empty()) {
      return true;
    }
    diagnostics_
        .Report(DiagnosticKind::InvalidConstantArgument, zone.range,
                fmt::format("the pattern \"{}\" reads the offset from the text with `{}`, so "
                            "`{}` takes no zone, not \"{}\"",
                            pattern_, letters, builtin_.name, constant->text))
        .hint =
        "the offset in the text decides the instant, so leave the zone out, or write \"\" in its "
        "place when the year follows";
    return false;
  }

  // A policy of REJECT, the default, is allowed as a placeholder before the year. A choice that
  // is not one of the policy's is left to the check of choices.
  bool CheckUnusedPolicy(const stdlib::Parameter& parameter, const ast::Expr& policy,
                         const std::string& letters) {
    std::optional<Constant> constant = EvaluateConstant(policy);
    if (!constant || constant->text == *parameter.default_argument) return true;
    bool known = std::find(parameter.choices.begin(), parameter.choices.end(), constant->text) !=
                 parameter.choices.end();
    if (!known) return true;
    diagnostics_
        .Report(DiagnosticKind::InvalidConstantArgument, policy.range,
                fmt::format("the pattern \"{}\" reads the offset from the text with `{}`, so no "
                            "time falls in a gap or an overlap, and the {} policy {} has no effect",
                            pattern_, letters, parameter.name, constant->text))
        .hint =
        fmt::format("leave the policies out, or write {} in their places when the year follows",
                    *parameter.default_argument);
    return false;
  }
};

}  // namespace

bool PatternReadsOffset(const ast::CallExpr& call, const stdlib::Builtin& builtin) {
  for (size_t i = 0; i < call.arguments.size() && i < builtin.parameters.size(); ++i) {
    if (builtin.parameters[i].argument != stdlib::Argument::DateTimePattern) continue;
    std::optional<Constant> constant = EvaluateConstant(*call.arguments[i]);
    if (!constant || constant->kind != Constant::Kind::String) return false;
    dates::DatePattern parsed;
    std::string reason = dates::ParsePattern(constant->text, UseOf(builtin, i), parsed);
    return reason.empty() && parsed.Has(dates::PatternField::kOffset);
  }
  return false;
}

bool CheckDatePattern(DiagnosticEngine& diagnostics, const ast::CallExpr& call,
                      const stdlib::Builtin& builtin, size_t index, const std::string& pattern) {
  dates::DatePattern parsed;
  std::string reason = dates::ParsePattern(pattern, UseOf(builtin, index), parsed);
  if (!reason.empty()) {
    diagnostics
        .Report(DiagnosticKind::InvalidConstantArgument, call.arguments[index]->range,
                fmt::format("invalid date pattern \"{}\": {}", pattern, reason))
        .hint = InvalidPatternHint(pattern, UseOf(builtin, index));
    return false;
  }
  std::optional<size_t> year_index = YearParameter(builtin);
  if (!year_index) return true;

  const dates::PatternPart* offset = parsed.Find(dates::PatternField::kOffset);
  std::optional<size_t> zone_index = ZoneParameter(builtin);
  bool valid = !zone_index ||
               ZoneChecker(diagnostics, call, builtin, index, pattern).Check(*zone_index, offset);
  YearChecker years(diagnostics, call, builtin, index, pattern, offset != nullptr);
  return years.Check(parsed.Year(), *year_index) && valid;
}

}  // namespace weft::check
