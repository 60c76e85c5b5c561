#include "compiler/schema/import/names.h"

#include <cctype>

namespace weft::schema::import {

std::string ToTypeName(std::string_view text) {
  std::string name;
  bool word_start = true;
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      word_start = true;
      continue;
    }
    name += word_start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    word_start = false;
  }
  return name;
}

std::string TypeNames::Claim(std::string_view requested) {
  std::string name(requested);
  for (int suffix = 2; taken_.count(name) > 0; ++suffix) {
    name = std::string(requested) + std::to_string(suffix);
  }
  taken_.insert(name);
  return name;
}

}  // namespace weft::schema::import
