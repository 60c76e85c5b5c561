// `match` for ExprChecker: patterns against the subject's type, exhaustiveness, and one result
// type for all arms.
#include <fmt/format.h>

#include <set>

#include "compiler/check/constants.h"
#include "compiler/check/expr_checker.h"
#include "runtime/decimal.h"
#include "stdlib/dates.h"

namespace weft::check {

using schema::Type;
using schema::TypeKind;

namespace {

// The values that the arms of one match cover so far.
struct Coverage {
  bool wildcard = false;
  bool null = false;
  std::set<std::string> values;
};

// The key of a number's JSON text by its value, so that 7 and 007, 2.5 and 2.50, and 0 and -0
// share one key, as they match the same values. A text of another form keeps its own key.
std::string NumberKey(std::string_view json) {
  bool negative = json.starts_with('-');
  if (negative) json.remove_prefix(1);
  if (json.empty() || json.find_first_not_of("0123456789.") != std::string_view::npos) {
    return std::string(json);
  }
  size_t point = json.find('.');
  std::string_view whole = json.substr(0, point);
  std::string_view fraction = point == std::string_view::npos ? "" : json.substr(point + 1);
  whole.remove_prefix(std::min(whole.find_first_not_of('0'), whole.size()));
  fraction = fraction.substr(0, fraction.find_last_not_of('0') + 1);
  if (whole.empty()) whole = "0";
  bool zero = whole == "0" && fraction.empty();
  return fmt::format("number {}{}{}{}", negative && !zero ? "-" : "", whole,
                     fraction.empty() ? "" : ".", fraction);
}

// The key under which a match remembers a pattern's value. Times and date-times match as
// instants, so 12:00:00.5 and 12:00:00.500 share one key, and so do 2024-01-01T00:00:00Z and
// 2024-01-01T01:00:00+01:00. Numbers are their value, as NumberKey gives it, and other values
// their JSON text.
std::string PatternKey(TypeKind kind, std::string_view text, const std::string& json) {
  if (kind == TypeKind::Int || kind == TypeKind::Decimal) return NumberKey(json);
  if (kind != TypeKind::Time && kind != TypeKind::DateTime) return json;
  __int128 seconds = 0;
  int scale = 0;
  std::string problem = kind == TypeKind::Time ? dates::SecondsOfDay(text, seconds, scale)
                                               : dates::EpochSeconds(text, seconds, scale);
  if (!problem.empty()) return json;
  // The scale counts no trailing zeros, so each instant has one text.
  return "instant " + runtime::DecimalToString(seconds, scale);
}

}  // namespace

ExprChecker::PatternResult ExprChecker::CheckPattern(const ast::Pattern& pattern,
                                                     const Type& subject,
                                                     std::set<std::string>& values,
                                                     bool& covers_null) {
  if (pattern.name) {
    if (subject.kind != TypeKind::Enum || pattern.name->parts.size() != 1) {
      diagnostics_
          .Report(DiagnosticKind::TypeMismatch, pattern.range,
                  fmt::format("pattern `{}` is not a value of type {}", pattern.name->ToString(),
                              subject.ToString()))
          .hint = "write a literal, such as \"A\" or 1, or `_` for any other value";
      return PatternResult::Invalid;
    }
    const std::string& member = pattern.name->parts[0].name;
    if (subject.enumeration->FindMember(member) < 0) {
      Diagnostic& diagnostic = diagnostics_.Report(
          DiagnosticKind::UnknownEnumMember, pattern.range,
          fmt::format("`{}` is not a member of enum `{}`", member,
                      subject.enumeration->QualifiedName()));
      std::string closest = ClosestName(member, subject.enumeration->members);
      if (!closest.empty()) diagnostic.hint = fmt::format("did you mean `{}`?", closest);
      return PatternResult::Invalid;
    }
    return values.insert(member).second ? PatternResult::Added : PatternResult::Duplicate;
  }

  std::optional<Constant> constant = EvaluateConstant(*pattern.literal);
  if (!constant) return PatternResult::Invalid;
  if (constant->kind == Constant::Kind::Null) {
    if (!subject.optional) {
      diagnostics_.Report(DiagnosticKind::UnneededDefault, pattern.range,
                          fmt::format("the subject is never absent (type {}), so this arm never "
                                      "applies",
                                      subject.ToString()));
    }
    bool first = !covers_null;
    covers_null = true;
    return first ? PatternResult::Added : PatternResult::Duplicate;
  }
  std::string reason;
  std::string json = ConstantToJson(*constant, subject.AsRequired(), reason);
  if (json.empty()) {
    diagnostics_
        .Report(DiagnosticKind::TypeMismatch, pattern.range,
                fmt::format("pattern does not fit the subject: {}", reason))
        .hint = TemporalConstantHint(subject.kind);
    return PatternResult::Invalid;
  }
  if (subject.kind == TypeKind::Enum) {
    return values.insert(constant->text).second ? PatternResult::Added : PatternResult::Duplicate;
  }
  std::string key = PatternKey(subject.kind, constant->text, json);
  if (subject.kind != TypeKind::Time && subject.kind != TypeKind::DateTime)
    return values.insert(key).second ? PatternResult::Added : PatternResult::Duplicate;
  // The text is kept beside the instant: the same text is plainly the same value, while another
  // text of the same instant needs the hint.
  bool new_text = values.insert("text " + json).second;
  if (values.insert(key).second) return PatternResult::Added;
  return new_text ? PatternResult::DuplicateInstant : PatternResult::Duplicate;
}

Type ExprChecker::CheckMatch(const ast::MatchExpr& expr) {
  Type subject = Check(expr.subject.get());
  Coverage coverage;
  std::optional<Type> result;
  bool valid = !subject.IsError();
  for (const ast::MatchArm& arm : expr.arms) {
    for (const ast::Pattern& pattern : arm.patterns) {
      if (subject.IsError()) break;
      if (coverage.wildcard) {
        diagnostics_.Report(DiagnosticKind::DuplicateDeclaration, pattern.range,
                            "this pattern is never reached, because `_` above matches first");
        continue;
      }
      if (pattern.literal == nullptr && !pattern.name) {
        coverage.wildcard = true;
        continue;
      }
      PatternResult result = CheckPattern(pattern, subject, coverage.values, coverage.null);
      if (result == PatternResult::Duplicate) {
        diagnostics_.Report(DiagnosticKind::DuplicateDeclaration, pattern.range,
                            "this value is already matched by an earlier pattern");
      } else if (result == PatternResult::DuplicateInstant) {
        diagnostics_
            .Report(DiagnosticKind::DuplicateDeclaration, pattern.range,
                    "this value is the same instant as an earlier pattern's")
            .hint =
            "remove one of them: times and date-times match as instants, so 12:00:00.5 equals "
            "12:00:00.500, 2026-01-01T01:00:00+01:00 equals 2026-01-01T00:00:00Z, and a leap "
            "second such as 23:59:60 is the first second of the next minute";
      }
      if (pattern.literal != nullptr && expr.subject != nullptr) {
        CheckAllowedValue(*pattern.literal, *expr.subject);
      }
    }
    Type value = Check(arm.value.get());
    if (value.IsError()) {
      valid = false;
      continue;
    }
    if (result && arm.value != nullptr) AdaptIntLiteral(*arm.value, value, *result);
    Type unified = result ? Unify(*result, value) : value;
    if (unified.IsError()) {
      diagnostics_.Report(DiagnosticKind::TypeMismatch, arm.value->range,
                          fmt::format("the arms of `match` have different types: {} and {}",
                                      result->ToString(), value.ToString()));
      valid = false;
      continue;
    }
    result = unified;
  }
  if (!valid || !result) return Record(expr, Type::Error());
  ReportUncovered(expr, subject, coverage.wildcard, coverage.null, coverage.values);
  return Record(expr, *result);
}

void ExprChecker::ReportUncovered(const ast::MatchExpr& expr, const Type& subject, bool wildcard,
                                  bool covers_null, const std::set<std::string>& values) {
  if (wildcard) return;
  std::vector<std::string> missing;
  if (subject.kind == TypeKind::Enum) {
    for (const std::string& member : subject.enumeration->members) {
      if (values.count(member) == 0) missing.push_back("`" + member + "`");
    }
  } else if (subject.kind == TypeKind::Bool) {
    if (values.count("true") == 0) missing.push_back("`true`");
    if (values.count("false") == 0) missing.push_back("`false`");
  } else {
    missing.push_back(fmt::format("other {} values", subject.AsRequired().ToString()));
  }
  if (subject.optional && !covers_null) missing.push_back("`null`");
  if (missing.empty()) return;

  constexpr size_t kShown = 8;
  std::string list;
  for (size_t i = 0; i < missing.size() && i < kShown; ++i) {
    if (i > 0) list += i + 1 == missing.size() ? " or " : ", ";
    list += missing[i];
  }
  if (missing.size() > kShown) list += fmt::format(" or {} more", missing.size() - kShown);
  diagnostics_
      .Report(DiagnosticKind::NonExhaustiveMatch, expr.range,
              fmt::format("`match` does not cover {}", list))
      .hint = "add arms for them, or `_ => ...` for every other value";
}

}  // namespace weft::check
