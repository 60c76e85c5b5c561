// The number and money families of the table of builtins.
#include "runtime/decimal.h"
#include "stdlib/builtin_families.h"
#include "stdlib/number_functions.h"

namespace weft::stdlib::internal {

using schema::Type;

namespace {

Parameter Number(std::string_view name) {
  Parameter parameter{name, Type::Decimal(1, 0)};
  parameter.int_or_decimal = true;
  return parameter;
}

Parameter Mode(std::string_view default_mode) {
  Parameter parameter{"mode", Type::String(), Argument::Choice};
  for (const char* name : runtime::kRoundingModeNames) parameter.choices.emplace_back(name);
  parameter.default_argument = default_mode;
  return parameter;
}

Parameter Separator(std::string_view name, std::string_view default_separator) {
  Parameter parameter = Text(name, Argument::Character);
  parameter.default_argument = default_separator;
  return parameter;
}

Builtin FormatNumberBuiltin() {
  return {BuiltinId::FormatNumber,
          Family::Number,
          "format_number",
          {Number("x"), Text("pattern", Argument::NumberPattern),
           Separator("decimal_separator", "."), Separator("grouping_separator", ",")},
          Type::String(),
          Typing::Fixed,
          true,
          "Writes an int or a decimal as text by a pattern, exactly on its decimal digits. The "
          "pattern has `0` for each digit that is always written, `#` for a digit written only "
          "when needed, `,` where the integer digits are grouped and `.` before the places: "
          "`#,##0.00` writes 1234567.891 as `1,234,567.89` and 0 as `0.00`. Before the point, "
          "every `#` comes before every `0`, at least one `0` is required, and the symbols after "
          "the last `,` give the group size, which every other group between two `,` must have "
          "too. After the point, the `0`s come before the `#`s: `0.0#` writes 2.5 as `2.5`, 2 as "
          "`2.0` and 2.125 as `2.12`. A value with more places than the pattern is rounded "
          "HALF_EVEN (2.125 to 2.12, 2.135 to 2.14); round it with `round(x, places, mode)` first "
          "for another mode. A negative value starts with `-`, unless it rounds to zero. At most "
          "38 `0`s may stand before the point and 38 symbols after it. The pattern must be a "
          "string constant, checked at compile time, with no other text: write a currency sign "
          "or unit around the call. The separators are string constants of one code point each, "
          "and they must differ: `format_number(x, \"#,##0.00\", \",\", \".\")` writes "
          "`1.234.567,89`, and a no-break space (U+00A0) or `'` as the grouping separator "
          "groups as in French or Swiss usage.",
          R"(format_number(-1234.5, "#,##0.00") == "-1,234.50")",
          Lowering::RuntimeCall,
          "weft_format_number",
          Address(&weft_format_number)};
}

}  // namespace

std::vector<Builtin> RoundingBuiltins() {
  return {
      {BuiltinId::Round,
       Family::Number,
       "round",
       {{"x", Type::Decimal(1, 0)}, Integer("places"), Mode("HALF_UP")},
       Type::Decimal(1, 0),
       Typing::RoundToScale,
       true,
       "Rounds to the given number of decimal places by `mode`, exactly on the decimal digits. "
       "HALF_UP, the default, takes a tie away from zero (2.5 to 3, -2.5 to -3); HALF_EVEN takes "
       "it to the even neighbour (2.5 to 2, 0.125 to 0.12); HALF_DOWN takes it toward zero. UP "
       "rounds away from zero, DOWN toward zero, CEILING toward positive and FLOOR toward "
       "negative infinity. The places must be a constant from 0 to 38, and the mode a bare name "
       "or a string constant. More places than the value has add zeros. A quotient `a / b`, or a "
       "`let` name bound to one, is rounded once from its exact value when the places are at "
       "most its own. Rejects the record when the result does not fit 38 digits.",
       "round(0.125, 2, HALF_EVEN) == 0.12",
       Lowering::Operations,
       nullptr,
       nullptr},
      {BuiltinId::Floor,
       Family::Number,
       "floor",
       {Number("x")},
       Type::Decimal(1, 0),
       Typing::ToZeroPlaces,
       false,
       "Rounds a decimal toward negative infinity to no places: -2.5 becomes -3. An int is "
       "returned as it is.",
       "floor(-2.5) == -3",
       Lowering::Operations,
       nullptr,
       nullptr},
      {BuiltinId::Ceil,
       Family::Number,
       "ceil",
       {Number("x")},
       Type::Decimal(1, 0),
       Typing::ToZeroPlaces,
       false,
       "Rounds a decimal toward positive infinity to no places: 2.1 becomes 3 and -2.5 becomes "
       "-2. An int is returned as it is.",
       "ceil(2.1) == 3",
       Lowering::Operations,
       nullptr,
       nullptr},
      {BuiltinId::Abs,
       Family::Number,
       "abs",
       {Number("x")},
       Type::Decimal(1, 0),
       Typing::SameAsArgument,
       true,
       "Returns the value without its sign, with the type of the argument. Rejects the record "
       "for the int -9223372036854775808, whose absolute value is not an int.",
       "abs(-12.50) == 12.50",
       Lowering::Operations,
       nullptr,
       nullptr},
      {BuiltinId::Min,
       Family::Number,
       "min",
       {Number("a"), Number("b")},
       Type::Decimal(1, 0),
       Typing::Unified,
       true,
       "Returns the smaller of two ints or of two decimals. Decimals of different scales are "
       "compared exactly, and the result has the larger scale, as for `if`. Rejects the record "
       "when the value does not fit that type within 38 digits.",
       "min(2.50, 2.499) == 2.499",
       Lowering::Operations,
       nullptr,
       nullptr},
      {BuiltinId::Max,
       Family::Number,
       "max",
       {Number("a"), Number("b")},
       Type::Decimal(1, 0),
       Typing::Unified,
       true,
       "Returns the larger of two ints or of two decimals, typed as for `min`.",
       "max(-1, 0) == 0",
       Lowering::Operations,
       nullptr,
       nullptr},
  };
}

std::vector<Builtin> ConversionBuiltins() {
  return {
      {BuiltinId::ToDecimal,
       Family::Number,
       "decimal",
       {Integer("n")},
       Type::Decimal(1, 0),
       Typing::IntToDecimal,
       false,
       "Converts an integer to a decimal with no decimal places; exact for every 64-bit integer.",
       "decimal(42) * 0.5 == 21.0",
       Lowering::Operations,
       nullptr,
       nullptr},
      {BuiltinId::ToInt,
       Family::Number,
       "to_int",
       {Text("s")},
       Type::Int(),
       Typing::Fixed,
       true,
       "Reads an integer: an optional `+` or `-` and the digits 0 to 9, nothing else. White "
       "space, thousands separators and a decimal point are not accepted, so trim the text "
       "first. Rejects the record, naming the text, when it is not an integer or lies outside "
       "-9223372036854775808 to 9223372036854775807.",
       R"("-42".to_int() == -42)",
       Lowering::RuntimeCall,
       "weft_to_int",
       Address(&weft_to_int)},
      {BuiltinId::TryToInt,
       Family::Number,
       "try_to_int",
       {Text("s")},
       Type::Int().AsOptional(),
       Typing::Fixed,
       false,
       "Reads an integer as `to_int` does, but is absent where `to_int` rejects the record.",
       R"(("12a".try_to_int() ?? 0) == 0)",
       Lowering::RuntimeCall,
       "weft_try_to_int",
       Address(&weft_try_to_int)},
      {BuiltinId::StringToDecimal,
       Family::Number,
       "to_decimal",
       {Text("s"), Integer("precision"), Integer("scale")},
       Type::Decimal(1, 0),
       Typing::PrecisionAndScale,
       true,
       "Reads a JSON-style number (`-12.5`, `0.10`, `1e3`) as decimal(precision, scale). The "
       "precision must be a constant from 1 to 38 and the scale a constant from 0 to the "
       "precision. The text is never rounded: places beyond `scale` must be zeros. Rejects the "
       "record, naming the text, when it is not a number, has more places, or does not fit the "
       "precision. White space and thousands separators are not accepted.",
       R"("1234.50".to_decimal(10, 2) == 1234.5)",
       Lowering::RuntimeCall,
       "weft_to_decimal",
       Address(&weft_to_decimal)},
      {BuiltinId::TryStringToDecimal,
       Family::Number,
       "try_to_decimal",
       {Text("s"), Integer("precision"), Integer("scale")},
       Type::Decimal(1, 0).AsOptional(),
       Typing::PrecisionAndScale,
       false,
       "Reads a decimal as `to_decimal` does, but is absent where `to_decimal` rejects the record.",
       R"(("1.234".try_to_decimal(10, 2) ?? 0) == 0)",
       Lowering::RuntimeCall,
       "weft_try_to_decimal",
       Address(&weft_try_to_decimal)},
      {BuiltinId::ToFloat,
       Family::Number,
       "to_float",
       {Text("s")},
       Type::Float(),
       Typing::Fixed,
       true,
       "Reads a JSON-style number as the nearest 64-bit float; a leading `+` is accepted too. "
       "Rejects the record, naming the text, when it is not a number or is beyond the float "
       "range, and for `inf` and `nan`, which JSON cannot carry. Use `to_decimal` for money.",
       R"("2.5e3".to_float() == 2500.0)",
       Lowering::RuntimeCall,
       "weft_to_float",
       Address(&weft_to_float)},
      {BuiltinId::TryToFloat,
       Family::Number,
       "try_to_float",
       {Text("s")},
       Type::Float().AsOptional(),
       Typing::Fixed,
       false,
       "Reads a float as `to_float` does, but is absent where `to_float` rejects the record.",
       R"(("n/a".try_to_float() ?? 0.5) == 0.5)",
       Lowering::RuntimeCall,
       "weft_try_to_float",
       Address(&weft_try_to_float)},
      FormatNumberBuiltin(),
  };
}

std::vector<Builtin> MoneyBuiltins() {
  Parameter region = Text("region");
  region.default_argument = "";
  return {
      {BuiltinId::CurrencyCode,
       Family::Money,
       "currency_code",
       {Text("s"), region},
       Type::String(),
       Typing::Fixed,
       true,
       "Returns the ISO 4217 code for a code in any case (`usd`), a currency sign (`€`, `£`, "
       "`US$`, `R$`, `zł`) or an English name, singular or plural (`euro`, `US dollars`, `Pound "
       "Sterling`). Surrounding spaces are ignored. A sign or name that several currencies share, "
       "such as `$`, `¥`, `kr` or `dollar`, needs `region`: an ISO 3166 country code such as "
       "\"US\" or \"JP\", or the currency code itself. Rejects the record when the text is "
       "unknown, or ambiguous and `region` does not choose one of its currencies; the reason "
       "lists them. The codes are those of Debian's iso-codes 4.15.0.",
       R"("$".currency_code("CA") == "CAD")",
       Lowering::RuntimeCall,
       "weft_currency_code",
       Address(&weft_currency_code)},
      {BuiltinId::MinorUnits,
       Family::Money,
       "minor_units",
       {Text("code")},
       Type::Int(),
       Typing::Fixed,
       true,
       "Returns the decimal places of a currency's minor unit in ISO 4217: 2 for EUR, 0 for JPY, "
       "3 for KWD. The code may be in any case. Rejects the record for an unknown code and for "
       "the funds and metals that have no minor unit, such as XAU.",
       R"("jpy".minor_units() == 0)",
       Lowering::RuntimeCall,
       "weft_minor_units",
       Address(&weft_minor_units)},
      {BuiltinId::RoundMoney,
       Family::Money,
       "round_money",
       {{"amount", Type::Decimal(1, 0)}, Text("code"), Mode("HALF_EVEN")},
       Type::Decimal(schema::kMaxDecimalPrecision, schema::kAnyScale),
       Typing::Fixed,
       true,
       "Rounds an amount to the minor units of a currency by `mode`, HALF_EVEN (banker's "
       "rounding) by default, as `round` does. The result is a `decimal` whose places are those "
       "of the currency, known only when the record is mapped. A quotient such as "
       "`round_money(a / b, code)` is rounded once, from its exact value, as docs/language.md "
       "explains. Rejects the record for a code that `minor_units` rejects, and when the result "
       "does not fit 38 digits.",
       R"(round_money(2.345, "EUR") == 2.34)",
       Lowering::RuntimeCall,
       "weft_round_money",
       Address(&weft_round_money)},
  };
}

}  // namespace weft::stdlib::internal
