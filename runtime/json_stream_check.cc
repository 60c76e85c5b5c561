#include "runtime/json_stream_check.h"

#include <fmt/format.h>

#include <cstdlib>

#include "runtime/json_check.h"

namespace weft::runtime {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsHexDigit(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Whether `c` ends a number or a literal: whitespace, or a byte with a meaning of its own in JSON.
bool EndsScalar(char c) {
  return IsSpace(c) || std::string_view(",:[]{}\"").find(c) != std::string_view::npos;
}

bool IsStructure(char c) { return std::string_view(",:[]{}").find(c) != std::string_view::npos; }

}  // namespace

JsonStreamValidator::JsonStreamValidator(int max_depth, char line_break)
    : max_depth_(max_depth), line_break_(line_break) {}

void JsonStreamValidator::Feed(std::string_view text) {
  size_t i = 0;
  while (ok() && i < text.size()) {
    switch (token_) {
      case Token::None:
        i = TakeOutside(text, i);
        break;
      case Token::String:
        i = TakeString(text, i);
        break;
      case Token::Number:
      case Token::Literal:
        i = TakeScalar(text, i);
        break;
    }
  }
  fed_ += text.size();
}

void JsonStreamValidator::Finish() {
  if (ok() && (token_ == Token::Number || token_ == Token::Literal)) EndScalar();
  if (ok() && expect_ != Expect::End) Report(fed_, "the value ends before it is complete");
}

// Takes the byte at text[i], which is outside any string, number or literal.
size_t JsonStreamValidator::TakeOutside(std::string_view text, size_t i) {
  const char c = text[i];
  const uint64_t offset = fed_ + i;
  if (IsSpace(c)) {
    if (c == line_break_) ++lines_;
    return i + 1;
  }
  if (IsStructure(c)) {
    TakeStructure(c, offset);
    return i + 1;
  }

  const bool value_due = expect_ == Expect::Value || expect_ == Expect::ValueOrClose;
  const bool name_due = expect_ == Expect::Name || expect_ == Expect::NameOrClose;
  if (c == '"' && (value_due || name_due)) {
    token_ = Token::String;
    name_ = name_due;
    return i + 1;
  }
  if (!value_due || c == '"') {
    Report(offset, Unexpected(c));
    return i + 1;
  }
  StartScalar(c, offset);
  return i + 1;
}

// Takes a bracket, a colon or a comma.
void JsonStreamValidator::TakeStructure(char c, uint64_t offset) {
  const bool value_due = expect_ == Expect::Value || expect_ == Expect::ValueOrClose;
  if (c == '{' || c == '[') {
    if (!value_due) return Report(offset, Unexpected(c));
    return Open(c == '{', offset);
  }
  if (c == ':') {
    if (expect_ != Expect::Colon) return Report(offset, Unexpected(c));
    expect_ = Expect::Value;
    return;
  }
  if (c == ',') {
    if (expect_ != Expect::CommaOrClose) return Report(offset, Unexpected(c));
    expect_ = objects_.back() ? Expect::Name : Expect::Value;
    return;
  }

  // A closing bracket ends a level after a value, or an empty one right after it opens.
  const bool object = c == '}';
  const Expect empty_close = object ? Expect::NameOrClose : Expect::ValueOrClose;
  if (objects_.empty() || objects_.back() != object ||
      (expect_ != Expect::CommaOrClose && expect_ != empty_close)) {
    return Report(offset, Unexpected(c));
  }
  objects_.pop_back();
  EndValue();
}

std::string JsonStreamValidator::Unexpected(char c) const {
  std::string found = QuoteBytes(std::string_view(&c, 1));
  switch (expect_) {
    case Expect::Value:
    case Expect::ValueOrClose:
      return "expected a value, found " + found;
    case Expect::Name:
    case Expect::NameOrClose:
      return "expected a member name in quotes, found " + found;
    case Expect::Colon:
      return "expected `:` after a member name, found " + found;
    case Expect::CommaOrClose:
      return fmt::format("expected `,` or `{}` after {}, found {}", objects_.back() ? '}' : ']',
                         objects_.back() ? "a member" : "an element", found);
    case Expect::End:
      break;
  }
  return "unexpected content after the value, found " + found;
}

void JsonStreamValidator::Open(bool object, uint64_t offset) {
  if (objects_.size() >= static_cast<size_t>(max_depth_)) {
    too_deep_ = true;
    return Report(offset, TooDeep(max_depth_));
  }
  objects_.push_back(object);
  expect_ = object ? Expect::NameOrClose : Expect::ValueOrClose;
}

void JsonStreamValidator::EndValue() {
  expect_ = objects_.empty() ? Expect::End : Expect::CommaOrClose;
}

// Takes the bytes of a string from text[i] up to its closing quote or the end of `text`.
size_t JsonStreamValidator::TakeString(std::string_view text, size_t i) {
  for (; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const uint64_t offset = fed_ + i;
    if (!escape_.empty()) {
      if (!TakeEscape(text[i])) return i + 1;
      continue;
    }
    if (!high_surrogate_.empty() && byte != '\\') {
      ReportUnpaired(high_surrogate_, high_surrogate_offset_);
      return i + 1;
    }
    if (utf8_due_ > 0 || byte >= 0x80) {
      if (!TakeUtf8(byte, offset)) return i + 1;
      continue;
    }
    if (byte == '"') {
      token_ = Token::None;
      if (name_) {
        expect_ = Expect::Colon;
      } else {
        EndValue();
      }
      return i + 1;
    }
    if (byte == '\\') {
      escape_.assign(1, '\\');
      escape_offset_ = offset;
    } else if (byte < 0x20) {
      Report(offset,
             fmt::format("the control character 0x{:02X} in a string is not escaped", byte));
      return i + 1;
    }
  }
  return i;
}

// Takes the next byte of an escape sequence, which is one of `"\/bfnrt`, or `u` and four hex
// digits. Returns false when it makes the sequence invalid.
bool JsonStreamValidator::TakeEscape(char c) {
  escape_ += c;
  bool valid = escape_.size() == 2
                   ? std::string_view("\"\\/bfnrtu").find(c) != std::string_view::npos
                   : IsHexDigit(c);
  if (!valid) {
    Report(escape_offset_, QuoteBytes(escape_) + " is not a JSON escape");
    return false;
  }
  const bool done = escape_.size() == 6 || (escape_.size() == 2 && c != 'u');
  if (!done) return true;

  long code_unit = escape_.size() == 6 ? std::strtol(escape_.c_str() + 2, nullptr, 16) : -1;
  if (name_ && !TakeNameEscape(code_unit)) return false;
  escape_.clear();
  return true;
}

// Checks an escape of a member name, whose \u escapes simdjson 3.0.1 decodes and so rejects
// where a UTF-16 surrogate is not a high one followed by a low one. It lets them pass in values.
// `code_unit` is the value of the \u escape in escape_, or -1 for another escape.
bool JsonStreamValidator::TakeNameEscape(long code_unit) {
  const bool high = code_unit >= 0xD800 && code_unit <= 0xDBFF;
  const bool low = code_unit >= 0xDC00 && code_unit <= 0xDFFF;
  if (!high_surrogate_.empty()) {
    if (!low) {
      ReportUnpaired(high_surrogate_, high_surrogate_offset_);
      return false;
    }
    high_surrogate_.clear();
    return true;
  }
  if (low) {
    ReportUnpaired(escape_, escape_offset_);
    return false;
  }
  if (high) {
    high_surrogate_ = escape_;
    high_surrogate_offset_ = escape_offset_;
  }
  return true;
}

void JsonStreamValidator::ReportUnpaired(const std::string& escape, uint64_t offset) {
  Report(offset, QuoteBytes(escape) + " in a member name is a UTF-16 surrogate without its pair");
}

// Takes a byte of a UTF-8 character of two to four bytes. The ranges are those of RFC 3629,
// section 4, which exclude overlong forms, surrogates and code points past U+10FFFF.
bool JsonStreamValidator::TakeUtf8(unsigned char byte, uint64_t offset) {
  if (utf8_due_ > 0) {
    if (byte < utf8_low_ || byte > utf8_high_) {
      Report(offset, "the string is not valid UTF-8");
      return false;
    }
    --utf8_due_;
    utf8_low_ = 0x80;
    utf8_high_ = 0xBF;
    return true;
  }

  if (byte >= 0xC2 && byte <= 0xDF) {
    utf8_due_ = 1;
  } else if (byte >= 0xE0 && byte <= 0xEF) {
    utf8_due_ = 2;
    if (byte == 0xE0) utf8_low_ = 0xA0;
    if (byte == 0xED) utf8_high_ = 0x9F;
  } else if (byte >= 0xF0 && byte <= 0xF4) {
    utf8_due_ = 3;
    if (byte == 0xF0) utf8_low_ = 0x90;
    if (byte == 0xF4) utf8_high_ = 0x8F;
  } else {
    Report(offset, "the string is not valid UTF-8");
    return false;
  }
  return true;
}

void JsonStreamValidator::StartScalar(char c, uint64_t offset) {
  scalar_offset_ = offset;
  scalar_start_.assign(1, c);
  scalar_valid_ = true;
  if (c == '-' || IsDigit(c)) {
    token_ = Token::Number;
    number_ = Number::Integer;
    if (c == '-') number_ = Number::Minus;
    if (c == '0') number_ = Number::Zero;
    return;
  }

  // Any other byte starts no value, so the token is invalid as a literal that matches nothing.
  token_ = Token::Literal;
  literal_ = "";
  if (c == 't') literal_ = "true";
  if (c == 'f') literal_ = "false";
  if (c == 'n') literal_ = "null";
  literal_read_ = 1;
  scalar_valid_ = !literal_.empty();
}

// Takes the bytes of a number or a literal from text[i] up to the byte that ends it, which is
// then left for TakeOutside.
size_t JsonStreamValidator::TakeScalar(std::string_view text, size_t i) {
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (EndsScalar(c)) {
      EndScalar();
      return i;
    }
    if (scalar_start_.size() < kQuotedBytes) scalar_start_ += c;
    if (!scalar_valid_) continue;
    if (token_ == Token::Number) {
      scalar_valid_ = TakeNumberByte(c);
    } else {
      scalar_valid_ = literal_read_ < literal_.size() && literal_[literal_read_] == c;
      ++literal_read_;
    }
  }
  return i;
}

// Moves the number grammar on by `c`. Returns false when `c` cannot come next.
bool JsonStreamValidator::TakeNumberByte(char c) {
  const bool digit = IsDigit(c);
  const bool exponent = c == 'e' || c == 'E';
  switch (number_) {
    case Number::Minus:
      number_ = c == '0' ? Number::Zero : Number::Integer;
      return digit;
    case Number::Zero:
    case Number::Integer:
    case Number::Fraction:
      if (c == '.' && number_ != Number::Fraction) {
        number_ = Number::Point;
        return true;
      }
      if (exponent) {
        number_ = Number::Exponent;
        return true;
      }
      return digit && number_ != Number::Zero;
    case Number::Point:
      number_ = Number::Fraction;
      return digit;
    case Number::Exponent:
      if (c == '+' || c == '-') {
        number_ = Number::ExponentSign;
        return true;
      }
      number_ = Number::ExponentDigits;
      return digit;
    case Number::ExponentSign:
    case Number::ExponentDigits:
      number_ = Number::ExponentDigits;
      return digit;
  }
  return false;
}

void JsonStreamValidator::EndScalar() {
  const bool number = token_ == Token::Number;
  token_ = Token::None;
  const bool complete = number
                            ? number_ == Number::Zero || number_ == Number::Integer ||
                                  number_ == Number::Fraction || number_ == Number::ExponentDigits
                            : literal_read_ == literal_.size();
  if (!scalar_valid_ || !complete) {
    return Report(scalar_offset_, fmt::format("{} is not a {}", QuoteBytes(scalar_start_),
                                              number ? "number" : "value"));
  }
  EndValue();
}

void JsonStreamValidator::Report(uint64_t offset, std::string problem) {
  problem_ = std::move(problem);
  problem_offset_ = offset;
  problem_lines_ = lines_;
}

}  // namespace weft::runtime
