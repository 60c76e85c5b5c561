// Tests that `weft check --format sarif` writes what the SARIF 2.1.0 schema (OASIS,
// sarif-schema-2.1.0.json) requires and what code-scanning uploaders read: the version, the
// tool with its rules, and results with a level, a message and a located region.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "compiler/diagnostics/formats.h"
#include "compiler/frontend.h"

namespace weft {
namespace {

using nlohmann::json;

// Errors, a warning, a duplicate assignment whose note points at the first assignment, and an
// error after a non-ASCII string on line 17.
constexpr const char* kMistakes = R"(schema crm {
  record Account {
    Name: string
    Phone: string?
  }
}
schema erp {
  record Customer {
    name: string
    phone: string
  }
}
map crm.Account -> erp.Customer {
  let unused = Name.trim()
  name = Nmae
  name = Name
  phone = "Zürich " + Phone
}
)";

json SarifOf(const Frontend& frontend) {
  std::ostringstream out;
  WriteDiagnostics(frontend.diagnostics, DiagnosticFormat::Sarif, "1.2.3", out);
  return json::parse(out.str());
}

json SarifOfText(const std::string& path, const std::string& text) {
  std::unique_ptr<Frontend> frontend = CheckText(path, text);
  return SarifOf(*frontend);
}

const json& OnlyRun(const json& log) { return log.at("runs").at(0); }

// Checks a SARIF location: a URI reference and a region whose start is 1-based.
void ExpectValidLocation(const json& location) {
  const json& physical = location.at("physicalLocation");
  ASSERT_TRUE(physical.at("artifactLocation").at("uri").is_string());
  const json& region = physical.at("region");
  ASSERT_TRUE(region.at("startLine").is_number_integer());
  ASSERT_TRUE(region.at("startColumn").is_number_integer());
  EXPECT_GE(region["startLine"].get<int>(), 1);
  EXPECT_GE(region["startColumn"].get<int>(), 1);
  if (region.contains("endLine")) {
    EXPECT_GE(region["endLine"].get<int>(), region["startLine"].get<int>());
  }
  if (region.contains("endLine") && region["endLine"] == region["startLine"]) {
    EXPECT_GE(region["endColumn"].get<int>(), region["startColumn"].get<int>());
  }
}

// The characters that Weft's URIs may contain: RFC 3986 unreserved ones, '/', and '%' escapes.
bool HasOnlyUriCharacters(const std::string& uri) {
  for (char c : uri) {
    bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   std::string_view("-._~/%").find(c) != std::string_view::npos;
    if (!allowed) return false;
  }
  return true;
}

TEST(SarifTest, TopLevelShape) {
  json log = SarifOfText("rules.map", kMistakes);

  EXPECT_EQ(log.at("version"), "2.1.0");
  ASSERT_TRUE(log.at("$schema").is_string());
  EXPECT_TRUE(log["$schema"].get<std::string>().starts_with("https://"));
  ASSERT_TRUE(log.at("runs").is_array());
  ASSERT_EQ(log["runs"].size(), 1u);
  EXPECT_EQ(OnlyRun(log).at("tool").at("driver").at("name"), "weft");
  EXPECT_EQ(OnlyRun(log)["tool"]["driver"].at("version"), "1.2.3");
  EXPECT_EQ(OnlyRun(log).at("columnKind"), "unicodeCodePoints");
}

TEST(SarifTest, RuleIdsAreUniqueAndLevelsValid) {
  json log = SarifOfText("rules.map", kMistakes);
  const json& rules = OnlyRun(log).at("tool").at("driver").at("rules");
  ASSERT_TRUE(rules.is_array());

  std::set<std::string> ids;
  const std::set<std::string> levels = {"error", "warning", "note", "none"};
  for (const json& rule : rules) {
    ASSERT_TRUE(rule.at("id").is_string());
    EXPECT_TRUE(ids.insert(rule["id"].get<std::string>()).second) << "repeated id " << rule["id"];
    EXPECT_TRUE(levels.count(rule.at("defaultConfiguration").at("level").get<std::string>()));
  }
  EXPECT_EQ(ids.size(), AllDiagnosticKinds().size());
}

TEST(SarifTest, ResultsReferToTheirRules) {
  json log = SarifOfText("rules.map", kMistakes);
  const json& rules = OnlyRun(log)["tool"]["driver"]["rules"];
  const json& results = OnlyRun(log).at("results");
  ASSERT_EQ(results.size(), 4u) << results.dump(2);

  for (const json& result : results) {
    ASSERT_TRUE(result.at("ruleId").is_string());
    ASSERT_TRUE(result.at("ruleIndex").is_number_integer());
    int index = result["ruleIndex"].get<int>();
    ASSERT_GE(index, 0);
    ASSERT_LT(index, static_cast<int>(rules.size()));
    EXPECT_EQ(rules[index]["id"], result["ruleId"]);
  }
}

TEST(SarifTest, ResultsHaveLevelMessageAndRegion) {
  json log = SarifOfText("rules.map", kMistakes);
  const std::set<std::string> levels = {"error", "warning", "note", "none"};

  std::multiset<std::string> seen_levels;
  for (const json& result : OnlyRun(log).at("results")) {
    std::string level = result.at("level").get<std::string>();
    EXPECT_TRUE(levels.count(level)) << level;
    seen_levels.insert(level);
    ASSERT_TRUE(result.at("message").at("text").is_string());
    EXPECT_FALSE(result["message"]["text"].get<std::string>().empty());
    ASSERT_EQ(result.at("locations").size(), 1u);
    ExpectValidLocation(result["locations"][0]);
  }
  EXPECT_EQ(seen_levels.count("error"), 3u);
  EXPECT_EQ(seen_levels.count("warning"), 1u);
}

TEST(SarifTest, RelatedLocationsHaveIdsAndRegions) {
  json log = SarifOfText("rules.map", kMistakes);

  size_t related_count = 0;
  for (const json& result : OnlyRun(log).at("results")) {
    if (!result.contains("relatedLocations")) continue;
    const json& related = result["relatedLocations"];
    for (size_t i = 0; i < related.size(); ++i) {
      // A location's id is its index among the result's related locations.
      EXPECT_EQ(related[i].at("id"), i);
      EXPECT_FALSE(related[i].at("message").at("text").get<std::string>().empty());
      ExpectValidLocation(related[i]);
      ++related_count;
    }
  }
  EXPECT_EQ(related_count, 1u);
}

TEST(SarifTest, ColumnsCountCodePoints) {
  json log = SarifOfText("rules.map", kMistakes);

  // In `  phone = "Zürich " + Phone`, `Phone` starts at byte 24 but at code point 23.
  bool found = false;
  for (const json& result : OnlyRun(log).at("results")) {
    const json& region = result["locations"][0]["physicalLocation"]["region"];
    if (region["startLine"] != 17) continue;
    EXPECT_EQ(region["startColumn"], 23);
    EXPECT_EQ(region["endColumn"], 28);
    found = true;
  }
  EXPECT_TRUE(found) << "no result on line 17";
}

TEST(SarifTest, ArtifactUris) {
  struct Case {
    const char* path;
    const char* uri;
  };
  const Case cases[] = {
      {"rules.map", "rules.map"},
      {"mappings/rules.map", "mappings/rules.map"},
      {"./mappings//rules.map", "mappings/rules.map"},
      {"mappings/../rules.map", "rules.map"},
      {"../shared/rules.map", "../shared/rules.map"},
      {"crm to erp.map", "crm%20to%20erp.map"},
      {"données.map", "donn%C3%A9es.map"},
      {"a:b.map", "a%3Ab.map"},
      {"back\\slash.map", "back%5Cslash.map"},
      {"/srv/maps/rules.map", "file:///srv/maps/rules.map"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.path);
    json log = SarifOfText(c.path, kMistakes);
    for (const json& result : OnlyRun(log).at("results")) {
      std::string uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
      EXPECT_EQ(uri, c.uri);
      std::string_view rest = uri.starts_with("file://") ? std::string_view(uri).substr(7) : uri;
      EXPECT_TRUE(HasOnlyUriCharacters(std::string(rest))) << uri;
      if (!uri.starts_with("file://")) {
        EXPECT_FALSE(uri.starts_with("/")) << uri;
      }
    }
  }
}

TEST(SarifTest, UnreadableFileIsOnItsFirstLine) {
  std::unique_ptr<Frontend> frontend = LoadAndCheck({"does-not-exist/rules.map"});
  json log = SarifOf(*frontend);

  const json& results = OnlyRun(log).at("results");
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0]["ruleId"], "E0001");
  const json& location = results[0]["locations"][0];
  ExpectValidLocation(location);
  EXPECT_EQ(location["physicalLocation"]["artifactLocation"]["uri"], "does-not-exist/rules.map");
  EXPECT_EQ(location["physicalLocation"]["region"]["startLine"], 1);
  EXPECT_EQ(location["physicalLocation"]["region"]["startColumn"], 1);
}

}  // namespace
}  // namespace weft
