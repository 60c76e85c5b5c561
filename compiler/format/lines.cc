#include "compiler/format/lines.h"

#include <algorithm>
#include <map>

namespace weft::format {
namespace {

// Counts code points, so that a quoted name with non-ASCII letters lines up by what editors show.
size_t Width(std::string_view text) {
  return std::count_if(text.begin(), text.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

bool Alignable(const PrintedItem& item) {
  return item.aligned != AlignedToken::kNone && item.first_line == item.last_line &&
         item.aligned_column != std::string::npos;
}

void PadRun(std::vector<Line>& lines, const std::vector<const PrintedItem*>& run) {
  size_t column = 0;
  for (const PrintedItem* item : run) {
    column = std::max(column, Width(lines[item->first_line].text.substr(0, item->aligned_column)));
  }
  for (const PrintedItem* item : run) {
    std::string& text = lines[item->first_line].text;
    size_t width = Width(text.substr(0, item->aligned_column));
    text.insert(item->aligned_column, column - width, ' ');
  }
}

}  // namespace

void AlignItems(std::vector<Line>& lines, const std::vector<PrintedItem>& items) {
  std::map<size_t, std::vector<const PrintedItem*>> by_block;
  for (const PrintedItem& item : items) by_block[item.block].push_back(&item);

  for (const auto& [block, block_items] : by_block) {
    std::vector<const PrintedItem*> run;
    for (const PrintedItem* item : block_items) {
      bool continues = !run.empty() && Alignable(*item) && !item->separated &&
                       item->aligned == run.back()->aligned;
      if (!continues) {
        PadRun(lines, run);
        run.clear();
      }
      if (Alignable(*item)) run.push_back(item);
    }
    PadRun(lines, run);
  }
}

std::string JoinLines(const std::vector<Line>& lines) {
  std::string text;
  for (const Line& line : lines) {
    if (line.blank_before) text += '\n';
    text.append(line.indent, ' ');
    text += line.text;
    text += '\n';
  }
  return text;
}

}  // namespace weft::format
