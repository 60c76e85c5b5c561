#include "tester/junit.h"

#include <fmt/format.h>

#include <map>

#include "stdlib/utf8.h"
#include "tester/report.h"

namespace weft::tester {
namespace {

// Decodes the well-formed UTF-8 sequence of `length` bytes at the start of `bytes`.
char32_t CodePoint(std::string_view bytes, size_t length) {
  auto byte = [&](size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(bytes[i])); };
  if (length == 1) return byte(0);
  char32_t value = byte(0) & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) value = value << 6 | (byte(i) & 0x3F);
  return value;
}

// True for the characters that XML 1.0 documents may contain (its `Char` production).
bool IsXmlChar(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// Escapes text for XML attributes and content. Characters that XML 1.0 cannot contain, even
// escaped, are written as `\u{XXXX}`, and bytes that are not UTF-8 as `\xNN`.
std::string Xml(std::string_view text) {
  std::string out;
  for (size_t at = 0; at < text.size();) {
    size_t length = utf8::SequenceLength(text, at);
    if (length == 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[at]));
      ++at;
      continue;
    }
    char32_t c = CodePoint(text.substr(at), length);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (IsXmlChar(c)) {
          out.append(text.substr(at, length));
        } else {
          out += fmt::format("\\u{{{:04X}}}", static_cast<uint32_t>(c));
        }
    }
    at += length;
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
