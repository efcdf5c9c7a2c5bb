// The ledger Store over SQL: one implementation for SQLite and PostgreSQL
// (sql_db.h), so both backends give the same ledger from the same documents
// (docs/ledger-schema.md).
//
// Documents and their extractions are the facts; records, mentions, stances
// and history are derived from them in ingestion order, inside the batch's
// transaction, so a batch is all or nothing and a killed ingest leaves the
// ledger as it was after its last committed batch.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
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

// Steps to the end; the number of rows.
Result<int64_t> CountRows(Stmt& s) {
  int64_t n = 0;
  while (true) {
    HEARSAY_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return n;
    ++n;
  }
}

// The id an `INSERT ... RETURNING id` gave its row.
Result<int64_t> InsertedId(Stmt& s) {
  HEARSAY_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return InternalError("an insert returned no id");
  int64_t id = s.Int(0);
  HEARSAY_RETURN_IF_ERROR(s.Run());
  return id;
}

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
          add(p.display);
          found = true;
        }
      }
    }
    if (found) continue;
    for (const std::string& role : e.roles) {
      std::string r = NormalizeName(role);
      for (const PartyNames& p : parties) {
        for (const std::string& n : p.names) {
          if (ContainsWord(r, n)) add(p.display);
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

std::string Quote(const Extraction& x, const Statement& s) {
  const std::string& text = x.document.text;
  if (!text.empty() && s.content.end <= text.size() &&
      s.content.begin < s.content.end) {
    return std::string(s.content.Slice(text));
  }
  return s.content_text;
}

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
  // The number of the last stored document, 0 when none.
  Result<int64_t> LastDocument();
  Status IngestOne(Extraction& x, IngestStats& stats,
                   std::set<int64_t>& touched);
  Result<int64_t> Syndicate(int64_t doc, uint64_t simhash,
                            const std::string& url);
  Status Deactivate(int64_t doc, std::set<int64_t>& touched);
  Result<std::pair<int64_t, LinkScore>> Link(
      const Extraction& x, const Claim& c, const LinkFeatures& f,
      const std::vector<PartyNames>& parties, IngestStats& stats);
  // Points into features_; valid until the next call.
  Result<const LinkFeatures*> RecordFeatures(int64_t record);
  Status Recompute(int64_t record);
  Result<std::vector<LedgerStatement>> LoadStatements(
      int64_t record, bool active_only, std::vector<int64_t>* row_ids,
      std::vector<Effect>* effects);
  Status FillDetails(ClaimRecord& r);
  Result<ClaimRecord> LoadRecord(Stmt& q);

  std::unique_ptr<Db> db_;
  bool read_only_ = false;
  std::string lexicon_dir_;
  // Predicate class -> family, loaded at the first write.
  std::optional<PredicateFamilies> families_;
  // Documents in the ledger when its statistics were last refreshed; -1
  // before the first batch.
  int64_t analyzed_documents_ = -1;
  // Feature cache for records touched in this process: linking compares a
  // claim with the same few records again and again.
  std::map<int64_t, LinkFeatures> features_;
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

Result<IngestStats> SqlStore::Ingest(std::vector<Extraction> batch) {
  if (read_only_)
    return FailedPreconditionError("the ledger is open read-only");
  HEARSAY_RETURN_IF_ERROR(LoadFamilies());
  if (analyzed_documents_ < 0) {
    HEARSAY_ASSIGN_OR_RETURN(analyzed_documents_, LastDocument());
  }
  IngestStats stats;
  HEARSAY_RETURN_IF_ERROR(db_->BeginWrite());
  std::set<int64_t> touched;
  Status s;
  for (Extraction& x : batch) {
    s = IngestOne(x, stats, touched);
    if (!s.ok()) {
      s = s.WithContext("document " + x.document.id);
      break;
    }
  }
  // Statuses are replayed once per batch, per record: a record touched by
  // many documents of the batch is replayed once.
  for (int64_t r : touched) {
    if (!s.ok()) break;
    s = Recompute(r);
  }
  if (!s.ok()) {
    db_->Rollback();
    features_.clear();
    return s;
  }
  s = db_->Commit();
  if (!s.ok()) {
    features_.clear();
    return s;
  }
  if (db_->dialect() == Dialect::kPostgres) {
    // PostgreSQL keeps the plans of prepared statements, made from table
    // statistics: plans made when the ledger was small scan whole tables
    // once it is large (syndication candidates took milliseconds a
    // document). Fresh statistics each time the ledger doubles re-plan them;
    // autovacuum alone comes too late within one long ingest.
    HEARSAY_ASSIGN_OR_RETURN(int64_t documents, LastDocument());
    if (documents > 2 * analyzed_documents_ + 100) {
      db_->Exec("ANALYZE").IgnoreError();  // only speed depends on it
      analyzed_documents_ = documents;
    }
  }
  return stats;
}

Result<int64_t> SqlStore::LastDocument() {
  Q(q, "SELECT COALESCE(MAX(id), 0) FROM documents");
  HEARSAY_ASSIGN_OR_RETURN(bool row, q->Step());
  int64_t n = row ? q->Int(0) : 0;
  q->Reset();
  return n;
}

Status SqlStore::Deactivate(int64_t doc, std::set<int64_t>& touched) {
  Q(recs, "SELECT DISTINCT record FROM mentions WHERE document = ?");
  recs->Bind(1, doc);
  while (true) {
    HEARSAY_ASSIGN_OR_RETURN(bool row, recs->Step());
    if (!row) break;
    touched.insert(recs->Int(0));
  }
  Q(m, "UPDATE mentions SET active = 0 WHERE document = ?");
  HEARSAY_RETURN_IF_ERROR(m->Bind(1, doc).Run());
  Q(st, "UPDATE stances SET active = 0 WHERE document = ?");
  HEARSAY_RETURN_IF_ERROR(st->Bind(1, doc).Run());
  Q(d, "UPDATE documents SET current = 0 WHERE id = ?");
  return d->Bind(1, doc).Run();
}

Result<int64_t> SqlStore::Syndicate(int64_t doc, uint64_t simhash,
                                    const std::string& url) {
  if (simhash == 0) return doc;
  auto bands = SimHashBands(simhash);
  Q(cand,
    "SELECT DISTINCT b.document, d.simhash, d.url, d.syndication_group "
    "FROM simhash_bands b JOIN documents d ON d.id = b.document "
    "WHERE b.band IN (?, ?, ?, ?) AND d.current = 1 ORDER BY b.document "
    // Bounded: a band shared by very many documents (boilerplate) must
    // not make each insert scan them all.
    "LIMIT 256");
  for (int i = 0; i < kSimHashBands; ++i) cand->Bind(i + 1, bands[i]);
  int64_t group = doc;
  while (true) {
    HEARSAY_ASSIGN_OR_RETURN(bool row, cand->Step());
    if (!row) break;
    uint64_t other = static_cast<uint64_t>(cand->Int(1));
    if (!url.empty() && cand->View(2) == url)
      continue;  // a version, not a copy
    if (HammingDistance(other, simhash) <= kSyndicationDistance) {
      group = cand->Int(3);
      break;
    }
  }
  cand->Reset();
  Q(ins,
    "INSERT INTO simhash_bands(band, document) VALUES(?, ?) "
    "ON CONFLICT DO NOTHING");
  for (int64_t b : bands) {
    HEARSAY_RETURN_IF_ERROR(ins->Bind(1, b).Bind(2, doc).Run());
    ins->Reset();
  }
  return group;
}

Result<const LinkFeatures*> SqlStore::RecordFeatures(int64_t record) {
  auto it = features_.find(record);
  if (it != features_.end()) return &it->second;
  LinkFeatures f;
  Q(q,
    "SELECT key, family, location, claim_time, text FROM records WHERE id = ?");
  q->Bind(1, record);
  HEARSAY_ASSIGN_OR_RETURN(bool row, q->Step());
  if (!row)
    return InternalError("record " + std::to_string(record) + " vanished");
  f.key = q->Text(0);
  f.family = q->Text(1);
  f.location = NormalizeName(q->View(2));
  f.time = q->OptionalInt(3);
  f.words = ContentWords(q->View(4));
  q->Reset();
  Q(p, "SELECT name FROM record_participants WHERE record = ? ORDER BY name");
  p->Bind(1, record);
  while (true) {
    HEARSAY_ASSIGN_OR_RETURN(bool prow, p->Step());
    if (!prow) break;
    f.participants.push_back(p->Text(0));
  }
  if (features_.size() > 100000) features_.clear();
  LinkFeatures& stored = features_[record];
  stored = std::move(f);
  return &stored;
}

Result<std::pair<int64_t, LinkScore>> SqlStore::Link(
    const Extraction& x, const Claim& c, const LinkFeatures& f,
    const std::vector<PartyNames>& parties, IngestStats& stats) {
  // Candidates: records with the same key, and the latest records sharing a
  // participant; in ascending id order so ties go to the oldest.
  std::set<int64_t> candidates;
  if (!f.key.empty()) {
    Q(k, "SELECT id FROM records WHERE key = ? ORDER BY id LIMIT 64");
    k->Bind(1, f.key);
    while (true) {
      HEARSAY_ASSIGN_OR_RETURN(bool row, k->Step());
      if (!row) break;
      candidates.insert(k->Int(0));
    }
  }
  Q(p,
    "SELECT record FROM record_participants WHERE name = ? "
    "ORDER BY record DESC LIMIT 64");
  for (const std::string& name : f.participants) {
    p->Reset();
    p->Bind(1, name);
    while (true) {
      HEARSAY_ASSIGN_OR_RETURN(bool row, p->Step());
      if (!row) break;
      candidates.insert(p->Int(0));
    }
  }
  int64_t best = 0;
  LinkScore best_score;
  for (int64_t id : candidates) {
    HEARSAY_ASSIGN_OR_RETURN(const LinkFeatures* rf, RecordFeatures(id));
    LinkScore s = ScoreLink(f, *rf, /*explain=*/false);
    if (s.link && s.score > best_score.score) {
      best = id;
      best_score = s;
    }
  }
  if (best != 0) {
    HEARSAY_ASSIGN_OR_RETURN(const LinkFeatures* rf, RecordFeatures(best));
    return std::make_pair(best, ScoreLink(f, *rf, /*explain=*/true));
  }

  // Ids are the next number, as SQLite would choose them, rather than a
  // PostgreSQL sequence's: a sequence skips the numbers of a rolled-back
  // batch, and ids are part of what an interrupted ingest must reproduce.
  Q(ins,
    "INSERT INTO records(id, key, predicate, family, text, location, "
    "claim_time, status, first_seen, first_seen_at, origin_outlet, "
    "article_count, independent_sources) VALUES((SELECT COALESCE(MAX(id), 0) "
    "+ 1 FROM records), ?, ?, ?, ?, ?, ?, 'reported', '', NULL, '', 0, 0) "
    "RETURNING id");
  ins->Bind(1, c.key)
      .Bind(2, c.predicate)
      .Bind(3, f.family)
      .Bind(4, c.text)
      .Bind(5, c.location)
      .Bind(6, f.time);
  HEARSAY_ASSIGN_OR_RETURN(int64_t id, InsertedId(*ins));
  ++stats.records;
  LinkScore fresh;
  fresh.score = 1;
  fresh.link = true;
  fresh.reasons = "{\"new\":1}";
  return std::make_pair(id, fresh);
}

Status SqlStore::IngestOne(Extraction& x, IngestStats& stats,
                           std::set<int64_t>& touched) {
  Document& d = x.document;
  // A duplicate is recognised before anything is serialised: re-running an
  // interrupted ingest mostly meets documents already stored.
  if (!d.text.empty()) {
    HEARSAY_ASSIGN_OR_RETURN(bool seen, Contains(Hash64(d.text)));
    if (seen) {
      ++stats.duplicates;
      return Status::Ok();
    }
  }
  std::string json;
  WriteExtractionJson(x, json);
  if (!json.empty() && json.back() == '\n') json.pop_back();
  // A record without text is identified by its content.
  uint64_t hash = !d.text.empty() ? Hash64(d.text) : Hash64(json, 1);
  if (d.text.empty()) {
    HEARSAY_ASSIGN_OR_RETURN(bool seen, Contains(hash));
    if (seen) {
      ++stats.duplicates;
      return Status::Ok();
    }
  }
  std::optional<int64_t> published_at = ParseTime(d.published);

  // A new text at a stored URL is a new version of that document.
  int version = 1;
  bool current = true;
  if (!d.url.empty()) {
    Q(prev,
      "SELECT id, version, published_at, current FROM documents WHERE url = ? "
      "ORDER BY version DESC LIMIT 1");
    prev->Bind(1, d.url);
    HEARSAY_ASSIGN_OR_RETURN(bool row, prev->Step());
    if (row) {
      int64_t prev_id = prev->Int(0);
      version = static_cast<int>(prev->Int(1)) + 1;
      std::optional<int64_t> prev_at = prev->OptionalInt(2);
      bool prev_current = prev->Int(3) != 0;
      prev->Reset();
      // An older text found later is history, not a correction.
      current = !(published_at && prev_at && *published_at < *prev_at);
      if (current && prev_current) {
        HEARSAY_RETURN_IF_ERROR(Deactivate(prev_id, touched));
      }
      ++stats.new_versions;
    }
  }
  uint64_t simhash = SimHash(d.text.size() > d.body_begin
                                 ? std::string_view(d.text).substr(d.body_begin)
                                 : std::string_view(d.text));
  Q(ins,
    "INSERT INTO documents(id, doc_id, content_hash, url, outlet, published, "
    "published_at, title, version, current, simhash, syndication_group, "
    "models, lexicons, extraction) "
    "VALUES((SELECT COALESCE(MAX(id), 0) + 1 FROM documents), "
    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?) RETURNING id");
  ins->Bind(1, d.id)
      .Bind(2, static_cast<int64_t>(hash))
      .Bind(3, d.url)
      .Bind(4, d.outlet)
      .Bind(5, d.published)
      .Bind(6, published_at)
      .Bind(7, d.title)
      .Bind(8, version)
      .Bind(9, current ? 1 : 0)
      .Bind(10, static_cast<int64_t>(simhash))
      .Bind(11, x.models_version)
      .Bind(12, x.lexicons_version)
      .Bind(13, json);
  HEARSAY_ASSIGN_OR_RETURN(int64_t doc, InsertedId(*ins));
  ++stats.documents;
  int64_t group = doc;
  if (current) {
    HEARSAY_ASSIGN_OR_RETURN(group, Syndicate(doc, simhash, d.url));
  }
  Q(upd, "UPDATE documents SET syndication_group = ? WHERE id = ?");
  HEARSAY_RETURN_IF_ERROR(upd->Bind(1, group).Bind(2, doc).Run());
  if (!current) return Status::Ok();

  Q(ent,
    "INSERT INTO entity_documents(name, document, display, type) "
    "VALUES(?, ?, ?, ?) ON CONFLICT DO NOTHING");
  for (const Entity& e : x.entities) {
    if (e.name.empty()) continue;
    ent->Reset();
    HEARSAY_RETURN_IF_ERROR(ent->Bind(1, NormalizeName(e.name))
                                .Bind(2, doc)
                                .Bind(3, e.name)
                                .Bind(4, EntityTypeName(e.type))
                                .Run());
  }

  for (size_t k = 0; k < x.claims.size(); ++k) {
    const Claim& c = x.claims[k];
    std::vector<PartyNames> parties = Parties(x, c);
    LinkFeatures f;
    f.key = c.key;
    f.family = families_->Of(c.predicate);
    f.location = NormalizeName(c.location);
    f.time = ParseTime(c.time);
    if (!f.time) f.time = published_at;
    for (const PartyNames& p : parties) f.participants.push_back(p.names[0]);
    std::sort(f.participants.begin(), f.participants.end());
    f.participants.erase(
        std::unique(f.participants.begin(), f.participants.end()),
        f.participants.end());
    f.words = ContentWords(c.text);
    HEARSAY_ASSIGN_OR_RETURN(auto link, Link(x, c, f, parties, stats));
    int64_t record = link.first;
    touched.insert(record);
    features_.erase(record);
    ++stats.claims;

    Q(part, "SELECT COUNT(*) FROM record_participants WHERE record = ?");
    part->Bind(1, record);
    HEARSAY_ASSIGN_OR_RETURN(bool prow, part->Step());
    int64_t position = prow ? part->Int(0) : 0;
    part->Reset();
    Q(addp,
      "INSERT INTO record_participants(record, name, display, position) "
      "VALUES(?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING 1");
    for (const PartyNames& p : parties) {
      addp->Reset();
      addp->Bind(1, record)
          .Bind(2, p.names[0])
          .Bind(3, p.display)
          .Bind(4, position);
      HEARSAY_ASSIGN_OR_RETURN(int64_t added, CountRows(*addp));
      position += added;
    }

    Q(men,
      "INSERT INTO mentions(id, record, document, claim, active, text, "
      "link_confidence, link_reasons) VALUES((SELECT COALESCE(MAX(id), 0) + 1 "
      "FROM mentions), ?, ?, ?, 1, ?, ?, ?) RETURNING id");
    men->Bind(1, record)
        .Bind(2, doc)
        .Bind(3, static_cast<int64_t>(k))
        .Bind(4, c.text)
        .Bind(5, link.second.score)
        .Bind(6, link.second.reasons);
    HEARSAY_ASSIGN_OR_RETURN(int64_t mention, InsertedId(*men));

    Q(st,
      "INSERT INTO stances(id, record, mention, document, statement, active, "
      "speaker, sourcing, via, kind, cue, stance, strength, principal, party, "
      "retraction, effect, quote, confidence) "
      "VALUES((SELECT COALESCE(MAX(id), 0) + 1 FROM stances), "
      "?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto insert = [&](int64_t statement, const std::string& speaker,
                      const std::string& sourcing, const std::string& via,
                      std::string_view kind, const std::string& cue,
                      std::string_view stance, std::string_view strength,
                      bool principal, const std::string& party, bool retraction,
                      Effect effect, const std::string& quote,
                      double confidence) -> Status {
      st->Reset();
      st->Bind(1, record)
          .Bind(2, mention)
          .Bind(3, doc)
          .Bind(4, statement)
          .Bind(5, speaker)
          .Bind(6, sourcing)
          .Bind(7, via)
          .Bind(8, kind)
          .Bind(9, cue)
          .Bind(10, stance)
          .Bind(11, strength)
          .Bind(12, principal ? 1 : 0)
          .Bind(13, party)
          .Bind(14, retraction ? 1 : 0)
          .Bind(15, EffectName(effect))
          .Bind(16, quote)
          .Bind(17, confidence);
      return st->Run();
    };
    bool any = false;
    for (size_t si = 0; si < x.statements.size(); ++si) {
      const Statement& s = x.statements[si];
      for (const Stance& stance : s.stances) {
        if (stance.claim != static_cast<int>(k)) continue;
        any = true;
        std::vector<std::string> speaks_for = SpeakerParties(x, s, parties);
        std::string speaker = SpeakerName(x, s);
        if (speaks_for.empty() && stance.principal) {
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
          HEARSAY_RETURN_IF_ERROR(
              insert(static_cast<int64_t>(si), speaker, Sourcing(x, s),
                     ViaChain(x, s), StatementKindName(s.kind), s.cue_text,
                     StanceValueName(stance.value),
                     StrengthName(stance.strength), principal, party,
                     retraction, effect, Quote(x, s), stance.confidence));
        }
      }
    }
    if (!any) {
      // A claim no statement bears on is the outlet's own assertion.
      HEARSAY_RETURN_IF_ERROR(insert(-1, "", "unattributed", "", "reporter", "",
                                     "assert", "", false, "", false,
                                     Effect::kNone, c.text, c.confidence));
    }
  }
  return Status::Ok();
}

constexpr char kStatementColumns[] =
    "SELECT s.id, d.id, d.doc_id, d.outlet, d.url, d.published, d.version, "
    "s.active, s.speaker, s.sourcing, s.via, s.kind, s.cue, s.stance, "
    "s.strength, s.principal, s.party, s.retraction, s.quote, s.confidence, "
    "s.effect FROM stances s JOIN documents d ON d.id = s.document "
    "WHERE s.record = ? ";

Result<std::vector<LedgerStatement>> SqlStore::LoadStatements(
    int64_t record, bool active_only, std::vector<int64_t>* row_ids,
    std::vector<Effect>* effects) {
  // Time order: published time (undated documents after dated ones), then
  // ingestion order, then position in the document.
  std::string sql = std::string(kStatementColumns) +
                    (active_only ? "AND s.active = 1 " : "") +
                    "ORDER BY d.published_at IS NULL, d.published_at, d.id, "
                    "s.statement, s.id";
  Q(q, sql);
  q->Bind(1, record);
  std::vector<LedgerStatement> out;
  while (true) {
    HEARSAY_ASSIGN_OR_RETURN(bool row, q->Step());
    if (!row) break;
    LedgerStatement s;
    if (row_ids) row_ids->push_back(q->Int(0));
    s.document = q->Int(1);
    s.document_id = q->Text(2);
    s.outlet = q->Text(3);
    s.url = q->Text(4);
    s.published = q->Text(5);
    s.version = static_cast<int>(q->Int(6));
    s.active = q->Int(7) != 0;
    s.speaker = q->Text(8);
    s.sourcing = q->Text(9);
    s.via = q->Text(10);
    s.kind = q->Text(11);
    s.cue = q->Text(12);
    s.stance = q->Text(13);
    s.strength = q->Text(14);
    s.principal = q->Int(15) != 0;
    s.party = q->Text(16);
    s.retraction = q->Int(17) != 0;
    s.quote = q->Text(18);
    s.confidence = q->Double(19);
    if (effects) effects->push_back(ParseEffect(q->View(20)));
    out.push_back(std::move(s));
  }
  return out;
}

Status SqlStore::Recompute(int64_t record) {
  std::vector<int64_t> rows;
  std::vector<Effect> effects;
  HEARSAY_ASSIGN_OR_RETURN(std::vector<LedgerStatement> st,
                           LoadStatements(record, true, &rows, &effects));
  Q(del, "DELETE FROM history WHERE record = ?");
  HEARSAY_RETURN_IF_ERROR(del->Bind(1, record).Run());
  Replay r = ReplayStatus(st, effects);
  Q(counts,
    "SELECT COUNT(DISTINCT m.document), COUNT(DISTINCT g.outlet) "
    "FROM mentions m JOIN documents d ON d.id = m.document "
    "JOIN documents g ON g.id = d.syndication_group "
    "WHERE m.record = ? AND m.active = 1");
  counts->Bind(1, record);
  HEARSAY_ASSIGN_OR_RETURN(bool row, counts->Step());
  int64_t articles = row ? counts->Int(0) : 0;
  int64_t independent = row ? counts->Int(1) : 0;
  counts->Reset();
  std::string first_seen, origin;
  std::optional<int64_t> first_seen_at;
  if (!st.empty()) {
    first_seen = st[0].published;
    first_seen_at = ParseTime(first_seen);
    origin = st[r.first_report].outlet;
  }
  Q(upd,
    "UPDATE records SET status = ?, first_seen = ?, first_seen_at = ?, "
    "origin_outlet = ?, article_count = ?, independent_sources = ? "
    "WHERE id = ?");
  HEARSAY_RETURN_IF_ERROR(upd->Bind(1, ClaimStatusName(r.status))
                              .Bind(2, first_seen)
                              .Bind(3, first_seen_at)
                              .Bind(4, origin)
                              .Bind(5, articles)
                              .Bind(6, independent)
                              .Bind(7, record)
                              .Run());
  Q(ins,
    "INSERT INTO history(record, seq, status, time, at, stance, reason) "
    "VALUES(?, ?, ?, ?, ?, ?, ?)");
  for (size_t i = 0; i < r.history.size(); ++i) {
    const StatusChange& h = r.history[i];
    ins->Reset();
    ins->Bind(1, record)
        .Bind(2, static_cast<int64_t>(i))
        .Bind(3, ClaimStatusName(h.status))
        .Bind(4, h.time)
        .Bind(5, ParseTime(h.time))
        .Bind(6, rows[h.evidence])
        .Bind(7, h.reason);
    HEARSAY_RETURN_IF_ERROR(ins->Run());
  }
  return Status::Ok();
}

constexpr char kRecordColumns[] =
    "SELECT id, key, predicate, text, location, status, first_seen, "
    "article_count, independent_sources, first_seen_at FROM records ";

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

Result<std::vector<ClaimRecord>> SqlStore::FindClaims(const ClaimQuery& cq) {
  ReadTransaction txn(*db_);
  HEARSAY_RETURN_IF_ERROR(txn.Begin());
  std::string sql =
      std::string(kRecordColumns) +
      "WHERE article_count > 0 AND (?1 = '' OR status = ?1) "
      "AND (?2 = '' OR EXISTS (SELECT 1 FROM record_participants p "
      "WHERE p.record = records.id AND p.name LIKE ?2)) "
      "AND (?3 = '' OR EXISTS (SELECT 1 FROM mentions m JOIN "
      "documents d ON d.id = m.document WHERE m.record = records.id "
      "AND m.active = 1 AND lower(d.outlet) LIKE lower(?3))) "
      "AND (CAST(?4 AS BIGINT) IS NULL OR first_seen_at >= ?4) ORDER BY id";
  Q(q, sql);
  q->Bind(1, cq.status);
  q->Bind(2, cq.entity.empty() ? std::string()
                               : "%" + NormalizeName(cq.entity) + "%");
  q->Bind(3, cq.outlet.empty() ? std::string() : "%" + cq.outlet + "%");
  std::optional<int64_t> since;
  if (!cq.since.empty()) {
    since = ParseTime(cq.since);
    if (!since) return InvalidArgumentError("--since: not a date: " + cq.since);
  }
  q->Bind(4, since);
  std::vector<ClaimRecord> out;
  while (true) {
    HEARSAY_ASSIGN_OR_RETURN(bool row, q->Step());
    if (!row) break;
    HEARSAY_ASSIGN_OR_RETURN(ClaimRecord r, LoadRecord(*q));
    out.push_back(std::move(r));
  }
  bool need_participants = !cq.about.empty();
  if (need_participants) {
    Q(p,
      "SELECT record, display FROM record_participants ORDER BY record, "
      "position, name");
    std::map<int64_t, std::vector<std::string>> names;
    while (true) {
      HEARSAY_ASSIGN_OR_RETURN(bool row, p->Step());
      if (!row) break;
      names[p->Int(0)].push_back(p->Text(1));
    }
    std::vector<AboutDoc> docs;
    for (ClaimRecord& r : out) {
      r.participants = names[r.id];
      docs.push_back({r.text, r.participants});
    }
    std::vector<double> scores = RankAbout(cq.about, docs);
    for (size_t i = 0; i < out.size(); ++i) out[i].score = scores[i];
    std::stable_sort(out.begin(), out.end(),
                     [](const ClaimRecord& a, const ClaimRecord& b) {
                       return a.score > b.score;
                     });
    while (!out.empty() && out.back().score <= 0) out.pop_back();
  }
  if (cq.limit > 0 && out.size() > cq.limit) out.resize(cq.limit);
  for (ClaimRecord& r : out) {
    if (cq.details || !need_participants) {
      r.participants.clear();
      HEARSAY_RETURN_IF_ERROR(FillDetails(r));
      if (!cq.details) {
        r.statements.clear();
        r.history.clear();
        r.links.clear();
      }
    }
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
  while (true) {
    HEARSAY_ASSIGN_OR_RETURN(bool row, r->Step());
    if (!row) break;
    recs[r->Int(0)].origin_outlet = r->Text(1);
  }
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
  // only reported a principal's answer or a retraction.
  Q(o,
    "SELECT DISTINCT s.record, d.outlet FROM stances s JOIN documents d "
    "ON d.id = s.document WHERE s.active = 1 AND s.principal = 0 AND "
    "s.retraction = 0 AND s.stance IN ('assert', 'hedge', 'confirm') AND "
    "(d.published_at IS NULL OR d.published_at <= ?) ORDER BY 1, 2");
  o->Bind(1, as_of);
  while (true) {
    HEARSAY_ASSIGN_OR_RETURN(bool row, o->Step());
    if (!row) break;
    auto it = recs.find(o->Int(0));
    if (it != recs.end()) it->second.carrying_outlets.push_back(o->Text(1));
  }
  Q(s,
    "SELECT DISTINCT s.record, s.sourcing FROM stances s JOIN documents d "
    "ON d.id = s.document WHERE s.active = 1 AND s.principal = 0 AND "
    "s.retraction = 0 AND s.stance IN ('assert', 'hedge', 'confirm') AND "
    "(d.published_at IS NULL OR d.published_at <= ?) ORDER BY 1, 2");
  s->Bind(1, as_of);
  while (true) {
    HEARSAY_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    auto it = recs.find(s->Int(0));
    if (it != recs.end()) it->second.sourcing.push_back(s->Text(1));
  }
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
      "DELETE FROM documents; DELETE FROM simhash_bands; DELETE FROM records;"
      "DELETE FROM record_participants; DELETE FROM mentions;"
      "DELETE FROM stances; DELETE FROM history; DELETE FROM "
      "entity_documents;");
  IngestStats stats;
  std::set<int64_t> touched;
  // A page at a time: the stored extractions of a large ledger do not fit
  // in memory at once.
  std::vector<std::pair<int64_t, std::string>> page;
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
      Extraction use = fresh->has_value() ? std::move(**fresh)
                                          : std::move(stored.extraction);
      s = IngestOne(use, stats, touched);
    }
  }
  for (int64_t r : touched) {
    if (!s.ok()) break;
    s = Recompute(r);
  }
  if (s.ok()) s = db_->Exec("DROP TABLE " + old);
  if (s.ok()) s = db_->Commit();
  if (!s.ok()) {
    db_->Rollback();
    features_.clear();
    return s;
  }
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
