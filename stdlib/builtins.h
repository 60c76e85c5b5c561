#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/schema/types.h"

// The one table of builtin functions. The checker takes their signatures from it, the JIT
// registers their implementations from it, and the reference documentation is written from it.
namespace weft::stdlib {

enum class BuiltinId {
  Trim,
  Upper,
  Lower,
  Title,
  Length,
  Substring,
  Truncate,
  PadLeft,
  PadRight,
  Replace,
  Contains,
  StartsWith,
  EndsWith,
  Normalize,
  AsciiFold,
  DigitsOnly,
  Matches,
  Extract,
  ReplaceRegex,
  Split,
  Join,
  Count,
  First,
  Last,
  Sum,
  Any,
  All,
  SortBy,
  Distinct,
  GroupSum,
  MinOfList,
  MaxOfList,
  Round,
  ToDecimal,
  Floor,
  Ceil,
  Abs,
  Min,
  Max,
  ToInt,
  TryToInt,
  StringToDecimal,
  TryStringToDecimal,
  ToFloat,
  TryToFloat,
  FormatNumber,
  CurrencyCode,
  MinorUnits,
  RoundMoney,
  ToUtc,
  FromEpochMillis,
  FromEpochSeconds,
  FromExcelSerial,
  ParseSapDate,
  DateOf,
  AddDays,
  AddMonths,
  DaysBetween,
  StartOfMonth,
  Weekday,
  ToZone,
  ParseODataDate,
  TryParseODataDate,
  FromLocal,
  ParseDate,
  ParseDateTime,
  TryParseDate,
  TryParseDateTime,
  FormatDate,
  FormatDateTime,
  HashHex,
  UuidV5,
  Mask,
  Redact,
};

// The groups of builtins, in the order the reference documentation lists them.
enum class Family { Text, Regex, List, Number, Money, Date, Id };

// The rule by which the checker derives a call's result type beyond the fixed types.
enum class Typing {
  // The result is exactly `result`.
  Fixed,
  // The result is a decimal whose scale is the constant second argument.
  RoundToScale,
  // The result is decimal(19, 0), which can represent every 64-bit integer.
  IntToDecimal,
  // An int stays an int, and a decimal loses its places but gains a digit before the point, for
  // a carry such as 9.5 to 10.
  ToZeroPlaces,
  // The result has the type of the first argument.
  SameAsArgument,
  // The arguments have the same kind, and the result is their common type, as for `if`.
  Unified,
  // The result is decimal(p, s) for the constant second and third arguments p and s.
  PrecisionAndScale,
  // The result is an item of the list argument, absent when the list is empty.
  ItemOfList,
  // The result is an int for a list of ints, and decimal(38, s) for a list of decimal(p, s).
  SumOfList,
  // The result is the list argument, sorted by the key that the item function gives.
  SortedList,
  // The result is a list of records {key, total}, one per key that the second argument gives,
  // totalling the third argument.
  GroupTotals,
};

// The kinds of argument that a parameter accepts beyond its type. Every kind but Value and
// PatternYear needs a constant, which the checker validates, so that a mistake in it is reported
// before any record is read.
enum class Argument {
  // Any expression of the parameter's type.
  Value,
  // One of the parameter's `choices`, written as a string constant ("NFC") or as a bare name
  // (HALF_EVEN), as an enum member is. The call passes the choice's index as an int.
  Choice,
  // A string of exactly one code point.
  Character,
  // An RE2 regular expression. The call passes the regex compiled once per rule, as a
  // `const re2::RE2*`.
  Regex,
  // A replacement text for the call's Regex argument, in which `$0` stands for the whole match,
  // `$1` to `$9` for the groups, and `$$` for a dollar sign. The call passes it in RE2's rewrite
  // syntax (`\0` to `\9` and `\\`).
  Replacement,
  // An IANA time zone name, such as "Europe/Berlin", that the system's zone database contains.
  // With a default, it is the zone of a builtin whose date-time pattern may read the offset from
  // the text instead, and the checker reports a zone that the pattern leaves unused or needs.
  TimeZone,
  // A pattern of stdlib/date_patterns.h with the fields of a date. The pattern of a builtin with
  // a PatternYear parameter is read, and any other is written. The call passes its text.
  DatePattern,
  // A pattern of stdlib/date_patterns.h with the fields of a date and a time.
  DateTimePattern,
  // The int that completes the year of the call's pattern: for `yy` the pivot year, which must be
  // a constant, and for a pattern without a year the year itself, which may be any int. A pattern
  // with `yyyy` takes none, and the checker reports a missing or unneeded one. A call that
  // leaves it out passes 0.
  PatternYear,
  // A function of one item of the list that is the first argument, written `line -> line.Price`.
  // The checker types its body with the parameter bound to the list's item type.
  ItemFunction,
  // A number pattern such as "#,##0.00", as stdlib/number_format.h defines it.
  NumberPattern,
};

struct Parameter {
  std::string_view name;
  schema::Type type;
  Argument argument = Argument::Value;
  // The constants a Choice parameter accepts.
  std::vector<std::string_view> choices = {};
  // True when an int is accepted as well as a decimal; the typing rule derives the result.
  bool int_or_decimal = false;
  // The argument of a trailing parameter that a call may leave out: a choice, or the text of a
  // string. Parameters without one must be given.
  std::optional<std::string_view> default_argument = std::nullopt;
  // True when a list of any item type is accepted; `type` is then only what the documentation
  // shows.
  bool any_list = false;
};

// The way generated code computes a call.
enum class Lowering {
  // It calls `implementation`, which has the builtin convention of runtime/abi.h.
  RuntimeCall,
  // The IR lowering builds it from IR operations (round, decimal).
  Operations,
  // The checker accepts the call, but the code generator cannot compile it yet, and running a
  // rule that makes one is reported as not supported.
  NotCompiledYet,
};

struct Builtin {
  BuiltinId id;
  Family family;
  std::string_view name;
  std::vector<Parameter> parameters;
  schema::Type result;
  Typing typing;
  // True when a call can reject the record at run time.
  bool fallible;
  // The reference documentation: what the function does, its edge cases and its limits.
  std::string_view summary;
  // An expression `call == expected` that holds; a test runs every example.
  std::string_view example;
  Lowering lowering;
  // For RuntimeCall: the symbol under which the JIT registers `implementation`.
  const char* symbol;
  void* implementation;
};

const std::vector<Builtin>& Builtins();
// Returns nullptr when no builtin has that name.
const Builtin* FindBuiltin(std::string_view name);
// Returns the builtin of that name that takes `arguments` arguments, such as `min` of a list for
// one argument and `min` of two numbers for two, or the first of that name when none does.
const Builtin* FindBuiltin(std::string_view name, size_t arguments);
std::vector<std::string> BuiltinNames();
// The number of parameters that a call must give, before the ones with a default argument.
size_t RequiredArguments(const Builtin& builtin);
// The signature as the reference documentation writes it, such as
// "pad_left(s: string, width: int, fill: string constant) -> string".
std::string Signature(const Builtin& builtin);

}  // namespace weft::stdlib
