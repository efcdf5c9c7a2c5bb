// Feature hashing shared by the tagger, the parser and the recogniser.
//
// A feature is a 64-bit hash of a template id and up to four values (word
// hashes, tag ids, small integers). Word-level hashes (lower-cased form,
// shape, affixes) are computed once per sentence into WordFeatures and reused
// by every model, so the hot path hashes each string once. The mixing is
// fixed: model files store nothing but these hashes, so changing it
// invalidates every trained model.
#ifndef HEARSAY_NLP_FEATURES_H_
#define HEARSAY_NLP_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hearsay::nlp {

inline constexpr uint64_t kMix = 0x9E3779B97F4A7C15ull;

inline uint64_t Fmix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdull;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ull;
  k ^= k >> 33;
  return k;
}

inline uint64_t Feat(uint64_t t, uint64_t a) { return Fmix(t * kMix ^ a); }
inline uint64_t Feat(uint64_t t, uint64_t a, uint64_t b) {
  return Fmix((t * kMix ^ a) * kMix ^ b);
}
inline uint64_t Feat(uint64_t t, uint64_t a, uint64_t b, uint64_t c) {
  return Fmix(((t * kMix ^ a) * kMix ^ b) * kMix ^ c);
}
inline uint64_t Feat(uint64_t t, uint64_t a, uint64_t b, uint64_t c,
                     uint64_t d) {
  return Fmix((((t * kMix ^ a) * kMix ^ b) * kMix ^ c) * kMix ^ d);
}

// Hashes of one word's surface, computed once per sentence.
struct WordFeatures {
  uint64_t form = 0;   // exact form
  uint64_t lower = 0;  // lower-cased (ASCII) form
  uint64_t shape = 0;  // "Xxxx", "dd.d", "X.X." with runs capped at 2
  uint64_t prefix[3] = {0, 0, 0};     // lower-cased, 1..3 bytes
  uint64_t suffix[4] = {0, 0, 0, 0};  // lower-cased, 1..4 bytes
  uint32_t flags = 0;                 // kFlag* bits
};

inline constexpr uint32_t kFlagUpperInitial = 1;
inline constexpr uint32_t kFlagAllUpper = 2;
inline constexpr uint32_t kFlagHasDigit = 4;
inline constexpr uint32_t kFlagHasHyphen = 8;
inline constexpr uint32_t kFlagAlpha = 16;

// Fills `out` (resized to words.size()). Also leaves the lower-cased forms in
// `lower` for callers that need them (the lemmatizer). No allocation once the
// vectors have grown to the longest sentence seen.
void ComputeWordFeatures(const std::vector<std::string_view>& words,
                         std::vector<WordFeatures>& out);

// ASCII lower-casing; other bytes (UTF-8) are kept as they are.
void LowerAscii(std::string_view in, std::string& out);

// Hash of a string used as a feature value (sentinels for padding use small
// integers, which no string hash collides with in practice).
uint64_t StringHash(std::string_view s);

inline constexpr uint64_t kPadBefore = 1;  // word before the sentence
inline constexpr uint64_t kPadAfter = 2;   // word after the sentence
inline constexpr uint64_t kNone = 3;       // absent position

}  // namespace hearsay::nlp

#endif  // HEARSAY_NLP_FEATURES_H_
