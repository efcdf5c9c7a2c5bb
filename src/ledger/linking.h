// Deciding whether a claim from a new document states the same thing as an
// existing ClaimRecord. The decision is a weighted score over the claim's
// key, participants, predicate family, location, time and wording; every
// decision keeps its scores so a user can see why two claims were joined.
// Pure functions, thread-safe; the store supplies the candidates (records
// sharing the key or a participant) in ascending id order, and ties go to
// the oldest record, which keeps linking deterministic.
#ifndef HEARSAY_LEDGER_LINKING_H_
#define HEARSAY_LEDGER_LINKING_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/lexicons.h"
#include "hearsay/status.h"

namespace hearsay::ledger {

// Claims whose times lie further apart than this are different events
// (a second round of talks, another strike).
inline constexpr int64_t kLinkTimeWindowSeconds = 45 * 86400;
inline constexpr double kLinkThreshold = 0.62;

// The family each predicate class belongs to: classes of one family can
// state the same proposition ("in talks" and "no plans to cooperate"). The
// families are the `family` column of lexicons/predicates.tsv, so a user
// lexicon (--lexicon DIR) can change them.
class PredicateFamilies {
 public:
  // The shipped lexicons, loaded once per process; thread-safe.
  static Result<const PredicateFamilies*> Shipped();
  // The shipped lexicons plus a user directory's (lexicons/README.md).
  static Result<PredicateFamilies> Load(const std::string& lexicon_dir);
  static PredicateFamilies From(const Lexicons& lexicons);

  // A class the lexicon does not name ("other:behead") is its own family.
  std::string Of(std::string_view predicate) const;

 private:
  std::unordered_map<std::string, std::string> family_;
};

// Lower-cased words of `text` without stop words, sorted and unique.
std::vector<std::string> ContentWords(std::string_view text);
// The same words, unsorted and with repeats, into `out` (cleared first;
// its strings' storage is reused).
void ContentWordsInto(std::string_view text, std::vector<std::string>& out);

// Lower-cased, trimmed, inner spaces collapsed: how names are compared.
std::string NormalizeName(std::string_view name);

struct LinkFeatures {
  std::string key;
  std::string family;
  std::string location;                   // normalised
  std::optional<int64_t> time;            // the claim's time, else published
  std::vector<std::string> participants;  // normalised names, sorted unique
  std::vector<std::string> words;         // ContentWords of the text
};

struct LinkScore {
  double score = 0;  // in [0, 1]; also the decision's confidence
  bool link = false;
  std::string reasons;  // {"key":1,"participants":0.5,...}
};

// `explain`: fill LinkScore::reasons (only the chosen link needs them).
LinkScore ScoreLink(const LinkFeatures& claim, const LinkFeatures& record,
                    bool explain = true);

// Jaccard similarity of two sorted unique lists.
double Jaccard(const std::vector<std::string>& a,
               const std::vector<std::string>& b);

}  // namespace hearsay::ledger

#endif  // HEARSAY_LEDGER_LINKING_H_
