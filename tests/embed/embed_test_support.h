// The .map source that the embedding API tests compile, and the records they map with it.
#pragma once

namespace weft::embed::testing {

// Orders map to invoices; cancelled orders are skipped and orders without a customer rejected.
// The total is limited, so that a large order is rejected by the target's limits.
constexpr const char* kOrdersMap = R"(
schema shop {
  record Order {
    id: int
    customer: string?
    status: string
    net: decimal(10, 2)
  }
}
schema billing {
  record Invoice {
    order: string
    customer: string
    total: decimal(12, 2) @maximum(100000)
  }
}
map shop.Order -> billing.Invoice as Invoice when status != "cancelled" {
  require customer != null else "order {id} has no customer"
  order = "ORD-{id}"
  customer = customer.trim()
  total = net * 2
}
map shop.Order -> billing.Invoice as Copy {
  order = "{id}"
  customer = customer ?? "none"
  total = net
}
)";

constexpr const char* kMappedRecord =
    R"({"id": 1, "customer": " Acme ", "status": "open", "net": "10.50"})";
constexpr const char* kMappedJson = R"({"order":"ORD-1","customer":"Acme","total":21.00})";
constexpr const char* kSkippedRecord =
    R"({"id": 2, "customer": "Globex", "status": "cancelled", "net": "1.00"})";
constexpr const char* kRejectedRecord =
    R"({"id": 3, "customer": null, "status": "open", "net": "1.00"})";
constexpr const char* kBadValueRecord =
    R"({"id": 4, "customer": "Initech", "status": "open", "net": "12.5x"})";

// A source with one misspelt field on line 3, column 29.
constexpr const char* kBrokenMap = R"(schema a { record In { name: string } }
schema b { record Out { label: string } }
map a.In -> b.Out { label = nmae }
)";

}  // namespace weft::embed::testing
