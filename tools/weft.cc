// The `weft` command: check and format .map files, document and explain their rules, and
// run them over records.
#include <CLI/CLI.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "tools/commands.h"
#include "tools/limit_options.h"

namespace {

// Splits each `--name=` with nothing after the `=` into `--name` and an empty argument. CLI11
// would otherwise take the next argument as the value, so that `--out= --verbose` wrote the
// output to a file named `--verbose`, and `--cache-dir="$DIR"` with an empty variable swallowed
// the option after it. An empty value then fails as an empty path does.
std::vector<std::string> SplitEmptyValues(int argc, char** argv) {
  std::vector<std::string> arguments;
  for (int i = 0; i < argc; ++i) {
    std::string argument = argv[i];
    bool empty_value = i > 0 && argument.size() > 3 && argument.starts_with("--") &&
                       argument.back() == '=' && argument.find('=') == argument.size() - 1;
    if (!empty_value) {
      arguments.push_back(std::move(argument));
      continue;
    }
    arguments.push_back(argument.substr(0, argument.size() - 1));
    arguments.emplace_back();
  }
  return arguments;
}

}  // namespace

namespace weft::tools {

int FlushStandardOutput(int code) {
  // A command whose output was lost, as on a full disk, has failed whatever it computed. A
  // command that failed has already reported why, so the loss is reported only after a success.
  std::cout.flush();
  if (std::cout || code != kExitOk) return code;
  std::cerr << "weft: writing to standard output failed, possibly because the disk is full or "
               "the output was closed; the output is incomplete\n";
  return kExitFailure;
}

}  // namespace weft::tools

int main(int argc, char** argv) {
  using namespace weft::tools;
  CLI::App app{
      "Weft compiles data-mapping rules (.map files) to native code and applies them to records."};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("weft ") + WEFT_VERSION);

  CheckOptions check;
  CLI::App* check_command =
      app.add_subcommand("check", "Parse and type-check .map files; exit 1 on errors.");
  check_command->add_option("files", check.files, ".map files to check together")->required();
  check_command
      ->add_option(
          "--format", check.format,
          "Diagnostics as text, json, sarif (SARIF 2.1.0) or github (workflow annotations)")
      ->check(CLI::IsMember({"text", "json", "sarif", "github"}))
      ->capture_default_str();
  check_command->add_flag("--werror", check.warnings_as_errors,
                          "Exit 1 when there are warnings too");
  check_command->add_flag("--dump-ast", check.dump_ast, "Print the syntax tree of every file");
  check_command->add_flag("--dump-schemas", check.dump_schemas,
                          "Print every schema, imported ones included, as .map declarations");
  check_command->add_flag("--dump-ir", check.dump_ir, "Print the typed IR of every rule");
  check_command->add_flag("--dump-llvm", check.dump_llvm,
                          "Print the optimized LLVM IR of every rule");
  AddFrontendOptions(*check_command, check.frontend);

  RunOptions run;
  CLI::App* run_command = app.add_subcommand("run", "Apply one rule to NDJSON, JSON or CSV records.");
  run_command->add_option("files", run.files, ".map files that declare the rule")->required();
  run_command
      ->add_option("--rule", run.rule,
                   "Name of the rule: its `as` name, or its target record's name; may be left out "
                   "when the files declare one rule");
  run_command
      ->add_option("--in", run.in,
                   "Input: NDJSON, a JSON array, or an object with a `records` array; - for stdin")
      ->required();
  run_command->add_option("--out", run.out, "Output NDJSON of mapped records; - for stdout")
      ->required();
  run_command
      ->add_option("--rejects", run.rejects,
                   "Output NDJSON of rejected records with reasons; - for stderr")
      ->required();
  run_command
      ->add_option(
          "--in-format,--input-format", run.input_format,
          "auto: csv when --in ends in .csv, else one JSON value is a document and several are "
          "NDJSON; ndjson: one record per line; json: one document; csv: CSV with a header")
      ->check(CLI::IsMember({"auto", "ndjson", "json", "csv"}))
      ->capture_default_str();
  run_command
      ->add_option("--out-format", run.output_format,
                   "auto: csv when --out ends in .csv, else ndjson; ndjson; csv")
      ->check(CLI::IsMember({"auto", "ndjson", "csv"}))
      ->capture_default_str();
  run_command->add_flag("--csv-lf", run.csv_lf,
                        "End CSV output rows with LF instead of RFC 4180's CRLF");
  run_command
      ->add_option("--csv-delimiter", run.csv_delimiter,
                   "The cell delimiter of CSV input and output, one character; \\t for a tab")
      ->capture_default_str();
  run_command
      ->add_option("--threads", run.threads,
                   "Threads that map records; 0 uses every core. Output order never changes")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  run_command->add_option("--cache-dir", run.cache_dir,
                          "Directory of compiled rules reused across runs (default: "
                          "$WEFT_CACHE_DIR, $XDG_CACHE_HOME/weft or ~/.cache/weft)");
  run_command->add_flag("--no-cache", run.no_cache, "Compile the rule without the cache");
  AddFrontendOptions(*run_command, run.frontend);
  AddRunLimitOptions(*run_command, run);
  run_command->add_flag("--verbose", run.verbose, "Log each stage with its elapsed time to stderr");

  TestOptions test;
  CLI::App* test_command = app.add_subcommand(
      "test", "Run the `test` blocks of .map files; exit 1 when one fails, 2 on compile errors.");
  test_command->add_option("files", test.files, ".map files whose tests run")->required();
  test_command->add_option("--filter", test.filter,
                           "Run only the tests whose names this regex matches somewhere");
  test_command->add_option("--junit", test.junit, "Also write the results as JUnit XML here");
  test_command->add_flag("--coverage", test.coverage,
                         "List the `when` and `require` branches that no test exercises");
  test_command
      ->add_option("--min-coverage", test.min_coverage,
                   "Exit 1 when fewer than this percentage of rule branches are exercised")
      ->check(CLI::Range(0.0, 100.0));
  test_command->add_option("--cache-dir", test.cache_dir,
                           "Directory of compiled rules reused across runs, as for `weft run`");
  test_command->add_flag("--no-cache", test.no_cache, "Compile the rules without the cache");
  AddFrontendOptions(*test_command, test.frontend);

  FmtOptions fmt_options;
  CLI::App* fmt_command = app.add_subcommand(
      "fmt", "Print .map files in the canonical layout; exit 1 on syntax errors.");
  fmt_command->add_option("files", fmt_options.files, ".map files to format")->required();
  CLI::Option* fmt_check =
      fmt_command->add_flag("--check", fmt_options.check,
                            "Print the names of files that are not formatted; exit 1 if any");
  fmt_command
      ->add_flag("-w,--write", fmt_options.write, "Rewrite files that are not formatted in place")
      ->excludes(fmt_check);

  ExplainOptions explain;
  CLI::App* explain_command = AddExplainCommand(app, explain);
  DocOptions doc;
  CLI::App* doc_command = AddDocCommand(app, doc);

  // CLI11 reports an unknown command as a missing one, so the name is checked here first.
  std::string command = argc > 1 ? argv[1] : "";
  if (!command.empty() && command[0] != '-' && command != "check" && command != "test" &&
      command != "run" &&
      command != "fmt" && command != "explain" && command != "doc") {
    std::cerr << "weft: unknown command `" << argv[1]
              << "`; the commands are `check`, `test`, `run`, `fmt`, `explain` and `doc`\n"
              << "Run with --help for more information.\n";
    return kExitUsage;
  }
  std::vector<std::string> arguments = SplitEmptyValues(argc, argv);
  std::vector<char*> pointers;
  for (std::string& argument : arguments) pointers.push_back(argument.data());
  try {
    app.parse(static_cast<int>(pointers.size()), pointers.data());
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? kExitOk : kExitUsage;
  }
  int code = check_command->parsed()     ? RunCheck(check)
             : test_command->parsed()    ? RunTest(test)
             : fmt_command->parsed()     ? RunFmt(fmt_options)
             : explain_command->parsed() ? RunExplain(explain)
             : doc_command->parsed()     ? RunDoc(doc)
                                         : RunRun(run);
  return FlushStandardOutput(code);
}
