// ImportSchema on real Salesforce describe results, the Xero OpenAPI description, and JSON
// Schema documents written for these tests (tests/data/schemas).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "compiler/schema/import.h"

namespace weft::schema {
namespace {

struct Imported {
  SourceManager sources;
  DiagnosticEngine diagnostics{sources};
  std::unique_ptr<Schema> schema;

  // The diagnostics of one kind in source order, as `weft check` shows them.
  std::vector<const Diagnostic*> Of(DiagnosticKind kind) const {
    std::vector<const Diagnostic*> found;
    for (const Diagnostic* diagnostic : diagnostics.Ordered()) {
      if (diagnostic->kind == kind) found.push_back(diagnostic);
    }
    return found;
  }
  std::vector<const Diagnostic*> Warnings() const {
    return Of(DiagnosticKind::SchemaImportIncomplete);
  }
  uint32_t LineAt(SourceRange range) const {
    return sources.Get(range.file).Locate(range.begin).line;
  }
  uint32_t Line(const Diagnostic& diagnostic) const { return LineAt(diagnostic.range); }
  const RecordType* Record(std::string_view name) const {
    return schema != nullptr ? schema->FindRecord(name) : nullptr;
  }
  const FieldType* Field(std::string_view record_name, std::string_view field_name) const {
    const RecordType* record = Record(record_name);
    if (record == nullptr) return nullptr;
    int index = record->FindField(field_name);
    return index >= 0 ? &record->fields[index] : nullptr;
  }
  std::string AllMessages() const {
    std::string all;
    for (const Diagnostic& diagnostic : diagnostics.diagnostics()) all += diagnostic.message + "\n";
    return all;
  }
};

std::unique_ptr<Imported> Import(const std::string& path) {
  auto imported = std::make_unique<Imported>();
  FileId map = imported->sources.Add("test.map", "schema s from \"document\"\n");
  ImportRequest request{"s", path, {map, 0, 6}};
  imported->schema = ImportSchema(request, imported->sources, imported->diagnostics);
  return imported;
}

std::unique_ptr<Imported> ImportData(const std::string& relative_path) {
  return Import(std::string(SCHEMA_DATA_DIR) + "/" + relative_path);
}

// Writes `text` to a file named `name` in a scratch folder and imports it.
std::unique_ptr<Imported> ImportText(const std::string& name, std::string_view text) {
  std::filesystem::path path = std::filesystem::path(testing::TempDir()) / name;
  std::ofstream(path, std::ios::binary) << text;
  return Import(path.string());
}

std::string TypeOf(const FieldType* field) {
  return field != nullptr ? field->type.ToString() : "<missing field>";
}

TEST(SalesforceImport, AccountFieldsAndTypes) {
  auto imported = ImportData("salesforce/Account.json");
  ASSERT_NE(imported->schema, nullptr) << imported->AllMessages();
  EXPECT_TRUE(imported->diagnostics.diagnostics().empty()) << imported->AllMessages();
  const RecordType* account = imported->Record("Account");
  ASSERT_NE(account, nullptr);
  EXPECT_EQ(account->schema, "s");
  EXPECT_EQ(account->fields.size(), 59u);

  EXPECT_EQ(TypeOf(imported->Field("Account", "Id")), "string");
  EXPECT_EQ(TypeOf(imported->Field("Account", "Name")), "string");
  EXPECT_EQ(TypeOf(imported->Field("Account", "AnnualRevenue")), "decimal?");
  EXPECT_EQ(imported->Field("Account", "AnnualRevenue")->type.scale, kAnyScale);
  EXPECT_EQ(TypeOf(imported->Field("Account", "NumberOfEmployees")), "int?");
  EXPECT_EQ(TypeOf(imported->Field("Account", "CreatedDate")), "datetime");
  EXPECT_EQ(TypeOf(imported->Field("Account", "LastActivityDate")), "date?");
  EXPECT_EQ(TypeOf(imported->Field("Account", "BillingAddress")), "s.Address?");
  EXPECT_EQ(TypeOf(imported->Field("Account", "IsDeleted")), "bool");
  EXPECT_EQ(imported->Field("Account", "IsDeleted")->default_json, "false");
}

TEST(SalesforceImport, AccountTypePicklistValues) {
  auto imported = ImportData("salesforce/Account.json");
  const FieldType* type = imported->Field("Account", "Type");
  ASSERT_NE(type, nullptr);
  EXPECT_EQ(type->type.ToString(), "string?");
  std::vector<std::string> expected = {"Prospect",
                                       "Customer - Direct",
                                       "Customer - Channel",
                                       "Channel Partner / Reseller",
                                       "Installation Partner",
                                       "Technology Partner",
                                       "Other"};
  EXPECT_EQ(type->constraints.allowed_values, expected);
  EXPECT_FALSE(type->has_default());
}

TEST(SalesforceImport, AddressCompoundRecord) {
  auto imported = ImportData("salesforce/Account.json");
  const RecordType* address = imported->Record("Address");
  ASSERT_NE(address, nullptr);
  EXPECT_EQ(
      address->FieldNames(),
      (std::vector<std::string>{"street", "city", "state", "stateCode", "postalCode", "country",
                                "countryCode", "geocodeAccuracy", "latitude", "longitude"}));
  EXPECT_EQ(TypeOf(imported->Field("Address", "latitude")), "decimal?");
  // Billing and shipping addresses share one record.
  EXPECT_EQ(imported->Field("Account", "ShippingAddress")->type.record, address);
}

TEST(SalesforceImport, OpportunityAmountAndStage) {
  auto imported = ImportData("salesforce/Opportunity.json");
  ASSERT_NE(imported->schema, nullptr) << imported->AllMessages();
  EXPECT_EQ(imported->Record("Opportunity")->fields.size(), 41u);
  EXPECT_EQ(TypeOf(imported->Field("Opportunity", "Amount")), "decimal?");
  EXPECT_EQ(TypeOf(imported->Field("Opportunity", "Probability")), "decimal?");
  EXPECT_EQ(TypeOf(imported->Field("Opportunity", "CloseDate")), "date");
  EXPECT_EQ(TypeOf(imported->Field("Opportunity", "IsWon")), "bool");

  const FieldType* stage = imported->Field("Opportunity", "StageName");
  ASSERT_NE(stage, nullptr);
  EXPECT_EQ(stage->type.ToString(), "string");
  ASSERT_EQ(stage->constraints.allowed_values.size(), 10u);
  EXPECT_EQ(stage->constraints.allowed_values.front(), "Prospecting");
  EXPECT_EQ(stage->constraints.allowed_values[8], "Closed Won");
}

TEST(SalesforceImport, ContactEmailAndBirthdate) {
  auto imported = ImportData("salesforce/Contact.json");
  ASSERT_NE(imported->schema, nullptr) << imported->AllMessages();
  EXPECT_EQ(imported->Record("Contact")->fields.size(), 59u);
  EXPECT_EQ(TypeOf(imported->Field("Contact", "Email")), "string?");
  EXPECT_EQ(TypeOf(imported->Field("Contact", "LastName")), "string");
  EXPECT_EQ(TypeOf(imported->Field("Contact", "Birthdate")), "date?");
  EXPECT_EQ(TypeOf(imported->Field("Contact", "MailingAddress")), "s.Address?");
}

TEST(SalesforceImport, CustomObjectDigitsAndPicklist) {
  auto imported = ImportData("salesforce/Widget__c.json");
  ASSERT_NE(imported->schema, nullptr) << imported->AllMessages();
  EXPECT_EQ(TypeOf(imported->Field("Widget__c", "Price__c")), "decimal(16, 2)?");
  EXPECT_EQ(TypeOf(imported->Field("Widget__c", "Stock__c")), "decimal(18, 0)?");
  EXPECT_EQ(imported->Field("Widget__c", "Name")->constraints.max_length, 80);
  EXPECT_EQ(TypeOf(imported->Field("Widget__c", "Opened__c")), "time?");
  EXPECT_EQ(TypeOf(imported->Field("Widget__c", "Site__c")), "s.Location?");

  const FieldType* colour = imported->Field("Widget__c", "Colour__c");
  ASSERT_NE(colour, nullptr);
  // Inactive values are not allowed. The value marked as default becomes the default.
  EXPECT_EQ(colour->constraints.allowed_values, (std::vector<std::string>{"Red", "Blue"}));
  EXPECT_EQ(colour->default_json, "\"Red\"");
}

TEST(SalesforceImport, CustomObjectWarningsAndLines) {
  auto imported = ImportData("salesforce/Widget__c.json");
  std::vector<const Diagnostic*> warnings = imported->Warnings();
  ASSERT_EQ(warnings.size(), 4u) << imported->AllMessages();
  EXPECT_EQ(imported->Line(*warnings[0]), 22u);
  EXPECT_NE(warnings[0]->message.find("`Sizes__c` is a multi-select picklist"), std::string::npos);
  EXPECT_EQ(imported->Line(*warnings[1]), 28u);
  EXPECT_NE(warnings[1]->message.find("`Drawing__c` contains base64"), std::string::npos);
  EXPECT_EQ(imported->Line(*warnings[2]), 29u);
  EXPECT_NE(warnings[2]->message.find("`Setting__c` of type `anyType` is left out"),
            std::string::npos);
  EXPECT_EQ(imported->Line(*warnings[3]), 31u);
  EXPECT_NE(warnings[3]->message.find("is imported as true"), std::string::npos);

  EXPECT_EQ(TypeOf(imported->Field("Widget__c", "Sizes__c")), "string?");
  EXPECT_EQ(TypeOf(imported->Field("Widget__c", "Drawing__c")), "string?");
  EXPECT_EQ(imported->Field("Widget__c", "Setting__c"), nullptr);
  EXPECT_EQ(imported->Field("Widget__c", "Active__c")->default_json, "true");
}

TEST(OpenApiImport, XeroComponentCounts) {
  auto imported = ImportData("xero/xero_accounting.yaml");
  ASSERT_NE(imported->schema, nullptr) << imported->AllMessages();
  EXPECT_FALSE(imported->diagnostics.HasErrors());
  // 123 object schemas and 10 enum schemas make the 133 components. The other 56 enums are
  // declared inline in properties.
  EXPECT_EQ(imported->schema->records.size(), 123u);
  EXPECT_EQ(imported->schema->enums.size(), 66u);
}

TEST(OpenApiImport, XeroInvoiceFields) {
  auto imported = ImportData("xero/xero_accounting.yaml");
  const RecordType* invoice = imported->Record("Invoice");
  ASSERT_NE(invoice, nullptr);
  EXPECT_EQ(invoice->fields.size(), 40u);
  EXPECT_EQ(imported->LineAt(invoice->range), 25779u);

  // Money is a decimal although the document types it as a double.
  EXPECT_EQ(TypeOf(imported->Field("Invoice", "Total")), "decimal?");
  EXPECT_EQ(TypeOf(imported->Field("Invoice", "CurrencyRate")), "decimal?");
  EXPECT_EQ(TypeOf(imported->Field("Invoice", "Status")), "s.InvoiceStatus?");
  EXPECT_EQ(TypeOf(imported->Field("Invoice", "Type")), "s.InvoiceType?");
  EXPECT_EQ(TypeOf(imported->Field("Invoice", "Contact")), "s.Contact?");
  EXPECT_EQ(TypeOf(imported->Field("Invoice", "LineItems")), "list<s.LineItem>?");
  EXPECT_EQ(TypeOf(imported->Field("Invoice", "CurrencyCode")), "s.CurrencyCode?");
  EXPECT_EQ(TypeOf(imported->Field("Invoice", "SentToContact")), "bool?");
  // Xero writes dates as `/Date(1573755038314+0000)/`, which is text, not an ISO date.
  EXPECT_EQ(TypeOf(imported->Field("Invoice", "DueDate")), "string?");
  EXPECT_EQ(imported->Field("Invoice", "InvoiceNumber")->constraints.max_length, 255);
  EXPECT_EQ(imported->Field("Invoice", "HasErrors")->default_json, "false");
}

TEST(OpenApiImport, XeroEnumsAndRequiredFields) {
  auto imported = ImportData("xero/xero_accounting.yaml");
  const EnumType* status = imported->schema->FindEnum("InvoiceStatus");
  ASSERT_NE(status, nullptr);
  EXPECT_EQ(status->members, (std::vector<std::string>{"DRAFT", "SUBMITTED", "DELETED",
                                                       "AUTHORISED", "PAID", "VOIDED"}));
  const EnumType* currency = imported->schema->FindEnum("CurrencyCode");
  ASSERT_NE(currency, nullptr);
  EXPECT_GE(currency->FindMember("NZD"), 0);

  // Allocation lists Amount, Invoice and Date in `required`.
  EXPECT_EQ(TypeOf(imported->Field("Allocation", "Amount")), "decimal");
  EXPECT_EQ(TypeOf(imported->Field("Allocation", "Invoice")), "s.Invoice");
  EXPECT_EQ(TypeOf(imported->Field("Allocation", "AllocationID")), "string?");
  // An int32 keeps its range.
  EXPECT_EQ(imported->Field("ImportSummaryAccounts", "Total")->constraints.maximum, "2147483647");
}

TEST(OpenApiImport, XeroWarningsAndLines) {
  auto imported = ImportData("xero/xero_accounting.yaml");
  std::vector<const Diagnostic*> warnings = imported->Warnings();
  ASSERT_EQ(warnings.size(), 24u) << imported->AllMessages();
  size_t string_defaults = 0;
  for (const Diagnostic* warning : warnings) {
    if (warning->message.find("is a string, but the field is bool") != std::string::npos)
      ++string_defaults;
  }
  EXPECT_EQ(string_defaults, 23u);
  EXPECT_EQ(imported->Line(*warnings[0]), 24016u);
  EXPECT_NE(warnings[0]->message.find("#/components/schemas/Account/properties/HasAttachments"),
            std::string::npos);

  const Diagnostic* sibling = nullptr;
  for (const Diagnostic* warning : warnings) {
    if (warning->message.find("beside `$ref`") != std::string::npos) sibling = warning;
  }
  ASSERT_NE(sibling, nullptr);
  EXPECT_EQ(imported->Line(*sibling), 27656u);
  EXPECT_NE(sibling->message.find("#/components/schemas/Quote/properties/Contact"),
            std::string::npos);
}

TEST(JsonSchemaImport, Draft07OrderTypes) {
  auto imported = ImportData("jsonschema/order.draft07.json");
  ASSERT_NE(imported->schema, nullptr) << imported->AllMessages();
  EXPECT_EQ(
      imported->schema->RecordNames(),
      (std::vector<std::string>{"Order", "Customer", "Card", "BankTransfer", "OrderLinesItem"}));
  EXPECT_EQ(TypeOf(imported->Field("Order", "placed_at")), "datetime");
  EXPECT_EQ(TypeOf(imported->Field("Order", "ship_by")), "date?");
  EXPECT_EQ(TypeOf(imported->Field("Order", "status")), "s.OrderStatus");
  EXPECT_EQ(imported->Field("Order", "status")->default_json, "\"open\"");
  EXPECT_EQ(TypeOf(imported->Field("Order", "total")), "decimal(38, 2)?");
  EXPECT_EQ(TypeOf(imported->Field("Order", "weight_kg")), "float?");
  EXPECT_EQ(TypeOf(imported->Field("Order", "customer")), "s.Customer");
  EXPECT_EQ(TypeOf(imported->Field("Order", "lines")), "list<s.OrderLinesItem>");
  EXPECT_EQ(TypeOf(imported->Field("Order", "tags")), "list<string>?");
  EXPECT_EQ(TypeOf(imported->Field("Order", "note")), "string?");
  EXPECT_EQ(imported->Field("Order", "payment"), nullptr);
  EXPECT_EQ(TypeOf(imported->Field("OrderLinesItem", "quantity")), "int");
  EXPECT_EQ(TypeOf(imported->Field("Customer", "tier")), "s.Tier?");
}

TEST(JsonSchemaImport, Draft07Limits) {
  auto imported = ImportData("jsonschema/order.draft07.json");
  const FieldType* id = imported->Field("Order", "id");
  ASSERT_NE(id, nullptr);
  EXPECT_EQ(id->constraints.pattern, "^ORD-[0-9]{6}$");
  const FieldType* total = imported->Field("Order", "total");
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(total->constraints.minimum, "0");
  EXPECT_TRUE(total->constraints.exclusive_minimum);
  EXPECT_EQ(total->constraints.multiple_of, "0.01");
  const FieldType* name = imported->Field("Customer", "name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->constraints.min_length, 1);
  EXPECT_EQ(name->constraints.max_length, 80);
  EXPECT_EQ(imported->Field("Order", "priority")->default_json, "3");
  EXPECT_EQ(imported->Field("Order", "note")->constraints.max_length, 500);
}

TEST(JsonSchemaImport, RecordReferringToItself) {
  auto imported = ImportData("jsonschema/order.draft07.json");
  const RecordType* customer = imported->Record("Customer");
  ASSERT_NE(customer, nullptr);
  EXPECT_EQ(imported->Field("Customer", "referred_by")->type.record, customer);

  auto catalog = ImportData("jsonschema/catalog.2020-12.json");
  const RecordType* category = catalog->Record("Category");
  ASSERT_NE(category, nullptr);
  EXPECT_EQ(TypeOf(catalog->Field("Category", "parent")), "s.Category?");
  EXPECT_EQ(catalog->Field("Category", "parent")->type.record, category);
  EXPECT_EQ(TypeOf(catalog->Field("Category", "children")), "list<s.Category>?");
}

TEST(JsonSchemaImport, Draft07WarningsAndLines) {
  auto imported = ImportData("jsonschema/order.draft07.json");
  std::vector<const Diagnostic*> warnings = imported->Warnings();
  ASSERT_EQ(warnings.size(), 3u) << imported->AllMessages();
  EXPECT_EQ(imported->Line(*warnings[0]), 28u);
  EXPECT_NE(warnings[0]->message.find("`uniqueItems` at #/properties/tags"), std::string::npos);
  EXPECT_EQ(imported->Line(*warnings[1]), 30u);
  EXPECT_NE(warnings[1]->message.find("field `payment` of record `Order` is left out: not "
                                      "supported: `oneOf` with 2 alternatives at "
                                      "#/properties/payment"),
            std::string::npos)
      << warnings[1]->message;
  EXPECT_EQ(imported->Line(*warnings[2]), 34u);
  EXPECT_NE(warnings[2]->message.find("`additionalProperties: false` at #"), std::string::npos);
}

TEST(JsonSchemaImport, Draft2020CatalogTypes) {
  auto imported = ImportData("jsonschema/catalog.2020-12.json");
  ASSERT_NE(imported->schema, nullptr) << imported->AllMessages();
  const FieldType* price = imported->Field("Product", "price");
  ASSERT_NE(price, nullptr);
  EXPECT_EQ(price->type.ToString(), "decimal");
  EXPECT_EQ(price->constraints.maximum, "1000000");
  EXPECT_TRUE(price->constraints.exclusive_maximum);
  EXPECT_EQ(imported->Field("Product", "currency")->constraints.allowed_values,
            (std::vector<std::string>{"EUR"}));
  EXPECT_EQ(TypeOf(imported->Field("Product", "unit")), "s.ProductUnit?");
  EXPECT_EQ(TypeOf(imported->Field("Product", "released")), "date?");
  EXPECT_EQ(TypeOf(imported->Field("Product", "opens_at")), "time?");
  EXPECT_EQ(TypeOf(imported->Field("Product", "rating")), "int?");
  EXPECT_EQ(TypeOf(imported->Field("Product", "dimensions")), "s.ProductDimensions?");

  // allOf of a referenced number and a limit merges into one decimal.
  const FieldType* discount = imported->Field("Product", "discount");
  ASSERT_NE(discount, nullptr);
  EXPECT_EQ(discount->type.ToString(), "decimal?");
  EXPECT_EQ(discount->constraints.minimum, "0");
  EXPECT_EQ(discount->constraints.maximum, "50");

  const EnumType* kind = imported->schema->FindEnum("Kind");
  ASSERT_NE(kind, nullptr);
  EXPECT_EQ(kind->members, (std::vector<std::string>{"physical", "digital"}));
  ASSERT_EQ(imported->Warnings().size(), 1u) << imported->AllMessages();
  EXPECT_EQ(imported->Line(*imported->Warnings()[0]), 34u);
}

TEST(JsonSchemaImport, RootNamedByTitleOrFileName) {
  auto titled = ImportText("a.json", R"({"title": "shipping label", "type": "object"})");
  ASSERT_NE(titled->schema, nullptr) << titled->AllMessages();
  EXPECT_NE(titled->Record("ShippingLabel"), nullptr);

  auto untitled = ImportText("customer-order.schema.json",
                             R"({"type": "object", "properties": {"id": {"type": "integer"}}})");
  ASSERT_NE(untitled->schema, nullptr) << untitled->AllMessages();
  EXPECT_EQ(TypeOf(untitled->Field("CustomerOrder", "id")), "int?");
}

TEST(JsonSchemaImport, ReferenceCyclesAreReported) {
  auto imported = ImportText("cycles.json", R"({"$defs": {
    "Loop": {"$ref": "#/$defs/Loop"},
    "Nested": {"type": "array", "items": {"$ref": "#/$defs/Nested"}},
    "Holder": {"type": "object", "properties": {"loop": {"$ref": "#/$defs/Loop"}}}
  }})");
  ASSERT_NE(imported->schema, nullptr) << imported->AllMessages();
  std::vector<const Diagnostic*> warnings = imported->Warnings();
  ASSERT_EQ(warnings.size(), 3u) << imported->AllMessages();
  EXPECT_NE(warnings[0]->message.find("definition `Loop` is not imported"), std::string::npos);
  EXPECT_NE(warnings[1]->message.find("definition `Nested` is not imported"), std::string::npos);
  EXPECT_NE(warnings[2]->message.find("field `loop` of record `Holder` is left out"),
            std::string::npos);
  // The warning at the field points at the cycle with a note.
  ASSERT_EQ(warnings[2]->notes.size(), 1u);
  EXPECT_EQ(imported->Line(*warnings[0]), 2u);
  EXPECT_TRUE(imported->Record("Holder")->fields.empty());
}

TEST(JsonSchemaImport, UnionsWithNullBecomeOptional) {
  auto imported = ImportText("unions.json", R"({"$defs": {
    "Item": {"type": "object", "properties": {"name": {"type": "string"}}},
    "Box": {"type": "object", "required": ["item", "label", "count"], "properties": {
      "item": {"anyOf": [{"$ref": "#/$defs/Item"}, {"type": "null"}]},
      "label": {"oneOf": [{"type": "string"}]},
      "count": {"type": ["integer", "number", "null"]},
      "either": {"anyOf": [{"type": "string"}, {"type": "integer"}]}
    }}
  }})");
  ASSERT_NE(imported->schema, nullptr) << imported->AllMessages();
  EXPECT_EQ(TypeOf(imported->Field("Box", "item")), "s.Item?");
  EXPECT_EQ(TypeOf(imported->Field("Box", "label")), "string");
  EXPECT_EQ(TypeOf(imported->Field("Box", "count")), "decimal?");
  EXPECT_EQ(imported->Field("Box", "either"), nullptr);
  ASSERT_EQ(imported->Warnings().size(), 1u) << imported->AllMessages();
  EXPECT_NE(imported->Warnings()[0]->message.find(
                "not supported: `anyOf` with 2 alternatives at #/$defs/Box/properties/either"),
            std::string::npos);
}

TEST(JsonSchemaImport, AllOfMergesObjectParts) {
  auto imported = ImportText("allof.json", R"({"$defs": {
    "Base": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}},
    "Dog": {"allOf": [{"$ref": "#/$defs/Base"},
                      {"required": ["bark"], "properties": {"bark": {"type": "boolean"}}}]},
    "Alias": {"allOf": [{"$ref": "#/$defs/Base"}], "description": "the same record"}
  }})");
  ASSERT_NE(imported->schema, nullptr) << imported->AllMessages();
  EXPECT_TRUE(imported->Warnings().empty()) << imported->AllMessages();
  EXPECT_EQ(imported->Record("Dog")->FieldNames(), (std::vector<std::string>{"id", "bark"}));
  EXPECT_EQ(TypeOf(imported->Field("Dog", "id")), "string");
  EXPECT_EQ(TypeOf(imported->Field("Dog", "bark")), "bool");
  // An allOf with one part is that part, not a copy of it.
  EXPECT_EQ(imported->Record("Alias"), nullptr);
}

TEST(JsonSchemaImport, NullableRecordsAndEnums) {
  auto imported = ImportText("nullable.json", R"({"type": "object", "required": ["a", "b"],
    "properties": {
      "a": {"type": ["object", "null"], "properties": {"x": {"type": "string"}}},
      "b": {"type": ["string", "null"], "enum": ["on", "off"]}
    }})");
  ASSERT_NE(imported->schema, nullptr) << imported->AllMessages();
  EXPECT_EQ(TypeOf(imported->Field("Nullable", "a")), "s.NullableA?");
  EXPECT_EQ(TypeOf(imported->Field("Nullable", "b")), "s.NullableB?");
}

TEST(JsonSchemaImport, DefaultsMustFitTheType) {
  auto imported = ImportText("defaults.json", R"({"type": "object", "properties": {
    "rate": {"type": "number", "multipleOf": 0.01, "default": 0.125},
    "fee": {"type": "number", "multipleOf": 0.01, "default": 1.50},
    "mode": {"enum": ["a", "b"], "default": "c"},
    "count": {"type": "integer", "default": "12"}
  }})");
  ASSERT_NE(imported->schema, nullptr) << imported->AllMessages();
  EXPECT_FALSE(imported->Field("Defaults", "rate")->has_default());
  EXPECT_EQ(imported->Field("Defaults", "fee")->default_json, "1.50");
  EXPECT_FALSE(imported->Field("Defaults", "mode")->has_default());
  EXPECT_EQ(imported->Field("Defaults", "count")->default_json, "12");
  std::vector<const Diagnostic*> warnings = imported->Warnings();
  ASSERT_EQ(warnings.size(), 3u) << imported->AllMessages();
  EXPECT_NE(warnings[0]->message.find("the default 0.125 at #/properties/rate is not a value of "
                                      "decimal(38, 2)"),
            std::string::npos)
      << warnings[0]->message;
  EXPECT_NE(warnings[1]->message.find("the default \"c\" at #/properties/mode"), std::string::npos);
  EXPECT_NE(warnings[2]->message.find("is imported as 12"), std::string::npos);
}

TEST(JsonSchemaImport, ConflictingAllOfPropertiesWarn) {
  auto imported = ImportText("conflict.json", R"({"$defs": {
    "A": {"type": "object", "properties": {"id": {"type": "string"}}},
    "B": {"allOf": [{"$ref": "#/$defs/A"}, {"properties": {"id": {"type": "integer"}}}]}
  }})");
  ASSERT_NE(imported->schema, nullptr) << imported->AllMessages();
  EXPECT_EQ(TypeOf(imported->Field("B", "id")), "string?");
  ASSERT_EQ(imported->Warnings().size(), 1u) << imported->AllMessages();
  EXPECT_NE(imported->Warnings()[0]->message.find(
                "property `id` at #/$defs/B/allOf/1/properties/id is declared again"),
            std::string::npos)
      << imported->Warnings()[0]->message;
  EXPECT_EQ(imported->Warnings()[0]->notes.size(), 1u);
}

TEST(JsonSchemaImport, KeywordsNotTranslatedAreReported) {
  auto imported = ImportText("keywords.json", R"({"type": "object", "properties": {
    "a": {"type": "string", "maxlength": 3},
    "b": {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 0},
    "c": {"type": "string", "not": {"const": "x"}},
    "d": {"type": "integer", "default": "seven"},
    "e": {"type": "integer", "enum": [1, 2, 3]},
    "f": {"type": "array", "minItems": 0, "uniqueItems": false, "items": {"type": "integer"}}
  }})");
  ASSERT_NE(imported->schema, nullptr) << imported->AllMessages();
  std::vector<const Diagnostic*> warnings = imported->Warnings();
  ASSERT_EQ(warnings.size(), 6u) << imported->AllMessages();
  EXPECT_NE(warnings[0]->message.find("unknown keyword `maxlength` at #/properties/a"),
            std::string::npos);
  EXPECT_NE(warnings[1]->message.find("`minItems`"), std::string::npos);
  EXPECT_NE(warnings[2]->message.find("`maxItems`"), std::string::npos);
  EXPECT_NE(warnings[3]->message.find("`not`"), std::string::npos);
  EXPECT_NE(warnings[4]->message.find("the default \"seven\" at #/properties/d is a string"),
            std::string::npos);
  EXPECT_NE(warnings[5]->message.find("the values of `enum` at #/properties/e are not kept"),
            std::string::npos);
  EXPECT_FALSE(imported->Field("Keywords", "d")->has_default());
  EXPECT_EQ(TypeOf(imported->Field("Keywords", "e")), "int?");
}

TEST(OpenApiImport, Version30NullableAndExclusiveFlags) {
  auto imported = ImportText("api.yaml", R"(openapi: 3.0.3
info: {title: Test, version: "1"}
paths: {}
components:
  schemas:
    Payment:
      type: object
      required: [amount, method]
      properties:
        amount: {type: number, minimum: 0, exclusiveMinimum: true, multipleOf: 0.01}
        method: {$ref: '#/components/schemas/Method'}
        memo: {type: string, nullable: true, maxLength: 140}
        count: {type: integer, format: int64}
        paid_on: {type: string, format: date, nullable: true}
        reference: {allOf: [{$ref: '#/components/schemas/Method'}], nullable: true}
    Method:
      type: string
      enum: [card, transfer]
)");
  ASSERT_NE(imported->schema, nullptr) << imported->AllMessages();
  EXPECT_TRUE(imported->diagnostics.diagnostics().empty()) << imported->AllMessages();
  const FieldType* amount = imported->Field("Payment", "amount");
  ASSERT_NE(amount, nullptr);
  EXPECT_EQ(amount->type.ToString(), "decimal(38, 2)");
  EXPECT_TRUE(amount->constraints.exclusive_minimum);
  EXPECT_EQ(TypeOf(imported->Field("Payment", "method")), "s.Method");
  EXPECT_EQ(TypeOf(imported->Field("Payment", "memo")), "string?");
  EXPECT_EQ(TypeOf(imported->Field("Payment", "count")), "int?");
  EXPECT_EQ(TypeOf(imported->Field("Payment", "paid_on")), "date?");
  EXPECT_EQ(TypeOf(imported->Field("Payment", "reference")), "s.Method?");
  // A record declared by a component starts at the component's key.
  EXPECT_EQ(imported->LineAt(imported->Record("Payment")->range), 6u);
}

TEST(OpenApiImport, Version31TypeArrays) {
  auto imported = ImportText("api31.json", R"({"openapi": "3.1.0", "components": {"schemas": {
    "Note": {"type": "object", "properties": {
      "text": {"type": ["string", "null"]},
      "tags": {"type": "array", "items": {"type": "string", "maxLength": 8}}
    }}
  }}})");
  ASSERT_NE(imported->schema, nullptr) << imported->AllMessages();
  EXPECT_EQ(TypeOf(imported->Field("Note", "text")), "string?");
  EXPECT_EQ(TypeOf(imported->Field("Note", "tags")), "list<string>?");
  ASSERT_EQ(imported->Warnings().size(), 1u) << imported->AllMessages();
  EXPECT_NE(imported->Warnings()[0]->message.find("limits and default of the list elements"),
            std::string::npos);
}

TEST(SchemaImport, MissingFileIsNotReadable) {
  auto imported = Import(std::string(SCHEMA_DATA_DIR) + "/no-such-file.json");
  EXPECT_EQ(imported->schema, nullptr);
  std::vector<const Diagnostic*> errors = imported->Of(DiagnosticKind::FileNotReadable);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0]->message.find("No such file or directory"), std::string::npos);
  // The error points at the declaration in the .map file.
  EXPECT_EQ(errors[0]->range.file, 0u);
}

TEST(SchemaImport, InvalidDocumentsAreRejected) {
  struct Case {
    std::string name;
    std::string text;
    std::string message;
    uint32_t line;
  };
  std::vector<Case> cases = {
      {"comma.json", "{\n  \"type\": \"object\",\n}\n", "not valid JSON", 3},
      {"tabs.yaml", "openapi: 3.0.0\ncomponents:\n\tschemas: {}\n", "not valid YAML", 3},
      {"records.json", "{\"records\": []}", "not of a known format", 1},
      {"list.json", "[1, 2]", "is an array, not an object", 1},
      {"swagger.json", "{\"swagger\": \"2.0\", \"definitions\": {}}", "Swagger 2.0", 1},
      {"old.yaml", "openapi: 2.5.0\n", "OpenAPI version `2.5.0` is not supported", 1},
      {"bare.yaml", "openapi: 3.0.0\npaths: {}\n", "no `components.schemas`", 1},
      {"scalar.json", "{\"type\": \"string\"}", "declares no object or enum", 1},
      {"latin1.json", "{\"title\": \"caf\xE9\"}", "not valid UTF-8", 1},
  };
  for (const Case& test : cases) {
    auto imported = ImportText(test.name, test.text);
    EXPECT_EQ(imported->schema, nullptr) << test.name;
    std::vector<const Diagnostic*> errors = imported->Of(DiagnosticKind::SchemaDocumentInvalid);
    ASSERT_EQ(errors.size(), 1u) << test.name << "\n" << imported->AllMessages();
    EXPECT_NE(errors[0]->message.find(test.message), std::string::npos)
        << test.name << ": " << errors[0]->message;
    EXPECT_EQ(imported->Line(*errors[0]), test.line) << test.name;
    EXPECT_EQ(errors[0]->range.file, 1u) << test.name;
  }
}

}  // namespace
}  // namespace weft::schema
