#include "nlp/eval.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hearsay/nlp.h"
#include "hearsay/text.h"
#include "text/conllu.h"

namespace hearsay::nlp {
namespace {

std::vector<conllu::Sentence> ParseOrDie(const std::string& text) {
  auto s = conllu::Parse(text, "test");
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? *s : std::vector<conllu::Sentence>{};
}

// "I don't know." with the contraction split, as the treebanks write it.
const char kGold[] =
    "# text = I don't know.\n"
    "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

TEST(EvalUdAlignedTest, IdenticalFilesScoreLikeGoldTokens) {
  auto gold = ParseOrDie(kGold);
  auto aligned = EvalUdAligned(gold, gold);
  auto plain = EvalUd(gold, gold);
  ASSERT_TRUE(aligned.ok()) << aligned.status().ToString();
  ASSERT_TRUE(plain.ok());
  EXPECT_DOUBLE_EQ(aligned->las, 100);
  EXPECT_DOUBLE_EQ(aligned->clas, plain->clas);
  EXPECT_DOUBLE_EQ(aligned->words_f1, 100);
  EXPECT_EQ(aligned->system_words, 5u);
}

TEST(EvalUdAlignedTest, UnsplitContractionLosesOnlyItsWords) {
  auto gold = ParseOrDie(kGold);
  // The system kept "don't" whole: 4 words, of which I, know and . align
  // by span and get their heads right through the alignment.
  auto system = ParseOrDie(
      "1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
      "2\tdon't\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n"
      "3\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
      "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
  auto r = EvalUdAligned(gold, system);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NEAR(r->words_f1, 200.0 * 3 / 9, 1e-9);
  EXPECT_NEAR(r->uas, 200.0 * 3 / 9, 1e-9);
  EXPECT_NEAR(r->las, 200.0 * 3 / 9, 1e-9);
  EXPECT_NEAR(r->upos, 200.0 * 3 / 9, 1e-9);
  // Content relations: gold I, n't, know; system I, know; both right.
  EXPECT_NEAR(r->clas, 200.0 * 2 / 5, 1e-9);
  EXPECT_DOUBLE_EQ(r->tokens_f1, 100);
  EXPECT_DOUBLE_EQ(r->sentences_f1, 100);
}

TEST(EvalUdAlignedTest, WrongHeadThroughAlignmentCounts) {
  auto gold = ParseOrDie(kGold);
  // Same words as gold, but "I" hangs from "do" (aligned, yet not the gold
  // head): one head wrong out of five.
  std::string sys = kGold;
  sys.replace(sys.find("\t4\tnsubj"), 8, "\t2\tnsubj");
  auto r = EvalUdAligned(gold, ParseOrDie(sys));
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->uas, 80, 1e-9);
}

TEST(EvalUdAlignedTest, DifferentTextIsAnError) {
  auto gold = ParseOrDie(kGold);
  auto system = ParseOrDie("1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n\n");
  EXPECT_FALSE(EvalUdAligned(gold, system).ok());
}

TEST(AnnotateTextTest, RawTextBecomesConllu) {
  std::string root = HEARSAY_SOURCE_DIR;
  auto pipeline =
      Pipeline::Load(root + "/models", root + "/lexicons/lemmas.tsv");
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  std::string text =
      "Ford denied the report.\n\nXiaomi didn't comment on Google's plans.";
  auto r = AnnotateText(*pipeline, Segmenter(), text, "d1");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 2u);
  std::string out;
  for (const conllu::Sentence& s : *r) conllu::Write(s, out);
  EXPECT_NE(out.find("# newdoc id = d1\n"), std::string::npos) << out;
  EXPECT_NE(out.find("# sent_id = d1-2\n"), std::string::npos) << out;
  EXPECT_NE(out.find("# text = Xiaomi didn't comment on Google's plans.\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("2-3\tdidn't\t"), std::string::npos) << out;
  EXPECT_NE(out.find("\tn't\tnot\tPART\t"), std::string::npos) << out;
  EXPECT_NE(out.find("\tGoogle\tGoogle\tPROPN\t"), std::string::npos) << out;
  EXPECT_NE(out.find("NE=B-"), std::string::npos) << out;
  // Annotated output scores perfectly against itself from raw text.
  auto again = EvalUdFromText(*r, *pipeline, Segmenter());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_DOUBLE_EQ(again->las, 100);
  EXPECT_DOUBLE_EQ(again->words_f1, 100);
}

}  // namespace
}  // namespace hearsay::nlp
