#include "compiler/schema/import/salesforce.h"

#include <fmt/format.h>

#include "compiler/schema/import/defaults.h"

namespace weft::schema::import {
namespace {

// Field types whose values are text in the REST API's JSON. Ids and references are 18-character
// record ids; a combobox takes any text besides its suggested values.
constexpr std::string_view kTextTypes[] = {"id",       "reference", "string",
                                           "textarea", "phone",     "url",
                                           "email",    "combobox",  "encryptedstring"};

bool IsTextType(std::string_view type) {
  for (std::string_view text_type : kTextTypes) {
    if (text_type == type) return true;
  }
  return false;
}

// Reads a non-negative integer property of a field, such as `length`.
std::optional<int64_t> IntegerAt(const Node& field, std::string_view key) {
  const Node* value = field.Find(key);
  if (value == nullptr || value->kind != NodeKind::Number || !IsIntegerNumber(value->text) ||
      value->text.size() > 18 || value->text[0] == '-') {
    return std::nullopt;
  }
  return std::stoll(value->text);
}

class SalesforceImporter {
 public:
  explicit SalesforceImporter(ImportContext& context) : context_(context) {}

  void Import(const Node& root, const std::string& fallback_name) {
    const Node* name = root.Find("name");
    bool named = name != nullptr && name->IsString() && !name->text.empty();
    RecordType& record = context_.AddRecord(
        context_.names.Claim(named ? name->text : fallback_name), named ? name->range : root.range);
    const Node& fields = *root.Find("fields");
    for (const Node& field : fields.elements) ImportField(field, record);
  }

 private:
  void ImportField(const Node& entry, RecordType& record) {
    const Node* name = entry.Find("name");
    const Node* type = entry.Find("type");
    if (name == nullptr || !name->IsString() || type == nullptr || !type->IsString()) {
      context_.Warn(entry.range,
                    "a field description without a string `name` and `type` is "
                    "left out");
      return;
    }
    int previous = record.FindField(name->text);
    if (previous >= 0) {
      context_
          .Warn(name->range, fmt::format("field `{}` is described twice; the first description "
                                         "is kept",
                                         name->text))
          .notes.push_back({record.fields[previous].range, "the first description is here"});
      return;
    }

    FieldType field;
    field.name = name->text;
    field.range = name->range;
    if (!Translate(entry, *type, field)) return;
    const Node* nillable = entry.Find("nillable");
    field.type.optional = nillable != nullptr && nillable->IsTrue();
    ApplyDefault(entry, field);
    record.fields.push_back(std::move(field));
  }

  // Sets the field's type and limits from its Salesforce type; false when the field is left out.
  bool Translate(const Node& entry, const Node& type, FieldType& field) {
    const std::string& name = type.text;
    if (IsTextType(name) || name == "picklist") {
      field.type = Type::String();
      std::optional<int64_t> length = IntegerAt(entry, "length");
      if (length && *length > 0) field.constraints.max_length = length;
      if (name == "picklist") field.constraints.allowed_values = ActivePicklistValues(entry);
    } else if (name == "multipicklist") {
      field.type = Type::String();
      context_.Warn(type.range,
                    fmt::format("field `{}` is a multi-select picklist, so it is imported as a "
                                "string of the chosen values joined by `;`, and the values are "
                                "not checked",
                                field.name));
    } else if (name == "boolean") {
      field.type = Type::Bool();
    } else if (name == "int" || name == "long") {
      field.type = Type::Int();
    } else if (name == "double" || name == "currency" || name == "percent") {
      field.type = DecimalType(entry, field.name);
    } else if (name == "date") {
      field.type = Type::Date();
    } else if (name == "datetime") {
      field.type = Type::DateTime();
    } else if (name == "time") {
      field.type = Type::Time();
    } else if (name == "address" || name == "location") {
      field.type = Type::OfRecord(CompoundRecord(name, entry.range));
    } else if (name == "base64") {
      field.type = Type::String();
      context_.Warn(type.range, fmt::format("field `{}` contains base64-encoded binary data, "
                                            "imported as a string of the encoded text",
                                            field.name));
    } else {
      // An anyType field contains a string, number, boolean or date, which varies per record.
      context_.Warn(
          type.range,
          fmt::format("field `{}` of type `{}` is left out: {}", field.name, name,
                      name == "anyType" ? "its values may be of any type"
                                        : "the type is not a known Salesforce field type"));
      return false;
    }
    return true;
  }

  // Salesforce numbers are fixed-point: `precision` digits in all, `scale` after the point.
  // Money is never a binary float, so currency stays exact as a decimal.
  Type DecimalType(const Node& entry, const std::string& field_name) {
    std::optional<int64_t> precision = IntegerAt(entry, "precision");
    std::optional<int64_t> scale = IntegerAt(entry, "scale");
    if (!precision || !scale) return Type::Decimal(kMaxDecimalPrecision, kAnyScale);
    if (*precision >= 1 && *precision <= kMaxDecimalPrecision && *scale <= *precision) {
      return Type::Decimal(static_cast<int>(*precision), static_cast<int>(*scale));
    }
    context_.Warn(entry.Find("precision")->range,
                  fmt::format("field `{}` has precision {} and scale {}, beyond decimal({}, s); "
                              "it is imported as a decimal without a fixed scale",
                              field_name, *precision, *scale, kMaxDecimalPrecision));
    return Type::Decimal(kMaxDecimalPrecision, kAnyScale);
  }

  // NOTE: the active values are kept for restricted and unrestricted picklists alike. Data of an
  // unrestricted picklist (`restrictedPicklist` false or missing) and older records of either
  // kind may hold other values, so the field stays a string and nothing rejects those yet.
  static std::vector<std::string> ActivePicklistValues(const Node& entry) {
    std::vector<std::string> values;
    const Node* picklist = entry.Find("picklistValues");
    if (picklist == nullptr) return values;
    for (const Node& value : picklist->elements) {
      const Node* active = value.Find("active");
      bool is_active = active == nullptr || active->IsTrue();
      if (is_active && value.Find("value") != nullptr && value.Find("value")->IsString()) {
        values.push_back(value.Find("value")->text);
      }
    }
    return values;
  }

  // The record of an address or geolocation compound field, with the components that the REST
  // API returns in its JSON object (Salesforce Object Reference, "Address Compound Fields" and
  // "Geolocation Compound Field"). It is made once per schema.
  const RecordType* CompoundRecord(const std::string& type, SourceRange range) {
    RecordType*& record = type == "address" ? address_ : location_;
    if (record != nullptr) return record;
    record = &context_.AddRecord(context_.names.Claim(type == "address" ? "Address" : "Location"),
                                 range);
    std::vector<std::pair<std::string, Type>> components;
    if (type == "address") {
      for (const char* text : {"street", "city", "state", "stateCode", "postalCode", "country",
                               "countryCode", "geocodeAccuracy"}) {
        components.emplace_back(text, Type::String());
      }
    }
    components.emplace_back("latitude", Type::Decimal(kMaxDecimalPrecision, kAnyScale));
    components.emplace_back("longitude", Type::Decimal(kMaxDecimalPrecision, kAnyScale));
    for (auto& [name, component_type] : components) {
      FieldType field;
      field.name = name;
      field.type = component_type.AsOptional();
      field.range = range;
      record->fields.push_back(std::move(field));
    }
    return record;
  }

  // The field's `defaultValue`, or else the picklist value marked as the default.
  // `defaultedOnCreate` is not read, because it means that Salesforce fills the field when a
  // record is created, but not with which value.
  void ApplyDefault(const Node& entry, FieldType& field) {
    const Node* value = entry.Find("defaultValue");
    if (value == nullptr || value->kind == NodeKind::Null) value = DefaultPicklistValue(entry);
    if (value == nullptr) return;
    CheckedDefault checked = CheckDefault(*value, field.type);
    field.default_json = checked.json;
    if (!checked.problem.empty()) {
      context_.Warn(value->range, fmt::format("the default {} of field `{}` {}", Excerpt(*value),
                                              field.name, checked.problem));
    }
  }

  static const Node* DefaultPicklistValue(const Node& entry) {
    const Node* picklist = entry.Find("picklistValues");
    if (picklist == nullptr) return nullptr;
    for (const Node& value : picklist->elements) {
      const Node* is_default = value.Find("defaultValue");
      const Node* active = value.Find("active");
      if (is_default != nullptr && is_default->IsTrue() &&
          (active == nullptr || active->IsTrue())) {
        return value.Find("value");
      }
    }
    return nullptr;
  }

  ImportContext& context_;
  RecordType* address_ = nullptr;
  RecordType* location_ = nullptr;
};

}  // namespace

bool IsSalesforceDescribe(const Node& root) {
  const Node* fields = root.Find("fields");
  if (fields == nullptr || !fields->IsArray() || fields->elements.empty()) return false;
  for (const Node& field : fields->elements) {
    if (!field.IsObject()) return false;
  }
  const Node& first = fields->elements.front();
  return first.Find("name") != nullptr && first.Find("type") != nullptr;
}

void ImportSalesforce(const Node& root, const std::string& fallback_name, ImportContext& context) {
  SalesforceImporter(context).Import(root, fallback_name);
}

}  // namespace weft::schema::import
