#include "stdlib/list_functions.h"

#include <cstring>
#include <string_view>
#include <vector>

#include "runtime/context.h"
#include "stdlib/utf8.h"

namespace {

std::string_view View(const WeftString& text) {
  return {text.data, static_cast<size_t>(text.size)};
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
