// Tests of the C++ embedding API through the shared library, as a host uses it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "tests/embed/embed_test_support.h"
#include "weft/weft.h"

namespace weft::embed {
namespace {

using testing::kBadValueRecord;
using testing::kBrokenMap;
using testing::kMappedJson;
using testing::kMappedRecord;
using testing::kOrdersMap;
using testing::kRejectedRecord;
using testing::kSkippedRecord;

Program CompileOrders(const CompileOptions& options = {}) {
  return Program::CompileSources({{"orders.map", kOrdersMap}}, options);
}

Rule InvoiceRule() {
  Program program = CompileOrders();
  EXPECT_TRUE(program.ok()) << program.RenderDiagnostics();
  return program.rule("Invoice");
}

TEST(EmbedProgram, CompilesInMemorySource) {
  Program program = CompileOrders();
  EXPECT_TRUE(program.ok()) << program.RenderDiagnostics();
  EXPECT_TRUE(program.diagnostics().empty());
  EXPECT_EQ(program.RenderDiagnostics(), "");
  EXPECT_EQ(program.rule_names(), (std::vector<std::string>{"Invoice", "Copy"}));
}

TEST(EmbedProgram, ReportsBrokenSource) {
  Program program = Program::CompileSources({{"broken.map", kBrokenMap}});
  EXPECT_FALSE(program.ok());
  EXPECT_EQ(program.error(), "");
  ASSERT_EQ(program.diagnostics().size(), 1u);
  const Diagnostic& diagnostic = program.diagnostics()[0];
  EXPECT_EQ(diagnostic.kind, "UnknownField");
  EXPECT_EQ(diagnostic.code, "E0102");
  EXPECT_EQ(diagnostic.severity, Severity::kError);
  EXPECT_EQ(diagnostic.location.path, "broken.map");
  EXPECT_EQ(diagnostic.location.line, 3u);
  EXPECT_EQ(diagnostic.location.column, 29u);
  EXPECT_NE(diagnostic.hint.find("name"), std::string::npos) << diagnostic.hint;
  EXPECT_EQ(diagnostic.text.rfind("broken.map:3:29: error: ", 0), 0u) << diagnostic.text;
  EXPECT_NE(diagnostic.text.find("[UnknownField]"), std::string::npos);
  EXPECT_EQ(program.RenderDiagnostics(), diagnostic.text + "1 error, 0 warnings\n");
  EXPECT_TRUE(program.rule_names().empty());
  EXPECT_FALSE(program.rule("Out"));
}

TEST(EmbedProgram, ReportsMissingFile) {
  Program program = Program::CompileFiles({"/nonexistent/orders.map"});
  EXPECT_FALSE(program.ok());
  ASSERT_EQ(program.diagnostics().size(), 1u);
  EXPECT_EQ(program.diagnostics()[0].kind, "FileNotReadable");
}

TEST(EmbedProgram, CompilesFilesFromDisk) {
  std::filesystem::path file = std::filesystem::temp_directory_path() /
                               ("weft-embed-" + std::to_string(::getpid()) + ".map");
  {
    std::FILE* out = std::fopen(file.c_str(), "w");
    ASSERT_NE(out, nullptr);
    std::fputs(kOrdersMap, out);
    std::fclose(out);
  }
  Program program = Program::CompileFiles({file.string()});
  std::filesystem::remove(file);
  EXPECT_TRUE(program.ok()) << program.RenderDiagnostics();
  EXPECT_TRUE(program.rule("Copy"));
}

TEST(EmbedProgram, ImportsAnotherInMemorySource) {
  std::string schemas(kOrdersMap, std::string_view(kOrdersMap).find("map shop.Order"));
  Program program = Program::CompileSources(
      {{"maps/rules.map",
        "import \"schemas.map\"\nmap shop.Order -> billing.Invoice as Plain {\n"
        "  order = \"{id}\"\n  customer = customer ?? \"\"\n  total = net\n}\n"},
       {"maps/schemas.map", schemas}});
  EXPECT_TRUE(program.ok()) << program.RenderDiagnostics();
  EXPECT_TRUE(program.rule("Plain"));
}

TEST(EmbedProgram, FindsRulesBySourceType) {
  Program program = CompileOrders();
  std::vector<Rule> rules = program.rules_for("shop.Order");
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].name(), "Invoice");
  EXPECT_EQ(rules[0].source_type(), "shop.Order");
  EXPECT_EQ(rules[0].target_type(), "billing.Invoice");
  EXPECT_TRUE(program.rules_for("billing.Invoice").empty());
  EXPECT_FALSE(program.rule("Missing"));
}

TEST(EmbedRule, OutlivesItsProgram) {
  Rule rule = InvoiceRule();
  ASSERT_TRUE(rule);
  EXPECT_EQ(rule.Apply(kMappedRecord).json, kMappedJson);
}

TEST(EmbedApply, MapsRecord) {
  Outcome outcome = InvoiceRule().Apply(kMappedRecord);
  EXPECT_EQ(outcome.kind, OutcomeKind::kMapped);
  EXPECT_EQ(outcome.json, kMappedJson);
  EXPECT_EQ(outcome.reason, "");
}

TEST(EmbedApply, SkipsRecord) {
  Outcome outcome = InvoiceRule().Apply(kSkippedRecord);
  EXPECT_EQ(outcome.kind, OutcomeKind::kSkipped);
  EXPECT_EQ(outcome.json, "");
}

TEST(EmbedApply, RejectsWithRequireMessage) {
  Outcome outcome = InvoiceRule().Apply(kRejectedRecord);
  EXPECT_EQ(outcome.kind, OutcomeKind::kRejected);
  EXPECT_EQ(outcome.reason, "order 3 has no customer");
  EXPECT_EQ(outcome.json, "");
}

TEST(EmbedApply, RejectsBadValueWithField) {
  Outcome outcome = InvoiceRule().Apply(kBadValueRecord);
  EXPECT_EQ(outcome.kind, OutcomeKind::kRejected);
  EXPECT_EQ(outcome.field, "net");
  EXPECT_EQ(outcome.value, "\"12.5x\"");
  EXPECT_FALSE(outcome.reason.empty());
}

TEST(EmbedApply, RejectsTargetLimit) {
  Outcome outcome =
      InvoiceRule().Apply(R"({"id": 5, "customer": "A", "status": "open", "net": "60000.00"})");
  EXPECT_EQ(outcome.kind, OutcomeKind::kRejected);
  EXPECT_EQ(outcome.field, "total");
  EXPECT_EQ(outcome.value, "120000.00");
}

TEST(EmbedApply, RejectsMalformedJson) {
  Outcome outcome = InvoiceRule().Apply(R"({"id": 1, "customer": )");
  EXPECT_EQ(outcome.kind, OutcomeKind::kRejected);
  EXPECT_FALSE(outcome.reason.empty());
}

TEST(EmbedApply, MapperReusesOutcome) {
  Mapper mapper(InvoiceRule());
  Outcome outcome;
  mapper.Apply(kRejectedRecord, outcome);
  EXPECT_EQ(outcome.kind, OutcomeKind::kRejected);
  mapper.Apply(kMappedRecord, outcome);
  EXPECT_EQ(outcome.kind, OutcomeKind::kMapped);
  EXPECT_EQ(outcome.reason, "");
  EXPECT_EQ(outcome.json, kMappedJson);
}

TEST(EmbedApply, MapperRejectsEmptyRule) { EXPECT_THROW(Mapper{Rule()}, std::invalid_argument); }

TEST(EmbedRule, EmptyRuleIsSafe) {
  Rule empty;
  EXPECT_FALSE(empty);
  EXPECT_EQ(empty.name(), "");
  EXPECT_EQ(empty.source_type(), "");
  EXPECT_EQ(empty.metrics().counts.in, 0u);
  EXPECT_THROW(empty.Apply("{}"), std::invalid_argument);
}

struct Delivered {
  RecordPosition position;
  std::string text;
  Outcome outcome;
};

// The JSON parser may read the bytes after a record that ends too early, which then held the
// end of the longer record mapped before it: a `}` there made the cut record another error.
TEST(EmbedApply, CutRecordAfterLongerOne) {
  const std::string whole = R"({"id": 5, "customer": "Acme", "status": "open", "net": 1})";
  const std::string cut = whole.substr(0, whole.size() - 1);
  Rule rule = InvoiceRule();
  std::string expected;
  Mapper(rule).ApplyNdjson(cut, [&](const RecordPosition&, const Outcome& outcome) {
    expected = outcome.reason;
    return true;
  });
  EXPECT_NE(expected, "");

  Mapper mapper(rule);
  Outcome outcome;
  mapper.Apply(whole, outcome);
  EXPECT_EQ(outcome.kind, OutcomeKind::kMapped);
  mapper.Apply(cut, outcome);
  EXPECT_EQ(outcome.kind, OutcomeKind::kRejected);
  EXPECT_EQ(outcome.reason, expected);
  EXPECT_EQ(rule.Apply(cut).reason, expected);
}

TEST(EmbedNdjson, DeliversEveryOutcomeInOrder) {
  std::string buffer =
      std::string(kMappedRecord) + "\n" + kSkippedRecord + "\n{broken\n" + kRejectedRecord + "\n";
  Mapper mapper(InvoiceRule());
  std::vector<Delivered> delivered;
  RunResult result =
      mapper.ApplyNdjson(buffer, [&](const RecordPosition& record, const Outcome& outcome) {
        delivered.push_back({record, std::string(record.text), outcome});
        return true;
      });
  EXPECT_EQ(result.error, "");
  EXPECT_FALSE(result.stopped);
  EXPECT_EQ(result.counts.in, 4u);
  EXPECT_EQ(result.counts.mapped, 1u);
  EXPECT_EQ(result.counts.skipped, 1u);
  EXPECT_EQ(result.counts.rejected, 2u);
  ASSERT_EQ(delivered.size(), 4u);
  EXPECT_EQ(delivered[0].outcome.json, kMappedJson);
  EXPECT_EQ(delivered[1].outcome.kind, OutcomeKind::kSkipped);
  EXPECT_EQ(delivered[2].outcome.kind, OutcomeKind::kRejected);
  EXPECT_EQ(delivered[2].text, "{broken");
  EXPECT_EQ(delivered[3].outcome.reason, "order 3 has no customer");
  EXPECT_EQ(delivered[3].position.number, 4u);
  EXPECT_EQ(delivered[3].position.line, 4u);
  EXPECT_EQ(delivered[1].position.offset, std::string(kMappedRecord).size() + 1);
}

TEST(EmbedNdjson, SinkStopsRun) {
  std::string buffer = std::string(kMappedRecord) + "\n" + kMappedRecord + "\n" + kMappedRecord;
  Mapper mapper(InvoiceRule());
  RunResult result = mapper.ApplyNdjson(
      buffer, [](const RecordPosition& record, const Outcome&) { return record.number < 2; });
  EXPECT_TRUE(result.stopped);
  EXPECT_EQ(result.counts.in, 2u);
  EXPECT_NE(result.error.find("after record 2"), std::string::npos) << result.error;
}

TEST(EmbedNdjson, SinkExceptionPropagates) {
  Rule rule = InvoiceRule();
  Mapper mapper(rule);
  std::string buffer = std::string(kMappedRecord) + "\n" + kMappedRecord + "\n";
  EXPECT_THROW(mapper.ApplyNdjson(buffer,
                                  [](const RecordPosition&, const Outcome&) -> bool {
                                    throw std::runtime_error("the queue is closed");
                                  }),
               std::runtime_error);
  EXPECT_EQ(rule.metrics().counts.in, 1u);

  Outcome outcome;
  mapper.Apply(kMappedRecord, outcome);
  EXPECT_EQ(outcome.json, kMappedJson);
  EXPECT_EQ(rule.metrics().counts.in, 2u);
}

TEST(EmbedNdjson, EmptyBufferHasNoRecords) {
  Mapper mapper(InvoiceRule());
  RunResult result = mapper.ApplyNdjson("", [](const RecordPosition&, const Outcome&) {
    ADD_FAILURE() << "the sink was called for an empty buffer";
    return true;
  });
  EXPECT_EQ(result.counts.in, 0u);
  EXPECT_EQ(result.error, "");
}

// Yields records from a list and fails after them when `fail` is set.
class ListReader : public Reader {
 public:
  ListReader(std::vector<std::string> records, bool fail)
      : records_(std::move(records)), fail_(fail) {}

  bool Next(std::string_view& record, std::string& error) override {
    if (next_ < records_.size()) {
      record = records_[next_++];
      return true;
    }
    if (fail_) error = "the connection was reset";
    return false;
  }

 private:
  std::vector<std::string> records_;
  bool fail_;
  size_t next_ = 0;
};

class ListWriter : public Writer {
 public:
  bool Write(const RecordPosition& record, const Outcome& outcome) override {
    kinds.push_back(outcome.kind);
    numbers.push_back(record.number);
    return true;
  }
  std::vector<OutcomeKind> kinds;
  std::vector<uint64_t> numbers;
};

TEST(EmbedRun, MapsReaderIntoWriter) {
  ListReader reader({kMappedRecord, kSkippedRecord, kRejectedRecord}, false);
  ListWriter writer;
  Mapper mapper(InvoiceRule());
  RunResult result = mapper.Run(reader, writer);
  EXPECT_EQ(result.error, "");
  EXPECT_EQ(result.counts.in, 3u);
  EXPECT_EQ(writer.kinds, (std::vector<OutcomeKind>{OutcomeKind::kMapped, OutcomeKind::kSkipped,
                                                    OutcomeKind::kRejected}));
  EXPECT_EQ(writer.numbers, (std::vector<uint64_t>{1, 2, 3}));
}

TEST(EmbedRun, ReportsReaderError) {
  ListReader reader({kMappedRecord}, true);
  ListWriter writer;
  Mapper mapper(InvoiceRule());
  RunResult result = mapper.Run(reader, writer);
  EXPECT_EQ(result.error, "the connection was reset");
  EXPECT_FALSE(result.stopped);
  EXPECT_EQ(result.counts.in, 1u);
}

TEST(EmbedMetrics, CountsOutcomesAndTime) {
  Rule rule = InvoiceRule();
  Mapper mapper(rule);
  Outcome outcome;
  for (const char* record : {kMappedRecord, kMappedRecord, kSkippedRecord, kRejectedRecord})
    mapper.Apply(record, outcome);
  mapper.ApplyNdjson(kBadValueRecord, [](const RecordPosition&, const Outcome&) { return true; });
  Metrics metrics = rule.metrics();
  EXPECT_EQ(metrics.counts.in, 5u);
  EXPECT_EQ(metrics.counts.mapped, 2u);
  EXPECT_EQ(metrics.counts.skipped, 1u);
  EXPECT_EQ(metrics.counts.rejected, 2u);
  EXPECT_GT(metrics.nanoseconds, 0u);
}

TEST(EmbedMetrics, SharedByCopiesOfRule) {
  Program program = CompileOrders();
  program.rule("Copy").Apply(kMappedRecord);
  EXPECT_EQ(program.rule("Copy").metrics().counts.mapped, 1u);
  EXPECT_EQ(program.rule("Invoice").metrics().counts.in, 0u);
}

TEST(EmbedCache, WritesAndReusesObjects) {
  std::filesystem::path directory =
      std::filesystem::temp_directory_path() / ("weft-embed-cache-" + std::to_string(::getpid()));
  std::filesystem::remove_all(directory);
  CompileOptions options;
  options.cache_directory = directory.string();
  ASSERT_TRUE(CompileOrders(options).ok());
  size_t files = 0;
  // Regular files only: the folder where files are written before they are renamed is no entry.
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.is_regular_file() && entry.path().extension() == ".o") ++files;
  }
  EXPECT_GT(files, 0u);

  Program cached = CompileOrders(options);
  EXPECT_TRUE(cached.ok());
  EXPECT_EQ(cached.cache_warning(), "");
  EXPECT_EQ(cached.rule("Invoice").Apply(kMappedRecord).json, kMappedJson);
  std::filesystem::remove_all(directory);
}

// A cache that cannot be written is reported, and the rules compile and map all the same.
TEST(EmbedCache, ReportsUnwritableCache) {
  std::filesystem::path file = std::filesystem::temp_directory_path() /
                               ("weft-embed-not-a-folder-" + std::to_string(::getpid()));
  std::ofstream(file) << "a file where the cache's parent folder should be";
  CompileOptions options;
  options.cache_directory = (file / "cache").string();
  Program program = CompileOrders(options);
  ASSERT_TRUE(program.ok());
  EXPECT_EQ(program.cache_warning(),
            "cannot write to the object cache `" + options.cache_directory + "`: Not a directory");
  EXPECT_EQ(program.rule("Invoice").Apply(kMappedRecord).json, kMappedJson);
  std::filesystem::remove(file);
}

// Each thread maps with its own Mapper over one shared Rule, and also through Rule::Apply.
TEST(EmbedThreads, ShareOneRule) {
  Rule rule = InvoiceRule();
  constexpr int kThreads = 4;
  constexpr int kRecords = 500;
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      Mapper mapper(rule);
      Outcome outcome;
      for (int i = 0; i < kRecords; ++i) {
        mapper.Apply(i % 2 == 0 ? kMappedRecord : kRejectedRecord, outcome);
        bool right =
            i % 2 == 0 ? outcome.json == kMappedJson : outcome.reason == "order 3 has no customer";
        if (!right) ++wrong;
      }
      if (rule.Apply(kSkippedRecord).kind != OutcomeKind::kSkipped) ++wrong;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(wrong.load(), 0);
  Metrics metrics = rule.metrics();
  EXPECT_EQ(metrics.counts.in, uint64_t{kThreads} * (kRecords + 1));
  EXPECT_EQ(metrics.counts.mapped, uint64_t{kThreads} * kRecords / 2);
  EXPECT_EQ(metrics.counts.skipped, uint64_t{kThreads});
}

TEST(EmbedThreads, CompileAtOnce) {
  std::vector<Program> programs(2, CompileOrders());
  std::vector<std::thread> threads;
  for (Program& program : programs) threads.emplace_back([&program] { program = CompileOrders(); });
  for (std::thread& thread : threads) thread.join();
  for (const Program& program : programs) {
    ASSERT_TRUE(program.ok()) << program.RenderDiagnostics();
    EXPECT_EQ(program.rule("Invoice").Apply(kMappedRecord).json, kMappedJson);
  }
}

TEST(EmbedVersion, MatchesProject) { EXPECT_EQ(Version(), WEFT_TEST_VERSION); }

}  // namespace
}  // namespace weft::embed
