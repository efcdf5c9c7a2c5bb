#include "extract/lexicons.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace hearsay {
namespace {

namespace fs = std::filesystem;

const Lexicons& Shipped() {
  static const Lexicons* lex = [] {
    Result<Lexicons> r = Lexicons::Load();
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? new Lexicons(std::move(*r)) : nullptr;
  }();
  return *lex;
}

// A fresh directory under the test's temp dir, removed on destruction.
class TempDir {
 public:
  explicit TempDir(const std::string& name)
      : path_(fs::path(::testing::TempDir()) / ("lexicons_test_" + name)) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  void Write(const std::string& file, const std::string& text) const {
    std::ofstream out(path_ / file, std::ios::binary);
    out << text;
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

TEST(LexiconsTest, EveryShippedFileLoadsWithRealContent) {
  const Lexicons& lex = Shipped();
  EXPECT_GE(lex.speech_verbs().size(), 300u);
  EXPECT_GE(lex.sourcing().size(), 100u);
  EXPECT_GE(lex.denial_cues().size(), 80u);
  EXPECT_GE(lex.hedges().size(), 60u);
  EXPECT_GE(lex.negation().size(), 15u);
  EXPECT_GE(lex.predicates().size(), 300u);
  EXPECT_GE(lex.roles().size(), 60u);
  EXPECT_GE(lex.nominals().size(), 40u);
  EXPECT_GE(lex.outlets().size(), 150u);
  EXPECT_GE(lex.organisations().size(), 300u);
  EXPECT_GE(lex.governments().size(), 100u);
  EXPECT_GE(lex.places().size(), 400u);
  for (int k = 0; k < kLexiconKindCount; ++k) {
    EXPECT_GT(lex.size(static_cast<LexiconKind>(k)), 0u)
        << LexiconFileName(static_cast<LexiconKind>(k));
  }
  EXPECT_EQ(LexiconFileName(LexiconKind::kDenialCue), "denial_cues.tsv");
}

TEST(LexiconsTest, VersionIsStableAndTracksContent) {
  const Lexicons& lex = Shipped();
  EXPECT_EQ(lex.version().size(), 16u);
  Result<Lexicons> again = Lexicons::Load();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->version(), lex.version());

  TempDir dir("version");
  dir.Write("hedges.tsv", "phrase\tmodality\nby all accounts\treported\n");
  Result<Lexicons> extended = Lexicons::Load({dir.path()});
  ASSERT_TRUE(extended.ok()) << extended.status().ToString();
  EXPECT_NE(extended->version(), lex.version());
}

TEST(LexiconsTest, AliasesResolveToCanonicalEntries) {
  const Lexicons& lex = Shipped();
  GazetteerHit us = lex.FindName("U.S.");
  ASSERT_TRUE(us);
  EXPECT_EQ(us.entry->name, "United States");
  EXPECT_EQ(us.entry->type, EntityType::kGpe);
  EXPECT_EQ(us.form, NameForm::kAlias);

  GazetteerHit ft = lex.FindName("FT");
  ASSERT_TRUE(ft);
  EXPECT_EQ(ft.entry->name, "Financial Times");
  EXPECT_EQ(ft.entry->type, EntityType::kOutlet);
  EXPECT_EQ(lex.FindName("the Financial Times").entry, ft.entry);

  GazetteerHit ford = lex.FindName("Ford Motor");
  ASSERT_TRUE(ford);
  EXPECT_EQ(ford.entry->name, "Ford");
  EXPECT_EQ(ford.entry->type, EntityType::kOrg);
  EXPECT_EQ(ford.entry->country, "United States");
  EXPECT_EQ(lex.FindName("Ford Motor Co.").entry, ford.entry);

  GazetteerHit biden = lex.FindName("Biden administration");
  ASSERT_TRUE(biden);
  EXPECT_EQ(biden.entry->type, EntityType::kGov);
  EXPECT_EQ(biden.entry->country, "United States");
  EXPECT_EQ(lex.FindName("Biden Administration").entry, biden.entry);

  GazetteerHit chinese = lex.FindName("Chinese");
  ASSERT_TRUE(chinese);
  EXPECT_EQ(chinese.entry->name, "China");
  EXPECT_EQ(chinese.form, NameForm::kDemonym);
  EXPECT_EQ(lex.FindName("American").entry->name, "United States");

  GazetteerHit su7 = lex.FindName("Xiaomi SU7");
  ASSERT_TRUE(su7);
  EXPECT_EQ(su7.entry->type, EntityType::kProduct);
  EXPECT_EQ(lex.FindName("Guardian").entry->name, "The Guardian");
  EXPECT_EQ(lex.FindName("Transatlantic Press").entry->type,
            EntityType::kOutlet);
}

TEST(LexiconsTest, ShortAcronymsNeedCapitals) {
  const Lexicons& lex = Shipped();
  EXPECT_TRUE(lex.FindName("US"));
  EXPECT_FALSE(lex.FindName("us"));
  EXPECT_FALSE(lex.FindName("Us"));
  EXPECT_FALSE(lex.FindName("who"));
  EXPECT_EQ(lex.FindName("WHO").entry->name, "World Health Organization");
  // Longer names are found whatever their case.
  EXPECT_EQ(lex.FindName("financial times").entry->name, "Financial Times");

  std::vector<TokenKey> lower = Lexicons::KeysOf("let us go");
  std::vector<PhraseMatch> hits;
  lex.Match(lower, 1, &hits, kGazetteerKinds);
  EXPECT_TRUE(hits.empty());
  std::vector<TokenKey> upper = Lexicons::KeysOf("the US market");
  lex.Match(upper, 1, &hits, kGazetteerKinds);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(lex.Gazetteer(hits[0])->name, "United States");
}

TEST(LexiconsTest, AmbiguousNamesListEveryReadingCanonicalNamesFirst) {
  const Lexicons& lex = Shipped();
  std::vector<GazetteerHit> hits = lex.FindNames("Washington");
  ASSERT_GE(hits.size(), 2u);
  EXPECT_EQ(hits[0].entry->type, EntityType::kGpe);  // the city
  bool government = false;
  for (const GazetteerHit& h : hits) {
    government |= h.entry->type == EntityType::kGov;
  }
  EXPECT_TRUE(government);
  EXPECT_EQ(lex.FindName("London").entry->type, EntityType::kGpe);
}

TEST(LexiconsTest, LongestPhraseComesFirst) {
  const Lexicons& lex = Shipped();
  std::vector<TokenKey> keys = Lexicons::KeysOf("declined to comment on it");
  keys[0] = TokenKey::Of("declined", "decline");
  std::vector<PhraseMatch> hits;
  lex.Match(
      keys, 0, &hits,
      KindBit(LexiconKind::kDenialCue) | KindBit(LexiconKind::kSpeechVerb));
  ASSERT_GE(hits.size(), 2u);
  EXPECT_EQ(hits[0].kind, LexiconKind::kDenialCue);
  EXPECT_EQ(hits[0].length, 3);
  EXPECT_EQ(lex.denial_cues()[hits[0].entry].stance, StanceHint::kNoComment);
  for (size_t i = 1; i < hits.size(); ++i) {
    EXPECT_LE(hits[i].length, hits[i - 1].length);
  }

  std::optional<PhraseMatch> jv =
      lex.Longest(Lexicons::KeysOf("a joint venture with Xiaomi"), 1,
                  LexiconKind::kPredicate);
  ASSERT_TRUE(jv);
  EXPECT_EQ(jv->length, 2);
  EXPECT_EQ(lex.predicates()[jv->entry].cls, "cooperate");
  EXPECT_EQ(lex.predicates()[jv->entry].family, "cooperate");

  std::optional<PhraseMatch> flat =
      lex.Longest(Lexicons::KeysOf("This story is completely false"), 3,
                  LexiconKind::kDenialCue);
  ASSERT_TRUE(flat);
  EXPECT_EQ(flat->length, 2);
  EXPECT_EQ(lex.denial_cues()[flat->entry].strength, Strength::kFlat);

  std::optional<PhraseMatch> plans =
      lex.Longest(Lexicons::KeysOf("it has no plans to collaborate"), 2,
                  LexiconKind::kDenialCue);
  ASSERT_TRUE(plans);
  EXPECT_EQ(plans->length, 3);
  EXPECT_EQ(lex.denial_cues()[plans->entry].strength, Strength::kQualified);

  EXPECT_FALSE(lex.Longest(Lexicons::KeysOf("it has no plans"), 99,
                           LexiconKind::kDenialCue));

  // "made up of" is listed as no cue, so that it outranks "made up".
  std::optional<PhraseMatch> made =
      lex.Longest(Lexicons::KeysOf("the way is made up of good will"), 3,
                  LexiconKind::kDenialCue);
  ASSERT_TRUE(made);
  EXPECT_EQ(made->length, 3);
  EXPECT_EQ(lex.denial_cues()[made->entry].stance, StanceHint::kNone);
}

TEST(LexiconsTest, MatchesByLemmaAndAcrossTypography) {
  const Lexicons& lex = Shipped();
  // "laid off" reaches "lay off" through the words' lemmas.
  std::vector<TokenKey> keys = {TokenKey::Of("laid", "lay"),
                                TokenKey::Of("off", "off"),
                                TokenKey::Of("workers", "worker")};
  std::optional<PhraseMatch> m = lex.Longest(keys, 0, LexiconKind::kPredicate);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->length, 2);
  EXPECT_EQ(lex.predicates()[m->entry].cls, "layoff");

  std::vector<TokenKey> said = {TokenKey::Of("Said", "say")};
  std::optional<PhraseMatch> s = lex.Longest(said, 0, LexiconKind::kSpeechVerb);
  ASSERT_TRUE(s);
  EXPECT_EQ(lex.speech_verbs()[s->entry].lemma, "say");

  // A typographic apostrophe and the UD split of "doesn't".
  std::vector<TokenKey> rumours = {TokenKey::Of("doesn\xE2\x80\x99t"),
                                   TokenKey::Of("comment"), TokenKey::Of("on"),
                                   TokenKey::Of("rumours")};
  EXPECT_TRUE(lex.Longest(rumours, 0, LexiconKind::kDenialCue));
  std::vector<TokenKey> split = Lexicons::KeysOf("doesn't comment on rumours");
  ASSERT_EQ(split.size(), 5u);  // does n't comment on rumours
  std::optional<PhraseMatch> d = lex.Longest(split, 0, LexiconKind::kDenialCue);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->length, 5);

  // Hyphenated words match whether or not the tokenizer split the hyphen.
  std::vector<TokenKey> tie = Lexicons::KeysOf("tie - up");
  EXPECT_TRUE(lex.Longest(tie, 0, LexiconKind::kPredicate));
  std::vector<TokenKey> tie_whole = {TokenKey::Of("tie\xE2\x80\x91up")};
  EXPECT_TRUE(lex.Longest(tie_whole, 0, LexiconKind::kPredicate));
}

TEST(LexiconsTest, CapitalisedEntriesMatchOnlyAsWrittenAndRankFirst) {
  const Lexicons& lex = Shipped();
  std::optional<PhraseMatch> rep = lex.Longest(
      Lexicons::KeysOf("Representative John Moolenaar"), 0, LexiconKind::kRole);
  ASSERT_TRUE(rep);
  EXPECT_TRUE(rep->cased);
  EXPECT_EQ(lex.roles()[rep->entry].kind, "legislature");
  EXPECT_EQ(lex.roles()[rep->entry].label_pattern, "{party} Representative");

  std::optional<PhraseMatch> company =
      lex.Longest(Lexicons::KeysOf("a representative for the company"), 1,
                  LexiconKind::kRole);
  ASSERT_TRUE(company);
  EXPECT_EQ(lex.roles()[company->entry].kind, "business");

  // "the House" is the chamber; "the house" is a house.
  EXPECT_TRUE(
      lex.Longest(Lexicons::KeysOf("the House"), 0, LexiconKind::kNominal));
  std::optional<PhraseMatch> house =
      lex.Longest(Lexicons::KeysOf("the house"), 0, LexiconKind::kNominal);
  EXPECT_TRUE(!house || house->length < 2);
}

TEST(LexiconsTest, SourcingPhrasesCarryAnonymityAndCounts) {
  const Lexicons& lex = Shipped();
  std::vector<TokenKey> keys =
      Lexicons::KeysOf("citing four anonymous sources");
  std::optional<PhraseMatch> cue = lex.Longest(keys, 0, LexiconKind::kSourcing);
  ASSERT_TRUE(cue);
  EXPECT_EQ(lex.sourcing()[cue->entry].kind, SourcingKind::kCue);
  std::optional<PhraseMatch> four =
      lex.Longest(keys, 1, LexiconKind::kSourcing);
  ASSERT_TRUE(four);
  EXPECT_EQ(lex.sourcing()[four->entry].kind, SourcingKind::kCount);
  EXPECT_EQ(lex.sourcing()[four->entry].count, 4);
  std::optional<PhraseMatch> anon =
      lex.Longest(keys, 2, LexiconKind::kSourcing);
  ASSERT_TRUE(anon);
  EXPECT_TRUE(lex.sourcing()[anon->entry].anonymous);
  std::optional<PhraseMatch> noun =
      lex.Longest(keys, 3, LexiconKind::kSourcing);
  ASSERT_TRUE(noun);
  EXPECT_EQ(lex.sourcing()[noun->entry].kind, SourcingKind::kSourceNoun);

  std::optional<PhraseMatch> person =
      lex.Longest(Lexicons::KeysOf("a person close to the company said"), 0,
                  LexiconKind::kSourcing);
  ASSERT_TRUE(person);
  EXPECT_EQ(person->length, 6);
  EXPECT_EQ(lex.sourcing()[person->entry].count, 1);
  EXPECT_TRUE(lex.sourcing()[person->entry].anonymous);
}

TEST(LexiconsTest, SeedArticleVocabularyIsCovered) {
  const Lexicons& lex = Shipped();
  auto has = [&](std::string_view phrase, LexiconKind kind) {
    std::vector<TokenKey> keys = Lexicons::KeysOf(phrase);
    std::optional<PhraseMatch> m = lex.Longest(keys, 0, kind);
    return m && m->length == keys.size();
  };
  EXPECT_TRUE(has("both companies", LexiconKind::kNominal));
  EXPECT_TRUE(has("both sides", LexiconKind::kNominal));
  EXPECT_TRUE(has("the company", LexiconKind::kNominal));
  EXPECT_TRUE(has("CEO", LexiconKind::kRole));
  EXPECT_TRUE(has("Representative", LexiconKind::kRole));
  EXPECT_TRUE(has("former President", LexiconKind::kRole));
  EXPECT_TRUE(has("reportedly", LexiconKind::kHedge));
  EXPECT_TRUE(has("potential", LexiconKind::kHedge));
  EXPECT_TRUE(has("no plans", LexiconKind::kNegation));
  EXPECT_TRUE(has("dismiss", LexiconKind::kSpeechVerb));
  EXPECT_TRUE(has("suggest", LexiconKind::kSpeechVerb));
  EXPECT_TRUE(has("warn", LexiconKind::kSpeechVerb));
  EXPECT_TRUE(has("blocking", LexiconKind::kPredicate) ||
              has("block", LexiconKind::kPredicate));
  EXPECT_TRUE(has("would welcome", LexiconKind::kPredicate));
  EXPECT_TRUE(has("praise", LexiconKind::kPredicate));
  EXPECT_TRUE(has("Financial Times", LexiconKind::kOutlet));
  EXPECT_TRUE(has("Xiaomi", LexiconKind::kOrganisation));
  EXPECT_TRUE(has("BYD", LexiconKind::kOrganisation));
  EXPECT_TRUE(has("Biden administration", LexiconKind::kGovernment));
  EXPECT_TRUE(has("the United States", LexiconKind::kPlace));

  std::optional<PhraseMatch> ceo =
      lex.Longest(Lexicons::KeysOf("CEO"), 0, LexiconKind::kRole);
  ASSERT_TRUE(ceo);
  EXPECT_EQ(lex.roles()[ceo->entry].label_pattern, "CEO of {org}");
  EXPECT_TRUE(lex.roles()[ceo->entry].speaks_for);

  std::optional<PhraseMatch> both =
      lex.Longest(Lexicons::KeysOf("Both companies"), 0, LexiconKind::kNominal);
  ASSERT_TRUE(both);
  EXPECT_EQ(lex.nominals()[both->entry].group, 2);

  const GazetteerEntry* ft = lex.FindOutletByDomain("www.ft.com");
  ASSERT_NE(ft, nullptr);
  EXPECT_EQ(ft->name, "Financial Times");
  EXPECT_EQ(lex.FindOutletByDomain("edition.cnn.com")->name, "CNN");
  EXPECT_EQ(lex.FindOutletByDomain("example.org"), nullptr);
}

// The gazetteers find every named entity of the seed article that
// ../shared/seed/expected.md lists, except the people.
TEST(LexiconsTest, GazetteersFindTheSeedArticlesEntities) {
  const char* shared = std::getenv("HEARSAY_SHARED");
  fs::path path = fs::path(shared ? shared : HEARSAY_SOURCE_DIR "/../shared") /
                  "seed" / "000_058170031afd2562.txt";
  std::ifstream in(path, std::ios::binary);
  if (!in) GTEST_SKIP() << "no seed article at " << path;
  std::string text((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  const Lexicons& lex = Shipped();
  std::vector<TokenKey> keys = Lexicons::KeysOf(text);
  std::set<std::string> found;
  std::vector<PhraseMatch> hits;
  for (size_t i = 0; i < keys.size(); ++i) {
    hits.clear();
    lex.Match(keys, i, &hits, kGazetteerKinds);
    if (!hits.empty()) found.insert(lex.Gazetteer(hits[0])->name);
  }
  for (const char* name :
       {"Ford", "Xiaomi", "BYD", "Financial Times", "Biden administration",
        "United States", "China", "Xiaomi SU7", "Washington"}) {
    EXPECT_TRUE(found.count(name)) << name;
  }
}

TEST(LexiconsTest, UserDirectoryAddsAndRemovesEntries) {
  TempDir dir("extend");
  dir.Write("organisations.tsv",
            "# my companies\n"
            "name\ttype\taliases\tcountry\tkind\n"
            "Acme Rockets\tORG\tAcme|ACR\tUnited States\trocket maker\n"
            "-Ford\n");
  dir.Write("denial_cues.tsv",
            "phrase\tstance\tstrength\n"
            "pure invention\tdeny\tflat\n"
            "-speculation\n"
            "-rumors\n");
  dir.Write("unrelated.txt", "ignored\n");
  Result<Lexicons> r = Lexicons::Load({dir.path()});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Lexicons& lex = *r;

  GazetteerHit acme = lex.FindName("ACR");
  ASSERT_TRUE(acme);
  EXPECT_EQ(acme.entry->name, "Acme Rockets");
  EXPECT_EQ(acme.entry->kinds, std::vector<std::string>{"rocket maker"});
  EXPECT_FALSE(lex.FindName("Ford"));
  EXPECT_FALSE(lex.FindName("Ford Motor"));
  EXPECT_TRUE(lex.FindName("Xiaomi"));
  EXPECT_EQ(lex.organisations().size(), Shipped().organisations().size());

  EXPECT_TRUE(lex.Longest(Lexicons::KeysOf("pure invention"), 0,
                          LexiconKind::kDenialCue));
  // "speculation" is gone; "pure speculation" (another row) stays.
  std::optional<PhraseMatch> spec =
      lex.Longest(Lexicons::KeysOf("speculation"), 0, LexiconKind::kDenialCue);
  EXPECT_FALSE(spec);
  EXPECT_TRUE(lex.Longest(Lexicons::KeysOf("pure speculation"), 0,
                          LexiconKind::kDenialCue));
  // Removing one spelling keeps the others of its row.
  EXPECT_FALSE(
      lex.Longest(Lexicons::KeysOf("rumors"), 0, LexiconKind::kDenialCue));
  EXPECT_TRUE(
      lex.Longest(Lexicons::KeysOf("rumours"), 0, LexiconKind::kDenialCue));
}

TEST(LexiconsTest, GivenNamesSayWhoHeAndSheCanBe) {
  EXPECT_EQ(Shipped().GenderOfGivenName("Lena"), 'f');
  EXPECT_EQ(Shipped().GenderOfGivenName("TOMAS"), 'm');
  EXPECT_EQ(Shipped().GenderOfGivenName("Alex"), 0);    // either
  EXPECT_EQ(Shipped().GenderOfGivenName("Harlow"), 0);  // not listed
  {
    TempDir dir("names");
    dir.Write("given_names.tsv", "name\tgender\nJordan\tf\nQuillon\tm\n");
    Result<Lexicons> r = Lexicons::Load({dir.path()});
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->GenderOfGivenName("jordan"), 'f');
    EXPECT_EQ(r->GenderOfGivenName("Quillon"), 'm');
    EXPECT_EQ(r->size(LexiconKind::kGivenName),
              Shipped().size(LexiconKind::kGivenName) + 2);
  }
  TempDir dir("bad_gender");
  dir.Write("given_names.tsv", "name\tgender\nJordan\tfemale\n");
  Result<Lexicons> r = Lexicons::Load({dir.path()});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("given_names.tsv:2"), std::string::npos)
      << r.status().message();
}

// Loading some kinds reads only their files: the others stay empty, and
// a broken user file of a kind not asked for is not read.
// A trigger that needs objects lists them; "cut" needs jobs or people.
TEST(LexiconsTest, PredicateObjectsAreRead) {
  TempDir dir("objects");
  dir.Write("predicates.tsv",
            "trigger\tpos\tclass\tobject\n"
            "haul\tverb\tbuild\tship|@number|!anchor\n");
  Result<Lexicons> r = Lexicons::Load({dir.path()});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::optional<PhraseMatch> haul =
      r->Longest(Lexicons::KeysOf("haul"), 0, LexiconKind::kPredicate);
  ASSERT_TRUE(haul);
  EXPECT_EQ(r->predicates()[haul->entry].objects,
            (std::vector<std::string>{"ship", "@number", "!anchor"}));
  std::optional<PhraseMatch> cut =
      r->Longest(Lexicons::KeysOf("cut"), 0, LexiconKind::kPredicate);
  ASSERT_TRUE(cut);
  const std::vector<std::string>& needs = r->predicates()[cut->entry].objects;
  EXPECT_NE(std::find(needs.begin(), needs.end(), "@people"), needs.end());
  std::optional<PhraseMatch> buy =
      r->Longest(Lexicons::KeysOf("buy"), 0, LexiconKind::kPredicate);
  ASSERT_TRUE(buy);
  EXPECT_TRUE(r->predicates()[buy->entry].objects.empty());
}

TEST(LexiconsTest, KindsLimitWhatIsLoaded) {
  TempDir dir("kinds");
  dir.Write("places.tsv", "name\ttype\n\tGPE\n");
  dir.Write("hedges.tsv",
            "phrase\tmodality\n"
            "word on the pier\treported\n");
  Result<Lexicons> r = Lexicons::Load(
      {.user_dir = dir.path(), .kinds = KindBit(LexiconKind::kHedge)});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->size(LexiconKind::kHedge),
            Shipped().size(LexiconKind::kHedge) + 1);
  EXPECT_TRUE(
      r->Longest(Lexicons::KeysOf("word on the pier"), 0, LexiconKind::kHedge));
  for (int k = 0; k < kLexiconKindCount; ++k) {
    auto kind = static_cast<LexiconKind>(k);
    if (kind == LexiconKind::kHedge) continue;
    EXPECT_EQ(r->size(kind), 0u) << LexiconFileName(kind);
  }
  EXPECT_NE(r->version(), Shipped().version());
  Result<Lexicons> places = Lexicons::Load(
      {.user_dir = dir.path(), .kinds = KindBit(LexiconKind::kPlace)});
  ASSERT_FALSE(places.ok());
  EXPECT_NE(places.status().message().find("places.tsv"), std::string::npos);
}

TEST(LexiconsTest, ErrorsNameFileAndLine) {
  {
    TempDir dir("bad_value");
    dir.Write(
        "hedges.tsv",
        "# a comment\nphrase\tmodality\nmaybe\thedged\nsurely\tcertain\n");
    Result<Lexicons> r = Lexicons::Load({dir.path()});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kDataLoss);
    EXPECT_EQ(r.status().message(),
              dir.path() +
                  "/hedges.tsv:4: modality 'certain' is not one of "
                  "reported, hedged, speculative, future");
  }
  {
    TempDir dir("bad_column");
    dir.Write("places.tsv", "name\ttype\tpopulation\nAtlantis\tGPE\t0\n");
    Result<Lexicons> r = Lexicons::Load({dir.path()});
    ASSERT_FALSE(r.ok());
    EXPECT_NE(
        r.status().message().find(dir.path() + "/places.tsv:1: unknown column "
                                               "'population'"),
        std::string::npos)
        << r.status().message();
  }
  {
    TempDir dir("no_key");
    dir.Write("roles.tsv", "label\tspeaks_for\nCEO\tyes\n");
    Result<Lexicons> r = Lexicons::Load({dir.path()});
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.status().message().find("roles.tsv:1: no column 'title'"),
              std::string::npos)
        << r.status().message();
  }
  {
    TempDir dir("bad_denial_stance");
    dir.Write("denial_cues.tsv", "phrase\tstance\tstrength\nnope\thedge\t-\n");
    Result<Lexicons> r = Lexicons::Load({dir.path()});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().message(),
              dir.path() +
                  "/denial_cues.tsv:2: stance 'hedge' is not one of deny, "
                  "confirm, no_comment, none");
  }
  {
    TempDir dir("bad_strength");
    dir.Write("denial_cues.tsv", "phrase\tstance\tstrength\n\nnope\tdeny\t-\n");
    Result<Lexicons> r = Lexicons::Load({dir.path()});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().message(),
              dir.path() +
                  "/denial_cues.tsv:3: a denial needs a strength "
                  "(flat or qualified)");
  }
  {
    TempDir dir("bad_object");
    dir.Write("predicates.tsv",
              "trigger\tpos\tclass\tobject\n"
              "haul\tverb\tbuild\tship|@things\n");
    Result<Lexicons> r = Lexicons::Load({dir.path()});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().message(),
              dir.path() +
                  "/predicates.tsv:2: object '@things' is not @people, "
                  "@money, @number, @person, @org or @none");
  }
  {
    TempDir dir("bad_utf8");
    dir.Write("nominals.tsv", "phrase\ttypes\nthe \xFF\tORG\n");
    Result<Lexicons> r = Lexicons::Load({dir.path()});
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.status().message().find("nominals.tsv:2: invalid UTF-8"),
              std::string::npos);
  }
  {
    TempDir dir("long_alias");
    std::string alias;
    for (int i = 0; i < 40; ++i) alias += "word ";
    dir.Write("outlets.tsv", "name\taliases\nShort\t" + alias + "\n");
    Result<Lexicons> r = Lexicons::Load({dir.path()});
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.status().message().find("outlets.tsv:2: 'word word"),
              std::string::npos)
        << r.status().message();
    EXPECT_NE(r.status().message().find("longer than 32 tokens"),
              std::string::npos);
  }
  Result<Lexicons> missing = Lexicons::Load({"/nonexistent/lexicons"});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

TEST(LexiconsTest, SplitPhraseFollowsUdTokenization) {
  EXPECT_EQ(Lexicons::SplitPhrase("didn't comment"),
            (std::vector<std::string>{"did", "n't", "comment"}));
  EXPECT_EQ(Lexicons::SplitPhrase("can't"),
            (std::vector<std::string>{"ca", "n't"}));
  EXPECT_EQ(Lexicons::SplitPhrase("the company's thinking"),
            (std::vector<std::string>{"the", "company", "'s", "thinking"}));
  EXPECT_EQ(Lexicons::SplitPhrase("  Ford   Motor Co. "),
            (std::vector<std::string>{"Ford", "Motor", "Co."}));
  EXPECT_EQ(Lexicons::SplitPhrase("lay-off"),
            (std::vector<std::string>{"lay", "-", "off"}));
  EXPECT_EQ(Lexicons::SplitPhrase("\xE2\x80\x9Cno plans,\xE2\x80\x9D"),
            (std::vector<std::string>{"\"", "no", "plans", ",", "\""}));
  EXPECT_TRUE(Lexicons::SplitPhrase("   ").empty());
}

TEST(LexiconsTest, SafeToQueryFromManyThreads) {
  const Lexicons& lex = Shipped();
  std::vector<TokenKey> keys = Lexicons::KeysOf(
      "people familiar with the matter said the Financial Times reported");
  std::vector<std::thread> threads;
  std::atomic<int> found{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      std::vector<PhraseMatch> hits;
      for (int n = 0; n < 500; ++n) {
        hits.clear();
        for (size_t i = 0; i < keys.size(); ++i) lex.Match(keys, i, &hits);
        if (lex.FindName("U.S.")) found.fetch_add(hits.empty() ? 0 : 1);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(found.load(), 2000);
}

}  // namespace
}  // namespace hearsay
