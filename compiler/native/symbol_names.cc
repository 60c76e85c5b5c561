#include "compiler/native/symbol_names.h"

namespace weft::native {

std::string TableSymbol(const std::string& function_name, size_t index) {
  return function_name + ".table." + std::to_string(index);
}

std::string RegexSymbol(const std::string& function_name, size_t index) {
  return function_name + ".regex." + std::to_string(index);
}

}  // namespace weft::native
