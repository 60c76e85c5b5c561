// The C functions of the string builtins, over the C++ ones of text.h.
#include "stdlib/functions.h"

#include <fmt/format.h>

#include "runtime/context.h"
#include "stdlib/text.h"

namespace {

std::string_view View(const WeftString* value) {
  return {value->data, static_cast<size_t>(value->size)};
}

WeftString FromView(std::string_view text) {
  return {text.data(), static_cast<int64_t>(text.size())};
}

// Stores a string that the function built in the record's arena.
int32_t Built(WeftContext* context, std::string_view text, WeftString* result) {
  *result = context->arena.Copy(text);
  return kWeftCallDone;
}

int32_t PadTo(WeftContext* context, const WeftString* value, int64_t width, const WeftString* fill,
              bool left, WeftString* result) {
  if (width > weft::text::kMaxPadWidth) {
    context->reject_reason =
        fmt::format("{} width {} is more than the {} code points a padded string may have",
                    left ? "pad_left" : "pad_right", width, weft::text::kMaxPadWidth);
    return kWeftCallRejected;
  }
  size_t size = weft::text::PaddedSize(View(value), width, View(fill));
  if (!weft::runtime::FitsStringLimit(context, size)) return kWeftCallRejected;
  return Built(context, weft::text::Pad(View(value), width, View(fill), left), result);
}

}  // namespace

extern "C" {

int32_t weft_trim(WeftContext*, const WeftString* value, WeftString* result) {
  *result = FromView(weft::text::Trim(View(value)));
  return kWeftCallDone;
}

int32_t weft_upper(WeftContext* context, const WeftString* value, WeftString* result) {
  return Built(context, weft::text::Upper(View(value)), result);
}

int32_t weft_lower(WeftContext* context, const WeftString* value, WeftString* result) {
  return Built(context, weft::text::Lower(View(value)), result);
}

int32_t weft_title(WeftContext* context, const WeftString* value, WeftString* result) {
  return Built(context, weft::text::Title(View(value)), result);
}

int32_t weft_length(WeftContext*, const WeftString* value, int64_t* result) {
  *result = weft::text::CodePointCount(View(value));
  return kWeftCallDone;
}

int32_t weft_substring(WeftContext*, const WeftString* value, const int64_t* start,
                       const int64_t* length, WeftString* result) {
  *result = FromView(weft::text::Substring(View(value), *start, *length));
  return kWeftCallDone;
}

int32_t weft_truncate(WeftContext*, const WeftString* value, const int64_t* width,
                      WeftString* result) {
  *result = FromView(weft::text::Substring(View(value), 0, *width));
  return kWeftCallDone;
}

int32_t weft_pad_left(WeftContext* context, const WeftString* value, const int64_t* width,
                      const WeftString* fill, WeftString* result) {
  return PadTo(context, value, *width, fill, true, result);
}

int32_t weft_pad_right(WeftContext* context, const WeftString* value, const int64_t* width,
                       const WeftString* fill, WeftString* result) {
  return PadTo(context, value, *width, fill, false, result);
}

int32_t weft_replace(WeftContext* context, const WeftString* value, const WeftString* from,
                     const WeftString* to, WeftString* result) {
  // Without a match the value is returned as it is, with no copy.
  if (from->size == 0 || View(value).find(View(from)) == std::string_view::npos) {
    *result = *value;
    return kWeftCallDone;
  }
  size_t size = weft::text::ReplacedSize(View(value), View(from), View(to));
  if (!weft::runtime::FitsStringLimit(context, size)) return kWeftCallRejected;
  return Built(context, weft::text::Replace(View(value), View(from), View(to)), result);
}

int32_t weft_contains(WeftContext*, const WeftString* value, const WeftString* part,
                      uint8_t* result) {
  *result = View(value).find(View(part)) != std::string_view::npos ? 1 : 0;
  return kWeftCallDone;
}

int32_t weft_starts_with(WeftContext*, const WeftString* value, const WeftString* prefix,
                         uint8_t* result) {
  *result = View(value).starts_with(View(prefix)) ? 1 : 0;
  return kWeftCallDone;
}

int32_t weft_ends_with(WeftContext*, const WeftString* value, const WeftString* suffix,
                       uint8_t* result) {
  *result = View(value).ends_with(View(suffix)) ? 1 : 0;
  return kWeftCallDone;
}

int32_t weft_normalize(WeftContext* context, const WeftString* value, const int64_t* form,
                       WeftString* result) {
  // ASCII text is in every normal form already.
  if (weft::text::IsAscii(View(value))) {
    *result = *value;
    return kWeftCallDone;
  }
  auto normal_form = static_cast<weft::text::NormalForm>(*form);
  return Built(context, weft::text::Normalize(View(value), normal_form), result);
}

int32_t weft_ascii_fold(WeftContext* context, const WeftString* value, WeftString* result) {
  if (weft::text::IsAscii(View(value))) {
    *result = *value;
    return kWeftCallDone;
  }
  return Built(context, weft::text::AsciiFold(View(value)), result);
}

int32_t weft_digits_only(WeftContext* context, const WeftString* value, WeftString* result) {
  return Built(context, weft::text::DigitsOnly(View(value)), result);
}

}  // extern "C"
