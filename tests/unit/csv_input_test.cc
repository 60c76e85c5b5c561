#include "runtime/csv_input.h"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "stdlib/utf8.h"

namespace weft::runtime {
namespace {

using schema::FieldType;
using schema::RecordType;
using schema::Type;

FieldType Field(std::string name, Type type) {
  FieldType field;
  field.name = std::move(name);
  field.type = std::move(type);
  return field;
}

std::string_view Text(const WeftSlot& slot) {
  return {slot.string.data, static_cast<size_t>(slot.string.size)};
}

bool Contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// A source record with a field of every kind that CSV carries. Only `id` and `name` are required.
class CsvInputTest : public ::testing::Test {
 protected:
  CsvInputTest() {
    tier_.schema = "src";
    tier_.name = "Tier";
    tier_.members = {"GOLD", "SILVER"};
    record_.schema = "src";
    record_.name = "In";
    record_.fields = {
        Field("id", Type::Int()),
        Field("name", Type::String()),
        Field("note", Type::String().AsOptional()),
        Field("amount", Type::Decimal(10, 2).AsOptional()),
        Field("rate", Type::Decimal(schema::kMaxDecimalPrecision, schema::kAnyScale).AsOptional()),
        Field("active", Type::Bool().AsOptional()),
        Field("score", Type::Float().AsOptional()),
        Field("day", Type::Date().AsOptional()),
        Field("tier", Type::OfEnum(&tier_).AsOptional()),
        Field("count", Type::Int().AsOptional()),
    };
  }

  static constexpr int kId = 0, kName = 1, kNote = 2, kAmount = 3, kRate = 4, kActive = 5,
                       kScore = 6, kDay = 7, kTier = 8, kCount = 9;

  // Creates a reader for `header`, failing the test when it cannot.
  std::unique_ptr<CsvRecordReader> MustCreate(std::string_view header, char delimiter = ',',
                                              const std::vector<bool>& reads = {}) {
    std::string error;
    std::unique_ptr<CsvRecordReader> reader =
        CsvRecordReader::Create(record_, header, delimiter, reads, error);
    EXPECT_NE(reader, nullptr) << error;
    EXPECT_EQ(error, "");
    return reader;
  }

  // Returns the error of creating a reader for `header`, which must fail.
  std::string CreateError(std::string_view header, char delimiter = ',',
                          const std::vector<bool>& reads = {}) {
    std::string error;
    EXPECT_EQ(CsvRecordReader::Create(record_, header, delimiter, reads, error), nullptr);
    return error;
  }

  // Reads one record into slots_ and bad_fields_, returning the reason.
  std::string Read(CsvRecordReader& reader, std::string_view text) {
    return reader.Read(text, slots_, bad_fields_);
  }

  // Reads `cell` as the only data column besides the required ones, returning the reason.
  std::string ReadOne(std::string_view column, std::string_view cell) {
    std::unique_ptr<CsvRecordReader> reader = MustCreate("id,name," + std::string(column));
    return Read(*reader, "1,n," + std::string(cell));
  }

  schema::EnumType tier_;
  RecordType record_;
  std::vector<WeftSlot> slots_;
  std::vector<int> bad_fields_;
};

TEST_F(CsvInputTest, ReadsTypedCells) {
  auto reader = MustCreate("id,name,note,amount,rate,active,score,day,tier,count");
  ASSERT_EQ(Read(*reader, "7,Ada,hi,12.30,0.125,true,2.5,2026-03-20,GOLD,-4"), "");
  ASSERT_EQ(slots_.size(), record_.fields.size());
  EXPECT_EQ(slots_[kId].integer, 7);
  EXPECT_EQ(Text(slots_[kName]), "Ada");
  EXPECT_EQ(Text(slots_[kNote]), "hi");
  EXPECT_TRUE(slots_[kAmount].decimal == 1230);
  EXPECT_TRUE(slots_[kRate].decimal == 125);
  EXPECT_EQ(slots_[kRate].scale, 3);
  EXPECT_EQ(slots_[kActive].boolean, 1);
  EXPECT_EQ(slots_[kScore].real, 2.5);
  EXPECT_EQ(Text(slots_[kDay]), "2026-03-20");
  EXPECT_EQ(Text(slots_[kTier]), "GOLD");
  EXPECT_EQ(slots_[kCount].integer, -4);
  for (const WeftSlot& slot : slots_) EXPECT_EQ(slot.present, 1);
}

TEST_F(CsvInputTest, StripsByteOrderMarkFromHeader) {
  auto reader = MustCreate("\xEF\xBB\xBFid,name");
  ASSERT_EQ(reader->columns().size(), 2u);
  EXPECT_EQ(reader->columns()[0], "id");
  EXPECT_EQ(Read(*reader, "5,x"), "");
  EXPECT_EQ(slots_[kId].integer, 5);
}

TEST_F(CsvInputTest, ReadsQuotedHeaderNames) {
  auto reader = MustCreate("\"id\",\"na\"\"me\",name");
  EXPECT_EQ(reader->columns()[1], "na\"me");
  EXPECT_EQ(Read(*reader, "1,ignored,Bo"), "");
  EXPECT_EQ(Text(slots_[kName]), "Bo");
}

TEST_F(CsvInputTest, RejectsEmptyColumnName) {
  EXPECT_EQ(CreateError("id,,name"),
            "column 2 of the CSV header has no name; every column needs one");
  EXPECT_EQ(CreateError("id,name,"),
            "column 3 of the CSV header has no name; every column needs one");
}

TEST_F(CsvInputTest, RejectsDuplicateColumnName) {
  EXPECT_EQ(CreateError("id,name,extra,extra"),
            "column `extra` appears twice in the CSV header, as columns 3 and 4");
  EXPECT_EQ(CreateError("id,name,id"),
            "column `id` appears twice in the CSV header, as columns 1 and 3");
}

TEST_F(CsvInputTest, RejectsBlankOrBrokenHeader) {
  EXPECT_EQ(CreateError(""), "the CSV header is blank; the first line must name the columns");
  std::string error = CreateError("id,\"name");
  EXPECT_TRUE(Contains(error, "invalid CSV header at column 2: a quoted cell is never closed"))
      << error;
}

TEST_F(CsvInputTest, IgnoresColumnsOutsideTheSchema) {
  auto reader = MustCreate("extra,id,Name,name");
  ASSERT_EQ(Read(*reader, "not a number,3,ignored,Bo"), "");
  EXPECT_EQ(slots_[kId].integer, 3);
  EXPECT_EQ(Text(slots_[kName]), "Bo");
  EXPECT_EQ(slots_[kNote].present, 0);
}

TEST_F(CsvInputTest, NamesAllMissingRequiredFields) {
  EXPECT_EQ(CreateError("Id,note"),
            "the CSV header has no column for the required fields `id` and `name` of `src.In`; "
            "its columns are `Id` and `note`");
  EXPECT_EQ(CreateError("id,note"),
            "the CSV header has no column for the required field `name` of `src.In`; its "
            "columns are `id` and `note`");
}

TEST_F(CsvInputTest, ListsAtMostTwelveColumns) {
  std::string header = "id";
  for (int i = 1; i <= 14; ++i) header += ",c" + std::to_string(i);
  std::string error = CreateError(header);
  EXPECT_TRUE(Contains(error, "its columns are `id`, `c1`,")) << error;
  EXPECT_TRUE(Contains(error, "`c11` and 3 more")) << error;
}

TEST_F(CsvInputTest, AllowsMissingFieldsTheRuleDoesNotRead) {
  std::vector<bool> reads(record_.fields.size(), false);
  reads[kName] = true;
  auto reader = MustCreate("name,id", ',', reads);
  ASSERT_NE(reader, nullptr);
  auto narrower = MustCreate("name", ',', reads);
  ASSERT_NE(narrower, nullptr);
  // The unread `id` column is not parsed, so its bad value rejects nothing.
  EXPECT_EQ(Read(*reader, "Bo,not a number"), "");
  EXPECT_EQ(Text(slots_[kName]), "Bo");
  EXPECT_EQ(slots_[kId].present, 0);
}

TEST_F(CsvInputTest, RejectsRecordAndListFieldsRead) {
  RecordType address;
  address.schema = "src";
  address.name = "Address";
  address.fields = {Field("city", Type::String())};
  record_.fields.push_back(Field("home", Type::OfRecord(&address).AsOptional()));
  std::string error = CreateError("id,name");
  EXPECT_TRUE(Contains(error, "field `home` of `src.In` is a record, which a CSV cell cannot carry"))
      << error;

  record_.fields.back() = Field("tags", Type::ListOf(Type::String()));
  error = CreateError("id,name");
  EXPECT_TRUE(Contains(error, "field `tags` of `src.In` is a list")) << error;

  std::vector<bool> reads(record_.fields.size(), true);
  reads.back() = false;
  EXPECT_NE(MustCreate("id,name", ',', reads), nullptr);
}

TEST_F(CsvInputTest, RejectsAnInvalidDelimiter) {
  std::string error = CreateError("id\"name", '"');
  EXPECT_TRUE(Contains(error, "delimiter")) << error;
}

TEST_F(CsvInputTest, ReadsWithSemicolonAndTab) {
  auto semicolon = MustCreate("id;name;amount", ';');
  ASSERT_EQ(Read(*semicolon, "1;\"a;b\";1,5"), "field `amount` must be a decimal, but \"1,5\" is "
                                               "not a number");
  EXPECT_EQ(Text(slots_[kName]), "a;b");
  ASSERT_EQ(Read(*semicolon, "2;x,y;1.50"), "");
  EXPECT_EQ(Text(slots_[kName]), "x,y");
  EXPECT_TRUE(slots_[kAmount].decimal == 150);

  auto tab = MustCreate("id\tname\tnote", '\t');
  ASSERT_EQ(Read(*tab, "3\tBo, Jr.\t\"a\tb\""), "");
  EXPECT_EQ(slots_[kId].integer, 3);
  EXPECT_EQ(Text(slots_[kName]), "Bo, Jr.");
  EXPECT_EQ(Text(slots_[kNote]), "a\tb");
}

TEST_F(CsvInputTest, UnescapesQuotesAndLineBreaks) {
  auto reader = MustCreate("id,name,note");
  ASSERT_EQ(Read(*reader, "1,\"say \"\"hi\"\"\r\nthere\",\"a,b\""), "");
  EXPECT_EQ(Text(slots_[kName]), "say \"hi\"\r\nthere");
  EXPECT_EQ(Text(slots_[kNote]), "a,b");
}

TEST_F(CsvInputTest, StringsOutliveTheCallersBuffer) {
  auto reader = MustCreate("id,name,note");
  std::string text = "1,plain,\"quo\"\"ted\"";
  ASSERT_EQ(Read(*reader, text), "");
  text.assign(text.size(), 'x');
  EXPECT_EQ(Text(slots_[kName]), "plain");
  EXPECT_EQ(Text(slots_[kNote]), "quo\"ted");
}

TEST_F(CsvInputTest, RejectsRowsWithTooFewCells) {
  auto reader = MustCreate("id,name,note");
  EXPECT_EQ(Read(*reader, "1,Bo"), "expected 3 cells, one per header column, found 2");
  EXPECT_TRUE(bad_fields_.empty());
}

TEST_F(CsvInputTest, RejectsRowsWithTooManyCells) {
  auto reader = MustCreate("id,name,note");
  EXPECT_EQ(Read(*reader, "1,Bo,x,y"), "expected 3 cells, one per header column, found 4");
  EXPECT_TRUE(bad_fields_.empty());
}

TEST_F(CsvInputTest, RejectsBrokenQuotingNamingTheColumn) {
  auto reader = MustCreate("id,name,note");
  EXPECT_EQ(Read(*reader, "1,\"Bo\"x,y"),
            "invalid CSV in column `name`: text follows the closing quote of a cell; double a "
            "quote inside a quoted cell");
  EXPECT_EQ(Read(*reader, "1,Bo,y,\"open"),
            "invalid CSV in cell 4, beyond the 3 header columns: a quoted cell is never closed");
  EXPECT_TRUE(bad_fields_.empty());
}

TEST_F(CsvInputTest, KeepsNaAsAString) {
  auto reader = MustCreate("id,name,note");
  ASSERT_EQ(Read(*reader, "1,NA,\"NA\""), "");
  EXPECT_EQ(Text(slots_[kName]), "NA");
  EXPECT_EQ(Text(slots_[kNote]), "NA");
  EXPECT_EQ(ReadOne("count", "NA"), "field `count` must be an int, but \"NA\" is not an integer");
}

TEST_F(CsvInputTest, EmptyCellIsNullWhenOptional) {
  auto reader = MustCreate("id,name,note,amount,active,day,tier,count");
  ASSERT_EQ(Read(*reader, "1,Bo,,,,,,"), "");
  for (int index : {kNote, kAmount, kActive, kDay, kTier, kCount}) {
    EXPECT_EQ(slots_[index].present, 0) << record_.fields[index].name;
  }
}

TEST_F(CsvInputTest, EmptyCellIsEmptyRequiredString) {
  auto reader = MustCreate("id,name");
  ASSERT_EQ(Read(*reader, "1,"), "");
  EXPECT_EQ(slots_[kName].present, 1);
  EXPECT_EQ(Text(slots_[kName]), "");
}

TEST_F(CsvInputTest, EmptyCellRejectsOtherRequiredFields) {
  auto reader = MustCreate("id,name");
  EXPECT_EQ(Read(*reader, ",Bo"), "required field `id` is empty");
  EXPECT_EQ(bad_fields_, std::vector<int>{kId});
  EXPECT_EQ(slots_[kId].present, 0);
  EXPECT_EQ(Text(slots_[kName]), "Bo");
}

TEST_F(CsvInputTest, QuotedEmptyCellIsAValue) {
  auto reader = MustCreate("id,name,note,count");
  EXPECT_EQ(Read(*reader, "1,\"\",\"\","), "");
  EXPECT_EQ(slots_[kNote].present, 1);
  EXPECT_EQ(Text(slots_[kNote]), "");
  EXPECT_EQ(slots_[kCount].present, 0);
  EXPECT_EQ(Read(*reader, "1,x,,\"\""), "field `count` must be an int, but \"\" is not an integer");
}

TEST_F(CsvInputTest, LeadingZerosStayInStrings) {
  auto reader = MustCreate("id,name");
  ASSERT_EQ(Read(*reader, "\"0050\",\"0050\""), "");
  EXPECT_EQ(Text(slots_[kName]), "0050");
  EXPECT_EQ(slots_[kId].integer, 50);
  ASSERT_EQ(Read(*reader, "0050,0050"), "");
  EXPECT_EQ(Text(slots_[kName]), "0050");
  EXPECT_EQ(slots_[kId].integer, 50);
}

TEST_F(CsvInputTest, ReadsIntsUpTo64Bits) {
  EXPECT_EQ(ReadOne("count", "9223372036854775807"), "");
  EXPECT_EQ(slots_[kCount].integer, INT64_MAX);
  EXPECT_EQ(ReadOne("count", "-9223372036854775808"), "");
  EXPECT_EQ(slots_[kCount].integer, INT64_MIN);
  EXPECT_EQ(ReadOne("count", "+12"), "");
  EXPECT_EQ(slots_[kCount].integer, 12);
}

TEST_F(CsvInputTest, RejectsIntsBeyond64Bits) {
  EXPECT_EQ(ReadOne("count", "9223372036854775808"),
            "field `count` must be an int, but \"9223372036854775808\" is outside -2^63 to "
            "2^63-1");
  EXPECT_EQ(ReadOne("count", "-9223372036854775809"),
            "field `count` must be an int, but \"-9223372036854775809\" is outside -2^63 to "
            "2^63-1");
  EXPECT_EQ(ReadOne("count", "123456789012345678901234567890"),
            "field `count` must be an int, but \"123456789012345678901234567890\" is outside "
            "-2^63 to 2^63-1");
  EXPECT_EQ(bad_fields_, std::vector<int>{kCount});
}

TEST_F(CsvInputTest, RejectsIntsThatAreNotIntegers) {
  for (std::string_view cell : {"1.5", "1e3", " 5", "5 ", "-", "+-5", "0x10", "\"\""}) {
    std::string reason = ReadOne("count", cell);
    EXPECT_TRUE(Contains(reason, "is not an integer")) << cell << ": " << reason;
  }
}

TEST_F(CsvInputTest, KeepsTheScaleOfDecimals) {
  EXPECT_EQ(ReadOne("rate", "10.50"), "");
  EXPECT_TRUE(slots_[kRate].decimal == 1050);
  EXPECT_EQ(slots_[kRate].scale, 2);
  EXPECT_EQ(ReadOne("amount", "10.5"), "");
  EXPECT_TRUE(slots_[kAmount].decimal == 1050);
  EXPECT_EQ(ReadOne("amount", "-0.07"), "");
  EXPECT_TRUE(slots_[kAmount].decimal == -7);
}

TEST_F(CsvInputTest, RejectsDecimalsThatDoNotFit) {
  EXPECT_EQ(ReadOne("amount", "10.505"),
            "field `amount` is decimal(10, 2): 10.505 has more than 2 decimal places");
  EXPECT_EQ(ReadOne("amount", "123456789.00"),
            "field `amount` is decimal(10, 2): 123456789.00 has too many digits");
  EXPECT_EQ(ReadOne("amount", "\"12,50\""),
            "field `amount` must be a decimal, but \"12,50\" is not a number");
}

TEST_F(CsvInputTest, ReadsBools) {
  for (std::string_view cell : {"true", "TRUE", "True", "1"}) {
    EXPECT_EQ(ReadOne("active", cell), "") << cell;
    EXPECT_EQ(slots_[kActive].boolean, 1) << cell;
  }
  for (std::string_view cell : {"false", "FALSE", "False", "0"}) {
    EXPECT_EQ(ReadOne("active", cell), "") << cell;
    EXPECT_EQ(slots_[kActive].boolean, 0) << cell;
  }
  EXPECT_EQ(ReadOne("active", "yes"),
            "field `active` must be a bool (true, false, 1 or 0), but the input has \"yes\"");
}

TEST_F(CsvInputTest, ReadsFloats) {
  EXPECT_EQ(ReadOne("score", "-2e3"), "");
  EXPECT_EQ(slots_[kScore].real, -2000.0);
  EXPECT_EQ(ReadOne("score", "+0.25"), "");
  EXPECT_EQ(slots_[kScore].real, 0.25);
  EXPECT_EQ(ReadOne("score", ".5"), "");
  EXPECT_EQ(slots_[kScore].real, 0.5);
}

TEST_F(CsvInputTest, RejectsFloatsThatAreNotFiniteNumbers) {
  for (std::string_view cell : {"inf", "-Infinity", "nan", "1e", "+-1", "1.5.2", "0x1p3"}) {
    std::string reason = ReadOne("score", cell);
    EXPECT_TRUE(Contains(reason, "is not a number")) << cell << ": " << reason;
  }
  EXPECT_EQ(ReadOne("score", "1e999"),
            "field `score` must be a float, but \"1e999\" is out of range");
  EXPECT_EQ(ReadOne("score", "123456789e305"),
            "field `score` must be a float, but \"123456789e305\" is out of range");
}

TEST_F(CsvInputTest, ReadsTinyFloatsAsZero) {
  for (std::string_view cell : {"1e-400", "1000e-400", "-0.0001e-320"}) {
    EXPECT_EQ(ReadOne("score", cell), "") << cell;
    EXPECT_EQ(slots_[kScore].real, 0.0) << cell;
  }
  // The last one keeps its sign.
  EXPECT_TRUE(std::signbit(slots_[kScore].real));
}

TEST_F(CsvInputTest, ChecksDatesAndEnums) {
  EXPECT_EQ(ReadOne("day", "2026-02-30"),
            "field `day` must be a date such as \"2026-03-20\", but the input has \"2026-02-30\", "
            "and 2026-02-30 is not a day of the calendar");
  EXPECT_EQ(ReadOne("tier", "gold"),
            "field `tier` must be a member of enum `src.Tier`, but the input has \"gold\"");
}

TEST_F(CsvInputTest, RejectsInvalidUtf8) {
  std::string reason = ReadOne("note", "caf\xE9");
  EXPECT_EQ(reason,
            "field `note` is not valid UTF-8: byte 4 of \"caf\xEF\xBF\xBD\" is 0xE9; save the CSV "
            "input as UTF-8");
  EXPECT_EQ(utf8::FindInvalid(reason), std::string_view::npos);
}

TEST_F(CsvInputTest, ShortensLongValuesInReasons) {
  std::string cell = std::string(56, 'a') + "\xC3\xA9\xC3\xA9\xC3\xA9";
  std::string reason = ReadOne("count", cell);
  EXPECT_EQ(reason, "field `count` must be an int, but \"" + std::string(56, 'a') +
                        "...\" is not an integer");
}

TEST_F(CsvInputTest, ReadsTheOtherFieldsOfARecordWithBadOnes) {
  auto reader = MustCreate("id,name,count,amount");
  EXPECT_EQ(Read(*reader, "x,Bo,y,1.5"), "field `id` must be an int, but \"x\" is not an integer");
  EXPECT_EQ(bad_fields_, (std::vector<int>{kId, kCount}));
  EXPECT_EQ(Text(slots_[kName]), "Bo");
  EXPECT_TRUE(slots_[kAmount].decimal == 150);
}

TEST_F(CsvInputTest, SkipsBlankLinesOnlyWithSeveralColumns) {
  auto reader = MustCreate("id,name");
  EXPECT_TRUE(reader->SkipsBlankLine(""));
  EXPECT_FALSE(reader->SkipsBlankLine(","));

  record_.fields = {Field("note", Type::String().AsOptional())};
  auto single = MustCreate("note");
  EXPECT_FALSE(single->SkipsBlankLine(""));
  ASSERT_EQ(Read(*single, ""), "");
  EXPECT_EQ(slots_[0].present, 0);
}

// Frames and reads a whole input as the runtime would, returning one line per record: its first
// line number and either its `name` or its reason.
std::vector<std::string> ReadAll(const RecordType& record, std::string_view input,
                                 size_t chunk) {
  CsvFramer framer;
  std::unique_ptr<CsvRecordReader> reader;
  std::vector<std::string> results;
  std::vector<WeftSlot> slots;
  std::vector<int> bad_fields;
  std::string buffer;
  size_t fed = 0, start = 0, line = 1;
  while (true) {
    bool at_end = fed == input.size();
    CsvFrame frame = framer.FindRecordEnd(buffer, start, at_end);
    if (frame.status == CsvFrameStatus::EndOfInput) return results;
    if (frame.status == CsvFrameStatus::NeedMore) {
      size_t count = std::min(chunk, input.size() - fed);
      buffer.append(input.substr(fed, count));
      fed += count;
      continue;
    }
    std::string_view text(buffer.data() + frame.begin, frame.text_end - frame.begin);
    size_t record_line = line;
    line += frame.line_breaks;
    start = frame.end;
    if (frame.status == CsvFrameStatus::UnclosedQuote) {
      results.push_back(std::to_string(record_line) + ": " +
                        DescribeUnclosedQuote(frame, record_line));
    } else if (reader == nullptr) {
      std::string error;
      reader = CsvRecordReader::Create(record, text, ',', {}, error);
      if (reader == nullptr) return {error};
    } else if (!reader->SkipsBlankLine(text)) {
      std::string reason = reader->Read(text, slots, bad_fields);
      results.push_back(std::to_string(record_line) + ": " +
                        (reason.empty() ? std::string(Text(slots[1])) : reason));
    }
  }
}

TEST_F(CsvInputTest, ReadsAWholeInputInChunks) {
  std::string input =
      "\xEF\xBB\xBFid,name\r\n1,\"Ada\r\nLovelace\"\r\n\r\n2,Bo\r\n3,\"Cy\" \r\n4,Di\r\n"
      "5,\"open\r\n6,Ed\r\n";
  std::vector<std::string> expected = {
      "2: Ada\r\nLovelace",
      "5: Bo",
      "6: invalid CSV in column `name`: text follows the closing quote of a cell; double a quote "
      "inside a quoted cell",
      "7: Di",
      "8: the quoted cell that opens on line 8 is never closed, so the rest of the input from "
      "line 8 on cannot be split into records; close the quote, or write each quote inside a "
      "quoted cell twice",
  };
  for (size_t chunk : {1u, 2u, 3u, 7u, 1000u}) {
    EXPECT_EQ(ReadAll(record_, input, chunk), expected) << "chunks of " << chunk << " bytes";
  }
}

}  // namespace
}  // namespace weft::runtime
