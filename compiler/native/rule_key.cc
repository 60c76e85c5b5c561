#include "compiler/native/rule_key.h"

#if defined(__x86_64__)
#include <cpuid.h>
#endif

#include <algorithm>
#include <cstdint>
#include <initializer_list>

#include "compiler/diagnostics/project_root.h"
#include "compiler/native/cache_files.h"
#include "compiler/native/jit_module.h"
#include "stdlib/digest.h"

namespace weft::native {
namespace {

// Adds a length before each part, so that no two lists of parts hash the same bytes.
void AddPart(digest::Sha256& hash, std::string_view part) {
  hash.Update(std::to_string(part.size()));
  hash.Update(":");
  hash.Update(part);
}

#if defined(__x86_64__)
void AddCpuid(std::string& identity, unsigned leaf, unsigned subleaf,
              std::initializer_list<int> registers) {
  unsigned values[4] = {0, 0, 0, 0};
  __cpuid_count(leaf, subleaf, values[0], values[1], values[2], values[3]);
  identity += " " + std::to_string(leaf) + "." + std::to_string(subleaf) + ":";
  for (int index : registers) identity += " " + std::to_string(values[index]);
}
#endif

// The identity of this build of the compiler: its version, the builds (FileIdentity) of the file
// that contains the front end and the lowering, of the JIT module and of the LLVM library that
// the module links, and the CPU. The JIT module and LLVM are identified from their files, which
// are not loaded when every rule is found in the cache.
const std::string& CompilerIdentity() {
  static const std::string identity =
      std::string("weft " WEFT_VERSION "\nprogram ") +
      IdentityOfFileContaining(reinterpret_cast<const void*>(&CompilerIdentity)) + "\njit " +
      FileIdentity(JitModulePath()) + "\nllvm " + FileIdentity(WEFT_LLVM_LIBRARY) + "\ncpu " +
      HostCpuIdentity();
  return identity;
}

}  // namespace

std::string HostCpuIdentity() {
#if !defined(__x86_64__)
  // The object loader handles x86-64 code only, so elsewhere every rule goes through the JIT,
  // whose own cache key names the CPU.
  return "not x86-64";
#else
  enum { kEax, kEbx, kEcx, kEdx };
  unsigned max_leaf = __get_cpuid_max(0, nullptr);
  unsigned max_extended_leaf = __get_cpuid_max(0x80000000, nullptr);
  std::string identity =
      "max " + std::to_string(max_leaf) + " " + std::to_string(max_extended_leaf);
  // Leaf 0 is the vendor, and leaf 1 the signature and feature flags without EBX, which contains
  // the APIC id. Leaves 7, 0xd, 0x14, 0x19 and the extended leaves add the other features.
  AddCpuid(identity, 0, 0, {kEbx, kEcx, kEdx});
  if (max_leaf >= 1) AddCpuid(identity, 1, 0, {kEax, kEcx, kEdx});
  if (max_leaf >= 7) {
    AddCpuid(identity, 7, 0, {kEax, kEbx, kEcx, kEdx});
    AddCpuid(identity, 7, 1, {kEax, kEbx, kEcx, kEdx});
  }
  if (max_leaf >= 0xd) AddCpuid(identity, 0xd, 1, {kEax});
  if (max_leaf >= 0x14) AddCpuid(identity, 0x14, 0, {kEbx});
  if (max_leaf >= 0x19) AddCpuid(identity, 0x19, 0, {kEbx});
  for (unsigned leaf = 0x80000001; leaf <= std::min(max_extended_leaf, 0x80000004u); ++leaf)
    AddCpuid(identity, leaf, 0, {kEax, kEbx, kEcx, kEdx});
  if (max_extended_leaf >= 0x80000008) AddCpuid(identity, 0x80000008, 0, {kEbx});

  // XCR0 lists the registers the operating system saves, so it decides whether AVX and AVX-512
  // can be used. XGETBV exists only when CPUID reports OSXSAVE (leaf 1, ECX bit 27).
  unsigned eax, ebx, ecx, edx;
  if (max_leaf >= 1 && __get_cpuid(1, &eax, &ebx, &ecx, &edx) && (ecx & (1u << 27)) != 0) {
    uint32_t low, high;
    __asm__("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
    identity += " xcr0: " + std::to_string(low) + " " + std::to_string(high);
  }
  return identity;
#endif
}

std::string ProgramDigest(const SourceManager& sources, std::string_view settings) {
  digest::Sha256 hash;
  AddPart(hash, settings);
  for (FileId id = 0; id < sources.size(); ++id) {
    AddPart(hash, CanonicalPath(sources.Get(id).path()));
    AddPart(hash, sources.Get(id).text());
  }
  return digest::Hex(hash.Final());
}

std::string FunctionCacheKey(std::string_view program_digest, int rule_index,
                             std::string_view rule_name, std::string_view function) {
  std::string index = std::to_string(rule_index);
  digest::Sha256 hash;
  for (std::string_view part : {std::string_view(CompilerIdentity()), program_digest,
                                std::string_view(index), rule_name, function})
    AddPart(hash, part);
  return digest::Hex(hash.Final());
}

}  // namespace weft::native
