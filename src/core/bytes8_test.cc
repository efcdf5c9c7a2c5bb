#include "core/bytes8.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>

namespace hearsay {
namespace {

// Every byte value in every position, against the one-byte definitions.
TEST(Bytes8Test, EachTestMatchesItsByteByByteDefinition) {
  for (int pos = 0; pos < 8; ++pos) {
    for (int v = 0; v < 256; ++v) {
      unsigned char b[8];
      // Neighbours that pass every test, so a carry into them would show.
      std::memset(b, 'a', 8);
      b[pos] = static_cast<unsigned char>(v);
      const uint64_t x = bytes8::Load(b);
      const bool letter = (v >= 'a' && v <= 'z') || (v >= 'A' && v <= 'Z');
      const uint64_t letters = bytes8::AsciiLetters(x);
      unsigned char out[8];
      std::memcpy(out, &letters, 8);
      for (int k = 0; k < 8; ++k) {
        EXPECT_EQ(out[k], k == pos && !letter ? 0 : 0x80) << v << " at " << k;
      }
      const uint64_t lower = bytes8::LowerAscii(x);
      std::memcpy(out, &lower, 8);
      const int expected = v >= 'A' && v <= 'Z' ? v + 32 : v;
      EXPECT_EQ(out[pos], expected) << v;
      const uint64_t high = bytes8::NonAscii(x);
      if (v >= 0x80) {
        ASSERT_NE(high, 0u);
        EXPECT_EQ(bytes8::FirstByte(high), static_cast<unsigned>(pos));
      } else {
        EXPECT_EQ(high, 0u);
      }
    }
  }
}

TEST(Bytes8Test, FirstByteIsTheEarliestInMemory) {
  const unsigned char b[8] = {'a', 'b', 0xC3, 0xA9, 'c', 0xE2, 0x80, 0x9C};
  EXPECT_EQ(bytes8::FirstByte(bytes8::NonAscii(bytes8::Load(b))), 2u);
  const uint64_t other = ~bytes8::AsciiLetters(bytes8::Load(b)) & bytes8::kHigh;
  EXPECT_EQ(bytes8::FirstByte(other), 2u);
}

}  // namespace
}  // namespace hearsay
