#include "nlp/word_classes.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "core/file.h"
#include "nlp/features.h"

namespace hearsay::nlp {
namespace {

constexpr uint32_t kBoundary = 0xFFFFFFFFu;
constexpr std::string_view kHeader = "# hearsay word classes";

uint64_t SplitMix(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Bigram counts between items (words, or classes of the level below).
struct Graph {
  int n = 0;
  // Per item, its right neighbours (item, count) and left ones, without
  // the item itself, which is counted in `self`.
  std::vector<std::vector<std::pair<uint32_t, uint64_t>>> out, in;
  std::vector<uint64_t> self, left_total, right_total;

  void Build(int items,
             std::vector<std::pair<uint64_t, uint64_t>>& pairs /*key,count*/) {
    n = items;
    out.assign(n, {});
    in.assign(n, {});
    self.assign(n, 0);
    left_total.assign(n, 0);
    right_total.assign(n, 0);
    std::sort(pairs.begin(), pairs.end());
    for (size_t i = 0; i < pairs.size();) {
      uint64_t key = pairs[i].first, c = 0;
      for (; i < pairs.size() && pairs[i].first == key; ++i) {
        c += pairs[i].second;
      }
      auto a = static_cast<uint32_t>(key >> 32), b = static_cast<uint32_t>(key);
      left_total[a] += c;
      right_total[b] += c;
      if (a == b) {
        self[a] += c;
      } else {
        out[a].emplace_back(b, c);
        in[b].emplace_back(a, c);
      }
    }
  }
};

// x log x over counts, tabulated for the small ones.
class XLogX {
 public:
  explicit XLogX(uint64_t up_to)
      : table_(std::min<uint64_t>(up_to, 1 << 22) + 1) {
    for (size_t i = 1; i < table_.size(); ++i) {
      table_[i] = static_cast<double>(i) * std::log(static_cast<double>(i));
    }
  }
  double operator()(uint64_t x) const {
    if (x < table_.size()) return table_[x];
    return static_cast<double>(x) * std::log(static_cast<double>(x));
  }

 private:
  std::vector<double> table_;
};

// The exchange algorithm: `order` is the initial ranking (most frequent
// first); item r of it starts in class r mod k. Returns each item's class.
std::vector<uint32_t> Exchange(const Graph& g,
                               const std::vector<uint32_t>& rank, int k,
                               const WordClassOptions& o,
                               const std::string& what) {
  std::vector<uint32_t> cls(g.n);
  for (int r = 0; r < g.n; ++r) cls[rank[r]] = static_cast<uint32_t>(r % k);
  std::vector<uint64_t> m(static_cast<size_t>(k) * k, 0), nl(k, 0), nr(k, 0);
  uint64_t total = 0;
  for (int w = 0; w < g.n; ++w) {
    for (auto [x, c] : g.out[w]) m[size_t{cls[w]} * k + cls[x]] += c;
    m[size_t{cls[w]} * k + cls[w]] += g.self[w];
    nl[cls[w]] += g.left_total[w];
    nr[cls[w]] += g.right_total[w];
    total += g.left_total[w];
  }
  XLogX f(total + 1);
  std::vector<uint32_t> sweep = rank;
  uint64_t rng = o.seed;
  // A fixed shuffle of the sweep order: frequency order alone lets the most
  // frequent words settle first and crowd the classes.
  for (size_t i = sweep.size(); i > 1; --i) {
    std::swap(sweep[i - 1], sweep[SplitMix(rng) % i]);
  }
  std::vector<uint64_t> rd(k, 0), ld(k, 0);
  std::vector<uint32_t> rt, lt;
  for (int it = 1; it <= o.iterations; ++it) {
    size_t moved = 0;
    for (uint32_t w : sweep) {
      uint32_t a = cls[w];
      rt.clear();
      lt.clear();
      for (auto [x, c] : g.out[w]) {
        uint32_t d = cls[x];
        if (rd[d] == 0) rt.push_back(d);
        rd[d] += c;
      }
      for (auto [x, c] : g.in[w]) {
        uint32_t d = cls[x];
        if (ld[d] == 0) lt.push_back(d);
        ld[d] += c;
      }
      uint64_t s = g.self[w], wl = g.left_total[w], wr = g.right_total[w];
      for (uint32_t d : rt) m[size_t{a} * k + d] -= rd[d];
      for (uint32_t d : lt) m[size_t{d} * k + a] -= ld[d];
      m[size_t{a} * k + a] -= s;
      nl[a] -= wl;
      nr[a] -= wr;
      auto gain = [&](uint32_t b) {
        double v = 0;
        const uint64_t* row = &m[size_t{b} * k];
        for (uint32_t d : rt) {
          if (d != b) v += f(row[d] + rd[d]) - f(row[d]);
        }
        for (uint32_t d : lt) {
          if (d != b) {
            uint64_t x = m[size_t{d} * k + b];
            v += f(x + ld[d]) - f(x);
          }
        }
        uint64_t bb = row[b];
        v += f(bb + rd[b] + ld[b] + s) - f(bb);
        v -= f(nl[b] + wl) - f(nl[b]);
        v -= f(nr[b] + wr) - f(nr[b]);
        return v;
      };
      uint32_t best = a;
      double best_gain = gain(a);
      for (uint32_t b = 0; b < static_cast<uint32_t>(k); ++b) {
        if (b == a) continue;
        double v = gain(b);
        // A move must gain clearly: float noise must not decide.
        if (v > best_gain + 1e-9) best_gain = v, best = b;
      }
      for (uint32_t d : rt) m[size_t{best} * k + d] += rd[d];
      for (uint32_t d : lt) m[size_t{d} * k + best] += ld[d];
      m[size_t{best} * k + best] += s;
      nl[best] += wl;
      nr[best] += wr;
      if (best != a) {
        cls[w] = best;
        ++moved;
      }
      for (uint32_t d : rt) rd[d] = 0;
      for (uint32_t d : lt) ld[d] = 0;
    }
    double ll = 0;
    for (uint64_t x : m) ll += f(x);
    for (int c = 0; c < k; ++c) ll -= f(nl[c]) + f(nr[c]);
    if (o.log) {
      char line[160];
      std::snprintf(line, sizeof(line),
                    "%s: %d classes, sweep %d: %zu of %d moved, "
                    "log-likelihood %.6g",
                    what.c_str(), k, it, moved, g.n, ll / total);
      o.log(line);
    }
    if (moved * 1000 < static_cast<size_t>(g.n)) break;
  }
  return cls;
}

}  // namespace

void WordClassCorpus::AddSentence(const std::vector<std::string_view>& words) {
  if (words.empty()) return;
  stream_.push_back(kBoundary);
  for (std::string_view w : words) {
    auto [it, added] =
        ids_.try_emplace(std::string(w), static_cast<uint32_t>(forms_.size()));
    if (added) {
      forms_.emplace_back(w);
      counts_.push_back(0);
    }
    ++counts_[it->second];
    stream_.push_back(it->second);
  }
  tokens_ += words.size();
  ++sentences_;
}

Result<WordClasses> WordClasses::Train(const WordClassCorpus& corpus,
                                       const WordClassOptions& o) {
  if (o.classes.empty() || static_cast<int>(o.classes.size()) > kMaxLevels) {
    return InvalidArgumentError("word classes: 1 to 4 levels");
  }
  for (size_t l = 0; l < o.classes.size(); ++l) {
    if (o.classes[l] < 2 || o.classes[l] > 65535 ||
        (l > 0 && o.classes[l] >= o.classes[l - 1])) {
      return InvalidArgumentError(
          "word classes: each level needs 2 to 65535 classes, fewer than the "
          "level before");
    }
  }
  // Words kept, most frequent first (ties by bytes, so that the result
  // never depends on the order of a hash map).
  std::vector<uint32_t> kept;
  for (uint32_t i = 0; i < corpus.forms_.size(); ++i) {
    if (corpus.counts_[i] >= static_cast<uint64_t>(std::max(o.min_count, 1))) {
      kept.push_back(i);
    }
  }
  std::sort(kept.begin(), kept.end(), [&](uint32_t a, uint32_t b) {
    if (corpus.counts_[a] != corpus.counts_[b]) {
      return corpus.counts_[a] > corpus.counts_[b];
    }
    return corpus.forms_[a] < corpus.forms_[b];
  });
  if (kept.size() < static_cast<size_t>(o.classes[0])) {
    return InvalidArgumentError("word classes: fewer words than classes");
  }
  // Items: the kept words, then the placeholder of rare words, then the
  // sentence boundary.
  int words = static_cast<int>(kept.size());
  uint32_t rare = words, boundary = words + 1;
  std::vector<uint32_t> item(corpus.forms_.size(), rare);
  for (int r = 0; r < words; ++r) item[kept[r]] = r;
  std::vector<std::pair<uint64_t, uint64_t>> pairs;
  pairs.reserve(corpus.stream_.size() + 1);
  uint32_t prev = boundary;
  for (size_t i = 1; i <= corpus.stream_.size(); ++i) {
    uint32_t id = i < corpus.stream_.size() ? corpus.stream_[i] : kBoundary;
    uint32_t cur = id == kBoundary ? boundary : item[id];
    pairs.emplace_back(uint64_t{prev} << 32 | cur, 1);
    prev = cur;
  }
  Graph g;
  g.Build(words + 2, pairs);
  std::vector<uint32_t> rank(words + 2);
  std::iota(rank.begin(), rank.end(), 0);
  // The boundary and the placeholder are frequent: rank them by frequency
  // too, so that they start in classes of their own.
  std::stable_sort(rank.begin(), rank.end(), [&](uint32_t a, uint32_t b) {
    return g.left_total[a] + g.right_total[a] >
           g.left_total[b] + g.right_total[b];
  });
  if (o.log) {
    o.log(std::to_string(corpus.tokens_) + " words, " +
          std::to_string(corpus.sentences_) + " sentences, " +
          std::to_string(words) + " word types seen at least " +
          std::to_string(o.min_count) + " times");
  }
  WordClasses out;
  out.levels_ = static_cast<int>(o.classes.size());
  out.class_counts_ = o.classes;
  std::vector<uint32_t> of_item = Exchange(g, rank, o.classes[0], o, "words");
  std::vector<std::vector<uint32_t>> level_of_item = {of_item};
  for (size_t l = 1; l < o.classes.size(); ++l) {
    // The classes of the level below become the items.
    int k = o.classes[l - 1];
    const std::vector<uint32_t>& below = level_of_item.back();
    std::vector<std::pair<uint64_t, uint64_t>> cp;
    for (int w = 0; w < g.n; ++w) {
      for (auto [x, c] : g.out[w]) {
        cp.emplace_back(uint64_t{below[w]} << 32 | below[x], c);
      }
      if (g.self[w])
        cp.emplace_back(uint64_t{below[w]} << 32 | below[w], g.self[w]);
    }
    Graph cg;
    cg.Build(k, cp);
    std::vector<uint32_t> crank(k);
    std::iota(crank.begin(), crank.end(), 0);
    std::stable_sort(crank.begin(), crank.end(), [&](uint32_t a, uint32_t b) {
      return cg.left_total[a] + cg.right_total[a] >
             cg.left_total[b] + cg.right_total[b];
    });
    std::vector<uint32_t> up =
        Exchange(cg, crank, o.classes[l], o, "level " + std::to_string(l));
    std::vector<uint32_t> next(g.n);
    for (int w = 0; w < g.n; ++w) next[w] = up[below[w]];
    level_of_item.push_back(std::move(next));
  }
  // Class ids renumbered by first use in frequency order, so that the file
  // reads from the commonest classes down.
  for (auto& level : level_of_item) {
    std::vector<uint32_t> renum(
        *std::max_element(level.begin(), level.end()) + 1, kBoundary);
    uint32_t next = 0;
    for (int r = 0; r < words; ++r) {
      uint32_t& x = renum[level[r]];
      if (x == kBoundary) x = next++;
    }
    for (int r = 0; r < words; ++r) level[r] = renum[level[r]];
  }
  for (int r = 0; r < words; ++r) {
    out.forms_.push_back(corpus.forms_[kept[r]]);
    out.counts_.push_back(corpus.counts_[kept[r]]);
    Ids ids{};
    for (int l = 0; l < out.levels_; ++l) {
      ids[l] = static_cast<uint16_t>(level_of_item[l][r]);
    }
    out.ids_.push_back(ids);
  }
  out.BuildIndex();
  return out;
}

std::string WordClasses::ToText() const {
  std::string s(kHeader);
  for (int c : class_counts_) s += '\t' + std::to_string(c);
  s += '\n';
  for (size_t i = 0; i < forms_.size(); ++i) {
    s += forms_[i];
    s += '\t';
    s += std::to_string(counts_[i]);
    for (int l = 0; l < levels_; ++l) {
      s += '\t';
      s += std::to_string(ids_[i][l]);
    }
    s += '\n';
  }
  return s;
}

Result<WordClasses> WordClasses::Parse(std::string_view text) {
  WordClasses out;
  auto fields = [](std::string_view line) {
    std::vector<std::string_view> f;
    size_t at = 0;
    while (true) {
      size_t tab = line.find('\t', at);
      f.push_back(line.substr(at, tab - at));
      if (tab == std::string_view::npos) break;
      at = tab + 1;
    }
    return f;
  };
  auto number = [](std::string_view s, uint64_t& v) {
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
  };
  size_t line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++line_no;
    if (line.empty()) continue;
    std::vector<std::string_view> f = fields(line);
    std::string where = "word classes, line " + std::to_string(line_no);
    if (line_no == 1) {
      if (f[0] != kHeader || f.size() < 2 ||
          f.size() > static_cast<size_t>(kMaxLevels) + 1) {
        return DataLossError(where + ": not a word class file");
      }
      for (size_t l = 1; l < f.size(); ++l) {
        uint64_t c;
        if (!number(f[l], c) || c < 1 || c > 65535) {
          return DataLossError(where + ": bad class count");
        }
        out.class_counts_.push_back(static_cast<int>(c));
      }
      out.levels_ = static_cast<int>(out.class_counts_.size());
      continue;
    }
    if (f.size() != static_cast<size_t>(out.levels_) + 2 || f[0].empty()) {
      return DataLossError(where + ": expected form, count and " +
                           std::to_string(out.levels_) + " classes");
    }
    uint64_t count;
    if (!number(f[1], count)) return DataLossError(where + ": bad count");
    Ids ids{};
    for (int l = 0; l < out.levels_; ++l) {
      uint64_t c;
      if (!number(f[2 + l], c) ||
          c >= static_cast<uint64_t>(out.class_counts_[l])) {
        return DataLossError(where + ": bad class");
      }
      ids[l] = static_cast<uint16_t>(c);
    }
    out.forms_.emplace_back(f[0]);
    out.counts_.push_back(count);
    out.ids_.push_back(ids);
  }
  if (out.levels_ == 0) return DataLossError("word classes: empty");
  out.BuildIndex();
  return out;
}

Result<WordClasses> WordClasses::ReadFile(const std::string& path) {
  HEARSAY_ASSIGN_OR_RETURN(std::string text, ReadWholeFile(path));
  auto wc = Parse(text);
  if (!wc.ok()) return DataLossError(path + ": " + wc.status().message());
  return wc;
}

void WordClasses::BuildIndex() {
  index_.clear();
  lower_index_.clear();
  index_.reserve(forms_.size());
  lower_index_.reserve(forms_.size());
  std::string lower;
  for (uint32_t i = 0; i < forms_.size(); ++i) {
    index_.try_emplace(StringHash(forms_[i]), i);
    LowerAscii(forms_[i], lower);
    // The most frequent spelling stands for all of its case variants.
    lower_index_.try_emplace(StringHash(lower), i);
  }
}

const WordClasses::Ids* WordClasses::Find(uint64_t form_hash,
                                          uint64_t lower_hash) const {
  auto it = index_.find(form_hash);
  if (it != index_.end()) return &ids_[it->second];
  it = lower_index_.find(lower_hash);
  if (it != lower_index_.end()) return &ids_[it->second];
  return nullptr;
}

const WordClasses::Ids* WordClasses::Find(std::string_view form) const {
  std::string lower;
  LowerAscii(form, lower);
  return Find(StringHash(form), StringHash(lower));
}

}  // namespace hearsay::nlp
