#pragma once

#include <string>
#include <string_view>
#include <vector>

// Splits an input file into records. Three shapes are accepted: NDJSON (one JSON value per
// line), a JSON array of records, and a JSON object holding its records in a `records` array,
// as Salesforce sObject Tree files and REST query results do.
namespace weft::runtime {

struct InputRecord {
  // 1-based position among the input's records.
  size_t number = 0;
  // 1-based line of an NDJSON record; 0 in a JSON document, where records span lines.
  size_t line = 0;
  // The record's JSON text, or the raw line when it is malformed.
  std::string text;
  // Why the line is not a record, such as invalid JSON; empty for a well-formed record.
  std::string error;
};

enum class InputShape { Ndjson, JsonArray, RecordsObject };

struct SplitInput {
  InputShape shape = InputShape::Ndjson;
  std::vector<InputRecord> records;
};

// Splits `text`. A JSON document that is malformed as a whole cannot be split into records, so
// it yields an error message instead, for the caller to report and stop.
// TODO: the whole input is held in memory; stream large files in bounded chunks.
bool Split(std::string_view text, SplitInput& input, std::string& error);

}  // namespace weft::runtime
