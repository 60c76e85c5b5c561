#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

// How imported records and enums are named. A definition keeps its key, so `$defs/Address`
// becomes `Address`. A type without a key is named after where it sits. An inline object or enum
// in field `status` of record `Invoice` becomes `InvoiceStatus`, and the elements of a list field
// `lines` become `InvoiceLinesItem`. Records and enums share one set of names, and a name that
// is taken gets the first free number appended (`InvoiceStatus2`).
namespace weft::schema::import {

// Returns `text` as an UpperCamelCase identifier: letters and digits are kept, every other
// character ends a word, and each word starts with a capital (`line_items` becomes `LineItems`).
// Returns "" when `text` has no letter or digit.
std::string ToTypeName(std::string_view text);

// The names already given in one schema.
class TypeNames {
 public:
  // Returns `requested`, or `requested` with the first free number appended, and marks it taken.
  std::string Claim(std::string_view requested);

 private:
  std::unordered_set<std::string> taken_;
};

}  // namespace weft::schema::import
