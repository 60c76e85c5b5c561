// End-to-end tests of the JIT path: .map text is checked, lowered, compiled with ORC and run
// over records by the executor, as `weft run` does.
#include "compiler/codegen/jit.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <llvm/Support/Error.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/frontend.h"
#include "compiler/ir/ir.h"
#include "runtime/executor.h"
#include "runtime/thread_pool.h"

namespace weft {
namespace {

constexpr const char* kSchemas = R"(
schema src {
  record In {
    id: int
    name: string
    kind: string?
    amount: decimal(10, 2)?
    count: int?
    active: bool
  }
}
schema dst {
  record Out {
    id: int
    label: string
    total: decimal(6, 2)
    flag: bool
    note: string?
  }
}
)";

struct RunResult {
  runtime::RunCounts counts;
  std::string out;
  std::string rejects;
};

class JitTest : public testing::Test {
 protected:
  // Compiles `rule` (the body of `map src.In -> dst.Out`) and runs it over `input`.
  RunResult Run(const std::string& rule, const std::string& input,
                const runtime::ExecuteOptions& options = {}) {
    frontend_ = CheckText("test.map", std::string(kSchemas) + rule);
    std::ostringstream diagnostics;
    frontend_->diagnostics.RenderAll(diagnostics);
    EXPECT_FALSE(frontend_->diagnostics.HasErrors()) << diagnostics.str();
    if (frontend_->diagnostics.HasErrors()) return {};

    const check::CheckedRule& checked = frontend_->program.rules.at(0);
    auto jit = codegen::Jit::Create(cache_directory_);
    EXPECT_TRUE(static_cast<bool>(jit)) << llvm::toString(jit.takeError());
    jit_ = std::move(*jit);
    auto compiled = jit_->CompileForRun(frontend_->program, checked);
    EXPECT_TRUE(static_cast<bool>(compiled)) << llvm::toString(compiled.takeError());

    runtime::RecordSource source(runtime::TextInput(input), {});
    std::ostringstream out, rejects;
    RunResult result;
    result.counts = runtime::Execute(*compiled, source, out, rejects, options);
    EXPECT_EQ(source.error(), "");
    result.out = out.str();
    result.rejects = rejects.str();
    return result;
  }

  std::unique_ptr<Frontend> frontend_;
  std::unique_ptr<codegen::Jit> jit_;
  // Where compiled objects are cached; empty for none.
  std::string cache_directory_;
};

constexpr const char* kBasicRule = R"(
map src.In -> dst.Out when active {
  require name != "" else "record {id} has no name"
  id = id
  label = "{name.trim()}/{kind ?? "none"}"
  total = (amount ?? 0) + 0.1 * 2
  flag = kind == null
  note = kind
}
)";

TEST_F(JitTest, MapsFieldsExactly) {
  RunResult result = Run(
      kBasicRule, R"({"id": 7, "name": " Acme ", "kind": "A", "amount": "0.10", "active": true})");
  EXPECT_EQ(result.out,
            "{\"id\":7,\"label\":\"Acme/A\",\"total\":0.30,\"flag\":false,\"note\":\"A\"}\n");
  EXPECT_EQ(result.counts.mapped, 1u);
}

// A pool that could start none of its threads, as at a limit on processes, leaves the calling
// thread to map every batch, with the same output.
TEST_F(JitTest, MapsWithoutPoolThreads) {
  std::string input;
  for (int i = 0; i < 2000; ++i) {
    input += R"({"id": )" + std::to_string(i) + R"(, "name": "N", "active": )" +
             (i % 3 == 0 ? "false" : "true") + "}\n";
  }
  RunResult alone = Run(kBasicRule, input);
  runtime::ThreadPool no_threads(0);
  runtime::ExecuteOptions options;
  options.threads = 4;
  options.thread_pool = &no_threads;
  RunResult pooled = Run(kBasicRule, input, options);
  EXPECT_EQ(pooled.counts.mapped, alone.counts.mapped);
  EXPECT_EQ(pooled.counts.skipped, alone.counts.skipped);
  EXPECT_EQ(pooled.out, alone.out);
}

TEST_F(JitTest, KeepsIdsAbove2To53Exact) {
  RunResult result = Run(kBasicRule, R"({"id": 9007199254740993, "name": "A", "active": true})");
  EXPECT_NE(result.out.find("\"id\":9007199254740993,"), std::string::npos) << result.out;
}

TEST_F(JitTest, WritesAbsentOptionalsAsNull) {
  RunResult result = Run(kBasicRule, R"({"id": 1, "name": "A", "kind": null, "active": true})");
  EXPECT_EQ(result.out,
            "{\"id\":1,\"label\":\"A/none\",\"total\":0.20,\"flag\":true,\"note\":null}\n");
}

TEST_F(JitTest, SkipsRecordsOutsideWhen) {
  RunResult result = Run(kBasicRule, R"({"id": 1, "name": "A", "active": false})");
  EXPECT_EQ(result.counts.skipped, 1u);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.rejects, "");
}

TEST_F(JitTest, RejectsWithTheRequireMessage) {
  RunResult result = Run(kBasicRule, R"({"id": 42, "name": "", "active": true})");
  EXPECT_EQ(result.counts.rejected, 1u);
  EXPECT_NE(result.rejects.find("\"reason\":\"record 42 has no name\""), std::string::npos)
      << result.rejects;
  EXPECT_NE(result.rejects.find("\"input\":{\"id\":42"), std::string::npos) << result.rejects;
}

TEST_F(JitTest, RejectsAValueBeyondTheTargetPrecision) {
  RunResult result =
      Run(kBasicRule, R"({"id": 1, "name": "A", "amount": 99999999.99, "active": true})");
  EXPECT_EQ(result.counts.rejected, 1u);
  EXPECT_NE(result.rejects.find("\"field\":\"total\""), std::string::npos) << result.rejects;
  EXPECT_NE(result.rejects.find("100000000.19 does not fit decimal(6, 2)"), std::string::npos)
      << result.rejects;
}

TEST_F(JitTest, RejectsMissingRequiredSourceField) {
  RunResult result = Run(kBasicRule, R"({"id": 1, "active": true})");
  EXPECT_EQ(result.counts.rejected, 1u);
  EXPECT_NE(result.rejects.find("required field `name` is missing"), std::string::npos)
      << result.rejects;
}

TEST_F(JitTest, RejectsWrongJsonTypeNamingTheValue) {
  RunResult result = Run(kBasicRule, R"({"id": "seven", "name": "A", "active": true})");
  EXPECT_NE(
      result.rejects.find("field `id` must be an int, but the input has a string \\\"seven\\\""),
      std::string::npos)
      << result.rejects;
}

TEST_F(JitTest, CountsAddUpAroundAMalformedLine) {
  std::string input =
      "{\"id\": 1, \"name\": \"A\", \"active\": true}\n"
      "{\"id\": 2, \"name\": \n"
      "{\"id\": 3, \"name\": \"C\", \"active\": false}\n"
      "{\"id\": 4, \"name\": \"D\", \"active\": true}\n";
  RunResult result = Run(kBasicRule, input);
  EXPECT_EQ(result.counts.in, 4u);
  EXPECT_EQ(result.counts.mapped, 2u);
  EXPECT_EQ(result.counts.skipped, 1u);
  EXPECT_EQ(result.counts.rejected, 1u);
  EXPECT_NE(result.rejects.find("\"record\":2,\"line\":2,"), std::string::npos) << result.rejects;
}

TEST_F(JitTest, RejectsIntegerOverflow) {
  RunResult result = Run(R"(
map src.In -> dst.Out {
  id = id * 1000
  label = name
  total = 0
  flag = active
})",
                         R"({"id": 9223372036854775807, "name": "A", "active": true})");
  EXPECT_EQ(result.counts.rejected, 1u);
  EXPECT_NE(result.rejects.find("integer overflow"), std::string::npos) << result.rejects;
}

TEST_F(JitTest, RejectsDivisionByZero) {
  RunResult result = Run(R"(
map src.In -> dst.Out {
  id = id / (count ?? 0)
  label = name
  total = 0
  flag = active
})",
                         R"({"id": 10, "name": "A", "active": true})");
  EXPECT_EQ(result.counts.rejected, 1u);
  EXPECT_NE(result.rejects.find("division by zero"), std::string::npos) << result.rejects;
}

TEST_F(JitTest, RoundsHalfAwayFromZero) {
  RunResult result = Run(R"(
map src.In -> dst.Out {
  id = id
  label = "{round((amount ?? 0) * 0.5, 1)}"
  total = round((amount ?? 0) * 0.5, 2)
  flag = if amount != null then amount > 1.00 else false
})",
                         R"({"id": 1, "name": "A", "amount": "-0.25", "active": true})");
  EXPECT_EQ(result.out,
            "{\"id\":1,\"label\":\"-0.1\",\"total\":-0.13,\"flag\":false,\"note\":null}\n");
}

TEST_F(JitTest, EvaluatesTheDefaultOnlyWhenNeeded) {
  // The default divides by zero; it must not run when the value is present.
  RunResult result = Run(R"(
map src.In -> dst.Out {
  id = count ?? (id / 0)
  label = name
  total = 0
  flag = active
})",
                         R"({"id": 1, "name": "A", "count": 5, "active": true})");
  EXPECT_EQ(result.counts.mapped, 1u) << result.rejects;
  EXPECT_NE(result.out.find("\"id\":5,"), std::string::npos) << result.out;
}

TEST_F(JitTest, ComparesDecimalsOfDifferentScales) {
  RunResult result =
      Run(R"(
schema big {
  record In {
    total: decimal(38, 2)
  }
  record Out {
    positive: bool
    equal: bool
  }
}
map big.In -> big.Out {
  positive = total > 0.001
  equal = total == 1.5
})",
          "{\"total\": \"100000000000000000000000000000000000.00\"}\n{\"total\": \"1.50\"}\n");
  EXPECT_EQ(result.counts.rejected, 0u) << result.rejects;
  EXPECT_EQ(result.out,
            "{\"positive\":true,\"equal\":false}\n{\"positive\":true,\"equal\":true}\n");
}

TEST_F(JitTest, RejectsDecimalSumBeyond38Digits) {
  // Two 38-digit values overflow 128 bits when added; the record must be rejected, not wrapped.
  std::string nines(38, '9');
  RunResult result =
      Run(R"(
schema big {
  record In {
    x: decimal(38, 0)
    y: decimal(38, 0)
  }
  record Out {
    sum: decimal(38, 0)
    difference: decimal(38, 0)
  }
}
map big.In -> big.Out {
  sum = x + y
  difference = x - y
})",
          "{\"x\": \"" + nines + "\", \"y\": \"" + nines + "\"}\n" + "{\"x\": \"" + nines +
              "\", \"y\": \"-" + nines + "\"}\n" + "{\"x\": \"" + nines + "\", \"y\": \"1\"}\n");
  EXPECT_EQ(result.counts.mapped, 0u) << result.out;
  EXPECT_EQ(result.counts.rejected, 3u);
  EXPECT_NE(
      result.rejects.find("\"record\":1,\"line\":1,\"offset\":0,\"rule\":\"Out\",\"field\":\"sum\","
                          "\"reason\":\"decimal overflow"),
      std::string::npos)
      << result.rejects;
  EXPECT_NE(result.rejects.find(
                "\"record\":2,\"line\":2,\"offset\":95,\"rule\":\"Out\",\"field\":\"difference\""),
            std::string::npos)
      << result.rejects;
  EXPECT_NE(result.rejects.find(
                "\"record\":3,\"line\":3,\"offset\":191,\"rule\":\"Out\",\"field\":\"sum\""),
            std::string::npos)
      << result.rejects;
}

TEST_F(JitTest, TakesRemainderOfMinimumIntByMinusOne) {
  RunResult result =
      Run(R"(
map src.In -> dst.Out {
  id = id % (count ?? 1)
  label = name
  total = 0
  flag = active
})",
          R"({"id": -9223372036854775808, "count": -1, "name": "A", "active": true})");
  EXPECT_EQ(result.counts.mapped, 1u) << result.rejects;
  EXPECT_NE(result.out.find("\"id\":0,"), std::string::npos) << result.out;
}

TEST_F(JitTest, IgnoresSourceFieldsTheRuleDoesNotRead) {
  // `active` is required in the schema but unread here, so its absence or a wrong type is fine.
  RunResult result =
      Run(R"(
map src.In -> dst.Out {
  id = id
  label = name
  total = 0
  flag = true
})",
          "{\"id\": 1, \"name\": \"A\"}\n{\"id\": 2, \"name\": \"B\", \"active\": \"yes\"}\n");
  EXPECT_EQ(result.counts.mapped, 2u) << result.rejects;
}

TEST_F(JitTest, SkipsUnreadableRecordsThatWhenFiltersOut) {
  // `when active` filters records out before their other fields matter. A record with a bad
  // field is rejected only when the condition would map it or reads the bad field itself.
  RunResult result = Run(R"(
map src.In -> dst.Out when active {
  id = id
  label = name
  total = 0
  flag = true
})",
                         "{\"id\": 1, \"active\": false}\n"
                         "{\"id\": \"x\", \"name\": \"B\", \"active\": false}\n"
                         "{\"id\": 3, \"active\": true}\n"
                         "{\"id\": 4, \"name\": \"D\"}\n");
  EXPECT_EQ(result.counts.skipped, 2u) << result.rejects;
  EXPECT_EQ(result.counts.rejected, 2u);
  EXPECT_NE(result.rejects.find("\"record\":3,\"line\":3,\"offset\":69,\"rule\":\"Out\","
                                "\"field\":\"name\",\"reason\":\"required field `name` is "
                                "missing\""),
            std::string::npos)
      << result.rejects;
  EXPECT_NE(result.rejects.find("\"record\":4,\"line\":4,\"offset\":95,\"rule\":\"Out\","
                                "\"field\":\"active\",\"reason\":\"required field `active` "
                                "is missing\""),
            std::string::npos)
      << result.rejects;
}

}  // namespace
// A table is looked up in one step at run time, so its size does not grow the generated code. A
// comparison chain of this many entries once overflowed the code generator's stack.
TEST_F(JitTest, LargeTableLooksUpEveryKey) {
  std::string table = "table labels: int -> string {\n";
  for (int key = 0; key < 50000; ++key) table += fmt::format("  {} => \"label {}\"\n", key, key);
  table += "}\n";
  std::string rule = table + R"(
map src.In -> dst.Out {
  id = id
  label = labels[id] ?? "unknown"
  total = 0
  flag = active
  note = labels[count ?? -1]
}
)";
  RunResult result = Run(rule,
                         "{\"id\": 49999, \"name\": \"a\", \"active\": true, \"count\": 7}\n"
                         "{\"id\": 50000, \"name\": \"b\", \"active\": false}\n");
  EXPECT_EQ(result.counts.mapped, 2u) << result.rejects;
  EXPECT_EQ(result.out,
            "{\"id\":49999,\"label\":\"label 49999\",\"total\":0.00,\"flag\":true,"
            "\"note\":\"label 7\"}\n"
            "{\"id\":50000,\"label\":\"unknown\",\"total\":0.00,\"flag\":false,"
            "\"note\":null}\n");
}

// A rule loaded from the cache must behave as the freshly compiled one, with its tables and
// regexes bound to the new process's copies rather than to addresses baked into the object code.
TEST_F(JitTest, CachedRuleRunsTheSame) {
  cache_directory_ = testing::TempDir() + "weft-jit-cache-test";
  std::filesystem::remove_all(cache_directory_);
  std::string rule = R"(
table labels: int -> string {
  1 => "one"
  2 => "two"
}
map src.In -> dst.Out {
  id = id
  label = labels[id] ?? "other"
  total = 0
  flag = active
  note = name.replace_regex("[0-9]+", "#")
})";
  std::string input = "{\"id\": 2, \"name\": \"a12b\", \"active\": true}\n";
  RunResult first = Run(rule, input);
  // The files of the cache, without the folder where they are written before they are renamed.
  auto cached_files = [&] {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(cache_directory_)) {
      if (entry.is_regular_file()) files.push_back(entry.path().filename().string());
    }
    return files;
  };
  std::vector<std::string> cached = cached_files();
  ASSERT_EQ(cached.size(), 1u);
  EXPECT_TRUE(cached[0].ends_with(".o")) << cached[0];
  RunResult second = Run(rule, input);
  EXPECT_EQ(cached_files().size(), 1u);
  EXPECT_EQ(second.out,
            "{\"id\":2,\"label\":\"two\",\"total\":0.00,\"flag\":true,\"note\":\"a#b\"}\n");
  EXPECT_EQ(second.out, first.out);

  // A damaged or cut cache file is compiled again instead of loaded.
  std::filesystem::path cached_file = std::filesystem::path(cache_directory_) / cached[0];
  std::string bytes;
  {
    std::ifstream in(cached_file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  for (std::string damaged : {bytes.substr(0, bytes.size() / 2),
                              bytes.substr(0, 300) + char(bytes[300] ^ 0x40) + bytes.substr(301)}) {
    std::ofstream(cached_file, std::ios::binary | std::ios::trunc) << damaged;
    RunResult again = Run(rule, input);
    EXPECT_EQ(again.out, first.out);
  }
  std::filesystem::remove_all(cache_directory_);
}

}  // namespace weft
