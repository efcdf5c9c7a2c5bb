#include "nlp/ner_gazetteer.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "nlp/model_file.h"

namespace hearsay::nlp {
namespace {

std::vector<WordFeatures> Words(std::vector<std::string_view> words) {
  std::vector<WordFeatures> out;
  ComputeWordFeatures(words, out);
  return out;
}

TEST(GazetteerTest, LongestMatchWithKindAndPosition) {
  auto g = Gazetteer::Parse(
      "PLACE\tNew York\nPLACE\tNew York City\nORG\tNew York Times\n"
      "PLACE\tWashington\nORG\tWashington\nDEMONYM\tAmerican\n");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  auto w = Words({"The", "New", "York", "Times", "said", "Washington", "and",
                  "American", "officials", "left", "New", "York", "City"});
  std::vector<uint8_t> kind, part;
  g->Match(w, kind, part);
  ASSERT_EQ(kind.size(), w.size());
  // The longer organisation wins over the place it starts with.
  EXPECT_EQ(kind[1], kGazOrg);
  EXPECT_EQ(part[1], 1);
  EXPECT_EQ(part[2], 2);
  EXPECT_EQ(part[3], 3);
  EXPECT_EQ(kind[5], kGazPlace | kGazOrg);
  EXPECT_EQ(part[5], 4);
  EXPECT_EQ(kind[7], kGazDemonym);
  EXPECT_EQ(kind[8], 0);
  EXPECT_EQ(kind[12], kGazPlace);
  EXPECT_EQ(g->Lookup(w, 10, 11), kGazPlace);
  EXPECT_EQ(g->Lookup(w, 9, 11), 0);
}

TEST(GazetteerTest, OnlyLongerNamesMatchInAnyCase) {
  auto g = Gazetteer::Parse("PLACE\tUS\nORG\tFinancial Times\n");
  ASSERT_TRUE(g.ok());
  auto w = Words({"us", "and", "US", "read", "the", "FINANCIAL", "TIMES"});
  EXPECT_EQ(g->Lookup(w, 0, 0), 0);
  EXPECT_EQ(g->Lookup(w, 2, 2), kGazPlace);
  EXPECT_EQ(g->Lookup(w, 5, 6), kGazOrg);
}

TEST(GazetteerTest, PossessiveIsAWordOfItsOwn) {
  auto g = Gazetteer::Parse("PLACE\tPeople's Republic of China\n");
  ASSERT_TRUE(g.ok());
  auto w = Words({"People", "'s", "Republic", "of", "China"});
  EXPECT_EQ(g->Lookup(w, 0, 4), kGazPlace);
}

TEST(GazetteerTest, RejectsMalformedLines) {
  EXPECT_FALSE(Gazetteer::Parse("PLACE Paris\n").ok());
  EXPECT_FALSE(Gazetteer::Parse("CITY\tParis\n").ok());
  EXPECT_TRUE(Gazetteer::Parse("").ok());
}

TEST(GazetteerTest, BuildsSortedListFromTheLexicons) {
  auto text =
      Gazetteer::FromLexicons(std::string(HEARSAY_SOURCE_DIR) + "/lexicons");
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_NE(text->find("PLACE\tUnited States\n"), std::string::npos);
  // Leading articles are dropped: names are runs of proper nouns.
  EXPECT_EQ(text->find("\tthe "), std::string::npos);
  auto g = Gazetteer::Parse(*text);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  auto w = Words({"Reuters", "reported"});
  EXPECT_EQ(g->Lookup(w, 0, 0), kGazOrg);
  // First names are a kind of their own: evidence of a person.
  EXPECT_NE(text->find("GIVEN\tMelanie\n"), std::string::npos);
  auto melanie = Words({"Melanie", "will", "call"});
  EXPECT_EQ(g->Lookup(melanie, 0, 0), kGazGivenName);
  // Name words have the kind of the thing they name.
  auto cyclone = Words({"Cyclone", "Phailin", "near", "Mount", "Hood"});
  EXPECT_EQ(g->Lookup(cyclone, 0, 0), kGazMiscWord);
  EXPECT_EQ(g->Lookup(cyclone, 3, 3), kGazPlaceWord);
  EXPECT_FALSE(Gazetteer::FromLexicons("/nonexistent").ok());
}

// The recogniser carries the name lists it was trained with. If a lexicon
// changed since, the shipped ner.model no longer comes out of the command
// recorded in models/README.md, and the name lists the recogniser sees
// differ from the ones the extractor uses.
TEST(GazetteerTest, ShippedModelMatchesTheLexicons) {
  auto text =
      Gazetteer::FromLexicons(std::string(HEARSAY_SOURCE_DIR) + "/lexicons");
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  auto model =
      ModelFile::Open(std::string(HEARSAY_SOURCE_DIR) + "/models/ner.model");
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  auto shipped = model->Section("gaz");
  ASSERT_TRUE(shipped.ok()) << shipped.status().ToString();
  EXPECT_TRUE(*shipped == *text)
      << "models/ner.model was trained with other name lists than "
         "lexicons/ holds; retrain it with the command in models/README.md";
}

}  // namespace
}  // namespace hearsay::nlp
