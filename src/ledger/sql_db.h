// What the ledger store needs of a SQL database, so that one store serves
// SQLite and PostgreSQL (sqlite_db.h, postgres_db.h). The SQL the store
// writes is the subset both understand, with `?` and `?N` parameters; the
// few places where they differ ask Db::dialect(). Every value reaches SQL as
// a bound parameter, never spliced into the text.
//
//   std::unique_ptr<Db> db = ...;
//   HEARSAY_ASSIGN_OR_RETURN(Stmt* q, db->Query("SELECT id FROM records "
//                                               "WHERE key = ?"));
//   q->Bind(1, key);
//   while (true) { HEARSAY_ASSIGN_OR_RETURN(bool row, q->Step());
//                  if (!row) break; ... q->Int(0) ... }
//
// A Db and its Stmts belong to one thread at a time. A Stmt returned by
// Query() stays valid until the Db is destroyed; it is reset on each Query()
// of the same text. Several Stmts may be stepped through at once.
//
// Round trips: with PostgreSQL every Step() that needs rows is a round trip
// to the server. Writes whose rows do not matter go out with Defer() and
// ride along with the next round trip; reads that do not depend on each
// other go out together with Send() and are then stepped.
#ifndef HEARSAY_LEDGER_SQL_DB_H_
#define HEARSAY_LEDGER_SQL_DB_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/status.h"

namespace hearsay::ledger {

enum class Dialect { kSqlite, kPostgres };

class Stmt {
 public:
  virtual ~Stmt() = default;

  Stmt& Bind(int i, int64_t v) { return BindInt(i, v); }
  Stmt& Bind(int i, int v) { return BindInt(i, v); }
  Stmt& Bind(int i, double v) { return BindDouble(i, v); }
  // The text is copied: `v` may die after the call.
  Stmt& Bind(int i, std::string_view v) { return BindText(i, v); }
  Stmt& Bind(int i, const char* v) { return BindText(i, v); }
  Stmt& Bind(int i, const std::string& v) { return BindText(i, v); }
  Stmt& Bind(int i, const std::optional<int64_t>& v) {
    return v ? BindInt(i, *v) : BindNull(i);
  }
  virtual Stmt& BindNull(int i) = 0;

  // True when a row is available; false when done.
  virtual Result<bool> Step() = 0;
  // Steps to the end, for statements whose rows do not matter.
  Status Run() {
    while (true) {
      HEARSAY_ASSIGN_OR_RETURN(bool row, Step());
      if (!row) return Status::Ok();
    }
  }
  // Forgets the bindings and any pending rows.
  virtual void Reset() = 0;

  // Sends the statement ahead with its bindings, so that statements sent one
  // after another travel to the server together (PostgreSQL's pipeline
  // mode: one round trip for all of them); Step() then reads its rows.
  // Statements run in the order they are sent, deferred or stepped. A
  // statement is sent at most once before its rows are read, and must not
  // be fetched again with Db::Query() in between (that resets it). SQLite
  // runs it at the first Step, as usual: so no write may be deferred
  // between a statement's Send and its Step, or the backends would see
  // different orders.
  virtual Status Send() { return Status::Ok(); }
  // Runs a statement whose rows do not matter, perhaps later: PostgreSQL
  // queues it behind the statements sent before and reports its error at
  // the next call that waits for the server (a Step that reads rows, a
  // Db::Query that prepares a new text, Db::Exec, such as COMMIT). The
  // bindings are copied: the statement may be bound again at once. SQLite
  // runs it now.
  virtual Status Defer() { return Run(); }

  virtual int64_t Int(int col) const = 0;
  virtual double Double(int col) const = 0;
  virtual bool IsNull(int col) const = 0;
  // The view dies at the next Step, Reset or Bind.
  virtual std::string_view View(int col) const = 0;
  std::string Text(int col) const { return std::string(View(col)); }
  std::optional<int64_t> OptionalInt(int col) const {
    if (IsNull(col)) return std::nullopt;
    return Int(col);
  }

 protected:
  virtual Stmt& BindInt(int i, int64_t v) = 0;
  virtual Stmt& BindDouble(int i, double v) = 0;
  virtual Stmt& BindText(int i, std::string_view v) = 0;
};

class Db {
 public:
  virtual ~Db() = default;

  virtual Dialect dialect() const = 0;
  // Where the ledger is, for messages: a path, or a URL without password.
  virtual const std::string& name() const = 0;

  // Runs statements without parameters (schema, transaction control).
  virtual Status Exec(std::string_view sql) = 0;
  // A cached, reset statement. Errors in the SQL text are programmer errors
  // but still reported: the returned Result carries them.
  Result<Stmt*> Query(const std::string& sql) { return Query(sql, 0); }
  // The same, one of several statements of one text: each slot is a
  // statement of its own, so that several can be sent before any is read.
  virtual Result<Stmt*> Query(const std::string& sql, int slot) = 0;
  // True when Stmt::Send() and Stmt::Defer() save round trips
  // (PostgreSQL); false when statements run one by one anyway (SQLite).
  virtual bool pipelined() const { return false; }

  // Starts the one write transaction that may run at a time on this ledger,
  // waiting for another writer's to end.
  virtual Status BeginWrite() = 0;
  // Starts a transaction that sees one committed state throughout.
  virtual Status BeginRead() = 0;
  Status Commit() { return Exec("COMMIT"); }
  void Rollback() { Exec("ROLLBACK").IgnoreError(); }

  // The names of the tables in the ledger's schema.
  virtual Result<std::vector<std::string>> Tables() = 0;
  // The schema qualifier of this connection's temporary tables.
  virtual std::string_view TempSchema() const = 0;
};

}  // namespace hearsay::ledger

#endif  // HEARSAY_LEDGER_SQL_DB_H_
