// The entries of the date family in the table of builtins.
#include "stdlib/builtin_families.h"
#include "stdlib/date_functions.h"

namespace weft::stdlib::internal {

using schema::Type;

namespace {

Parameter Date(std::string_view name) { return {name, Type::Date()}; }

Parameter DateTime(std::string_view name) { return {name, Type::DateTime()}; }

}  // namespace

Parameter OverlapPolicy() {
  return {"overlap", Type::String(), Argument::Choice, {"REJECT", "EARLIER", "LATER"}, false,
          "REJECT"};
}

Parameter GapPolicy() {
  return {"gap", Type::String(), Argument::Choice, {"REJECT", "SHIFT_FORWARD"}, false, "REJECT"};
}

std::vector<Builtin> DateBuiltins() {
  return {
      {BuiltinId::ToUtc,
       Family::Date,
       "to_utc",
       {DateTime("dt")},
       Type::DateTime(),
       Typing::Fixed,
       true,
       "Converts a date-time to the same instant in UTC, written with `Z`. The fraction of a "
       "second is kept as written. A leap second, `:60`, counts as the first second of the next "
       "minute. A result outside the years 0000 to 9999 rejects the record.",
       R"("2026-03-20T13:00:00+05:00".to_utc() == "2026-03-20T08:00:00Z")",
       Lowering::RuntimeCall,
       "weft_to_utc",
       Address(&weft_to_utc)},
      {BuiltinId::FromEpochMillis,
       Family::Date,
       "from_epoch_millis",
       {Integer("n")},
       Type::DateTime(),
       Typing::Fixed,
       true,
       "Converts milliseconds since 1970-01-01T00:00:00Z, as Unix time counts them without leap "
       "seconds, to a UTC date-time. Milliseconds other than 0 appear as a fraction such as "
       "`.250`. A negative count lies before 1970. A result outside the years 0000 to 9999 "
       "rejects the record.",
       R"(from_epoch_millis(1700000000000) == "2023-11-14T22:13:20Z")",
       Lowering::RuntimeCall,
       "weft_from_epoch_millis",
       Address(&weft_from_epoch_millis)},
      {BuiltinId::FromEpochSeconds,
       Family::Date,
       "from_epoch_seconds",
       {Integer("n")},
       Type::DateTime(),
       Typing::Fixed,
       true,
       "Converts seconds since 1970-01-01T00:00:00Z, as Unix time counts them without leap "
       "seconds, to a UTC date-time. A negative count lies before 1970. A result outside the "
       "years 0000 to 9999 rejects the record.",
       R"(from_epoch_seconds(1700000000) == "2023-11-14T22:13:20Z")",
       Lowering::RuntimeCall,
       "weft_from_epoch_seconds",
       Address(&weft_from_epoch_seconds)},
      {BuiltinId::FromExcelSerial,
       Family::Date,
       "from_excel_serial",
       {Integer("n"),
        {"system", Type::String(), Argument::Choice, {"1900", "1904"}, false, "1900"}},
       Type::Date(),
       Typing::Fixed,
       true,
       "Converts the day number of an Excel date cell to a date. In the 1900 system, Excel's "
       "default, 1 is 1900-01-01. Excel counts 1900 as a leap year, as Lotus 1-2-3 did, so 60 "
       "is the day 1900-02-29 that never was, and rejects the record; 59 is 1900-02-28 and 61 is "
       "1900-03-01, and from 61 on the dates agree with Excel's. In the 1904 system, which older "
       "Mac workbooks use, 0 is 1904-01-01. Numbers below the first day and results after "
       "9999-12-31 reject the record. A time of day, the fraction of a serial, must be cut off "
       "before the call, which takes an int.",
       R"(from_excel_serial(45000) == "2023-03-15")",
       Lowering::RuntimeCall,
       "weft_from_excel_serial",
       Address(&weft_from_excel_serial)},
      {BuiltinId::ParseSapDate,
       Family::Date,
       "parse_sap_date",
       {Text("s")},
       Type::Date(),
       Typing::Fixed,
       true,
       "Reads a date in SAP's DATS format, the 8 digits YYYYMMDD. Text of another length or "
       "with other characters, a day that does not exist such as `20230230`, and SAP's initial "
       "value `00000000`, which stands for no date, reject the record with the value in the "
       "reason. Where `00000000` means absent, test for it before the call.",
       R"("20260320".parse_sap_date() == "2026-03-20")",
       Lowering::RuntimeCall,
       "weft_parse_sap_date",
       Address(&weft_parse_sap_date)},
      {BuiltinId::ParseODataDate,
       Family::Date,
       "parse_odata_date",
       {Text("s")},
       Type::DateTime(),
       Typing::Fixed,
       true,
       "Reads a date-time in the JSON form of .NET's serializers and OData version 2 services: "
       "`/Date(ms)/` or `/Date(ms+hhmm)/`. `ms` counts milliseconds since "
       "1970-01-01T00:00:00Z, negative before it, and `+hhmm` or `-hhmm` is the UTC offset of "
       "the local time that the value was taken in. The milliseconds alone fix the instant, and "
       "the offset only chooses how the result writes it. Without an offset the result is in UTC, "
       "written with `Z`. With one, it is the same instant in that offset, so "
       "`/Date(1700000000000+0100)/` is 2023-11-14T23:13:20+01:00, and `to_utc` gives back "
       "2023-11-14T22:13:20Z. JSON input may escape the slashes as `\\/`, which the reader "
       "decodes before the call. Other text, an offset that is not four digits hhmm with hours "
       "up to 23 and minutes up to 59, and results outside the years 0000 to 9999 reject the "
       "record with the value in the reason.",
       R"("/Date(1700000000000+0100)/".parse_odata_date() == "2023-11-14T23:13:20+01:00")",
       Lowering::RuntimeCall,
       "weft_parse_odata_date",
       Address(&weft_parse_odata_date)},
      {BuiltinId::TryParseODataDate,
       Family::Date,
       "try_parse_odata_date",
       {Text("s")},
       Type::DateTime().AsOptional(),
       Typing::Fixed,
       false,
       "Reads an OData date as `parse_odata_date` does, but is absent where `parse_odata_date` "
       "rejects the record.",
       R"(("/Date(x)/".try_parse_odata_date() ?? from_epoch_seconds(0)) == "1970-01-01T00:00:00Z")",
       Lowering::RuntimeCall,
       "weft_try_parse_odata_date",
       Address(&weft_try_parse_odata_date)},
      {BuiltinId::DateOf,
       Family::Date,
       "date_of",
       {DateTime("dt")},
       Type::Date(),
       Typing::Fixed,
       false,
       "Returns the date part of a date-time as written, which is the date in the date-time's "
       "own offset. Call `to_utc` first for the date in UTC: `dt.to_utc().date_of()`.",
       R"("2026-03-20T23:30:00-05:00".date_of() == "2026-03-20")",
       Lowering::RuntimeCall,
       "weft_date_of",
       Address(&weft_date_of)},
      {BuiltinId::AddDays,
       Family::Date,
       "add_days",
       {Date("d"), Integer("n")},
       Type::Date(),
       Typing::Fixed,
       true,
       "Adds `n` days, which may be negative. A result outside the years 0000 to 9999 rejects "
       "the record.",
       R"("2024-02-28".add_days(1) == "2024-02-29")",
       Lowering::RuntimeCall,
       "weft_add_days",
       Address(&weft_add_days)},
      {BuiltinId::AddMonths,
       Family::Date,
       "add_months",
       {Date("d"), Integer("n")},
       Type::Date(),
       Typing::Fixed,
       true,
       "Adds `n` calendar months, which may be negative, and keeps the day of the month. A day "
       "that the new month lacks becomes its last day, so 2024-01-31 plus 1 month is 2024-02-29 "
       "and 2024-03-31 minus 1 month is 2024-02-29 too; adding months and then subtracting them "
       "need not give the date back. A result outside the years 0000 to 9999 rejects the "
       "record.",
       R"("2024-01-31".add_months(1) == "2024-02-29")",
       Lowering::RuntimeCall,
       "weft_add_months",
       Address(&weft_add_months)},
      {BuiltinId::DaysBetween,
       Family::Date,
       "days_between",
       {Date("a"), Date("b")},
       Type::Int(),
       Typing::Fixed,
       false,
       "Counts the days from `a` to `b`: positive when `b` is later, negative when it is "
       "earlier, and 0 for the same day.",
       R"("2024-02-01".days_between("2024-03-01") == 29)",
       Lowering::RuntimeCall,
       "weft_days_between",
       Address(&weft_days_between)},
      {BuiltinId::StartOfMonth,
       Family::Date,
       "start_of_month",
       {Date("d")},
       Type::Date(),
       Typing::Fixed,
       false,
       "Returns the first day of the date's month.",
       R"("2026-03-20".start_of_month() == "2026-03-01")",
       Lowering::RuntimeCall,
       "weft_start_of_month",
       Address(&weft_start_of_month)},
      {BuiltinId::Weekday,
       Family::Date,
       "weekday",
       {Date("d")},
       Type::String(),
       Typing::Fixed,
       false,
       "Returns the day of the week as its English name with a capital first letter: "
       "\"Monday\", \"Tuesday\", \"Wednesday\", \"Thursday\", \"Friday\", \"Saturday\" or "
       "\"Sunday\". No locale changes the names.",
       R"("2026-03-20".weekday() == "Friday")",
       Lowering::RuntimeCall,
       "weft_weekday",
       Address(&weft_weekday)},
      {BuiltinId::ToZone,
       Family::Date,
       "to_zone",
       {DateTime("dt"), Text("zone", Argument::TimeZone)},
       Type::DateTime(),
       Typing::Fixed,
       true,
       "Converts a date-time to the local time of an IANA time zone at the same instant, written "
       "with the offset that the zone has at that instant. `zone` must be a string constant such "
       "as \"Europe/Berlin\", which is checked at compile time against the system's zone "
       "database (Debian's tzdata). A date-time with an offset names one instant, so daylight "
       "saving time needs no guessing. A local time that a gap skips never results. The two "
       "local times that an overlap repeats differ in their offsets, such as "
       "2026-11-01T01:30:00-04:00 and 2026-11-01T01:30:00-05:00 in America/New_York. Offsets "
       "with seconds, which zones had as local mean time before standard time, and results "
       "outside the years 0000 to 9999 reject the record.",
       R"("2026-03-29T01:00:00Z".to_zone("Europe/Berlin") == "2026-03-29T03:00:00+02:00")",
       Lowering::RuntimeCall,
       "weft_to_zone",
       Address(&weft_to_zone)},
      {BuiltinId::FromLocal,
       Family::Date,
       "from_local",
       {Text("s"), Text("zone", Argument::TimeZone), OverlapPolicy(), GapPolicy()},
       Type::DateTime(),
       Typing::Fixed,
       true,
       "Reads a local date-time without an offset, `YYYY-MM-DDThh:mm:ss` with an optional "
       "fraction of a second, as the wall-clock time of an IANA time zone, and returns it with "
       "the zone's offset at that time, such as 2026-07-01T12:00:00+02:00 in Europe/Berlin. "
       "`zone` is a string constant checked at compile time, as for `to_zone`. A local time "
       "that the zone skips or repeats follows the `overlap` and `gap` policies described at the "
       "start of this section, and by default rejects the record. Text with an offset names an "
       "instant already and rejects the record, because `to_zone` converts it. Offsets with "
       "seconds and results outside the years 0000 to 9999 reject the record too.",
       R"(from_local("2026-03-29T02:30:00", "Europe/Berlin", REJECT, SHIFT_FORWARD) == "2026-03-29T03:30:00+02:00")",
       Lowering::RuntimeCall,
       "weft_from_local",
       Address(&weft_from_local)},
  };
}

}  // namespace weft::stdlib::internal
