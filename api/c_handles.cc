#include "api/c_handles.h"

#include "stdlib/utf8.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <unordered_map>

namespace weft::embed::internal {

#ifndef NDEBUG
namespace {

struct Registry {
  std::mutex mutex;
  std::unordered_map<const void*, const char*> live;
};

Registry& Handles() {
  // Never destroyed, so that handles freed by static destructors of the host are still checked.
  static Registry* registry = new Registry;
  return *registry;
}

[[noreturn]] void AbortOnHandle(const void* handle, const char* type, const char* function) {
  std::fprintf(stderr,
               "weft: %s was passed %p, which is not a live %s handle: it was freed already "
               "or never created by weft\n",
               function, handle, type);
  std::abort();
}

bool IsLive(Registry& registry, const void* handle, const char* type) {
  auto entry = registry.live.find(handle);
  return entry != registry.live.end() && std::strcmp(entry->second, type) == 0;
}

}  // namespace

void RegisterHandle(const void* handle, const char* type) {
  Registry& registry = Handles();
  std::lock_guard<std::mutex> lock(registry.mutex);
  registry.live[handle] = type;
}

void UnregisterHandle(const void* handle, const char* type, const char* function) {
  Registry& registry = Handles();
  std::lock_guard<std::mutex> lock(registry.mutex);
  if (!IsLive(registry, handle, type)) AbortOnHandle(handle, type, function);
  registry.live.erase(handle);
}

void CheckHandle(const void* handle, const char* type, const char* function) {
  Registry& registry = Handles();
  std::lock_guard<std::mutex> lock(registry.mutex);
  if (!IsLive(registry, handle, type)) AbortOnHandle(handle, type, function);
}
#endif

void WriteMessage(char* buffer, size_t size, std::string_view text) {
  if (buffer == nullptr || size == 0) return;
  // A shortened message ends before a whole character, so that hosts can decode it as UTF-8.
  std::string_view fitting = utf8::TruncateAtCharacter(text, size - 1);
  std::memcpy(buffer, fitting.data(), fitting.size());
  buffer[fitting.size()] = '\0';
}

weft_status InvalidArgument(char* message, size_t message_size, const char* function,
                            const char* what) {
  WriteMessage(message, message_size, std::string(function) + ": " + what);
  return WEFT_INVALID_ARGUMENT;
}

}  // namespace weft::embed::internal
