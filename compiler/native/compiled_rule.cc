#include "compiler/native/compiled_rule.h"

namespace weft::native {

bool CompileLoweredRule(const check::CheckedRule& rule, ir::Rule lowered,
                        const FunctionCompiler& compile, runtime::CompiledRule& compiled) {
  compiled.name = rule.name;
  compiled.source = rule.source;
  compiled.target = rule.target;
  compiled.function = compile(lowered, "body");
  if (compiled.function == nullptr) return false;
  compiled.reads_source_field = lowered.reads_source_field;
  compiled.assigns_target_field = lowered.assigns_target_field;
  compiled.source_paths = lowered.source_paths;
  compiled.tables = lowered.tables;
  compiled.regexes = lowered.regexes;
  if (lowered.condition) {
    lowered.body.clear();
    compiled.condition = compile(lowered, "condition");
    if (compiled.condition == nullptr) return false;
    compiled.reads_in_condition = lowered.reads_in_condition;
  }
  return true;
}

}  // namespace weft::native
