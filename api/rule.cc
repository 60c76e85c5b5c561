#include "api/state.h"

namespace weft::embed {

std::string_view Version() { return WEFT_VERSION; }

Reader::~Reader() = default;
Writer::~Writer() = default;

Rule::Rule() = default;
Rule::Rule(std::shared_ptr<internal::RuleState> state) : state_(std::move(state)) {}
Rule::~Rule() = default;
Rule::Rule(const Rule& other) = default;
Rule& Rule::operator=(const Rule& other) = default;

const std::string& Rule::name() const { return state_->compiled.name; }
const std::string& Rule::source_type() const { return state_->source_type; }
const std::string& Rule::target_type() const { return state_->target_type; }

Outcome Rule::Apply(std::string_view record) const {
  Mapper mapper(*this);
  Outcome outcome;
  mapper.Apply(record, outcome);
  return outcome;
}

Metrics Rule::metrics() const {
  Metrics metrics;
  metrics.counts.in = state_->in.load(std::memory_order_relaxed);
  metrics.counts.mapped = state_->mapped.load(std::memory_order_relaxed);
  metrics.counts.skipped = state_->skipped.load(std::memory_order_relaxed);
  metrics.counts.rejected = state_->rejected.load(std::memory_order_relaxed);
  metrics.nanoseconds = state_->nanoseconds.load(std::memory_order_relaxed);
  return metrics;
}

}  // namespace weft::embed
