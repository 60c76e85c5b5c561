#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/schema/types.h"
#include "runtime/abi.h"

namespace weft::runtime {

enum class CsvLineEnd {
  // CR LF, the line end that RFC 4180 specifies, and the default.
  Crlf,
  Lf,
};

// Writes target records of one flat record type as CSV rows, the fields in schema order, after a
// header row of the field names. A null is an empty cell. A cell is quoted only when it must be.
// That is when it is empty, so that an empty string differs from a null, or when it contains the
// delimiter, a quote, CR or LF, or starts or ends with a space or a tab. Quotes inside are
// doubled.
// Decimals are written at their scale in plain positional notation ("-12.50"), floats as the
// shortest text that reads back as the same double, bools as true or false. A string with U+0000
// rejects its record, because many CSV readers end a cell or a line at that byte.
class CsvRecordWriter {
 public:
  // Creates a writer. `assigned[i]` is true when the rule assigns field i, and empty means the
  // rule assigns all. The other fields are written with the schema's default. Returns null with
  // `error` set for an invalid delimiter, a field that is a record or a list, or a field name or
  // a default that contains U+0000.
  static std::unique_ptr<CsvRecordWriter> Create(const schema::RecordType& record, char delimiter,
                                                 CsvLineEnd line_end,
                                                 const std::vector<bool>& assigned,
                                                 std::string& error);

  // Appends the header row. Call it once before the first record, also when none follows, so
  // that the output is a CSV file with its header.
  void WriteHeader(std::string& out) const;

  // Appends one row. Returns "" on success, or the reason the record cannot be written, naming
  // the field, in which case nothing is appended and the caller rejects the record. `field` is
  // then the index of that field.
  std::string Write(const WeftSlot* slots, std::string& out, int& field) const;
  std::string Write(const WeftSlot* slots, std::string& out) const {
    int field = -1;
    return Write(slots, out, field);
  }

 private:
  CsvRecordWriter(const schema::RecordType& record, char delimiter, CsvLineEnd line_end);

  // Sets the cell written for each field that the rule leaves to the schema's default. Returns
  // the reason a default cannot be written, or "".
  std::string PrepareDefaults(const std::vector<bool>& assigned);
  // Appends `text` as one cell, in quotes when the dialect needs them.
  void AppendCell(std::string_view text, std::string& out) const;

  const schema::RecordType& record_;
  char delimiter_;
  std::string_view line_end_;
  // The finished cell for each field that the rule leaves to the schema's default; nullopt for
  // the fields the rule computes.
  std::vector<std::optional<std::string>> defaults_;
};

}  // namespace weft::runtime
