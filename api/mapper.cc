// Mapper: applies one rule to single records, NDJSON buffers and a host's reader, timing each
// record for the rule's metrics.
#include <simdjson.h>

#include <chrono>
#include <cstring>
#include <stdexcept>

#include "api/state.h"
#include "runtime/batch_mapper.h"

namespace weft::embed {
namespace internal {

struct MapperState {
  std::shared_ptr<RuleState> rule;
  std::unique_ptr<runtime::BatchMapper> mapper;
  // A copy of the current record followed by the padding that the JSON parser reads past it.
  runtime::ByteBuffer padded;
  // The mapped record as the runtime writes it, with its line break.
  std::string out;
  runtime::RecordReject reject;
  // The counts and time of the current call, added to the rule's metrics when it ends.
  Counts counts;
  uint64_t nanoseconds = 0;
};

namespace {

using Clock = std::chrono::steady_clock;

// Maps one record whose text is followed by padding, fills `outcome` and counts it.
void MapRecord(MapperState& state, const runtime::InputRecord& record, Outcome& outcome) {
  Clock::time_point start = Clock::now();
  state.out.clear();
  int32_t result = state.mapper->MapRecord(record, state.out, state.reject);
  outcome.json.clear();
  outcome.reason.clear();
  outcome.field.clear();
  outcome.value.clear();
  ++state.counts.in;
  if (result == kWeftMapped) {
    outcome.kind = OutcomeKind::kMapped;
    std::string_view line = state.out;
    if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
    outcome.json.assign(line);
    ++state.counts.mapped;
  } else if (result == kWeftSkipped) {
    outcome.kind = OutcomeKind::kSkipped;
    ++state.counts.skipped;
  } else {
    outcome.kind = OutcomeKind::kRejected;
    outcome.reason.assign(state.reject.reason);
    outcome.field.assign(state.reject.field);
    outcome.value.assign(state.reject.value);
    ++state.counts.rejected;
  }
  state.nanoseconds +=
      std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count();
}

// Copies a record into the padded buffer, then maps it. The padding is zeroed, because the JSON
// parser reads the byte after a record that ends too early: an earlier record's `}` left there
// would give another reason than `weft run` gives, and a new buffer's byte is uninitialized.
void MapCopy(MapperState& state, runtime::InputRecord& record, Outcome& outcome) {
  state.padded.Reserve(record.text.size());
  if (!record.text.empty())
    std::memcpy(state.padded.data(), record.text.data(), record.text.size());
  std::memset(state.padded.data() + record.text.size(), 0, simdjson::SIMDJSON_PADDING);
  state.padded.Resize(record.text.size());
  record.text = std::string_view(state.padded.data(), record.text.size());
  MapRecord(state, record, outcome);
}

// Adds a call's counts and time to the rule's metrics when the call ends, also when a callback
// of the host throws.
class CallMetrics {
 public:
  explicit CallMetrics(MapperState& state) : state_(state) {}
  ~CallMetrics() {
    state_.rule->AddMetrics(state_.counts, state_.nanoseconds);
    state_.counts = {};
    state_.nanoseconds = 0;
  }

 private:
  MapperState& state_;
};

RecordPosition PositionOf(const runtime::InputRecord& record, std::string_view text) {
  return {record.number, record.line, record.offset, text};
}

}  // namespace
}  // namespace internal

Mapper::Mapper(const Rule& rule) {
  if (!rule) throw std::invalid_argument("weft::embed::Mapper needs a rule, not an empty Rule");
  state_ = std::make_unique<internal::MapperState>();
  state_->rule = rule.state_;
  state_->mapper = runtime::BatchMapper::CreateForJson(rule.state_->compiled);
}

Mapper::~Mapper() = default;
Mapper::Mapper(Mapper&& other) noexcept = default;
Mapper& Mapper::operator=(Mapper&& other) noexcept = default;

void Mapper::Apply(std::string_view record, Outcome& outcome) {
  runtime::InputRecord input;
  input.number = 1;
  input.line = 1;
  input.text = record;
  internal::CallMetrics metrics(*state_);
  internal::MapCopy(*state_, input, outcome);
}

RunResult Mapper::ApplyNdjson(std::string_view buffer, const Sink& sink) {
  runtime::SourceOptions options;
  options.format = runtime::InputFormat::Ndjson;
  runtime::RecordSource source(runtime::TextViewInput(buffer), options);
  runtime::Batch batch;
  Outcome outcome;
  RunResult result;
  internal::CallMetrics metrics(*state_);
  bool stopped = false;
  while (!stopped && source.Next(batch)) {
    for (const runtime::InputRecord& record : batch.records) {
      internal::MapRecord(*state_, record, outcome);
      if (sink(internal::PositionOf(record, record.text), outcome)) continue;
      result.error = "the sink stopped the run after record " + std::to_string(record.number);
      result.stopped = stopped = true;
      break;
    }
  }
  if (result.error.empty()) result.error = source.error();
  result.counts = state_->counts;
  return result;
}

RunResult Mapper::Run(Reader& reader, Writer& writer) {
  RunResult result;
  internal::CallMetrics metrics(*state_);
  Outcome outcome;
  std::string_view text;
  // A host's framing has no lines or offsets that Weft could know, so both stay 0.
  runtime::InputRecord record;
  while (reader.Next(text, result.error)) {
    record.number += 1;
    record.text = text;
    internal::MapCopy(*state_, record, outcome);
    if (!writer.Write(internal::PositionOf(record, text), outcome)) {
      result.error = "the writer stopped the run after record " + std::to_string(record.number);
      result.stopped = true;
      break;
    }
  }
  result.counts = state_->counts;
  return result;
}

}  // namespace weft::embed
