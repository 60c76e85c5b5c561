#pragma once

#include <string>
#include <vector>

#include "compiler/check/check.h"

namespace weft::check {

// Checks a record literal of a `test` block against its record type. Fields may be left out, so
// that a test can give a record with a missing key or compare only the fields it is about. The
// values must be literals: strings, numbers, booleans, null, enum members, nested `{ ... }`
// records and lists of any of them.
class TestLiteralChecker {
 public:
  // With `expected` set, a decimal must be written at its field's scale, because the comparison
  // with a mapped record counts the scale.
  TestLiteralChecker(DiagnosticEngine& diagnostics, bool expected)
      : diagnostics_(diagnostics), expected_(expected) {}

  // Checks `literal` and appends it as one JSON object to json(), and its scalar values to
  // values(). Returns false after reporting a mistake.
  bool CheckRecord(const ast::RecordLiteral& literal, const schema::RecordType& record,
                   const std::string& path = "");

  const std::string& json() const { return json_; }
  std::vector<TestValue>& values() { return values_; }

 private:
  bool CheckLiteral(const ast::LiteralValue& value, const schema::Type& type,
                    const std::string& path);
  bool CheckValue(const ast::Expr& expr, const schema::Type& type, const std::string& path);
  bool CheckNumber(const ast::Expr& expr, const schema::Type& type, const std::string& path);
  bool CheckText(const ast::Expr& expr, const schema::Type& type, const std::string& path);
  // Checks that `text`, an expected date, time or date-time, is one, and writes a date-time's
  // offset as the writers do. Returns false after reporting.
  bool CheckExpectedTemporal(const ast::Expr& expr, const schema::Type& type, std::string& text);
  bool CheckList(const ast::LiteralValue& list, const schema::Type& type, const std::string& path);
  void AddScalar(TestValueKind kind, std::string text, const ast::Expr& expr,
                 const std::string& path);
  bool Mismatch(SourceRange range, const schema::Type& type, const char* written,
                const std::string& path);

  DiagnosticEngine& diagnostics_;
  bool expected_;
  std::string json_;
  std::vector<TestValue> values_;
};

}  // namespace weft::check
