// Tests of the mapping document of `weft doc`: the HTML page is one self-contained, well-formed
// file with every text escaped, and types read in words.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "compiler/frontend.h"
#include "tools/doc/mapping_document.h"
#include "tools/doc/readable_type.h"

namespace weft {
namespace {

// Field names and literals with the characters that HTML gives a meaning to.
constexpr const char* kMarkupMap = R"(
schema src {
  record In {
    `a<b & "c"`: string
    `x'y`: string?
  }
}
schema dst {
  record Out {
    `<label>`: string
    note: string @values("<b>", "&amp;")
    extra: string? @max_length(5)
  }
}
fn wrap(text: string) -> string = "<i>{text}</i>"
// Checks "quotes" & <tags> in a comment.
map src.In -> dst.Out when `a<b & "c"` != "</td>" {
  require `x'y` != null else "no <x'y> & \"more\""
  `<label>` = wrap(`a<b & "c"`)
  note = if `x'y` == "&" then "<b>" else "&amp;"
}
)";

std::string RenderHtmlOf(const std::string& text) {
  std::unique_ptr<Frontend> frontend = CheckText("markup.map", text);
  std::ostringstream diagnostics;
  frontend->diagnostics.RenderAll(diagnostics);
  EXPECT_FALSE(frontend->diagnostics.HasErrors()) << diagnostics.str();
  return doc::RenderHtml(doc::BuildDocument(*frontend, {"markup.map"}));
}

// Returns the problems of the tag structure: a tag left open, a close tag without its open tag,
// or a `<` that starts no tag.
std::vector<std::string> TagProblems(const std::string& html) {
  static const std::set<std::string> kVoid = {"meta", "col", "br"};
  static const std::regex kTag(R"(^<(/?)([a-z][a-z0-9]*)(\s[^<>]*)?>)");
  std::vector<std::string> open;
  std::vector<std::string> problems;
  for (size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
    if (html.compare(at, 15, "<!DOCTYPE html>") == 0) continue;
    std::smatch match;
    std::string rest = html.substr(at, 400);
    if (!std::regex_search(rest, match, kTag)) {
      problems.push_back("no tag at: " + rest.substr(0, 40));
      continue;
    }
    std::string name = match[2];
    if (kVoid.count(name) > 0) continue;
    if (match[1].length() == 0) {
      open.push_back(name);
    } else if (open.empty() || open.back() != name) {
      problems.push_back("</" + name + "> closes " + (open.empty() ? "nothing" : open.back()));
    } else {
      open.pop_back();
    }
  }
  for (const std::string& name : open) problems.push_back("<" + name + "> is never closed");
  return problems;
}

TEST(DocHtml, SelfContained) {
  std::string html = RenderHtmlOf(kMarkupMap);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  // The only links point inside the page.
  for (size_t at = html.find("href="); at != std::string::npos; at = html.find("href=", at + 1)) {
    EXPECT_EQ(html.compare(at, 7, "href=\"#"), 0) << html.substr(at, 60);
  }
}

TEST(DocHtml, BalancedTags) {
  std::string html = RenderHtmlOf(kMarkupMap);
  EXPECT_EQ(TagProblems(html), std::vector<std::string>{});
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  EXPECT_TRUE(html.ends_with("</html>\n"));
}

TEST(DocHtml, TagCheckFindsProblems) {
  EXPECT_EQ(
      TagProblems("<p><b>x</p>"),
      (std::vector<std::string>{"</p> closes b", "<p> is never closed", "<b> is never closed"}));
  EXPECT_EQ(TagProblems("<p>a < b</p>"), (std::vector<std::string>{"no tag at: < b</p>"}));
  EXPECT_TRUE(TagProblems("<p><col>x<br></p>").empty());
}

TEST(DocHtml, TextIsEscaped) {
  std::string html = RenderHtmlOf(kMarkupMap);
  // Every `&` starts one of the escapes the renderer writes.
  static const std::regex kEntity("^&(amp|lt|gt|quot|#39);");
  for (size_t at = html.find('&'); at != std::string::npos; at = html.find('&', at + 1)) {
    std::string rest = html.substr(at, 8);
    EXPECT_TRUE(std::regex_search(rest, kEntity)) << "unescaped & at: " << rest;
  }
  EXPECT_NE(html.find("a&lt;b &amp; &quot;c&quot;"), std::string::npos);
  EXPECT_NE(html.find("&lt;label&gt;"), std::string::npos);
  EXPECT_NE(html.find("x&#39;y"), std::string::npos);
  EXPECT_NE(html.find("then &quot;&lt;b&gt;&quot; else &quot;&amp;amp;&quot;"), std::string::npos);
  EXPECT_NE(html.find("&quot;&lt;/td&gt;&quot;"), std::string::npos);
  EXPECT_NE(html.find("Checks &quot;quotes&quot; &amp; &lt;tags&gt; in a comment."),
            std::string::npos);
  EXPECT_EQ(html.find("<label>"), std::string::npos);
  EXPECT_EQ(html.find("<i>"), std::string::npos);
}

TEST(DocHtml, ListsLineageAndUnmappedFields) {
  std::string html = RenderHtmlOf(kMarkupMap);
  // The helper's argument is read through its body.
  EXPECT_NE(html.find("<li><code>a&lt;b &amp; &quot;c&quot;</code></li>"), std::string::npos);
  EXPECT_NE(html.find("not mapped; left empty"), std::string::npos);
}

TEST(DocType, ReadableNames) {
  schema::Constraints none;
  EXPECT_EQ(doc::DescribeType(schema::Type::Decimal(12, 2), none),
            "decimal, 2 places, up to 12 digits");
  EXPECT_EQ(doc::DescribeType(schema::Type::Decimal(10, 0), none), "whole number, up to 10 digits");
  EXPECT_EQ(doc::DescribeType(schema::Type::Decimal(38, schema::kAnyScale), none),
            "decimal, any number of places");
  EXPECT_EQ(doc::DescribeType(schema::Type::Int(), none), "whole number");
  EXPECT_EQ(doc::DescribeType(schema::Type::Bool(), none), "yes or no");
  EXPECT_EQ(doc::DescribeType(schema::Type::ListOf(schema::Type::String()), none), "list of text");
}

TEST(DocType, ReadableLimits) {
  schema::Constraints length;
  length.max_length = 20;
  EXPECT_EQ(doc::DescribeType(schema::Type::String(), length), "text, up to 20 characters");
  length.min_length = 20;
  EXPECT_EQ(doc::DescribeType(schema::Type::String(), length), "text, exactly 20 characters");

  schema::Constraints range;
  range.minimum = "0";
  range.maximum = "100.5";
  range.exclusive_maximum = true;
  EXPECT_EQ(doc::DescribeType(schema::Type::Int(), range),
            "whole number, at least 0 and below 100.5");

  schema::Constraints values;
  values.allowed_values = {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J"};
  EXPECT_EQ(doc::DescribeType(schema::Type::String(), values),
            "text, one of \"A\", \"B\", \"C\", \"D\", \"E\", \"F\", \"G\", \"H\" and 2 more");
}

}  // namespace
}  // namespace weft
