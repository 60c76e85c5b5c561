#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

#include "compiler/frontend.h"
#include "tools/commands.h"
#include "tools/limit_options.h"
#include "tools/doc/mapping_document.h"
#include "tools/output_paths.h"
#include "tools/report.h"

namespace weft::tools {
namespace {

// Returns "html" or "markdown": the format named by --format, or by the --out path's extension.
std::string FormatFor(const DocOptions& options) {
  if (options.format != "auto") return options.format;
  std::string out = options.out;
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool html = out.ends_with(".html") || out.ends_with(".htm");
  return html ? "html" : "markdown";
}

// Writes `text` to the --out path, or to stdout without one.
bool WriteDocument(const DocOptions& options, const std::string& text) {
  if (options.out.empty() || options.out == "-") {
    std::cout << text;
    return true;
  }
  std::ofstream out(options.out, std::ios::binary | std::ios::trunc);
  if (out) out << text;
  if (out.flush()) return true;
  std::cerr << fmt::format("weft doc: cannot write `{}`: {}\n", options.out, std::strerror(errno));
  return false;
}

}  // namespace

CLI::App* AddDocCommand(CLI::App& app, DocOptions& options) {
  CLI::App* command = app.add_subcommand(
      "doc", "Write the data-mapping document of the rules: what fills each target field.");
  command->add_option("files", options.files, ".map files to document together")->required();
  command
      ->add_option("--format", options.format,
                   "markdown, html (one self-contained page), or auto: html when --out ends in "
                   ".html or .htm, else markdown")
      ->check(CLI::IsMember({"auto", "markdown", "html"}))
      ->capture_default_str();
  command->add_option("--out", options.out,
                      "File to write the document to, or - for stdout (the default)");
  AddFrontendOptions(*command, options.frontend);
  return command;
}

int RunDoc(const DocOptions& options) {
  if (OverwritesMapFile(options.files, options.out, "--out", "weft doc")) return kExitUsage;
  std::unique_ptr<Frontend> frontend = LoadAndCheck(options.files, options.frontend);
  if (!options.out.empty() && OverwritesProgramFile(*frontend, options.out, "--out", "weft doc"))
    return kExitUsage;
  ReportDiagnostics(*frontend, std::cerr);
  if (frontend->unreadable_inputs > 0) return kExitUsage;
  if (frontend->diagnostics.HasErrors()) return kExitFailure;

  doc::MappingDocument document = doc::BuildDocument(*frontend, options.files);
  std::string text =
      FormatFor(options) == "html" ? doc::RenderHtml(document) : doc::RenderMarkdown(document);
  return WriteDocument(options, text) ? kExitOk : kExitFailure;
}

}  // namespace weft::tools
