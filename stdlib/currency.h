#pragma once

#include <string>
#include <string_view>
#include <vector>

// ISO 4217 currencies and the signs and names that refer to them, for `currency_code`,
// `minor_units` and `round_money`. stdlib/currency_table.cc states the sources of the data.
namespace weft::currency {

struct Currency {
  // The three upper-case letters, such as "EUR".
  std::string_view code;
  // The places of the minor unit (2 for cents), or -1 for a fund or metal that has none.
  int minor_units;
  // The English name of ISO 4217, such as "Pound Sterling".
  std::string_view name;
};

// A sign, a name or a region and the codes it can stand for, separated by spaces.
struct Alias {
  std::string_view text;
  std::string_view codes;
};

// The maximum number of places of a currency's minor unit: 4, for CLF and UYW.
constexpr int kMaxMinorUnits = 4;

// The currencies, ordered by code.
const std::vector<Currency>& Currencies();
const std::vector<Alias>& Signs();
const std::vector<Alias>& Names();
const std::vector<Alias>& Regions();

// Returns the currency with the code, in any case, or nullptr.
const Currency* FindCurrency(std::string_view code);

// Returns the code that `text` (a code in any case, a sign or an English name) stands for, and
// sets `reason` when there is none or several. `region` chooses among several: an ISO 3166
// country code such as "US", or a currency code; "" chooses none.
std::string_view CurrencyCode(std::string_view text, std::string_view region, std::string& reason);

}  // namespace weft::currency
