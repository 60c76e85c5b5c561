// Compares Weft's lexer with ANTLR's lexer generated from grammar/WeftLexer.g4: both must emit
// the same tokens and errors for every .map file of the project, a table of hard cases and
// thousands of seeded random texts.
#include "compiler/syntax/internal/lexer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "WeftLexer.h"
#include "stdlib/utf8.h"
#include "tests/support/project_files.h"
#include "tests/support/token_streams.h"

namespace weft::testing {
namespace {

namespace fs = std::filesystem;
using namespace std::string_view_literals;
using T = weft_antlr::WeftLexer;

std::vector<size_t> TypesOf(std::string_view text) {
  std::vector<size_t> types;
  for (const TokenRecord& token : LexWithWeft(text).tokens) types.push_back(token.type);
  return types;
}

TEST(Lexer, MatchesAntlrOnProjectFiles) {
  std::vector<fs::path> files = ProjectMapFiles(WEFT_SOURCE_DIR);
  EXPECT_GE(files.size(), 60u);
  for (const fs::path& file : files) {
    std::string text = ReadText(file);
    EXPECT_EQ(CompareLexers(text), "") << file;
    std::string input = GoldenInput(text);
    if (!input.empty()) {
      EXPECT_EQ(CompareLexers(input), "") << file << " (INPUT lines)";
    }
  }
}

// Each case is a text where a simpler lexer would differ from the grammar.
constexpr std::string_view kHardCases[] = {
    "",
    " ",
    "\n",
    "x",
    "1.",
    "1.x",
    "1.5",
    "1.5.3",
    "1..2",
    "007",
    "1abc",
    "a?.b",
    "a??b",
    "a ? b",
    "a?",
    "?.5",
    "?..",
    "a=>b",
    "a==b",
    "a=b",
    "a===b",
    "a->b",
    "a-->b",
    "-1",
    "a!=b",
    "!a",
    "!",
    "<=>=<>",
    "_",
    "__",
    "_1",
    "and andx x_and AND",
    "skip skipped",
    "fn FN",
    "`quoted name`",
    "`",
    "``",
    "```",
    "`a\nb`",
    "`a\r`",
    "`é`",
    "`unclosed",
    "/",
    "//",
    "// comment",
    "// comment\r\nx",
    "a // comment\n b",
    "/**/",
    "/*/",
    "/* a */ b */",
    "/* unclosed",
    "/* /* /* nothing closes",
    "x /* a\n b */ y",
    "/* one */ /* two",
    "a/b",
    "a/*b",
    "\"\"",
    "\"text\"",
    "\"unterminated",
    "\"unterminated\n  x = 1",
    "\"line\r\nbreak\"",
    "\"a\\\"b\"",
    "\"\\n\\t\\\\\\{\"",
    "\"\\é\"",
    "\"\\\nnext line\"",
    "\"\\\r\nx\"",
    "\"ends with a backslash\\",
    "\"\\",
    "\"a {b} c\"",
    "\"{x + \"inner {y}\"}\"",
    "\"{ {a} }\"",
    "\"{\"",
    "\"}\"",
    "\"a } b\"",
    "}",
    "} } {",
    "{ } }",
    "\"{ } }\"",
    "{{{",
    "\"{\"{\"{",
    "é",
    "€ 𝄞 x",
    "\"é € 𝄞\"",
    "naïve",
    "x\ty\tz",
    "a\rb\rc",
    "\r\n\r\n x",
    "\xEF\xBB\xBFmap x",
    "x \xEF\xBB\xBF y",
    "a\0b"sv,
    "a\0b\"\0\""sv,
    "#;&'$^~",
    "\x01\x7F",
};

TEST(Lexer, MatchesAntlrOnHardCases) {
  for (std::string_view text : kHardCases) EXPECT_EQ(CompareLexers(text), "") << text;
}

// Returns a text of up to 40 pieces: the grammar's literal tokens, pieces of the other rules,
// encoded code points and, rarely, a random byte.
std::string RandomText(std::mt19937& random, const std::vector<std::string>& pieces) {
  std::string text;
  size_t count = random() % 41;
  for (size_t i = 0; i < count; ++i) {
    switch (random() % 10) {
      case 0: {
        char32_t code_point = random() % 0x110000;
        if (code_point >= 0xD800 && code_point <= 0xDFFF) code_point = 0xFFFD;
        if (code_point < 0x80) {
          text += static_cast<char>(code_point);
        } else if (code_point < 0x800) {
          text += static_cast<char>(0xC0 | (code_point >> 6));
          text += static_cast<char>(0x80 | (code_point & 0x3F));
        } else if (code_point < 0x10000) {
          text += static_cast<char>(0xE0 | (code_point >> 12));
          text += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
          text += static_cast<char>(0x80 | (code_point & 0x3F));
        } else {
          text += static_cast<char>(0xF0 | (code_point >> 18));
          text += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
          text += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
          text += static_cast<char>(0x80 | (code_point & 0x3F));
        }
        break;
      }
      case 1:
        if (random() % 8 == 0) {
          text += static_cast<char>(random());
        } else {
          text += static_cast<char>(random() % 0x80);
        }
        break;
      default:
        text += pieces[random() % pieces.size()];
    }
  }
  return text;
}

// Compares the lexers on `count` random texts of `pieces` and returns how many of the texts were
// not valid UTF-8.
int CompareOnRandomTexts(const std::vector<std::string>& pieces, unsigned seed, int count) {
  std::mt19937 random(seed);
  int invalid = 0;
  for (int i = 0; i < count; ++i) {
    std::string text = RandomText(random, pieces);
    if (utf8::FindInvalid(text) != std::string_view::npos) ++invalid;
    std::string difference = CompareLexers(text);
    EXPECT_EQ(difference, "") << "random text " << i << ": " << text;
    if (!difference.empty()) break;
  }
  return invalid;
}

TEST(Lexer, MatchesAntlrOnRandomTexts) {
  std::vector<std::string> pieces = LiteralTokenTexts();
  // The grammar has 30 keywords and 27 operators and punctuation marks.
  ASSERT_GE(pieces.size(), 57u);
  for (const char* piece :
       {"name", "x1",  "_", "0", "42", "1.",           "3.14", ".5", "`", "`quoted`", "\"", "\\",
        "\\\"", "\\{", "{", "}", "/*", "*/",           "//",   "/",  "*", "\n",       "\r", "\r\n",
        " ",    "\t",  "é", "€", "𝄞",  "\xEF\xBB\xBF", "?",    "=",  "-", ">",        "!"}) {
    pieces.push_back(piece);
  }

  constexpr int kTexts = 5000;
  int invalid = CompareOnRandomTexts(pieces, 20261204, kTexts);
  // Most texts must be valid UTF-8, or the comparison would test little.
  EXPECT_LT(invalid, kTexts / 4);
}

// Strings end at a line break, so texts of all tokens rarely reach deep into STRING_MODE. These
// texts are made mostly of the pieces that strings and interpolations consist of.
TEST(Lexer, MatchesAntlrOnRandomStrings) {
  std::vector<std::string> pieces = {
      "\"",  "\"",  "\"",  "{",    "{",      "}",    "}",       "\\",   "\\\\", "\\\"",
      "\\{", "\\n", "\\é", "\\\n", "\\\r\n", "text", " ",       "é",    "€",    "𝄞",
      "\n",  "\r",  "x",   "+",    "1.5",    "`q`",  "/* c */", "// c", "?.",   "name"};

  constexpr int kTexts = 3000;
  int invalid = CompareOnRandomTexts(pieces, 77, kTexts);
  EXPECT_LT(invalid, kTexts / 4);
}

TEST(Lexer, EndsNumberBeforeDotWithoutDigit) {
  EXPECT_EQ(TypesOf("1.x"),
            (std::vector<size_t>{T::INT_LIT, T::DOT, T::IDENT, antlr4::Token::EOF}));
  EXPECT_EQ(TypesOf("1.5"), (std::vector<size_t>{T::DECIMAL_LIT, antlr4::Token::EOF}));
}

TEST(Lexer, ReadsUnclosedBlockCommentAsSlash) {
  EXPECT_EQ(TypesOf("/* a"),
            (std::vector<size_t>{T::SLASH, T::STAR, T::IDENT, antlr4::Token::EOF}));
  EXPECT_EQ(TypesOf("/* a */ b"), (std::vector<size_t>{T::IDENT, antlr4::Token::EOF}));
}

TEST(Lexer, ClosesInterpolationAtMatchingBrace) {
  EXPECT_EQ(TypesOf("\"a{ {b} }c\""),
            (std::vector<size_t>{T::STRING_START, T::STRING_TEXT, T::INTERPOLATION_START, T::LBRACE,
                                 T::IDENT, T::RBRACE, T::RBRACE, T::STRING_TEXT, T::STRING_END,
                                 antlr4::Token::EOF}));
}

TEST(Lexer, ReportsBackslashBeforeLineBreak) {
  LexResult result = LexWithWeft("\"ab\\\ncd\"");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].line, 1u);
  EXPECT_EQ(result.errors[0].column, 3u);
  EXPECT_EQ(result.errors[0].message, "token recognition error at: '\\\\n'");
  // The line break is skipped with the backslash, so the string goes on on the next line.
  ASSERT_EQ(result.tokens.size(), 5u);
  EXPECT_EQ(result.tokens[2].type, T::STRING_TEXT);
  EXPECT_EQ(result.tokens[2].line, 2u);
}

TEST(Lexer, CountsIndicesInCodePoints) {
  LexResult result = LexWithWeft("é 𝄞x");
  ASSERT_EQ(result.tokens.size(), 4u);
  EXPECT_EQ(result.tokens[1].start, 2u);
  EXPECT_EQ(result.tokens[2].start, 3u);
  EXPECT_EQ(result.tokens[2].column, 3u);
  EXPECT_EQ(result.tokens[2].text, "x");
}

TEST(Lexer, ReturnsEofAgainAtEnd) {
  syntax::internal::Lexer lexer("x", nullptr);
  EXPECT_EQ(lexer.nextToken()->getType(), T::IDENT);
  EXPECT_EQ(lexer.nextToken()->getType(), antlr4::Token::EOF);
  EXPECT_EQ(lexer.nextToken()->getType(), antlr4::Token::EOF);
}

TEST(Lexer, StaysLinearOnManyUnclosedComments) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "/* ";
  // Without the cache of the failed search for "*/", each `/*` would scan the rest of the text,
  // about 10^10 bytes in all.
  EXPECT_EQ(LexWithWeft(text).tokens.size(), 200001u);
}

// The dictionary of the fuzz targets fuzz_check and fuzz_lexer lets them insert whole tokens, so
// it must keep up with the grammar.
TEST(Lexer, FuzzDictionaryHasEveryLiteralToken) {
  std::string dictionary = ReadText(fs::path(WEFT_SOURCE_DIR) / "tests/fuzz/weft.dict");
  antlr4::ANTLRInputStream input("");
  T lexer(&input);
  const antlr4::dfa::Vocabulary& vocabulary = lexer.getVocabulary();
  for (size_t type = 1; type <= vocabulary.getMaxTokenType(); ++type) {
    std::string literal = vocabulary.getLiteralName(type);
    if (literal.size() < 3) continue;
    // ANTLR writes a literal in single quotes, with a backslash escaped.
    std::string text = literal.substr(1, literal.size() - 2);
    if (text == "\\\\") text = "\\";
    std::string entry = "\"";
    for (char c : text)
      entry += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
    entry += "\"\n";
    EXPECT_NE(dictionary.find("\n" + entry), std::string::npos) << "missing: " << entry;
  }
}

}  // namespace
}  // namespace weft::testing
