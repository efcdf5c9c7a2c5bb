#include <sys/stat.h>

#include <array>

#include "hearsay/nlp.h"
#include "nlp/ner.h"
#include "nlp/parser.h"
#include "nlp/tagger.h"

namespace hearsay::nlp {
namespace {

constexpr std::array<std::string_view, 4> kBegin = {"B-PERSON", "B-ORG",
                                                    "B-PLACE", "B-MISC"};
constexpr std::array<std::string_view, 4> kInside = {"I-PERSON", "I-ORG",
                                                     "I-PLACE", "I-MISC"};

bool IsSubject(std::string_view rel) {
  return rel == "nsubj" || rel == "nsubj:pass" || rel == "nsubj:outer";
}

// FEATS with `key` set to `value` (added in alphabetical order when absent).
std::string SetFeature(std::string_view feats, std::string_view key,
                       std::string_view value) {
  std::string out;
  bool done = false;
  auto add = [&](std::string_view item) {
    if (!out.empty()) out += '|';
    out += item;
  };
  std::string wanted = std::string(key) + "=" + std::string(value);
  while (!feats.empty() && feats != "_") {
    size_t bar = feats.find('|');
    std::string_view item = feats.substr(0, bar);
    std::string_view k = item.substr(0, item.find('='));
    if (!done && k >= key) {
      add(wanted);
      done = true;
      if (k == key) item = {};
    }
    if (!item.empty()) add(item);
    if (bar == std::string_view::npos) break;
    feats.remove_prefix(bar + 1);
  }
  if (!done) add(wanted);
  return out;
}

// Features that depend on the tree, which the tagger's lookup cannot see:
// a finite verb agrees with its subject, a bare VB heading a clause with no
// subject is an imperative, and "it" / "you" are nominative only as
// subjects. Each rule only ever picks a FEATS string seen in training.
void SyntacticFeatures(const Tagger& tagger, AnnotatedSentence& s) {
  size_t n = s.words.size();
  auto set = [&](size_t i, const std::string& feats) {
    std::string_view stored = tagger.FindFeats(feats);
    if (!stored.empty()) s.feats[i] = stored;
  };
  for (size_t i = 0; i < n; ++i) {
    std::string_view x = s.xpos[i];
    if (x == "VBP" || x == "VBD" || x == "VBZ") {
      if (s.feats[i].find("Person=") == std::string_view::npos) continue;
      // The subject hangs from the verb, or from the predicate an auxiliary
      // or copula depends on.
      int verb = static_cast<int>(i) + 1;
      std::string_view rel = s.deprel[i];
      if (rel == "aux" || rel == "aux:pass" || rel == "cop") verb = s.head[i];
      int subj = -1;
      for (size_t j = 0; j < n && subj < 0; ++j) {
        if (s.head[j] == verb && IsSubject(s.deprel[j]))
          subj = static_cast<int>(j);
      }
      if (subj < 0) continue;
      std::string_view number, person = "3";
      std::string lower;
      LowerAscii(s.words[subj], lower);
      std::string_view sx = s.xpos[subj];
      if (sx == "PRP") {
        if (lower == "i") number = "Sing", person = "1";
        if (lower == "you") number = "Sing", person = "2";
        if (lower == "we") number = "Plur", person = "1";
        if (lower == "they") number = "Plur";
        if (lower == "he" || lower == "she" || lower == "it") number = "Sing";
      } else if (sx == "NN" || sx == "NNP") {
        number = "Sing";
      } else if (sx == "NNS" || sx == "NNPS") {
        number = "Plur";
      }
      if (number.empty()) continue;
      set(i, SetFeature(SetFeature(s.feats[i], "Number", number), "Person",
                        person));
    } else if (x == "VB") {
      bool clause_head = s.deprel[i] == "root" || s.deprel[i] == "parataxis" ||
                         s.deprel[i] == "conj";
      bool bare = true;
      for (size_t j = 0; j < n && bare; ++j) {
        if (s.head[j] != static_cast<int>(i) + 1) continue;
        std::string_view r = s.deprel[j];
        bare = !(IsSubject(r) || r == "aux" || r == "aux:pass" || r == "mark" ||
                 r == "expl" || r == "csubj");
      }
      set(i, clause_head && bare ? "Mood=Imp|VerbForm=Fin" : "VerbForm=Inf");
    } else if (x == "PRP") {
      std::string lower;
      LowerAscii(s.words[i], lower);
      if (lower != "it" && lower != "you") continue;
      std::string_view r = s.deprel[i];
      bool nom = r.substr(0, 5) == "nsubj" || r.substr(0, 4) == "expl" ||
                 r.substr(0, 5) == "csubj";
      if (s.feats[i].find("Case=") == std::string_view::npos) continue;
      set(i, SetFeature(s.feats[i], "Case", nom ? "Nom" : "Acc"));
    }
  }
}

size_t FileSize(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 ? static_cast<size_t>(st.st_size) : 0;
}

}  // namespace

struct Pipeline::Impl {
  Tagger tagger;
  Parser parser;
  Recognizer ner;
  std::vector<uint64_t> tag_value, upos_hash, xpos_hash;  // by tag id
  std::vector<char> tag_propn;
  std::vector<uint64_t> label_hash;  // StringHash of each parser label
  size_t bytes = 0;
};

Result<Pipeline> Pipeline::Load(const std::string& models_dir,
                                const std::string& lemma_lexicon) {
  auto impl = std::make_shared<Impl>();
  std::string tagger = models_dir + "/tagger.model";
  std::string parser = models_dir + "/parser.model";
  std::string ner = models_dir + "/ner.model";
  HEARSAY_ASSIGN_OR_RETURN(impl->tagger, Tagger::Load(tagger));
  HEARSAY_ASSIGN_OR_RETURN(impl->parser, Parser::Load(parser));
  HEARSAY_ASSIGN_OR_RETURN(impl->ner, Recognizer::Load(ner));
  if (!lemma_lexicon.empty()) {
    HEARSAY_RETURN_IF_ERROR(
        impl->tagger.mutable_lemmatizer().LoadOverrides(lemma_lexicon));
  }
  for (int t = 0; t < impl->tagger.tag_count(); ++t) {
    impl->tag_value.push_back(
        TagValue(impl->tagger.Upos(t), impl->tagger.Xpos(t)));
    impl->upos_hash.push_back(StringHash(impl->tagger.Upos(t)));
    impl->xpos_hash.push_back(StringHash(impl->tagger.Xpos(t)));
    impl->tag_propn.push_back(impl->tagger.Upos(t) == "PROPN");
  }
  for (int l = 0; l < impl->parser.label_count(); ++l) {
    impl->label_hash.push_back(StringHash(impl->parser.Label(l)));
  }
  impl->bytes = FileSize(tagger) + FileSize(parser) + FileSize(ner);
  Pipeline p;
  p.impl_ = std::move(impl);
  return p;
}

size_t Pipeline::model_bytes() const { return impl_->bytes; }

void Pipeline::AgreeNames(std::vector<AnnotatedSentence>& document) const {
  if (!impl_->ner.agrees_types()) return;
  std::vector<std::vector<Name>> names(document.size());
  std::vector<uint64_t> keys, forms;
  std::vector<int> types;
  for (size_t si = 0; si < document.size(); ++si) {
    const AnnotatedSentence& s = document[si];
    names[si] = NamesFromBio(s.entity);
    forms.clear();
    for (std::string_view w : s.words) forms.push_back(StringHash(w));
    // Only the four types: NamesFromBio gives an unknown one its own.
    std::erase_if(names[si], [](const Name& nm) {
      return nm.type >= static_cast<int>(kEntityTypes.size());
    });
    for (const Name& nm : names[si]) {
      keys.push_back(NameKey(forms.data(), nm.first, nm.last));
      types.push_back(nm.type);
    }
  }
  AgreeTypes(keys, types);
  size_t k = 0;
  for (size_t si = 0; si < document.size(); ++si) {
    AnnotatedSentence& s = document[si];
    for (const Name& nm : names[si]) {
      int t = types[k++];
      if (t == nm.type) continue;
      s.entity[nm.first] = kBegin[t];
      for (int i = nm.first + 1; i <= nm.last; ++i) s.entity[i] = kInside[t];
    }
  }
}

void Pipeline::Annotate(AnnotatedSentence& s) const {
  // Scratch reused across calls on the same thread: no per-word allocation
  // once it has grown to the longest sentence.
  thread_local std::vector<WordFeatures> words;
  thread_local std::vector<int> tags, labels;
  thread_local std::vector<uint64_t> tag_values, upos;
  thread_local std::vector<char> propn;
  thread_local std::vector<Name> names;
  thread_local std::vector<uint64_t> rels;
  const Impl& m = *impl_;
  size_t n = s.words.size();
  ComputeWordFeatures(s.words, words);
  m.tagger.Tag(words, tags);
  s.upos.resize(n);
  s.xpos.resize(n);
  s.feats.resize(n);
  s.lemma.resize(n);
  tag_values.resize(n);
  upos.resize(n);
  propn.resize(n);
  for (size_t i = 0; i < n; ++i) {
    int t = tags[i];
    s.upos[i] = m.tagger.Upos(t);
    s.xpos[i] = m.tagger.Xpos(t);
    s.feats[i] = m.tagger.Feats(words[i], t);
    m.tagger.lemmatizer().Lemmatize(
        s.words[i], s.upos[i], s.xpos[i],
        {words[i].form, words[i].lower, m.upos_hash[t], m.xpos_hash[t]},
        s.lemma[i]);
    tag_values[i] = m.tag_value[t];
    upos[i] = m.upos_hash[t];
    propn[i] = m.tag_propn[t];
  }
  m.parser.Parse(words, tag_values, s.head, labels);
  s.deprel.resize(n);
  rels.resize(n);
  for (size_t i = 0; i < n; ++i) {
    s.deprel[i] = m.parser.Label(labels[i]);
    rels[i] = m.label_hash[labels[i]];
  }
  SyntacticFeatures(m.tagger, s);
  m.ner.Recognize({&words, &upos, &tag_values, &propn, &s.head, &rels}, names);
  s.entity.assign(n, "O");
  for (const Name& nm : names) {
    s.entity[nm.first] = kBegin[nm.type];
    for (int k = nm.first + 1; k <= nm.last; ++k)
      s.entity[k] = kInside[nm.type];
  }
}

}  // namespace hearsay::nlp
