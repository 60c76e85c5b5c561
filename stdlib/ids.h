#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Deterministic ids and the hiding of sensitive values. Hashes come from LLVM's support library.
namespace weft::ids {

enum class HashAlgorithm { Sha256, Sha1 };

// The digest of the UTF-8 bytes of `text`, as lower-case hexadecimal.
std::string HashHex(std::string_view text, HashAlgorithm algorithm);

// The name-based UUID of version 5 (RFC 9562, section 5.5): the SHA-1 of the namespace's 16 bytes
// followed by the name's UTF-8 bytes, with the version and variant bits set, in the canonical
// lower-case form. Returns nothing when `name_space` is not a UUID in the 8-4-4-4-12 form.
std::optional<std::string> UuidV5(std::string_view name_space, std::string_view name);

// Replaces every code point but the last `keep_last` with `*`. A value of at most `keep_last`
// code points is masked whole, so that a short value is never shown in full.
std::string Mask(std::string_view text, int64_t keep_last);

// The text that `redact` writes in place of any value.
inline constexpr std::string_view kRedacted = "[redacted]";

}  // namespace weft::ids
