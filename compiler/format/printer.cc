#include "compiler/format/printer.h"

#include <algorithm>

#include "compiler/format/lines.h"

namespace weft::format {
namespace {

using syntax::Token;
using syntax::TokenKind;

// Spaces per block level, and the extra indent of a line that continues an item.
constexpr int kIndent = 2;
constexpr int kContinuation = 4;
constexpr size_t kNone = static_cast<size_t>(-1);

bool IsComment(const Token& token) {
  return token.kind == TokenKind::kLineComment || token.kind == TokenKind::kBlockComment;
}

// Tokens that stay on the line before them even where the source breaks the line.
bool StaysOnLine(const Token& token) {
  return token.text == ")" || token.text == "]" || token.text == "," || token.text == "{" ||
         token.text == "}";
}

std::string_view TrimRight(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// A `{` whose `}` has not been printed yet, or the file itself at the bottom of the stack.
struct OpenBlock {
  size_t id = 0;
  bool block_layout = true;
  // The indent of the line with the `{`, where the `}` of a block-layout brace goes.
  int outer_indent = 0;
  // The indent of the items, which for a brace laid out on one line is the enclosing block's.
  int inner_indent = 0;
  uint32_t close = 0;
  // A line has been started inside the block, so a blank line may come before the next one.
  bool started = false;
  // The index in the printed items of the item being printed, or kNone.
  size_t item = kNone;
  bool blank_since_item = false;
};

// What came last at the top level of the file, which decides the blank lines before the next
// declaration or comment.
enum class TopLevel { kStart, kDeclaration, kImport, kComment };

class Printer {
 public:
  Printer(std::string_view text, const std::vector<Token>& tokens, const LayoutPlan& plan)
      : text_(text), tokens_(tokens), plan_(plan) {
    MatchBraces();
    blocks_.push_back(OpenBlock{});
  }

  std::string Print() {
    for (size_t i = 0; i < tokens_.size(); ++i) {
      if (IsComment(tokens_[i])) {
        PlaceComment(i);
      } else {
        PlaceCode(i);
      }
    }
    AlignItems(lines_, items_);
    return JoinLines(lines_);
  }

 private:
  void MatchBraces();
  void PlaceComment(size_t i);
  void PlaceCode(size_t i);
  bool PlaceOnNewLine(size_t i);
  bool IsBetweenItems(size_t next) const;
  bool AfterLeadingComment(size_t i) const;
  bool TopLevelBlank(size_t i, TopLevel next) const;
  void StartItem(size_t i, bool new_line);
  void StartLine(int indent, bool blank);
  void Append(size_t i, bool space);
  bool SpaceBetween(const Token& before, const Token& token) const;
  void OpenBrace(size_t i);
  void NoteItemToken();
  PrintedItem* CurrentItem();
  size_t Newlines(size_t i) const;
  size_t NextCode(size_t i) const;

  OpenBlock& Top() { return blocks_.back(); }
  const OpenBlock& Top() const { return blocks_.back(); }
  int ContinuationIndent() const { return Top().inner_indent + kContinuation; }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  const LayoutPlan& plan_;
  // The offset of the `}` that closes each `{`.
  std::unordered_map<uint32_t, uint32_t> closes_;

  std::vector<OpenBlock> blocks_;
  size_t next_block_id_ = 1;
  TopLevel top_level_ = TopLevel::kStart;
  std::vector<Line> lines_;
  std::vector<PrintedItem> items_;
};

void Printer::MatchBraces() {
  std::vector<uint32_t> open;
  for (const Token& token : tokens_) {
    if (token.kind != TokenKind::kPunctuation) continue;
    if (token.text == "{") open.push_back(token.begin);
    if (token.text == "}" && !open.empty()) {
      closes_[open.back()] = token.begin;
      open.pop_back();
    }
  }
}

void Printer::PlaceComment(size_t i) {
  size_t newlines = Newlines(i);
  if (newlines == 0 && !lines_.empty()) {
    Append(i, true);
    return;
  }
  size_t next = NextCode(i);
  if (!IsBetweenItems(next)) {
    StartLine(ContinuationIndent(), false);
  } else if (blocks_.size() == 1) {
    StartLine(0, TopLevelBlank(i, TopLevel::kComment));
    top_level_ = TopLevel::kComment;
  } else {
    StartLine(Top().inner_indent, Top().started && newlines >= 2);
  }
  Top().started = true;
  Append(i, false);
}

// Returns whether the token at `next` starts an item or a declaration, closes the block-layout
// brace around it or is the end of the file, so that a comment before it is on an item's level.
bool Printer::IsBetweenItems(size_t next) const {
  if (next == kNone) return true;
  const Token& token = tokens_[next];
  if (blocks_.size() == 1) return plan_.declarations.count(token.begin) > 0;
  if (!Top().block_layout) return false;
  return !Top().started || token.begin == Top().close || plan_.items.count(token.begin) > 0;
}

void Printer::PlaceCode(size_t i) {
  const Token& token = tokens_[i];
  bool closes = token.text == "}" && blocks_.size() > 1 && token.begin == Top().close;
  if (closes && Top().block_layout) {
    int indent = Top().outer_indent;
    blocks_.pop_back();
    StartLine(indent, false);
    Append(i, false);
  } else {
    bool space = !PlaceOnNewLine(i);
    if (closes) blocks_.pop_back();
    Append(i, space);
  }
  NoteItemToken();
  if (token.text == "{" && token.kind == TokenKind::kPunctuation) OpenBrace(i);
}

// Starts a line for the token when the layout requires one, and returns whether it did.
bool Printer::PlaceOnNewLine(size_t i) {
  const Token& token = tokens_[i];
  if (blocks_.size() == 1 && plan_.declarations.count(token.begin) > 0) {
    TopLevel kind =
        plan_.imports.count(token.begin) > 0 ? TopLevel::kImport : TopLevel::kDeclaration;
    bool new_line = !AfterLeadingComment(i);
    if (new_line) StartLine(0, TopLevelBlank(i, kind));
    top_level_ = kind;
    return new_line;
  }
  if (Top().block_layout && blocks_.size() > 1 && plan_.items.count(token.begin) > 0) {
    bool new_line = !AfterLeadingComment(i);
    StartItem(i, new_line);
    return new_line;
  }
  if (plan_.when_clauses.count(token.begin) > 0) {
    StartLine(Top().inner_indent + kIndent, false);
    return true;
  }
  if (plan_.bodies_after_when.count(token.begin) > 0) {
    StartLine(Top().inner_indent, false);
    return true;
  }
  if (Top().block_layout && blocks_.size() > 1 && !Top().started) {
    StartLine(Top().inner_indent, false);
    Top().started = true;
    return true;
  }
  bool after_line_comment = i > 0 && tokens_[i - 1].kind == TokenKind::kLineComment;
  if (lines_.empty() || after_line_comment || (Newlines(i) > 0 && !StaysOnLine(token))) {
    StartLine(lines_.empty() ? 0 : ContinuationIndent(), false);
    return true;
  }
  return false;
}

bool Printer::TopLevelBlank(size_t i, TopLevel next) const {
  switch (top_level_) {
    case TopLevel::kStart:
      return false;
    case TopLevel::kComment:
      return Newlines(i) >= 2;
    case TopLevel::kImport:
      return next != TopLevel::kImport || Newlines(i) >= 2;
    case TopLevel::kDeclaration:
      return true;
  }
  return true;
}

// Returns whether the token follows a block comment that opens its line, as in
// `/* unit: cents */ amount: int`, so that the token stays on the comment's line.
bool Printer::AfterLeadingComment(size_t i) const {
  return i > 0 && tokens_[i - 1].kind == TokenKind::kBlockComment && Newlines(i) == 0 &&
         lines_.back().text == tokens_[i - 1].text;
}

// Starts the item at token `i`, on a line of its own when `new_line` is set.
void Printer::StartItem(size_t i, bool new_line) {
  OpenBlock& block = Top();
  bool separated = block.started && (block.blank_since_item || Newlines(i) >= 2);
  if (new_line) StartLine(block.inner_indent, block.started && Newlines(i) >= 2);
  block.started = true;

  const Item& planned = plan_.items.at(tokens_[i].begin);
  PrintedItem item;
  item.block = block.id;
  item.first_line = item.last_line = lines_.size() - 1;
  item.aligned = planned.aligned;
  item.aligned_offset = planned.aligned_at;
  item.separated = separated;
  block.item = items_.size();
  block.blank_since_item = false;
  items_.push_back(item);
}

// Extends the current item to the line just printed on.
void Printer::NoteItemToken() {
  if (PrintedItem* item = CurrentItem()) item->last_line = lines_.size() - 1;
}

void Printer::StartLine(int indent, bool blank) {
  lines_.push_back(Line{indent, "", blank});
  if (blank) Top().blank_since_item = true;
}

void Printer::Append(size_t i, bool space) {
  const Token& token = tokens_[i];
  std::string& line = lines_.back().text;
  if (space && !line.empty() && SpaceBetween(tokens_[i - 1], token)) line += ' ';
  if (PrintedItem* item = CurrentItem()) {
    if (token.begin == item->aligned_offset && item->first_line == lines_.size() - 1) {
      item->aligned_column = line.size();
    }
  }
  line += token.kind == TokenKind::kLineComment ? TrimRight(token.text) : token.text;
}

// Returns whether one space goes between two tokens on one line.
bool Printer::SpaceBetween(const Token& before, const Token& token) const {
  if (IsComment(before) || IsComment(token)) return true;
  static constexpr std::string_view kNoSpaceBefore[] = {",", ")", "]", ".", "?.", ":", "?"};
  static constexpr std::string_view kNoSpaceAfter[] = {"(", "[", ".", "?.", "@"};
  for (std::string_view text : kNoSpaceBefore) {
    if (token.text == text && token.kind == TokenKind::kPunctuation) return false;
  }
  for (std::string_view text : kNoSpaceAfter) {
    if (before.text == text && before.kind == TokenKind::kPunctuation) return false;
  }
  if (before.text == "{" && token.text == "}") return false;
  if (plan_.prefix_minus.count(before.begin) > 0) return false;
  if (plan_.attached_brackets.count(token.begin) > 0) return false;
  if (plan_.type_angles.count(token.begin) > 0) return false;
  return !(before.text == "<" && plan_.type_angles.count(before.begin) > 0);
}

void Printer::OpenBrace(size_t i) {
  const Token& token = tokens_[i];
  OpenBlock block;
  block.id = next_block_id_++;
  auto close = closes_.find(token.begin);
  block.close = close == closes_.end() ? static_cast<uint32_t>(text_.size()) : close->second;
  auto layout = plan_.braces.find(token.begin);
  bool broken =
      text_.substr(token.begin, block.close - token.begin).find('\n') != std::string_view::npos;
  block.block_layout = layout != plan_.braces.end() &&
                       (layout->second == BraceLayout::kBlock || broken) &&
                       !(i + 1 < tokens_.size() && tokens_[i + 1].begin == block.close);
  block.outer_indent = lines_.back().indent;
  block.inner_indent = block.block_layout ? block.outer_indent + kIndent : Top().inner_indent;
  blocks_.push_back(block);
}

// Returns the item being printed in the innermost block-layout brace, or null.
PrintedItem* Printer::CurrentItem() {
  for (auto block = blocks_.rbegin(); block != blocks_.rend(); ++block) {
    if (!block->block_layout) continue;
    return block->item == kNone ? nullptr : &items_[block->item];
  }
  return nullptr;
}

size_t Printer::Newlines(size_t i) const {
  uint32_t from = i == 0 ? 0 : tokens_[i - 1].end;
  std::string_view between = text_.substr(from, tokens_[i].begin - from);
  return std::count(between.begin(), between.end(), '\n');
}

// Returns the index of the first token after `i` that is no comment, or kNone.
size_t Printer::NextCode(size_t i) const {
  for (size_t next = i + 1; next < tokens_.size(); ++next) {
    if (!IsComment(tokens_[next])) return next;
  }
  return kNone;
}

}  // namespace

std::string PrintTokens(std::string_view text, const std::vector<syntax::Token>& tokens,
                        const LayoutPlan& plan) {
  return Printer(text, tokens, plan).Print();
}

}  // namespace weft::format
