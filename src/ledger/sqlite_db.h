// The SQLite side of sql_db.h: the C API's error codes turned into Status
// values, prepared statements kept for reuse.
#ifndef HEARSAY_LEDGER_SQLITE_DB_H_
#define HEARSAY_LEDGER_SQLITE_DB_H_

#include <sqlite3.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/status.h"
#include "ledger/sql_db.h"

namespace hearsay::ledger {

class SqliteStmt : public Stmt {
 public:
  SqliteStmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStmt() override { sqlite3_finalize(stmt_); }
  SqliteStmt(const SqliteStmt&) = delete;
  SqliteStmt& operator=(const SqliteStmt&) = delete;

  Stmt& BindNull(int i) override;
  Result<bool> Step() override;
  void Reset() override;
  int64_t Int(int col) const override {
    return sqlite3_column_int64(stmt_, col);
  }
  double Double(int col) const override {
    return sqlite3_column_double(stmt_, col);
  }
  bool IsNull(int col) const override {
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
  }
  std::string_view View(int col) const override;

 protected:
  Stmt& BindInt(int i, int64_t v) override;
  Stmt& BindDouble(int i, double v) override;
  Stmt& BindText(int i, std::string_view v) override;

 private:
  Stmt& Check(int rc) {
    if (rc != SQLITE_OK) bind_error_ = rc;
    return *this;
  }

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  int bind_error_ = SQLITE_OK;
};

class SqliteDb : public Db {
 public:
  SqliteDb() = default;
  ~SqliteDb() override;
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  Status Open(const std::string& path, bool read_only, int busy_timeout_ms);

  Dialect dialect() const override { return Dialect::kSqlite; }
  const std::string& name() const override { return path_; }
  Status Exec(std::string_view sql) override;
  using Db::Query;
  Result<Stmt*> Query(const std::string& sql, int slot) override;
  Status BeginWrite() override { return Exec("BEGIN IMMEDIATE"); }
  Status BeginRead() override { return Exec("BEGIN"); }
  Result<std::vector<std::string>> Tables() override;
  std::string_view TempSchema() const override { return "temp"; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
  std::map<std::string, std::unique_ptr<SqliteStmt>> cache_;
};

}  // namespace hearsay::ledger

#endif  // HEARSAY_LEDGER_SQLITE_DB_H_
