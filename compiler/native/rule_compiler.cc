#include "compiler/native/rule_compiler.h"

#include <dlfcn.h>

#include <filesystem>
#include <sstream>

#include "compiler/ir/ir.h"
#include "compiler/native/cache_files.h"
#include "compiler/native/compiled_rule.h"
#include "compiler/native/rule_key.h"
#include "compiler/native/symbol_names.h"

namespace weft::native {
namespace {

// The path of the entry that names the object code of the function with cache key `key`.
std::string EntryPath(const std::string& directory, const std::string& key) {
  return directory + "/" + key + ".rule";
}

// The cache file of an object, named by its key as the JIT's object cache names it.
std::string ObjectPath(const std::string& directory, const std::string& object_key) {
  return directory + "/" + object_key + ".o";
}

bool IsHexKey(const std::string& text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// An entry's contents: the key of the object file and the name of the function in it.
struct Entry {
  std::string object_key;
  std::string function_name;
};

std::optional<Entry> ReadEntry(const std::string& path) {
  std::optional<std::string> text = ReadCheckedFile(path);
  if (!text) return std::nullopt;
  std::istringstream lines(*text);
  std::string object_label, function_label;
  Entry entry;
  lines >> object_label >> entry.object_key >> function_label >> entry.function_name;
  if (object_label != "object" || function_label != "function" || !IsHexKey(entry.object_key) ||
      entry.function_name.empty())
    return std::nullopt;
  return entry;
}

// Finds the symbols of a loaded rule's object: its tables and regexes by the names the code
// generator gave them, the runtime's functions, and libc functions such as memcpy that optimized
// code may call, as the JIT finds them.
void* ResolveRuleSymbol(const ir::Rule& rule, const std::string& function_name,
                        const std::string& name) {
  for (size_t i = 0; i < rule.tables.size(); ++i) {
    if (name == TableSymbol(function_name, i))
      return const_cast<runtime::ValueTable*>(rule.tables[i].get());
  }
  for (size_t i = 0; i < rule.regexes.size(); ++i) {
    if (name == RegexSymbol(function_name, i)) return const_cast<re2::RE2*>(rule.regexes[i].get());
  }
  if (void* runtime_function = FindRuntimeSymbol(name)) return runtime_function;
  return dlsym(RTLD_DEFAULT, name.c_str());
}

}  // namespace

RuleCompiler::RuleCompiler(RuleCompilerOptions options) : options_(std::move(options)) {}
RuleCompiler::~RuleCompiler() = default;

WeftRuleFunction RuleCompiler::LoadCached(const ir::Rule& rule, const std::string& key) {
  std::optional<Entry> entry = ReadEntry(EntryPath(options_.cache_directory, key));
  if (!entry) return nullptr;
  std::optional<std::string> object =
      ReadCheckedFile(ObjectPath(options_.cache_directory, entry->object_key));
  if (!object) {
    cache_misses_.push_back("the object file " + entry->object_key + " is missing or damaged");
    return nullptr;
  }

  std::string error;
  auto resolve = [&](const std::string& name) {
    return ResolveRuleSymbol(rule, entry->function_name, name);
  };
  // An object that cannot serve this key is removed, so that the JIT compiles the rule again
  // instead of loading the same object from its own cache, which failed on every later run when
  // the object lacked the function.
  auto reject = [&](std::string reason) {
    cache_misses_.push_back("the object file " + entry->object_key + " " + reason);
    std::error_code ignored;
    std::filesystem::remove(ObjectPath(options_.cache_directory, entry->object_key), ignored);
    return nullptr;
  };
  std::unique_ptr<LoadedObject> loaded = LoadObject(*object, resolve, error);
  if (loaded == nullptr) return reject("cannot be loaded: " + error);
  auto function = reinterpret_cast<WeftRuleFunction>(loaded->FindSymbol(entry->function_name));
  if (function == nullptr) return reject("does not define " + entry->function_name);
  objects_.push_back(std::move(loaded));
  return function;
}

void RuleCompiler::RememberEntry(const std::string& key, const std::string& object_key,
                                 const std::string& function_name) {
  if (!IsHexKey(object_key)) return;
  // An entry is written only once its object is in place. An entry that names a missing object
  // would send every later run to the JIT, with the message that the object is missing.
  std::error_code error;
  if (!std::filesystem::is_regular_file(ObjectPath(options_.cache_directory, object_key), error))
    return;
  // A cache that cannot be written only costs time later, so compiling goes on.
  bool written =
      WriteCheckedFile(EntryPath(options_.cache_directory, key),
                       "object " + object_key + "\nfunction " + function_name + "\n", error);
  if (!written && !entry_write_error_) entry_write_error_ = error;
}

std::error_code RuleCompiler::cache_write_error() const {
  if (entry_write_error_) return entry_write_error_;
  return jit_ != nullptr ? jit_->cache_write_error() : std::error_code();
}

WeftRuleFunction RuleCompiler::CompileFunction(const ir::Rule& rule, const std::string& key,
                                               std::string& error) {
  ++compiled_count_;
  bool cache = !options_.cache_directory.empty();
  if (cache) {
    if (WeftRuleFunction function = LoadCached(rule, key)) {
      ++cached_count_;
      return function;
    }
  }

  if (jit_ == nullptr) {
    jit_ = OpenJitModule(options_.cache_directory, error);
    if (jit_ == nullptr) return nullptr;
  }
  // Each function gets a name that is new to the JIT, and the entry records it for later loads.
  std::string function_name = "weft_rule_" + std::to_string(jit_->compiled_count());
  std::string object_key;
  WeftRuleFunction function = jit_->Compile(rule, function_name, object_key, error);
  if (function != nullptr && cache) RememberEntry(key, object_key, function_name);
  return function;
}

bool RuleCompiler::CompileForRun(const check::CheckedProgram& program,
                                 const check::CheckedRule& rule, runtime::CompiledRule& compiled,
                                 std::string& error) {
  int index = static_cast<int>(&rule - program.rules.data());
  if (index < 0 || index >= static_cast<int>(program.rules.size())) index = -1;
  auto compile = [&](const ir::Rule& lowered, std::string_view function) {
    std::string key = FunctionCacheKey(options_.program_digest, index, rule.name, function);
    return CompileFunction(lowered, key, error);
  };
  return CompileLoweredRule(rule, ir::Lower(program, rule), compile, compiled);
}

}  // namespace weft::native
