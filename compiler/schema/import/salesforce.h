#pragma once

#include <string>

#include "compiler/schema/import/document.h"
#include "compiler/schema/import/import_context.h"

// The Salesforce describe importer: the JSON of the REST API's `sobjects/NAME/describe`.
namespace weft::schema::import {

// True for a document with a `fields` array of objects, the first with `name` and `type`.
bool IsSalesforceDescribe(const Node& root);

// Translates a describe document into one record, named after its `name` or else
// `fallback_name`. Field types map as follows, and each field is optional when `nillable`:
//
//   id, reference, string, textarea, phone, url, email, combobox, encryptedstring -> string,
//     with `length` as max_length
//   picklist -> string whose allowed_values are the active picklist values
//   multipicklist -> string, with a warning: the chosen values joined by `;`
//   boolean -> bool; int, long -> int; date, datetime, time -> date, datetime, time
//   double, currency, percent -> decimal(precision, scale), or decimal without a fixed scale
//     when the document gives no digits
//   address, location -> the compound records Address and Location
//   base64 -> string of the encoded text, with a warning
//   anyType and unknown types -> left out, with a warning
void ImportSalesforce(const Node& root, const std::string& fallback_name, ImportContext& context);

}  // namespace weft::schema::import
