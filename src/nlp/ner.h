// Named-entity recogniser: BILOU sequence labelling of PERSON, ORG, PLACE and
// MISC names, greedy left to right with an averaged perceptron and a decoder
// that only allows well-formed BILOU sequences.
//
// Gold names follow DESIGN.md ("How hearsay is measured"): for each GUM
// Entity= mention whose head token (the one whose head lies outside the
// mention) is PROPN, the longest unbroken run of PROPN tokens around that
// head inside the mention; person -> PERSON, organization -> ORG,
// place -> PLACE, any other type -> MISC. GoldNames() implements exactly that
// and is what training and `hearsay eval ner` use.
//
// The sequence model finds the names and proposes a type; a second
// perceptron then types each name from the whole span and its context, which
// pools the evidence the sequence model splits across B, I, L and U. GUM
// train has few names of each kind ("Trinity College" is its only college),
// so the typer also learns from mentions headed by common nouns ("the
// college" is an organisation), and both models see which words are listed
// places, organisations or demonyms (ner_gazetteer.h).
//
// Model file sections: "kind" ("ner"), weight tables "w" (sequence; classes
// fixed: 0 = O, then for each type t in kEntityTypes 1+4t+{B, I, L, U}) and
// "y" (types, one class per entry of kEntityTypes), "gaz" (the name
// lists the model was trained with; optional), "features" ("2" when the
// model also reads word classes; absent for set 1) and "clusters" (the word
// classes of set 2, word_classes.h, copied in at training time so that the
// model never meets classes other than those it learned from) and "agree"
// ("1" when types are to agree across a document; absent otherwise).
//
// Recognizer owns its mapped file; immutable after Load and safe to share
// between threads.
#ifndef HEARSAY_NLP_NER_H_
#define HEARSAY_NLP_NER_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/status.h"
#include "nlp/features.h"
#include "nlp/model_file.h"
#include "nlp/ner_gazetteer.h"
#include "nlp/perceptron.h"
#include "nlp/tagger.h"
#include "nlp/word_classes.h"
#include "text/conllu.h"

namespace hearsay::nlp {

inline constexpr std::array<std::string_view, 4> kEntityTypes = {
    "PERSON", "ORG", "PLACE", "MISC"};

// A name over words [first, last] (0-based, inclusive).
struct Name {
  int first = 0, last = 0;
  int type = 0;  // index into kEntityTypes
  friend auto operator<=>(const Name&, const Name&) = default;
};

// The gold names of a GUM sentence (sorted, without duplicates).
std::vector<Name> GoldNames(const conllu::Sentence& s);
// Names from per-word BIO strings "B-TYPE" / "I-TYPE" / "O" read the way the
// reference scorer reads the NE= item in MISC.
std::vector<Name> NamesFromBio(const std::vector<std::string_view>& bio);

// Document-level agreement of types: a name's clearest context ("in
// Coron", "Coron's mayor") is rarely in every sentence that mentions it, so
// names written the same way in one document take the type most of them
// got. `keys[i]` identifies the words of name i (NameKey), `types[i]` is its
// type and becomes the most frequent type among the names with its key; a
// tie keeps the name's own type.
void AgreeTypes(const std::vector<uint64_t>& keys, std::vector<int>& types);
// The key of words [first, last] by StringHash of their exact forms.
uint64_t NameKey(const uint64_t* form_hashes, int first, int last);

class Recognizer {
 public:
  static Result<Recognizer> Load(const std::string& path);
  // A recogniser over model-file bytes it keeps alive.
  static Result<Recognizer> FromBytes(std::shared_ptr<const std::string> bytes);
  // Trains on the gold names of `train` (with the tags and trees of
  // options.tagged_train when set) and the lists in options.gazetteers;
  // reports dev F1 after each epoch and writes the best epoch to `path`.
  static Status Train(const std::vector<conllu::Sentence>& train,
                      const std::vector<conllu::Sentence>& dev,
                      const TrainOptions& options, const std::string& path);

  // Per word: `upos` StringHash(UPOS), `tags` TagValue(UPOS, XPOS),
  // `propn` whether it is a proper noun, `heads` its 1-based head (0 root)
  // and `rels` StringHash of its relation; the tree tells a name's role
  // ("in X", "X said"). Fills `names`.
  struct Input {
    const std::vector<WordFeatures>* words;
    const std::vector<uint64_t>* upos;
    const std::vector<uint64_t>* tags;
    const std::vector<char>* propn;
    const std::vector<int>* heads;
    const std::vector<uint64_t>* rels;
  };
  void Recognize(const Input& in, std::vector<Name>& names) const;
  // Whether the model was trained (and its epoch chosen) with AgreeTypes
  // over each document; callers that see whole documents then apply it.
  bool agrees_types() const { return agree_types_; }

 private:
  static Result<Recognizer> FromFile(std::shared_ptr<ModelFile> file);

  std::shared_ptr<const std::string> bytes_;  // when not mapped from a file
  std::shared_ptr<ModelFile> file_;
  WeightTable weights_;
  WeightTable types_;
  std::shared_ptr<const Gazetteer> gaz_;
  std::shared_ptr<const WordClasses> classes_;  // feature set 2 only
  bool agree_types_ = false;
};

}  // namespace hearsay::nlp

#endif  // HEARSAY_NLP_NER_H_
