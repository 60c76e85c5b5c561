// Fuzz target: runs one fixed, JIT-compiled rule over arbitrary input text in every input
// format. The counts must add up and no input may crash the reader, the rule or the writer.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "compiler/codegen/jit.h"
#include "compiler/frontend.h"
#include "compiler/ir/ir.h"
#include "runtime/executor.h"

namespace {

constexpr const char* kRule = R"(
schema src {
  record Line {
    sku: string
    qty: int
    price: decimal(10, 2)?
    tags: list<string>?
  }
  record In {
    name: string
    kind: string?
    count: int?
    amount: decimal(12, 2)?
    active: bool
    lines: list<Line>?
  }
}
schema dst {
  record Item {
    sku: string
    qty: int
    amount: decimal(14, 2)?
    tag: string?
  }
  record Total {
    sku: string
    qty: int
  }
  record Out {
    label: string
    total: decimal(14, 3)
    n: int
    items: list<Item>
    by_sku: list<Total>
    skus: string
    cheapest: decimal(10, 2)?
    units: int
  }
}
map src.In -> dst.Out when active and kind != "skip" {
  require name != "" else "no name for {kind ?? "?"}"
  let all = lines ?? []
  label = "{name.trim()}/{kind ?? "-"}/{amount ?? 0}"
  total = round((amount ?? 1.5) * 1.25, 3) - 0.001
  n = (count ?? 0) * 2 + 1
  items = each all.sort_by(l -> l.price) as l where l.qty != 0 -> dst.Item {
    sku = l.sku.upper()
    qty = l.qty
    amount = if l.price == null then null else round(l.price * decimal(l.qty), 2)
    tag = (l.tags ?? []).first()
  }
  by_sku = each all.group_sum(l -> l.sku, l -> l.qty) as g -> dst.Total {
    sku = g.key
    qty = g.total
  }
  skus = join(distinct(each all as l -> l.sku), ",")
  cheapest = min(each all as l -> l.price)
  units = sum(each all as l -> l.qty)
}
)";

struct Compiled {
  std::unique_ptr<weft::Frontend> frontend;
  std::unique_ptr<weft::codegen::Jit> jit;
  weft::runtime::CompiledRule rule;
};

Compiled& Rule() {
  static Compiled* compiled = [] {
    auto* result = new Compiled;
    result->frontend = weft::CheckText("fuzz.map", kRule);
    if (result->frontend->diagnostics.HasErrors()) std::abort();
    const weft::check::CheckedRule& checked = result->frontend->program.rules.at(0);
    result->jit = std::move(*weft::codegen::Jit::Create());
    auto compiled = result->jit->CompileForRun(result->frontend->program, checked);
    if (!compiled) std::abort();
    result->rule = std::move(*compiled);
    return result;
  }();
  return *compiled;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  for (auto format : {weft::runtime::InputFormat::Auto, weft::runtime::InputFormat::Ndjson,
                      weft::runtime::InputFormat::Json}) {
    for (size_t batch_bytes : {size_t{5}, size_t{1} << 20}) {
      weft::runtime::SourceOptions options;
      options.format = format;
      options.batch_bytes = batch_bytes;
      options.detect_bytes = batch_bytes;
      options.max_record_bytes = 4096;
      weft::runtime::RecordSource source(weft::runtime::TextInput(text), options);
      std::ostringstream out, rejects;
      weft::runtime::ExecuteOptions execute;
      execute.threads = batch_bytes < 100 ? 2 : 1;
      weft::runtime::RunCounts counts =
          weft::runtime::Execute(Rule().rule, source, out, rejects, execute);
      if (counts.in != counts.mapped + counts.skipped + counts.rejected) std::abort();
      // Every mapped record is one output line and every rejected one a rejects line.
      std::string written = out.str(), rejected = rejects.str();
      if (static_cast<size_t>(std::count(written.begin(), written.end(), '\n')) != counts.mapped)
        std::abort();
      if (static_cast<size_t>(std::count(rejected.begin(), rejected.end(), '\n')) !=
          counts.rejected)
        std::abort();
    }
  }
  return 0;
}
