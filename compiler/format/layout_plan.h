#pragma once

#include <cstdint>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "compiler/syntax/ast.h"
#include "compiler/syntax/tokens.h"

namespace weft::format {

// The layout of the contents of a `{ ... }`.
enum class BraceLayout {
  // One item per line, always: the bodies of schemas, records, tables, rules and tests.
  kBlock,
  // One item per line when the source breaks a line between the braces, else on one line: the
  // bodies of enums, matches, record constructions and record literals.
  kBlockIfBroken,
};

// The token of an item that lines up with the same token of its neighbours.
enum class AlignedToken { kNone, kAssign, kFatArrow };

// One item of a block: a declaration in a schema, a field, a statement, a table entry, a match
// arm, an enum member, a test clause or a field of a record literal.
struct Item {
  AlignedToken aligned = AlignedToken::kNone;
  // The byte offset of the aligned `=` or `=>`.
  uint32_t aligned_at = 0;
};

// The facts from the syntax tree that the printer needs about tokens, keyed by byte offset.
struct LayoutPlan {
  std::unordered_map<uint32_t, BraceLayout> braces;
  std::unordered_map<uint32_t, Item> items;
  // The first tokens of top-level declarations, and of those the imports.
  std::unordered_set<uint32_t> declarations;
  std::unordered_set<uint32_t> imports;
  // `(` of calls, annotations, parameterized types and fn declarations, and `[` of indexing,
  // which follow the token before them without a space.
  std::unordered_set<uint32_t> attached_brackets;
  // `-` of negations and negative literals, which the operand follows without a space.
  std::unordered_set<uint32_t> prefix_minus;
  // `<` and `>` around the element type of `list<T>`, written without spaces.
  std::unordered_set<uint32_t> type_angles;
  // `when` of rules, which starts its own line, and the `{` of those rules' bodies.
  std::unordered_set<uint32_t> when_clauses;
  std::unordered_set<uint32_t> bodies_after_when;
};

// Walks the syntax tree of a file that parsed without errors; `tokens` are its tokens.
LayoutPlan PlanLayout(const ast::File& file, const std::vector<syntax::Token>& tokens);

}  // namespace weft::format
