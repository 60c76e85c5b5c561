#pragma once

#include <string>

#include "compiler/schema/types.h"

namespace weft::doc {

// Describes a field's type and limits in words for readers who do not know Weft, such as
// "decimal, 2 places, up to 18 digits" for `decimal(18, 2)` or "text, up to 20 characters".
// Optionality is left out, because the document shows it in a column of its own.
std::string DescribeType(const schema::Type& type, const schema::Constraints& constraints);

}  // namespace weft::doc
