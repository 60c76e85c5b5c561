// Fuzz target: maps the same NDJSON text with each of a few fixed rules in the two ways a rule
// runs, and aborts when they disagree:
// - the runtime of `weft run --input-format ndjson`: runtime::Execute over a RecordSource, as
//   tools/run_command.cc calls it, on one thread with large batches and on two with tiny ones;
// - the embedding API of libweft.so: Mapper::ApplyNdjson over the whole text, then each record
//   alone through Mapper::Apply, Rule::Apply and the C ABI's weft_mapper_apply.
//
// Record by record, these must be equal: the outcome, the mapped JSON byte for byte, and the
// reject's reason, field and value byte for byte, with its record number, line and byte offset.
// Both ways map with runtime::BatchMapper, so a difference can only come from the framing, the
// buffers and their padding, the threads, or state kept between records. Each is a bug, because
// a host that routes rejects by reason or field must see what `weft run` writes to its rejects.
// Every mapped line must parse as a JSON object, every rejects line too, and `in = mapped +
// skipped + rejected` must hold for every way.
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/codegen/jit.h"
#include "compiler/frontend.h"
#include "runtime/executor.h"
#include "runtime/json_check.h"
#include "stdlib/utf8.h"
#include "weft/weft.h"

namespace {

// Two rules over one source record. Together they read strings, decimals of fixed and of
// per-record scale, ints, bools, optional fields, an enum, value tables and nested records. They
// reject by `require`, by a target limit, by overflow and for unreadable input.
constexpr const char* kProgram = R"(
schema src {
  enum Tier { GOLD, SILVER, BRONZE }
  record Address {
    city: string
    zip: string?
  }
  record Owner {
    name: string?
    address: Address?
  }
  record In {
    id: string
    name: string?
    tier: Tier?
    amount: decimal(12, 2)?
    rate: decimal?
    count: int?
    active: bool?
    country: string?
    owner: Owner?
  }
}

schema dst {
  enum Level { HIGH, MID, LOW }
  record Account {
    key: string @max_length(12)
    label: string
    level: Level
    total: decimal(14, 3)
    share: decimal(10, 4)?
    city: string?
    country: string
    n: int
  }
  record Note {
    id: string
    text: string
    amount: string
  }
}

table country_code: string -> string {
  "Germany" => "DE"
  "France"  => "FR"
  else      => "XX"
}

table tier_level: src.Tier -> dst.Level {
  GOLD   => HIGH
  SILVER => MID
  BRONZE => LOW
}

map src.In -> dst.Account as Account when active ?? true {
  require id != "" else "empty id"
  require (count ?? 0) >= 0 else "negative count {count ?? 0}"
  key = id.upper()
  label = "{name?.trim() ?? "-"}/{owner?.name ?? "?"}"
  level = if tier != null then tier_level[tier] else LOW
  total = round((amount ?? 0) * 1.5, 3)
  share = rate
  city = owner?.address?.city
  country = country_code[country ?? ""]
  n = (count ?? 0) * 3 + 1
}

map src.In -> dst.Note as Note when tier != BRONZE {
  id = id
  text = "{id}:{name ?? ""}".lower().pad_left(8, "*")
  amount = format_number(amount ?? 0, "#,##0.00", ",", ".")
}
)";

// The number of rules in kProgram.
constexpr size_t kRuleCount = 2;

void Require(bool condition, const std::string& rule, const char* failure) {
  if (condition) return;
  std::fprintf(stderr, "fuzz_differential: rule %s: %s\n", rule.c_str(), failure);
  std::abort();
}

// One rule as each way runs it.
struct RulePaths {
  std::string name;
  weft::runtime::CompiledRule cli;
  weft::embed::Rule rule;
  // Kept across inputs, so that state a Mapper keeps between calls is exercised too.
  std::optional<weft::embed::Mapper> mapper;
  weft_mapper* c_mapper = nullptr;
};

// The program compiled once for `weft run`'s runtime, once by the C++ API and once by the C ABI.
struct Compiled {
  std::unique_ptr<weft::Frontend> frontend;
  std::unique_ptr<weft::codegen::Jit> jit;
  std::vector<RulePaths> rules;
};

Compiled& Programs() {
  static Compiled* compiled = [] {
    auto* result = new Compiled;
    result->frontend = weft::CheckText("differential.map", kProgram);
    Require(!result->frontend->diagnostics.HasErrors(), "-", "the program has errors");
    result->jit = std::move(*weft::codegen::Jit::Create());
    weft::embed::Program program =
        weft::embed::Program::CompileSources({{"differential.map", kProgram}});
    Require(program.ok(), "-", "the C++ API did not compile the program");
    weft_program* c_program = nullptr;
    std::string text = kProgram;
    Require(weft_program_compile_source("differential.map", text.data(), text.size(), nullptr,
                                        &c_program, nullptr, 0) == WEFT_OK,
            "-", "the C ABI did not compile the program");

    for (const weft::check::CheckedRule& checked : result->frontend->program.rules) {
      RulePaths& paths = result->rules.emplace_back();
      auto cli = result->jit->CompileForRun(result->frontend->program, checked);
      Require(static_cast<bool>(cli), checked.name, "the JIT did not compile the rule");
      paths.cli = std::move(*cli);
      paths.name = paths.cli.name;
      paths.rule = program.rule(paths.cli.name);
      Require(static_cast<bool>(paths.rule), paths.name, "the C++ API has no such rule");
      paths.mapper.emplace(paths.rule);
      weft_rule* c_rule = nullptr;
      Require(weft_program_rule(c_program, paths.name.c_str(), &c_rule, nullptr, 0) == WEFT_OK &&
                  weft_mapper_create(c_rule, &paths.c_mapper, nullptr, 0) == WEFT_OK,
              paths.name, "the C ABI has no such rule");
      weft_rule_free(c_rule);
    }
    Require(result->rules.size() == kRuleCount, "-", "the program lost a rule");
    weft_program_free(c_program);
    return result;
  }();
  return *compiled;
}

// A record's place and outcome as the embedding API reports them.
struct Seen {
  uint64_t number = 0;
  uint64_t line = 0;
  uint64_t offset = 0;
  std::string text;
  weft::embed::Outcome outcome;
};

bool SameOutcome(const weft::embed::Outcome& a, const weft::embed::Outcome& b) {
  return a.kind == b.kind && a.json == b.json && a.reason == b.reason && a.field == b.field &&
         a.value == b.value;
}

std::string Describe(const weft::embed::Outcome& outcome) {
  const char* kinds[] = {"mapped", "skipped", "rejected"};
  return std::string(kinds[static_cast<int>(outcome.kind)]) + " json=" + outcome.json +
         " reason=" + outcome.reason + " field=" + outcome.field + " value=" + outcome.value;
}

// Aborts, printing the record and both outcomes, unless they are the same.
void RequireSame(const weft::embed::Outcome& actual, const weft::embed::Outcome& expected,
                 const std::string& rule, const std::string& record, const char* failure) {
  if (SameOutcome(actual, expected)) return;
  std::fprintf(stderr, "record: %s\n  %s\n  ApplyNdjson: %s\n", record.c_str(),
               Describe(actual).c_str(), Describe(expected).c_str());
  Require(false, rule, failure);
}

weft::embed::Outcome FromC(const weft_outcome& c) {
  weft::embed::Outcome outcome;
  outcome.kind = c.kind == WEFT_MAPPED    ? weft::embed::OutcomeKind::kMapped
                 : c.kind == WEFT_SKIPPED ? weft::embed::OutcomeKind::kSkipped
                                          : weft::embed::OutcomeKind::kRejected;
  outcome.json.assign(c.json, c.json_size);
  outcome.reason.assign(c.reason, c.reason_size);
  outcome.field.assign(c.field, c.field_size);
  outcome.value.assign(c.value, c.value_size);
  return outcome;
}

bool CountsAddUp(const weft::embed::Counts& counts) {
  return counts.in == counts.mapped + counts.skipped + counts.rejected;
}

// Maps `text` with the embedding API, as NDJSON and then record by record.
std::vector<Seen> MapEmbedded(RulePaths& paths, const std::string& text,
                              weft::embed::RunResult& result) {
  std::vector<Seen> seen;
  result = paths.mapper->ApplyNdjson(text, [&](const weft::embed::RecordPosition& record,
                                               const weft::embed::Outcome& outcome) {
    seen.push_back({record.number, record.line, record.offset, std::string(record.text), outcome});
    return true;
  });
  Require(CountsAddUp(result.counts), paths.name, "ApplyNdjson's counts do not add up");
  Require(result.counts.in == seen.size(), paths.name, "ApplyNdjson counted another number");
  Require(!result.stopped, paths.name, "ApplyNdjson stopped");

  weft::embed::Outcome alone;
  for (const Seen& record : seen) {
    Require(
        record.outcome.kind != weft::embed::OutcomeKind::kMapped || record.outcome.reason.empty(),
        paths.name, "a mapped record has a reason");
    paths.mapper->Apply(record.text, alone);
    RequireSame(alone, record.outcome, paths.name, record.text,
                "Mapper::Apply differs from Mapper::ApplyNdjson");
    RequireSame(paths.rule.Apply(record.text), record.outcome, paths.name, record.text,
                "Rule::Apply differs from Mapper::ApplyNdjson");
    weft_outcome c_outcome;
    Require(weft_mapper_apply(paths.c_mapper, record.text.data(), record.text.size(), &c_outcome,
                              nullptr, 0) == WEFT_OK,
            paths.name, "weft_mapper_apply failed");
    RequireSame(FromC(c_outcome), record.outcome, paths.name, record.text,
                "weft_mapper_apply differs from Mapper::ApplyNdjson");
  }
  return seen;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string StringMember(const nlohmann::json& object, const char* key) {
  auto member = object.find(key);
  return member == object.end() ? std::string() : member->get<std::string>();
}

// A checker of RFC 8259's JSON grammar, written apart from the runtime's checks so that it can
// catch them out. It accepts two things that nlohmann::json rejects and that a reject copies from
// its input: numbers beyond the range of a double, and escapes of unpaired surrogates.
class JsonGrammar {
 public:
  static bool Accepts(std::string_view text) {
    JsonGrammar grammar(text);
    grammar.SkipSpace();
    if (!grammar.Value(0)) return false;
    grammar.SkipSpace();
    return grammar.at_ == text.size() && weft::utf8::FindInvalid(text) == std::string_view::npos;
  }

 private:
  // A reject nests its input one level deeper than the input may nest.
  static constexpr int kMaxDepth = weft::runtime::kMaxInputDepthCeiling + 1;

  explicit JsonGrammar(std::string_view text) : text_(text) {}

  bool Take(char c) {
    if (at_ >= text_.size() || text_[at_] != c) return false;
    ++at_;
    return true;
  }

  bool TakeDigits() {
    size_t start = at_;
    while (at_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[at_]))) ++at_;
    return at_ > start;
  }

  void SkipSpace() {
    while (at_ < text_.size() && std::strchr(" \t\r\n", text_[at_]) != nullptr && text_[at_] != 0)
      ++at_;
  }

  bool Value(int depth) {
    if (depth > kMaxDepth || at_ >= text_.size()) return false;
    switch (text_[at_]) {
      case '{':
        return Members(depth, '}', true);
      case '[':
        return Members(depth, ']', false);
      case '"':
        return String();
      case 't':
        return Word("true");
      case 'f':
        return Word("false");
      case 'n':
        return Word("null");
      default:
        return Number();
    }
  }

  // The members of an object, or the elements of an array, up to `close`.
  bool Members(int depth, char close, bool object) {
    ++at_;
    SkipSpace();
    if (Take(close)) return true;
    while (true) {
      SkipSpace();
      if (object && !Key()) return false;
      SkipSpace();
      if (!Value(depth + 1)) return false;
      SkipSpace();
      if (Take(close)) return true;
      if (!Take(',')) return false;
    }
  }

  // A member's key and the colon after it.
  bool Key() {
    if (!String()) return false;
    SkipSpace();
    return Take(':');
  }

  bool String() {
    if (!Take('"')) return false;
    while (at_ < text_.size()) {
      unsigned char c = static_cast<unsigned char>(text_[at_++]);
      if (c == '"') return true;
      if (c < 0x20) return false;
      if (c != '\\') continue;
      if (at_ >= text_.size()) return false;
      char escape = text_[at_++];
      if (escape == 'u') {
        for (int i = 0; i < 4; ++i, ++at_) {
          if (at_ >= text_.size() || !std::isxdigit(static_cast<unsigned char>(text_[at_])))
            return false;
        }
      } else if (escape == 0 || std::strchr("\"\\/bfnrt", escape) == nullptr) {
        return false;
      }
    }
    return false;
  }

  bool Number() {
    Take('-');
    if (!Take('0') && !TakeDigits()) return false;
    if (Take('.') && !TakeDigits()) return false;
    if (Take('e') || Take('E')) {
      if (!Take('+')) Take('-');
      if (!TakeDigits()) return false;
    }
    return true;
  }

  bool Word(std::string_view word) {
    if (text_.substr(at_, word.size()) != word) return false;
    at_ += word.size();
    return true;
  }

  std::string_view text_;
  size_t at_ = 0;
};

// Checks one rejects line of `weft run` against the embedding API's outcome of that record.
void CompareReject(const RulePaths& paths, const std::string& line, const Seen& record) {
  if (!JsonGrammar::Accepts(line)) std::fprintf(stderr, "rejects line: %s\n", line.c_str());
  Require(JsonGrammar::Accepts(line), paths.name, "a rejects line is not JSON");
  // The input record is the last member. The members before it are the runtime's own strings,
  // whose quotes are escaped, so the first `,"input":` starts it.
  size_t input = line.find(",\"input\":");
  Require(input != std::string::npos, paths.name, "a reject lacks the input");
  nlohmann::json reject = nlohmann::json::parse(line.substr(0, input) + "}", nullptr, false);
  Require(reject.is_object(), paths.name, "a rejects line is not a JSON object");
  Require(reject.value("record", uint64_t{0}) == record.number &&
              reject.value("line", uint64_t{0}) == record.line &&
              reject.value("offset", uint64_t{0}) == record.offset,
          paths.name, "a reject names another record, line or offset");
  Require(StringMember(reject, "rule") == paths.name, paths.name, "a reject names another rule");
  Require(StringMember(reject, "reason") == record.outcome.reason, paths.name,
          "the reasons of a reject differ");
  Require(StringMember(reject, "field") == record.outcome.field, paths.name,
          "the fields of a reject differ");
  Require(StringMember(reject, "value") == record.outcome.value, paths.name,
          "the values of a reject differ");
}

// Runs `text` through the runtime of `weft run` and compares its output with `seen`.
void CompareWithCli(const RulePaths& paths, const std::string& text, const std::vector<Seen>& seen,
                    const weft::embed::RunResult& embedded, int threads, size_t batch_bytes) {
  weft::runtime::SourceOptions source_options;
  source_options.format = weft::runtime::InputFormat::Ndjson;
  source_options.batch_bytes = batch_bytes;
  weft::runtime::RecordSource source(weft::runtime::TextInput(text), source_options);
  std::ostringstream out, rejects;
  weft::runtime::ExecuteOptions options;
  options.threads = threads;
  weft::runtime::RunResult cli = weft::runtime::Execute(paths.cli, source, out, rejects, options);

  Require(cli.in == cli.mapped + cli.skipped + cli.rejected, paths.name,
          "weft run's counts do not add up");
  bool same_counts = cli.in == embedded.counts.in && cli.mapped == embedded.counts.mapped &&
                     cli.skipped == embedded.counts.skipped &&
                     cli.rejected == embedded.counts.rejected;
  if (!same_counts) {
    std::fprintf(stderr,
                 "weft run on %d thread(s) with batches of %zu bytes: %zu in, %zu mapped\n"
                 "ApplyNdjson: %zu in, %zu mapped\n",
                 threads, batch_bytes, cli.in, cli.mapped, static_cast<size_t>(embedded.counts.in),
                 static_cast<size_t>(embedded.counts.mapped));
  }
  Require(same_counts, paths.name, "weft run and ApplyNdjson count differently");
  Require(cli.error == embedded.error, paths.name, "weft run and ApplyNdjson stop differently");

  std::string expected_out;
  std::vector<const Seen*> rejected;
  for (const Seen& record : seen) {
    if (record.outcome.kind == weft::embed::OutcomeKind::kMapped) {
      Require(nlohmann::json::parse(record.outcome.json, nullptr, false).is_object(), paths.name,
              "a mapped record is not a JSON object");
      expected_out += record.outcome.json + "\n";
    } else if (record.outcome.kind == weft::embed::OutcomeKind::kRejected) {
      rejected.push_back(&record);
    }
  }
  Require(out.str() == expected_out, paths.name, "the mapped output of weft run differs");
  std::vector<std::string> reject_lines = Lines(rejects.str());
  Require(reject_lines.size() == rejected.size(), paths.name, "weft run rejected other records");
  for (size_t i = 0; i < rejected.size(); ++i) CompareReject(paths, reject_lines[i], *rejected[i]);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  for (RulePaths& paths : Programs().rules) {
    weft::embed::RunResult embedded;
    std::vector<Seen> seen = MapEmbedded(paths, text, embedded);
    CompareWithCli(paths, text, seen, embedded, 1, size_t{1} << 20);
    CompareWithCli(paths, text, seen, embedded, 2, 7);
  }
  return 0;
}
