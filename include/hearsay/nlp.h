// Tagging, lemmatization, dependency parsing and named-entity recognition of
// sentences whose words are already known.
//
//   auto pipeline = hearsay::nlp::Pipeline::Load("models");
//   if (!pipeline.ok()) return pipeline.status();
//   hearsay::nlp::AnnotatedSentence s;
//   s.words = {"Ford", "denied", "the", "report", "."};
//   pipeline->Annotate(s);   // s.upos[0] == "PROPN", s.head[1] == 0, ...
//
// The models are the files trained by `hearsay train tagger|parser|ner`
// (models/README.md): tagger.model, parser.model, ner.model. Words come from
// the tokenizer (text stage) or from the word lines of a CoNLL-U file;
// multi-word tokens must already be split into their words ("don't" ->
// "do", "n't").
//
// A Pipeline is immutable once loaded: Annotate is const and may be called
// from many threads at once on different sentences. Copies share the
// memory-mapped model files.
#ifndef HEARSAY_NLP_H_
#define HEARSAY_NLP_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/status.h"

namespace hearsay::nlp {

struct AnnotatedSentence {
  // Input. Views into the caller's text, which must outlive every use of
  // this sentence (Annotate reads them; lemmas are copies).
  std::vector<std::string_view> words;

  // Outputs, one per word, written by Annotate. The string_views point into
  // the Pipeline's model data (or static storage) and stay valid as long as
  // the Pipeline (or a copy of it) lives.
  std::vector<std::string_view> upos, xpos, feats;
  std::vector<std::string> lemma;
  std::vector<int> head;  // 1-based index of the head word; 0 = root
  std::vector<std::string_view> deprel;  // UD relation with subtype
  // "B-TYPE" on the first word of a name, "I-TYPE" on the following ones,
  // "O" elsewhere; TYPE is PERSON, ORG, PLACE or MISC.
  std::vector<std::string_view> entity;
};

class Pipeline {
 public:
  // Loads tagger.model, parser.model and ner.model from `models_dir`, and
  // the lemma override lexicon `lemma_lexicon` when it is not empty.
  static Result<Pipeline> Load(const std::string& models_dir,
                               const std::string& lemma_lexicon = "");

  // Fills every output of `s` from s.words. Sentences of any length work;
  // an empty one gets empty outputs.
  void Annotate(AnnotatedSentence& s) const;
  // After Annotate on every sentence of one document: names written the
  // same way take the type most of them got, when the name model was trained
  // for it (`train ner --agree-types`); with other models it changes nothing.
  void AgreeNames(std::vector<AnnotatedSentence>& document) const;

  // Bytes of model data mapped (weights and tables), for reporting.
  size_t model_bytes() const;

  struct Impl;

 private:
  std::shared_ptr<const Impl> impl_;
};

}  // namespace hearsay::nlp

#endif  // HEARSAY_NLP_H_
