#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "core/csv.h"
#include "core/shared_data.h"
#include "hearsay/text.h"
#include "text/conllu.h"
#include "text/invariants.h"
#include "text/resources.h"
#include "text/segment_eval.h"

namespace hearsay {
namespace {

using ::testing::ElementsAre;

Segmentation SegmentChecked(std::string_view text) {
  Segmentation seg = Segmenter().Segment(text);
  Status s = CheckSegmentation(text, seg);
  EXPECT_TRUE(s.ok()) << s.ToString() << " in: " << text;
  return seg;
}

std::vector<std::string> Tokens(std::string_view text) {
  Segmentation seg = SegmentChecked(text);
  std::vector<std::string> out;
  for (const Token& t : seg.tokens) out.emplace_back(t.span.Slice(text));
  return out;
}

// Tokens with their words: "don't" -> "do|n't".
std::vector<std::string> Words(std::string_view text) {
  Segmentation seg = SegmentChecked(text);
  std::vector<std::string> out;
  for (const Token& t : seg.tokens) {
    std::string s;
    for (uint32_t k = 0; k < t.word_count; ++k) {
      const Word& w = seg.words[t.first_word + k];
      if (k) s += '|';
      s += w.form.empty() ? std::string(w.span.Slice(text)) : w.form;
    }
    out.push_back(s);
  }
  return out;
}

std::vector<std::string> Sentences(std::string_view text) {
  Segmentation seg = SegmentChecked(text);
  std::vector<std::string> out;
  for (const Sentence& s : seg.sentences) out.emplace_back(s.span.Slice(text));
  return out;
}

// --- sentences -----------------------------------------------------------

TEST(SentencesTest, SimpleFullStops) {
  EXPECT_THAT(
      Sentences("Ford denied it. Xiaomi said nothing! Why? Nobody knows."),
      ElementsAre("Ford denied it.", "Xiaomi said nothing!", "Why?",
                  "Nobody knows."));
}

TEST(SentencesTest, AbbreviationsDoNotEndSentences) {
  EXPECT_THAT(Sentences("Rep. John Smith and Sen. Jane Doe met Gov. Brown in "
                        "Jan. 2020 at Acme Inc. headquarters."),
              ElementsAre("Rep. John Smith and Sen. Jane Doe met Gov. Brown in "
                          "Jan. 2020 at Acme Inc. headquarters."));
  EXPECT_THAT(
      Sentences("Mr. Smith joined Acme Corp. last year. He left."),
      ElementsAre("Mr. Smith joined Acme Corp. last year.", "He left."));
  EXPECT_THAT(Sentences("It was ranked No. 1 by the U.S. government."),
              ElementsAre("It was ranked No. 1 by the U.S. government."));
}

TEST(SentencesTest, AStateAfterAPartyKeepsItsPeriod) {
  EXPECT_THAT(Sentences("Sen. Marco Rubio (R-Fla.) said no. Rep. Ann Lee, "
                        "D-Conn., said yes."),
              ElementsAre("Sen. Marco Rubio (R-Fla.) said no.",
                          "Rep. Ann Lee, D-Conn., said yes."));
  EXPECT_THAT(Tokens("(R-Fla.)"), ElementsAre("(", "R", "-", "Fla.", ")"));
  // Only an abbreviation: "X-Men." ends its sentence.
  EXPECT_THAT(Sentences("He met the X-Men. Then he left."),
              ElementsAre("He met the X-Men.", "Then he left."));
}

TEST(SentencesTest, AMiddleInitialEndsNoSentence) {
  EXPECT_THAT(Sentences("Vladimir V. Putin met Samuel A. Alito Jr. in May."),
              ElementsAre("Vladimir V. Putin met Samuel A. Alito Jr. in May."));
}

TEST(SentencesTest, AbbreviationAtSentenceEnd) {
  EXPECT_THAT(Sentences("He moved to the U.S. He works there."),
              ElementsAre("He moved to the U.S.", "He works there."));
}

TEST(SentencesTest, SentencesRunTogetherAtAPeriod) {
  EXPECT_THAT(
      Sentences("It was announced by the Hollywood Reporter.Christian "
                "Bale will star. Then it.The end came."),
      ElementsAre("It was announced by the Hollywood Reporter.",
                  "Christian Bale will star.", "Then it.", "The end came."));
  EXPECT_THAT(Tokens("Reporter.Christian"),
              ElementsAre("Reporter", ".", "Christian"));
  // Not an abbreviation, a domain, capitals or a single letter.
  EXPECT_THAT(Tokens("St.Louis"), ElementsAre("St.Louis"));
  EXPECT_THAT(Tokens("Amazon.Com"), ElementsAre("Amazon.Com"));
  EXPECT_THAT(Tokens("U.S.Army"), ElementsAre("U.S.Army"));
  EXPECT_THAT(Tokens("a.Mark"), ElementsAre("a.Mark"));
  EXPECT_THAT(Sentences("He lives in St.Louis now."),
              ElementsAre("He lives in St.Louis now."));
}

TEST(SentencesTest, TranscriptSpeakerLabel) {
  EXPECT_THAT(Sentences("\"HOST: Will it stay open?\n\n\"ANSELM: It will "
                        "stay open. Nobody asked me."),
              ElementsAre("\"HOST: Will it stay open?",
                          "\"ANSELM: It will stay open.", "Nobody asked me."));
}

TEST(SentencesTest, Initials) {
  EXPECT_THAT(Sentences("The book is by J. R. R. Tolkien and it is long."),
              ElementsAre("The book is by J. R. R. Tolkien and it is long."));
}

TEST(SentencesTest, Decimals) {
  EXPECT_THAT(
      Sentences("Sales rose 3.5 percent to $4.2 billion. Shares fell."),
      ElementsAre("Sales rose 3.5 percent to $4.2 billion.", "Shares fell."));
}

TEST(SentencesTest, Ellipsis) {
  EXPECT_THAT(
      Sentences("I waited... Then he came. Well… She left."),
      ElementsAre("I waited...", "Then he came.", "Well…", "She left."));
}

TEST(SentencesTest, ClosingQuotesAndBrackets) {
  EXPECT_THAT(
      Sentences("He said, “It is completely false.” Ford agreed."),
      ElementsAre("He said, “It is completely false.”", "Ford agreed."));
  EXPECT_THAT(Sentences("She left (for good.) Then he came."),
              ElementsAre("She left (for good.)", "Then he came."));
  EXPECT_THAT(Sentences("\"We have no plans.\" The company said so."),
              ElementsAre("\"We have no plans.\"", "The company said so."));
}

TEST(SentencesTest, QuotedWordsInsideASentenceDoNotEndIt) {
  EXPECT_THAT(
      Sentences("Reyl blasted Brenn as a “disgrace” Wednesday on The Morning "
                "Show. Brenn denounced him as \"reckless\" Sunday."),
      ElementsAre("Reyl blasted Brenn as a “disgrace” Wednesday on The "
                  "Morning Show.",
                  "Brenn denounced him as \"reckless\" Sunday."));
  EXPECT_THAT(
      Sentences("Reyl started out saying \"of course\" Harlow has the money."),
      ElementsAre(
          "Reyl started out saying \"of course\" Harlow has the money."));
  // A quote that ends with final punctuation may still end one.
  EXPECT_THAT(Sentences("He said “no.” Then he left."),
              ElementsAre("He said “no.”", "Then he left."));
}

TEST(SentencesTest, HeadlineWithoutFinalPunctuation) {
  std::string text =
      "Ford in talks with Xiaomi\n"
      "Ford Motor Co. has been in talks with Xiaomi about a joint venture in "
      "the "
      "United States, according to four people familiar with the matter, the\n"
      "newspaper reported on Friday. The companies declined to comment on it.";
  EXPECT_THAT(
      Sentences(text),
      ElementsAre("Ford in talks with Xiaomi",
                  "Ford Motor Co. has been in talks with Xiaomi about a "
                  "joint venture in the United States, according to four "
                  "people familiar with the matter, the\nnewspaper "
                  "reported on Friday.",
                  "The companies declined to comment on it."));
}

TEST(SentencesTest, HeadingParagraphStaysWhole) {
  EXPECT_THAT(Sentences("Both denied it.\n\nWhy This Matters: Geopolitics and "
                        "EV Dominance\n\nThe rapid denial underscores it."),
              ElementsAre("Both denied it.",
                          "Why This Matters: Geopolitics and EV Dominance",
                          "The rapid denial underscores it."));
}

TEST(SentencesTest, ListsAndLines) {
  EXPECT_THAT(
      Sentences("Key points:\n- prices rose\n- wages fell\n* jobs held"),
      ElementsAre("Key points:", "- prices rose", "- wages fell",
                  "* jobs held"));
}

TEST(SentencesTest, ParagraphsAreSeparatedByBlankLines) {
  std::string text = "First paragraph here\n\n  \nSecond one. Two sentences.\n";
  Segmentation seg = SegmentChecked(text);
  ASSERT_EQ(seg.paragraphs.size(), 2u);
  EXPECT_EQ(seg.paragraphs[0].Slice(text), "First paragraph here");
  EXPECT_EQ(seg.paragraphs[1].Slice(text), "Second one. Two sentences.");
  ASSERT_EQ(seg.sentences.size(), 3u);
  EXPECT_EQ(seg.sentences[0].paragraph, 0u);
  EXPECT_EQ(seg.sentences[2].paragraph, 1u);
}

TEST(SentencesTest, NewlineIsBoundaryOption) {
  SegmenterOptions o;
  o.newline_is_boundary = true;
  std::string text =
      "one sentence that wraps over the line and goes on and on\nand on";
  Segmentation seg = Segmenter(o).Segment(text);
  EXPECT_TRUE(CheckSegmentation(text, seg).ok());
  EXPECT_EQ(seg.sentences.size(), 2u);
}

TEST(SentencesTest, RulesOnlyWithoutModel) {
  SegmenterOptions o;
  o.use_model = false;
  std::string text = "Mr. Smith left. He said so.";
  Segmentation seg = Segmenter(o).Segment(text);
  EXPECT_TRUE(CheckSegmentation(text, seg).ok());
  ASSERT_EQ(seg.sentences.size(), 2u);
  EXPECT_EQ(seg.sentences[0].span.Slice(text), "Mr. Smith left.");
}

TEST(SentencesTest, TileTheTextInOrder) {
  std::string text = "A b. C d!  E f?\n\nG h \"i.\" J (k.) L";
  Segmentation seg = SegmentChecked(text);
  for (size_t i = 1; i < seg.sentences.size(); ++i) {
    EXPECT_LE(seg.sentences[i - 1].span.end, seg.sentences[i].span.begin);
  }
  EXPECT_EQ(seg.sentences.front().span.begin, 0u);
  EXPECT_EQ(seg.sentences.back().span.end, text.size());
}

// --- tokens --------------------------------------------------------------

TEST(TokensTest, Contractions) {
  EXPECT_THAT(Words("I don't know."), ElementsAre("I", "do|n't", "know", "."));
  EXPECT_THAT(Words("I'm sure we'll go"),
              ElementsAre("I|'m", "sure", "we|'ll", "go"));
  EXPECT_THAT(Words("can't won't"), ElementsAre("ca|n't", "wo|n't"));
  EXPECT_THAT(Words("they're, you've, he'd"),
              ElementsAre("they|'re", ",", "you|'ve", ",", "he|'d"));
  EXPECT_THAT(Words("don’t it’s"), ElementsAre("do|n’t", "it|’s"));
}

TEST(TokensTest, Possessives) {
  EXPECT_THAT(Words("Google's plan"), ElementsAre("Google|'s", "plan"));
  EXPECT_THAT(Words("the parents' car"),
              ElementsAre("the", "parents|'", "car"));
  EXPECT_THAT(Words("'quoted'"), ElementsAre("'", "quoted", "'"));
}

TEST(TokensTest, WordsWithoutApostrophe) {
  EXPECT_THAT(Words("gonna wanna gotta cannot"),
              ElementsAre("gon|na", "wan|na", "got|ta", "can|not"));
  EXPECT_THAT(Words("Gonna"), ElementsAre("Gon|na"));
}

TEST(TokensTest, Currency) {
  EXPECT_THAT(
      Tokens("$5 and $4.2 billion, 5%"),
      ElementsAre("$", "5", "and", "$", "4.2", "billion", ",", "5", "%"));
}

TEST(TokensTest, Numbers) {
  EXPECT_THAT(Tokens("1,000,000 3.5 9/11 10:30 713-853-3989"),
              ElementsAre("1,000,000", "3.5", "9/11", "10:30", "713-853-3989"));
  EXPECT_THAT(Tokens("1969-1970"), ElementsAre("1969", "-", "1970"));
}

TEST(TokensTest, Hyphens) {
  EXPECT_THAT(Tokens("a well-known co-worker"),
              ElementsAre("a", "well", "-", "known", "co-worker"));
  EXPECT_THAT(Tokens("e-mail non-profit"), ElementsAre("e-mail", "non-profit"));
  EXPECT_THAT(Tokens("wait -- what"), ElementsAre("wait", "--", "what"));
}

TEST(TokensTest, WebThingsStayWhole) {
  EXPECT_THAT(Tokens("See http://example.com/a?b=c, or www.ft.com."),
              ElementsAre("See", "http://example.com/a?b=c", ",", "or",
                          "www.ft.com", "."));
  EXPECT_THAT(Tokens("(mail john.doe@example.org)"),
              ElementsAre("(", "mail", "john.doe@example.org", ")"));
  EXPECT_THAT(Tokens("@FT #breaking :)"),
              ElementsAre("@FT", "#breaking", ":)"));
  EXPECT_THAT(Tokens("Amazon.com"), ElementsAre("Amazon.com"));
}

TEST(TokensTest, AbbreviationsKeepTheirPeriod) {
  EXPECT_THAT(Tokens("Dr. Smith of Acme Inc. met U.S. officials, e.g. him."),
              ElementsAre("Dr.", "Smith", "of", "Acme", "Inc.", "met", "U.S.",
                          "officials", ",", "e.g.", "him", "."));
  EXPECT_THAT(Tokens("He is No. 1. It is no."),
              ElementsAre("He", "is", "No.", "1", ".", "It", "is", "no", "."));
}

TEST(TokensTest, AnAbbreviationBeforeAHyphenKeepsItsPeriod) {
  // So that "U.S." is the name the gazetteer knows.
  EXPECT_THAT(Tokens("U.S.-China talks, a U.K.-based firm"),
              ElementsAre("U.S.", "-", "China", "talks", ",", "a", "U.K.", "-",
                          "based", "firm"));
  // Not a plain word before the hyphen.
  EXPECT_THAT(Tokens("the end.-"), ElementsAre("the", "end", ".", "-"));
}

TEST(TokensTest, Punctuation) {
  EXPECT_THAT(Tokens("Really?!? Yes... (no) \"x\" [y]; z:"),
              ElementsAre("Really", "?!?", "Yes", "...", "(", "no", ")", "\"",
                          "x", "\"", "[", "y", "]", ";", "z", ":"));
  EXPECT_THAT(Tokens("“Quote,” he said."),
              ElementsAre("“", "Quote", ",", "”", "he", "said", "."));
}

TEST(TokensTest, SpaceAfter) {
  std::string text = "Hi, you.";
  Segmentation seg = SegmentChecked(text);
  ASSERT_EQ(seg.tokens.size(), 4u);
  EXPECT_FALSE(seg.tokens[0].space_after);
  EXPECT_TRUE(seg.tokens[1].space_after);
  EXPECT_FALSE(seg.tokens[2].space_after);
}

TEST(TokensTest, MultiWordSpansAreSubranges) {
  std::string text = "We don't.";
  Segmentation seg = SegmentChecked(text);
  ASSERT_EQ(seg.tokens.size(), 3u);
  const Token& t = seg.tokens[1];
  ASSERT_EQ(t.word_count, 2u);
  EXPECT_EQ(seg.words[t.first_word].span, (Span{3, 5}));
  EXPECT_EQ(seg.words[t.first_word + 1].span, (Span{5, 8}));
  EXPECT_EQ(seg.words[t.first_word].token, 1u);
}

// --- robustness ----------------------------------------------------------

TEST(SegmenterTest, EmptyAndBlankInput) {
  EXPECT_TRUE(SegmentChecked("").tokens.empty());
  Segmentation seg = SegmentChecked(" \n\n\t \r\n");
  EXPECT_TRUE(seg.paragraphs.empty());
  EXPECT_TRUE(seg.sentences.empty());
}

TEST(SegmenterTest, InvalidUtf8SpansStayOnBoundaries) {
  std::string text = "Caf\xC3\xA9 \xFF\xFE bad \xE2\x80 cut. Next \xC3 one.";
  Segmentation seg = SegmentChecked(text);
  EXPECT_FALSE(seg.tokens.empty());
  EXPECT_EQ(seg.tokens[0].span.Slice(text), "Caf\xC3\xA9");
}

TEST(SegmenterTest, NfdInputStaysInOneToken) {
  std::string text = "Cafe\xCC\x81 au lait.";  // e + combining acute
  EXPECT_THAT(Tokens(text), ElementsAre("Cafe\xCC\x81", "au", "lait", "."));
}

TEST(SegmenterTest, UnicodeSpacesSeparateTokens) {
  std::string text =
      "10\xC2\xA0"
      "km and\xE2\x80\x83more";  // NBSP, em space
  EXPECT_THAT(Tokens(text), ElementsAre("10", "km", "and", "more"));
}

TEST(SegmenterTest, RandomBytesKeepInvariants) {
  std::mt19937 rng(7);
  const std::string alphabet[] = {"a",
                                  "B",
                                  " ",
                                  "\n",
                                  ".",
                                  "'",
                                  "\"",
                                  "-",
                                  "$",
                                  "1",
                                  ",",
                                  "\xC3\xA9",
                                  "\xE2\x80\x99",
                                  "\xFF",
                                  "\xE2\x80",
                                  "(",
                                  ")",
                                  "?",
                                  "@",
                                  "#",
                                  "/",
                                  ":",
                                  "\xCC\x81",
                                  "\xC2\xA0",
                                  "U.S.",
                                  "n't",
                                  "http://"};
  Segmenter segmenter;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    int n = static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) text += alphabet[rng() % std::size(alphabet)];
    Segmentation seg = segmenter.Segment(text);
    Status s = CheckSegmentation(text, seg);
    ASSERT_TRUE(s.ok()) << s.ToString() << " in: " << text;
  }
}

// Segment(text, &out) overwrites the words `out` already holds: a
// Segmentation reused across documents, longer and shorter, with forms set
// by its previous user, ends up as a fresh one would.
TEST(SegmenterTest, ReusedSegmentationEqualsAFreshOne) {
  const std::string texts[] = {
      "Don't go. She said \"gonna\" twice, and the U.S. agreed.\n\nNew "
      "paragraph here.",
      "Short one.",
      "",
      "A longer text than the last: it's got more words, Google's shares "
      "and 1,000 tokens (or so) at 5pm.",
  };
  Segmenter segmenter;
  Segmentation reused;
  for (const std::string& text : texts) {
    for (Word& w : reused.words) w.form = "stale";
    segmenter.Segment(text, &reused);
    Segmentation fresh = segmenter.Segment(text);
    ASSERT_EQ(reused.words.size(), fresh.words.size()) << text;
    for (size_t i = 0; i < fresh.words.size(); ++i) {
      EXPECT_EQ(reused.words[i].span, fresh.words[i].span) << text;
      EXPECT_EQ(reused.words[i].token, fresh.words[i].token) << text;
      EXPECT_EQ(reused.words[i].form, fresh.words[i].form) << text;
    }
    ASSERT_EQ(reused.tokens.size(), fresh.tokens.size()) << text;
    for (size_t i = 0; i < fresh.tokens.size(); ++i) {
      EXPECT_EQ(reused.tokens[i].span, fresh.tokens[i].span) << text;
      EXPECT_EQ(reused.tokens[i].first_word, fresh.tokens[i].first_word);
      EXPECT_EQ(reused.tokens[i].word_count, fresh.tokens[i].word_count);
    }
    EXPECT_EQ(reused.sentences.size(), fresh.sentences.size()) << text;
  }
}

TEST(SegmenterTest, UserLexiconDirectory) {
  SegmenterOptions o;
  o.lexicon_dir = "/nonexistent-hearsay-dir";
  // Missing files are not an error: the directory only adds entries.
  Result<Segmenter> seg = Segmenter::Create(o);
  EXPECT_TRUE(seg.ok());
}

// The tokenizer's fast path (a word of ASCII letters or digits, alone or
// before one punctuation mark) must tokenize exactly as its general path
// does: compared on every FNC-1 body and UD English dev document, and on
// texts written to reach the fast path's edges.
bool SameSegmentation(std::string_view text, std::string* why) {
  const text_internal::Resources& r = *text_internal::DefaultResources();
  Segmentation fast, general;
  text_internal::SegmentWith(r, {}, true, text, &fast);
  text_internal::SegmentWith(r, {}, false, text, &general);
  auto span = [&](Span s) { return std::string(s.Slice(text)); };
  for (size_t i = 0; i < std::min(fast.tokens.size(), general.tokens.size());
       ++i) {
    const Token& a = fast.tokens[i];
    const Token& b = general.tokens[i];
    if (a.span != b.span || a.word_count != b.word_count ||
        a.space_after != b.space_after) {
      *why = "token " + std::to_string(i) + ": \"" + span(a.span) + "\" vs \"" +
             span(b.span) + "\"";
      return false;
    }
  }
  if (fast.tokens.size() != general.tokens.size()) {
    *why = "token counts differ";
    return false;
  }
  for (size_t i = 0; i < fast.words.size() && i < general.words.size(); ++i) {
    const Word& a = fast.words[i];
    const Word& b = general.words[i];
    if (a.span != b.span || a.token != b.token || a.form != b.form) {
      *why = "word " + std::to_string(i) + ": \"" + span(a.span) + "\" vs \"" +
             span(b.span) + "\"";
      return false;
    }
  }
  if (fast.words.size() != general.words.size()) {
    *why = "word counts differ";
    return false;
  }
  for (size_t i = 0; i < fast.sentences.size(); ++i) {
    if (i >= general.sentences.size() ||
        fast.sentences[i].span != general.sentences[i].span) {
      *why = "sentence " + std::to_string(i) + " differs";
      return false;
    }
  }
  if (fast.sentences.size() != general.sentences.size()) {
    *why = "sentence counts differ";
    return false;
  }
  return true;
}

TEST(TokenizerFastPathTest, MatchesTheGeneralPathAtItsEdges) {
  const char* texts[] = {
      "Ford said no. Inc. Corp. U.S. J. Smith, No. 5 and no. 5 ended.",
      "gonna Gonna GONNA cannot dont can't 5pm 10:30 3.5 1,000 $5 co-op",
      "end, end; end: end? end! end. end.. end... a b c",
      "word\tword\nword  word\r\nword",
      "Mr. Smith met Dr. Jones on Jan. 5 at No. 10 Downing St. in the U.K.",
      "abcdefghijklmnop, abcdefgh. abcdefg! 12345678901234567890?",
  };
  for (const char* t : texts) {
    std::string why;
    EXPECT_TRUE(SameSegmentation(t, &why)) << why << " in: " << t;
  }
}

TEST(TokenizerFastPathTest, MatchesTheGeneralPathOnRealNews) {
  const std::string shared = SharedDir();
  if (!std::filesystem::exists(shared + "/data")) {
    GTEST_SKIP() << "no data at " << shared
                 << " (set HEARSAY_SHARED to the shared data folder)";
  }
  std::vector<std::string> texts;
  Result<CsvTable> bodies =
      CsvTable::ReadFile(shared + "/data/fnc1/train_bodies.csv");
  ASSERT_TRUE(bodies.ok()) << bodies.status().ToString();
  const int column = bodies->ColumnIndex("articleBody");
  ASSERT_GE(column, 0);
  for (size_t r = 0; r < bodies->rows(); ++r) {
    texts.emplace_back(bodies->Cell(r, column));
  }
  for (const char* f : {"/data/ud/en_ewt-ud-dev.conllu",
                        "/data/ud/en_gum-ccby-ud-dev.conllu"}) {
    Result<std::vector<conllu::Sentence>> gold = conllu::ReadFile(shared + f);
    ASSERT_TRUE(gold.ok()) << gold.status().ToString();
    for (GoldDocument& d : RebuildText(*gold))
      texts.push_back(std::move(d.text));
  }
  ASSERT_GT(texts.size(), 1000u);
  for (size_t i = 0; i < texts.size(); ++i) {
    std::string why;
    ASSERT_TRUE(SameSegmentation(texts[i], &why))
        << "text " << i << ": " << why;
  }
}

}  // namespace
}  // namespace hearsay
