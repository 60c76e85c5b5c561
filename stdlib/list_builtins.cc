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

Parameter ItemFunction(std::string_view name) {
  return {name, Type::String(), Argument::ItemFunction};
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
       "records with `each`, as in `sum(each lines as l -> l.amount)`. A sum of ints beyond 64 "
       "bits, or of decimals beyond 38 digits, rejects the record, whatever the order of the "
       "items.",
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
      {BuiltinId::SortBy,
       Family::List,
       "sort_by",
       {AnyList("items"), ItemFunction("key")},
       Type::ListOf(Type::String()),
       Typing::SortedList,
       false,
       "Sorts the items by the key that `key` gives for each, such as `lines.sort_by(l -> "
       "l.price)`, from the smallest key up. The sort is stable: items with equal keys keep "
       "their order. Items whose key is absent come last, in their order. Strings compare by "
       "their UTF-8 bytes, which is code point order, and decimals by value whatever their "
       "scale. A key is a string, int, decimal, bool, enum or date; for the largest first, take "
       "the items from the end with `last` or sort by a negated number.",
       R"(["pear", "fig", "apple"].sort_by(s -> s.length()).first() == "fig")",
       Lowering::Operations,
       nullptr,
       nullptr},
      {BuiltinId::Distinct,
       Family::List,
       "distinct",
       {AnyList("items")},
       Type::ListOf(Type::String()),
       Typing::SameAsArgument,
       false,
       "Keeps the first of each set of equal items, in their order. Items are strings, ints, "
       "decimals, bools, enums or dates; decimals are equal by value, so 1.0 and 1.00 are one "
       "item. Absent items count as one value.",
       R"(["a", "b", "a"].distinct().count() == 2)",
       Lowering::Operations,
       nullptr,
       nullptr},
      {BuiltinId::GroupSum,
       Family::List,
       "group_sum",
       {AnyList("items"), ItemFunction("key"), ItemFunction("value")},
       Type::ListOf(Type::String()),
       Typing::GroupTotals,
       true,
       "Totals `value` over the items that share a `key`, exactly, and gives one record "
       "`{key, total}` per key, in the order in which each key first appears. Rolling order lines "
       "up by SKU is `each lines.group_sum(l -> l.sku, l -> l.qty) as g -> erp.Line { sku = g.key "
       "qty = g.total }`. A key is a string, int, decimal, bool, enum or date and may not be "
       "absent; a value is an int or a decimal with a fixed scale, and its total is an int or a "
       "decimal(38, s). A total beyond 64 bits or 38 digits rejects the record, whatever the "
       "order of the items.",
       R"(["a", "b", "a"].group_sum(s -> s, s -> 1).first()?.total == 2)",
       Lowering::Operations,
       nullptr,
       nullptr},
      {BuiltinId::MinOfList,
       Family::List,
       "min",
       {AnyList("items")},
       Type::String(),
       Typing::ItemOfList,
       false,
       "The smallest present item of a list of strings, ints, decimals, bools, enums or dates, "
       "or an absent value when there is none. Items compare as for `sort_by`; with one argument "
       "`min` takes a list, with two it takes two numbers.",
       R"([3, 1, 2].min() == 1)",
       Lowering::Operations,
       nullptr,
       nullptr},
      {BuiltinId::MaxOfList,
       Family::List,
       "max",
       {AnyList("items")},
       Type::String(),
       Typing::ItemOfList,
       false,
       "The largest present item of a list, or an absent value when there is none, as for `min`. "
       "Of equal items, such as 1.0 and 1.00, the first is taken.",
       R"(["b", "c", "a"].max() == "c")",
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
