#include "ledger/linking.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ledger/words.h"

namespace hearsay::ledger {
namespace {

constexpr std::string_view kStopWords[] = {
    "a",    "an",   "and",   "are",   "as",   "at",    "be",    "by",
    "for",  "from", "has",   "have",  "in",   "into",  "is",    "it",
    "its",  "of",   "on",    "or",    "that", "the",   "their", "this",
    "to",   "was",  "were",  "will",  "with", "would", "said",  "says",
    "over", "up",   "about", "after", "not",  "no",    "new"};

bool IsStopWord(std::string_view w) {
  for (std::string_view s : kStopWords) {
    if (s == w) return true;
  }
  return false;
}

void Reason(std::string& out, const char* name, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s\"%s\":%.3g", out.size() > 1 ? "," : "",
                name, v);
  out += buf;
}

}  // namespace

Result<const PredicateFamilies*> PredicateFamilies::Shipped() {
  static const Result<PredicateFamilies> shipped = Load("");
  if (!shipped.ok()) return shipped.status();
  return &*shipped;
}

Result<PredicateFamilies> PredicateFamilies::Load(
    const std::string& lexicon_dir) {
  LexiconOptions options;
  options.user_dir = lexicon_dir;
  HEARSAY_ASSIGN_OR_RETURN(Lexicons lexicons, Lexicons::Load(options));
  return From(lexicons);
}

PredicateFamilies PredicateFamilies::From(const Lexicons& lexicons) {
  PredicateFamilies out;
  // Rows are in load order, the user's after the shipped ones: when rows of
  // one class disagree, the last says the family of the class.
  for (const PredicateTrigger& t : lexicons.predicates()) {
    out.family_[t.cls] = t.family.empty() ? t.cls : t.family;
  }
  return out;
}

std::string PredicateFamilies::Of(std::string_view predicate) const {
  auto it = family_.find(std::string(predicate));
  return it != family_.end() ? it->second : std::string(predicate);
}

void ContentWordsInto(std::string_view text, std::vector<std::string>& out) {
  size_t n = 0;
  // One-letter words ("s" of a possessive) are no content.
  ForEachWord(text, [&](std::string_view w) {
    if (w.size() > 1 && !IsStopWord(w)) {
      if (n == out.size()) out.emplace_back();
      out[n++].assign(w);
    }
  });
  out.resize(n);
}

std::vector<std::string> ContentWords(std::string_view text) {
  std::vector<std::string> words;
  ContentWordsInto(text, words);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

std::string NormalizeName(std::string_view name) {
  std::string out;
  bool space = false;
  for (unsigned char c : name) {
    if (c == ' ' || c == '\t' || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a')
                                       : static_cast<char>(c));
  }
  return out;
}

double Jaccard(const std::vector<std::string>& a,
               const std::vector<std::string>& b) {
  if (a.empty() && b.empty()) return 0;
  const size_t common = CountCommon(a, b);
  return static_cast<double>(common) / (a.size() + b.size() - common);
}

LinkScore ScoreLink(const LinkFeatures& c, const LinkFeatures& r,
                    bool explain) {
  LinkScore s;
  bool key = !c.key.empty() && c.key == r.key;
  double participants = Jaccard(c.participants, r.participants);
  double family = c.family == r.family ? 1 : 0;
  double location = c.location.empty() || r.location.empty() ? 0.5
                    : c.location == r.location               ? 1
                                                             : 0;
  double time = 0.5;
  bool far_apart = false;
  if (c.time && r.time) {
    int64_t gap = std::llabs(*c.time - *r.time);
    far_apart = gap > kLinkTimeWindowSeconds;
    time = far_apart
               ? 0
               : 1 - 0.5 * static_cast<double>(gap) / kLinkTimeWindowSeconds;
  }
  double text = Jaccard(c.words, r.words);
  if (key) {
    // The extractor's key names the proposition; only a different event in
    // time or place separates two claims that share it.
    s.score = 0.85 + 0.15 * std::max(text, participants);
    s.link = !far_apart && location > 0;
  } else {
    s.score = 0.35 * participants + 0.2 * family + 0.1 * location + 0.1 * time +
              0.25 * text;
    // Without the key, the same family and most of the same parties are
    // needed besides a high score.
    s.link = family > 0 && participants >= 0.5 && !far_apart &&
             s.score >= kLinkThreshold;
  }
  if (!explain) return s;
  s.reasons = "{";
  Reason(s.reasons, "key", key ? 1 : 0);
  Reason(s.reasons, "participants", participants);
  Reason(s.reasons, "family", family);
  Reason(s.reasons, "location", location);
  Reason(s.reasons, "time", time);
  Reason(s.reasons, "text", text);
  Reason(s.reasons, "score", s.score);
  s.reasons += "}";
  return s;
}

}  // namespace hearsay::ledger
