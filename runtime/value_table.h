#pragma once

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "runtime/abi.h"

namespace weft::runtime {

// A value-translation table ready for look-ups: each key (a string, an enum member's name, or an
// int written in decimal) with its value as a slot. Generated code looks it up through
// weft_table_lookup_string or weft_table_lookup_int, so a table of any size costs one hash
// look-up and no generated code.
class ValueTable {
 public:
  // Adds an entry; a string value must point into Keep().
  void Add(std::string key, const WeftSlot& value) { entries_.emplace(std::move(key), value); }
  void SetFallback(const WeftSlot& value) { fallback_ = value; }
  // Stores text that a value slot points into, for as long as the table lives.
  std::string_view Keep(std::string text) { return texts_.emplace_back(std::move(text)); }

  // The value for `key`: the entry's, else the fallback's, else nothing.
  const WeftSlot* Find(std::string_view key) const;

 private:
  // Hashes views and strings alike, so that a look-up by view copies no key.
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
  };
  std::unordered_map<std::string, WeftSlot, KeyHash, std::equal_to<>> entries_;
  std::optional<WeftSlot> fallback_;
  // A deque, so that adding text never moves the text that slots point into.
  std::deque<std::string> texts_;
};

}  // namespace weft::runtime
