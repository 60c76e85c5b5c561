#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "compiler/schema/types.h"
#include "runtime/abi.h"
#include "runtime/context.h"
#include "runtime/input.h"
#include "runtime/value_table.h"

namespace re2 {
class RE2;
}

namespace weft::runtime {

class ThreadPool;

// A rule compiled to native code, with the records it reads and writes.
struct CompiledRule {
  std::string name;
  const schema::RecordType* source = nullptr;
  const schema::RecordType* target = nullptr;
  WeftRuleFunction function = nullptr;
  // For each source field, whether the rule reads it; empty means every field.
  std::vector<bool> reads_source_field;
  // The value tables that the compiled functions look up; they live as long as the rule.
  std::vector<std::shared_ptr<const ValueTable>> tables;
  // The regexes that the compiled functions match with, which live as long as the rule.
  std::vector<std::shared_ptr<const re2::RE2>> regexes;
  // The nested source fields the rule reads, as in ir::Rule::source_paths.
  std::vector<std::vector<int>> source_paths;
  // For each target field, whether the rule assigns it; others get the schema's default.
  std::vector<bool> assigns_target_field;
  // The rule's `when` alone, compiled as a rule with no statements, or null when it has none.
  // A record whose unreadable fields the condition does not read is skipped when it is false.
  WeftRuleFunction condition = nullptr;
  // For each source field, whether the `when` condition reads it.
  std::vector<bool> reads_in_condition;
};

// The outcome counts of a run; `in == mapped + skipped + rejected` always holds.
struct RunCounts {
  size_t in = 0;
  size_t mapped = 0;
  size_t skipped = 0;
  size_t rejected = 0;

  RunCounts& operator+=(const RunCounts& other) {
    in += other.in;
    mapped += other.mapped;
    skipped += other.skipped;
    rejected += other.rejected;
    return *this;
  }
};

// The report of Execute: the counts, and the reason the run stopped early when it did. The
// counts then cover the records before that point.
struct RunResult : RunCounts {
  std::string error;
};

enum class OutputFormat { Ndjson, Csv };

struct ExecuteOptions {
  // Batches are mapped on this many threads at once; 1 maps them on the calling thread.
  int threads = 1;
  OutputFormat output_format = OutputFormat::Ndjson;
  // The cell delimiter of CSV input and output.
  char csv_delimiter = ',';
  // CSV output ends rows with CRLF, as RFC 4180 does, unless this is set.
  bool csv_lf = false;
  // A rule that would build a longer string rejects the record.
  size_t max_string_bytes = kDefaultMaxStringBytes;
  // Called on the calling thread after each batch is written, with the counts so far and the
  // input bytes read.
  std::function<void(const RunCounts&, uint64_t bytes)> progress;
  // Threads to map on besides the calling thread, which a caller may start before it compiles the
  // rule, as ThreadPool explains. Execute maps on at most `threads - 1` of them, and starts its
  // own when this is null. A pool serves one Execute at a time.
  ThreadPool* thread_pool = nullptr;
};

// Applies `rule` to every record of `source`. Mapped records go to `out` as NDJSON, in input
// order whatever the number of threads. A record may be rejected because it is malformed,
// unreadable for the source schema, or rejected by the rule. It then goes to `rejects` as one
// NDJSON line: its number, line and byte offset, the rule, the field and value at fault, the
// reason and the record itself.
// When the input stops being readable, or a CSV header does not fit the rule, the result's error
// gives the reason.
RunResult Execute(const CompiledRule& rule, RecordSource& source, std::ostream& out,
                  std::ostream& rejects, const ExecuteOptions& options = {});

}  // namespace weft::runtime
