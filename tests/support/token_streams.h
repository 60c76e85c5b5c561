#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// Runs ANTLR's generated WeftLexer and Weft's own lexer on the same text and compares what they
// emit, for the differential unit test and the fuzz target.
namespace weft::testing {

// The fields of one token that the parser, the AST builder and the diagnostics read.
struct TokenRecord {
  size_t type;
  std::string text;
  size_t start;
  size_t stop;
  size_t line;
  size_t column;
  size_t channel;

  bool operator==(const TokenRecord&) const = default;
};

// A recognition error as a lexer reports it to its error listener.
struct LexerError {
  size_t line;
  size_t column;
  std::string message;

  bool operator==(const LexerError&) const = default;
};

// Everything one lexer emitted for a text, up to and including EOF.
struct LexResult {
  std::vector<TokenRecord> tokens;
  std::vector<LexerError> errors;
  // ANTLR's input stream threw, as it does on most invalid UTF-8, so no token was read.
  bool input_rejected = false;
};

LexResult LexWithAntlr(std::string_view text);
LexResult LexWithWeft(std::string_view text);

// Returns "" when both lexers emit the same tokens and errors for `text`, else the first
// difference. On text that is not valid UTF-8, which Parse rejects before lexing, it requires
// only that Weft's lexer ends with EOF. It also fails where ANTLR's input stream rejects text
// that Parse's UTF-8 check accepts.
std::string CompareLexers(std::string_view text);

// Writes a token as `IDENT "name" 4..7 1:4 channel 0`, with the grammar's name for its type.
std::string Describe(const TokenRecord& token);

// The texts of the grammar's literal tokens, such as `and`, `?.` and `{`.
std::vector<std::string> LiteralTokenTexts();

}  // namespace weft::testing
