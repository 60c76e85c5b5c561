#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/abi.h"

namespace weft::runtime {

// The default bound on the bytes of one string that a rule builds while mapping a record.
constexpr size_t kDefaultMaxStringBytes = 16 << 20;

// Bump allocator for the strings a rule builds while mapping one record. Reset between records,
// so memory stays bounded by the largest record instead of growing with the input.
class Arena {
 public:
  char* Allocate(size_t size);
  // Returns `count` zeroed slots, aligned for WeftSlot, which live until Reset.
  WeftSlot* AllocateSlots(size_t count);
  // Copies `text` into the arena; the copy lives until Reset.
  WeftString Copy(std::string_view text);
  void Reset();

 private:
  static constexpr size_t kBlockSize = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_index_ = 0;
  size_t used_ = 0;
  std::vector<std::unique_ptr<char[]>> large_;
};

}  // namespace weft::runtime

// Defined outside the namespace because generated code declares it as a C struct.
struct WeftContext {
  weft::runtime::Arena arena;
  // Set when the rule rejects the record.
  std::string reject_reason;
  // The target field being computed when the record was rejected; empty when none was.
  std::string reject_field;
  // A helper that would build a longer string rejects the record instead; see FitsStringLimit.
  size_t max_string_bytes = weft::runtime::kDefaultMaxStringBytes;
  // The positions of the items that the `each` loops being run are at, outermost first, which
  // fill the `[]` of a field path such as "lines[].qty" in a reject reason.
  std::vector<int64_t> item_positions;

  void Reset() {
    arena.Reset();
    reject_reason.clear();
    reject_field.clear();
    item_positions.clear();
  }
};

namespace weft::runtime {

// Returns true when a string of `size` bytes may be built for the record. Otherwise it writes
// the reason into `context` and returns false, and the caller returns kWeftCallRejected. Every
// helper that can build a string longer than its arguments checks here before it allocates.
bool FitsStringLimit(WeftContext* context, size_t size);

}  // namespace weft::runtime
