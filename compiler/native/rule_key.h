#pragma once

#include <string>
#include <string_view>

#include "compiler/diagnostics/source.h"

namespace weft::native {

// The CPU's vendor, family, model and stepping and its feature flags as CPUID and XGETBV report
// them, which decide the code that LLVM generates for the host. It leaves out the bits that
// differ between cores of one machine, such as the APIC id.
std::string HostCpuIdentity();

// A SHA-256 of every file that the front end read for a program (.map files, schema documents,
// table files), with their canonical paths, and of `settings`, the options of loading and
// checking. Every spelling of a path to the same file (`a.map`, `./a.map`, an absolute path, a
// path through a link) gives the same digest.
std::string ProgramDigest(const SourceManager& sources, std::string_view settings);

// The cache key of one function of a rule, computed without LLVM from everything that decides
// its object code: the program (ProgramDigest), the rule, the function, this program's file, the
// JIT module's and LLVM's files, and the host CPU. `function` names which function of the rule
// it is, such as "body" or "condition".
std::string FunctionCacheKey(std::string_view program_digest, int rule_index,
                             std::string_view rule_name, std::string_view function);

}  // namespace weft::native
