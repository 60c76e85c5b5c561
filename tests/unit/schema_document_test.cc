// The positioned tree of imported schema documents: the JSON and YAML readers, JSON pointers and
// generated type names.
#include <gtest/gtest.h>

#include <string>

#include "compiler/schema/import/document.h"
#include "compiler/schema/import/json_reader.h"
#include "compiler/schema/import/names.h"
#include "compiler/schema/import/yaml_reader.h"

namespace weft::schema::import {
namespace {

constexpr FileId kFile = 7;

Node MustReadJson(std::string_view text) {
  ReadError error;
  std::optional<Node> root = ReadJson(text, kFile, ReadLimits(), error);
  EXPECT_TRUE(root.has_value()) << error.message << " at " << error.offset;
  return root.value_or(Node());
}

Node MustReadYaml(std::string_view text) {
  ReadError error;
  std::optional<Node> root = ReadYaml(text, kFile, ReadLimits(), error);
  EXPECT_TRUE(root.has_value()) << error.message << " at " << error.offset;
  return root.value_or(Node());
}

ReadError JsonError(std::string_view text, ReadLimits limits = ReadLimits()) {
  ReadError error;
  EXPECT_FALSE(ReadJson(text, kFile, limits, error).has_value()) << text;
  return error;
}

ReadError YamlError(std::string_view text, ReadLimits limits = ReadLimits()) {
  ReadError error;
  EXPECT_FALSE(ReadYaml(text, kFile, limits, error).has_value()) << text;
  return error;
}

std::string_view Slice(std::string_view text, SourceRange range) {
  return text.substr(range.begin, range.end - range.begin);
}

TEST(JsonReader, RecordsRangesOfKeysAndValues) {
  std::string_view text = R"({"a": [1, "x"], "b": {"c": null}})";
  Node root = MustReadJson(text);
  ASSERT_EQ(root.members.size(), 2u);
  EXPECT_EQ(root.range.file, kFile);
  EXPECT_EQ(Slice(text, root.members[0].key_range), "\"a\"");
  EXPECT_EQ(Slice(text, root.members[0].value.range), "[1, \"x\"]");
  EXPECT_EQ(Slice(text, root.members[0].value.elements[1].range), "\"x\"");
  EXPECT_EQ(Slice(text, root.Find("b")->range), "{\"c\": null}");
  EXPECT_EQ(root.Find("b")->Find("c")->kind, NodeKind::Null);
}

TEST(JsonReader, KeepsNumbersAsWritten) {
  Node root = MustReadJson(R"([0.10, 1e-2, -0, 123456789012345678901234567890])");
  ASSERT_EQ(root.elements.size(), 4u);
  EXPECT_EQ(root.elements[0].text, "0.10");
  EXPECT_EQ(root.elements[1].text, "1e-2");
  EXPECT_EQ(root.elements[2].text, "-0");
  EXPECT_EQ(root.elements[3].text, "123456789012345678901234567890");
  EXPECT_EQ(root.elements[3].kind, NodeKind::Number);
}

TEST(JsonReader, DecodesEscapes) {
  Node root = MustReadJson(R"(["a\"b\\c\/d\n", "\u00e9\ud83d\ude00", "\ud800x"])");
  EXPECT_EQ(root.elements[0].text, "a\"b\\c/d\n");
  EXPECT_EQ(root.elements[1].text, "\xC3\xA9\xF0\x9F\x98\x80");
  // An unpaired surrogate has no UTF-8 form and becomes U+FFFD.
  EXPECT_EQ(root.elements[2].text,
            "\xEF\xBF\xBD"
            "x");
}

TEST(JsonReader, SkipsByteOrderMark) {
  Node root = MustReadJson("\xEF\xBB\xBF{\"a\": true}");
  EXPECT_TRUE(root.Find("a")->IsTrue());
  EXPECT_EQ(root.range.begin, 3u);
}

TEST(JsonReader, RejectsDuplicateKeys) {
  ReadError error = JsonError(R"({"a": 1, "a": 2})");
  EXPECT_EQ(error.offset, 9u);
  EXPECT_NE(error.message.find("duplicate key \"a\""), std::string::npos) << error.message;
}

TEST(JsonReader, ReportsSyntaxErrorsWhereTheyAre) {
  EXPECT_EQ(JsonError("{\"a\": 1,}").offset, 8u);
  EXPECT_EQ(JsonError("[1 2]").offset, 3u);
  EXPECT_EQ(JsonError("{\"a\": 01}").offset, 7u);
  EXPECT_EQ(JsonError("\"open").offset, 0u);
  EXPECT_EQ(JsonError("{} x").offset, 3u);
  EXPECT_EQ(JsonError("[\"\\q\"]").offset, 2u);
  EXPECT_EQ(JsonError("").message, "the text ends where a JSON value is expected");
}

TEST(JsonReader, StopsAtDepthLimit) {
  std::string deep = std::string(300, '[') + std::string(300, ']');
  ReadError error = JsonError(deep);
  EXPECT_EQ(error.offset, 256u);
  EXPECT_NE(error.message.find("256 levels"), std::string::npos) << error.message;

  std::string allowed = std::string(256, '[') + std::string(256, ']');
  MustReadJson(allowed);
}

TEST(JsonReader, StopsAtNodeLimit) {
  ReadLimits limits;
  limits.max_nodes = 3;
  ReadError unused;
  EXPECT_TRUE(ReadJson("[1, 2]", kFile, limits, unused).has_value());
  ReadError error = JsonError("[1, 2, 3]", limits);
  EXPECT_NE(error.message.find("more than 3 values"), std::string::npos) << error.message;
}

TEST(YamlReader, ResolvesPlainScalarsByCoreSchema) {
  Node root = MustReadYaml(
      "a: ~\nb: null\nc: True\nd: 0x1F\ne: 0o17\nf: +.5\ng: 1.\nh: 007\ni: .inf\nj: yes\n"
      "k: '12'\nl: \"true\"\nm: 3.0.1\nn: !!str 5\no: -2e3\n");
  EXPECT_EQ(root.Find("a")->kind, NodeKind::Null);
  EXPECT_EQ(root.Find("b")->kind, NodeKind::Null);
  EXPECT_TRUE(root.Find("c")->IsTrue());
  EXPECT_EQ(root.Find("d")->text, "31");
  EXPECT_EQ(root.Find("e")->text, "15");
  EXPECT_EQ(root.Find("f")->text, "0.5");
  EXPECT_EQ(root.Find("g")->text, "1");
  EXPECT_EQ(root.Find("h")->text, "7");
  EXPECT_EQ(root.Find("h")->kind, NodeKind::Number);
  EXPECT_EQ(root.Find("i")->kind, NodeKind::String);
  // `yes` is a boolean only in YAML 1.1.
  EXPECT_EQ(root.Find("j")->kind, NodeKind::String);
  EXPECT_EQ(root.Find("k")->kind, NodeKind::String);
  EXPECT_EQ(root.Find("l")->kind, NodeKind::String);
  EXPECT_EQ(root.Find("m")->kind, NodeKind::String);
  EXPECT_EQ(root.Find("n")->kind, NodeKind::String);
  EXPECT_EQ(root.Find("o")->text, "-2e3");
}

TEST(YamlReader, OffsetsSurviveCrlfAndUtf8) {
  std::string_view text =
      "\xEF\xBB\xBF"
      "caf\xC3\xA9: \"\xC3\xBC\"\r\nnext:\r\n  - 1\r\n";
  Node root = MustReadYaml(text);
  ASSERT_EQ(root.members.size(), 2u);
  EXPECT_EQ(Slice(text, root.members[0].key_range), "caf\xC3\xA9");
  EXPECT_EQ(Slice(text, root.members[0].value.range), "\"\xC3\xBC\"");
  EXPECT_EQ(Slice(text, root.members[1].key_range), "next");
  EXPECT_EQ(Slice(text, root.Find("next")->elements[0].range), "1");
}

TEST(YamlReader, ExpandsAliases) {
  Node root = MustReadYaml("base: &base {type: string}\ncopy: *base\n");
  EXPECT_EQ(root.Find("copy")->StringAt("type"), "string");
}

TEST(YamlReader, RejectsInvalidDocuments) {
  EXPECT_NE(YamlError("a: 1\na: 2\n").message.find("duplicate key \"a\""), std::string::npos);
  EXPECT_NE(YamlError("a: 1\n---\nb: 2\n").message.find("more than one document"),
            std::string::npos);
  EXPECT_NE(YamlError("? [a, b]\n: 1\n").message.find("must be a scalar"), std::string::npos);
  EXPECT_NE(YamlError("a: *nowhere\n").message.find("names no anchor"), std::string::npos);
  EXPECT_NE(YamlError("").message.find("no document"), std::string::npos);
  ReadError unclosed = YamlError("a: [1, 2\nb: 3\n");
  EXPECT_NE(unclosed.message.find("flow sequence that starts on line 1"), std::string::npos)
      << unclosed.message;
}

TEST(YamlReader, CountsAliasCopiesAgainstNodeLimit) {
  ReadLimits limits;
  limits.max_nodes = 1000;
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char name = 'b'; name <= 'f'; ++name) {
    std::string previous(1, static_cast<char>(name - 1));
    text += std::string(1, name) + ": &" + name + " [";
    for (int i = 0; i < 10; ++i) text += (i > 0 ? ", *" : "*") + previous;
    text += "]\n";
  }
  ReadError error = YamlError(text, limits);
  EXPECT_NE(error.message.find("more than 1000 values"), std::string::npos) << error.message;
}

TEST(YamlReader, StopsAtDepthLimit) {
  std::string deep = std::string(300, '[') + std::string(300, ']');
  EXPECT_NE(YamlError(deep).message.find("256 levels"), std::string::npos);
}

TEST(JsonPointer, ResolvesEscapedTokens) {
  Node root = MustReadJson(R"({"a/b": {"c~d": [10, 20]}, "%": 1, "": 2})");
  EXPECT_EQ(ResolvePointer(root, "#/a~1b/c~0d/1")->text, "20");
  EXPECT_EQ(ResolvePointer(root, "#/%25")->text, "1");
  EXPECT_EQ(ResolvePointer(root, "#/")->text, "2");
  EXPECT_EQ(ResolvePointer(root, "#"), &root);
  EXPECT_EQ(ResolvePointer(root, "#/a~1b/c~0d/2"), nullptr);
  EXPECT_EQ(ResolvePointer(root, "#/a~1b/c~0d/01"), nullptr);
  EXPECT_EQ(ResolvePointer(root, "#/a~2b"), nullptr);
  EXPECT_EQ(ResolvePointer(root, "other.json#/a"), nullptr);
  EXPECT_EQ(AppendPointer("#/x", "a/b~c"), "#/x/a~1b~0c");
}

TEST(JsonWriter, WritesCompactJson) {
  Node root = MustReadJson(R"({"a": [1.50, true, null], "b": "q\"\n\u0001"})");
  EXPECT_EQ(ToJson(root), R"({"a":[1.50,true,null],"b":"q\"\n\u0001"})");
}

TEST(TypeNames, BuildsUpperCamelIdentifiers) {
  EXPECT_EQ(ToTypeName("line_items"), "LineItems");
  EXPECT_EQ(ToTypeName("customer-order"), "CustomerOrder");
  EXPECT_EQ(ToTypeName("Invoice Status"), "InvoiceStatus");
  EXPECT_EQ(ToTypeName("$$"), "");
}

TEST(TypeNames, NumbersTakenNames) {
  TypeNames names;
  EXPECT_EQ(names.Claim("Invoice"), "Invoice");
  EXPECT_EQ(names.Claim("Invoice"), "Invoice2");
  EXPECT_EQ(names.Claim("Invoice"), "Invoice3");
}

}  // namespace
}  // namespace weft::schema::import
