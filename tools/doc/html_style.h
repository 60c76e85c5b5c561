#pragma once

// The style sheet of the HTML mapping document. It uses only the reader's own fonts, so the
// page needs nothing beyond itself.
namespace weft::doc {

inline constexpr const char* kStyleSheet = R"css(
:root {
  --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --stripe: #f6f8fa;
  --accent: #0b5cad; --attention: #9a6700; --attention-bg: #fff8c5;
}
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 32px 28px 64px; }
h1 { font-size: 28px; margin: 0 0 8px; }
h2 { font-size: 22px; margin: 40px 0 8px; padding-bottom: 6px; border-bottom: 2px solid var(--line); }
h3 { font-size: 17px; margin: 28px 0 8px; }
p { margin: 6px 0; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  font-size: 13px; }
pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
h2 code, h3 code { font-size: 0.85em; }
td pre { background: var(--stripe); border: 1px solid #e4e8ec; border-radius: 4px; padding: 3px 6px; }
td:first-child code { font-weight: 600; }
pre.condition { background: var(--stripe); border: 1px solid var(--line); border-radius: 6px;
  padding: 8px 12px; margin: 8px 0; }
.note { color: var(--muted); font-size: 13.5px; margin-top: 6px; }
.meta { color: var(--muted); }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0 16px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; min-width: 170px; }
.card .number { display: block; font-size: 26px; font-weight: 600; color: var(--accent); }
.card .label { color: var(--muted); }
.card.attention { background: var(--attention-bg); border-color: #d4a72c; }
.card.attention .number { color: var(--attention); }
ul.rules { margin: 0; padding-left: 20px; }
a { color: var(--accent); }
table { width: 100%; table-layout: fixed; border-collapse: collapse; margin: 8px 0 16px; }
th, td { text-align: left; vertical-align: top; padding: 8px 10px; border-bottom: 1px solid var(--line);
  overflow-wrap: anywhere; }
th { background: var(--stripe); font-weight: 600; border-bottom: 2px solid var(--line); }
tbody tr:nth-child(even) { background: #fbfcfd; }
tr.unmapped td { background: var(--attention-bg); }
table.compact td { padding: 4px 10px; }
table.compact .written { display: inline; margin-left: 8px; }
td .written { color: var(--muted); margin-top: 2px; }
ul.names { list-style: none; margin: 0; padding: 0; }
.none { color: var(--muted); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 13px;
  background: var(--attention-bg); color: var(--attention); border: 1px solid #d4a72c; }
@media (max-width: 900px) {
  main { padding: 20px 12px 40px; }
  table { font-size: 13px; }
  th, td { padding: 6px 5px; }
  th { overflow-wrap: normal; hyphens: auto; }
  code, pre { font-size: 11.5px; }
}
@media print {
  main { max-width: none; padding: 0; }
  tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
)css";

}  // namespace weft::doc
