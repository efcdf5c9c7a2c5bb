// Near-duplicate detection for syndication: which stored document, if any,
// is the same wire story as a new one (re-headlined, lightly edited
// ("18%" -> "18 pct"), trimmed of its last paragraphs, or with a reporting
// line added).
//
// A body is cut into shingles of four consecutive words (lower-cased runs of
// letters and digits). Two bodies are copies when their shingle sets have a
// Jaccard similarity of at least kCopyJaccard (0.5), or when the smaller set
// lies almost wholly (kCopyContainment, 0.9) inside the larger one and the
// two still share kCopyTrimmedJaccard (0.3) of their union: a copy cut to a
// third or more of the story. On the sample news and FNC-1, copies of one
// wire text score 0.85-1.0 and different articles on the same story 0.0-0.45
// (outlets quoting the same agency copy sit in between; below 0.5 they count
// as separate sources).
//
// Candidates are found without comparing every pair: each body keeps
// kMinHashes (8) MinHash values (the least hash of its shingles under 8 hash
// functions, each tagged with its function's number). Two bodies share each
// value with probability equal to their Jaccard similarity, so a body
// sharing kMinHashCandidate (2) of them is a candidate: a copy at 0.7 with
// probability 0.999, at 0.5 0.96, at 0.3 0.74, an article on the same story
// at 0.1 0.19, unrelated bodies almost never. An index of the values finds
// them, and the shingle sets of the few candidates decide exactly. (16
// values found more trimmed copies but doubled the index, whose keys land
// all over its B-tree: every value written changes a page of its own.)
//
// The 64-bit SimHash over single words (kept in documents.simhash) was the
// fingerprint of ledger schemas 1 and 2: it misses trimmed copies (4-6 bits
// apart) and, on long bodies, its bits converge to those of common English
// and join unrelated articles. Pure functions, thread-safe.
#ifndef HEARSAY_LEDGER_SIMHASH_H_
#define HEARSAY_LEDGER_SIMHASH_H_

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace hearsay::ledger {

// Texts shorter than this many words are not fingerprinted: a headline
// alone matches too easily.
inline constexpr int kSimHashMinWords = 12;

// The SimHash of `text` over its lower-cased alphanumeric words; 0 when the
// text has fewer than kSimHashMinWords words.
uint64_t SimHash(std::string_view text);

int HammingDistance(uint64_t a, uint64_t b);

inline constexpr int kShingleWords = 4;
inline constexpr int kMinHashes = 8;
inline constexpr int kMinHashCandidate = 2;
inline constexpr double kCopyJaccard = 0.5;
inline constexpr double kCopyContainment = 0.9;
inline constexpr double kCopyTrimmedJaccard = 0.3;

// The hashes of the text's four-word shingles, sorted and unique; empty when
// the text has fewer than kSimHashMinWords words.
std::vector<uint64_t> Shingles(std::string_view text);

// SimHash and Shingles of one text, its words read once.
struct Fingerprint {
  uint64_t simhash = 0;
  std::vector<uint64_t> shingles;
};
Fingerprint FingerprintOf(std::string_view text);

// The MinHash values of a shingle set, each tagged with its function's
// number in bits 32-35 (so values of different functions never meet);
// all zero for an empty set.
std::array<int64_t, kMinHashes> MinHashes(
    const std::vector<uint64_t>& shingles);

struct CopyScore {
  double jaccard = 0;
  double containment = 0;  // of the smaller set in the larger
  bool copy = false;
};

// Whether two shingle sets (as Shingles returns them) are copies.
CopyScore CompareShingles(const std::vector<uint64_t>& a,
                          const std::vector<uint64_t>& b);

}  // namespace hearsay::ledger

#endif  // HEARSAY_LEDGER_SIMHASH_H_
