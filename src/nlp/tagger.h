// Part-of-speech tagger: UPOS and XPOS as one joint class ("PROPN NNP"),
// predicted greedily left to right by an averaged perceptron over the word,
// its shape and affixes, its neighbours and the two previous tags; with
// TrainOptions::passes = 2, a second left-to-right pass with the same
// weights also sees the tags the first pass gave the next two words (a
// verb/noun choice often hangs on what follows). Training scores both passes on
// each sentence before the first pass's updates, so the second learns from
// first-pass tags with their errors. The same model file carries the
// morphological features (the most frequent FEATS of each (word, tag) in
// training, else of the tag) and the lemmatizer.
//
// Model file sections: "kind" ("tagger"), "tags" (joint classes, one per
// line, "UPOS\tXPOS"), weight table "w", "feats.labels", "feats.default"
// (one feats index per tag), "feats.exc" ("lowerform\ttag\tindex" lines),
// "tagdict" ("lowerform\tN" lines: N, decimal, hashes the set of tags the
// word had in training), "lemma.rules", "lemma.exc", "lemma.vocab"
// (lemmatizer.h; absent in older models, which still load), and "passes"
// ("2"; absent in one-pass models, which still load).
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
  // When the stored weights exceed this many bytes, the smallest are
  // dropped until they fit (0: no limit).
  size_t max_bytes = 0;
  // Predicted input (parser, recogniser): when set, sentences parallel to
  // train / dev whose UPOS and XPOS (and, for the recogniser, HEAD and
  // DEPREL) are the model's input; what is learned (trees, names) still
  // comes from train / dev.
  const std::vector<conllu::Sentence>* tagged_train = nullptr;
  const std::vector<conllu::Sentence>* tagged_dev = nullptr;
  // Recogniser: directory of the gazetteer lexicons (places.tsv,
  // organisations.tsv, outlets.tsv, governments.tsv), copied into the model
  // (empty: none).
  std::string gazetteers;
  // Recogniser: a word class file (word_classes.h) whose classes become
  // features (feature set 2), copied into the model (empty: set 1).
  std::string clusters;
  // Recogniser: score dev (and so choose the epoch) with the types of
  // identical names agreeing across each document, and ask callers to do
  // the same (ner.h AgreeTypes).
  bool agree_types = false;
  // Tagger: 2 adds the second pass (see above); jackknife taggers keep 1.
  int passes = 1;
  // Models trained side by side on differently shuffled data, whose
  // weights are averaged into the one stored (1: a single model).
  int runs = 1;
  // Called after each epoch with one line of dev figures.
  std::function<void(const std::string&)> log;
};

class Tagger {
 public:
  static Result<Tagger> Load(const std::string& path);
  // A tagger over model-file bytes it keeps alive.
  static Result<Tagger> FromBytes(std::shared_ptr<const std::string> bytes);

  // Trains on `train`, reports on `dev` after each epoch and writes the
  // epoch that scored best on dev to `path`.
  static Status Train(const std::vector<conllu::Sentence>& train,
                      const std::vector<conllu::Sentence>& dev,
                      const TrainOptions& options, const std::string& path);
  // The same, returning the model file's bytes instead of writing them.
  static Result<std::string> TrainBytes(
      const std::vector<conllu::Sentence>& train,
      const std::vector<conllu::Sentence>& dev, const TrainOptions& options);

  // Joint tag ids, one per word.
  void Tag(const std::vector<WordFeatures>& words,
           std::vector<int>& tags) const;

  int tag_count() const { return static_cast<int>(upos_.size()); }
  std::string_view Upos(int tag) const { return upos_[tag]; }
  std::string_view Xpos(int tag) const { return xpos_[tag]; }
  std::string_view Feats(const WordFeatures& w, int tag) const;
  // The stored copy of a FEATS string seen in training, or "" when it was
  // never seen (callers keep what they had).
  std::string_view FindFeats(std::string_view feats) const;
  const Lemmatizer& lemmatizer() const { return lemmatizer_; }
  Lemmatizer& mutable_lemmatizer() { return lemmatizer_; }
  const WeightTable& weights() const { return weights_; }

 private:
  // Features of word i: those that do not depend on the previous tags
  // (scored for the whole sentence at once) and those that do.
  static size_t StaticFeatures(const std::vector<WordFeatures>& w,
                               const std::vector<uint64_t>& amb, size_t i,
                               uint64_t* out);
  static size_t DynamicFeatures(const std::vector<WordFeatures>& w,
                                const std::vector<uint64_t>& amb, size_t i,
                                int p1, int p2, uint64_t* out);
  // Second pass: features of the tags the first pass gave the next words.
  static size_t RightFeatures(const std::vector<WordFeatures>& w, size_t i,
                              int p1, int r1, int r2, uint64_t* out);
  static size_t Features(const std::vector<WordFeatures>& w,
                         const std::vector<uint64_t>& amb, size_t i, int p1,
                         int p2, uint64_t* out) {
    size_t n = StaticFeatures(w, amb, i, out);
    return n + DynamicFeatures(w, amb, i, p1, p2, out + n);
  }
  static Result<Tagger> FromFile(std::shared_ptr<ModelFile> file);
  void Ambiguity(const std::vector<WordFeatures>& w,
                 std::vector<uint64_t>& amb) const;
  static uint64_t FeatsKey(uint64_t lower, int tag);

  std::shared_ptr<const std::string> bytes_;  // when not mapped from a file
  std::shared_ptr<ModelFile> file_;
  WeightTable weights_;
  // 2: a second left-to-right pass that also sees the first pass's tags of
  // the next two words (section "passes"; models without it have one).
  int passes_ = 1;
  // Lower-cased form -> hash of the set of tags it had in training
  // (frequent words only): the word's ambiguity class.
  std::unordered_map<uint64_t, uint64_t> ambiguity_;
  std::vector<std::string> upos_, xpos_;
  std::vector<std::string> feats_labels_;
  std::unordered_map<uint64_t, uint32_t> feats_index_;  // by StringHash
  std::vector<uint32_t> feats_default_;
  std::unordered_map<uint64_t, uint32_t> feats_exc_;
  Lemmatizer lemmatizer_;
};

// Replaces UPOS, XPOS and FEATS of every word by the tagger's predictions,
// so that models trained on them see the tags they will see at run time.
void Retag(const Tagger& tagger, std::vector<conllu::Sentence>& sentences);
// Jackknifing: splits `sentences` into `folds` parts, trains a tagger on all
// but one part and retags that part with it, for each part.
Status RetagJackknife(std::vector<conllu::Sentence>& sentences, int folds,
                      const std::vector<conllu::Sentence>& dev,
                      const TrainOptions& options);

// Prunes `tables` with one rising weight threshold until their stored size
// fits `max_bytes`; returns the threshold used (0 when nothing was cut).
float FitToSize(std::vector<WeightTable*> tables, size_t max_bytes);

// Shared by the training commands: the forms of a sentence as views.
std::vector<std::string_view> Forms(const conllu::Sentence& s);
// Fisher-Yates with a fixed generator, identical on every platform.
void Shuffle(std::vector<size_t>& v, uint64_t& state);

// TrainOptions::runs trainings side by side: run k visits the `examples`
// in its own shuffled order, drawn from its own generator (seed + k times
// a fixed odd constant, so run 0 is the single-run training of `seed`).
struct TrainingRuns {
  TrainingRuns(int runs, size_t examples, uint64_t seed);
  int size() const { return static_cast<int>(orders.size()); }
  std::vector<std::vector<size_t>> orders;
  std::vector<uint64_t> rngs;
};
// The mean of the runs' averaged weights (PerceptronTrainer::ExportMean).
WeightTable ExportMean(const std::vector<PerceptronTrainer>& runs,
                       float min_fraction);

}  // namespace hearsay::nlp

#endif  // HEARSAY_NLP_TAGGER_H_
