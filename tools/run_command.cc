#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "compiler/frontend.h"
#include "compiler/ir/ir.h"
#include "compiler/ir/support.h"
#include "compiler/native/cache_files.h"
#include "compiler/native/rule_compiler.h"
#include "runtime/csv_syntax.h"
#include "runtime/executor.h"
#include "runtime/thread_pool.h"
#include "tools/commands.h"
#include "tools/output_paths.h"
#include "tools/report.h"
#include "tools/rule_dumps.h"

namespace weft::tools {
namespace {

// Opens the input file for reading. Returns -1 and sets `error` to a message for the user when it
// cannot.
int OpenInputFile(const std::string& path, std::string& error) {
  std::error_code status_error;
  if (std::filesystem::is_directory(path, status_error)) {
    error = fmt::format("weft run: cannot read input `{}`: it is a directory\n", path);
    return -1;
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = fmt::format("weft run: cannot read input `{}`: {}\n", path, std::strerror(errno));
  }
  return fd;
}

// Opens an output file without emptying it yet, or returns `standard` for "-". Both outputs are
// opened before either is emptied, so that a run that cannot write one leaves the other intact.
std::ostream* OpenOutput(const std::string& path, std::ostream& standard, std::ofstream& file) {
  if (path == "-") return &standard;
  file.open(path, std::ios::binary | std::ios::app);
  if (!file) {
    std::cerr << fmt::format("weft run: cannot write `{}`: {}\n", path, std::strerror(errno));
    return nullptr;
  }
  return &file;
}

// Empties an output file opened by OpenOutput; its stream appends, so it then writes from the
// start. Devices such as /dev/null are left alone. So is a file that is already empty, such as one
// the open created, because ext4 starts writing a truncated file back when it is closed (its
// `auto_da_alloc` option), which took 2 ms of a 0.13 s run.
bool EmptyOutput(const std::string& path) {
  if (path == "-") return true;
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return true;
  if (std::filesystem::file_size(path, error) == 0 && !error) return true;
  std::filesystem::resize_file(path, 0, error);
  if (!error) return true;
  std::cerr << fmt::format("weft run: cannot empty `{}`: {}\n", path, error.message());
  return false;
}

// Rejects command lines whose files would overwrite each other.
bool CheckDistinctFiles(const RunOptions& options) {
  const char* clash = SameFile(options.out, options.rejects)  ? "--out and --rejects"
                      : SameFile(options.in, options.out)     ? "--in and --out"
                      : SameFile(options.in, options.rejects) ? "--in and --rejects"
                                                              : nullptr;
  if (clash == nullptr) {
    return !OverwritesMapFile(options.files, options.out, "--out", "weft run") &&
           !OverwritesMapFile(options.files, options.rejects, "--rejects", "weft run");
  }
  std::cerr << fmt::format("weft run: {} name the same file; give each its own path\n", clash);
  return false;
}

// Writes one progress line to stderr when --verbose is set.
class Log {
 public:
  explicit Log(bool verbose) : verbose_(verbose), start_(std::chrono::steady_clock::now()) {}

  void Step(const std::string& message) {
    if (!verbose_) return;
    auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start_);
    std::cerr << fmt::format("weft run: [{} ms] {}\n", elapsed.count(), message);
  }

 private:
  bool verbose_;
  std::chrono::steady_clock::time_point start_;
};

// Compiles `rule` with a compiler that the caller keeps alive while the functions run.
bool CompileRule(const Frontend& frontend, const check::CheckedRule& rule,
                 native::RuleCompiler& compiler, runtime::CompiledRule& compiled) {
  try {
    std::string error;
    if (compiler.CompileForRun(frontend.program, rule, compiled, error)) return true;
    std::cerr << "weft run: cannot compile rule `" << rule.name << "`: " << error << '\n';
    return false;
  } catch (const std::logic_error& error) {
    // A broken invariant in the compiler; the rule cannot run, but the command ends cleanly.
    std::cerr << "weft run: internal compiler error in rule `" << rule.name << "`: " << error.what()
              << "\nPlease report this with the .map file.\n";
    return false;
  }
}

bool EndsWith(const std::string& path, std::string_view suffix) {
  if (path.size() < suffix.size()) return false;
  std::string tail = path.substr(path.size() - suffix.size());
  std::transform(tail.begin(), tail.end(), tail.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return tail == suffix;
}

// Returns the delimiter of --csv-delimiter, or 0 with the reason in `problem` when it is not one.
char ParseCsvDelimiter(const RunOptions& options, std::string& problem) {
  std::string text = options.csv_delimiter == "\\t" ? "\t" : options.csv_delimiter;
  problem =
      text.size() == 1 ? runtime::CheckCsvDelimiter(text[0]) : "it must be one ASCII character";
  return problem.empty() ? text[0] : 0;
}

// Returns the delimiter of --csv-delimiter, or 0 after an error message.
char CsvDelimiter(const RunOptions& options) {
  std::string problem;
  char delimiter = ParseCsvDelimiter(options, problem);
  if (delimiter == 0) {
    std::cerr << fmt::format("weft run: invalid --csv-delimiter `{}`: {}\n", options.csv_delimiter,
                             problem);
  }
  return delimiter;
}

runtime::SourceOptions SourceOptionsFor(const RunOptions& options, char delimiter) {
  runtime::SourceOptions source;
  bool csv = options.input_format == "csv" ||
             (options.input_format == "auto" && EndsWith(options.in, ".csv"));
  source.format = csv                                ? runtime::InputFormat::Csv
                  : options.input_format == "ndjson" ? runtime::InputFormat::Ndjson
                  : options.input_format == "json"   ? runtime::InputFormat::Json
                                                     : runtime::InputFormat::Auto;
  source.max_record_bytes = options.max_record_bytes;
  source.max_input_depth = options.max_input_depth;
  source.csv_delimiter = delimiter;
  return source;
}

// The input of a run. A regular file is opened before the .map files are parsed, and a mapping
// thread reads its first batch meanwhile. Read by the calling thread after the parse, that batch
// took 1 to 2 ms of a 0.13 s run with two threads. The file's size, up to which it is read, is
// taken at the open on any number of threads. Anything else, such as a pipe, a FIFO or a terminal,
// is opened and read only once the rule is ready, because either may wait for a writer, and a run
// whose files have errors must not wait. An input that cannot be opened is reported where a run
// reads it, after the diagnostics of the files.
class RunInput {
 public:
  RunInput(const RunOptions& options, runtime::ThreadPool& threads) : threads_(threads) {
    std::error_code status_error;
    if (options.in == "-" || !std::filesystem::is_regular_file(options.in, status_error)) return;
    fd_ = OpenInputFile(options.in, open_error_);
    std::string problem;
    char delimiter = ParseCsvDelimiter(options, problem);
    if (fd_ < 0 || delimiter == 0) return;
    MakeSource(options, delimiter);
    if (threads.size() == 0) return;
    threads.Start([source = source_.get()] { source->ReadFirstBatch(); });
    reading_ = true;
  }

  ~RunInput() {
    if (reading_) threads_.Wait();
    if (fd_ >= 0 && fd_ != STDIN_FILENO) ::close(fd_);
  }

  RunInput(const RunInput&) = delete;
  RunInput& operator=(const RunInput&) = delete;

  // Returns the records of the input, or null after telling the user why it cannot be read.
  runtime::RecordSource* Source(const RunOptions& options, char delimiter) {
    if (source_ == nullptr) {
      if (fd_ < 0 && open_error_.empty()) {
        fd_ = options.in == "-" ? STDIN_FILENO : OpenInputFile(options.in, open_error_);
      }
      if (fd_ < 0) {
        std::cerr << open_error_;
        return nullptr;
      }
      MakeSource(options, delimiter);
    }
    if (reading_) threads_.Wait();
    reading_ = false;
    return source_.get();
  }

 private:
  void MakeSource(const RunOptions& options, char delimiter) {
    source_ = std::make_unique<runtime::RecordSource>(runtime::FileInput(fd_),
                                                      SourceOptionsFor(options, delimiter));
  }

  runtime::ThreadPool& threads_;
  int fd_ = -1;
  std::string open_error_;
  std::unique_ptr<runtime::RecordSource> source_;
  // Whether a thread of `threads_` may still be reading the first batch.
  bool reading_ = false;
};

runtime::OutputFormat OutputFormatFor(const RunOptions& options) {
  bool csv = options.output_format == "csv" ||
             (options.output_format == "auto" && EndsWith(options.out, ".csv"));
  return csv ? runtime::OutputFormat::Csv : runtime::OutputFormat::Ndjson;
}

int ThreadCount(const RunOptions& options) {
  if (options.threads > 0) return options.threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

// Redraws one status line on stderr, at most a few times a second, when stderr is a terminal
// that nothing else writes to.
class ProgressLine {
 public:
  explicit ProgressLine(bool visible) : visible_(visible), start_(Clock::now()), last_(start_) {}

  void Update(const runtime::RunCounts& counts, uint64_t bytes) {
    if (!visible_) return;
    Clock::time_point now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    double seconds = std::chrono::duration<double>(now - start_).count();
    std::cerr << fmt::format("\r{} records, {:.1f} MB read, {:.0f} records/s ", counts.in,
                             static_cast<double>(bytes) / 1e6, counts.in / seconds)
              << std::flush;
    drawn_ = true;
  }

  void Clear() {
    if (drawn_) std::cerr << "\r\033[K" << std::flush;
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool visible_;
  bool drawn_ = false;
  Clock::time_point start_;
  Clock::time_point last_;
};

// Prints the summary line of a run and returns its exit code: 1 when the input stopped being
// readable or an output could not be written.
int ReportOutcome(const RunOptions& options, const std::string& rule,
                  const runtime::RunResult& counts, double seconds, const std::ostream& out,
                  const std::ostream& rejects) {
  std::cerr << fmt::format(
      "rule {}: in {} / mapped {} / skipped {} / rejected {} ({:.0f} records/s)\n", rule, counts.in,
      counts.mapped, counts.skipped, counts.rejected, seconds > 0 ? counts.in / seconds : 0.0);
  if (!counts.error.empty()) {
    std::cerr << fmt::format("weft run: {}: {}{}\n",
                             options.in == "-" ? "standard input" : options.in, counts.error,
                             counts.in > 0 ? "; the records before this point were processed "
                                             "and are counted above"
                                           : "");
    return kExitFailure;
  }
  if (!out || !rejects) {
    std::string failed = !out ? options.out : options.rejects;
    if (failed == "-") failed = !out ? "standard output" : "standard error";
    std::cerr << fmt::format(
        "weft run: writing `{}` failed, possibly because the disk is full or the output was "
        "closed; the file is incomplete, so the counts above do not match it\n",
        failed);
    return kExitFailure;
  }
  return kExitOk;
}

// Defined only in the instrumented program of the profile-guided build
// (tools/profile_guided.cmake), whose counts _Exit would otherwise drop.
extern "C" void __gcov_dump() __attribute__((weak));

// Ends the process with `code`, once the outputs are flushed, without freeing what the run built
// or waking the idle mapping threads to join them. That cleanup took 1 to 2 ms of a 0.13 s run,
// and the kernel takes the memory back either way. A run that stops early does not wait for the
// read ahead of the first batch either, which may be long. Builds with sanitizers return `code`,
// so that leaks are still reported.
int ExitWithoutCleanup(int code) {
#ifdef WEFT_SANITIZED
  return code;
#else
  code = FlushStandardOutput(code);
  std::cerr.flush();
  std::fflush(nullptr);
  if (__gcov_dump != nullptr) __gcov_dump();
  std::_Exit(code);
#endif
}

// Checks the .map files, compiles the rule and maps the input. Returns the exit code.
int CheckAndMap(const RunOptions& options, runtime::ThreadPool& mapping_threads, RunInput& input) {
  Log log(options.verbose);
  std::unique_ptr<Frontend> frontend = LoadAndCheck(options.files, options.frontend);
  if (OverwritesProgramFile(*frontend, options.out, "--out", "weft run") ||
      OverwritesProgramFile(*frontend, options.rejects, "--rejects", "weft run"))
    return kExitUsage;
  const check::CheckedRule* rule = nullptr;
  if (!frontend->diagnostics.HasErrors()) {
    rule = FindRuleOrReport(*frontend, options.rule, "weft run");
    if (rule == nullptr) return kExitUsage;
    ir::ReportUncompilable(frontend->program, *rule, frontend->diagnostics);
  }
  ReportDiagnostics(*frontend, std::cerr);
  if (frontend->diagnostics.HasErrors()) return kExitFailure;
  log.Step("checked " + std::to_string(options.files.size()) + " file(s)");

  std::string cache = options.no_cache            ? ""
                      : options.cache_dir.empty() ? native::DefaultCacheDirectory()
                                                  : options.cache_dir;
  native::RuleCompiler compiler(RuleCompilerOptionsFor(*frontend, options.frontend, cache));
  runtime::CompiledRule compiled;
  if (!CompileRule(*frontend, *rule, compiler, compiled)) return kExitFailure;
  WarnIfCacheNotWritten(compiler, "weft run");
  for (const std::string& miss : compiler.cache_misses()) log.Step("cache miss: " + miss);
  // With LLVM loaded, the rule was lowered again, even when its objects were then found, which
  // the cache misses above explain.
  std::string found = fmt::format("{} of {} function(s) found in the cache",
                                  compiler.cached_count(), compiler.compiled_count());
  log.Step(fmt::format("compiled rule {} ({})", rule->name,
                       compiler.jit_loaded() ? "LLVM loaded to lower the rule, then " + found
                                             : found + ", LLVM not loaded"));

  char delimiter = CsvDelimiter(options);
  if (delimiter == 0) return kExitUsage;
  bool csv_in = SourceOptionsFor(options, delimiter).format == runtime::InputFormat::Csv;
  bool csv_out = OutputFormatFor(options) == runtime::OutputFormat::Csv;
  if (!csv_in && !csv_out && (options.csv_delimiter != "," || options.csv_lf)) {
    std::cerr << "weft run: warning: --csv-delimiter and --csv-lf have no effect, because neither "
                 "the input nor the output is CSV; add --in-format csv or --out-format csv\n";
  }
  if (!csv_out && options.csv_lf && csv_in) {
    std::cerr << "weft run: warning: --csv-lf has no effect, because the output is not CSV\n";
  }
  runtime::RecordSource* source = input.Source(options, delimiter);
  if (source == nullptr) return kExitFailure;

  std::ofstream out_file, rejects_file;
  std::ostream* out = OpenOutput(options.out, std::cout, out_file);
  std::ostream* rejects = OpenOutput(options.rejects, std::cerr, rejects_file);
  if (out == nullptr || rejects == nullptr) return kExitFailure;
  if (!EmptyOutput(options.out) || !EmptyOutput(options.rejects)) return kExitFailure;

  runtime::ExecuteOptions execute;
  // The threads that started, which --verbose reports and for which Execute makes mappers.
  execute.threads = static_cast<int>(mapping_threads.size()) + 1;
  execute.thread_pool = &mapping_threads;
  execute.output_format = OutputFormatFor(options);
  execute.csv_delimiter = delimiter;
  execute.csv_lf = options.csv_lf;
  execute.max_string_bytes = options.max_string_bytes;
  // The line is drawn only where nothing else writes to the same terminal.
  bool records_on_terminal = options.out == "-" && isatty(STDOUT_FILENO);
  ProgressLine progress(options.rejects != "-" && !records_on_terminal && !options.verbose &&
                        isatty(STDERR_FILENO));
  execute.progress = [&](const runtime::RunCounts& counts, uint64_t bytes) {
    progress.Update(counts, bytes);
  };
  auto start = std::chrono::steady_clock::now();
  runtime::RunResult counts = runtime::Execute(compiled, *source, *out, *rejects, execute);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  progress.Clear();
  log.Step(
      fmt::format("mapped and wrote {} record(s) on {} thread(s)", counts.in, execute.threads));
  return ReportOutcome(options, rule->name, counts, seconds, *out, *rejects);
}

}  // namespace

int RunRun(const RunOptions& options) {
  if (!CheckDistinctFiles(options)) return kExitUsage;
  // The mapping threads start now, so that they are ready when the rule is.
  size_t requested = static_cast<size_t>(ThreadCount(options) - 1);
  runtime::ThreadPool mapping_threads(requested);
  if (mapping_threads.size() < requested) {
    std::cerr << fmt::format(
        "weft run: warning: started {} of {} mapping threads ({}); the run maps on the threads "
        "it has\n",
        mapping_threads.size() + 1, requested + 1, mapping_threads.start_error());
  }
  RunInput input(options, mapping_threads);
  return ExitWithoutCleanup(CheckAndMap(options, mapping_threads, input));
}

}  // namespace weft::tools
