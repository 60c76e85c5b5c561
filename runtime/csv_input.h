#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/schema/types.h"
#include "runtime/abi.h"
#include "runtime/csv_syntax.h"

namespace weft::runtime {

// Reads CSV records of one flat source record type into slots, one slot per declared field in
// declaration order, with the contract of RecordReader::Read. The input's first record is its
// header: each column names a field, matched exactly, and columns that name no field are
// ignored. Only the fields the rule reads are parsed and checked.
//
// A cell becomes a value of its field's type. Only an unquoted empty cell is null: it is absent
// for an optional field, "" for a required string, and a reject for any other required field.
// A quoted cell is always a value, so `""` is the empty string and `"NA"` and NA are both the
// string "NA". Values other than strings take no surrounding spaces. An int is an optional
// sign and decimal digits within 64 bits ("0050" is 50). A decimal is read exactly at its
// scale. A float is a decimal number with an optional exponent, never infinity or NaN. A bool is
// true or false in any letter case, or 1 or 0. Enums, dates, times and date-times are checked
// as the JSON reader checks them. Every cell of a field read must be valid UTF-8.
class CsvRecordReader {
 public:
  // Creates a reader from the text of the header record, as CsvFramer frames it; a byte order
  // mark left at its start is skipped. `reads` marks the fields to read, by index; empty means
  // every field. Returns null with `error` set for an invalid delimiter, a header that cannot be
  // split or has an empty or repeated column name, or a field the rule reads that is a record or
  // a list. So does a required field the rule reads without a column: it is reported once, for
  // all such fields, because every record would be rejected otherwise.
  static std::unique_ptr<CsvRecordReader> Create(const schema::RecordType& record,
                                                 std::string_view header, char delimiter,
                                                 const std::vector<bool>& reads,
                                                 std::string& error);

  // True for a blank line that contains no record, which the caller skips instead of reading. In
  // input of two or more columns a blank line cannot be a record. In input of one column it is a
  // record whose only cell is empty, which is how a null is written there.
  bool SkipsBlankLine(std::string_view record_text) const;

  // Fills `slots` from the text of one record, without its line break. Returns "" on success,
  // otherwise the first reason the record cannot be read, naming the field and the value. When
  // only single fields are at fault, `bad_fields` lists them, their slots are absent and the
  // other fields are read. It is empty when the record as a whole is unreadable: invalid quoting,
  // or a number of cells other than the header's. Strings in the slots point into the reader's
  // buffers and stay valid until the next call.
  std::string Read(std::string_view record_text, std::vector<WeftSlot>& slots,
                   std::vector<int>& bad_fields);

  // The field and the cell of the last record's first problem, when one field was at fault. The
  // cell is written as a JSON string. Both are empty otherwise.
  const std::string& problem_field() const { return problem_field_; }
  const std::string& problem_value() const { return problem_value_; }
  // The header's column names, in order.
  const std::vector<std::string>& columns() const { return columns_; }

 private:
  CsvRecordReader(const schema::RecordType& record, char delimiter, const std::vector<bool>& reads);

  // Returns the reason a field the rule reads cannot come from a CSV cell, or "".
  std::string CheckFlatFields() const;
  std::string ReadHeader(std::string_view header);
  std::string ReadCell(const schema::FieldType& field, const CsvCell& cell, WeftSlot& slot) const;
  // Names a cell for messages by its header column, or by its position beyond the header.
  std::string DescribeCell(size_t index) const;

  const schema::RecordType& record_;
  char delimiter_;
  std::vector<bool> reads_;
  std::vector<std::string> columns_;
  // For each column, the index of the field it fills, or -1 when no field read has its name.
  std::vector<int> column_fields_;
  // The current record's text, its unescaped cells and the cells themselves.
  std::string text_;
  std::string problem_field_;
  std::string problem_value_;
  std::string unescaped_;
  std::vector<CsvCell> cells_;
};

}  // namespace weft::runtime
