// The SQLite ledger's schema and its migrations (docs/ledger-schema.md).
// Migration i takes a ledger from version i to i + 1; a new ledger runs
// them all, so the path an old ledger takes is the one every ledger takes.
#ifndef HEARSAY_LEDGER_SCHEMA_H_
#define HEARSAY_LEDGER_SCHEMA_H_

#include <string_view>

namespace hearsay::ledger {

// kMigrations[i] upgrades schema version i to i + 1.
extern const std::string_view kMigrations[];
extern const int kMigrationCount;

}  // namespace hearsay::ledger

#endif  // HEARSAY_LEDGER_SCHEMA_H_
