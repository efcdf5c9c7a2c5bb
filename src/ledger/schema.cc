#include "ledger/schema.h"

#include "hearsay/ledger.h"

namespace hearsay::ledger {

const std::string_view kMigrations[] = {
    // 0 -> 1: the first ledger.
    R"sql(
CREATE TABLE IF NOT EXISTS meta(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE documents(
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL,
  content_hash INTEGER NOT NULL UNIQUE,
  url TEXT NOT NULL,
  outlet TEXT NOT NULL,
  published TEXT NOT NULL,
  published_at INTEGER,
  title TEXT NOT NULL,
  version INTEGER NOT NULL,
  current INTEGER NOT NULL,
  simhash INTEGER NOT NULL,
  syndication_group INTEGER NOT NULL,
  models TEXT NOT NULL,
  lexicons TEXT NOT NULL,
  extraction TEXT NOT NULL);
CREATE INDEX documents_by_url ON documents(url, version);
CREATE TABLE simhash_bands(
  band INTEGER NOT NULL,
  document INTEGER NOT NULL,
  PRIMARY KEY(band, document)) WITHOUT ROWID;
CREATE TABLE records(
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  predicate TEXT NOT NULL,
  family TEXT NOT NULL,
  text TEXT NOT NULL,
  location TEXT NOT NULL,
  claim_time INTEGER,
  status TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  first_seen_at INTEGER,
  origin_outlet TEXT NOT NULL,
  article_count INTEGER NOT NULL,
  independent_sources INTEGER NOT NULL);
CREATE INDEX records_by_key ON records(key);
CREATE TABLE record_participants(
  record INTEGER NOT NULL,
  name TEXT NOT NULL,
  display TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY(record, name)) WITHOUT ROWID;
CREATE INDEX participants_by_name ON record_participants(name, record);
CREATE TABLE mentions(
  id INTEGER PRIMARY KEY,
  record INTEGER NOT NULL,
  document INTEGER NOT NULL,
  claim INTEGER NOT NULL,
  active INTEGER NOT NULL,
  text TEXT NOT NULL,
  link_confidence REAL NOT NULL);
CREATE INDEX mentions_by_record ON mentions(record);
CREATE INDEX mentions_by_document ON mentions(document);
CREATE TABLE stances(
  id INTEGER PRIMARY KEY,
  record INTEGER NOT NULL,
  mention INTEGER NOT NULL,
  document INTEGER NOT NULL,
  statement INTEGER NOT NULL,
  active INTEGER NOT NULL,
  speaker TEXT NOT NULL,
  sourcing TEXT NOT NULL,
  via TEXT NOT NULL,
  kind TEXT NOT NULL,
  cue TEXT NOT NULL,
  stance TEXT NOT NULL,
  strength TEXT NOT NULL,
  principal INTEGER NOT NULL,
  party TEXT NOT NULL,
  retraction INTEGER NOT NULL,
  effect TEXT NOT NULL,
  quote TEXT NOT NULL,
  confidence REAL NOT NULL);
CREATE INDEX stances_by_record ON stances(record);
CREATE INDEX stances_by_document ON stances(document);
CREATE TABLE history(
  record INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  status TEXT NOT NULL,
  time TEXT NOT NULL,
  at INTEGER,
  stance INTEGER NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY(record, seq)) WITHOUT ROWID;
CREATE TABLE entity_documents(
  name TEXT NOT NULL,
  document INTEGER NOT NULL,
  display TEXT NOT NULL,
  type TEXT NOT NULL,
  PRIMARY KEY(name, document)) WITHOUT ROWID;
)sql",
    // 1 -> 2: each link keeps its reasons (the scores), not only its
    // confidence.
    R"sql(
ALTER TABLE mentions ADD COLUMN link_reasons TEXT NOT NULL DEFAULT '{}';
)sql",
    // 2 -> 3: syndication by shingle MinHash (src/ledger/simhash.h) instead
    // of SimHash bands; the store fills the index for stored documents.
    R"sql(
DROP TABLE simhash_bands;
CREATE TABLE minhashes(
  value INTEGER NOT NULL,
  document INTEGER NOT NULL,
  PRIMARY KEY(value, document)) WITHOUT ROWID;
)sql",
    // 3 -> 4: when a statement was made, as its article tells it, for
    // statements an article retells ("On April 7, Oduya told investors").
    // Rows stored before keep '' and 0 until `hearsay reextract --all`.
    R"sql(
ALTER TABLE stances ADD COLUMN said_on TEXT NOT NULL DEFAULT '';
ALTER TABLE stances ADD COLUMN retold INTEGER NOT NULL DEFAULT 0;
)sql",
};

const int kMigrationCount =
    static_cast<int>(sizeof(kMigrations) / sizeof(kMigrations[0]));

static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) ==
                  kLedgerSchemaVersion,
              "one migration per schema version");

}  // namespace hearsay::ledger
