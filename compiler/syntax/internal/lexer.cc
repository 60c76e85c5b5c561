#include "compiler/syntax/internal/lexer.h"

#include <algorithm>
#include <array>
#include <utility>

#include "WeftLexer.h"

namespace weft::syntax::internal {
namespace {

using T = weft_antlr::WeftLexer;

struct Keyword {
  std::string_view text;
  size_t type;
};

// The keywords of WeftLexer.g4, sorted by text.
constexpr std::array kKeywords = {
    Keyword{"and", T::AND},       Keyword{"as", T::AS},         Keyword{"each", T::EACH},
    Keyword{"else", T::ELSE},     Keyword{"enum", T::ENUM},     Keyword{"expect", T::EXPECT},
    Keyword{"false", T::FALSE_},  Keyword{"fn", T::FN},         Keyword{"from", T::FROM},
    Keyword{"given", T::GIVEN},   Keyword{"if", T::IF},         Keyword{"import", T::IMPORT},
    Keyword{"let", T::LET},       Keyword{"map", T::MAP},       Keyword{"match", T::MATCH},
    Keyword{"not", T::NOT},       Keyword{"null", T::NULL_},    Keyword{"or", T::OR},
    Keyword{"record", T::RECORD}, Keyword{"reject", T::REJECT}, Keyword{"require", T::REQUIRE},
    Keyword{"rule", T::RULE},     Keyword{"schema", T::SCHEMA}, Keyword{"skip", T::SKIP_},
    Keyword{"table", T::TABLE},   Keyword{"test", T::TEST},     Keyword{"then", T::THEN},
    Keyword{"true", T::TRUE_},    Keyword{"when", T::WHEN},     Keyword{"where", T::WHERE},
};

static_assert(std::is_sorted(kKeywords.begin(), kKeywords.end(),
                             [](const Keyword& a, const Keyword& b) { return a.text < b.text; }));

// The index in kKeywords of the first keyword that starts with each letter from 'a' to 'z', and
// the number of keywords at the end, so that a lookup compares only keywords of the same letter.
constexpr std::array<size_t, 27> kKeywordsByLetter = [] {
  std::array<size_t, 27> starts{};
  size_t keyword = 0;
  for (size_t letter = 0; letter < 26; ++letter) {
    starts[letter] = keyword;
    while (keyword < kKeywords.size() &&
           kKeywords[keyword].text[0] == static_cast<char>('a' + letter))
      ++keyword;
  }
  starts[26] = keyword;
  return starts;
}();

static_assert(kKeywordsByLetter[26] == kKeywords.size());

// ANTLRInputStream drops this byte order mark before it counts code points.
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsWordStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

bool IsWordPart(char c) { return IsWordStart(c) || IsDigit(c); }

bool IsLineBreak(char c) { return c == '\r' || c == '\n'; }

bool IsWhitespace(char c) { return c == ' ' || c == '\t' || IsLineBreak(c); }

// Ends STRING_TEXT, which is ~["\\{\r\n]+ in the grammar.
bool EndsStringText(char c) { return c == '"' || c == '\\' || c == '{' || IsLineBreak(c); }

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

size_t KeywordType(std::string_view word) {
  if (word[0] < 'a' || word[0] > 'z') return T::IDENT;
  size_t letter = word[0] - 'a';
  for (size_t i = kKeywordsByLetter[letter]; i < kKeywordsByLetter[letter + 1]; ++i) {
    if (kKeywords[i].text == word) return kKeywords[i].type;
  }
  return T::IDENT;
}

// Writes line breaks and tabs as escapes, as ANTLR's Lexer::getErrorDisplay does.
std::string ErrorDisplay(std::string_view text) {
  std::string display;
  for (char c : text) {
    switch (c) {
      case '\n':
        display += "\\n";
        break;
      case '\r':
        display += "\\r";
        break;
      case '\t':
        display += "\\t";
        break;
      default:
        display += c;
    }
  }
  return display;
}

}  // namespace

Lexer::Lexer(std::string_view text, antlr4::ANTLRErrorListener* errors)
    : text_(text), errors_(errors) {
  if (text_.starts_with(kByteOrderMark)) offset_ = kByteOrderMark.size();
}

std::string Lexer::getSourceName() { return antlr4::IntStream::UNKNOWN_SOURCE_NAME; }

antlr4::TokenFactory<antlr4::CommonToken>* Lexer::getTokenFactory() {
  return antlr4::CommonTokenFactory::DEFAULT.get();
}

std::unique_ptr<antlr4::Token> Lexer::nextToken() {
  while (offset_ < text_.size()) {
    Match match = mode_ == Mode::kString ? MatchString() : MatchDefault();
    switch (match.kind) {
      case Match::Kind::kToken: {
        std::unique_ptr<antlr4::Token> token = EmitToken(match.type, match.end);
        ApplyModeAction(match.type);
        return token;
      }
      case Match::Kind::kComment:
        if (keep_comments_) return EmitToken(match.type, match.end, antlr4::Token::HIDDEN_CHANNEL);
        break;
      case Match::Kind::kError:
        ReportError(match.end);
        break;
      case Match::Kind::kSkip:
        break;
    }
    AdvanceTo(match.end);
  }
  return EmitEof();
}

// Matches the longest token at the cursor in DEFAULT_MODE, which never fails because
// UNEXPECTED_CHAR takes any one code point that no other rule takes.
Lexer::Match Lexer::MatchDefault() const {
  char c = text_[offset_];
  if (IsWordStart(c)) return MatchWord();
  if (IsDigit(c)) return MatchNumber();
  if (IsWhitespace(c)) {
    size_t end = offset_ + 1;
    while (end < text_.size() && IsWhitespace(text_[end])) ++end;
    return {Match::Kind::kSkip, 0, end};
  }
  switch (c) {
    case '/':
      return MatchSlash();
    case '`':
      return MatchQuotedIdent();
    case '"':
      return {Match::Kind::kToken, T::STRING_START, offset_ + 1};
    case '{':
      return {Match::Kind::kToken, T::LBRACE, offset_ + 1};
    case '}':
      return {Match::Kind::kToken, T::RBRACE, offset_ + 1};
    default:
      return MatchOperator();
  }
}

// Matches a keyword, `_` or IDENT. A keyword and `_` win over IDENT because their rules come
// first in the grammar and match the same length.
Lexer::Match Lexer::MatchWord() const {
  size_t end = offset_ + 1;
  while (end < text_.size() && IsWordPart(text_[end])) ++end;
  std::string_view word = text_.substr(offset_, end - offset_);
  if (word == "_") return {Match::Kind::kToken, T::UNDERSCORE, end};
  return {Match::Kind::kToken, KeywordType(word), end};
}

// Matches INT_LIT, or DECIMAL_LIT when a '.' and at least one digit follow the digits. So `1.`
// before anything but a digit is INT_LIT, and the '.' is the next token.
Lexer::Match Lexer::MatchNumber() const {
  size_t end = offset_ + 1;
  while (end < text_.size() && IsDigit(text_[end])) ++end;
  if (end + 1 < text_.size() && text_[end] == '.' && IsDigit(text_[end + 1])) {
    end += 2;
    while (end < text_.size() && IsDigit(text_[end])) ++end;
    return {Match::Kind::kToken, T::DECIMAL_LIT, end};
  }
  return {Match::Kind::kToken, T::INT_LIT, end};
}

// Matches QUOTED_IDENT: '`', at least one code point other than '`' and line breaks, then '`'.
// Without the closing '`' on the same line, the opening '`' alone is UNEXPECTED_CHAR.
Lexer::Match Lexer::MatchQuotedIdent() const {
  size_t end = offset_ + 1;
  while (end < text_.size() && text_[end] != '`' && !IsLineBreak(text_[end])) ++end;
  if (end < text_.size() && text_[end] == '`' && end > offset_ + 1) {
    return {Match::Kind::kToken, T::QUOTED_IDENT, end + 1};
  }
  return {Match::Kind::kToken, T::UNEXPECTED_CHAR, offset_ + 1};
}

// Matches a line comment up to the line break, a block comment up to the first "*/", or SLASH.
// An unclosed block comment is no token, so its "/" is SLASH and the lexer goes on after it.
Lexer::Match Lexer::MatchSlash() const {
  size_t next = offset_ + 1;
  if (next < text_.size() && text_[next] == '/') {
    size_t end = text_.find_first_of("\r\n", next + 1);
    return {Match::Kind::kComment, T::LINE_COMMENT,
            end == std::string_view::npos ? text_.size() : end};
  }
  if (next < text_.size() && text_[next] == '*') {
    size_t body = next + 1;
    size_t close = body >= no_comment_end_from_ ? std::string_view::npos : text_.find("*/", body);
    if (close != std::string_view::npos) {
      return {Match::Kind::kComment, T::BLOCK_COMMENT, close + 2};
    }
    no_comment_end_from_ = std::min(no_comment_end_from_, body);
  }
  return {Match::Kind::kToken, T::SLASH, next};
}

// Matches the operators and the punctuation, preferring the two-character operators.
Lexer::Match Lexer::MatchOperator() const {
  char c = text_[offset_];
  char next = offset_ + 1 < text_.size() ? text_[offset_ + 1] : '\0';
  auto one_char = [&](size_t type) { return Match{Match::Kind::kToken, type, offset_ + 1}; };
  auto two_chars = [&](size_t type) { return Match{Match::Kind::kToken, type, offset_ + 2}; };
  switch (c) {
    case '-':
      return next == '>' ? two_chars(T::ARROW) : one_char(T::MINUS);
    case '=':
      if (next == '>') return two_chars(T::FAT_ARROW);
      return next == '=' ? two_chars(T::EQ) : one_char(T::ASSIGN);
    case '!':
      return next == '=' ? two_chars(T::NE) : one_char(T::UNEXPECTED_CHAR);
    case '<':
      return next == '=' ? two_chars(T::LE) : one_char(T::LT);
    case '>':
      return next == '=' ? two_chars(T::GE) : one_char(T::GT);
    case '?':
      if (next == '?') return two_chars(T::COALESCE);
      return next == '.' ? two_chars(T::SAFE_DOT) : one_char(T::QUESTION);
    case '.':
      return one_char(T::DOT);
    case ',':
      return one_char(T::COMMA);
    case ':':
      return one_char(T::COLON);
    case '@':
      return one_char(T::AT);
    case '|':
      return one_char(T::PIPE);
    case '+':
      return one_char(T::PLUS);
    case '*':
      return one_char(T::STAR);
    case '%':
      return one_char(T::PERCENT);
    case '(':
      return one_char(T::LPAREN);
    case ')':
      return one_char(T::RPAREN);
    case '[':
      return one_char(T::LBRACKET);
    case ']':
      return one_char(T::RBRACKET);
    default:
      return {Match::Kind::kToken, T::UNEXPECTED_CHAR, EndOfCodePoint(offset_)};
  }
}

// Matches a token in STRING_MODE. The only input that no rule matches is a '\' before a line
// break or the end of the text. ANTLR reports it with the character after the '\' and, to recover,
// skips that character too, so the string goes on.
Lexer::Match Lexer::MatchString() const {
  char c = text_[offset_];
  switch (c) {
    case '"':
      return {Match::Kind::kToken, T::STRING_END, offset_ + 1};
    case '{':
      return {Match::Kind::kToken, T::INTERPOLATION_START, offset_ + 1};
    case '\r':
    case '\n':
      return {Match::Kind::kToken, T::UNTERMINATED_STRING, offset_ + 1};
    case '\\': {
      size_t next = offset_ + 1;
      if (next == text_.size()) return {Match::Kind::kError, 0, next};
      if (IsLineBreak(text_[next])) return {Match::Kind::kError, 0, next + 1};
      return {Match::Kind::kToken, T::STRING_ESCAPE, EndOfCodePoint(next)};
    }
    default: {
      size_t end = offset_ + 1;
      while (end < text_.size() && !EndsStringText(text_[end])) ++end;
      return {Match::Kind::kToken, T::STRING_TEXT, end};
    }
  }
}

size_t Lexer::EndOfCodePoint(size_t offset) const {
  size_t end = offset + 1;
  while (end < text_.size() && IsContinuationByte(text_[end])) ++end;
  return end;
}

std::unique_ptr<antlr4::Token> Lexer::EmitToken(size_t type, size_t end, size_t channel) {
  auto token = std::make_unique<antlr4::CommonToken>(
      std::pair<antlr4::TokenSource*, antlr4::CharStream*>(this, nullptr), type, channel, index_,
      index_);
  token->setLine(line_);
  token->setCharPositionInLine(column_);
  token->setText(std::string(text_.substr(offset_, end - offset_)));
  AdvanceTo(end);
  token->setStopIndex(index_ - 1);
  return token;
}

// Returns EOF with the indices ANTLR gives it: the start just past the text, the stop before it.
std::unique_ptr<antlr4::Token> Lexer::EmitEof() {
  auto token = std::make_unique<antlr4::CommonToken>(
      std::pair<antlr4::TokenSource*, antlr4::CharStream*>(this, nullptr), antlr4::Token::EOF,
      antlr4::Token::DEFAULT_CHANNEL, index_, index_ - 1);
  token->setLine(line_);
  token->setCharPositionInLine(column_);
  token->setText("<EOF>");
  return token;
}

// Reports the text from the cursor to `end` with ANTLR's message for input that no rule matches.
void Lexer::ReportError(size_t end) {
  if (errors_ == nullptr) return;
  std::string message =
      "token recognition error at: '" + ErrorDisplay(text_.substr(offset_, end - offset_)) + "'";
  errors_->syntaxError(nullptr, nullptr, line_, column_, message, nullptr);
}

// Runs the mode commands and the RBRACE action of WeftLexer.g4 for a token just emitted.
void Lexer::ApplyModeAction(size_t type) {
  switch (type) {
    case T::STRING_START:
      PushMode(Mode::kString);
      break;
    case T::LBRACE:
    case T::INTERPOLATION_START:
      PushMode(Mode::kDefault);
      break;
    case T::RBRACE:
      if (!mode_stack_.empty()) PopMode();
      break;
    case T::STRING_END:
    case T::UNTERMINATED_STRING:
      PopMode();
      break;
    default:
      break;
  }
}

void Lexer::PushMode(Mode mode) {
  mode_stack_.push_back(mode_);
  mode_ = mode;
}

// STRING_MODE is entered only by a push, and each push stays on the stack while the string is
// open, so the stack is never empty here. The check keeps a broken invariant from reading past
// the stack.
void Lexer::PopMode() {
  if (mode_stack_.empty()) return;
  mode_ = mode_stack_.back();
  mode_stack_.pop_back();
}

void Lexer::AdvanceTo(size_t end) {
  for (; offset_ < end; ++offset_) {
    char c = text_[offset_];
    if (IsContinuationByte(c)) continue;
    ++index_;
    if (c == '\n') {
      ++line_;
      column_ = 0;
    } else {
      ++column_;
    }
  }
}

}  // namespace weft::syntax::internal
