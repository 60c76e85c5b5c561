#include "stdlib/regex.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>

#include "runtime/context.h"
#include "stdlib/functions.h"
#include "stdlib/text.h"

namespace weft::stdlib {

std::shared_ptr<const re2::RE2> CompileRegex(std::string_view pattern) {
  re2::RE2::Options options;
  options.set_encoding(re2::RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  return std::make_shared<const re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()),
                                          options);
}

Rewrite TranslateReplacement(std::string_view replacement) {
  Rewrite rewrite;
  for (size_t at = 0; at < replacement.size(); ++at) {
    char c = replacement[at];
    if (c == '\\') {
      rewrite.text += "\\\\";
      continue;
    }
    if (c != '$') {
      rewrite.text += c;
      continue;
    }
    char next = at + 1 < replacement.size() ? replacement[at + 1] : '\0';
    if (next == '$') {
      rewrite.text += '$';
    } else if (next >= '0' && next <= '9') {
      rewrite.text += '\\';
      rewrite.text += next;
      rewrite.max_group = std::max(rewrite.max_group, next - '0');
    } else {
      int64_t position = text::CodePointCount(replacement.substr(0, at)) + 1;
      rewrite.error =
          fmt::format("`$` at position {} is followed by neither a digit nor `$`", position);
      return rewrite;
    }
    ++at;
  }
  return rewrite;
}

}  // namespace weft::stdlib

namespace {

re2::StringPiece Piece(const WeftString* value) {
  // RE2 reports a group that takes no part in a match with null data, so an empty value must
  // not have null data itself.
  if (value->size == 0) return re2::StringPiece("", 0);
  return {value->data, static_cast<size_t>(value->size)};
}

const re2::RE2& RegexOf(const void* regex) { return *static_cast<const re2::RE2*>(regex); }

}  // namespace

extern "C" {

int32_t weft_matches(WeftContext*, const WeftString* value, const void* regex, uint8_t* result) {
  *result = re2::RE2::FullMatch(Piece(value), RegexOf(regex)) ? 1 : 0;
  return kWeftCallDone;
}

int32_t weft_extract(WeftContext*, const WeftString* value, const void* regex, WeftString* result) {
  const re2::RE2& re = RegexOf(regex);
  // Group 0 is the whole match, group 1 the first parenthesized group.
  int group = re.NumberOfCapturingGroups() > 0 ? 1 : 0;
  re2::StringPiece groups[2];
  re2::StringPiece text = Piece(value);
  if (!re.Match(text, 0, text.size(), re2::RE2::UNANCHORED, groups, group + 1)) {
    return kWeftCallAbsent;
  }
  // A group that takes no part in the match, such as `(x)?` on "y", has no data.
  if (groups[group].data() == nullptr) return kWeftCallAbsent;
  *result = {groups[group].data(), static_cast<int64_t>(groups[group].size())};
  return kWeftCallDone;
}

int32_t weft_replace_regex(WeftContext* context, const WeftString* value, const void* regex,
                           const WeftString* rewrite, WeftString* result) {
  std::string text(value->data, static_cast<size_t>(value->size));
  if (re2::RE2::GlobalReplace(&text, RegexOf(regex), Piece(rewrite)) == 0) {
    *result = *value;
    return kWeftCallDone;
  }
  // NOTE: RE2 builds the whole result before its size is known, so a long value with many matches
  // and a long replacement allocates that much once before the record is rejected.
  if (!weft::runtime::FitsStringLimit(context, text.size())) return kWeftCallRejected;
  *result = context->arena.Copy(text);
  return kWeftCallDone;
}

}  // extern "C"
