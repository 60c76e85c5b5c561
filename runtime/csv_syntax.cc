#include "runtime/csv_syntax.h"

#include <fmt/format.h>

#include <cassert>
#include <cstdint>
#include <cstring>

namespace weft::runtime {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

}  // namespace

std::string CheckCsvDelimiter(char delimiter) {
  if (static_cast<unsigned char>(delimiter) > 0x7F) {
    return fmt::format("the CSV delimiter must be one ASCII byte, but 0x{:02X} is not ASCII",
                       static_cast<unsigned char>(delimiter));
  }
  if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
    return "the CSV delimiter cannot be a quote or a line break, which quote cells and end records";
  }
  return "";
}

CsvFramer::CsvFramer(char delimiter) : delimiter_(delimiter) {
  assert(CheckCsvDelimiter(delimiter).empty());
}

CsvFrame CsvFramer::FindRecordEnd(std::string_view buffer, size_t start, bool at_end) {
  if (resuming_) return Scan(buffer, start, start + resume_at_, at_end);

  state_ = State::CellStart;
  line_breaks_ = 0;
  begin_ = 0;
  if (at_input_start_) {
    std::string_view rest = buffer.substr(start);
    if (rest.size() < kByteOrderMark.size() && !at_end && kByteOrderMark.starts_with(rest)) {
      return CsvFrame{.begin = start};
    }
    if (rest.starts_with(kByteOrderMark)) begin_ = kByteOrderMark.size();
  }

  size_t begin = start + begin_;
  if (begin >= buffer.size()) {
    if (!at_end) return CsvFrame{.begin = begin};
    return CsvFrame{
        .status = CsvFrameStatus::EndOfInput, .begin = begin, .text_end = begin, .end = begin};
  }
  return Scan(buffer, start, begin, at_end);
}

namespace {

// True when one of the 8 bytes of `word` equals `byte`: the high bit of a matching byte is set
// by the subtraction and kept by the mask. A false match only costs a byte-by-byte look.
bool HasByte(uint64_t word, char byte) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  uint64_t x = word ^ (static_cast<uint8_t>(byte) * kOnes);
  return ((x - kOnes) & ~x & kHighBits) != 0;
}

// Returns the position of the first quote, CR or LF at or after `at`, or the buffer's size,
// looking at eight bytes at a time.
size_t NextQuoteOrBreak(std::string_view buffer, size_t at) {
  for (; at + 8 <= buffer.size(); at += 8) {
    uint64_t word;
    std::memcpy(&word, buffer.data() + at, 8);
    if (HasByte(word, '"') || HasByte(word, '\n') || HasByte(word, '\r')) break;
  }
  while (at < buffer.size() && buffer[at] != '"' && buffer[at] != '\n' && buffer[at] != '\r') {
    ++at;
  }
  return at;
}

// Counts the line breaks in buffer[from, to): each CR, and each LF that no CR precedes, so that
// a CRLF counts once. buffer[from - 1] must exist.
size_t CountLineBreaks(std::string_view buffer, size_t from, size_t to) {
  size_t breaks = 0;
  for (const char* p = buffer.data() + from; p < buffer.data() + to; ++p) {
    p = static_cast<const char*>(std::memchr(p, '\n', buffer.data() + to - p));
    if (p == nullptr) break;
    if (p[-1] != '\r') ++breaks;
  }
  for (const char* p = buffer.data() + from; p < buffer.data() + to; ++p) {
    p = static_cast<const char*>(std::memchr(p, '\r', buffer.data() + to - p));
    if (p == nullptr) break;
    ++breaks;
  }
  return breaks;
}

}  // namespace

CsvFrame CsvFramer::Scan(std::string_view buffer, size_t start, size_t at, bool at_end) {
  State state = state_;
  size_t line_breaks = line_breaks_;
  CsvFrame frame{.begin = start + begin_};
  for (; at < buffer.size(); ++at) {
    if (state == State::Quoted) {
      // Inside quotes only the next quote matters; the line breaks on the way are counted.
      const void* quote = std::memchr(buffer.data() + at, '"', buffer.size() - at);
      size_t stop = quote == nullptr ? buffer.size() : static_cast<const char*>(quote) - buffer.data();
      line_breaks += CountLineBreaks(buffer, at, stop);
      if (quote == nullptr) {
        at = buffer.size();
        break;
      }
      at = stop;
      state = State::AfterQuote;
      continue;
    }
    char c = buffer[at];

    // Outside quotes: a quote opens a cell only at its start, and after a closing quote it is
    // the second half of a doubled quote.
    if (c == '"' && state != State::Unquoted) {
      if (state == State::CellStart) {
        open_quote_ = at - start;
        open_quote_line_breaks_ = line_breaks;
      }
      state = State::Quoted;
      continue;
    }
    if (c == delimiter_) {
      state = State::CellStart;
      continue;
    }
    if (c != '\n' && c != '\r') {
      // Outside quotes only a quote that starts a cell and a line break matter. The scan jumps
      // to the next quote or line break, and the byte before it gives the state there.
      size_t next = NextQuoteOrBreak(buffer, at + 1);
      state = buffer[next - 1] == delimiter_ ? State::CellStart : State::Unquoted;
      at = next - 1;
      continue;
    }

    // A line break ends the record, unless the buffer ends on a CR whose LF may follow.
    bool crlf = c == '\r' && at + 1 < buffer.size() && buffer[at + 1] == '\n';
    if (c == '\r' && at + 1 == buffer.size() && !at_end) {
      state_ = state;
      line_breaks_ = line_breaks;
      return SaveAndNeedMore(start, at);
    }
    frame.status = CsvFrameStatus::Record;
    frame.text_end = at;
    frame.end = at + (crlf ? 2 : 1);
    frame.line_breaks = line_breaks + 1;
    resuming_ = false;
    at_input_start_ = false;
    return frame;
  }

  if (!at_end) {
    state_ = state;
    line_breaks_ = line_breaks;
    return SaveAndNeedMore(start, at);
  }
  frame.status = state == State::Quoted ? CsvFrameStatus::UnclosedQuote : CsvFrameStatus::Record;
  frame.text_end = frame.end = buffer.size();
  frame.line_breaks = line_breaks;
  frame.open_quote = start + open_quote_;
  frame.open_quote_line_breaks = open_quote_line_breaks_;
  resuming_ = false;
  at_input_start_ = false;
  return frame;
}

size_t CsvFramer::ForgetScanned() {
  size_t scanned = resume_at_;
  resume_at_ = 0;
  begin_ = 0;
  open_quote_ = open_quote_ > scanned ? open_quote_ - scanned : 0;
  return scanned;
}

CsvFrame CsvFramer::SaveAndNeedMore(size_t start, size_t at) {
  resuming_ = true;
  resume_at_ = at - start;
  return CsvFrame{.begin = start + begin_};
}

std::string DescribeUnclosedQuote(const CsvFrame& frame, size_t line) {
  return fmt::format(
      "the quoted cell that opens on line {} is never closed, so the rest of the input from line "
      "{} on cannot be split into records; close the quote, or write each quote inside a quoted "
      "cell twice",
      line + frame.open_quote_line_breaks, line);
}

bool SplitCsvRecord(std::string_view record, char delimiter, std::vector<CsvCell>& cells,
                    std::string& unescaped, CsvSyntaxError& error) {
  cells.clear();
  unescaped.clear();
  // Unescaping only shortens cells, so this is all the room `unescaped` ever needs.
  unescaped.reserve(record.size());

  size_t at = 0;
  while (true) {
    CsvCell cell;
    cell.offset = at;
    if (at < record.size() && record[at] == '"') {
      cell.quoted = true;
      size_t content = at + 1;
      size_t copied_from = unescaped.size();
      bool escaped = false;
      at = content;
      while (true) {
        size_t quote = record.find('"', at);
        if (quote == std::string_view::npos) {
          error = {"a quoted cell is never closed", cell.offset, cells.size()};
          return false;
        }
        bool doubled = quote + 1 < record.size() && record[quote + 1] == '"';
        if (doubled || escaped) unescaped.append(record.substr(at, quote - at + (doubled ? 1 : 0)));
        if (doubled) {
          escaped = true;
          at = quote + 2;
          continue;
        }
        cell.text = escaped ? std::string_view(unescaped).substr(copied_from)
                            : record.substr(content, quote - content);
        at = quote + 1;
        break;
      }
      if (at < record.size() && record[at] != delimiter) {
        error = {"text follows the closing quote of a cell; double a quote inside a quoted cell",
                 at, cells.size()};
        return false;
      }
    } else {
      size_t stop = record.find(delimiter, at);
      if (stop == std::string_view::npos) stop = record.size();
      cell.text = record.substr(at, stop - at);
      at = stop;
    }
    cells.push_back(cell);
    if (at == record.size()) return true;
    ++at;
  }
}

}  // namespace weft::runtime
