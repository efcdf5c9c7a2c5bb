// Golden tests of the Extractor: every tests/golden/attribution/NAME.txt is
// an invented article (title on the first line, a blank line, the body) and
// NAME.expected lists what must be found in it, one item a line:
//
//   entity name=Jim Farley type=PERSON role~=CEO alias=Farley
//   statement speaker=Ford kind=direct cue=said content~=completely false
//   statement speakers=Ford+Xiaomi
//   statement anonymous=yes count=4 via=Financial Times
//   no-statement speaker=Ford kind=report
//
// Keys: name, type, role~ (part of a role), alias; speaker (the entity's
// name or the speaker's words), speakers (a group, joined by +), kind, cue,
// content~ (part of the content), anonymous (yes/no), count, via (the
// speaker of the statement it reaches us through). "~=" means "contains",
// "=" means "equals", both ignoring case. A `statement` line passes when
// some statement matches every key; a `no-statement` line when none does.
// Lines starting with # are comments.
#include "hearsay/extractor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
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
          return std::isalpha(static_cast<unsigned char>(c)) || c == '~';
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
    } else if (k == "anonymous") {
      if (s.speaker.anonymous != (Lower(v) == "yes")) return false;
    } else if (k == "count") {
      if (std::to_string(s.speaker.count) != v) return false;
    } else if (k == "via") {
      if (s.via < 0 || !Same(SpeakerName(x, x.statements[s.via]), v))
        return false;
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
    out += " content=" + s.content_text + "\n";
  }
  return out;
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
  static Extractor* extractor_;
};
Extractor* GoldenTest::extractor_ = nullptr;

TEST_F(GoldenTest, Attribution) {
  ASSERT_NE(extractor_, nullptr);
  fs::path dir = fs::path(HEARSAY_SOURCE_DIR) / "tests/golden/attribution";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty()) << "no articles in " << dir;
  for (const fs::path& txt : files) {
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
    Extraction x = extractor_->Extract(doc);
    fs::path exp = txt;
    exp.replace_extension(".expected");
    std::ifstream ein(exp);
    ASSERT_TRUE(ein) << "missing " << exp;
    std::string line;
    int line_no = 0;
    while (std::getline(ein, line)) {
      ++line_no;
      if (line.empty() || line[0] == '#') continue;
      std::string head = line.substr(0, line.find(' '));
      std::string rest =
          line.size() > head.size() ? line.substr(head.size() + 1) : "";
      auto want = ParseKeys(rest);
      bool found = false;
      if (head == "entity") {
        for (const Entity& e : x.entities) found |= EntityMatches(e, want);
        EXPECT_TRUE(found) << exp.filename() << ":" << line_no << ": " << line
                           << "\n"
                           << Describe(x);
      } else if (head == "statement" || head == "no-statement") {
        for (const Statement& s : x.statements)
          found |= StatementMatches(x, s, want);
        if (head == "statement") {
          EXPECT_TRUE(found)
              << exp.filename() << ":" << line_no << ": " << line << "\n"
              << Describe(x);
        } else {
          EXPECT_FALSE(found)
              << exp.filename() << ":" << line_no << ": " << line << "\n"
              << Describe(x);
        }
      } else {
        ADD_FAILURE() << exp.filename() << ":" << line_no << ": unknown item "
                      << head;
      }
    }
  }
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
