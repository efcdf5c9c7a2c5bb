// Eight bytes at a time: per-byte tests on a 64-bit word (SWAR), for the
// loops that scan mostly-ASCII text (runs of letters, of ASCII, the end of a
// word). Each test leaves the high bit (0x80) of every byte that passes and
// clears the rest; FirstByte() turns such a mask into a byte index in memory
// order. The additions below never carry from one byte into the next: every
// operand byte is at most 0x7F before 0x7F or less is added.
//
//   uint64_t x = bytes8::Load(p);
//   uint64_t other = ~bytes8::AsciiLetters(x) & bytes8::kHigh;
//   if (other != 0) return p + bytes8::FirstByte(other);
//
// Pure functions; thread-safe.
#ifndef HEARSAY_CORE_BYTES8_H_
#define HEARSAY_CORE_BYTES8_H_

#include <bit>
#include <cstdint>
#include <cstring>

namespace hearsay::bytes8 {

inline constexpr uint64_t kOnes = 0x0101010101010101ULL;
inline constexpr uint64_t kHigh = 0x8080808080808080ULL;

// The eight bytes at p, which must all be readable.
inline uint64_t Load(const void* p) {
  uint64_t x;
  std::memcpy(&x, p, 8);
  return x;
}

// Bytes of 0x80 and above: those of multi-byte UTF-8 characters.
inline uint64_t NonAscii(uint64_t x) { return x & kHigh; }

// ASCII letters, either case.
inline uint64_t AsciiLetters(uint64_t x) {
  const uint64_t y = (x | 0x20 * kOnes) & ~kHigh;  // capitals folded down
  const uint64_t at_least_a = y + (0x80 - 'a') * kOnes;
  const uint64_t past_z = y + (0x80 - 'z' - 1) * kOnes;
  return at_least_a & ~past_z & ~x & kHigh;
}

// x with its ASCII capitals lower-cased; every other byte unchanged.
inline uint64_t LowerAscii(uint64_t x) {
  const uint64_t low = x & ~kHigh;
  const uint64_t at_least_upper_a = low + (0x80 - 'A') * kOnes;
  const uint64_t past_upper_z = low + (0x80 - 'Z' - 1) * kOnes;
  const uint64_t capitals = at_least_upper_a & ~past_upper_z & ~x & kHigh;
  return x | (capitals >> 2);  // 0x80 >> 2 is the case bit, 0x20
}

// The index, in memory order, of the first byte marked in `mask` (not 0).
inline unsigned FirstByte(uint64_t mask) {
  if constexpr (std::endian::native == std::endian::little) {
    return static_cast<unsigned>(std::countr_zero(mask)) / 8;
  } else {
    return static_cast<unsigned>(std::countl_zero(mask)) / 8;
  }
}

}  // namespace hearsay::bytes8

#endif  // HEARSAY_CORE_BYTES8_H_
