// The sentence-boundary classifier: candidate positions, their features and
// an averaged-perceptron model over hashed features.
//
// A candidate is the gap after a token of a paragraph (not the last) where a
// sentence could end: after final punctuation, a closing quote or bracket, a
// colon or dash, before a capitalised word (unless the word before ends in
// a lower-case letter on the same line, or is in
// lexicons/non_final_words.tsv: "OF FORD") or an opening quote, or at a
// line break. The segmenter passes plain gaps (PlainGap()),
// asks IsCandidate(), settles the gaps the model always decides the same way
// (CertainGap()) and scores the rest (ScoreGap()); a positive score ends a
// sentence. Training (TrainSentenceModel in text/segment_eval.h) runs
// IsCandidate() and Features() over UD treebanks, and ScoreGap() is checked
// against Score(Features()), so training and use cannot drift apart.
//
// SentenceModel is an immutable value after Parse(); Score() and ScoreGap()
// are thread-safe (ScoreGap() writes only the caller's FeatureCache).
#ifndef HEARSAY_TEXT_SENTENCE_MODEL_H_
#define HEARSAY_TEXT_SENTENCE_MODEL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "hearsay/status.h"
#include "hearsay/text.h"
#include "text/chars.h"

namespace hearsay::text_internal {

struct Resources;

struct ParagraphView;

class SentenceModel {
 public:
  SentenceModel() = default;
  // The model file: '#' comment lines, then one "hash<TAB>weight" a line
  // (hash as 16 hex digits, |weight| <= kMaxWeight). An empty file gives an
  // empty model.
  static constexpr float kMaxWeight = 32;
  static Result<SentenceModel> Parse(std::string_view tsv);
  static SentenceModel FromWeights(
      const std::vector<std::pair<uint64_t, float>>& weights);

  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  float Weight(uint64_t feature) const {
    return static_cast<float>(Units(feature)) / kUnitsPerWeight;
  }
  // The sum of the weights of `features` (as Features() writes them).
  float Score(const uint64_t* features, size_t n) const;
  // The score of the gap after token i of p (i + 1 < p.count): exactly
  // Score() of Features(p, i), computed without building the feature list
  // and with table lookups for the features of few values. This is the
  // segmenter's hot path; Features() stays the definition (training uses
  // it, and sentence_model_test checks that the two agree).
  float ScoreGap(const ParagraphView& p, uint32_t i) const;

 private:
  // Weights are kept as integers in units of 1e-3 (16 bits: a weight is
  // at most kMaxWeight), so that a score is an exact sum whatever the order
  // of its terms: ScoreGap() and Score() cannot disagree on a sign.
  static constexpr float kUnitsPerWeight = 1000;
  int32_t Units(uint64_t key) const {
    if (size_ == 0) return 0;
    const uint16_t fp = Fingerprint(key);
    for (size_t b = key & group_mask_;; b = (b + 1) & group_mask_) {
      const Group& group = groups_[b];
      const int32_t found = group.Find(fp);
      // A key only moves on to the next group when its own is full, which
      // is rare at the load Insert() keeps: one test (`|`, not `||`) that
      // is nearly always true predicts well.
      if ((group.fp[kLanes - 1] == 0) | (found != 0)) return found;
    }
  }
  void Insert(uint64_t key, int32_t value);
  // Fills the tables of the templates whose values are few.
  void Precompute();
  // The low bits of a well-mixed hash pick the group and its top 16 bits,
  // never 0 (an empty lane), tell the features of a group apart: with
  // about 1,000 groups that is a 26-bit hash of the feature, where a
  // different feature meets a stored one about once in 10,000 lookups.
  static uint16_t Fingerprint(uint64_t key) {
    const auto fp = static_cast<uint16_t>(key >> 48);
    return fp == 0 ? 1 : fp;
  }
  // Sixteen fingerprints and their weights in one cache line, so that the
  // whole table (6,000 features in 64 KB) can stay in the core's own cache
  // between the gaps the segmenter scores. A lookup compares
  // all sixteen lanes at once and sums the weights of the (at most one)
  // matching lane, so finding a feature and missing it take the same path:
  // a probe loop that ends on "found" or "empty" mispredicts about every
  // other time. The segmenter's lookups come in bursts of ten whose
  // lines it starts loading together (prefetch) before summing.
  static constexpr int kLanes = 16;
  struct alignas(64) Group {
    uint16_t fp[kLanes] = {};
    int16_t units[kLanes] = {};
    // The weight of `want`, or 0 when no lane holds it. Fingerprints are
    // unique in a group and 0 is never one, so the sum is the one weight.
    int32_t Find(uint16_t want) const {
#if defined(__SSE2__)
      const __m128i w = _mm_set1_epi16(static_cast<int16_t>(want));
      const auto* f = reinterpret_cast<const __m128i*>(fp);
      const auto* u = reinterpret_cast<const __m128i*>(units);
      // At most one lane of the two halves together is not zero.
      __m128i s =
          _mm_add_epi16(_mm_and_si128(_mm_cmpeq_epi16(_mm_load_si128(f), w),
                                      _mm_load_si128(u)),
                        _mm_and_si128(_mm_cmpeq_epi16(_mm_load_si128(f + 1), w),
                                      _mm_load_si128(u + 1)));
      s = _mm_madd_epi16(s, _mm_set1_epi16(1));          // 4 sums of 32 bits
      s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0x4E));  // swap halves
      s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0xB1));  // swap pairs
      return _mm_cvtsi128_si32(s);
#else
      int32_t sum = 0;
      for (int k = 0; k < kLanes; ++k) sum += fp[k] == want ? units[k] : 0;
      return sum;
#endif
    }
  };
  std::vector<Group> groups_;
  size_t group_mask_ = 0;
  size_t size_ = 0;
  // Weights of the small-domain templates, indexed by their value.
  int32_t bias_ = 0;
  int32_t gap_[4] = {};
  int32_t abbrev_[11] = {};
  int32_t length_before_[8] = {};
  int32_t since_final_[8] = {};
  int32_t to_end_[8] = {};
  std::vector<int16_t> last_first_;  // [last shape char << 7 | first]
};

// What the candidate functions see: one paragraph's tokens.
// Per-token hashes computed once and reused by the up to four candidates
// that look at a token. Owned by one Segment() call; not shared.
struct FeatureCache {
  std::vector<uint64_t> word;  // 0: not computed yet
  std::vector<uint64_t> shape;
  // Tokens [0, scanned) have been looked at for final punctuation; the last
  // such token is last_final (-1: none). Candidates come in order, so this
  // turns the backward search of every candidate into one forward pass.
  uint32_t scanned = 0;
  int64_t last_final = -1;
  void Reset(uint32_t count) {
    word.assign(count, 0);
    shape.assign(count, 0);
    scanned = 0;
    last_final = -1;
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

// The gap between most pairs of tokens: ASCII on both sides, no final
// punctuation before it, and neither a closing or dashing token before nor
// a capital, quote, bracket or symbol after it ("word word", "word ,",
// ", 2014"). IsCandidate() says no to such a gap in its first tests, and no
// abbreviation ends there (that needs a period); inline, so that the
// segmenter passes it without a call.
namespace plain_gap {
constexpr uint32_t Bit(Cls c) { return 1u << static_cast<int>(c); }
// What IsCandidate() looks for in each of the three characters.
inline constexpr uint32_t kFirst = Bit(Cls::kClose) | Bit(Cls::kQuote) |
                                   Bit(Cls::kApos) | Bit(Cls::kColon) |
                                   Bit(Cls::kSemicolon) | Bit(Cls::kHyphen) |
                                   Bit(Cls::kDash) | Bit(Cls::kSymbol);
inline constexpr uint32_t kLast = Bit(Cls::kPeriod) | Bit(Cls::kExclam) |
                                  Bit(Cls::kQuestion) | Bit(Cls::kEllipsis);
inline constexpr uint32_t kAfter =
    Bit(Cls::kUpper) | Bit(Cls::kQuote) | Bit(Cls::kOpen) | Bit(Cls::kSymbol);
// Per byte: bit 0 when it may begin the token before a plain gap, bit 1
// when it may end it, bit 2 when it may begin the token after it; none for
// bytes of 0x80 and above. One load a character instead of a class lookup,
// a shift and a test.
struct Table {
  uint8_t bits[256];
};
inline constexpr Table kTable = [] {
  Table t{};
  for (int b = 0; b < 0x80; ++b) {
    const uint32_t c = Bit(AsciiClass(b));
    t.bits[b] = static_cast<uint8_t>(((c & kFirst) == 0 ? 1 : 0) |
                                     ((c & kLast) == 0 ? 2 : 0) |
                                     ((c & kAfter) == 0 ? 4 : 0));
  }
  return t;
}();
}  // namespace plain_gap

inline bool PlainGap(std::string_view text, const Token& t, const Token& next) {
  const uint8_t* bits = plain_gap::kTable.bits;
  const unsigned first = bits[static_cast<unsigned char>(text[t.span.begin])];
  const unsigned last = bits[static_cast<unsigned char>(text[t.span.end - 1])];
  const unsigned after =
      bits[static_cast<unsigned char>(text[next.span.begin])];
  return (first & (last >> 1) & (after >> 2) & 1) != 0;
}

// Gaps the segmenter decides without the model, because the model always
// decides them the same way: returns 0 where the tokens touch ("end.\"The",
// "co-founder": never a boundary, by at least 5.8 points, on the UD English
// train and dev splits and FNC-1) except after a period the tokenizer split
// off between two run-together sentences ("Reporter.Christian": 1), 1 for a
// lone full stop right after a word ending in a lower-case letter and before
// spaces and a capital ("said. The": the model disagrees on 8 of 18,000 such
// gaps, none in the dev splits, and is as often wrong there), and -1 for every
// other gap.
int CertainGap(const ParagraphView& p, uint32_t i);

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
