#pragma once

#include <string>

#include "compiler/schema/import/document.h"
#include "compiler/schema/types.h"

namespace weft::schema::import {

// A schema's default value checked against the field's type.
struct CheckedDefault {
  // The default as JSON for FieldType::default_json; empty when it is not kept.
  std::string json;
  // The reason the default is converted or dropped, worded to follow "the default VALUE at
  // PLACE". It is empty when the default is kept as written.
  std::string problem;
};

// Checks a default against `type`. A default of the right JSON kind is kept. A boolean or number
// written as a string ("false", "0"), which real documents contain, is converted with a problem
// to report. Any other mismatch drops the default.
CheckedDefault CheckDefault(const Node& value, const Type& type);

}  // namespace weft::schema::import
