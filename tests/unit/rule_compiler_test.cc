// Tests of the rule compiler that loads cached object code without LLVM. A rule loaded from the
// cache runs as the freshly compiled one, and damaged cache files and objects that the loader
// cannot handle are compiled again. Every rule of the golden programs loads and runs the same.
#include "compiler/native/rule_compiler.h"

#include <elf.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/frontend.h"
#include "compiler/ir/support.h"
#include "compiler/native/cache_files.h"
#include "compiler/native/rule_key.h"
#include "runtime/executor.h"
#include "tests/support/project_files.h"

// libgcc's look-up of the unwind information that covers a code address.
struct UnwindBases {
  void* text;
  void* data;
  void* function;
};
extern "C" const void* _Unwind_Find_FDE(void* pc, UnwindBases* bases);

namespace weft::native {
namespace {

namespace fs = std::filesystem;

constexpr const char* kProgram = R"(
schema src {
  record In {
    id: int
    name: string
    active: bool
  }
}
schema dst {
  record Out {
    id: int
    label: string
    note: string
  }
}
table labels: int -> string {
  1 => "one"
  2 => "two"
}
map src.In -> dst.Out when active {
  id = id
  label = labels[id] ?? "other"
  note = name.replace_regex("[0-9]+", "#")
}
)";

constexpr const char* kInput =
    "{\"id\": 2, \"name\": \"a12b\", \"active\": true}\n"
    "{\"id\": 5, \"name\": \"c\", \"active\": true}\n"
    "{\"id\": 1, \"name\": \"d\", \"active\": false}\n";

constexpr const char* kOutput =
    "{\"id\":2,\"label\":\"two\",\"note\":\"a#b\"}\n"
    "{\"id\":5,\"label\":\"other\",\"note\":\"c\"}\n";

// Returns the output and rejects of `rule` over NDJSON `input`, as one text.
std::string RunOver(const runtime::CompiledRule& rule, const std::string& input) {
  runtime::RecordSource source(runtime::TextInput(input), {});
  std::ostringstream out, rejects;
  runtime::Execute(rule, source, out, rejects);
  return out.str() + rejects.str();
}

class RuleCompilerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // CTest runs the tests of this suite as processes at once, so each has its own cache.
    cache_ = ::testing::TempDir() + "weft-rule-compiler-test-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + "-" +
             std::to_string(::getpid());
    fs::remove_all(cache_);
    frontend_ = CheckText("test.map", kProgram);
    ASSERT_FALSE(frontend_->diagnostics.HasErrors());
  }
  void TearDown() override { fs::remove_all(cache_); }

  // Compiles the program's rule with a new compiler, kept in `compiler_`, and runs it over kInput.
  std::string CompileAndRun() {
    compiler_ = std::make_unique<RuleCompiler>(
        RuleCompilerOptions{cache_, ProgramDigest(frontend_->sources, "")});
    std::string error;
    compiled_ = runtime::CompiledRule();
    EXPECT_TRUE(compiler_->CompileForRun(frontend_->program, frontend_->program.rules.at(0),
                                         compiled_, error))
        << error;
    return RunOver(compiled_, kInput);
  }

  // The cache files with `extension`, ".o" or ".rule".
  std::vector<fs::path> CacheFiles(const std::string& extension) const {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(cache_)) {
      if (entry.path().extension() == extension) files.push_back(entry.path());
    }
    return files;
  }

  std::string cache_;
  std::unique_ptr<Frontend> frontend_;
  std::unique_ptr<RuleCompiler> compiler_;
  runtime::CompiledRule compiled_;
};

TEST_F(RuleCompilerTest, CachedRuleLoadsWithoutLlvm) {
  EXPECT_EQ(CompileAndRun(), kOutput);
  EXPECT_TRUE(compiler_->jit_loaded());
  EXPECT_EQ(compiler_->cached_count(), 0);
  EXPECT_EQ(CacheFiles(".o").size(), 2u);
  EXPECT_EQ(CacheFiles(".rule").size(), 2u);

  EXPECT_EQ(CompileAndRun(), kOutput);
  EXPECT_FALSE(compiler_->jit_loaded());
  EXPECT_EQ(compiler_->compiled_count(), 2);
  EXPECT_EQ(compiler_->cached_count(), 2);
  EXPECT_TRUE(compiler_->cache_misses().empty());
}

TEST_F(RuleCompilerTest, ObjectOfAnotherFunctionIsCompiledAgain) {
  EXPECT_EQ(CompileAndRun(), kOutput);
  std::vector<fs::path> objects = CacheFiles(".o");
  ASSERT_EQ(objects.size(), 2u);
  // An intact object under the name of the other function's object.
  fs::copy_file(objects[1], objects[0], fs::copy_options::overwrite_existing);

  EXPECT_EQ(CompileAndRun(), kOutput);
  EXPECT_TRUE(compiler_->jit_loaded());
  // The loader rejects it for lacking the function, or for a table of the other function.
  ASSERT_EQ(compiler_->cache_misses().size(), 1u);
  const std::string& miss = compiler_->cache_misses()[0];
  EXPECT_TRUE(miss.find("does not define") != std::string::npos ||
              miss.find("cannot be loaded") != std::string::npos)
      << miss;

  EXPECT_EQ(CompileAndRun(), kOutput);
  EXPECT_FALSE(compiler_->jit_loaded());
}

TEST_F(RuleCompilerTest, CacheFilesThatAreNotRegularAreSkipped) {
  EXPECT_EQ(CompileAndRun(), kOutput);
  // A FIFO would block a read, and /dev/zero would never end one.
  std::vector<fs::path> entries = CacheFiles(".rule");
  std::vector<fs::path> objects = CacheFiles(".o");
  ASSERT_FALSE(entries.empty());
  ASSERT_FALSE(objects.empty());
  fs::remove(entries[0]);
  ASSERT_EQ(::mkfifo(entries[0].c_str(), 0600), 0);
  fs::remove(objects[0]);
  fs::create_symlink("/dev/zero", objects[0]);

  EXPECT_EQ(CompileAndRun(), kOutput);
  EXPECT_TRUE(compiler_->jit_loaded());
}

TEST_F(RuleCompilerTest, LoadedRuleHasUnwindInformation) {
  CompileAndRun();
  CompileAndRun();
  ASSERT_FALSE(compiler_->jit_loaded());
  void* code = reinterpret_cast<char*>(compiled_.function) + 1;
  UnwindBases bases{};
  EXPECT_NE(_Unwind_Find_FDE(code, &bases), nullptr);

  compiler_.reset();
  EXPECT_EQ(_Unwind_Find_FDE(code, &bases), nullptr);
}

TEST_F(RuleCompilerTest, DamagedCacheFilesAreCompiledAgain) {
  std::string fresh = CompileAndRun();
  for (const fs::path& object : CacheFiles(".o")) {
    std::ifstream in(object, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    in.close();
    std::ofstream(object, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() / 2);
  }

  EXPECT_EQ(CompileAndRun(), fresh);
  EXPECT_TRUE(compiler_->jit_loaded());
  EXPECT_EQ(compiler_->cache_misses().size(), 2u);

  // The JIT replaced the damaged files, so the next process loads them without LLVM again.
  EXPECT_EQ(CompileAndRun(), fresh);
  EXPECT_FALSE(compiler_->jit_loaded());
}

TEST_F(RuleCompilerTest, MissingObjectIsCompiledAgain) {
  std::string fresh = CompileAndRun();
  for (const fs::path& object : CacheFiles(".o")) fs::remove(object);

  EXPECT_EQ(CompileAndRun(), fresh);
  EXPECT_TRUE(compiler_->jit_loaded());
  ASSERT_EQ(compiler_->cache_misses().size(), 2u);
  EXPECT_NE(compiler_->cache_misses()[0].find("is missing or damaged"), std::string::npos)
      << compiler_->cache_misses()[0];

  // The JIT wrote the objects again, and the entries find them.
  EXPECT_EQ(CompileAndRun(), fresh);
  EXPECT_FALSE(compiler_->jit_loaded());
  EXPECT_TRUE(compiler_->cache_misses().empty());
}

// A directory under an object's name makes its rename fail, as a full disk would make its write
// fail. The object is then missing, and no entry may name it.
TEST_F(RuleCompilerTest, EntryWaitsForItsObject) {
  CompileAndRun();
  std::vector<fs::path> objects = CacheFiles(".o");
  ASSERT_EQ(objects.size(), 2u);
  fs::remove_all(cache_);
  for (const fs::path& object : objects) fs::create_directories(object);

  EXPECT_EQ(CompileAndRun(), kOutput);
  EXPECT_TRUE(compiler_->jit_loaded());
  EXPECT_TRUE(CacheFiles(".rule").empty());
  EXPECT_EQ(compiler_->cache_write_error(), std::errc::is_a_directory)
      << compiler_->cache_write_error().message();
}

TEST_F(RuleCompilerTest, UnwritableCacheStillCompiles) {
  // A regular file where the cache directory should be.
  std::ofstream(cache_) << "not a directory\n";

  EXPECT_EQ(CompileAndRun(), kOutput);
  EXPECT_TRUE(compiler_->jit_loaded());
  EXPECT_TRUE(compiler_->cache_write_error()) << "no error reported";

  EXPECT_EQ(CompileAndRun(), kOutput);
  EXPECT_TRUE(compiler_->jit_loaded());
}

TEST_F(RuleCompilerTest, WrittenCacheReportsNoError) {
  EXPECT_EQ(CompileAndRun(), kOutput);
  EXPECT_FALSE(compiler_->cache_write_error()) << compiler_->cache_write_error().message();
}

TEST_F(RuleCompilerTest, TruncatedEntryIsCompiledAgain) {
  std::string fresh = CompileAndRun();
  for (const fs::path& entry : CacheFiles(".rule")) fs::resize_file(entry, 10);

  EXPECT_EQ(CompileAndRun(), fresh);
  EXPECT_TRUE(compiler_->jit_loaded());
  EXPECT_EQ(CompileAndRun(), fresh);
  EXPECT_FALSE(compiler_->jit_loaded());
}

// Points every entry in the cache at a copy of its object whose first relocation has a type
// that the loader does not handle, as a newer LLVM might emit. The JIT still finds the original
// objects under their own keys.
void PointEntriesAtUnknownRelocations(const std::vector<fs::path>& entries) {
  int copies = 0;
  for (const fs::path& path : entries) {
    std::optional<std::string> entry = ReadCheckedFile(path);
    ASSERT_TRUE(entry.has_value());
    std::istringstream fields(*entry);
    std::string object_label, object_key, function_label, function_name;
    fields >> object_label >> object_key >> function_label >> function_name;
    std::optional<std::string> object =
        ReadCheckedFile((path.parent_path() / (object_key + ".o")).string());
    ASSERT_TRUE(object.has_value());

    auto* header = reinterpret_cast<Elf64_Ehdr*>(object->data());
    auto* sections = reinterpret_cast<Elf64_Shdr*>(object->data() + header->e_shoff);
    for (int i = 0; i < header->e_shnum; ++i) {
      if (sections[i].sh_type != SHT_RELA || sections[i].sh_size == 0) continue;
      auto* relocation = reinterpret_cast<Elf64_Rela*>(object->data() + sections[i].sh_offset);
      relocation->r_info = ELF64_R_INFO(ELF64_R_SYM(relocation->r_info), R_X86_64_GOTPC32);
      break;
    }
    std::string copy_key = std::string(63, 'f') + static_cast<char>('0' + copies++);
    std::error_code error;
    ASSERT_TRUE(WriteCheckedFile((path.parent_path() / (copy_key + ".o")).string(), *object, error))
        << error.message();
    ASSERT_TRUE(WriteCheckedFile(
        path.string(), "object " + copy_key + "\nfunction " + function_name + "\n", error))
        << error.message();
  }
}

TEST_F(RuleCompilerTest, UnknownRelocationFallsBackToLlvm) {
  std::string fresh = CompileAndRun();
  PointEntriesAtUnknownRelocations(CacheFiles(".rule"));

  EXPECT_EQ(CompileAndRun(), fresh);
  EXPECT_TRUE(compiler_->jit_loaded());
  // The `when` function calls nothing and may have no relocation to change.
  ASSERT_FALSE(compiler_->cache_misses().empty());
  EXPECT_NE(compiler_->cache_misses()[0].find("relocation type 26 is not handled"),
            std::string::npos)
      << compiler_->cache_misses()[0];

  // The JIT pointed the entries back at the objects that the loader handles.
  EXPECT_EQ(CompileAndRun(), fresh);
  EXPECT_FALSE(compiler_->jit_loaded());
}

TEST_F(RuleCompilerTest, ChangedSourceMissesTheCache) {
  CompileAndRun();
  frontend_ = CheckText("test.map", std::string(kProgram) + "\n// changed\n");
  CompileAndRun();
  EXPECT_TRUE(compiler_->jit_loaded());
}

// Every spelling of the path to one .map file gives one digest, so that the cache keys of its
// rules do not depend on how the file was named on the command line.
TEST(ProgramDigestTest, PathSpellingsShareOneDigest) {
  fs::path folder = fs::path(::testing::TempDir()) / ("weft-digest-" + std::to_string(::getpid()));
  fs::remove_all(folder);
  fs::create_directories(folder / "project");
  std::ofstream(folder / "project" / "a.map") << kProgram;
  fs::create_directory_symlink("project", folder / "link");
  fs::path previous = fs::current_path();
  fs::current_path(folder);

  std::string first;
  for (const std::string& spelling :
       {std::string("project/a.map"), std::string("./project/a.map"),
        std::string("link/../project/a.map"), (folder / "project" / "a.map").string(),
        std::string("link/a.map"), (folder / "link" / "a.map").string()}) {
    std::unique_ptr<Frontend> frontend = LoadAndCheck({spelling});
    ASSERT_FALSE(frontend->diagnostics.HasErrors()) << spelling;
    std::string digest = ProgramDigest(frontend->sources, "");
    if (first.empty()) first = digest;
    EXPECT_EQ(digest, first) << spelling;
  }

  fs::current_path(previous);
  fs::remove_all(folder);
}

// The input for a golden program: its `// INPUT:` lines and an empty record.
std::string GoldenRecords(const std::string& text) { return testing::GoldenInput(text) + "{}\n"; }

// Compiles every rule of every golden and example program that checks cleanly twice, first with
// LLVM and then from the cache, and compares what the two make of the program's input.
TEST(RuleCompilerGoldenTest, EveryRuleLoadsAndRunsTheSame) {
  std::string cache = ::testing::TempDir() + "weft-rule-compiler-golden";
  fs::remove_all(cache);
  int rules = 0;
  for (const fs::path& path : testing::ProjectMapFiles(WEFT_SOURCE_DIR)) {
    std::unique_ptr<Frontend> frontend = LoadAndCheck({path.string()});
    if (frontend->diagnostics.HasErrors()) continue;
    std::string input = GoldenRecords(testing::ReadText(path));
    RuleCompilerOptions options{cache, ProgramDigest(frontend->sources, "")};
    RuleCompiler fresh(options), loaded(options);
    for (const check::CheckedRule& rule : frontend->program.rules) {
      if (!ir::ReportUncompilable(frontend->program, rule, frontend->diagnostics)) continue;
      runtime::CompiledRule first, second;
      std::string error;
      ASSERT_TRUE(fresh.CompileForRun(frontend->program, rule, first, error)) << path << error;
      ASSERT_TRUE(loaded.CompileForRun(frontend->program, rule, second, error)) << path << error;
      EXPECT_EQ(RunOver(first, input), RunOver(second, input)) << path << " rule " << rule.name;
      ++rules;
    }
    EXPECT_FALSE(loaded.jit_loaded()) << path;
    EXPECT_TRUE(loaded.cache_misses().empty()) << path << ": " << loaded.cache_misses().front();
  }
  EXPECT_GT(rules, 50);
  fs::remove_all(cache);
}

}  // namespace
}  // namespace weft::native
