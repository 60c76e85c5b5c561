#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

// The regular expressions of `matches`, `extract` and `replace_regex`, shared by the checker,
// which validates them, and the IR lowering, which compiles them once per rule.
namespace weft::stdlib {

// Compiles `pattern` as UTF-8 RE2 syntax, so that `.` matches one code point. Errors are not
// logged, so the caller reads them from the result's error().
std::shared_ptr<const re2::RE2> CompileRegex(std::string_view pattern);

// A replacement of `replace_regex` in RE2's rewrite syntax.
struct Rewrite {
  std::string text;
  // The highest group that the replacement names, or -1 when it names none.
  int max_group = -1;
  // The reason the replacement is invalid, or empty when it is valid.
  std::string error;
};

// Translates a replacement in which `$0` stands for the whole match, `$1` to `$9` for the groups
// and `$$` for a dollar sign into RE2's syntax, where these are `\0` to `\9` and a backslash is
// written `\\`. A `$` followed by anything else is an error, whose position counts code points
// from 1.
Rewrite TranslateReplacement(std::string_view replacement);

}  // namespace weft::stdlib
