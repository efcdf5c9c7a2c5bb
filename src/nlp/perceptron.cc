#include "nlp/perceptron.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace hearsay::nlp {

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
