#pragma once

#include <string_view>

#include "compiler/schema/import/document.h"

namespace weft::schema::import {

// How a YAML scalar was written, which decides whether its text is resolved to a type.
enum class ScalarForm {
  // Unquoted and untagged: resolved by the YAML 1.2 core schema.
  Plain,
  // Quoted, a block scalar, or tagged `!` or `!!str`: always a string.
  Text,
};

// Sets the kind and text of `node` from a scalar's text: null, a boolean, a number in JSON
// syntax (`+1` becomes `1`, `.5` becomes `0.5`, `0x1F` becomes `31`) or a string.
void ResolveScalar(std::string_view text, ScalarForm form, Node& node);

}  // namespace weft::schema::import
