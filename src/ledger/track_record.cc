#include "ledger/track_record.h"

#include <cmath>
#include <map>

namespace hearsay::ledger {
namespace {

// The continued fraction of I_x(a, b) (modified Lentz), valid and fast for
// x < (a + 1) / (a + b + 2); the caller uses the symmetry otherwise.
double BetaFraction(double a, double b, double x) {
  constexpr double kTiny = 1e-300;
  constexpr double kEps = 1e-15;
  double qab = a + b, qap = a + 1, qam = a - 1;
  double c = 1, d = 1 - qab * x / qap;
  if (std::fabs(d) < kTiny) d = kTiny;
  d = 1 / d;
  double h = d;
  for (int m = 1; m <= 300; ++m) {
    double m2 = 2.0 * m;
    double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1 + aa / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1 + aa / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1 / d;
    double del = d * c;
    h *= del;
    if (std::fabs(del - 1) < kEps) break;
  }
  return h;
}

}  // namespace

double IncompleteBeta(double a, double b, double x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  double log_front = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) +
                     a * std::log(x) + b * std::log1p(-x);
  double front = std::exp(log_front);
  if (x < (a + 1) / (a + b + 2)) return front * BetaFraction(a, b, x) / a;
  return 1 - front * BetaFraction(b, a, 1 - x) / b;
}

double BetaQuantile(double a, double b, double p) {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  double lo = 0, hi = 1;
  for (int i = 0; i < 100 && hi - lo > 1e-12; ++i) {
    double mid = (lo + hi) / 2;
    if (IncompleteBeta(a, b, mid) < p) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return (lo + hi) / 2;
}

Reliability BetaReliability(int confirmed, int settled) {
  double a = 1 + confirmed, b = 1 + (settled - confirmed);
  return {a / (a + b), BetaQuantile(a, b, 0.05), BetaQuantile(a, b, 0.95)};
}

std::vector<SourceRecord> AggregateSources(
    const std::vector<RecordForSources>& records, int settle_days,
    int64_t as_of) {
  std::map<std::string, SourceRecord> outlets, sourcing;
  auto count = [&](SourceRecord& s, const RecordForSources& r, bool origin) {
    ++s.reported;
    if (origin) ++s.originated;
    switch (r.status) {
      case ClaimStatus::kConfirmed:
        ++s.confirmed;
        break;
      case ClaimStatus::kRetracted:
        ++s.retracted;
        break;
      case ClaimStatus::kDisputed:
        ++s.disputed;
        ++s.unresolved;
        break;
      case ClaimStatus::kReported:
        ++s.unresolved;
        break;
      case ClaimStatus::kDenied: {
        bool settled =
            r.denied_since && as_of - *r.denied_since >=
                                  static_cast<int64_t>(settle_days) * 86400;
        if (settled) {
          ++s.denied;
        } else {
          ++s.denied_open;
          ++s.unresolved;
        }
        break;
      }
    }
  };
  for (const RecordForSources& r : records) {
    if (!r.origin_outlet.empty()) {
      SourceRecord& s = outlets[r.origin_outlet];
      count(s, r, true);
    }
    for (const std::string& o : r.carrying_outlets) {
      if (o == r.origin_outlet || o.empty()) continue;
      count(outlets[o], r, false);
    }
    for (const std::string& t : r.sourcing) count(sourcing[t], r, true);
  }
  std::vector<SourceRecord> out;
  for (auto* group : {&outlets, &sourcing}) {
    for (auto& [name, s] : *group) {
      s.name = name;
      s.kind = group == &outlets ? "outlet" : "sourcing";
      int settled = s.confirmed + s.retracted + s.denied;
      Reliability rel = BetaReliability(s.confirmed, settled);
      s.reliability = rel.mean;
      s.interval_low = rel.low;
      s.interval_high = rel.high;
      out.push_back(s);
    }
  }
  return out;
}

}  // namespace hearsay::ledger
