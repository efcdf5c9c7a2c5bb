#include "text/segment_eval.h"

#include <utf8proc.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <random>
#include <unordered_map>

#include "core/utf8.h"
#include "text/chars.h"
#include "text/resources.h"
#include "text/sentence_model.h"

namespace hearsay {
namespace {

using text_internal::CharAt;
using text_internal::IsSpaceCls;

// A token or word over the non-whitespace characters of a whole file.
struct CharSpan {
  uint32_t begin = 0, end = 0;
  friend bool operator==(const CharSpan&, const CharSpan&) = default;
  friend auto operator<=>(const CharSpan&, const CharSpan&) = default;
};

struct EvalWord {
  CharSpan span;
  int mwt = -1;      // position inside its multi-word token, -1 if none
  std::string form;  // lower case
};

struct Side {
  std::vector<CharSpan> tokens, sentences;
  std::vector<EvalWord> words;
  std::string chars;  // the non-whitespace characters, for the text check
};

std::string LowerUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    utf8::Decoded d = utf8::Decode(s, i);
    utf8::Append(out, static_cast<char32_t>(utf8proc_tolower(
                          static_cast<utf8proc_int32_t>(d.cp))));
    i += d.size;
  }
  return out;
}

// Appends the non-whitespace characters of `s` to `chars`; returns how many.
uint32_t AppendNonSpace(std::string_view s, std::string& chars) {
  uint32_t n = 0;
  for (size_t i = 0; i < s.size();) {
    text_internal::Char c = CharAt(s, i);
    if (!IsSpaceCls(c.cls)) {
      chars.append(s.substr(i, c.len));
      ++n;
    }
    i += c.len;
  }
  return n;
}

Side GoldSide(const std::vector<conllu::Sentence>& gold) {
  Side side;
  uint32_t pos = 0;
  for (const conllu::Sentence& s : gold) {
    size_t first_token = side.tokens.size();
    size_t mw = 0;
    for (size_t w = 0; w < s.words.size();) {
      int id = static_cast<int>(w) + 1;
      while (mw < s.multiwords.size() && s.multiwords[mw].last < id) ++mw;
      if (mw < s.multiwords.size() && s.multiwords[mw].first == id) {
        const conllu::MultiWord& m = s.multiwords[mw];
        uint32_t len = AppendNonSpace(m.form, side.chars);
        CharSpan span{pos, pos + len};
        pos += len;
        side.tokens.push_back(span);
        int k = 0;
        for (int id2 = m.first;
             id2 <= m.last && id2 <= static_cast<int>(s.words.size()); ++id2) {
          side.words.push_back({span, k++, LowerUtf8(s.words[id2 - 1].form)});
        }
        w = static_cast<size_t>(m.last);
        ++mw;
        continue;
      }
      uint32_t len = AppendNonSpace(s.words[w].form, side.chars);
      CharSpan span{pos, pos + len};
      pos += len;
      side.tokens.push_back(span);
      side.words.push_back({span, -1, LowerUtf8(s.words[w].form)});
      ++w;
    }
    if (side.tokens.size() > first_token) {
      side.sentences.push_back(
          {side.tokens[first_token].begin, side.tokens.back().end});
    }
  }
  return side;
}

// Non-whitespace character index of every byte of `text` (size+1 entries).
std::vector<uint32_t> CharIndex(std::string_view text, uint32_t base) {
  std::vector<uint32_t> index(text.size() + 1);
  uint32_t n = base;
  for (size_t i = 0; i < text.size();) {
    text_internal::Char c = CharAt(text, i);
    for (size_t k = 0; k < c.len; ++k) index[i + k] = n;
    if (!IsSpaceCls(c.cls)) ++n;
    i += c.len;
  }
  index[text.size()] = n;
  return index;
}

void AddSystem(std::string_view text, const Segmentation& seg, uint32_t base,
               Side& side) {
  std::vector<uint32_t> index = CharIndex(text, base);
  for (const Token& t : seg.tokens) {
    AppendNonSpace(t.span.Slice(text), side.chars);
    CharSpan span{index[t.span.begin], index[t.span.end]};
    side.tokens.push_back(span);
    for (uint32_t k = 0; k < t.word_count; ++k) {
      const Word& w = seg.words[t.first_word + k];
      side.words.push_back(
          {span, t.word_count > 1 ? static_cast<int>(k) : -1,
           LowerUtf8(w.form.empty() ? std::string(w.span.Slice(text))
                                    : w.form)});
    }
  }
  for (const Sentence& s : seg.sentences) {
    side.sentences.push_back({index[s.span.begin], index[s.span.end]});
  }
}

Prf MakePrf(size_t correct, size_t gold, size_t system) {
  Prf p;
  p.correct = correct;
  p.gold = gold;
  p.system = system;
  p.precision = system ? static_cast<double>(correct) / system : 0;
  p.recall = gold ? static_cast<double>(correct) / gold : 0;
  p.f1 = p.precision + p.recall > 0
             ? 2 * p.precision * p.recall / (p.precision + p.recall)
             : 0;
  return p;
}

Prf SpanPrf(std::vector<CharSpan> gold, std::vector<CharSpan> system) {
  size_t g = gold.size(), s = system.size();
  std::sort(gold.begin(), gold.end());
  gold.erase(std::unique(gold.begin(), gold.end()), gold.end());
  std::sort(system.begin(), system.end());
  system.erase(std::unique(system.begin(), system.end()), system.end());
  std::vector<CharSpan> both;
  std::set_intersection(gold.begin(), gold.end(), system.begin(), system.end(),
                        std::back_inserter(both));
  return MakePrf(both.size(), g, s);
}

// Longest common subsequence of two form lists, walked as the reference
// scorer walks it; returns the number of aligned pairs.
size_t LcsPairs(const std::vector<const std::string*>& a,
                const std::vector<const std::string*>& b) {
  size_t n = a.size(), m = b.size();
  std::vector<uint32_t> dp((n + 1) * (m + 1), 0);
  auto at = [&](size_t i, size_t j) -> uint32_t& {
    return dp[i * (m + 1) + j];
  };
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      at(i, j) = *a[i] == *b[j] ? at(i + 1, j + 1) + 1
                                : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  size_t i = 0, j = 0, pairs = 0;
  while (i < n && j < m) {
    if (*a[i] == *b[j]) {
      ++pairs;
      ++i;
      ++j;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      ++i;
    } else {
      ++j;
    }
  }
  return pairs;
}

Prf WordPrf(const std::vector<EvalWord>& gw, const std::vector<EvalWord>& sw) {
  std::vector<CharSpan> regions;
  for (const auto* side : {&gw, &sw}) {
    for (const EvalWord& w : *side) {
      if (w.mwt >= 0) regions.push_back(w.span);
    }
  }
  std::sort(regions.begin(), regions.end());
  regions.erase(std::unique(regions.begin(), regions.end()), regions.end());
  std::vector<CharSpan> merged;
  for (const CharSpan& r : regions) {
    if (!merged.empty() && r.begin < merged.back().end) {
      merged.back().end = std::max(merged.back().end, r.end);
    } else {
      merged.push_back(r);
    }
  }
  auto region_of = [&](const CharSpan& s) -> int {
    auto it = std::partition_point(
        merged.begin(), merged.end(),
        [&](const CharSpan& m) { return m.end <= s.begin; });
    if (it != merged.end() && it->begin < s.end && s.begin < it->end) {
      return static_cast<int>(it - merged.begin());
    }
    return -1;
  };
  // System words outside regions, by span.
  std::vector<std::pair<CharSpan, size_t>> by_span;
  for (size_t j = 0; j < sw.size(); ++j) by_span.push_back({sw[j].span, j});
  std::sort(by_span.begin(), by_span.end());
  size_t pairs = 0;
  std::vector<std::vector<const std::string*>> g_in(merged.size()),
      s_in(merged.size());
  for (const EvalWord& w : gw) {
    int r = region_of(w.span);
    if (r >= 0) {
      g_in[r].push_back(&w.form);
      continue;
    }
    auto it = std::lower_bound(by_span.begin(), by_span.end(),
                               std::make_pair(w.span, size_t{0}));
    for (; it != by_span.end() && it->first == w.span; ++it) {
      const EvalWord& s = sw[it->second];
      if (s.mwt < 0 && region_of(s.span) < 0) {
        ++pairs;
        break;
      }
    }
  }
  for (const EvalWord& w : sw) {
    int r = region_of(w.span);
    if (r >= 0) s_in[r].push_back(&w.form);
  }
  for (size_t r = 0; r < merged.size(); ++r) {
    if (!g_in[r].empty()) pairs += LcsPairs(g_in[r], s_in[r]);
  }
  return MakePrf(pairs, gw.size(), sw.size());
}

// The text of one gold sentence: its # text line, or its tokens.
std::string SentenceText(const conllu::Sentence& s) {
  if (!s.text.empty()) return s.text;
  std::string out;
  size_t mw = 0;
  for (size_t w = 0; w < s.words.size();) {
    int id = static_cast<int>(w) + 1;
    while (mw < s.multiwords.size() && s.multiwords[mw].last < id) ++mw;
    int last = id;
    if (mw < s.multiwords.size() && s.multiwords[mw].first == id) {
      out += s.multiwords[mw].form;
      last = s.multiwords[mw].last;
    } else {
      out += s.words[w].form;
    }
    if (!s.NoSpaceAfter(last)) out += ' ';
    w = static_cast<size_t>(last);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string DocId(const conllu::Sentence& s) {
  for (const std::string& c : s.comments) {
    std::string_view v = c;
    if (v.substr(0, 6) != "newdoc") continue;
    size_t eq = v.find('=');
    if (eq == std::string_view::npos) return {};
    v.remove_prefix(eq + 1);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    return std::string(v);
  }
  return {};
}

}  // namespace

std::vector<GoldDocument> RebuildText(
    const std::vector<conllu::Sentence>& gold) {
  std::vector<GoldDocument> docs;
  bool has_newpar =
      std::any_of(gold.begin(), gold.end(),
                  [](const conllu::Sentence& s) { return s.newpar; });
  for (size_t i = 0; i < gold.size(); ++i) {
    const conllu::Sentence& s = gold[i];
    if (docs.empty() || s.newdoc) {
      docs.emplace_back();
      docs.back().id = DocId(s);
      docs.back().first_sentence = i;
    }
    GoldDocument& d = docs.back();
    if (!d.text.empty()) d.text += (s.newpar || !has_newpar) ? "\n\n" : " ";
    std::string t = SentenceText(s);
    uint32_t begin = static_cast<uint32_t>(d.text.size());
    d.text += t;
    d.sentences.push_back({begin, static_cast<uint32_t>(d.text.size())});
  }
  return docs;
}

Result<SegmentScores> EvaluateSegmentation(
    const std::vector<conllu::Sentence>& gold, const Segmenter& segmenter) {
  Side g = GoldSide(gold);
  Side s;
  uint32_t base = 0;
  Segmentation seg;
  for (const GoldDocument& d : RebuildText(gold)) {
    segmenter.Segment(d.text, &seg);
    AddSystem(d.text, seg, base, s);
    base = static_cast<uint32_t>(CharIndex(d.text, base).back());
  }
  if (g.chars != s.chars) {
    size_t k = 0;
    while (k < g.chars.size() && k < s.chars.size() && g.chars[k] == s.chars[k])
      ++k;
    return DataLossError(
        "the text rebuilt from # text lines differs from the "
        "tokens' forms near byte " +
        std::to_string(k) + " of the non-space characters");
  }
  SegmentScores scores;
  scores.tokens = SpanPrf(g.tokens, s.tokens);
  scores.sentences = SpanPrf(g.sentences, s.sentences);
  scores.words = WordPrf(g.words, s.words);
  return scores;
}

std::string ToConllu(std::string_view text, const Segmentation& seg,
                     std::string_view doc_id) {
  std::string out;
  out.reserve(text.size() * 4);
  uint32_t last_paragraph = UINT32_MAX;
  for (size_t si = 0; si < seg.sentences.size(); ++si) {
    const Sentence& s = seg.sentences[si];
    if (si == 0 && !doc_id.empty()) {
      out += "# newdoc id = ";
      out += doc_id;
      out += '\n';
    }
    if (s.paragraph != last_paragraph) {
      out += "# newpar\n";
      last_paragraph = s.paragraph;
    }
    out += "# sent_id = ";
    out += doc_id.empty() ? std::string_view("s") : doc_id;
    out += '-';
    out += std::to_string(si + 1);
    out += "\n# text = ";
    std::string sentence = utf8::Repair(s.span.Slice(text));
    for (char& c : sentence) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    out += sentence;
    out += '\n';
    int id = 1;
    for (uint32_t ti = s.first_token; ti < s.first_token + s.token_count;
         ++ti) {
      const Token& t = seg.tokens[ti];
      bool last_in_sentence = ti + 1 == s.first_token + s.token_count;
      // SpaceAfter=No only inside a sentence: across sentences the
      // convention marks nothing.
      bool no_space = !t.space_after && !last_in_sentence;
      if (t.word_count > 1) {
        out += std::to_string(id) + "-" + std::to_string(id + t.word_count - 1);
        out += '\t';
        out += utf8::Repair(t.span.Slice(text));
        out += "\t_\t_\t_\t_\t_\t_\t_\t";
        out += no_space ? "SpaceAfter=No" : "_";
        out += '\n';
      }
      for (uint32_t k = 0; k < t.word_count; ++k) {
        const Word& w = seg.words[t.first_word + k];
        out += std::to_string(id++);
        out += '\t';
        out += utf8::Repair(w.form.empty() ? w.span.Slice(text)
                                           : std::string_view(w.form));
        out += "\t_\t_\t_\t_\t_\t_\t_\t";
        out += (no_space && t.word_count == 1) ? "SpaceAfter=No" : "_";
        out += '\n';
      }
    }
    out += '\n';
  }
  return out;
}

Result<std::string> TrainSentenceModel(
    const std::vector<std::vector<conllu::Sentence>>& corpora,
    const SegmenterOptions& options, int epochs) {
  SegmenterOptions rules = options;
  rules.use_model = false;
  HEARSAY_ASSIGN_OR_RETURN(Segmenter segmenter, Segmenter::Create(rules));
  std::shared_ptr<const text_internal::Resources> resources;
  if (options.lexicon_dir.empty()) {
    resources = text_internal::DefaultResources();
  } else {
    HEARSAY_ASSIGN_OR_RETURN(resources,
                             text_internal::LoadResources(options.lexicon_dir));
  }
  // Examples: features (flattened) and labels.
  std::vector<uint64_t> features;
  std::vector<uint32_t> offsets{0};
  std::vector<int8_t> labels;
  Segmentation seg;
  uint64_t buf[text_internal::kMaxFeatures];
  text_internal::FeatureCache cache;
  for (const auto& gold : corpora) {
    for (const GoldDocument& d : RebuildText(gold)) {
      segmenter.Segment(d.text, &seg);
      std::vector<uint32_t> ends;
      for (const Span& s : d.sentences) ends.push_back(s.end);
      uint32_t t = 0;
      for (const Span& p : seg.paragraphs) {
        uint32_t t0 = t;
        while (t < seg.tokens.size() && seg.tokens[t].span.end <= p.end) ++t;
        cache.Reset(t - t0);
        text_internal::ParagraphView view{d.text, seg.tokens.data() + t0,
                                          t - t0, resources.get(), &cache};
        for (uint32_t i = 0; i + 1 < view.count; ++i) {
          if (!text_internal::IsCandidate(view, i)) continue;
          size_t n = text_internal::Features(view, i, buf);
          features.insert(features.end(), buf, buf + n);
          offsets.push_back(static_cast<uint32_t>(features.size()));
          bool gold_end = std::binary_search(ends.begin(), ends.end(),
                                             view.tokens[i].span.end);
          labels.push_back(gold_end ? 1 : -1);
        }
      }
    }
  }
  // Features seen once carry no evidence and only grow the model.
  {
    std::unordered_map<uint64_t, uint32_t> counts;
    for (uint64_t f : features) ++counts[f];
    std::vector<uint64_t> kept;
    std::vector<uint32_t> kept_offsets{0};
    for (size_t e = 0; e + 1 < offsets.size(); ++e) {
      for (uint32_t k = offsets[e]; k < offsets[e + 1]; ++k) {
        if (counts[features[k]] >= 2) kept.push_back(features[k]);
      }
      kept_offsets.push_back(static_cast<uint32_t>(kept.size()));
    }
    features.swap(kept);
    offsets.swap(kept_offsets);
  }
  struct Weight {
    double w = 0, total = 0;
    uint64_t stamp = 0;
  };
  std::unordered_map<uint64_t, Weight> weights;
  std::vector<uint32_t> order(labels.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(1);
  uint64_t step = 0;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) {  // Fisher-Yates, portable
      size_t j = rng() % i;
      std::swap(order[i - 1], order[j]);
    }
    for (uint32_t e : order) {
      ++step;
      double score = 0;
      for (uint32_t k = offsets[e]; k < offsets[e + 1]; ++k) {
        auto it = weights.find(features[k]);
        if (it != weights.end()) score += it->second.w;
      }
      int y = labels[e];
      if (score * y > 0) continue;
      for (uint32_t k = offsets[e]; k < offsets[e + 1]; ++k) {
        Weight& w = weights[features[k]];
        w.total += (step - w.stamp) * w.w;
        w.stamp = step;
        w.w += y;
      }
    }
  }
  std::vector<std::pair<uint64_t, double>> averaged;
  for (auto& [key, w] : weights) {
    double total = w.total + (step - w.stamp) * w.w;
    double avg = step ? total / step : 0;
    if (avg > 1e-3 || avg < -1e-3) averaged.push_back({key, avg});
  }
  std::sort(averaged.begin(), averaged.end());
  std::string out =
      "# hearsay sentence-boundary model: averaged perceptron over the\n"
      "# features of text/sentence_model.cc, made by TrainSentenceModel\n"
      "# (text/segment_eval.h). One line per feature: 16 hex digits of the\n"
      "# feature hash, a tab, the weight. A gap is a boundary when the sum\n"
      "# of its features' weights is positive.\n";
  out += "# examples " + std::to_string(labels.size()) + ", epochs " +
         std::to_string(epochs) + "\n";
  char line[64];
  for (const auto& [key, w] : averaged) {
    std::snprintf(line, sizeof line, "%016" PRIx64 "\t%.4f\n", key, w);
    out += line;
  }
  return out;
}

}  // namespace hearsay
