#include "stdlib/builtins.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "stdlib/builtin_families.h"
#include "stdlib/functions.h"

namespace weft::stdlib {

using schema::Type;

namespace {

using internal::Address;
using internal::Integer;
using internal::Text;

std::vector<Builtin> TextBuiltins() {
  return {
      {BuiltinId::Trim,
       Family::Text,
       "trim",
       {Text("s")},
       Type::String(),
       Typing::Fixed,
       false,
       "Removes the leading and trailing white space, which is the code points with Unicode's "
       "White_Space property. These are tab, line feed, vertical tab, form feed, carriage return, "
       "space, U+0085, the no-break space U+00A0, U+1680, U+2000 to U+200A, U+2028, U+2029, "
       "U+202F, U+205F and U+3000. The zero-width space U+200B and the byte order mark U+FEFF are "
       "not white space and stay.",
       R"("  Acme Corp ".trim() == "Acme Corp")",
       Lowering::RuntimeCall,
       "weft_trim",
       Address(&weft_trim)},
      {BuiltinId::Upper,
       Family::Text,
       "upper",
       {Text("s")},
       Type::String(),
       Typing::Fixed,
       false,
       "Converts each letter to upper case with the simple case mappings of libutf8proc, which "
       "map one code point to one: `ß` becomes the capital `ẞ` (U+1E9E), not `SS`, so write "
       "`s.replace(\"ß\", \"ss\").upper()` where `SS` is wanted. No locale rules apply: the "
       "Turkish dotted and dotless i are out of scope.",
       R"("Müller".upper() == "MÜLLER")",
       Lowering::RuntimeCall,
       "weft_upper",
       Address(&weft_upper)},
      {BuiltinId::Lower,
       Family::Text,
       "lower",
       {Text("s")},
       Type::String(),
       Typing::Fixed,
       false,
       "Converts each letter to lower case with the simple case mappings of libutf8proc, one code "
       "point to one. Neither context rules, such as the final form of the Greek sigma, nor "
       "locale rules, such as the Turkish dotted I, apply.",
       R"("ÉCOLE".lower() == "école")",
       Lowering::RuntimeCall,
       "weft_lower",
       Address(&weft_lower)},
      {BuiltinId::Title,
       Family::Text,
       "title",
       {Text("s")},
       Type::String(),
       Typing::Fixed,
       false,
       "Upper-cases the first letter of each word, in title case where Unicode has one (`ǆ` "
       "becomes `ǅ`), and lower-cases the other letters. A word is a run of letters, combining "
       "marks and digits, so `anna-lena` becomes `Anna-Lena` and `3rd` stays `3rd`. An "
       "apostrophe inside a word does not end it, so `o'neil` becomes `O'neil`. No locale rules "
       "apply.",
       R"("ANNA-LENA o'neil".title() == "Anna-Lena O'neil")",
       Lowering::RuntimeCall,
       "weft_title",
       Address(&weft_title)},
      {BuiltinId::Length,
       Family::Text,
       "length",
       {Text("s")},
       Type::Int(),
       Typing::Fixed,
       false,
       "Counts the code points. A letter written with a combining accent, such as e followed by "
       "U+0301, counts as two; normalize to NFC first to count it as one. An emoji such as 😀 "
       "counts as one, also when JSON input writes it as the surrogate pair `\\uD83D\\uDE00`, "
       "but a flag or an emoji with a skin tone is several code points.",
       R"("Müller".length() == 6)",
       Lowering::RuntimeCall,
       "weft_length",
       Address(&weft_length)},
      {BuiltinId::Substring,
       Family::Text,
       "substring",
       {Text("s"), Integer("start"), Integer("length")},
       Type::String(),
       Typing::Fixed,
       false,
       "Returns `length` code points from position `start`, counting from 0. Positions outside "
       "the string are clamped to it and never reject the record. A start past the end gives "
       "\"\", and a length past the end stops at the end. A negative start shortens the result by "
       "the code points that lie before 0. A length of 0 or less gives \"\".",
       R"("DE89370400440532013000".substring(4, 8) == "37040044")",
       Lowering::RuntimeCall,
       "weft_substring",
       Address(&weft_substring)},
      {BuiltinId::Truncate,
       Family::Text,
       "truncate",
       {Text("s"), Integer("n")},
       Type::String(),
       Typing::Fixed,
       false,
       "Returns the first `n` code points, or the whole string when it is shorter; an `n` of 0 or "
       "less gives \"\". The result always fits `@max_length(n)`, which counts code points too. A "
       "combining accent is a code point of its own, so normalize to NFC first where a cut must "
       "not separate a letter from its accent.",
       R"("Zürich Insurance".truncate(6) == "Zürich")",
       Lowering::RuntimeCall,
       "weft_truncate",
       Address(&weft_truncate)},
      {BuiltinId::PadLeft,
       Family::Text,
       "pad_left",
       {Text("s"), Integer("width"), Text("fill", Argument::Character)},
       Type::String(),
       Typing::Fixed,
       true,
       "Adds `fill` before the string until it has `width` code points; a string that long or "
       "longer is returned unchanged, never cut. `fill` must be a string constant of exactly one "
       "code point. A width above 1048576, or a result longer than `--max-string-bytes`, rejects the "
       "record.",
       R"("42".pad_left(5, "0") == "00042")",
       Lowering::RuntimeCall,
       "weft_pad_left",
       Address(&weft_pad_left)},
      {BuiltinId::PadRight,
       Family::Text,
       "pad_right",
       {Text("s"), Integer("width"), Text("fill", Argument::Character)},
       Type::String(),
       Typing::Fixed,
       true,
       "Adds `fill` after the string until it has `width` code points; a string that long or "
       "longer is returned unchanged, never cut. `fill` must be a string constant of exactly one "
       "code point. A width above 1048576, or a result longer than `--max-string-bytes`, rejects the "
       "record.",
       R"("AB".pad_right(4, ".") == "AB..")",
       Lowering::RuntimeCall,
       "weft_pad_right",
       Address(&weft_pad_right)},
      {BuiltinId::Replace,
       Family::Text,
       "replace",
       {Text("s"), Text("from"), Text("to")},
       Type::String(),
       Typing::Fixed,
       true,
       "Replaces every occurrence of `from` by `to`, left to right and without overlaps. Code "
       "points are compared exactly, with no case folding or normalization. An empty `from` "
       "leaves the string unchanged. A result longer than `--max-string-bytes` rejects the "
       "record.",
       R"("030 1234 567".replace(" ", "") == "0301234567")",
       Lowering::RuntimeCall,
       "weft_replace",
       Address(&weft_replace)},
      {BuiltinId::Contains,
       Family::Text,
       "contains",
       {Text("s"), Text("part")},
       Type::Bool(),
       Typing::Fixed,
       false,
       "True when `part` occurs in the string; every string contains \"\". Code points are "
       "compared exactly: normalize both sides first where the same text may arrive composed "
       "(é) and decomposed (e followed by U+0301).",
       R"("Acme GmbH".contains("GmbH") == true)",
       Lowering::RuntimeCall,
       "weft_contains",
       Address(&weft_contains)},
      {BuiltinId::StartsWith,
       Family::Text,
       "starts_with",
       {Text("s"), Text("prefix")},
       Type::Bool(),
       Typing::Fixed,
       false,
       "True when the string begins with `prefix`, comparing code points exactly; every string "
       "starts with \"\".",
       R"("DE123456789".starts_with("DE") == true)",
       Lowering::RuntimeCall,
       "weft_starts_with",
       Address(&weft_starts_with)},
      {BuiltinId::EndsWith,
       Family::Text,
       "ends_with",
       {Text("s"), Text("suffix")},
       Type::Bool(),
       Typing::Fixed,
       false,
       "True when the string ends with `suffix`, comparing code points exactly; every string "
       "ends with \"\".",
       R"("invoice.pdf".ends_with(".pdf") == true)",
       Lowering::RuntimeCall,
       "weft_ends_with",
       Address(&weft_ends_with)},
      {BuiltinId::Normalize,
       Family::Text,
       "normalize",
       {Text("s"), {"form", Type::String(), Argument::Choice, {"NFC", "NFD", "NFKC", "NFKD"}}},
       Type::String(),
       Typing::Fixed,
       false,
       "Converts to a Unicode normalization form (UAX #15): NFC composes (e followed by U+0301 "
       "becomes é), NFD decomposes, and NFKC and NFKD also replace compatibility characters "
       "(`ﬁ` becomes `fi`, the full-width `Ａ` becomes `A`). `form` must be the string constant "
       "\"NFC\", \"NFD\", \"NFKC\" or \"NFKD\". Canonically equivalent strings are equal after "
       "both are normalized to the same form.",
       R"("ﬁ".normalize("NFKC") == "fi")",
       Lowering::RuntimeCall,
       "weft_normalize",
       Address(&weft_normalize)},
      {BuiltinId::AsciiFold,
       Family::Text,
       "ascii_fold",
       {Text("s")},
       Type::String(),
       Typing::Fixed,
       false,
       "Replaces letters by their ASCII forms. Accents are dropped (`é` becomes `e`), and "
       "compatibility characters are decomposed (`ﬁ` becomes `fi`). A table covers the letters "
       "with no decomposition (`ß` becomes `ss`, `Æ` `AE`, `Ø` `O`, `Ł` `L`, `Đ` and `Ð` `D`, "
       "`Þ` `TH`, `Œ` `OE`, `ı` `i`) and typographic quotes and dashes. Characters with no "
       "ASCII form, such as Cyrillic, Greek, CJK or emoji, are kept with their own accents, in "
       "NFC; where only ASCII may pass, check the result with `matches(s, \"[ -~]*\")`.",
       R"("Müller Straße Ærø".ascii_fold() == "Muller Strasse AEro")",
       Lowering::RuntimeCall,
       "weft_ascii_fold",
       Address(&weft_ascii_fold)},
      {BuiltinId::DigitsOnly,
       Family::Text,
       "digits_only",
       {Text("s")},
       Type::String(),
       Typing::Fixed,
       false,
       "Keeps the decimal digits and drops every other character. Digits of other scripts, such "
       "as the Arabic-Indic `٣` or the full-width `３`, become the ASCII digits 0 to 9. "
       "Superscripts and fractions (`²`, `½`) are not decimal digits and are dropped.",
       R"("+49 (30) 1234-567".digits_only() == "49301234567")",
       Lowering::RuntimeCall,
       "weft_digits_only",
       Address(&weft_digits_only)},
  };
}

std::vector<Builtin> RegexBuiltins() {
  return {
      {BuiltinId::Matches,
       Family::Regex,
       "matches",
       {Text("s"), Text("regex", Argument::Regex)},
       Type::Bool(),
       Typing::Fixed,
       false,
       "True when the regular expression matches the whole string, as `@pattern` does; add `.*` "
       "at either end to find a match inside. The regex uses RE2 syntax over code points, so `.` "
       "matches one code point, and it has no backreferences or lookaround. It must be a string "
       "constant, which is checked at compile time and compiled once per rule. In a .map string "
       "a backslash is written `\\\\` and the braces of a repetition `\\{` and `\\}`.",
       R"("DE-1234".matches("[A-Z]+-[0-9]+") == true)",
       Lowering::RuntimeCall,
       "weft_matches",
       Address(&weft_matches)},
      {BuiltinId::Extract,
       Family::Regex,
       "extract",
       {Text("s"), Text("regex", Argument::Regex)},
       Type::String().AsOptional(),
       Typing::Fixed,
       false,
       "Returns the first group of the leftmost match, or the whole match when the regex has no "
       "group. The result is absent when the regex matches nowhere or its first group takes no "
       "part in the match. The regex is a string constant in RE2 syntax, as for `matches`.",
       R"example("Order 10443 shipped".extract("Order ([0-9]+)") == "10443")example",
       Lowering::RuntimeCall,
       "weft_extract",
       Address(&weft_extract)},
      {BuiltinId::ReplaceRegex,
       Family::Regex,
       "replace_regex",
       {Text("s"), Text("regex", Argument::Regex), Text("replacement", Argument::Replacement)},
       Type::String(),
       Typing::Fixed,
       true,
       "Replaces every match, leftmost first and without overlaps. In `replacement`, `$0` stands "
       "for the whole match, `$1` to `$9` for the groups and `$$` for a dollar sign. It must be a "
       "string constant, and naming a group that the regex lacks is an error at compile time. The "
       "regex is a string constant in RE2 syntax, as for `matches`. A result longer than "
       "`--max-string-bytes` rejects the record.",
       R"example("2026-03-20".replace_regex("([0-9]+)-([0-9]+)-([0-9]+)", "$3.$2.$1") == "20.03.2026")example",
       Lowering::RuntimeCall,
       "weft_replace_regex",
       Address(&weft_replace_regex)},
  };
}

}  // namespace

const std::vector<Builtin>& Builtins() {
  static const std::vector<Builtin> kBuiltins = [] {
    std::vector<Builtin> builtins;
    for (auto family : {TextBuiltins, RegexBuiltins, internal::ListBuiltins, internal::RoundingBuiltins,
                        internal::ConversionBuiltins, internal::MoneyBuiltins,
                        internal::DateBuiltins, internal::DatePatternBuiltins,
                        internal::IdBuiltins}) {
      for (Builtin& builtin : family()) builtins.push_back(std::move(builtin));
    }
    return builtins;
  }();
  return kBuiltins;
}

const Builtin* FindBuiltin(std::string_view name) {
  for (const Builtin& builtin : Builtins()) {
    if (builtin.name == name) return &builtin;
  }
  return nullptr;
}

const Builtin* FindBuiltin(std::string_view name, size_t arguments) {
  for (const Builtin& builtin : Builtins()) {
    if (builtin.name != name) continue;
    if (arguments >= RequiredArguments(builtin) && arguments <= builtin.parameters.size()) {
      return &builtin;
    }
  }
  return FindBuiltin(name);
}

std::vector<std::string> BuiltinNames() {
  std::vector<std::string> names;
  for (const Builtin& builtin : Builtins()) names.emplace_back(builtin.name);
  return names;
}

namespace {

// A type as signatures write it. Any decimal is `decimal`, because typing rules fix the digits.
std::string TypeName(const Type& type) {
  return type.kind == schema::TypeKind::Decimal ? "decimal" : type.ToString();
}

std::string ParameterText(const Parameter& parameter) {
  switch (parameter.argument) {
    case Argument::Value:
      if (parameter.int_or_decimal) return fmt::format("{}: int | decimal", parameter.name);
      if (parameter.any_list) return fmt::format("{}: list<T>", parameter.name);
      return fmt::format("{}: {}", parameter.name, TypeName(parameter.type));
    case Argument::Choice: {
      std::string choices;
      for (std::string_view choice : parameter.choices) {
        choices += fmt::format("{}\"{}\"", choices.empty() ? "" : " | ", choice);
      }
      return fmt::format("{}: {}", parameter.name, choices);
    }
    case Argument::PatternYear:
      return fmt::format("{}: {}", parameter.name, TypeName(parameter.type));
    case Argument::ItemFunction:
      return fmt::format("{}: T -> K", parameter.name);
    default:
      return fmt::format("{}: {} constant", parameter.name, TypeName(parameter.type));
  }
}

}  // namespace

size_t RequiredArguments(const Builtin& builtin) {
  size_t required = 0;
  while (required < builtin.parameters.size() &&
         !builtin.parameters[required].default_argument.has_value()) {
    ++required;
  }
  return required;
}

std::string Signature(const Builtin& builtin) {
  std::string signature = fmt::format("{}(", builtin.name);
  for (size_t i = 0; i < builtin.parameters.size(); ++i) {
    if (i > 0) signature += ", ";
    const Parameter& parameter = builtin.parameters[i];
    // A parameter in brackets has no default, because the other arguments decide whether it is
    // given: the year of a pattern, and the zone of a pattern that may read an offset instead.
    bool bracketed = parameter.argument == Argument::PatternYear ||
                     (parameter.argument == Argument::TimeZone && parameter.default_argument);
    signature +=
        bracketed ? fmt::format("[{}]", ParameterText(parameter)) : ParameterText(parameter);
    if (parameter.default_argument && !bracketed) {
      signature += fmt::format(" = \"{}\"", *parameter.default_argument);
    }
  }
  // A builtin over ints and decimals returns the kind of its arguments, unless its result is
  // fixed.
  bool numeric = builtin.typing != Typing::Fixed &&
                 std::any_of(builtin.parameters.begin(), builtin.parameters.end(),
                             [](const Parameter& parameter) { return parameter.int_or_decimal; });
  std::string result = numeric ? "int | decimal" : TypeName(builtin.result);
  if (builtin.typing == Typing::ItemOfList) result = "T?";
  if (builtin.typing == Typing::SumOfList) result = "int | decimal";
  if (builtin.typing == Typing::SortedList || builtin.id == BuiltinId::Distinct) result = "list<T>";
  if (builtin.typing == Typing::GroupTotals) result = "list<{key: K, total: int | decimal}>";
  return signature + ") -> " + result;
}

}  // namespace weft::stdlib
