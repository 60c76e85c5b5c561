#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "compiler/frontend.h"
#include "compiler/native/rule_compiler.h"

// The parts that `weft check`, `weft explain` and `weft run` share to name a rule and print its
// compiled stages.
namespace weft::tools {

// Returns the rule that `--rule NAME` names, or the only rule of the files when `name` is empty.
// Otherwise prints to stderr that there is no such rule, listing the rules that exist, and returns
// null. `command` starts the message, such as "weft run".
const check::CheckedRule* FindRuleOrReport(const Frontend& frontend, const std::string& name,
                                           std::string_view command);

// Prints the typed IR (`ir`) and the optimized LLVM IR (`llvm`) of one rule of an error-free
// program to `out`. Returns false after printing to stderr the constructs that cannot be
// compiled yet, or an internal compiler error.
bool DumpLoweredRule(Frontend& frontend, const check::CheckedRule& rule, bool ir, bool llvm,
                     std::string_view command, std::ostream& out);

// The settings of the rule compiler for a loaded program: `cache_directory` (empty for no cache)
// and the digest of every file and option that the cache keys depend on, with paths made
// canonical.
native::RuleCompilerOptions RuleCompilerOptionsFor(const Frontend& frontend,
                                                   const FrontendOptions& options,
                                                   std::string cache_directory);

// Prints one warning to stderr when `compiler` could not write its cache: the directory, the OS
// error, the cost and the remedies. It shows without --verbose, because a cache that stays empty
// costs every later run the time to compile, which nothing else reports.
void WarnIfCacheNotWritten(const native::RuleCompiler& compiler, std::string_view command);

}  // namespace weft::tools
