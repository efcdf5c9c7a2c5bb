#include "nlp/perceptron.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <utility>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define HEARSAY_NLP_AVX2 1
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace hearsay::nlp {

namespace {

constexpr size_t kBatch = 128;

// Tables of at most kNarrowClasses classes (the parser's transitions) keep
// their weights in the index entry itself.
constexpr uint32_t kNarrowClasses = 3;
// Other tables keep rows of one or two weights in the entry (two only when
// a class fits in 7 bits); rows of at least kMinDense weights (and at least
// one per 8 classes) are stored dense and added 8 classes at a time.
constexpr uint32_t kMaxTwoPairClasses = 128;
constexpr uint32_t kMinDense = 3;

// Index::Entry::y >> 14 in tables with more than kNarrowClasses classes.
enum RowKind : uint16_t { kPairs = 0, kOne = 1, kDense = 2, kTwo = 3 };

// Weights per dense row: the classes rounded up to a multiple of 8.
inline uint32_t DenseStride(uint32_t classes) { return (classes + 7) & ~7u; }

inline uint32_t HomeSlot(uint64_t h, uint32_t capacity) {
  return static_cast<uint32_t>(
      (static_cast<uint64_t>(static_cast<uint32_t>(h)) * capacity) >> 32);
}

inline uint32_t Fingerprint(uint64_t h) {
  return static_cast<uint32_t>(h >> 32) | 1u;
}

// The stored lookup: the slot holding h's fingerprint, probed linearly from
// h's home until an empty slot; -1 when absent.
inline int64_t FindStored(const uint32_t* slots, uint32_t capacity,
                          uint64_t h) {
  uint32_t fp = Fingerprint(h);
  uint32_t slot = HomeSlot(h, capacity);
  for (uint32_t steps = 0; steps < capacity; ++steps) {
    uint32_t s = slots[2 * size_t{slot}];
    if (s == fp) return slot;
    if (s == 0) return -1;
    if (++slot == capacity) slot = 0;
  }
  return -1;
}

// Adds the sparse row at `row` ({count, class | weight << 16 ...}) to out.
inline void AddPairs(const uint32_t* row, int32_t* out) {
  uint32_t count = row[0];
  for (uint32_t j = 1; j <= count; ++j) {
    uint32_t p = row[j];
    out[p & 0xffff] += static_cast<int16_t>(p >> 16);
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

}  // namespace

// The lookup index. Every occupied slot s of the stored table becomes one
// entry, placed by its fingerprint alone in buckets of four that fill in
// order (linear probing over buckets at most half full, no wrap-around: a
// probe ends at the first bucket that is not full). A stored lookup of h
// walks from h's home slot to the first slot holding h's fingerprint or to
// an empty one, so it ends at s exactly when the home lies in the run
// [lo, s] of occupied slots after the nearest earlier empty slot or earlier
// slot with the same fingerprint. A lookup accepts an entry only when its
// fingerprint matches and h's home lies in [lo, s]: the stored table's
// answer for every h, whether or not h was ever trained.
struct WeightTable::Index {
  struct Entry {
    uint32_t lo;     // the first home leading here (count == 0: s)
    uint32_t x;      // narrow: weights of classes 0 and 1; else see y
    uint16_t y;      // narrow: weight of class 2; else RowKind << 14, and
                     // for kTwo the classes (7 bits each) of x's weights
    uint16_t count;  // s - lo + 1 homes lead here; 0 when that does not
                     // fit or the run wraps around the stored table's end
  };
  // One cache line: the fingerprints compared at once, then their entries.
  struct alignas(64) Bucket {
    uint32_t fp[4];  // 0: empty (only after the occupied ones)
    Entry e[4];
  };
  static_assert(sizeof(Entry) == 12 && sizeof(Bucket) == 64);

  std::unique_ptr<void, void (*)(void*)> memory{nullptr, &std::free};
  const Bucket* table = nullptr;  // in `memory`, aligned
  uint32_t buckets = 0;           // home buckets (the table has a few more)
  uint32_t capacity = 0;          // of the stored table
  uint32_t classes = 0;
  uint32_t blocks = 0;  // DenseStride(classes) / 8
  bool narrow = false;
  const uint32_t* slots = nullptr;  // the stored table
  const uint32_t* pairs = nullptr;
  std::vector<int16_t> dense;  // rows of DenseStride(classes) weights

  size_t Home(uint32_t fp) const {
    return (static_cast<uint64_t>(fp) * buckets) >> 32;
  }
  const Bucket* Start(uint32_t fp) const { return &table[Home(fp)]; }

  // Entries whose run is too long or wraps: the stored walk decides.
  __attribute__((noinline)) bool AcceptsSlow(const Entry& e, uint64_t h) const {
    return e.count == 0 && FindStored(slots, capacity, h) == int64_t{e.lo};
  }

  // The entry the stored table's lookup of h ends at, or null; `b` is
  // Start(Fingerprint(h)).
  __attribute__((always_inline)) const Entry* Find(uint64_t h,
                                                   const Bucket* b) const {
    uint32_t fp = Fingerprint(h);
#ifdef __SSE2__
    const __m128i want = _mm_set1_epi32(static_cast<int>(fp));
#endif
    for (;; ++b) {
#ifdef __SSE2__
      unsigned hit = static_cast<unsigned>(
          _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(
              _mm_load_si128(reinterpret_cast<const __m128i*>(b->fp)), want))));
#else
      unsigned hit = 0;
      for (int k = 0; k < 4; ++k) hit |= unsigned{b->fp[k] == fp} << k;
#endif
      if (hit) {
        uint32_t home = HomeSlot(h, capacity);
        do {
          const Entry& e = b->e[__builtin_ctz(hit)];
          if (home - e.lo < e.count || AcceptsSlow(e, h)) return &e;
          hit &= hit - 1;
        } while (hit);
      }
      if (b->fp[3] == 0) return nullptr;
    }
  }
};

namespace {

using Index = WeightTable::Index;
using Entry = WeightTable::Index::Entry;
using Bucket = WeightTable::Index::Bucket;

// Scalar adds of a found entry, for machines without AVX2.
void AddEntry(const Index& x, const Entry& e, int32_t* out) {
  if (x.narrow) {
    int16_t w[3] = {static_cast<int16_t>(e.x), static_cast<int16_t>(e.x >> 16),
                    static_cast<int16_t>(e.y)};
    for (uint32_t c = 0; c < x.classes; ++c) out[c] += w[c];
    return;
  }
  switch (e.y >> 14) {
    case kOne:
      out[e.x & 0xffff] += static_cast<int16_t>(e.x >> 16);
      break;
    case kTwo:
      out[(e.y >> 7) & 0x7f] += static_cast<int16_t>(e.x);
      out[e.y & 0x7f] += static_cast<int16_t>(e.x >> 16);
      break;
    case kDense: {
      const int16_t* w = x.dense.data() + size_t{e.x} * 8 * x.blocks;
      for (uint32_t c = 0; c < x.classes; ++c) out[c] += w[c];
      break;
    }
    default:
      AddPairs(x.pairs + e.x, out);
  }
}

void ScoreGeneric(const Index& x, const uint64_t* feats, const uint32_t* owner,
                  size_t n, int32_t* scores, size_t stride) {
  for (size_t i = 0; i < n; ++i) {
    const Entry* e = x.Find(feats[i], x.Start(Fingerprint(feats[i])));
    if (e) AddEntry(x, *e, owner ? scores + owner[i] * stride : scores);
  }
}

#ifdef HEARSAY_NLP_AVX2
// Narrow tables: an entry's weights (and its count, in the unused fourth
// lane) are one 8-byte load, summed in a register for each run of features
// with the same owner.
__attribute__((target("avx2"))) inline void FlushNarrow(const Index& x,
                                                        __m128i acc,
                                                        int32_t* out) {
  out[0] += _mm_cvtsi128_si32(acc);
  if (x.classes > 1) out[1] += _mm_extract_epi32(acc, 1);
  if (x.classes > 2) out[2] += _mm_extract_epi32(acc, 2);
}

template <bool kOwner>
__attribute__((target("avx2"))) void ScoreNarrowAvx2(const Index& x,
                                                     const uint64_t* feats,
                                                     const uint32_t* owner,
                                                     size_t n, int32_t* scores,
                                                     size_t stride) {
  const Bucket* start[kBatch];
  __m128i acc = _mm_setzero_si128();
  uint32_t cur = kOwner ? owner[0] : 0;
  while (n > 0) {
    size_t m = n < kBatch ? n : kBatch;
    for (size_t i = 0; i < m; ++i) {
      start[i] = x.Start(Fingerprint(feats[i]));
      __builtin_prefetch(start[i]);
    }
    for (size_t i = 0; i < m; ++i) {
      if (kOwner && owner[i] != cur) {
        FlushNarrow(x, acc, scores + cur * stride);
        acc = _mm_setzero_si128();
        cur = owner[i];
      }
      const Entry* e = x.Find(feats[i], start[i]);
      if (!e) continue;
      acc = _mm_add_epi32(acc, _mm_cvtepi16_epi32(_mm_loadl_epi64(
                                   reinterpret_cast<const __m128i*>(&e->x))));
    }
    feats += m;
    if (kOwner) owner += m;
    n -= m;
  }
  FlushNarrow(x, acc, scores + cur * stride);
}

// Wider tables: dense rows are summed in B registers of 8 classes for each
// run of features with the same owner, the other rows in `spill`; both are
// added to the owner's scores when the run ends.
template <int B>
__attribute__((target("avx2"))) inline void FlushWide(uint32_t classes,
                                                      __m256i* acc,
                                                      int32_t* spill,
                                                      int32_t* out) {
  for (int b = 0; b < B; ++b) {
    __m256i v = _mm256_add_epi32(
        acc[b], _mm256_load_si256(reinterpret_cast<__m256i*>(spill + 8 * b)));
    if (8 * b + 8 <= static_cast<int>(classes)) {
      __m256i* o = reinterpret_cast<__m256i*>(out + 8 * b);
      _mm256_storeu_si256(o, _mm256_add_epi32(_mm256_loadu_si256(o), v));
    } else {
      alignas(32) int32_t tail[8];
      _mm256_store_si256(reinterpret_cast<__m256i*>(tail), v);
      for (uint32_t c = 8 * b; c < classes; ++c) out[c] += tail[c - 8 * b];
    }
    acc[b] = _mm256_setzero_si256();
    _mm256_store_si256(reinterpret_cast<__m256i*>(spill + 8 * b),
                       _mm256_setzero_si256());
  }
}

template <int B, bool kOwner>
__attribute__((target("avx2"))) void ScoreWideAvx2(const Index& x,
                                                   const uint64_t* feats,
                                                   const uint32_t* owner,
                                                   size_t n, int32_t* scores,
                                                   size_t stride) {
  const Bucket* start[kBatch];
  const Entry* found[kBatch];
  alignas(32) int32_t spill[8 * B] = {};
  __m256i acc[B];
  for (int b = 0; b < B; ++b) acc[b] = _mm256_setzero_si256();
  const int16_t* dense = x.dense.data();
  const uint32_t* pairs = x.pairs;
  uint32_t cur = kOwner ? owner[0] : 0;
  while (n > 0) {
    size_t m = n < kBatch ? n : kBatch;
    for (size_t i = 0; i < m; ++i) {
      start[i] = x.Start(Fingerprint(feats[i]));
      __builtin_prefetch(start[i]);
    }
    for (size_t i = 0; i < m; ++i) {
      const Entry* e = x.Find(feats[i], start[i]);
      found[i] = e;
      if (!e) continue;
      uint16_t kind = e->y >> 14;
      if (kind == kDense) {
        __builtin_prefetch(dense + size_t{e->x} * (8 * B));
      } else if (kind == kPairs) {
        __builtin_prefetch(pairs + e->x);
      }
    }
    for (size_t i = 0; i < m; ++i) {
      if (kOwner && owner[i] != cur) {
        FlushWide<B>(x.classes, acc, spill, scores + cur * stride);
        cur = owner[i];
      }
      const Entry* e = found[i];
      if (!e) continue;
      switch (e->y >> 14) {
        case kDense: {
          const int16_t* w = dense + size_t{e->x} * (8 * B);
          for (int b = 0; b < B; ++b) {
            acc[b] = _mm256_add_epi32(
                acc[b], _mm256_cvtepi16_epi32(_mm_loadu_si128(
                            reinterpret_cast<const __m128i*>(w + 8 * b))));
          }
          break;
        }
        case kOne:
          spill[e->x & 0xffff] += static_cast<int16_t>(e->x >> 16);
          break;
        case kTwo:
          spill[(e->y >> 7) & 0x7f] += static_cast<int16_t>(e->x);
          spill[e->y & 0x7f] += static_cast<int16_t>(e->x >> 16);
          break;
        default:
          AddPairs(pairs + e->x, spill);
      }
    }
    feats += m;
    if (kOwner) owner += m;
    n -= m;
  }
  FlushWide<B>(x.classes, acc, spill, scores + cur * stride);
}

using ScoreFn = void (*)(const Index&, const uint64_t*, const uint32_t*, size_t,
                         int32_t*, size_t);

template <int... B>
constexpr std::array<ScoreFn, 2 * sizeof...(B)> WideTable(
    std::integer_sequence<int, B...>) {
  return {&ScoreWideAvx2<B + 1, false>..., &ScoreWideAvx2<B + 1, true>...};
}

// Up to 16 blocks (128 classes) the sums stay in registers.
constexpr int kMaxWideBlocks = 16;
constexpr auto kWideAvx2 =
    WideTable(std::make_integer_sequence<int, kMaxWideBlocks>());
#endif

}  // namespace

void WeightTable::ScoreRows(const uint64_t* feats, const uint32_t* owner,
                            size_t n, int32_t* scores, size_t stride) const {
  if (meta_.capacity == 0 || n == 0) return;
  if (index_) {
    const Index& x = *index_;
#ifdef HEARSAY_NLP_AVX2
    if (HasAvx2()) {
      if (x.narrow) {
        return owner
                   ? ScoreNarrowAvx2<true>(x, feats, owner, n, scores, stride)
                   : ScoreNarrowAvx2<false>(x, feats, owner, n, scores, stride);
      }
      if (x.blocks <= kMaxWideBlocks) {
        return kWideAvx2[x.blocks - 1 + (owner ? kMaxWideBlocks : 0)](
            x, feats, owner, n, scores, stride);
      }
    }
#endif
    return ScoreGeneric(x, feats, owner, n, scores, stride);
  }
  for (size_t i = 0; i < n; ++i) {
    int64_t s = FindStored(slots_, meta_.capacity, feats[i]);
    if (s < 0) continue;
    AddPairs(pairs_ + slots_[2 * s + 1],
             owner ? scores + owner[i] * stride : scores);
  }
}

void WeightTable::ScoreStored(const uint64_t* feats, size_t n,
                              int32_t* scores) const {
  if (meta_.capacity == 0) return;
  for (size_t i = 0; i < n; ++i) {
    int64_t s = FindStored(slots_, meta_.capacity, feats[i]);
    if (s >= 0) AddPairs(pairs_ + slots_[2 * s + 1], scores);
  }
}

// Whether a row offset and the classes of its row are in bounds.
bool WeightTable::RowOk(uint32_t off) const {
  size_t n_words = size_t{meta_.rows} + meta_.pairs;
  if (off >= n_words || off + 1ull + pairs_[off] > n_words) return false;
  for (uint32_t j = 1; j <= pairs_[off]; ++j) {
    if ((pairs_[off + j] & 0xffff) >= meta_.classes) return false;
  }
  return true;
}

bool WeightTable::Accelerate(bool check) {
  index_.reset();
  uint32_t cap = meta_.capacity;
  uint32_t classes = meta_.classes;
  // Walking the runs of occupied slots needs an empty slot to start after.
  uint32_t occupied = 0, empty = cap;
  for (uint32_t s = 0; s < cap; ++s) {
    if (slots_[2 * size_t{s}] != 0) {
      ++occupied;
    } else if (empty == cap) {
      empty = s;
    }
  }
  if (empty == cap) {
    // No index: lookups walk the stored slots.
    for (uint32_t s = 0; check && s < cap; ++s) {
      if (slots_[2 * size_t{s}] != 0 && !RowOk(slots_[2 * size_t{s} + 1])) {
        return false;
      }
    }
    return true;
  }
  auto x = std::make_shared<Index>();
  x->capacity = cap;
  x->classes = classes;
  x->blocks = DenseStride(classes) / 8;
  x->narrow = classes <= kNarrowClasses;
  x->slots = slots_;
  x->pairs = pairs_;
  x->buckets = std::max<uint32_t>(1, (occupied + 1) / 2);
  // Probes run past the home buckets into spare ones; a last bucket that
  // is never full ends every probe. Fresh zeroed memory (calloc) needs no
  // clearing.
  size_t size = size_t{x->buckets} + 64;
  auto allocate = [&x](size_t n) {
    void* raw = std::calloc(n + 1, sizeof(Bucket));
    x->memory = {raw, &std::free};
    uintptr_t at = (reinterpret_cast<uintptr_t>(raw) + alignof(Bucket) - 1) &
                   ~uintptr_t{alignof(Bucket) - 1};
    return reinterpret_cast<Bucket*>(at);
  };
  Bucket* table = allocate(size);
  uint32_t min_dense = std::max(kMinDense, x->blocks);
  uint32_t dense_rows = 0;
  // The first slot of the current run.
  uint32_t run_start = empty + 1 == cap ? 0 : empty + 1;
  // Rows and buckets are read in no particular order: they are fetched a
  // few slots ahead so that the misses overlap.
  constexpr uint32_t kAhead = 16;
  for (uint32_t k = 1; k <= cap; ++k) {
    uint32_t s = empty + k;
    if (s >= cap) s -= cap;
    uint32_t ahead = s + kAhead < cap ? s + kAhead : s + kAhead - cap;
    if (uint32_t f = slots_[2 * size_t{ahead}]) {
      __builtin_prefetch(pairs_ + slots_[2 * size_t{ahead} + 1]);
      __builtin_prefetch(&table[x->Home(f)], 1);
    }
    uint32_t fp = slots_[2 * size_t{s}];
    if (fp == 0) {
      run_start = s + 1 == cap ? 0 : s + 1;
      continue;
    }
    uint32_t off = slots_[2 * size_t{s} + 1];
    if (check && !RowOk(off)) return false;
    // The walk from a home in the run stops at an earlier slot of the run
    // with the same fingerprint: the homes that lead here start after it.
    uint32_t here = s - run_start + (s >= run_start ? 0 : cap);
    uint32_t after = 0;  // position in the run of the first such home
    size_t b = x->Home(fp);
    int slot = 0;
    while (true) {
      for (slot = 0; slot < 4 && table[b].fp[slot] != 0; ++slot) {
        if (table[b].fp[slot] != fp) continue;
        const Entry& o = table[b].e[slot];
        uint32_t p = o.count == 0 ? o.lo : o.lo + o.count - 1;  // its slot
        uint32_t at = p - run_start + (p >= run_start ? 0 : cap);
        if (at < here) after = std::max(after, at + 1);
      }
      if (slot < 4) break;
      ++b;
    }
    if (slot == 3 && b + 1 == size) {
      std::unique_ptr<void, void (*)(void*)> old = std::move(x->memory);
      Bucket* grown = allocate(size + 64);
      std::memcpy(static_cast<void*>(grown), table, sizeof(Bucket) * size);
      table = grown;
      size += 64;
    }
    table[b].fp[slot] = fp;
    Entry& e = table[b].e[slot];
    uint32_t lo = run_start + after;
    if (lo >= cap) lo -= cap;
    if (lo <= s && s - lo < 0xffff) {
      e.lo = lo;
      e.count = static_cast<uint16_t>(s - lo + 1);
    } else {
      e.lo = s;
      e.count = 0;
    }
    const uint32_t* row = pairs_ + off;
    if (x->narrow) {
      int16_t w[kNarrowClasses] = {};
      for (uint32_t j = 1; j <= row[0]; ++j) {
        w[row[j] & 0xffff] += static_cast<int16_t>(row[j] >> 16);
      }
      e.x = static_cast<uint16_t>(w[0]) |
            (static_cast<uint32_t>(static_cast<uint16_t>(w[1])) << 16);
      e.y = static_cast<uint16_t>(w[2]);
    } else if (row[0] == 1) {
      e.x = row[1];
      e.y = kOne << 14;
    } else if (row[0] == 2 && classes <= kMaxTwoPairClasses) {
      e.x = (row[1] >> 16) | (row[2] & 0xffff0000u);
      e.y = static_cast<uint16_t>((kTwo << 14) | ((row[1] & 0x7f) << 7) |
                                  (row[2] & 0x7f));
    } else if (row[0] >= min_dense) {
      size_t base = x->dense.size();
      x->dense.resize(base + DenseStride(classes), 0);
      for (uint32_t j = 1; j <= row[0]; ++j) {
        x->dense[base + (row[j] & 0xffff)] +=
            static_cast<int16_t>(row[j] >> 16);
      }
      e.x = dense_rows++;
      e.y = kDense << 14;
    } else {
      e.x = off;
      e.y = kPairs << 14;
    }
  }
  x->table = table;
  index_ = std::move(x);
  return true;
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
  // every row is checked once, while the index reads it.
  if (!t.Accelerate(/*check=*/true)) {
    return DataLossError(file.name() + ": bad row offset or class in " + p);
  }
  // Lookups read the index; the stored slots are read again only to write
  // the table out or for the rare entry whose run is too long.
  if (t.index_) file.Release(slots);
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

size_t PerceptronTrainer::Row(uint64_t feat) {
  auto [it, inserted] =
      index_.try_emplace(feat, static_cast<uint32_t>(index_.size()));
  if (inserted) {
    w_.resize(w_.size() + classes_, 0.f);
    u_.resize(u_.size() + classes_, 0.f);
  }
  return static_cast<size_t>(it->second) * classes_;
}

void PerceptronTrainer::Update(const uint64_t* feats, size_t n, int truth,
                               int guess) {
  if (truth == guess) return;
  float c = static_cast<float>(clock_);
  for (size_t i = 0; i < n; ++i) {
    size_t base = Row(feats[i]);
    w_[base + truth] += 1.f;
    u_[base + truth] += c;
    w_[base + guess] -= 1.f;
    u_[base + guess] -= c;
  }
}

void PerceptronTrainer::Add(const uint64_t* feats, size_t n, int cls,
                            float delta) {
  float c = static_cast<float>(clock_) * delta;
  for (size_t i = 0; i < n; ++i) {
    size_t base = Row(feats[i]);
    w_[base + cls] += delta;
    u_[base + cls] += c;
  }
}

WeightTable PerceptronTrainer::Export(float min_fraction) const {
  return ExportMean({this}, min_fraction);
}

WeightTable PerceptronTrainer::ExportMean(
    const std::vector<const PerceptronTrainer*>& runs, float min_fraction) {
  assert(!runs.empty());
  const int classes = runs.front()->classes_;
  // Rows in key order make the file independent of hash-map iteration order.
  std::vector<std::pair<uint64_t, uint32_t>> keys;
  for (const PerceptronTrainer* r : runs) {
    assert(r->classes_ == classes);
    for (const auto& [key, row] : r->index_) keys.emplace_back(key, 0);
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  for (uint32_t i = 0; i < keys.size(); ++i) keys[i].second = i;
  // Averaged weight = w - u / clock (the running-sum trick: each update made
  // at time t contributes to the average for clock - t steps), then the
  // mean of the runs' averaged weights.
  float max_abs = 0;
  std::vector<float> avg(keys.size() * classes);
  std::vector<double> sum(classes);
  for (const auto& [key, row] : keys) {
    std::fill(sum.begin(), sum.end(), 0.0);
    for (const PerceptronTrainer* r : runs) {
      auto it = r->index_.find(key);
      if (it == r->index_.end()) continue;
      double inv = 1.0 / static_cast<double>(r->clock_);
      size_t base = static_cast<size_t>(it->second) * classes;
      for (int c = 0; c < classes; ++c) {
        sum[c] += r->w_[base + c] - r->u_[base + c] * inv;
      }
    }
    for (int c = 0; c < classes; ++c) {
      float a = static_cast<float>(sum[c] / static_cast<double>(runs.size()));
      avg[static_cast<size_t>(row) * classes + c] = a;
      max_abs = std::max(max_abs, std::fabs(a));
    }
  }
  WeightTable t;
  t.meta_.classes = static_cast<uint32_t>(classes);
  t.meta_.scale = max_abs > 0 ? max_abs / 32767.f : 1.f;
  float cut = max_abs * min_fraction;
  auto pairs = std::make_shared<std::vector<uint32_t>>();
  std::vector<std::pair<uint64_t, uint32_t>> kept;  // key, offset
  for (const auto& [key, row] : keys) {
    size_t base = static_cast<size_t>(row) * classes;
    uint32_t off = static_cast<uint32_t>(pairs->size());
    pairs->push_back(0);
    uint32_t count = 0;
    for (int c = 0; c < classes; ++c) {
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
  t.Accelerate(/*check=*/false);
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
