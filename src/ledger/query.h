// Ranking ClaimRecords against a free-text claim (`hearsay claims --about`):
// TF-IDF cosine over content words, plus a bonus for each participant the
// text names. Pure functions, thread-safe.
#ifndef HEARSAY_LEDGER_QUERY_H_
#define HEARSAY_LEDGER_QUERY_H_

#include <string>
#include <string_view>
#include <vector>

namespace hearsay::ledger {

struct AboutDoc {
  std::string text;
  std::vector<std::string> participants;  // display names
};

// One score per doc, in [0, 1.5]; 0 when nothing matches. The IDF is taken
// over `docs`, so a word every record shares ("said") counts for little.
std::vector<double> RankAbout(std::string_view about,
                              const std::vector<AboutDoc>& docs);

}  // namespace hearsay::ledger

#endif  // HEARSAY_LEDGER_QUERY_H_
