#include "ledger/simhash.h"

#include <algorithm>
#include <bit>
#include <string>

#include "core/hash.h"
#include "ledger/words.h"

namespace hearsay::ledger {
namespace {

// The text's words (ForEachWord), each as its hash.
std::vector<uint64_t> WordHashes(std::string_view text) {
  std::vector<uint64_t> words;
  ForEachWord(text, [&](std::string_view w) { words.push_back(Hash64(w)); });
  return words;
}

// SplitMix64's finaliser: a bijection that spreads every input bit.
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBull;
  x ^= x >> 31;
  return x;
}

uint64_t SimHashOfWords(const std::vector<uint64_t>& words) {
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

std::vector<uint64_t> ShinglesOfWords(const std::vector<uint64_t>& words) {
  std::vector<uint64_t> out;
  if (words.size() < kSimHashMinWords) return out;
  out.reserve(words.size() - kShingleWords + 1);
  for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    // Order matters: "a b c d" and "b a c d" are different shingles.
    uint64_t h = 0;
    for (int j = 0; j < kShingleWords; ++j) h = Mix(h ^ words[i + j]);
    out.push_back(h);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

uint64_t SimHash(std::string_view text) {
  return SimHashOfWords(WordHashes(text));
}

int HammingDistance(uint64_t a, uint64_t b) { return std::popcount(a ^ b); }

std::vector<uint64_t> Shingles(std::string_view text) {
  return ShinglesOfWords(WordHashes(text));
}

Fingerprint FingerprintOf(std::string_view text) {
  std::vector<uint64_t> words = WordHashes(text);
  return {SimHashOfWords(words), ShinglesOfWords(words)};
}

std::array<int64_t, kMinHashes> MinHashes(
    const std::vector<uint64_t>& shingles) {
  std::array<int64_t, kMinHashes> out{};
  if (shingles.empty()) return out;
  std::array<uint64_t, kMinHashes> least;
  least.fill(~uint64_t{0});
  for (uint64_t s : shingles) {
    for (int i = 0; i < kMinHashes; ++i) {
      // Function i: the shingle's hash xor a constant of its own, mixed.
      uint64_t h =
          Mix(s ^ (0x9E3779B97F4A7C15ull * static_cast<uint64_t>(i + 1)));
      least[i] = std::min(least[i], h);
    }
  }
  for (int i = 0; i < kMinHashes; ++i) {
    // The top 32 bits are enough to tell values apart; the function's
    // number above them keeps the functions apart.
    out[i] =
        static_cast<int64_t>(static_cast<uint64_t>(i) << 32 | least[i] >> 32);
  }
  return out;
}

CopyScore CompareShingles(const std::vector<uint64_t>& a,
                          const std::vector<uint64_t>& b) {
  CopyScore s;
  if (a.empty() || b.empty()) return s;
  const size_t common = CountCommon(a, b);
  s.jaccard = static_cast<double>(common) / (a.size() + b.size() - common);
  s.containment = static_cast<double>(common) /
                  static_cast<double>(std::min(a.size(), b.size()));
  s.copy = s.jaccard >= kCopyJaccard || (s.containment >= kCopyContainment &&
                                         s.jaccard >= kCopyTrimmedJaccard);
  return s;
}

}  // namespace hearsay::ledger
