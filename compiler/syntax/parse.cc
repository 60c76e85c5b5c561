#include "compiler/syntax/parse.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "WeftLexer.h"
#include "WeftParser.h"
#include "compiler/syntax/internal/ast_builder.h"
#include "compiler/syntax/internal/lexer.h"
#include "compiler/syntax/internal/offset_map.h"
#include "stdlib/utf8.h"

namespace weft::syntax {
namespace {

using internal::OffsetMap;
using weft_antlr::WeftLexer;
using weft_antlr::WeftParser;

// More syntax errors than this in one file are mostly follow-on noise from the first ones.
constexpr size_t kMaxSyntaxErrors = 20;
// Deeper rule nesting than this stops the parse. Brackets are bounded before parsing, but
// prefix operators (`- - - x`, `not not x`) and `if` chains nest rules without brackets.
// NOTE: in a clang 19 build at -O0 with AddressSanitizer, a chain of prefix `-` overflows the 8 MB
// stack before it reaches this depth. Release builds, GCC's sanitizer build at -O0 and clang's at
// -O1 reach it.
constexpr int kMaxRuleDepth = 1500;

// The lookahead that the parse reporting syntax errors may spend: per token of the file, and
// once. It is about three times what broken programs made from the golden files needed.
constexpr size_t kLookaheadPerToken = 20;
constexpr size_t kLookaheadBase = 10000;

// Thrown by the error listener to stop a parse after kMaxSyntaxErrors; caught in Parse.
struct TooManyErrors {};

// Thrown when rules nest deeper than kMaxRuleDepth; caught in Parse.
struct RuleNestingTooDeep {
  antlr4::Token* token;
};

// Thrown when the parse that reports syntax errors has looked at more tokens than its budget;
// caught in Parse.
struct RecoveryTooSlow {
  antlr4::Token* token;
};

// A token stream that counts the lookahead of the parser's prediction once a budget is set. After
// some errors, such as an unclosed call followed by a long operator chain, the LL parse that
// reports syntax errors takes time quadratic in the input, so the budget stops it.
class BudgetedTokenStream : public antlr4::CommonTokenStream {
 public:
  using antlr4::CommonTokenStream::CommonTokenStream;

  void SetBudget(size_t budget) {
    budget_ = budget;
    looks_ = 0;
  }

  // Returns whether the budget ran out. The parser checks it when it consumes a token, because
  // an exception thrown inside ANTLR's prediction leaks the prediction's memory.
  bool exhausted() const { return budget_ > 0 && looks_ > budget_; }

  size_t LA(ssize_t i) override {
    if (budget_ > 0) ++looks_;
    return antlr4::CommonTokenStream::LA(i);
  }

 private:
  size_t budget_ = 0;
  size_t looks_ = 0;
};

// The generated parser with a bound on its recursion, so that no input can exhaust the stack.
class BoundedParser : public WeftParser {
 public:
  explicit BoundedParser(BudgetedTokenStream* tokens) : WeftParser(tokens), tokens_(tokens) {}

  antlr4::Token* consume() override {
    if (tokens_->exhausted()) throw RecoveryTooSlow{getCurrentToken()};
    return WeftParser::consume();
  }

  void enterRule(antlr4::ParserRuleContext* context, size_t state, size_t rule) override {
    CheckDepth(context);
    WeftParser::enterRule(context, state, rule);
  }

  void enterRecursionRule(antlr4::ParserRuleContext* context, size_t state, size_t rule,
                          int precedence) override {
    CheckDepth(context);
    WeftParser::enterRecursionRule(context, state, rule, precedence);
  }

 private:
  // Walks at most kMaxRuleDepth parents, so the cost per rule stays bounded.
  void CheckDepth(antlr4::ParserRuleContext* context) {
    int depth = 0;
    for (antlr4::tree::ParseTree* node = context; node != nullptr; node = node->parent) {
      if (++depth > kMaxRuleDepth) throw RuleNestingTooDeep{getCurrentToken()};
    }
  }

  BudgetedTokenStream* tokens_;
};

// Replaces ANTLR's token names in its messages with the words users read in the grammar docs.
std::string Humanize(std::string message) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"<EOF>", "end of file"},
      {"IDENT", "name"},
      {"QUOTED_IDENT", "`quoted name`"},
      {"INT_LIT", "integer"},
      {"DECIMAL_LIT", "decimal"},
      {"STRING_START", "string"},
      {"STRING_END", "'\"'"},
      {"LBRACE", "'{'"},
      {"RBRACE", "'}'"},
      {"UNEXPECTED_CHAR", "character"},
      {"INTERPOLATION_START", "'{'"},
      {"SKIP_", "'skip'"},
      {"STRING_TEXT", "text"},
      {"STRING_ESCAPE", "escape"},
  };
  for (const auto& [internal_name, shown] : kNames) {
    for (size_t at = message.find(internal_name); at != std::string::npos;
         at = message.find(internal_name, at)) {
      bool word_before = at > 0 && (std::isalnum(static_cast<unsigned char>(message[at - 1])) ||
                                    message[at - 1] == '_');
      size_t after = at + std::strlen(internal_name);
      bool word_after =
          after < message.size() &&
          (std::isalnum(static_cast<unsigned char>(message[after])) || message[after] == '_');
      if (word_before || word_after) {
        at = after;
        continue;
      }
      message.replace(at, std::strlen(internal_name), shown);
      at += std::strlen(shown);
    }
  }
  return message;
}

// Describes a token for a message: `'='`, `string`, `end of file`.
std::string DescribeToken(antlr4::Token* token) {
  if (token == nullptr) return "character";
  switch (token->getType()) {
    case antlr4::Token::EOF:
      return "end of file";
    case WeftLexer::STRING_START:
      return "string";
    default:
      return "'" + token->getText() + "'";
  }
}

// Rewrites ANTLR's messages ("mismatched input 'x' expecting {...}") as "unexpected 'x'",
// keeping the expected tokens only when there are few enough to be a useful hint.
std::string Rephrase(antlr4::Token* offending, const std::string& message) {
  constexpr std::ptrdiff_t kMaxExpectedShown = 4;
  if (message.starts_with("missing ")) {
    std::string text = Humanize(message);
    size_t at = text.rfind(" at ");
    if (at != std::string::npos) text.replace(at, 4, " before ");
    return text;
  }
  if (message.starts_with("token recognition error")) return Humanize(message);

  std::string text = "unexpected " + DescribeToken(offending);
  size_t expecting = message.find(" expecting ");
  if (expecting == std::string::npos) return text;
  std::string expected = Humanize(message.substr(expecting + 11));
  if (std::count(expected.begin(), expected.end(), ',') >= kMaxExpectedShown) return text;
  if (expected.size() > 2 && expected.front() == '{' && expected.back() == '}') {
    expected = "one of " + expected.substr(1, expected.size() - 2);
  }
  return text + "; expected " + expected;
}

// Returns a hint for a token that users of other languages write by habit; "" for others.
std::string HintFor(const std::string& token) {
  static const std::pair<const char*, const char*> kHints[] = {
      {"=", "to compare values, write `==`"},
      {"&", "write `and` for logical and"},
      {"!", "write `not` for negation, or `!=` to compare"},
      {"'", "strings are written in double quotes"},
      {"|", "write `or` for logical or"},
      {";", "statements end at the line break; remove the `;`"},
  };
  for (const auto& [text, hint] : kHints) {
    if (token == text) return hint;
  }
  return "";
}

// Reports the lexer's and ANTLR's parser's errors as Weft diagnostics instead of printing them.
class DiagnosticListener : public antlr4::BaseErrorListener {
 public:
  DiagnosticListener(FileId file, const SourceFile& source, const OffsetMap& offsets,
                     DiagnosticEngine& diagnostics)
      : file_(file), source_(source), offsets_(offsets), diagnostics_(diagnostics) {}

  void syntaxError(antlr4::Recognizer*, antlr4::Token* offending, size_t line, size_t column,
                   const std::string& message, std::exception_ptr) override {
    if (count_ == kMaxSyntaxErrors) {
      diagnostics_
          .Report(DiagnosticKind::TooManyErrors, RangeAt(offending, line, column),
                  fmt::format("too many syntax errors; stopped after {}", kMaxSyntaxErrors))
          .hint = "fix the first errors and run the command again";
      throw TooManyErrors{};
    }
    ++count_;

    SourceRange range = RangeAt(offending, line, column);
    // The lexer has no token for an unclosed `/*`, so it arrives as a stray '/' or, after an
    // operand, as a '*' that follows a division sign.
    if (offending != nullptr && offending->getType() == WeftLexer::STAR && range.begin > 0 &&
        source_.text()[range.begin - 1] == '/') {
      --range.begin;
    }
    if (offending != nullptr &&
        (offending->getType() == WeftLexer::SLASH || offending->getType() == WeftLexer::STAR) &&
        source_.text().compare(range.begin, 2, "/*") == 0) {
      diagnostics_
          .Report(DiagnosticKind::SyntaxError, {file_, range.begin, range.begin + 2},
                  "block comment is not closed")
          .hint = "end it with `*/`";
      return;
    }
    if (offending != nullptr && offending->getType() == WeftLexer::UNTERMINATED_STRING) {
      diagnostics_
          .Report(DiagnosticKind::UnterminatedString, range,
                  "string literal is not closed before the end of the line")
          .hint =
          "add the closing '\"'; inside a string, write \\n for a line break and \\{ for a brace";
      return;
    }
    Diagnostic& diagnostic =
        diagnostics_.Report(DiagnosticKind::SyntaxError, range, Rephrase(offending, message));
    if (offending != nullptr) diagnostic.hint = HintFor(offending->getText());
  }

 private:
  SourceRange RangeAt(antlr4::Token* token, size_t line, size_t column) const {
    if (token != nullptr && token->getStartIndex() != INVALID_INDEX) {
      uint32_t begin = offsets_.ByteOffset(token->getStartIndex());
      uint32_t end = token->getStopIndex() == INVALID_INDEX
                         ? begin
                         : offsets_.ByteOffset(token->getStopIndex() + 1);
      return {file_, begin, std::max(begin + 1, end)};
    }
    // Lexer errors come with a line and a code-point column only.
    std::string_view text = source_.Line(static_cast<uint32_t>(line));
    uint32_t begin = static_cast<uint32_t>(text.data() - source_.text().data());
    const std::string& all = source_.text();
    // Columns of the first line, like code point indices, start after a byte order mark.
    if (begin == 0 && all.starts_with("\xEF\xBB\xBF")) begin = 3;
    for (size_t seen = 0; seen < column && begin < all.size(); ++seen) {
      ++begin;
      while (begin < all.size() && (static_cast<unsigned char>(all[begin]) & 0xC0) == 0x80) ++begin;
    }
    return {file_, begin, begin + 1};
  }

  FileId file_;
  const SourceFile& source_;
  const OffsetMap& offsets_;
  DiagnosticEngine& diagnostics_;
  size_t count_ = 0;
};

// Returns false, after reporting, when brackets nest deeper than `max_nesting`. Deep nesting is
// rejected before parsing, because the recursive-descent parser and the AST builder use stack
// proportional to it.
bool CheckNesting(antlr4::CommonTokenStream& tokens, int max_nesting, FileId file,
                  const OffsetMap& offsets, DiagnosticEngine& diagnostics) {
  int depth = 0;
  for (antlr4::Token* token : tokens.getTokens()) {
    size_t type = token->getType();
    bool opens = type == WeftLexer::LPAREN || type == WeftLexer::LBRACKET ||
                 type == WeftLexer::LBRACE || type == WeftLexer::INTERPOLATION_START;
    bool closes =
        type == WeftLexer::RPAREN || type == WeftLexer::RBRACKET || type == WeftLexer::RBRACE;
    if (opens && ++depth > max_nesting) {
      uint32_t begin = offsets.ByteOffset(token->getStartIndex());
      diagnostics
          .Report(DiagnosticKind::NestingTooDeep, {file, begin, begin + 1},
                  fmt::format("brackets nest more than {} levels deep", max_nesting))
          .hint = fmt::format(
          "split the expression with `let` bindings, or raise the limit with `--max-nesting` (at "
          "most {})",
          kMaxNestingCeiling);
      return false;
    }
    if (closes && depth > 0) --depth;
  }
  return true;
}

// Parses with SLL prediction, which ignores the calling context, and without error recovery.
// ANTLR documents that SLL either yields the tree that full LL prediction would, or fails with
// a syntax error. On failure this returns null, and the caller parses again with LL. Trying SLL
// first pays off because ANTLR does not cache full LL predictions, and this grammar falls back
// to full LL often on valid files.
WeftParser::FileContext* ParseWithSll(BoundedParser& parser) {
  parser.removeErrorListeners();
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  try {
    return parser.file();
  } catch (const antlr4::ParseCancellationException&) {
    return nullptr;
  } catch (const RuleNestingTooDeep&) {
    // The LL parse reports it, at the place where LL prediction reaches the limit.
    return nullptr;
  }
}

}  // namespace

std::unique_ptr<ast::File> Parse(FileId file, DiagnosticEngine& diagnostics, int max_nesting) {
  const SourceFile& source = diagnostics.sources().Get(file);
  auto empty = std::make_unique<ast::File>();
  empty->file = file;

  size_t invalid_at = utf8::FindInvalid(source.text());
  if (invalid_at != std::string_view::npos) {
    auto offset = static_cast<uint32_t>(invalid_at);
    diagnostics
        .Report(DiagnosticKind::SyntaxError, {file, offset, offset + 1}, "file is not valid UTF-8")
        .hint = "save the file as UTF-8";
    return empty;
  }

  OffsetMap offsets(source.text());
  DiagnosticListener listener(file, source, offsets, diagnostics);
  internal::Lexer lexer(source.text(), &listener);
  BudgetedTokenStream tokens(&lexer);
  // Each parser owns the tree it builds, so both live until the AST is built.
  BoundedParser sll_parser(&tokens);
  std::unique_ptr<BoundedParser> ll_parser;

  try {
    tokens.fill();
    int nesting = std::clamp(max_nesting, 1, kMaxNestingCeiling);
    if (!CheckNesting(tokens, nesting, file, offsets, diagnostics)) return empty;
    WeftParser::FileContext* tree = ParseWithSll(sll_parser);
    if (tree == nullptr) {
      // The syntax errors, if any, are reported by this parse, with error recovery.
      // After some syntax errors its full LL prediction takes time quadratic in the length of an
      // operator chain: `y = each f(l x + x + ... + x` with 800 terms, an unclosed call in the
      // source of `each`, took about 9 s. The lookahead budget stops it at 0.6 s. Broken
      // programs made by cutting the golden files need at most 7 looks per token.
      tokens.seek(0);
      tokens.SetBudget(kLookaheadPerToken * tokens.size() + kLookaheadBase);
      ll_parser = std::make_unique<BoundedParser>(&tokens);
      ll_parser->removeErrorListeners();
      ll_parser->addErrorListener(&listener);
      tree = ll_parser->file();
      tokens.SetBudget(0);
    }
    internal::AstBuilder builder(file, source.text(), offsets, diagnostics);
    return builder.BuildFile(tree);
  } catch (const TooManyErrors&) {
    return empty;
  } catch (const RecoveryTooSlow& error) {
    uint32_t begin = offsets.ByteOffset(error.token->getStartIndex());
    diagnostics
        .Report(DiagnosticKind::TooManyErrors, {file, begin, begin + 1},
                "the parser stopped here, because recovering from the syntax errors before this "
                "point took too long")
        .hint = "fix the first syntax error and run the command again";
    return empty;
  } catch (const RuleNestingTooDeep& error) {
    uint32_t begin = offsets.ByteOffset(error.token->getStartIndex());
    diagnostics
        .Report(DiagnosticKind::NestingTooDeep, {file, begin, begin + 1},
                "the expression nests too deeply to parse")
        .hint = "split the expression with `let` bindings";
    return empty;
  } catch (const std::exception& error) {
    // The ANTLR runtime throws for internal faults. Such a fault becomes a diagnostic at the file
    // start, so that it ends the command with a message.
    diagnostics.Report(DiagnosticKind::SyntaxError, {file, 0, 0},
                       fmt::format("the parser failed: {}", error.what()));
    return empty;
  }
}

}  // namespace weft::syntax
