// Part-of-speech tagger: UPOS and XPOS as one joint class ("PROPN NNP"),
// predicted greedily left to right by an averaged perceptron over the word,
// its shape and affixes, its neighbours and the two previous tags. The same
// model file carries the morphological features (the most frequent FEATS of
// each (word, tag) in training, else of the tag) and the lemmatizer.
//
// Model file sections: "kind" ("tagger"), "tags" (joint classes, one per
// line, "UPOS\tXPOS"), weight table "w", "feats.labels", "feats.default"
// (one feats index per tag), "feats.exc" ("lowerform\ttag\tindex" lines),
// "lemma.rules", "lemma.exc" (lemmatizer.h).
//
// Tagger owns its mapped file; it is immutable after Load and safe to share
// between threads.
#ifndef HEARSAY_NLP_TAGGER_H_
#define HEARSAY_NLP_TAGGER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hearsay/status.h"
#include "nlp/features.h"
#include "nlp/lemmatizer.h"
#include "nlp/model_file.h"
#include "nlp/perceptron.h"
#include "text/conllu.h"

namespace hearsay::nlp {

struct TrainOptions {
  int epochs = 10;
  uint64_t seed = 1;
  // Weights below this fraction of the largest are not stored.
  float prune = 0;
  // Called after each epoch with one line of dev figures.
  std::function<void(const std::string&)> log;
};

class Tagger {
 public:
  static Result<Tagger> Load(const std::string& path);

  // Trains on `train`, reports on `dev` after each epoch and writes the
  // epoch that scored best on dev to `path`.
  static Status Train(const std::vector<conllu::Sentence>& train,
                      const std::vector<conllu::Sentence>& dev,
                      const TrainOptions& options, const std::string& path);

  // Joint tag ids, one per word.
  void Tag(const std::vector<WordFeatures>& words,
           std::vector<int>& tags) const;

  int tag_count() const { return static_cast<int>(upos_.size()); }
  std::string_view Upos(int tag) const { return upos_[tag]; }
  std::string_view Xpos(int tag) const { return xpos_[tag]; }
  std::string_view Feats(const WordFeatures& w, int tag) const;
  const Lemmatizer& lemmatizer() const { return lemmatizer_; }
  Lemmatizer& mutable_lemmatizer() { return lemmatizer_; }
  const WeightTable& weights() const { return weights_; }

 private:
  static size_t Features(const std::vector<WordFeatures>& w, size_t i, int p1,
                         int p2, uint64_t* out);
  static uint64_t FeatsKey(uint64_t lower, int tag);

  std::shared_ptr<ModelFile> file_;
  WeightTable weights_;
  std::vector<std::string> upos_, xpos_;
  std::vector<std::string> feats_labels_;
  std::vector<uint32_t> feats_default_;
  std::unordered_map<uint64_t, uint32_t> feats_exc_;
  Lemmatizer lemmatizer_;
};

// Shared by the training commands: the forms of a sentence as views.
std::vector<std::string_view> Forms(const conllu::Sentence& s);
// Fisher-Yates with a fixed generator, identical on every platform.
void Shuffle(std::vector<size_t>& v, uint64_t& state);

}  // namespace hearsay::nlp

#endif  // HEARSAY_NLP_TAGGER_H_
