#include "stdlib/reference.h"

#include <fmt/format.h>

#include "stdlib/builtins.h"

namespace weft::stdlib {
namespace {

constexpr std::string_view kIntroduction = R"(# Standard library

<!-- Written by `make stdlib-doc` from the table in stdlib/builtins.cc; edit the table, not
this file. A unit test fails when the two differ. -->

Every builtin can be called as a function or as a method of its first argument: `trim(Name)`
and `Name.trim()` are the same call. `Owner?.trim()` calls the function only when `Owner` is
present, and is absent otherwise. Arguments must be present; give a default with `??` first.

Strings are UTF-8, and every length and offset counts code points: not bytes, and not what a
reader sees as one character. A letter with a combining accent (e followed by U+0301) is two
code points, an emoji such as 😀 is one, and a flag is two. Input is valid UTF-8 by the time a function sees it, and JSON
escapes, surrogate pairs such as `\uD83D\uDE00` included, are decoded to the code points they
stand for. Case mapping and normalization use the Unicode data of libutf8proc. No function
applies locale rules: the Turkish dotted and dotless i, for one, are out of scope.

A parameter written as `constant` takes a literal without interpolation, and one written as a
list of choices takes one of them, as a string literal or as a bare name (`round(x, 2,
HALF_EVEN)`). The checker validates these, so that a mistake in one is reported with its line and
column before any record is read. A parameter written with `= default` may be left out. A
parameter in brackets is needed or not allowed depending on another argument, as its description
says.

Functions that read numbers from text reject the record when the text is not such a number. Each
has a `try_` form that returns an absent value instead, for a default with `??`:
`try_to_int(s) ?? 0`.
)";

// The introduction of the date family: the text forms, the pattern language and the policies for
// local times that daylight saving time skips or repeats.
constexpr std::string_view kDateIntroduction = R"(
Dates, times and date-times are ISO 8601 text (`2026-03-20`, `13:30:00`, `2026-03-20T13:30:00Z`
or with an offset such as `+01:00`), and a string literal given for such a parameter is checked
as one at compile time. The date functions count days in the proleptic Gregorian calendar with
Howard Hinnant's date library, and reject the record when a result falls outside the years 0000
to 9999, which four-digit years cannot write. Time zones come from the system's IANA zone
database.

### Patterns

`parse_date`, `parse_datetime`, `format_date` and `format_datetime` take a pattern, a string
constant that the checker validates. It is literal text with these fields:

| field | reads and writes |
| --- | --- |
| `yyyy` | the year, four digits |
| `yy` | the year, two digits; reading needs a pivot year |
| `MMM` | the month as an English abbreviation, `Jan` to `Dec`; reading ignores case |
| `MM` | the month, two digits |
| `M` | the month, one or two digits; writing adds no leading zero |
| `dd` | the day of the month, two digits |
| `d` | the day of the month, one or two digits; writing adds no leading zero |
| `HH` | the hour from 00 to 23, two digits |
| `mm` | the minute, two digits |
| `ss` | the second from 00 to 59, two digits |
| `S` to `SSSSSSSSS` | the fraction of a second, 1 to 9 digits, after `ss` |
| `XXX` | the offset as `+01:00`, or `Z` for zero |
| `XX` | the offset as `+0100`, or `Z` for zero |
| `X` | the offset as `+01`, or `+0530` where the minutes are not 0, or `Z` for zero |
| `xxx` | the offset as `+01:00`, and `+00:00` for zero |
| `xx` | the offset as `+0100`, and `+0000` for zero |
| `x` | the offset as `+01`, or `+0530` where the minutes are not 0, and `+00` for zero |

Other ASCII letters are reserved, so a literal letter is quoted: `"yyyy-MM-dd'T'HH:mm"`, and `''`
writes one quote. Every other character is literal. Each part of the date or time appears once.
A pattern for reading needs the month and the day, and for a date-time the hour, and `M` or `d`
must not be followed directly by a digit, which they could take as their own. A pattern for a
date has no time fields.

The fraction of a second and the offset belong to date-time patterns, and the fraction comes
after `ss`, as in `"HH:mm:ss.SSS"`. Writing takes as many digits of the fraction as the pattern
has and pads them with zeros, so `SSS` writes `.25` as `250` and `.9999` as `999`. It cuts off
instead of rounding, so the second never changes. Reading takes exactly as many digits as the
pattern has, and keeps them in the result as written. An offset is a sign, hours from 00 to 23 and minutes from 00 to 59, and
the fields read only their own form: `XX` reads `+0100` and `Z` but not `+01:00`, and `xxx` does
not read `Z`. `X` and `x` read the minutes when two digits follow the hours, so no digit may
follow them directly. Reading takes `z` for `Z` too. RFC 3339 writes `-00:00` for a UTC time
whose local offset is unknown, and RFC 9557 reads `Z` the same way, so `parse_datetime` returns
both with `Z` and `+00:00` with `+00:00`. Writing never produces `-00:00`.

A date-time pattern with an offset reads the instant from the text, so `parse_datetime` takes no
zone and no policies for it: `"20260320130509+0100".parse_datetime("yyyyMMddHHmmssxx")` is
`2026-03-20T13:05:09+01:00`. The checker reports a zone or a policy that such a call gives,
unless the call writes them as `""` and `REJECT` to give a year after them. A pattern without
an offset needs the zone.

The year of a pattern for reading must be certain. A pattern with `yy` needs the pivot year, an
int constant from 0 to 9900: two-digit years map into the hundred years from the pivot to the
pivot plus 99. A pattern without a year needs the year of the date, which may be any int, such
as a field. Leaving either out is an error at compile time, and so is giving a year for a
pattern with `yyyy`.

### Local times, gaps and overlaps

`from_local`, and `parse_datetime` with a pattern without an offset, read a local date-time as
the wall-clock time of an IANA zone.
Where the zone sets its clocks forward, the local times of the gap never occur: Europe/Berlin
skips from 02:00 to 03:00 on 2026-03-29, and America/New_York on 2026-03-08. Where it sets them
back, the local times of the overlap occur twice: 02:00 to 02:59 in Berlin on 2026-10-25, at
+02:00 and again at +01:00, and 01:00 to 01:59 in New York on 2026-11-01. Two policies decide
them:

| policy | choice | a local time in the overlap or gap |
| --- | --- | --- |
| `overlap` | `REJECT` (default) | rejects the record, naming the value and the zone |
| | `EARLIER` | is the first of the two instants, with the offset before the change |
| | `LATER` | is the second of the two instants, with the offset after the change |
| `gap` | `REJECT` (default) | rejects the record, naming the value and the zone |
| | `SHIFT_FORWARD` | moves forward by the length of the gap, which reads it with the offset before the gap, as RFC 5545 (section 3.3.5) does: 02:30 in Berlin becomes 03:30+02:00 |

Both are written after the zone, such as `from_local(s, "Europe/Berlin", EARLIER,
SHIFT_FORWARD)`. The result always carries the offset in force at its instant.
)";

std::string_view TitleOf(Family family) {
  switch (family) {
    case Family::Text:
      return "Text";
    case Family::Regex:
      return "Regular expressions";
    case Family::List:
      return "Lists";
    case Family::Number:
      return "Numbers";
    case Family::Money:
      return "Money";
    case Family::Date:
      return "Dates and times";
    case Family::Id:
      return "Ids and privacy";
  }
  return "";
}

void RenderBuiltin(const Builtin& builtin, std::string& out) {
  out += fmt::format("\n### {}\n\n", builtin.name);
  out += fmt::format("```\n{}\n```\n\n", Signature(builtin));
  out += fmt::format("{}\n\n", builtin.summary);
  out += fmt::format("Example: `{}`\n", builtin.example);
}

}  // namespace

std::string RenderReference() {
  std::string out(kIntroduction);
  for (Family family : {Family::Text, Family::Regex, Family::List, Family::Number, Family::Money,
                        Family::Date, Family::Id}) {
    out += fmt::format("\n## {}\n", TitleOf(family));
    if (family == Family::Date) out += kDateIntroduction;
    for (const Builtin& builtin : Builtins()) {
      if (builtin.family == family) RenderBuiltin(builtin, out);
    }
  }
  return out;
}

}  // namespace weft::stdlib
