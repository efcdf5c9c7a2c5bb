// Golden tests of the Extractor: every NAME.txt under tests/golden/attribution
// and tests/golden/claims is an invented article (title on the first line, a
// blank line, the body) and NAME.expected lists what must be found in it, one
// item a line:
//
//   # published: 2025-03-07
//   entity name=Jim Farley type=PERSON role~=CEO alias=Farley
//   statement speaker=Ford kind=direct cue=said content~=completely false
//   statement speakers=Ford+Xiaomi
//   statement anonymous=yes count=4 via=Financial Times
//   no-statement speaker=Ford kind=report
//   no-entity name=R
//   claim predicate=cooperate parties=Ford+Xiaomi polarity=positive
//         modality=reported location=United States time=2025-03-06
//   stance speaker=Ford value=deny strength=flat claim=cooperate principal=yes
//   pending claim predicate=layoff count=1
//
// Keys: name, type, role~ (part of a role), alias; speaker (the entity's
// name or the speaker's words), source (the speaker's words as written in
// the text), speakers (a group, joined by +), kind, cue,
// content (the whole content), content~ (part of it), anonymous (yes/no),
// count, via (the speaker of the statement it reaches us through). "~="
// means "contains", "=" means "equals", both ignoring case. A `statement`
// line passes when some statement matches every key; a `no-statement` line
// when none does (and `no-entity` when no entity does).
//
// Claims: predicate, family (the key's family), parties (entity names of
// participants in any role, joined by +: the claim has at least these),
// agent/partner/target/theme (a participant of that role), polarity
// (positive/negative), modality, location, location~, time (an ISO date: the
// claim's time starts with it), text~, key~, and count (exactly that many
// claims match the other keys: mentions of one claim are one claim).
// Stances: a statement's keys above, plus value, strength, principal
// (yes/no), and the claim it bears on: claim (its predicate), claim-parties,
// claim-polarity. `no-claim` and `no-stance` pass when nothing matches.
//
// A line starting with `pending ` is a known miss: it is evaluated and
// printed with what was found instead, never failed, so the file can say
// what is right before the extractor does it. A first line `# published: DATE`
// sets Document::published, against which relative dates resolve. Other lines
// starting with # are comments.
#include "hearsay/extractor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace hearsay {
namespace {

namespace fs = std::filesystem;

std::string Lower(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool Has(const std::string& hay, const std::string& needle) {
  return Lower(hay).find(Lower(needle)) != std::string::npos;
}

bool Same(const std::string& a, const std::string& b) {
  return Lower(a) == Lower(b);
}

// "speaker=Jim Farley kind=direct" -> {speaker: Jim Farley, kind: direct}.
std::map<std::string, std::string> ParseKeys(const std::string& rest) {
  std::map<std::string, std::string> out;
  std::string key, value;
  std::istringstream in(rest);
  std::string word;
  while (in >> word) {
    size_t eq = word.find('=');
    if (eq != std::string::npos && eq > 0 &&
        std::all_of(word.begin(), word.begin() + eq, [](char c) {
          return std::isalpha(static_cast<unsigned char>(c)) || c == '~' ||
                 c == '-';
        })) {
      if (!key.empty()) out[key] = value;
      key = word.substr(0, eq);
      value = word.substr(eq + 1);
    } else {
      value += (value.empty() ? "" : " ") + word;
    }
  }
  if (!key.empty()) out[key] = value;
  return out;
}

std::string SpeakerName(const Extraction& x, const Statement& s) {
  if (s.speaker.entity >= 0) return x.entities[s.speaker.entity].name;
  return s.speaker.name;
}

bool StatementMatches(const Extraction& x, const Statement& s,
                      const std::map<std::string, std::string>& want) {
  for (const auto& [k, v] : want) {
    if (k == "speaker") {
      if (!Same(SpeakerName(x, s), v)) return false;
    } else if (k == "source") {
      // The speaker's words as written, the span attribution corpora score.
      if (!s.speaker.has_span || s.speaker.span.end > x.document.text.size() ||
          !Same(std::string(x.document.text.substr(
                    s.speaker.span.begin,
                    s.speaker.span.end - s.speaker.span.begin)),
                v))
        return false;
    } else if (k == "speakers") {
      std::istringstream in(v);
      std::string name;
      while (std::getline(in, name, '+')) {
        bool found = false;
        for (int e : s.speaker.entities)
          found |= Same(x.entities[e].name, name);
        if (!found) return false;
      }
    } else if (k == "kind") {
      if (!Same(std::string(StatementKindName(s.kind)), v)) return false;
    } else if (k == "cue") {
      if (!Same(s.cue_text, v)) return false;
    } else if (k == "content~") {
      if (!Has(s.content_text, v)) return false;
    } else if (k == "content") {
      if (!Same(s.content_text, v)) return false;
    } else if (k == "anonymous") {
      if (s.speaker.anonymous != (Lower(v) == "yes")) return false;
    } else if (k == "count") {
      if (std::to_string(s.speaker.count) != v) return false;
    } else if (k == "via") {
      if (s.via < 0 || !Same(SpeakerName(x, x.statements[s.via]), v))
        return false;
    } else if (k == "said-on") {
      if (s.said_on != (v == "none" ? "" : v)) return false;
    } else if (k == "retold") {
      if (s.retold != (Lower(v) == "yes")) return false;
    } else {
      ADD_FAILURE() << "unknown key " << k;
      return false;
    }
  }
  return true;
}

bool EntityMatches(const Entity& e,
                   const std::map<std::string, std::string>& want) {
  for (const auto& [k, v] : want) {
    if (k == "name") {
      if (!Same(e.name, v)) return false;
    } else if (k == "type") {
      if (!Same(std::string(EntityTypeName(e.type)), v)) return false;
    } else if (k == "role~") {
      bool found = false;
      for (const std::string& r : e.roles) found |= Has(r, v);
      if (!found) return false;
    } else if (k == "alias") {
      bool found = false;
      for (const std::string& a : e.aliases) found |= Same(a, v);
      if (!found) return false;
    } else {
      ADD_FAILURE() << "unknown key " << k;
      return false;
    }
  }
  return true;
}

std::vector<std::string> SplitPlus(const std::string& v) {
  std::vector<std::string> out;
  std::istringstream in(v);
  std::string name;
  while (std::getline(in, name, '+')) {
    size_t b = name.find_first_not_of(' ');
    size_t e = name.find_last_not_of(' ');
    if (b != std::string::npos) out.push_back(name.substr(b, e - b + 1));
  }
  return out;
}

std::string ParticipantName(const Extraction& x, const Participant& p) {
  return p.entity >= 0 ? x.entities[p.entity].name : p.text;
}

// Every name in `names` is a participant of `c`, in `role` when it is given.
bool HasParties(const Extraction& x, const Claim& c, const std::string& names,
                const std::string& role = "") {
  for (const std::string& name : SplitPlus(names)) {
    bool found = false;
    for (const Participant& p : c.participants)
      found |= (role.empty() || Same(p.role, role)) &&
               Same(ParticipantName(x, p), name);
    if (!found) return false;
  }
  return true;
}

bool YesNo(bool b, const std::string& v) { return b == (Lower(v) == "yes"); }

std::string Polarity(const Claim& c) {
  return c.positive ? "positive" : "negative";
}

std::string Family(const Claim& c) { return c.key.substr(0, c.key.find(':')); }

// `count` is not a property of one claim: the caller counts the matches.
bool ClaimMatches(const Extraction& x, const Claim& c,
                  const std::map<std::string, std::string>& want) {
  for (const auto& [k, v] : want) {
    if (k == "predicate") {
      if (!Same(c.predicate, v)) return false;
    } else if (k == "family") {
      if (!Same(Family(c), v)) return false;
    } else if (k == "parties") {
      if (!HasParties(x, c, v)) return false;
    } else if (k == "agent" || k == "partner" || k == "target" ||
               k == "theme") {
      if (!HasParties(x, c, v, k)) return false;
    } else if (k == "polarity") {
      if (!Same(Polarity(c), v)) return false;
    } else if (k == "modality") {
      if (!Same(std::string(ModalityName(c.modality)), v)) return false;
    } else if (k == "location") {
      if (!Same(c.location, v)) return false;
    } else if (k == "location~") {
      if (!Has(c.location, v)) return false;
    } else if (k == "time") {
      if (Lower(c.time).rfind(Lower(v), 0) != 0) return false;
    } else if (k == "text~") {
      if (!Has(c.text, v)) return false;
    } else if (k == "key~") {
      if (!Has(c.key, v)) return false;
    } else if (k == "count") {
      continue;
    } else {
      ADD_FAILURE() << "unknown claim key " << k;
      return false;
    }
  }
  return true;
}

bool StanceMatches(const Extraction& x, const Statement& s, const Stance& st,
                   const std::map<std::string, std::string>& want) {
  std::map<std::string, std::string> of_statement;
  for (const auto& [k, v] : want) {
    if (k == "value") {
      if (!Same(std::string(StanceValueName(st.value)), v)) return false;
    } else if (k == "strength") {
      if (!Same(std::string(StrengthName(st.strength)), v)) return false;
    } else if (k == "principal") {
      if (!YesNo(st.principal, v)) return false;
    } else if (k == "claim" || k == "claim-parties" || k == "claim-polarity") {
      if (st.claim < 0 || st.claim >= static_cast<int>(x.claims.size()))
        return false;
      const Claim& c = x.claims[st.claim];
      if (k == "claim" && !Same(c.predicate, v)) return false;
      if (k == "claim-parties" && !HasParties(x, c, v)) return false;
      if (k == "claim-polarity" && !Same(Polarity(c), v)) return false;
    } else {
      of_statement[k] = v;
    }
  }
  return StatementMatches(x, s, of_statement);
}

std::string DescribeClaim(const Extraction& x, const Claim& c) {
  std::string out = c.predicate + " key=" + c.key + " " + Polarity(c) + " " +
                    std::string(ModalityName(c.modality));
  for (const Participant& p : c.participants)
    out += " " + p.role + "=" + ParticipantName(x, p);
  if (!c.location.empty()) out += " location=" + c.location;
  if (!c.time.empty()) out += " time=" + c.time;
  return out + " text=" + c.text;
}

std::string Describe(const Extraction& x) {
  std::string out = "entities:\n";
  for (const Entity& e : x.entities) {
    out += "  " + e.name + " [" + std::string(EntityTypeName(e.type)) + "]";
    for (const std::string& r : e.roles) out += " role=" + r;
    out += "\n";
  }
  out += "statements:\n";
  for (const Statement& s : x.statements) {
    out += "  speaker=" + SpeakerName(x, s);
    for (int e : s.speaker.entities) out += " +" + x.entities[e].name;
    out += " kind=" + std::string(StatementKindName(s.kind)) +
           " cue=" + s.cue_text;
    if (s.speaker.anonymous)
      out += " anonymous count=" + std::to_string(s.speaker.count);
    if (s.via >= 0) out += " via=" + SpeakerName(x, x.statements[s.via]);
    if (!s.said_on.empty()) out += " said_on=" + s.said_on;
    if (s.retold) out += " retold";
    out += " content=" + s.content_text + "\n";
    for (const Stance& st : s.stances) {
      out += "    stance ";
      out += StanceValueName(st.value);
      if (st.strength != Strength::kNone) {
        out += ' ';
        out += StrengthName(st.strength);
      }
      out += st.principal ? " principal" : " third-party";
      out += " claim=" + std::to_string(st.claim) + "\n";
    }
  }
  out += "claims:\n";
  for (size_t i = 0; i < x.claims.size(); ++i)
    out +=
        "  " + std::to_string(i) + " " + DescribeClaim(x, x.claims[i]) + "\n";
  return out;
}

// Whether the item holds, or an empty optional for an unknown item.
std::optional<bool> Check(const Extraction& x, const std::string& head,
                          const std::map<std::string, std::string>& want) {
  if (head == "entity" || head == "no-entity") {
    bool found = false;
    for (const Entity& e : x.entities) found |= EntityMatches(e, want);
    return found == (head == "entity");
  }
  if (head == "statement" || head == "no-statement") {
    bool found = false;
    for (const Statement& s : x.statements)
      found |= StatementMatches(x, s, want);
    return found == (head == "statement");
  }
  if (head == "claim" || head == "no-claim") {
    int n = 0;
    for (const Claim& c : x.claims) n += ClaimMatches(x, c, want) ? 1 : 0;
    if (head == "no-claim") return n == 0;
    auto count = want.find("count");
    if (count != want.end()) return std::to_string(n) == count->second;
    return n > 0;
  }
  if (head == "stance" || head == "no-stance") {
    bool found = false;
    for (const Statement& s : x.statements)
      for (const Stance& st : s.stances) found |= StanceMatches(x, s, st, want);
    return found == (head == "stance");
  }
  return std::nullopt;
}

// What the extractor found nearest to a failed item, so that a pending line
// says what is wrong without a debugger: the entities of that name, the
// statements of that speaker, the claims of that predicate.
std::string Nearest(const Extraction& x, const std::string& head,
                    const std::map<std::string, std::string>& want) {
  auto get = [&](const std::string& k) {
    auto it = want.find(k);
    return it == want.end() ? std::string() : it->second;
  };
  std::string out;
  if (head == "entity" || head == "no-entity") {
    for (const Entity& e : x.entities) {
      if (!Has(e.name, get("name")) && !Has(get("name"), e.name)) continue;
      out += "      entity " + e.name + " [";
      out += EntityTypeName(e.type);
      out += "]";
      for (const std::string& r : e.roles) out += " role=" + r;
      out += "\n";
    }
    return out.empty() ? "      no entity like " + get("name") + "\n" : out;
  }
  std::string speaker = get("speaker");
  if (head == "claim" || head == "no-claim" || speaker.empty()) {
    std::string pred = get("predicate");
    if (pred.empty()) pred = get("claim");
    for (const Claim& c : x.claims)
      if (pred.empty() || Same(c.predicate, pred) || Same(Family(c), pred) ||
          Same(Family(c), get("family")))
        out += "      claim " + DescribeClaim(x, c) + "\n";
    if (out.empty()) {
      out = "      no such claim; claims:";
      for (const Claim& c : x.claims) out += " " + c.key;
      out += "\n";
    }
    if (head == "claim" || head == "no-claim") return out;
    out.clear();
  }
  for (const Statement& s : x.statements) {
    if (!speaker.empty() && !Same(SpeakerName(x, s), speaker)) continue;
    if (speaker.empty() && get("anonymous") == "yes" && !s.speaker.anonymous)
      continue;
    out += "      statement speaker=" + SpeakerName(x, s) + " kind=";
    out += StatementKindName(s.kind);
    out += " cue=" + s.cue_text;
    if (s.via >= 0) out += " via=" + SpeakerName(x, x.statements[s.via]);
    out += " content=" + s.content_text.substr(0, 60) + "\n";
    for (const Stance& st : s.stances) {
      out += "        stance ";
      out += StanceValueName(st.value);
      if (st.strength != Strength::kNone) {
        out += ' ';
        out += StrengthName(st.strength);
      }
      out += st.principal ? " principal" : " third-party";
      if (st.claim >= 0 && st.claim < static_cast<int>(x.claims.size()))
        out += " on " + x.claims[st.claim].key;
      out += "\n";
    }
  }
  return out.empty() ? "      no statement by " + speaker + "\n" : out;
}

// Every span of `x` lies in its text, begin before end, and every reference
// is in range: what the ledger's JSON reader refuses (an extraction with such
// a span is lost on ingest).
void ExpectWellFormed(const Extraction& x, const std::string& where) {
  Status st = CheckExtraction(x);
  EXPECT_TRUE(st.ok()) << where << ": " << st.ToString();
}

// "title\n\nbody" as the reader of plain text would give it.
Document ReadArticle(const fs::path& txt) {
  std::ifstream in(txt);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string all = ss.str();
  Document doc;
  size_t nl = all.find("\n\n");
  if (nl == std::string::npos) {
    doc.text = all;
  } else {
    doc.title = all.substr(0, nl);
    doc.text = all;
    doc.body_begin = static_cast<uint32_t>(nl + 2);
  }
  doc.id = txt.stem().string();
  return doc;
}

class GoldenTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Extractor> ex = Extractor::Create(
        {.models_dir = std::string(HEARSAY_SOURCE_DIR) + "/models",
         .lexicon_dir = ""});
    ASSERT_TRUE(ex.ok()) << ex.status().message();
    extractor_ = new Extractor(std::move(*ex));
  }
  static void TearDownTestSuite() {
    delete extractor_;
    extractor_ = nullptr;
  }

  // Checks every article of tests/golden/FOLDER against its .expected.
  static void RunFolder(const std::string& folder) {
    ASSERT_NE(extractor_, nullptr);
    fs::path dir = fs::path(HEARSAY_SOURCE_DIR) / "tests/golden" / folder;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir))
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    ASSERT_FALSE(files.empty()) << "no articles in " << dir;
    int pending = 0;
    for (const fs::path& txt : files) {
      fs::path exp = txt;
      exp.replace_extension(".expected");
      std::ifstream ein(exp);
      ASSERT_TRUE(ein) << "missing " << exp;
      std::vector<std::string> lines;
      for (std::string line; std::getline(ein, line);) lines.push_back(line);
      Document doc = ReadArticle(txt);
      const std::string kPublished = "# published:";
      if (!lines.empty() && lines[0].rfind(kPublished, 0) == 0) {
        std::istringstream date(lines[0].substr(kPublished.size()));
        date >> doc.published;
      }
      Extraction x = extractor_->Extract(doc);
      ExpectWellFormed(x, txt.filename().string());
      for (size_t i = 0; i < lines.size(); ++i) {
        std::string line = lines[i];
        if (line.empty() || line[0] == '#') continue;
        std::string where =
            exp.filename().string() + ":" + std::to_string(i + 1) + ": ";
        bool is_pending = line.rfind("pending ", 0) == 0;
        if (is_pending) line = line.substr(8);
        std::string head = line.substr(0, line.find(' '));
        std::string rest =
            line.size() > head.size() ? line.substr(head.size() + 1) : "";
        auto want = ParseKeys(rest);
        std::optional<bool> ok = Check(x, head, want);
        if (!ok) {
          ADD_FAILURE() << where << "unknown item " << head;
        } else if (is_pending) {
          ++pending;
          std::cout << "[ PENDING  ] " << where << line
                    << (*ok ? "  (now passes: drop `pending`)" : "") << "\n";
          if (!*ok) std::cout << Nearest(x, head, want);
        } else {
          EXPECT_TRUE(*ok) << where << line << "\n" << Describe(x);
        }
      }
    }
    if (pending > 0)
      std::cout << "[ PENDING  ] " << pending << " pending line(s) in "
                << folder << "\n";
  }

  static Extractor* extractor_;
};
Extractor* GoldenTest::extractor_ = nullptr;

TEST_F(GoldenTest, Attribution) { RunFolder("attribution"); }

TEST_F(GoldenTest, Claims) { RunFolder("claims"); }

// A text given without its title (as PolNeAR gives its articles) still
// opens with its headline: a title-case first paragraph of one sentence is
// read as one, its capitals no sign of names.
TEST_F(GoldenTest, HeadlineWithoutTitle) {
  ASSERT_NE(extractor_, nullptr);
  Document doc;
  doc.text =
      "Harbour Chief Olwen Tarr Endorses Quillon Crane Sale.\n\n"
      "The Vellmar council votes on the sale of the cranes on Monday.";
  Extraction x = extractor_->Extract(doc);
  bool found = false;
  for (const Statement& st : x.statements) {
    std::string speaker = doc.text.substr(
        st.speaker.span.begin, st.speaker.span.end - st.speaker.span.begin);
    found |= st.cue_text == "Endorses" &&
             speaker.find("Olwen Tarr") != std::string::npos;
  }
  EXPECT_TRUE(found) << Describe(x);
}

// An outlet known only by its web domain, as news-please records it, is
// named as the lexicon names it, and so is the reporter's own voice.
TEST_F(GoldenTest, OutletByDomainNamesTheReportersVoice) {
  ASSERT_NE(extractor_, nullptr);
  Document doc;
  doc.outlet = "transatlanticpress.example";
  doc.text =
      "Harlow Motors and Quillon deny venture report\n\n"
      "Harlow Motors and Quillon on Monday denied a report that they were "
      "in talks on a venture. Harlow Motors will build a plant in Ohio.";
  Extraction x = extractor_->Extract(doc);
  EXPECT_EQ(x.document.outlet, "Transatlantic Press");
  int voices = 0;
  for (const Statement& st : x.statements) {
    if (st.kind != StatementKind::kReporter) continue;
    ++voices;
    EXPECT_EQ(st.speaker.name, "Transatlantic Press");
  }
  EXPECT_GT(voices, 0) << Describe(x);
}

TEST_F(GoldenTest, EmptyDocument) {
  ASSERT_NE(extractor_, nullptr);
  Document doc;
  Extraction x = extractor_->Extract(doc);
  EXPECT_TRUE(x.entities.empty());
  EXPECT_TRUE(x.statements.empty());
  EXPECT_FALSE(x.models_version.empty());
  EXPECT_FALSE(x.lexicons_version.empty());
}

}  // namespace
}  // namespace hearsay
