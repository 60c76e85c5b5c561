#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace weft::check {

// One cell of a CSV file, with the byte offset where it starts, for diagnostics.
struct CsvCell {
  std::string text;
  uint32_t offset = 0;
};

struct CsvRow {
  std::vector<CsvCell> cells;
  uint32_t offset = 0;
};

// Splits RFC 4180 CSV text into rows with the syntax of runtime/csv_syntax.h: comma-separated
// cells, quoted cells with doubled quotes and line breaks inside, CRLF or LF line ends, and a
// leading UTF-8 byte order mark. Blank lines are skipped. Returns false with `error` and `error_offset` set for a quote that is never closed or
// text after a closing quote.
bool ParseCsv(std::string_view text, std::vector<CsvRow>& rows, std::string& error,
              uint32_t& error_offset);

}  // namespace weft::check
