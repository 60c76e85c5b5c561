#include "runtime/csv_syntax.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace weft::runtime {
namespace {

// One frame as the tests compare it: the status, the record's text and its first line.
struct FramedRecord {
  CsvFrameStatus status;
  std::string text;
  size_t line;

  bool operator==(const FramedRecord&) const = default;
};

std::ostream& operator<<(std::ostream& out, const FramedRecord& record) {
  return out << "{status " << static_cast<int>(record.status) << ", line " << record.line
             << ", text \"" << record.text << "\"}";
}

// Frames `input` as a stream that arrives `chunk` bytes at a time, dropping the bytes of finished
// records from the buffer now and then, as a reader with a bounded buffer would.
std::vector<FramedRecord> FrameInChunks(std::string_view input, size_t chunk,
                                        char delimiter = ',') {
  CsvFramer framer(delimiter);
  std::vector<FramedRecord> records;
  std::string buffer;
  size_t fed = 0;
  size_t start = 0;
  size_t line = 1;
  while (true) {
    bool at_end = fed == input.size();
    CsvFrame frame = framer.FindRecordEnd(buffer, start, at_end);
    if (frame.status == CsvFrameStatus::EndOfInput) return records;
    if (frame.status == CsvFrameStatus::NeedMore) {
      EXPECT_FALSE(at_end);
      if (at_end) return records;
      size_t count = std::min(chunk, input.size() - fed);
      buffer.append(input.substr(fed, count));
      fed += count;
      continue;
    }
    records.push_back({frame.status, buffer.substr(frame.begin, frame.text_end - frame.begin), line});
    line += frame.line_breaks;
    start = frame.end;
    if (start > buffer.size() / 2) {
      buffer.erase(0, start);
      start = 0;
    }
  }
}

std::vector<FramedRecord> FrameWhole(std::string_view input, char delimiter = ',') {
  return FrameInChunks(input, input.size() + 1, delimiter);
}

FramedRecord Record(std::string text, size_t line) {
  return {CsvFrameStatus::Record, std::move(text), line};
}

TEST(CsvFramer, SplitsLfAndCrlfRecords) {
  std::vector<FramedRecord> expected = {Record("a,b", 1), Record("c,d", 2), Record("e,f", 3)};
  EXPECT_EQ(FrameWhole("a,b\r\nc,d\ne,f"), expected);
}

TEST(CsvFramer, EndsARecordAtALoneCr) {
  std::vector<FramedRecord> expected = {Record("a", 1), Record("b", 2)};
  EXPECT_EQ(FrameWhole("a\rb\n"), expected);
}

TEST(CsvFramer, KeepsLineBreaksInQuotedCells) {
  std::vector<FramedRecord> expected = {Record("a,\"x\ny\"", 1), Record("b,c", 3)};
  EXPECT_EQ(FrameWhole("a,\"x\ny\"\r\nb,c\n"), expected);
}

TEST(CsvFramer, CountsCrlfInQuotesOnce) {
  std::vector<FramedRecord> expected = {Record("\"x\r\ny\"", 1), Record("z", 3)};
  EXPECT_EQ(FrameWhole("\"x\r\ny\"\nz\n"), expected);
}

TEST(CsvFramer, DoubledQuoteDoesNotCloseCell) {
  std::vector<FramedRecord> expected = {Record("\"a\"\"\nb\",c", 1), Record("d", 3)};
  EXPECT_EQ(FrameWhole("\"a\"\"\nb\",c\nd\n"), expected);
}

TEST(CsvFramer, QuoteInsideUnquotedCellIsData) {
  std::vector<FramedRecord> expected = {Record("a\"b,c", 1), Record("d", 2)};
  EXPECT_EQ(FrameWhole("a\"b,c\nd"), expected);
}

TEST(CsvFramer, QuoteAfterDelimiterOpensCell) {
  std::vector<FramedRecord> expected = {Record("a;\"b\nc\"", 1)};
  EXPECT_EQ(FrameWhole("a;\"b\nc\"\n", ';'), expected);
  std::vector<FramedRecord> expected_tab = {Record("a\t\"b\nc\"", 1)};
  EXPECT_EQ(FrameWhole("a\t\"b\nc\"\n", '\t'), expected_tab);
}

TEST(CsvFramer, BlankLineIsAnEmptyRecord) {
  std::vector<FramedRecord> expected = {Record("a", 1), Record("", 2), Record("b", 3)};
  EXPECT_EQ(FrameWhole("a\n\nb\n"), expected);
}

TEST(CsvFramer, LastRecordNeedsNoLineBreak) {
  std::vector<FramedRecord> expected = {Record("a", 1), Record("b", 2)};
  EXPECT_EQ(FrameWhole("a\nb"), expected);
}

TEST(CsvFramer, EmptyInputHasNoRecords) {
  CsvFramer framer;
  EXPECT_EQ(framer.FindRecordEnd("", 0, false).status, CsvFrameStatus::NeedMore);
  EXPECT_EQ(framer.FindRecordEnd("", 0, true).status, CsvFrameStatus::EndOfInput);
}

TEST(CsvFramer, NeedsMoreUntilTheEndOfInput) {
  CsvFramer framer;
  EXPECT_EQ(framer.FindRecordEnd("a,b", 0, false).status, CsvFrameStatus::NeedMore);
  CsvFrame frame = framer.FindRecordEnd("a,b", 0, true);
  EXPECT_EQ(frame.status, CsvFrameStatus::Record);
  EXPECT_EQ(frame.text_end, 3u);
  EXPECT_EQ(frame.end, 3u);
  EXPECT_EQ(frame.line_breaks, 0u);
}

TEST(CsvFramer, WaitsForTheLfAfterACr) {
  CsvFramer framer;
  EXPECT_EQ(framer.FindRecordEnd("a\r", 0, false).status, CsvFrameStatus::NeedMore);
  CsvFrame frame = framer.FindRecordEnd("a\r\nb", 0, false);
  EXPECT_EQ(frame.status, CsvFrameStatus::Record);
  EXPECT_EQ(frame.text_end, 1u);
  EXPECT_EQ(frame.end, 3u);
  EXPECT_EQ(frame.line_breaks, 1u);
}

TEST(CsvFramer, WaitsForTheLfOfABlankLine) {
  CsvFramer framer;
  CsvFrame first = framer.FindRecordEnd("a\n\r", 0, false);
  ASSERT_EQ(first.status, CsvFrameStatus::Record);
  EXPECT_EQ(framer.FindRecordEnd("a\n\r", first.end, false).status, CsvFrameStatus::NeedMore);
  CsvFrame blank = framer.FindRecordEnd("a\n\r\nb", first.end, false);
  EXPECT_EQ(blank.status, CsvFrameStatus::Record);
  EXPECT_EQ(blank.text_end, 2u);
  EXPECT_EQ(blank.end, 4u);
}

TEST(CsvFramer, WaitsForTheByteAfterAQuote) {
  CsvFramer framer;
  EXPECT_EQ(framer.FindRecordEnd("\"a\"", 0, false).status, CsvFrameStatus::NeedMore);
  CsvFrame frame = framer.FindRecordEnd("\"a\"\"\nb\"\n", 0, false);
  EXPECT_EQ(frame.status, CsvFrameStatus::Record);
  EXPECT_EQ(frame.text_end, 7u);
  EXPECT_EQ(frame.line_breaks, 2u);
}

TEST(CsvFramer, ResumesAtAnyStart) {
  CsvFramer framer;
  EXPECT_EQ(framer.FindRecordEnd("xx\"a\nb", 2, false).status, CsvFrameStatus::NeedMore);
  // The caller dropped the bytes before the record and appended more.
  CsvFrame frame = framer.FindRecordEnd("\"a\nb\"\nc", 0, false);
  EXPECT_EQ(frame.status, CsvFrameStatus::Record);
  EXPECT_EQ(frame.begin, 0u);
  EXPECT_EQ(frame.text_end, 5u);
  EXPECT_EQ(frame.end, 6u);
  EXPECT_EQ(frame.line_breaks, 2u);
}

TEST(CsvFramer, SameRecordsForEveryChunkSize) {
  std::string input =
      "\xEF\xBB\xBFid,\"note\"\r\n1,\"a \"\"b\"\"\r\nc\"\r\n\r\n2,x\"y\r3,\"\"\n4,\"z\"\"\"";
  std::vector<FramedRecord> whole = FrameWhole(input);
  ASSERT_EQ(whole.size(), 6u);
  EXPECT_EQ(whole[0], Record("id,\"note\"", 1));
  EXPECT_EQ(whole[1], Record("1,\"a \"\"b\"\"\r\nc\"", 2));
  EXPECT_EQ(whole[2], Record("", 4));
  EXPECT_EQ(whole[5], Record("4,\"z\"\"\"", 7));
  for (size_t chunk = 1; chunk <= 8; ++chunk) {
    EXPECT_EQ(FrameInChunks(input, chunk), whole) << "chunks of " << chunk << " bytes";
  }
}

TEST(CsvFramer, SkipsAByteOrderMarkAtTheStart) {
  std::vector<FramedRecord> expected = {Record("\"i\nd\"", 1), Record("1", 3)};
  EXPECT_EQ(FrameWhole("\xEF\xBB\xBF\"i\nd\"\n1\n"), expected);
  EXPECT_EQ(FrameInChunks("\xEF\xBB\xBF\"i\nd\"\n1\n", 1), expected);
}

TEST(CsvFramer, KeepsAByteOrderMarkAfterTheStart) {
  std::vector<FramedRecord> expected = {Record("id", 1), Record("\xEF\xBB\xBF" "1", 2)};
  EXPECT_EQ(FrameWhole("id\n\xEF\xBB\xBF" "1\n"), expected);
}

TEST(CsvFramer, KeepsATruncatedByteOrderMark) {
  std::vector<FramedRecord> expected = {Record("\xEF\xBB", 1)};
  EXPECT_EQ(FrameWhole("\xEF\xBB"), expected);
}

TEST(CsvFramer, ReportsAnUnclosedQuoteAtTheEnd) {
  std::string input = "h,i\n\"x\ny\",\"open\n3,c\n4,d\n";
  CsvFramer framer;
  CsvFrame header = framer.FindRecordEnd(input, 0, true);
  ASSERT_EQ(header.status, CsvFrameStatus::Record);

  CsvFrame frame = framer.FindRecordEnd(input, header.end, true);
  EXPECT_EQ(frame.status, CsvFrameStatus::UnclosedQuote);
  EXPECT_EQ(frame.text_end, input.size());
  EXPECT_EQ(frame.end, input.size());
  EXPECT_EQ(frame.open_quote, input.find("\"open"));
  EXPECT_EQ(frame.open_quote_line_breaks, 1u);
  EXPECT_EQ(frame.line_breaks, 4u);
  EXPECT_EQ(framer.FindRecordEnd(input, frame.end, true).status, CsvFrameStatus::EndOfInput);

  std::string reason = DescribeUnclosedQuote(frame, 2);
  EXPECT_NE(reason.find("opens on line 3 is never closed"), std::string::npos) << reason;
  EXPECT_NE(reason.find("from line 2 on"), std::string::npos) << reason;
}

TEST(CsvFramer, NeedsMoreInsideAnOpenQuote) {
  CsvFramer framer;
  EXPECT_EQ(framer.FindRecordEnd("a,\"b\nc", 0, false).status, CsvFrameStatus::NeedMore);
  EXPECT_EQ(framer.FindRecordEnd("a,\"b\nc", 0, true).status, CsvFrameStatus::UnclosedQuote);
}

TEST(CsvDelimiter, AcceptsCommonDelimiters) {
  EXPECT_EQ(CheckCsvDelimiter(','), "");
  EXPECT_EQ(CheckCsvDelimiter(';'), "");
  EXPECT_EQ(CheckCsvDelimiter('\t'), "");
  EXPECT_EQ(CheckCsvDelimiter('|'), "");
}

TEST(CsvDelimiter, RejectsQuotesLineBreaksAndNonAscii) {
  EXPECT_NE(CheckCsvDelimiter('"'), "");
  EXPECT_NE(CheckCsvDelimiter('\n'), "");
  EXPECT_NE(CheckCsvDelimiter('\r'), "");
  EXPECT_NE(CheckCsvDelimiter('\xA7').find("0xA7 is not ASCII"), std::string::npos);
}

// Splits `record` and returns the cells' texts, failing the test on a syntax error.
std::vector<std::string> CellTexts(std::string_view record, char delimiter = ',') {
  std::vector<CsvCell> cells;
  std::string unescaped;
  CsvSyntaxError error;
  EXPECT_TRUE(SplitCsvRecord(record, delimiter, cells, unescaped, error)) << error.message;
  std::vector<std::string> texts;
  for (const CsvCell& cell : cells) texts.emplace_back(cell.text);
  return texts;
}

TEST(CsvSplit, SplitsUnquotedCells) {
  EXPECT_EQ(CellTexts("a,b c,d"), (std::vector<std::string>{"a", "b c", "d"}));
}

TEST(CsvSplit, KeepsEmptyCells) {
  EXPECT_EQ(CellTexts(",a,,"), (std::vector<std::string>{"", "a", "", ""}));
  EXPECT_EQ(CellTexts(""), (std::vector<std::string>{""}));
}

TEST(CsvSplit, UnescapesQuotedCells) {
  EXPECT_EQ(CellTexts("\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",\"\"\"\""),
            (std::vector<std::string>{"a,b", "say \"hi\"", "x\ny", "\""}));
}

TEST(CsvSplit, UsesTheDelimiterGiven) {
  EXPECT_EQ(CellTexts("a;\"b;c\";d,e", ';'), (std::vector<std::string>{"a", "b;c", "d,e"}));
  EXPECT_EQ(CellTexts("a\tb c\t\"\t\"", '\t'), (std::vector<std::string>{"a", "b c", "\t"}));
}

TEST(CsvSplit, KeepsQuotesInsideUnquotedCells) {
  EXPECT_EQ(CellTexts("a\"b, \"c\""), (std::vector<std::string>{"a\"b", " \"c\""}));
}

TEST(CsvSplit, MarksQuotedCellsAndOffsets) {
  std::vector<CsvCell> cells;
  std::string unescaped;
  CsvSyntaxError error;
  ASSERT_TRUE(SplitCsvRecord("x,\"\",", ',', cells, unescaped, error));
  ASSERT_EQ(cells.size(), 3u);
  EXPECT_FALSE(cells[0].quoted);
  EXPECT_TRUE(cells[1].quoted);
  EXPECT_EQ(cells[1].text, "");
  EXPECT_EQ(cells[1].offset, 2u);
  EXPECT_FALSE(cells[2].quoted);
  EXPECT_EQ(cells[2].offset, 5u);
}

TEST(CsvSplit, EscapedCellsShareOneBuffer) {
  std::vector<CsvCell> cells;
  std::string unescaped;
  CsvSyntaxError error;
  std::string record = "\"a\"\"\",\"b\"\"\"\"c\",plain,\"d\"\"\"";
  ASSERT_TRUE(SplitCsvRecord(record, ',', cells, unescaped, error));
  ASSERT_EQ(cells.size(), 4u);
  EXPECT_EQ(cells[0].text, "a\"");
  EXPECT_EQ(cells[1].text, "b\"\"c");
  EXPECT_EQ(cells[2].text, "plain");
  EXPECT_EQ(cells[3].text, "d\"");
  // Every escaped cell still points into the buffer after the later ones were appended.
  for (size_t i : {0u, 1u, 3u}) {
    EXPECT_GE(cells[i].text.data(), unescaped.data());
    EXPECT_LE(cells[i].text.data() + cells[i].text.size(), unescaped.data() + unescaped.size());
  }
}

TEST(CsvSplit, RejectsTextAfterAClosingQuote) {
  std::vector<CsvCell> cells;
  std::string unescaped;
  CsvSyntaxError error;
  EXPECT_FALSE(SplitCsvRecord("a,\"b\"c,d", ',', cells, unescaped, error));
  EXPECT_NE(error.message.find("text follows the closing quote"), std::string::npos);
  EXPECT_EQ(error.offset, 5u);
  EXPECT_EQ(error.cell, 1u);
}

TEST(CsvSplit, RejectsAnUnclosedQuote) {
  std::vector<CsvCell> cells;
  std::string unescaped;
  CsvSyntaxError error;
  EXPECT_FALSE(SplitCsvRecord("a,b,\"c\"\"", ',', cells, unescaped, error));
  EXPECT_EQ(error.message, "a quoted cell is never closed");
  EXPECT_EQ(error.offset, 4u);
  EXPECT_EQ(error.cell, 2u);
}

}  // namespace
}  // namespace weft::runtime
