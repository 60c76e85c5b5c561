#pragma once

#include <string>

#include "tools/doc/mapping_document.h"

// The wording that the Markdown and HTML forms of the mapping document share, so that both
// describe a field in the same words.
namespace weft::doc {

// The document's title, naming the .map files.
std::string Title(const MappingDocument& document);

struct DocumentCounts {
  // Target fields over all rules; a record that two rules fill counts twice.
  size_t target = 0;
  size_t mapped = 0;
};

DocumentCounts CountFields(const MappingDocument& document);

// What the output holds for a target field that the rule does not assign, such as
// "not mapped; the default "DE" is written".
std::string UnmappedOutcome(const FieldRow& field);

// The text up to the first line break.
std::string FirstLine(const std::string& text);

}  // namespace weft::doc
