#include "stdlib/iso8601.h"

namespace weft::iso8601 {
namespace {

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ParseDigits(std::string_view text) {
  int value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  return value;
}

bool IsOffset(std::string_view hours, std::string_view minutes) {
  return AllDigits(hours) && AllDigits(minutes) && ParseDigits(hours) <= 23 &&
         ParseDigits(minutes) <= 59;
}

}  // namespace

bool HasDateShape(std::string_view text) {
  return text.size() == 10 && text[4] == '-' && text[7] == '-' && AllDigits(text.substr(0, 4)) &&
         AllDigits(text.substr(5, 2)) && AllDigits(text.substr(8, 2));
}

bool IsDate(std::string_view text) {
  if (!HasDateShape(text)) return false;
  int year = ParseDigits(text.substr(0, 4));
  int month = ParseDigits(text.substr(5, 2));
  int day = ParseDigits(text.substr(8, 2));
  static constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int days = kDaysInMonth[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= days;
}

bool IsTime(std::string_view text) {
  if (text.size() < 8 || text[2] != ':' || text[5] != ':') return false;
  if (!AllDigits(text.substr(0, 2)) || !AllDigits(text.substr(3, 2)) ||
      !AllDigits(text.substr(6, 2))) {
    return false;
  }
  // 60 seconds allows a leap second, as RFC 3339 does.
  if (ParseDigits(text.substr(0, 2)) > 23 || ParseDigits(text.substr(3, 2)) > 59 ||
      ParseDigits(text.substr(6, 2)) > 60) {
    return false;
  }
  if (text.size() == 8) return true;
  return text[8] == '.' && AllDigits(text.substr(9));
}

std::string WithExtendedOffset(std::string_view date_time) {
  std::string text(date_time);
  if (HasBasicOffset(date_time)) text.insert(text.size() - 2, 1, ':');
  return text;
}

bool IsDateTime(std::string_view text) {
  if (text.size() < 20 || (text[10] != 'T' && text[10] != 't')) return false;
  if (!IsDate(text.substr(0, 10))) return false;
  std::string_view rest = text.substr(11);
  // The offset is `Z`, `+hh:mm`, or `+hhmm` as Salesforce writes it (ISO 8601 basic format).
  std::string_view offset;
  auto sign_at = [&](size_t length) {
    return rest.size() > length &&
           (rest[rest.size() - length] == '+' || rest[rest.size() - length] == '-');
  };
  if (rest.back() == 'Z' || rest.back() == 'z') {
    offset = rest.substr(rest.size() - 1);
  } else if (sign_at(6) && rest[rest.size() - 3] == ':') {
    offset = rest.substr(rest.size() - 6);
    if (!IsOffset(offset.substr(1, 2), offset.substr(4, 2))) return false;
  } else if (sign_at(5)) {
    offset = rest.substr(rest.size() - 5);
    if (!IsOffset(offset.substr(1, 2), offset.substr(3, 2))) return false;
  } else {
    return false;
  }
  return IsTime(rest.substr(0, rest.size() - offset.size()));
}

}  // namespace weft::iso8601
