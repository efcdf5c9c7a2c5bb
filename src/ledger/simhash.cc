#include "ledger/simhash.h"

#include <bit>
#include <string>
#include <vector>

#include "core/hash.h"

namespace hearsay::ledger {

uint64_t SimHash(std::string_view text) {
  // Words: runs of ASCII letters and digits (and any non-ASCII byte, so that
  // accented words stay whole), lower-cased.
  std::vector<uint64_t> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(Hash64(word));
    word.clear();
  };
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
      word.push_back(static_cast<char>(c));
    } else if (c >= 'A' && c <= 'Z') {
      word.push_back(static_cast<char>(c - 'A' + 'a'));
    } else {
      flush();
    }
  }
  flush();
  if (words.size() < kSimHashMinWords) return 0;
  int counts[64] = {};
  for (uint64_t w : words) {
    // Mix: Hash64 is uniform, but its low and high halves feed different
    // bands and must not correlate.
    uint64_t f = w ^ (w >> 29);
    f *= 0xBF58476D1CE4E5B9ull;
    f ^= f >> 32;
    for (int b = 0; b < 64; ++b) counts[b] += (f >> b & 1) ? 1 : -1;
  }
  uint64_t h = 0;
  for (int b = 0; b < 64; ++b) {
    if (counts[b] > 0) h |= uint64_t{1} << b;
  }
  return h;
}

int HammingDistance(uint64_t a, uint64_t b) { return std::popcount(a ^ b); }

std::array<int64_t, kSimHashBands> SimHashBands(uint64_t h) {
  std::array<int64_t, kSimHashBands> bands;
  for (int i = 0; i < kSimHashBands; ++i) {
    bands[i] = static_cast<int64_t>(i) << 16 |
               static_cast<int64_t>(h >> (16 * i) & 0xFFFF);
  }
  return bands;
}

}  // namespace hearsay::ledger
