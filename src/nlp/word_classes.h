// Distributional word classes: words that occur between the same neighbours
// share a class, so a feature on the class carries what was learned from
// the few training words of a kind ("Moscow", "Nairobi") to words never
// seen in training ("Lusaka"), as long as they occurred in unlabeled text.
//
// Classes are learned by the exchange algorithm on a class-bigram model
// (each word belongs to one class; a sentence's probability is the product
// of P(class | previous class) P(word | class)): every word in turn moves
// to the class that most raises the corpus likelihood, until few words
// move. Coarser levels cluster the classes of the level below with the same
// algorithm, so each level refines the next one up. Everything is
// deterministic: frequency order with ties broken by the bytes of the word,
// and a sweep order drawn from a fixed seed.
//
// File format (also the "clusters" section of ner.model), UTF-8 text:
//
//   # hearsay word classes<TAB>LEVEL0<TAB>LEVEL1...   (class counts)
//   form<TAB>count<TAB>class0<TAB>class1...
//
// one line per word, most frequent first; class0 is the finest.
//
// A WordClassCorpus is a builder for one thread. WordClasses is immutable
// after Train or Parse and safe to share between threads.
#ifndef HEARSAY_NLP_WORD_CLASSES_H_
#define HEARSAY_NLP_WORD_CLASSES_H_

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hearsay/status.h"

namespace hearsay::nlp {

// Word forms of sentences, interned as they are added.
class WordClassCorpus {
 public:
  void AddSentence(const std::vector<std::string_view>& words);
  size_t tokens() const { return tokens_; }
  size_t sentences() const { return sentences_; }

 private:
  friend class WordClasses;
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> forms_;
  std::vector<uint64_t> counts_;
  // Ids of every word, a sentence after another; kBoundary between them.
  std::vector<uint32_t> stream_;
  size_t tokens_ = 0, sentences_ = 0;
};

struct WordClassOptions {
  // Classes per level, finest first; each level has fewer than the one
  // before.
  std::vector<int> classes = {150, 40, 10};
  // Rarer words share one placeholder in the statistics and get no class.
  int min_count = 2;
  // Most sweeps over the words per level; a level stops early once fewer
  // than one word in a thousand moves in a sweep.
  int iterations = 15;
  uint64_t seed = 1;
  std::function<void(const std::string&)> log;
};

class WordClasses {
 public:
  static constexpr int kMaxLevels = 4;
  using Ids = std::array<uint16_t, kMaxLevels>;

  WordClasses() = default;

  static Result<WordClasses> Train(const WordClassCorpus& corpus,
                                   const WordClassOptions& options);
  static Result<WordClasses> Parse(std::string_view text);
  static Result<WordClasses> ReadFile(const std::string& path);
  // The file text; Parse(ToText()) gives the same classes.
  std::string ToText() const;

  int levels() const { return levels_; }
  size_t size() const { return forms_.size(); }
  bool empty() const { return forms_.empty(); }

  // The classes of a word by StringHash of its exact form, else of its
  // lower-cased form (headlines in capitals); nullptr when neither is known.
  const Ids* Find(uint64_t form_hash, uint64_t lower_hash) const;
  // The same by form, for tests and tools.
  const Ids* Find(std::string_view form) const;

 private:
  int levels_ = 0;
  std::vector<int> class_counts_;
  std::vector<std::string> forms_;
  std::vector<uint64_t> counts_;
  std::vector<Ids> ids_;
  std::unordered_map<uint64_t, uint32_t> index_;  // StringHash(form) -> word
  std::unordered_map<uint64_t, uint32_t> lower_index_;
  void BuildIndex();
};

}  // namespace hearsay::nlp

#endif  // HEARSAY_NLP_WORD_CLASSES_H_
