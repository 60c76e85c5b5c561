#include "compiler/syntax/tokens.h"

#include "WeftLexer.h"
#include "compiler/syntax/internal/lexer.h"
#include "compiler/syntax/internal/offset_map.h"

namespace weft::syntax {
namespace {

using weft_antlr::WeftLexer;

TokenKind KindOf(const antlr4::Token& token) {
  switch (token.getType()) {
    case WeftLexer::QUOTED_IDENT:
      return TokenKind::kQuotedName;
    case WeftLexer::INT_LIT:
    case WeftLexer::DECIMAL_LIT:
      return TokenKind::kNumber;
    case WeftLexer::LINE_COMMENT:
      return TokenKind::kLineComment;
    case WeftLexer::BLOCK_COMMENT:
      return TokenKind::kBlockComment;
    case WeftLexer::UNEXPECTED_CHAR:
    case WeftLexer::UNTERMINATED_STRING:
      return TokenKind::kInvalid;
    default:
      break;
  }
  char first = token.getText()[0];
  bool word = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || first == '_';
  return word ? TokenKind::kWord : TokenKind::kPunctuation;
}

// Returns how a token inside a string literal changes the depth of nested strings, which grows
// with each string that starts inside an interpolation.
int StringDepthChange(size_t type) {
  if (type == WeftLexer::STRING_START) return 1;
  if (type == WeftLexer::STRING_END || type == WeftLexer::UNTERMINATED_STRING) return -1;
  return 0;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  internal::OffsetMap offsets(text);
  internal::Lexer lexer(text, nullptr);
  lexer.KeepComments();

  std::vector<Token> tokens;
  int string_depth = 0;
  uint32_t string_begin = 0;
  for (auto token = lexer.nextToken(); token->getType() != antlr4::Token::EOF;
       token = lexer.nextToken()) {
    uint32_t begin = offsets.ByteOffset(token->getStartIndex());
    uint32_t end = offsets.ByteOffset(token->getStopIndex() + 1);
    if (string_depth == 0 && token->getType() == WeftLexer::STRING_START) string_begin = begin;
    if (string_depth > 0 || token->getType() == WeftLexer::STRING_START) {
      string_depth += StringDepthChange(token->getType());
      if (string_depth == 0) {
        tokens.push_back(
            {TokenKind::kString, text.substr(string_begin, end - string_begin), string_begin, end});
      }
      continue;
    }
    tokens.push_back({KindOf(*token), text.substr(begin, end - begin), begin, end});
  }

  // A string that the text leaves open ends with it.
  if (string_depth > 0) {
    auto end = static_cast<uint32_t>(text.size());
    tokens.push_back(
        {TokenKind::kString, text.substr(string_begin, end - string_begin), string_begin, end});
  }
  return tokens;
}

}  // namespace weft::syntax
