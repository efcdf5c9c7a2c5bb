// The sentence-boundary classifier: candidate positions, their features and
// an averaged-perceptron model over hashed features.
//
// A candidate is the gap after a token of a paragraph (not the last) where a
// sentence could end: after final punctuation, a closing quote or bracket, a
// colon or dash, before a capitalised word (unless the word before is in
// lexicons/non_final_words.tsv: "of Ford", "said Smith") or an opening
// quote, or at a line break. The segmenter asks IsCandidate(), then Features(),
// then the model; a positive score ends a sentence. Training
// (TrainSentenceModel in text/segment_eval.h) runs the same code over UD
// treebanks, so training and use cannot drift apart.
//
// SentenceModel is an immutable value after Parse(); Score() is thread-safe.
#ifndef HEARSAY_TEXT_SENTENCE_MODEL_H_
#define HEARSAY_TEXT_SENTENCE_MODEL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/status.h"
#include "hearsay/text.h"

namespace hearsay::text_internal {

struct Resources;

class SentenceModel {
 public:
  SentenceModel() = default;
  // The model file: '#' comment lines, then one "hash<TAB>weight" a line
  // (hash as 16 hex digits). An empty file gives an empty model.
  static Result<SentenceModel> Parse(std::string_view tsv);
  static SentenceModel FromWeights(
      const std::vector<std::pair<uint64_t, float>>& weights);

  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  float Weight(uint64_t feature) const;
  float Score(const uint64_t* features, size_t n) const {
    if (size_ == 0) return 0;
    // Touch every slot first so that the cache misses overlap.
    const size_t mask = slots_.size() - 1;
    for (size_t i = 0; i < n; ++i) {
      __builtin_prefetch(&slots_[features[i] & mask]);
    }
    float s = 0;
    for (size_t i = 0; i < n; ++i) s += Weight(features[i]);
    return s;
  }

 private:
  void Insert(uint64_t key, float value);
  // Open addressing over well-mixed hashes: the low bits pick the slot, the
  // high 32 bits (made non-zero) are kept to tell features apart; 0 marks an
  // empty slot. Eight bytes a slot keeps the table in cache.
  struct Slot {
    uint32_t key = 0;
    float value = 0;
  };
  static uint32_t Fingerprint(uint64_t key) {
    return static_cast<uint32_t>(key >> 32) | 1;
  }
  std::vector<Slot> slots_;
  size_t size_ = 0;
};

// What the candidate functions see: one paragraph's tokens.
// Per-token hashes computed once and reused by the up to four candidates
// that look at a token. Owned by one Segment() call; not shared.
struct FeatureCache {
  std::vector<uint64_t> word;  // 0: not computed yet
  std::vector<uint64_t> shape;
  void Reset(uint32_t count) {
    word.assign(count, 0);
    shape.assign(count, 0);
  }
};

struct ParagraphView {
  std::string_view text;
  const Token* tokens;  // the paragraph's tokens
  uint32_t count;       // how many
  const Resources* resources;
  FeatureCache* cache;  // sized for `count` (Reset) by the caller
};

inline constexpr size_t kMaxFeatures = 40;

// The key of a lower-cased word, as the features hash it.
uint64_t WordKey(std::string_view lower);

bool IsCandidate(const ParagraphView& p, uint32_t i);
// Writes the features of the gap after token i (i + 1 < p.count) into
// out[0..kMaxFeatures) and returns how many.
size_t Features(const ParagraphView& p, uint32_t i, uint64_t* out);

// An abbreviation that may end a sentence ("Inc.", "U.S.") followed by a
// capitalised sentence starter ("He", "The"): a boundary whatever the model
// says, because the treebanks have too few such cases to learn it.
bool AbbreviationEndsSentence(const ParagraphView& p, uint32_t i);

// The rule used when no model is loaded: final punctuation (possibly
// followed by closing quotes or brackets), not after a known abbreviation
// or initial, before a capitalised word, digit or opening quote.
bool RuleBoundary(const ParagraphView& p, uint32_t i);

}  // namespace hearsay::text_internal

#endif  // HEARSAY_TEXT_SENTENCE_MODEL_H_
