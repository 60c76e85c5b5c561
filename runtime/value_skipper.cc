#include <fmt/format.h>

#include "runtime/input_framers.h"

namespace weft::runtime {
namespace {

// The open levels whose kind is kept, in one bit each, which takes 128 KiB at most. Deeper levels
// are only counted, so that skipping a value never takes memory in proportion to its length.
// NOTE: A bracket of the wrong kind below this depth goes unnoticed, and the value is taken to end
// where its levels close.
constexpr uint64_t kTrackedLevels = uint64_t{1} << 20;

// The bytes that end a number or a literal such as `true`. The last four cannot follow one, so
// a scalar that runs into them is stray bytes before a value.
constexpr std::string_view kScalarEnds = " \t\r\n,]}{[\":";
constexpr std::string_view kStructureStarts = "{[\":";

}  // namespace

Scan ValueSkipper::Feed(std::string_view text, bool at_end, size_t& length, std::string& problem) {
  size_t i = 0;
  if (mode_ == Mode::Start && !text.empty()) {
    char first = text[0];
    if (first == '"') {
      mode_ = Mode::String;
      i = 1;
    } else if (first == '{' || first == '[') {
      mode_ = Mode::Brackets;
      Open(first);
      i = 1;
    } else {
      mode_ = Mode::Scalar;
    }
  }

  while (i < text.size()) {
    if (mode_ == Mode::Scalar) {
      size_t end = text.find_first_of(kScalarEnds, i);
      if (end == std::string_view::npos) break;
      length = end;
      if (kStructureStarts.find(text[end]) == std::string_view::npos) return Scan::Complete;
      problem = fmt::format("expected a value, found stray bytes before `{}`", text[end]);
      return Scan::Invalid;
    }

    if (mode_ == Mode::String) {
      // The byte after a backslash is escaped, even when it came in the next piece.
      if (escaped_) {
        escaped_ = false;
        ++i;
        continue;
      }
      size_t special = text.find_first_of("\"\\", i);
      if (special == std::string_view::npos) break;
      i = special + 1;
      if (text[special] == '\\') {
        escaped_ = true;
        continue;
      }
      if (depth_ == 0) {
        length = i;
        return Scan::Complete;
      }
      mode_ = Mode::Brackets;
      continue;
    }

    size_t special = text.find_first_of("\"[]{}", i);
    if (special == std::string_view::npos) break;
    i = special + 1;
    char c = text[special];
    if (c == '"') {
      mode_ = Mode::String;
    } else if (c == '{' || c == '[') {
      Open(c);
    } else if (!Close(c, problem)) {
      length = special;
      return Scan::Invalid;
    } else if (depth_ == 0) {
      length = i;
      return Scan::Complete;
    }
  }

  if (!at_end) return Scan::NeedMore;
  length = text.size();
  if (mode_ == Mode::Scalar) return Scan::Complete;
  problem = "the input ends inside a value";
  return Scan::Invalid;
}

void ValueSkipper::Open(char bracket) {
  if (depth_ < kTrackedLevels) objects_.push_back(bracket == '{');
  ++depth_;
}

bool ValueSkipper::Close(char bracket, std::string& problem) {
  // The level being closed is tracked when it is among the first kTrackedLevels.
  if (depth_ <= kTrackedLevels) {
    bool object = objects_.back();
    objects_.pop_back();
    if (object != (bracket == '}')) {
      problem = fmt::format("`{}` closes a value opened with `{}`", bracket, object ? '{' : '[');
      return false;
    }
  }
  --depth_;
  return true;
}

}  // namespace weft::runtime
