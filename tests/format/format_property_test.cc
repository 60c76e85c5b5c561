// Properties of `weft fmt` over every .map file of the repository, found when the test runs:
// formatting is idempotent, keeps the tokens and comments in order, and keeps the diagnostics
// of `weft check`. The `// INPUT:` lines of golden files are tried as .map text too, because the
// formatter's golden tests keep their inputs there.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include "compiler/frontend.h"
#include "compiler/syntax/tokens.h"
#include "tests/format/format_text.h"
#include "tests/support/project_files.h"
#include "tests/support/token_streams.h"

namespace weft::testing {
namespace {

namespace fs = std::filesystem;

// One text to format: a .map file, or the `// INPUT:` lines of a golden file.
struct Case {
  fs::path path;
  bool from_input_lines = false;
};

std::string TextOf(const Case& test_case) {
  std::string text = ReadText(test_case.path);
  return test_case.from_input_lines ? GoldenInput(text) : text;
}

std::vector<Case> RepositoryCases() {
  std::vector<Case> cases;
  for (const fs::path& path : ProjectMapFiles(WEFT_SOURCE_DIR)) {
    cases.push_back({path, false});
    if (!GoldenInput(ReadText(path)).empty()) cases.push_back({path, true});
  }
  std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) {
    return std::tie(a.path, a.from_input_lines) < std::tie(b.path, b.from_input_lines);
  });
  return cases;
}

// The type and text of every token, without positions, which formatting may change.
std::vector<std::pair<size_t, std::string>> TokenSequence(const std::string& text) {
  std::vector<std::pair<size_t, std::string>> sequence;
  for (const TokenRecord& token : LexWithWeft(text).tokens) {
    sequence.emplace_back(token.type, token.text);
  }
  return sequence;
}

// The comments in order, without the trailing spaces of line comments, which fmt removes.
std::vector<std::string> Comments(const std::string& text) {
  std::vector<std::string> comments;
  for (const syntax::Token& token : syntax::Tokenize(text)) {
    std::string_view comment = token.text;
    if (token.kind == syntax::TokenKind::kLineComment) {
      while (!comment.empty() && (comment.back() == ' ' || comment.back() == '\t')) {
        comment.remove_suffix(1);
      }
    } else if (token.kind != syntax::TokenKind::kBlockComment) {
      continue;
    }
    comments.emplace_back(comment);
  }
  return comments;
}

// The kind, severity and message of every diagnostic of `weft check`, sorted, without positions.
std::vector<std::string> CheckDiagnostics(const fs::path& path, const std::string& text) {
  std::unique_ptr<Frontend> frontend = CheckText(path.string(), text);
  std::vector<std::string> found;
  for (const Diagnostic& diagnostic : frontend->diagnostics.diagnostics()) {
    found.push_back(std::string(InfoOf(diagnostic.kind).name) + " " +
                    std::string(SeverityName(diagnostic.severity)) + ": " + diagnostic.message);
  }
  std::sort(found.begin(), found.end());
  return found;
}

// Rebuilds `text` from its tokens with `separator` between them, and a line break after each line
// comment, so that the layout is as far from the canonical one as the tokens allow.
std::string Respaced(const std::string& text, std::string_view separator) {
  std::string respaced;
  for (const syntax::Token& token : syntax::Tokenize(text)) {
    respaced += token.text;
    respaced += token.kind == syntax::TokenKind::kLineComment ? "\n" : separator;
  }
  return respaced;
}

class FormatProperties : public ::testing::TestWithParam<Case> {
 protected:
  // Formats the case's text into `formatted_`, or skips a text with syntax errors.
  void SetUp() override {
    text_ = TextOf(GetParam());
    std::optional<std::string> formatted = FormatText(text_, GetParam().path.string());
    if (!formatted) GTEST_SKIP() << "the parser rejects this text";
    formatted_ = *formatted;
  }

  std::string text_;
  std::string formatted_;
};

TEST_P(FormatProperties, FormattingTwiceChangesNothing) {
  EXPECT_EQ(FormatText(formatted_, GetParam().path.string()), formatted_);
}

TEST_P(FormatProperties, TokensStayTheSame) {
  EXPECT_EQ(TokenSequence(formatted_), TokenSequence(text_));
}

TEST_P(FormatProperties, CommentsStayInOrder) { EXPECT_EQ(Comments(formatted_), Comments(text_)); }

TEST_P(FormatProperties, DiagnosticsStayTheSame) {
  EXPECT_EQ(CheckDiagnostics(GetParam().path, formatted_),
            CheckDiagnostics(GetParam().path, text_));
}

TEST_P(FormatProperties, AnySpacingGivesStableLayout) {
  for (std::string_view separator : {" ", "\n", "\n\n"}) {
    std::string respaced = Respaced(text_, separator);
    std::optional<std::string> formatted = FormatText(respaced, GetParam().path.string());
    ASSERT_TRUE(formatted.has_value()) << "separator " << ::testing::PrintToString(separator);
    EXPECT_EQ(TokenSequence(*formatted), TokenSequence(text_));
    EXPECT_EQ(Comments(*formatted), Comments(text_));
    EXPECT_EQ(FormatText(*formatted, GetParam().path.string()), formatted);
  }
}

std::string CaseName(const ::testing::TestParamInfo<Case>& info) {
  std::string name = fs::relative(info.param.path, WEFT_SOURCE_DIR).replace_extension().string();
  if (info.param.from_input_lines) name += "_input";
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); },
      '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Repository, FormatProperties, ::testing::ValuesIn(RepositoryCases()),
                         CaseName);

// Guards against the file search finding nothing, which would make every property pass vacuously.
TEST(FormatCoverage, MostRepositoryFilesAreFormatted) {
  std::vector<fs::path> files = ProjectMapFiles(WEFT_SOURCE_DIR);
  size_t formatted = std::count_if(files.begin(), files.end(), [](const fs::path& path) {
    return FormatText(ReadText(path), path.string()).has_value();
  });
  std::cout << "formatted " << formatted << " of " << files.size() << " .map files\n";
  EXPECT_GE(formatted, 50u);
}

}  // namespace
}  // namespace weft::testing
