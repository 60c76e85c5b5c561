#include "runtime/input.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace weft::runtime {
namespace {

// A record with its text copied out of the batch that held it.
struct Framed {
  size_t number;
  size_t line;
  uint64_t offset;
  std::string text;
  std::string error;
};

struct Framing {
  InputShape shape;
  std::vector<Framed> records;
  std::string error;
  size_t batches = 0;
};

SourceOptions OptionsFor(InputFormat format, size_t batch_bytes, size_t max_record_bytes) {
  SourceOptions options;
  options.format = format;
  options.batch_bytes = batch_bytes;
  options.max_record_bytes = max_record_bytes;
  options.detect_bytes = std::min<size_t>(batch_bytes, 64 << 10);
  return options;
}

// Frames `text` batch by batch. With `read_ahead`, another thread reads the first batch first, as
// `weft run` has one do while it parses the .map files.
Framing Frame(std::string text, InputFormat format = InputFormat::Auto,
              size_t batch_bytes = 1 << 20, size_t max_record_bytes = 64 << 20,
              bool read_ahead = false) {
  RecordSource source(TextInput(std::move(text)),
                      OptionsFor(format, batch_bytes, max_record_bytes));
  if (read_ahead) std::thread([&source] { source.ReadFirstBatch(); }).join();
  Framing framing;
  Batch batch;
  while (source.Next(batch)) {
    ++framing.batches;
    for (const InputRecord& record : batch.records) {
      framing.records.push_back(
          {record.number, record.line, record.offset, std::string(record.text), record.error});
    }
  }
  framing.shape = source.shape();
  framing.error = source.error();
  return framing;
}

// Frames NDJSON as the executor does on several threads: the first batch in order, then the
// rest part by part, with the numbers and lines of each part made absolute as the parts before
// it give them.
Framing FrameInParts(std::string text, size_t batch_bytes, size_t max_record_bytes) {
  RecordSource source(TextInput(std::move(text)),
                      OptionsFor(InputFormat::Ndjson, batch_bytes, max_record_bytes));
  Framing framing;
  Batch batch;
  auto keep = [&](const InputRecord& record, size_t number, size_t line) {
    framing.records.push_back(
        {number, line, record.offset, std::string(record.text), record.error});
  };
  if (source.Next(batch)) {
    ++framing.batches;
    for (const InputRecord& record : batch.records) keep(record, record.number, record.line);
  }
  SplitPoint point;
  if (source.SplitRest(point)) {
    while (source.NextPart(batch)) {
      ++framing.batches;
      if (!source.ReadPart(batch, framing.error)) break;
      for (const InputRecord& record : batch.records)
        keep(record, point.records + record.number, point.line + record.line);
      point.records += batch.records.size();
      point.line += batch.part->line_breaks;
    }
  }
  framing.shape = source.shape();
  if (framing.error.empty()) framing.error = source.error();
  return framing;
}

// Returns a random JSON value for an element or member of a document, often longer than a small
// limit. It is a string full of escapes and brackets, an array up to `max_depth` deep, a long
// number or an object over many lines.
std::string RandomValue(std::mt19937& random, size_t max_depth) {
  static const std::string kStringPieces[] = {"a", "\\\"", "\\\\", "]", "}", "[{", " ", "\\u00e9"};
  std::string value;
  switch (random() % 5) {
    case 0:
      return "{\"id\": " + std::to_string(random() % 100) + "}";
    case 1: {
      size_t pieces = random() % 600;
      for (size_t i = 0; i < pieces; ++i) value += kStringPieces[random() % 8];
      return "{\"s\": \"" + value + "\", \"n\": [1, \"]\"]}";
    }
    case 2: {
      size_t depth = 1 + random() % max_depth;
      return "{\"d\": " + std::string(depth, '[') + std::string(depth, ']') + "}";
    }
    case 3:
      return std::string(1 + random() % 900, '7');
    default: {
      value = "{\n";
      size_t members = random() % 60;
      for (size_t i = 0; i < members; ++i) value += "  \"k" + std::to_string(i) + "\": \"}\",\r\n";
      return value + "  \"end\": {}\n}";
    }
  }
}

// Random whitespace, sometimes a long run of it. Its line breaks are LF or CRLF, because the
// line break of an input is decided from its first bytes.
std::string RandomSpace(std::mt19937& random) {
  static const std::string kSpaces[] = {" ", "\t", "\n", "\r\n"};
  std::string space;
  size_t count = random() % 3 == 0 ? random() % 1500 : random() % 3;
  for (size_t i = 0; i < count; ++i) space += kSpaces[random() % 4];
  return space;
}

// Random NDJSON with what framing must get right: blank and space-only lines, CRLF, malformed
// lines, lines over the limit, and sometimes no line break at the end.
std::string RandomLines(std::mt19937& random, char line_break) {
  std::string text;
  int count = static_cast<int>(random() % 25);
  for (int i = 0; i < count; ++i) {
    switch (random() % 7) {
      case 0:
        break;
      case 1:
        text += " \t ";
        break;
      case 2:
        // Over the limit in some rounds, sometimes after leading spaces.
        text += std::string(random() % 3, ' ') + "{\"id\": " + std::to_string(i) + ", \"s\": \"" +
                std::string(random() % 90, 'y') + "\"}";
        break;
      case 3:
        text += "{\"id\": [" + std::to_string(i);
        break;
      default:
        text += "  {\"id\": " + std::to_string(i) + "}";
        if (line_break == '\n') text += '\r';
        break;
    }
    if (i + 1 < count || random() % 2 == 0) text += line_break;
  }
  return text;
}

TEST(RecordSource, FramesInPartsAsInOrder) {
  std::mt19937 random(11);
  for (int round = 0; round < 400; ++round) {
    std::string text = RandomLines(random, round % 5 == 0 ? '\r' : '\n');
    size_t max_record_bytes = round % 3 == 0 ? 40 : 64 << 20;
    for (size_t batch_bytes : {1, 2, 5, 16, 61, 200}) {
      Framing reference = Frame(text, InputFormat::Ndjson, batch_bytes, max_record_bytes);
      Framing framing = FrameInParts(text, batch_bytes, max_record_bytes);
      ASSERT_EQ(framing.error, reference.error);
      ASSERT_EQ(framing.records.size(), reference.records.size())
          << "batch_bytes " << batch_bytes << " in:\n"
          << text;
      for (size_t i = 0; i < framing.records.size(); ++i) {
        const Framed& got = framing.records[i];
        const Framed& want = reference.records[i];
        EXPECT_EQ(got.number, want.number) << i;
        EXPECT_EQ(got.line, want.line) << i << " batch_bytes " << batch_bytes << " in:\n" << text;
        EXPECT_EQ(got.offset, want.offset) << i;
        EXPECT_EQ(got.error, want.error) << i;
        // A line over the limit shows the same start however much of it was read.
        EXPECT_EQ(got.text, want.text) << i;
      }
    }
  }
}

// Returns `count` NDJSON lines, `{"id": 0}` and on.
std::string IdLines(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) text += "{\"id\": " + std::to_string(i) + "}\n";
  return text;
}

// An input that is cut short after it was split: reads at an offset see only its first
// `remaining` bytes, as after a truncation of the file.
class CutShortInput : public ByteInput {
 public:
  CutShortInput(std::string text, size_t remaining)
      : text_(text), whole_(TextInput(std::move(text))), remaining_(remaining) {}

  long Read(char* into, size_t size, std::string& error) override {
    return whole_->Read(into, size, error);
  }

  int64_t PositionalSize() const override { return static_cast<int64_t>(text_.size()); }

  long ReadAt(uint64_t offset, char* into, size_t size, std::string&) const override {
    if (offset >= remaining_) return 0;
    size_t count = std::min<uint64_t>(size, remaining_ - offset);
    std::memcpy(into, text_.data() + offset, count);
    return static_cast<long>(count);
  }

 private:
  std::string text_;
  // Reads in order see the whole text.
  std::unique_ptr<ByteInput> whole_;
  size_t remaining_;
};

// Returns a source over 100 id lines that the input gives only up to byte `cut_at`, in batches of
// 100 bytes, with its first batch in `batch`, split into parts after it.
std::unique_ptr<RecordSource> SplitCutShortSource(size_t cut_at, Batch& batch) {
  auto source =
      std::make_unique<RecordSource>(std::make_unique<CutShortInput>(IdLines(100), cut_at),
                                     OptionsFor(InputFormat::Ndjson, 100, 64 << 20));
  SplitPoint point;
  EXPECT_TRUE(source->Next(batch));
  EXPECT_TRUE(source->SplitRest(point));
  return source;
}

TEST(RecordSource, ReportsAnInputCutShortAfterTheSplit) {
  Batch batch;
  std::unique_ptr<RecordSource> cut = SplitCutShortSource(500, batch);
  ASSERT_FALSE(::testing::Test::HasFailure());
  RecordSource& source = *cut;
  size_t records = batch.records.size();
  std::string error;
  while (source.NextPart(batch)) {
    ASSERT_TRUE(source.ReadPart(batch, error)) << error;
    records += batch.records.size();
    if (!batch.part->cut_short.empty()) break;
  }
  EXPECT_EQ(batch.part->cut_short,
            "cannot read the input: it ended at byte 500, before the 1090 bytes it had when the "
            "run started; it was cut short while it was read, so map it again once it is "
            "complete");
  // The complete lines before byte 500 are records: ids 0 to 9 take 10 bytes each, and the
  // lines from id 10 on take 11, so 46 lines end before it. The line cut at byte 500 is dropped.
  EXPECT_EQ(records, 46u);
}

// A file cut before the bytes that the first batch read: the first part reads nothing, so the
// reason gives its start only as a bound of where the file ended.
TEST(RecordSource, BoundsEndCutBeforeSplit) {
  Batch batch;
  std::unique_ptr<RecordSource> cut = SplitCutShortSource(50, batch);
  ASSERT_FALSE(::testing::Test::HasFailure());
  RecordSource& source = *cut;
  ASSERT_TRUE(source.NextPart(batch));
  std::string error;
  ASSERT_TRUE(source.ReadPart(batch, error)) << error;
  EXPECT_TRUE(batch.records.empty());
  EXPECT_NE(
      batch.part->cut_short.find("it ended at or before byte " + std::to_string(batch.part->begin)),
      std::string::npos)
      << batch.part->cut_short;
}

TEST(RecordSource, ReportsAFileCutShortWhileReadInOrder) {
  std::string path = ::testing::TempDir() + "weft-cut-short-" + std::to_string(::getpid());
  std::string text = IdLines(100);
  {
    std::ofstream file(path, std::ios::binary);
    file << text;
  }
  int fd = ::open(path.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  RecordSource source(FileInput(fd), OptionsFor(InputFormat::Ndjson, 100, 64 << 20));
  Batch batch;
  ASSERT_TRUE(source.Next(batch));
  size_t records = batch.records.size();
  ASSERT_EQ(::truncate(path.c_str(), 500), 0);
  while (source.Next(batch)) records += batch.records.size();
  ::close(fd);
  std::remove(path.c_str());
  EXPECT_NE(source.error().find("it ended at byte"), std::string::npos) << source.error();
  EXPECT_NE(source.error().find("before the 1090 bytes it had when the run started"),
            std::string::npos)
      << source.error();
  // Every line that ends before byte 500 is read, also those read together with the cut.
  EXPECT_EQ(records, 46u);
}

TEST(RecordSource, ReadsNdjsonLinesWithTheirNumbersAndOffsets) {
  Framing input = Frame("{\"a\":1}\n\n{\"a\":2}\r\n");
  ASSERT_EQ(input.records.size(), 2u);
  EXPECT_EQ(input.shape, InputShape::Ndjson);
  EXPECT_EQ(input.records[0].line, 1u);
  EXPECT_EQ(input.records[1].line, 3u);
  EXPECT_EQ(input.records[1].number, 2u);
  EXPECT_EQ(input.records[1].offset, 9u);
  EXPECT_EQ(input.records[1].text, "{\"a\":2}");
}

TEST(RecordSource, CountsOffsetsPastAByteOrderMark) {
  Framing input = Frame("\xEF\xBB\xBF{\"a\":1}\n{\"a\":2}\n");
  ASSERT_EQ(input.records.size(), 2u);
  EXPECT_EQ(input.records[0].offset, 3u);
  EXPECT_EQ(input.records[0].text, "{\"a\":1}");
  EXPECT_EQ(input.records[1].offset, 11u);
}

TEST(RecordSource, KeepsAMalformedLineForTheReader) {
  Framing input = Frame("{\"a\":1}\n{\"a\":\n{\"a\":3}\n");
  ASSERT_EQ(input.records.size(), 3u);
  EXPECT_EQ(input.records[1].text, "{\"a\":");
  EXPECT_TRUE(input.records[1].error.empty());
}

TEST(RecordSource, ReadsAJsonArray) {
  Framing input = Frame(" [ {\"a\": 1}, {\"a\": 2} ] ");
  EXPECT_EQ(input.shape, InputShape::JsonArray);
  ASSERT_EQ(input.records.size(), 2u);
  EXPECT_EQ(input.records[1].text, "{\"a\": 2}");
  EXPECT_EQ(input.records[1].line, 1u);
  EXPECT_EQ(input.records[1].offset, 13u);
}

TEST(RecordSource, ReadsTheRecordsOfAnSObjectTree) {
  Framing input = Frame("{\n \"records\": [\n  {\"Name\": \"A\"},\n  {\"Name\": \"B\"}\n ]\n}");
  EXPECT_EQ(input.shape, InputShape::RecordsObject);
  ASSERT_EQ(input.records.size(), 2u);
  EXPECT_EQ(input.records[0].text, "{\"Name\": \"A\"}");
  EXPECT_EQ(input.records[0].line, 3u);
  EXPECT_EQ(input.records[1].line, 4u);
}

TEST(RecordSource, RejectsASecondRecordsKey) {
  Framing input = Frame("{\"records\": [{\"a\": 1}], \"records\": [{\"a\": 2}]}");
  EXPECT_NE(input.error.find("more than one `records` key"), std::string::npos) << input.error;
}

TEST(RecordSource, ReadsRecordsAfterOtherKeys) {
  Framing input = Frame("{\"done\": true, \"n\": [1, {\"x\": \"]\"}], \"records\": [{\"a\": 1}]}");
  ASSERT_EQ(input.records.size(), 1u) << input.error;
  EXPECT_EQ(input.records[0].text, "{\"a\": 1}");
}

TEST(RecordSource, ReadsOnePrettyPrintedObject) {
  Framing input = Frame("{\n  \"Name\": \"A\"\n}\n");
  EXPECT_EQ(input.shape, InputShape::SingleObject);
  ASSERT_EQ(input.records.size(), 1u);
  EXPECT_EQ(input.records[0].text, "{\n  \"Name\": \"A\"\n}");
}

TEST(RecordSource, StopsAtABrokenArray) {
  Framing input = Frame("[{\"a\":1},\n{\"a\":2} {\"a\":3}]");
  ASSERT_EQ(input.records.size(), 2u);
  EXPECT_NE(input.error.find("invalid JSON near line 2"), std::string::npos) << input.error;
}

// Stray bytes before an element make where it ends unknown, so the run stops there instead of
// taking pieces of the element as records.
TEST(RecordSource, StopsAtStrayBytesBeforeAnElement) {
  const std::string strays[] = {"x", std::string(1, '\0'), "tru", "1"};
  for (const std::string& stray : strays) {
    std::string text = "[{\"id\":1}, " + stray + "{\"id\":2,\"name\":\"b\"},{\"id\":3}]";
    for (size_t batch_bytes : {size_t{1}, size_t{7}, size_t{1} << 20}) {
      Framing input = Frame(text, InputFormat::Auto, batch_bytes);
      EXPECT_EQ(input.shape, InputShape::JsonArray);
      ASSERT_EQ(input.records.size(), 1u) << stray << " " << batch_bytes;
      EXPECT_NE(input.error.find("near line 1, byte 11: expected a value, found stray bytes"),
                std::string::npos)
          << input.error;
    }
  }
}

// A stray run too long to keep is read past as a long element would be, up to the bracket that
// shows it is no value.
TEST(RecordSource, StopsAtALongStrayRunBeforeAnElement) {
  std::string text = "[{\"id\":1}, " + std::string(300, 'x') + "{\"id\":2},{\"id\":3}]";
  for (size_t batch_bytes : {size_t{16}, size_t{1} << 20}) {
    Framing input = Frame(text, InputFormat::Json, batch_bytes, 20);
    ASSERT_EQ(input.records.size(), 1u) << batch_bytes;
    EXPECT_NE(input.error.find("found stray bytes"), std::string::npos) << input.error;
  }
}

TEST(RecordSource, ReportsADocumentThatEndsEarly) {
  Framing input = Frame("[{\"a\":1},");
  EXPECT_EQ(input.records.size(), 1u);
  EXPECT_NE(input.error.find("ends before the document"), std::string::npos) << input.error;
}

// A download cut off inside a string, as an element or as a member before `records`, names that
// cause rather than an empty reason.
TEST(RecordSource, ReportsADocumentCutInAString) {
  const std::pair<std::string, InputFormat> inputs[] = {
      {"[{\"a\":1},\"abc", InputFormat::Auto},
      {"[{\"a\":1},\"abc", InputFormat::Json},
      {"{\"totalSize\":5,\"nextRecordsUrl\":\"/services/data/v59.0/query/01gD", InputFormat::Json},
      {"{\"records\":[],\"next\":\"abc", InputFormat::Auto},
  };
  for (const auto& [text, format] : inputs) {
    Framing input = Frame(text, format);
    EXPECT_NE(input.error.find(": the input ends inside a string"), std::string::npos)
        << text << ": " << input.error;
  }
}

TEST(RecordSource, ReportsMismatchedBrackets) {
  Framing input = Frame("[{\"a\":[1}]");
  EXPECT_NE(input.error.find("closes a value opened with `[`"), std::string::npos) << input.error;
}

TEST(RecordSource, RejectsContentAfterTheDocument) {
  Framing input = Frame("[{\"a\":1}] x", InputFormat::Json);
  EXPECT_NE(input.error.find("after the document"), std::string::npos) << input.error;
}

// Bytes after a one-line array or `records` document, on its line, do not turn it into one
// NDJSON record. It is read as a document broken at its end, whatever the record limit, as with
// --in-format json.
TEST(RecordSource, ReadsStrayBytesAfterAOneLineDocument) {
  const std::string documents[] = {"[{\"a\":1},{\"a\":2}]", "{\"records\":[{\"a\":1},{\"a\":2}]}"};
  for (const std::string& document : documents) {
    for (std::string ending : {" x", "]", " {}", " x\n", " x\r\n \n"}) {
      for (size_t max_record_bytes : {size_t{8}, size_t{64} << 20}) {
        Framing input = Frame(document + ending, InputFormat::Auto, 1 << 20, max_record_bytes);
        std::string label = document + ending + " at " + std::to_string(max_record_bytes);
        EXPECT_NE(input.shape, InputShape::Ndjson) << label;
        EXPECT_EQ(input.records.size(), 2u) << label;
        EXPECT_NE(input.error.find("after the document"), std::string::npos)
            << label << ": " << input.error;
      }
    }
  }
  // A later line makes it NDJSON, in which the first line is one record.
  Framing lines = Frame("[{\"a\":1}] x\n{\"a\":2}\n");
  EXPECT_EQ(lines.shape, InputShape::Ndjson);
  EXPECT_EQ(lines.records.size(), 2u);
}

TEST(RecordSource, FramesAlikeAfterReadingAhead) {
  const std::string lines = IdLines(200);
  const std::vector<std::pair<std::string, InputFormat>> inputs = {
      {lines, InputFormat::Auto},
      {lines, InputFormat::Ndjson},
      {"[{\"a\": 1}, {\"a\": 2}]", InputFormat::Auto},
      {"{\"totalSize\": 1, \"records\": [{\"a\": 1}]}", InputFormat::Json},
      {"[{\"a\": 1}, {\"a\": ", InputFormat::Auto},
      {"a,b\n1,2\n3,4\n", InputFormat::Csv},
      {"", InputFormat::Auto},
      {"\n  \n", InputFormat::Auto},
  };
  for (const auto& [text, format] : inputs) {
    // Small batches, so that the lines take many batches after the first.
    Framing plain = Frame(text, format, 256);
    Framing ahead = Frame(text, format, 256, 64 << 20, /*read_ahead=*/true);
    EXPECT_EQ(ahead.batches, plain.batches) << text;
    EXPECT_EQ(ahead.error, plain.error) << text;
    EXPECT_EQ(ahead.shape, plain.shape) << text;
    ASSERT_EQ(ahead.records.size(), plain.records.size()) << text;
    for (size_t i = 0; i < plain.records.size(); ++i) {
      EXPECT_EQ(ahead.records[i].number, plain.records[i].number) << text;
      EXPECT_EQ(ahead.records[i].line, plain.records[i].line) << text;
      EXPECT_EQ(ahead.records[i].offset, plain.records[i].offset) << text;
      EXPECT_EQ(ahead.records[i].text, plain.records[i].text) << text;
      EXPECT_EQ(ahead.records[i].error, plain.records[i].error) << text;
    }
  }
}

TEST(RecordSource, AcceptsEmptyInput) {
  EXPECT_TRUE(Frame("").records.empty());
  EXPECT_TRUE(Frame("\n  \n").records.empty());
  EXPECT_TRUE(Frame("[]").records.empty());
  EXPECT_EQ(Frame("[]").error, "");
}

TEST(RecordSource, ForcedNdjsonKeepsARecordsField) {
  Framing input = Frame("{\"records\": [1, 2]}\n", InputFormat::Ndjson);
  ASSERT_EQ(input.records.size(), 1u);
  EXPECT_EQ(input.records[0].text, "{\"records\": [1, 2]}");
}

TEST(RecordSource, KeepsNdjsonWhoseFirstLinesAreMalformed) {
  Framing input = Frame("{\"id\":1,\n{\"id\":2,\n{\"id\":3}\n{\"id\":4}\n");
  EXPECT_EQ(input.shape, InputShape::Ndjson);
  EXPECT_EQ(input.records.size(), 4u);
}

// A document cut off before its brackets close is still a document, even when some of its lines
// are complete values, and the run stops where the input ends. So is one written on one line,
// with or without a line break at its end.
TEST(RecordSource, ReadsACutOffDocumentAsADocument) {
  const std::string documents[] = {
      "{\"records\":[\n {\"id\":1},\n {\"id\":2}\n",
      "{\"done\":true,\n\"records\":[\n {\"id\":1},\n {\"id\":2}\n",
      "{\"records\":[\n {\"id\":1},\n {\"id\":2}\n]\n",
      "{\"records\":[{\"id\":1},{\"id\":2}",
      "{\"records\":[{\"id\":1},{\"id\":2}\n",
      "{\"records\":[{\"id\":1},{\"id\":2}\r\n",
      "{\"done\":true, \"records\": [{\"id\":1}, {\"id\":2}]",
      "{\"records\":[{\"id\":1},{\"id\":2},",
  };
  for (const std::string& text : documents) {
    Framing input = Frame(text);
    EXPECT_EQ(input.shape, InputShape::RecordsObject) << text;
    ASSERT_EQ(input.records.size(), 2u) << text;
    EXPECT_EQ(input.records[1].text, "{\"id\":2}");
    std::string end = "byte " + std::to_string(text.size()) + ": the input ends before";
    EXPECT_NE(input.error.find(end), std::string::npos) << input.error;
  }
}

// A one-line document cut off inside a record stops where that record starts, after the
// records before it.
TEST(RecordSource, StopsAtOneLineCutOffRecord) {
  Framing input = Frame("{\"records\":[{\"id\":1},{\"id\":2,\"na");
  EXPECT_EQ(input.shape, InputShape::RecordsObject);
  ASSERT_EQ(input.records.size(), 1u);
  EXPECT_NE(input.error.find("byte 21: the input ends inside a value"), std::string::npos)
      << input.error;
}

// A record that breaks inside a later line of a cut-off document leaves it a document, although
// the line after it is a complete value.
TEST(RecordSource, ReadsACutOffDocumentWithABadRecord) {
  std::string text = "{\"records\":[\n {\"id\":1},\n {\"id\":2,,\"a\":1},\n {\"id\":3}\n";
  Framing input = Frame(text);
  EXPECT_EQ(input.shape, InputShape::RecordsObject);
  ASSERT_EQ(input.records.size(), 3u);
  EXPECT_EQ(input.records[1].text, "{\"id\":2,,\"a\":1}");
  EXPECT_NE(input.error.find("the input ends before the document does"), std::string::npos)
      << input.error;
}

// A first line that is not closed but is followed by more values is a malformed NDJSON record.
TEST(RecordSource, KeepsNdjsonAfterAnUnclosedFirstLine) {
  const std::string first_lines[] = {"{\"id\":1", "{\"id\":1,", "{\"id\":[1", "{\"id\":\"a"};
  for (const std::string& first_line : first_lines) {
    Framing input = Frame(first_line + "\n{\"id\":2}\n{\"id\":3}\n");
    EXPECT_EQ(input.shape, InputShape::Ndjson) << first_line;
    ASSERT_EQ(input.records.size(), 3u) << first_line;
    EXPECT_EQ(input.records[0].text, first_line);
    EXPECT_EQ(input.records[2].text, "{\"id\":3}");
    EXPECT_EQ(input.error, "");
  }
}

TEST(RecordSource, SplitsLinesEndedByCarriageReturnsOnly) {
  Framing input = Frame("{\"id\":1}\r{\"id\":2}\r{\"id\":3}\r");
  EXPECT_EQ(input.shape, InputShape::Ndjson);
  ASSERT_EQ(input.records.size(), 3u);
  EXPECT_EQ(input.records[2].text, "{\"id\":3}");
  EXPECT_EQ(input.records[2].line, 3u);
}

// Lines ended by lone CRs are found from the first line break, even past the first batch.
TEST(RecordSource, SplitsCarriageReturnLinesAfterALongFirstLine) {
  std::string first = "{\"id\":0,\"s\":\"" + std::string(3000, 'x') + "\"}";
  Framing input = Frame(first + "\r{\"id\":1}\r{\"id\":2}\r", InputFormat::Auto, 1024);
  EXPECT_EQ(input.shape, InputShape::Ndjson);
  ASSERT_EQ(input.records.size(), 3u);
  EXPECT_EQ(input.records[0].error, "");
  EXPECT_EQ(input.records[2].text, "{\"id\":2}");
  EXPECT_EQ(input.records[2].line, 3u);
}

TEST(RecordSource, RejectsALineOverTheLimitAndReadsOn) {
  std::string long_line = "{\"a\":\"" + std::string(5000, 'x') + "\"}";
  Framing input = Frame("{\"a\":1}\n" + long_line + "\n{\"a\":3}\n", InputFormat::Ndjson, 64, 1000);
  ASSERT_EQ(input.records.size(), 3u);
  EXPECT_NE(input.records[1].error.find("longer than 1000 bytes"), std::string::npos);
  EXPECT_EQ(input.records[1].offset, 8u);
  EXPECT_LE(input.records[1].text.size(), 200u);
  EXPECT_EQ(input.records[2].text, "{\"a\":3}");
  EXPECT_EQ(input.records[2].line, 3u);
}

// An NDJSON line near the limit, with the part of it that its record or reject shows.
struct LineCase {
  std::string name;
  // The line with its line break.
  std::string line;
  bool rejected;
  // Where the record's text starts in the line, and how many bytes of it are shown.
  size_t text_start;
  size_t text_size;
};

// A JSON object of exactly `size` bytes, at least 8.
std::string ObjectOfSize(size_t size) { return "{\"s\":\"" + std::string(size - 8, 'x') + "\"}"; }

// Lines at both sides of `limit`, which is at least 1000: blanks around the record count toward
// it, and the CR of a CRLF does not.
std::vector<LineCase> LinesNearTheLimit(size_t limit) {
  const size_t half = limit / 2;
  const std::string blanks(limit + 500, ' ');
  return {
      {"crlf at the limit", ObjectOfSize(limit) + "\r\n", false, 0, limit},
      {"crlf over the limit", ObjectOfSize(limit + 1) + "\r\n", true, 0, 200},
      {"lf at the limit", ObjectOfSize(limit) + "\n", false, 0, limit},
      {"trailing blanks at the limit", ObjectOfSize(limit - 3) + " \t \n", false, 0, limit - 3},
      {"trailing blanks over the limit", ObjectOfSize(limit - 2) + "  \t\r\n", true, 0, 200},
      {"leading blanks at the limit", blanks.substr(0, half) + ObjectOfSize(limit - half) + "\n",
       false, half, limit - half},
      {"leading blanks over the limit",
       blanks.substr(0, half) + ObjectOfSize(limit - half + 1) + "\n", true, half, 200},
      {"blank line at the limit", blanks.substr(0, limit) + "\r\n", false, 0, 0},
      {"blank line over the limit", blanks + "\n", true, 0, 200},
      {"blanks past the head", blanks + ObjectOfSize(50) + "\n", true, 0, 200},
  };
}

// Frames `line_case` between two short lines, in order and in parts at several batch sizes,
// and expects the same records, numbers, lines and offsets from each.
void ExpectLineFramed(const LineCase& line_case, size_t limit) {
  const std::string first = "{\"a\":1}\n";
  const std::string text = first + line_case.line + "{\"a\":3}\n";
  const size_t records = line_case.rejected || line_case.text_size > 0 ? 3 : 2;
  for (size_t batch_bytes : {1, 7, 64, 1000, 4096, 1 << 20}) {
    for (bool in_parts : {false, true}) {
      SCOPED_TRACE(line_case.name + ", limit " + std::to_string(limit) + ", batch_bytes " +
                   std::to_string(batch_bytes) + (in_parts ? ", in parts" : ", in order"));
      Framing framing = in_parts ? FrameInParts(text, batch_bytes, limit)
                                 : Frame(text, InputFormat::Ndjson, batch_bytes, limit);
      EXPECT_EQ(framing.error, "");
      ASSERT_EQ(framing.records.size(), records);
      EXPECT_EQ(framing.records.back().number, records);
      EXPECT_EQ(framing.records.back().line, 3u);
      EXPECT_EQ(framing.records.back().offset, first.size() + line_case.line.size());
      if (records == 2) continue;

      const Framed& record = framing.records[1];
      EXPECT_EQ(record.line, 2u);
      EXPECT_EQ(record.offset, first.size() + line_case.text_start);
      EXPECT_EQ(record.text, line_case.line.substr(line_case.text_start, line_case.text_size));
      EXPECT_EQ(
          record.error.find("longer than " + std::to_string(limit) + " bytes") != std::string::npos,
          line_case.rejected)
          << record.error;
    }
  }
}

// Whether a line is over the limit must not depend on where the framer finds its line break:
// in the bytes it has read, after reading more, or in a part read on a mapping thread.
TEST(RecordSource, MeasuresLinesAlikeWhereverTheyBreak) {
  // The larger limit puts the break past what a part framer reads at first.
  for (size_t limit : {1000, 40000}) {
    for (const LineCase& line_case : LinesNearTheLimit(limit)) ExpectLineFramed(line_case, limit);
  }
}

// Joins `elements` into a JSON array document, each after `separator`, and expects every batch
// size to frame them with their offsets and lines. An element over `max_record_bytes` must be
// rejected alone, shown by its first 200 bytes, and the elements after it framed.
void ExpectArrayFramed(const std::vector<std::string>& elements, const std::string& separator,
                       size_t max_record_bytes) {
  std::string text = "[";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < elements.size(); ++i) {
    text += (i == 0 ? "" : ",") + separator;
    offsets.push_back(text.size());
    text += elements[i];
  }
  text += separator + "]\n";
  for (size_t batch_bytes : {1, 3, 7, 64, 4096, 1 << 20}) {
    SCOPED_TRACE("batch_bytes " + std::to_string(batch_bytes));
    Framing framing = Frame(text, InputFormat::Json, batch_bytes, max_record_bytes);
    EXPECT_EQ(framing.error, "");
    ASSERT_EQ(framing.records.size(), elements.size());
    for (size_t i = 0; i < elements.size(); ++i) {
      const Framed& record = framing.records[i];
      bool long_record = elements[i].size() > max_record_bytes;
      EXPECT_EQ(record.number, i + 1);
      EXPECT_EQ(record.offset, offsets[i]);
      EXPECT_EQ(record.line, 1 + std::count(text.begin(), text.begin() + offsets[i], '\n'));
      EXPECT_EQ(record.text, long_record ? elements[i].substr(0, 200) : elements[i]);
      EXPECT_EQ(record.error.find("longer than " + std::to_string(max_record_bytes) + " bytes") !=
                    std::string::npos,
                long_record)
          << i << ": " << record.error;
    }
  }
}

TEST(RecordSource, RejectsALongElementAndReadsOn) {
  std::string big = "{\"a\":\"" + std::string(5000, 'x') + "\"}";
  for (size_t at = 0; at <= 3; ++at) {
    std::vector<std::string> elements = {"{\"a\":1}", "{\"a\":2}", "{\"a\":3}"};
    elements.insert(elements.begin() + at, big);
    ExpectArrayFramed(elements, "\n  ", 1000);
  }
}

TEST(RecordSource, SkipsLongElementsOfEveryKind) {
  std::string escapes;
  for (int i = 0; i < 400; ++i) escapes += "\\\"]}\\\\[{";
  std::string deep = std::string(3000, '[') + std::string(3000, ']');
  std::string pretty = "{\n";
  for (int i = 0; i < 100; ++i) pretty += "  \"k" + std::to_string(i) + "\": [1, \"}\"],\n";
  pretty += "  \"end\": {}\n}";
  std::vector<std::string> elements = {
      "{\"s\": \"" + escapes + "\"}",
      "{\"a\": 1}",
      "\"" + escapes + "\\\\\"",
      deep,
      "{\"deep\": " + deep + ", \"b\": \"]]\"}",
      std::string(3000, '7'),
      pretty,
      "{\"a\": \"\\\\\"}",
      "{\"last\": true}",
  };
  ExpectArrayFramed(elements, "\n  ", 1000);
  ExpectArrayFramed(elements, std::string(3000, ' ') + "\r\n", 1000);
  ExpectArrayFramed(elements, "", 1000);
  // An element just over and just under the limit, around the escapes at its end.
  for (size_t limit = elements[7].size() - 2; limit <= elements[7].size() + 1; ++limit)
    ExpectArrayFramed(elements, " ", limit);
}

TEST(RecordSource, RejectsALongElementOfRecords) {
  std::string big = "{\"a\":\"" + std::string(5000, 'x') + "\"}";
  std::string text = "{\"meta\": \"" + std::string(3000, 'm') + "\", \"records\": [{\"a\":1}, " +
                     big + ", {\"a\":3}], \"done\": \"" + std::string(3000, 'd') + "\"}";
  for (size_t batch_bytes : {1, 7, 64, 1 << 20}) {
    Framing framing = Frame(text, InputFormat::Json, batch_bytes, 1000);
    EXPECT_EQ(framing.shape, InputShape::RecordsObject);
    EXPECT_EQ(framing.error, "") << batch_bytes;
    ASSERT_EQ(framing.records.size(), 3u) << batch_bytes;
    EXPECT_NE(framing.records[1].error.find("longer than 1000 bytes"), std::string::npos);
    EXPECT_EQ(framing.records[1].offset, text.find(big));
    EXPECT_EQ(framing.records[2].text, "{\"a\":3}");
  }
}

// An element over the limit is still validated as it is read past, so that a broken one is
// rejected for what breaks it, wherever the batches end, and the elements after it are read.
TEST(RecordSource, ValidatesALongElement) {
  const std::string padding = "\"pad\": \"" + std::string(3000, 'x') + "\"";
  const std::pair<std::string, std::string> cases[] = {
      {"{" + padding + ", \"ok\": tru}", "invalid JSON at byte 3019 of the record: `tru` is not"},
      {"{" + padding + ", \"n\": [1 2]}",
       "invalid JSON at byte 3021 of the record: expected `,` or `]` after an element, found `2`"},
      {"{" + padding + ", \"s\": \"a\\qb\"}",
       "invalid JSON at byte 3020 of the record: `\\q` is not a JSON escape"},
      {"{" + padding + ", \"d\": " + std::string(600, '[') + std::string(600, ']') + "}",
       "the record nests more than 512 levels"},
      {"{" + std::string(3000, 'z') + "}",
       "invalid JSON at byte 2 of the record: expected a member name in quotes, found `z`"},
      {"{" + padding + "}", "the record is longer than 1000 bytes"},
  };
  for (const auto& [element, reason] : cases) {
    std::string text = "{\"records\": [{\"a\": 1},\n " + element + ",\n {\"a\": 3}]}";
    for (size_t batch_bytes : {1, 7, 64, 1 << 20}) {
      Framing framing = Frame(text, InputFormat::Json, batch_bytes, 1000);
      EXPECT_EQ(framing.error, "") << batch_bytes;
      ASSERT_EQ(framing.records.size(), 3u) << batch_bytes;
      const Framed& record = framing.records[1];
      EXPECT_EQ(record.offset, text.find(element.substr(0, 20)));
      EXPECT_EQ(record.text, element.substr(0, 200));
      EXPECT_EQ(record.error.find(reason), 0u) << batch_bytes << ": " << record.error;
      EXPECT_NE(record.error.find("longer than 1000 bytes"), std::string::npos) << record.error;
      EXPECT_EQ(framing.records[2].text, "{\"a\": 3}");
    }
  }
}

// A member beside the `records` array that is over the limit is read past, but the run still
// stops where it is not valid JSON, as it does for a shorter member.
TEST(RecordSource, StopsAtABrokenLongMember) {
  std::string text = "{\"meta\": {\"pad\": \"" + std::string(3000, 'x') +
                     "\",\n  \"ok\": tru},\n \"records\": [{\"a\": 1}]}";
  for (size_t batch_bytes : {1, 7, 64}) {
    Framing framing = Frame(text, InputFormat::Json, batch_bytes, 1000);
    EXPECT_EQ(framing.records.size(), 0u);
    EXPECT_EQ(framing.error,
              "invalid JSON near line 2, byte 3029: `tru` is not a value (the value "
              "starts on line 1 at byte 9)")
        << batch_bytes;
  }
  Framing whole = Frame(text, InputFormat::Json, 1 << 20, 1000);
  EXPECT_NE(whole.error.find("`tru` is not a value"), std::string::npos) << whole.error;
}

// A short member that is not valid JSON stops the run at the byte where it breaks too, not at
// the start of its value.
TEST(RecordSource, StopsWhereAShortMemberBreaks) {
  std::string text = "{\"records\":[{\"id\":1}],\"next\":{\"a\":\"zz\"\n \"b\":1}}";
  for (size_t batch_bytes : {1, 7, 1 << 20}) {
    Framing framing = Frame(text, InputFormat::Json, batch_bytes);
    ASSERT_EQ(framing.records.size(), 1u) << batch_bytes;
    EXPECT_EQ(framing.error,
              "invalid JSON near line 2, byte 40: expected `,` or `}` after a member, found `\"`")
        << batch_bytes;
  }
}

TEST(RecordSource, StopsWhereALongElementBreaks) {
  const std::string start = "[{\"a\":1},\n {\"s\": \"";
  const std::string cases[] = {
      start + std::string(5000, 'x'),
      start + std::string(5000, 'x') + "\\\"}]",
      start + "x\"," + std::string(3000, '[') + "}" + std::string(3000, ']') + "}]",
  };
  for (const std::string& text : cases) {
    for (size_t batch_bytes : {7, 64, 1 << 20}) {
      Framing framing = Frame(text, InputFormat::Json, batch_bytes, 1000);
      ASSERT_EQ(framing.records.size(), 1u) << batch_bytes;
      EXPECT_EQ(framing.records[0].text, "{\"a\":1}");
      EXPECT_NE(framing.error.find("invalid JSON near line 2"), std::string::npos) << framing.error;
      if (batch_bytes < 1000) {
        EXPECT_NE(framing.error.find("(the value starts on line 2 at byte 11)"), std::string::npos)
            << framing.error;
      }
    }
  }
}

TEST(RecordSource, RejectsOneObjectOverTheLimit) {
  const std::string objects[] = {
      "{\n  \"id\": 1,\n  \"s\": \"" + std::string(2000, 'x') + "\"\n}",
      "{\n  \"" + std::string(2000, 'k') + "\": 1,\n  \"records\": 2\n}",
      "{\n  \"id\": [" + std::string(700, '1') + ", " + std::string(700, '2') + ", " +
          std::string(700, '3') + "]\n}",
  };
  for (const std::string& object : objects) {
    for (size_t batch_bytes : {1, 7, 64, 1 << 20}) {
      Framing framing = Frame("\n  " + object + "\n", InputFormat::Json, batch_bytes, 1000);
      EXPECT_EQ(framing.shape, InputShape::SingleObject);
      EXPECT_EQ(framing.error, "") << batch_bytes;
      ASSERT_EQ(framing.records.size(), 1u) << batch_bytes;
      EXPECT_EQ(framing.records[0].offset, 3u);
      EXPECT_EQ(framing.records[0].line, 2u);
      EXPECT_EQ(framing.records[0].text, object.substr(0, 200));
      EXPECT_NE(framing.records[0].error.find("longer than 1000 bytes"), std::string::npos)
          << framing.records[0].error;
    }
  }
}

TEST(RecordSource, KeepsOneObjectWithinTheLimitWhole) {
  std::string object = "{\"id\": 1, \"s\": \"" + std::string(900, 'x') + "\"}";
  Framing framing = Frame(object, InputFormat::Json, 1 << 20, object.size());
  ASSERT_EQ(framing.records.size(), 1u);
  EXPECT_EQ(framing.records[0].text, object);
  EXPECT_EQ(framing.records[0].error, "");
}

// An object larger than several batches is read whole when it is within the limit, however its
// lines and members fall. So is one that is malformed inside, which the reader then rejects.
TEST(RecordSource, KeepsALargeObjectWhole) {
  std::string members;
  for (int i = 0; i < 100; ++i) members += ",\n  \"k" + std::to_string(i) + "\": [1, \"}\"]";
  const std::string objects[] = {
      "{\n  \"id\": 1,\n  \"s\": \"" + std::string(2000, 'x') + "\"\n}",
      "{\n  \"id\": 1" + members + "\n}",
      "{\n  \"id\": 1" + members + ",\n  \"x\": nul\n}",
      "{\"records\": 1" + members + "}",
  };
  for (const std::string& object : objects) {
    for (size_t batch_bytes : {1, 7, 64, 1 << 20}) {
      Framing framing = Frame("\n" + object + "\n", InputFormat::Json, batch_bytes);
      EXPECT_EQ(framing.shape, InputShape::SingleObject);
      EXPECT_EQ(framing.error, "") << batch_bytes;
      ASSERT_EQ(framing.records.size(), 1u) << batch_bytes;
      EXPECT_EQ(framing.records[0].text, object);
      EXPECT_EQ(framing.records[0].error, "");
      EXPECT_EQ(framing.records[0].line, 2u);
      EXPECT_EQ(framing.records[0].offset, 1u);
    }
  }
}

TEST(RecordSource, KeepsADocumentWithABadValueADocument) {
  Framing input = Frame(
      "{\"done\": true,\n \"records\": [\n  {\"id\": 1},\n  {\"id\": tru},\n  {\"id\": 3}\n ]}\n");
  EXPECT_EQ(input.shape, InputShape::RecordsObject);
  EXPECT_EQ(input.records.size(), 3u);
  EXPECT_EQ(input.error, "");
}

TEST(RecordSource, ReadsMalformedOneLineRecordsAsNdjson) {
  Framing input = Frame("{\"id\":1,}\n{\"id\":2,}\n");
  EXPECT_EQ(input.shape, InputShape::Ndjson);
  EXPECT_EQ(input.records.size(), 2u);
}

TEST(RecordSource, ReadsOneLineWithUnpairedBracketsAsNdjson) {
  Framing input = Frame("{\"id\": \"a\"]}");
  EXPECT_EQ(input.shape, InputShape::Ndjson);
  ASSERT_EQ(input.records.size(), 1u);
  EXPECT_EQ(input.records[0].text, "{\"id\": \"a\"]}");
  EXPECT_EQ(input.error, "");
}

TEST(RecordSource, TakesAMalformedSingleObjectAsOneRecord) {
  Framing input = Frame("{\n  \"id\": \"a\",\n  \"x\": nul\n}\n");
  EXPECT_EQ(input.shape, InputShape::SingleObject);
  ASSERT_EQ(input.records.size(), 1u);
  EXPECT_EQ(input.records[0].text, "{\n  \"id\": \"a\",\n  \"x\": nul\n}");
  EXPECT_EQ(input.error, "");
}

TEST(RecordSource, StopsAtAMalformedMemberBesideRecords) {
  Framing input = Frame("{\"records\": [{\"id\": 1}],\n \"x\": nul}\n");
  EXPECT_EQ(input.shape, InputShape::RecordsObject);
  EXPECT_EQ(input.records.size(), 1u);
  EXPECT_NE(input.error.find("`nul` is not a value"), std::string::npos) << input.error;
}

TEST(RecordSource, StreamsACutRecordsDocumentUpToTheBreak) {
  std::string text = "{\"records\": [\n";
  for (int i = 0; i < 3000; ++i) text += "{\"id\": " + std::to_string(i) + "},\n";
  text += "{\"id\": 3000, \"na";
  Framing input = Frame(text);
  EXPECT_EQ(input.records.size(), 3000u);
  EXPECT_NE(input.error.find("near line 3002"), std::string::npos) << input.error;
}

TEST(RecordSource, ChecksTheOtherMembersOfARecordsDocument) {
  Framing input = Frame("{\"records\": [{\"id\": 1}],\n \"done\": tru}\n");
  EXPECT_NE(input.error.find("near line 2, byte 34: `tru` is not a value"), std::string::npos)
      << input.error;
}

// A query result written on one line, longer than --max-record-bytes, is still a document.
TEST(RecordSource, ReadsLongOneLineDocuments) {
  std::string elements;
  for (int i = 0; i < 50; ++i) elements += (i == 0 ? "" : ", ") + std::string("{\"id\": 1}");
  const std::pair<std::string, InputShape> documents[] = {
      {"[" + elements + "]", InputShape::JsonArray},
      {"{\"totalSize\": 50, \"x\": {\"records\": 1}, \"records\": [" + elements + "]}",
       InputShape::RecordsObject},
  };
  for (const auto& [text, shape] : documents) {
    Framing framing = Frame(text, InputFormat::Auto, 64, 200);
    EXPECT_EQ(framing.shape, shape) << text;
    EXPECT_EQ(framing.error, "");
    EXPECT_EQ(framing.records.size(), 50u);
  }
}

// A document on one line is read whole to find its shape. Each batch must then own only its
// records' bytes. Handing every batch the window's buffer would make each batch in flight keep
// the rest of the document, so memory would grow with the square of the document's size.
TEST(RecordSource, OneLineDocumentBatchesOwnBytes) {
  std::string text = "[";
  for (int i = 0; i < 2000; ++i) text += (i == 0 ? "" : ",") + std::string("{\"id\": 1234567}");
  text += "]";
  RecordSource source(TextInput(text), OptionsFor(InputFormat::Auto, 512, 64 << 20));
  std::vector<Batch> batches;
  for (Batch batch; source.Next(batch); batch = Batch()) batches.push_back(std::move(batch));
  ASSERT_EQ(source.error(), "");
  EXPECT_EQ(source.shape(), InputShape::JsonArray);
  EXPECT_GT(batches.size(), 50u);
  size_t records = 0;
  size_t buffered_bytes = 0;
  for (const Batch& batch : batches) {
    buffered_bytes += batch.buffer.capacity();
    for (const InputRecord& record : batch.records) {
      ++records;
      const char* begin = batch.buffer.data();
      ASSERT_TRUE(record.text.data() >= begin &&
                  record.text.data() + record.text.size() <= begin + batch.buffer.size())
          << "record " << record.number << " points outside its batch";
      ASSERT_EQ(record.text, "{\"id\": 1234567}");
    }
  }
  EXPECT_EQ(records, 2000u);
  EXPECT_LT(buffered_bytes, 4 * text.size());
}

TEST(RecordSource, ReadsALongFirstLineAsNdjson) {
  const std::string first_lines[] = {
      "{\"a\": \"" + std::string(2000, 'x') + "\"}",
      "{\"x\": {\"records\": [1]}, \"a\": \"" + std::string(2000, 'x') + "\"}",
      "{\"records\": 1, \"a\": \"" + std::string(2000, 'x') + "\"}",
  };
  for (const std::string& first_line : first_lines) {
    Framing framing = Frame(first_line + "\n{\"a\": 2}\n", InputFormat::Auto, 64, 1000);
    EXPECT_EQ(framing.shape, InputShape::Ndjson);
    ASSERT_EQ(framing.records.size(), 2u);
    EXPECT_NE(framing.records[0].error.find("longer than 1000 bytes"), std::string::npos);
    EXPECT_EQ(framing.records[1].text, "{\"a\": 2}");
  }
}

// A `records` member that is no array counts as one `records` key when it is read in pieces
// within the limit, after a long member, or skipped over the limit.
TEST(RecordSource, CountsASplitRecordsMemberOnce) {
  std::string text = "{\"pad\": \"" + std::string(1500, 'y') + "\", \"records\": \"" +
                     std::string(300, 'x') + "\", \"id\": 1}";
  for (size_t max_record_bytes : {100, 1000}) {
    Framing framing = Frame(text, InputFormat::Json, 16, max_record_bytes);
    EXPECT_EQ(framing.error, "") << max_record_bytes;
    ASSERT_EQ(framing.records.size(), 1u) << max_record_bytes;
    EXPECT_NE(framing.records[0].error.find("longer than"), std::string::npos)
        << framing.records[0].error;
  }
}

// Generates inputs of every shape and frames them with batches from a few bytes to a megabyte:
// the records, their numbers, lines and offsets must not depend on where the batches end.
// A batch may end before any record, after a run of blank lines longer than the batch size. The
// records after it were once dropped without a word, as if the input had ended there.
TEST(RecordSource, ReadsOnAfterABatchOfBlankLines) {
  for (const std::string blank : {"\n", "  \n", "\r\n", " \t \r\n"}) {
    std::string text = "{\"a\":1}\n";
    for (int i = 0; i < 20; ++i) text += blank;
    text += "{\"a\":2}";
    for (size_t batch_bytes : {1, 7, 16}) {
      Framing framing = Frame(text, InputFormat::Ndjson, batch_bytes);
      EXPECT_EQ(framing.error, "");
      ASSERT_EQ(framing.records.size(), 2u) << batch_bytes;
      EXPECT_EQ(framing.records[1].text, "{\"a\":2}");
      EXPECT_EQ(framing.records[1].number, 2u);
      EXPECT_EQ(framing.records[1].line, 22u);
    }
  }
}

TEST(RecordSource, ReadsOnAfterBlankLinesBeforeTheFirstRecord) {
  Framing framing = Frame("\r\n \n  \n{", InputFormat::Ndjson, 7);
  EXPECT_EQ(framing.error, "");
  ASSERT_EQ(framing.records.size(), 1u);
  EXPECT_EQ(framing.records[0].text, "{");
  EXPECT_EQ(framing.records[0].line, 4u);
  EXPECT_EQ(framing.records[0].offset, 7u);
}

// Generates JSON arrays and `records` documents whose elements and members are often longer
// than the limit, with long runs of whitespace between them. Whatever the batch size, the
// records must be those framed when the whole document is in memory.
TEST(RecordSource, FramesLongValuesAtAnyBatchSize) {
  std::mt19937 random(11);
  for (int round = 0; round < 300; ++round) {
    bool records_document = round % 2 == 1;
    std::string text = RandomSpace(random) + (records_document ? "{\"meta\":" : "[");
    // The other members of a `records` document must pass the depth limit when they are checked.
    if (records_document)
      text += RandomSpace(random) + RandomValue(random, 500) + ", \"records\": [";
    size_t count = random() % 12;
    for (size_t i = 0; i < count; ++i) {
      text += (i == 0 ? "" : ",") + RandomSpace(random) + RandomValue(random, 900) +
              RandomSpace(random);
    }
    text += records_document ? "], \"done\": " + RandomValue(random, 500) + "}" : "]";
    text += RandomSpace(random);
    const size_t limits[] = {20, 250, 1000, 64 << 20};
    size_t max_record_bytes = limits[random() % 4];

    Framing reference = Frame(text, InputFormat::Json, 1 << 20, max_record_bytes);
    ASSERT_EQ(reference.error, "") << text;
    ASSERT_EQ(reference.records.size(), count);
    for (size_t batch_bytes : {1, 5, 64, 999}) {
      SCOPED_TRACE("round " + std::to_string(round) + ", batch_bytes " +
                   std::to_string(batch_bytes));
      Framing framing = Frame(text, InputFormat::Json, batch_bytes, max_record_bytes);
      EXPECT_EQ(framing.error, "");
      ASSERT_EQ(framing.records.size(), count);
      for (size_t i = 0; i < count; ++i) {
        EXPECT_EQ(framing.records[i].number, reference.records[i].number);
        EXPECT_EQ(framing.records[i].line, reference.records[i].line);
        EXPECT_EQ(framing.records[i].offset, reference.records[i].offset);
        EXPECT_EQ(framing.records[i].text, reference.records[i].text);
        EXPECT_EQ(framing.records[i].error, reference.records[i].error);
      }
    }
  }
}

TEST(RecordSource, FramesTheSameWhateverTheBatchSize) {
  std::mt19937 random(7);
  for (int round = 0; round < 60; ++round) {
    std::vector<std::string> records;
    int count = 1 + static_cast<int>(random() % 30);
    for (int i = 0; i < count; ++i) {
      std::string text = "{\"id\": " + std::to_string(i) + ", \"s\": \"a\\\"]}" +
                         std::string(random() % 40, 'x') + "\", \"n\": [1, {\"b\": []}]}";
      records.push_back(text);
    }
    std::string joined;
    int shape = round % 3;
    for (size_t i = 0; i < records.size(); ++i) {
      if (shape == 0) joined += records[i] + (round % 2 ? "\r\n" : "\n");
      if (shape == 1) joined += (i == 0 ? "[\n  " : ",\n  ") + records[i];
      if (shape == 2) {
        joined += (i == 0 ? "{\"x\": {\"records\": 1}, \"records\": [" : ", ") + records[i];
      }
    }
    if (shape == 1) joined += "\n]\n";
    if (shape == 2) joined += "], \"done\": true}";
    Framing reference = Frame(joined);
    ASSERT_EQ(reference.error, "");
    ASSERT_EQ(reference.records.size(), records.size());
    for (size_t batch_bytes : {1, 7, 16, 100, 333}) {
      Framing framing =
          Frame(joined, shape == 0 ? InputFormat::Ndjson : InputFormat::Json, batch_bytes);
      ASSERT_EQ(framing.error, "") << batch_bytes;
      ASSERT_EQ(framing.records.size(), records.size()) << batch_bytes;
      for (size_t i = 0; i < records.size(); ++i) {
        EXPECT_EQ(framing.records[i].text, records[i]);
        EXPECT_EQ(framing.records[i].number, i + 1);
        EXPECT_EQ(framing.records[i].line, reference.records[i].line);
        EXPECT_EQ(framing.records[i].offset, reference.records[i].offset);
        EXPECT_EQ(joined.substr(framing.records[i].offset, records[i].size()), records[i]);
      }
      if (batch_bytes < 100 && records.size() > 1) {
        EXPECT_GT(framing.batches, 1u);
      }
    }
  }
}

}  // namespace
}  // namespace weft::runtime
