#pragma once

#include <optional>
#include <string_view>

#include "compiler/schema/import/document.h"

namespace weft::schema::import {

// Reads a JSON text (RFC 8259) that the caller has checked to be valid UTF-8 into a tree whose
// ranges point into `file`. A UTF-8 byte order mark at the start is skipped. Returns nullopt and
// fills `error` on the first syntax error, on a duplicate key, or when the text passes `limits`.
std::optional<Node> ReadJson(std::string_view text, FileId file, const ReadLimits& limits,
                             ReadError& error);

}  // namespace weft::schema::import
