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
#include "stdlib/builtins.h"
#include "stdlib/list_functions.h"

namespace weft::codegen {
namespace {

void InitializeTarget() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  });
}

// The runtime helpers that generated code calls, by name.
llvm::orc::SymbolMap RuntimeSymbols(llvm::orc::LLJIT& jit) {
  llvm::orc::SymbolMap symbols;
  auto add = [&](const char* name, auto* function) {
    symbols[jit.mangleAndIntern(name)] = {
        llvm::orc::ExecutorAddr::fromPtr(function),
        llvm::JITSymbolFlags::Exported | llvm::JITSymbolFlags::Callable};
  };
  add("weft_concat", &weft_concat);
  add("weft_allocate_slots", &weft_allocate_slots);
  add("weft_enter_item", &weft_enter_item);
  add("weft_sort_by", &weft_sort_by);
  add("weft_distinct", &weft_distinct);
  add("weft_list_extreme", &weft_list_extreme);
  add("weft_group_sum", &weft_group_sum);
  add("weft_int_to_string", &weft_int_to_string);
  add("weft_decimal_to_string", &weft_decimal_to_string);
  add("weft_string_compare", &weft_string_compare);
  add("weft_decimal_add", &weft_decimal_add);
  add("weft_decimal_subtract", &weft_decimal_subtract);
  add("weft_decimal_multiply", &weft_decimal_multiply);
  add("weft_decimal_rescale", &weft_decimal_rescale);
  add("weft_decimal_round", &weft_decimal_round);
  add("weft_decimal_rescale_exact", &weft_decimal_rescale_exact);
  add("weft_decimal_add_scaled", &weft_decimal_add_scaled);
  add("weft_decimal_subtract_scaled", &weft_decimal_subtract_scaled);
  add("weft_decimal_multiply_scaled", &weft_decimal_multiply_scaled);
  add("weft_reject_places", &weft_reject_places);
  add("weft_table_lookup_string", &weft_table_lookup_string);
  add("weft_float_to_string", &weft_float_to_string);
  add("weft_reject_float", &weft_reject_float);
  add("weft_table_lookup_int", &weft_table_lookup_int);
  add("weft_decimal_compare", &weft_decimal_compare);
  add("weft_decimal_fits", &weft_decimal_fits);
  for (const stdlib::Builtin& builtin : stdlib::Builtins()) {
    if (builtin.implementation != nullptr) add(builtin.symbol, builtin.implementation);
  }
  add("weft_reject", &weft_reject);
  add("weft_reject_overflow", &weft_reject_overflow);
  add("weft_reject_precision", &weft_reject_precision);
  add("weft_reject_division_by_zero", &weft_reject_division_by_zero);
  add("weft_reject_at", &weft_reject_at);
  return symbols;
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

llvm::Expected<std::unique_ptr<Jit>> Jit::Create(const std::string& cache_directory) {
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
  if (llvm::Error error = main.define(llvm::orc::absoluteSymbols(RuntimeSymbols(**jit))))
    return error;
  // Optimized code may call memcpy and similar libc functions.
  auto process = llvm::orc::DynamicLibrarySearchGenerator::GetForCurrentProcess(
      (*jit)->getDataLayout().getGlobalPrefix());
  if (!process) return process.takeError();
  main.addGenerator(std::move(*process));
  return std::unique_ptr<Jit>(new Jit(std::move(*jit), std::move(cache)));
}

llvm::Expected<WeftRuleFunction> Jit::Compile(const ir::Rule& rule) {
  auto context = std::make_unique<llvm::LLVMContext>();
  std::string function_name = "weft_rule_" + std::to_string(compiled_count_++);
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

llvm::Expected<runtime::CompiledRule> Jit::CompileForRun(const check::CheckedProgram& program,
                                                         const check::CheckedRule& rule) {
  ir::Rule lowered = ir::Lower(program, rule);
  auto function = Compile(lowered);
  if (!function) return function.takeError();

  runtime::CompiledRule compiled;
  compiled.name = rule.name;
  compiled.source = rule.source;
  compiled.target = rule.target;
  compiled.function = *function;
  compiled.reads_source_field = lowered.reads_source_field;
  compiled.assigns_target_field = lowered.assigns_target_field;
  compiled.source_paths = lowered.source_paths;
  compiled.tables = lowered.tables;
  compiled.regexes = lowered.regexes;
  if (lowered.condition) {
    lowered.body.clear();
    auto condition = Compile(lowered);
    if (!condition) return condition.takeError();
    compiled.condition = *condition;
    compiled.reads_in_condition = lowered.reads_in_condition;
  }
  return compiled;
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
