#pragma once

#include "compiler/frontend.h"

#include <string>
#include <string_view>
#include <vector>

namespace weft::tools {

// Returns true when two paths name the same existing or future file. "-" (a standard stream)
// is no file, and two devices such as /dev/null may be shared.
bool SameFile(const std::string& a, const std::string& b);

// Returns true, after printing an error that starts with `command`, when the output path given
// with `option` names one of the command's .map `files`.
bool OverwritesMapFile(const std::vector<std::string>& files, const std::string& output,
                       std::string_view option, std::string_view command);

// Returns true, after printing an error that starts with `command`, when the output path given
// with `option` names a file that the program was read from. Such files are the .map files and
// their imports, schema documents, table files and test data files.
bool OverwritesProgramFile(const Frontend& frontend, const std::string& output,
                           std::string_view option, std::string_view command);

}  // namespace weft::tools
