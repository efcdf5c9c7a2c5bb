#include "nlp/perceptron.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define HEARSAY_NLP_AVX2 1
#endif

namespace hearsay::nlp {

namespace {

constexpr size_t kBatch = 128;

// Rows of at least this many weights (and an eighth of the classes) are
// stored dense for lookups in tables of at least kMinDenseClasses classes:
// below that, adding pair by pair is as fast.
constexpr uint32_t kMinDense = 4;
constexpr uint32_t kMinDenseClasses = 16;

constexpr uint32_t kDenseRow = 0x80000000u;

// What a lookup reads (WeightTable's lookup_slots_, pairs_, dense_).
struct TableView {
  const uint32_t* slots;
  const uint32_t* pairs;
  const int16_t* dense;
  uint32_t capacity, classes;
};

// Weights per dense row: the classes rounded up to a multiple of 8.
inline uint32_t DenseStride(uint32_t classes) { return (classes + 7) & ~7u; }

inline void AddDense(const int16_t* w, uint32_t classes, int32_t* out) {
  for (uint32_t c = 0; c < classes; ++c) out[c] += w[c];
}

// Adds the sparse row at `row` ({count, class | weight << 16 ...}) to out.
inline void AddPairs(const uint32_t* row, int32_t* out) {
  uint32_t count = row[0];
  for (uint32_t j = 1; j <= count; ++j) {
    uint32_t p = row[j];
    out[p & 0xffff] += static_cast<int16_t>(p >> 16);
  }
}

inline uint64_t SlotFor(uint64_t h, uint32_t capacity) {
  return (static_cast<uint64_t>(static_cast<uint32_t>(h)) * capacity) >> 32;
}

// The slot value {fingerprint, offset} probed linearly from h's home;
// returns the offset word, or nullptr when absent.
inline const uint32_t* FindScalar(const uint32_t* slots, uint32_t capacity,
                                  uint64_t h, uint64_t slot) {
  uint32_t fp = static_cast<uint32_t>(h >> 32) | 1u;
  while (true) {
    uint32_t s = slots[2 * slot];
    if (s == fp) return &slots[2 * slot + 1];
    if (s == 0) return nullptr;
    if (++slot == capacity) slot = 0;
  }
}

bool HasAvx2() {
#ifdef HEARSAY_NLP_AVX2
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
#else
  return false;
#endif
}

#ifdef HEARSAY_NLP_AVX2
// Four slots per comparison: the first slot in probe order that holds the
// fingerprint or is empty decides, exactly as FindScalar does.
__attribute__((target("avx2"))) inline const uint32_t* FindAvx2(
    const uint32_t* slots, uint32_t capacity, uint64_t h, uint64_t slot) {
  uint32_t fp = static_cast<uint32_t>(h >> 32) | 1u;
  const __m256i want = _mm256_set1_epi32(static_cast<int>(fp));
  const __m256i zero = _mm256_setzero_si256();
  while (true) {
    if (slot + 4 <= capacity) {
      __m256i v = _mm256_loadu_si256(
          reinterpret_cast<const __m256i*>(slots + 2 * slot));
      // Even lanes hold fingerprints, odd lanes offsets.
      int hit =
          _mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(v, want))) &
          0x55;
      int empty =
          _mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(v, zero))) &
          0x55;
      int any = hit | empty;
      if (any) {
        int lane = __builtin_ctz(static_cast<unsigned>(any));
        return (hit >> lane) & 1 ? slots + 2 * slot + lane + 1 : nullptr;
      }
      slot += 4;
      if (slot == capacity) slot = 0;
      continue;
    }
    uint32_t s = slots[2 * slot];
    if (s == fp) return &slots[2 * slot + 1];
    if (s == 0) return nullptr;
    if (++slot == capacity) slot = 0;
  }
}

// Dense rows are padded with zeros to a multiple of 8 weights; the last
// block writes only the lanes below `classes`.
__attribute__((target("avx2"))) inline void AddDenseAvx2(const int16_t* w,
                                                         uint32_t classes,
                                                         int32_t* out) {
  uint32_t c = 0;
  for (; c + 8 <= classes; c += 8) {
    __m256i add = _mm256_cvtepi16_epi32(
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(w + c)));
    __m256i* o = reinterpret_cast<__m256i*>(out + c);
    _mm256_storeu_si256(o, _mm256_add_epi32(_mm256_loadu_si256(o), add));
  }
  if (c < classes) {
    __m256i lanes = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    __m256i mask = _mm256_cmpgt_epi32(
        _mm256_set1_epi32(static_cast<int>(classes - c)), lanes);
    __m256i add = _mm256_cvtepi16_epi32(
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(w + c)));
    int* o = reinterpret_cast<int*>(out + c);
    _mm256_maskstore_epi32(
        o, mask, _mm256_add_epi32(_mm256_maskload_epi32(o, mask), add));
  }
}
#endif

void ScoreRowsGeneric(const TableView& t, const uint64_t* feats,
                      const uint32_t* owner, size_t n, int32_t* scores,
                      size_t stride) {
  const uint32_t* found[kBatch];
  uint32_t home[kBatch];
  while (n > 0) {
    size_t m = n < kBatch ? n : kBatch;
    for (size_t i = 0; i < m; ++i) {
      home[i] = static_cast<uint32_t>(SlotFor(feats[i], t.capacity));
      __builtin_prefetch(&t.slots[2 * size_t{home[i]}]);
    }
    for (size_t i = 0; i < m; ++i) {
      const uint32_t* f = FindScalar(t.slots, t.capacity, feats[i], home[i]);
      found[i] = f;
      if (!f) continue;
      if (*f & kDenseRow) {
        __builtin_prefetch(t.dense +
                           size_t{*f & ~kDenseRow} * DenseStride(t.classes));
      } else {
        __builtin_prefetch(t.pairs + *f);
      }
    }
    for (size_t i = 0; i < m; ++i) {
      const uint32_t* f = found[i];
      if (!f) continue;
      int32_t* out = owner ? scores + owner[i] * stride : scores;
      if (*f & kDenseRow) {
        AddDense(t.dense + size_t{*f & ~kDenseRow} * DenseStride(t.classes),
                 t.classes, out);
      } else {
        AddPairs(t.pairs + *f, out);
      }
    }
    feats += m;
    if (owner) owner += m;
    n -= m;
  }
}

#ifdef HEARSAY_NLP_AVX2
// The same loop as ScoreRowsGeneric, compiled for AVX2.
__attribute__((target("avx2"))) void ScoreRowsAvx2(const TableView& t,
                                                   const uint64_t* feats,
                                                   const uint32_t* owner,
                                                   size_t n, int32_t* scores,
                                                   size_t stride) {
  const uint32_t* found[kBatch];
  uint32_t home[kBatch];
  while (n > 0) {
    size_t m = n < kBatch ? n : kBatch;
    for (size_t i = 0; i < m; ++i) {
      home[i] = static_cast<uint32_t>(SlotFor(feats[i], t.capacity));
      __builtin_prefetch(&t.slots[2 * size_t{home[i]}]);
    }
    for (size_t i = 0; i < m; ++i) {
      const uint32_t* f = FindAvx2(t.slots, t.capacity, feats[i], home[i]);
      found[i] = f;
      if (!f) continue;
      if (*f & kDenseRow) {
        __builtin_prefetch(t.dense +
                           size_t{*f & ~kDenseRow} * DenseStride(t.classes));
      } else {
        __builtin_prefetch(t.pairs + *f);
      }
    }
    for (size_t i = 0; i < m; ++i) {
      const uint32_t* f = found[i];
      if (!f) continue;
      int32_t* out = owner ? scores + owner[i] * stride : scores;
      if (*f & kDenseRow) {
        AddDenseAvx2(t.dense + size_t{*f & ~kDenseRow} * DenseStride(t.classes),
                     t.classes, out);
      } else {
        AddPairs(t.pairs + *f, out);
      }
    }
    feats += m;
    if (owner) owner += m;
    n -= m;
  }
}
#endif

// Tables of at most kInlineClasses classes (the parser's transitions) keep
// their weights in the slot itself, 16 bytes per slot: {fingerprint, then
// one int16 weight per class}. A lookup then touches one cache line instead
// of two. Probing is the same as in the stored slots, slot for slot.
constexpr uint32_t kInlineClasses = 6;

void ScoreInline(const uint32_t* entries, uint32_t capacity, uint32_t classes,
                 const uint64_t* feats, const uint32_t* owner, size_t n,
                 int32_t* scores, size_t stride) {
  uint32_t home[kBatch];
  while (n > 0) {
    size_t m = n < kBatch ? n : kBatch;
    for (size_t i = 0; i < m; ++i) {
      home[i] = static_cast<uint32_t>(SlotFor(feats[i], capacity));
      __builtin_prefetch(&entries[4 * size_t{home[i]}]);
    }
    for (size_t i = 0; i < m; ++i) {
      uint32_t fp = static_cast<uint32_t>(feats[i] >> 32) | 1u;
      uint64_t slot = home[i];
      const uint32_t* e = nullptr;
      while (true) {
        uint32_t s = entries[4 * slot];
        if (s == fp) {
          e = &entries[4 * slot];
          break;
        }
        if (s == 0) break;
        if (++slot == capacity) slot = 0;
      }
      if (!e) continue;
      int32_t* out = owner ? scores + owner[i] * stride : scores;
      const int16_t* w = reinterpret_cast<const int16_t*>(e + 1);
      for (uint32_t c = 0; c < classes; ++c) out[c] += w[c];
    }
    feats += m;
    if (owner) owner += m;
    n -= m;
  }
}

}  // namespace

void WeightTable::ScoreRows(const uint64_t* feats, const uint32_t* owner,
                            size_t n, int32_t* scores, size_t stride) const {
  if (meta_.capacity == 0) return;
  if (inline_) {
    return ScoreInline(inline_->data(), meta_.capacity, meta_.classes, feats,
                       owner, n, scores, stride);
  }
  TableView t{lookup_slots_, pairs_, dense_ ? dense_->data() : nullptr,
              meta_.capacity, meta_.classes};
#ifdef HEARSAY_NLP_AVX2
  if (HasAvx2()) return ScoreRowsAvx2(t, feats, owner, n, scores, stride);
#endif
  ScoreRowsGeneric(t, feats, owner, n, scores, stride);
}

void WeightTable::Accelerate() {
  lookup_slots_ = slots_;
  own_lookup_.reset();
  dense_.reset();
  inline_.reset();
  uint32_t classes = meta_.classes;
  if (classes <= kInlineClasses) {
    auto entries =
        std::make_shared<std::vector<uint32_t>>(4ull * meta_.capacity, 0);
    for (uint32_t s = 0; s < meta_.capacity; ++s) {
      uint32_t fp = slots_[2 * s];
      if (fp == 0) continue;
      uint32_t* e = entries->data() + 4ull * s;
      e[0] = fp;
      int16_t w[kInlineClasses] = {};
      const uint32_t* row = pairs_ + slots_[2 * s + 1];
      for (uint32_t j = 1; j <= row[0]; ++j) {
        w[row[j] & 0xffff] += static_cast<int16_t>(row[j] >> 16);
      }
      std::memcpy(e + 1, w, sizeof w);
    }
    inline_ = std::move(entries);
    return;
  }
  if (classes < kMinDenseClasses) return;
  uint32_t min_count = std::max(kMinDense, classes / 8);
  auto lookup = std::make_shared<std::vector<uint32_t>>(
      slots_, slots_ + 2ull * meta_.capacity);
  auto dense = std::make_shared<std::vector<int16_t>>();
  uint32_t rows = 0;
  for (uint32_t s = 0; s < meta_.capacity; ++s) {
    if ((*lookup)[2 * s] == 0) continue;
    const uint32_t* row = pairs_ + (*lookup)[2 * s + 1];
    if (row[0] < min_count) continue;
    dense->resize(dense->size() + DenseStride(classes), 0);
    int16_t* w = dense->data() + size_t{rows} * DenseStride(classes);
    for (uint32_t j = 1; j <= row[0]; ++j) {
      w[row[j] & 0xffff] += static_cast<int16_t>(row[j] >> 16);
    }
    (*lookup)[2 * s + 1] = rows++ | kDenseRow;
  }
  if (rows == 0) return;
  lookup_slots_ = lookup->data();
  own_lookup_ = std::move(lookup);
  dense_ = std::move(dense);
}

Result<WeightTable> WeightTable::FromModel(const ModelFile& file,
                                           std::string_view prefix) {
  std::string p(prefix);
  HEARSAY_ASSIGN_OR_RETURN(std::string_view meta, file.Section(p + ".meta"));
  HEARSAY_ASSIGN_OR_RETURN(std::string_view slots, file.Section(p + ".slots"));
  HEARSAY_ASSIGN_OR_RETURN(std::string_view pairs, file.Section(p + ".pairs"));
  WeightTable t;
  if (meta.size() != sizeof(Meta)) {
    return DataLossError(file.name() + ": bad " + p + ".meta");
  }
  std::memcpy(&t.meta_, meta.data(), sizeof(Meta));
  if (slots.size() != 8ull * t.meta_.capacity ||
      pairs.size() != 4ull * (t.meta_.rows + t.meta_.pairs) ||
      t.meta_.classes == 0 || t.meta_.classes > 0xffff) {
    return DataLossError(file.name() + ": inconsistent sizes in " + p);
  }
  t.slots_ = reinterpret_cast<const uint32_t*>(slots.data());
  t.pairs_ = reinterpret_cast<const uint32_t*>(pairs.data());
  // A corrupt offset or class would read out of bounds on every lookup, so
  // check them once here.
  size_t n_words = t.meta_.rows + t.meta_.pairs;
  for (uint32_t s = 0; s < t.meta_.capacity; ++s) {
    if (t.slots_[2 * s] == 0) continue;
    uint32_t off = t.slots_[2 * s + 1];
    if (off >= n_words || off + 1ull + t.pairs_[off] > n_words) {
      return DataLossError(file.name() + ": bad row offset in " + p);
    }
    for (uint32_t j = 1; j <= t.pairs_[off]; ++j) {
      if ((t.pairs_[off + j] & 0xffff) >= t.meta_.classes) {
        return DataLossError(file.name() + ": bad class in " + p);
      }
    }
  }
  t.Accelerate();
  return t;
}

void WeightTable::AddTo(ModelWriter& writer, std::string_view prefix) const {
  std::string p(prefix);
  writer.Add(p + ".meta",
             std::string(reinterpret_cast<const char*>(&meta_), sizeof(Meta)));
  writer.Add(p + ".slots", std::string(reinterpret_cast<const char*>(slots_),
                                       8ull * meta_.capacity));
  writer.Add(p + ".pairs", std::string(reinterpret_cast<const char*>(pairs_),
                                       4ull * (meta_.rows + meta_.pairs)));
}

void PerceptronTrainer::Score(const uint64_t* feats, size_t n,
                              float* scores) const {
  for (size_t i = 0; i < n; ++i) {
    auto it = index_.find(feats[i]);
    if (it == index_.end()) continue;
    const float* w = &w_[static_cast<size_t>(it->second) * classes_];
    for (int c = 0; c < classes_; ++c) scores[c] += w[c];
  }
}

void PerceptronTrainer::Update(const uint64_t* feats, size_t n, int truth,
                               int guess) {
  if (truth == guess) return;
  float c = static_cast<float>(clock_);
  for (size_t i = 0; i < n; ++i) {
    auto [it, inserted] =
        index_.try_emplace(feats[i], static_cast<uint32_t>(index_.size()));
    if (inserted) {
      w_.resize(w_.size() + classes_, 0.f);
      u_.resize(u_.size() + classes_, 0.f);
    }
    size_t base = static_cast<size_t>(it->second) * classes_;
    w_[base + truth] += 1.f;
    u_[base + truth] += c;
    w_[base + guess] -= 1.f;
    u_[base + guess] -= c;
  }
}

WeightTable PerceptronTrainer::Export(float min_fraction) const {
  // Averaged weight = w - u / clock (the running-sum trick: each update made
  // at time t contributes to the average for clock - t steps).
  double inv = 1.0 / static_cast<double>(clock_);
  float max_abs = 0;
  std::vector<float> avg(w_.size());
  for (size_t i = 0; i < w_.size(); ++i) {
    avg[i] = static_cast<float>(w_[i] - u_[i] * inv);
    max_abs = std::max(max_abs, std::fabs(avg[i]));
  }
  WeightTable t;
  t.meta_.classes = static_cast<uint32_t>(classes_);
  t.meta_.scale = max_abs > 0 ? max_abs / 32767.f : 1.f;
  float cut = max_abs * min_fraction;
  // Rows in key order make the file independent of hash-map iteration order.
  std::vector<std::pair<uint64_t, uint32_t>> keys(index_.begin(), index_.end());
  std::sort(keys.begin(), keys.end());
  auto pairs = std::make_shared<std::vector<uint32_t>>();
  std::vector<std::pair<uint64_t, uint32_t>> kept;  // key, offset
  for (const auto& [key, row] : keys) {
    size_t base = static_cast<size_t>(row) * classes_;
    uint32_t off = static_cast<uint32_t>(pairs->size());
    pairs->push_back(0);
    uint32_t count = 0;
    for (int c = 0; c < classes_; ++c) {
      float a = avg[base + c];
      if (std::fabs(a) < cut) continue;
      long q = std::lround(a / t.meta_.scale);
      if (q == 0) continue;
      q = std::clamp(q, -32767l, 32767l);
      pairs->push_back(
          static_cast<uint32_t>(c) |
          (static_cast<uint32_t>(static_cast<uint16_t>(static_cast<int16_t>(q)))
           << 16));
      ++count;
    }
    if (count == 0) {
      pairs->pop_back();
      continue;
    }
    (*pairs)[off] = count;
    kept.emplace_back(key, off);
  }
  t.meta_.rows = static_cast<uint32_t>(kept.size());
  t.meta_.pairs = static_cast<uint32_t>(pairs->size() - kept.size());
  return WeightTable::Build(t.meta_, std::move(kept), std::move(pairs));
}

WeightTable WeightTable::Build(Meta meta,
                               std::vector<std::pair<uint64_t, uint32_t>> kept,
                               std::shared_ptr<std::vector<uint32_t>> pairs) {
  WeightTable t;
  t.meta_ = meta;
  uint32_t cap = static_cast<uint32_t>(kept.size() * 5 / 4 + 16);
  t.meta_.capacity = cap;
  auto slots = std::make_shared<std::vector<uint32_t>>(2ull * cap, 0);
  for (const auto& [key, off] : kept) {
    uint32_t fp = static_cast<uint32_t>(key >> 32) | 1u;
    uint64_t slot =
        (static_cast<uint64_t>(static_cast<uint32_t>(key)) * cap) >> 32;
    // Two keys sharing a fingerprint and a probe chain would be confused;
    // the first one wins, which only ever costs a rare feature.
    bool dup = false;
    while ((*slots)[2 * slot] != 0) {
      if ((*slots)[2 * slot] == fp) {
        dup = true;
        break;
      }
      if (++slot == cap) slot = 0;
    }
    if (dup) continue;
    (*slots)[2 * slot] = fp;
    (*slots)[2 * slot + 1] = off;
  }
  t.slots_ = slots->data();
  t.pairs_ = pairs->data();
  t.own_slots_ = std::move(slots);
  t.own_pairs_ = std::move(pairs);
  t.keys_ = std::make_shared<const std::vector<std::pair<uint64_t, uint32_t>>>(
      std::move(kept));
  t.Accelerate();
  return t;
}

WeightTable WeightTable::Pruned(float min_weight) const {
  if (!keys_) return *this;  // loaded from a file: keys unknown
  long min_q = std::lround(min_weight / meta_.scale);
  auto pairs = std::make_shared<std::vector<uint32_t>>();
  std::vector<std::pair<uint64_t, uint32_t>> kept;
  for (const auto& [key, off] : *keys_) {
    uint32_t count = pairs_[off];
    uint32_t at = static_cast<uint32_t>(pairs->size());
    pairs->push_back(0);
    uint32_t n = 0;
    for (uint32_t j = 1; j <= count; ++j) {
      uint32_t p = pairs_[off + j];
      if (std::labs(static_cast<int16_t>(p >> 16)) < min_q) continue;
      pairs->push_back(p);
      ++n;
    }
    if (n == 0) {
      pairs->pop_back();
      continue;
    }
    (*pairs)[at] = n;
    kept.emplace_back(key, at);
  }
  Meta meta = meta_;
  meta.rows = static_cast<uint32_t>(kept.size());
  meta.pairs = static_cast<uint32_t>(pairs->size() - kept.size());
  return Build(meta, std::move(kept), std::move(pairs));
}

int ArgMax(const int32_t* scores, int n, const bool* valid) {
  if (!valid && n > 0) {
    // The first index of the maximum, in two passes the compiler vectorises.
    int32_t top = scores[0];
    for (int c = 1; c < n; ++c) top = std::max(top, scores[c]);
    int c = 0;
    while (scores[c] != top) ++c;
    return c;
  }
  int best = -1;
  for (int c = 0; c < n; ++c) {
    if (valid && !valid[c]) continue;
    if (best < 0 || scores[c] > scores[best]) best = c;
  }
  return best;
}

int ArgMax(const float* scores, int n, const bool* valid) {
  int best = -1;
  for (int c = 0; c < n; ++c) {
    if (valid && !valid[c]) continue;
    if (best < 0 || scores[c] > scores[best]) best = c;
  }
  return best;
}

}  // namespace hearsay::nlp
