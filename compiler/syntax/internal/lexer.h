#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "antlr4-runtime.h"

namespace weft::syntax::internal {

// Splits a .map file into the tokens of grammar/WeftLexer.g4, for ANTLR's CommonTokenStream. It
// yields the tokens that ANTLR's generated WeftLexer yields for the same text: the same types,
// text, channel, start and stop indices, lines and columns, and the same recognition errors.
// Like the generated lexer, it skips a leading UTF-8 byte order mark, counts indices and columns
// in code points, and starts a new line only at '\n'. tests/unit/lexer_test.cc compares the two.
//
// The text must be valid UTF-8, which Parse checks first. On other text the lexer still stops at
// its end, but positions count each byte that is not 10xxxxxx as one code point, whereas ANTLR's
// input stream throws.
class Lexer final : public antlr4::TokenSource {
 public:
  // `text` must outlive the lexer. `errors`, if not null, receives recognition errors with the
  // line and column where the failed token starts and ANTLR's message, like the errors of ANTLR's
  // lexers, but with no recognizer and no exception.
  Lexer(std::string_view text, antlr4::ANTLRErrorListener* errors);

  // Makes the lexer emit LINE_COMMENT and BLOCK_COMMENT tokens on the hidden channel instead of
  // skipping them, for the formatter. The parser must not read such a lexer.
  void KeepComments() { keep_comments_ = true; }

  // Returns the next token, which is on the default channel unless it is a kept comment. At the
  // end of the text it returns EOF each time.
  std::unique_ptr<antlr4::Token> nextToken() override;

  size_t getLine() const override { return line_; }
  size_t getCharPositionInLine() override { return column_; }
  // Returns null, because each token carries its own text and no code point stream exists.
  antlr4::CharStream* getInputStream() override { return nullptr; }
  std::string getSourceName() override;
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override;

 private:
  enum class Mode { kDefault, kString };

  // The result of matching at the cursor: a token of `type`, skipped text, or a recognition
  // error. `end` is the byte offset just past the matched text.
  struct Match {
    enum class Kind { kToken, kComment, kSkip, kError } kind;
    size_t type;
    size_t end;
  };

  Match MatchDefault() const;
  Match MatchString() const;
  Match MatchWord() const;
  Match MatchNumber() const;
  Match MatchQuotedIdent() const;
  Match MatchSlash() const;
  Match MatchOperator() const;

  // Returns the byte offset just past the code point that starts at `offset`.
  size_t EndOfCodePoint(size_t offset) const;

  std::unique_ptr<antlr4::Token> EmitToken(size_t type, size_t end,
                                           size_t channel = antlr4::Token::DEFAULT_CHANNEL);
  std::unique_ptr<antlr4::Token> EmitEof();
  void ReportError(size_t end);
  void ApplyModeAction(size_t type);
  void PushMode(Mode mode);
  void PopMode();

  // Moves the cursor to byte `end`, counting code points, lines and columns on the way.
  void AdvanceTo(size_t end);

  std::string_view text_;
  antlr4::ANTLRErrorListener* errors_;
  bool keep_comments_ = false;

  // The cursor: a byte offset, and the code point index, line (from 1) and column (from 0) there.
  size_t offset_ = 0;
  size_t index_ = 0;
  size_t line_ = 1;
  size_t column_ = 0;

  Mode mode_ = Mode::kDefault;
  std::vector<Mode> mode_stack_;

  // A search for "*/" from this byte offset found none, so no block comment that starts at or
  // after it is closed. It keeps a file with many unclosed `/*` linear to lex.
  mutable size_t no_comment_end_from_ = std::string_view::npos;
};

}  // namespace weft::syntax::internal
