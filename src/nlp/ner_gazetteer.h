// Name lists for the recogniser: which word sequences are known places,
// organisations, demonyms or given names (lexicons/places.tsv,
// organisations.tsv, outlets.tsv, governments.tsv, given_names.tsv).
//
// The recogniser was trained with one particular list, so the list travels
// inside ner.model (section "gaz", one "KIND\tphrase" line per entry) rather
// than being read from lexicons/ at run time: editing a lexicon for the
// extractor never silently changes what the recogniser learned to expect.
//
// Phrases are matched on the per-word hashes of WordFeatures: exactly as
// written, and for phrases of more than one word also in any (ASCII) case.
// Immutable after construction; safe to share between threads.
#ifndef HEARSAY_NLP_NER_GAZETTEER_H_
#define HEARSAY_NLP_NER_GAZETTEER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hearsay/status.h"
#include "nlp/features.h"

namespace hearsay::nlp {

// Kinds are bits: a phrase can be listed as more than one ("Washington").
inline constexpr uint8_t kGazPlace = 1;
inline constexpr uint8_t kGazOrg = 2;
inline constexpr uint8_t kGazDemonym = 4;
// A person's first name ("Melanie"): evidence of a person, not proof.
inline constexpr uint8_t kGazGivenName = 8;
// A word that says what a name names when it is part of it ("Mount",
// "Cyclone", "College"): lexicons/name_words.tsv.
inline constexpr uint8_t kGazPlaceWord = 16;
inline constexpr uint8_t kGazOrgWord = 32;
inline constexpr uint8_t kGazMiscWord = 64;

class Gazetteer {
 public:
  Gazetteer() = default;

  // The "gaz" section text: lines "KIND \t phrase", KIND one of PLACE, ORG,
  // DEMONYM, GIVEN, PLACE_WORD, ORG_WORD, MISC_WORD.
  static Result<Gazetteer> Parse(std::string_view text);
  // The section text built from the lexicon files in `dir`, entries sorted
  // so the model file does not depend on the order of the lists.
  static Result<std::string> FromLexicons(const std::string& dir);

  bool empty() const { return kinds_.empty(); }

  // Longest match starting at each word, left to right, without overlaps:
  // `kind[i]` the kind bits of the match covering word i (0 when none),
  // `part[i]` 0 outside, 1 begin, 2 inside, 3 last, 4 single word.
  void Match(const std::vector<WordFeatures>& words, std::vector<uint8_t>& kind,
             std::vector<uint8_t>& part) const;
  // Kind bits of words [first, last] as one listed phrase, or 0.
  uint8_t Lookup(const std::vector<WordFeatures>& words, int first,
                 int last) const;

 private:
  void Add(const std::vector<std::string>& tokens, uint8_t kind);
  // Kind bits of a phrase by its keys (in any case only for several words).
  uint8_t KindOf(uint64_t exact, uint64_t lower, bool several_words) const;

  std::unordered_map<uint64_t, uint8_t> kinds_;  // phrase key -> kind bits
  int max_words_ = 0;
};

}  // namespace hearsay::nlp

#endif  // HEARSAY_NLP_NER_GAZETTEER_H_
