#pragma once

#include <string>

#include "compiler/schema/types.h"

namespace weft::schema {

// Writes a schema as an inline `schema NAME { ... }` declaration, with every record, enum,
// field type, annotation and default, so that users can see what an import produced.
std::string PrintSchema(const Schema& schema);

}  // namespace weft::schema
