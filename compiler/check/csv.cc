#include "compiler/check/csv.h"

namespace weft::check {

bool ParseCsv(std::string_view text, std::vector<CsvRow>& rows, std::string& error,
              uint32_t& error_offset) {
  size_t at = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (at < text.size()) {
    if (text[at] == '\n' || text[at] == '\r') {
      ++at;
      continue;
    }
    CsvRow row;
    row.offset = static_cast<uint32_t>(at);
    while (true) {
      CsvCell cell;
      cell.offset = static_cast<uint32_t>(at);
      if (at < text.size() && text[at] == '"') {
        ++at;
        while (true) {
          if (at >= text.size()) {
            error = "a quoted cell is never closed";
            error_offset = cell.offset;
            return false;
          }
          if (text[at] == '"') {
            if (at + 1 < text.size() && text[at + 1] == '"') {
              cell.text += '"';
              at += 2;
              continue;
            }
            ++at;
            break;
          }
          cell.text += text[at++];
        }
        if (at < text.size() && text[at] != ',' && text[at] != '\n' && text[at] != '\r') {
          error = "text follows the closing quote of a cell; double a quote inside a quoted cell";
          error_offset = static_cast<uint32_t>(at);
          return false;
        }
      } else {
        while (at < text.size() && text[at] != ',' && text[at] != '\n' && text[at] != '\r') {
          cell.text += text[at++];
        }
      }
      row.cells.push_back(std::move(cell));
      if (at < text.size() && text[at] == ',') {
        ++at;
        continue;
      }
      break;
    }
    if (at < text.size() && text[at] == '\r') ++at;
    if (at < text.size() && text[at] == '\n') ++at;
    rows.push_back(std::move(row));
  }
  return true;
}

}  // namespace weft::check
