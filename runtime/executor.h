#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <memory>
#include <vector>

#include "compiler/schema/types.h"
#include "runtime/abi.h"
#include "runtime/value_table.h"
#include "runtime/input.h"

namespace re2 {
class RE2;
}

namespace weft::runtime {

// A rule compiled to native code, with the records it reads and writes.
struct CompiledRule {
  std::string name;
  const schema::RecordType* source = nullptr;
  const schema::RecordType* target = nullptr;
  WeftRuleFunction function = nullptr;
  // For each source field, whether the rule reads it; empty means every field.
  std::vector<bool> reads_source_field;
  // The value tables that the compiled functions look up; they live as long as the rule.
  std::vector<std::shared_ptr<const ValueTable>> tables;
  // The regexes that the compiled functions match with, which live as long as the rule.
  std::vector<std::shared_ptr<const re2::RE2>> regexes;
  // The nested source fields the rule reads, as in ir::Rule::source_paths.
  std::vector<std::vector<int>> source_paths;
  // For each target field, whether the rule assigns it; others get the schema's default.
  std::vector<bool> assigns_target_field;
  // The rule's `when` alone, compiled as a rule with no statements, or null when it has none.
  // A record whose unreadable fields the condition does not read is skipped when it is false.
  WeftRuleFunction condition = nullptr;
  // For each source field, whether the `when` condition reads it.
  std::vector<bool> reads_in_condition;
};

// The outcome counts of a run; `in == mapped + skipped + rejected` always holds.
struct RunCounts {
  size_t in = 0;
  size_t mapped = 0;
  size_t skipped = 0;
  size_t rejected = 0;
};

// Applies `rule` to every record of `input`. Mapped records go to `out` as NDJSON; each
// rejected record (malformed, unreadable for the source schema, or rejected by the rule) goes
// to `rejects` as one NDJSON line with its number, the rule, the reason and the record itself.
RunCounts Execute(const CompiledRule& rule, const SplitInput& input, std::ostream& out,
                  std::ostream& rejects);

}  // namespace weft::runtime
