#include "stdlib/date_patterns.h"

#include <fmt/format.h>

#include <array>
#include <memory>
#include <vector>

#include "stdlib/date_internal.h"
#include "stdlib/date_pattern_fields.h"
#include "stdlib/numbers.h"

namespace weft::dates {

using namespace internal;

namespace {

struct FieldSpelling {
  std::string_view letters;
  PatternField field;
};

constexpr std::array<FieldSpelling, 10> kFields = {{
    {"yyyy", PatternField::kYear4},
    {"yy", PatternField::kYear2},
    {"MMM", PatternField::kMonthName},
    {"MM", PatternField::kMonth2},
    {"M", PatternField::kMonth1},
    {"dd", PatternField::kDay2},
    {"d", PatternField::kDay1},
    {"HH", PatternField::kHour},
    {"mm", PatternField::kMinute},
    {"ss", PatternField::kSecond},
}};

// The English abbreviations that `MMM` reads and writes.
constexpr std::array<std::string_view, 12> kMonthNames = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// The part of a date or time that a field holds.
std::string_view PartOf(PatternField field) {
  switch (field) {
    case PatternField::kYear4:
    case PatternField::kYear2:
      return "year";
    case PatternField::kMonthName:
    case PatternField::kMonth2:
    case PatternField::kMonth1:
      return "month";
    case PatternField::kDay2:
    case PatternField::kDay1:
      return "day";
    case PatternField::kHour:
      return "hour";
    case PatternField::kMinute:
      return "minute";
    case PatternField::kSecond:
      return "second";
    case PatternField::kFraction:
      return "fraction of a second";
    case PatternField::kOffset:
      return "offset";
  }
  return "";
}

bool IsTimeField(PatternField field) {
  return field == PatternField::kHour || field == PatternField::kMinute ||
         field == PatternField::kSecond || field == PatternField::kFraction;
}

// True for a field that reads a varying number of digits. M and d read one or two, and the
// offsets X and x read the minutes only when two more digits follow the hours.
bool IsVariableWidth(const PatternPart& part) {
  bool hours_only_offset = part.field == PatternField::kOffset && part.letters.size() == 1;
  return part.field == PatternField::kMonth1 || part.field == PatternField::kDay1 ||
         hours_only_offset;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

void AddLiteral(DatePattern& pattern, std::string_view text) {
  if (pattern.parts.empty() || pattern.parts.back().field) pattern.parts.push_back({});
  pattern.parts.back().literal += text;
}

// Reads the quoted literal that starts at the quote text[start], where '' stands for one quote.
// Returns the index after the closing quote, or npos when the quote is not closed.
size_t ReadQuoted(std::string_view text, size_t start, std::string& literal) {
  if (start + 1 < text.size() && text[start + 1] == '\'') {
    literal = "'";
    return start + 2;
  }
  size_t at = start + 1;
  while (at < text.size()) {
    if (text[at] != '\'') {
      literal += text[at++];
    } else if (at + 1 < text.size() && text[at + 1] == '\'') {
      literal += '\'';
      at += 2;
    } else {
      return at + 1;
    }
  }
  return std::string_view::npos;
}

// Returns the field that a run of one letter stands for, or nothing after writing the reason.
std::optional<PatternField> FieldOf(std::string_view letters, PatternUse use, std::string& reason) {
  if (letters[0] == 'S') {
    if (letters.size() <= kMaxFractionDigits) return PatternField::kFraction;
    reason = fmt::format(
        "`{}` is not a field of a date pattern, because the fraction of a second has 1 to {} "
        "digits, S to SSSSSSSSS",
        letters, kMaxFractionDigits);
    return std::nullopt;
  }
  if (letters[0] == 'X' || letters[0] == 'x') {
    if (letters.size() <= 3) return PatternField::kOffset;
    reason = fmt::format(
        "`{}` is not a field of a date pattern, because the offset fields are X, XX, XXX, x, xx "
        "and xxx",
        letters);
    return std::nullopt;
  }
  for (const FieldSpelling& spelling : kFields) {
    if (spelling.letters == letters) return spelling.field;
  }

  // Java and ICU write offsets and zone names with Z and z, so point to the fields that Weft has.
  reason = fmt::format("`{}` is not a field of a date pattern", letters);
  bool date_time = use == PatternUse::kParseDateTime || use == PatternUse::kFormatDateTime;
  if (date_time && (letters[0] == 'Z' || letters[0] == 'z')) {
    reason += ", so write the offset as X, XX, XXX, x, xx or xxx";
  }
  return std::nullopt;
}

std::string AddField(DatePattern& pattern, std::string_view letters, PatternUse use) {
  std::string reason;
  std::optional<PatternField> field = FieldOf(letters, use, reason);
  if (!field) return reason;

  bool date_only = use == PatternUse::kParseDate || use == PatternUse::kFormatDate;
  if (date_only && IsTimeField(*field)) {
    return fmt::format("`{}` is a time field, which a pattern for a date cannot contain", letters);
  }
  if (date_only && *field == PatternField::kOffset) {
    return fmt::format("`{}` is an offset field, which a pattern for a date cannot contain",
                       letters);
  }
  for (const PatternPart& part : pattern.parts) {
    if (part.field && PartOf(*part.field) == PartOf(*field)) {
      return fmt::format("the pattern contains the {} twice, as `{}` and `{}`", PartOf(*field),
                         part.letters, letters);
    }
  }
  // The parts before this field are parsed already, so the seconds must be among them.
  if (*field == PatternField::kFraction && !pattern.Has(PatternField::kSecond)) {
    return fmt::format("`{}` is the fraction of a second, so the seconds `ss` must come before it",
                       letters);
  }
  pattern.parts.push_back({*field, "", std::string(letters)});
  return "";
}

std::string_view WidthOf(const PatternPart& part) {
  if (part.field == PatternField::kYear4) return "four digits";
  if (part.field == PatternField::kOffset) return "two or four digits";
  return IsVariableWidth(part) ? "one or two digits" : "two digits";
}

// Checks what a pattern for reading must contain, and that a field of varying width is not
// followed directly by a digit that it could take.
std::string CheckReadable(const DatePattern& pattern, PatternUse use) {
  if (!pattern.Has(PatternField::kMonthName) && !pattern.Has(PatternField::kMonth2) &&
      !pattern.Has(PatternField::kMonth1)) {
    return "a pattern for reading needs the month: MM, M or MMM";
  }
  if (!pattern.Has(PatternField::kDay2) && !pattern.Has(PatternField::kDay1)) {
    return "a pattern for reading needs the day: dd or d";
  }
  if (use == PatternUse::kParseDateTime && !pattern.Has(PatternField::kHour)) {
    return "a pattern for reading a date-time needs the hour: HH";
  }
  for (size_t i = 0; i + 1 < pattern.parts.size(); ++i) {
    const PatternPart& part = pattern.parts[i];
    const PatternPart& next = pattern.parts[i + 1];
    if (!part.field || !IsVariableWidth(part)) continue;
    // A month name starts with a letter, and an offset with a sign or Z.
    bool digit_follows =
        next.field ? *next.field != PatternField::kMonthName && *next.field != PatternField::kOffset
                   : !next.literal.empty() && IsDigit(next.literal[0]);
    if (!digit_follows) continue;
    return fmt::format("`{}` has {}, so a digit must not follow it directly, as `{}` does",
                       part.letters, WidthOf(part),
                       next.field ? next.letters : next.literal.substr(0, 1));
  }
  return "";
}

// The values that a text contains for a pattern's fields. A field that the pattern lacks stays 0.
struct FieldValues {
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  // The fraction of a second as ".250", or "" when the pattern has no fraction field.
  std::string fraction;
  // The offset, when the pattern has an offset field.
  std::optional<TextOffset> offset;
};

void Store(FieldValues& values, PatternField field, int value) {
  switch (field) {
    case PatternField::kYear4:
    case PatternField::kYear2:
      values.year = value;
      break;
    case PatternField::kMonthName:
    case PatternField::kMonth2:
    case PatternField::kMonth1:
      values.month = value;
      break;
    case PatternField::kDay2:
    case PatternField::kDay1:
      values.day = value;
      break;
    case PatternField::kHour:
      values.hour = value;
      break;
    case PatternField::kMinute:
      values.minute = value;
      break;
    case PatternField::kSecond:
      values.second = value;
      break;
    case PatternField::kFraction:
    case PatternField::kOffset:
      // ReadField stores these with ReadFraction and ReadOffset.
      break;
  }
}

// Reads a month name at text[at], in any case. Returns 1 to 12, or 0 when none is there.
int ReadMonthName(std::string_view text, size_t at) {
  if (at + 3 > text.size()) return 0;
  for (size_t month = 0; month < kMonthNames.size(); ++month) {
    bool same = true;
    for (size_t i = 0; i < 3; ++i) {
      same = same && (text[at + i] | 0x20) == (kMonthNames[month][i] | 0x20);
    }
    if (same) return static_cast<int>(month) + 1;
  }
  return 0;
}

// Reads a field of one to four digits at text[at], and moves `at` past it.
std::string ReadNumber(std::string_view text, size_t& at, const PatternPart& part,
                       FieldValues& values) {
  size_t max_digits = *part.field == PatternField::kYear4 ? 4 : 2;
  size_t min_digits = IsVariableWidth(part) ? 1 : max_digits;
  size_t digits = 0;
  while (digits < max_digits && at + digits < text.size() && IsDigit(text[at + digits])) {
    ++digits;
  }
  if (digits < min_digits) {
    return fmt::format("expected {} for the {} ({}) {}", WidthOf(part), PartOf(*part.field),
                       part.letters, Where(text, at));
  }
  Store(values, *part.field, Digits(text.substr(at, digits)));
  at += digits;
  return "";
}

// Reads the field of a part at text[at], and moves `at` past it.
std::string ReadField(std::string_view text, size_t& at, const PatternPart& part,
                      FieldValues& values) {
  if (*part.field == PatternField::kMonthName) {
    values.month = ReadMonthName(text, at);
    if (values.month == 0) return fmt::format("expected a month such as Jan {}", Where(text, at));
    at += 3;
    return "";
  }
  if (*part.field == PatternField::kFraction) {
    return ReadFraction(text, at, part.letters, values.fraction);
  }
  if (*part.field == PatternField::kOffset) {
    values.offset.emplace();
    return ReadOffset(text, at, part.letters, *values.offset);
  }
  return ReadNumber(text, at, part, values);
}

// Reads the text with the pattern. Returns "" or where the text departs from the pattern.
std::string ReadFields(std::string_view text, const DatePattern& pattern, FieldValues& values) {
  size_t at = 0;
  for (const PatternPart& part : pattern.parts) {
    if (!part.field) {
      if (!text.substr(at).starts_with(part.literal)) {
        return fmt::format("expected \"{}\" {}", part.literal, Where(text, at));
      }
      at += part.literal.size();
      continue;
    }
    std::string reason = ReadField(text, at, part, values);
    if (!reason.empty()) return reason;
  }
  if (at < text.size()) {
    return fmt::format("{} follows the end of the pattern", numbers::Quote(text.substr(at)));
  }
  return "";
}

// Works out the year from the text's year and the year argument, as the pattern writes it.
std::string ResolveYear(const DatePattern& pattern, int64_t argument, int& year) {
  switch (pattern.Year()) {
    case YearForm::kFull:
      return "";
    case YearForm::kTwoDigits: {
      if (argument < kMinPivot || argument > kMaxPivot) {
        return fmt::format("the pivot year {} is outside {} to {}", argument, kMinPivot, kMaxPivot);
      }
      int pivot = static_cast<int>(argument);
      year = pivot + (year - pivot % 100 + 100) % 100;
      return "";
    }
    case YearForm::kNone:
      if (argument < 0 || argument > 9999) {
        return fmt::format("the year {} is outside the years 0000 to 9999", argument);
      }
      year = static_cast<int>(argument);
      return "";
  }
  return "";
}

// Reads the text with a valid pattern into its values and the local date and time they give.
std::string ReadValue(std::string_view text, const DatePattern& pattern, int64_t year_argument,
                      FieldValues& values, date::sys_seconds& local) {
  std::string reason = ReadFields(text, pattern, values);
  if (reason.empty()) reason = ResolveYear(pattern, year_argument, values.year);
  if (!reason.empty()) return reason;

  if (values.month < 1 || values.month > 12) return fmt::format("{} is not a month", values.month);
  date::year_month_day ymd{date::year(values.year), date::month(values.month),
                           date::day(values.day)};
  if (!ymd.ok()) {
    return fmt::format("{:04}-{:02}-{:02} does not exist", values.year, values.month, values.day);
  }
  if (values.hour > 23) return fmt::format("{} is not an hour from 00 to 23", values.hour);
  if (values.minute > 59) return fmt::format("{} is not a minute from 00 to 59", values.minute);
  if (values.second > 59) return fmt::format("{} is not a second from 00 to 59", values.second);
  local = date::sys_days(ymd) + std::chrono::hours(values.hour) +
          std::chrono::minutes(values.minute) + std::chrono::seconds(values.second);
  return "";
}

// Writes a value with the pattern. `fraction`, such as ".250", and `offset` are those of a
// date-time, and "" and 0 for a date.
std::string WriteFields(const DatePattern& pattern, date::sys_days day,
                        std::chrono::seconds time_of_day, std::string_view fraction,
                        std::chrono::minutes offset) {
  date::year_month_day ymd(day);
  date::hh_mm_ss<std::chrono::seconds> time(time_of_day);
  int year = static_cast<int>(ymd.year());
  unsigned month = static_cast<unsigned>(ymd.month());
  unsigned day_of_month = static_cast<unsigned>(ymd.day());
  std::string out;
  for (const PatternPart& part : pattern.parts) {
    if (!part.field) {
      out += part.literal;
      continue;
    }
    switch (*part.field) {
      case PatternField::kYear4: out += fmt::format("{:04}", year); break;
      case PatternField::kYear2: out += fmt::format("{:02}", year % 100); break;
      case PatternField::kMonthName: out += kMonthNames[month - 1]; break;
      case PatternField::kMonth2: out += fmt::format("{:02}", month); break;
      case PatternField::kMonth1: out += fmt::format("{}", month); break;
      case PatternField::kDay2: out += fmt::format("{:02}", day_of_month); break;
      case PatternField::kDay1: out += fmt::format("{}", day_of_month); break;
      case PatternField::kHour: out += fmt::format("{:02}", time.hours().count()); break;
      case PatternField::kMinute: out += fmt::format("{:02}", time.minutes().count()); break;
      case PatternField::kSecond: out += fmt::format("{:02}", time.seconds().count()); break;
      case PatternField::kFraction:
        out += WriteFraction(fraction, part.letters.size());
        break;
      case PatternField::kOffset:
        out += WriteOffset(part.letters, offset);
        break;
    }
  }
  return out;
}

// Parses a pattern that the checker has validated, once per thread: a rule's patterns are
// constants, so each thread keeps the last few it parsed instead of parsing one per record. A
// failure is reported as the reason.
std::string ParseChecked(std::string_view text, PatternUse use, const DatePattern*& pattern) {
  struct Parsed {
    std::string text;
    PatternUse use;
    DatePattern pattern;
  };
  constexpr size_t kKept = 16;
  thread_local std::vector<std::unique_ptr<Parsed>> parsed;
  for (const std::unique_ptr<Parsed>& entry : parsed) {
    if (entry->use == use && entry->text == text) {
      pattern = &entry->pattern;
      return "";
    }
  }
  auto entry = std::make_unique<Parsed>(Parsed{std::string(text), use, {}});
  std::string reason = ParsePattern(text, use, entry->pattern);
  if (!reason.empty()) return fmt::format("invalid pattern \"{}\": {}", text, reason);
  // A rule with more patterns than are kept parses them again, which is only slower.
  if (parsed.size() == kKept) parsed.erase(parsed.begin());
  parsed.push_back(std::move(entry));
  pattern = &parsed.back()->pattern;
  return "";
}

// Reads the text with a pattern that the checker has validated. Returns "" or the reason, which
// names the text and the pattern.
std::string ReadWithPattern(std::string_view text, std::string_view pattern, PatternUse use,
                            int64_t year, FieldValues& values, date::sys_seconds& local) {
  const DatePattern* parsed = nullptr;
  std::string reason = ParseChecked(pattern, use, parsed);
  if (!reason.empty()) return reason;
  reason = ReadValue(text, *parsed, year, values, local);
  if (reason.empty()) return "";
  return fmt::format("cannot read {} with the pattern \"{}\": {}", numbers::Quote(text), pattern,
                     reason);
}

}  // namespace

const PatternPart* DatePattern::Find(PatternField field) const {
  for (const PatternPart& part : parts) {
    if (part.field == field) return &part;
  }
  return nullptr;
}

bool DatePattern::Has(PatternField field) const { return Find(field) != nullptr; }

YearForm DatePattern::Year() const {
  if (Has(PatternField::kYear4)) return YearForm::kFull;
  return Has(PatternField::kYear2) ? YearForm::kTwoDigits : YearForm::kNone;
}

std::string ParsePattern(std::string_view text, PatternUse use, DatePattern& pattern) {
  pattern.parts.clear();
  if (text.empty()) return "the pattern is empty";
  size_t at = 0;
  while (at < text.size()) {
    if (text[at] == '\'') {
      std::string literal;
      size_t end = ReadQuoted(text, at, literal);
      if (end == std::string_view::npos) {
        return fmt::format("the quoted text {} has no closing quote", text.substr(at));
      }
      AddLiteral(pattern, literal);
      at = end;
    } else if (IsAsciiLetter(text[at])) {
      size_t end = at;
      while (end < text.size() && text[end] == text[at]) ++end;
      std::string reason = AddField(pattern, text.substr(at, end - at), use);
      if (!reason.empty()) return reason;
      at = end;
    } else {
      AddLiteral(pattern, text.substr(at, 1));
      ++at;
    }
  }
  bool reading = use == PatternUse::kParseDate || use == PatternUse::kParseDateTime;
  return reading ? CheckReadable(pattern, use) : "";
}

std::string ParseDateWithPattern(std::string_view text, std::string_view pattern, int64_t year,
                                 std::string& result) {
  FieldValues values;
  date::sys_seconds local;
  std::string reason = ReadWithPattern(text, pattern, PatternUse::kParseDate, year, values, local);
  if (!reason.empty()) return reason;
  result = FormatDate(date::floor<date::days>(local));
  return "";
}

std::string ParseDateTimeWithPattern(std::string_view text, std::string_view pattern,
                                     std::string_view zone, Overlap overlap, Gap gap, int64_t year,
                                     std::string& result) {
  FieldValues values;
  date::sys_seconds local;
  std::string reason =
      ReadWithPattern(text, pattern, PatternUse::kParseDateTime, year, values, local);
  if (!reason.empty()) return reason;

  // An offset in the text names the instant, so neither the zone nor the policies take part.
  if (values.offset) {
    result = values.offset->utc ? FormatUtc(local, values.fraction)
                                : FormatWithOffset(local, values.fraction, values.offset->value);
    return "";
  }

  // Reasons about gaps and overlaps quote the text and the local time read from it.
  std::string local_text = FormatUtc(local, values.fraction);
  local_text.pop_back();
  std::string value = fmt::format("{} ({})", numbers::Quote(text), local_text);
  return ResolveLocal(date::local_seconds{local.time_since_epoch()}, values.fraction, zone, overlap,
                      gap, value, result);
}

std::string FormatDateWithPattern(std::string_view date, std::string_view pattern,
                                  std::string& result) {
  const DatePattern* parsed = nullptr;
  std::string reason = ParseChecked(pattern, PatternUse::kFormatDate, parsed);
  if (!reason.empty()) return reason;
  std::optional<date::sys_days> day = ParseDate(date);
  if (!day) return InvalidDate(date);
  result = WriteFields(*parsed, *day, std::chrono::seconds(0), "", std::chrono::minutes(0));
  return "";
}

std::string FormatDateTimeWithPattern(std::string_view date_time, std::string_view pattern,
                                      std::string& result) {
  const DatePattern* parsed = nullptr;
  std::string reason = ParseChecked(pattern, PatternUse::kFormatDateTime, parsed);
  if (!reason.empty()) return reason;
  std::optional<DateTimeParts> parts = ParseDateTime(date_time);
  if (!parts) return InvalidDateTime(date_time);
  date::sys_days day = date::floor<date::days>(parts->local);
  result = WriteFields(*parsed, day, parts->local - day, parts->fraction, parts->offset);
  return "";
}

}  // namespace weft::dates
