#include "extract/tfidf.h"

#include <algorithm>
#include <cmath>

#include "core/hash.h"

namespace hearsay {
namespace {

constexpr uint64_t kTermSeed = 0x7465726d;  // "term"

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string StemOf(std::string_view word) {
  std::string s(word);
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  // Only endings that rarely change a word's meaning, and only when a
  // reasonable stem is left: "news" and "was" stay whole.
  auto strip = [&](std::string_view suffix, size_t min_left) {
    if (EndsWith(s, suffix) && s.size() >= suffix.size() + min_left) {
      s.resize(s.size() - suffix.size());
      return true;
    }
    return false;
  };
  if (strip("'s", 1)) return s;
  if ((EndsWith(s, "ies") || EndsWith(s, "ied")) && s.size() >= 5) {
    s.resize(s.size() - 3);
    s += 'y';
    return s;
  }
  if (strip("ing", 4) || strip("ed", 4)) return s;
  if (EndsWith(s, "shes") || EndsWith(s, "ches") || EndsWith(s, "xes") ||
      EndsWith(s, "sses")) {
    strip("es", 3);
    return s;
  }
  if (!EndsWith(s, "ss") && !EndsWith(s, "us") && !EndsWith(s, "is")) {
    strip("s", 3);
  }
  return s;
}

uint64_t TermOf(std::string_view word) {
  return Hash64(StemOf(word), kTermSeed);
}

void IdfTable::AddDocument(std::span<const uint64_t> terms) {
  std::vector<uint64_t> distinct(terms.begin(), terms.end());
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  for (uint64_t t : distinct) ++df_[t];
  ++documents_;
}

void IdfTable::Prune(uint32_t min_df) {
  std::erase_if(df_, [&](const auto& kv) { return kv.second < min_df; });
}

float IdfTable::Idf(uint64_t term) const {
  auto it = df_.find(term);
  double df = it == df_.end() ? 0 : it->second;
  return static_cast<float>(std::log((1.0 + documents_) / (1.0 + df)) + 1.0);
}

TermVector IdfTable::Vector(std::span<const uint64_t> terms) const {
  std::vector<uint64_t> sorted(terms.begin(), terms.end());
  std::sort(sorted.begin(), sorted.end());
  TermVector v;
  double norm = 0;
  for (size_t i = 0; i < sorted.size();) {
    size_t j = i;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    double w = (1.0 + std::log(static_cast<double>(j - i))) * Idf(sorted[i]);
    v.emplace_back(sorted[i], static_cast<float>(w));
    norm += w * w;
    i = j;
  }
  if (norm > 0) {
    float inv = static_cast<float>(1.0 / std::sqrt(norm));
    for (auto& [t, w] : v) w *= inv;
  }
  return v;
}

IdfTable IdfTable::FromCounts(uint32_t documents,
                              std::unordered_map<uint64_t, uint32_t> df) {
  IdfTable t;
  t.documents_ = documents;
  t.df_ = std::move(df);
  return t;
}

double Cosine(const TermVector& a, const TermVector& b) {
  double dot = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (a[i].first > b[j].first) {
      ++j;
    } else {
      dot += static_cast<double>(a[i].second) * b[j].second;
      ++i;
      ++j;
    }
  }
  return std::clamp(dot, 0.0, 1.0);
}

}  // namespace hearsay
