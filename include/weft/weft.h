// The embedding API of libweft: compile .map files and apply their rules to JSON records
// in-process. C code gets the C ABI of weft/c_api.h, and C++ code gets it and the classes below.
//
// Lifetimes, in short: a Program, a Rule and a Mapper each keep alive what they need, so they
// may be destroyed in any order. Every string_view that the API passes to a callback is valid
// only during that call. docs/embedding.md has the whole picture.
#pragma once

#include "weft/c_api.h"

#ifdef __cplusplus

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace weft::embed {

namespace internal {
struct ProgramState;
struct RuleState;
struct MapperState;
}  // namespace internal

// The library's version, such as "0.1.0".
WEFT_API std::string_view Version();

enum class Severity { kError, kWarning, kNote };

// A place in a .map file or schema document. The 1-based column counts bytes, as the text form
// of diagnostics does.
struct SourceLocation {
  std::string path;
  uint32_t line = 0;
  uint32_t column = 0;
};

// A remark attached to a diagnostic, such as the declaration it refers to.
struct DiagnosticNote {
  std::optional<SourceLocation> location;
  std::string message;
};

// A mistake in the .map files, with the fields that `weft check --format json` reports.
struct Diagnostic {
  // The stable name of the kind, such as "UnknownField", and its code, such as "E0102".
  std::string kind;
  std::string code;
  Severity severity = Severity::kError;
  SourceLocation location;
  std::string message;
  // A suggested fix, such as "did you mean `Name`?", or empty when there is none.
  std::string hint;
  std::vector<DiagnosticNote> notes;
  // The diagnostic as `weft check` prints it: location, message, kind, source line, caret,
  // hint and notes, each line ending in a line break.
  std::string text;
};

// A .map file in memory: `path` names it in diagnostics, and its imports resolve relative to it.
struct SourceText {
  std::string path;
  std::string text;
};

struct CompileOptions {
  // A directory that keeps compiled object code, which later processes load instead of compiling
  // again. It is created when missing, and an empty name compiles without a cache.
  std::string cache_directory;
};

enum class OutcomeKind { kMapped, kSkipped, kRejected };

// The outcome of one record. An Outcome owns its strings, so it may be kept and reused, and a
// Mapper refills the one it is given without giving up its capacity.
struct Outcome {
  OutcomeKind kind = OutcomeKind::kSkipped;
  // A mapped record as one line of JSON without a line break, or empty for other outcomes.
  std::string json;
  // The reason a record was rejected, or empty for other outcomes.
  std::string reason;
  // The source field path or target field at fault, or empty when no one field is.
  std::string field;
  // The JSON text of the value at fault, or empty when unknown.
  std::string value;
};

// The place of a record in its input. `text` is valid only during the callback it is passed to.
struct RecordPosition {
  // 1-based position among the input's records.
  uint64_t number = 0;
  // 1-based line on which the record starts, or 0 for records from a Reader.
  uint64_t line = 0;
  // Byte offset of the record's first byte in the input, or 0 for records from a Reader.
  uint64_t offset = 0;
  std::string_view text;
};

// Record counts, where `in == mapped + skipped + rejected`.
struct Counts {
  uint64_t in = 0;
  uint64_t mapped = 0;
  uint64_t skipped = 0;
  uint64_t rejected = 0;
};

// A rule's totals over every thread and call since it was compiled.
struct Metrics {
  Counts counts;
  // Wall-clock time spent inside the rule's apply calls, summed over threads.
  uint64_t nanoseconds = 0;
};

// The report of a run over many records. The counts cover the records before a stop.
struct RunResult {
  Counts counts;
  // Why the run stopped early: the input became unreadable, or a callback returned false;
  // empty when every record was mapped.
  std::string error;
  // True when the run stopped because a Sink or Writer returned false.
  bool stopped = false;
};

// Receives each record's outcome in input order, and returns false to stop the run.
using Sink = std::function<bool(const RecordPosition& record, const Outcome& outcome)>;

// The input side of a host's own framing, which yields one JSON record per call.
class WEFT_API Reader {
 public:
  virtual ~Reader();
  // Sets `record` and returns true, or returns false at the end of the input. The viewed bytes
  // must stay valid until the next call. Setting `error` before returning false marks a failure.
  virtual bool Next(std::string_view& record, std::string& error) = 0;
};

// The output side of a host's own framing, which receives every outcome in input order.
class WEFT_API Writer {
 public:
  virtual ~Writer();
  // Returns false to stop the run, such as when the host's output fails.
  virtual bool Write(const RecordPosition& record, const Outcome& outcome) = 0;
};

// A handle to one compiled rule. It is immutable, so one Rule may be used from many threads at
// once. Copies share the compiled code, which lives as long as any copy or Mapper does.
class WEFT_API Rule {
 public:
  // An empty handle, which converts to false. Its names are empty, its metrics zero, and
  // applying it throws std::invalid_argument.
  Rule();
  ~Rule();
  Rule(const Rule& other);
  Rule& operator=(const Rule& other);
  // Leaves `other` empty.
  Rule(Rule&& other) noexcept;
  Rule& operator=(Rule&& other) noexcept;

  explicit operator bool() const { return state_ != nullptr; }
  // The `as` name, or the target record's name when the rule has none.
  const std::string& name() const;
  // The qualified source and target record names, such as "crm.Account".
  const std::string& source_type() const;
  const std::string& target_type() const;

  // Applies the rule to one JSON record with state made for this call alone. A Mapper per
  // thread avoids that cost when many records are mapped.
  Outcome Apply(std::string_view record) const;
  // Returns the totals of every Mapper and call of this rule so far, from any thread.
  Metrics metrics() const;

 private:
  friend class Program;
  friend class Mapper;
  explicit Rule(std::shared_ptr<internal::RuleState> state);
  std::shared_ptr<internal::RuleState> state_;
};

// The per-thread state that applies one rule: a JSON parser, the slots and the string arena.
// One thread at a time may use a Mapper, so each thread needs its own. A moved-from Mapper may
// only be assigned to or destroyed.
class WEFT_API Mapper {
 public:
  // Throws std::invalid_argument for an empty Rule.
  explicit Mapper(const Rule& rule);
  ~Mapper();
  Mapper(Mapper&& other) noexcept;
  Mapper& operator=(Mapper&& other) noexcept;

  // Applies the rule to one JSON record, which need not outlive the call, and fills `outcome`.
  void Apply(std::string_view record, Outcome& outcome);
  // Applies the rule to each line of an NDJSON buffer, passing every outcome to `sink`. A
  // malformed line rejects that record only. An exception thrown by `sink` ends the run and
  // propagates.
  RunResult ApplyNdjson(std::string_view buffer, const Sink& sink);
  // Applies the rule to every record of `reader` and passes each outcome to `writer`, until the
  // reader ends or fails, or the writer returns false.
  RunResult Run(Reader& reader, Writer& writer);

 private:
  std::unique_ptr<internal::MapperState> state_;
};

// A compiled set of .map files with their diagnostics. Copies share one compilation.
class WEFT_API Program {
 public:
  // Reads, checks and compiles `paths` as one program. Mistakes in the files become
  // diagnostics, never exceptions, and only memory exhaustion throws.
  static Program CompileFiles(const std::vector<std::string>& paths,
                              const CompileOptions& options = {});
  // Like CompileFiles, for files already in memory.
  static Program CompileSources(const std::vector<SourceText>& sources,
                                const CompileOptions& options = {});

  ~Program();
  Program(const Program& other);
  Program& operator=(const Program& other);

  // True when there are no errors and every rule compiled. Warnings alone leave it true.
  bool ok() const;
  // Every diagnostic, warnings included, sorted by file path and position.
  const std::vector<Diagnostic>& diagnostics() const;
  // Every diagnostic as `weft check` prints them, then a count line such as "2 errors, 0
  // warnings", or empty when there are none.
  std::string RenderDiagnostics() const;
  // A failure of the library rather than of the .map files, such as an LLVM error, or empty
  // when there was none.
  const std::string& error() const;
  // Returns why compiled rules could not be written to CompileOptions::cache_directory, such as a
  // full disk or a missing permission, or empty when they could. The rules compiled all the same,
  // but later processes compile them again.
  const std::string& cache_warning() const;

  // The names of the compiled rules. The list is empty when the program has errors.
  std::vector<std::string> rule_names() const;
  // The rule with this name, or an empty Rule when there is none.
  Rule rule(std::string_view name) const;
  // The rules that map records of `source_type`, such as "crm.Account".
  std::vector<Rule> rules_for(std::string_view source_type) const;

 private:
  explicit Program(std::shared_ptr<const internal::ProgramState> state);
  std::shared_ptr<const internal::ProgramState> state_;
};

}  // namespace weft::embed

#endif  // __cplusplus
