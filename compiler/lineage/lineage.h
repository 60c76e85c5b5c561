#pragma once

#include <set>
#include <string>
#include <vector>

#include "compiler/check/check.h"

// Which source fields and tables each target field of a rule is computed from. It reads the
// checked program rather than the IR, so it covers every rule that checks, including the
// constructs that `weft run` cannot compile yet.
namespace weft::lineage {

// The source data that an expression reads: field paths such as `Owner.Name`, and table names.
struct Reads {
  std::set<std::string> fields;
  std::set<std::string> tables;

  void Add(const Reads& other);
};

// One target field and what fills it.
struct FieldLineage {
  const schema::FieldType* field = nullptr;
  // The assignment that fills the field; null when the rule leaves it to its default or absent.
  const ast::Statement* assignment = nullptr;
  Reads reads;
};

// The rule's `when` condition or one of its `require` statements, with what it reads.
struct ConditionLineage {
  // Null for the `when` condition.
  const ast::Statement* require = nullptr;
  const ast::Expr* condition = nullptr;
  Reads reads;
};

struct RuleLineage {
  const check::CheckedRule* rule = nullptr;
  // One entry per target field, in the target record's order.
  std::vector<FieldLineage> fields;
  // The `when` condition first when there is one, then each `require` in rule order.
  std::vector<ConditionLineage> conditions;
  // Everything the rule reads: conditions, reject messages, `let` bindings and assignments.
  Reads reads;
};

// Traces what each target field and condition of `rule` reads, following `let` bindings, `fn`
// helpers, `if`, `match`, tables and nested source records. `program` must have checked without
// errors.
RuleLineage TraceRule(const check::CheckedProgram& program, const check::CheckedRule& rule);

// Returns the fields of `source`, in schema order, that none of the rules mapping from it reads,
// neither whole nor through a nested path such as `Owner.Name`.
std::vector<const schema::FieldType*> UnreadSourceFields(const schema::RecordType& source,
                                                         const std::vector<RuleLineage>& rules);

}  // namespace weft::lineage
