#include "core/hash.h"

#include <xxhash.h>

namespace hearsay {

uint64_t Hash64(std::string_view bytes, uint64_t seed) {
  return XXH3_64bits_withSeed(bytes.data(), bytes.size(), seed);
}

std::string HashHex(uint64_t h) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[i] = kDigits[h & 0xf];
    h >>= 4;
  }
  return out;
}

}  // namespace hearsay
