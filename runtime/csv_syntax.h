#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// The syntax of CSV text (RFC 4180) without any schema: where each record ends, and the cells of
// one record. Shared by the runtime's CSV input and the compiler's table files.
//
// The dialect: cells are separated by a one-byte delimiter. A cell that starts with `"` is quoted
// and runs to the next single `"`. Inside it, `""` is one quote, and delimiters and line breaks
// are data. A `"` inside an unquoted cell is an ordinary byte. A record ends at LF, CRLF or
// a lone CR outside quotes, or at the end of the input. A UTF-8 byte order mark at the start of
// the input is skipped.
namespace weft::runtime {

// Returns "" when `delimiter` can separate cells, otherwise the reason it cannot: it must be one
// ASCII byte other than `"`, CR and LF.
std::string CheckCsvDelimiter(char delimiter);

enum class CsvFrameStatus {
  // A whole record was found.
  Record,
  // The buffer ends inside the record, or right after a CR that may begin a CRLF. Call again with
  // the same record at `start` and more bytes after it.
  NeedMore,
  // At the end of the input, with no record left.
  EndOfInput,
  // At the end of the input inside a quoted cell that is never closed. The record's text runs to
  // the end of the input, because no later record can be separated from it.
  UnclosedQuote,
};

// The position of one record in a buffer, as offsets from the start of the buffer.
struct CsvFrame {
  CsvFrameStatus status = CsvFrameStatus::NeedMore;
  // The record's text is [begin, text_end), without its line break. `begin` is past a byte
  // order mark at the start of the input and otherwise the `start` that was passed in.
  size_t begin = 0;
  size_t text_end = 0;
  // The start of the next record.
  size_t end = 0;
  // The line breaks from `start` to `end`, those inside quoted cells and the one that ends the
  // record: the next record starts this many lines below this one.
  size_t line_breaks = 0;
  // For UnclosedQuote: the offset of the quote that opens the unclosed cell, and the line breaks
  // between the record's start and that quote.
  size_t open_quote = 0;
  size_t open_quote_line_breaks = 0;
};

// Finds record boundaries in input that arrives in chunks. One framer serves one input from its
// first byte, because it skips a byte order mark only there. After NeedMore it resumes where it
// stopped instead of scanning the record again, so a long record costs linear time however
// small the chunks are.
class CsvFramer {
 public:
  // `delimiter` must pass CheckCsvDelimiter.
  explicit CsvFramer(char delimiter = ',');

  // Finds the end of the record that starts at `start`. `at_end` is true when no bytes follow
  // the buffer. A blank line is a record with empty text. After NeedMore, the next call must
  // pass the same record again, at any `start`, with more bytes after it.
  CsvFrame FindRecordEnd(std::string_view buffer, size_t start, bool at_end);
  // After NeedMore, discards the bytes of the record before the point where the scan resumes, and
  // returns their count. The caller drops them and passes the rest of the record next, so
  // that a record too long to keep is skipped in bounded memory. Its line breaks stay counted.
  size_t ForgetScanned();

 private:
  enum class State { CellStart, Unquoted, Quoted, AfterQuote };

  // Scans from offset `at`, where the scan is in `state_`, to the record's line break, or to the
  // end of the buffer.
  CsvFrame Scan(std::string_view buffer, size_t start, size_t at, bool at_end);
  CsvFrame SaveAndNeedMore(size_t start, size_t at);

  char delimiter_;
  bool at_input_start_ = true;
  // The state of an unfinished scan, with offsets relative to the record's start.
  bool resuming_ = false;
  size_t resume_at_ = 0;
  size_t begin_ = 0;
  State state_ = State::CellStart;
  size_t line_breaks_ = 0;
  size_t open_quote_ = 0;
  size_t open_quote_line_breaks_ = 0;
};

// Returns the reason for a record that ends in an UnclosedQuote frame, with the lines involved so
// that the rest of the input is not lost without a word. `line` is the record's first line.
std::string DescribeUnclosedQuote(const CsvFrame& frame, size_t line);

// One cell of a record. `text` is unescaped: `""` inside a quoted cell is one quote.
struct CsvCell {
  std::string_view text;
  // True for a cell written in quotes, which is a value even when it is empty.
  bool quoted = false;
  // The offset of the cell's first byte, its opening quote when it has one, in the record.
  size_t offset = 0;
};

// The reason a record's text cannot be split into cells, and its place.
struct CsvSyntaxError {
  std::string message;
  // The offset in the record's text and the 0-based cell where the fault lies.
  size_t offset = 0;
  size_t cell = 0;
};

// Splits the text of one record, without its line break, into cells. A cell with doubled quotes
// is unescaped into `unescaped`, which is cleared first and is not grown afterwards, so every
// cell's text points into `record` or `unescaped` and stays valid while both are unchanged.
// Returns false for a quoted cell that is never closed or is followed by text other than the
// delimiter.
bool SplitCsvRecord(std::string_view record, char delimiter, std::vector<CsvCell>& cells,
                    std::string& unescaped, CsvSyntaxError& error);

}  // namespace weft::runtime
