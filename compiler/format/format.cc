#include "compiler/format/format.h"

#include "compiler/format/layout_plan.h"
#include "compiler/format/printer.h"
#include "compiler/syntax/parse.h"
#include "compiler/syntax/tokens.h"

namespace weft::format {

std::optional<std::string> FormatFile(FileId file, DiagnosticEngine& diagnostics) {
  size_t errors_before = diagnostics.error_count();
  std::unique_ptr<ast::File> tree = syntax::Parse(file, diagnostics);
  if (diagnostics.error_count() > errors_before) return std::nullopt;

  const std::string& text = diagnostics.sources().Get(file).text();
  std::vector<syntax::Token> tokens = syntax::Tokenize(text);
  LayoutPlan plan = PlanLayout(*tree, tokens);
  std::string formatted = PrintTokens(text, tokens, plan);

  // A byte order mark is kept, so that rewriting a file changes nothing but its whitespace.
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  if (std::string_view(text).starts_with(kByteOrderMark)) {
    formatted.insert(0, kByteOrderMark);
  }
  return formatted;
}

}  // namespace weft::format
