// Tests of the string builtins' C++ layer on the hard cases of Unicode: combining marks, emoji
// beyond the Basic Multilingual Plane, normalization forms and scripts without ASCII forms.
#include "stdlib/text.h"

#include <gtest/gtest.h>

#include <limits>

namespace weft::text {
namespace {

// "e" followed by U+0301 COMBINING ACUTE ACCENT, and the precomposed U+00E9.
constexpr std::string_view kDecomposedE = "e\xCC\x81";
constexpr std::string_view kComposedE = "\xC3\xA9";
// U+1F600 GRINNING FACE, four bytes in UTF-8.
constexpr std::string_view kEmoji = "\xF0\x9F\x98\x80";

TEST(TextLength, CountsCodePointsNotBytes) {
  EXPECT_EQ(CodePointCount(""), 0);
  EXPECT_EQ(CodePointCount("Müller"), 6);
  EXPECT_EQ(CodePointCount(kEmoji), 1);
  EXPECT_EQ(CodePointCount(kComposedE), 1);
  // A combining accent is a code point of its own.
  EXPECT_EQ(CodePointCount(kDecomposedE), 2);
}

TEST(TextTrim, RemovesUnicodeWhiteSpace) {
  EXPECT_EQ(Trim("  Acme Corp "), "Acme Corp");
  EXPECT_EQ(Trim("\t\n\v\f\r x \r\n"), "x");
  // No-break space, ideographic space, line separator and U+0085 NEXT LINE.
  EXPECT_EQ(Trim("\xC2\xA0x\xE3\x80\x80"), "x");
  EXPECT_EQ(Trim("\xE2\x80\xA8x\xC2\x85"), "x");
  EXPECT_EQ(Trim("   "), "");
  EXPECT_EQ(Trim(""), "");
}

TEST(TextTrim, KeepsZeroWidthSpaceAndByteOrderMark) {
  EXPECT_EQ(Trim("\xE2\x80\x8Bx"), "\xE2\x80\x8Bx");
  EXPECT_EQ(Trim("x\xEF\xBB\xBF"), "x\xEF\xBB\xBF");
}

TEST(TextTrim, KeepsInnerWhiteSpaceAndTrailingAccent) {
  EXPECT_EQ(Trim(" a  b "), "a  b");
  std::string accented = " " + std::string(kDecomposedE) + " ";
  EXPECT_EQ(Trim(accented), kDecomposedE);
}

TEST(TextSubstring, CountsFromZeroInCodePoints) {
  EXPECT_EQ(Substring("Zürich", 1, 3), "üri");
  EXPECT_EQ(Substring(std::string("a") + std::string(kEmoji) + "b", 1, 1), kEmoji);
}

TEST(TextSubstring, ClampsOffsetsOutsideTheText) {
  EXPECT_EQ(Substring("abc", 5, 2), "");
  EXPECT_EQ(Substring("abc", 1, 100), "bc");
  EXPECT_EQ(Substring("abc", -1, 2), "a");
  EXPECT_EQ(Substring("abc", -5, 2), "");
  EXPECT_EQ(Substring("abc", 0, 0), "");
  EXPECT_EQ(Substring("abc", 0, -3), "");
  EXPECT_EQ(Substring("abc", 1, std::numeric_limits<int64_t>::max()), "bc");
  EXPECT_EQ(Substring("abc", std::numeric_limits<int64_t>::max(), 1), "");
  EXPECT_EQ(Substring("", 0, 1), "");
}

TEST(TextSubstring, MaySeparateALetterFromItsAccent) {
  EXPECT_EQ(Substring(kDecomposedE, 0, 1), "e");
}

TEST(TextPad, FillsToTheWidthInCodePoints) {
  EXPECT_EQ(Pad("42", 5, "0", true), "00042");
  EXPECT_EQ(Pad("AB", 4, ".", false), "AB..");
  EXPECT_EQ(Pad("Zürich", 7, "·", false), "Zürich·");
  EXPECT_EQ(Pad("", 2, std::string(kEmoji), true), std::string(kEmoji) + std::string(kEmoji));
}

TEST(TextPad, NeverCutsALongerText) {
  EXPECT_EQ(Pad("123456", 3, "0", true), "123456");
  EXPECT_EQ(Pad("abc", -1, "0", false), "abc");
}

TEST(TextPad, KeepsTheTextForTheSmallestWidths) {
  constexpr int64_t kSmallest = std::numeric_limits<int64_t>::min();
  EXPECT_EQ(Pad("ab", kSmallest, "é", true), "ab");
  EXPECT_EQ(Pad("ab", kSmallest + 1, "x", false), "ab");
  EXPECT_EQ(PaddedSize("ab", kSmallest + 1, "é"), 2u);
  EXPECT_EQ(PaddedSize("ab", kSmallest, "x"), 2u);
}

TEST(TextReplace, ReplacesEveryOccurrenceWithoutOverlap) {
  EXPECT_EQ(Replace("030 1234 567", " ", ""), "0301234567");
  EXPECT_EQ(Replace("aaa", "aa", "b"), "ba");
  EXPECT_EQ(Replace("Straße", "ß", "ss"), "Strasse");
  EXPECT_EQ(Replace("abc", "", "x"), "abc");
  EXPECT_EQ(Replace("", "a", "x"), "");
}

TEST(TextReplace, ComparesCodePointsWithoutNormalizing) {
  std::string decomposed = "caf" + std::string(kDecomposedE);
  EXPECT_EQ(Replace(decomposed, kComposedE, "e"), decomposed);
}

TEST(TextDigitsOnly, KeepsDigitsOfEveryScript) {
  EXPECT_EQ(DigitsOnly("+49 (30) 1234-567"), "49301234567");
  // Arabic-Indic 1 2 3, Devanagari 4 and full-width 5.
  EXPECT_EQ(DigitsOnly("\xD9\xA1\xD9\xA2\xD9\xA3 \xE0\xA5\xAA \xEF\xBC\x95"), "12345");
  // Mathematical bold digit nine, from a run of five sets of digits.
  EXPECT_EQ(DigitsOnly("\xF0\x9D\x9F\x97"), "9");
  // Superscript two and one half are no decimal digits.
  EXPECT_EQ(DigitsOnly("m\xC2\xB2 \xC2\xBD"), "");
  EXPECT_EQ(DigitsOnly(""), "");
}

TEST(TextCase, MapsOneCodePointToOne) {
  EXPECT_EQ(Upper("Müller"), "MÜLLER");
  EXPECT_EQ(Lower("ÉCOLE"), "école");
  // One code point to one: ß becomes the capital ẞ, not SS, and back.
  EXPECT_EQ(Upper("straße"), "STRAẞE");
  EXPECT_EQ(Lower("STRAẞE"), "straße");
  EXPECT_EQ(Upper(kEmoji), kEmoji);
  EXPECT_EQ(Upper(""), "");
}

TEST(TextCase, AppliesNoLocaleOrContextRules) {
  // Turkish maps i to İ and I to ı, but Weft maps them as every other language does.
  EXPECT_EQ(Upper("i"), "I");
  EXPECT_EQ(Lower("I"), "i");
  EXPECT_EQ(Upper("ı"), "I");
  // A final capital sigma becomes σ, not the final form ς.
  EXPECT_EQ(Lower("ΟΔΟΣ"), "οδοσ");
}

TEST(TextCase, KeepsCombiningAccentsInPlace) { EXPECT_EQ(Upper(kDecomposedE), "E\xCC\x81"); }

TEST(TextTitle, StartsEachWordWithACapital) {
  EXPECT_EQ(Title("ANNA-LENA o'neil"), "Anna-Lena O'neil");
  EXPECT_EQ(Title("3rd street"), "3rd Street");
  EXPECT_EQ(Title("éCOLE  normale"), "École  Normale");
  // ǆ has a title case of its own, ǅ.
  EXPECT_EQ(Title("ǆungla"), "ǅungla");
  // The accent belongs to the word, so the next letter is no word start.
  EXPECT_EQ(Title(std::string(kDecomposedE) + "TE"), "E\xCC\x81te");
  EXPECT_EQ(Title(""), "");
}

TEST(TextNormalize, MakesComposedAndDecomposedEqual) {
  EXPECT_EQ(Normalize(kDecomposedE, NormalForm::NFC), kComposedE);
  EXPECT_EQ(Normalize(kComposedE, NormalForm::NFD), kDecomposedE);
  EXPECT_EQ(Normalize(kComposedE, NormalForm::NFC), Normalize(kDecomposedE, NormalForm::NFC));
  EXPECT_EQ(Normalize(kComposedE, NormalForm::NFD), Normalize(kDecomposedE, NormalForm::NFD));
  EXPECT_NE(kComposedE, kDecomposedE);
}

TEST(TextNormalize, ReplacesCompatibilityCharactersOnlyInNfkc) {
  EXPECT_EQ(Normalize("ﬁ", NormalForm::NFKC), "fi");
  EXPECT_EQ(Normalize("ﬁ", NormalForm::NFC), "ﬁ");
  EXPECT_EQ(Normalize("Ａ", NormalForm::NFKD), "A");
  EXPECT_EQ(Normalize("", NormalForm::NFKC), "");
}

TEST(TextNormalize, ReordersCombiningMarks) {
  // Dot below (class 220) sorts before the acute accent (class 230) in every form.
  EXPECT_EQ(Normalize("e\xCC\x81\xCC\xA3", NormalForm::NFD), "e\xCC\xA3\xCC\x81");
}

TEST(TextAsciiFold, DropsAccentsAndUsesTheTable) {
  EXPECT_EQ(AsciiFold("Müller Straße Ærø"), "Muller Strasse AEro");
  EXPECT_EQ(AsciiFold(kDecomposedE), "e");
  EXPECT_EQ(AsciiFold("Łódź Đakovo Þórr Œuvre ıi"), "Lodz Dakovo THorr OEuvre ii");
  EXPECT_EQ(AsciiFold("„quoted“ – ‘single’"), "\"quoted\" - 'single'");
  EXPECT_EQ(AsciiFold("ﬁle…"), "file...");
}

TEST(TextAsciiFold, KeepsTextWithoutAsciiForm) {
  EXPECT_EQ(AsciiFold("Москва"), "Москва");
  EXPECT_EQ(AsciiFold(kEmoji), kEmoji);
  // The breve of й belongs to a Cyrillic letter, so it stays, composed again.
  EXPECT_EQ(AsciiFold("й"), "й");
  // Devanagari vowel signs are marks that carry meaning.
  EXPECT_EQ(AsciiFold("कि"), "कि");
}

}  // namespace
}  // namespace weft::text
