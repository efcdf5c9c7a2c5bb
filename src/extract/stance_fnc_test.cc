#include "extract/stance_fnc.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/csv.h"
#include "core/shared_data.h"

namespace hearsay {
namespace {

using S = FncStance;

TEST(FncScoreTest, MatchesHandComputedScore) {
  std::vector<S> gold = {S::kAgree, S::kUnrelated, S::kDiscuss, S::kDisagree,
                         S::kUnrelated};
  std::vector<S> pred = {S::kAgree, S::kUnrelated, S::kAgree, S::kUnrelated,
                         S::kDiscuss};
  FncScores s = ScoreFnc(gold, pred);
  // agree right: 1; unrelated right: .25; discuss as agree: .25 (related
  // right, label wrong); disagree as unrelated: 0; unrelated as discuss: 0.
  EXPECT_DOUBLE_EQ(s.score, 1.5);
  EXPECT_DOUBLE_EQ(s.max_score, 1 + 0.25 + 1 + 1 + 0.25);
  EXPECT_NEAR(s.Relative(), 100 * 1.5 / 3.5, 1e-9);
  EXPECT_DOUBLE_EQ(s.Precision(S::kAgree), 0.5);
  EXPECT_DOUBLE_EQ(s.Recall(S::kAgree), 1.0);
  EXPECT_NEAR(s.F1(S::kAgree), 2.0 / 3, 1e-12);
  EXPECT_DOUBLE_EQ(s.F1(S::kDisagree), 0.0);
  // unrelated: tp 1, fp 1 (the disagree), fn 1 (the discuss): F1 .5.
  EXPECT_DOUBLE_EQ(s.F1(S::kUnrelated), 0.5);
  EXPECT_NEAR(s.MacroF1(), (2.0 / 3 + 0 + 0 + 0.5) / 4, 1e-12);
  EXPECT_EQ(s.confusion[2][0], 1u);
  EXPECT_EQ(s.total(), 5u);
  // All "discuss" on an all-related set scores 0.25 per wrong label.
  FncScores d = ScoreFnc(std::vector<S>{S::kAgree, S::kDiscuss},
                         std::vector<S>{S::kDiscuss, S::kDiscuss});
  EXPECT_DOUBLE_EQ(d.Relative(), 100 * 1.25 / 2);
}

TEST(FncStanceTest, Names) {
  EXPECT_EQ(FncStanceName(S::kDisagree), "disagree");
  EXPECT_EQ(ParseFncStance(" Discuss"), S::kDiscuss);
  EXPECT_FALSE(ParseFncStance("maybe").has_value());
}

// Builds FncData from CSV text, as the files are read.
FncData MakeData(const std::string& bodies_csv, const std::string& pairs_csv,
                 bool need_stance = true) {
  Result<CsvTable> b = CsvTable::Parse(bodies_csv, "bodies.csv");
  Result<CsvTable> p = CsvTable::Parse(pairs_csv, "pairs.csv");
  EXPECT_TRUE(b.ok() && p.ok());
  Result<FncData> d = FncDataFromTables(*b, *p, need_stance);
  EXPECT_TRUE(d.ok()) << d.status().ToString();
  return *d;
}

TEST(FncDataTest, BadRowsAreReportedWithFileAndLine) {
  FncData d = MakeData(
      "Body ID,articleBody\n1,\"Line one.\nLine two, with \"\"quotes\"\".\"\n"
      "2,Other\n2,Duplicate\n",
      "Headline,Body ID,Stance\nH1,1,agree\nH2,9,discuss\nH3,2,maybe\n"
      "\"H4, quoted\",2,UNRELATED\n");
  EXPECT_EQ(d.bodies.size(), 2u);
  EXPECT_EQ(d.bodies["1"], "Line one.\nLine two, with \"quotes\".");
  ASSERT_EQ(d.pairs.size(), 2u);
  EXPECT_EQ(d.pairs[1].headline, "H4, quoted");
  EXPECT_EQ(d.pairs[1].stance, S::kUnrelated);
  ASSERT_EQ(d.errors.size(), 3u);
  EXPECT_EQ(d.errors[0], "bodies.csv:5: duplicate Body ID 2");
  EXPECT_EQ(d.errors[1], "pairs.csv:3: no body with Body ID '9'");
  EXPECT_EQ(d.errors[2], "pairs.csv:4: unknown stance 'maybe'");
}

TEST(FncDataTest, UnlabelledPairsIgnoreStance) {
  FncData d = MakeData("Body ID,articleBody\n1,x\n",
                       "Headline,Body ID,Stance\nH,1,nonsense\n", false);
  ASSERT_EQ(d.pairs.size(), 1u);
  EXPECT_FALSE(d.pairs[0].labelled);
  EXPECT_TRUE(d.errors.empty());
  Result<CsvTable> b = CsvTable::Parse("Body ID,articleBody\n", "b.csv");
  Result<CsvTable> p = CsvTable::Parse("Headline,Body ID\n", "p.csv");
  EXPECT_FALSE(FncDataFromTables(*b, *p, true).ok());
}

void ExpectNoStoryOnBothSides(const FncData& data, const StorySplit& split) {
  ASSERT_EQ(split.heldout.size(), data.pairs.size());
  std::map<uint32_t, bool> side;
  std::map<std::string, std::set<bool>> body_sides, related_headline_sides;
  for (size_t i = 0; i < data.pairs.size(); ++i) {
    auto [it, added] = side.emplace(split.story[i], split.heldout[i]);
    EXPECT_EQ(it->second, split.heldout[i]) << "story " << split.story[i];
    body_sides[data.pairs[i].body_id].insert(split.heldout[i]);
    if (IsRelated(data.pairs[i].stance)) {
      related_headline_sides[data.pairs[i].headline].insert(split.heldout[i]);
    }
  }
  for (const auto& [id, sides] : body_sides) EXPECT_EQ(sides.size(), 1u) << id;
  for (const auto& [h, sides] : related_headline_sides) {
    EXPECT_EQ(sides.size(), 1u) << h;
  }
}

TEST(StorySplitTest, StoriesAreConnectedComponentsOfRelatedPairs) {
  // Bodies 1 and 2 share a related headline (one story); 3 is alone; the
  // unrelated pair H1-3 does not join 3 to the first story.
  FncData d = MakeData(
      "Body ID,articleBody\n1,a\n2,b\n3,c\n",
      "Headline,Body ID,Stance\nH1,1,agree\nH1,2,discuss\nH2,2,disagree\n"
      "H1,3,unrelated\nH3,3,agree\n");
  for (uint32_t percent : {0u, 20u, 50u, 100u}) {
    StorySplit s = SplitStories(d, percent);
    EXPECT_EQ(s.stories, 2u);
    EXPECT_EQ(s.story[0], s.story[1]);
    EXPECT_EQ(s.story[1], s.story[2]);
    EXPECT_NE(s.story[3], s.story[0]);
    EXPECT_EQ(s.story[3], s.story[4]);
    ExpectNoStoryOnBothSides(d, s);
  }
  EXPECT_EQ(SplitStories(d, 0).heldout_pairs, 0u);
  EXPECT_EQ(SplitStories(d, 100).heldout_pairs, 5u);
}

TEST(StorySplitTest, FncTrainingDataNeverSharesAStory) {
  std::string dir = SharedDir() + "/data/fnc1";
  if (!std::filesystem::exists(dir + "/train_stances.csv")) {
    GTEST_SKIP() << dir << " not found: FNC-1 data is not in this checkout";
  }
  Result<FncData> d =
      ReadFncData(dir + "/train_bodies.csv", dir + "/train_stances.csv", true);
  ASSERT_TRUE(d.ok());
  StorySplit s = SplitStories(*d);
  ExpectNoStoryOnBothSides(*d, s);
  // The documented split (models/README-fnc1.md).
  EXPECT_EQ(s.stories, 191u);
  EXPECT_EQ(s.heldout_stories, 44u);
  EXPECT_EQ(s.heldout_pairs, 8941u);
}

// A toy world: four topics with their own words; bodies that confirm, deny
// or merely report; headlines paired with their own topic's bodies
// (related) and with another topic's (unrelated).
FncData ToyData() {
  const std::vector<std::vector<std::string>> topics = {
      {"zorblat", "quimby", "festoon", "harbour"},
      {"marmoset", "velocipede", "yodel", "glacier"},
      {"trombone", "kumquat", "lighthouse", "senator"},
      {"pangolin", "saxophone", "volcano", "mayor"}};
  std::string bodies = "Body ID,articleBody\n";
  std::string pairs = "Headline,Body ID,Stance\n";
  int id = 0;
  for (size_t t = 0; t < topics.size(); ++t) {
    const auto& w = topics[t];
    std::string headline =
        "The " + w[0] + " " + w[1] + " met the " + w[2] + " at the " + w[3];
    const std::vector<std::pair<S, std::string>> kinds = {
        {S::kAgree, "Officials confirmed that the " + w[0] + " " + w[1] +
                        " met the " + w[2] + " at the " + w[3] +
                        ". It is confirmed."},
        {S::kDisagree, "The story that the " + w[0] + " " + w[1] + " met the " +
                           w[2] +
                           " is false. Officials denied it, calling it "
                           "completely false and untrue."},
        {S::kDiscuss, "The " + w[0] + " " + w[1] + " reportedly met the " +
                          w[2] +
                          ", according to reports. It may have happened, "
                          "allegedly at the " +
                          w[3] + "."}};
    for (int copy = 0; copy < 3; ++copy) {
      for (const auto& [stance, text] : kinds) {
        ++id;
        bodies += std::to_string(id) + ",\"" + text + "\"\n";
        pairs += "\"" + headline + "\"," + std::to_string(id) + "," +
                 std::string(FncStanceName(stance)) + "\n";
        const auto& o = topics[(t + 1) % topics.size()];
        pairs += "\"The " + o[0] + " " + o[1] + " met the " + o[2] + "\"," +
                 std::to_string(id) + ",unrelated\n";
      }
    }
  }
  return MakeData(bodies, pairs);
}

StanceTrainOptions ToyOptions() {
  StanceTrainOptions o;
  o.min_stories = 1;
  o.runs = 1;
  o.related_epochs = 20;
  o.stance_epochs = 30;
  o.learning_rate = 0.3;
  return o;
}

TEST(StanceClassifierTest, LearnsATinySyntheticSet) {
  FncData d = ToyData();
  Result<StanceClassifier> c = StanceClassifier::Train(d, {}, ToyOptions());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  std::vector<S> predicted = c->ClassifyPairs(d, {});
  std::vector<S> gold;
  for (const FncPair& p : d.pairs) gold.push_back(p.stance);
  FncScores s = ScoreFnc(gold, predicted);
  EXPECT_GE(s.Relative(), 95.0);
  EXPECT_GE(s.MacroF1(), 0.9);

  std::string body =
      "Nothing else happened. Officials said the story that the zorblat "
      "quimby met the festoon is completely false.";
  StanceResult r = c->Classify("The zorblat quimby met the festoon", body);
  EXPECT_EQ(r.stance, S::kDisagree);
  ASSERT_FALSE(r.evidence.empty());
  EXPECT_EQ(r.evidence[0].span.Slice(body),
            "Officials said the story that the zorblat quimby met the festoon "
            "is completely false.");
  double sum = 0;
  for (double p : r.scores) sum += p;
  EXPECT_NEAR(sum, 1.0, 1e-9);
}

TEST(StanceClassifierTest, TrainingIsDeterministic) {
  FncData d = ToyData();
  Result<StanceClassifier> a = StanceClassifier::Train(d, {}, ToyOptions());
  Result<StanceClassifier> b = StanceClassifier::Train(d, {}, ToyOptions());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->Serialize(), b->Serialize());
}

// The stance features read the lexicons, so the shipped model must have been
// trained with the lexicons built into this binary: a lexicon edit without
// `hearsay train stance` (models/README-fnc1.md) changes scores silently and
// makes `hearsay stance` warn.
TEST(StanceClassifierTest, ShippedModelMatchesTheBuiltInLexicons) {
  Result<StanceClassifier> c = StanceClassifier::Load(
      std::string(HEARSAY_SOURCE_DIR) + "/models/stance.model");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->trained_lexicons(), c->lexicons())
      << "models/stance.model was trained with other lexicons; retrain it "
         "with the command in models/README-fnc1.md";
}

TEST(StanceClassifierTest, SaveLoadRoundTrips) {
  FncData d = ToyData();
  Result<StanceClassifier> c = StanceClassifier::Train(d, {}, ToyOptions());
  ASSERT_TRUE(c.ok());
  std::string bytes = c->Serialize();
  Result<StanceClassifier> back = StanceClassifier::Parse(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->Serialize(), bytes);
  EXPECT_EQ(back->version(), c->version());
  EXPECT_EQ(back->trained_lexicons(), c->lexicons());
  EXPECT_EQ(back->trained_lexicons().size(), 16u);
  EXPECT_EQ(back->ClassifyPairs(d, {}), c->ClassifyPairs(d, {}));

  std::string path = testing::TempDir() + "/stance.model";
  ASSERT_TRUE(c->Save(path).ok());
  Result<StanceClassifier> loaded = StanceClassifier::Load(path);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->Serialize(), bytes);

  std::string damaged = bytes;
  damaged[bytes.size() / 2] ^= 0x40;
  EXPECT_EQ(StanceClassifier::Parse(damaged).status().code(),
            StatusCode::kDataLoss);
  EXPECT_FALSE(StanceClassifier::Parse(bytes.substr(0, 10)).ok());
  EXPECT_FALSE(StanceClassifier::Parse("not a model").ok());
  EXPECT_EQ(StanceClassifier::Load("/nonexistent/stance.model").status().code(),
            StatusCode::kNotFound);
}

}  // namespace
}  // namespace hearsay
