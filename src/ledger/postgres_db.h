// The PostgreSQL side of sql_db.h, over libpq. The store's `?` and `?N`
// parameters become `$N`; each statement is prepared once per connection
// and its rows are read whole (text format), so several statements can be
// stepped through at once as with SQLite.
//
// Stmt::Send() and Stmt::Defer() put statements in libpq's pipeline: they
// go to the server as they are queued, and the next statement whose rows
// are needed ends the pipeline with a sync and reads every result in order
// (one round trip for all). An error in a deferred statement aborts the
// transaction; it is reported by that next read, or by Exec() (the store's
// COMMIT), which then rolls back.
//
// What PostgreSQL stores differs from SQLite only where PostgreSQL refuses
// the bytes: text that is not valid UTF-8 is repaired (each invalid byte
// becomes U+FFFD) and a NUL byte becomes U+FFFD.
#ifndef HEARSAY_LEDGER_POSTGRES_DB_H_
#define HEARSAY_LEDGER_POSTGRES_DB_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/status.h"
#include "ledger/sql_db.h"

// libpq's handles, declared so that this header does not need libpq-fe.h.
typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;

namespace hearsay::ledger {

// "postgresql://..." or "postgres://...": a PostgreSQL ledger.
bool IsPostgresUrl(std::string_view location);

// The location with any password in it replaced by "***", for messages.
std::string RedactUrl(std::string_view location);

// `?` and `?N` parameters as `$N`, outside quoted text; `params` gets the
// highest parameter number.
std::string PostgresParameters(std::string_view sql, int* params);

// SQLite DDL as PostgreSQL DDL: 64-bit integers, double precision reals,
// byte-order (C) collation for text so that sorting and MIN() agree with
// SQLite's, no WITHOUT ROWID.
std::string PostgresDdl(std::string_view sqlite_ddl);

class PostgresDb;

class PostgresStmt : public Stmt {
 public:
  PostgresStmt(PostgresDb* db, std::string statement, int params,
               std::string sql)
      : db_(db),
        statement_(std::move(statement)),
        params_(params),
        sql_(std::move(sql)),
        values_(params) {}
  ~PostgresStmt() override;
  PostgresStmt(const PostgresStmt&) = delete;
  PostgresStmt& operator=(const PostgresStmt&) = delete;

  Stmt& BindNull(int i) override;
  Result<bool> Step() override;
  void Reset() override;
  Status Send() override;
  Status Defer() override;
  int64_t Int(int col) const override;
  double Double(int col) const override;
  bool IsNull(int col) const override;
  std::string_view View(int col) const override;

 protected:
  Stmt& BindInt(int i, int64_t v) override;
  Stmt& BindDouble(int i, double v) override;
  Stmt& BindText(int i, std::string_view v) override;

 private:
  friend class PostgresDb;
  Status CheckBindings() const;
  // Takes a result read from the pipeline (or its error).
  void Deliver(PGresult* r, Status error);

  PostgresDb* db_;
  std::string statement_;  // prepared statement's name
  int params_;
  std::string sql_;
  std::vector<std::optional<std::string>> values_;
  bool bad_index_ = false;
  PGresult* result_ = nullptr;
  int row_ = -1;
  int rows_ = 0;
  // Sent, and its result not read yet; which send it was.
  bool pending_ = false;
  uint64_t ticket_ = 0;
  Status error_;  // the sent statement's error, for its Step
};

class PostgresDb : public Db {
 public:
  PostgresDb() = default;
  ~PostgresDb() override;
  PostgresDb(const PostgresDb&) = delete;
  PostgresDb& operator=(const PostgresDb&) = delete;

  Status Open(const std::string& url, bool read_only, int busy_timeout_ms);

  Dialect dialect() const override { return Dialect::kPostgres; }
  const std::string& name() const override { return name_; }
  // Reads what the pipeline owes first; when a queued statement failed, the
  // transaction is rolled back and its error returned instead.
  Status Exec(std::string_view sql) override;
  using Db::Query;
  Result<Stmt*> Query(const std::string& sql, int slot) override;
  bool pipelined() const override;
  Status BeginWrite() override;
  Status BeginRead() override;
  Result<std::vector<std::string>> Tables() override;
  std::string_view TempSchema() const override { return "pg_temp"; }

  // Round trips to the server so far (statements executed one at a time,
  // and pipeline syncs), for benchmarks.
  uint64_t round_trips() const { return round_trips_; }

 private:
  friend class PostgresStmt;
  struct Queued {
    PostgresStmt* stmt;  // null: the result does not matter
    uint64_t ticket;
    std::string sql;  // for messages
  };
  // Puts the statement with its current bindings in the pipeline (entering
  // pipeline mode first); `keep`: its rows will be read.
  Status Enqueue(PostgresStmt& stmt, bool keep);
  // Reads the results of everything queued, handing each to its statement;
  // the first error of the queue, if any.
  Status Drain();
  // Drains and leaves pipeline mode, so that synchronous calls work.
  Status LeavePipeline();

  PGconn* conn_ = nullptr;
  std::string name_;
  bool read_only_ = false;
  std::map<std::string, std::unique_ptr<PostgresStmt>> cache_;
  bool pipeline_ = false;
  std::vector<Queued> queue_;
  uint64_t next_ticket_ = 0;
  int next_statement_ = 0;
  uint64_t round_trips_ = 0;
};

// The Status for a failed libpq call or result; `result` may be null.
Status PostgresError(PGconn* conn, const PGresult* result,
                     std::string_view where);

}  // namespace hearsay::ledger

#endif  // HEARSAY_LEDGER_POSTGRES_DB_H_
