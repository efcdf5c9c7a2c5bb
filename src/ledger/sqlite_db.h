// A thin layer over the SQLite C API that turns its error codes into Status
// values and keeps prepared statements for reuse. Every value reaches SQL as
// a bound parameter, never spliced into the text.
//
//   Db db;  HEARSAY_RETURN_IF_ERROR(db.Open(path, false, 10000));
//   Stmt& q = db.Query("SELECT id FROM records WHERE key = ?");
//   q.Bind(1, key);
//   while (true) { HEARSAY_ASSIGN_OR_RETURN(bool row, q.Step()); if (!row)
//   break; ... }
//
// A Db and its Stmts belong to one thread at a time. A Stmt returned by
// Query() stays valid until the Db is closed; it is reset on each Query().
#ifndef HEARSAY_LEDGER_SQLITE_DB_H_
#define HEARSAY_LEDGER_SQLITE_DB_H_

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "hearsay/status.h"

namespace hearsay::ledger {

class Stmt {
 public:
  Stmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& Bind(int i, int64_t v);
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, double v);
  // The text is copied by SQLite (SQLITE_TRANSIENT): `v` may die after.
  Stmt& Bind(int i, std::string_view v);
  Stmt& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, const std::string& v) {
    return Bind(i, std::string_view(v));
  }
  Stmt& BindNull(int i);

  // True when a row is available; false when done.
  Result<bool> Step();
  // Steps to the end, for statements that return no rows.
  Status Run();
  void Reset();

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }
  bool IsNull(int col) const {
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
  }
  // The view dies at the next Step, Reset or Bind.
  std::string_view View(int col) const;
  std::string Text(int col) const { return std::string(View(col)); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  int bind_error_ = SQLITE_OK;
};

class Db {
 public:
  Db() = default;
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  Status Open(const std::string& path, bool read_only, int busy_timeout_ms);
  // Runs one or more statements without parameters (schema, pragmas).
  Status Exec(std::string_view sql);
  // A cached, reset statement. Errors in the SQL text are programmer errors
  // but still reported: the returned Result carries them.
  Result<Stmt*> Query(const std::string& sql);
  int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  Status Error(std::string_view what) const;
  sqlite3* raw() { return db_; }
  const std::string& path() const { return path_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
  std::map<std::string, std::unique_ptr<Stmt>> cache_;
};

}  // namespace hearsay::ledger

#endif  // HEARSAY_LEDGER_SQLITE_DB_H_
