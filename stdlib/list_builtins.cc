// The list family of the builtin table. `count`, `first`, `last`, `sum`, `any` and `all` are IR
// operations; `join` and `split` are runtime calls.
#include "stdlib/builtin_families.h"
#include "stdlib/list_functions.h"

namespace weft::stdlib::internal {
namespace {

using schema::Type;

Parameter AnyList(std::string_view name) {
  Parameter parameter{name, Type::ListOf(Type::String())};
  parameter.any_list = true;
  return parameter;
}

}  // namespace

std::vector<Builtin> ListBuiltins() {
  return {
      {BuiltinId::Count,
       Family::List,
       "count",
       {AnyList("items")},
       Type::Int(),
       Typing::Fixed,
       false,
       "The number of items, absent ones included.",
       R"(["a", "b", "c"].count() == 3)",
       Lowering::Operations,
       nullptr,
       nullptr},
      {BuiltinId::First,
       Family::List,
       "first",
       {AnyList("items")},
       Type::String(),
       Typing::ItemOfList,
       false,
       "The first item, or an absent value for an empty list, so that `items.first() ?? x` gives "
       "a default. The same as `items[0]`.",
       R"(["a", "b"].first() == "a")",
       Lowering::Operations,
       nullptr,
       nullptr},
      {BuiltinId::Last,
       Family::List,
       "last",
       {AnyList("items")},
       Type::String(),
       Typing::ItemOfList,
       false,
       "The last item, or an absent value for an empty list.",
       R"(["a", "b"].last() == "b")",
       Lowering::Operations,
       nullptr,
       nullptr},
      {BuiltinId::Sum,
       Family::List,
       "sum",
       {AnyList("items")},
       Type::Int(),
       Typing::SumOfList,
       true,
       "Adds up a list of ints, or of decimals with a fixed scale, exactly: the sum of a "
       "list<decimal(p, s)> is a decimal(38, s), and 0 for an empty list. Sum the values of "
       "records with `each`, as in `sum(each lines as l -> l.amount)`. A sum beyond 64 bits for "
       "ints, or 38 digits for decimals, rejects the record.",
       R"([0.10, 0.20].sum() == 0.30)",
       Lowering::Operations,
       nullptr,
       nullptr},
      {BuiltinId::Any,
       Family::List,
       "any",
       {{"items", Type::ListOf(Type::Bool())}},
       Type::Bool(),
       Typing::Fixed,
       false,
       "True when at least one item is true; false for an empty list. Test records with `each`, "
       "as in `any(each lines as l -> l.qty > 10)`.",
       R"([false, true].any() == true)",
       Lowering::Operations,
       nullptr,
       nullptr},
      {BuiltinId::All,
       Family::List,
       "all",
       {{"items", Type::ListOf(Type::Bool())}},
       Type::Bool(),
       Typing::Fixed,
       false,
       "True when every item is true; true for an empty list.",
       R"([true, false].all() == false)",
       Lowering::Operations,
       nullptr,
       nullptr},
      {BuiltinId::Split,
       Family::List,
       "split",
       {Text("s"), Text("separator")},
       Type::ListOf(Type::String()),
       Typing::Fixed,
       false,
       "Splits the string at every occurrence of `separator`, so n separators give n + 1 parts, "
       "empty ones included: `\"a;;b\".split(\";\")` is `[\"a\", \"\", \"b\"]`. An empty "
       "separator splits the string into its code points.",
       R"("a;b;c".split(";").last() == "c")",
       Lowering::RuntimeCall,
       "weft_split",
       Address(&weft_split)},
      {BuiltinId::Join,
       Family::List,
       "join",
       {{"items", Type::ListOf(Type::String())}, Text("separator")},
       Type::String(),
       Typing::Fixed,
       true,
       "Joins the strings of a list with `separator` between them. A result longer than "
       "`--max-string-bytes` rejects the record.",
       R"(["a", "b"].join(", ") == "a, b")",
       Lowering::RuntimeCall,
       "weft_join",
       Address(&weft_join)},
  };
}

}  // namespace weft::stdlib::internal
