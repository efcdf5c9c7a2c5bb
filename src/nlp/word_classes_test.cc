#include "nlp/word_classes.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace hearsay::nlp {
namespace {

// Determiner, noun, verb sentences: the nouns share every context, and so
// do the verbs and the determiners.
WordClassCorpus Toy() {
  WordClassCorpus corpus;
  const std::vector<std::string_view> dets = {"the", "a", "this"};
  const std::vector<std::string_view> nouns = {"cat", "dog", "cow", "hen"};
  const std::vector<std::string_view> verbs = {"sat", "ran", "ate"};
  for (int rep = 0; rep < 3; ++rep) {
    for (auto d : dets) {
      for (auto n : nouns) {
        for (auto v : verbs) corpus.AddSentence({d, n, v});
      }
    }
  }
  corpus.AddSentence({"zebra"});  // seen once: below min_count
  return corpus;
}

TEST(WordClassesTest, WordsWithTheSameContextsShareAClass) {
  WordClassOptions o;
  o.classes = {4, 2};
  o.min_count = 2;
  auto wc = WordClasses::Train(Toy(), o);
  ASSERT_TRUE(wc.ok()) << wc.status().ToString();
  EXPECT_EQ(wc->levels(), 2);
  EXPECT_EQ(wc->size(), 10u);
  EXPECT_EQ(wc->Find("zebra"), nullptr);
  auto cls = [&](std::string_view w) {
    const WordClasses::Ids* ids = wc->Find(w);
    EXPECT_NE(ids, nullptr) << w;
    return ids ? (*ids)[0] : -1;
  };
  EXPECT_EQ(cls("cat"), cls("dog"));
  EXPECT_EQ(cls("cat"), cls("cow"));
  EXPECT_EQ(cls("cat"), cls("hen"));
  EXPECT_EQ(cls("sat"), cls("ran"));
  EXPECT_EQ(cls("sat"), cls("ate"));
  EXPECT_EQ(cls("the"), cls("a"));
  EXPECT_EQ(cls("the"), cls("this"));
  EXPECT_NE(cls("cat"), cls("sat"));
  EXPECT_NE(cls("cat"), cls("the"));
  EXPECT_NE(cls("the"), cls("sat"));
  // Unknown capitalisations fall back to the lower-cased word.
  EXPECT_EQ(cls("CAT"), cls("cat"));
  // Each coarser level merges whole classes of the level below.
  for (std::string_view a : {"cat", "sat", "the"}) {
    for (std::string_view b : {"dog", "ran", "a"}) {
      if ((*wc->Find(a))[0] == (*wc->Find(b))[0]) {
        EXPECT_EQ((*wc->Find(a))[1], (*wc->Find(b))[1]);
      }
    }
  }
}

TEST(WordClassesTest, DeterministicAndRoundTrips) {
  WordClassOptions o;
  o.classes = {5, 3, 2};
  auto a = WordClasses::Train(Toy(), o);
  auto b = WordClasses::Train(Toy(), o);
  ASSERT_TRUE(a.ok() && b.ok());
  std::string text = a->ToText();
  EXPECT_EQ(text, b->ToText());
  EXPECT_EQ(text.substr(0, text.find('\n')), "# hearsay word classes\t5\t3\t2");
  auto parsed = WordClasses::Parse(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->ToText(), text);
  EXPECT_EQ(*parsed->Find("cow"), *a->Find("cow"));
}

TEST(WordClassesTest, RejectsBadInput) {
  WordClassOptions o;
  o.classes = {4, 8};  // a coarser level must have fewer classes
  EXPECT_FALSE(WordClasses::Train(Toy(), o).ok());
  o.classes = {400};  // more classes than words
  EXPECT_FALSE(WordClasses::Train(Toy(), o).ok());
  EXPECT_FALSE(WordClasses::Parse("").ok());
  EXPECT_FALSE(WordClasses::Parse("cat\t3\t1\n").ok());
  EXPECT_FALSE(
      WordClasses::Parse("# hearsay word classes\t4\ncat\t3\t9\n").ok());
  EXPECT_FALSE(WordClasses::Parse("# hearsay word classes\t4\ncat\t3\n").ok());
  EXPECT_TRUE(
      WordClasses::Parse("# hearsay word classes\t4\ncat\t3\t1\n").ok());
}

}  // namespace
}  // namespace hearsay::nlp
