// Fuzz target: parses and checks arbitrary .map text, and lowers and generates LLVM IR (checked
// by LLVM's verifier) for the rules of a program that checks cleanly. Any crash, hang,
// sanitizer report or uncaught exception is a bug.
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "compiler/codegen/codegen.h"
#include "compiler/frontend.h"
#include "compiler/ir/ir.h"
#include "compiler/ir/support.h"
#include "compiler/syntax/dump.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::unique_ptr<weft::Frontend> frontend = weft::CheckText("fuzz.map", text);
  std::string sink;
  for (const auto& file : frontend->program.files) sink += weft::syntax::DumpAst(*file);
  if (!frontend->diagnostics.HasErrors()) {
    for (const weft::check::CheckedRule& rule : frontend->program.rules) {
      if (!weft::ir::ReportUncompilable(frontend->program, rule, frontend->diagnostics)) continue;
      weft::ir::Rule lowered = weft::ir::Lower(frontend->program, rule);
      sink += weft::ir::Dump(lowered);
      llvm::LLVMContext context;
      weft::codegen::GenerateModule(lowered, "fuzz_rule", context);
    }
  }
  return 0;
}
