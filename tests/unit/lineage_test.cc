// Tests of the lineage that `weft doc` prints: which source fields and tables each target field
// and condition of a rule reads.
#include "compiler/lineage/lineage.h"

#include <gtest/gtest.h>

#include <sstream>

#include "compiler/frontend.h"

namespace weft {
namespace {

using Fields = std::set<std::string>;

constexpr const char* kSchemas = R"(
schema crm {
  record User {
    Name: string
    Email: string?
  }
  record Account {
    Name: string
    Site: string?
    Type: string?
    Country: string?
    Revenue: decimal(12, 2)?
    Owner: User?
    Manager: User
    Unused: string?
  }
}
schema erp {
  enum Kind { Company, Person }
  record Customer {
    name: string
    label: string?
    kind: Kind
    country: string?
    limit: decimal(12, 2)?
    owner: string?
    note: string?
    tier: string = "B"
  }
}
table countries: string -> string { "Germany" => "DE" else => "US" }
)";

class LineageTest : public testing::Test {
 protected:
  // Checks `text` after the shared schemas and traces its first rule.
  const lineage::RuleLineage& Trace(const std::string& text) {
    frontend_ = CheckText("test.map", std::string(kSchemas) + text);
    std::ostringstream diagnostics;
    frontend_->diagnostics.RenderAll(diagnostics);
    EXPECT_FALSE(frontend_->diagnostics.HasErrors()) << diagnostics.str();
    const check::CheckedRule& rule = frontend_->program.rules.at(0);
    lineage_ = lineage::TraceRule(frontend_->program, rule);
    return lineage_;
  }

  // The lineage of the target field `name`.
  const lineage::FieldLineage& Field(const std::string& name) const {
    for (const lineage::FieldLineage& field : lineage_.fields) {
      if (field.field->name == name) return field;
    }
    ADD_FAILURE() << "no target field " << name;
    return lineage_.fields.front();
  }

  std::unique_ptr<Frontend> frontend_;
  lineage::RuleLineage lineage_;
};

TEST_F(LineageTest, DirectAndNestedFields) {
  Trace(R"(map crm.Account -> erp.Customer {
    name = Name
    kind = Company
    owner = Owner?.Email ?? Manager.Name
  })");
  EXPECT_EQ(Field("name").reads.fields, (Fields{"Name"}));
  EXPECT_TRUE(Field("kind").reads.fields.empty());
  EXPECT_EQ(Field("owner").reads.fields, (Fields{"Manager.Name", "Owner.Email"}));
}

TEST_F(LineageTest, FieldsInTargetOrder) {
  Trace("map crm.Account -> erp.Customer { kind = Company name = Name }");
  ASSERT_EQ(lineage_.fields.size(), 8u);
  EXPECT_EQ(lineage_.fields[0].field->name, "name");
  EXPECT_EQ(lineage_.fields[7].field->name, "tier");
}

TEST_F(LineageTest, UnmappedFieldsHaveNoAssignment) {
  Trace("map crm.Account -> erp.Customer { name = Name kind = Company }");
  EXPECT_NE(Field("name").assignment, nullptr);
  EXPECT_EQ(Field("label").assignment, nullptr);
  EXPECT_EQ(Field("tier").assignment, nullptr);
  EXPECT_TRUE(Field("tier").reads.fields.empty());
}

TEST_F(LineageTest, FunctionArgumentsThatTheBodyUses) {
  Trace(R"(
fn pick(a: string, b: string?) -> string = a.trim()
fn both(a: string, b: string?) -> string = "{pick(a, b)} {b ?? ""}"
map crm.Account -> erp.Customer {
  name = pick(Name, Site)
  label = both(Manager.Name, Type)
  kind = Company
})");
  EXPECT_EQ(Field("name").reads.fields, (Fields{"Name"}));
  EXPECT_EQ(Field("label").reads.fields, (Fields{"Manager.Name", "Type"}));
}

TEST_F(LineageTest, TableInsideFunction) {
  Trace(R"(
fn code(country: string?) -> string = countries[country ?? "Germany"]
map crm.Account -> erp.Customer { name = Name kind = Company country = code(Country) })");
  EXPECT_EQ(Field("country").reads.fields, (Fields{"Country"}));
  EXPECT_EQ(Field("country").reads.tables, (Fields{"countries"}));
  EXPECT_TRUE(Field("name").reads.tables.empty());
}

TEST_F(LineageTest, MatchSubjectAndArms) {
  Trace(R"(map crm.Account -> erp.Customer {
    name = Name
    kind = match Type { "Person" => Person, _ => Company }
    label = match Type { "A" => Site ?? "", _ => Owner?.Name ?? "" }
  })");
  EXPECT_EQ(Field("kind").reads.fields, (Fields{"Type"}));
  EXPECT_EQ(Field("label").reads.fields, (Fields{"Owner.Name", "Site", "Type"}));
}

TEST_F(LineageTest, IfConditionAndBranches) {
  Trace(R"(map crm.Account -> erp.Customer {
    name = if Site != null then Name else Manager.Email ?? ""
    kind = Company
  })");
  EXPECT_EQ(Field("name").reads.fields, (Fields{"Manager.Email", "Name", "Site"}));
}

TEST_F(LineageTest, LetBindingsAndTableLookups) {
  Trace(R"(map crm.Account -> erp.Customer {
    let revenue = Revenue ?? 0
    let owner = Owner
    name = Name
    kind = Company
    limit = round(revenue * 0.5, 2)
    country = countries[Country ?? "Germany"]
    note = owner?.Email
  })");
  EXPECT_EQ(Field("limit").reads.fields, (Fields{"Revenue"}));
  EXPECT_EQ(Field("country").reads.fields, (Fields{"Country"}));
  EXPECT_EQ(Field("country").reads.tables, (Fields{"countries"}));
  // A field access on a bound record reads below the record's path.
  EXPECT_EQ(Field("note").reads.fields, (Fields{"Owner.Email"}));
}

TEST_F(LineageTest, WhenAndRequireConditions) {
  Trace(R"(map crm.Account -> erp.Customer when Type != "Partner" {
    require Site != null else "account {Name} has no site"
    name = Name
    kind = Company
  })");
  ASSERT_EQ(lineage_.conditions.size(), 2u);
  EXPECT_EQ(lineage_.conditions[0].require, nullptr);
  EXPECT_EQ(lineage_.conditions[0].reads.fields, (Fields{"Type"}));
  EXPECT_NE(lineage_.conditions[1].require, nullptr);
  EXPECT_EQ(lineage_.conditions[1].reads.fields, (Fields{"Name", "Site"}));
  EXPECT_EQ(lineage_.reads.fields, (Fields{"Name", "Site", "Type"}));
}

TEST_F(LineageTest, RecordConstructionAndEach) {
  Trace(R"(
schema shop {
  record Line { Qty: int Sku: string }
  record Order { Lines: list<Line> Street: string? }
}
schema wh {
  record Address { street: string }
  record Item { sku: string }
  record Shipment { address: Address items: list<Item> }
}
map shop.Order -> wh.Shipment {
  address = wh.Address { street = Street ?? "" }
  items = each Lines as line where line.Qty > 0 -> wh.Item { sku = line.Sku }
})");
  EXPECT_EQ(Field("address").reads.fields, (Fields{"Street"}));
  EXPECT_EQ(Field("items").reads.fields, (Fields{"Lines", "Lines.Qty", "Lines.Sku"}));
}

TEST_F(LineageTest, UnreadSourceFields) {
  Trace(R"(map crm.Account -> erp.Customer when Type != null {
    name = Name
    kind = Company
    owner = Owner?.Email
    note = Manager.Name
  })");
  std::vector<std::string> unread;
  for (const schema::FieldType* field :
       lineage::UnreadSourceFields(*lineage_.rule->source, {lineage_})) {
    unread.push_back(field->name);
  }
  EXPECT_EQ(unread, (std::vector<std::string>{"Site", "Country", "Revenue", "Unused"}));
}

TEST_F(LineageTest, UnreadSourceFieldsOfAnotherRecord) {
  Trace("map crm.Account -> erp.Customer { name = Name kind = Company }");
  const schema::RecordType* user = frontend_->program.FindSchema("crm")->FindRecord("User");
  ASSERT_NE(user, nullptr);
  // No rule maps from User, so none of its fields is read.
  EXPECT_EQ(lineage::UnreadSourceFields(*user, {lineage_}).size(), 2u);
}

}  // namespace
}  // namespace weft
