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
column before any record is read. A parameter written with `= default` may be left out.

Functions that read numbers from text reject the record when the text is not such a number. Each
has a `try_` form that returns an absent value instead, for a default with `??`:
`try_to_int(s) ?? 0`.

Dates, times and date-times are ISO 8601 text (`2026-03-20`, `13:30:00`, `2026-03-20T13:30:00Z`
or with an offset such as `+01:00`), and a string literal given for such a parameter is checked
as one at compile time. The date functions count days in the proleptic Gregorian calendar with
Howard Hinnant's date library, and reject the record when a result falls outside the years 0000
to 9999, which four-digit years cannot write. Time zones come from the system's IANA zone
database.
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
    for (const Builtin& builtin : Builtins()) {
      if (builtin.family == family) RenderBuiltin(builtin, out);
    }
  }
  return out;
}

}  // namespace weft::stdlib
