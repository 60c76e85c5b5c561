#include "compiler/codegen/jit.h"

#include <llvm/ExecutionEngine/Orc/CompileUtils.h>
#include <llvm/ExecutionEngine/Orc/ExecutionUtils.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>

#include <mutex>

#include "compiler/codegen/codegen.h"

namespace weft::codegen {
namespace {

void InitializeTarget() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  });
}

// The runtime's functions that generated code calls, by name.
llvm::orc::SymbolMap RuntimeSymbolMap(llvm::orc::LLJIT& jit,
                                      std::span<const native::RuntimeSymbol> symbols) {
  llvm::orc::SymbolMap map;
  for (const native::RuntimeSymbol& symbol : symbols) {
    map[jit.mangleAndIntern(symbol.name)] = {
        llvm::orc::ExecutorAddr::fromPtr(symbol.address),
        llvm::JITSymbolFlags::Exported | llvm::JITSymbolFlags::Callable};
  }
  return map;
}

void Optimize(llvm::Module& module) {
  llvm::LoopAnalysisManager loops;
  llvm::FunctionAnalysisManager functions;
  llvm::CGSCCAnalysisManager cgscc;
  llvm::ModuleAnalysisManager modules;
  llvm::PassBuilder builder;
  builder.registerModuleAnalyses(modules);
  builder.registerCGSCCAnalyses(cgscc);
  builder.registerFunctionAnalyses(functions);
  builder.registerLoopAnalyses(loops);
  builder.crossRegisterProxies(loops, functions, cgscc, modules);
  builder.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O2).run(module, modules);
}

}  // namespace

llvm::Expected<std::unique_ptr<Jit>> Jit::Create(
    const std::string& cache_directory, std::span<const native::RuntimeSymbol> symbols) {
  InitializeTarget();
  llvm::orc::LLJITBuilder builder;
  std::shared_ptr<DiskObjectCache> cache;
  if (!cache_directory.empty()) {
    cache = std::make_shared<DiskObjectCache>(cache_directory);
    builder.setCompileFunctionCreator(
        [cache](llvm::orc::JITTargetMachineBuilder machine_builder)
            -> llvm::Expected<std::unique_ptr<llvm::orc::IRCompileLayer::IRCompiler>> {
          auto machine = machine_builder.createTargetMachine();
          if (!machine) return machine.takeError();
          return std::make_unique<llvm::orc::TMOwningSimpleCompiler>(std::move(*machine),
                                                                     cache.get());
        });
  }
  auto jit = builder.create();
  if (!jit) return jit.takeError();

  llvm::orc::JITDylib& main = (*jit)->getMainJITDylib();
  llvm::orc::SymbolMap runtime_symbols = RuntimeSymbolMap(**jit, symbols);
  if (llvm::Error error = main.define(llvm::orc::absoluteSymbols(std::move(runtime_symbols))))
    return error;
  // Optimized code may call memcpy and similar libc functions.
  auto process = llvm::orc::DynamicLibrarySearchGenerator::GetForCurrentProcess(
      (*jit)->getDataLayout().getGlobalPrefix());
  if (!process) return process.takeError();
  main.addGenerator(std::move(*process));
  return std::unique_ptr<Jit>(new Jit(std::move(*jit), std::move(cache)));
}

llvm::Expected<WeftRuleFunction> Jit::Compile(const ir::Rule& rule) {
  std::string object_key;
  return Compile(rule, "weft_rule_" + std::to_string(compiled_count_), object_key);
}

llvm::Expected<WeftRuleFunction> Jit::Compile(const ir::Rule& rule,
                                              const std::string& function_name,
                                              std::string& object_key) {
  ++compiled_count_;
  auto context = std::make_unique<llvm::LLVMContext>();
  std::unique_ptr<llvm::Module> module = GenerateModule(rule, function_name, *context);
  module->setDataLayout(jit_->getDataLayout());
  module->setTargetTriple(jit_->getTargetTriple().str());

  // The tables and regexes the code uses are bound by name, so the object code contains no
  // address.
  llvm::orc::SymbolMap objects;
  for (size_t i = 0; i < rule.tables.size(); ++i) {
    objects[jit_->mangleAndIntern(TableSymbol(function_name, i))] = {
        llvm::orc::ExecutorAddr::fromPtr(rule.tables[i].get()), llvm::JITSymbolFlags::Exported};
  }
  for (size_t i = 0; i < rule.regexes.size(); ++i) {
    objects[jit_->mangleAndIntern(RegexSymbol(function_name, i))] = {
        llvm::orc::ExecutorAddr::fromPtr(rule.regexes[i].get()), llvm::JITSymbolFlags::Exported};
  }
  if (!objects.empty()) {
    if (llvm::Error error =
            jit_->getMainJITDylib().define(llvm::orc::absoluteSymbols(std::move(objects))))
      return error;
  }

  // A cached object skips the optimizer as well as the code generator.
  if (cache_ != nullptr) module->setModuleIdentifier(CacheKey(*module));
  object_key = cache_ != nullptr ? module->getModuleIdentifier() : "";
  bool cached = cache_ != nullptr && cache_->Has(module->getModuleIdentifier());
  if (cached) ++cached_count_;
  if (!cached) Optimize(*module);

  if (llvm::Error error =
          jit_->addIRModule(llvm::orc::ThreadSafeModule(std::move(module), std::move(context)))) {
    return error;
  }
  auto address = jit_->lookup(function_name);
  if (!address) return address.takeError();
  return address->toPtr<WeftRuleFunction>();
}

std::string Jit::DumpLlvm(const ir::Rule& rule) {
  InitializeTarget();
  llvm::LLVMContext context;
  std::unique_ptr<llvm::Module> module = GenerateModule(rule, "weft_rule", context);
  Optimize(*module);
  std::string text;
  llvm::raw_string_ostream stream(text);
  module->print(stream, nullptr);
  return stream.str();
}

}  // namespace weft::codegen
