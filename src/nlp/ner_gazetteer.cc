#include "nlp/ner_gazetteer.h"

#include <algorithm>
#include <set>
#include <utility>

#include "core/tsv.h"

namespace hearsay::nlp {
namespace {

constexpr uint64_t kExactSeed = 0x47415a31;
constexpr uint64_t kLowerSeed = 0x47415a32;
constexpr int kMaxWords = 8;

struct Source {
  const char* file;
  uint8_t kind;
  std::vector<const char*> columns;
};

// Words of a listed phrase as the treebanks cut them: on spaces, with a
// possessive 's as a word of its own ("People's Republic of China").
std::vector<std::string> Words(std::string_view phrase) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < phrase.size()) {
    size_t j = phrase.find(' ', i);
    if (j == std::string_view::npos) j = phrase.size();
    std::string w(phrase.substr(i, j - i));
    if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) {
      out.push_back(w.substr(0, w.size() - 2));
      out.push_back("'s");
    } else if (!w.empty()) {
      out.push_back(std::move(w));
    }
    i = j + 1;
  }
  return out;
}

// The kinds and their names in the "gaz" section: one table for both ways.
struct KindNameEntry {
  uint8_t kind;
  std::string_view name;
};
constexpr KindNameEntry kKindNames[] = {
    {kGazPlace, "PLACE"},          {kGazOrg, "ORG"},
    {kGazDemonym, "DEMONYM"},      {kGazGivenName, "GIVEN"},
    {kGazPlaceWord, "PLACE_WORD"}, {kGazOrgWord, "ORG_WORD"},
    {kGazMiscWord, "MISC_WORD"}};

std::string_view KindName(uint8_t kind) {
  for (const KindNameEntry& e : kKindNames)
    if (e.kind == kind) return e.name;
  return "DEMONYM";
}

uint8_t KindNamed(std::string_view name) {  // 0 for an unknown name
  for (const KindNameEntry& e : kKindNames)
    if (e.name == name) return e.kind;
  return 0;
}

}  // namespace

void Gazetteer::Add(const std::vector<std::string>& tokens, uint8_t kind) {
  int n = static_cast<int>(tokens.size());
  if (n == 0 || n > kMaxWords) return;
  uint64_t exact = kExactSeed, lower = kLowerSeed;
  std::string l;
  for (const std::string& t : tokens) {
    exact = Feat(exact, StringHash(t));
    LowerAscii(t, l);
    lower = Feat(lower, StringHash(l));
  }
  kinds_[exact] |= kind;
  // "us" is not the United States: only longer phrases match in any case.
  if (n > 1) kinds_[lower] |= kind;
  max_words_ = std::max(max_words_, n);
}

Result<Gazetteer> Gazetteer::Parse(std::string_view text) {
  Gazetteer g;
  size_t line = 0;
  while (!text.empty()) {
    ++line;
    size_t nl = text.find('\n');
    std::string_view l = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (l.empty()) continue;
    size_t tab = l.find('\t');
    if (tab == std::string_view::npos) {
      return DataLossError("gazetteer line " + std::to_string(line) +
                           ": no tab");
    }
    std::string_view k = l.substr(0, tab);
    uint8_t kind = KindNamed(k);
    if (kind == 0) {
      return DataLossError("gazetteer line " + std::to_string(line) +
                           ": unknown kind '" + std::string(k) + "'");
    }
    g.Add(Words(l.substr(tab + 1)), kind);
  }
  return g;
}

Result<std::string> Gazetteer::FromLexicons(const std::string& dir) {
  const std::vector<Source> sources = {
      {"places.tsv", kGazPlace, {"name", "aliases"}},
      {"places.tsv", kGazDemonym, {"demonyms"}},
      {"organisations.tsv", kGazOrg, {"name", "aliases"}},
      {"outlets.tsv", kGazOrg, {"name", "aliases"}},
      {"governments.tsv", kGazOrg, {"name", "aliases"}},
      {"given_names.tsv", kGazGivenName, {"name"}},
  };
  std::set<std::pair<std::string, std::string>> entries;  // phrase, kind
  for (const Source& s : sources) {
    HEARSAY_ASSIGN_OR_RETURN(TsvTable t,
                             TsvTable::ReadFile(dir + "/" + s.file));
    for (const char* column : s.columns) {
      HEARSAY_ASSIGN_OR_RETURN(int c, t.Column(column));
      for (size_t r = 0; r < t.rows(); ++r) {
        for (std::string_view v : SplitTsvList(t.Cell(r, c))) {
          // Leading articles are not part of a name (DESIGN.md's gold names
          // are runs of proper nouns).
          for (std::string_view article : {"the ", "The "}) {
            if (v.substr(0, article.size()) == article) {
              v.remove_prefix(article.size());
            }
          }
          if (!v.empty())
            entries.emplace(std::string(v), std::string(KindName(s.kind)));
        }
      }
    }
  }
  // Name words carry their kind in a column of their own.
  HEARSAY_ASSIGN_OR_RETURN(TsvTable words,
                           TsvTable::ReadFile(dir + "/name_words.tsv"));
  HEARSAY_ASSIGN_OR_RETURN(int word_column, words.Column("word"));
  HEARSAY_ASSIGN_OR_RETURN(int type_column, words.Column("type"));
  for (size_t r = 0; r < words.rows(); ++r) {
    std::string_view type = words.Cell(r, type_column);
    const uint8_t kind = KindNamed(std::string(type) + "_WORD");
    if (kind == 0) {
      return InvalidArgumentError(
          dir + "/name_words.tsv: row " + std::to_string(r + 1) + ": type '" +
          std::string(type) + "' is not PLACE, ORG or MISC");
    }
    std::string_view w = words.Cell(r, word_column);
    if (!w.empty())
      entries.emplace(std::string(w), std::string(KindName(kind)));
  }
  std::string out;
  for (const auto& [phrase, kind] : entries) {
    out += kind;
    out += '\t';
    out += phrase;
    out += '\n';
  }
  return out;
}

uint8_t Gazetteer::Lookup(const std::vector<WordFeatures>& words, int first,
                          int last) const {
  if (last - first + 1 > max_words_ || first < 0 ||
      last >= static_cast<int>(words.size())) {
    return 0;
  }
  uint64_t exact = kExactSeed, lower = kLowerSeed;
  for (int i = first; i <= last; ++i) {
    exact = Feat(exact, words[i].form);
    lower = Feat(lower, words[i].lower);
  }
  return KindOf(exact, lower, last > first);
}

uint8_t Gazetteer::KindOf(uint64_t exact, uint64_t lower,
                          bool several_words) const {
  uint8_t kind = 0;
  if (auto it = kinds_.find(exact); it != kinds_.end()) kind |= it->second;
  if (several_words) {
    if (auto it = kinds_.find(lower); it != kinds_.end()) kind |= it->second;
  }
  return kind;
}

void Gazetteer::Match(const std::vector<WordFeatures>& words,
                      std::vector<uint8_t>& kind,
                      std::vector<uint8_t>& part) const {
  int n = static_cast<int>(words.size());
  kind.assign(n, 0);
  part.assign(n, 0);
  if (kinds_.empty()) return;
  // The keys of the phrases starting at i, built word by word once (what
  // Lookup computes for each phrase on its own), then tried longest first.
  uint64_t exact[kMaxWords], lower[kMaxWords];
  for (int i = 0; i < n;) {
    int top = std::min(n - 1, i + max_words_ - 1);
    uint64_t e = kExactSeed, l = kLowerSeed;
    for (int j = i; j <= top; ++j) {
      e = Feat(e, words[j].form);
      l = Feat(l, words[j].lower);
      exact[j - i] = e;
      lower[j - i] = l;
    }
    int best = -1;
    uint8_t best_kind = 0;
    for (int j = top; j >= i; --j) {
      if (uint8_t k = KindOf(exact[j - i], lower[j - i], j > i)) {
        best = j, best_kind = k;
        break;
      }
    }
    if (best < 0) {
      ++i;
      continue;
    }
    for (int k = i; k <= best; ++k) {
      kind[k] = best_kind;
      part[k] = best == i ? 4 : k == i ? 1 : k == best ? 3 : 2;
    }
    i = best + 1;
  }
}

}  // namespace hearsay::nlp
