// The C functions of the id and privacy builtins, over ids.h.
#include "stdlib/id_functions.h"

#include <fmt/format.h>

#include "runtime/context.h"
#include "stdlib/ids.h"
#include "stdlib/numbers.h"

namespace {

std::string_view View(const WeftString* value) {
  return {value->data, static_cast<size_t>(value->size)};
}

int32_t Reject(WeftContext* context, std::string reason) {
  context->reject_reason = std::move(reason);
  return kWeftCallRejected;
}

}  // namespace

extern "C" {

int32_t weft_hash_hex(WeftContext* context, const WeftString* value, const int64_t* algorithm,
                      WeftString* result) {
  auto chosen = static_cast<weft::ids::HashAlgorithm>(*algorithm);
  *result = context->arena.Copy(weft::ids::HashHex(View(value), chosen));
  return kWeftCallDone;
}

int32_t weft_uuid_v5(WeftContext* context, const WeftString* name_space, const WeftString* name,
                     WeftString* result) {
  std::optional<std::string> uuid = weft::ids::UuidV5(View(name_space), View(name));
  if (!uuid) {
    return Reject(context, fmt::format("uuid_v5: the namespace {} is not a UUID such as "
                                       "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
                                       weft::numbers::Quote(View(name_space))));
  }
  *result = context->arena.Copy(*uuid);
  return kWeftCallDone;
}

int32_t weft_mask(WeftContext* context, const WeftString* value, const int64_t* keep_last,
                  WeftString* result) {
  if (*keep_last < 0)
    return Reject(context, fmt::format("mask: keep_last is {}, but it must be 0 or more", *keep_last));
  *result = context->arena.Copy(weft::ids::Mask(View(value), *keep_last));
  return kWeftCallDone;
}

int32_t weft_redact(WeftContext*, const WeftString*, WeftString* result) {
  *result = {weft::ids::kRedacted.data(), static_cast<int64_t>(weft::ids::kRedacted.size())};
  return kWeftCallDone;
}

}  // extern "C"
