#include "ingest/language.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "hearsay/ingest.h"
#include "ingest/test_util.h"

namespace hearsay::ingest {
namespace {

// DetectLanguage() reads only a prefix of the text: for every sample
// article it must name the language that the first 64 KiB name.
TEST(DetectLanguageTest, PrefixNamesTheLanguageOfTheSampleArticles) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(HEARSAY_SOURCE_DIR) / "samples" / "news";
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  int documents = 0;
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    testing::ReadResult r = testing::ReadFromPath(e.path().string());
    for (const Document& d : r.docs) {
      ++documents;
      const std::string whole = DetectLanguage(d.text, 64 << 10);
      EXPECT_EQ(DetectLanguage(d.text), whole) << d.origin;
      EXPECT_EQ(whole, "en") << d.origin;
      if (d.language_detected) EXPECT_EQ(d.language, whole) << d.origin;
    }
  }
  EXPECT_GE(documents, 10);
}

TEST(DetectLanguageTest, LongTextAndCutInsideACharacter) {
  std::string text;
  while (text.size() < (100 << 10)) {
    text +=
        "Die Regierung hat am Montag neue Zölle auf Stahl angekündigt, "
        "nachdem die Gespräche mit den Handelspartnern gescheitert waren. ";
  }
  EXPECT_EQ(DetectLanguage(text), "de");
  // A limit that falls inside "ö" (two bytes) is cut back to its start.
  const size_t o = text.find("\xC3\xB6");
  ASSERT_NE(o, std::string::npos);
  EXPECT_EQ(DetectLanguage(text, o + 1), DetectLanguage(text.substr(0, o)));
  EXPECT_EQ(DetectLanguage(""), "");
}

}  // namespace
}  // namespace hearsay::ingest
