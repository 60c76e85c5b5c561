#include "runtime/csv_output.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "runtime/csv_input.h"
#include "tests/support/slots.h"

namespace weft::runtime {
namespace {

using schema::RecordType;
using schema::Type;

using testing::BoolSlot;
using testing::DecimalSlot;
using testing::Field;
using testing::FloatSlot;
using testing::IntSlot;
using testing::StringSlot;

std::unique_ptr<CsvRecordWriter> MustCreate(const RecordType& record, char delimiter = ',',
                                            CsvLineEnd line_end = CsvLineEnd::Crlf,
                                            const std::vector<bool>& assigned = {}) {
  std::string error;
  std::unique_ptr<CsvRecordWriter> writer =
      CsvRecordWriter::Create(record, delimiter, line_end, assigned, error);
  EXPECT_NE(writer, nullptr) << error;
  return writer;
}

std::string CreateError(const RecordType& record) {
  std::string error;
  EXPECT_EQ(CsvRecordWriter::Create(record, ',', CsvLineEnd::Crlf, {}, error), nullptr);
  return error;
}

RecordType OneString(std::string name = "text") {
  RecordType record;
  record.schema = "dst";
  record.name = "Out";
  record.fields = {Field(std::move(name), Type::String().AsOptional())};
  return record;
}

// Writes `text` as the only field of a record and returns the row without its line end.
std::string WriteCell(std::string_view text, char delimiter = ',') {
  RecordType record = OneString();
  auto writer = MustCreate(record, delimiter, CsvLineEnd::Lf);
  std::vector<WeftSlot> slots = {StringSlot(text)};
  std::string out;
  EXPECT_EQ(writer->Write(slots.data(), out), "");
  EXPECT_TRUE(out.ends_with('\n'));
  return out.substr(0, out.size() - 1);
}

TEST(CsvOutput, WritesHeaderAndRowsInSchemaOrder) {
  RecordType record = OneString("name");
  record.fields.insert(record.fields.begin(), Field("id", Type::Int()));
  record.fields.push_back(Field("amount", Type::Decimal(10, 2)));
  record.fields.push_back(
      Field("rate", Type::Decimal(schema::kMaxDecimalPrecision, schema::kAnyScale)));
  record.fields.push_back(Field("active", Type::Bool()));
  record.fields.push_back(Field("score", Type::Float()));
  record.fields.push_back(Field("day", Type::Date()));
  auto writer = MustCreate(record);
  std::vector<WeftSlot> slots = {IntSlot(-7),      StringSlot("Ada"), DecimalSlot(1230),
                                 DecimalSlot(125, 3), BoolSlot(false),  FloatSlot(2.5),
                                 StringSlot("2026-03-20")};
  std::string out;
  writer->WriteHeader(out);
  ASSERT_EQ(writer->Write(slots.data(), out), "");
  EXPECT_EQ(out,
            "id,name,amount,rate,active,score,day\r\n"
            "-7,Ada,12.30,0.125,false,2.5,2026-03-20\r\n");
}

TEST(CsvOutput, EndsLinesWithLfWhenAsked) {
  RecordType record = OneString();
  auto writer = MustCreate(record, ',', CsvLineEnd::Lf);
  std::vector<WeftSlot> slots = {StringSlot("x")};
  std::string out;
  writer->WriteHeader(out);
  ASSERT_EQ(writer->Write(slots.data(), out), "");
  EXPECT_EQ(out, "text\nx\n");
}

TEST(CsvOutput, QuotesOnlyWhenNeeded) {
  struct Case {
    std::string_view text;
    std::string_view cell;
  };
  const Case cases[] = {
      {"plain", "plain"},
      {"NA", "NA"},
      {"0050", "0050"},
      {"in side", "in side"},
      {"a;b|c", "a;b|c"},
      {"a\"b", "\"a\"\"b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"a,b", "\"a,b\""},
      {"a\nb", "\"a\nb\""},
      {"a\rb", "\"a\rb\""},
      {"a\r\nb", "\"a\r\nb\""},
      {" lead", "\" lead\""},
      {"trail ", "\"trail \""},
      {"\ttab", "\"\ttab\""},
      {"", "\"\""},
      {"\"", "\"\"\"\""},
  };
  for (const Case& c : cases) EXPECT_EQ(WriteCell(c.text), c.cell) << c.text;
}

TEST(CsvOutput, QuotesTheDelimiterGiven) {
  EXPECT_EQ(WriteCell("a;b", ';'), "\"a;b\"");
  EXPECT_EQ(WriteCell("a,b", ';'), "a,b");
  EXPECT_EQ(WriteCell("a\tb", '\t'), "\"a\tb\"");
}

TEST(CsvOutput, QuotesNumbersHoldingTheDelimiter) {
  RecordType record;
  record.schema = "dst";
  record.name = "Out";
  record.fields = {Field("amount", Type::Decimal(10, 2)), Field("count", Type::Int())};
  auto writer = MustCreate(record, '.', CsvLineEnd::Lf);
  std::vector<WeftSlot> slots = {DecimalSlot(150), IntSlot(3)};
  std::string out;
  ASSERT_EQ(writer->Write(slots.data(), out), "");
  EXPECT_EQ(out, "\"1.50\".3\n");
}

TEST(CsvOutput, QuotesHeaderNames) {
  RecordType record = OneString("display name, full");
  record.fields.push_back(Field("id", Type::Int()));
  auto writer = MustCreate(record, ',', CsvLineEnd::Lf);
  std::string out;
  writer->WriteHeader(out);
  EXPECT_EQ(out, "\"display name, full\",id\n");
}

TEST(CsvOutput, WritesNullAsEmptyCell) {
  RecordType record = OneString();
  record.fields.push_back(Field("count", Type::Int().AsOptional()));
  record.fields.push_back(Field("last", Type::String().AsOptional()));
  auto writer = MustCreate(record, ',', CsvLineEnd::Lf);
  std::vector<WeftSlot> slots = {WeftSlot{}, WeftSlot{}, StringSlot("")};
  std::string out;
  ASSERT_EQ(writer->Write(slots.data(), out), "");
  EXPECT_EQ(out, ",,\"\"\n");
}

TEST(CsvOutput, WritesDecimalsAtTheirScale) {
  RecordType record;
  record.schema = "dst";
  record.name = "Out";
  record.fields = {
      Field("a", Type::Decimal(10, 2)),
      Field("b", Type::Decimal(10, 2)),
      Field("c", Type::Decimal(38, 0)),
      Field("d", Type::Decimal(schema::kMaxDecimalPrecision, schema::kAnyScale)),
  };
  auto writer = MustCreate(record, ',', CsvLineEnd::Lf);
  __int128 big = static_cast<__int128>(9999999999999999999ULL) * 10000000000000000000ULL;
  std::vector<WeftSlot> slots = {DecimalSlot(5), DecimalSlot(-1250), DecimalSlot(big),
                                 DecimalSlot(-10000, 4)};
  std::string out;
  ASSERT_EQ(writer->Write(slots.data(), out), "");
  EXPECT_EQ(out, "0.05,-12.50,99999999999999999990000000000000000000,-1.0000\n");
}

TEST(CsvOutput, WritesBoolsAndFloats) {
  RecordType record;
  record.schema = "dst";
  record.name = "Out";
  record.fields = {Field("yes", Type::Bool()), Field("no", Type::Bool()),
                   Field("big", Type::Float()), Field("tenth", Type::Float())};
  auto writer = MustCreate(record, ',', CsvLineEnd::Lf);
  std::vector<WeftSlot> slots = {BoolSlot(true), BoolSlot(false), FloatSlot(1e300),
                                 FloatSlot(0.1)};
  std::string out;
  ASSERT_EQ(writer->Write(slots.data(), out), "");
  EXPECT_EQ(out, "true,false,1e+300,0.1\n");
}

TEST(CsvOutput, RejectsARecordWithNul) {
  RecordType record = OneString("note");
  auto writer = MustCreate(record, ',', CsvLineEnd::Lf);
  std::string out = "earlier\n";
  std::vector<WeftSlot> slots = {StringSlot(std::string_view("a\0b", 3))};
  int field = -1;
  std::string reason = writer->Write(slots.data(), out, field);
  EXPECT_NE(reason.find("field `note` contains U+0000"), std::string::npos) << reason;
  EXPECT_EQ(field, 0);
  EXPECT_EQ(out, "earlier\n");
}

TEST(CsvOutput, RejectsRecordAndListFields) {
  RecordType address;
  address.schema = "dst";
  address.name = "Address";
  address.fields = {Field("city", Type::String())};
  RecordType record = OneString();
  record.fields.push_back(Field("home", Type::OfRecord(&address)));
  std::string error = CreateError(record);
  EXPECT_NE(error.find("field `home` of `dst.Out` is a record, which a CSV cell cannot carry"),
            std::string::npos)
      << error;

  record.fields.back() = Field("tags", Type::ListOf(Type::String()).AsOptional());
  error = CreateError(record);
  EXPECT_NE(error.find("field `tags` of `dst.Out` is a list"), std::string::npos) << error;
}

TEST(CsvOutput, RejectsAnInvalidDelimiter) {
  std::string error;
  EXPECT_EQ(CsvRecordWriter::Create(OneString(), '\n', CsvLineEnd::Crlf, {}, error), nullptr);
  EXPECT_NE(error.find("delimiter"), std::string::npos) << error;
}

TEST(CsvOutput, WritesSchemaDefaults) {
  RecordType record;
  record.schema = "dst";
  record.name = "Out";
  record.fields = {
      Field("currency", Type::String(), "\"EUR, \\\"euro\\\"\""),
      Field("fee", Type::Decimal(10, 2), "1.5"),
      Field("count", Type::Int(), "3"),
      Field("flag", Type::Bool(), "true"),
      Field("none", Type::String().AsOptional(), "null"),
      Field("computed", Type::String(), "\"unused\""),
  };
  std::vector<bool> assigned = {false, false, false, false, false, true};
  auto writer = MustCreate(record, ',', CsvLineEnd::Lf, assigned);
  std::vector<WeftSlot> slots(record.fields.size());
  slots.back() = StringSlot("mine");
  std::string out;
  ASSERT_EQ(writer->Write(slots.data(), out), "");
  EXPECT_EQ(out, "\"EUR, \"\"euro\"\"\",1.50,3,true,,mine\n");
}

TEST(CsvOutput, RejectsADefaultWithNul) {
  RecordType record = OneString();
  record.fields[0].default_json = "\"a\\u0000b\"";
  std::string error;
  EXPECT_EQ(CsvRecordWriter::Create(record, ',', CsvLineEnd::Crlf, {false}, error), nullptr);
  EXPECT_NE(error.find("the default of field `text` contains U+0000"), std::string::npos)
      << error;
}

// Reads back what the writer wrote: every string survives, and a null stays a null.
TEST(CsvOutput, ReadsBackWhatItWrote) {
  RecordType record = OneString("a");
  record.fields.push_back(Field("b", Type::String().AsOptional()));
  const std::vector<std::string> values = {"plain", "", "a,b", "say \"hi\"", "x\r\ny", " pad ",
                                           "\r", "\n", "\"\"", "NA"};
  auto writer = MustCreate(record);
  std::string out;
  writer->WriteHeader(out);
  for (const std::string& value : values) {
    std::vector<WeftSlot> slots = {StringSlot(value), WeftSlot{}};
    ASSERT_EQ(writer->Write(slots.data(), out), "");
  }

  CsvFramer framer;
  CsvFrame header = framer.FindRecordEnd(out, 0, true);
  std::string error;
  auto reader = CsvRecordReader::Create(
      record, std::string_view(out).substr(header.begin, header.text_end - header.begin), ',', {},
      error);
  ASSERT_NE(reader, nullptr) << error;
  size_t start = header.end;
  std::vector<WeftSlot> slots;
  std::vector<int> bad_fields;
  for (const std::string& value : values) {
    CsvFrame frame = framer.FindRecordEnd(out, start, true);
    ASSERT_EQ(frame.status, CsvFrameStatus::Record);
    start = frame.end;
    std::string_view text = std::string_view(out).substr(frame.begin, frame.text_end - frame.begin);
    ASSERT_EQ(reader->Read(text, slots, bad_fields), "");
    EXPECT_EQ(slots[0].present, 1);
    EXPECT_EQ(std::string_view(slots[0].string.data, slots[0].string.size), value);
    EXPECT_EQ(slots[1].present, 0);
  }
  EXPECT_EQ(framer.FindRecordEnd(out, start, true).status, CsvFrameStatus::EndOfInput);
}

TEST(CsvOutput, ReadsBackANullInOneColumn) {
  RecordType record = OneString();
  auto writer = MustCreate(record);
  std::string out;
  writer->WriteHeader(out);
  std::vector<WeftSlot> slots = {WeftSlot{}};
  ASSERT_EQ(writer->Write(slots.data(), out), "");
  EXPECT_EQ(out, "text\r\n\r\n");

  std::string error;
  auto reader = CsvRecordReader::Create(record, "text", ',', {}, error);
  ASSERT_NE(reader, nullptr) << error;
  EXPECT_FALSE(reader->SkipsBlankLine(""));
  std::vector<int> bad_fields;
  ASSERT_EQ(reader->Read("", slots, bad_fields), "");
  EXPECT_EQ(slots[0].present, 0);
}

}  // namespace
}  // namespace weft::runtime
