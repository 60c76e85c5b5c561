#include "runtime/batch_mapper.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <iterator>

namespace weft::runtime {
namespace {

// The outcome of a record that cannot be read and is not skipped.
constexpr int32_t kUnreadable = -1;
// A reject's `input` shows at most this much of a record, so that one huge record cannot make
// the rejects file as large again.
constexpr size_t kMaxRejectInput = 1 << 20;

// Appends `json` without insignificant whitespace; returns false when simdjson rejects it.
bool AppendMinified(std::string_view json, std::string& out) {
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

const std::string kNone;

}  // namespace

BatchMapper::BatchMapper(const CompiledRule& rule)
    : rule_(rule),
      reader_(*rule.source, rule.reads_source_field, rule.source_paths),
      writer_(*rule.target, rule.assigns_target_field),
      validator_(*rule.target),
      target_(rule.target->fields.size()) {}

std::unique_ptr<BatchMapper> BatchMapper::Create(const CompiledRule& rule,
                                                 const RecordSource& source,
                                                 const ExecuteOptions& options,
                                                 std::string& error) {
  std::unique_ptr<BatchMapper> mapper(new BatchMapper(rule));
  mapper->reader_.set_max_depth(source.options().max_input_depth);
  mapper->context_.max_string_bytes = options.max_string_bytes;
  if (source.shape() == InputShape::Csv) {
    mapper->csv_reader_ = CsvRecordReader::Create(*rule.source, source.csv_header(),
                                                  options.csv_delimiter, rule.reads_source_field,
                                                  error);
    if (mapper->csv_reader_ == nullptr) {
      error = "the CSV header does not fit the rule: " + error;
      return nullptr;
    }
  }
  if (options.output_format == OutputFormat::Csv) {
    mapper->csv_writer_ = CsvRecordWriter::Create(
        *rule.target, options.csv_delimiter, options.csv_lf ? CsvLineEnd::Lf : CsvLineEnd::Crlf,
        rule.assigns_target_field, error);
    if (mapper->csv_writer_ == nullptr) {
      error = "the target cannot be written as CSV: " + error;
      return nullptr;
    }
  }
  return mapper;
}

std::string BatchMapper::Read(std::string_view text) {
  if (csv_reader_ != nullptr) return csv_reader_->Read(text, source_, bad_fields_);
  return reader_.Read(text, source_, bad_fields_);
}

void BatchMapper::Map(const Batch& batch, BatchOutput& output) {
  for (const InputRecord& record : batch.records) {
    ++output.counts.in;
    switch (MapRecord(record, output)) {
      case kWeftMapped:
        ++output.counts.mapped;
        break;
      case kWeftSkipped:
        ++output.counts.skipped;
        break;
      default:
        ++output.counts.rejected;
        break;
    }
  }
}

int32_t BatchMapper::MapRecord(const InputRecord& record, BatchOutput& output) {
  if (!record.error.empty()) {
    AppendReject(record, {record.error, kNone, kNone, false}, output.rejects);
    return kWeftRejected;
  }
  std::string problem = Read(record.text);
  context_.Reset();
  std::fill(target_.begin(), target_.end(), WeftSlot{});
  int32_t outcome = problem.empty() ? rule_.function(&context_, source_.data(), target_.data())
                                    : DecideUnreadable();

  // A CSV record is embedded in a reject as its text, and its reasons name the column.
  bool json = csv_reader_ == nullptr;
  if (outcome == kUnreadable) {
    if (!json) {
      AppendReject(record,
                   {problem, csv_reader_->problem_field(), csv_reader_->problem_value(), false},
                   output.rejects);
    } else {
      AppendReject(record,
                   {problem, reader_.problem_field(), reader_.problem_value(), !reader_.malformed()},
                   output.rejects);
    }
    return kWeftRejected;
  }
  if (outcome == kWeftRejected) {
    AppendReject(record, {context_.reject_reason, context_.reject_field, kNone, json},
                 output.rejects);
    return kWeftRejected;
  }
  if (outcome != kWeftMapped) return outcome;
  return WriteMapped(record, output);
}

int32_t BatchMapper::WriteMapped(const InputRecord& record, BatchOutput& output) {
  bool json = csv_reader_ == nullptr;
  if (validator_.HasConstraints()) {
    int field = -1;
    std::string invalid = validator_.Validate(target_.data(), field);
    if (!invalid.empty()) {
      std::string value;
      writer_.AppendValue(field, target_[field], value);
      AppendReject(record, {invalid, rule_.target->fields[field].name, value, json},
                   output.rejects);
      return kWeftRejected;
    }
  }
  if (csv_writer_ != nullptr) {
    std::string unwritable = csv_writer_->Write(target_.data(), output.out);
    if (!unwritable.empty()) {
      AppendReject(record, {unwritable, kNone, kNone, json}, output.rejects);
      return kWeftRejected;
    }
    return kWeftMapped;
  }
  writer_.Write(target_.data(), output.out);
  return kWeftMapped;
}

// When the rule's `when` reads none of the unreadable fields, it may still skip the record: a
// filter often exists because the records it drops have another shape. Returns kWeftSkipped,
// kWeftRejected (the condition itself rejected) or kUnreadable.
int32_t BatchMapper::DecideUnreadable() {
  if (rule_.condition == nullptr || bad_fields_.empty()) return kUnreadable;
  for (int field : bad_fields_) {
    if (rule_.reads_in_condition[field]) return kUnreadable;
  }
  int32_t outcome = rule_.condition(&context_, source_.data(), target_.data());
  return outcome == kWeftMapped ? kUnreadable : outcome;
}

void BatchMapper::AppendReject(const InputRecord& record, const Reject& reject, std::string& out) {
  auto to = std::back_inserter(out);
  fmt::format_to(to, "{{\"record\":{},\"line\":{},\"offset\":{},\"rule\":", record.number,
                 record.line, record.offset);
  AppendJsonString(rule_.name, out);
  if (!reject.field.empty()) {
    out += ",\"field\":";
    AppendJsonString(reject.field, out);
  }
  if (!reject.value.empty()) {
    out += ",\"value\":";
    AppendJsonString(reject.value, out);
  }
  out += ",\"reason\":";
  AppendJsonString(reject.reason, out);
  out += ",\"input\":";
  // A valid record is embedded on one line, so that the rejects stay NDJSON even when the input
  // was pretty-printed. A malformed or cut one is kept verbatim as a string.
  std::string_view text = record.text;
  bool whole = text.size() <= kMaxRejectInput;
  if (!whole) text = text.substr(0, kMaxRejectInput);
  if (!whole || !reject.record_is_json || !AppendMinified(text, out))
    AppendJsonStringFromBytes(text, out);
  out += "}\n";
}

}  // namespace weft::runtime
