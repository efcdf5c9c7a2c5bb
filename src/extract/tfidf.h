// Term weighting for comparing a headline with an article: terms are
// lower-cased, lightly stemmed words hashed to 64 bits; document frequencies
// come from a collection (the training articles and headlines) and weight
// each term by how rare it is, so "the" counts for little and "Xiaomi" for
// much.
//
//   IdfTable idf;
//   for (const auto& doc : collection) idf.AddDocument(TermsOf(doc));
//   TermVector h = idf.Vector(headline_terms), b = idf.Vector(body_terms);
//   double similarity = Cosine(h, b);
//
// An IdfTable is a value; its const methods may be called from many threads.
#ifndef HEARSAY_EXTRACT_TFIDF_H_
#define HEARSAY_EXTRACT_TFIDF_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace hearsay {

// (term, weight) sorted by term; Vector() makes it unit length.
using TermVector = std::vector<std::pair<uint64_t, float>>;

// The term of a word: lower-cased (ASCII), with plural and verb endings
// stripped ("claims" and "claimed" -> "claim"), hashed. Words that differ
// only by those endings share a term; nothing else is conflated.
uint64_t TermOf(std::string_view word);
// The stem TermOf() hashes, for tests and debugging.
std::string StemOf(std::string_view word);

class IdfTable {
 public:
  // Counts each distinct term of one document once.
  void AddDocument(std::span<const uint64_t> terms);
  // Drops terms seen in fewer than `min_df` documents, to keep a saved table
  // small; they then weigh like unseen terms.
  void Prune(uint32_t min_df);

  // ln((1 + N) / (1 + df)) + 1: smooth, never zero, largest for unseen terms.
  float Idf(uint64_t term) const;
  // (1 + ln tf) * idf per distinct term, normalised to unit length; empty for
  // no terms.
  TermVector Vector(std::span<const uint64_t> terms) const;

  uint32_t documents() const { return documents_; }
  const std::unordered_map<uint64_t, uint32_t>& document_frequencies() const {
    return df_;
  }
  // Rebuilds a table from saved counts.
  static IdfTable FromCounts(uint32_t documents,
                             std::unordered_map<uint64_t, uint32_t> df);

 private:
  uint32_t documents_ = 0;
  std::unordered_map<uint64_t, uint32_t> df_;
};

// Dot product of two unit vectors: their cosine, in [0, 1].
double Cosine(const TermVector& a, const TermVector& b);

}  // namespace hearsay

#endif  // HEARSAY_EXTRACT_TFIDF_H_
