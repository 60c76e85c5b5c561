#include "runtime/input.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>

#include "runtime/json_check.h"

namespace weft::runtime {
namespace {

namespace od = simdjson::ondemand;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool IsBlank(std::string_view line) { return std::all_of(line.begin(), line.end(), IsSpace); }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

size_t LineOf(std::string_view text, const char* at) {
  return 1 + std::count(text.data(), at, '\n');
}

// Line numbers of positions that only move forward, counted in one pass over the text.
class LineCounter {
 public:
  explicit LineCounter(std::string_view text) : position_(text.data()) {}

  size_t LineAt(const char* at) {
    line_ += std::count(position_, at, '\n');
    position_ = at;
    return line_;
  }

 private:
  const char* position_;
  size_t line_ = 1;
};

// The character that ends lines: LF, or CR in a text with no LF, as old Mac tools write it.
char LineBreak(std::string_view text) {
  return text.find('\n') == std::string_view::npos && text.find('\r') != std::string_view::npos
             ? '\r'
             : '\n';
}

// `text` lies inside a padded buffer, so every view into it may be parsed in place.
void SplitLines(std::string_view text, od::parser& parser, SplitInput& input) {
  input.shape = InputShape::Ndjson;
  size_t line_number = 0;
  size_t start = 0;
  char line_break = LineBreak(text);
  while (start < text.size()) {
    size_t end = text.find(line_break, start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    ++line_number;
    start = end + 1;
    if (IsBlank(line)) continue;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

    InputRecord record;
    record.number = input.records.size() + 1;
    record.line = line_number;
    record.text = std::string(line);
    record.error = CheckJson(parser, line);
    input.records.push_back(std::move(record));
  }
}

// Returns the text of a value and skips past it. simdjson 3.0 offers raw_json only on objects
// and arrays, and raw_json_token on scalars.
simdjson::error_code RawJson(od::value& value, std::string_view& raw) {
  od::json_type type;
  if (auto failure = value.type().get(type)) return failure;
  if (type == od::json_type::object) {
    od::object object;
    if (auto failure = value.get_object().get(object)) return failure;
    return object.raw_json().get(raw);
  }
  if (type == od::json_type::array) {
    od::array array;
    if (auto failure = value.get_array().get(array)) return failure;
    return array.raw_json().get(raw);
  }
  raw = value.raw_json_token();
  return simdjson::SUCCESS;
}

// Adds each element of the array `array_value` as one record.
bool AddElements(std::string_view text, od::value array_value, od::parser& element_parser,
                 SplitInput& input, std::string& error) {
  od::array array;
  if (auto failure = array_value.get_array().get(array)) {
    error = fmt::format("invalid JSON: {}", simdjson::error_message(failure));
    return false;
  }
  LineCounter lines(text);
  for (auto element : array) {
    od::value item;
    std::string_view raw;
    auto failure = element.get(item);
    if (!failure) failure = RawJson(item, raw);
    if (failure) {
      const char* at = nullptr;
      bool located = !element.error() && item.current_location().get(at) == simdjson::SUCCESS;
      error = located ? fmt::format("invalid JSON near line {}: {}", LineOf(text, at),
                                    simdjson::error_message(failure))
                      : fmt::format("invalid JSON: {}", simdjson::error_message(failure));
      return false;
    }
    raw = Trim(raw);
    InputRecord record;
    record.number = input.records.size() + 1;
    record.line = lines.LineAt(raw.data());
    record.text = std::string(raw);
    record.error = CheckJson(element_parser, raw);
    input.records.push_back(std::move(record));
  }
  return true;
}

// Splits a text that contains one JSON document. `check` is CheckJson's verdict on the whole
// text, which catches content after the document that the splitting below would not read.
bool SplitDocument(std::string_view text, const std::string& check, od::parser& parser,
                   SplitInput& input, std::string& error) {
  if (check == kTrailingContent) {
    error =
        "invalid JSON: unexpected content after the document; for one record per line, pass "
        "--input-format ndjson";
    return false;
  }
  od::parser document_parser;
  od::document document;
  bool iterating = false;
  auto fail = [&](simdjson::error_code failure) {
    // A document that failed to start has no position to ask for.
    const char* at = nullptr;
    bool located = iterating && document.current_location().get(at) == simdjson::SUCCESS;
    error = located ? fmt::format("invalid JSON near line {}: {}", LineOf(text, at),
                                  simdjson::error_message(failure))
                    : fmt::format("invalid JSON: {}", simdjson::error_message(failure));
    return false;
  };
  if (auto failure =
          document_parser
              .iterate(text.data(), text.size(), text.size() + simdjson::SIMDJSON_PADDING)
              .get(document)) {
    return fail(failure);
  }
  iterating = true;

  od::json_type type;
  if (auto failure = document.type().get(type)) return fail(failure);
  if (type == od::json_type::array) {
    input.shape = InputShape::JsonArray;
    od::value root;
    if (auto failure = document.get_value().get(root)) return fail(failure);
    return AddElements(text, root, parser, input, error);
  }

  od::object object;
  if (type == od::json_type::object && document.get_object().get(object) == simdjson::SUCCESS) {
    // The whole object is walked, because a second `records` key would otherwise hide its
    // records: JSON leaves duplicate keys to the reader, and dropping them would lose data.
    int records_keys = 0;
    bool added = false;
    for (auto field : object) {
      std::string_view key;
      if (auto failure = field.unescaped_key().get(key)) return fail(failure);
      if (key != "records") continue;
      if (++records_keys > 1) {
        error = "the document has more than one `records` key, so some of its records would "
                "be lost; keep one `records` array";
        return false;
      }
      od::value records;
      if (auto failure = field.value().get(records)) return fail(failure);
      if (records.type().value_unsafe() != od::json_type::array) continue;
      input.shape = InputShape::RecordsObject;
      if (!AddElements(text, records, parser, input, error)) return false;
      added = true;
    }
    if (added) return true;
  }

  // Any other document is one record; the reader reports it if it is not an object.
  input.shape = InputShape::SingleObject;
  InputRecord record{1, 1, std::string(Trim(text)), ""};
  record.error = CheckJson(parser, record.text);
  input.records.push_back(std::move(record));
  return true;
}

// Returns the next non-blank line at or after `start`, without its line break, and moves
// `start` past it. At the end of the text it returns an empty view.
std::string_view NextLine(std::string_view text, char line_break, size_t& start) {
  while (start < text.size()) {
    size_t end = text.find(line_break, start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (!IsBlank(line)) return Trim(line);
  }
  return {};
}

// True when the first line of `text` is a complete JSON object and more text follows it, which
// one JSON document cannot do.
bool StartsWithCompleteLine(std::string_view text, od::parser& parser) {
  char line_break = LineBreak(text);
  size_t start = 0;
  std::string_view first = NextLine(text, line_break, start);
  if (first.empty() || first.front() != '{' || !CheckJson(parser, first).empty()) return false;
  return !NextLine(text, line_break, start).empty();
}

// Decides whether a text that does not parse as one JSON value is NDJSON. It is when one of its
// first lines is a complete value. A pretty-printed document rarely has one so early, and NDJSON
// whose first records are malformed still has a good one soon after.
bool LooksLikeNdjson(std::string_view text, od::parser& parser) {
  constexpr int kLinesLookedAt = 16;
  if (text.front() == '[') return false;
  size_t start = 0;
  char line_break = LineBreak(text);
  for (int i = 0; i < kLinesLookedAt; ++i) {
    std::string_view line = NextLine(text, line_break, start);
    if (line.empty()) return false;
    if (line.front() == '{' && CheckJson(parser, line).empty()) return true;
  }
  return false;
}

}  // namespace

bool Split(std::string_view text, InputFormat format, SplitInput& input, std::string& error) {
  if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  simdjson::padded_string padded(text);
  std::string_view body(padded.data(), padded.size());
  od::parser parser;

  size_t first = 0;
  while (first < body.size() && IsSpace(body[first])) ++first;
  if (first == body.size()) return true;

  // NDJSON is recognized from its first lines where possible, because checking the whole text
  // as one value would scan all of it once more.
  std::string_view rest = body.substr(first);
  bool lines = format == InputFormat::Ndjson;
  if (format == InputFormat::Auto) {
    lines = (rest.front() != '[' && rest.front() != '{') || StartsWithCompleteLine(rest, parser);
  }
  if (lines) {
    SplitLines(body, parser, input);
    return true;
  }

  std::string check = CheckJson(parser, rest);
  bool document = format == InputFormat::Json || check.empty() || !LooksLikeNdjson(rest, parser);
  if (!document) {
    SplitLines(body, parser, input);
    return true;
  }
  return SplitDocument(body, check, parser, input, error);
}

}  // namespace weft::runtime
