// Near-duplicate detection for syndication: a 64-bit SimHash over the words
// of a body (shingles of one word). Two copies of one wire story,
// re-headlined or lightly edited ("18%" -> "18 pct"), differ in 0-2 bits;
// different articles on the same story in 12 or more. Longer shingles were
// measured too: on 60-word wire bodies a one-word edit flips 4-8 bits of a
// 2- or 3-word-shingle SimHash, too close to the threshold.
//
// Candidates are found without comparing every pair: the hash is cut into
// four 16-bit bands, and two hashes within kSyndicationDistance (3) bits
// share at least one band exactly (pigeonhole), so a band index finds them.
// Pure functions, thread-safe.
#ifndef HEARSAY_LEDGER_SIMHASH_H_
#define HEARSAY_LEDGER_SIMHASH_H_

#include <array>
#include <cstdint>
#include <string_view>

namespace hearsay::ledger {

inline constexpr int kSyndicationDistance = 3;
inline constexpr int kSimHashBands = 4;
// Texts shorter than this many words are not fingerprinted: a headline
// alone matches too easily.
inline constexpr int kSimHashMinWords = 12;

// The SimHash of `text` over its lower-cased alphanumeric words; 0 when the
// text has fewer than kSimHashMinWords words.
uint64_t SimHash(std::string_view text);

int HammingDistance(uint64_t a, uint64_t b);

// The four 16-bit bands, each tagged with its position so that equal bits in
// different positions do not collide.
std::array<int64_t, kSimHashBands> SimHashBands(uint64_t h);

}  // namespace hearsay::ledger

#endif  // HEARSAY_LEDGER_SIMHASH_H_
