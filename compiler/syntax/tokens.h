#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

// The tokens of a .map file with its comments, for tools that rewrite the text around them.
namespace weft::syntax {

enum class TokenKind {
  // A keyword or an identifier, because the grammar lets most keywords be identifiers.
  kWord,
  // An identifier in backquotes.
  kQuotedName,
  kNumber,
  // A whole string literal, from its opening to its closing quote, interpolations included.
  kString,
  kPunctuation,
  kLineComment,
  kBlockComment,
  // A character or a fragment that the grammar rejects.
  kInvalid,
};

// One token: `text` views the source, and [begin, end) is its byte range there.
struct Token {
  TokenKind kind;
  std::string_view text;
  uint32_t begin;
  uint32_t end;
};

// Splits `text` into tokens with Weft's lexer, keeping comments. The text must be valid UTF-8 and
// outlive the result. Lexical errors are not reported, because Parse reports them.
std::vector<Token> Tokenize(std::string_view text);

}  // namespace weft::syntax
