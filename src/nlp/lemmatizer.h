// Lemmatizer learned from treebanks: suffix-rewrite rules keyed by (tag, form
// suffix), an exceptions table for words the rules get wrong in training, and
// an optional override lexicon (lexicons/lemmas.tsv) that wins over both.
//
// A rule turns a form into a lemma by optionally lower-casing it, stripping
// `strip` bytes from the end and appending `append` ("studies" -> strip 3,
// append "y"). Training counts, for every distinct (form, tag) in the data,
// the rule that produces its lemma, under every suffix of the lower-cased
// form up to kMaxSuffix bytes that holds what the rule strips; at run time
// the longest suffix with a learned rule decides. Forms whose lemma the
// rules miss are kept verbatim.
//
// The lemmas seen in training (lower-cased) are kept as a vocabulary. When
// the longest suffix's rule gives a lemma outside it, a shorter suffix's
// rule that gives one inside it wins: "blasted" under "-asted" becomes
// "blaste" (as "wasted" becomes "waste"), under "-ed" "blast", a lemma the
// treebanks have (never the form kept whole). A lemma no rule leads into
// the vocabulary is the longest suffix's, or that with an "e" put back if
// that is known ("declining" -> "declin" -> "decline").
//
// Immutable after construction; safe to share between threads.
#ifndef HEARSAY_NLP_LEMMATIZER_H_
#define HEARSAY_NLP_LEMMATIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "hearsay/status.h"

namespace hearsay::nlp {

class Lemmatizer {
 public:
  struct Example {
    std::string_view form, upos, xpos, lemma;
  };

  static Lemmatizer Train(const std::vector<Example>& examples);
  // The text sections a model file stores (see Serialize). An empty
  // vocabulary (a model from before it) keeps the longest suffix's rule.
  static Result<Lemmatizer> Parse(std::string_view rules,
                                  std::string_view exceptions,
                                  std::string_view vocabulary = {});
  // rules: "xpos\tsuffix\tlower\tstrip\tappend" lines;
  // exceptions: "form\txpos\tlemma" lines; vocabulary: one lemma a line.
  void Serialize(std::string* rules, std::string* exceptions,
                 std::string* vocabulary) const;

  // Reads a TSV lexicon: lines "form<TAB>upos<TAB>lemma"; '#' starts a
  // comment line; upos "*" matches every tag. Later entries win.
  Status LoadOverrides(const std::string& path);

  // Writes the lemma of `form` tagged (upos, xpos) into `out`.
  void Lemmatize(std::string_view form, std::string_view upos,
                 std::string_view xpos, std::string& out) const;
  // StringHash (features.h) of the form, of its ASCII-lower-cased copy, of
  // upos and of xpos, which callers that tag words already have.
  struct Hashes {
    uint64_t form, lower, upos, xpos;
  };
  // The same, without hashing them again.
  void Lemmatize(std::string_view form, std::string_view upos,
                 std::string_view xpos, const Hashes& h,
                 std::string& out) const;

  size_t rule_count() const { return rules_.size(); }
  size_t exception_count() const { return exceptions_.size(); }
  size_t vocabulary_size() const { return vocabulary_.size(); }

 private:
  static constexpr size_t kMaxSuffix = 5;
  struct Rule {
    bool lower = true;
    uint8_t strip = 0;
    std::string append;
  };
  static uint64_t Key(std::string_view a, std::string_view b);
  static uint64_t KeyOf(uint64_t hash_a, uint64_t hash_b);
  static Rule Derive(std::string_view form, std::string_view lemma);
  static bool Apply(const Rule& r, std::string_view form, std::string& out);
  bool ByRules(std::string_view form, std::string_view xpos,
               std::string& out) const;
  bool ByRules(std::string_view form, uint64_t xpos_hash,
               std::string& out) const;
  bool Known(std::string_view lemma) const;

  std::unordered_map<uint64_t, Rule> rules_;              // (xpos, suffix)
  std::unordered_map<uint64_t, std::string> exceptions_;  // (form, xpos)
  std::unordered_map<uint64_t, std::string> overrides_;   // (form, upos)
  std::unordered_set<uint64_t> vocabulary_;  // StringHash of lower lemmas
  // Kept so Serialize can write the tables back out.
  std::vector<std::string> rule_lines_, exception_lines_, vocabulary_lines_;
};

}  // namespace hearsay::nlp

#endif  // HEARSAY_NLP_LEMMATIZER_H_
