#include "tester/junit.h"

#include <fmt/format.h>

#include <map>

#include "tester/report.h"

namespace weft::tester {
namespace {

// Escapes text for XML attributes and content. XML 1.0 cannot hold most control characters,
// even escaped, so they are written as `\xNN`.
std::string Xml(std::string_view text) {
  std::string out;
  for (char c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (byte < 0x20 && c != '\n' && c != '\t' && c != '\r') {
          out += fmt::format("\\x{:02x}", byte);
        } else {
          out += c;
        }
    }
  }
  return out;
}

void WriteSuite(const SourceManager& sources, const std::string& path,
                const std::vector<const TestResult*>& results, std::ostream& out) {
  size_t failures = 0;
  double seconds = 0;
  for (const TestResult* result : results) {
    failures += result->passed ? 0 : 1;
    seconds += result->seconds;
  }
  out << fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" "
                     "time=\"{:.6f}\">\n",
                     Xml(path), results.size(), failures, seconds);
  for (const TestResult* result : results) {
    const SourceFile& file = sources.Get(result->test->range.file);
    out << fmt::format("    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\" "
                       "time=\"{:.6f}\"",
                       Xml(result->test->name), Xml(path), Xml(path),
                       file.Locate(result->test->range.begin).line, result->seconds);
    if (result->passed) {
      out << "/>\n";
      continue;
    }
    std::string text = FailureText(sources, *result);
    out << fmt::format(">\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n",
                       Xml(text.substr(0, text.find('\n'))), Xml(text));
  }
  out << "  </testsuite>\n";
}

}  // namespace

void WriteJunit(const SourceManager& sources, const std::vector<TestResult>& results,
                std::ostream& out) {
  std::map<std::string, std::vector<const TestResult*>> by_file;
  size_t failures = 0;
  for (const TestResult& result : results) {
    by_file[sources.Get(result.test->range.file).path()].push_back(&result);
    failures += result.passed ? 0 : 1;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format("<testsuites name=\"weft test\" tests=\"{}\" failures=\"{}\">\n",
                     results.size(), failures);
  for (const auto& [path, file_results] : by_file) WriteSuite(sources, path, file_results, out);
  out << "</testsuites>\n";
}

}  // namespace weft::tester
