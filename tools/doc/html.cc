// The HTML form of the mapping document: one page with its style sheet inline, no scripts and
// no external resources, so that it can be mailed or attached to a ticket as it is.
#include <fmt/format.h>

#include "tools/doc/document_text.h"
#include "tools/doc/html_style.h"
#include "tools/doc/mapping_document.h"

namespace weft::doc {
namespace {

// Escapes text for element content and quoted attribute values.
std::string Escape(std::string_view text) {
  std::string escaped;
  for (char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

// Returns `<tag class="css_class">inner</tag>`, where `inner` is HTML already.
std::string Element(std::string_view tag, std::string_view css_class, const std::string& inner) {
  if (css_class.empty()) return fmt::format("<{0}>{1}</{0}>", tag, inner);
  return fmt::format("<{0} class=\"{1}\">{2}</{0}>", tag, css_class, inner);
}

std::string Code(std::string_view text) { return Element("code", "", Escape(text)); }

std::string CodeList(const std::vector<std::string>& names) {
  if (names.empty()) return Element("span", "none", "—");
  std::string items;
  for (const std::string& name : names) items += Element("li", "", Code(name));
  return Element("ul", "names", items);
}

// The names as inline code, separated by commas, for use inside a sentence.
std::string InlineCodeList(const std::vector<std::string>& names) {
  std::string list;
  for (const std::string& name : names) list += (list.empty() ? "" : ", ") + Code(name);
  return list.empty() ? "no source fields" : list;
}

std::string Row(const std::vector<std::string>& cells, std::string_view css_class = "") {
  std::string inner;
  for (const std::string& cell : cells) inner += Element("td", "", cell);
  return Element("tr", css_class, inner) + "\n";
}

// A table with a header row. `widths` are the columns' shares of the width, in percent.
std::string Table(std::string_view css_class, const std::vector<std::string>& headings,
                  const std::vector<int>& widths, const std::string& rows) {
  std::string columns, header;
  for (int width : widths) columns += fmt::format("<col style=\"width: {}%\">", width);
  for (const std::string& heading : headings) header += Element("th", "", Escape(heading));
  return Element("table", css_class,
                 Element("colgroup", "", columns) +
                     Element("thead", "", Element("tr", "", header)) + "\n" +
                     Element("tbody", "", "\n" + rows)) +
         "\n";
}

std::string TypeCell(const FieldRow& field) {
  return Escape(field.description) + Element("div", "written", Code(field.type));
}

std::string Note(const std::string& note) {
  return note.empty() ? "" : Element("p", "note", Escape(note));
}

std::string MappingCell(const MappingRow& row) {
  if (!row.mapped()) return Element("span", "badge", Escape(UnmappedOutcome(row.field)));
  return Element("pre", "", Code(row.expression)) + Note(row.note);
}

std::string Card(const std::string& number, const std::string& label, std::string_view css_class) {
  return Element("div", css_class,
                 Element("span", "number", Escape(number)) + Element("span", "label", label));
}

std::string Summary(const MappingDocument& document) {
  DocumentCounts counts = CountFields(document);
  size_t unmapped = counts.target - counts.mapped;
  std::string cards = Card(std::to_string(document.rules.size()),
                           document.rules.size() == 1 ? "rule" : "rules", "card");
  cards += Card(std::to_string(counts.mapped), "target fields mapped", "card");
  cards += Card(std::to_string(unmapped), "target fields not mapped",
                unmapped == 0 ? "card" : "card attention");
  for (const UnreadFields& source : document.unread_sources) {
    size_t read = source.field_count - source.fields.size();
    cards += Card(fmt::format("{} of {}", read, source.field_count),
                  "source fields of " + Code(source.record) + " read", "card");
  }
  std::string links;
  for (size_t i = 0; i < document.rules.size(); ++i) {
    const RuleSection& rule = document.rules[i];
    links += Element("li", "",
                     fmt::format("<a href=\"#rule-{}\">{}</a>: {} → {}", i + 1, Escape(rule.name),
                                 Code(rule.source), Code(rule.target)));
  }
  return Element("section", "summary",
                 Element("h2", "", "Summary") + Element("div", "cards", cards) +
                     Element("ul", "rules", links)) +
         "\n";
}

std::string FieldTable(const RuleSection& rule) {
  std::string rows;
  for (const MappingRow& row : rule.fields) {
    rows += Row({Code(row.field.name), TypeCell(row.field), row.field.required ? "yes" : "no",
                 MappingCell(row), row.mapped() ? CodeList(row.reads) : "",
                 row.mapped() ? CodeList(row.tables) : ""},
                row.mapped() ? "" : "unmapped");
  }
  return Table("fields",
               {"Target field", "Type", "Required", "Filled from", "Source fields read", "Tables"},
               {14, 19, 10, 31, 15, 11}, rows);
}

std::string WhenText(const RuleSection& rule) {
  if (rule.conditions.empty() || !rule.conditions.front().is_when) {
    return Element("p", "",
                   "The rule has no <code>when</code> condition, so it maps every record "
                   "that passes its checks.");
  }
  const ConditionRow& when = rule.conditions.front();
  return Element("p", "",
                 "Only records for which this condition holds are mapped; the others "
                 "are skipped:") +
         Element("pre", "condition", Code(when.condition)) +
         Element("p", "", "It reads " + InlineCodeList(when.reads) + ".");
}

std::string Checks(const RuleSection& rule) {
  std::string rows;
  for (const ConditionRow& row : rule.conditions) {
    if (row.is_when) continue;
    rows += Row({Element("pre", "", Code(row.condition)) + Note(row.note),
                 Element("pre", "", Code(row.message)), CodeList(row.reads)});
  }
  if (rows.empty()) return Element("p", "", "The rule has no <code>require</code> checks.");
  return Element("p", "", "A record is rejected with the message when a check fails:") +
         Table("checks", {"Check", "Message when it fails", "Source fields read"}, {40, 40, 20},
               rows);
}

std::string Rule(const RuleSection& rule, size_t number) {
  std::string heading =
      fmt::format("Rule {}: {} → {}", Escape(rule.name), Code(rule.source), Code(rule.target));
  std::string meta = fmt::format("Declared in {}. {} of {} target fields are mapped.",
                                 Escape(rule.location), rule.MappedCount(), rule.fields.size());
  std::string description = rule.note.empty() ? "" : Element("p", "", Escape(rule.note));
  std::string inner = Element("h2", "", heading) + description + Element("p", "meta", meta) +
                      Element("h3", "", "Target fields") + FieldTable(rule) +
                      Element("h3", "", "Which records are mapped") + WhenText(rule) +
                      Element("h3", "", "Checks that reject a record") + Checks(rule);
  return fmt::format("<section class=\"rule\" id=\"rule-{}\">{}</section>\n", number, inner);
}

std::string UnreadSources(const MappingDocument& document) {
  std::string inner = Element("h2", "", "Source fields that no rule reads") +
                      Element("p", "",
                              "These fields arrive from the source system, but no rule "
                              "uses them. Check that none of them is needed.");
  for (const UnreadFields& source : document.unread_sources) {
    inner += Element("h3", "",
                     fmt::format("{}: {} of {} fields", Code(source.record), source.fields.size(),
                                 source.field_count));
    std::string rows;
    for (const FieldRow& field : source.fields)
      rows += Row({Code(field.name), TypeCell(field), field.required ? "yes" : "no"});
    inner += rows.empty()
                 ? Element("p", "", "Every field is read.")
                 : Table("compact", {"Source field", "Type", "Required"}, {30, 55, 15}, rows);
  }
  return Element("section", "", inner) + "\n";
}

std::string UnmappedTargets(const MappingDocument& document) {
  std::string rows;
  for (const RuleSection& rule : document.rules) {
    for (const MappingRow& row : rule.fields) {
      if (row.mapped()) continue;
      rows += Row({Escape(rule.name), Code(row.field.name), TypeCell(row.field),
                   Escape(UnmappedOutcome(row.field))});
    }
  }
  std::string inner = Element("h2", "", "Target fields with no mapping");
  inner += rows.empty() ? Element("p", "", "Every target field is mapped.")
                        : Element("p", "",
                                  "The rules do not assign these fields, so the target "
                                  "system receives the value shown.") +
                              Table("compact", {"Rule", "Target field", "Type", "What is written"},
                                    {15, 20, 35, 30}, rows);
  return Element("section", "", inner) + "\n";
}

}  // namespace

std::string RenderHtml(const MappingDocument& document) {
  std::string title = Title(document);
  std::string body =
      Element("header", "", Element("h1", "", Escape(title))) + "\n" + Summary(document);
  for (size_t i = 0; i < document.rules.size(); ++i) body += Rule(document.rules[i], i + 1);
  body += UnreadSources(document) + UnmappedTargets(document);
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n<main>\n{}</main>\n</body>\n"
      "</html>\n",
      Escape(title), kStyleSheet, body);
}

}  // namespace weft::doc
