#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "compiler/format/layout_plan.h"

// The printer's output before alignment: lines, and the items of blocks that they hold.
namespace weft::format {

struct Line {
  // Spaces before the text.
  int indent = 0;
  std::string text;
  // An empty line comes before this one.
  bool blank_before = false;
};

// An item of a block-layout brace as printed.
struct PrintedItem {
  // The id of the enclosing block, so that only items of one block line up with each other.
  size_t block = 0;
  size_t first_line = 0;
  // The last line with one of the item's tokens. Comments on their own lines do not count.
  size_t last_line = 0;
  AlignedToken aligned = AlignedToken::kNone;
  // The byte offset in the source of the aligned token.
  uint32_t aligned_offset = 0;
  // The byte index in the first line's text of the aligned token, when it is on that line.
  std::string::size_type aligned_column = std::string::npos;
  // A blank line comes between this item and the one before it.
  bool separated = false;
};

// Pads the items of each block that sit on one line each, in runs of consecutive items with the
// same aligned token, so that those tokens line up. A blank line, an item of another kind and an
// item that spans lines end a run.
void AlignItems(std::vector<Line>& lines, const std::vector<PrintedItem>& items);

// Joins the lines into the file's text, each ended by a line feed.
std::string JoinLines(const std::vector<Line>& lines);

}  // namespace weft::format
