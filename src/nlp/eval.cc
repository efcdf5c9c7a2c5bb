#include "nlp/eval.h"

#include <algorithm>
#include <set>

#include "nlp/ner.h"

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
  for (const conllu::Sentence& s : in)
    out.push_back(AnnotateConllu(pipeline, s));
  return out;
}

}  // namespace hearsay::nlp
