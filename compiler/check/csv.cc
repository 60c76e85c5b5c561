#include "compiler/check/csv.h"

#include "runtime/csv_syntax.h"

namespace weft::check {

bool ParseCsv(std::string_view text, std::vector<CsvRow>& rows, std::string& error,
              uint32_t& error_offset) {
  runtime::CsvFramer framer;
  std::vector<runtime::CsvCell> cells;
  std::string unescaped;
  runtime::CsvSyntaxError syntax_error;
  size_t start = 0;
  while (true) {
    runtime::CsvFrame frame = framer.FindRecordEnd(text, start, /*at_end=*/true);
    if (frame.status == runtime::CsvFrameStatus::EndOfInput) return true;
    if (frame.status == runtime::CsvFrameStatus::UnclosedQuote) {
      error = "a quoted cell is never closed";
      error_offset = static_cast<uint32_t>(frame.open_quote);
      return false;
    }
    start = frame.end;
    std::string_view record = text.substr(frame.begin, frame.text_end - frame.begin);
    if (record.empty()) continue;

    if (!runtime::SplitCsvRecord(record, ',', cells, unescaped, syntax_error)) {
      error = syntax_error.message;
      error_offset = static_cast<uint32_t>(frame.begin + syntax_error.offset);
      return false;
    }
    CsvRow& row = rows.emplace_back();
    row.offset = static_cast<uint32_t>(frame.begin);
    for (const runtime::CsvCell& cell : cells) {
      row.cells.push_back({std::string(cell.text), static_cast<uint32_t>(frame.begin + cell.offset)});
    }
  }
}

}  // namespace weft::check
