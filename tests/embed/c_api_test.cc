// Tests of the C ABI through the shared library: statuses, messages, handles and outcomes.
#include "weft/c_api.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/embed/embed_test_support.h"

namespace {

using weft::embed::testing::kBadValueRecord;
using weft::embed::testing::kBrokenMap;
using weft::embed::testing::kMappedJson;
using weft::embed::testing::kMappedRecord;
using weft::embed::testing::kOrdersMap;
using weft::embed::testing::kRejectedRecord;
using weft::embed::testing::kSkippedRecord;

// Compiles a source and owns the program, rule and mapper handles of one test.
class CApiTest : public testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(Compile(kOrdersMap), WEFT_OK) << message_;
    ASSERT_EQ(weft_program_rule(program_, "Invoice", &rule_, message_, sizeof message_), WEFT_OK)
        << message_;
    ASSERT_EQ(weft_mapper_create(rule_, &mapper_, message_, sizeof message_), WEFT_OK) << message_;
  }

  void TearDown() override {
    weft_mapper_free(mapper_);
    weft_rule_free(rule_);
    weft_program_free(program_);
  }

  weft_status Compile(const char* source) {
    weft_program_free(program_);
    program_ = nullptr;
    return weft_program_compile_source("orders.map", source, std::strlen(source), nullptr,
                                       &program_, message_, sizeof message_);
  }

  weft_outcome Apply(const char* record) {
    weft_outcome outcome;
    EXPECT_EQ(weft_mapper_apply(mapper_, record, std::strlen(record), &outcome, message_,
                                sizeof message_),
              WEFT_OK);
    return outcome;
  }

  weft_program* program_ = nullptr;
  weft_rule* rule_ = nullptr;
  weft_mapper* mapper_ = nullptr;
  char message_[512] = "";
};

TEST_F(CApiTest, MapsRecord) {
  weft_outcome outcome = Apply(kMappedRecord);
  EXPECT_EQ(outcome.kind, WEFT_MAPPED);
  EXPECT_STREQ(outcome.json, kMappedJson);
  EXPECT_EQ(outcome.json_size, std::strlen(kMappedJson));
  EXPECT_STREQ(outcome.reason, "");
}

TEST_F(CApiTest, SkipsRecord) {
  weft_outcome outcome = Apply(kSkippedRecord);
  EXPECT_EQ(outcome.kind, WEFT_SKIPPED);
  EXPECT_EQ(outcome.json_size, 0u);
}

TEST_F(CApiTest, RejectsRecord) {
  weft_outcome outcome = Apply(kRejectedRecord);
  EXPECT_EQ(outcome.kind, WEFT_REJECTED);
  EXPECT_STREQ(outcome.reason, "order 3 has no customer");
  outcome = Apply(kBadValueRecord);
  EXPECT_EQ(outcome.kind, WEFT_REJECTED);
  EXPECT_STREQ(outcome.field, "net");
  EXPECT_STREQ(outcome.value, "\"12.5x\"");
}

TEST_F(CApiTest, ReportsCompileErrors) {
  EXPECT_EQ(Compile(kBrokenMap), WEFT_COMPILE_FAILED);
  ASSERT_NE(program_, nullptr);
  EXPECT_NE(std::strstr(message_, "[UnknownField]"), nullptr) << message_;
  ASSERT_EQ(weft_program_diagnostic_count(program_), 1u);
  weft_diagnostic diagnostic;
  ASSERT_EQ(weft_program_diagnostic(program_, 0, &diagnostic), WEFT_OK);
  EXPECT_EQ(diagnostic.severity, WEFT_ERROR);
  EXPECT_STREQ(diagnostic.kind, "UnknownField");
  EXPECT_STREQ(diagnostic.path, "orders.map");
  EXPECT_EQ(diagnostic.line, 3u);
  EXPECT_EQ(diagnostic.column, 29u);
  EXPECT_EQ(weft_program_diagnostic(program_, 1, &diagnostic), WEFT_INVALID_ARGUMENT);
  EXPECT_EQ(weft_program_rule_count(program_), 0u);
}

TEST_F(CApiTest, RendersDiagnosticsLikeSnprintf) {
  ASSERT_EQ(Compile(kBrokenMap), WEFT_COMPILE_FAILED);
  size_t length = weft_program_render_diagnostics(program_, nullptr, 0);
  ASSERT_GT(length, 20u);
  std::vector<char> whole(length + 1);
  EXPECT_EQ(weft_program_render_diagnostics(program_, whole.data(), whole.size()), length);
  EXPECT_NE(std::strstr(whole.data(), "1 error, 0 warnings\n"), nullptr) << whole.data();
  char cut[11];
  weft_program_render_diagnostics(program_, cut, sizeof cut);
  EXPECT_EQ(std::strlen(cut), 10u);
  EXPECT_EQ(std::string(cut), std::string(whole.data(), 10));
}

TEST_F(CApiTest, RejectsNullArguments) {
  EXPECT_EQ(
      weft_program_compile_source("a.map", "", 0, nullptr, nullptr, message_, sizeof message_),
      WEFT_INVALID_ARGUMENT);
  EXPECT_STREQ(message_, "weft_program_compile_source: program is NULL");
  weft_outcome outcome;
  EXPECT_EQ(weft_mapper_apply(nullptr, "{}", 2, &outcome, message_, sizeof message_),
            WEFT_INVALID_ARGUMENT);
  EXPECT_EQ(weft_mapper_apply(mapper_, nullptr, 2, &outcome, nullptr, 0), WEFT_INVALID_ARGUMENT);
  const char* paths[] = {nullptr};
  EXPECT_EQ(weft_program_compile_files(paths, 1, nullptr, &program_, message_, sizeof message_),
            WEFT_INVALID_ARGUMENT);
  EXPECT_EQ(program_, nullptr);
}

TEST_F(CApiTest, NamesKnownRulesWhenNotFound) {
  weft_rule* missing = nullptr;
  EXPECT_EQ(weft_program_rule(program_, "Invoce", &missing, message_, sizeof message_),
            WEFT_NOT_FOUND);
  EXPECT_EQ(missing, nullptr);
  EXPECT_STREQ(message_, "no rule named `Invoce`; the rules are: Invoice, Copy");
}

TEST_F(CApiTest, CutsMessageToBuffer) {
  weft_rule* missing = nullptr;
  char small[8];
  EXPECT_EQ(weft_program_rule(program_, "Invoce", &missing, small, sizeof small), WEFT_NOT_FOUND);
  EXPECT_STREQ(small, "no rule");
}

TEST_F(CApiTest, ListsRulesBySourceType) {
  ASSERT_EQ(weft_program_rule_count(program_), 2u);
  EXPECT_STREQ(weft_program_rule_name(program_, 1), "Copy");
  EXPECT_EQ(weft_program_rule_name(program_, 2), nullptr);
  size_t count = 0;
  ASSERT_EQ(weft_program_rules_for(program_, "shop.Order", nullptr, 0, &count), WEFT_OK);
  EXPECT_EQ(count, 2u);
  weft_rule* rules[1] = {nullptr};
  ASSERT_EQ(weft_program_rules_for(program_, "shop.Order", rules, 1, &count), WEFT_OK);
  EXPECT_STREQ(weft_rule_name(rules[0]), "Invoice");
  weft_rule_free(rules[0]);
}

TEST_F(CApiTest, RuleOutlivesProgram) {
  weft_program_free(program_);
  program_ = nullptr;
  EXPECT_EQ(Apply(kMappedRecord).kind, WEFT_MAPPED);
}

// Collects the outcomes that a sink receives, and stops after `stop_after` records when set.
struct Collected {
  std::vector<weft_outcome_kind> kinds;
  std::vector<uint64_t> lines;
  size_t stop_after = 0;
};

int Collect(void* data, const weft_record* record, const weft_outcome* outcome) {
  auto* collected = static_cast<Collected*>(data);
  collected->kinds.push_back(outcome->kind);
  collected->lines.push_back(record->line);
  return collected->kinds.size() == collected->stop_after ? 1 : 0;
}

TEST_F(CApiTest, AppliesNdjsonWithSink) {
  std::string buffer =
      std::string(kMappedRecord) + "\n" + kSkippedRecord + "\n" + kRejectedRecord + "\n";
  Collected collected;
  weft_counts counts;
  ASSERT_EQ(weft_mapper_apply_ndjson(mapper_, buffer.data(), buffer.size(), Collect, &collected,
                                     &counts, message_, sizeof message_),
            WEFT_OK)
      << message_;
  EXPECT_EQ(collected.kinds,
            (std::vector<weft_outcome_kind>{WEFT_MAPPED, WEFT_SKIPPED, WEFT_REJECTED}));
  EXPECT_EQ(collected.lines, (std::vector<uint64_t>{1, 2, 3}));
  EXPECT_EQ(counts.in, 3u);
  EXPECT_EQ(counts.rejected, 1u);
}

TEST_F(CApiTest, SinkStopsRun) {
  std::string buffer = std::string(kMappedRecord) + "\n" + kMappedRecord + "\n";
  Collected collected;
  collected.stop_after = 1;
  weft_counts counts;
  EXPECT_EQ(weft_mapper_apply_ndjson(mapper_, buffer.data(), buffer.size(), Collect, &collected,
                                     &counts, message_, sizeof message_),
            WEFT_STOPPED);
  EXPECT_EQ(counts.in, 1u);
}

// Yields the records of a list, then the status `end`.
struct ListInput {
  std::vector<std::string> records;
  size_t next = 0;
  int end = 0;
};

int ReadList(void* data, const char** text, size_t* size) {
  auto* input = static_cast<ListInput*>(data);
  if (input->next == input->records.size()) return input->end;
  const std::string& record = input->records[input->next++];
  *text = record.data();
  *size = record.size();
  return 1;
}

TEST_F(CApiTest, RunsReadAndWriteCallbacks) {
  ListInput input{{kMappedRecord, kRejectedRecord}};
  Collected collected;
  weft_counts counts;
  ASSERT_EQ(weft_mapper_run(mapper_, ReadList, &input, Collect, &collected, &counts, message_,
                            sizeof message_),
            WEFT_OK);
  EXPECT_EQ(collected.kinds, (std::vector<weft_outcome_kind>{WEFT_MAPPED, WEFT_REJECTED}));
  EXPECT_EQ(counts.mapped, 1u);
}

TEST_F(CApiTest, ReportsReadError) {
  ListInput input{{kMappedRecord}, 0, -1};
  weft_counts counts;
  EXPECT_EQ(weft_mapper_run(mapper_, ReadList, &input, nullptr, nullptr, &counts, message_,
                            sizeof message_),
            WEFT_INPUT_FAILED);
  EXPECT_STREQ(message_, "the read callback returned -1");
  EXPECT_EQ(counts.in, 1u);
}

TEST_F(CApiTest, ReadsMetrics) {
  Apply(kMappedRecord);
  Apply(kSkippedRecord);
  Apply(kRejectedRecord);
  weft_metrics metrics;
  ASSERT_EQ(weft_rule_metrics(rule_, &metrics), WEFT_OK);
  EXPECT_EQ(metrics.counts.in, 3u);
  EXPECT_EQ(metrics.counts.mapped, 1u);
  EXPECT_EQ(metrics.counts.skipped, 1u);
  EXPECT_EQ(metrics.counts.rejected, 1u);
  EXPECT_GT(metrics.nanoseconds, 0u);
}

TEST_F(CApiTest, MappersOnThreadsShareRule) {
  std::vector<std::thread> threads;
  std::vector<int> mapped(3, 0);
  for (size_t t = 0; t < mapped.size(); ++t) {
    threads.emplace_back([&, t] {
      weft_mapper* mapper = nullptr;
      if (weft_mapper_create(rule_, &mapper, nullptr, 0) != WEFT_OK) return;
      for (int i = 0; i < 300; ++i) {
        weft_outcome outcome;
        weft_mapper_apply(mapper, kMappedRecord, std::strlen(kMappedRecord), &outcome, nullptr, 0);
        if (outcome.kind == WEFT_MAPPED && std::strcmp(outcome.json, kMappedJson) == 0) ++mapped[t];
      }
      weft_mapper_free(mapper);
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(mapped, (std::vector<int>{300, 300, 300}));
}

TEST(CApi, ReportsVersion) { EXPECT_STREQ(weft_version(), WEFT_TEST_VERSION); }

TEST(CApi, CompilesWithCacheDirectory) {
  std::filesystem::path directory =
      std::filesystem::temp_directory_path() / ("weft-c-cache-" + std::to_string(::getpid()));
  weft_program* program = nullptr;
  for (int round = 0; round < 2; ++round) {
    ASSERT_EQ(weft_program_compile_source("orders.map", kOrdersMap, std::strlen(kOrdersMap),
                                          directory.c_str(), &program, nullptr, 0),
              WEFT_OK);
    weft_program_free(program);
  }
  EXPECT_FALSE(std::filesystem::is_empty(directory));
  std::filesystem::remove_all(directory);
}

TEST(CApi, ReportsUnwritableCache) {
  std::filesystem::path file = std::filesystem::temp_directory_path() /
                               ("weft-c-not-a-folder-" + std::to_string(::getpid()));
  std::ofstream(file) << "a file where the cache's parent folder should be";
  std::string directory = (file / "cache").string();
  weft_program* program = nullptr;
  ASSERT_EQ(weft_program_compile_source("orders.map", kOrdersMap, std::strlen(kOrdersMap),
                                        directory.c_str(), &program, nullptr, 0),
            WEFT_OK);
  EXPECT_EQ(std::string(weft_program_cache_warning(program)),
            "cannot write to the object cache `" + directory + "`: Not a directory");
  weft_program_free(program);
  EXPECT_STREQ(weft_program_cache_warning(nullptr), "");
  std::filesystem::remove(file);
}

#ifndef NDEBUG
TEST(CApiDeathTest, DoubleFreeAborts) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  weft_program* program = nullptr;
  ASSERT_EQ(weft_program_compile_source("a.map", "", 0, nullptr, &program, nullptr, 0), WEFT_OK);
  weft_program_free(program);
  EXPECT_DEATH(weft_program_free(program),
               "weft_program_free was passed 0x[0-9a-f]+, which is not a live weft_program handle");
}
#endif

}  // namespace
