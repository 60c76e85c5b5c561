#pragma once

#include <cstddef>
#include <string>

namespace weft::native {

// The name of the external symbol through which `function_name` reaches rule.tables[index]. The
// object code binds tables by name, so that it contains no address of this process.
std::string TableSymbol(const std::string& function_name, size_t index);
// The same for the compiled regexes of rule.regexes.
std::string RegexSymbol(const std::string& function_name, size_t index);

}  // namespace weft::native
