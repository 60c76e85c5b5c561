#pragma once

#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "weft/weft.h"

struct weft_program {
  weft::embed::Program program;
  // The rule names as C strings, which live as long as the handle.
  std::vector<std::string> rule_names;
};

struct weft_rule {
  weft::embed::Rule rule;
};

struct weft_mapper {
  weft::embed::Mapper mapper;
  // The outcome of the last call, which the weft_outcome handed out points into.
  weft::embed::Outcome outcome;
};

namespace weft::embed::internal {

// The type names of the handles, which checks and messages use.
inline constexpr const char* kProgramType = "weft_program";
inline constexpr const char* kRuleType = "weft_rule";
inline constexpr const char* kMapperType = "weft_mapper";

// In builds without NDEBUG, every live handle is registered with its type, so that freeing or
// using a handle that is not live aborts with a message instead of corrupting memory. A freed
// handle whose address a new handle of the same type reuses escapes the check.
#ifdef NDEBUG
inline void RegisterHandle(const void*, const char*) {}
inline void UnregisterHandle(const void*, const char*, const char*) {}
inline void CheckHandle(const void*, const char*, const char*) {}
#else
void RegisterHandle(const void* handle, const char* type);
// Aborts when `handle` is no live handle of `type`, naming `function`.
void UnregisterHandle(const void* handle, const char* type, const char* function);
void CheckHandle(const void* handle, const char* type, const char* function);
#endif

// Copies `text` into the caller's buffer, cut to fit and NUL-terminated; a NULL buffer or a
// size of 0 is left alone.
void WriteMessage(char* buffer, size_t size, std::string_view text);

// Runs `body`, which returns a weft_status, and turns any exception into WEFT_INTERNAL_ERROR
// with its reason, so that none crosses the C boundary.
template <typename Body>
weft_status Guard(char* message, size_t message_size, Body body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    WriteMessage(message, message_size, "out of memory");
  } catch (const std::exception& error) {
    WriteMessage(message, message_size, std::string("internal error: ") + error.what());
  } catch (...) {
    WriteMessage(message, message_size, "internal error of an unknown kind");
  }
  return WEFT_INTERNAL_ERROR;
}

// Returns WEFT_INVALID_ARGUMENT with a message naming `what` and `function`.
weft_status InvalidArgument(char* message, size_t message_size, const char* function,
                            const char* what);

}  // namespace weft::embed::internal
