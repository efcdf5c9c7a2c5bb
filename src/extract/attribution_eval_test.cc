#include "extract/attribution_eval.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace hearsay {
namespace {

// "Ministers – in Tórshavn – said" has two multi-byte characters, so
// character offsets and byte offsets differ after them.
constexpr std::string_view kText =
    "Ministers \xE2\x80\x93 in T\xC3\xB3rshavn \xE2\x80\x93 said the ferry\n"
    "would run, the paper reported.";

std::string_view Cover(const std::vector<Span>& s, size_t i = 0) {
  return s.at(i).Slice(kText);
}

TEST(PolnearAnnotationsTest, ReadsSpansAsBytesOfTheText) {
  // T3's covered text runs over a line break, as in PolNeAR's own files; a
  // note line and an event without a cue are skipped.
  std::string ann =
      "T1\tSource 0 9\tMinisters\n"
      "T2\tCue 26 30\tsaid\n"
      "T3\tContent 31 40;41 50\tthe ferry\n"
      "would run\n"
      "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
      "#1\tAnnotatorNotes T2\tcheck this\n"
      "T4\tSource 52 61\tthe paper\n"
      "E2\tAttribution:T4 Source:T4\n";
  auto gold = ParsePolnearAnnotations(ann, kText, "a.ann");
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  ASSERT_EQ(gold->size(), 1u);
  const GoldAttribution& g = (*gold)[0];
  EXPECT_EQ(Cover(g.source), "Ministers");
  EXPECT_EQ(Cover(g.cue), "said");
  ASSERT_EQ(g.content.size(), 2u);
  EXPECT_EQ(Cover(g.content, 0), "the ferry");
  EXPECT_EQ(Cover(g.content, 1), "would run");
}

TEST(PolnearAnnotationsTest, MalformedLinesNameTheFileAndLine) {
  struct Case {
    std::string ann, message;
  } cases[] = {
      {"T1\tCue 26 30\tsaid\nT2\tCue 5\tx\n",
       "b.ann: line 2: T2: expected 'BEGIN END' offsets, got '5'"},
      {"T1\tCue 30 26\tsaid\n", "b.ann: line 1: T1: offsets 30-26 are not"},
      {"T1\tCue 26 900\tsaid\n", "b.ann: line 1: T1: offsets 26-900 are not"},
      {"T1\tCue 2x 30\tsaid\n", "got '2x 30'"},
      {"T1\tCue\tsaid\n", "b.ann: line 1: T1: expected a type and offsets"},
      {"T1\tCue 26 30\tsaid\nE1\tAttribution:T1 Cue\n",
       "b.ann: line 2: E1: expected ROLE:ID, got 'Cue'"},
      {"T1\tCue 26 30\tsaid\nE1\tCue:T1 Source:T9\n",
       "b.ann: line 2: Source names T9, which is not defined"},
      {"X1\tCue 23 27\tsaid\n", "b.ann: line 1: unknown annotation 'X1'"},
      {"just words\n", "b.ann: line 1: expected an id, a tab"},
  };
  for (const Case& c : cases) {
    auto gold = ParsePolnearAnnotations(c.ann, kText, "b.ann");
    ASSERT_FALSE(gold.ok()) << c.ann;
    EXPECT_NE(gold.status().message().find(c.message), std::string::npos)
        << gold.status().message();
  }
}

}  // namespace
}  // namespace hearsay
