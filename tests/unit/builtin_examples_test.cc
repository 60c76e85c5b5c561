// Runs the example of every builtin in stdlib/builtins.cc through the checker and the JIT, so
// that the reference documentation shows only examples that hold.
#include <gtest/gtest.h>
#include <llvm/Support/Error.h>

#include <sstream>

#include "compiler/codegen/jit.h"
#include "compiler/frontend.h"
#include "compiler/ir/support.h"
#include "runtime/executor.h"
#include "stdlib/builtins.h"

namespace weft {
namespace {

// A rule whose one target field is true when the example is.
std::string ProgramFor(const stdlib::Builtin& builtin) {
  return "schema example {\n"
         "  record In {\n"
         "    unused: string?\n"
         "  }\n"
         "  record Out {\n"
         "    holds: bool\n"
         "  }\n"
         "}\n"
         "map example.In -> example.Out {\n"
         "  holds = " +
         std::string(builtin.example) + "\n}\n";
}

std::string Render(const DiagnosticEngine& diagnostics) {
  std::ostringstream out;
  diagnostics.RenderAll(out);
  return out.str();
}

class BuiltinExample : public testing::TestWithParam<const stdlib::Builtin*> {};

TEST_P(BuiltinExample, Holds) {
  const stdlib::Builtin& builtin = *GetParam();
  std::string example(builtin.example);
  ASSERT_NE(example.find(std::string(builtin.name) + "("), std::string::npos)
      << "the example of `" << builtin.name << "` must call it: " << example;
  ASSERT_NE(example.find(" == "), std::string::npos)
      << "the example of `" << builtin.name << "` must be written as `call == expected`";

  std::unique_ptr<Frontend> frontend = CheckText("example.map", ProgramFor(builtin));
  ASSERT_FALSE(frontend->diagnostics.HasErrors()) << example << "\n"
                                                  << Render(frontend->diagnostics);
  const check::CheckedRule& rule = frontend->program.rules.at(0);
  bool compilable = ir::ReportUncompilable(frontend->program, rule, frontend->diagnostics);
  if (builtin.lowering == stdlib::Lowering::NotCompiledYet) {
    EXPECT_FALSE(compilable) << "`" << builtin.name << "` compiles now; give it a lowering in "
                             << "stdlib/builtins.cc so that its example runs";
    return;
  }
  ASSERT_TRUE(compilable) << example << "\n" << Render(frontend->diagnostics);

  auto jit = codegen::Jit::Create();
  ASSERT_TRUE(static_cast<bool>(jit)) << llvm::toString(jit.takeError());
  auto compiled = (*jit)->CompileForRun(frontend->program, rule);
  ASSERT_TRUE(static_cast<bool>(compiled)) << llvm::toString(compiled.takeError());
  runtime::RecordSource input(runtime::TextInput("{}"), {});
  std::ostringstream out, rejects;
  runtime::Execute(*compiled, input, out, rejects);
  EXPECT_EQ(out.str(), "{\"holds\":true}\n") << example << "\n" << rejects.str();
}

std::vector<const stdlib::Builtin*> AllBuiltins() {
  std::vector<const stdlib::Builtin*> builtins;
  for (const stdlib::Builtin& builtin : stdlib::Builtins()) builtins.push_back(&builtin);
  return builtins;
}

INSTANTIATE_TEST_SUITE_P(Stdlib, BuiltinExample, testing::ValuesIn(AllBuiltins()),
                         [](const testing::TestParamInfo<const stdlib::Builtin*>& info) {
                           // `min` and `max` have a list form too, in the list family.
                           bool list = info.param->family == stdlib::Family::List &&
                                       (info.param->name == "min" || info.param->name == "max");
                           return std::string(info.param->name) + (list ? "_of_list" : "");
                         });

TEST(BuiltinTable, DocumentsEveryBuiltin) {
  for (const stdlib::Builtin& builtin : stdlib::Builtins()) {
    EXPECT_FALSE(builtin.summary.empty()) << "`" << builtin.name << "` has no summary";
    EXPECT_FALSE(builtin.example.empty()) << "`" << builtin.name << "` has no example";
    bool runtime_call = builtin.lowering == stdlib::Lowering::RuntimeCall;
    EXPECT_EQ(runtime_call, builtin.implementation != nullptr)
        << "`" << builtin.name << "` needs an implementation exactly when it is a runtime call";
    EXPECT_EQ(builtin.implementation != nullptr, builtin.symbol != nullptr) << builtin.name;
  }
}

}  // namespace
}  // namespace weft
