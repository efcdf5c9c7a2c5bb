#include "nlp/ner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/shared_data.h"
#include "nlp/model_file.h"
#include "nlp/parser.h"
#include "nlp/word_classes.h"

namespace hearsay::nlp {
namespace {

TEST(NerTest, AgreeTypesTakesTheMajorityAndTiesKeepTheirOwn) {
  std::vector<uint64_t> keys = {7, 7, 7, 9, 9, 4};
  std::vector<int> types = {0, 2, 2, 1, 3, 3};
  AgreeTypes(keys, types);
  EXPECT_EQ(types, (std::vector<int>{2, 2, 2, 1, 3, 3}));
  uint64_t forms[] = {11, 12, 11, 12};
  EXPECT_EQ(NameKey(forms, 0, 1), NameKey(forms, 2, 3));
  EXPECT_NE(NameKey(forms, 0, 1), NameKey(forms, 1, 2));
  EXPECT_NE(NameKey(forms, 0, 0), NameKey(forms, 0, 1));
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Feature set 2 travels in the model file: the classes it was trained with,
// the set's number and the agreement flag; the model loads, finds names in
// what it learned from, and training it again gives the same bytes.
TEST(NerTest, WordClassesAreStoredAndUsed) {
  std::string data = SharedDir() + "/data/ud/en_gum-ccby-ud-dev.conllu";
  auto sentences = conllu::ReadFile(data);
  if (!sentences.ok()) GTEST_SKIP() << "no shared data at " << data;
  std::vector<conllu::Sentence> train(sentences->begin(),
                                      sentences->begin() + 400);
  WordClassCorpus corpus;
  for (const auto& s : train) corpus.AddSentence(Forms(s));
  WordClassOptions wo;
  wo.classes = {30, 8};
  auto classes = WordClasses::Train(corpus, wo);
  ASSERT_TRUE(classes.ok()) << classes.status().ToString();
  std::string dir = ::testing::TempDir();
  std::string classes_path = dir + "/ner_test_classes.tsv";
  ASSERT_TRUE(WriteFileAtomically(classes_path, classes->ToText()).ok());

  TrainOptions o;
  o.epochs = 4;
  o.clusters = classes_path;
  o.agree_types = true;
  std::string paths[3] = {dir + "/ner_test_a.model", dir + "/ner_test_b.model",
                          dir + "/ner_test_plain.model"};
  ASSERT_TRUE(Recognizer::Train(train, train, o, paths[0]).ok());
  ASSERT_TRUE(Recognizer::Train(train, train, o, paths[1]).ok());
  EXPECT_EQ(Slurp(paths[0]), Slurp(paths[1]));
  TrainOptions plain;
  plain.epochs = 4;
  ASSERT_TRUE(Recognizer::Train(train, train, plain, paths[2]).ok());

  auto file = ModelFile::Open(paths[0]);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(*file->Section("features"), "2");
  EXPECT_EQ(*file->Section("agree"), "1");
  EXPECT_EQ(*file->Section("clusters"), classes->ToText());
  auto plain_file = ModelFile::Open(paths[2]);
  ASSERT_TRUE(plain_file.ok());
  EXPECT_FALSE(plain_file->Has("features"));
  EXPECT_FALSE(plain_file->Has("clusters"));
  EXPECT_FALSE(plain_file->Has("agree"));

  auto r = Recognizer::Load(paths[0]);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->agrees_types());
  // The same bytes from memory (as the model-file fuzzer loads them) give
  // the same recogniser.
  auto in_memory = Recognizer::FromBytes(
      std::make_shared<const std::string>(Slurp(paths[0])));
  ASSERT_TRUE(in_memory.ok()) << in_memory.status().ToString();
  EXPECT_TRUE(in_memory->agrees_types());
  auto r_plain = Recognizer::Load(paths[2]);
  ASSERT_TRUE(r_plain.ok());
  EXPECT_FALSE(r_plain->agrees_types());
  size_t tp = 0, gold = 0, found = 0;
  std::vector<WordFeatures> words;
  std::vector<Name> names, names_in_memory;
  size_t differ = 0;
  for (const auto& s : train) {
    ComputeWordFeatures(Forms(s), words);
    std::vector<uint64_t> upos, tags, rels;
    std::vector<char> propn;
    std::vector<int> heads;
    for (const auto& w : s.words) {
      upos.push_back(StringHash(w.upos));
      tags.push_back(TagValue(w.upos, w.xpos));
      propn.push_back(w.upos == "PROPN");
      heads.push_back(w.head);
      rels.push_back(StringHash(w.deprel));
    }
    r->Recognize({&words, &upos, &tags, &propn, &heads, &rels}, names);
    in_memory->Recognize({&words, &upos, &tags, &propn, &heads, &rels},
                         names_in_memory);
    differ += names != names_in_memory;
    std::vector<Name> g = GoldNames(s);
    gold += g.size();
    found += names.size();
    for (const Name& n : names) tp += std::binary_search(g.begin(), g.end(), n);
  }
  ASSERT_GT(gold, 50u);
  EXPECT_GT(2.0 * tp / (gold + found), 0.8);
  EXPECT_EQ(differ, 0u);

  // A feature set this build does not know, or set 2 without its classes,
  // is refused rather than scored with the wrong features.
  for (std::string_view features : {"9", "2"}) {
    ModelWriter w;
    for (const char* name : {"kind", "w.meta", "w.slots", "w.pairs"}) {
      w.Add(name, std::string(*plain_file->Section(name)));
    }
    w.Add("features", std::string(features));
    std::string bad = dir + "/ner_test_bad.model";
    ASSERT_TRUE(w.WriteFile(bad).ok());
    EXPECT_FALSE(Recognizer::Load(bad).ok()) << features;
    EXPECT_FALSE(Recognizer::FromBytes(
                     std::make_shared<const std::string>(w.Serialize()))
                     .ok())
        << features;
    std::remove(bad.c_str());
  }
  for (const std::string& p : paths) std::remove(p.c_str());
  std::remove(classes_path.c_str());
}

}  // namespace
}  // namespace hearsay::nlp
