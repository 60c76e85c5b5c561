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
Rule::Rule(Rule&& other) noexcept = default;
Rule& Rule::operator=(Rule&& other) noexcept = default;

namespace {

// Returns the empty string that an empty Rule gives for each of its names.
const std::string& NoName() {
  static const std::string empty;
  return empty;
}

}  // namespace

const std::string& Rule::name() const { return state_ ? state_->compiled.name : NoName(); }
const std::string& Rule::source_type() const { return state_ ? state_->source_type : NoName(); }
const std::string& Rule::target_type() const { return state_ ? state_->target_type : NoName(); }

Outcome Rule::Apply(std::string_view record) const {
  Mapper mapper(*this);
  Outcome outcome;
  mapper.Apply(record, outcome);
  return outcome;
}

Metrics Rule::metrics() const {
  Metrics metrics;
  if (!state_) return metrics;
  metrics.counts.in = state_->in.load(std::memory_order_relaxed);
  metrics.counts.mapped = state_->mapped.load(std::memory_order_relaxed);
  metrics.counts.skipped = state_->skipped.load(std::memory_order_relaxed);
  metrics.counts.rejected = state_->rejected.load(std::memory_order_relaxed);
  metrics.nanoseconds = state_->nanoseconds.load(std::memory_order_relaxed);
  return metrics;
}

}  // namespace weft::embed
