#include "nlp/tagger.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>

namespace hearsay::nlp {
namespace {

constexpr int kMaxFeatures = 64;
constexpr int kStart = -1;  // tag before the sentence
constexpr int kStart2 = -2;
constexpr int kEnd = -3;  // tag after the sentence (second pass)

uint64_t Tag64(int t) { return static_cast<uint64_t>(t + 16); }

// splitmix64: a tiny generator with a specified output sequence.
uint64_t NextRandom(uint64_t& s) {
  uint64_t z = (s += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

}  // namespace

std::vector<std::string_view> Forms(const conllu::Sentence& s) {
  std::vector<std::string_view> out;
  out.reserve(s.words.size());
  for (const auto& w : s.words) out.push_back(w.form);
  return out;
}

float FitToSize(std::vector<WeightTable*> tables, size_t max_bytes) {
  auto size = [&](const std::vector<WeightTable>& t) {
    size_t n = 0;
    for (const WeightTable& x : t) n += x.bytes();
    return n;
  };
  std::vector<WeightTable> orig;
  for (WeightTable* t : tables) orig.push_back(*t);
  if (max_bytes == 0 || size(orig) <= max_bytes) return 0;
  float threshold = 0.05f;
  while (true) {
    std::vector<WeightTable> cut;
    for (const WeightTable& t : orig) cut.push_back(t.Pruned(threshold));
    if (size(cut) <= max_bytes || threshold > 1e6f) {
      for (size_t i = 0; i < tables.size(); ++i) *tables[i] = cut[i];
      return threshold;
    }
    threshold *= 1.15f;
  }
}

void Shuffle(std::vector<size_t>& v, uint64_t& state) {
  for (size_t i = v.size(); i > 1; --i) {
    size_t j = NextRandom(state) % i;
    std::swap(v[i - 1], v[j]);
  }
}

TrainingRuns::TrainingRuns(int runs, size_t examples, uint64_t seed)
    : orders(std::max(1, runs), std::vector<size_t>(examples)),
      rngs(orders.size()) {
  for (size_t k = 0; k < orders.size(); ++k) {
    for (size_t i = 0; i < examples; ++i) orders[k][i] = i;
    rngs[k] = seed + k * 0x9E3779B97F4A7C15ull;
  }
}

WeightTable ExportMean(const std::vector<PerceptronTrainer>& runs,
                       float min_fraction) {
  std::vector<const PerceptronTrainer*> ptrs;
  for (const PerceptronTrainer& t : runs) ptrs.push_back(&t);
  return PerceptronTrainer::ExportMean(ptrs, min_fraction);
}

namespace {

// Neighbour lookups with padding outside the sentence.
struct Around {
  const std::vector<WordFeatures>& w;
  const std::vector<uint64_t>& amb;
  bool Out(long k, uint64_t* pad) const {
    if (k < 0) return *pad = kPadBefore, true;
    if (k >= static_cast<long>(w.size())) return *pad = kPadAfter, true;
    return false;
  }
  uint64_t Lower(long k) const {
    uint64_t p;
    return Out(k, &p) ? p : w[k].lower;
  }
  uint64_t Suf3(long k) const {
    uint64_t p;
    return Out(k, &p) ? p : w[k].suffix[2];
  }
  uint64_t Shape(long k) const {
    uint64_t p;
    return Out(k, &p) ? p : w[k].shape;
  }
  uint64_t Amb(long k) const {
    uint64_t p;
    return Out(k, &p) ? p : amb[k];
  }
};

}  // namespace

size_t Tagger::StaticFeatures(const std::vector<WordFeatures>& w,
                              const std::vector<uint64_t>& amb, size_t i,
                              uint64_t* out) {
  Around x{w, amb};
  size_t n = 0;
  const WordFeatures& c = w[i];
  long k = static_cast<long>(i);
  out[n++] = Feat(1, 0);
  out[n++] = Feat(2, c.lower);
  out[n++] = Feat(3, c.form);
  out[n++] = Feat(4, c.shape);
  for (int j = 0; j < 4; ++j) out[n++] = Feat(5 + j, c.suffix[j]);
  for (int j = 0; j < 3; ++j) out[n++] = Feat(9 + j, c.prefix[j]);
  out[n++] = Feat(12, c.flags, i == 0);
  out[n++] = Feat(17, x.Lower(k - 1));
  out[n++] = Feat(18, x.Suf3(k - 1));
  out[n++] = Feat(19, x.Lower(k - 2));
  out[n++] = Feat(20, x.Lower(k + 1));
  out[n++] = Feat(21, x.Suf3(k + 1));
  out[n++] = Feat(22, x.Lower(k + 2));
  out[n++] = Feat(23, x.Lower(k - 1), c.lower);
  out[n++] = Feat(24, c.lower, x.Lower(k + 1));
  out[n++] = Feat(25, x.Shape(k - 1));
  out[n++] = Feat(26, x.Shape(k + 1));
  out[n++] = Feat(28, x.Suf3(k + 2));
  out[n++] = Feat(30, c.shape, x.Shape(k + 1));
  out[n++] = Feat(31, x.Amb(k));
  out[n++] = Feat(32, x.Amb(k + 1));
  out[n++] = Feat(33, x.Amb(k - 1));
  out[n++] = Feat(35, x.Amb(k), x.Amb(k + 1));
  out[n++] = Feat(36, x.Amb(k + 2));
  return n;
}

size_t Tagger::DynamicFeatures(const std::vector<WordFeatures>& w,
                               const std::vector<uint64_t>& amb, size_t i,
                               int p1, int p2, uint64_t* out) {
  Around x{w, amb};
  size_t n = 0;
  const WordFeatures& c = w[i];
  long k = static_cast<long>(i);
  out[n++] = Feat(13, Tag64(p1));
  out[n++] = Feat(14, Tag64(p1), Tag64(p2));
  out[n++] = Feat(15, Tag64(p1), c.lower);
  out[n++] = Feat(16, Tag64(p1), c.suffix[2]);
  out[n++] = Feat(27, Tag64(p1), x.Lower(k + 1));
  out[n++] = Feat(29, Tag64(p2));
  out[n++] = Feat(34, Tag64(p1), x.Amb(k));
  out[n++] = Feat(37, Tag64(p1), x.Amb(k), x.Amb(k + 1));
  return n;
}

size_t Tagger::RightFeatures(const std::vector<WordFeatures>& w, size_t i,
                             int p1, int r1, int r2, uint64_t* out) {
  size_t n = 0;
  const WordFeatures& c = w[i];
  out[n++] = Feat(38, Tag64(r1));
  out[n++] = Feat(39, Tag64(r1), Tag64(r2));
  out[n++] = Feat(40, Tag64(p1), Tag64(r1));
  out[n++] = Feat(41, Tag64(r1), c.lower);
  out[n++] = Feat(42, Tag64(r1), c.suffix[2]);
  return n;
}

void Tagger::Ambiguity(const std::vector<WordFeatures>& w,
                       std::vector<uint64_t>& amb) const {
  amb.resize(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    auto it = ambiguity_.find(w[i].lower);
    amb[i] = it == ambiguity_.end() ? kNone : it->second;
  }
}

void Tagger::Tag(const std::vector<WordFeatures>& words,
                 std::vector<int>& tags) const {
  thread_local std::vector<uint64_t> amb, feats;
  thread_local std::vector<uint32_t> owner;
  thread_local std::vector<int32_t> base, stat;
  thread_local std::vector<int> first;
  size_t n_words = words.size();
  int n_tags = tag_count();
  Ambiguity(words, amb);
  tags.resize(n_words);
  feats.resize(n_words * kMaxFeatures);
  owner.clear();
  size_t total = 0;
  // The bias feature (the first static one) is the same for every word:
  // its weights start each word's row instead of being looked up per word.
  uint64_t bias_feature = 0;
  for (size_t i = 0; i < n_words; ++i) {
    size_t n = StaticFeatures(words, amb, i, feats.data() + total);
    bias_feature = feats[total];
    std::copy(feats.begin() + total + 1, feats.begin() + total + n,
              feats.begin() + total);
    owner.insert(owner.end(), n - 1, static_cast<uint32_t>(i));
    total += n - 1;
  }
  base.resize(n_words * n_tags);
  if (n_words > 0) {
    std::fill(base.begin(), base.begin() + n_tags, 0);
    weights_.Score(&bias_feature, 1, base.data());
    for (size_t i = 1; i < n_words; ++i) {
      std::copy(base.begin(), base.begin() + n_tags, base.begin() + i * n_tags);
    }
  }
  weights_.ScoreRows(feats.data(), owner.data(), total, base.data(), n_tags);
  if (passes_ > 1) stat.assign(base.begin(), base.end());
  uint64_t dyn[kMaxFeatures];
  int p1 = kStart, p2 = kStart2;
  for (size_t i = 0; i < n_words; ++i) {
    size_t n = DynamicFeatures(words, amb, i, p1, p2, dyn);
    int32_t* scores = base.data() + i * n_tags;
    weights_.Score(dyn, n, scores);
    int t = ArgMax(scores, n_tags);
    tags[i] = t;
    p2 = p1;
    p1 = t;
  }
  if (passes_ < 2) return;
  // Second pass, also seeing the first pass's tags to the right. Where the
  // two previous tags are those the first pass had, the first pass's row
  // already holds the static and tag-history weights (integer sums ignore
  // the order), so only the right-context features are added; elsewhere
  // the row is rebuilt from the static scores.
  first.assign(tags.begin(), tags.end());
  p1 = kStart, p2 = kStart2;
  int q1 = kStart, q2 = kStart2;  // the first pass's previous tags
  for (size_t i = 0; i < n_words; ++i) {
    int r1 = i + 1 < n_words ? first[i + 1] : kEnd;
    int r2 = i + 2 < n_words ? first[i + 2] : kEnd;
    size_t n = 0;
    int32_t* scores = base.data() + i * n_tags;
    if (p1 != q1 || p2 != q2) {
      scores = stat.data() + i * n_tags;
      n = DynamicFeatures(words, amb, i, p1, p2, dyn);
    }
    n += RightFeatures(words, i, p1, r1, r2, dyn + n);
    weights_.Score(dyn, n, scores);
    int t = ArgMax(scores, n_tags);
    tags[i] = t;
    q2 = q1;
    q1 = first[i];
    p2 = p1;
    p1 = t;
  }
}

uint64_t Tagger::FeatsKey(uint64_t lower, int tag) {
  return Feat(0x46454154, lower, Tag64(tag));
}

std::string_view Tagger::Feats(const WordFeatures& w, int tag) const {
  auto it = feats_exc_.find(FeatsKey(w.lower, tag));
  if (it != feats_exc_.end()) return feats_labels_[it->second];
  return feats_labels_[feats_default_[tag]];
}

std::string_view Tagger::FindFeats(std::string_view feats) const {
  auto it = feats_index_.find(StringHash(feats));
  return it == feats_index_.end() ? std::string_view()
                                  : std::string_view(feats_labels_[it->second]);
}

Result<Tagger> Tagger::Load(const std::string& path) {
  HEARSAY_ASSIGN_OR_RETURN(ModelFile f, ModelFile::Open(path));
  return FromFile(std::make_shared<ModelFile>(std::move(f)));
}

Result<Tagger> Tagger::FromBytes(std::shared_ptr<const std::string> bytes) {
  HEARSAY_ASSIGN_OR_RETURN(ModelFile f,
                           ModelFile::FromBuffer(*bytes, "(in memory)"));
  HEARSAY_ASSIGN_OR_RETURN(Tagger t,
                           FromFile(std::make_shared<ModelFile>(std::move(f))));
  t.bytes_ = std::move(bytes);
  return t;
}

Result<Tagger> Tagger::FromFile(std::shared_ptr<ModelFile> shared) {
  Tagger t;
  t.file_ = std::move(shared);
  const ModelFile& file = *t.file_;
  const std::string& path = file.name();
  HEARSAY_ASSIGN_OR_RETURN(std::string_view kind, file.Section("kind"));
  if (kind != "tagger") {
    return FailedPreconditionError(path + ": not a tagger model");
  }
  HEARSAY_ASSIGN_OR_RETURN(std::string_view tags, file.Section("tags"));
  for (const std::string& line : SplitLines(tags)) {
    size_t tab = line.find('\t');
    if (tab == std::string::npos) return DataLossError(path + ": bad tag");
    t.upos_.push_back(line.substr(0, tab));
    t.xpos_.push_back(line.substr(tab + 1));
  }
  if (t.upos_.empty() || t.upos_.size() > 512) {
    return DataLossError(path + ": bad tag count");
  }
  HEARSAY_ASSIGN_OR_RETURN(t.weights_, WeightTable::FromModel(file, "w"));
  if (t.weights_.classes() != t.tag_count()) {
    return DataLossError(path + ": weight table does not match the tags");
  }
  if (file.Has("passes")) {
    HEARSAY_ASSIGN_OR_RETURN(std::string_view passes, file.Section("passes"));
    if (passes != "2") return DataLossError(path + ": bad passes");
    t.passes_ = 2;
  }
  HEARSAY_ASSIGN_OR_RETURN(std::string_view fl, file.Section("feats.labels"));
  t.feats_labels_ = SplitLines(fl);
  for (size_t i = 0; i < t.feats_labels_.size(); ++i) {
    t.feats_index_[StringHash(t.feats_labels_[i])] = static_cast<uint32_t>(i);
  }
  HEARSAY_ASSIGN_OR_RETURN(std::string_view fd, file.Section("feats.default"));
  for (const std::string& line : SplitLines(fd)) {
    uint32_t v = 0;
    std::from_chars(line.data(), line.data() + line.size(), v);
    if (v >= t.feats_labels_.size()) return DataLossError(path + ": feats");
    t.feats_default_.push_back(v);
  }
  if (t.feats_default_.size() != t.upos_.size()) {
    return DataLossError(path + ": feats.default does not match the tags");
  }
  HEARSAY_ASSIGN_OR_RETURN(std::string_view fe, file.Section("feats.exc"));
  for (const std::string& line : SplitLines(fe)) {
    size_t a = line.find('\t');
    size_t b = line.find('\t', a + 1);
    if (a == std::string::npos || b == std::string::npos) {
      return DataLossError(path + ": bad feats.exc line");
    }
    int tag = 0;
    uint32_t v = 0;
    std::from_chars(line.data() + a + 1, line.data() + b, tag);
    std::from_chars(line.data() + b + 1, line.data() + line.size(), v);
    if (v >= t.feats_labels_.size() || tag < 0 || tag >= t.tag_count()) {
      return DataLossError(path + ": bad feats.exc entry");
    }
    t.feats_exc_[FeatsKey(StringHash(line.substr(0, a)), tag)] = v;
  }
  HEARSAY_ASSIGN_OR_RETURN(std::string_view td, file.Section("tagdict"));
  for (const std::string& line : SplitLines(td)) {
    size_t a = line.find('\t');
    if (a == std::string::npos) return DataLossError(path + ": bad tagdict");
    uint64_t v = 0;
    std::from_chars(line.data() + a + 1, line.data() + line.size(), v);
    t.ambiguity_[StringHash(line.substr(0, a))] = v;
  }
  HEARSAY_ASSIGN_OR_RETURN(std::string_view lr, file.Section("lemma.rules"));
  HEARSAY_ASSIGN_OR_RETURN(std::string_view le, file.Section("lemma.exc"));
  // (A model from before the vocabulary has none.)
  std::string_view lv;
  if (file.Has("lemma.vocab")) {
    HEARSAY_ASSIGN_OR_RETURN(lv, file.Section("lemma.vocab"));
  }
  HEARSAY_ASSIGN_OR_RETURN(t.lemmatizer_, Lemmatizer::Parse(lr, le, lv));
  return t;
}

Status Tagger::Train(const std::vector<conllu::Sentence>& train,
                     const std::vector<conllu::Sentence>& dev,
                     const TrainOptions& options, const std::string& path) {
  HEARSAY_ASSIGN_OR_RETURN(std::string bytes, TrainBytes(train, dev, options));
  return WriteFileAtomically(path, bytes);
}

Result<std::string> Tagger::TrainBytes(
    const std::vector<conllu::Sentence>& train,
    const std::vector<conllu::Sentence>& dev, const TrainOptions& options) {
  // Joint tag inventory, most frequent first.
  std::map<std::string, int> tag_count;
  for (const auto& s : train) {
    for (const auto& w : s.words) ++tag_count[w.upos + "\t" + w.xpos];
  }
  std::vector<std::pair<int, std::string>> by_freq;
  for (const auto& [t, n] : tag_count) by_freq.emplace_back(-n, t);
  std::sort(by_freq.begin(), by_freq.end());
  if (by_freq.size() > 512) by_freq.resize(512);
  std::vector<std::string> tag_lines;
  std::map<std::string, int> tag_id;
  for (const auto& [n, t] : by_freq) {
    tag_id[t] = static_cast<int>(tag_lines.size());
    tag_lines.push_back(t);
  }
  int n_tags = static_cast<int>(tag_lines.size());

  struct Prepared {
    std::vector<WordFeatures> words;
    std::vector<int> gold;
  };
  auto prepare = [&](const std::vector<conllu::Sentence>& data) {
    std::vector<Prepared> out(data.size());
    for (size_t i = 0; i < data.size(); ++i) {
      ComputeWordFeatures(Forms(data[i]), out[i].words);
      for (const auto& w : data[i].words) {
        auto it = tag_id.find(w.upos + "\t" + w.xpos);
        out[i].gold.push_back(it == tag_id.end() ? -1 : it->second);
      }
    }
    return out;
  };
  std::vector<Prepared> tr = prepare(train), dv = prepare(dev);

  // Ambiguity classes of words seen at least kMinDictCount times: rarer
  // words would look unambiguous in training far more often than at run
  // time.
  constexpr int kMinDictCount = 3;
  std::map<std::string, std::map<int, int>> word_tags;
  for (size_t i = 0; i < train.size(); ++i) {
    for (size_t j = 0; j < train[i].words.size(); ++j) {
      if (tr[i].gold[j] < 0) continue;
      std::string lower;
      LowerAscii(train[i].words[j].form, lower);
      ++word_tags[lower][tr[i].gold[j]];
    }
  }
  Tagger probe;
  std::string tagdict;
  for (const auto& [word, counts] : word_tags) {
    int total = 0;
    for (const auto& [t, c] : counts) total += c;
    if (total < kMinDictCount) continue;
    uint64_t h = 0x414d42;
    for (const auto& [t, c] : counts) {
      if (c * 20 >= total) h = Feat(h, Tag64(t));
    }
    tagdict += word + "\t" + std::to_string(h) + "\n";
    probe.ambiguity_[StringHash(word)] = h;
  }

  // Morphological features: most frequent FEATS per (lower form, tag), kept
  // only where it differs from the tag's most frequent FEATS.
  std::map<std::string, uint32_t> feats_id;
  std::vector<std::string> feats_labels;
  auto fid = [&](const std::string& f) {
    auto [it, ins] =
        feats_id.try_emplace(f, static_cast<uint32_t>(feats_labels.size()));
    if (ins) feats_labels.push_back(f);
    return it->second;
  };
  fid("_");
  std::vector<std::map<uint32_t, int>> per_tag(n_tags);
  std::map<std::pair<std::string, int>, std::map<uint32_t, int>> per_word;
  std::vector<Lemmatizer::Example> lemma_examples;
  for (size_t i = 0; i < train.size(); ++i) {
    for (size_t j = 0; j < train[i].words.size(); ++j) {
      const auto& w = train[i].words[j];
      int t = tr[i].gold[j];
      lemma_examples.push_back({w.form, w.upos, w.xpos, w.lemma});
      if (t < 0) continue;
      uint32_t f = fid(w.feats);
      ++per_tag[t][f];
      std::string lower;
      LowerAscii(w.form, lower);
      ++per_word[{lower, t}][f];
    }
  }
  auto best_of = [](const std::map<uint32_t, int>& m) {
    uint32_t best = 0;
    int n = -1;
    for (const auto& [k, c] : m) {
      if (c > n) n = c, best = k;
    }
    return best;
  };
  std::string feats_default, feats_exc;
  std::vector<uint32_t> defaults(n_tags);
  for (int t = 0; t < n_tags; ++t) {
    defaults[t] = per_tag[t].empty() ? 0 : best_of(per_tag[t]);
    feats_default += std::to_string(defaults[t]) + "\n";
  }
  for (const auto& [key, m] : per_word) {
    uint32_t b = best_of(m);
    if (b == defaults[key.second]) continue;
    feats_exc += key.first + "\t" + std::to_string(key.second) + "\t" +
                 std::to_string(b) + "\n";
  }
  Lemmatizer lem = Lemmatizer::Train(lemma_examples);
  std::string lemma_rules, lemma_exc, lemma_vocab;
  lem.Serialize(&lemma_rules, &lemma_exc, &lemma_vocab);

  // Each run learns from its own shuffles; the model is the mean of the
  // runs' weights (run 0 alone is what one run gives).
  TrainingRuns runs(options.runs, tr.size(), options.seed);
  std::vector<PerceptronTrainer> models(runs.size(), PerceptronTrainer(n_tags));
  uint64_t feats[kMaxFeatures];
  std::vector<float> scores(n_tags);
  bool two = options.passes == 2;
  probe.passes_ = two ? 2 : 1;
  size_t correct = 0, total = 0;
  // One sentence, both passes. The first pass only tags: its updates wait
  // until the second pass has been scored, so that the second learns from
  // first-pass tags with the errors they had, not from tags just corrected.
  std::vector<int> first;
  std::vector<uint64_t> first_feats;
  std::vector<size_t> first_n;
  auto train_two_passes =
      [&](PerceptronTrainer& model, const std::vector<WordFeatures>& words,
          const std::vector<uint64_t>& amb, const std::vector<int>& gold) {
        size_t len = words.size();
        first.resize(len);
        first_feats.resize(len * kMaxFeatures);
        first_n.resize(len);
        int p1 = kStart, p2 = kStart2;
        for (size_t i = 0; i < len; ++i) {
          uint64_t* f = first_feats.data() + i * kMaxFeatures;
          first_n[i] = Features(words, amb, i, p1, p2, f);
          std::fill(scores.begin(), scores.end(), 0.f);
          model.Score(f, first_n[i], scores.data());
          first[i] = ArgMax(scores.data(), n_tags);
          p2 = p1;
          p1 = first[i];
        }
        p1 = kStart, p2 = kStart2;
        for (size_t i = 0; i < len; ++i) {
          size_t n = Features(words, amb, i, p1, p2, feats);
          int r1 = i + 1 < len ? first[i + 1] : kEnd;
          int r2 = i + 2 < len ? first[i + 2] : kEnd;
          n += RightFeatures(words, i, p1, r1, r2, feats + n);
          std::fill(scores.begin(), scores.end(), 0.f);
          model.Score(feats, n, scores.data());
          int guess = ArgMax(scores.data(), n_tags);
          if (gold[i] >= 0) {
            model.Update(feats, n, gold[i], guess);
            correct += gold[i] == guess;
            ++total;
          }
          model.Tick();
          p2 = p1;
          p1 = guess;
        }
        for (size_t i = 0; i < len; ++i) {
          if (gold[i] >= 0) {
            model.Update(first_feats.data() + i * kMaxFeatures, first_n[i],
                         gold[i], first[i]);
          }
          model.Tick();
        }
      };
  WeightTable best_table;
  double best_acc = -1;
  std::vector<std::vector<uint64_t>> tr_amb(tr.size());
  for (size_t i = 0; i < tr.size(); ++i)
    probe.Ambiguity(tr[i].words, tr_amb[i]);
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    correct = 0, total = 0;
    for (int k = 0; k < runs.size(); ++k) {
      PerceptronTrainer& model = models[k];
      Shuffle(runs.orders[k], runs.rngs[k]);
      for (size_t si : runs.orders[k]) {
        const Prepared& s = tr[si];
        if (two) {
          train_two_passes(model, s.words, tr_amb[si], s.gold);
          continue;
        }
        int p1 = kStart, p2 = kStart2;
        for (size_t i = 0; i < s.words.size(); ++i) {
          size_t n = Features(s.words, tr_amb[si], i, p1, p2, feats);
          std::fill(scores.begin(), scores.end(), 0.f);
          model.Score(feats, n, scores.data());
          int guess = ArgMax(scores.data(), n_tags);
          int gold = s.gold[i];
          if (gold >= 0) {
            model.Update(feats, n, gold, guess);
            correct += gold == guess;
            ++total;
          }
          model.Tick();
          p2 = p1;
          p1 = guess;
        }
      }
      // Evaluate exactly what would be shipped: the averaged, quantised table.
    }
    probe.weights_ = ExportMean(models, options.prune);
    probe.upos_.resize(n_tags);
    size_t dc = 0, du = 0, dn = 0;
    std::vector<int> tags;
    for (size_t i = 0; i < dv.size(); ++i) {
      probe.Tag(dv[i].words, tags);
      for (size_t j = 0; j < tags.size(); ++j) {
        const auto& w = dev[i].words[j];
        const std::string& t = tag_lines[tags[j]];
        size_t tab = t.find('\t');
        dc += t == w.upos + "\t" + w.xpos;
        du += t.compare(0, tab, w.upos) == 0 && tab == w.upos.size();
        ++dn;
      }
    }
    double acc = dn ? 100.0 * du / dn : 0;
    char line[256];
    std::snprintf(line, sizeof(line),
                  "epoch %d  train-acc %.2f  dev UPOS %.2f  UPOS+XPOS %.2f  "
                  "rows %zu  stored %.1f MB",
                  epoch, total ? 100.0 * correct / total : 0.0, acc,
                  dn ? 100.0 * dc / dn : 0.0, models[0].rows(),
                  probe.weights_.bytes() / 1e6);
    if (options.log) options.log(line);
    if (acc > best_acc) {
      best_acc = acc;
      best_table = probe.weights_;
    }
  }
  float cut = FitToSize({&best_table}, options.max_bytes);
  if (cut > 0 && options.log) {
    char line[160];
    std::snprintf(line, sizeof(line),
                  "pruned weights below %.3f: %.1f MB stored", cut,
                  best_table.bytes() / 1e6);
    options.log(line);
  }
  ModelWriter w;
  w.Add("kind", "tagger");
  w.Add("tags", JoinLines(tag_lines));
  if (two) w.Add("passes", "2");
  best_table.AddTo(w, "w");
  w.Add("feats.labels", JoinLines(feats_labels));
  w.Add("feats.default", feats_default);
  w.Add("feats.exc", feats_exc);
  w.Add("tagdict", tagdict);
  w.Add("lemma.rules", lemma_rules);
  w.Add("lemma.exc", lemma_exc);
  w.Add("lemma.vocab", lemma_vocab);
  return w.Serialize();
}

void Retag(const Tagger& tagger, std::vector<conllu::Sentence>& sentences) {
  std::vector<WordFeatures> words;
  std::vector<int> tags;
  for (conllu::Sentence& s : sentences) {
    ComputeWordFeatures(Forms(s), words);
    tagger.Tag(words, tags);
    for (size_t i = 0; i < s.words.size(); ++i) {
      s.words[i].upos = tagger.Upos(tags[i]);
      s.words[i].xpos = tagger.Xpos(tags[i]);
      s.words[i].feats = tagger.Feats(words[i], tags[i]);
    }
  }
}

Status RetagJackknife(std::vector<conllu::Sentence>& sentences, int folds,
                      const std::vector<conllu::Sentence>& dev,
                      const TrainOptions& options) {
  if (folds < 2) return InvalidArgumentError("jackknifing needs 2+ folds");
  std::vector<conllu::Sentence> retagged = sentences;
  for (int k = 0; k < folds; ++k) {
    std::vector<conllu::Sentence> rest, held;
    std::vector<size_t> held_index;
    for (size_t i = 0; i < sentences.size(); ++i) {
      if (static_cast<int>(i % folds) == k) {
        held.push_back(sentences[i]);
        held_index.push_back(i);
      } else {
        rest.push_back(sentences[i]);
      }
    }
    HEARSAY_ASSIGN_OR_RETURN(std::string bytes,
                             Tagger::TrainBytes(rest, dev, options));
    HEARSAY_ASSIGN_OR_RETURN(
        Tagger t, Tagger::FromBytes(
                      std::make_shared<const std::string>(std::move(bytes))));
    Retag(t, held);
    for (size_t j = 0; j < held.size(); ++j) {
      retagged[held_index[j]] = std::move(held[j]);
    }
    if (options.log) {
      options.log("jackknife fold " + std::to_string(k + 1) + "/" +
                  std::to_string(folds) + " retagged");
    }
  }
  sentences = std::move(retagged);
  return Status::Ok();
}

}  // namespace hearsay::nlp
