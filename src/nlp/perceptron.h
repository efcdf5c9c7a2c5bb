// Averaged perceptron over hashed features: the training-time learner and the
// compact table the trained weights are stored in.
//
// A feature is a 64-bit hash (features.h). Training keeps one dense row of
// float weights per feature that was ever updated; Export() averages them,
// quantises them to 16 bits against one scale per table, drops the weights
// that round to zero, and builds a WeightTable.
//
// WeightTable layout, as stored in a model file under a name prefix P:
//   P.meta   {uint32 classes, capacity, rows, pairs; float scale; uint32 0}
//   P.slots  uint32[2*capacity]: {fingerprint, offset} per slot; an open
//            addressing table probed linearly from
//            (uint32(hash) * capacity) >> 32; fingerprint is
//            (hash >> 32) | 1, so 0 marks an empty slot
//   P.pairs  uint32[]: at `offset`, a count n, then n words
//            (class in the low 16 bits, int16 weight in the high 16 bits)
// A class's score is scale * sum of its weights over the features present.
//
// WeightTable is an immutable view (of a mapped file or of storage it shares
// ownership of); copies are cheap and it is safe to use from many threads.
// PerceptronTrainer is single-threaded.
#ifndef HEARSAY_NLP_PERCEPTRON_H_
#define HEARSAY_NLP_PERCEPTRON_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hearsay/status.h"
#include "nlp/model_file.h"

namespace hearsay::nlp {

class WeightTable {
 public:
  WeightTable() = default;

  static Result<WeightTable> FromModel(const ModelFile& file,
                                       std::string_view prefix);
  void AddTo(ModelWriter& writer, std::string_view prefix) const;

  // Adds the integer weights of every present feature to scores[0..classes).
  // The lookups are memory-bound, so all slots are prefetched first and all
  // rows next, letting the cache misses overlap instead of queueing.
  void Score(const uint64_t* feats, size_t n, int32_t* scores) const {
    ScoreRows(feats, nullptr, n, scores, 0);
  }

  // The same for many rows at once: feature i adds to the row
  // scores + owner[i] * stride (to `scores` itself when owner is null). One
  // call for a whole sentence gives the prefetching more misses to overlap.
  void ScoreRows(const uint64_t* feats, const uint32_t* owner, size_t n,
                 int32_t* scores, size_t stride) const;

  // Score by walking the stored slots exactly as the file format defines a
  // lookup, without the in-memory index: the reference the index must
  // agree with (tests).
  void ScoreStored(const uint64_t* feats, size_t n, int32_t* scores) const;

  int classes() const { return static_cast<int>(meta_.classes); }
  uint32_t rows() const { return meta_.rows; }
  uint32_t pairs() const { return meta_.pairs; }
  size_t bytes() const {
    return 8ull * meta_.capacity + 4ull * (meta_.rows + meta_.pairs);
  }
  float scale() const { return meta_.scale; }

  // What Score reads (perceptron.cc): the stored slots rehashed by
  // fingerprint at half load, each entry remembering which home slots of
  // the stored table lead to it, so that every lookup has exactly the
  // stored table's result while touching about one cache line instead of
  // probing a run of slots at 80% load. Absent when the stored table cannot
  // be indexed (then lookups walk the stored slots).
  struct Index;

  // A copy without the weights whose magnitude is below `min_weight` (in
  // real units, i.e. after scaling); rows left empty are dropped.
  WeightTable Pruned(float min_weight) const;

 private:
  friend class PerceptronTrainer;
  struct Meta {
    uint32_t classes = 0, capacity = 0, rows = 0, pairs = 0;
    float scale = 0;
    uint32_t reserved = 0;
  };

  // Builds the slot table for rows (key, offset into `pairs`).
  static WeightTable Build(Meta meta,
                           std::vector<std::pair<uint64_t, uint32_t>> rows,
                           std::shared_ptr<std::vector<uint32_t>> pairs);
  // Builds the in-memory lookup index (see Index); the stored tables are
  // left as they are. With `check`, also checks that every row offset and
  // class is in bounds (false when not).
  bool Accelerate(bool check);
  bool RowOk(uint32_t offset) const;

  Meta meta_;
  // Keys are not stored (only fingerprints), so Pruned() needs them kept
  // from Export() when the table was built in memory.
  std::shared_ptr<const std::vector<std::pair<uint64_t, uint32_t>>> keys_;
  const uint32_t* slots_ = nullptr;
  const uint32_t* pairs_ = nullptr;
  std::shared_ptr<const std::vector<uint32_t>> own_slots_, own_pairs_;
  std::shared_ptr<const Index> index_;
};

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int classes) : classes_(classes) {}

  int classes() const { return classes_; }
  // Current (not averaged) weights; scores must hold classes() zeros.
  void Score(const uint64_t* feats, size_t n, float* scores) const;
  // A standard perceptron step when truth != guess.
  void Update(const uint64_t* feats, size_t n, int truth, int guess);
  // Adds `delta` to one class's weight of every feature: one side of an
  // update over a whole sequence of decisions.
  void Add(const uint64_t* feats, size_t n, int cls, float delta);
  // One training example seen; drives the averaging.
  void Tick() { ++clock_; }
  size_t rows() const { return index_.size(); }

  // Averaged, quantised table. Weights whose magnitude is below
  // `min_fraction` of the largest are dropped.
  WeightTable Export(float min_fraction = 0) const;
  // The same for the mean of several trainers' averaged weights (runs over
  // differently shuffled data, for a steadier model than any one of them);
  // Export() is ExportMean({this}). `runs` is not empty and all have the
  // same classes.
  static WeightTable ExportMean(
      const std::vector<const PerceptronTrainer*>& runs,
      float min_fraction = 0);

 private:
  // Offset of the feature's weights in w_ and u_, adding a zero row for a
  // feature never updated before.
  size_t Row(uint64_t feat);

  int classes_;
  std::unordered_map<uint64_t, uint32_t> index_;
  std::vector<float> w_;  // current weights
  std::vector<float> u_;  // sum of clock * update, for averaging
  int64_t clock_ = 1;
};

// Index of the highest score among classes with valid[c] (all when null);
// ties go to the lowest index, so results are deterministic.
int ArgMax(const int32_t* scores, int n, const bool* valid = nullptr);
int ArgMax(const float* scores, int n, const bool* valid = nullptr);

}  // namespace hearsay::nlp

#endif  // HEARSAY_NLP_PERCEPTRON_H_
