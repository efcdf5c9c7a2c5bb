// Transition-based dependency parser: arc-hybrid with the root at the end of
// the buffer, greedy, trained with a dynamic oracle (Goldberg & Nivre 2013)
// and exploration. Two averaged perceptrons: one picks the transition
// (SHIFT, LEFT, RIGHT), the other labels each arc as it is made, so later
// decisions see the labels of the children built so far. Training trees that
// are not projective are projectivised by lifting (the shortest crossing arc
// moves up to its grandparent until none crosses); the parser therefore
// outputs projective trees. That costs little on English: lifting changes
// 36 of EWT dev's 25,147 heads (0.14%) and 35 of GUM dev's 14,411 (0.24%).
//
// Model file sections: "kind" ("parser"), "labels" (UD relations, one per
// line), weight tables "t" (transitions) and "l" (labels), and "features"
// (the feature set, "2"; absent in models of set 1).
//
// Parser owns its mapped file; immutable after Load, safe to share between
// threads.
#ifndef HEARSAY_NLP_PARSER_H_
#define HEARSAY_NLP_PARSER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/status.h"
#include "nlp/features.h"
#include "nlp/model_file.h"
#include "nlp/perceptron.h"
#include "nlp/tagger.h"
#include "text/conllu.h"

namespace hearsay::nlp {

// The value the parser and the recogniser use for a word's tag.
uint64_t TagValue(std::string_view upos, std::string_view xpos);

// What only the parser's training takes.
struct ParserOptions {
  // 1: the templates of the shipped model; 2: also ExtraMoveFeatures and
  // more arc-label templates (stored in the model; Parse follows it).
  int features = 1;
  // States kept per step (stored in the model; Parse follows it). 1 is the
  // greedy parser trained move by move with the dynamic oracle; above 1
  // the parser is trained on whole transition sequences with beam search
  // and max-violation updates, and parses with the same beam.
  int beam = 1;
};

class Parser {
 public:
  static Result<Parser> Load(const std::string& path);
  static Result<Parser> FromBytes(std::shared_ptr<const std::string> bytes);

  // Trains on gold tags; reports dev UAS/LAS (gold tags, universal relations
  // as CoNLL 2018 scores them) after each epoch and writes the epoch with the
  // best dev LAS to `path`.
  static Status Train(const std::vector<conllu::Sentence>& train,
                      const std::vector<conllu::Sentence>& dev,
                      const TrainOptions& options, const std::string& path);
  static Status Train(const std::vector<conllu::Sentence>& train,
                      const std::vector<conllu::Sentence>& dev,
                      const TrainOptions& options,
                      const ParserOptions& parser_options,
                      const std::string& path);
  // The same, returning the model file's bytes instead of writing them.
  static Result<std::string> TrainBytes(
      const std::vector<conllu::Sentence>& train,
      const std::vector<conllu::Sentence>& dev, const TrainOptions& options,
      const ParserOptions& parser_options);

  // heads[i] is the 1-based head of word i+1 (0 = root); labels[i] an index
  // into Label().
  void Parse(const std::vector<WordFeatures>& words,
             const std::vector<uint64_t>& tags, std::vector<int>& heads,
             std::vector<int>& labels) const;

  std::string_view Label(int id) const { return labels_[id]; }
  int label_count() const { return static_cast<int>(labels_.size()); }
  const WeightTable& transitions() const { return transitions_; }
  const WeightTable& labeller() const { return labeller_; }
  int features() const { return features_; }
  int beam() const { return beam_; }

 private:
  static Result<Parser> FromFile(ModelFile f, const std::string& name);
  void ParseBeam(const std::vector<WordFeatures>& words,
                 const std::vector<uint64_t>& tags, std::vector<int>& heads,
                 std::vector<int>& labels) const;

  std::shared_ptr<ModelFile> file_;
  std::shared_ptr<const std::string> bytes_;  // FromBytes keeps them alive
  int features_ = 1;
  int beam_ = 1;
  WeightTable transitions_, labeller_;
  std::vector<std::string> labels_;
  int root_label_ = 0;
};

// Replaces HEAD and DEPREL of every word by the parser's output (on the
// sentences' own UPOS and XPOS).
void Reparse(const Parser& parser, std::vector<conllu::Sentence>& sentences);

// Lifts crossing arcs until the tree is projective. heads[i] is the head of
// word i+1 (0 = root). Exposed for tests.
void Projectivize(std::vector<int>& heads);
bool IsProjective(const std::vector<int>& heads);

// Walks a sentence with random valid transitions and labels and checks in
// every state that the transition features Parse scores (per-word groups
// and constants, cached per sentence, and the rest) are exactly those that
// training scores, as a multiset. Returns the number of states checked, or
// -1 at the first difference. Exposed for tests.
int CheckMoveFeatureSplit(const std::vector<WordFeatures>& words,
                          const std::vector<uint64_t>& tags, uint64_t seed,
                          int features = 1);

// Runs the static part of the oracle: the transitions a zero-cost path takes
// for a projective tree, applied to an empty parser state; returns the heads
// it builds. Exposed for tests (must equal `heads` for projective trees).
std::vector<int> OracleHeads(const std::vector<int>& heads);

}  // namespace hearsay::nlp

#endif  // HEARSAY_NLP_PARSER_H_
