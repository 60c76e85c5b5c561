// Fuzz target: splits arbitrary bytes as CSV, the format of table files. An error is expected
// for some inputs, but a crash, hang, sanitizer report or an error offset outside the text is a
// bug, and so is a cell offset outside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/check/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<weft::check::CsvRow> rows;
  std::string error;
  uint32_t error_offset = 0;
  if (!weft::check::ParseCsv(text, rows, error, error_offset)) {
    if (error.empty() || error_offset > size) std::abort();
    return 0;
  }
  for (const weft::check::CsvRow& row : rows) {
    if (row.cells.empty() || row.offset > size) std::abort();
    for (const weft::check::CsvCell& cell : row.cells) {
      if (cell.offset > size || cell.text.size() > size) std::abort();
    }
  }
  return 0;
}
