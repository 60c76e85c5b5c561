#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compiler/check/check.h"
#include "runtime/decimal.h"
#include "runtime/value_table.h"

namespace re2 {
class RE2;
}

// The typed, lowered form of a rule: every name is resolved to a slot or a local, every decimal
// carries its scale, and every implicit step (rescaling, proven presence, conversion to text) is
// an explicit node. Code generation reads only this.
namespace weft::ir {

// The representation of a value in generated code.
// Lists and records are both a WeftList: slots in a row.
enum class Repr { Bool, Int, Decimal, String, Float, List, Record };

struct ValueType {
  ValueType(Repr repr = Repr::Bool, int scale = 0, bool optional = false)
      : repr(repr), scale(scale), optional(optional) {}

  Repr repr = Repr::Bool;
  // Decimal places, for decimals; schema::kAnyScale when each value carries its own.
  int scale = 0;
  // True when the value carries a presence flag.
  bool optional = false;
  // The type of a list's items; null for other values.
  std::shared_ptr<const ValueType> element;
  // The record type of a record, or of a list's items when they are records.
  const schema::RecordType* record = nullptr;
};

enum class Op {
  Constant,       // a present bool, int, decimal or string
  Null,           // an absent value of `type`
  Source,         // source slot `index`
  Local,          // local `index`
  AssumePresent,  // operand 0, proven present by the checker
  IsPresent,      // whether operand 0 is present
  // operand 0 (a decimal) brought to type.scale; fewer places round by `rounding`, or reject the
  // record when `exact` is set. A scale of schema::kAnyScale is known at run time.
  Rescale,
  IntToDecimal,  // operand 0 (an int) as a decimal with scale 0
  Negate,
  Add,
  Subtract,
  Multiply,
  Divide,
  Remainder,
  Equal,  // operands may be optional: two absent values are equal
  NotEqual,
  Less,
  LessEqual,
  Greater,
  GreaterEqual,
  And,  // operand 1 runs only when operand 0 is true
  Or,   // operand 1 runs only when operand 0 is false
  Not,
  Coalesce,  // operand 0 when present, else operand 1
  Select,    // operand 1 when operand 0 is true, else operand 2
  Concat,    // all operands are strings
  ToString,  // operand 0 as text
  // Operand 0, a date-time, as RFC 3339 text: an offset read as +0100 becomes +01:00, as the
  // writers write a date-time value.
  DateTimeText,
  Call,         // the builtin `builtin`, implemented by a runtime function
  TableLookup,  // operand 0 (a string or int key) looked up in `table`; absent when not found
  Abs,          // operand 0 (an int or a decimal) without its sign
  Minimum,      // the smaller of operands 0 and 1, both of `type`
  Maximum,      // the larger of operands 0 and 1, both of `type`
  // For each item of list operand 0, bound to local `index`, for which operand 1 holds: operand
  // 2. The result is the list of those values.
  Each,
  Construct,  // a record of type.record, whose fields `statements` store
  ListOf,     // a list of the operands
  Field,      // field `index` of record operand 0; absent when the record is
  Element,    // item operand 1 (an int) of list operand 0; absent beyond either end
  Count,      // the number of items of list operand 0
  Sum,        // the sum of the items of list operand 0, ints or decimals of type.scale
  AnyTrue,    // whether an item of list operand 0 (of bools) is true
  AllTrue,    // whether every item of list operand 0 (of bools) is true
  // List operand 0 sorted by operand 1, computed with each item bound to local `index`.
  SortBy,
  Distinct,     // list operand 0 without repeated items
  ListMinimum,  // the smallest present item of list operand 0; absent when there is none
  ListMaximum,  // the largest present item of list operand 0; absent when there is none
  // One {key, total} record per key of list operand 0: operand 1 is the key, with the item bound
  // to local `index`, and operand 2 the value, with the item bound to local `integer`.
  GroupSum,
  // Operand 0, a date-time, as a decimal count of seconds since 1970-01-01T00:00:00Z with the
  // places of its fraction. Comparisons of date-times compare these counts.
  EpochSeconds,
  // Operand 0, a time, as a decimal count of seconds since midnight.
  SecondsOfDay,
};

struct Node;
using NodePtr = std::unique_ptr<Node>;

enum class StatementKind { Let, Require, Store };

struct Statement {
  StatementKind kind;
  // The local of Let, the target slot of Store.
  int index = -1;
  // The bound or stored value, or the condition of Require.
  NodePtr value;
  // The reject message of Require.
  NodePtr message;
  // The target field of Store, whose type bounds the value; the local's name for Let.
  std::string field;
  ValueType field_type;
  int field_precision = 0;
};

struct Node {
  Op op;
  ValueType type;
  std::vector<NodePtr> operands;
  // Constants, by type: bool and int use `integer`, decimals `decimal`, strings `text`, floats
  // `real`. A Call with a regex argument keeps the regex's pattern in `text`.
  int64_t integer = 0;
  double real = 0;
  __int128 decimal = 0;
  std::string text;
  // The slot of Source, the local of Local.
  int index = -1;
  // The function of Call. Its operands are the arguments of the parameters that are not a
  // stdlib::Argument::Regex, in order.
  const stdlib::Builtin* builtin = nullptr;
  // The compiled regex argument of Call when the builtin has one. The rule keeps it alive.
  const re2::RE2* regex = nullptr;
  // For Rescale: reject a value that would lose non-zero places instead of rounding it.
  bool exact = false;
  // For Rescale without `exact`, and for Divide on decimals: how dropped places round.
  runtime::RoundingMode rounding = runtime::RoundingMode::HalfUp;
  // For Divide on decimals whose places are known at run time: the most places of the quotient.
  // `round` lowers it to its own places, so that the exact quotient is rounded once.
  int max_scale = runtime::kMaxDigits;
  // For Divide on decimals whose places are known at run time: how the quotient rounds at its own
  // places, the larger of the dividend's and 6, when max_scale does not cut them. `rounding`
  // applies where max_scale cuts them.
  runtime::RoundingMode own_rounding = runtime::RoundingMode::HalfUp;
  // For Divide on decimals: set once `round`, `floor` or `ceil` has chosen the quotient's places
  // and mode, which nothing changes after, so that a second rounding rounds the rounded value.
  bool rounded = false;
  // The table of TableLookup; the rule keeps it alive.
  const runtime::ValueTable* table = nullptr;
  // The statements of Construct, which store into the new record's slots.
  std::vector<Statement> statements;
};

struct Rule {
  std::string name;
  const schema::RecordType* source = nullptr;
  const schema::RecordType* target = nullptr;
  int local_count = 0;
  // For each source field, whether the rule reads it; the reader skips the others.
  std::vector<bool> reads_source_field;
  // The fields of nested source records that the rule reads, each as the field indices from the
  // source record down, such as {Owner, Email}. Path i has the source slot
  // `source->fields.size() + i`.
  std::vector<std::vector<int>> source_paths;
  // For each target field, whether the rule assigns it; the writer fills the others from the
  // schema's defaults.
  std::vector<bool> assigns_target_field;
  // The tables that TableLookup nodes use, which must live as long as the compiled function.
  std::vector<std::shared_ptr<const runtime::ValueTable>> tables;
  // The regexes that Call nodes use, which must live as long as the compiled function.
  std::vector<std::shared_ptr<const re2::RE2>> regexes;
  // For each source field, whether the `when` condition reads it.
  std::vector<bool> reads_in_condition;
  // Null when the rule has no `when`.
  NodePtr condition;
  std::vector<Statement> body;
};

// Lowers one rule of a program that checked without errors.
Rule Lower(const check::CheckedProgram& program, const check::CheckedRule& rule);

// Writes a readable listing of the rule, for `--dump-ir`.
std::string Dump(const Rule& rule);

}  // namespace weft::ir
