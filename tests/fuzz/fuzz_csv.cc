// Fuzz target: reads arbitrary bytes as CSV, both as a table file and as records of a fixed source
// schema. An error is expected for some inputs, but a crash, a hang or a sanitizer report is a
// bug. So is an offset outside the text, or a record framed differently when the input arrives
// in chunks. So is a reason that is not valid UTF-8, because it would break the JSON rejects
// file, and a record that reads back differently after the CSV writer wrote it.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/check/csv.h"
#include "runtime/csv_input.h"
#include "runtime/csv_output.h"
#include "runtime/csv_syntax.h"
#include "stdlib/utf8.h"

namespace {

using weft::runtime::CsvFrame;
using weft::runtime::CsvFramer;
using weft::runtime::CsvFrameStatus;
using weft::runtime::CsvRecordReader;
using weft::runtime::CsvRecordWriter;
using weft::schema::FieldType;
using weft::schema::RecordType;
using weft::schema::Type;

void Check(bool condition) {
  if (!condition) std::abort();
}

void CheckUtf8(std::string_view text) {
  Check(weft::utf8::FindInvalid(text) == std::string_view::npos);
}

void FuzzTableFile(std::string_view text) {
  std::vector<weft::check::CsvRow> rows;
  std::string error;
  uint32_t error_offset = 0;
  if (!weft::check::ParseCsv(text, rows, error, error_offset)) {
    Check(!error.empty() && error_offset <= text.size());
    return;
  }
  for (const weft::check::CsvRow& row : rows) {
    Check(!row.cells.empty() && row.offset <= text.size());
    for (const weft::check::CsvCell& cell : row.cells) {
      Check(cell.offset <= text.size() && cell.text.size() <= text.size());
    }
  }
}

// One framed record: its status, text and first line, and the line of an unclosed quote.
struct Framed {
  CsvFrameStatus status;
  std::string text;
  size_t line;
  size_t open_quote_line;

  bool operator==(const Framed&) const = default;
};

// Frames `input` as it arrives `chunk` bytes at a time, checking the frames' offsets.
std::vector<Framed> FrameInChunks(std::string_view input, char delimiter, size_t chunk) {
  CsvFramer framer(delimiter);
  std::vector<Framed> records;
  std::string buffer;
  size_t fed = 0, start = 0, line = 1;
  while (true) {
    bool at_end = fed == input.size();
    CsvFrame frame = framer.FindRecordEnd(buffer, start, at_end);
    if (frame.status == CsvFrameStatus::EndOfInput) return records;
    if (frame.status == CsvFrameStatus::NeedMore) {
      Check(!at_end);
      size_t count = std::min(chunk, input.size() - fed);
      buffer.append(input.substr(fed, count));
      fed += count;
      continue;
    }
    Check(start <= frame.begin && frame.begin <= frame.text_end && frame.text_end <= frame.end &&
          frame.end <= buffer.size() && frame.end > start);
    records.push_back({frame.status, buffer.substr(frame.begin, frame.text_end - frame.begin),
                       line, line + frame.open_quote_line_breaks});
    line += frame.line_breaks;
    start = frame.end;
    if (start > buffer.size() / 2) {
      buffer.erase(0, start);
      start = 0;
    }
  }
}

// A source record with every kind of field that CSV carries.
struct FuzzSchema {
  FuzzSchema() {
    tier.schema = record.schema = "fuzz";
    tier.name = "Tier";
    tier.members = {"GOLD", "SILVER", "a,b"};
    record.name = "Row";
    auto add = [&](std::string name, Type type) {
      FieldType field;
      field.name = std::move(name);
      field.type = std::move(type);
      record.fields.push_back(std::move(field));
    };
    add("id", Type::Int());
    add("name", Type::String());
    add("note", Type::String().AsOptional());
    add("amount", Type::Decimal(10, 2).AsOptional());
    add("rate", Type::Decimal(38, weft::schema::kAnyScale).AsOptional());
    add("active", Type::Bool().AsOptional());
    add("score", Type::Float().AsOptional());
    add("day", Type::Date().AsOptional());
    add("clock", Type::Time().AsOptional());
    add("at", Type::DateTime().AsOptional());
    add("tier", Type::OfEnum(&tier).AsOptional());
    add("count", Type::Int().AsOptional());
  }

  weft::schema::EnumType tier;
  RecordType record;
};

bool SameSlot(const FieldType& field, const WeftSlot& left, const WeftSlot& right) {
  if (left.present != right.present) return false;
  if (!left.present) return true;
  switch (field.type.kind) {
    case weft::schema::TypeKind::Int:
      return left.integer == right.integer;
    case weft::schema::TypeKind::Decimal:
      return left.decimal == right.decimal &&
             (field.type.scale >= 0 || left.scale == right.scale);
    case weft::schema::TypeKind::Bool:
      return left.boolean == right.boolean;
    case weft::schema::TypeKind::Float:
      return std::memcmp(&left.real, &right.real, sizeof(double)) == 0;
    default:
      return std::string_view(left.string.data, left.string.size) ==
             std::string_view(right.string.data, right.string.size);
  }
}

// Writes the slots as CSV, reads the row back and checks that every field is the same.
void CheckRoundTrip(const RecordType& record, char delimiter, const std::vector<WeftSlot>& slots) {
  std::string error;
  std::unique_ptr<CsvRecordWriter> writer =
      CsvRecordWriter::Create(record, delimiter, weft::runtime::CsvLineEnd::Crlf, {}, error);
  Check(writer != nullptr);
  std::string out;
  writer->WriteHeader(out);
  std::string reason = writer->Write(slots.data(), out);
  if (!reason.empty()) {
    CheckUtf8(reason);
    return;
  }

  std::vector<Framed> written = FrameInChunks(out, delimiter, out.size() + 1);
  Check(written.size() == 2 && written[1].status == CsvFrameStatus::Record);
  std::unique_ptr<CsvRecordReader> reader =
      CsvRecordReader::Create(record, written[0].text, delimiter, {}, error);
  Check(reader != nullptr);
  std::vector<WeftSlot> read_back;
  std::vector<int> bad_fields;
  Check(reader->Read(written[1].text, read_back, bad_fields).empty());
  for (size_t i = 0; i < record.fields.size(); ++i)
    Check(SameSlot(record.fields[i], slots[i], read_back[i]));
}

void FuzzRecords(std::string_view input, char delimiter, size_t chunk) {
  std::vector<Framed> records = FrameInChunks(input, delimiter, input.size() + 1);
  Check(FrameInChunks(input, delimiter, chunk) == records);
  if (records.empty()) return;

  static const FuzzSchema schema;
  std::string error;
  std::unique_ptr<CsvRecordReader> reader;
  if (records[0].status == CsvFrameStatus::Record)
    reader = CsvRecordReader::Create(schema.record, records[0].text, delimiter, {}, error);
  if (reader == nullptr) {
    CheckUtf8(error);
    return;
  }
  std::vector<WeftSlot> slots;
  std::vector<int> bad_fields;
  for (size_t r = 1; r < records.size(); ++r) {
    const Framed& record = records[r];
    if (record.status == CsvFrameStatus::UnclosedQuote || reader->SkipsBlankLine(record.text))
      continue;
    std::string reason = reader->Read(record.text, slots, bad_fields);
    CheckUtf8(reason);
    if (reason.empty()) {
      Check(bad_fields.empty());
      CheckRoundTrip(schema.record, delimiter, slots);
    }
  }
}

}  // namespace

// The first byte chooses the delimiter, itself when it is one of the four, and the chunk size of
// the streaming comparison. The rest is the input.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  FuzzTableFile(text);
  if (text.empty()) return 0;
  static constexpr std::string_view kDelimiters = ",;\t|";
  auto control = static_cast<unsigned char>(text[0]);
  char delimiter = kDelimiters.find(text[0]) != std::string_view::npos ? text[0]
                                                                        : kDelimiters[control % 4];
  FuzzRecords(text.substr(1), delimiter, 1 + control % 13);
  return 0;
}
