#include "runtime/record_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "tests/support/slots.h"

namespace weft::runtime {
namespace {

using schema::RecordType;
using schema::Type;
using testing::Field;

// A record whose field i is named by i + 1 letters `k`, so that every key is a prefix of the next.
RecordType PrefixKeys(int count) {
  RecordType record;
  record.schema = "src";
  record.name = "In";
  for (int i = 0; i < count; ++i)
    record.fields.push_back(Field(std::string(i + 1, 'k'), Type::Int()));
  return record;
}

// Writes a record that gives the field at `order[p]` the value `order[p] * factor`, in that order.
std::string RecordText(const std::vector<int>& order, int factor) {
  std::string text = "{";
  for (int field : order) {
    if (text.size() > 1) text += ",";
    text += "\"" + std::string(field + 1, 'k') + "\":" + std::to_string(field * factor);
  }
  text += "}";
  return text;
}

// Each key is compared with the key at its position in the previous record before it is looked
// up. Keys of 1 to 40 bytes cover both ways of comparing: in place up to 15 bytes, with memcmp
// above. In a record whose keys moved by one position, every comparison meets a key that is one
// byte shorter or longer than the one before.
TEST(RecordReaderTest, KeysMatchOnlyTheirOwnField) {
  constexpr int kFields = 40;
  RecordType record = PrefixKeys(kFields);
  RecordReader reader(record, {});
  std::vector<int> in_order, moved;
  for (int i = 0; i < kFields; ++i) in_order.push_back(i);
  for (int i = 0; i < kFields; ++i) moved.push_back((i + 1) % kFields);
  const std::vector<std::pair<std::vector<int>, int>> records = {
      {in_order, 1}, {in_order, 2}, {moved, 3}, {moved, 4}, {in_order, 5}};
  std::vector<WeftSlot> slots;
  std::vector<int> bad_fields;
  for (const auto& [order, factor] : records) {
    std::string text = RecordText(order, factor);
    // The reader may read past the record, as simdjson does, so zeroed padding follows it.
    std::string padded = text + std::string(simdjson::SIMDJSON_PADDING, '\0');
    ASSERT_EQ(reader.Read(std::string_view(padded.data(), text.size()), slots, bad_fields), "")
        << text;
    for (int i = 0; i < kFields; ++i) {
      EXPECT_EQ(slots[i].present, 1) << "field " << i << " of " << text;
      EXPECT_EQ(slots[i].integer, i * factor) << "field " << i << " of " << text;
    }
  }
}

}  // namespace
}  // namespace weft::runtime
