#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace weft::runtime {

// Validates one JSON value that arrives in pieces, so that a value too long to keep in memory is
// checked as it is read past. It checks what CheckJson checks: the grammar, numbers and literals,
// escapes, UTF-8 and unescaped control characters in strings, and the nesting depth. It keeps one
// flag per open array or object and the first bytes of the scalar being read, and stops at the
// first problem. Where the value ends is for the caller to decide, as ValueSkipper does.
class JsonStreamValidator {
 public:
  // `max_depth` bounds the nesting of arrays and objects, the value itself being level 1.
  // `line_break` is the byte that ends lines, which problem_lines() counts.
  JsonStreamValidator(int max_depth, char line_break);

  // Checks `text`, the next bytes of the value. Once a problem is found, it checks nothing more.
  void Feed(std::string_view text);
  // Checks that the bytes fed so far are the whole value, as a number or a literal at its end is
  // complete only then.
  void Finish();

  bool ok() const { return problem_.empty(); }
  // The reason the value is invalid, or "" while it is valid so far. It is TooDeep's reason when
  // the value nests too deep, and otherwise a reason without CheckJson's "invalid JSON: " prefix.
  const std::string& problem() const { return problem_; }
  bool too_deep() const { return too_deep_; }
  // The 0-based offset in the value of the problem: the first byte of a bad number or literal,
  // or else the byte where the value stops being valid.
  uint64_t problem_offset() const { return problem_offset_; }
  // The line breaks in the value before problem_offset().
  size_t problem_lines() const { return problem_lines_; }

 private:
  enum class Expect { Value, ValueOrClose, Name, NameOrClose, Colon, CommaOrClose, End };
  enum class Token { None, String, Number, Literal };
  // The states of the number grammar of RFC 8259, section 6, named after the last part read.
  enum class Number {
    Minus,
    Zero,
    Integer,
    Point,
    Fraction,
    Exponent,
    ExponentSign,
    ExponentDigits
  };

  size_t TakeOutside(std::string_view text, size_t i);
  void TakeStructure(char c, uint64_t offset);
  // The problem of a byte `c` outside strings where JSON does not allow it.
  std::string Unexpected(char c) const;
  void Open(bool object, uint64_t offset);
  void EndValue();
  size_t TakeString(std::string_view text, size_t i);
  bool TakeEscape(char c);
  bool TakeNameEscape(long code_unit);
  void ReportUnpaired(const std::string& escape, uint64_t offset);
  bool TakeUtf8(unsigned char byte, uint64_t offset);
  void StartScalar(char c, uint64_t offset);
  size_t TakeScalar(std::string_view text, size_t i);
  bool TakeNumberByte(char c);
  void EndScalar();
  void Report(uint64_t offset, std::string problem);

  const int max_depth_;
  const char line_break_;
  Expect expect_ = Expect::Value;
  Token token_ = Token::None;
  // Whether each open level is an object rather than an array, innermost last.
  std::vector<bool> objects_;
  // The bytes fed before the current piece, and the line breaks among them outside strings.
  uint64_t fed_ = 0;
  size_t lines_ = 0;

  // The string being read: whether it is a member name, the escape sequence read so far, a high
  // surrogate escape of a name that waits for its low one, and the continuation bytes that its
  // current UTF-8 character still needs.
  bool name_ = false;
  std::string escape_;
  uint64_t escape_offset_ = 0;
  std::string high_surrogate_;
  uint64_t high_surrogate_offset_ = 0;
  int utf8_due_ = 0;
  unsigned char utf8_low_ = 0x80;
  unsigned char utf8_high_ = 0xBF;

  // The number or literal being read: where it starts, its first bytes for a message, and the
  // state of its grammar.
  uint64_t scalar_offset_ = 0;
  std::string scalar_start_;
  bool scalar_valid_ = true;
  Number number_ = Number::Minus;
  std::string_view literal_;
  size_t literal_read_ = 0;

  std::string problem_;
  bool too_deep_ = false;
  uint64_t problem_offset_ = 0;
  size_t problem_lines_ = 0;
};

}  // namespace weft::runtime
