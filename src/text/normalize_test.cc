#include <gtest/gtest.h>

#include <string>

#include "core/utf8.h"
#include "hearsay/text.h"

namespace hearsay {
namespace {

void ExpectAligned(std::string_view original, const NormalizedText& n) {
  ASSERT_EQ(n.offsets.size(), n.text.size() + 1);
  EXPECT_EQ(n.offsets.back(), original.size());
  EXPECT_TRUE(utf8::IsValid(n.text));
  for (size_t i = 0; i < n.offsets.size(); ++i) {
    EXPECT_TRUE(utf8::IsBoundary(original, n.offsets[i])) << i;
    if (i > 0) {
      EXPECT_LE(n.offsets[i - 1], n.offsets[i]) << i;
    }
  }
}

TEST(NormalizeTest, AsciiIsUnchanged) {
  std::string s = "Ford said \"no\" - twice.";
  NormalizedText n = Normalize(s);
  EXPECT_EQ(n.text, s);
  ExpectAligned(s, n);
  for (size_t i = 0; i <= s.size(); ++i) EXPECT_EQ(n.offsets[i], i);
}

TEST(NormalizeTest, TypographyFoldsToAscii) {
  std::string s =
      "\xE2\x80\x9CIt\xE2\x80\x99s false\xE2\x80\x9D \xE2\x80\x94 Ford";
  NormalizedText n = Normalize(s);
  EXPECT_EQ(n.text, "\"It's false\" - Ford");
  ExpectAligned(s, n);
  // "It's" maps back to the original bytes, curly apostrophe included.
  size_t at = n.text.find("It's");
  Span orig =
      n.ToOriginal({static_cast<uint32_t>(at), static_cast<uint32_t>(at + 4)});
  EXPECT_EQ(orig.Slice(s), "It\xE2\x80\x99s");
}

TEST(NormalizeTest, SpacesAndEllipsis) {
  std::string s =
      "10\xC2\xA0km\xE2\x80\x83"
      "and\xE2\x80\xA6";
  NormalizedText n = Normalize(s);
  EXPECT_EQ(n.text, "10 km and...");
  ExpectAligned(s, n);
  Span dots = n.ToOriginal({9, 12});
  EXPECT_EQ(dots.Slice(s), "\xE2\x80\xA6");
}

TEST(NormalizeTest, NfdComposesToNfc) {
  std::string s = "Cafe\xCC\x81 ok";  // e + U+0301
  NormalizedText n = Normalize(s);
  EXPECT_EQ(n.text, "Caf\xC3\xA9 ok");
  ExpectAligned(s, n);
  Span word = n.ToOriginal({0, 5});  // "Café" is 5 bytes in NFC
  EXPECT_EQ(word.Slice(s), "Cafe\xCC\x81");
}

TEST(NormalizeTest, InvalidBytesBecomeReplacement) {
  std::string s =
      "a\xFF"
      "b\xE2\x80"
      "c";
  NormalizedText n = Normalize(s);
  EXPECT_EQ(n.text,
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD\xEF\xBF\xBD"
            "c");
  ExpectAligned(s, n);
  EXPECT_EQ(n.ToOriginal({1, 4}).Slice(s), "\xFF");
}

TEST(NormalizeTest, NonLatinPassesThrough) {
  std::string s =
      "\xE5\x8C\x97\xE4\xBA\xAC "
      "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0";
  NormalizedText n = Normalize(s);
  EXPECT_EQ(n.text, s);
  ExpectAligned(s, n);
}

TEST(NormalizeTest, EmptyInput) {
  NormalizedText n = Normalize("");
  EXPECT_TRUE(n.text.empty());
  ASSERT_EQ(n.offsets.size(), 1u);
  EXPECT_EQ(n.offsets[0], 0u);
}

}  // namespace
}  // namespace hearsay
