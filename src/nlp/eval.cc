#include "nlp/eval.h"

#include <utf8proc.h>

#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/utf8.h"
#include "nlp/ner.h"
#include "text/chars.h"
#include "text/segment_eval.h"

namespace hearsay::nlp {
namespace {

// The CoNLL 2018 evaluation's universal features; others are ignored.
const std::set<std::string_view>& UniversalFeatures() {
  static const std::set<std::string_view> kSet = {
      "PronType", "NumType", "Poss",   "Reflex", "Foreign",  "Abbr",
      "Gender",   "Animacy", "Number", "Case",   "Definite", "Degree",
      "VerbForm", "Mood",    "Tense",  "Aspect", "Voice",    "Evident",
      "Polarity", "Person",  "Polite"};
  return kSet;
}

// Relations CLAS counts (CoNLL 2018: everything but function words and
// punctuation).
bool IsContent(std::string_view rel) {
  static const std::set<std::string_view> kFunction = {
      "aux", "case", "cc", "clf", "cop", "det", "mark", "punct"};
  return !kFunction.count(rel);
}

std::string UniversalFeats(std::string_view feats) {
  std::vector<std::string_view> kept;
  while (!feats.empty() && feats != "_") {
    size_t bar = feats.find('|');
    std::string_view f = feats.substr(0, bar);
    if (UniversalFeatures().count(f.substr(0, f.find('=')))) kept.push_back(f);
    if (bar == std::string_view::npos) break;
    feats.remove_prefix(bar + 1);
  }
  std::sort(kept.begin(), kept.end());
  std::string out;
  for (std::string_view f : kept) {
    if (!out.empty()) out += '|';
    out += f;
  }
  return out;
}

std::string_view Universal(std::string_view rel) {
  return rel.substr(0, rel.find(':'));
}

}  // namespace

Result<UdScores> EvalUd(const std::vector<conllu::Sentence>& gold,
                        const std::vector<conllu::Sentence>& system) {
  if (gold.size() != system.size()) {
    return InvalidArgumentError(
        std::to_string(gold.size()) + " gold sentences but " +
        std::to_string(system.size()) +
        " system sentences; evaluation on gold tokens needs the same ones");
  }
  size_t n = 0, upos = 0, xpos = 0, feats = 0, lemma = 0, uas = 0, las = 0;
  size_t clas_gold = 0, clas_sys = 0, clas_ok = 0;
  for (size_t i = 0; i < gold.size(); ++i) {
    const auto& g = gold[i].words;
    const auto& s = system[i].words;
    if (g.size() != s.size()) {
      return InvalidArgumentError("sentence " + std::to_string(i + 1) +
                                  ": different number of words");
    }
    for (size_t j = 0; j < g.size(); ++j) {
      if (g[j].form != s[j].form) {
        return InvalidArgumentError("sentence " + std::to_string(i + 1) +
                                    ": word " + std::to_string(j + 1) +
                                    " differs (" + g[j].form + " vs " +
                                    s[j].form + ")");
      }
      ++n;
      upos += g[j].upos == s[j].upos;
      xpos += g[j].xpos == s[j].xpos;
      feats += UniversalFeats(g[j].feats) == UniversalFeats(s[j].feats);
      lemma += g[j].lemma == s[j].lemma;
      std::string_view gr = Universal(g[j].deprel), sr = Universal(s[j].deprel);
      bool head_ok = g[j].head == s[j].head;
      bool label_ok = head_ok && gr == sr;
      uas += head_ok;
      las += label_ok;
      clas_gold += IsContent(gr);
      clas_sys += IsContent(sr);
      clas_ok += IsContent(gr) && label_ok;
    }
  }
  UdScores r;
  r.words = n;
  r.system_words = n;
  auto pct = [&](size_t c) { return n ? 100.0 * c / n : 0.0; };
  r.upos = pct(upos);
  r.xpos = pct(xpos);
  r.ufeats = pct(feats);
  r.lemma = pct(lemma);
  r.uas = pct(uas);
  r.las = pct(las);
  double p = clas_sys ? 100.0 * clas_ok / clas_sys : 0;
  double rc = clas_gold ? 100.0 * clas_ok / clas_gold : 0;
  r.clas = p + rc > 0 ? 2 * p * rc / (p + rc) : 0;
  return r;
}

namespace {

// A token or word as a span over the non-whitespace characters of a file.
struct CharSpan {
  uint32_t begin = 0, end = 0;
  friend bool operator==(const CharSpan&, const CharSpan&) = default;
  friend auto operator<=>(const CharSpan&, const CharSpan&) = default;
};

struct AlignedWord {
  CharSpan span;
  int mwt = -1;      // position inside its multi-word token, -1 if none
  int head = -1;     // index of the head word in the file, -1 for the root
  std::string form;  // lower case, for aligning inside multi-word tokens
  const conllu::Word* word = nullptr;
};

struct AlignSide {
  std::string chars;  // the non-whitespace characters
  std::vector<CharSpan> tokens, sentences;
  std::vector<AlignedWord> words;
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

// Appends the non-whitespace characters of `s`; returns how many there were.
uint32_t AppendNonSpace(std::string_view s, std::string& chars) {
  uint32_t n = 0;
  for (size_t i = 0; i < s.size();) {
    text_internal::Char c = text_internal::CharAt(s, i);
    if (!text_internal::IsSpaceCls(c.cls)) {
      chars.append(s.substr(i, c.len));
      ++n;
    }
    i += c.len;
  }
  return n;
}

AlignSide LoadSide(const std::vector<conllu::Sentence>& file) {
  AlignSide side;
  uint32_t pos = 0;
  for (const conllu::Sentence& s : file) {
    size_t first_token = side.tokens.size();
    size_t first_word = side.words.size();
    auto add_token = [&](std::string_view form) {
      uint32_t len = AppendNonSpace(form, side.chars);
      CharSpan span{pos, pos + len};
      pos += len;
      side.tokens.push_back(span);
      return span;
    };
    size_t mw = 0;
    for (size_t w = 0; w < s.words.size();) {
      int id = static_cast<int>(w) + 1;
      while (mw < s.multiwords.size() && s.multiwords[mw].last < id) ++mw;
      if (mw < s.multiwords.size() && s.multiwords[mw].first == id) {
        const conllu::MultiWord& m = s.multiwords[mw];
        CharSpan span = add_token(m.form);
        int k = 0;
        for (int id2 = m.first;
             id2 <= m.last && id2 <= static_cast<int>(s.words.size()); ++id2) {
          const conllu::Word& word = s.words[id2 - 1];
          side.words.push_back({span, k++, -1, LowerUtf8(word.form), &word});
        }
        w = static_cast<size_t>(std::max(m.last, id));
        ++mw;
        continue;
      }
      const conllu::Word& word = s.words[w];
      side.words.push_back(
          {add_token(word.form), -1, -1, LowerUtf8(word.form), &word});
      ++w;
    }
    size_t n_words = side.words.size() - first_word;
    for (size_t k = first_word; k < side.words.size(); ++k) {
      int h = side.words[k].word->head;
      if (h > 0 && static_cast<size_t>(h) <= n_words) {
        side.words[k].head = static_cast<int>(first_word) + h - 1;
      }
    }
    if (side.tokens.size() > first_token) {
      side.sentences.push_back(
          {side.tokens[first_token].begin, side.tokens.back().end});
    }
  }
  return side;
}

double F1(size_t correct, size_t gold, size_t system) {
  return gold + system ? 200.0 * correct / (gold + system) : 0;
}

double SpanF1(std::vector<CharSpan> gold, std::vector<CharSpan> system) {
  size_t g = gold.size(), s = system.size();
  std::sort(gold.begin(), gold.end());
  std::sort(system.begin(), system.end());
  std::vector<CharSpan> both;
  std::set_intersection(gold.begin(), gold.end(), system.begin(), system.end(),
                        std::back_inserter(both));
  return F1(both.size(), g, s);
}

// Longest common subsequence of two form lists, walked from the front as the
// shared task's script walks it; appends the aligned (gold, system) pairs.
void LcsPairs(const std::vector<AlignedWord>& gw, const std::vector<int>& gi,
              const std::vector<AlignedWord>& sw, const std::vector<int>& si,
              std::vector<std::pair<int, int>>& pairs) {
  size_t n = gi.size(), m = si.size();
  std::vector<uint32_t> dp((n + 1) * (m + 1), 0);
  auto at = [&](size_t i, size_t j) -> uint32_t& {
    return dp[i * (m + 1) + j];
  };
  auto same = [&](size_t i, size_t j) {
    return gw[gi[i]].form == sw[si[j]].form;
  };
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      at(i, j) = same(i, j) ? at(i + 1, j + 1) + 1
                            : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  size_t i = 0, j = 0;
  while (i < n && j < m) {
    if (same(i, j)) {
      pairs.push_back({gi[i++], si[j++]});
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      ++i;
    } else {
      ++j;
    }
  }
}

// (gold word, system word) pairs: words outside multi-word regions match by
// span, words inside by the LCS of their forms.
std::vector<std::pair<int, int>> Align(const std::vector<AlignedWord>& gw,
                                       const std::vector<AlignedWord>& sw) {
  std::vector<CharSpan> regions;
  for (const auto* side : {&gw, &sw}) {
    for (const AlignedWord& w : *side) {
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
  std::vector<std::pair<CharSpan, int>> by_span;
  by_span.reserve(sw.size());
  for (size_t j = 0; j < sw.size(); ++j) {
    by_span.push_back({sw[j].span, static_cast<int>(j)});
  }
  std::sort(by_span.begin(), by_span.end());
  std::vector<std::pair<int, int>> pairs;
  std::vector<std::vector<int>> g_in(merged.size()), s_in(merged.size());
  for (size_t i = 0; i < gw.size(); ++i) {
    int r = region_of(gw[i].span);
    if (r >= 0) {
      g_in[r].push_back(static_cast<int>(i));
      continue;
    }
    auto it = std::lower_bound(by_span.begin(), by_span.end(),
                               std::make_pair(gw[i].span, 0));
    for (; it != by_span.end() && it->first == gw[i].span; ++it) {
      const AlignedWord& s = sw[it->second];
      if (s.mwt < 0 && region_of(s.span) < 0) {
        pairs.push_back({static_cast<int>(i), it->second});
        break;
      }
    }
  }
  for (size_t j = 0; j < sw.size(); ++j) {
    int r = region_of(sw[j].span);
    if (r >= 0) s_in[r].push_back(static_cast<int>(j));
  }
  for (size_t r = 0; r < merged.size(); ++r) {
    if (!g_in[r].empty()) LcsPairs(gw, g_in[r], sw, s_in[r], pairs);
  }
  return pairs;
}

}  // namespace

Result<UdScores> EvalUdAligned(const std::vector<conllu::Sentence>& gold,
                               const std::vector<conllu::Sentence>& system) {
  AlignSide g = LoadSide(gold), s = LoadSide(system);
  if (g.chars != s.chars) {
    size_t k = 0;
    while (k < g.chars.size() && k < s.chars.size() && g.chars[k] == s.chars[k])
      ++k;
    return InvalidArgumentError(
        "gold and system texts differ at byte " + std::to_string(k) +
        " of their non-whitespace characters (gold \"" + g.chars.substr(k, 20) +
        "\", system \"" + s.chars.substr(k, 20) + "\")");
  }
  std::vector<std::pair<int, int>> pairs = Align(g.words, s.words);
  std::vector<int> s2g(s.words.size(), -1);
  for (const auto& [i, j] : pairs) s2g[j] = i;
  size_t upos = 0, xpos = 0, feats = 0, lemma = 0, uas = 0, las = 0;
  size_t clas_gold = 0, clas_sys = 0, clas_ok = 0;
  for (const AlignedWord& w : g.words) {
    clas_gold += IsContent(Universal(w.word->deprel));
  }
  for (const AlignedWord& w : s.words) {
    clas_sys += IsContent(Universal(w.word->deprel));
  }
  for (const auto& [i, j] : pairs) {
    const AlignedWord& gw = g.words[i];
    const AlignedWord& sw = s.words[j];
    const conllu::Word& a = *gw.word;
    const conllu::Word& b = *sw.word;
    upos += a.upos == b.upos;
    xpos += a.xpos == b.xpos;
    feats += UniversalFeats(a.feats) == UniversalFeats(b.feats);
    lemma += a.lemma == b.lemma;
    bool head_ok =
        sw.head < 0 ? gw.head < 0 : gw.head >= 0 && s2g[sw.head] == gw.head;
    std::string_view gr = Universal(a.deprel), sr = Universal(b.deprel);
    bool label_ok = head_ok && gr == sr;
    uas += head_ok;
    las += label_ok;
    clas_ok += label_ok && IsContent(gr);
  }
  size_t ng = g.words.size(), ns = s.words.size();
  UdScores r;
  r.words = ng;
  r.system_words = ns;
  r.upos = F1(upos, ng, ns);
  r.xpos = F1(xpos, ng, ns);
  r.ufeats = F1(feats, ng, ns);
  r.lemma = F1(lemma, ng, ns);
  r.uas = F1(uas, ng, ns);
  r.las = F1(las, ng, ns);
  r.clas = F1(clas_ok, clas_gold, clas_sys);
  r.tokens_f1 = SpanF1(g.tokens, s.tokens);
  r.sentences_f1 = SpanF1(g.sentences, s.sentences);
  r.words_f1 = F1(pairs.size(), ng, ns);
  return r;
}

Result<UdScores> EvalUdFromText(const std::vector<conllu::Sentence>& gold,
                                const Pipeline& pipeline,
                                const Segmenter& segmenter,
                                std::vector<conllu::Sentence>* system) {
  std::vector<conllu::Sentence> own;
  std::vector<conllu::Sentence>& out = system ? *system : own;
  out.clear();
  for (const GoldDocument& d : RebuildText(gold)) {
    HEARSAY_ASSIGN_OR_RETURN(std::vector<conllu::Sentence> doc,
                             AnnotateText(pipeline, segmenter, d.text, d.id));
    out.insert(out.end(), std::make_move_iterator(doc.begin()),
               std::make_move_iterator(doc.end()));
  }
  return EvalUdAligned(gold, out);
}

Result<NerScores> EvalNer(const std::vector<conllu::Sentence>& gold,
                          const std::vector<conllu::Sentence>& system) {
  if (gold.size() != system.size()) {
    return InvalidArgumentError("gold and system differ in sentence count");
  }
  NerScores r;
  std::vector<std::string_view> bio;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (gold[i].words.size() != system[i].words.size()) {
      return InvalidArgumentError("sentence " + std::to_string(i + 1) +
                                  ": different number of words");
    }
    std::vector<Name> g = GoldNames(gold[i]);
    bio.clear();
    for (const auto& w : system[i].words) {
      bio.push_back(conllu::MiscGet(w.misc, "NE"));
    }
    std::vector<Name> s = NamesFromBio(bio);
    auto type_name = [](int t) {
      return t >= 0 && t < static_cast<int>(kEntityTypes.size())
                 ? std::string(kEntityTypes[t])
                 : std::string("OTHER");
    };
    for (const Name& x : g) {
      ++r.micro.gold;
      ++r.per_type[type_name(x.type)].gold;
    }
    for (const Name& x : s) {
      ++r.micro.system;
      ++r.per_type[type_name(x.type)].system;
      if (std::binary_search(g.begin(), g.end(), x)) {
        ++r.micro.correct;
        ++r.per_type[type_name(x.type)].correct;
      }
    }
  }
  return r;
}

namespace {

conllu::Sentence ToConllu(const conllu::Sentence& in,
                          const AnnotatedSentence& a) {
  conllu::Sentence out = in;
  for (size_t i = 0; i < out.words.size(); ++i) {
    conllu::Word& w = out.words[i];
    w.lemma = a.lemma[i];
    w.upos = a.upos[i];
    w.xpos = a.xpos[i];
    w.feats = a.feats[i];
    w.head = a.head[i];
    w.deprel = a.deprel[i];
    w.deps = "_";
    std::string misc;
    if (conllu::MiscHas(in.words[i].misc, "SpaceAfter=No")) {
      misc = "SpaceAfter=No";
    }
    if (a.entity[i] != "O") {
      if (!misc.empty()) misc += '|';
      misc += "NE=";
      misc += a.entity[i];
    }
    w.misc = misc.empty() ? "_" : misc;
  }
  return out;
}

}  // namespace

conllu::Sentence AnnotateConllu(const Pipeline& pipeline,
                                const conllu::Sentence& in) {
  AnnotatedSentence a;
  for (const auto& w : in.words) a.words.push_back(w.form);
  pipeline.Annotate(a);
  return ToConllu(in, a);
}

std::vector<conllu::Sentence> AnnotateConllu(
    const Pipeline& pipeline, const std::vector<conllu::Sentence>& in) {
  std::vector<conllu::Sentence> out;
  out.reserve(in.size());
  // A document at a time (from one "# newdoc" to the next), so that its
  // names can agree on their types.
  std::vector<AnnotatedSentence> doc;
  for (size_t from = 0; from < in.size();) {
    size_t to = from + 1;
    while (to < in.size() && !in[to].newdoc) ++to;
    doc.resize(to - from);
    for (size_t i = from; i < to; ++i) {
      AnnotatedSentence& a = doc[i - from];
      a.words.clear();
      for (const auto& w : in[i].words) a.words.push_back(w.form);
      pipeline.Annotate(a);
    }
    pipeline.AgreeNames(doc);
    for (size_t i = from; i < to; ++i) {
      out.push_back(ToConllu(in[i], doc[i - from]));
    }
    from = to;
  }
  return out;
}

Result<std::vector<conllu::Sentence>> AnnotateText(const Pipeline& pipeline,
                                                   const Segmenter& segmenter,
                                                   std::string_view text,
                                                   std::string_view doc_id) {
  // The segment command's CoNLL-U is the one place that decides comments,
  // sentence ids and range lines; reading it back keeps `parse` identical.
  Segmentation seg;
  segmenter.Segment(text, &seg);
  HEARSAY_ASSIGN_OR_RETURN(
      std::vector<conllu::Sentence> words,
      conllu::Parse(ToConllu(text, seg, doc_id), "segmentation"));
  return AnnotateConllu(pipeline, words);
}

}  // namespace hearsay::nlp
