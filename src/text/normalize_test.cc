#include <gtest/gtest.h>

#include <string>

#include "core/utf8.h"
#include "hearsay/text.h"

namespace hearsay {
namespace {

void ExpectAligned(std::string_view original, const NormalizedText& n) {
  ASSERT_FALSE(n.pieces.empty());
  EXPECT_EQ(n.pieces.front().begin, 0u);
  EXPECT_EQ(n.pieces.back().begin, n.text.size());
  EXPECT_EQ(n.Origin(n.text.size()), original.size());
  EXPECT_TRUE(utf8::IsValid(n.text));
  for (size_t i = 0; i <= n.text.size(); ++i) {
    EXPECT_TRUE(utf8::IsBoundary(original, n.Origin(i))) << i;
    if (i > 0) {
      EXPECT_LE(n.Origin(i - 1), n.Origin(i)) << i;
    }
  }
}

TEST(NormalizeTest, AsciiIsUnchanged) {
  std::string s = "Ford said \"no\" - twice.";
  NormalizedText n = Normalize(s);
  EXPECT_EQ(n.text, s);
  ExpectAligned(s, n);
  for (size_t i = 0; i <= s.size(); ++i) EXPECT_EQ(n.Origin(i), i);
  // Copied text is one piece, whatever its length: the map costs nothing
  // per byte.
  EXPECT_EQ(n.pieces.size(), 2u);
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
  // Every byte of a character maps to the character's first byte.
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(n.Origin(i), 0u) << i;
  for (size_t i = 3; i < 6; ++i) EXPECT_EQ(n.Origin(i), 3u) << i;
  EXPECT_EQ(n.Origin(6), 6u);  // the space
  EXPECT_EQ(n.Origin(8), 7u);  // the second byte of the Cyrillic M
}

TEST(NormalizeTest, DroppedCharactersLeaveNoBytes) {
  // A byte-order mark and a zero-width space vanish; what follows maps to
  // where it was, so a span that ends before it takes the dropped character
  // along.
  std::string s =
      "\xEF\xBB\xBF"
      "Ford\xE2\x80\x8B said";
  NormalizedText n = Normalize(s);
  EXPECT_EQ(n.text, "Ford said");
  ExpectAligned(s, n);
  EXPECT_EQ(n.ToOriginal({0, 4}).Slice(s), "Ford\xE2\x80\x8B");
  EXPECT_EQ(n.ToOriginal({4, 9}).Slice(s), " said");
}

TEST(NormalizeTest, EmptyInput) {
  NormalizedText n = Normalize("");
  EXPECT_TRUE(n.text.empty());
  EXPECT_EQ(n.Origin(0), 0u);
}

}  // namespace
}  // namespace hearsay
