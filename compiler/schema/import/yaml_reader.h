#pragma once

#include <optional>
#include <string_view>

#include "compiler/schema/import/document.h"

namespace weft::schema::import {

// Reads the single YAML document in `text`, which the caller has checked to be valid UTF-8,
// into a tree whose ranges point into `file`. Plain scalars resolve by the YAML 1.2 core schema
// to null, booleans, integers (0x and 0o forms too) and floats. `.inf` and `.nan` have no JSON
// form, so they stay strings. Aliases are expanded into copies. A merge key (`<<`, from
// YAML 1.1) stays an ordinary key. Returns nullopt and fills `error` on a syntax error, a key
// that is not a scalar, a duplicate key, a second document, or when the text passes `limits`.
std::optional<Node> ReadYaml(std::string_view text, FileId file, const ReadLimits& limits,
                             ReadError& error);

}  // namespace weft::schema::import
