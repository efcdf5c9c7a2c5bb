// Source track records (DESIGN.md, "Track records"): counting each source's
// claims by status, with a settling period before a denial counts against
// it, and a Beta(1,1)-smoothed reliability with its 90% interval.
// Pure functions, thread-safe.
#ifndef HEARSAY_LEDGER_TRACK_RECORD_H_
#define HEARSAY_LEDGER_TRACK_RECORD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hearsay/ledger.h"

namespace hearsay::ledger {

// I_x(a, b), the regularised incomplete beta function, by Lentz's continued
// fraction; a, b > 0, x in [0, 1].
double IncompleteBeta(double a, double b, double x);

// The p-quantile of Beta(a, b): x with I_x(a, b) = p, found by bisection.
double BetaQuantile(double a, double b, double p);

struct Reliability {
  double mean = 0.5;
  double low = 0.05;
  double high = 0.95;
};
// Posterior of the confirmed share after `confirmed` of `settled` claims
// under a Beta(1,1) prior: mean and the central 90% interval.
Reliability BetaReliability(int confirmed, int settled);

// One ClaimRecord as the track records see it at the as-of time.
struct RecordForSources {
  ClaimStatus status = ClaimStatus::kReported;  // as of the as-of time
  std::optional<int64_t> denied_since;          // when the current denial began
  std::string origin_outlet;
  std::vector<std::string> carrying_outlets;  // other outlets, unique
  std::vector<std::string> sourcing;          // sourcing types, unique
};

// Outlets first, then sourcing types, each sorted by name.
std::vector<SourceRecord> AggregateSources(
    const std::vector<RecordForSources>& records, int settle_days,
    int64_t as_of);

}  // namespace hearsay::ledger

#endif  // HEARSAY_LEDGER_TRACK_RECORD_H_
