#include "tests/support/token_streams.h"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "WeftLexer.h"
#include "compiler/syntax/internal/lexer.h"
#include "stdlib/utf8.h"

namespace weft::testing {
namespace {

// Collects the errors that a lexer reports.
class ErrorCollector : public antlr4::BaseErrorListener {
 public:
  explicit ErrorCollector(std::vector<LexerError>& errors) : errors_(errors) {}

  void syntaxError(antlr4::Recognizer*, antlr4::Token*, size_t line, size_t column,
                   const std::string& message, std::exception_ptr) override {
    errors_.push_back({line, column, message});
  }

 private:
  std::vector<LexerError>& errors_;
};

// Reads tokens up to EOF. The bound stops a lexer that fails to advance: every token but EOF
// covers at least one code point, so more than one token per byte means a lexer is stuck.
void ReadTokens(antlr4::TokenSource& source, size_t text_size, std::vector<TokenRecord>& tokens) {
  while (tokens.size() <= text_size + 1) {
    std::unique_ptr<antlr4::Token> token = source.nextToken();
    tokens.push_back({token->getType(), token->getText(), token->getStartIndex(),
                      token->getStopIndex(), token->getLine(), token->getCharPositionInLine(),
                      token->getChannel()});
    if (token->getType() == antlr4::Token::EOF) return;
  }
}

const antlr4::dfa::Vocabulary& GrammarVocabulary() {
  static antlr4::ANTLRInputStream empty_input;
  static weft_antlr::WeftLexer lexer(&empty_input);
  return lexer.getVocabulary();
}

std::string DescribeError(const LexerError& error) {
  return fmt::format("{}:{} {}", error.line, error.column, error.message);
}

// Checks the lexer on text that Parse rejects before lexing. ANTLR's lexer is no reference there:
// its input stream throws on most such text, drops a truncated sequence at the end and accepts
// encoded surrogates.
std::string CheckInvalidText(const LexResult& weft) {
  if (weft.tokens.empty() || weft.tokens.back().type != antlr4::Token::EOF) {
    return "Weft's lexer did not end with EOF on invalid UTF-8";
  }
  return "";
}

}  // namespace

LexResult LexWithAntlr(std::string_view text) {
  LexResult result;
  std::unique_ptr<antlr4::ANTLRInputStream> input;
  try {
    input = std::make_unique<antlr4::ANTLRInputStream>(std::string(text));
  } catch (const std::range_error&) {
    result.input_rejected = true;
    return result;
  }
  weft_antlr::WeftLexer lexer(input.get());
  ErrorCollector errors(result.errors);
  lexer.removeErrorListeners();
  lexer.addErrorListener(&errors);
  ReadTokens(lexer, text.size(), result.tokens);
  return result;
}

LexResult LexWithWeft(std::string_view text) {
  LexResult result;
  ErrorCollector errors(result.errors);
  syntax::internal::Lexer lexer(text, &errors);
  ReadTokens(lexer, text.size(), result.tokens);
  return result;
}

std::string CompareLexers(std::string_view text) {
  LexResult antlr = LexWithAntlr(text);
  LexResult weft = LexWithWeft(text);
  bool valid = utf8::FindInvalid(text) == std::string_view::npos;
  if (antlr.input_rejected && valid) {
    return "ANTLR's input stream rejects text that Parse's UTF-8 check accepts";
  }
  if (!valid) return CheckInvalidText(weft);

  size_t count = std::max(antlr.tokens.size(), weft.tokens.size());
  for (size_t i = 0; i < count; ++i) {
    if (i < antlr.tokens.size() && i < weft.tokens.size() && antlr.tokens[i] == weft.tokens[i]) {
      continue;
    }
    std::string expected = i < antlr.tokens.size() ? Describe(antlr.tokens[i]) : "no token";
    std::string actual = i < weft.tokens.size() ? Describe(weft.tokens[i]) : "no token";
    return fmt::format("token {}: ANTLR emits {}, Weft emits {}", i, expected, actual);
  }

  count = std::max(antlr.errors.size(), weft.errors.size());
  for (size_t i = 0; i < count; ++i) {
    if (i < antlr.errors.size() && i < weft.errors.size() && antlr.errors[i] == weft.errors[i]) {
      continue;
    }
    std::string expected = i < antlr.errors.size() ? DescribeError(antlr.errors[i]) : "no error";
    std::string actual = i < weft.errors.size() ? DescribeError(weft.errors[i]) : "no error";
    return fmt::format("error {}: ANTLR reports {}, Weft reports {}", i, expected, actual);
  }
  return "";
}

std::string Describe(const TokenRecord& token) {
  std::string name = token.type == antlr4::Token::EOF
                         ? "EOF"
                         : std::string(GrammarVocabulary().getSymbolicName(token.type));
  // The stop index of EOF in an empty text is -1, which a size_t shows as its maximum.
  return fmt::format("{} \"{}\" {}..{} {}:{} channel {}", name, token.text, token.start,
                     static_cast<std::ptrdiff_t>(token.stop), token.line, token.column,
                     token.channel);
}

std::vector<std::string> LiteralTokenTexts() {
  const antlr4::dfa::Vocabulary& vocabulary = GrammarVocabulary();
  std::vector<std::string> texts;
  for (size_t type = 1; type <= vocabulary.getMaxTokenType(); ++type) {
    std::string literal = vocabulary.getLiteralName(type);
    // Literal names are quoted: 'and', '?.'.
    if (literal.size() >= 3) texts.push_back(literal.substr(1, literal.size() - 2));
  }
  return texts;
}

}  // namespace weft::testing
