// Tests of the parts of the rule cache that need no LLVM: the default cache directory and the
// identity of a build, by its GNU build-id or else by path, size and time.
#include "compiler/native/cache_files.h"

#include <elf.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>

#include "compiler/native/build_id.h"
#include "tests/support/elf_header.h"

namespace weft::native {
namespace {

// Sets the variables that choose the default cache directory, and restores them after the test.
class DefaultCacheDirectoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : {"WEFT_CACHE_DIR", "XDG_CACHE_HOME", "HOME"}) {
      const char* value = std::getenv(name);
      saved_[name] = value != nullptr ? std::optional<std::string>(value) : std::nullopt;
    }
  }
  void TearDown() override {
    for (const auto& [name, value] : saved_) Set(name.c_str(), value ? value->c_str() : nullptr);
  }

  // Sets `name` to `value`, or unsets it when `value` is null.
  static void Set(const char* name, const char* value) {
    if (value != nullptr) {
      ::setenv(name, value, 1);
    } else {
      ::unsetenv(name);
    }
  }

  std::map<std::string, std::optional<std::string>> saved_;
};

struct DirectoryCase {
  const char* weft_cache_dir;
  const char* xdg_cache_home;
  const char* home;
  const char* expected;
};

TEST_F(DefaultCacheDirectoryTest, TakesTheFirstUsableChoice) {
  const DirectoryCase cases[] = {
      {"/w", "/x", "/h", "/w"},
      {nullptr, "/x", "/h", "/x/weft"},
      {nullptr, nullptr, "/h", "/h/.cache/weft"},
      // An explicit directory may be relative to the current one.
      {"w", nullptr, "/h", "w"},
      {nullptr, nullptr, nullptr, ""},
  };
  for (const DirectoryCase& test : cases) {
    Set("WEFT_CACHE_DIR", test.weft_cache_dir);
    Set("XDG_CACHE_HOME", test.xdg_cache_home);
    Set("HOME", test.home);
    EXPECT_EQ(DefaultCacheDirectory(), test.expected)
        << "WEFT_CACHE_DIR=" << (test.weft_cache_dir ? test.weft_cache_dir : "(unset)")
        << " XDG_CACHE_HOME=" << (test.xdg_cache_home ? test.xdg_cache_home : "(unset)")
        << " HOME=" << (test.home ? test.home : "(unset)");
  }
}

TEST_F(DefaultCacheDirectoryTest, EmptyWeftCacheDirIsUnset) {
  Set("WEFT_CACHE_DIR", "");
  Set("XDG_CACHE_HOME", "/x");
  EXPECT_EQ(DefaultCacheDirectory(), "/x/weft");

  Set("XDG_CACHE_HOME", nullptr);
  Set("HOME", "/h");
  EXPECT_EQ(DefaultCacheDirectory(), "/h/.cache/weft");
}

TEST_F(DefaultCacheDirectoryTest, EmptyXdgCacheHomeIsUnset) {
  Set("WEFT_CACHE_DIR", nullptr);
  Set("XDG_CACHE_HOME", "");
  Set("HOME", "/h");
  EXPECT_EQ(DefaultCacheDirectory(), "/h/.cache/weft");
}

// The XDG Base Directory Specification requires absolute paths in its variables, and
// implementations ignore a relative one.
TEST_F(DefaultCacheDirectoryTest, RelativeXdgCacheHomeIsIgnored) {
  Set("WEFT_CACHE_DIR", nullptr);
  Set("XDG_CACHE_HOME", "relative/cache");
  Set("HOME", "/h");
  EXPECT_EQ(DefaultCacheDirectory(), "/h/.cache/weft");
}

TEST_F(DefaultCacheDirectoryTest, NothingUsableGivesNoDirectory) {
  Set("WEFT_CACHE_DIR", "");
  Set("XDG_CACHE_HOME", "");
  Set("HOME", "");
  EXPECT_EQ(DefaultCacheDirectory(), "");
}

namespace fs = std::filesystem;

// Appends the bytes of `value` to `bytes`.
template <typename T>
void Append(std::string& bytes, const T& value) {
  bytes.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// A note as linkers write it: the header, the name and the description, each padded to
// `alignment` bytes.
std::string Note(uint32_t type, std::string_view name, std::string_view description,
                 size_t alignment) {
  Elf64_Nhdr header{static_cast<uint32_t>(name.size()), static_cast<uint32_t>(description.size()),
                    type};
  std::string note;
  Append(note, header);
  note += name;
  note.resize((note.size() + alignment - 1) / alignment * alignment, '\0');
  note += description;
  note.resize((note.size() + alignment - 1) / alignment * alignment, '\0');
  return note;
}

// A 64-bit ELF file that has only a header, one PT_NOTE program header and `notes`.
std::string ElfWithNotes(const std::string& notes, size_t alignment) {
  Elf64_Ehdr header = testing::X86_64ElfHeader(ET_DYN);
  header.e_phoff = sizeof(Elf64_Ehdr);
  header.e_phentsize = sizeof(Elf64_Phdr);
  header.e_phnum = 1;

  Elf64_Phdr segment{};
  segment.p_type = PT_NOTE;
  segment.p_offset = sizeof(Elf64_Ehdr) + sizeof(Elf64_Phdr);
  segment.p_filesz = segment.p_memsz = notes.size();
  segment.p_align = alignment;

  std::string file;
  Append(file, header);
  Append(file, segment);
  return file + notes;
}

const std::string_view kGnu("GNU\0", 4);
const std::string kIdA(20, '\x0a');
const std::string kIdB(20, '\x0b');

void WriteFile(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

class BuildIdTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::path(::testing::TempDir()) / ("weft-build-id-" + std::to_string(::getpid()));
    fs::remove_all(folder_);
    fs::create_directories(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }

  fs::path folder_;
};

TEST_F(BuildIdTest, FindsTheNoteAmongOthers) {
  std::string notes = Note(NT_GNU_ABI_TAG, kGnu, std::string(16, '\x01'), 4) +
                      Note(NT_GNU_BUILD_ID, "Go", kIdB, 4) + Note(NT_GNU_BUILD_ID, kGnu, kIdA, 4);
  EXPECT_EQ(FindBuildIdNote(notes, 4), "0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a");
}

TEST_F(BuildIdTest, ReadsNotesAlignedToEightBytes) {
  std::string notes = Note(NT_GNU_PROPERTY_TYPE_0, kGnu, std::string(16, '\x02'), 8) +
                      Note(NT_GNU_BUILD_ID, kGnu, "\x12\x34\xab", 8);
  EXPECT_EQ(FindBuildIdNote(notes, 8), "1234ab");
}

TEST_F(BuildIdTest, CutNotesHaveNoBuildId) {
  std::string note = Note(NT_GNU_BUILD_ID, kGnu, kIdA, 4);
  for (size_t size = 0; size < note.size(); ++size)
    EXPECT_EQ(FindBuildIdNote(std::string_view(note).substr(0, size), 4), "") << size;
}

TEST_F(BuildIdTest, ReadsTheBuildIdOfAFile) {
  fs::path file = folder_ / "library.so";
  WriteFile(file, ElfWithNotes(Note(NT_GNU_BUILD_ID, kGnu, "\x01\x23\x45\x67", 4), 4));
  EXPECT_EQ(BuildIdOfFile(file.string()), "01234567");
  EXPECT_EQ(FileIdentity(file.string()), "build-id 01234567");
}

// A rebuild may keep the size and, copied with its time, the modification time. Its build-id
// still differs, and so must its identity.
TEST_F(BuildIdTest, RebuildWithSameSizeAndTimeDiffers) {
  fs::path file = folder_ / "weft";
  WriteFile(file, ElfWithNotes(Note(NT_GNU_BUILD_ID, kGnu, kIdA, 4), 4));
  fs::file_time_type time = fs::last_write_time(file);
  std::string first = FileIdentity(file.string());

  WriteFile(file, ElfWithNotes(Note(NT_GNU_BUILD_ID, kGnu, kIdB, 4), 4));
  fs::last_write_time(file, time);
  EXPECT_NE(FileIdentity(file.string()), first);
}

TEST_F(BuildIdTest, SameBuildElsewhereIsTheSame) {
  std::string elf = ElfWithNotes(Note(NT_GNU_BUILD_ID, kGnu, kIdA, 4), 4);
  WriteFile(folder_ / "one", elf);
  WriteFile(folder_ / "two", elf);
  EXPECT_EQ(FileIdentity((folder_ / "one").string()), FileIdentity((folder_ / "two").string()));
}

TEST_F(BuildIdTest, FileWithoutBuildIdFallsBack) {
  fs::path elf = folder_ / "no-build-id";
  WriteFile(elf, ElfWithNotes(Note(NT_GNU_ABI_TAG, kGnu, std::string(16, '\x01'), 4), 4));
  fs::path text = folder_ / "text";
  WriteFile(text, "not an ELF file\n");

  EXPECT_EQ(BuildIdOfFile(elf.string()), "");
  EXPECT_EQ(BuildIdOfFile(text.string()), "");
  EXPECT_EQ(FileIdentity(text.string()).rfind("file " + text.string() + " 16 ", 0), 0u)
      << FileIdentity(text.string());
  EXPECT_EQ(FileIdentity((folder_ / "missing").string()), "unknown");
}

TEST_F(BuildIdTest, FifoIsNotWaitedFor) {
  fs::path fifo = folder_ / "fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(BuildIdOfFile(fifo.string()), "");
}

// The test program is linked with a build-id (CMakeLists.txt), which the image in memory and the
// file on disk both carry.
TEST_F(BuildIdTest, LoadedImageMatchesItsFile) {
  std::string loaded = BuildIdOfLoadedImage(reinterpret_cast<const void*>(&ElfWithNotes));
  EXPECT_EQ(loaded.size(), 40u) << loaded;
  EXPECT_EQ(loaded, BuildIdOfFile("/proc/self/exe"));
  EXPECT_EQ(IdentityOfFileContaining(reinterpret_cast<const void*>(&ElfWithNotes)),
            "build-id " + loaded);
}

TEST_F(BuildIdTest, AddressOutsideEveryImageHasNone) {
  int on_the_stack = 0;
  EXPECT_EQ(BuildIdOfLoadedImage(&on_the_stack), "");
}

// The name that WriteCheckedFile gives the temporary file of `name`.
std::string TemporaryName(const std::string& name) { return name + ".4242-0123456789abcdef-7.tmp"; }

TEST(StaleTemporaries, RemovesOnlyOldTemporaries) {
  fs::path folder =
      fs::path(::testing::TempDir()) / ("weft-stale-temporaries-" + std::to_string(::getpid()));
  fs::path partial = folder / ".weft-partial";
  fs::remove_all(folder);
  fs::create_directories(partial);
  auto age = [](const fs::path& path, int hours) {
    fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::hours(hours));
  };
  auto make = [&](const fs::path& path, int hours) {
    std::ofstream(path) << "x";
    age(path, hours);
  };
  make(partial / TemporaryName("a.o"), 2);
  make(partial / TemporaryName("b.rule"), 30);
  make(partial / TemporaryName("c.o"), 0);
  make(partial / "notes.tmp", 2);
  make(partial / "d.o.12-0123456789abcdef-x.tmp", 2);
  make(partial / "e.o.12-0123-1.tmp", 2);
  make(folder / TemporaryName("f.o"), 2);
  make(folder / "g.o.tmp1-1", 2);
  fs::create_directories(partial / TemporaryName("h.o"));
  age(partial / TemporaryName("h.o"), 2);
  // A new link to an old file: its target's time is not the link's.
  make(folder / "old-target", 5);
  fs::create_symlink(folder / "old-target", partial / TemporaryName("i.o"));

  RemoveStaleTemporaries(folder.string());
  EXPECT_FALSE(fs::exists(partial / TemporaryName("a.o")));
  EXPECT_FALSE(fs::exists(partial / TemporaryName("b.rule")));
  // A recent one may belong to a process that is writing it now.
  EXPECT_TRUE(fs::exists(partial / TemporaryName("c.o")));
  // Other names, anything outside the partial folder, folders and links are left alone.
  EXPECT_TRUE(fs::exists(partial / "notes.tmp"));
  EXPECT_TRUE(fs::exists(partial / "d.o.12-0123456789abcdef-x.tmp"));
  EXPECT_TRUE(fs::exists(partial / "e.o.12-0123-1.tmp"));
  EXPECT_TRUE(fs::exists(folder / TemporaryName("f.o")));
  EXPECT_TRUE(fs::exists(folder / "g.o.tmp1-1"));
  EXPECT_TRUE(fs::exists(partial / TemporaryName("h.o")));
  EXPECT_TRUE(fs::is_symlink(partial / TemporaryName("i.o")));
  EXPECT_TRUE(fs::exists(folder / "old-target"));
  // A directory without a partial folder is no error.
  RemoveStaleTemporaries((folder / "missing").string());
  fs::remove_all(folder);
}

TEST(StaleTemporaries, PartialFolderCopiesPermissions) {
  fs::path folder =
      fs::path(::testing::TempDir()) / ("weft-partial-mode-" + std::to_string(::getpid()));
  fs::remove_all(folder);
  fs::create_directories(folder);
  // As a cache shared by a group is: writable by the group, with new files in the group.
  fs::permissions(folder, fs::perms::owner_all | fs::perms::group_all | fs::perms::set_gid);
  std::error_code error;
  ASSERT_TRUE(WriteCheckedFile((folder / "k.o").string(), "object", error)) << error.message();
  EXPECT_EQ(fs::status(folder / ".weft-partial").permissions(), fs::status(folder).permissions());
  fs::remove_all(folder);
}

TEST(StaleTemporaries, SkipsPartialFolderLinkOrFile) {
  fs::path base =
      fs::path(::testing::TempDir()) / ("weft-partial-link-" + std::to_string(::getpid()));
  fs::remove_all(base);
  fs::path elsewhere = base / "elsewhere";
  fs::path linked = base / "linked";
  fs::path blocked = base / "blocked";
  fs::create_directories(elsewhere);
  fs::create_directories(linked);
  fs::create_directories(blocked);
  fs::path old_file = elsewhere / TemporaryName("a.o");
  std::ofstream(old_file) << "x";
  fs::last_write_time(old_file, fs::file_time_type::clock::now() - std::chrono::hours(2));
  fs::create_directory_symlink(elsewhere, linked / ".weft-partial");
  std::ofstream(blocked / ".weft-partial") << "a file";

  std::error_code error;
  // A link is not followed, neither to write nor to remove, and the file is written beside its
  // final name instead.
  ASSERT_TRUE(WriteCheckedFile((linked / "k.o").string(), "object", error)) << error.message();
  EXPECT_EQ(ReadCheckedFile((linked / "k.o").string()), "object");
  EXPECT_TRUE(fs::exists(old_file));
  EXPECT_EQ(std::distance(fs::directory_iterator(elsewhere), fs::directory_iterator()), 1);
  ASSERT_TRUE(WriteCheckedFile((blocked / "k.o").string(), "object", error)) << error.message();
  EXPECT_EQ(ReadCheckedFile((blocked / "k.o").string()), "object");
  fs::remove_all(base);
}

TEST(StaleTemporaries, WriteLeavesNoTemporary) {
  fs::path folder =
      fs::path(::testing::TempDir()) / ("weft-checked-files-" + std::to_string(::getpid()));
  fs::remove_all(folder);
  std::error_code error;
  ASSERT_TRUE(WriteCheckedFile((folder / "k.o").string(), "object", error)) << error.message();
  EXPECT_EQ(ReadCheckedFile((folder / "k.o").string()), "object");
  EXPECT_TRUE(fs::is_empty(folder / ".weft-partial"));
  fs::remove_all(folder);
}

}  // namespace
}  // namespace weft::native
