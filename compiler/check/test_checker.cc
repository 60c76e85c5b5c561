#include "compiler/check/test_checker.h"

#include <re2/re2.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "compiler/check/rule_checker.h"
#include "compiler/check/test_literal.h"
#include "compiler/diagnostics/project_root.h"
#include "stdlib/regex.h"

namespace weft::check {
namespace {

using ast::TestClauseKind;

// The clauses of one test, sorted by role.
struct Clauses {
  const ast::TestClause* given = nullptr;
  const ast::TestClause* expect = nullptr;
  const ast::TestClause* rule = nullptr;
};

bool IsGiven(TestClauseKind kind) {
  return kind == TestClauseKind::Given || kind == TestClauseKind::GivenFile;
}

bool IsFile(const ast::TestClause* clause) {
  return clause->kind == TestClauseKind::GivenFile || clause->kind == TestClauseKind::ExpectFile;
}

class TestChecker {
 public:
  TestChecker(CheckedProgram& program, DiagnosticEngine& diagnostics)
      : program_(program), diagnostics_(diagnostics) {}

  void Check(const ast::TestDecl& decl) {
    Clauses clauses;
    if (!CollectClauses(decl, clauses)) return;
    const schema::RecordType* given = ResolveRecordName(GivenType(*clauses.given), program_,
                                                        diagnostics_);
    if (given == nullptr) return;

    CheckedTest test;
    test.decl = &decl;
    test.name = decl.name;
    test.range = decl.range;
    const schema::RecordType* target = ExpectedTarget(*clauses.expect);
    bool ok = !HasTarget(*clauses.expect) || target != nullptr;
    if (ok) test.rules = SelectRules(decl, clauses, *given, target);
    if (!test.rules.empty()) target = program_.rules[test.rules.front()].target;
    ok = CheckGiven(*clauses.given, *given, test) && !test.rules.empty() && ok;
    ok = CheckExpect(*clauses.expect, target, test) && ok;
    if (ok) program_.tests.push_back(std::move(test));
  }

 private:
  static const ast::QualifiedName& GivenType(const ast::TestClause& given) {
    return given.record ? *given.record->type : *given.type;
  }

  // Sorts the clauses of `decl` by role, reporting a repeated, missing or unpaired one.
  bool CollectClauses(const ast::TestDecl& decl, Clauses& clauses) {
    bool ok = true;
    for (const ast::TestClause& clause : decl.clauses) {
      const ast::TestClause*& slot = IsGiven(clause.kind) ? clauses.given
                                     : clause.kind == TestClauseKind::Rule ? clauses.rule
                                                                           : clauses.expect;
      if (slot != nullptr) {
        Diagnostic& diagnostic = diagnostics_.Report(
            DiagnosticKind::InvalidTest, clause.range,
            "a test has one `given`, one `expect` and at most one `rule` clause");
        diagnostic.notes.push_back({slot->range, "the first one is here"});
        diagnostic.hint = "write a separate test for each case";
        ok = false;
        continue;
      }
      slot = &clause;
    }
    if (clauses.given == nullptr)
      ReportMissing(decl, "given", "add `given schema.Record { field: value }`");
    if (clauses.expect == nullptr) {
      ReportMissing(decl, "expect",
                    "add `expect schema.Record { field: value }`, `expect reject \"reason\"` "
                    "or `expect skip`");
    }
    if (clauses.given == nullptr || clauses.expect == nullptr) return false;
    return ok && CheckFilePairing(clauses);
  }

  void ReportMissing(const ast::TestDecl& decl, const char* clause, const char* hint) {
    diagnostics_
        .Report(DiagnosticKind::InvalidTest, decl.range,
                fmt::format("test \"{}\" has no `{}` clause", decl.name, clause))
        .hint = hint;
  }

  // A file of given records is compared with a file of expected records, and only with one.
  bool CheckFilePairing(const Clauses& clauses) {
    if (IsFile(clauses.given) == IsFile(clauses.expect)) return true;
    const ast::TestClause* file = IsFile(clauses.given) ? clauses.given : clauses.expect;
    Diagnostic& diagnostic = diagnostics_.Report(
        DiagnosticKind::InvalidTest, clauses.expect->range,
        "records given `from` a file are compared with records expected `from` a file");
    diagnostic.notes.push_back({file->range, "the file is named here"});
    diagnostic.hint =
        "write both `given schema.Record from \"in.ndjson\"` and `expect schema.Record from "
        "\"out.ndjson\"`";
    return false;
  }

  static bool HasTarget(const ast::TestClause& expect) {
    return expect.kind == TestClauseKind::ExpectRecord || expect.kind == TestClauseKind::ExpectFile;
  }

  const schema::RecordType* ExpectedTarget(const ast::TestClause& expect) {
    if (expect.kind == TestClauseKind::ExpectRecord)
      return ResolveRecordName(*expect.record->type, program_, diagnostics_);
    if (expect.kind == TestClauseKind::ExpectFile)
      return ResolveRecordName(*expect.type, program_, diagnostics_);
    return nullptr;
  }

  // The rules the test offers its record to: the one its `rule` clause names, or those that map
  // the given record (to the expected record, when there is one).
  std::vector<int> SelectRules(const ast::TestDecl& decl, const Clauses& clauses,
                               const schema::RecordType& given,
                               const schema::RecordType* target) {
    if (clauses.rule != nullptr) return NamedRule(*clauses.rule, given, target);

    std::vector<int> rules;
    std::vector<std::string> names;
    for (size_t i = 0; i < program_.rules.size(); ++i) {
      const CheckedRule& rule = program_.rules[i];
      if (rule.source != &given || (target != nullptr && rule.target != target)) continue;
      rules.push_back(static_cast<int>(i));
      names.push_back("`" + rule.name + "`");
    }
    if (rules.empty()) {
      std::string to = target == nullptr ? "" : fmt::format(" to `{}`", target->QualifiedName());
      diagnostics_
          .Report(DiagnosticKind::TestRuleUnresolved, clauses.given->range,
                  fmt::format("no rule maps `{}`{}", given.QualifiedName(), to))
          .hint = "declare the rule with `map`, or give a record that a rule reads";
      return {};
    }
    if (rules.size() > 1 && clauses.expect->kind != TestClauseKind::ExpectSkip) {
      diagnostics_
          .Report(DiagnosticKind::TestRuleUnresolved, decl.range,
                  fmt::format("{} rules map `{}`: {}", rules.size(), given.QualifiedName(),
                              fmt::join(names, ", ")))
          .hint = "name the rule under test with a `rule NAME` clause";
      return {};
    }
    return rules;
  }

  std::vector<int> NamedRule(const ast::TestClause& clause, const schema::RecordType& given,
                             const schema::RecordType* target) {
    for (size_t i = 0; i < program_.rules.size(); ++i) {
      const CheckedRule& rule = program_.rules[i];
      if (rule.name != clause.text) continue;
      std::string problem;
      if (rule.source != &given) {
        problem = fmt::format("rule `{}` maps `{}`, not `{}`", rule.name,
                              rule.source->QualifiedName(), given.QualifiedName());
      } else if (target != nullptr && rule.target != target) {
        problem = fmt::format("rule `{}` writes `{}`, not `{}`", rule.name,
                              rule.target->QualifiedName(), target->QualifiedName());
      }
      if (problem.empty()) return {static_cast<int>(i)};
      diagnostics_.Report(DiagnosticKind::TestRuleUnresolved, clause.range, problem)
          .notes.push_back({rule.decl->range, "the rule is declared here"});
      return {};
    }
    Diagnostic& diagnostic =
        diagnostics_.Report(DiagnosticKind::TestRuleUnresolved, clause.range,
                            fmt::format("no rule is named `{}`", clause.text));
    std::string closest = ClosestName(clause.text, program_.RuleNames());
    if (!closest.empty()) diagnostic.hint = fmt::format("did you mean `{}`?", closest);
    return {};
  }

  bool CheckGiven(const ast::TestClause& given, const schema::RecordType& record,
                  CheckedTest& test) {
    if (given.kind == TestClauseKind::GivenFile) {
      test.given_file = true;
      return ResolveDataFile(given, test.given);
    }
    TestLiteralChecker literal(diagnostics_, /*expected=*/false);
    if (!literal.CheckRecord(*given.record, record)) return false;
    test.given = literal.json();
    return true;
  }

  // Checks the expectation; a record literal is checked against `target`, which is null when
  // the record's type did not resolve.
  bool CheckExpect(const ast::TestClause& expect, const schema::RecordType* target,
                   CheckedTest& test) {
    switch (expect.kind) {
      case TestClauseKind::ExpectRecord: {
        TestLiteralChecker literal(diagnostics_, /*expected=*/true);
        if (target == nullptr || !literal.CheckRecord(*expect.record, *target)) return false;
        test.expected_values = std::move(literal.values());
        return true;
      }
      case TestClauseKind::ExpectFile:
        return ResolveDataFile(expect, test.expected_file);
      case TestClauseKind::ExpectSkip:
        test.outcome = TestOutcome::Skipped;
        return true;
      default:
        return CheckReject(expect, test);
    }
  }

  bool CheckReject(const ast::TestClause& expect, CheckedTest& test) {
    test.outcome = TestOutcome::Rejected;
    test.reject_text = expect.text;
    test.reject_is_regex = expect.kind == TestClauseKind::ExpectRejectMatching;
    if (!test.reject_is_regex) return true;
    std::shared_ptr<const re2::RE2> regex = stdlib::CompileRegex(expect.text);
    if (regex->ok()) return true;
    diagnostics_
        .Report(DiagnosticKind::InvalidRegex, expect.text_range,
                fmt::format("invalid regular expression: {}", regex->error()))
        .hint = "regexes use RE2 syntax, which has no backreferences or lookaround";
    return false;
  }

  // Resolves a data file's path against the .map file and checks that it can be opened.
  bool ResolveDataFile(const ast::TestClause& clause, std::string& path) {
    std::optional<std::string> resolved = ResolveInRoot(diagnostics_, clause.text_range, clause.text);
    if (!resolved) return false;
    path = *resolved;
    std::string problem = DataFileProblem(path);
    if (problem.empty() && clause.kind == TestClauseKind::ExpectFile && IsCsvDataFile(path))
      problem = "expected records are read as NDJSON, one JSON object per line";
    if (problem.empty()) return true;
    diagnostics_
        .Report(DiagnosticKind::FileNotReadable, clause.text_range,
                fmt::format("cannot read test data file `{}`: {}", path, problem))
        .hint = "test data paths are relative to the file that names them";
    return false;
  }

  static std::string DataFileProblem(const std::string& path) {
    std::error_code error;
    std::filesystem::file_status status = std::filesystem::status(path, error);
    if (!std::filesystem::exists(status)) return "no such file";
    if (std::filesystem::is_directory(status)) return "it is a directory";
    if (!std::filesystem::is_regular_file(status)) return "it is not a regular file";
    if (!std::ifstream(path).good()) return "permission denied";
    return "";
  }

  CheckedProgram& program_;
  DiagnosticEngine& diagnostics_;
};

void ReportDuplicateNames(const ast::File& file, DiagnosticEngine& diagnostics) {
  for (size_t i = 0; i < file.tests.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (file.tests[j].name != file.tests[i].name) continue;
      Diagnostic& diagnostic = diagnostics.Report(
          DiagnosticKind::DuplicateDeclaration, file.tests[i].range,
          fmt::format("a test named \"{}\" already exists in this file", file.tests[i].name));
      diagnostic.notes.push_back({file.tests[j].range, "the other test is here"});
      diagnostic.hint = "give each test a name that says what it checks";
      break;
    }
  }
}

}  // namespace

bool IsCsvDataFile(std::string_view path) {
  if (path.size() < 4) return false;
  std::string suffix(path.substr(path.size() - 4));
  for (char& c : suffix) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return suffix == ".csv";
}

void CheckTests(CheckedProgram& program, DiagnosticEngine& diagnostics) {
  TestChecker checker(program, diagnostics);
  for (const auto& file : program.files) {
    ReportDuplicateNames(*file, diagnostics);
    for (const ast::TestDecl& decl : file->tests) checker.Check(decl);
  }
}

}  // namespace weft::check
