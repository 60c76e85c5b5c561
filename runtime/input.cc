#include "runtime/input.h"

#include <fmt/format.h>
#include <simdjson.h>

namespace weft::runtime {
namespace {

size_t FirstNonSpace(std::string_view text) {
  size_t i = 0;
  // A UTF-8 byte order mark is allowed before the first value.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) ++i;
  return i;
}

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

void SplitLines(std::string_view text, SplitInput& input) {
  simdjson::dom::parser parser;
  size_t line_number = 0;
  size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    ++line_number;
    start = end + 1;
    if (IsBlank(line)) continue;
    if (line.back() == '\r') line.remove_suffix(1);

    InputRecord record;
    record.number = input.records.size() + 1;
    record.line = line_number;
    record.text = std::string(line);
    simdjson::dom::element element;
    if (auto error = parser.parse(line).get(element)) {
      record.error = fmt::format("invalid JSON: {}", simdjson::error_message(error));
    }
    input.records.push_back(std::move(record));
  }
}

void AddElements(simdjson::dom::array array, SplitInput& input) {
  for (simdjson::dom::element element : array) {
    InputRecord record;
    record.number = input.records.size() + 1;
    record.text = simdjson::minify(element);
    input.records.push_back(std::move(record));
  }
}

}  // namespace

bool Split(std::string_view text, SplitInput& input, std::string& error) {
  size_t first = FirstNonSpace(text);
  if (first == text.size()) return true;
  char opening = text[first];

  if (opening == '{' || opening == '[') {
    simdjson::dom::parser parser;
    simdjson::dom::element document;
    simdjson::padded_string padded(text.substr(first));
    auto parse_error = parser.parse(padded).get(document);
    if (!parse_error) {
      simdjson::dom::array records;
      if (document.is_array()) {
        input.shape = InputShape::JsonArray;
        AddElements(document.get_array().value_unsafe(), input);
        return true;
      }
      if (document["records"].get_array().get(records) == simdjson::SUCCESS) {
        input.shape = InputShape::RecordsObject;
        AddElements(records, input);
        return true;
      }
      // A lone object, possibly spread over several lines, is one record.
      input.shape = InputShape::Ndjson;
      input.records.push_back({1, 1, simdjson::minify(document), ""});
      return true;
    } else if (opening == '[') {
      error = fmt::format("the input starts with '[' but is not a valid JSON array: {}",
                          simdjson::error_message(parse_error));
      return false;
    }
  }
  input.shape = InputShape::Ndjson;
  SplitLines(text, input);
  return true;
}

}  // namespace weft::runtime
