// Stance of an article toward a headline, the FNC-1 way: does the body agree
// with the headline's claim, disagree with it, discuss it without taking a
// side, or is it about something else (unrelated)?
//
// The classifier works in two stages over features of the pair — TF-IDF
// similarity of the headline to the whole body, its lead and its closest
// sentences, word, bigram, number and name overlap, and cues from the
// lexicons (denial_cues.tsv, hedges.tsv, negation.tsv) in the body and near
// the headline's words — plus hashed words. The first stage, a logistic
// regression, decides related or unrelated; the second, a multinomial one,
// chooses agree / disagree / discuss for related pairs. Both are trained by
// StanceClassifier::Train() on FNC-1 data and saved in one small file
// (models/stance.model).
//
//   HEARSAY_ASSIGN_OR_RETURN(StanceClassifier c,
//                            StanceClassifier::Load("models/stance.model"));
//   StanceResult r = c.Classify(claim_text, article_body);
//   Print(FncStanceName(r.stance));
//   for (const StanceEvidence& e : r.evidence) Cite(e.span);
//
// Evaluation follows FNC-1 (ScoreFnc): 0.25 for each correct related /
// unrelated decision, 0.75 more for the exact label of a related pair,
// relative to the best possible score; plus per-class and macro F1.
//
// Development data is split by story (SplitStories): the connected groups of
// headlines and bodies joined by related pairs, so that no story is seen on
// both sides, as in the official test.
//
// A StanceClassifier is immutable after Load() or Train(); Classify() may be
// called from many threads at once. It owns its weights and shares the
// read-only lexicons and segmenter it was built with.
#ifndef HEARSAY_EXTRACT_STANCE_FNC_H_
#define HEARSAY_EXTRACT_STANCE_FNC_H_

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/csv.h"
#include "hearsay/span.h"
#include "hearsay/status.h"

namespace hearsay {

enum class FncStance : uint8_t { kAgree, kDisagree, kDiscuss, kUnrelated };
inline constexpr int kFncStanceCount = 4;
// "agree", "disagree", "discuss", "unrelated".
std::string_view FncStanceName(FncStance s);
// Case-insensitive, surrounding spaces ignored; nullopt for anything else.
std::optional<FncStance> ParseFncStance(std::string_view name);
inline bool IsRelated(FncStance s) { return s != FncStance::kUnrelated; }

// One headline-body pair of an FNC-1 style file.
struct FncPair {
  std::string headline;
  std::string body_id;
  FncStance stance = FncStance::kUnrelated;  // meaningful when labelled
  bool labelled = false;
  uint32_t line = 0;  // where the row starts in its file
};

struct FncData {
  std::unordered_map<std::string, std::string> bodies;  // Body ID -> text
  std::vector<FncPair> pairs;                           // in file order
  // One "file:line: message" per dropped row: malformed CSV, an unknown
  // stance, a Body ID with no body, a duplicate Body ID.
  std::vector<std::string> errors;
};

// Builds FncData from a bodies table (Body ID, articleBody) and a pairs table
// (Headline, Body ID, and Stance when `need_stance`; a Stance column is read
// if present either way). Missing columns are an error; bad rows are dropped
// into errors.
Result<FncData> FncDataFromTables(const CsvTable& bodies, const CsvTable& pairs,
                                  bool need_stance);
// The same from files.
Result<FncData> ReadFncData(const std::string& bodies_path,
                            const std::string& pairs_path, bool need_stance);

// Which pairs are held out for development.
struct StorySplit {
  std::vector<uint32_t> story;  // per pair: its story's index
  std::vector<bool> heldout;    // per pair
  size_t stories = 0, heldout_stories = 0;
  size_t bodies = 0, heldout_bodies = 0;
  size_t pairs = 0, heldout_pairs = 0;
  std::array<size_t, kFncStanceCount> train_labels{}, heldout_labels{};
};
// A story is a connected component of the graph whose nodes are headlines
// (by exact text) and Body IDs and whose edges are the related pairs; an
// unrelated pair belongs to its body's story. A story is held out when
// Hash64 of its smallest Body ID (compared as numbers when they are digits)
// falls in the first `heldout_percent` of 100 buckets, so the split depends
// on nothing but the data.
StorySplit SplitStories(const FncData& data, uint32_t heldout_percent = 20);

// FNC-1 figures for predictions against gold labels.
struct FncScores {
  // confusion[gold][predicted], in FncStance order.
  std::array<std::array<uint64_t, kFncStanceCount>, kFncStanceCount>
      confusion{};
  double score = 0, max_score = 0;
  // score / max_score in percent (0 when there is nothing to score).
  double Relative() const;
  double Precision(FncStance s) const;
  double Recall(FncStance s) const;
  double F1(FncStance s) const;
  double MacroF1() const;  // mean F1 of the four classes
  uint64_t total() const;
};
// `gold` and `predicted` have equal sizes.
FncScores ScoreFnc(std::span<const FncStance> gold,
                   std::span<const FncStance> predicted);

// A body sentence that drove a decision.
struct StanceEvidence {
  Span span;              // in the body text given to Classify()
  double similarity = 0;  // TF-IDF cosine with the headline
  bool refuting = false;  // holds a denial cue near the headline's words
  bool hedging = false;   // holds a hedge
};

struct StanceResult {
  FncStance stance = FncStance::kUnrelated;
  std::array<double, kFncStanceCount> scores{};  // probabilities, sum 1
  std::vector<StanceEvidence> evidence;          // best first
};

struct StanceTrainOptions {
  int related_epochs = 8;
  int stance_epochs = 12;
  double learning_rate = 0.1;
  double l2 = 1e-6;
  // Loss weight of each class in the second stage is (n_max / n_class) ^
  // class_weight_power: 0 unweighted, 1 fully balanced.
  double class_weight_power = 1.0;
  uint64_t seed = 20170601;
  // Models trained on differently shuffled data and averaged.
  int runs = 9;
  // Words become features only when they occur in at least this many
  // training stories.
  int min_stories = 20;
  // Where the lexicons come from (empty: the shipped ones).
  std::string lexicon_dir;
};

namespace stance_internal {
struct Resources;  // lexicons and segmenter, shared read-only
struct Model;      // idf table and weights
}  // namespace stance_internal

class StanceClassifier {
 public:
  // Reads a saved model; DataLoss when the file is not one or is damaged.
  // `lexicon_dir` adds user lexicons (empty: the shipped ones).
  static Result<StanceClassifier> Load(const std::string& path,
                                       const std::string& lexicon_dir = "");
  static Result<StanceClassifier> Parse(std::string_view bytes,
                                        const std::string& lexicon_dir = "");
  // Learns from the labelled pairs of `data` whose `train` entry is true
  // (all when `train` is empty). Deterministic for given data and options.
  static Result<StanceClassifier> Train(const FncData& data,
                                        std::span<const bool> train,
                                        const StanceTrainOptions& options);

  std::string Serialize() const;
  Status Save(const std::string& path) const;

  StanceResult Classify(std::string_view headline, std::string_view body) const;
  // Predicts every pair of `data` whose `include` entry is true (all when
  // empty), preparing each body and headline once; others get kUnrelated.
  // Pairs whose body is missing are unrelated.
  std::vector<FncStance> ClassifyPairs(const FncData& data,
                                       std::span<const bool> include) const;

  // A hash of the weights, for output records.
  const std::string& version() const;
  // The version of the lexicons the model was trained with, and of those it
  // now reads. Cue features come from the lexicons, so when the two differ
  // the model still works but its measured scores no longer hold exactly:
  // retrain.
  const std::string& trained_lexicons() const;
  const std::string& lexicons() const;

  StanceClassifier(StanceClassifier&&) noexcept;
  StanceClassifier& operator=(StanceClassifier&&) noexcept;
  ~StanceClassifier();

 private:
  StanceClassifier();
  std::shared_ptr<const stance_internal::Resources> resources_;
  std::unique_ptr<stance_internal::Model> model_;
};

}  // namespace hearsay

#endif  // HEARSAY_EXTRACT_STANCE_FNC_H_
