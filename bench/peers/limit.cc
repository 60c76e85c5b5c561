// The limit of the peer benchmark: a minimal program that applies the mapping of
// bench/peers/accounts.map to NDJSON with simdjson's On-Demand API. Its record fields are fixed
// at compile time, it copies string tokens through without unescaping them, and it computes
// revenue in euros exactly in integers. A general mapping tool does at least this work, so this
// program is the ceiling, and run.py reports every tool's time as a multiple of its time.
//
// usage: peers_limit [FILE]   (standard input without FILE; mapped records go to standard output)
//
// The input is read in chunks that end at a line break, so memory stays flat whatever the
// input's size. A record that lacks a field of the mapping, or has a value of another type, is
// counted and skipped; invalid JSON stops the program. A record may be at most 1 MB long.
#include <simdjson.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

// Bytes read from the input at a time; iterate_many finds records in batches of kBatchBytes.
constexpr size_t kChunkBytes = 8 << 20;
constexpr size_t kBatchBytes = 1 << 20;
// Output is written once this many bytes are buffered.
constexpr size_t kFlushBytes = 1 << 20;

// The fields of one record that the mapping reads, as raw JSON tokens.
struct Account {
  bool is_deleted = true;
  std::string_view id, name, first_name, last_name, type, industry, phone, city, country;
  int64_t employees = 0;
  std::string_view revenue;
};

// Drops the whitespace that raw_json_token() keeps after a token.
std::string_view TrimToken(std::string_view token) {
  while (!token.empty() && (token.back() == ' ' || token.back() == '\t' || token.back() == '\r' ||
                            token.back() == '\n'))
    token.remove_suffix(1);
  return token;
}

// Returns the raw text of a JSON string value between its quotes, escapes kept.
std::string_view StringToken(simdjson::ondemand::value value) {
  if (value.type() != simdjson::ondemand::json_type::string)
    throw simdjson::simdjson_error(simdjson::INCORRECT_TYPE);
  std::string_view token = TrimToken(value.raw_json_token());
  return token.substr(1, token.size() - 2);
}

// Returns a JSON number of at most two places as a count of cents, or nothing when it has more
// places, an exponent or more than 18 digits, which decimal(18, 2) does not hold.
std::optional<int64_t> ParseCents(std::string_view text) {
  bool negative = !text.empty() && text[0] == '-';
  if (negative) text.remove_prefix(1);
  int64_t cents = 0;
  int digits = 0;
  int places = -1;
  for (char c : text) {
    if (c == '.' && places < 0) {
      places = 0;
      continue;
    }
    if (c < '0' || c > '9' || ++digits > 18) return std::nullopt;
    cents = cents * 10 + (c - '0');
    if (places >= 0 && ++places > 2) return std::nullopt;
  }
  if (digits == 0) return std::nullopt;
  for (int i = places < 0 ? 0 : places; i < 2; ++i) cents *= 10;
  return negative ? -cents : cents;
}

// Reads the fields of the mapping in one pass over the record's keys.
Account ReadAccount(simdjson::ondemand::document_reference record) {
  Account account;
  for (auto field : record.get_object()) {
    std::string_view key = field.unescaped_key();
    simdjson::ondemand::value value = field.value();
    if (key == "Id")
      account.id = StringToken(value);
    else if (key == "IsDeleted")
      account.is_deleted = value.get_bool();
    else if (key == "Name")
      account.name = StringToken(value);
    else if (key == "FirstName")
      account.first_name = StringToken(value);
    else if (key == "LastName")
      account.last_name = StringToken(value);
    else if (key == "Type")
      account.type = StringToken(value);
    else if (key == "Industry")
      account.industry = StringToken(value);
    else if (key == "Phone")
      account.phone = StringToken(value);
    else if (key == "BillingCity")
      account.city = StringToken(value);
    else if (key == "BillingCountry")
      account.country = StringToken(value);
    else if (key == "NumberOfEmployees")
      account.employees = value.get_int64();
    else if (key == "AnnualRevenue")
      account.revenue = TrimToken(value.raw_json_token());
  }
  return account;
}

void AppendString(std::string& out, const char* key, std::string_view escaped) {
  out += key;
  out += '"';
  out += escaped;
  out += '"';
}

// Appends an amount of ten-thousandths as a decimal with four places.
void AppendScale4(std::string& out, __int128 amount) {
  if (amount < 0) {
    out += '-';
    amount = -amount;
  }
  char digits[48];
  int length = 0;
  do {
    digits[length++] = char('0' + int(amount % 10));
    amount /= 10;
  } while (amount > 0 || length < 5);
  for (int i = length - 1; i >= 0; --i) {
    out += digits[i];
    if (i == 4) out += '.';
  }
}

// Appends the mapped record. The rate 0.92 is 92 hundredths, so cents times 92 is the exact
// product in ten-thousandths.
void AppendCustomer(std::string& out, const Account& account, int64_t cents) {
  AppendString(out, "{\"id\":", account.id);
  AppendString(out, ",\"name\":", account.name);
  out += ",\"contactName\":\"";
  out += account.first_name;
  out += ' ';
  out += account.last_name;
  out += '"';
  AppendString(out, ",\"accountType\":", account.type);
  AppendString(out, ",\"industry\":", account.industry);
  AppendString(out, ",\"phone\":", account.phone);
  AppendString(out, ",\"city\":", account.city);
  AppendString(out, ",\"country\":", account.country);
  out += ",\"employees\":";
  out += std::to_string(account.employees);
  out += ",\"revenueEur\":";
  AppendScale4(out, __int128(cents) * 92);
  out += "}\n";
}

// Returns true when every string field was found; an empty string still points into the input.
bool HasAllFields(const Account& account) {
  for (std::string_view field :
       {account.id, account.name, account.first_name, account.last_name, account.type,
        account.industry, account.phone, account.city, account.country, account.revenue}) {
    if (field.data() == nullptr) return false;
  }
  return true;
}

void Flush(std::string& out) {
  if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size()) {
    std::perror("peers_limit: writing the output failed");
    std::exit(1);
  }
  out.clear();
}

// Maps every record of `length` bytes of whole lines; the buffer has SIMDJSON_PADDING more.
void MapChunk(simdjson::ondemand::parser& parser, const char* text, size_t length, std::string& out,
              uint64_t& skipped) {
  simdjson::ondemand::document_stream records =
      parser.iterate_many(text, length, kBatchBytes).value();
  for (auto record : records) {
    try {
      Account account = ReadAccount(record.value());
      std::optional<int64_t> cents = ParseCents(account.revenue);
      if (!HasAllFields(account) || !cents) {
        ++skipped;
        continue;
      }
      if (account.is_deleted || *cents < 100000000) continue;
      AppendCustomer(out, account, *cents);
      if (out.size() >= kFlushBytes) Flush(out);
    } catch (const simdjson::simdjson_error& error) {
      if (error.error() != simdjson::INCORRECT_TYPE && error.error() != simdjson::NUMBER_ERROR)
        throw;
      ++skipped;
    }
  }
}

// Reads the input in chunks of whole lines and maps each chunk; returns the exit code.
int MapInput(std::FILE* input, simdjson::ondemand::parser& parser, std::string& out,
             uint64_t& skipped) {
  std::vector<char> buffer(kChunkBytes + simdjson::SIMDJSON_PADDING);
  size_t filled = 0;
  while (true) {
    size_t read = std::fread(buffer.data() + filled, 1, kChunkBytes - filled, input);
    filled += read;
    if (std::ferror(input)) {
      std::perror("peers_limit: reading the input failed");
      return 1;
    }
    bool at_end = read == 0;

    // Whole lines end at the last line break, or at the end of the input.
    size_t whole = filled;
    if (!at_end) {
      const void* last_break = memrchr(buffer.data(), '\n', filled);
      whole = last_break ? size_t(static_cast<const char*>(last_break) - buffer.data()) + 1 : 0;
    }
    if (whole == 0 && !at_end) {
      std::fprintf(stderr, "peers_limit: a record is longer than %zu bytes\n", kChunkBytes);
      return 1;
    }
    if (whole > 0) MapChunk(parser, buffer.data(), whole, out, skipped);
    std::memmove(buffer.data(), buffer.data() + whole, filled - whole);
    filled -= whole;
    if (at_end) return 0;
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::FILE* input = argc > 1 ? std::fopen(argv[1], "rb") : stdin;
  if (input == nullptr) {
    std::fprintf(stderr, "peers_limit: cannot open %s: %s\n", argv[1], std::strerror(errno));
    return 2;
  }

  simdjson::ondemand::parser parser;
#ifdef SIMDJSON_THREADS_ENABLED
  // One core, like the tools it is compared with.
  parser.threaded = false;
#endif
  std::string out;
  uint64_t skipped = 0;
  int exit_code = 0;
  try {
    exit_code = MapInput(input, parser, out, skipped);
  } catch (const simdjson::simdjson_error& error) {
    std::fprintf(stderr, "peers_limit: invalid input: %s\n", error.what());
    return 1;
  }
  Flush(out);
  if (skipped > 0) {
    std::fprintf(stderr, "peers_limit: skipped %llu record(s) that do not fit the mapping\n",
                 static_cast<unsigned long long>(skipped));
  }
  return exit_code;
}
