#include "extract/stance_fnc.h"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <map>
#include <numeric>
#include <sstream>
#include <utility>

#include "core/hash.h"
#include "core/tsv.h"
#include "extract/lexicons.h"
#include "extract/tfidf.h"
#include "hearsay/text.h"

namespace hearsay {

// ---------------------------------------------------------------------------
// Labels, data files, the story split and the score.

std::string_view FncStanceName(FncStance s) {
  switch (s) {
    case FncStance::kAgree:
      return "agree";
    case FncStance::kDisagree:
      return "disagree";
    case FncStance::kDiscuss:
      return "discuss";
    case FncStance::kUnrelated:
      return "unrelated";
  }
  return "unrelated";
}

std::optional<FncStance> ParseFncStance(std::string_view name) {
  name = TrimTsvSpace(name);
  std::string lower(name);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  for (int i = 0; i < kFncStanceCount; ++i) {
    FncStance s = static_cast<FncStance>(i);
    if (lower == FncStanceName(s)) return s;
  }
  return std::nullopt;
}

Result<FncData> FncDataFromTables(const CsvTable& bodies, const CsvTable& pairs,
                                  bool need_stance) {
  FncData data;
  for (const std::string& e : bodies.errors()) data.errors.push_back(e);
  for (const std::string& e : pairs.errors()) data.errors.push_back(e);
  HEARSAY_ASSIGN_OR_RETURN(int body_id, bodies.Column("Body ID"));
  HEARSAY_ASSIGN_OR_RETURN(int body_text, bodies.Column("articleBody"));
  HEARSAY_ASSIGN_OR_RETURN(int headline, pairs.Column("Headline"));
  HEARSAY_ASSIGN_OR_RETURN(int pair_body, pairs.Column("Body ID"));
  int stance = pairs.ColumnIndex("Stance");
  if (need_stance && stance < 0) {
    HEARSAY_RETURN_IF_ERROR(pairs.Column("Stance").status());
  }
  auto where = [](const CsvTable& t, size_t r) {
    return t.source() + ":" + std::to_string(t.Line(r)) + ": ";
  };
  for (size_t r = 0; r < bodies.rows(); ++r) {
    std::string id(TrimTsvSpace(bodies.Cell(r, body_id)));
    if (id.empty()) {
      data.errors.push_back(where(bodies, r) + "empty Body ID");
      continue;
    }
    if (!data.bodies.emplace(id, bodies.Cell(r, body_text)).second) {
      data.errors.push_back(where(bodies, r) + "duplicate Body ID " + id);
    }
  }
  for (size_t r = 0; r < pairs.rows(); ++r) {
    FncPair p;
    p.headline = pairs.Cell(r, headline);
    p.body_id = std::string(TrimTsvSpace(pairs.Cell(r, pair_body)));
    p.line = pairs.Line(r);
    if (!data.bodies.contains(p.body_id)) {
      data.errors.push_back(where(pairs, r) + "no body with Body ID '" +
                            p.body_id + "'");
      continue;
    }
    if (stance >= 0 && need_stance) {
      std::optional<FncStance> s = ParseFncStance(pairs.Cell(r, stance));
      if (!s) {
        data.errors.push_back(where(pairs, r) + "unknown stance '" +
                              pairs.Cell(r, stance) + "'");
        continue;
      }
      p.stance = *s;
      p.labelled = true;
    }
    data.pairs.push_back(std::move(p));
  }
  return data;
}

Result<FncData> ReadFncData(const std::string& bodies_path,
                            const std::string& pairs_path, bool need_stance) {
  HEARSAY_ASSIGN_OR_RETURN(CsvTable bodies, CsvTable::ReadFile(bodies_path));
  HEARSAY_ASSIGN_OR_RETURN(CsvTable pairs, CsvTable::ReadFile(pairs_path));
  return FncDataFromTables(bodies, pairs, need_stance);
}

namespace {

// Body IDs are numbers in FNC-1; comparing them as numbers makes "the
// smallest" what a reader of the file expects.
bool BodyIdLess(const std::string& a, const std::string& b) {
  auto digits = [](const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
      return c >= '0' && c <= '9';
    });
  };
  if (digits(a) && digits(b) && a.size() != b.size()) {
    return a.size() < b.size();
  }
  return a < b;
}

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) {
    std::iota(parent_.begin(), parent_.end(), 0);
  }
  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Join(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<uint32_t> parent_;
};

}  // namespace

StorySplit SplitStories(const FncData& data, uint32_t heldout_percent) {
  // Nodes: bodies first (in ID order, so numbering is independent of hash
  // map order), then headlines in order of first appearance.
  std::vector<std::string> body_ids;
  for (const auto& [id, text] : data.bodies) body_ids.push_back(id);
  std::sort(body_ids.begin(), body_ids.end(), BodyIdLess);
  std::unordered_map<std::string, uint32_t> body_node;
  for (uint32_t i = 0; i < body_ids.size(); ++i) body_node[body_ids[i]] = i;
  std::unordered_map<std::string, uint32_t> headline_node;
  for (const FncPair& p : data.pairs) {
    headline_node.emplace(p.headline, body_ids.size() + headline_node.size());
  }
  UnionFind uf(body_ids.size() + headline_node.size());
  for (const FncPair& p : data.pairs) {
    if (p.labelled && IsRelated(p.stance)) {
      uf.Join(body_node.at(p.body_id), headline_node.at(p.headline));
    }
  }
  // A root is the component's smallest node; bodies come first in ID order,
  // so a component with a body has its smallest Body ID as root.
  StorySplit split;
  std::unordered_map<uint32_t, uint32_t> story_of_root;
  std::vector<bool> story_heldout;
  auto story_for = [&](uint32_t node) {
    uint32_t root = uf.Find(node);
    auto [it, added] = story_of_root.emplace(root, story_of_root.size());
    if (added) {
      // Every story reached through a pair has a body: the pair's own.
      uint64_t h = Hash64(body_ids[root]);
      story_heldout.push_back(h % 100 < heldout_percent);
    }
    return it->second;
  };
  std::vector<bool> body_seen(body_ids.size());
  for (const FncPair& p : data.pairs) {
    uint32_t b = body_node.at(p.body_id);
    uint32_t s = story_for(b);
    split.story.push_back(s);
    bool held = story_heldout[s];
    split.heldout.push_back(held);
    ++split.pairs;
    if (held) ++split.heldout_pairs;
    if (p.labelled) {
      (held ? split.heldout_labels
            : split.train_labels)[static_cast<int>(p.stance)]++;
    }
    if (!body_seen[b]) {
      body_seen[b] = true;
      ++split.bodies;
      if (held) ++split.heldout_bodies;
    }
  }
  split.stories = story_of_root.size();
  split.heldout_stories =
      std::count(story_heldout.begin(), story_heldout.end(), true);
  return split;
}

double FncScores::Relative() const {
  return max_score > 0 ? 100.0 * score / max_score : 0.0;
}

double FncScores::Precision(FncStance s) const {
  int k = static_cast<int>(s);
  uint64_t predicted = 0;
  for (int g = 0; g < kFncStanceCount; ++g) predicted += confusion[g][k];
  return predicted ? static_cast<double>(confusion[k][k]) / predicted : 0.0;
}

double FncScores::Recall(FncStance s) const {
  int k = static_cast<int>(s);
  uint64_t gold = 0;
  for (int p = 0; p < kFncStanceCount; ++p) gold += confusion[k][p];
  return gold ? static_cast<double>(confusion[k][k]) / gold : 0.0;
}

double FncScores::F1(FncStance s) const {
  double p = Precision(s), r = Recall(s);
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

double FncScores::MacroF1() const {
  double sum = 0;
  for (int k = 0; k < kFncStanceCount; ++k)
    sum += F1(static_cast<FncStance>(k));
  return sum / kFncStanceCount;
}

uint64_t FncScores::total() const {
  uint64_t n = 0;
  for (const auto& row : confusion) {
    for (uint64_t c : row) n += c;
  }
  return n;
}

FncScores ScoreFnc(std::span<const FncStance> gold,
                   std::span<const FncStance> predicted) {
  assert(gold.size() == predicted.size());
  FncScores s;
  for (size_t i = 0; i < gold.size(); ++i) {
    FncStance g = gold[i], p = predicted[i];
    s.confusion[static_cast<int>(g)][static_cast<int>(p)]++;
    s.max_score += IsRelated(g) ? 1.0 : 0.25;
    if (IsRelated(g) == IsRelated(p)) s.score += 0.25;
    if (g == p && IsRelated(g)) s.score += 0.75;
  }
  return s;
}

// ---------------------------------------------------------------------------
// Text preparation.

namespace stance_internal {

struct Resources {
  Lexicons lexicons;
  Segmenter segmenter;
};

// What a word is, beyond its term.
enum WordBit : uint8_t {
  kRefute = 1,      // a denial cue (denial_cues.tsv, stance deny)
  kConfirm = 2,     // a confirmation cue
  kNoComment = 4,   // a no-comment form
  kHedge = 8,       // hedges.tsv
  kNegation = 16,   // negation.tsv
  kNumber = 32,     // holds a digit
  kSpeech = 64,     // a speech verb (speech_verbs.tsv)
  kSourcing = 128,  // a sourcing phrase (sourcing.tsv)
};

// A headline or body, tokenised and weighed. Word indices count only the
// words kept for matching (those with a letter or digit).
struct Prepared {
  std::vector<Span> spans;
  std::vector<uint64_t> terms;
  std::vector<uint8_t> bits;
  std::vector<uint32_t> sentence_first;  // plus a final sentinel
  std::vector<Span> sentence_spans;
  std::vector<TermVector> sentence_vectors;
  TermVector vector;
  TermVector lead_vector;              // the first kLeadSentences
  std::vector<uint64_t> sorted_terms;  // distinct
  std::vector<uint64_t> bigrams;       // distinct, sorted
  bool question = false;

  size_t sentences() const { return sentence_spans.size(); }
};

constexpr size_t kLeadSentences = 3;

bool KeepWord(std::string_view w) {
  for (unsigned char c : w) {
    if (c >= 0x80 || std::isalnum(c)) return true;
  }
  return false;
}

Prepared Tokenize(const Resources& res, std::string_view text) {
  Prepared p;
  Segmentation seg = res.segmenter.Segment(text);
  std::vector<TokenKey> keys;
  std::vector<std::string_view> forms;
  keys.reserve(seg.words.size());
  for (const Word& w : seg.words) {
    std::string_view form = w.form.empty() ? w.span.Slice(text) : w.form;
    forms.push_back(form);
    keys.push_back(TokenKey::Of(form));
  }
  // Cue bits over all words, then carried to the kept ones.
  std::vector<uint8_t> all_bits(seg.words.size());
  std::vector<PhraseMatch> hits;
  const LexiconKindSet kinds =
      KindBit(LexiconKind::kDenialCue) | KindBit(LexiconKind::kHedge) |
      KindBit(LexiconKind::kNegation) | KindBit(LexiconKind::kSpeechVerb) |
      KindBit(LexiconKind::kSourcing);
  for (size_t i = 0; i < keys.size(); ++i) {
    hits.clear();
    res.lexicons.Match(keys, i, &hits, kinds);
    // (A phrase listed as no cue, "made up of", silences the shorter cues
    // it starts with: "made up".)
    size_t silenced = 0;
    for (const PhraseMatch& m : hits) {
      if (m.kind == LexiconKind::kDenialCue &&
          res.lexicons.denial_cues()[m.entry].stance == StanceHint::kNone)
        silenced = std::max<size_t>(silenced, m.length);
    }
    for (const PhraseMatch& m : hits) {
      if (m.kind == LexiconKind::kDenialCue && m.length <= silenced) continue;
      uint8_t bit = 0;
      if (m.kind == LexiconKind::kHedge) {
        bit = kHedge;
      } else if (m.kind == LexiconKind::kNegation) {
        bit = kNegation;
      } else if (m.kind == LexiconKind::kSpeechVerb) {
        bit = kSpeech;
      } else if (m.kind == LexiconKind::kSourcing) {
        bit = kSourcing;
      } else {
        switch (res.lexicons.denial_cues()[m.entry].stance) {
          case StanceHint::kConfirm:
            bit = kConfirm;
            break;
          case StanceHint::kNoComment:
            bit = kNoComment;
            break;
          default:
            bit = kRefute;
            break;
        }
      }
      for (size_t k = i; k < i + m.length && k < all_bits.size(); ++k) {
        all_bits[k] |= bit;
      }
    }
  }
  for (const Sentence& s : seg.sentences) {
    p.sentence_first.push_back(p.spans.size());
    p.sentence_spans.push_back(s.span);
    uint32_t first_word = seg.tokens[s.first_token].first_word;
    const Token& last = seg.tokens[s.first_token + s.token_count - 1];
    uint32_t end_word = last.first_word + last.word_count;
    for (uint32_t w = first_word; w < end_word; ++w) {
      std::string_view form = forms[w];
      if (!KeepWord(form)) continue;
      uint8_t bits = all_bits[w];
      if (std::any_of(form.begin(), form.end(),
                      [](char c) { return c >= '0' && c <= '9'; })) {
        bits |= kNumber;
      }
      p.spans.push_back(seg.words[w].span);
      p.terms.push_back(TermOf(form));
      p.bits.push_back(bits);
    }
  }
  p.sentence_first.push_back(p.spans.size());
  size_t end = text.find_last_not_of(" \t\r\n");
  p.question = end != std::string_view::npos && text[end] == '?';
  return p;
}

void Vectorize(const IdfTable& idf, Prepared& p) {
  p.vector = idf.Vector(p.terms);
  size_t lead_end = p.sentence_first[std::min(kLeadSentences, p.sentences())];
  p.lead_vector = idf.Vector(std::span(p.terms).first(lead_end));
  p.sentence_vectors.clear();
  for (size_t s = 0; s < p.sentences(); ++s) {
    uint32_t a = p.sentence_first[s], b = p.sentence_first[s + 1];
    p.sentence_vectors.push_back(
        idf.Vector(std::span(p.terms).subspan(a, b - a)));
  }
  p.sorted_terms = p.terms;
  std::sort(p.sorted_terms.begin(), p.sorted_terms.end());
  p.sorted_terms.erase(
      std::unique(p.sorted_terms.begin(), p.sorted_terms.end()),
      p.sorted_terms.end());
  p.bigrams.clear();
  for (size_t s = 0; s < p.sentences(); ++s) {
    for (uint32_t i = p.sentence_first[s]; i + 1 < p.sentence_first[s + 1];
         ++i) {
      p.bigrams.push_back(p.terms[i] * 0x9E3779B97F4A7C15ull ^ p.terms[i + 1]);
    }
  }
  std::sort(p.bigrams.begin(), p.bigrams.end());
  p.bigrams.erase(std::unique(p.bigrams.begin(), p.bigrams.end()),
                  p.bigrams.end());
}

// ---------------------------------------------------------------------------
// Features: hashed names with values.

constexpr int kBucketBits = 20;
constexpr uint32_t kBucketMask = (1u << kBucketBits) - 1;

class Features {
 public:
  void Add(std::string_view name, float value = 1.0f) {
    AddHash(Hash64(name), value);
  }
  void AddHash(uint64_t h, float value = 1.0f) {
    items_.emplace_back(static_cast<uint32_t>(h & kBucketMask), value);
  }
  // A value in [lo, hi) as one of `bins` indicators, so a linear model can
  // learn any shape of response to it.
  void AddBinned(std::string_view name, double value, double lo, double hi,
                 int bins) {
    int b = static_cast<int>((value - lo) / (hi - lo) * bins);
    b = std::clamp(b, 0, bins - 1);
    Add(std::string(name) + "=" + std::to_string(b));
  }
  const std::vector<std::pair<uint32_t, float>>& items() const {
    return items_;
  }
  // The first stage reads only the features added before Cut(): pair
  // similarities, not words or cues.
  void Cut() { cut_ = items_.size(); }
  std::span<const std::pair<uint32_t, float>> related_items() const {
    return std::span(items_).first(std::min(cut_, items_.size()));
  }
  void clear() {
    items_.clear();
    cut_ = SIZE_MAX;
  }

 private:
  std::vector<std::pair<uint32_t, float>> items_;
  size_t cut_ = SIZE_MAX;
};

struct PairAnalysis {
  std::vector<double> sentence_similarity;
  std::vector<uint8_t> sentence_refutes;  // refuting cue near headline words
  std::vector<uint8_t> sentence_bits;     // union of the sentence's bits
};

bool Has(const std::vector<uint64_t>& sorted, uint64_t x) {
  return std::binary_search(sorted.begin(), sorted.end(), x);
}

// Terms at least this rare (IDF) make a headline specific: "Xiaomi", not
// "said". kWindow is how far, in words, a cue may be from one to count as
// said about it.
constexpr float kRareIdf = 3.0f;
constexpr int kWindow = 8;

// `generic` (sorted) lists the terms seen in many stories: only those become
// word features, so that the model learns how articles talk ("hoax",
// "reportedly", "confirmed"), not which stories it was trained on.
void PairFeatures(const IdfTable& idf, const std::vector<uint64_t>& generic,
                  const Prepared& h, const Prepared& b, bool stance_stage,
                  Features& f, PairAnalysis* analysis) {
  f.clear();
  f.Add("bias");
  double cos = Cosine(h.vector, b.vector);
  double lead = Cosine(h.vector, b.lead_vector);
  PairAnalysis local;
  PairAnalysis& a = analysis ? *analysis : local;
  a.sentence_similarity.assign(b.sentences(), 0);
  for (size_t s = 0; s < b.sentences(); ++s) {
    a.sentence_similarity[s] = Cosine(h.vector, b.sentence_vectors[s]);
  }
  std::vector<double> sorted_sim = a.sentence_similarity;
  std::sort(sorted_sim.rbegin(), sorted_sim.rend());
  double max_sim = sorted_sim.empty() ? 0 : sorted_sim[0];
  double top3 = 0;
  for (size_t i = 0; i < 3 && i < sorted_sim.size(); ++i) top3 += sorted_sim[i];
  top3 /= 3;
  size_t best = 0;
  for (size_t s = 1; s < b.sentences(); ++s) {
    if (a.sentence_similarity[s] > a.sentence_similarity[best]) best = s;
  }

  // Overlap of the headline's distinct terms with the body.
  double weight_all = 0, weight_found = 0;
  int rare = 0, rare_found = 0, numbers = 0, numbers_found = 0;
  for (size_t i = 0; i < h.terms.size(); ++i) {
    uint64_t t = h.terms[i];
    bool dup = std::find(h.terms.begin(), h.terms.begin() + i, t) !=
               h.terms.begin() + i;
    if (dup) continue;
    bool found = Has(b.sorted_terms, t);
    float w = idf.Idf(t);
    weight_all += w;
    if (found) weight_found += w;
    if (w >= kRareIdf) {
      ++rare;
      rare_found += found;
    }
    if (h.bits[i] & kNumber) {
      ++numbers;
      numbers_found += found;
    }
  }
  double overlap = weight_all > 0 ? weight_found / weight_all : 0;
  double rare_overlap = rare ? static_cast<double>(rare_found) / rare : 0;
  int bigrams_found = 0;
  for (uint64_t g : h.bigrams) bigrams_found += Has(b.bigrams, g);
  double bigram_overlap =
      h.bigrams.empty() ? 0
                        : static_cast<double>(bigrams_found) / h.bigrams.size();

  f.Add("cos", cos);
  f.Add("lead", lead);
  f.Add("max", max_sim);
  f.Add("top3", top3);
  f.Add("overlap", overlap);
  f.Add("rare", rare_overlap);
  f.Add("bigram", bigram_overlap);
  f.AddBinned("cos", cos, 0, 0.6, 24);
  f.AddBinned("lead", lead, 0, 0.6, 12);
  f.AddBinned("max", max_sim, 0, 0.8, 16);
  f.AddBinned("top3", top3, 0, 0.6, 12);
  f.AddBinned("overlap", overlap, 0, 1.0001, 10);
  f.AddBinned("rare", rare_overlap, 0, 1.0001, 5);
  f.AddBinned("bigram", bigram_overlap, 0, 0.6, 6);
  f.Add("rarecount=" + std::to_string(std::min(rare_found, 6)));
  if (numbers) {
    f.Add("numbers=" + std::to_string(std::min(numbers_found, 3)) + "/" +
          std::to_string(std::min(numbers, 3)));
  }
  {
    int cb = std::clamp(static_cast<int>(cos * 20), 0, 9);
    int mb = std::clamp(static_cast<int>(max_sim * 10), 0, 7);
    f.Add("cos*max=" + std::to_string(cb) + "," + std::to_string(mb));
    int ob = std::clamp(static_cast<int>(overlap * 5), 0, 4);
    f.Add("cos*overlap=" + std::to_string(cb) + "," + std::to_string(ob));
  }
  f.AddBinned("hlen", std::log1p(h.terms.size()), 0, 3.5, 5);
  f.AddBinned("blen", std::log1p(b.terms.size()), 0, 8, 8);
  f.Cut();
  if (!stance_stage && analysis == nullptr) return;

  // Cues over the body, its closest sentences and the headline's words.
  a.sentence_bits.assign(b.sentences(), 0);
  a.sentence_refutes.assign(b.sentences(), 0);
  std::array<int, 8> body_counts{}, near_counts{}, top_counts{};
  std::vector<size_t> order(b.sentences());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return a.sentence_similarity[x] > a.sentence_similarity[y];
  });
  std::vector<bool> top(b.sentences());
  for (size_t i = 0; i < 3 && i < order.size(); ++i) {
    if (a.sentence_similarity[order[i]] > 0) top[order[i]] = true;
  }
  auto count_bits = [](uint8_t bits, std::array<int, 8>& counts) {
    for (int k = 0; k < 8; ++k) counts[k] += (bits >> k) & 1;
  };
  for (size_t s = 0; s < b.sentences(); ++s) {
    for (uint32_t i = b.sentence_first[s]; i < b.sentence_first[s + 1]; ++i) {
      uint8_t bits = b.bits[i];
      a.sentence_bits[s] |= bits;
      count_bits(bits, body_counts);
      if (top[s]) count_bits(bits, top_counts);
      // A cue counts as near when a specific headline term is within the
      // window in the same sentence.
      if (bits & (kRefute | kHedge | kNegation | kConfirm)) {
        uint32_t lo = std::max<int64_t>(b.sentence_first[s],
                                        static_cast<int64_t>(i) - kWindow);
        uint32_t hi =
            std::min<uint32_t>(b.sentence_first[s + 1], i + kWindow + 1);
        bool near = false;
        for (uint32_t j = lo; j < hi && !near; ++j) {
          near = j != i && idf.Idf(b.terms[j]) >= kRareIdf &&
                 Has(h.sorted_terms, b.terms[j]);
        }
        if (near) {
          count_bits(bits, near_counts);
          if (bits & kRefute) a.sentence_refutes[s] = 1;
        }
      }
    }
  }
  static constexpr std::array<const char*, 8> kNames = {
      "refute",   "confirm", "nocomment", "hedge",
      "negation", "number",  "speech",    "sourcing"};
  static constexpr std::array<int, 7> kCueBits = {0, 1, 2, 3, 4, 6, 7};
  uint8_t hbits = 0;
  std::array<int, 8> head_counts{};
  for (uint8_t bits : h.bits) {
    hbits |= bits;
    count_bits(bits, head_counts);
  }
  for (int k : kCueBits) {
    std::string name = kNames[k];
    f.Add("b:" + name + "=" + std::to_string(std::min(body_counts[k], 5)));
    f.Add("t:" + name + "=" + std::to_string(std::min(top_counts[k], 3)));
    f.Add("n:" + name + "=" + std::to_string(std::min(near_counts[k], 3)));
    f.Add("h:" + name + "=" + std::to_string(std::min(head_counts[k], 2)));
    f.Add("b:" + name + "/len",
          static_cast<float>(body_counts[k] * 100.0 / (b.terms.size() + 20)));
  }
  if (h.question) f.Add("h:question");
  // Polarity: does the closest sentence negate where the headline does not,
  // or the other way round?
  bool hneg = head_counts[4] % 2 == 1;
  bool sneg = b.sentences() > 0 && (a.sentence_bits[best] & kNegation);
  f.Add(std::string("pol=") + (hneg ? "n" : "p") + (sneg ? "n" : "p"));
  bool srefute = b.sentences() > 0 && (a.sentence_bits[best] & kRefute);
  f.Add(std::string("best:refute=") + (srefute ? "1" : "0"));
  f.Add(std::string("best:hedge=") +
        ((b.sentences() > 0 && (a.sentence_bits[best] & kHedge)) ? "1" : "0"));
  f.AddBinned("bestpos", b.sentences() ? static_cast<double>(best) : 0, 0, 10,
              5);

  // Words of the body's closest and first sentences, which say how the body
  // treats the headline's claim. The headline's own words are left out: they
  // tie the decision to the headlines seen in training, and cost about a
  // point of macro-F1 on unseen stories.
  std::vector<uint64_t> seen;
  for (size_t s = 0; s < b.sentences(); ++s) {
    if (!top[s] && s >= 2) continue;
    for (uint32_t i = b.sentence_first[s]; i < b.sentence_first[s + 1]; ++i) {
      if (Has(generic, b.terms[i])) seen.push_back(b.terms[i]);
    }
  }
  std::sort(seen.begin(), seen.end());
  seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
  float sw =
      seen.empty() ? 0 : static_cast<float>(1.0 / std::sqrt(seen.size()));
  for (uint64_t t : seen) f.AddHash(t ^ 0x73656e74ull, sw * 3);
  // And the whole body's words, weighted by TF-IDF.
  for (const auto& [t, w] : b.vector) {
    if (Has(generic, t)) f.AddHash(t ^ 0x626f6479ull, w * 3);
  }
  // Headline cue kinds crossed with body cue kinds.
  for (int x : kCueBits) {
    if (!(hbits >> x & 1) && x != 0) continue;
    for (int y : kCueBits) {
      if (near_counts[y] == 0) continue;
      f.Add(std::string("x:") + ((hbits >> x & 1) ? kNames[x] : "none") + "*" +
            kNames[y]);
    }
  }
}

// ---------------------------------------------------------------------------
// Linear models: one score per class over hashed features.

struct LinearModel {
  int classes = 0;       // 1: a logistic (sigmoid) model
  std::vector<float> w;  // bucket-major: w[bucket * classes + k]

  void Init(int k) {
    classes = k;
    w.assign(static_cast<size_t>(kBucketMask + 1) * k, 0.0f);
  }
  // Probabilities: for one class, of the positive; else a softmax.
  void Predict(std::span<const std::pair<uint32_t, float>> items,
               std::vector<double>& p) const {
    p.assign(classes, 0);
    for (const auto& [idx, v] : items) {
      const float* row = &w[static_cast<size_t>(idx) * classes];
      for (int k = 0; k < classes; ++k) p[k] += row[k] * v;
    }
    if (classes == 1) {
      p[0] = 1.0 / (1.0 + std::exp(-p[0]));
      return;
    }
    double m = *std::max_element(p.begin(), p.end());
    double z = 0;
    for (double& x : p) z += (x = std::exp(x - m));
    for (double& x : p) x /= z;
  }
};

// Deterministic on every platform, unlike std::shuffle.
uint64_t SplitMix(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// AdaGrad on the (weighted) log loss with L2, over cached feature vectors.
// `runs` models from different shuffles are averaged: with few stories to
// learn from, one shuffle's model swings by a point of FNC score.
void TrainLinear(const std::vector<Features>& xs, bool related_items,
                 const std::vector<int>& ys,
                 const std::vector<float>& class_weight, int classes,
                 int epochs, double rate, double l2, uint64_t seed, int runs,
                 LinearModel& model) {
  model.Init(classes);
  LinearModel run;
  std::vector<float> acc;
  std::vector<size_t> order(xs.size());
  std::vector<double> p;
  std::vector<double> g(classes);
  for (int r = 0; r < runs; ++r) {
    run.Init(classes);
    acc.assign(run.w.size(), 1e-6f);
    std::iota(order.begin(), order.end(), 0);
    uint64_t state = seed + 7919 * r;
    for (int e = 0; e < epochs; ++e) {
      for (size_t i = order.size(); i > 1; --i) {
        std::swap(order[i - 1], order[SplitMix(state) % i]);
      }
      for (size_t i : order) {
        auto items =
            related_items ? xs[i].related_items() : std::span(xs[i].items());
        run.Predict(items, p);
        float cw = class_weight[ys[i]];
        for (int k = 0; k < classes; ++k) {
          double target = classes == 1 ? ys[i] : (k == ys[i] ? 1 : 0);
          g[k] = (p[k] - target) * cw;
        }
        for (const auto& [idx, v] : items) {
          size_t base = static_cast<size_t>(idx) * classes;
          for (int k = 0; k < classes; ++k) {
            float& wk = run.w[base + k];
            double grad = g[k] * v + l2 * wk;
            acc[base + k] += static_cast<float>(grad * grad);
            wk -= static_cast<float>(rate * grad / std::sqrt(acc[base + k]));
          }
        }
      }
    }
    for (size_t i = 0; i < model.w.size(); ++i) model.w[i] += run.w[i] / runs;
  }
}

struct Model {
  std::string lexicons;  // version of the lexicons the features came from
  IdfTable idf;
  std::vector<uint64_t> generic;  // sorted
  LinearModel related;            // P(related)
  LinearModel stance;             // agree, disagree, discuss among related
  std::string version;
};

}  // namespace stance_internal

// ---------------------------------------------------------------------------
// The classifier.

using stance_internal::Features;
using stance_internal::Model;
using stance_internal::PairAnalysis;
using stance_internal::Prepared;
using stance_internal::Resources;

namespace {

constexpr std::string_view kMagic = "hearsay.stance/1\n";

Result<std::shared_ptr<const Resources>> BuildResources(
    const std::string& lexicon_dir) {
  LexiconOptions options;
  options.user_dir = lexicon_dir;
  HEARSAY_ASSIGN_OR_RETURN(Lexicons lex, Lexicons::Load(options));
  auto res =
      std::make_shared<Resources>(Resources{std::move(lex), Segmenter()});
  return std::shared_ptr<const Resources>(std::move(res));
}

Result<std::shared_ptr<const Resources>> MakeResources(
    const std::string& lexicon_dir) {
  // The shipped lexicons are the same for every model a process loads and
  // read-only, so they are built once and shared. A user's directory may
  // change between loads: it is read each time.
  if (!lexicon_dir.empty()) return BuildResources(lexicon_dir);
  static const auto* shipped =
      new Result<std::shared_ptr<const Resources>>(BuildResources(""));
  return *shipped;
}

void PutU32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
}
void PutU64(std::string& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
}
void PutF32(std::string& out, float f) {
  uint32_t v;
  std::memcpy(&v, &f, 4);
  PutU32(out, v);
}

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  bool U32(uint32_t& v) {
    if (in_.size() - pos_ < 4) return false;
    v = 0;
    for (int i = 0; i < 4; ++i) {
      v |= uint32_t{static_cast<unsigned char>(in_[pos_ + i])} << (8 * i);
    }
    pos_ += 4;
    return true;
  }
  bool U64(uint64_t& v) {
    uint32_t lo, hi;
    if (!U32(lo) || !U32(hi)) return false;
    v = (uint64_t{hi} << 32) | lo;
    return true;
  }
  bool F32(float& f) {
    uint32_t v;
    if (!U32(v)) return false;
    std::memcpy(&f, &v, 4);
    return std::isfinite(f);
  }
  bool Bytes(size_t n, std::string& out) {
    if (in_.size() - pos_ < n) return false;
    out.assign(in_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  size_t remaining() const { return in_.size() - pos_; }

 private:
  std::string_view in_;
  size_t pos_ = 0;
};

void PutLinear(std::string& out, const stance_internal::LinearModel& m) {
  PutU32(out, m.classes);
  std::vector<uint32_t> kept;
  for (uint32_t b = 0; b <= stance_internal::kBucketMask; ++b) {
    for (int k = 0; k < m.classes; ++k) {
      if (m.w[static_cast<size_t>(b) * m.classes + k] != 0.0f) {
        kept.push_back(b);
        break;
      }
    }
  }
  PutU32(out, kept.size());
  for (uint32_t b : kept) {
    PutU32(out, b);
    for (int k = 0; k < m.classes; ++k) {
      PutF32(out, m.w[static_cast<size_t>(b) * m.classes + k]);
    }
  }
}

bool GetLinear(ByteReader& r, stance_internal::LinearModel& m,
               int expected_classes) {
  uint32_t classes, n;
  if (!r.U32(classes) || static_cast<int>(classes) != expected_classes) {
    return false;
  }
  m.Init(classes);
  if (!r.U32(n) || n > stance_internal::kBucketMask + 1) return false;
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t b;
    if (!r.U32(b) || b > stance_internal::kBucketMask) return false;
    for (uint32_t k = 0; k < classes; ++k) {
      if (!r.F32(m.w[static_cast<size_t>(b) * classes + k])) return false;
    }
  }
  return true;
}

// The three related labels in the second stage's order.
constexpr std::array<FncStance, 3> kRelatedLabels = {
    FncStance::kAgree, FncStance::kDisagree, FncStance::kDiscuss};

StanceResult Decide(const Model& model, const Features& f) {
  std::vector<double> pr, ps;
  model.related.Predict(f.related_items(), pr);
  model.stance.Predict(f.items(), ps);
  StanceResult r;
  double rel = pr[0];
  for (int k = 0; k < 3; ++k) {
    r.scores[static_cast<int>(kRelatedLabels[k])] = rel * ps[k];
  }
  r.scores[static_cast<int>(FncStance::kUnrelated)] = 1 - rel;
  if (rel < 0.5) {
    r.stance = FncStance::kUnrelated;
  } else {
    int best =
        static_cast<int>(std::max_element(ps.begin(), ps.end()) - ps.begin());
    r.stance = kRelatedLabels[best];
  }
  return r;
}

}  // namespace

StanceClassifier::StanceClassifier() = default;
StanceClassifier::StanceClassifier(StanceClassifier&&) noexcept = default;
StanceClassifier& StanceClassifier::operator=(StanceClassifier&&) noexcept =
    default;
StanceClassifier::~StanceClassifier() = default;

const std::string& StanceClassifier::version() const { return model_->version; }

const std::string& StanceClassifier::trained_lexicons() const {
  return model_->lexicons;
}

const std::string& StanceClassifier::lexicons() const {
  return resources_->lexicons.version();
}

std::string StanceClassifier::Serialize() const {
  std::string out(kMagic);
  PutU32(out, model_->lexicons.size());
  out += model_->lexicons;
  const IdfTable& idf = model_->idf;
  PutU32(out, idf.documents());
  std::vector<std::pair<uint64_t, uint32_t>> df(
      idf.document_frequencies().begin(), idf.document_frequencies().end());
  std::sort(df.begin(), df.end());
  PutU32(out, df.size());
  for (const auto& [t, n] : df) {
    PutU64(out, t);
    PutU32(out, n);
  }
  PutU32(out, model_->generic.size());
  for (uint64_t t : model_->generic) PutU64(out, t);
  PutLinear(out, model_->related);
  PutLinear(out, model_->stance);
  PutU64(out, Hash64(out));
  return out;
}

Status StanceClassifier::Save(const std::string& path) const {
  std::string bytes = Serialize();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return IoError(path + ": cannot write");
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return IoError(path + ": write failed");
  return Status::Ok();
}

Result<StanceClassifier> StanceClassifier::Parse(
    std::string_view bytes, const std::string& lexicon_dir) {
  auto bad = [](const std::string& why) {
    return DataLossError("not a stance model: " + why);
  };
  if (bytes.substr(0, kMagic.size()) != kMagic) return bad("wrong header");
  if (bytes.size() < kMagic.size() + 8) return bad("truncated");
  std::string_view body = bytes.substr(0, bytes.size() - 8);
  ByteReader tail(bytes.substr(bytes.size() - 8));
  uint64_t sum;
  if (!tail.U64(sum) || sum != Hash64(body)) return bad("checksum mismatch");
  ByteReader r(body.substr(kMagic.size()));
  auto model = std::make_unique<Model>();
  uint32_t lexicons_size;
  if (!r.U32(lexicons_size) || lexicons_size > 64 ||
      !r.Bytes(lexicons_size, model->lexicons)) {
    return bad("bad lexicon version");
  }
  uint32_t docs, n;
  if (!r.U32(docs) || !r.U32(n) || n > r.remaining() / 12) {
    return bad("bad term table");
  }
  std::unordered_map<uint64_t, uint32_t> df;
  df.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t t;
    uint32_t c;
    if (!r.U64(t) || !r.U32(c)) return bad("bad term table");
    df[t] = c;
  }
  model->idf = IdfTable::FromCounts(docs, std::move(df));
  uint32_t generic;
  if (!r.U32(generic) || generic > r.remaining() / 8)
    return bad("bad word list");
  model->generic.resize(generic);
  for (uint64_t& t : model->generic) {
    if (!r.U64(t)) return bad("bad word list");
  }
  if (!std::is_sorted(model->generic.begin(), model->generic.end())) {
    return bad("word list out of order");
  }
  if (!GetLinear(r, model->related, 1)) return bad("bad first stage");
  if (!GetLinear(r, model->stance, 3)) return bad("bad second stage");
  if (r.remaining() != 0) return bad("trailing bytes");
  model->version = HashHex(sum);
  StanceClassifier c;
  HEARSAY_ASSIGN_OR_RETURN(c.resources_, MakeResources(lexicon_dir));
  c.model_ = std::move(model);
  return c;
}

Result<StanceClassifier> StanceClassifier::Load(
    const std::string& path, const std::string& lexicon_dir) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError(path + ": cannot open");
  std::ostringstream buf;
  buf << in.rdbuf();
  Result<StanceClassifier> c = Parse(buf.str(), lexicon_dir);
  if (!c.ok()) return c.status().WithContext(path);
  return c;
}

Result<StanceClassifier> StanceClassifier::Train(
    const FncData& data, std::span<const bool> train,
    const StanceTrainOptions& options) {
  StanceClassifier c;
  HEARSAY_ASSIGN_OR_RETURN(c.resources_, MakeResources(options.lexicon_dir));
  c.model_ = std::make_unique<Model>();
  Model& model = *c.model_;
  model.lexicons = c.resources_->lexicons.version();
  auto used = [&](size_t i) {
    return data.pairs[i].labelled && (train.empty() || train[i]);
  };
  // Tokenise what training sees; document frequencies come from those
  // bodies and headlines only.
  std::map<std::string, Prepared> bodies, headlines;
  for (size_t i = 0; i < data.pairs.size(); ++i) {
    if (!used(i)) continue;
    const FncPair& p = data.pairs[i];
    if (!bodies.contains(p.body_id)) {
      bodies.emplace(p.body_id, stance_internal::Tokenize(
                                    *c.resources_, data.bodies.at(p.body_id)));
    }
    if (!headlines.contains(p.headline)) {
      headlines.emplace(p.headline,
                        stance_internal::Tokenize(*c.resources_, p.headline));
    }
  }
  if (bodies.empty()) {
    return InvalidArgumentError("no labelled pairs to train on");
  }
  for (const auto& [id, p] : bodies) model.idf.AddDocument(p.terms);
  for (const auto& [text, p] : headlines) model.idf.AddDocument(p.terms);
  model.idf.Prune(2);
  // Terms used in at least options.min_stories stories of the training data.
  {
    StorySplit stories = SplitStories(data, 0);
    std::unordered_map<uint64_t, std::vector<uint32_t>> seen;
    for (size_t i = 0; i < data.pairs.size(); ++i) {
      if (!used(i)) continue;
      uint32_t story = stories.story[i];
      for (const Prepared* p : {&bodies.at(data.pairs[i].body_id),
                                &headlines.at(data.pairs[i].headline)}) {
        for (uint64_t t : p->terms) {
          std::vector<uint32_t>& v = seen[t];
          if (v.empty() || v.back() != story) {
            if (std::find(v.begin(), v.end(), story) == v.end()) {
              v.push_back(story);
            }
          }
        }
      }
    }
    for (const auto& [t, v] : seen) {
      if (v.size() >= static_cast<size_t>(options.min_stories)) {
        model.generic.push_back(t);
      }
    }
    std::sort(model.generic.begin(), model.generic.end());
  }
  for (auto& [id, p] : bodies) stance_internal::Vectorize(model.idf, p);
  for (auto& [text, p] : headlines) stance_internal::Vectorize(model.idf, p);

  std::vector<Features> rel_x, st_x;
  std::vector<int> rel_y, st_y;
  std::array<size_t, 3> st_counts{};
  for (size_t i = 0; i < data.pairs.size(); ++i) {
    if (!used(i)) continue;
    const FncPair& p = data.pairs[i];
    const Prepared& h = headlines.at(p.headline);
    const Prepared& b = bodies.at(p.body_id);
    Features f;
    bool related = IsRelated(p.stance);
    stance_internal::PairFeatures(model.idf, model.generic, h, b, related, f,
                                  nullptr);
    rel_x.push_back(f);
    rel_y.push_back(related ? 1 : 0);
    if (related) {
      int k = static_cast<int>(
          std::find(kRelatedLabels.begin(), kRelatedLabels.end(), p.stance) -
          kRelatedLabels.begin());
      st_x.push_back(std::move(f));
      st_y.push_back(k);
      ++st_counts[k];
    }
  }
  stance_internal::TrainLinear(rel_x, true, rel_y, {1.0f, 1.0f}, 1,
                               options.related_epochs, options.learning_rate,
                               options.l2, options.seed, options.runs,
                               model.related);
  std::vector<float> weights(3, 1.0f);
  size_t most = *std::max_element(st_counts.begin(), st_counts.end());
  for (int k = 0; k < 3; ++k) {
    if (st_counts[k]) {
      weights[k] =
          static_cast<float>(std::pow(static_cast<double>(most) / st_counts[k],
                                      options.class_weight_power));
    }
  }
  stance_internal::TrainLinear(st_x, false, st_y, weights, 3,
                               options.stance_epochs, options.learning_rate,
                               options.l2, options.seed + 1, options.runs,
                               model.stance);
  std::string bytes = c.Serialize();
  model.version =
      HashHex(Hash64(std::string_view(bytes).substr(0, bytes.size() - 8)));
  return c;
}

StanceResult StanceClassifier::Classify(std::string_view headline,
                                        std::string_view body) const {
  Prepared h = stance_internal::Tokenize(*resources_, headline);
  Prepared b = stance_internal::Tokenize(*resources_, body);
  stance_internal::Vectorize(model_->idf, h);
  stance_internal::Vectorize(model_->idf, b);
  Features f;
  PairAnalysis a;
  stance_internal::PairFeatures(model_->idf, model_->generic, h, b, true, f,
                                &a);
  StanceResult r = Decide(*model_, f);
  // Evidence: the closest sentences, and any that refute near the
  // headline's words.
  std::vector<size_t> order(b.sentences());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return a.sentence_similarity[x] > a.sentence_similarity[y];
  });
  std::vector<bool> chosen(b.sentences());
  for (size_t i = 0; i < order.size() && i < 2; ++i) {
    if (a.sentence_similarity[order[i]] > 0.05) chosen[order[i]] = true;
  }
  for (size_t s = 0; s < b.sentences(); ++s) {
    if (a.sentence_refutes[s]) chosen[s] = true;
  }
  for (size_t s : order) {
    if (!chosen[s]) continue;
    StanceEvidence e;
    e.span = b.sentence_spans[s];
    e.similarity = a.sentence_similarity[s];
    e.refuting = a.sentence_refutes[s] != 0;
    e.hedging = (a.sentence_bits[s] & stance_internal::kHedge) != 0;
    r.evidence.push_back(e);
  }
  return r;
}

std::vector<FncStance> StanceClassifier::ClassifyPairs(
    const FncData& data, std::span<const bool> include) const {
  std::unordered_map<std::string, Prepared> bodies, headlines;
  std::vector<FncStance> out(data.pairs.size(), FncStance::kUnrelated);
  Features f;
  for (size_t i = 0; i < data.pairs.size(); ++i) {
    if (!include.empty() && !include[i]) continue;
    const FncPair& p = data.pairs[i];
    auto body = data.bodies.find(p.body_id);
    if (body == data.bodies.end()) continue;
    auto bit = bodies.find(p.body_id);
    if (bit == bodies.end()) {
      Prepared prep = stance_internal::Tokenize(*resources_, body->second);
      stance_internal::Vectorize(model_->idf, prep);
      bit = bodies.emplace(p.body_id, std::move(prep)).first;
    }
    auto hit = headlines.find(p.headline);
    if (hit == headlines.end()) {
      Prepared prep = stance_internal::Tokenize(*resources_, p.headline);
      stance_internal::Vectorize(model_->idf, prep);
      hit = headlines.emplace(p.headline, std::move(prep)).first;
    }
    stance_internal::PairFeatures(model_->idf, model_->generic, hit->second,
                                  bit->second, true, f, nullptr);
    out[i] = Decide(*model_, f).stance;
  }
  return out;
}

}  // namespace hearsay
