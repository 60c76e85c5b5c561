#include "stdlib/list_functions.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <numeric>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "runtime/context.h"
#include "runtime/decimal.h"
#include "stdlib/utf8.h"

namespace {

std::string_view View(const WeftString& text) {
  return {text.data, static_cast<size_t>(text.size)};
}

int ScaleOf(const WeftSlot& slot, int32_t scale) { return scale < 0 ? slot.scale : scale; }

// Orders two present values of one kind: <0, 0 or >0.
int Compare(const WeftSlot& left, const WeftSlot& right, int32_t kind, int32_t scale) {
  switch (kind) {
    case kWeftItemInt:
      if (left.integer < right.integer) return -1;
      return left.integer > right.integer ? 1 : 0;
    case kWeftItemDecimal:
      return weft::runtime::CompareDecimals(left.decimal, ScaleOf(left, scale), right.decimal,
                                            ScaleOf(right, scale));
    case kWeftItemBool:
      return static_cast<int>(left.boolean) - static_cast<int>(right.boolean);
    default:
      return View(left.string).compare(View(right.string));
  }
}

// A text that equal values share and other values do not: decimals lose trailing zeros, so that
// 1.0 and 1.00 are one value.
std::string Identity(const WeftSlot& slot, int32_t kind, int32_t scale) {
  if (!slot.present) return "n";
  switch (kind) {
    case kWeftItemInt:
      return fmt::format("i{}", slot.integer);
    case kWeftItemDecimal: {
      std::string text = weft::runtime::DecimalToString(slot.decimal, ScaleOf(slot, scale));
      if (text.find('.') != std::string::npos) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.pop_back();
      }
      return text == "-0" ? "d0" : "d" + text;
    }
    case kWeftItemBool:
      return slot.boolean ? "b1" : "b0";
    default:
      return "s" + std::string(View(slot.string));
  }
}

}  // namespace

extern "C" {

int32_t weft_join(WeftContext* context, const WeftList* items, const WeftString* separator,
                  WeftString* result) {
  // An absent item has no text, so it is left out, and no separator is written for it.
  size_t size = 0;
  int64_t joined = 0;
  for (int64_t i = 0; i < items->count; ++i) {
    if (!items->items[i].present) continue;
    size += static_cast<size_t>(items->items[i].string.size);
    if (joined++ > 0) size += static_cast<size_t>(separator->size);
  }
  if (!weft::runtime::FitsStringLimit(context, size)) return kWeftCallRejected;
  char* memory = context->arena.Allocate(size + 1);
  size_t at = 0;
  bool first = true;
  for (int64_t i = 0; i < items->count; ++i) {
    const WeftSlot& item = items->items[i];
    if (!item.present) continue;
    if (!first && separator->size > 0) {
      std::memcpy(memory + at, separator->data, static_cast<size_t>(separator->size));
      at += static_cast<size_t>(separator->size);
    }
    first = false;
    if (item.string.size > 0) {
      std::memcpy(memory + at, item.string.data, static_cast<size_t>(item.string.size));
      at += static_cast<size_t>(item.string.size);
    }
  }
  *result = {memory, static_cast<int64_t>(size)};
  return kWeftCallDone;
}

void weft_sort_by(WeftContext* context, const WeftList* items, const WeftSlot* keys, int32_t kind,
                  int32_t scale, WeftList* result) {
  std::vector<int64_t> order(static_cast<size_t>(items->count));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
    const WeftSlot& left = keys[a];
    const WeftSlot& right = keys[b];
    if (!left.present || !right.present) return left.present && !right.present;
    return Compare(left, right, kind, scale) < 0;
  });
  WeftSlot* sorted = context->arena.AllocateSlots(order.size());
  for (size_t i = 0; i < order.size(); ++i) sorted[i] = items->items[order[i]];
  *result = {sorted, items->count};
}

int32_t weft_list_extreme(const WeftList* items, int32_t kind, int32_t scale, int32_t largest,
                          WeftSlot* result) {
  const WeftSlot* best = nullptr;
  for (int64_t i = 0; i < items->count; ++i) {
    const WeftSlot& item = items->items[i];
    if (!item.present) continue;
    int order = best == nullptr ? 0 : Compare(item, *best, kind, scale);
    if (best == nullptr || (largest ? order > 0 : order < 0)) best = &item;
  }
  if (best == nullptr) return kWeftCallAbsent;
  *result = *best;
  return kWeftCallDone;
}

void weft_distinct(WeftContext* context, const WeftList* items, int32_t kind, int32_t scale,
                   WeftList* result) {
  std::unordered_map<std::string, int64_t> seen;
  WeftSlot* unique = context->arena.AllocateSlots(static_cast<size_t>(items->count));
  int64_t count = 0;
  for (int64_t i = 0; i < items->count; ++i) {
    if (!seen.emplace(Identity(items->items[i], kind, scale), i).second) continue;
    unique[count++] = items->items[i];
  }
  *result = {unique, count};
}

namespace {

// A total that no count of 64-bit ints or 38-digit decimals can overflow: 64 bits above the 128
// of `low`, in two's complement, so that the items may come in any order and only the total must
// fit.
struct WideTotal {
  unsigned __int128 low = 0;
  int64_t high = 0;

  void Add(__int128 value) {
    unsigned __int128 before = low;
    low += static_cast<unsigned __int128>(value);
    high += (low < before ? 1 : 0) + (value < 0 ? -1 : 0);
  }
  // Sets `total` and returns true when the total fits 128 bits.
  bool Narrow(__int128& total) const {
    total = static_cast<__int128>(low);
    return high == (total < 0 ? -1 : 0);
  }
};

}  // namespace

int32_t weft_group_sum(WeftContext* context, const WeftSlot* keys, const WeftSlot* values,
                       int64_t count, int32_t key_kind, int32_t key_scale, int32_t value_kind,
                       WeftList* result) {
  std::unordered_map<std::string, int64_t> groups;
  // Each group is a record of two slots, key and total, in one run of slots.
  WeftSlot* records = context->arena.AllocateSlots(static_cast<size_t>(count));
  WeftSlot* fields = context->arena.AllocateSlots(static_cast<size_t>(count) * 2);
  int64_t group_count = 0;
  std::vector<WideTotal> totals;
  for (int64_t i = 0; i < count; ++i) {
    auto [entry, added] = groups.emplace(Identity(keys[i], key_kind, key_scale), group_count);
    WeftSlot* group = fields + entry->second * 2;
    if (added) {
      group[0] = keys[i];
      group[1] = WeftSlot{};
      group[1].present = 1;
      group[1].scale = values[i].scale;
      records[group_count].list = {group, 2};
      records[group_count].present = 1;
      ++group_count;
      totals.emplace_back();
    }
    totals[entry->second].Add(value_kind == kWeftItemInt ? values[i].integer : values[i].decimal);
  }
  for (int64_t g = 0; g < group_count; ++g) {
    WeftSlot& total = fields[g * 2 + 1];
    __int128 sum = 0;
    bool fits = totals[g].Narrow(sum);
    if (value_kind == kWeftItemInt) {
      fits = fits && sum >= INT64_MIN && sum <= INT64_MAX;
      total.integer = static_cast<int64_t>(sum);
    } else {
      fits = fits && weft::runtime::FitsDigits(sum, 38);
      total.decimal = sum;
    }
    if (!fits) {
      context->reject_reason =
          value_kind == kWeftItemInt
              ? "integer overflow: a total of `group_sum` is outside -2^63 to 2^63-1"
              : "decimal overflow: a total of `group_sum` has more than 38 digits";
      return kWeftCallRejected;
    }
  }
  *result = {records, group_count};
  return kWeftCallDone;
}

int32_t weft_split(WeftContext* context, const WeftString* value, const WeftString* separator,
                   WeftList* result) {
  std::string_view text = View(*value);
  std::string_view cut = View(*separator);
  std::vector<std::string_view> parts;
  if (cut.empty()) {
    // The parts are single code points. Builtins get valid UTF-8, so a stray byte is only a
    // safeguard and becomes a part of its own.
    size_t at = 0;
    while (at < text.size()) {
      size_t length = weft::utf8::SequenceLength(text, at);
      if (length == 0) length = 1;
      parts.push_back(text.substr(at, length));
      at += length;
    }
  } else {
    size_t start = 0;
    while (true) {
      size_t found = text.find(cut, start);
      if (found == std::string_view::npos) break;
      parts.push_back(text.substr(start, found - start));
      start = found + cut.size();
    }
    parts.push_back(text.substr(start));
  }
  WeftSlot* items = context->arena.AllocateSlots(parts.size());
  for (size_t i = 0; i < parts.size(); ++i) {
    items[i].string = {parts[i].data(), static_cast<int64_t>(parts[i].size())};
    items[i].present = 1;
  }
  *result = {items, static_cast<int64_t>(parts.size())};
  return kWeftCallDone;
}

}  // extern "C"
