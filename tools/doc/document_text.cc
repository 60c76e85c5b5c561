#include "tools/doc/document_text.h"

namespace weft::doc {

std::string Title(const MappingDocument& document) {
  std::string files;
  for (size_t i = 0; i < document.files.size(); ++i) {
    if (i > 0) files += i + 1 == document.files.size() ? " and " : ", ";
    files += document.files[i];
  }
  return "Data mapping: " + files;
}

DocumentCounts CountFields(const MappingDocument& document) {
  DocumentCounts counts;
  for (const RuleSection& rule : document.rules) {
    counts.target += rule.fields.size();
    counts.mapped += rule.MappedCount();
  }
  return counts;
}

std::string UnmappedOutcome(const FieldRow& field) {
  if (!field.default_value.empty())
    return "not mapped; the default " + field.default_value + " is written";
  if (!field.required) return "not mapped; left empty";
  return "not mapped";
}

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

}  // namespace weft::doc
