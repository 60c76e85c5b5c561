#include "runtime/value_table.h"

#include <cstring>
#include <string>

namespace weft::runtime {

const WeftSlot* ValueTable::Find(std::string_view key) const {
  auto found = entries_.find(key);
  if (found != entries_.end()) return &found->second;
  return fallback_ ? &*fallback_ : nullptr;
}

}  // namespace weft::runtime

extern "C" int32_t weft_table_lookup_string(const void* table, const WeftString* key,
                                            WeftSlot* result) {
  const auto* values = static_cast<const weft::runtime::ValueTable*>(table);
  const WeftSlot* found =
      values->Find(std::string_view(key->data == nullptr ? "" : key->data,
                                    static_cast<size_t>(key->size)));
  if (found == nullptr) return 0;
  std::memcpy(static_cast<void*>(result), found, sizeof(WeftSlot));
  return 1;
}

extern "C" int32_t weft_table_lookup_int(const void* table, int64_t key, WeftSlot* result) {
  std::string text = std::to_string(key);
  WeftString view{text.data(), static_cast<int64_t>(text.size())};
  return weft_table_lookup_string(table, &view, result);
}
