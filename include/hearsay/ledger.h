// The claim ledger: every claim followed across documents and time, and the
// track record of the sources that reported it (DESIGN.md, "Claim status",
// "Track records").
//
//   Result<std::unique_ptr<Store>> store = OpenStore("hearsay.db", {});
//   (*store)->Ingest(batch);                 // one transaction per batch
//   (*store)->FindClaims({.status = "denied"});
//   (*store)->Sources({.settle_days = 90});
//
// Store is the interface every backend implements (SQLite and PostgreSQL,
// which give the same ledger from the same documents); the algorithms behind
// it — syndication, linking, status replay, reliability — are
// backend-independent functions in src/ledger/. A Store is used by one
// thread at a time; open one per thread (several processes may open the same
// ledger: readers see the last committed batch).
#ifndef HEARSAY_LEDGER_H_
#define HEARSAY_LEDGER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/extract.h"
#include "hearsay/status.h"

namespace hearsay {

// The schema this build writes; older ledgers are migrated when opened,
// newer ones are refused.
inline constexpr int kLedgerSchemaVersion = 4;

enum class ClaimStatus {
  kReported,
  kDenied,
  kConfirmed,
  kDisputed,
  kRetracted
};
std::string_view ClaimStatusName(ClaimStatus s);  // "reported", ...
Result<ClaimStatus> ParseClaimStatus(std::string_view name);

// One stance of one statement on a ClaimRecord, as the ledger keeps it.
struct LedgerStatement {
  int64_t document = 0;     // ledger document number (ingestion order)
  std::string document_id;  // Document::id
  std::string outlet;
  std::string url;
  std::string published;  // as given; "" when unknown
  int version = 1;        // of the document at its URL
  bool active = true;     // false: superseded by a later version
  std::string speaker;    // a name, a group's description, or ""
  std::string sourcing;   // "named", "anonymous (4)", "unattributed"
  std::string via;        // "Financial Times <- four people familiar..."
  std::string kind;       // StatementKindName
  std::string cue;
  std::string stance;       // StanceValueName
  std::string strength;     // "", "flat", "qualified"
  bool principal = false;   // speaks for one of the claim's participants
  std::string party;        // which participant, when principal
  bool retraction = false;  // the originating outlet withdrawing its report
  std::string quote;        // the attributed words
  double confidence = 0;
  // When the statement was made, as its article tells it (ISO date, "" when
  // not told), and whether the article tells one made before it. See
  // Statement::said_on; the status replay orders a party's answers by them.
  std::string said_on;
  bool retold = false;
};

// A change of status, with the statement that caused it.
struct StatusChange {
  ClaimStatus status = ClaimStatus::kReported;
  std::string time;    // the evidence's published time ("" when unknown)
  int evidence = -1;   // index into ClaimRecord::statements
  std::string reason;  // "Quillon (principal) deny: \"...\""
};

// How one document's claim was linked to its record.
struct LinkDecision {
  int64_t document = 0;
  std::string claim_text;
  double confidence = 0;
  std::string reasons;  // JSON object of the scores
};

struct ClaimRecord {
  int64_t id = 0;
  std::string key;
  std::string predicate;
  std::string text;  // the claim as its first report put it
  std::string location;
  std::vector<std::string> participants;  // names, in first-seen order
  ClaimStatus status = ClaimStatus::kReported;
  std::string first_seen;       // published time of the first report
  int64_t first_report = -1;    // index into statements
  int article_count = 0;        // active documents carrying it
  int independent_sources = 0;  // syndicated copies count once
  // Filled by GetClaim and, for FindClaims, when details are asked for.
  std::vector<LedgerStatement> statements;  // in time order
  std::vector<StatusChange> history;
  std::vector<LinkDecision> links;
  double score = 0;  // relevance to ClaimQuery::about
};

struct ClaimQuery {
  std::string status;    // "" for any
  std::string entity;    // a participant's name (case-insensitive)
  std::string outlet;    // an outlet that carried it
  std::string since;     // first seen on or after (ISO date)
  std::string about;     // free text: rank by similarity
  size_t limit = 0;      // 0: all
  bool details = false;  // fill statements, history and links
};

struct SourceRecord {
  std::string name;  // outlet name, or sourcing type ("anonymous (4)")
  std::string kind;  // "outlet" or "sourcing"
  int reported = 0;  // claims originated or carried
  int originated = 0;
  int confirmed = 0;
  int denied = 0;       // settled denials
  int denied_open = 0;  // denials younger than the settling period
  int disputed = 0;
  int retracted = 0;
  int unresolved = 0;       // reported, disputed or denied-but-open
  double reliability = 0;   // posterior mean, Beta(1,1) prior
  double interval_low = 0;  // 90% interval
  double interval_high = 0;
};

struct SourceQuery {
  int settle_days = 90;
  std::string as_of;  // ISO date; "" = the ledger's latest document time
};

struct EntityRecord {
  std::string name;
  std::string type;
  int documents = 0;
  int claims = 0;  // records it takes part in
};

struct IngestStats {
  int64_t documents = 0;     // new documents stored
  int64_t duplicates = 0;    // already stored (same content hash)
  int64_t new_versions = 0;  // changed versions of a stored URL
  int64_t claims = 0;        // claims linked
  int64_t records = 0;       // new ClaimRecords
};

// A stored document: its current extraction and what produced it.
struct StoredDocument {
  int64_t number = 0;  // ingestion order
  Extraction extraction;
};

// Decides, for each stored document during Rebuild, the extraction to use:
// nullopt keeps the stored one.
using Reextractor =
    std::function<Result<std::optional<Extraction>>(const StoredDocument&)>;

class Store {
 public:
  virtual ~Store() = default;

  // Stores the batch in one transaction: documents already present (same
  // content hash) are skipped; a new text at a stored URL becomes a new
  // version whose claims replace the old version's. Each claim is linked to
  // a ClaimRecord and the statuses of the records touched are replayed.
  // On error nothing of the batch is stored.
  virtual Result<IngestStats> Ingest(std::vector<Extraction> batch) = 0;

  // True when a document with this text is stored (content hash).
  virtual Result<bool> Contains(uint64_t content_hash) = 0;

  virtual Result<std::vector<ClaimRecord>> FindClaims(const ClaimQuery& q) = 0;
  virtual Result<ClaimRecord> GetClaim(int64_t id) = 0;
  virtual Result<std::vector<SourceRecord>> Sources(const SourceQuery& q) = 0;
  virtual Result<std::vector<EntityRecord>> Entities() = 0;

  // Recomputes every derived table (records, links, statuses) from the
  // stored documents in ingestion order, asking `reextract` for each one.
  // The result equals ingesting the documents afresh in that order.
  virtual Result<IngestStats> Rebuild(const Reextractor& reextract) = 0;

  // The latest published time of any stored document, "" when none.
  virtual Result<std::string> LatestTime() = 0;
};

struct StoreOptions {
  bool read_only = false;
  int busy_timeout_ms = 10000;
  // A user lexicon directory whose predicates.tsv may change the predicate
  // families linking compares (lexicons/README.md); "" for the shipped ones.
  std::string lexicon_dir;
};

// A PostgreSQL URL ("postgresql://..." or "postgres://...") opens
// OpenPostgresStore, anything else is an SQLite file for OpenSqliteStore.
Result<std::unique_ptr<Store>> OpenStore(const std::string& location,
                                         const StoreOptions& options);

// Opens (creating when absent, unless read_only) an SQLite ledger in WAL
// mode, migrating an older schema; refuses a newer one.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const StoreOptions& options);

// Connects to a PostgreSQL database (a libpq URL: postgresql://user@host/db,
// or postgresql:///db?host=/socket/dir) and keeps the ledger in its current
// schema, creating the tables when it has none and migrating an older
// ledger; refuses a newer one, and a schema holding other tables.
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url,
                                                 const StoreOptions& options);

}  // namespace hearsay

#endif  // HEARSAY_LEDGER_H_
