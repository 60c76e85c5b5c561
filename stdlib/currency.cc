#include "stdlib/currency.h"

#include <fmt/format.h>

#include <algorithm>

#include "stdlib/numbers.h"

namespace weft::currency {
namespace {

std::string AsciiUpper(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return upper;
}

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = AsciiLower(c);
  return lower;
}

bool EqualsIgnoringAsciiCase(std::string_view left, std::string_view right) {
  if (left.size() != right.size()) return false;
  for (size_t i = 0; i < left.size(); ++i) {
    if (AsciiLower(left[i]) != AsciiLower(right[i])) return false;
  }
  return true;
}

std::string_view TrimSpaces(std::string_view text) {
  size_t start = text.find_first_not_of(" \t");
  if (start == std::string_view::npos) return {};
  return text.substr(start, text.find_last_not_of(" \t") - start + 1);
}

std::vector<std::string_view> SplitCodes(std::string_view codes) {
  std::vector<std::string_view> split;
  while (!codes.empty()) {
    size_t space = codes.find(' ');
    split.push_back(codes.substr(0, space));
    codes = space == std::string_view::npos ? std::string_view{} : codes.substr(space + 1);
  }
  return split;
}

// Appends the codes of the aliases whose text is `key`.
void CollectCodes(const std::vector<Alias>& aliases, std::string_view key,
                  std::vector<std::string_view>& codes) {
  for (const Alias& alias : aliases) {
    if (alias.text != key) continue;
    for (std::string_view code : SplitCodes(alias.codes)) codes.push_back(code);
  }
}

// The codes that a sign or an English name (singular or plural) can stand for.
std::vector<std::string_view> Candidates(std::string_view text) {
  std::vector<std::string_view> codes;
  CollectCodes(Signs(), text, codes);
  if (!codes.empty()) return codes;

  std::string name = AsciiLower(text);
  for (int attempt = 0; attempt < 2 && codes.empty(); ++attempt) {
    CollectCodes(Names(), name, codes);
    for (const Currency& currency : Currencies()) {
      if (EqualsIgnoringAsciiCase(currency.name, name)) codes.push_back(currency.code);
    }
    // "euros" and "US dollars" are the plurals of names.
    if (!name.ends_with('s')) break;
    name.pop_back();
  }
  return codes;
}

// The currency that a region argument names among `codes`, or "".
std::string_view ChooseByRegion(const std::vector<std::string_view>& codes,
                                std::string_view region) {
  std::string key = AsciiUpper(region);
  std::vector<std::string_view> regional;
  CollectCodes(Regions(), key, regional);
  if (const Currency* currency = FindCurrency(key)) regional.push_back(currency->code);
  for (std::string_view code : regional) {
    if (std::find(codes.begin(), codes.end(), code) != codes.end()) return code;
  }
  return {};
}

std::string JoinCodes(const std::vector<std::string_view>& codes) {
  std::string joined;
  for (std::string_view code : codes) joined += fmt::format("{}{}", joined.empty() ? "" : ", ", code);
  return joined;
}

}  // namespace

const Currency* FindCurrency(std::string_view code) {
  if (code.size() != 3) return nullptr;
  std::string upper = AsciiUpper(code);
  const std::vector<Currency>& currencies = Currencies();
  auto found = std::lower_bound(
      currencies.begin(), currencies.end(), upper,
      [](const Currency& currency, const std::string& key) { return currency.code < key; });
  if (found == currencies.end() || found->code != upper) return nullptr;
  return &*found;
}

std::string_view CurrencyCode(std::string_view text, std::string_view region,
                              std::string& reason) {
  std::string_view key = TrimSpaces(text);
  if (const Currency* currency = FindCurrency(key)) return currency->code;

  std::vector<std::string_view> codes = Candidates(key);
  if (codes.size() == 1) return codes[0];
  if (codes.empty()) {
    reason = fmt::format("{} is not an ISO 4217 code, a currency sign or a currency name",
                         numbers::Quote(text));
    return {};
  }
  if (!region.empty()) {
    std::string_view chosen = ChooseByRegion(codes, TrimSpaces(region));
    if (!chosen.empty()) return chosen;
    reason = fmt::format("{} may be {}, and the region {} names none of them", numbers::Quote(text),
                         JoinCodes(codes), numbers::Quote(region));
    return {};
  }
  reason = fmt::format(
      "{} is ambiguous: it may be {}; give a region such as \"US\" or a currency code as the "
      "second argument",
      numbers::Quote(text), JoinCodes(codes));
  return {};
}

}  // namespace weft::currency
