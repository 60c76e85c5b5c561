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
  // 1-based line on which the record starts.
  size_t line = 0;
  // The record's JSON text, or the raw line when it is malformed.
  std::string text;
  // The reason the text is not a record, such as invalid JSON; empty for a well-formed record.
  std::string error;
};

enum class InputFormat {
  // A text holding one JSON value is a document; a text holding several is NDJSON.
  Auto,
  Ndjson,
  Json,
};

enum class InputShape { Ndjson, JsonArray, RecordsObject, SingleObject };

struct SplitInput {
  InputShape shape = InputShape::Ndjson;
  std::vector<InputRecord> records;
};

// Splits `text`. A malformed line of NDJSON, or a malformed element of a JSON array, becomes a
// record with an error. A JSON document whose structure is broken cannot be split, so it
// yields false and a message with the line of the fault instead.
// TODO: the whole input is held in memory; stream large files in bounded chunks.
bool Split(std::string_view text, InputFormat format, SplitInput& input, std::string& error);

}  // namespace weft::runtime
