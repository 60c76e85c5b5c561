#include "tester/coverage.h"

#include <re2/re2.h>

#include <memory>

namespace weft::tester {
namespace {

// The branches of one rule, as indexes into the item list, and the patterns of its requires.
struct RuleBranches {
  int applied = -1;
  int skipped = -1;
  std::vector<int> passes;
  std::vector<int> rejects;
  std::vector<std::unique_ptr<RE2>> messages;
};

// A regex that matches the reasons a `require` message can produce, or null when the message is
// not a string literal.
std::unique_ptr<RE2> MessagePattern(const ast::Expr* message) {
  if (message == nullptr || message->kind != ast::ExprKind::StringLiteral) return nullptr;
  std::string pattern;
  bool has_text = false;
  for (const ast::StringPart& part : static_cast<const ast::StringLiteral&>(*message).parts) {
    pattern += part.interpolation ? "(?s:.*)" : RE2::QuoteMeta(part.text);
    has_text = has_text || (!part.interpolation && !part.text.empty());
  }
  // A message made only of `{...}` parts matches any reason, so it identifies no require.
  if (!has_text) return nullptr;
  return std::make_unique<RE2>(pattern);
}

int Add(std::vector<CoverageItem>& items, int rule, std::string description, SourceRange range) {
  items.push_back({rule, std::move(description), range, false});
  return static_cast<int>(items.size()) - 1;
}

RuleBranches ListBranches(const check::CheckedRule& rule, int index,
                          std::vector<CoverageItem>& items) {
  RuleBranches branches;
  const ast::MapDecl& decl = *rule.decl;
  if (decl.condition) {
    branches.applied = Add(items, index, "`when` is true", decl.condition->range);
    branches.skipped = Add(items, index, "`when` is false", decl.condition->range);
  } else {
    branches.applied = Add(items, index, "the rule maps a record", decl.target.range);
  }
  for (const ast::StatementPtr& statement : decl.body) {
    if (statement->kind != ast::StatementKind::Require) continue;
    branches.passes.push_back(Add(items, index, "`require` passes", statement->range));
    branches.rejects.push_back(Add(items, index, "`require` rejects", statement->range));
    branches.messages.push_back(MessagePattern(statement->message.get()));
  }
  return branches;
}

void Credit(const RuleOutcome& outcome, const RuleBranches& branches,
            std::vector<CoverageItem>& items) {
  if (outcome.outcome == check::TestOutcome::Skipped) {
    if (branches.skipped >= 0) items[branches.skipped].covered = true;
    return;
  }
  size_t passed = branches.passes.size();
  if (outcome.outcome == check::TestOutcome::Rejected) {
    // Another reject may come from reading the record, before the rule ran, so it proves
    // nothing about the branches.
    passed = 0;
    while (passed < branches.messages.size() &&
           !(branches.messages[passed] &&
             RE2::FullMatch(outcome.reason, *branches.messages[passed])))
      ++passed;
    if (passed == branches.messages.size()) return;
    items[branches.rejects[passed]].covered = true;
  }
  items[branches.applied].covered = true;
  for (size_t i = 0; i < passed; ++i) items[branches.passes[i]].covered = true;
}

}  // namespace

std::vector<CoverageItem> ComputeCoverage(const check::CheckedProgram& program,
                                          const std::vector<TestResult>& results) {
  std::vector<CoverageItem> items;
  std::vector<RuleBranches> rules;
  for (size_t i = 0; i < program.rules.size(); ++i)
    rules.push_back(ListBranches(program.rules[i], static_cast<int>(i), items));
  for (const TestResult& result : results) {
    for (const RuleOutcome& outcome : result.outcomes) Credit(outcome, rules[outcome.rule], items);
  }
  return items;
}

}  // namespace weft::tester
