#include "runtime/batch_mapper.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <iterator>
#include <ostream>

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

// Appends the start of a reject: its record's number and line.
void AppendRejectNumber(size_t number, size_t line, std::string& out) {
  fmt::format_to(std::back_inserter(out), "{{\"record\":{},\"line\":{},", number, line);
}

}  // namespace

void WriteRejects(const BatchOutput& output, const SplitPoint& before, std::ostream& rejects) {
  if (output.part_rejects.empty()) {
    rejects.write(output.rejects.data(), static_cast<std::streamsize>(output.rejects.size()));
    return;
  }
  std::string text;
  for (size_t i = 0; i < output.part_rejects.size(); ++i) {
    const PartReject& reject = output.part_rejects[i];
    size_t end =
        i + 1 < output.part_rejects.size() ? output.part_rejects[i + 1].at : output.rejects.size();
    AppendRejectNumber(before.records + reject.number, before.line + reject.line, text);
    text.append(output.rejects, reject.at, end - reject.at);
  }
  rejects.write(text.data(), static_cast<std::streamsize>(text.size()));
}

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
    mapper->csv_reader_ = CsvRecordReader::Create(
        *rule.source, source.csv_header(), options.csv_delimiter, rule.reads_source_field, error);
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

std::unique_ptr<BatchMapper> BatchMapper::CreateForJson(const CompiledRule& rule) {
  return std::unique_ptr<BatchMapper>(new BatchMapper(rule));
}

void BatchMapper::Map(const Batch& batch, BatchOutput& output) {
  RecordReject reject;
  for (const InputRecord& record : batch.records) {
    ++output.counts.in;
    switch (MapRecord(record, output.out, reject)) {
      case kWeftMapped:
        ++output.counts.mapped;
        break;
      case kWeftSkipped:
        ++output.counts.skipped;
        break;
      default:
        if (batch.part)
          output.part_rejects.push_back({output.rejects.size(), record.number, record.line});
        AppendReject(record, reject, !batch.part, output.rejects);
        ++output.counts.rejected;
        break;
    }
  }
}

int32_t BatchMapper::MapRecord(const InputRecord& record, std::string& out, RecordReject& reject) {
  if (!record.error.empty()) {
    reject = {record.error, {}, {}, false};
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
    late_reason_ = std::move(problem);
    if (!json) {
      reject = {late_reason_, csv_reader_->problem_field(), csv_reader_->problem_value(), false};
    } else {
      reject = {late_reason_, reader_.problem_field(), reader_.problem_value(),
                !reader_.malformed()};
    }
    return kWeftRejected;
  }
  if (outcome == kWeftRejected) {
    reject = {context_.reject_reason, context_.reject_field, {}, json};
    return kWeftRejected;
  }
  if (outcome != kWeftMapped) return outcome;
  return WriteMapped(out, reject);
}

int32_t BatchMapper::WriteMapped(std::string& out, RecordReject& reject) {
  bool json = csv_reader_ == nullptr;
  if (validator_.HasConstraints()) {
    int field = -1;
    late_reason_ = validator_.Validate(target_.data(), field);
    if (!late_reason_.empty()) {
      late_value_.clear();
      writer_.AppendValue(field, target_[field], late_value_);
      reject = {late_reason_, rule_.target->fields[field].name, late_value_, json};
      return kWeftRejected;
    }
  }
  if (csv_writer_ != nullptr) {
    int field = -1;
    late_reason_ = csv_writer_->Write(target_.data(), out, field);
    if (!late_reason_.empty()) {
      std::string_view name;
      if (field >= 0) name = rule_.target->fields[field].name;
      reject = {late_reason_, name, {}, json};
      return kWeftRejected;
    }
    return kWeftMapped;
  }
  writer_.Write(target_.data(), out);
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

void BatchMapper::AppendReject(const InputRecord& record, const RecordReject& reject, bool numbered,
                               std::string& out) {
  auto to = std::back_inserter(out);
  if (numbered) AppendRejectNumber(record.number, record.line, out);
  fmt::format_to(to, "\"offset\":{},\"rule\":", record.offset);
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
  // A reason quotes input, so a cut in the wrong place must not make the line invalid JSON.
  AppendJsonStringFromBytes(reject.reason, out);
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
