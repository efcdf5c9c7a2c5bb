// Ranking ClaimRecords against a free-text claim (`hearsay claims --about`):
// TF-IDF cosine over content words, plus a bonus for each participant the
// text names. Pure functions, thread-safe.
#ifndef HEARSAY_LEDGER_QUERY_H_
#define HEARSAY_LEDGER_QUERY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hearsay::ledger {

struct AboutDoc {
  std::string text;
  std::vector<std::string> participants;  // display names
};

// Scores records one at a time, keeping only what the scores need of each
// (which query words it has, how many other words, how many participants
// the query names), so that a ledger's records can stream through it.
//
//   AboutRanker r("Is Quillon in talks with Harlow?");
//   for (each record) r.Add(text, participants);
//   std::vector<double> scores = r.Scores();  // in the order added
class AboutRanker {
 public:
  explicit AboutRanker(std::string_view about);

  // False when the query has no content words: every score is 0.
  bool useful() const { return !query_.empty(); }
  void Add(std::string_view text, const std::vector<std::string>& participants);
  // One score per record added, in [0, 1.5]; 0 when nothing matches. The IDF
  // is taken over the records added, so a word every record shares
  // ("said") counts for little.
  std::vector<double> Scores() const;

 private:
  struct Doc {
    uint32_t first = 0;  // its query words: hits_[first, first + count)
    uint16_t count = 0;
    uint16_t bonus = 0;   // participants the query names
    uint32_t others = 0;  // distinct words not in the query
  };
  std::vector<std::string> query_;  // sorted unique content words
  std::unordered_map<std::string, uint32_t> index_;  // word -> its place
  std::string about_norm_;
  std::vector<Doc> docs_;
  std::vector<uint32_t> hits_;
  std::vector<uint32_t> df_;
  std::vector<std::string> words_;  // scratch
};

// One score per doc, as AboutRanker gives them.
std::vector<double> RankAbout(std::string_view about,
                              const std::vector<AboutDoc>& docs);

}  // namespace hearsay::ledger

#endif  // HEARSAY_LEDGER_QUERY_H_
