// The entries of the date family whose calls take a pattern, in the table of builtins.
#include "stdlib/builtin_families.h"
#include "stdlib/date_functions.h"

namespace weft::stdlib::internal {

using schema::Type;

namespace {

Parameter Year() { return {"year", Type::Int(), Argument::PatternYear, {}, false, ""}; }

// The zone of a local time, which a call leaves out when its pattern reads the offset instead.
Parameter Zone() { return {"zone", Type::String(), Argument::TimeZone, {}, false, ""}; }

// Returns the parameters of parse_date and try_parse_date.
std::vector<Parameter> DateParameters() {
  return {Text("s"), Text("pattern", Argument::DatePattern), Year()};
}

// Returns the parameters of parse_datetime and try_parse_datetime.
std::vector<Parameter> DateTimeParameters() {
  return {Text("s"),   Text("pattern", Argument::DateTimePattern),
          Zone(),      OverlapPolicy(),
          GapPolicy(), Year()};
}

}  // namespace

std::vector<Builtin> DatePatternBuiltins() {
  return {
      {BuiltinId::ParseDate,
       Family::Date,
       "parse_date",
       DateParameters(),
       Type::Date(),
       Typing::Fixed,
       true,
       "Reads a date written as `pattern` describes, such as \"dd.MM.yyyy\" for 20.03.2026, in "
       "the pattern language described at the start of this section. The pattern must contain "
       "the month and the day. When it writes the year with two digits, `yy`, the call must give "
       "`year` as an int constant, the pivot. Two-digit years map into the hundred years from the "
       "pivot to the pivot plus 99, so with 1970 the years 70 to 99 are 1970 to 1999 and 00 to 69 "
       "are 2000 to 2069. When the pattern writes no year, the call must give `year` as the year "
       "of the date, which may come from a field. A pattern with `yyyy` takes no `year`. Text "
       "that does not match the pattern, a day that does not exist such as 29.02.2023, and a "
       "year argument outside 0000 to 9999 reject the record with the text and the pattern in "
       "the reason.",
       R"("29.02.24".parse_date("dd.MM.yy", 1970) == "2024-02-29")",
       Lowering::RuntimeCall,
       "weft_parse_date",
       Address(&weft_parse_date)},
      {BuiltinId::ParseDateTime,
       Family::Date,
       "parse_datetime",
       DateTimeParameters(),
       Type::DateTime(),
       Typing::Fixed,
       true,
       "Reads a date-time written as `pattern` describes, in the pattern language described at "
       "the start of this section. Without an offset field, as in \"dd.MM.yyyy HH:mm\", the text "
       "is a local time. It is read as the wall-clock time of the IANA time zone `zone` and "
       "returned with the zone's offset, as `from_local` does, under the same `overlap` and `gap` "
       "policies. With an offset field, as in \"yyyyMMddHHmmssxx\", the text names the instant "
       "itself, and the result keeps its offset. Such a call leaves out the zone and the "
       "policies, because they would have no effect, and the checker reports any that it gives. "
       "The pattern must contain the month, the day and the hour. Minutes and seconds that it "
       "lacks are 0, and a fraction of a second that it reads is kept as written. `year` follows "
       "the rules of `parse_date`, and a call that gives it must give the zone and both policies "
       "before it, as \"\" and REJECT when the pattern reads an offset. Text that does not match "
       "the pattern, a day, time or offset that does not exist, and a local time that the "
       "policies reject, reject the record with the text in the reason.",
       R"("20260320130509.250+0100".parse_datetime("yyyyMMddHHmmss.SSSxx") == "2026-03-20T13:05:09.250+01:00")",
       Lowering::RuntimeCall,
       "weft_parse_datetime",
       Address(&weft_parse_datetime)},
      {BuiltinId::TryParseDate,
       Family::Date,
       "try_parse_date",
       DateParameters(),
       Type::Date().AsOptional(),
       Typing::Fixed,
       false,
       "Reads a date as `parse_date` does, with the same pattern and `year`, but is absent where "
       "`parse_date` rejects the record, so that `??` can supply another value.",
       R"(("31.02.2026".try_parse_date("dd.MM.yyyy") ?? "1970-01-01") == "1970-01-01")",
       Lowering::RuntimeCall,
       "weft_try_parse_date",
       Address(&weft_try_parse_date)},
      {BuiltinId::TryParseDateTime,
       Family::Date,
       "try_parse_datetime",
       DateTimeParameters(),
       Type::DateTime().AsOptional(),
       Typing::Fixed,
       false,
       "Reads a date-time as `parse_datetime` does, with the same arguments, but is absent "
       "where `parse_datetime` rejects the record: text that does not match, and a local time "
       "in a gap or an overlap that the policies reject.",
       R"(("29.03.2026 02:30".try_parse_datetime("dd.MM.yyyy HH:mm", "Europe/Berlin") ?? "1970-01-01T00:00:00Z") == "1970-01-01T00:00:00Z")",
       Lowering::RuntimeCall,
       "weft_try_parse_datetime",
       Address(&weft_try_parse_datetime)},
      {BuiltinId::FormatDate,
       Family::Date,
       "format_date",
       {{"d", Type::Date()}, Text("pattern", Argument::DatePattern)},
       Type::String(),
       Typing::Fixed,
       true,
       "Writes a date as `pattern` describes, in the pattern language described at the start of "
       "this section. `yy` writes the last two digits of the year, `M` and `d` write no leading "
       "zero, and `MMM` writes the English abbreviation, Jan to Dec, whatever the locale. The "
       "pattern may leave out any field, as \"MMM yyyy\" does, but must not contain time "
       "fields.",
       R"("2024-02-29".format_date("d MMM yy") == "29 Feb 24")",
       Lowering::RuntimeCall,
       "weft_format_date",
       Address(&weft_format_date)},
      {BuiltinId::FormatDateTime,
       Family::Date,
       "format_datetime",
       {{"dt", Type::DateTime()}, Text("pattern", Argument::DateTimePattern)},
       Type::String(),
       Typing::Fixed,
       true,
       "Writes the date and time of a date-time as `pattern` describes, as they are written in "
       "the date-time's own offset. `S` to `SSSSSSSSS` write the first 1 to 9 digits of the "
       "fraction of a second, padded with zeros. Further digits are cut off, not rounded, so the "
       "second never changes. The offset fields write the date-time's own offset: `XXX` as "
       "+01:00, `XX` as +0100 and `X` as +01, and each writes Z for a zero offset. `xxx`, `xx` "
       "and `x` write the same forms, and +00:00, +0000 or +00 for zero. `X` and `x` add the "
       "minutes where they are not 0, as in +0530. A pattern without these fields writes neither "
       "the fraction nor the offset. Call `to_zone` or `to_utc` first for the time in a chosen "
       "zone: `dt.to_zone(\"Europe/Berlin\").format_datetime(\"dd.MM.yyyy HH:mm\")`.",
       R"("2026-03-20T13:05:09.25+01:00".format_datetime("dd.MM.yyyy HH:mm:ss.SSS xx") == "20.03.2026 13:05:09.250 +0100")",
       Lowering::RuntimeCall,
       "weft_format_datetime",
       Address(&weft_format_datetime)},
  };
}

}  // namespace weft::stdlib::internal
