#include "compiler/check/annotations.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>

#include "compiler/check/constants.h"
#include "runtime/decimal.h"

namespace weft::check {
namespace {

using schema::TypeKind;

enum class Argument { Count, Pattern, Number, Strings };

struct AnnotationInfo {
  std::string_view name;
  Argument argument;
  std::string_view doc;
};

// The annotations a field declaration may carry.
constexpr AnnotationInfo kAnnotations[] = {
    {"max_length", Argument::Count, "at most n code points"},
    {"min_length", Argument::Count, "at least n code points"},
    {"length", Argument::Count, "exactly n code points"},
    {"pattern", Argument::Pattern, "the whole value matches a regular expression (RE2 syntax)"},
    {"minimum", Argument::Number, "a number no smaller than the limit"},
    {"maximum", Argument::Number, "a number no larger than the limit"},
    {"values", Argument::Strings, "one of the listed strings, as in a picklist"},
};

const AnnotationInfo* FindAnnotation(std::string_view name) {
  for (const AnnotationInfo& info : kAnnotations) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

std::vector<std::string> AnnotationNames() {
  std::vector<std::string> names;
  for (const AnnotationInfo& info : kAnnotations) names.emplace_back(info.name);
  return names;
}

class AnnotationReader {
 public:
  AnnotationReader(schema::FieldType& field, DiagnosticEngine& diagnostics)
      : field_(field), diagnostics_(diagnostics) {}

  void Apply(const ast::Annotation& annotation) {
    const AnnotationInfo* info = FindAnnotation(annotation.name.name);
    if (info == nullptr) {
      Diagnostic& diagnostic = diagnostics_.Report(
          DiagnosticKind::UnknownAnnotation, annotation.name.range,
          fmt::format("unknown annotation `@{}`", annotation.name.name));
      std::string closest = ClosestName(annotation.name.name, AnnotationNames());
      diagnostic.hint = closest.empty() ? "the annotations are @max_length, @min_length, "
                                          "@length, @pattern, @minimum, @maximum and @values"
                                        : fmt::format("did you mean `@{}`?", closest);
      return;
    }
    if (field_.type.IsError()) return;
    if (!FitsType(*info, annotation)) return;
    std::optional<Constant> argument;
    if (annotation.arguments.size() == 1 && annotation.arguments[0] != nullptr) {
      argument = EvaluateConstant(*annotation.arguments[0]);
    }
    switch (info->argument) {
      case Argument::Count:
        ApplyCount(*info, annotation, argument);
        break;
      case Argument::Pattern:
        ApplyPattern(annotation, argument);
        break;
      case Argument::Number:
        ApplyNumber(*info, annotation, argument);
        break;
      case Argument::Strings:
        ApplyValues(*info, annotation);
        break;
    }
  }

 private:
  bool FitsType(const AnnotationInfo& info, const ast::Annotation& annotation) {
    TypeKind kind = field_.type.kind;
    bool fits = info.argument == Argument::Number
                    ? (kind == TypeKind::Int || kind == TypeKind::Decimal || kind == TypeKind::Float)
                    : kind == TypeKind::String;
    if (fits) return true;
    diagnostics_.Report(DiagnosticKind::InvalidAnnotation, annotation.range,
                        fmt::format("`@{}` does not apply to a field of type {}", info.name,
                                    field_.type.ToString()))
        .hint = info.argument == Argument::Number ? "use it on an int, decimal or float field"
                                                  : "use it on a string field";
    return false;
  }

  void ReportArgument(const AnnotationInfo& info, const ast::Annotation& annotation,
                      std::string_view expected) {
    diagnostics_
        .Report(DiagnosticKind::InvalidAnnotation, annotation.range,
                fmt::format("`@{}` takes one argument: {}", info.name, expected))
        .hint = fmt::format("`@{}` means {}", info.name, info.doc);
  }

  void ApplyCount(const AnnotationInfo& info, const ast::Annotation& annotation,
                  const std::optional<Constant>& argument) {
    if (!argument || argument->kind != Constant::Kind::Int || argument->text.size() > 12 ||
        argument->text[0] == '-') {
      ReportArgument(info, annotation, "a non-negative integer, such as 40");
      return;
    }
    int64_t count = std::stoll(argument->text);
    schema::Constraints& constraints = field_.constraints;
    if (info.name != "min_length") constraints.max_length = count;
    if (info.name != "max_length") constraints.min_length = count;
    if (constraints.min_length && constraints.max_length &&
        *constraints.min_length > *constraints.max_length) {
      diagnostics_.Report(DiagnosticKind::InvalidAnnotation, annotation.range,
                          fmt::format("field `{}` needs at least {} and at most {} code points, "
                                      "which no value can meet",
                                      field_.name, *constraints.min_length,
                                      *constraints.max_length));
    }
  }

  void ApplyPattern(const ast::Annotation& annotation, const std::optional<Constant>& argument) {
    const ast::Expr* written = annotation.arguments.size() == 1 ? annotation.arguments[0].get()
                                                                 : nullptr;
    if (written != nullptr && written->kind == ast::ExprKind::StringLiteral && !argument) {
      diagnostics_
          .Report(DiagnosticKind::InvalidAnnotation, written->range,
                  "the pattern contains `{...}`, which is string interpolation")
          .hint = "write the braces of a repetition as `\\{` and `\\}`, such as "
                  "\"[0-9]\\{5\\}\"";
      return;
    }
    if (!argument || argument->kind != Constant::Kind::String) {
      ReportArgument(*FindAnnotation("pattern"), annotation,
                     "a regular expression in a string, such as \"[A-Z]{2}\"");
      return;
    }
    RE2 pattern(argument->text, RE2::Quiet);
    if (!pattern.ok()) {
      diagnostics_
          .Report(DiagnosticKind::InvalidAnnotation, annotation.arguments[0]->range,
                  fmt::format("invalid regular expression: {}", pattern.error()))
          .hint = "patterns use RE2 syntax, which has no backreferences or lookaround";
      return;
    }
    field_.constraints.pattern = argument->text;
  }

  void ApplyNumber(const AnnotationInfo& info, const ast::Annotation& annotation,
                   const std::optional<Constant>& argument) {
    if (!argument ||
        (argument->kind != Constant::Kind::Int && argument->kind != Constant::Kind::Decimal)) {
      ReportArgument(info, annotation, "a number, such as 0 or 99.99");
      return;
    }
    if (info.name == "minimum") {
      field_.constraints.minimum = argument->text;
    } else {
      field_.constraints.maximum = argument->text;
    }
    const schema::Constraints& limits = field_.constraints;
    if (!limits.minimum.empty() && !limits.maximum.empty() &&
        CompareNumberTexts(limits.minimum, limits.maximum).value_or(0) > 0) {
      diagnostics_.Report(DiagnosticKind::InvalidAnnotation, annotation.range,
                          fmt::format("field `{}` needs at least {} and at most {}, which no "
                                      "value can meet",
                                      field_.name, limits.minimum, limits.maximum));
    }
  }

  void ApplyValues(const AnnotationInfo& info, const ast::Annotation& annotation) {
    std::vector<std::string> values;
    for (const ast::ExprPtr& written : annotation.arguments) {
      std::optional<Constant> value;
      if (written != nullptr) value = EvaluateConstant(*written);
      if (!value || value->kind != Constant::Kind::String) {
        ReportArgument(info, annotation, "strings, such as \"Open\", \"Closed\"");
        return;
      }
      values.push_back(value->text);
    }
    if (values.empty()) {
      ReportArgument(info, annotation, "strings, such as \"Open\", \"Closed\"");
      return;
    }
    field_.constraints.allowed_values = std::move(values);
  }

  schema::FieldType& field_;
  DiagnosticEngine& diagnostics_;
};

}  // namespace

void ApplyAnnotations(const ast::FieldDecl& decl, schema::FieldType& field,
                      DiagnosticEngine& diagnostics) {
  AnnotationReader reader(field, diagnostics);
  for (const ast::Annotation& annotation : decl.annotations) reader.Apply(annotation);
}

std::string DefaultValueJson(const ast::Expr& value, const schema::FieldType& field,
                             DiagnosticEngine& diagnostics) {
  std::optional<Constant> constant = EvaluateConstant(value);
  if (!constant) {
    diagnostics
        .Report(DiagnosticKind::TypeMismatch, value.range,
                fmt::format("the default of field `{}` must be a literal", field.name))
        .hint = "write the value itself, such as \"EUR\", 0 or true";
    return "";
  }
  std::string reason;
  std::string json = ConstantToJson(*constant, field.type, reason);
  if (json.empty()) {
    diagnostics
        .Report(DiagnosticKind::TypeMismatch, value.range,
                fmt::format("invalid default for field `{}`: {}", field.name, reason))
        .hint = TemporalConstantHint(field.type.kind);
    return "";
  }
  std::string violation = ConstantConstraintViolation(*constant, field.constraints);
  if (!violation.empty()) {
    diagnostics.Report(DiagnosticKind::AnnotationViolated, value.range,
                       fmt::format("the default of field `{}` {}", field.name, violation));
  }
  return json;
}

std::optional<int> CompareNumberTexts(const std::string& left, const std::string& right) {
  __int128 left_units = 0;
  __int128 right_units = 0;
  int left_scale = 0;
  int right_scale = 0;
  if (runtime::ParseDecimalKeepingScale(left, left_units, left_scale) !=
          runtime::DecimalParseError::None ||
      runtime::ParseDecimalKeepingScale(right, right_units, right_scale) !=
          runtime::DecimalParseError::None) {
    return std::nullopt;
  }
  return runtime::CompareDecimals(left_units, left_scale, right_units, right_scale);
}

std::string ConstantConstraintViolation(const Constant& constant,
                                        const schema::Constraints& constraints) {
  if (constant.kind == Constant::Kind::String) {
    return StringConstraintViolation(constant.text, constraints);
  }
  if (constant.kind != Constant::Kind::Int && constant.kind != Constant::Kind::Decimal) return "";
  if (!constraints.minimum.empty() &&
      CompareNumberTexts(constant.text, constraints.minimum).value_or(0) < 0) {
    return fmt::format("is below the minimum {}", constraints.minimum);
  }
  if (!constraints.maximum.empty() &&
      CompareNumberTexts(constant.text, constraints.maximum).value_or(0) > 0) {
    return fmt::format("is above the maximum {}", constraints.maximum);
  }
  return "";
}

std::string StringConstraintViolation(const std::string& value,
                                      const schema::Constraints& constraints) {
  int64_t length = CodePointCount(value);
  if (constraints.max_length && length > *constraints.max_length) {
    return fmt::format("has {} code points, more than the {} allowed", length,
                       *constraints.max_length);
  }
  if (constraints.min_length && length < *constraints.min_length) {
    return fmt::format("has {} code points, fewer than the {} required", length,
                       *constraints.min_length);
  }
  if (!constraints.pattern.empty()) {
    RE2 pattern(constraints.pattern, RE2::Quiet);
    if (pattern.ok() && !RE2::FullMatch(value, pattern)) {
      return fmt::format("does not match the pattern \"{}\"", constraints.pattern);
    }
  }
  if (!constraints.allowed_values.empty() &&
      std::find(constraints.allowed_values.begin(), constraints.allowed_values.end(), value) ==
          constraints.allowed_values.end()) {
    return "is not one of the field's allowed values";
  }
  return "";
}

}  // namespace weft::check
