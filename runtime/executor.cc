#include "runtime/executor.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <vector>

#include "runtime/context.h"
#include "runtime/record_reader.h"
#include "runtime/record_writer.h"
#include "runtime/target_validator.h"

namespace weft::runtime {
namespace {

// Output is flushed in chunks of about this many bytes.
constexpr size_t kFlushBytes = 1 << 20;

// Appends `json` without insignificant whitespace; returns false when simdjson rejects it.
bool AppendMinified(const std::string& json, std::string& out) {
  size_t start = out.size();
  out.resize(start + json.size());
  size_t length = 0;
  if (simdjson::minify(json.data(), json.size(), out.data() + start, length) != simdjson::SUCCESS) {
    out.resize(start);
    return false;
  }
  out.resize(start + length);
  return true;
}

void AppendReject(const CompiledRule& rule, const InputRecord& record, const std::string& reason,
                  const std::string& field, bool record_is_json, std::string& out) {
  out += fmt::format("{{\"record\":{},", record.number);
  if (record.line > 0) out += fmt::format("\"line\":{},", record.line);
  out += "\"rule\":";
  AppendJsonString(rule.name, out);
  if (!field.empty()) {
    out += ",\"field\":";
    AppendJsonString(field, out);
  }
  out += ",\"reason\":";
  AppendJsonString(reason, out);
  out += ",\"input\":";
  // A valid record is embedded on one line, so that the rejects stay NDJSON even when the input
  // was pretty-printed. A malformed one is kept verbatim as a string.
  if (!record_is_json || !AppendMinified(record.text, out))
    AppendJsonStringFromBytes(record.text, out);
  out += "}\n";
}

// The outcome of a record that cannot be read and is not skipped.
constexpr int32_t kUnreadable = -1;

// Decides a record with unreadable fields. When the rule's `when` reads none of them, it may
// still skip the record: a filter often exists because the records it drops have another shape.
// Returns kWeftSkipped, kWeftRejected (the condition itself rejected) or kUnreadable.
int32_t DecideUnreadable(const CompiledRule& rule, const std::vector<int>& bad_fields,
                         WeftContext& context, const std::vector<WeftSlot>& source,
                         std::vector<WeftSlot>& target) {
  if (rule.condition == nullptr || bad_fields.empty()) return kUnreadable;
  for (int field : bad_fields) {
    if (rule.reads_in_condition[field]) return kUnreadable;
  }
  int32_t outcome = rule.condition(&context, source.data(), target.data());
  return outcome == kWeftMapped ? kUnreadable : outcome;
}

}  // namespace

RunCounts Execute(const CompiledRule& rule, const SplitInput& input, std::ostream& out,
                  std::ostream& rejects) {
  RunCounts counts;
  RecordReader reader(*rule.source, rule.reads_source_field, rule.source_paths);
  RecordWriter writer(*rule.target, rule.assigns_target_field);
  TargetValidator validator(*rule.target);
  WeftContext context;
  std::vector<WeftSlot> source;
  std::vector<WeftSlot> target(rule.target->fields.size());
  std::string out_buffer;
  std::string reject_buffer;
  std::vector<int> bad_fields;

  for (const InputRecord& record : input.records) {
    ++counts.in;
    if (!record.error.empty()) {
      ++counts.rejected;
      AppendReject(rule, record, record.error, "", false, reject_buffer);
      continue;
    }
    std::string problem = reader.Read(record.text, source, bad_fields);
    context.Reset();
    std::fill(target.begin(), target.end(), WeftSlot{});
    int32_t outcome = problem.empty() ? rule.function(&context, source.data(), target.data())
                                      : DecideUnreadable(rule, bad_fields, context, source, target);
    if (outcome == kUnreadable) {
      ++counts.rejected;
      AppendReject(rule, record, problem, "", true, reject_buffer);
      continue;
    }
    int invalid_field = -1;
    std::string invalid;
    if (outcome == kWeftMapped && validator.HasConstraints()) {
      invalid = validator.Validate(target.data(), invalid_field);
    }
    if (!invalid.empty()) {
      ++counts.rejected;
      AppendReject(rule, record, invalid, rule.target->fields[invalid_field].name, true,
                   reject_buffer);
    } else if (outcome == kWeftMapped) {
      ++counts.mapped;
      writer.Write(target.data(), out_buffer);
    } else if (outcome == kWeftSkipped) {
      ++counts.skipped;
    } else {
      ++counts.rejected;
      AppendReject(rule, record, context.reject_reason, context.reject_field, true, reject_buffer);
    }

    if (out_buffer.size() > kFlushBytes) out << out_buffer, out_buffer.clear();
    if (reject_buffer.size() > kFlushBytes) rejects << reject_buffer, reject_buffer.clear();
  }
  out << out_buffer;
  rejects << reject_buffer;
  out.flush();
  rejects.flush();
  return counts;
}

}  // namespace weft::runtime
