// Case mapping, normalization and ASCII folding with the Unicode data of libutf8proc.
#include <utf8proc.h>

#include <vector>

#include "stdlib/text.h"

namespace weft::text {
namespace {

using CodePoints = std::vector<utf8proc_int32_t>;

const utf8proc_uint8_t* Bytes(std::string_view text) {
  return reinterpret_cast<const utf8proc_uint8_t*>(text.data());
}

void Append(utf8proc_int32_t code_point, std::string& out) {
  utf8proc_uint8_t bytes[4];
  utf8proc_ssize_t length = utf8proc_encode_char(code_point, bytes);
  out.append(reinterpret_cast<const char*>(bytes), static_cast<size_t>(length));
}

// Calls `visit` with each code point of valid UTF-8 `text`.
template <typename Visit>
void ForEachCodePoint(std::string_view text, Visit visit) {
  utf8proc_ssize_t at = 0;
  auto size = static_cast<utf8proc_ssize_t>(text.size());
  while (at < size) {
    utf8proc_int32_t code_point = 0;
    utf8proc_ssize_t length = utf8proc_iterate(Bytes(text) + at, size - at, &code_point);
    if (length <= 0) return;  // not reached: builtins see only valid UTF-8
    visit(code_point);
    at += length;
  }
}

// Returns `text` with each code point replaced by what `map` returns for it.
template <typename Map>
std::string MapCodePoints(std::string_view text, Map map) {
  std::string out;
  out.reserve(text.size());
  ForEachCodePoint(text, [&](utf8proc_int32_t code_point) { Append(map(code_point), out); });
  return out;
}

bool IsMark(utf8proc_int32_t code_point) {
  utf8proc_category_t category = utf8proc_category(code_point);
  return category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_MC ||
         category == UTF8PROC_CATEGORY_ME;
}

// Letters, combining marks and digits: the categories from Lu to No.
bool IsWordCharacter(utf8proc_int32_t code_point) {
  utf8proc_category_t category = utf8proc_category(code_point);
  return category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_NO;
}

bool IsApostrophe(utf8proc_int32_t code_point) {
  return code_point == '\'' || code_point == 0x2019;
}

// Decomposes valid UTF-8 `text` into code points in canonical order, with compatibility
// mappings when `compatibility` is set.
CodePoints Decompose(std::string_view text, bool compatibility) {
  auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
                                                (compatibility ? UTF8PROC_COMPAT : 0));
  CodePoints code_points(text.size());
  auto size = static_cast<utf8proc_ssize_t>(text.size());
  utf8proc_ssize_t count = utf8proc_decompose(Bytes(text), size, code_points.data(), size, options);
  // A decomposition can be longer than the text; the first call then returns the length needed.
  if (count > size) {
    code_points.resize(static_cast<size_t>(count));
    count = utf8proc_decompose(Bytes(text), size, code_points.data(), count, options);
  }
  code_points.resize(count > 0 ? static_cast<size_t>(count) : 0);
  return code_points;
}

// Composes decomposed `code_points` (NFD to NFC, NFKD to NFKC) and encodes them as UTF-8.
std::string ComposeToUtf8(CodePoints code_points) {
  auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  utf8proc_ssize_t count = utf8proc_normalize_utf32(
      code_points.data(), static_cast<utf8proc_ssize_t>(code_points.size()), options);
  std::string out;
  for (utf8proc_ssize_t i = 0; i < count; ++i) Append(code_points[i], out);
  return out;
}

struct AsciiForm {
  utf8proc_int32_t code_point;
  const char* ascii;
};

// The ASCII forms of letters and punctuation that have no decomposition to ASCII.
constexpr AsciiForm kAsciiForms[] = {
    {0x00C6, "AE"},  // Æ
    {0x00D0, "D"},   // Ð
    {0x00D8, "O"},   // Ø
    {0x00DE, "TH"},  // Þ
    {0x00DF, "ss"},  // ß
    {0x00E6, "ae"},  // æ
    {0x00F0, "d"},   // ð
    {0x00F8, "o"},   // ø
    {0x00FE, "th"},  // þ
    {0x0110, "D"},   // Đ
    {0x0111, "d"},   // đ
    {0x0126, "H"},   // Ħ
    {0x0127, "h"},   // ħ
    {0x0131, "i"},   // ı
    {0x0141, "L"},   // Ł
    {0x0142, "l"},   // ł
    {0x014A, "N"},   // Ŋ
    {0x014B, "n"},   // ŋ
    {0x0152, "OE"},  // Œ
    {0x0153, "oe"},  // œ
    {0x0166, "T"},   // Ŧ
    {0x0167, "t"},   // ŧ
    {0x1E9E, "SS"},  // ẞ
    {0x2010, "-"},   // hyphen
    {0x2011, "-"},   // non-breaking hyphen
    {0x2012, "-"},   // figure dash
    {0x2013, "-"},   // en dash
    {0x2014, "-"},   // em dash
    {0x2015, "-"},   // horizontal bar
    {0x2018, "'"},   // left single quotation mark
    {0x2019, "'"},   // right single quotation mark
    {0x201A, "'"},   // single low-9 quotation mark
    {0x201B, "'"},   // single high-reversed-9 quotation mark
    {0x201C, "\""},  // left double quotation mark
    {0x201D, "\""},  // right double quotation mark
    {0x201E, "\""},  // double low-9 quotation mark
    {0x201F, "\""},  // double high-reversed-9 quotation mark
    {0x2212, "-"},   // minus sign
};

// Returns the table's ASCII form of `code_point`, or null when the table has none.
const char* AsciiFormOf(utf8proc_int32_t code_point) {
  if (code_point < 0x80) return nullptr;
  for (const AsciiForm& form : kAsciiForms) {
    if (form.code_point == code_point) return form.ascii;
  }
  return nullptr;
}

}  // namespace

std::string Upper(std::string_view text) { return MapCodePoints(text, utf8proc_toupper); }

std::string Lower(std::string_view text) { return MapCodePoints(text, utf8proc_tolower); }

std::string Title(std::string_view text) {
  bool in_word = false;
  return MapCodePoints(text, [&](utf8proc_int32_t code_point) {
    if (in_word && IsApostrophe(code_point)) return code_point;
    bool starts_word = !in_word;
    in_word = IsWordCharacter(code_point);
    if (!in_word || IsMark(code_point)) return code_point;
    return starts_word ? utf8proc_totitle(code_point) : utf8proc_tolower(code_point);
  });
}

std::string Normalize(std::string_view text, NormalForm form) {
  bool compatibility = form == NormalForm::NFKC || form == NormalForm::NFKD;
  CodePoints code_points = Decompose(text, compatibility);
  if (form == NormalForm::NFC || form == NormalForm::NFKC) {
    return ComposeToUtf8(std::move(code_points));
  }
  std::string out;
  for (utf8proc_int32_t code_point : code_points) Append(code_point, out);
  return out;
}

std::string AsciiFold(std::string_view text) {
  std::string tabled;
  ForEachCodePoint(text, [&](utf8proc_int32_t code_point) {
    if (const char* ascii = AsciiFormOf(code_point)) {
      tabled += ascii;
    } else {
      Append(code_point, tabled);
    }
  });

  // A mark is dropped when it belongs to an ASCII letter, such as the accent of é, and kept
  // on any other letter, such as the vowel signs of Devanagari, which carry meaning there.
  CodePoints folded;
  bool ascii_base = false;
  for (utf8proc_int32_t code_point : Decompose(tabled, true)) {
    if (!IsMark(code_point)) ascii_base = code_point < 0x80;
    if (IsMark(code_point) && ascii_base) continue;
    folded.push_back(code_point);
  }
  return ComposeToUtf8(std::move(folded));
}

}  // namespace weft::text
