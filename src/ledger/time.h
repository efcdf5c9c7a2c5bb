// ISO 8601 times as the ledger orders and compares them. Pure functions,
// thread-safe.
#ifndef HEARSAY_LEDGER_TIME_H_
#define HEARSAY_LEDGER_TIME_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hearsay::ledger {

// Seconds since 1970 (UTC) of "2026-03-02", "2026-03-02T06:00:00Z",
// "2026-03-02 06:00", "2026-03-02T06:00:00.5+01:00"; nullopt otherwise. A
// time without a zone is taken as UTC.
std::optional<int64_t> ParseTime(std::string_view iso);

// "2026-03-02T06:00:00Z".
std::string FormatTime(int64_t seconds);

}  // namespace hearsay::ledger

#endif  // HEARSAY_LEDGER_TIME_H_
