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

size_t FileSize(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 ? static_cast<size_t>(st.st_size) : 0;
}

}  // namespace

struct Pipeline::Impl {
  Tagger tagger;
  Parser parser;
  Recognizer ner;
  std::vector<uint64_t> tag_value, upos_hash;  // by tag id
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
    m.tagger.lemmatizer().Lemmatize(s.words[i], s.upos[i], s.xpos[i],
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
  m.ner.Recognize({&words, &upos, &tag_values, &propn, &s.head, &rels}, names);
  s.entity.assign(n, "O");
  for (const Name& nm : names) {
    s.entity[nm.first] = kBegin[nm.type];
    for (int k = nm.first + 1; k <= nm.last; ++k)
      s.entity[k] = kInside[nm.type];
  }
}

}  // namespace hearsay::nlp
