// Unit tests of the ledger: the pure algorithms (time, SimHash, linking,
// status replay, Beta intervals, track records) and the store on the
// hand-written stories in tests/data/ledger/, with SQLite and — on a
// throwaway server that the test starts (tests/ledger/pg_server.sh) —
// PostgreSQL.
#include "hearsay/ledger.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "extract/extraction_json.h"
#include "hearsay/ingest.h"
#include "ledger/lifecycle.h"
#include "ledger/linking.h"
#include "ledger/postgres_db.h"
#include "ledger/query.h"
#include "ledger/schema.h"
#include "ledger/simhash.h"
#include "ledger/sqlite_db.h"
#include "ledger/time.h"
#include "ledger/track_record.h"

namespace hearsay::ledger {
namespace {

// ------------------------------------------------------------ pure parts

TEST(Time, ParsesIsoForms) {
  EXPECT_EQ(*ParseTime("1970-01-02"), 86400);
  EXPECT_EQ(*ParseTime("2026-03-02T06:00:00Z"), *ParseTime("2026-03-02 06:00"));
  EXPECT_EQ(*ParseTime("2026-03-02T07:00:00+01:00"),
            *ParseTime("2026-03-02T06:00:00Z"));
  EXPECT_EQ(*ParseTime("2026-03-02T06:00:00.250Z"),
            *ParseTime("2026-03-02T06:00:00Z"));
  EXPECT_FALSE(ParseTime("").has_value());
  EXPECT_FALSE(ParseTime("yesterday").has_value());
  EXPECT_FALSE(ParseTime("2026-13-01").has_value());
  EXPECT_EQ(FormatTime(*ParseTime("2026-02-28T23:59:59Z")),
            "2026-02-28T23:59:59Z");
  EXPECT_EQ(FormatTime(0), "1970-01-01T00:00:00Z");
}

const char kWire[] =
    "Indonesia will impose import tariffs of up to 18% on ceramic tableware "
    "from September to protect local manufacturers, the trade ministry said "
    "on Tuesday. The duties will apply to plates, bowls and cups from all "
    "countries and will run for three years.";

TEST(SimHash, CopiesAreCloseAndOthersFar) {
  std::string wire = kWire;
  std::string edited = wire;
  edited.replace(edited.find("18%"), 3, "18 pct");
  std::string other =
      "Harlow Motors is in talks with Quillon about a joint venture to build "
      "electric vehicles in the United States, according to four people "
      "familiar with the matter; the talks are at an early stage.";
  EXPECT_EQ(SimHash(wire), SimHash(wire));
  EXPECT_LE(HammingDistance(SimHash(wire), SimHash(edited)), 3);
  EXPECT_GT(HammingDistance(SimHash(wire), SimHash(other)), 10);
  EXPECT_EQ(SimHash("too short to fingerprint"), 0u);
}

// Sample story 6 (samples/news): the wire story as the agency sent it, and
// the copy The Meridian Ledger ran with its last paragraph cut (6e). The
// SimHash of ledger schema 2 put them 4 bits apart, one more than its
// threshold, so the copy counted as a second independent source.
const char kWireParagraphs[] =
    "Indonesia will impose import tariffs of up to 18% on ceramic tableware "
    "from Oct. 1, the trade ministry said on Tuesday, after an investigation "
    "found that a surge in cheap imports had hurt domestic producers.\n\n"
    "The tariffs, which will apply to plates, bowls, cups and serving dishes "
    "from all countries, will run for three years and decline each year, "
    "Trade Minister Hendra Wirawan said in a statement.\n\n"
    "\"Our ceramics industry employs hundreds of thousands of people, many of "
    "them in small workshops, and it cannot compete with goods sold below "
    "cost,\" Wirawan said.\n\n"
    "Imports of ceramic tableware tripled between 2023 and 2025, according "
    "to the ministry, while the output of local factories fell by a fifth "
    "over the same period.\n\n"
    "The Ceramic Tableware Producers Association welcomed the decision, "
    "saying it would protect jobs in West Java and Central Java.\n\n"
    "The Jakarta Importers Forum criticised the tariffs, saying they would "
    "raise prices for hotels and restaurants that are still recovering.\n\n"
    "Indonesia imposed similar safeguard duties on imported steel and "
    "textiles in recent years, and trading partners have challenged some of "
    "them at the World Trade Organization.";

TEST(Syndication, TrimmedCopiesAreCopies) {
  const std::string wire = kWireParagraphs;
  const std::string trimmed = wire.substr(0, wire.rfind("\n\n"));
  const std::string signed_off =
      trimmed + "\n\nReporting by Dewi Anggraini; Editing by Mark Holloway";
  std::string pct = wire;
  pct.replace(pct.find("18%"), 3, "18 pct");

  std::vector<uint64_t> a = Shingles(wire);
  ASSERT_FALSE(a.empty());
  EXPECT_TRUE(CompareShingles(a, Shingles(wire)).copy);
  EXPECT_TRUE(CompareShingles(a, Shingles(pct)).copy);
  CopyScore cut = CompareShingles(a, Shingles(trimmed));
  EXPECT_TRUE(cut.copy);
  EXPECT_DOUBLE_EQ(cut.containment, 1.0);
  EXPECT_TRUE(CompareShingles(a, Shingles(signed_off)).copy);
  EXPECT_TRUE(CompareShingles(Shingles(trimmed), Shingles(signed_off)).copy);
  // Cut to its first two paragraphs (a third of it), still the story...
  std::string two = wire.substr(0, wire.find("\n\n", wire.find("\n\n") + 2));
  EXPECT_TRUE(CompareShingles(a, Shingles(two)).copy);
  // ... but its lead alone, in an article of other words, is a quote.
  std::string lead = wire.substr(0, wire.find("\n\n")) +
                     " Analysts said the move was widely expected and would "
                     "do little to slow imports from China, which already "
                     "face duties on steel, textiles and footwear, while "
                     "hotels and restaurants would pay more for plates.";
  EXPECT_FALSE(CompareShingles(a, Shingles(lead)).copy);

  // The copies share enough MinHash values to be found by the index.
  auto shared = [](const std::vector<uint64_t>& x,
                   const std::vector<uint64_t>& y) {
    auto mx = MinHashes(x), my = MinHashes(y);
    int n = 0;
    for (int i = 0; i < kMinHashes; ++i) n += mx[i] == my[i];
    return n;
  };
  EXPECT_GE(shared(a, Shingles(trimmed)), kMinHashCandidate);
  EXPECT_GE(shared(a, Shingles(signed_off)), kMinHashCandidate);
  EXPECT_GE(shared(a, Shingles(pct)), kMinHashCandidate);
  EXPECT_EQ(MinHashes(a), MinHashes(Shingles(wire)));
  Fingerprint print = FingerprintOf(wire);
  EXPECT_EQ(print.simhash, SimHash(wire));
  EXPECT_EQ(print.shingles, a);
  EXPECT_TRUE(Shingles("too short to fingerprint").empty());
  EXPECT_EQ(MinHashes({})[0], 0);
}

TEST(Syndication, DifferentArticlesOnOneStoryAreNotCopies) {
  // Another outlet's own article on the same announcement: the same facts
  // and a shared quote, other words.
  const std::string own =
      "Jakarta on Tuesday announced safeguard duties of up to 18% on "
      "imported ceramic tableware, the latest in a string of measures to "
      "shield Indonesian manufacturers from Chinese competition. The duties "
      "take effect on Oct. 1 and fall each year for three years. \"Our "
      "ceramics industry employs hundreds of thousands of people, many of "
      "them in small workshops, and it cannot compete with goods sold below "
      "cost,\" Trade Minister Hendra Wirawan said. Importers said hotels "
      "would pay more for plates and cups, and analysts expect China to "
      "raise the matter at the World Trade Organization.";
  CopyScore s = CompareShingles(Shingles(kWireParagraphs), Shingles(own));
  EXPECT_FALSE(s.copy);
  EXPECT_LT(s.jaccard, 0.2);
  // Two unrelated long articles: SimHash over single words drifts towards
  // the same bits on long English texts; shingles do not.
  EXPECT_LT(CompareShingles(Shingles(kWireParagraphs), Shingles(kWire)).jaccard,
            0.1);
}

TEST(Linking, KeyLinksUnlessFarApartInTime) {
  LinkFeatures a{
      "k", "cooperate",           "united states",
      0,   {"harlow", "quillon"}, ContentWords("Harlow and Quillon in talks")};
  LinkFeatures b = a;
  b.words = ContentWords("Quillon has no plans to work with Harlow");
  EXPECT_TRUE(ScoreLink(a, b).link);
  b.time = kLinkTimeWindowSeconds + 1;
  EXPECT_FALSE(ScoreLink(a, b).link);
  b.time = 0;
  b.location = "germany";
  EXPECT_FALSE(ScoreLink(a, b).link);
}

std::string Family(std::string_view predicate) {
  Result<const PredicateFamilies*> f = PredicateFamilies::Shipped();
  EXPECT_TRUE(f.ok()) << f.status().ToString();
  return f.ok() ? (*f)->Of(predicate) : "";
}

TEST(Linking, WithoutKeyNeedsFamilyPartiesAndWording) {
  LinkFeatures a{"k1",
                 "cooperate",
                 "",
                 0,
                 {"harlow", "quillon"},
                 ContentWords("Harlow and Quillon discuss an EV venture")};
  LinkFeatures b{"k2",
                 Family("negotiate"),
                 "",
                 86400,
                 {"harlow", "quillon"},
                 ContentWords("Harlow and Quillon discuss EV venture talks")};
  LinkScore s = ScoreLink(a, b);
  EXPECT_TRUE(s.link) << s.reasons;
  EXPECT_NE(s.reasons.find("\"participants\":1"), std::string::npos);
  b.family = "acquire";
  EXPECT_FALSE(ScoreLink(a, b).link);
  b.family = "cooperate";
  b.participants = {"brightwater", "kestrel"};
  EXPECT_FALSE(ScoreLink(a, b).link);
}

TEST(Linking, FamiliesAndWords) {
  // The families are the predicates lexicon's.
  EXPECT_EQ(Family("negotiate"), "cooperate");
  EXPECT_EQ(Family("agree"), "cooperate");
  EXPECT_EQ(Family("merge"), "acquire");
  EXPECT_EQ(Family("open"), "build");
  EXPECT_NE(Family("acquire"), Family("cooperate"));
  EXPECT_NE(Family("close"), Family("build"));
  EXPECT_EQ(Family("other:behead"), "other:behead");
  EXPECT_EQ(ContentWords("The Harlow's plan, the PLAN"),
            (std::vector<std::string>{"harlow", "plan"}));
  EXPECT_EQ(NormalizeName("  Harlow   Motors "), "harlow motors");
}

TEST(Linking, AUserLexiconChangesTheFamilies) {
  std::string dir =
      ::testing::TempDir() + "/ledger_lexicon_" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  {
    // Closing a plant joins building and opening one; a new class joins
    // cooperate.
    std::ofstream f(dir + "/predicates.tsv");
    f << "trigger\tpos\tclass\tfamily\n"
         "shutter\tverb\tclose\tbuild\n"
         "tie up\tphrase\tally\tcooperate\n";
  }
  Result<PredicateFamilies> f = PredicateFamilies::Load(dir);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->Of("close"), "build");
  EXPECT_EQ(f->Of("open"), "build");
  EXPECT_EQ(f->Of("ally"), "cooperate");
  EXPECT_EQ(f->Of("negotiate"), "cooperate");
  EXPECT_EQ(Family("close"), "close");  // the shipped ones are unchanged
  std::filesystem::remove_all(dir);
  EXPECT_FALSE(PredicateFamilies::Load(dir).ok());
}

TEST(About, RanksTheMatchingRecordFirst) {
  std::vector<AboutDoc> docs = {
      {"Brightwater Systems plans to acquire Kestrel Analytics",
       {"Brightwater Systems", "Kestrel Analytics"}},
      {"Harlow Motors and Quillon are in talks on an EV venture",
       {"Harlow Motors", "Quillon"}},
      {"Indonesia will impose tariffs on ceramic tableware", {"Indonesia"}}};
  std::vector<double> s =
      RankAbout("Is Quillon in talks with Harlow Motors?", docs);
  EXPECT_GT(s[1], s[0]);
  EXPECT_GT(s[1], s[2]);
  EXPECT_EQ(s[2], 0);
}

// A statement for replay tests.
LedgerStatement St(int64_t doc, std::string outlet, std::string speaker,
                   std::string stance, bool principal, std::string party = "") {
  LedgerStatement s;
  s.document = doc;
  s.outlet = std::move(outlet);
  s.speaker = std::move(speaker);
  s.stance = std::move(stance);
  s.principal = principal;
  s.party = party.empty() && principal ? s.speaker : party;
  s.published = "2026-01-0" + std::to_string(doc);
  s.sourcing = "anonymous (2)";
  return s;
}

Replay Replayed(std::vector<LedgerStatement> st) {
  std::vector<Effect> effects;
  for (const LedgerStatement& s : st) {
    effects.push_back(StanceEffect(s.principal, *ParseStanceValue(s.stance),
                                   true, Modality::kReported));
  }
  return ReplayStatus(st, effects);
}

TEST(Lifecycle, ReportedUntilAPrincipalSpeaks) {
  Replay r = Replayed({St(1, "Ledger", "people familiar", "assert", false),
                       St(2, "Post", "Senator Feldstein", "deny", false)});
  EXPECT_EQ(r.status, ClaimStatus::kReported);  // a third party's denial
  ASSERT_EQ(r.history.size(), 1u);
  EXPECT_EQ(r.first_report, 0);
}

TEST(Lifecycle, NoCommentIsNotADenial) {
  Replay r = Replayed({St(1, "Wire", "a person", "assert", false),
                       St(1, "Wire", "Pembrook", "no_comment", true)});
  EXPECT_EQ(r.status, ClaimStatus::kReported);
  // Nor does it undo an earlier denial.
  r = Replayed({St(1, "Wire", "a person", "assert", false),
                St(2, "Wire", "Pembrook", "deny", true),
                St(3, "Wire", "Pembrook", "no_comment", true)});
  EXPECT_EQ(r.status, ClaimStatus::kDenied);
}

TEST(Lifecycle, DeniedByBothPrincipals) {
  Replay r = Replayed({St(1, "Ledger", "four people", "assert", false),
                       St(2, "Press", "Harlow Motors", "deny", true),
                       St(2, "Press", "Quillon", "deny", true)});
  EXPECT_EQ(r.status, ClaimStatus::kDenied);
  ASSERT_EQ(r.history.size(), 2u);
  EXPECT_EQ(r.history[1].status, ClaimStatus::kDenied);
  EXPECT_EQ(r.history[1].evidence, 1);
}

TEST(Lifecycle, DeniedThenConfirmedKeepsBothInHistory) {
  Replay r =
      Replayed({St(1, "Post", "two people", "assert", false),
                St(2, "Wire", "Renata Solberg", "deny", true, "Brightwater"),
                St(3, "Press", "Brightwater", "confirm", true)});
  EXPECT_EQ(r.status, ClaimStatus::kConfirmed);
  ASSERT_EQ(r.history.size(), 3u);
  EXPECT_EQ(r.history[1].status, ClaimStatus::kDenied);
  EXPECT_EQ(r.history[2].status, ClaimStatus::kConfirmed);
  EXPECT_EQ(r.history[2].evidence, 2);
}

TEST(Lifecycle, LatestStanceOfEachPartyCounts) {
  // The same party (its CEO, then the company) denies, then confirms: the
  // denial is superseded, so this is confirmed, not disputed.
  Replay r = Replayed({St(1, "Post", "people", "assert", false),
                       St(2, "Wire", "CEO", "deny", true, "Brightwater"),
                       St(3, "Press", "Brightwater", "confirm", true)});
  EXPECT_EQ(r.status, ClaimStatus::kConfirmed);
}

// A statement its article retells, made on `said_on` ("" when the article
// gives no day).
LedgerStatement Retold(LedgerStatement s, std::string said_on) {
  s.said_on = std::move(said_on);
  s.retold = true;
  return s;
}

TEST(Lifecycle, ARetoldAnswerDoesNotUndoALaterOne) {
  // The article announcing the deal retells the chief executive's denial
  // ("On January 2, she told investors ..."), and the next day's article
  // speaks of "Brightwater's denial": neither was made after the
  // confirmation, so neither supersedes it.
  const LedgerStatement report = St(1, "Post", "people", "assert", false);
  const LedgerStatement denial =
      St(2, "Wire", "CEO", "deny", true, "Brightwater");
  const LedgerStatement named =
      Retold(St(4, "Ledger", "Brightwater", "deny", true), "");
  Replay r = Replayed(
      {report, denial, St(3, "Press", "Brightwater", "confirm", true),
       Retold(St(3, "Press", "CEO", "deny", true, "Brightwater"), "2026-01-02"),
       named});
  EXPECT_EQ(r.status, ClaimStatus::kConfirmed);
  ASSERT_EQ(r.history.size(), 3u);
  EXPECT_EQ(r.history[2].status, ClaimStatus::kConfirmed);
  // An answer first known through a retelling still counts ...
  r = Replayed({report, named});
  EXPECT_EQ(r.status, ClaimStatus::kDenied);
  // ... and one the article dates after the answer known so far
  // supersedes it, whenever the article was read; one it dates before
  // does not.
  const LedgerStatement confirmation =
      St(5, "Ledger", "Brightwater", "confirm", true);
  r = Replayed({report, denial, Retold(confirmation, "2026-01-03")});
  EXPECT_EQ(r.status, ClaimStatus::kConfirmed);
  EXPECT_NE(r.history.back().reason.find("(said 2026-01-03)"),
            std::string::npos);
  r = Replayed({report, denial, Retold(confirmation, "2026-01-01")});
  EXPECT_EQ(r.status, ClaimStatus::kDenied);
}

TEST(Lifecycle, DisputedWhenPrincipalsDisagree) {
  Replay r = Replayed({St(1, "Press", "Ministry", "confirm", true),
                       St(2, "Wire", "Aldmere", "deny", true)});
  EXPECT_EQ(r.status, ClaimStatus::kDisputed);
}

TEST(Lifecycle, AnnouncingAsDoneConfirms) {
  EXPECT_EQ(StanceEffect(true, StanceValue::kAssert, true, Modality::kAsserted),
            Effect::kConfirm);
  EXPECT_EQ(
      StanceEffect(true, StanceValue::kAssert, false, Modality::kAsserted),
      Effect::kDeny);  // "we have no plans to"
  EXPECT_EQ(StanceEffect(true, StanceValue::kAssert, true, Modality::kHedged),
            Effect::kNone);
  EXPECT_EQ(
      StanceEffect(false, StanceValue::kConfirm, true, Modality::kAsserted),
      Effect::kNone);
  EXPECT_EQ(StanceEffect(true, StanceValue::kDeny, false, Modality::kReported),
            Effect::kConfirm);
}

TEST(Lifecycle, RetractedOnlyByTheOriginatingOutlet) {
  LedgerStatement corr = St(2, "Courier", "Courier", "deny", false);
  corr.retraction = true;
  Replay r = Replayed({St(1, "Courier", "a person", "assert", false), corr});
  EXPECT_EQ(r.status, ClaimStatus::kRetracted);
  EXPECT_NE(r.history.back().reason.find("withdrew"), std::string::npos);

  LedgerStatement other = St(2, "Press", "Press", "deny", false);
  other.retraction = true;
  r = Replayed({St(1, "Courier", "a person", "assert", false), other});
  EXPECT_EQ(r.status, ClaimStatus::kReported);

  // A principal's confirmation outweighs the outlet's retraction.
  r = Replayed({St(1, "Courier", "a person", "assert", false), corr,
                St(3, "Press", "Marchetti", "confirm", true)});
  EXPECT_EQ(r.status, ClaimStatus::kConfirmed);
  EXPECT_TRUE(LooksLikeRetraction(StanceValue::kDeny, "correction", ""));
  EXPECT_TRUE(LooksLikeRetraction(StanceValue::kDeny, "", "withdrew"));
  EXPECT_FALSE(LooksLikeRetraction(StanceValue::kAssert, "correction", ""));
}

TEST(Beta, IncompleteBetaAndQuantiles) {
  EXPECT_NEAR(IncompleteBeta(2, 3, 0.5), 0.6875, 1e-10);
  EXPECT_NEAR(IncompleteBeta(1, 1, 0.3), 0.3, 1e-12);
  EXPECT_NEAR(IncompleteBeta(0.5, 0.5, 0.5), 0.5, 1e-10);
  // Beta(a, 1) has CDF x^a.
  EXPECT_NEAR(BetaQuantile(3, 1, 0.05), std::pow(0.05, 1.0 / 3), 1e-9);
  EXPECT_NEAR(BetaQuantile(3, 1, 0.95), std::pow(0.95, 1.0 / 3), 1e-9);
  for (double p : {0.05, 0.5, 0.95}) {
    EXPECT_NEAR(IncompleteBeta(7, 4, BetaQuantile(7, 4, p)), p, 1e-9);
  }
}

TEST(Beta, ReliabilityIsSmoothedAndUncertainWhenSmall) {
  Reliability none = BetaReliability(0, 0);
  EXPECT_DOUBLE_EQ(none.mean, 0.5);
  EXPECT_NEAR(none.low, 0.05, 1e-9);
  EXPECT_NEAR(none.high, 0.95, 1e-9);
  Reliability two = BetaReliability(2, 2);
  EXPECT_DOUBLE_EQ(two.mean, 0.75);
  EXPECT_LT(two.low, 0.4);  // two for two is not certainty
  Reliability many = BetaReliability(180, 200);
  EXPECT_GT(many.low, 0.85);
  EXPECT_LT(many.high, 0.95);
}

TEST(TrackRecord, DenialsSettleAfterThePeriod) {
  int64_t day = 86400;
  RecordForSources denied;
  denied.status = ClaimStatus::kDenied;
  denied.denied_since = 0;
  denied.origin_outlet = "Ledger";
  denied.carrying_outlets = {"Ledger", "Press"};
  denied.sourcing = {"anonymous (4)"};
  RecordForSources confirmed;
  confirmed.status = ClaimStatus::kConfirmed;
  confirmed.origin_outlet = "Ledger";
  confirmed.sourcing = {"named"};

  std::vector<SourceRecord> open =
      AggregateSources({denied, confirmed}, 90, 30 * day);
  ASSERT_EQ(open.size(), 4u);  // Ledger, Press; anonymous (4), named
  EXPECT_EQ(open[0].name, "Ledger");
  EXPECT_EQ(open[0].reported, 2);
  EXPECT_EQ(open[0].originated, 2);
  EXPECT_EQ(open[0].denied, 0);
  EXPECT_EQ(open[0].denied_open, 1);
  EXPECT_EQ(open[0].unresolved, 1);
  EXPECT_EQ(open[1].name, "Press");
  EXPECT_EQ(open[1].originated, 0);
  EXPECT_EQ(open[2].kind, "sourcing");

  std::vector<SourceRecord> settled =
      AggregateSources({denied, confirmed}, 90, 90 * day);
  EXPECT_EQ(settled[0].denied, 1);
  EXPECT_EQ(settled[0].denied_open, 0);
  EXPECT_DOUBLE_EQ(settled[0].reliability, 0.5);   // (1 + 1) / (2 + 2)
  EXPECT_DOUBLE_EQ(open[0].reliability, 2.0 / 3);  // (1 + 1) / (1 + 2)
}

// ------------------------------------------------------------ the store

// Where the store tests keep their ledgers.
class Backend {
 public:
  virtual ~Backend() = default;
  // The location of a new, empty ledger.
  virtual std::string Fresh(const std::string& name) = 0;
};

class SqliteBackend : public Backend {
 public:
  std::string Fresh(const std::string& name) override {
    std::string p = ::testing::TempDir() + "/ledger_" + name + "_" +
                    std::to_string(getpid()) + ".db";
    std::remove(p.c_str());
    std::remove((p + "-wal").c_str());
    std::remove((p + "-shm").c_str());
    return p;
  }
};

// A connection for raw SQL, to a ledger of either kind.
std::unique_ptr<Db> Connect(const std::string& location) {
  if (IsPostgresUrl(location)) {
    auto db = std::make_unique<PostgresDb>();
    Status s = db->Open(location, false, 10000);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return db;
  }
  auto db = std::make_unique<SqliteDb>();
  Status s = db->Open(location, false, 10000);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return db;
}

// A throwaway PostgreSQL server (tests/ledger/pg_server.sh) with a database
// per ledger; or, when $HEARSAY_TEST_POSTGRES names a server's database
// (a URL whose user may create databases), that server.
class PostgresBackend : public Backend {
 public:
  PostgresBackend() {
    const char* given = std::getenv("HEARSAY_TEST_POSTGRES");
    if (given && *given) {
      admin_url_ = given;
    } else {
      char dir[] = "/tmp/hearsay-pg-XXXXXX";
      if (!mkdtemp(dir)) {
        skip_ = "cannot make a temporary directory";
        return;
      }
      dir_ = dir;
      std::string out;
      int rc = Script("start", &out);
      while (!out.empty() && out.back() == '\n') out.pop_back();
      if (rc != 0) {
        skip_ = out.empty() ? "pg_server.sh failed" : out;
        return;
      }
      admin_url_ = out.substr(out.rfind('\n') + 1);
    }
    admin_ = Connect(admin_url_);
  }
  ~PostgresBackend() override {
    if (admin_ && dir_.empty()) {
      for (const std::string& db : created_) {
        admin_->Exec("DROP DATABASE IF EXISTS " + db).IgnoreError();
      }
    }
    admin_.reset();
    if (!dir_.empty()) Script("stop", nullptr);
  }

  // Why there is no server; "" when there is one.
  const std::string& skip() const { return skip_; }

  std::string Fresh(const std::string& name) override {
    std::string db = "ledger_" + name + "_" + std::to_string(getpid());
    created_.push_back(db);
    Status s = admin_->Exec("DROP DATABASE IF EXISTS " + db);
    if (s.ok()) s = admin_->Exec("CREATE DATABASE " + db);
    EXPECT_TRUE(s.ok()) << s.ToString();
    // The admin URL names a database: the ledger's replaces it.
    std::string url = admin_url_;
    size_t slash = url.find('/', url.find("://") + 3);
    size_t end = url.find('?', slash);
    return url.substr(0, slash + 1) + db +
           (end == std::string::npos ? "" : url.substr(end));
  }

 private:
  int Script(const std::string& cmd, std::string* out) {
    std::string line = std::string(HEARSAY_SOURCE_DIR) +
                       "/tests/ledger/pg_server.sh " + cmd + " " + dir_ +
                       " 2>&1";
    FILE* p = popen(line.c_str(), "r");
    if (!p) return -1;
    char buf[512];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) {
      if (out) out->append(buf, n);
    }
    int status = pclose(p);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  std::string dir_;
  std::string admin_url_;
  std::string skip_;
  std::unique_ptr<Db> admin_;
  std::vector<std::string> created_;
};

std::vector<Extraction> Stories() {
  std::ifstream in(std::string(HEARSAY_SOURCE_DIR) +
                   "/tests/data/ledger/stories.jsonl");
  std::vector<Extraction> out;
  std::string line;
  while (std::getline(in, line)) {
    Result<Extraction> x = ParseExtractionJson(line);
    EXPECT_TRUE(x.ok()) << x.status().ToString();
    if (x.ok()) out.push_back(std::move(*x));
  }
  EXPECT_EQ(out.size(), 20u);
  return out;
}

std::unique_ptr<Store> Open(const std::string& location) {
  Result<std::unique_ptr<Store>> s = OpenStore(location, {});
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(*s) : nullptr;
}

// Everything a user can see of the ledger's claims, as one string.
std::string Dump(Store& store) {
  ClaimQuery q;
  q.details = true;
  Result<std::vector<ClaimRecord>> records = store.FindClaims(q);
  EXPECT_TRUE(records.ok()) << records.status().ToString();
  if (!records.ok()) return "";
  std::string out;
  for (const ClaimRecord& r : *records) {
    out += std::to_string(r.id) + "|" + std::string(ClaimStatusName(r.status)) +
           "|" + r.text + "|" + std::to_string(r.article_count) + "|" +
           std::to_string(r.independent_sources) + "\n";
    for (const LedgerStatement& s : r.statements) {
      out += "  " + s.outlet + "|" + s.speaker + "|" + s.stance + "|" +
             s.party + "|" + (s.active ? "a" : "i") + "\n";
    }
    for (const StatusChange& h : r.history) {
      out += "  > " + std::string(ClaimStatusName(h.status)) + " " + h.time +
             " " + std::to_string(h.evidence) + "\n";
    }
    for (const LinkDecision& l : r.links) out += "  ~ " + l.reasons + "\n";
  }
  return out;
}

// ... and its sources, entities and query answers, to compare backends.
std::string DumpAll(Store& store) {
  std::string out = Dump(store);
  char buf[256];
  for (const char* as_of : {"", "2026-03-16", "2026-04-10"}) {
    SourceQuery sq;
    sq.as_of = as_of;
    Result<std::vector<SourceRecord>> sources = store.Sources(sq);
    EXPECT_TRUE(sources.ok()) << sources.status().ToString();
    if (!sources.ok()) continue;
    for (const SourceRecord& s : *sources) {
      std::snprintf(buf, sizeof buf, "%s|%s|%d|%d|%d|%d|%d|%d|%d|%.17g|%.17g\n",
                    s.name.c_str(), s.kind.c_str(), s.reported, s.originated,
                    s.confirmed, s.denied, s.denied_open, s.retracted,
                    s.unresolved, s.reliability, s.interval_low);
      out += buf;
    }
  }
  Result<std::vector<EntityRecord>> entities = store.Entities();
  EXPECT_TRUE(entities.ok()) << entities.status().ToString();
  if (entities.ok()) {
    for (const EntityRecord& e : *entities) {
      out += e.name + "|" + e.type + "|" + std::to_string(e.documents) + "|" +
             std::to_string(e.claims) + "\n";
    }
  }
  ClaimQuery q;
  q.about = "Brightwater buying Kestrel";
  q.outlet = "capital WIRE";
  q.since = "2026-03-01";
  Result<std::vector<ClaimRecord>> about = store.FindClaims(q);
  EXPECT_TRUE(about.ok()) << about.status().ToString();
  if (about.ok()) {
    for (const ClaimRecord& r : *about) {
      std::snprintf(buf, sizeof buf, "about %lld %.17g\n",
                    static_cast<long long>(r.id), r.score);
      out += buf;
    }
  }
  Result<std::string> latest = store.LatestTime();
  out += "latest " + (latest.ok() ? *latest : latest.status().ToString());
  return out;
}

ClaimRecord ByKey(Store& store, const std::string& key) {
  ClaimQuery q;
  q.details = true;
  Result<std::vector<ClaimRecord>> all = store.FindClaims(q);
  EXPECT_TRUE(all.ok());
  for (ClaimRecord& r : *all) {
    if (r.key == key) return r;
  }
  ADD_FAILURE() << "no record with key " << key;
  return {};
}

void StoriesGetTheirStatuses(Backend& backend) {
  auto store = Open(backend.Fresh("stories"));
  ASSERT_TRUE(store);
  Result<IngestStats> stats = store->Ingest(Stories());
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->documents, 20);
  EXPECT_EQ(stats->records, 6);

  ClaimRecord talks =
      ByKey(*store, "harlow motors|quillon|cooperate|ev venture");
  EXPECT_EQ(talks.status, ClaimStatus::kDenied);
  EXPECT_EQ(talks.article_count, 4);
  ASSERT_GE(talks.first_report, 0);
  EXPECT_EQ(talks.statements[talks.first_report].sourcing, "anonymous (4)");
  EXPECT_EQ(talks.statements[talks.first_report].outlet, "The Meridian Ledger");
  // The senator is a third party; the CEO speaks for Harlow Motors.
  for (const LedgerStatement& s : talks.statements) {
    if (s.speaker == "Miriam Feldstein") {
      EXPECT_FALSE(s.principal);
    }
    if (s.speaker == "Tobias Anselm") {
      EXPECT_TRUE(s.principal);
      EXPECT_EQ(s.party, "Harlow Motors");
    }
    if (s.sourcing == "anonymous (4)" && s.outlet == "Transatlantic Press") {
      EXPECT_EQ(s.via, "The Meridian Ledger");
    }
  }

  ClaimRecord deal =
      ByKey(*store, "brightwater systems|kestrel analytics|acquire");
  EXPECT_EQ(deal.status, ClaimStatus::kConfirmed);
  ASSERT_EQ(deal.history.size(), 3u);
  EXPECT_EQ(deal.history[1].status, ClaimStatus::kDenied);
  EXPECT_EQ(deal.history[2].status, ClaimStatus::kConfirmed);
  EXPECT_EQ(deal.statements[deal.history[1].evidence].speaker,
            "Renata Solberg");

  EXPECT_EQ(ByKey(*store, "helen marchetti|cedarline bank|resign").status,
            ClaimStatus::kRetracted);
  EXPECT_EQ(ByKey(*store, "aldmere textiles|guimaraes plant|close").status,
            ClaimStatus::kDisputed);
  ClaimRecord cuts = ByKey(*store, "pembrook & vine|lay_off|1200 jobs");
  EXPECT_EQ(cuts.status, ClaimStatus::kReported);
  bool no_comment = false;
  for (const LedgerStatement& s : cuts.statements) {
    no_comment |= s.stance == "no_comment" && s.principal;
  }
  EXPECT_TRUE(no_comment);

  // The wire story: six articles, one independent source.
  ClaimRecord tariffs = ByKey(*store, "indonesia|ceramic tableware|restrict");
  EXPECT_EQ(tariffs.article_count, 6);
  EXPECT_EQ(tariffs.independent_sources, 1);

  ClaimQuery denied;
  denied.status = "denied";
  EXPECT_EQ(store->FindClaims(denied)->size(), 1u);
  ClaimQuery entity;
  entity.entity = "quillon";
  EXPECT_EQ(store->FindClaims(entity)->size(), 1u);
  ClaimQuery outlet;
  outlet.outlet = "cascadia";  // any case
  EXPECT_EQ(store->FindClaims(outlet)->size(), 1u);
  ClaimQuery about;
  about.about = "Brightwater buying Kestrel";
  about.limit = 1;
  auto top = store->FindClaims(about);
  ASSERT_EQ(top->size(), 1u);
  EXPECT_EQ((*top)[0].key, "brightwater systems|kestrel analytics|acquire");
}

// A statement bearing on two claims of its article that link to one record
// (a party's "we have no plans to work with them", both a denial of the
// reported venture and a negated claim of its own) shows once in the
// record's timeline, as its most decisive stance.
void OneStatementIsOneStance(Backend& backend) {
  const std::string key = "harlow motors|quillon|cooperate|ev venture";
  std::vector<Extraction> docs = Stories();
  Extraction* denial = nullptr;
  size_t by = 0;
  for (Extraction& x : docs) {
    for (size_t si = 0; si < x.statements.size() && !denial; ++si) {
      for (const Stance& st : x.statements[si].stances) {
        if (st.value == StanceValue::kDeny && x.claims[st.claim].key == key) {
          denial = &x;
          by = si;
        }
      }
    }
    if (denial) break;
  }
  ASSERT_NE(denial, nullptr);
  int k = -1;
  for (const Stance& st : denial->statements[by].stances) {
    if (denial->claims[st.claim].key == key) k = st.claim;
  }
  // The negated claim goes first, so its plain assertion is met first.
  Claim negated = denial->claims[k];
  negated.positive = false;
  denial->claims.insert(denial->claims.begin(), negated);
  for (Statement& s : denial->statements) {
    for (Stance& st : s.stances) ++st.claim;
  }
  Stance asserted;
  asserted.claim = 0;
  asserted.value = StanceValue::kAssert;
  asserted.confidence = 0.9;
  asserted.principal = true;
  denial->statements[by].stances.push_back(asserted);

  auto store = Open(backend.Fresh("one_stance"));
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->Ingest(docs).ok());
  ClaimRecord talks = ByKey(*store, key);
  EXPECT_EQ(talks.status, ClaimStatus::kDenied);
  const Statement& said = denial->statements[by];
  const std::string quote =
      said.content.end <= denial->document.text.size() &&
              said.content.begin < said.content.end
          ? std::string(said.content.Slice(denial->document.text))
          : said.content_text;
  std::vector<std::string> rows;
  for (const LedgerStatement& s : talks.statements) {
    if (s.document_id == denial->document.id && s.quote == quote) {
      rows.push_back(s.stance + "|" + s.party);
    }
  }
  ASSERT_FALSE(rows.empty());
  std::vector<std::string> unique = rows;
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  EXPECT_EQ(rows.size(), unique.size()) << rows[0];
  for (const std::string& r : rows) EXPECT_EQ(r.substr(0, 5), "deny|");
}

// What a claim says is done, or done to, is no party to it unless an entity
// ("a joint venture", "its Ohio plant"): the record's parties are its
// entities and who does it, named or not.
void ThemesAreNoParties(Backend& backend) {
  const std::string key = "harlow motors|quillon|cooperate|ev venture";
  std::vector<Extraction> docs = Stories();
  bool added = false;
  for (Extraction& x : docs) {
    for (Claim& c : x.claims) {
      if (c.key != key || added) continue;
      c.participants.push_back({"theme", -1, "a joint venture"});
      c.participants.push_back({"target", -1, "its Ohio plant"});
      c.participants.push_back({"agent", -1, "the Detroit automaker"});
      added = true;
    }
  }
  ASSERT_TRUE(added);
  auto store = Open(backend.Fresh("themes"));
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->Ingest(docs).ok());
  ClaimRecord talks = ByKey(*store, key);
  auto has = [&](std::string_view name) {
    return std::find(talks.participants.begin(), talks.participants.end(),
                     name) != talks.participants.end();
  };
  EXPECT_TRUE(has("Harlow Motors"));
  EXPECT_TRUE(has("Quillon"));
  EXPECT_TRUE(has("the Detroit automaker"));
  EXPECT_FALSE(has("a joint venture"));
  EXPECT_FALSE(has("its Ohio plant"));
  EXPECT_EQ(talks.status, ClaimStatus::kDenied);
}

// A record names the proposition its key names: a negative mention's text
// without its "not", also for a predicate no class names ("other:ship",
// written "ship").
void ARecordNamesItsProposition(Backend& backend) {
  std::vector<Extraction> docs = Stories();
  ASSERT_FALSE(docs[0].claims.empty());
  Claim& c = docs[0].claims[0];
  c.predicate = "other:ship";
  c.positive = false;
  c.text = "Harlow Motors not ship cars to Quillon";
  c.key = "other:ship:harlow motors>";
  auto store = Open(backend.Fresh("proposition"));
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->Ingest(docs).ok());
  EXPECT_EQ(ByKey(*store, c.key).text, "Harlow Motors ship cars to Quillon");
}

void ReingestingIsANoOpAndLinkingIsDeterministic(Backend& backend) {
  auto sa = Open(backend.Fresh("det_a")), sb = Open(backend.Fresh("det_b"));
  ASSERT_TRUE(sa && sb);
  std::vector<Extraction> docs = Stories();
  // One batch against one document per batch: the same ledger.
  ASSERT_TRUE(sa->Ingest(docs).ok());
  for (Extraction& x : Stories()) ASSERT_TRUE(sb->Ingest({x}).ok());
  std::string dump = Dump(*sa);
  EXPECT_EQ(dump, Dump(*sb));
  Result<IngestStats> again = sa->Ingest(docs);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->documents, 0);
  EXPECT_EQ(again->duplicates, 20);
  EXPECT_EQ(Dump(*sa), dump);
  // A store opened afresh (another process) on a ledger holding part of
  // the documents looks the rest up in batches against it: the same ledger.
  std::string half = backend.Fresh("det_c");
  {
    auto first = Open(half);
    ASSERT_TRUE(first);
    ASSERT_TRUE(
        first->Ingest(std::vector<Extraction>(docs.begin(), docs.begin() + 11))
            .ok());
  }
  {
    auto second = Open(half);
    ASSERT_TRUE(second);
    Result<IngestStats> rest = second->Ingest(docs);
    ASSERT_TRUE(rest.ok()) << rest.status().ToString();
    EXPECT_EQ(rest->duplicates, 11);
    EXPECT_EQ(Dump(*second), dump);
  }
  // Rebuilding from the stored documents gives the same ledger.
  Result<IngestStats> rebuilt = sa->Rebuild(
      [](const StoredDocument&) -> Result<std::optional<Extraction>> {
        return std::optional<Extraction>();
      });
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().ToString();
  EXPECT_EQ(Dump(*sa), dump);
}

void AFailedRebuildChangesNothing(Backend& backend) {
  std::vector<Extraction> docs = Stories();
  auto whole = Open(backend.Fresh("whole"));
  auto store = Open(backend.Fresh("failed"));
  ASSERT_TRUE(whole && store);
  ASSERT_TRUE(whole->Ingest(docs).ok());
  std::vector<Extraction> first(docs.begin(), docs.begin() + 12);
  std::vector<Extraction> rest(docs.begin() + 12, docs.end());
  ASSERT_TRUE(store->Ingest(first).ok());
  std::string before = Dump(*store);
  Result<IngestStats> failed = store->Rebuild(
      [](const StoredDocument& d) -> Result<std::optional<Extraction>> {
        if (d.number == 7) return IoError("the extractor fell over");
        return std::optional<Extraction>();
      });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(Dump(*store), before);
  // The batch after the rolled-back one numbers its rows as if the failure
  // never happened: the same ledger as one uninterrupted ingest.
  ASSERT_TRUE(store->Ingest(rest).ok());
  std::string expected = Dump(*whole);
  EXPECT_EQ(Dump(*store), expected);
  // The store is still usable for a rebuild after the one that failed.
  Result<IngestStats> rebuilt = store->Rebuild(
      [](const StoredDocument&) -> Result<std::optional<Extraction>> {
        return std::optional<Extraction>();
      });
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().ToString();
  EXPECT_EQ(Dump(*store), expected);
}

void ANewVersionReplacesTheOldOnesContribution(Backend& backend) {
  auto store = Open(backend.Fresh("versions"));
  ASSERT_TRUE(store);
  std::vector<Extraction> docs = Stories();
  // Document 2b (Brightwater's CEO denies) edited in place: the denial is
  // removed. The record is then reported -> confirmed, with no denial.
  Extraction edited = docs[5];
  ASSERT_EQ(edited.document.id, "2b");
  edited.document.text += " (Updated.)";
  edited.statements.clear();
  ASSERT_TRUE(store->Ingest(docs).ok());
  Result<IngestStats> s = store->Ingest({edited});
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->new_versions, 1);
  ClaimRecord deal =
      ByKey(*store, "brightwater systems|kestrel analytics|acquire");
  EXPECT_EQ(deal.status, ClaimStatus::kConfirmed);
  ASSERT_EQ(deal.history.size(), 2u);  // the denial is gone from the history
  // ... but the old version stays visible, marked inactive.
  bool old_seen = false;
  for (const LedgerStatement& st : deal.statements) {
    if (st.speaker == "Renata Solberg") {
      old_seen = true;
      EXPECT_FALSE(st.active);
      EXPECT_EQ(st.version, 1);
    }
  }
  EXPECT_TRUE(old_seen);
  // The old text again is a duplicate, not a third version.
  EXPECT_EQ(store->Ingest({docs[5]})->duplicates, 1);
}

void SourcesSettleDenialsAsOf(Backend& backend) {
  auto store = Open(backend.Fresh("sources"));
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->Ingest(Stories()).ok());
  auto find = [](const std::vector<SourceRecord>& v, const std::string& name) {
    for (const SourceRecord& s : v) {
      if (s.name == name) return s;
    }
    return SourceRecord{};
  };
  // As of the latest document (August), the March denial has settled.
  SourceQuery late;
  SourceRecord ledger = find(*store->Sources(late), "The Meridian Ledger");
  EXPECT_EQ(ledger.denied, 1);
  // Two weeks after the scoop it is still open.
  SourceQuery early;
  early.as_of = "2026-03-16";
  ledger = find(*store->Sources(early), "The Meridian Ledger");
  EXPECT_EQ(ledger.denied, 0);
  EXPECT_EQ(ledger.denied_open, 1);
  // As of April 10 the Brightwater deal was still denied (confirmed later).
  SourceQuery april;
  april.as_of = "2026-04-10";
  SourceRecord two = find(*store->Sources(april), "anonymous (2)");
  EXPECT_EQ(two.denied_open, 1);
  EXPECT_EQ(two.confirmed, 0);
  EXPECT_EQ(find(*store->Sources(late), "anonymous (2)").confirmed, 1);
}

// The version row of a ledger, read directly.
std::string SchemaVersionOf(const std::string& location) {
  std::unique_ptr<Db> db = Connect(location);
  Result<Stmt*> q =
      db->Query("SELECT value FROM meta WHERE key = 'schema_version'");
  if (!q.ok()) return q.status().ToString();
  Result<bool> row = (*q)->Step();
  return row.ok() && *row ? (*q)->Text(0) : "none";
}

void RefusesANewerSchemaAndMigratesAnOlderOne(Backend& backend) {
  std::string newer = backend.Fresh("newer");
  {
    auto store = Open(newer);
    ASSERT_TRUE(store);
  }
  ASSERT_TRUE(
      Connect(newer)
          ->Exec("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
          .ok());
  Result<std::unique_ptr<Store>> refused = OpenStore(newer, {});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(refused.status().message().find("newer"), std::string::npos);

  // A version-1 ledger: the first migration only.
  std::string older = backend.Fresh("older");
  {
    std::unique_ptr<Db> db = Connect(older);
    std::string first(kMigrations[0]);
    ASSERT_TRUE(
        db->Exec(IsPostgresUrl(older) ? PostgresDdl(first) : first).ok());
    Status s = db->Exec(
        "INSERT INTO meta VALUES('schema_version', '1');"
        "INSERT INTO records(id, key, predicate, family, text, location, "
        "status, first_seen, origin_outlet, article_count, "
        "independent_sources) VALUES(1, 'k', 'p', 'p', 't', '', "
        "'reported', '', '', 0, 0);");
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  // A reader does not migrate; a writer does.
  StoreOptions reader;
  reader.read_only = true;
  Result<std::unique_ptr<Store>> read = OpenStore(older, reader);
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.status().message().find("needs migrating"), std::string::npos);
  auto store = Open(older);
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->Ingest(Stories()).ok());  // uses the new column
  store.reset();
  EXPECT_EQ(SchemaVersionOf(older), std::to_string(kLedgerSchemaVersion));

  // A version-2 ledger with documents: migrating indexes their MinHash
  // values, so a later copy of a stored wire story is found.
  std::string two = backend.Fresh("two");
  std::vector<Extraction> docs = Stories();
  Extraction copy;
  for (const Extraction& x : docs) {
    if (x.document.id == "6a") copy = x;
  }
  ASSERT_EQ(copy.document.id, "6a");
  docs.erase(std::remove_if(docs.begin(), docs.end(),
                            [](const Extraction& x) {
                              return x.document.id != "6a" &&
                                     x.document.id.starts_with("6");
                            }),
             docs.end());
  {
    auto fresh = Open(two);
    ASSERT_TRUE(fresh);
    ASSERT_TRUE(fresh->Ingest(docs).ok());
  }
  {
    std::unique_ptr<Db> db = Connect(two);
    std::string v2 =
        "DROP TABLE minhashes; CREATE TABLE simhash_bands(band INTEGER NOT "
        "NULL, document INTEGER NOT NULL, PRIMARY KEY(band, document)) "
        "WITHOUT ROWID; ALTER TABLE stances DROP COLUMN said_on; "
        "ALTER TABLE stances DROP COLUMN retold; UPDATE meta SET value = '2' "
        "WHERE key = 'schema_version';";
    ASSERT_TRUE(db->Exec(IsPostgresUrl(two) ? PostgresDdl(v2) : v2).ok());
  }
  {
    auto migrated = Open(two);
    ASSERT_TRUE(migrated);
    EXPECT_EQ(SchemaVersionOf(two), std::to_string(kLedgerSchemaVersion));
    copy.document.id = "6z";
    copy.document.url = "https://reprints.example/indonesia";
    copy.document.outlet = "Reprints Daily";
    copy.document.text += " Reporting by staff.";
    ASSERT_TRUE(migrated->Ingest({copy}).ok());
    ClaimRecord tariffs =
        ByKey(*migrated, "indonesia|ceramic tableware|restrict");
    EXPECT_EQ(tariffs.article_count, 2);
    EXPECT_EQ(tariffs.independent_sources, 1);
  }

  // Not a ledger at all.
  std::string foreign = backend.Fresh("foreign");
  ASSERT_TRUE(Connect(foreign)->Exec("CREATE TABLE t(x INTEGER)").ok());
  Result<std::unique_ptr<Store>> not_ledger = OpenStore(foreign, {});
  ASSERT_FALSE(not_ledger.ok());
  EXPECT_NE(not_ledger.status().message().find("not a hearsay ledger"),
            std::string::npos);
}

// The syndication groups of a ledger's documents, in id order.
std::string Groups(const std::string& location) {
  std::unique_ptr<Db> db = Connect(location);
  Result<Stmt*> q = db->Query(
      "SELECT id, syndication_group, current FROM documents ORDER BY id");
  if (!q.ok()) return q.status().ToString();
  std::string out;
  while (true) {
    Result<bool> row = (*q)->Step();
    if (!row.ok()) return row.status().ToString();
    if (!*row) return out;
    out += std::to_string((*q)->Int(0)) + ":" + std::to_string((*q)->Int(1)) +
           ((*q)->Int(2) ? " " : "x ");
  }
}

// A wire story in 70 outlets; then, in one batch, new versions of 40 of the
// copies (replacing them) and a copy at a new URL. A batch looks the
// candidate copies up ahead (64 of them) and, once it has replaced too many
// to know the first 32, asks the ledger again: the groups are those of one
// document per batch.
void SyndicationDoesNotDependOnTheBatch(Backend& backend) {
  auto copy = [](int n, const std::string& note, int hour) {
    Extraction x;
    x.document.id = "w" + std::to_string(n) + note;
    x.document.url = "https://outlet" + std::to_string(n) + ".example/tariffs";
    x.document.outlet = "Outlet " + std::to_string(n);
    x.document.published = "2026-08-11T" + std::string(hour < 10 ? "0" : "") +
                           std::to_string(hour) + ":00:00Z";
    x.document.text = std::string(kWireParagraphs) + " Copy " +
                      std::to_string(n) + note + ".";
    x.models_version = x.lexicons_version = "test";
    return x;
  };
  std::vector<Extraction> first, second;
  for (int n = 0; n < 70; ++n) first.push_back(copy(n, "", 9));
  for (int n = 0; n < 40; ++n) second.push_back(copy(n, " updated", 12));
  Extraction late = copy(99, "", 13);
  late.document.url = "https://late.example/tariffs";
  second.push_back(late);

  std::string batched = backend.Fresh("synd_batched");
  std::string single = backend.Fresh("synd_single");
  {
    auto a = Open(batched), b = Open(single);
    ASSERT_TRUE(a && b);
    ASSERT_TRUE(a->Ingest(first).ok());
    Result<IngestStats> s = a->Ingest(second);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_EQ(s->new_versions, 40);
    for (const auto* part : {&first, &second}) {
      for (const Extraction& x : *part) ASSERT_TRUE(b->Ingest({x}).ok());
    }
  }
  std::string groups = Groups(batched);
  EXPECT_EQ(groups, Groups(single));
  // Every copy is in the first copy's group, the replaced ones too.
  int in_first = 0;
  for (size_t at = groups.find(":1"); at != std::string::npos;
       at = groups.find(":1", at + 1)) {
    in_first += groups[at + 2] == ' ' || groups[at + 2] == 'x';
  }
  EXPECT_EQ(in_first, 111) << groups;
}

// Sample story 6 as the readers give it (samples/news: HTML, JSON Lines,
// RSS, Atom and plain text): the six copies of the wire story are one
// syndication group, trimmed copies (6c, 6e) included.
TEST(Syndication, SampleStorySixIsOneGroup) {
  Reader reader(ReadOptions{});
  std::vector<Extraction> copies;
  Status read = reader.ReadPath(
      std::string(HEARSAY_SOURCE_DIR) + "/samples/news",
      [&](Document&& d) -> Status {
        if (d.text.find("ceramic tableware") != std::string::npos) {
          Extraction x;
          x.document = std::move(d);
          x.models_version = x.lexicons_version = "test";
          copies.push_back(std::move(x));
        }
        return Status::Ok();
      });
  ASSERT_TRUE(read.ok()) << read.ToString();
  ASSERT_EQ(copies.size(), 6u);
  auto body = [](const Extraction& x) {
    return std::string_view(x.document.text).substr(x.document.body_begin);
  };
  for (const Extraction& x : copies) {
    EXPECT_TRUE(
        CompareShingles(Shingles(body(copies[0])), Shingles(body(x))).copy)
        << x.document.url;
  }
  SqliteBackend lite;
  std::string location = lite.Fresh("story6");
  {
    auto store = Open(location);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->Ingest(copies).ok());
  }
  EXPECT_EQ(Groups(location), "1:1 2:1 3:1 4:1 5:1 6:1 ");
}

// The Db layer's Send, slots and Defer: statements sent ahead keep their
// own bindings and results; a failed deferred write fails the next read.
void SendsSlotsAndDefers(Backend& backend) {
  std::unique_ptr<Db> db = Connect(backend.Fresh("db"));
  ASSERT_TRUE(db->Exec("CREATE TABLE t(x INTEGER PRIMARY KEY)").ok());
  const std::string plus = "SELECT x + ? FROM t WHERE x = ?";
  ASSERT_TRUE(db->Exec("INSERT INTO t VALUES(1)").ok());
  std::vector<Stmt*> q;
  for (int slot = 0; slot < 3; ++slot) {
    Result<Stmt*> s = db->Query(plus, slot);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    (*s)->Bind(1, int64_t{10 * (slot + 1)}).Bind(2, int64_t{1});
    ASSERT_TRUE((*s)->Send().ok());
    q.push_back(*s);
  }
  for (int slot = 0; slot < 3; ++slot) {
    Result<bool> row = q[slot]->Step();
    ASSERT_TRUE(row.ok()) << row.status().ToString();
    ASSERT_TRUE(*row);
    EXPECT_EQ(q[slot]->Int(0), 1 + 10 * (slot + 1));
    q[slot]->Reset();
  }
  // (Prepared first: preparing waits for the server, and would report the
  // error itself.)
  Result<Stmt*> count = db->Query("SELECT COUNT(*) FROM t");
  ASSERT_TRUE(count.ok());
  Result<Stmt*> ins = db->Query("INSERT INTO t VALUES(?)");
  ASSERT_TRUE(ins.ok());
  ASSERT_TRUE(db->BeginWrite().ok());
  Status s = (*ins)->Bind(1, int64_t{2}).Defer();
  ASSERT_TRUE(s.ok()) << s.ToString();
  s = (*ins)->Bind(1, int64_t{2}).Defer();  // a duplicate key
  if (s.ok()) {
    // PostgreSQL: the error comes with the next read.
    EXPECT_FALSE((*count)->Step().ok());
  }
  db->Rollback();
  (*count)->Reset();
  Result<bool> row = (*count)->Step();
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  EXPECT_EQ((*count)->Int(0), 1);
}

using Scenario = void (*)(Backend&);
const std::pair<const char*, Scenario> kScenarios[] = {
    {"StoriesGetTheirStatuses", StoriesGetTheirStatuses},
    {"ReingestingIsANoOpAndLinkingIsDeterministic",
     ReingestingIsANoOpAndLinkingIsDeterministic},
    {"AFailedRebuildChangesNothing", AFailedRebuildChangesNothing},
    {"ANewVersionReplacesTheOldOnesContribution",
     ANewVersionReplacesTheOldOnesContribution},
    {"SourcesSettleDenialsAsOf", SourcesSettleDenialsAsOf},
    {"RefusesANewerSchemaAndMigratesAnOlderOne",
     RefusesANewerSchemaAndMigratesAnOlderOne},
    {"SendsSlotsAndDefers", SendsSlotsAndDefers},
    {"SyndicationDoesNotDependOnTheBatch", SyndicationDoesNotDependOnTheBatch},
    {"OneStatementIsOneStance", OneStatementIsOneStance},
    {"ThemesAreNoParties", ThemesAreNoParties},
    {"ARecordNamesItsProposition", ARecordNamesItsProposition},
};

TEST(Store, OneStatementIsOneStance) {
  SqliteBackend b;
  OneStatementIsOneStance(b);
}

TEST(Store, ARecordNamesItsProposition) {
  SqliteBackend b;
  ARecordNamesItsProposition(b);
}

TEST(Store, ThemesAreNoParties) {
  SqliteBackend b;
  ThemesAreNoParties(b);
}

TEST(Store, StoriesGetTheirStatuses) {
  SqliteBackend b;
  StoriesGetTheirStatuses(b);
}
TEST(Store, ReingestingIsANoOpAndLinkingIsDeterministic) {
  SqliteBackend b;
  ReingestingIsANoOpAndLinkingIsDeterministic(b);
}
TEST(Store, AFailedRebuildChangesNothing) {
  SqliteBackend b;
  AFailedRebuildChangesNothing(b);
}
TEST(Store, ANewVersionReplacesTheOldOnesContribution) {
  SqliteBackend b;
  ANewVersionReplacesTheOldOnesContribution(b);
}
TEST(Store, SourcesSettleDenialsAsOf) {
  SqliteBackend b;
  SourcesSettleDenialsAsOf(b);
}
TEST(Store, RefusesANewerSchemaAndMigratesAnOlderOne) {
  SqliteBackend b;
  RefusesANewerSchemaAndMigratesAnOlderOne(b);
  // A file that is not SQLite at all.
  std::string junk = b.Fresh("junk");
  std::ofstream(junk) << std::string(4096, 'x');
  EXPECT_FALSE(OpenStore(junk, {}).ok());
}

TEST(Store, SyndicationDoesNotDependOnTheBatch) {
  SqliteBackend b;
  SyndicationDoesNotDependOnTheBatch(b);
}

TEST(Store, SendsSlotsAndDefers) {
  SqliteBackend b;
  SendsSlotsAndDefers(b);
}

TEST(Store, PostgresUrlsAndPasswords) {
  EXPECT_TRUE(IsPostgresUrl("postgresql://u@h/db"));
  EXPECT_TRUE(IsPostgresUrl("postgres:///db?host=/tmp"));
  EXPECT_FALSE(IsPostgresUrl("hearsay.db"));
  EXPECT_FALSE(IsPostgresUrl("./postgresql://x"));
  EXPECT_EQ(RedactUrl("postgresql://ann:s3cr@t@db.example:5432/news"),
            "postgresql://ann:***@db.example:5432/news");
  EXPECT_EQ(RedactUrl("postgres://ann@h/db?sslmode=require&password=x&a=b"),
            "postgres://ann@h/db?sslmode=require&password=***&a=b");
  EXPECT_EQ(RedactUrl("postgresql:///db?host=/tmp/x"),
            "postgresql:///db?host=/tmp/x");
  EXPECT_EQ(RedactUrl("my:file@1.db"), "my:file@1.db");
  int n = 0;
  EXPECT_EQ(PostgresParameters("a = ? AND b = '?' AND (?3 = '' OR c = ?3)", &n),
            "a = $1 AND b = '?' AND ($3 = '' OR c = $3)");
  EXPECT_EQ(n, 3);
  EXPECT_EQ(PostgresDdl("CREATE TABLE t(id INTEGER PRIMARY KEY, x REAL, "
                        "note TEXT NOT NULL DEFAULT 'TEXT') WITHOUT ROWID;"),
            "CREATE TABLE t(id BIGINT PRIMARY KEY, x DOUBLE PRECISION, "
            "note TEXT COLLATE \"C\" NOT NULL DEFAULT 'TEXT');");
}

// Every store scenario again on PostgreSQL, in one server; then both
// backends must show the same ledger.
TEST(PostgresStore, BehavesLikeTheSqliteStore) {
  PostgresBackend pg;
  if (!pg.skip().empty()) GTEST_SKIP() << pg.skip();
  for (const auto& [name, scenario] : kScenarios) {
    SCOPED_TRACE(name);
    scenario(pg);
  }

  SqliteBackend lite;
  auto a = Open(lite.Fresh("same")), b = Open(pg.Fresh("same"));
  ASSERT_TRUE(a && b);
  std::vector<Extraction> docs = Stories();
  Extraction edited = docs[5];
  edited.document.text += " (Updated.)";
  edited.statements.clear();
  for (Store* s : {a.get(), b.get()}) {
    ASSERT_TRUE(
        s->Ingest(std::vector<Extraction>(docs.begin(), docs.begin() + 9))
            .ok());
    ASSERT_TRUE(
        s->Ingest(std::vector<Extraction>(docs.begin() + 9, docs.end())).ok());
    ASSERT_TRUE(s->Ingest({edited}).ok());
  }
  std::string lite_dump = DumpAll(*a);
  EXPECT_EQ(lite_dump, DumpAll(*b));
  EXPECT_GT(lite_dump.size(), 2000u);

  // A query never creates a ledger in an empty database.
  StoreOptions reader;
  reader.read_only = true;
  Result<std::unique_ptr<Store>> none = OpenStore(pg.Fresh("empty"), reader);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), StatusCode::kNotFound);
  EXPECT_NE(none.status().message().find("no ledger here"), std::string::npos);
}

}  // namespace
}  // namespace hearsay::ledger
