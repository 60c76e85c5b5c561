#include "runtime/record_writer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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

RecordType Record(std::vector<schema::FieldType> fields) {
  RecordType record;
  record.schema = "dst";
  record.name = "Out";
  record.fields = std::move(fields);
  return record;
}

std::string Write(const RecordType& record, const std::vector<WeftSlot>& slots,
                  const std::vector<bool>& assigned = {}) {
  RecordWriter writer(record, assigned);
  std::string out = "before|";
  writer.Write(slots.data(), out);
  EXPECT_TRUE(out.starts_with("before|"));
  return out.substr(7);
}

WeftSlot Plain(std::string_view text) {
  WeftSlot slot = StringSlot(text);
  slot.plain = 1;
  return slot;
}

WeftSlot Missing() {
  WeftSlot slot{};
  slot.missing = 1;
  return slot;
}

TEST(RecordWriter, WritesEachScalarKindInSchemaOrder) {
  RecordType record = Record({Field("id", Type::Int()), Field("name", Type::String()),
                              Field("amount", Type::Decimal(18, 4)), Field("active", Type::Bool()),
                              Field("note", Type::String().AsOptional())});
  std::vector<WeftSlot> slots = {IntSlot(-9007199254740993), Plain("Ada"), DecimalSlot(-52, 4),
                                 BoolSlot(true), WeftSlot{}};
  EXPECT_EQ(Write(record, slots),
            "{\"id\":-9007199254740993,\"name\":\"Ada\",\"amount\":-0.0052,\"active\":true,"
            "\"note\":null}\n");
}

TEST(RecordWriter, EscapesComputedStringsAndCopiesPlainOnes) {
  RecordType record = Record({Field("a", Type::String()), Field("b", Type::String())});
  // A plain slot is copied as it is: the reader marks only strings that need no escape.
  std::string computed = "say \"hi\"\\\n\t\x01 and a longer tail without escapes";
  std::vector<WeftSlot> slots = {StringSlot(computed), Plain("0123456789abcdef0123456789abcdefXY")};
  EXPECT_EQ(Write(record, slots),
            "{\"a\":\"say \\\"hi\\\"\\\\\\n\\t\\u0001 and a longer tail without escapes\","
            "\"b\":\"0123456789abcdef0123456789abcdefXY\"}\n");
}

TEST(RecordWriter, CopiesStringsOfEveryShortLength) {
  RecordType record = Record({Field("s", Type::String())});
  std::string text = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEF";
  for (size_t length = 0; length <= text.size(); ++length) {
    std::string_view value(text.data(), length);
    EXPECT_EQ(Write(record, {Plain(value)}), "{\"s\":\"" + std::string(value) + "\"}\n");
    EXPECT_EQ(Write(record, {StringSlot(value)}), "{\"s\":\"" + std::string(value) + "\"}\n");
  }
}

TEST(RecordWriter, WritesBasicOffsetsOfDateTimesExtended) {
  RecordType record = Record({Field("at", Type::DateTime()), Field("utc", Type::DateTime())});
  std::vector<WeftSlot> slots = {Plain("2025-02-06T03:05:42.000+0100"),
                                 StringSlot("2025-02-06T03:05:42Z")};
  EXPECT_EQ(Write(record, slots),
            "{\"at\":\"2025-02-06T03:05:42.000+01:00\",\"utc\":\"2025-02-06T03:05:42Z\"}\n");
}

TEST(RecordWriter, LeavesOutMissingKeysWithoutDefault) {
  RecordType record = Record({Field("first", Type::String().AsOptional()),
                              Field("country", Type::String().AsOptional(), "\"DE\""),
                              Field("last", Type::Int().AsOptional())});
  EXPECT_EQ(Write(record, {Missing(), Missing(), IntSlot(7)}), "{\"country\":\"DE\",\"last\":7}\n");
  EXPECT_EQ(Write(record, {Missing(), Plain("FR"), Missing()}), "{\"country\":\"FR\"}\n");
  RecordType no_defaults = Record({Field("only", Type::String().AsOptional())});
  EXPECT_EQ(Write(no_defaults, {Missing()}), "{}\n");
}

TEST(RecordWriter, WritesDefaultsOfUnassignedFields) {
  RecordType record = Record({Field("id", Type::Int()), Field("status", Type::String(), "\"open\""),
                              Field("flag", Type::Bool(), "false")});
  EXPECT_EQ(Write(record, {IntSlot(1), WeftSlot{}, WeftSlot{}}, {true, false, false}),
            "{\"id\":1,\"status\":\"open\",\"flag\":false}\n");
}

TEST(RecordWriter, WritesLongAndEscapedKeys) {
  std::string long_name(40, 'k');
  RecordType record = Record({Field(long_name, Type::Int()), Field("a\"b", Type::Int())});
  EXPECT_EQ(Write(record, {IntSlot(1), IntSlot(2)}), "{\"" + long_name + "\":1,\"a\\\"b\":2}\n");
}

TEST(RecordWriter, WritesDecimalsOfEveryMagnitude) {
  RecordType record = Record(
      {Field("d", Type::Decimal(38, 2)), Field("any", Type::Decimal(38, schema::kAnyScale))});
  __int128 max = 1;
  for (int i = 0; i < 38; ++i) max *= 10;
  max -= 1;
  EXPECT_EQ(Write(record, {DecimalSlot(max, 2), DecimalSlot(-max, 38)}),
            "{\"d\":999999999999999999999999999999999999.99,"
            "\"any\":-0.99999999999999999999999999999999999999}\n");
  EXPECT_EQ(Write(record, {DecimalSlot(0, 2), DecimalSlot(5, 0)}), "{\"d\":0.00,\"any\":5}\n");
}

TEST(RecordWriter, WritesListsAndFloatsThroughTheGeneralPath) {
  Type list = Type::ListOf(Type::Int());
  RecordType record = Record({Field("f", Type::Float()), Field("xs", list)});
  std::vector<WeftSlot> items = {IntSlot(1), IntSlot(2)};
  WeftSlot xs{};
  xs.list = {items.data(), 2};
  xs.present = 1;
  EXPECT_EQ(Write(record, {FloatSlot(0.5), xs}), "{\"f\":0.5,\"xs\":[1,2]}\n");
}

TEST(RecordWriter, WritesAHugeStringWithoutReservingForEscapes) {
  RecordType record = Record({Field("s", Type::String())});
  std::string huge(3 << 20, 'x');
  huge[100] = '"';
  std::string out = Write(record, {StringSlot(huge)});
  EXPECT_EQ(out.size(), huge.size() + 1 + 9);
  EXPECT_EQ(out.substr(0, 110), "{\"s\":\"" + std::string(100, 'x') + "\\\"xx");
}

}  // namespace
}  // namespace weft::runtime
