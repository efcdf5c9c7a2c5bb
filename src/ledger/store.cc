// The ledger Store over SQL: one implementation for SQLite and PostgreSQL
// (sql_db.h), so both backends give the same ledger from the same documents
// (docs/ledger-schema.md).
//
// Documents and their extractions are the facts; records, mentions, stances
// and history are derived from them in ingestion order, inside the batch's
// transaction, so a batch is all or nothing and a killed ingest leaves the
// ledger as it was after its last committed batch.
#include <unistd.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/hash.h"
#include "extract/extraction_json.h"
#include "hearsay/ledger.h"
#include "ledger/lifecycle.h"
#include "ledger/linking.h"
#include "ledger/postgres_db.h"
#include "ledger/query.h"
#include "ledger/schema.h"
#include "ledger/simhash.h"
#include "ledger/sql_db.h"
#include "ledger/sqlite_db.h"
#include "ledger/time.h"
#include "ledger/track_record.h"

namespace hearsay {

std::string_view ClaimStatusName(ClaimStatus s) {
  switch (s) {
    case ClaimStatus::kReported:
      return "reported";
    case ClaimStatus::kDenied:
      return "denied";
    case ClaimStatus::kConfirmed:
      return "confirmed";
    case ClaimStatus::kDisputed:
      return "disputed";
    case ClaimStatus::kRetracted:
      return "retracted";
  }
  return "reported";
}

Result<ClaimStatus> ParseClaimStatus(std::string_view name) {
  for (ClaimStatus s :
       {ClaimStatus::kReported, ClaimStatus::kDenied, ClaimStatus::kConfirmed,
        ClaimStatus::kDisputed, ClaimStatus::kRetracted}) {
    if (ClaimStatusName(s) == name) return s;
  }
  return InvalidArgumentError(
      "unknown status \"" + std::string(name) +
      "\" (expected reported, denied, confirmed, disputed or retracted)");
}

namespace ledger {
namespace {

#define Q(var, sql) HEARSAY_ASSIGN_OR_RETURN(Stmt* var, db_->Query(sql))

// A read transaction for the span of one query method, so that its several
// statements see one committed state while an ingest writes.
class ReadTransaction {
 public:
  explicit ReadTransaction(Db& db) : db_(db) {}
  ~ReadTransaction() {
    if (open_) db_.Rollback();
  }
  Status Begin() {
    HEARSAY_RETURN_IF_ERROR(db_.BeginRead());
    open_ = true;
    return Status::Ok();
  }

 private:
  Db& db_;
  bool open_ = false;
};

// The proposition a claim's key names, in words: its text without the
// negation of a negative mention ("Quillon not sell cars in North America"
// is "Quillon sell cars in North America"). A record's status speaks of that
// proposition whatever the polarity of the mention that created it, so
// "denied" beside the negative text would read as its opposite.
std::string PropositionText(const Claim& c) {
  std::string text = c.text;
  if (c.positive) return text;
  const std::string negated = "not " + std::string(PredicateWord(c.predicate));
  if (size_t at = text.find(negated);
      at != std::string::npos && (at == 0 || text[at - 1] == ' ') &&
      (at + negated.size() == text.size() || text[at + negated.size()] == ' '))
    text.erase(at, 4);
  return text;
}

// A participant as the ledger compares it: the names it goes by.
struct PartyNames {
  std::string display;
  std::vector<std::string> names;  // normalised
};

std::vector<PartyNames> Parties(const Extraction& x, const Claim& c) {
  std::vector<PartyNames> out;
  for (const Participant& p : c.participants) {
    PartyNames party;
    if (p.entity >= 0) {
      const Entity& e = x.entities[p.entity];
      party.display = e.name;
      party.names.push_back(NormalizeName(e.name));
      for (const std::string& a : e.aliases) {
        party.names.push_back(NormalizeName(a));
      }
    } else {
      // What is done or done to ("a joint venture", "its factory in
      // Guimarães", "1,200 jobs") is no party to it; who does it is one
      // even unnamed ("the logistics-software company").
      if (p.role != "agent" && p.role != "partner") continue;
      party.display = p.text;
      party.names.push_back(NormalizeName(p.text));
    }
    if (party.display.empty()) continue;
    out.push_back(std::move(party));
  }
  return out;
}

bool ContainsWord(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return false;
  for (size_t at = hay.find(needle); at != std::string_view::npos;
       at = hay.find(needle, at + 1)) {
    bool left = at == 0 || hay[at - 1] == ' ';
    size_t end = at + needle.size();
    bool right = end == hay.size() || hay[end] == ' ' || hay[end] == ',' ||
                 hay[end] == '\'';
    if (left && right) return true;
  }
  return false;
}

// The participants a speaker speaks for: itself, or the party named in one
// of its roles ("spokesperson for Harlow Motors", "CEO of Quillon").
std::vector<std::string> SpeakerParties(
    const Extraction& x, const Statement& s,
    const std::vector<PartyNames>& parties) {
  std::vector<int> speakers;
  if (s.speaker.entity >= 0) speakers.push_back(s.speaker.entity);
  for (int e : s.speaker.entities) {
    if (std::find(speakers.begin(), speakers.end(), e) == speakers.end()) {
      speakers.push_back(e);
    }
  }
  std::vector<std::string> out;
  auto add = [&](const std::string& p) {
    if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  };
  for (int idx : speakers) {
    const Entity& e = x.entities[idx];
    std::vector<std::string> own{NormalizeName(e.name)};
    for (const std::string& a : e.aliases) own.push_back(NormalizeName(a));
    bool found = false;
    for (const PartyNames& p : parties) {
      for (const std::string& n : p.names) {
        if (std::find(own.begin(), own.end(), n) != own.end()) {
          add(p.display.empty() ? e.name : p.display);
          found = true;
        }
      }
    }
    if (found) continue;
    for (const std::string& role : e.roles) {
      std::string r = NormalizeName(role);
      for (const PartyNames& p : parties) {
        for (const std::string& n : p.names) {
          if (!ContainsWord(r, n)) continue;
          // (A party known only by its normalised name is shown as the
          // role writes it: "chief executive of Brightwater Systems".)
          std::string display = p.display;
          if (display.empty() && r.size() == role.size())
            display = role.substr(r.find(n), n.size());
          add(display.empty() ? n : display);
        }
      }
    }
  }
  return out;
}

std::string SpeakerName(const Extraction& x, const Statement& s) {
  if (s.speaker.entity >= 0) return x.entities[s.speaker.entity].name;
  if (!s.speaker.name.empty()) return s.speaker.name;
  if (!s.speaker.entities.empty()) {
    std::string out;
    for (int e : s.speaker.entities) {
      if (!out.empty()) out += " and ";
      out += x.entities[e].name;
    }
    return out;
  }
  return s.speaker.description;
}

std::string Sourcing(const Extraction& x, const Statement& s) {
  if (s.speaker.anonymous) {
    return s.speaker.count > 0
               ? "anonymous (" + std::to_string(s.speaker.count) + ")"
               : "anonymous";
  }
  if (s.kind == StatementKind::kReporter) return "unattributed";
  if (s.kind == StatementKind::kReport ||
      (s.speaker.entity >= 0 &&
       x.entities[s.speaker.entity].type == EntityType::kOutlet)) {
    return "outlet report";
  }
  if (SpeakerName(x, s).empty()) return "unattributed";
  return "named";
}

// "The Meridian Ledger": the chain of statements this one reaches us
// through, outermost last.
std::string ViaChain(const Extraction& x, const Statement& s) {
  std::string out;
  int at = s.via;
  for (size_t steps = 0; at >= 0 && steps <= x.statements.size(); ++steps) {
    std::string name = SpeakerName(x, x.statements[at]);
    if (!name.empty()) {
      if (!out.empty()) out += " <- ";
      out += name;
    }
    at = x.statements[at].via;
  }
  return out;
}

// A stance row of one document, held until the document's claims are all
// linked.
struct PendingStance {
  int64_t record;
  int64_t mention;
  int64_t statement;
  std::string speaker, sourcing, via, kind, cue, stance, strength;
  bool principal;
  std::string party;
  bool retraction;
  Effect effect;
  std::string quote;
  double confidence;
  std::string said_on;
  bool retold;
};

// How much a stance says about its record: a retraction or an answer that
// moves the status, then an explicit denial or confirmation, then the rest.
int Decisiveness(const PendingStance& r) {
  int value = r.stance == "deny" || r.stance == "confirm" ? 3
              : r.stance == "no_comment"                  ? 2
              : r.stance == "assert"                      ? 1
                                                          : 0;
  return (r.retraction ? 16 : 0) + (r.effect != Effect::kNone ? 8 : 0) + value;
}

// One statement says one thing about a record. When several claims of a
// document link to the same record ("Quillon said it had no plans to work
// with Harlow" is both a denial of the reported venture and its own negated
// claim), the statement would otherwise show once per claim in the timeline
// with the same words; the most decisive of those stances stands for it,
// where the first of them stood. Stances on no statement (-1) are kept.
std::vector<const PendingStance*> OneStancePerStatement(
    const std::vector<PendingStance>& rows) {
  std::map<std::tuple<int64_t, int64_t, std::string>, size_t> best;
  std::vector<const PendingStance*> out;
  for (const PendingStance& r : rows) {
    if (r.statement < 0) {
      out.push_back(&r);
      continue;
    }
    auto [it, fresh] = best.try_emplace(
        std::make_tuple(r.record, r.statement, r.party), out.size());
    if (fresh) {
      out.push_back(&r);
    } else if (Decisiveness(r) > Decisiveness(*out[it->second])) {
      out[it->second] = &r;
    }
  }
  return out;
}

// A value for a multi-row INSERT.
struct SqlValue {
  enum Kind { kNull, kInt, kDouble, kText } kind = kNull;
  int64_t i = 0;
  double d = 0;
  std::string text;
};

void BindValue(Stmt& s, int i, const SqlValue& v) {
  switch (v.kind) {
    case SqlValue::kNull:
      s.BindNull(i);
      break;
    case SqlValue::kInt:
      s.Bind(i, v.i);
      break;
    case SqlValue::kDouble:
      s.Bind(i, v.d);
      break;
    case SqlValue::kText:
      s.Bind(i, v.text);
      break;
  }
}

// Rows for one table, written with multi-row INSERTs ("INSERT INTO t(a, b)
// VALUES(?, ?), (?, ?) ..."), deferred: a few statements for many rows.
// Statements of a fixed number of rows (a full chunk, then powers of two)
// keep the number of distinct statements small.
class RowWriter {
 public:
  // `head`: "INSERT INTO t(a, b) VALUES"; `tail`: "" or " ON CONFLICT ...".
  RowWriter(std::string head, int columns, std::string tail = "")
      : head_(std::move(head)), tail_(std::move(tail)), columns_(columns) {}

  RowWriter& operator<<(int64_t v) {
    SqlValue x;
    x.kind = SqlValue::kInt;
    x.i = v;
    return Add(std::move(x));
  }
  RowWriter& operator<<(int v) { return *this << int64_t{v}; }
  RowWriter& operator<<(bool v) { return *this << int64_t{v}; }
  RowWriter& operator<<(double v) {
    SqlValue x;
    x.kind = SqlValue::kDouble;
    x.d = v;
    return Add(std::move(x));
  }
  RowWriter& operator<<(std::string_view v) {
    SqlValue x;
    x.kind = SqlValue::kText;
    x.text = v;
    return Add(std::move(x));
  }
  RowWriter& operator<<(const std::string& v) {
    return *this << std::string_view(v);
  }
  RowWriter& operator<<(std::string&& v) {
    SqlValue x;
    x.kind = SqlValue::kText;
    x.text = std::move(v);
    return Add(std::move(x));
  }
  RowWriter& operator<<(const char* v) { return *this << std::string_view(v); }
  RowWriter& operator<<(const std::optional<int64_t>& v) {
    return v ? *this << *v : Add(SqlValue());
  }

  bool empty() const { return values_.empty(); }
  // Bytes of text waiting.
  size_t bytes() const { return bytes_; }
  void Clear() {
    values_.clear();
    bytes_ = 0;
  }

  Status Flush(Db& db) {
    // At most 999 parameters a statement (SQLite's limit before 3.32).
    const size_t most = std::max(1, 999 / columns_);
    size_t rows = values_.size() / columns_;
    for (size_t at = 0; at < rows;) {
      size_t n = most;
      while (n > rows - at) n = n > 1 ? std::bit_floor(n - 1) : 1;
      std::string sql = head_;
      for (size_t r = 0; r < n; ++r) {
        sql += r == 0 ? "(" : ", (";
        for (int c = 0; c < columns_; ++c) sql += c == 0 ? "?" : ", ?";
        sql += ")";
      }
      sql += tail_;
      HEARSAY_ASSIGN_OR_RETURN(Stmt * s, db.Query(sql));
      for (size_t i = 0; i < n * columns_; ++i) {
        BindValue(*s, static_cast<int>(i) + 1, values_[at * columns_ + i]);
      }
      HEARSAY_RETURN_IF_ERROR(s->Defer());
      at += n;
    }
    Clear();
    return Status::Ok();
  }

 private:
  RowWriter& Add(SqlValue v) {
    bytes_ += v.text.size();
    values_.push_back(std::move(v));
    return *this;
  }

  std::string head_, tail_;
  int columns_;
  std::vector<SqlValue> values_;
  size_t bytes_ = 0;
};

// Read-only statements that do not depend on each other, run in few round
// trips: with PostgreSQL each is sent as it is added and all are read back
// together (each repeated text in a slot of its own), up to kWave at a time;
// with SQLite each runs as it is added. `read` gets each statement's rows,
// in the order added. No write may happen between Add and Run.
class Lookups {
 public:
  static constexpr int kWave = 256;
  using Read = std::function<Status(Stmt&)>;

  explicit Lookups(Db& db) : db_(db) {}

  // `bind` binds the statement's parameters.
  Status Add(const std::string& sql, const std::function<void(Stmt&)>& bind,
             Read read) {
    if (!db_.pipelined()) {
      HEARSAY_ASSIGN_OR_RETURN(Stmt * s, db_.Query(sql));
      bind(*s);
      HEARSAY_RETURN_IF_ERROR(read(*s));
      s->Reset();
      return Status::Ok();
    }
    if (pending_.size() >= kWave) HEARSAY_RETURN_IF_ERROR(Run());
    int slot = slots_[sql]++;
    HEARSAY_ASSIGN_OR_RETURN(Stmt * s, db_.Query(sql, slot));
    bind(*s);
    HEARSAY_RETURN_IF_ERROR(s->Send());
    pending_.emplace_back(s, std::move(read));
    return Status::Ok();
  }

  Status Run() {
    std::vector<std::pair<Stmt*, Read>> pending;
    pending.swap(pending_);
    slots_.clear();
    for (auto& [s, read] : pending) {
      HEARSAY_RETURN_IF_ERROR(read(*s));
      s->Reset();
    }
    return Status::Ok();
  }

 private:
  Db& db_;
  std::vector<std::pair<Stmt*, Read>> pending_;
  std::unordered_map<std::string, int> slots_;
};

// Binds ids to the kIdsPerLookup places of an `IN (...)` list, -1 (no row)
// in the unused ones.
constexpr int kIdsPerLookup = 64;

// "?, ?, ..., ?": n parameters.
std::string Params(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

// Linking's candidates: the oldest kCandidatesPerKey records with the
// claim's key, and the latest kCandidatesPerName sharing each participant.
constexpr size_t kCandidatesPerKey = 64;
constexpr size_t kCandidatesPerName = 64;
// Syndication's: the oldest kCopyCandidates current documents sharing
// kMinHashCandidate MinHash values, checked in order; kCopyPrefetch of them
// are looked up ahead for each document of a batch.
constexpr size_t kCopyCandidates = 32;
constexpr size_t kCopyPrefetch = 64;

// A document's latest version at its URL, as the store last saw it.
struct UrlVersion {
  int64_t id = 0;
  int version = 0;
  std::optional<int64_t> published_at;
  bool current = false;
};

// What the store works out for a document of a batch before writing any.
struct Prepared {
  uint64_t hash = 0;     // content hash
  std::string json;      // the extraction as stored; "" until serialised
  uint64_t simhash = 0;  // of the body
  std::vector<uint64_t> shingles;  // of the body
  std::array<int64_t, kMinHashes> minhashes{};
  // Syndication candidates stored before the batch (current documents
  // sharing enough MinHash values), oldest first, at most kCopyPrefetch.
  std::vector<int64_t> copies;
};

// A stored document that may be a batch document's original.
struct StoredCopy {
  std::string url;
  int64_t group = 0;
  std::optional<std::vector<uint64_t>> shingles;  // once read
};

// A document written in the current batch, for the documents after it.
struct BatchDoc {
  int64_t id = 0;
  int64_t group = 0;
  std::string url;
  const Prepared* prepared = nullptr;
};

class SqlStore : public Store {
 public:
  SqlStore(std::unique_ptr<Db> db, const StoreOptions& options)
      : db_(std::move(db)),
        read_only_(options.read_only),
        lexicon_dir_(options.lexicon_dir) {}
  Status Migrate();

  Result<IngestStats> Ingest(std::vector<Extraction> batch) override;
  Result<bool> Contains(uint64_t content_hash) override;
  Result<std::vector<ClaimRecord>> FindClaims(const ClaimQuery& q) override;
  Result<ClaimRecord> GetClaim(int64_t id) override;
  Result<std::vector<SourceRecord>> Sources(const SourceQuery& q) override;
  Result<std::vector<EntityRecord>> Entities() override;
  Result<IngestStats> Rebuild(const Reextractor& reextract) override;
  Result<std::string> LatestTime() override;

 private:
  Status LoadFamilies();
  // Fills the MinHash index for the documents of a ledger migrated from a
  // schema without one.
  Status IndexStoredDocuments();

  // Writing. A write transaction reads what it needs of the ledger ahead,
  // for a whole batch of documents at a time (Prefetch), and keeps what the
  // batch writes in memory, so that each document is decided as if the
  // ledger were asked at its turn (the ledger stays a function of the
  // documents and their order, not of the batches); the rows go out in
  // multi-row INSERTs. With PostgreSQL a batch takes a few round trips.
  //
  // At the start of a write transaction: the next row ids, and whether
  // another process wrote since this one's last transaction (then the
  // feature cache is dropped).
  Status StartWrite();
  // At its end: marks the ledger as last written by this process.
  Status FinishWrite();
  // Sends the rows written so far.
  Status FlushRows();
  Status Prefetch(std::vector<Extraction*> docs,
                  std::vector<Prepared>& prepared);
  Status IngestOne(Extraction& x, Prepared& p, IngestStats& stats,
                   std::set<int64_t>& touched);
  // The syndication group of a new current document.
  Result<int64_t> Syndicate(int64_t doc, const Prepared& p,
                            const std::string& url);
  // The shingles of a stored document.
  Result<const std::vector<uint64_t>*> CopyShingles(int64_t doc);
  Status Deactivate(int64_t doc, std::set<int64_t>& touched);
  // The candidate records of a claim, as the ledger holds them now.
  Result<std::set<int64_t>> Candidates(const LinkFeatures& f);
  Result<std::pair<int64_t, LinkScore>> Link(const Claim& c,
                                             const LinkFeatures& f,
                                             IngestStats& stats);
  // Loads the features of the records not in features_ yet; with
  // `lookups`, as part of them (read at their Run).
  Status LoadFeatures(const std::set<int64_t>& records, Lookups* lookups);
  // Replays the statuses and counts of the records touched by a batch.
  Status Recompute(const std::set<int64_t>& records);

  Result<std::vector<LedgerStatement>> LoadStatements(
      int64_t record, bool active_only, std::vector<int64_t>* row_ids,
      std::vector<Effect>* effects);
  Status FillDetails(ClaimRecord& r);
  // Fills the participants of many records.
  Status LoadParticipants(std::vector<ClaimRecord>& records);
  Result<ClaimRecord> LoadRecord(Stmt& q);

  std::unique_ptr<Db> db_;
  bool read_only_ = false;
  std::string lexicon_dir_;
  // Predicate class -> family, loaded at the first write.
  std::optional<PredicateFamilies> families_;
  // Documents in the ledger when its statistics were last refreshed; -1
  // before the first batch.
  int64_t analyzed_documents_ = -1;
  // Features of the records this process has compared claims with (linking
  // compares with the same few records again and again), kept up to date
  // with what it writes; dropped when another process has written.
  std::unordered_map<int64_t, LinkFeatures> features_;
  // Identifies this process's writes in meta.writer.
  std::string writer_;
  uint64_t writes_ = 0;

  // Within a write transaction: the next row ids (the largest id + 1, as
  // SQLite would choose them; a PostgreSQL sequence would skip the numbers
  // of a rolled-back batch, and ids are part of what an interrupted ingest
  // must reproduce), the stored texts and the latest version at each URL.
  int64_t next_document_ = 0, next_record_ = 0, next_mention_ = 0,
          next_stance_ = 0;
  std::unordered_set<uint64_t> stored_hashes_;
  std::unordered_map<std::string, UrlVersion> urls_;
  // Rows not sent yet.
  RowWriter documents_{
      "INSERT INTO documents(id, doc_id, content_hash, url, outlet, "
      "published, published_at, title, version, current, simhash, "
      "syndication_group, models, lexicons, extraction) VALUES",
      15};
  // (Without ON CONFLICT, which costs PostgreSQL a speculative insertion a
  // row: a document's MinHash values are distinct, and its entities are
  // made unique before they are written.)
  RowWriter minhashes_{"INSERT INTO minhashes(value, document) VALUES", 2};
  RowWriter entities_{
      "INSERT INTO entity_documents(name, document, display, type) VALUES", 4};
  RowWriter records_{
      "INSERT INTO records(id, key, predicate, family, text, location, "
      "claim_time, status, first_seen, first_seen_at, origin_outlet, "
      "article_count, independent_sources) VALUES",
      13};
  RowWriter participants_{
      "INSERT INTO record_participants(record, name, display, position) "
      "VALUES",
      4, " ON CONFLICT DO NOTHING"};
  RowWriter mentions_{
      "INSERT INTO mentions(id, record, document, claim, active, text, "
      "link_confidence, link_reasons) VALUES",
      8};
  RowWriter stances_{
      "INSERT INTO stances(id, record, mention, document, statement, active, "
      "speaker, sourcing, via, kind, cue, stance, strength, principal, party, "
      "retraction, effect, quote, confidence, said_on, retold) VALUES",
      21};
  // The ledger as the batch found it (looked up ahead) ...
  std::unordered_map<std::string, std::vector<int64_t>> key_records_;
  std::unordered_map<std::string, std::vector<int64_t>> name_records_;
  std::unordered_map<int64_t, StoredCopy> stored_copies_;
  // The records of the mentions of documents a new version may replace.
  std::unordered_map<int64_t, std::vector<int64_t>> doc_records_;
  // ... and what the batch wrote since: records by key (ascending), records
  // that took each participant name, documents (with their MinHash values
  // indexed), documents replaced.
  std::unordered_map<std::string, std::vector<int64_t>> new_key_records_;
  std::unordered_map<std::string, std::vector<int64_t>> new_name_records_;
  std::vector<BatchDoc> batch_docs_;
  std::unordered_map<int64_t, std::vector<size_t>> batch_minhashes_;
  std::unordered_set<int64_t> deactivated_;
};

// The schema version of the ledger as it is now; 0 for an empty database.
Result<int> SchemaVersion(Db& db) {
  HEARSAY_ASSIGN_OR_RETURN(std::vector<std::string> tables, db.Tables());
  bool has_meta = false, has_other = false;
  for (const std::string& t : tables) {
    if (t == "meta") {
      has_meta = true;
    } else {
      has_other = true;
    }
  }
  if (!has_meta) {
    if (!has_other) return 0;
    return DataLossError(db.name() +
                         ": not a hearsay ledger (a database with other "
                         "tables and no schema version)");
  }
  HEARSAY_ASSIGN_OR_RETURN(
      Stmt * v,
      db.Query("SELECT value FROM meta WHERE key = 'schema_version'"));
  HEARSAY_ASSIGN_OR_RETURN(bool row, v->Step());
  if (!row) {
    return DataLossError(db.name() +
                         ": not a hearsay ledger (no schema_version)");
  }
  int version = std::atoi(v->Text(0).c_str());
  v->Reset();
  return version;
}

Status SqlStore::Migrate() {
  HEARSAY_ASSIGN_OR_RETURN(int version, SchemaVersion(*db_));
  auto newer = [&] {
    return FailedPreconditionError(
        db_->name() + ": ledger schema version " + std::to_string(version) +
        " is newer than this hearsay understands (" +
        std::to_string(kLedgerSchemaVersion) + "); upgrade hearsay to read it");
  };
  if (version > kLedgerSchemaVersion) return newer();
  if (version == kLedgerSchemaVersion) return Status::Ok();
  if (read_only_) {
    if (version == 0) {
      return NotFoundError(db_->name() +
                           ": no ledger here (run hearsay ingest first, "
                           "or pass --db / set HEARSAY_DB)");
    }
    return FailedPreconditionError(
        db_->name() + ": ledger schema version " + std::to_string(version) +
        " needs migrating to " + std::to_string(kLedgerSchemaVersion) +
        "; run a writing command (hearsay ingest) first");
  }
  HEARSAY_RETURN_IF_ERROR(db_->BeginWrite());
  // Another process may have migrated while this one waited for the lock.
  Result<int> now = SchemaVersion(*db_);
  Status s = now.status();
  if (s.ok()) {
    version = *now;
    if (version > kLedgerSchemaVersion) s = newer();
  }
  for (int v = version; v < kMigrationCount && s.ok(); ++v) {
    s = db_->Exec(db_->dialect() == Dialect::kPostgres
                      ? PostgresDdl(kMigrations[v])
                      : std::string(kMigrations[v]));
  }
  // 2 -> 3 replaced the SimHash bands with MinHash values, which SQL cannot
  // compute: the stored documents get theirs here.
  if (s.ok() && version > 0 && version < 3) s = IndexStoredDocuments();
  if (s.ok() && version < kLedgerSchemaVersion) {
    auto q = db_->Query(
        "INSERT INTO meta(key, value) VALUES('schema_version', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    s = q.ok() ? (*q)->Bind(1, std::to_string(kLedgerSchemaVersion)).Run()
               : q.status();
  }
  if (!s.ok()) {
    db_->Rollback();
    return s.WithContext(db_->name() + ": migrating the ledger");
  }
  return db_->Commit();
}

Status SqlStore::LoadFamilies() {
  if (families_) return Status::Ok();
  if (lexicon_dir_.empty()) {
    HEARSAY_ASSIGN_OR_RETURN(const PredicateFamilies* shipped,
                             PredicateFamilies::Shipped());
    families_ = *shipped;
    return Status::Ok();
  }
  HEARSAY_ASSIGN_OR_RETURN(PredicateFamilies f,
                           PredicateFamilies::Load(lexicon_dir_));
  families_ = std::move(f);
  return Status::Ok();
}

Result<bool> SqlStore::Contains(uint64_t content_hash) {
  Q(q, "SELECT 1 FROM documents WHERE content_hash = ?");
  q->Bind(1, static_cast<int64_t>(content_hash));
  HEARSAY_ASSIGN_OR_RETURN(bool row, q->Step());
  q->Reset();
  return row;
}

Status SqlStore::StartWrite() {
  Q(q,
    "SELECT (SELECT COALESCE(MAX(id), 0) FROM documents), "
    "(SELECT COALESCE(MAX(id), 0) FROM records), "
    "(SELECT COALESCE(MAX(id), 0) FROM mentions), "
    "(SELECT COALESCE(MAX(id), 0) FROM stances), "
    "(SELECT value FROM meta WHERE key = 'writer')");
  HEARSAY_ASSIGN_OR_RETURN(bool row, q->Step());
  if (!row) return InternalError("no row ids");
  next_document_ = q->Int(0) + 1;
  next_record_ = q->Int(1) + 1;
  next_mention_ = q->Int(2) + 1;
  next_stance_ = q->Int(3) + 1;
  std::string last_writer = q->Text(4);
  q->Reset();
  if (writer_.empty()) {
    std::random_device rd;
    writer_ = HashHex((static_cast<uint64_t>(rd()) << 32 | rd()) ^
                      static_cast<uint64_t>(getpid()));
  }
  // Features cached by this process are the ledger's as long as no other
  // process wrote in between; a bounded cache.
  if (last_writer != writer_ + ":" + std::to_string(writes_) ||
      features_.size() > 200000) {
    features_.clear();
  }
  stored_hashes_.clear();
  urls_.clear();
  for (RowWriter* w : {&documents_, &minhashes_, &entities_, &records_,
                       &participants_, &mentions_, &stances_}) {
    w->Clear();
  }
  return Status::Ok();
}

Status SqlStore::FinishWrite() {
  HEARSAY_RETURN_IF_ERROR(FlushRows());
  Q(q,
    "INSERT INTO meta(key, value) VALUES('writer', ?) "
    "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  return q->Bind(1, writer_ + ":" + std::to_string(writes_ + 1)).Defer();
}

Status SqlStore::FlushRows() {
  for (RowWriter* w : {&documents_, &minhashes_, &entities_, &records_,
                       &participants_, &mentions_, &stances_}) {
    HEARSAY_RETURN_IF_ERROR(w->Flush(*db_));
  }
  return Status::Ok();
}

Result<IngestStats> SqlStore::Ingest(std::vector<Extraction> batch) {
  if (read_only_)
    return FailedPreconditionError("the ledger is open read-only");
  HEARSAY_RETURN_IF_ERROR(LoadFamilies());
  IngestStats stats;
  HEARSAY_RETURN_IF_ERROR(db_->BeginWrite());
  std::set<int64_t> touched;
  Status s = StartWrite();
  if (analyzed_documents_ < 0) analyzed_documents_ = next_document_ - 1;
  std::vector<Prepared> prepared;
  if (s.ok()) {
    std::vector<Extraction*> docs;
    for (Extraction& x : batch) docs.push_back(&x);
    s = Prefetch(docs, prepared);
  }
  for (size_t i = 0; i < batch.size() && s.ok(); ++i) {
    s = IngestOne(batch[i], prepared[i], stats, touched);
    if (!s.ok()) s = s.WithContext("document " + batch[i].document.id);
  }
  // Statuses are replayed once per batch, per record: a record touched by
  // many documents of the batch is replayed once.
  if (s.ok()) s = Recompute(touched);
  if (s.ok()) s = FinishWrite();
  if (s.ok()) s = db_->Commit();
  if (!s.ok()) {
    db_->Rollback();
    features_.clear();
    return s;
  }
  ++writes_;
  if (db_->dialect() == Dialect::kPostgres) {
    // PostgreSQL keeps the plans of prepared statements, made from table
    // statistics: plans made when the ledger was small scan whole tables
    // once it is large (syndication candidates took milliseconds a
    // document). Fresh statistics each time the ledger doubles re-plan them;
    // autovacuum alone comes too late within one long ingest.
    int64_t documents = next_document_ - 1;
    if (documents > 2 * analyzed_documents_ + 100) {
      db_->Exec("ANALYZE").IgnoreError();  // only speed depends on it
      analyzed_documents_ = documents;
    }
  }
  return stats;
}

std::string_view Body(const Document& d) {
  return d.text.size() > d.body_begin
             ? std::string_view(d.text).substr(d.body_begin)
             : std::string_view(d.text);
}

// The shingles of a stored extraction's body.
Result<std::vector<uint64_t>> StoredShingles(std::string_view json) {
  HEARSAY_ASSIGN_OR_RETURN(Extraction x, ParseExtractionJson(json));
  return Shingles(Body(x.document));
}

// The syndication candidates of a document with these MinHash values:
// current documents at least kMinHashCandidate of them, oldest first.
std::string CopySql(size_t limit) {
  return std::string("SELECT c.document, d.url, d.syndication_group") +
         " FROM (SELECT document FROM minhashes WHERE value IN (" +
         Params(kMinHashes) +
         ") GROUP BY document HAVING COUNT(*) >= ?) AS c "
         "JOIN documents d ON d.id = c.document WHERE d.current = 1 "
         "ORDER BY c.document LIMIT " +
         std::to_string(limit);
}

void BindCopySql(Stmt& s, const Prepared& p) {
  for (int i = 0; i < kMinHashes; ++i) s.Bind(i + 1, p.minhashes[i]);
  s.Bind(kMinHashes + 1, kMinHashCandidate);
}

std::string KeySql() {
  return "SELECT id FROM records WHERE key = ? ORDER BY id LIMIT " +
         std::to_string(kCandidatesPerKey);
}

std::string NameSql() {
  return "SELECT record FROM record_participants WHERE name = ? "
         "ORDER BY record DESC LIMIT " +
         std::to_string(kCandidatesPerName);
}

// Reads the ids a statement returns into `out`.
// Calls row(s) for each row of `s`, stopping at the first error row()
// returns.
Status ForEachRow(Stmt& s, const std::function<Status(Stmt&)>& row) {
  while (true) {
    HEARSAY_ASSIGN_OR_RETURN(bool more, s.Step());
    if (!more) return Status::Ok();
    HEARSAY_RETURN_IF_ERROR(row(s));
  }
}

Status ReadIds(Stmt& s, std::vector<int64_t>& out) {
  return ForEachRow(s, [&](Stmt& r) {
    out.push_back(r.Int(0));
    return Status::Ok();
  });
}

// Binds up to kIdsPerLookup ids from `ids[at...]`, -1 in the places left.
void BindIds(Stmt& s, const std::vector<int64_t>& ids, size_t at) {
  for (int k = 0; k < kIdsPerLookup; ++k) {
    s.Bind(k + 1, at + k < ids.size() ? ids[at + k] : int64_t{-1});
  }
}

Status SqlStore::Prefetch(std::vector<Extraction*> docs,
                          std::vector<Prepared>& prepared) {
  // What earlier batches of this transaction wrote must be in the ledger
  // before it is asked.
  HEARSAY_RETURN_IF_ERROR(FlushRows());
  key_records_.clear();
  name_records_.clear();
  stored_copies_.clear();
  doc_records_.clear();
  new_key_records_.clear();
  new_name_records_.clear();
  batch_docs_.clear();
  batch_minhashes_.clear();
  deactivated_.clear();

  prepared.assign(docs.size(), Prepared());
  std::set<std::string> keys, names;
  for (size_t i = 0; i < docs.size(); ++i) {
    Extraction& x = *docs[i];
    Prepared& p = prepared[i];
    if (!x.document.text.empty()) {
      p.hash = Hash64(x.document.text);
      Fingerprint print = FingerprintOf(Body(x.document));
      p.simhash = print.simhash;
      p.shingles = std::move(print.shingles);
      p.minhashes = MinHashes(p.shingles);
    } else {
      // A record without text is identified by its content.
      WriteExtractionJson(x, p.json);
      if (!p.json.empty() && p.json.back() == '\n') p.json.pop_back();
      p.hash = Hash64(p.json, 1);
    }
    for (const Claim& c : x.claims) {
      if (!c.key.empty()) keys.insert(c.key);
      for (const PartyNames& party : Parties(x, c))
        names.insert(party.names[0]);
    }
  }

  // Round one: which texts are stored, the latest version at each URL,
  // syndication and linking candidates.
  Lookups first(*db_);
  const std::string in = "(" + Params(kIdsPerLookup) + ")";
  for (size_t at = 0; at < docs.size(); at += kIdsPerLookup) {
    HEARSAY_RETURN_IF_ERROR(first.Add(
        "SELECT content_hash FROM documents WHERE content_hash IN " + in,
        [&, at](Stmt& s) {
          for (int k = 0; k < kIdsPerLookup; ++k) {
            size_t i = at + k < docs.size() ? at + k : at;
            s.Bind(k + 1, static_cast<int64_t>(prepared[i].hash));
          }
        },
        [&](Stmt& s) {
          return ForEachRow(s, [&](Stmt& r) {
            stored_hashes_.insert(static_cast<uint64_t>(r.Int(0)));
            return Status::Ok();
          });
        }));
    std::vector<std::string> urls;
    for (size_t i = at; i < std::min(docs.size(), at + kIdsPerLookup); ++i) {
      if (!docs[i]->document.url.empty()) urls.push_back(docs[i]->document.url);
    }
    if (urls.empty()) continue;
    HEARSAY_RETURN_IF_ERROR(first.Add(
        "SELECT url, id, version, published_at, current FROM documents "
        "WHERE url IN " +
            in,
        [urls](Stmt& s) {
          for (int k = 0; k < kIdsPerLookup; ++k) {
            s.Bind(k + 1, urls[k < static_cast<int>(urls.size()) ? k : 0]);
          }
        },
        [&](Stmt& s) {
          return ForEachRow(s, [&](Stmt& r) {
            UrlVersion v;
            v.id = r.Int(1);
            v.version = static_cast<int>(r.Int(2));
            v.published_at = r.OptionalInt(3);
            v.current = r.Int(4) != 0;
            UrlVersion& latest = urls_[r.Text(0)];
            if (v.version > latest.version) latest = v;
            return Status::Ok();
          });
        }));
  }
  const std::string copy_sql = CopySql(kCopyPrefetch);
  for (Prepared& p : prepared) {
    if (p.shingles.empty()) continue;
    HEARSAY_RETURN_IF_ERROR(first.Add(
        copy_sql, [&p](Stmt& s) { BindCopySql(s, p); },
        [&](Stmt& s) {
          return ForEachRow(s, [&](Stmt& r) {
            int64_t id = r.Int(0);
            p.copies.push_back(id);
            StoredCopy& c = stored_copies_[id];
            c.url = r.Text(1);
            c.group = r.Int(2);
            return Status::Ok();
          });
        }));
  }
  for (const std::string& key : keys) {
    HEARSAY_RETURN_IF_ERROR(first.Add(
        KeySql(), [&key](Stmt& s) { s.Bind(1, key); },
        [&](Stmt& s) { return ReadIds(s, key_records_[key]); }));
  }
  for (const std::string& name : names) {
    HEARSAY_RETURN_IF_ERROR(first.Add(
        NameSql(), [&name](Stmt& s) { s.Bind(1, name); },
        [&](Stmt& s) { return ReadIds(s, name_records_[name]); }));
  }
  HEARSAY_RETURN_IF_ERROR(first.Run());

  // Round two: the features of the candidate records, the texts of the
  // first syndication candidates, and the records of the documents a new
  // version may replace.
  std::set<int64_t> records;
  for (const auto& [key, ids] : key_records_)
    records.insert(ids.begin(), ids.end());
  for (const auto& [name, ids] : name_records_) {
    records.insert(ids.begin(), ids.end());
  }
  std::set<int64_t> texts;
  for (size_t i = 0; i < docs.size(); ++i) {
    size_t wanted = 2;  // the first copy is nearly always the original
    for (int64_t id : prepared[i].copies) {
      if (wanted == 0) break;
      if (stored_copies_[id].url == docs[i]->document.url &&
          !docs[i]->document.url.empty()) {
        continue;
      }
      texts.insert(id);
      --wanted;
    }
  }
  std::vector<int64_t> replaced;
  for (Extraction* x : docs) {
    auto v = urls_.find(x->document.url);
    if (v != urls_.end() && v->second.current) replaced.push_back(v->second.id);
  }
  std::sort(replaced.begin(), replaced.end());
  replaced.erase(std::unique(replaced.begin(), replaced.end()), replaced.end());
  Lookups second(*db_);
  HEARSAY_RETURN_IF_ERROR(LoadFeatures(records, &second));
  std::vector<int64_t> text_ids(texts.begin(), texts.end());
  for (size_t at = 0; at < text_ids.size(); at += kIdsPerLookup) {
    HEARSAY_RETURN_IF_ERROR(second.Add(
        "SELECT id, extraction FROM documents WHERE id IN " + in,
        [&, at](Stmt& s) { BindIds(s, text_ids, at); },
        [&](Stmt& s) {
          return ForEachRow(s, [&](Stmt& r) -> Status {
            Result<std::vector<uint64_t>> sh = StoredShingles(r.View(1));
            if (!sh.ok()) {
              return sh.status().WithContext("stored document " +
                                             std::to_string(r.Int(0)));
            }
            stored_copies_[r.Int(0)].shingles = std::move(*sh);
            return Status::Ok();
          });
        }));
  }
  for (size_t at = 0; at < replaced.size(); at += kIdsPerLookup) {
    HEARSAY_RETURN_IF_ERROR(second.Add(
        "SELECT document, record FROM mentions WHERE document IN " + in,
        [&, at](Stmt& s) { BindIds(s, replaced, at); },
        [&](Stmt& s) {
          return ForEachRow(s, [&](Stmt& r) {
            doc_records_[r.Int(0)].push_back(r.Int(1));
            return Status::Ok();
          });
        }));
  }
  for (int64_t id : replaced) doc_records_[id];  // known, maybe empty
  return second.Run();
}

Status SqlStore::LoadFeatures(const std::set<int64_t>& records,
                              Lookups* lookups) {
  std::vector<int64_t> missing;
  for (int64_t id : records) {
    if (!features_.count(id)) missing.push_back(id);
  }
  if (missing.empty()) return Status::Ok();
  Lookups own(*db_);
  Lookups& l = lookups ? *lookups : own;
  const std::string in = "(" + Params(kIdsPerLookup) + ")";
  auto ids = std::make_shared<std::vector<int64_t>>(std::move(missing));
  for (size_t at = 0; at < ids->size(); at += kIdsPerLookup) {
    HEARSAY_RETURN_IF_ERROR(l.Add(
        "SELECT id, key, family, location, claim_time, text FROM records "
        "WHERE id IN " +
            in,
        [ids, at](Stmt& s) { BindIds(s, *ids, at); },
        [this](Stmt& s) {
          return ForEachRow(s, [this](Stmt& r) {
            LinkFeatures& f = features_[r.Int(0)];
            f.key = r.Text(1);
            f.family = r.Text(2);
            f.location = NormalizeName(r.View(3));
            f.time = r.OptionalInt(4);
            f.words = ContentWords(r.View(5));
            f.participants.clear();
            return Status::Ok();
          });
        }));
    // Read after the records: a participant joins its record's features.
    HEARSAY_RETURN_IF_ERROR(l.Add(
        "SELECT record, name FROM record_participants WHERE record IN " + in,
        [ids, at](Stmt& s) { BindIds(s, *ids, at); },
        [this, ids, at](Stmt& p) -> Status {
          while (true) {
            HEARSAY_ASSIGN_OR_RETURN(bool row, p.Step());
            if (!row) break;
            auto it = features_.find(p.Int(0));
            if (it != features_.end()) {
              it->second.participants.push_back(p.Text(1));
            }
          }
          for (size_t i = at; i < std::min(ids->size(), at + kIdsPerLookup);
               ++i) {
            auto it = features_.find((*ids)[i]);
            if (it == features_.end()) {
              return InternalError("record " + std::to_string((*ids)[i]) +
                                   " vanished");
            }
            std::vector<std::string>& names = it->second.participants;
            std::sort(names.begin(), names.end());
          }
          return Status::Ok();
        }));
  }
  return lookups ? Status::Ok() : own.Run();
}

Status SqlStore::Deactivate(int64_t doc, std::set<int64_t>& touched) {
  auto known = doc_records_.find(doc);
  if (known != doc_records_.end()) {
    touched.insert(known->second.begin(), known->second.end());
  } else {
    HEARSAY_RETURN_IF_ERROR(FlushRows());
    Q(recs, "SELECT DISTINCT record FROM mentions WHERE document = ?");
    recs->Bind(1, doc);
    std::vector<int64_t> ids;
    HEARSAY_RETURN_IF_ERROR(ReadIds(*recs, ids));
    recs->Reset();
    touched.insert(ids.begin(), ids.end());
  }
  // The document's rows may still be waiting in the writers.
  HEARSAY_RETURN_IF_ERROR(FlushRows());
  Q(m, "UPDATE mentions SET active = 0 WHERE document = ?");
  HEARSAY_RETURN_IF_ERROR(m->Bind(1, doc).Defer());
  Q(st, "UPDATE stances SET active = 0 WHERE document = ?");
  HEARSAY_RETURN_IF_ERROR(st->Bind(1, doc).Defer());
  Q(d, "UPDATE documents SET current = 0 WHERE id = ?");
  HEARSAY_RETURN_IF_ERROR(d->Bind(1, doc).Defer());
  deactivated_.insert(doc);
  return Status::Ok();
}

Result<const std::vector<uint64_t>*> SqlStore::CopyShingles(int64_t doc) {
  StoredCopy& c = stored_copies_[doc];
  if (!c.shingles) {
    Q(q, "SELECT extraction FROM documents WHERE id = ?");
    q->Bind(1, doc);
    HEARSAY_ASSIGN_OR_RETURN(bool row, q->Step());
    if (!row) {
      return InternalError("document " + std::to_string(doc) + " vanished");
    }
    Result<std::vector<uint64_t>> sh = StoredShingles(q->View(0));
    q->Reset();
    if (!sh.ok()) {
      return sh.status().WithContext("stored document " + std::to_string(doc));
    }
    c.shingles = std::move(*sh);
  }
  return &*c.shingles;
}

Result<int64_t> SqlStore::Syndicate(int64_t doc, const Prepared& p,
                                    const std::string& url) {
  if (p.shingles.empty()) return doc;
  // The candidates are the current documents sharing enough MinHash
  // values, oldest first: those stored before the batch, as looked up
  // ahead, less those the batch replaced; then the batch's own.
  std::vector<int64_t> candidates;
  for (int64_t id : p.copies) {
    if (!deactivated_.count(id)) candidates.push_back(id);
  }
  if (p.copies.size() == kCopyPrefetch && candidates.size() < kCopyCandidates) {
    // The look-up ahead was cut short and the batch replaced too many of
    // them to know the first kCopyCandidates: ask the ledger as it is now.
    HEARSAY_RETURN_IF_ERROR(FlushRows());
    Q(q, CopySql(kCopyCandidates));
    BindCopySql(*q, p);
    candidates.clear();
    while (true) {
      HEARSAY_ASSIGN_OR_RETURN(bool row, q->Step());
      if (!row) break;
      int64_t id = q->Int(0);
      candidates.push_back(id);
      StoredCopy& c = stored_copies_[id];
      c.url = q->Text(1);
      c.group = q->Int(2);
    }
    q->Reset();
  } else {
    std::map<size_t, int> shared;
    for (int64_t v : p.minhashes) {
      auto it = batch_minhashes_.find(v);
      if (it == batch_minhashes_.end()) continue;
      for (size_t i : it->second) ++shared[i];
    }
    for (const auto& [i, n] : shared) {
      if (n >= kMinHashCandidate && !deactivated_.count(batch_docs_[i].id)) {
        candidates.push_back(batch_docs_[i].id);
      }
    }
  }
  if (candidates.size() > kCopyCandidates) candidates.resize(kCopyCandidates);
  for (int64_t id : candidates) {
    // The batch's documents are in id order.
    const BatchDoc* mine = nullptr;
    auto b =
        std::lower_bound(batch_docs_.begin(), batch_docs_.end(), id,
                         [](const BatchDoc& x, int64_t v) { return x.id < v; });
    if (b != batch_docs_.end() && b->id == id) mine = &*b;
    const std::string& other_url = mine ? mine->url : stored_copies_[id].url;
    if (!url.empty() && other_url == url) continue;  // a version, not a copy
    const std::vector<uint64_t>* other;
    if (mine) {
      other = &mine->prepared->shingles;
    } else {
      HEARSAY_ASSIGN_OR_RETURN(other, CopyShingles(id));
    }
    if (CompareShingles(p.shingles, *other).copy) {
      return mine ? mine->group : stored_copies_[id].group;
    }
  }
  return doc;
}

Result<std::set<int64_t>> SqlStore::Candidates(const LinkFeatures& f) {
  std::set<int64_t> out;
  if (!f.key.empty()) {
    auto db = key_records_.find(f.key);
    if (db == key_records_.end()) {
      // Not looked up ahead (a claim the batch did not have): ask now.
      HEARSAY_RETURN_IF_ERROR(FlushRows());
      Q(q, KeySql());
      q->Bind(1, f.key);
      std::vector<int64_t> ids;
      HEARSAY_RETURN_IF_ERROR(ReadIds(*q, ids));
      q->Reset();
      out.insert(ids.begin(), ids.end());
    } else {
      // Records the batch made come after the stored ones.
      std::vector<int64_t> ids = db->second;
      auto made = new_key_records_.find(f.key);
      if (made != new_key_records_.end()) {
        for (int64_t id : made->second) {
          if (ids.size() >= kCandidatesPerKey) break;
          ids.push_back(id);
        }
      }
      out.insert(ids.begin(), ids.end());
    }
  }
  for (const std::string& name : f.participants) {
    std::vector<int64_t> ids;
    auto db = name_records_.find(name);
    if (db == name_records_.end()) {
      HEARSAY_RETURN_IF_ERROR(FlushRows());
      Q(q, NameSql());
      q->Bind(1, name);
      HEARSAY_RETURN_IF_ERROR(ReadIds(*q, ids));
      q->Reset();
    } else {
      // The latest records with the name: the stored ones and those that
      // took it in this batch, newest first.
      ids = db->second;
      auto took = new_name_records_.find(name);
      if (took != new_name_records_.end()) {
        ids.insert(ids.end(), took->second.begin(), took->second.end());
        std::sort(ids.begin(), ids.end(), std::greater<int64_t>());
        if (ids.size() > kCandidatesPerName) ids.resize(kCandidatesPerName);
      }
    }
    out.insert(ids.begin(), ids.end());
  }
  return out;
}

Result<std::pair<int64_t, LinkScore>> SqlStore::Link(const Claim& c,
                                                     const LinkFeatures& f,
                                                     IngestStats& stats) {
  // Candidates: records with the same key, and the latest records sharing a
  // participant; in ascending id order so ties go to the oldest.
  HEARSAY_ASSIGN_OR_RETURN(std::set<int64_t> candidates, Candidates(f));
  bool missing = false;
  for (int64_t id : candidates) missing |= !features_.count(id);
  if (missing) {
    HEARSAY_RETURN_IF_ERROR(FlushRows());
    HEARSAY_RETURN_IF_ERROR(LoadFeatures(candidates, nullptr));
  }
  int64_t best = 0;
  LinkScore best_score;
  for (int64_t id : candidates) {
    LinkScore s = ScoreLink(f, features_.at(id), /*explain=*/false);
    if (s.link && s.score > best_score.score) {
      best = id;
      best_score = s;
    }
  }
  if (best != 0) {
    return std::make_pair(best,
                          ScoreLink(f, features_.at(best), /*explain=*/true));
  }

  int64_t id = next_record_++;
  records_ << id << c.key << c.predicate << f.family << PropositionText(c)
           << c.location << f.time << "reported"
           << "" << std::optional<int64_t>() << "" << 0 << 0;
  if (!c.key.empty()) new_key_records_[c.key].push_back(id);
  // Its features are the claim's; participants are added as they are
  // written.
  LinkFeatures& stored = features_[id];
  stored = f;
  stored.participants.clear();
  ++stats.records;
  LinkScore fresh;
  fresh.score = 1;
  fresh.link = true;
  fresh.reasons = "{\"new\":1}";
  return std::make_pair(id, fresh);
}

Status SqlStore::IngestOne(Extraction& x, Prepared& p, IngestStats& stats,
                           std::set<int64_t>& touched) {
  Document& d = x.document;
  // A duplicate is recognised before anything is serialised: re-running an
  // interrupted ingest mostly meets documents already stored.
  if (stored_hashes_.count(p.hash)) {
    ++stats.duplicates;
    return Status::Ok();
  }
  if (p.json.empty()) {
    WriteExtractionJson(x, p.json);
    if (!p.json.empty() && p.json.back() == '\n') p.json.pop_back();
  }
  std::optional<int64_t> published_at = ParseTime(d.published);

  // A new text at a stored URL is a new version of that document.
  int version = 1;
  bool current = true;
  if (!d.url.empty()) {
    auto prev = urls_.find(d.url);
    if (prev != urls_.end() && prev->second.version > 0) {
      const UrlVersion v = prev->second;
      version = v.version + 1;
      // An older text found later is history, not a correction.
      current =
          !(published_at && v.published_at && *published_at < *v.published_at);
      if (current && v.current) {
        HEARSAY_RETURN_IF_ERROR(Deactivate(v.id, touched));
      }
      ++stats.new_versions;
    }
  }
  int64_t doc = next_document_++;
  int64_t group = doc;
  if (current) {
    HEARSAY_ASSIGN_OR_RETURN(group, Syndicate(doc, p, d.url));
  }
  documents_ << doc << d.id << static_cast<int64_t>(p.hash) << d.url << d.outlet
             << d.published << published_at << d.title << version
             << (current ? 1 : 0) << static_cast<int64_t>(p.simhash) << group
             << x.models_version << x.lexicons_version << std::move(p.json);
  p.json = std::string();
  stored_hashes_.insert(p.hash);
  if (!d.url.empty()) {
    urls_[d.url] = UrlVersion{doc, version, published_at, current};
  }
  doc_records_[doc];
  ++stats.documents;
  if (!current) return Status::Ok();
  if (!p.shingles.empty()) {
    for (int64_t v : p.minhashes) {
      minhashes_ << v << doc;
      batch_minhashes_[v].push_back(batch_docs_.size());
    }
    batch_docs_.push_back(BatchDoc{doc, group, d.url, &p});
  }

  std::set<std::string> named;
  for (const Entity& e : x.entities) {
    if (e.name.empty()) continue;
    std::string name = NormalizeName(e.name);
    if (!named.insert(name).second) continue;  // the first of a name counts
    entities_ << name << doc << e.name << EntityTypeName(e.type);
  }

  // A party's words passed on by an unnamed source make it no principal.
  const std::vector<bool> relayed = RelayedByUnnamedSources(x.statements);
  std::vector<PendingStance> pending;
  for (size_t k = 0; k < x.claims.size(); ++k) {
    const Claim& c = x.claims[k];
    std::vector<PartyNames> parties = Parties(x, c);
    LinkFeatures f;
    f.key = c.key;
    f.family = families_->Of(c.predicate);
    f.location = NormalizeName(c.location);
    f.time = ParseTime(c.time);
    if (!f.time) f.time = published_at;
    for (const PartyNames& party : parties) {
      f.participants.push_back(party.names[0]);
    }
    std::sort(f.participants.begin(), f.participants.end());
    f.participants.erase(
        std::unique(f.participants.begin(), f.participants.end()),
        f.participants.end());
    f.words = ContentWords(c.text);
    HEARSAY_ASSIGN_OR_RETURN(auto link, Link(c, f, stats));
    int64_t record = link.first;
    touched.insert(record);
    doc_records_[doc].push_back(record);
    ++stats.claims;

    // New participants of the record, in first-seen order.
    std::vector<std::string>& known = features_.at(record).participants;
    int64_t position = static_cast<int64_t>(known.size());
    for (const PartyNames& party : parties) {
      const std::string& name = party.names[0];
      auto at = std::lower_bound(known.begin(), known.end(), name);
      if (at != known.end() && *at == name) continue;
      known.insert(at, name);
      participants_ << record << name << party.display << position++;
      new_name_records_[name].push_back(record);
    }

    // A speaker answers for the record's parties, not only for those this
    // article names in the claim ("a report that the logistics-software
    // company plans to buy Kestrel", denied by Brightwater's chief
    // executive).
    std::vector<PartyNames> answerable = parties;
    for (const std::string& name : known) {
      bool have = false;
      for (const PartyNames& p : parties)
        have |=
            std::find(p.names.begin(), p.names.end(), name) != p.names.end();
      if (!have) answerable.push_back(PartyNames{"", {name}});
    }

    int64_t mention = next_mention_++;
    mentions_ << mention << record << doc << static_cast<int64_t>(k) << 1
              << PropositionText(c) << link.second.score << link.second.reasons;

    auto insert = [&](int64_t statement, const std::string& speaker,
                      const std::string& sourcing, const std::string& via,
                      std::string_view kind, const std::string& cue,
                      std::string_view stance, std::string_view strength,
                      bool principal, const std::string& party, bool retraction,
                      Effect effect, const std::string& quote,
                      double confidence, const std::string& said_on,
                      bool retold) {
      pending.push_back(PendingStance{
          record, mention, statement, speaker, sourcing, via, std::string(kind),
          cue, std::string(stance), std::string(strength), principal, party,
          retraction, effect, quote, confidence, said_on, retold});
    };
    bool any = false;
    for (size_t si = 0; si < x.statements.size(); ++si) {
      const Statement& s = x.statements[si];
      for (const Stance& stance : s.stances) {
        if (stance.claim != static_cast<int>(k)) continue;
        any = true;
        std::vector<std::string> speaks_for;
        std::string speaker = SpeakerName(x, s);
        if (!relayed[si]) {
          speaks_for = SpeakerParties(x, s, answerable);
          if (speaks_for.empty() && stance.principal)
            speaks_for.push_back(speaker.empty() ? "(principal)" : speaker);
        }
        bool principal = !speaks_for.empty();
        bool outlet_voice =
            s.speaker.entity < 0 || s.kind == StatementKind::kReporter ||
            s.kind == StatementKind::kReport ||
            x.entities[s.speaker.entity].type == EntityType::kOutlet;
        bool retraction = !principal && outlet_voice &&
                          LooksLikeRetraction(stance.value, s.rule, s.cue_text);
        if (retraction && speaker.empty()) speaker = d.outlet;
        Effect effect =
            StanceEffect(principal, stance.value, c.positive, c.modality);
        if (!principal) speaks_for.push_back("");
        for (const std::string& party : speaks_for) {
          insert(static_cast<int64_t>(si), speaker, Sourcing(x, s),
                 ViaChain(x, s), StatementKindName(s.kind), s.cue_text,
                 StanceValueName(stance.value), StrengthName(stance.strength),
                 principal, party, retraction, effect,
                 ContentText(x.document.text, s), stance.confidence, s.said_on,
                 s.retold);
        }
      }
    }
    if (!any) {
      // A claim no statement bears on is the outlet's own assertion.
      insert(-1, "", "unattributed", "", "reporter", "", "assert", "", false,
             "", false, Effect::kNone, c.text, c.confidence, "", false);
    }
  }
  for (const PendingStance* r : OneStancePerStatement(pending)) {
    stances_ << next_stance_++ << r->record << r->mention << doc << r->statement
             << 1 << r->speaker << r->sourcing << r->via << r->kind << r->cue
             << r->stance << r->strength << r->principal << r->party
             << r->retraction << EffectName(r->effect) << r->quote
             << r->confidence << r->said_on << r->retold;
  }
  // A batch of large documents is sent as it goes, not held whole.
  if (documents_.bytes() > (16 << 20)) return FlushRows();
  return Status::Ok();
}

Status SqlStore::IndexStoredDocuments() {
  std::vector<std::pair<int64_t, std::string>> page;
  for (int64_t after = 0;;) {
    page.clear();
    Q(q,
      "SELECT id, extraction FROM documents WHERE current = 1 AND id > ? "
      "ORDER BY id LIMIT 256");
    q->Bind(1, after);
    HEARSAY_RETURN_IF_ERROR(ForEachRow(*q, [&](Stmt& row) {
      page.emplace_back(row.Int(0), row.Text(1));
      return Status::Ok();
    }));
    q->Reset();
    if (page.empty()) return Status::Ok();
    after = page.back().first;
    RowWriter mh("INSERT INTO minhashes(value, document) VALUES", 2);
    for (const auto& [id, json] : page) {
      Result<std::vector<uint64_t>> shingles = StoredShingles(json);
      if (!shingles.ok()) {
        return shingles.status().WithContext("stored document " +
                                             std::to_string(id));
      }
      if (shingles->empty()) continue;
      for (int64_t v : MinHashes(*shingles)) mh << v << id;
    }
    HEARSAY_RETURN_IF_ERROR(mh.Flush(*db_));
  }
}

constexpr char kStatementColumns[] =
    "s.id, d.id, d.doc_id, d.outlet, d.url, d.published, d.version, "
    "s.active, s.speaker, s.sourcing, s.via, s.kind, s.cue, s.stance, "
    "s.strength, s.principal, s.party, s.retraction, s.quote, s.confidence, "
    "s.effect, s.said_on, s.retold "
    "FROM stances s JOIN documents d ON d.id = s.document ";
// Time order: published time (undated documents after dated ones), then
// ingestion order, then position in the document.
constexpr char kStatementOrder[] =
    "d.published_at IS NULL, d.published_at, d.id, s.statement, s.id";

// One row of kStatementColumns, from column `at` on.
LedgerStatement ReadStatement(const Stmt& q, int at, int64_t* row_id,
                              Effect* effect) {
  LedgerStatement s;
  *row_id = q.Int(at);
  s.document = q.Int(at + 1);
  s.document_id = q.Text(at + 2);
  s.outlet = q.Text(at + 3);
  s.url = q.Text(at + 4);
  s.published = q.Text(at + 5);
  s.version = static_cast<int>(q.Int(at + 6));
  s.active = q.Int(at + 7) != 0;
  s.speaker = q.Text(at + 8);
  s.sourcing = q.Text(at + 9);
  s.via = q.Text(at + 10);
  s.kind = q.Text(at + 11);
  s.cue = q.Text(at + 12);
  s.stance = q.Text(at + 13);
  s.strength = q.Text(at + 14);
  s.principal = q.Int(at + 15) != 0;
  s.party = q.Text(at + 16);
  s.retraction = q.Int(at + 17) != 0;
  s.quote = q.Text(at + 18);
  s.confidence = q.Double(at + 19);
  *effect = ParseEffect(q.View(at + 20));
  s.said_on = q.Text(at + 21);
  s.retold = q.Int(at + 22) != 0;
  return s;
}

Result<std::vector<LedgerStatement>> SqlStore::LoadStatements(
    int64_t record, bool active_only, std::vector<int64_t>* row_ids,
    std::vector<Effect>* effects) {
  std::string sql =
      std::string("SELECT ") + kStatementColumns + "WHERE s.record = ? " +
      (active_only ? "AND s.active = 1 " : "") + "ORDER BY " + kStatementOrder;
  Q(q, sql);
  q->Bind(1, record);
  std::vector<LedgerStatement> out;
  while (true) {
    HEARSAY_ASSIGN_OR_RETURN(bool row, q->Step());
    if (!row) break;
    int64_t id;
    Effect effect;
    out.push_back(ReadStatement(*q, 0, &id, &effect));
    if (row_ids) row_ids->push_back(id);
    if (effects) effects->push_back(effect);
  }
  return out;
}

Status SqlStore::Recompute(const std::set<int64_t>& records) {
  const std::vector<int64_t> ids(records.begin(), records.end());
  const std::string in = "(" + Params(kIdsPerLookup) + ")";
  struct Timeline {
    std::vector<LedgerStatement> statements;
    std::vector<int64_t> rows;
    std::vector<Effect> effects;
    int64_t articles = 0, independent = 0;
  };
  RowWriter history(
      "INSERT INTO history(record, seq, status, time, at, stance, reason) "
      "VALUES",
      7);
  HEARSAY_RETURN_IF_ERROR(FlushRows());
  // A group of records at a time (a rebuild touches them all): their
  // active statements and counts, kIdsPerLookup records a statement, read
  // in one go; then their statuses, written behind.
  constexpr size_t kGroup = 16 * kIdsPerLookup;
  for (size_t group = 0; group < ids.size(); group += kGroup) {
    const size_t group_end = std::min(ids.size(), group + kGroup);
    std::map<int64_t, Timeline> timelines;
    Lookups reads(*db_);
    for (size_t at = group; at < group_end; at += kIdsPerLookup) {
      HEARSAY_RETURN_IF_ERROR(reads.Add(
          std::string("SELECT s.record, ") + kStatementColumns +
              "WHERE s.record IN " + in +
              " AND s.active = 1 ORDER BY s.record, " + kStatementOrder,
          [&, at](Stmt& s) { BindIds(s, ids, at); },
          [&](Stmt& s) -> Status {
            while (true) {
              HEARSAY_ASSIGN_OR_RETURN(bool row, s.Step());
              if (!row) return Status::Ok();
              Timeline& t = timelines[s.Int(0)];
              int64_t id;
              Effect effect;
              t.statements.push_back(ReadStatement(s, 1, &id, &effect));
              t.rows.push_back(id);
              t.effects.push_back(effect);
            }
          }));
      HEARSAY_RETURN_IF_ERROR(reads.Add(
          "SELECT m.record, COUNT(DISTINCT m.document), COUNT(DISTINCT "
          "g.outlet) "
          "FROM mentions m JOIN documents d ON d.id = m.document "
          "JOIN documents g ON g.id = d.syndication_group "
          "WHERE m.record IN " +
              in + " AND m.active = 1 GROUP BY m.record",
          [&, at](Stmt& s) { BindIds(s, ids, at); },
          [&](Stmt& s) -> Status {
            while (true) {
              HEARSAY_ASSIGN_OR_RETURN(bool row, s.Step());
              if (!row) return Status::Ok();
              Timeline& t = timelines[s.Int(0)];
              t.articles = s.Int(1);
              t.independent = s.Int(2);
            }
          }));
    }
    HEARSAY_RETURN_IF_ERROR(reads.Run());

    for (size_t at = group; at < group_end; at += kIdsPerLookup) {
      size_t end = std::min(group_end, at + kIdsPerLookup);
      // The chunk's old histories go in one statement, its new ones in a few.
      Q(del, "DELETE FROM history WHERE record IN " + in);
      BindIds(*del, ids, at);
      HEARSAY_RETURN_IF_ERROR(del->Defer());
      for (size_t i = at; i < end; ++i) {
        int64_t record = ids[i];
        Timeline& t = timelines[record];
        Replay r = ReplayStatus(t.statements, t.effects);
        std::string first_seen, origin;
        std::optional<int64_t> first_seen_at;
        if (!t.statements.empty()) {
          first_seen = t.statements[0].published;
          first_seen_at = ParseTime(first_seen);
          origin = t.statements[r.first_report].outlet;
        }
        Q(upd,
          "UPDATE records SET status = ?, first_seen = ?, first_seen_at = ?, "
          "origin_outlet = ?, article_count = ?, independent_sources = ? "
          "WHERE id = ?");
        HEARSAY_RETURN_IF_ERROR(upd->Bind(1, ClaimStatusName(r.status))
                                    .Bind(2, first_seen)
                                    .Bind(3, first_seen_at)
                                    .Bind(4, origin)
                                    .Bind(5, t.articles)
                                    .Bind(6, t.independent)
                                    .Bind(7, record)
                                    .Defer());
        for (size_t h = 0; h < r.history.size(); ++h) {
          const StatusChange& c = r.history[h];
          history << record << static_cast<int64_t>(h)
                  << ClaimStatusName(c.status) << c.time << ParseTime(c.time)
                  << t.rows[c.evidence] << c.reason;
        }
      }
      HEARSAY_RETURN_IF_ERROR(history.Flush(*db_));
    }
  }
  return Status::Ok();
}

// A record's text is that of the mention that created it, which is
// whichever article was read first, and the linking features keep it; what
// is shown is the claim as its first report put it ("Harlow Motors
// negotiate with Quillon", not a later "Harlow Motors not agree with
// Quillon"): the text of the mention behind the first entry of its history.
// Either is the proposition, without a negative mention's "not"
// (PropositionText).
constexpr char kRecordColumns[] =
    "SELECT id, key, predicate, COALESCE((SELECT m.text FROM history h "
    "JOIN stances s ON s.id = h.stance JOIN mentions m ON m.id = s.mention "
    "WHERE h.record = records.id AND h.seq = 0), records.text), location, "
    "status, first_seen, article_count, independent_sources, first_seen_at "
    "FROM records ";

Result<ClaimRecord> SqlStore::LoadRecord(Stmt& q) {
  ClaimRecord r;
  r.id = q.Int(0);
  r.key = q.Text(1);
  r.predicate = q.Text(2);
  r.text = q.Text(3);
  r.location = q.Text(4);
  HEARSAY_ASSIGN_OR_RETURN(r.status, ParseClaimStatus(q.View(5)));
  r.first_seen = q.Text(6);
  r.article_count = static_cast<int>(q.Int(7));
  r.independent_sources = static_cast<int>(q.Int(8));
  return r;
}

Status SqlStore::FillDetails(ClaimRecord& r) {
  Q(p,
    "SELECT display FROM record_participants WHERE record = ? ORDER BY "
    "position, name");
  p->Bind(1, r.id);
  while (true) {
    HEARSAY_ASSIGN_OR_RETURN(bool row, p->Step());
    if (!row) break;
    r.participants.push_back(p->Text(0));
  }
  std::vector<int64_t> rows;
  HEARSAY_ASSIGN_OR_RETURN(r.statements,
                           LoadStatements(r.id, false, &rows, nullptr));
  Q(h,
    "SELECT status, time, stance, reason FROM history WHERE record = ? ORDER "
    "BY seq");
  h->Bind(1, r.id);
  while (true) {
    HEARSAY_ASSIGN_OR_RETURN(bool row, h->Step());
    if (!row) break;
    StatusChange c;
    HEARSAY_ASSIGN_OR_RETURN(c.status, ParseClaimStatus(h->View(0)));
    c.time = h->Text(1);
    int64_t stance = h->Int(2);
    for (size_t i = 0; i < rows.size(); ++i) {
      if (rows[i] == stance) c.evidence = static_cast<int>(i);
    }
    c.reason = h->Text(3);
    r.history.push_back(std::move(c));
  }
  if (!r.history.empty()) r.first_report = r.history[0].evidence;
  Q(l,
    "SELECT document, text, link_confidence, link_reasons FROM mentions "
    "WHERE record = ? ORDER BY id");
  l->Bind(1, r.id);
  while (true) {
    HEARSAY_ASSIGN_OR_RETURN(bool row, l->Step());
    if (!row) break;
    r.links.push_back({l->Int(0), l->Text(1), l->Double(2), l->Text(3)});
  }
  return Status::Ok();
}

Result<ClaimRecord> SqlStore::GetClaim(int64_t id) {
  ReadTransaction txn(*db_);
  HEARSAY_RETURN_IF_ERROR(txn.Begin());
  Q(q, std::string(kRecordColumns) + "WHERE id = ?");
  q->Bind(1, id);
  HEARSAY_ASSIGN_OR_RETURN(bool row, q->Step());
  if (!row)
    return NotFoundError("no claim " + std::to_string(id) + " in the ledger");
  HEARSAY_ASSIGN_OR_RETURN(ClaimRecord r, LoadRecord(*q));
  q->Reset();
  HEARSAY_RETURN_IF_ERROR(FillDetails(r));
  return r;
}

// The records a ClaimQuery's filters let through (status, entity, outlet,
// since), in id order.
constexpr char kRecordFilter[] =
    "WHERE article_count > 0 AND (?1 = '' OR status = ?1) "
    "AND (?2 = '' OR EXISTS (SELECT 1 FROM record_participants p "
    "WHERE p.record = records.id AND p.name LIKE ?2)) "
    "AND (?3 = '' OR EXISTS (SELECT 1 FROM mentions m JOIN "
    "documents d ON d.id = m.document WHERE m.record = records.id "
    "AND m.active = 1 AND lower(d.outlet) LIKE lower(?3))) "
    "AND (CAST(?4 AS BIGINT) IS NULL OR first_seen_at >= ?4) ORDER BY id ";

Status BindRecordFilter(Stmt& q, const ClaimQuery& cq) {
  q.Bind(1, cq.status);
  q.Bind(2, cq.entity.empty() ? std::string()
                              : "%" + NormalizeName(cq.entity) + "%");
  q.Bind(3, cq.outlet.empty() ? std::string() : "%" + cq.outlet + "%");
  std::optional<int64_t> since;
  if (!cq.since.empty()) {
    since = ParseTime(cq.since);
    if (!since) return InvalidArgumentError("--since: not a date: " + cq.since);
  }
  q.Bind(4, since);
  return Status::Ok();
}

Status SqlStore::LoadParticipants(std::vector<ClaimRecord>& records) {
  std::unordered_map<int64_t, ClaimRecord*> by_id;
  for (ClaimRecord& r : records) {
    r.participants.clear();
    by_id[r.id] = &r;
  }
  auto read = [&](Stmt& p) -> Status {
    while (true) {
      HEARSAY_ASSIGN_OR_RETURN(bool row, p.Step());
      if (!row) return Status::Ok();
      auto it = by_id.find(p.Int(0));
      if (it != by_id.end()) it->second->participants.push_back(p.Text(1));
    }
  };
  if (records.size() > 16 * kIdsPerLookup) {
    // Most of the ledger: one pass over all participants.
    Q(p,
      "SELECT record, display FROM record_participants ORDER BY record, "
      "position, name");
    return read(*p);
  }
  std::vector<int64_t> ids;
  for (const ClaimRecord& r : records) ids.push_back(r.id);
  Lookups l(*db_);
  for (size_t at = 0; at < ids.size(); at += kIdsPerLookup) {
    HEARSAY_RETURN_IF_ERROR(l.Add(
        "SELECT record, display FROM record_participants WHERE record IN (" +
            Params(kIdsPerLookup) + ") ORDER BY record, position, name",
        [&, at](Stmt& s) { BindIds(s, ids, at); }, read));
  }
  return l.Run();
}

Result<std::vector<ClaimRecord>> SqlStore::FindClaims(const ClaimQuery& cq) {
  ReadTransaction txn(*db_);
  HEARSAY_RETURN_IF_ERROR(txn.Begin());
  std::vector<ClaimRecord> out;
  if (cq.about.empty()) {
    Q(q, std::string(kRecordColumns) + kRecordFilter + "LIMIT ?5");
    HEARSAY_RETURN_IF_ERROR(BindRecordFilter(*q, cq));
    q->Bind(5, cq.limit > 0 ? static_cast<int64_t>(cq.limit)
                            : std::numeric_limits<int64_t>::max());
    while (true) {
      HEARSAY_ASSIGN_OR_RETURN(bool row, q->Step());
      if (!row) break;
      HEARSAY_ASSIGN_OR_RETURN(ClaimRecord r, LoadRecord(*q));
      out.push_back(std::move(r));
    }
    q->Reset();
  } else {
    // Every record the filters let through is scored, streaming: its text,
    // and its participants from a second statement walked beside the first.
    AboutRanker ranker(cq.about);
    if (!ranker.useful()) return out;
    Q(q, std::string("SELECT id, text FROM records ") + kRecordFilter);
    HEARSAY_RETURN_IF_ERROR(BindRecordFilter(*q, cq));
    Q(p,
      "SELECT record, display FROM record_participants ORDER BY record, "
      "position, name");
    std::vector<int64_t> ids;
    std::vector<std::string> names;
    HEARSAY_ASSIGN_OR_RETURN(bool prow, p->Step());
    while (true) {
      HEARSAY_ASSIGN_OR_RETURN(bool row, q->Step());
      if (!row) break;
      int64_t id = q->Int(0);
      names.clear();
      while (prow && p->Int(0) <= id) {
        if (p->Int(0) == id) names.push_back(p->Text(1));
        HEARSAY_ASSIGN_OR_RETURN(prow, p->Step());
      }
      ids.push_back(id);
      ranker.Add(q->View(1), names);
    }
    q->Reset();
    p->Reset();
    std::vector<double> scores = ranker.Scores();
    std::vector<size_t> order;
    for (size_t i = 0; i < ids.size(); ++i) {
      if (scores[i] > 0) order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return scores[a] > scores[b]; });
    if (cq.limit > 0 && order.size() > cq.limit) order.resize(cq.limit);
    // The records ranked, read whole.
    std::vector<int64_t> wanted;
    for (size_t i : order) wanted.push_back(ids[i]);
    std::unordered_map<int64_t, ClaimRecord> loaded;
    Lookups l(*db_);
    for (size_t at = 0; at < wanted.size(); at += kIdsPerLookup) {
      HEARSAY_RETURN_IF_ERROR(l.Add(
          std::string(kRecordColumns) + "WHERE id IN (" +
              Params(kIdsPerLookup) + ")",
          [&, at](Stmt& s) { BindIds(s, wanted, at); },
          [&](Stmt& s) -> Status {
            while (true) {
              HEARSAY_ASSIGN_OR_RETURN(bool row, s.Step());
              if (!row) return Status::Ok();
              HEARSAY_ASSIGN_OR_RETURN(ClaimRecord r, LoadRecord(s));
              int64_t id = r.id;
              loaded[id] = std::move(r);
            }
          }));
    }
    HEARSAY_RETURN_IF_ERROR(l.Run());
    for (size_t i : order) {
      auto it = loaded.find(ids[i]);
      if (it == loaded.end()) continue;
      out.push_back(std::move(it->second));
      out.back().score = scores[i];
    }
  }
  if (cq.details) {
    for (ClaimRecord& r : out) HEARSAY_RETURN_IF_ERROR(FillDetails(r));
  } else {
    HEARSAY_RETURN_IF_ERROR(LoadParticipants(out));
  }
  return out;
}

Result<std::string> SqlStore::LatestTime() {
  Q(q, "SELECT MAX(published_at) FROM documents");
  HEARSAY_ASSIGN_OR_RETURN(bool row, q->Step());
  std::string out = row && !q->IsNull(0) ? FormatTime(q->Int(0)) : "";
  q->Reset();
  return out;
}

Result<std::vector<SourceRecord>> SqlStore::Sources(const SourceQuery& sq) {
  ReadTransaction txn(*db_);
  HEARSAY_RETURN_IF_ERROR(txn.Begin());
  int64_t as_of;
  if (!sq.as_of.empty()) {
    std::optional<int64_t> t = ParseTime(sq.as_of);
    if (!t) return InvalidArgumentError("--as-of: not a date: " + sq.as_of);
    // A date means the end of that day.
    as_of = *t + (sq.as_of.size() == 10 ? 86399 : 0);
  } else {
    Q(q, "SELECT MAX(published_at) FROM documents");
    HEARSAY_ASSIGN_OR_RETURN(bool row, q->Step());
    as_of = row && !q->IsNull(0) ? q->Int(0) : 0;
    q->Reset();
  }
  std::map<int64_t, RecordForSources> recs;
  Q(r,
    "SELECT id, origin_outlet FROM records WHERE article_count > 0 AND "
    "(first_seen_at IS NULL OR first_seen_at <= ?) ORDER BY id");
  r->Bind(1, as_of);
  HEARSAY_RETURN_IF_ERROR(ForEachRow(*r, [&](Stmt& row) {
    recs[row.Int(0)].origin_outlet = row.Text(1);
    return Status::Ok();
  }));
  // The status as of the as-of time is the last change at or before it.
  Q(h,
    "SELECT record, status, at FROM history WHERE at IS NULL OR at <= ? "
    "ORDER BY record, seq");
  h->Bind(1, as_of);
  while (true) {
    HEARSAY_ASSIGN_OR_RETURN(bool row, h->Step());
    if (!row) break;
    auto it = recs.find(h->Int(0));
    if (it == recs.end()) continue;
    HEARSAY_ASSIGN_OR_RETURN(ClaimStatus s, ParseClaimStatus(h->View(1)));
    if (s != it->second.status || s != ClaimStatus::kDenied) {
      it->second.denied_since =
          s == ClaimStatus::kDenied ? h->OptionalInt(2) : std::nullopt;
    }
    it->second.status = s;
  }
  // An outlet carried a claim when it put the claim forward (asserted,
  // hedged or confirmed it in a third party's or its own voice), not when it
  // only reported a principal's answer or a retraction. The outlets that
  // carried each record, and the sourcing they gave it.
  auto carried =
      [&](std::string_view column,
          std::vector<std::string> RecordForSources::*into) -> Status {
    const std::string sql =
        "SELECT DISTINCT s.record, " + std::string(column) +
        " FROM stances s JOIN documents d ON d.id = s.document WHERE "
        "s.active = 1 AND s.principal = 0 AND s.retraction = 0 AND s.stance "
        "IN ('assert', 'hedge', 'confirm') AND (d.published_at IS NULL OR "
        "d.published_at <= ?) ORDER BY 1, 2";
    Q(q, sql);
    q->Bind(1, as_of);
    while (true) {
      HEARSAY_ASSIGN_OR_RETURN(bool row, q->Step());
      if (!row) break;
      auto it = recs.find(q->Int(0));
      if (it != recs.end()) (it->second.*into).push_back(q->Text(1));
    }
    return Status::Ok();
  };
  HEARSAY_RETURN_IF_ERROR(
      carried("d.outlet", &RecordForSources::carrying_outlets));
  HEARSAY_RETURN_IF_ERROR(carried("s.sourcing", &RecordForSources::sourcing));
  std::vector<RecordForSources> list;
  for (auto& [id, rec] : recs) list.push_back(std::move(rec));
  return AggregateSources(list, sq.settle_days, as_of);
}

Result<std::vector<EntityRecord>> SqlStore::Entities() {
  ReadTransaction txn(*db_);
  HEARSAY_RETURN_IF_ERROR(txn.Begin());
  Q(q,
    "SELECT MIN(e.display), MIN(e.type), COUNT(DISTINCT e.document), "
    "(SELECT COUNT(DISTINCT p.record) FROM record_participants p JOIN records "
    "r "
    "ON r.id = p.record WHERE p.name = e.name AND r.article_count > 0) "
    "FROM entity_documents e JOIN documents d ON d.id = e.document "
    "WHERE d.current = 1 GROUP BY e.name ORDER BY 3 DESC, 4 DESC, e.name");
  std::vector<EntityRecord> out;
  while (true) {
    HEARSAY_ASSIGN_OR_RETURN(bool row, q->Step());
    if (!row) break;
    out.push_back({q->Text(0), q->Text(1), static_cast<int>(q->Int(2)),
                   static_cast<int>(q->Int(3))});
  }
  return out;
}

Result<IngestStats> SqlStore::Rebuild(const Reextractor& reextract) {
  if (read_only_)
    return FailedPreconditionError("the ledger is open read-only");
  HEARSAY_RETURN_IF_ERROR(LoadFamilies());
  HEARSAY_RETURN_IF_ERROR(db_->BeginWrite());
  features_.clear();
  const std::string old = std::string(db_->TempSchema()) + ".old_documents";
  Status s = db_->Exec(
      "DROP TABLE IF EXISTS " + old +
      ";"
      "CREATE TEMP TABLE old_documents AS SELECT id, extraction FROM documents;"
      "DELETE FROM documents; DELETE FROM minhashes; DELETE FROM records;"
      "DELETE FROM record_participants; DELETE FROM mentions;"
      "DELETE FROM stances; DELETE FROM history; DELETE FROM "
      "entity_documents;");
  if (s.ok()) s = StartWrite();
  IngestStats stats;
  std::set<int64_t> touched;
  // A page at a time: the stored extractions of a large ledger do not fit
  // in memory at once.
  std::vector<std::pair<int64_t, std::string>> page;
  std::vector<Extraction> docs;
  std::vector<Prepared> prepared;
  for (int64_t after = 0; s.ok();) {
    page.clear();
    auto q = db_->Query("SELECT id, extraction FROM " + old +
                        " WHERE id > ? ORDER BY id LIMIT 64");
    if (!q.ok()) {
      s = q.status();
      break;
    }
    (*q)->Bind(1, after);
    while (true) {
      Result<bool> row = (*q)->Step();
      if (!row.ok()) s = row.status();
      if (!row.ok() || !*row) break;
      page.emplace_back((*q)->Int(0), (*q)->Text(1));
    }
    (*q)->Reset();
    if (page.empty()) break;
    after = page.back().first;
    docs.clear();
    for (auto& [number, json] : page) {
      if (!s.ok()) break;
      StoredDocument stored;
      stored.number = number;
      Result<Extraction> x = ParseExtractionJson(json);
      if (!x.ok()) {
        s = x.status().WithContext("stored document " + std::to_string(number));
        break;
      }
      stored.extraction = std::move(*x);
      Result<std::optional<Extraction>> fresh = reextract(stored);
      if (!fresh.ok()) {
        s = fresh.status();
        break;
      }
      docs.push_back(fresh->has_value() ? std::move(**fresh)
                                        : std::move(stored.extraction));
    }
    if (!s.ok()) break;
    std::vector<Extraction*> ptrs;
    for (Extraction& x : docs) ptrs.push_back(&x);
    s = Prefetch(ptrs, prepared);
    for (size_t i = 0; i < docs.size() && s.ok(); ++i) {
      s = IngestOne(docs[i], prepared[i], stats, touched);
    }
  }
  if (s.ok()) s = Recompute(touched);
  if (s.ok()) s = FinishWrite();
  if (s.ok()) s = db_->Exec("DROP TABLE " + old);
  if (s.ok()) s = db_->Commit();
  if (!s.ok()) {
    db_->Rollback();
    features_.clear();
    return s;
  }
  ++writes_;
  return stats;
}

#undef Q

}  // namespace
}  // namespace ledger

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const StoreOptions& options) {
  auto db = std::make_unique<ledger::SqliteDb>();
  HEARSAY_RETURN_IF_ERROR(
      db->Open(path, options.read_only, options.busy_timeout_ms));
  if (!options.read_only) {
    // WAL: readers see the last committed batch while an ingest writes.
    // NORMAL sync: a crash may lose the last batch, never corrupt the file.
    HEARSAY_RETURN_IF_ERROR(db->Exec("PRAGMA journal_mode=WAL"));
    HEARSAY_RETURN_IF_ERROR(db->Exec("PRAGMA synchronous=NORMAL"));
    // A checkpoint copies every page a batch changed back into the file;
    // the indexes keyed by hashes (content, MinHash, URL) change pages all
    // over it. Checkpointing every 32 MB of WAL rather than 4 MB writes a
    // page changed by several batches once.
    HEARSAY_RETURN_IF_ERROR(db->Exec("PRAGMA wal_autocheckpoint=8192"));
  }
  // Linking looks records up by key and participant all over the file; the
  // default 2 MB cache makes a large ledger re-read its indexes.
  HEARSAY_RETURN_IF_ERROR(db->Exec("PRAGMA cache_size=-65536"));
  auto store = std::make_unique<ledger::SqlStore>(std::move(db), options);
  HEARSAY_RETURN_IF_ERROR(store->Migrate());
  return std::unique_ptr<Store>(std::move(store));
}

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url,
                                                 const StoreOptions& options) {
  auto db = std::make_unique<ledger::PostgresDb>();
  HEARSAY_RETURN_IF_ERROR(
      db->Open(url, options.read_only, options.busy_timeout_ms));
  auto store = std::make_unique<ledger::SqlStore>(std::move(db), options);
  HEARSAY_RETURN_IF_ERROR(store->Migrate());
  return std::unique_ptr<Store>(std::move(store));
}

Result<std::unique_ptr<Store>> OpenStore(const std::string& location,
                                         const StoreOptions& options) {
  if (ledger::IsPostgresUrl(location)) {
    return OpenPostgresStore(location, options);
  }
  return OpenSqliteStore(location, options);
}

}  // namespace hearsay
