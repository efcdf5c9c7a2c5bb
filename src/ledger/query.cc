#include "ledger/query.h"

#include <algorithm>
#include <cmath>

#include "ledger/linking.h"

namespace hearsay::ledger {

AboutRanker::AboutRanker(std::string_view about)
    : query_(ContentWords(about)), about_norm_(NormalizeName(about)) {
  for (size_t i = 0; i < query_.size(); ++i) {
    index_.emplace(query_[i], static_cast<uint32_t>(i));
  }
  df_.assign(query_.size(), 0);
}

void AboutRanker::Add(std::string_view text,
                      const std::vector<std::string>& participants) {
  Doc d;
  if (!query_.empty()) {
    ContentWordsInto(text, words_);
    std::vector<std::string> more;
    for (const std::string& p : participants) {
      ContentWordsInto(p, more);
      for (std::string& w : more) words_.push_back(std::move(w));
    }
    std::sort(words_.begin(), words_.end());
    words_.erase(std::unique(words_.begin(), words_.end()), words_.end());
    d.first = static_cast<uint32_t>(hits_.size());
    for (const std::string& w : words_) {
      auto it = index_.find(w);
      if (it == index_.end()) {
        ++d.others;
      } else {
        hits_.push_back(it->second);
        ++df_[it->second];
        ++d.count;
      }
    }
  }
  for (const std::string& p : participants) {
    std::string name = NormalizeName(p);
    if (!name.empty() && about_norm_.find(name) != std::string::npos) {
      ++d.bonus;
    }
  }
  docs_.push_back(d);
}

std::vector<double> AboutRanker::Scores() const {
  std::vector<double> scores(docs_.size(), 0);
  if (query_.empty() || docs_.empty()) return scores;
  double n = static_cast<double>(docs_.size());
  std::vector<double> idf(query_.size());
  double qnorm = 0;
  for (size_t i = 0; i < query_.size(); ++i) {
    idf[i] = std::log((n + 1) / (df_[i] + 1)) + 1;
    qnorm += idf[i] * idf[i];
  }
  qnorm = std::sqrt(qnorm);
  // Words outside the query weigh as rare words would: they dilute.
  double rare = std::log(n + 1) + 1;
  for (size_t i = 0; i < docs_.size(); ++i) {
    const Doc& d = docs_[i];
    double dot = 0;
    for (uint32_t k = d.first; k < d.first + d.count; ++k) {
      dot += idf[hits_[k]] * idf[hits_[k]];
    }
    double dnorm = dot + d.others * rare * rare;
    double cosine = dnorm > 0 ? dot / (qnorm * std::sqrt(dnorm)) : 0;
    double bonus = std::min(0.25 * d.bonus, 0.5);
    scores[i] = cosine > 0 || bonus > 0 ? cosine + bonus : 0;
  }
  return scores;
}

std::vector<double> RankAbout(std::string_view about,
                              const std::vector<AboutDoc>& docs) {
  AboutRanker r(about);
  if (!r.useful()) return std::vector<double>(docs.size(), 0);
  for (const AboutDoc& d : docs) r.Add(d.text, d.participants);
  return r.Scores();
}

}  // namespace hearsay::ledger
