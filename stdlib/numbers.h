#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// Reading numbers from text, for `to_int`, `to_decimal` and `to_float`, in C++ terms. The C
// functions that generated code calls wrap them. Each returns an empty string on success, or
// the reason that the text is not such a number, which names the text.
namespace weft::numbers {

// Reads an optional sign and the ASCII digits 0 to 9 as a 64-bit integer.
std::string ParseInt(std::string_view text, int64_t& result);

// Reads JSON-style number text ("-12.5", "1e3") as a decimal with `scale` places and at most
// `precision` digits. Places beyond `scale` must be zeros, because the text is never rounded.
std::string ParseDecimal(std::string_view text, int precision, int scale, __int128& result);

// Reads JSON-style number text as the nearest 64-bit float. Infinities, NaN and values beyond
// the float range are rejected, because JSON cannot carry them.
std::string ParseFloat(std::string_view text, double& result);

// Returns `text` in double quotes for a reject reason, cut after 40 code points.
std::string Quote(std::string_view text);

}  // namespace weft::numbers
