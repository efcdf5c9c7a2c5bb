#include "ledger/query.h"

#include <cmath>
#include <map>
#include <unordered_map>

#include "ledger/linking.h"

namespace hearsay::ledger {

std::vector<double> RankAbout(std::string_view about,
                              const std::vector<AboutDoc>& docs) {
  std::vector<double> scores(docs.size(), 0);
  std::vector<std::string> query = ContentWords(about);
  if (query.empty() || docs.empty()) return scores;
  std::string about_norm = NormalizeName(about);
  // Document frequency of the query's words only: that is all the cosine
  // needs, and it keeps the pass over the ledger cheap.
  std::unordered_map<std::string, int> df;
  for (const std::string& w : query) df[w] = 0;
  std::vector<std::vector<std::string>> words(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    std::string all = docs[i].text;
    for (const std::string& p : docs[i].participants) all += " " + p;
    words[i] = ContentWords(all);
    for (const std::string& w : words[i]) {
      auto it = df.find(w);
      if (it != df.end()) ++it->second;
    }
  }
  double n = static_cast<double>(docs.size());
  auto idf = [&](const std::string& w) {
    auto it = df.find(w);
    int f = it == df.end() ? 0 : it->second;
    return std::log((n + 1) / (f + 1)) + 1;
  };
  double qnorm = 0;
  for (const std::string& w : query) qnorm += idf(w) * idf(w);
  qnorm = std::sqrt(qnorm);
  for (size_t i = 0; i < docs.size(); ++i) {
    double dot = 0, dnorm = 0;
    for (const std::string& w : words[i]) {
      auto it = df.find(w);
      // Words outside the query weigh as rare words would: they dilute.
      double weight = it == df.end() ? std::log(n + 1) + 1 : idf(w);
      dnorm += weight * weight;
      if (it != df.end()) dot += weight * weight;
    }
    double cosine = dnorm > 0 ? dot / (qnorm * std::sqrt(dnorm)) : 0;
    double bonus = 0;
    for (const std::string& p : docs[i].participants) {
      std::string name = NormalizeName(p);
      if (!name.empty() && about_norm.find(name) != std::string::npos) {
        bonus += 0.25;
      }
    }
    scores[i] = cosine > 0 || bonus > 0 ? cosine + std::min(bonus, 0.5) : 0;
  }
  return scores;
}

}  // namespace hearsay::ledger
