#include "text/sentence_model.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hearsay/text.h"
#include "text/resources.h"

namespace hearsay::text_internal {
namespace {

// Text that reaches every feature template: abbreviations of each kind,
// initials, ellipses, quotes and brackets, non-ASCII letters and
// punctuation, a long token, line breaks and touching tokens.
constexpr std::string_view kText =
    "Dr. Smith met Gov. J. Brown at 3 p.m. on Jan. 5. He said: \"It's "
    "done.\" The U.S. Inc. share fell 3.5% (to $4.20)… Then — nothing!\n"
    "Why? “Because,” she said. ¿Qué pasó? Élodie Dupont-Ängström arrived "
    "at No. 10 Downing St. Afterwards... the meeting ended. "
    "Pneumonoultramicroscopicsilicovolcanoconiosis is long. E.g. this "
    "one; and that one: Ltd. Co. Ph.D. students at ACME Corp. (Boston).\n"
    "A line\nwraps here. O'Brien's \"quote\" ends?! Next 'one' starts. "
    "Amazon.com said so. #tag @handle Okay\tthen.";

// Calls fn(view, i) on every candidate gap of kText, as the segmenter
// would find them.
template <typename Fn>
void ForEachCandidate(std::string_view text, Fn fn) {
  SegmenterOptions rules;
  rules.use_model = false;
  Segmentation seg = Segmenter(rules).Segment(text);
  auto resources = DefaultResources();
  FeatureCache cache;
  uint32_t t = 0;
  for (const Span& p : seg.paragraphs) {
    uint32_t t0 = t;
    while (t < seg.tokens.size() && seg.tokens[t].span.end <= p.end) ++t;
    cache.Reset(t - t0);
    ParagraphView view{text, seg.tokens.data() + t0, t - t0, resources.get(),
                       &cache};
    for (uint32_t i = 0; i + 1 < view.count; ++i) {
      if (IsCandidate(view, i)) fn(view, i);
    }
  }
}

// ScoreGap() is the segmenter's shortcut for Score(Features()), which is
// what training sees; the two must give the same sums or the model would
// not mean at run time what it learnt.
TEST(SentenceModelTest, ScoreGapIsScoreOfFeatures) {
  const SentenceModel& model = DefaultResources()->sentence_model;
  ASSERT_FALSE(model.empty());
  int candidates = 0, positive = 0;
  ForEachCandidate(kText, [&](const ParagraphView& view, uint32_t i) {
    uint64_t features[kMaxFeatures];
    size_t n = Features(view, i, features);
    float expected = model.Score(features, n);
    EXPECT_EQ(model.ScoreGap(view, i), expected)
        << "after token " << i << " of: " << view.text;
    ++candidates;
    positive += expected > 0;
  });
  EXPECT_GT(candidates, 40);
  EXPECT_GT(positive, 10);
}

TEST(SentenceModelTest, ScoreGapDoesNotDependOnOrder) {
  const SentenceModel& model = DefaultResources()->sentence_model;
  std::vector<float> in_order, backwards;
  ForEachCandidate(kText, [&](const ParagraphView& view, uint32_t i) {
    in_order.push_back(model.ScoreGap(view, i));
  });
  // The same gaps, each after a gap further on in its paragraph.
  ForEachCandidate(kText, [&](const ParagraphView& view, uint32_t i) {
    if (i + 2 < view.count) model.ScoreGap(view, i + 1);
    backwards.push_back(model.ScoreGap(view, i));
  });
  EXPECT_EQ(in_order, backwards);
}

TEST(SentenceModelTest, WeightsAreExactThousandths) {
  Result<SentenceModel> m = SentenceModel::Parse(
      "# comment\n"
      "1000000000000011\t0.1000\n"
      "2000000000000021\t-3.3052\n"
      "3000000000000031\t20.3330\r\n");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->size(), 3u);
  const uint64_t features[] = {0x1000000000000011, 0x1000000000000011,
                               0x1000000000000011, 0x2000000000000021,
                               0x3000000000000031, 0x4000000000000041};
  // In units of 1e-3 the sum is exact: 300 - 3305 + 20333.
  EXPECT_EQ(m->Score(features, 6), 17328 / 1000.f);
  EXPECT_EQ(m->Weight(0x4000000000000041), 0);
  EXPECT_EQ(m->Weight(0x2000000000000021), -3.305f);
  EXPECT_FALSE(SentenceModel::Parse("0000000000000011\tx\n").ok());
  EXPECT_FALSE(SentenceModel::Parse("11\t0.5\n").ok());
  EXPECT_FALSE(SentenceModel::Parse("1000000000000011\tnan\n").ok());
  EXPECT_FALSE(SentenceModel::Parse("1000000000000011\t1e9\n").ok());
  // Weights are 16-bit thousandths: larger ones are refused, not wrapped.
  EXPECT_FALSE(SentenceModel::Parse("1000000000000011\t40\n").ok());
}

TEST(SentenceModelTest, ManyFeaturesInOneGroupAllKeepTheirWeights) {
  // 40 features with the same low bits share a home group and overflow
  // into the next ones; each must still be found with its own weight.
  std::vector<std::pair<uint64_t, float>> weights;
  for (uint64_t k = 1; k <= 40; ++k) {
    weights.emplace_back(k << 48 | 0x40, static_cast<float>(k) / 8);
  }
  SentenceModel m = SentenceModel::FromWeights(weights);
  for (const auto& [key, w] : weights) EXPECT_EQ(m.Weight(key), w) << key;
  EXPECT_EQ(m.Weight(uint64_t{41} << 48 | 0x40), 0);
}

}  // namespace
}  // namespace hearsay::text_internal
