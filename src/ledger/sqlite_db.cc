#include "ledger/sqlite_db.h"

namespace hearsay::ledger {

Stmt& SqliteStmt::BindInt(int i, int64_t v) {
  return Check(sqlite3_bind_int64(stmt_, i, v));
}
Stmt& SqliteStmt::BindDouble(int i, double v) {
  return Check(sqlite3_bind_double(stmt_, i, v));
}
Stmt& SqliteStmt::BindText(int i, std::string_view v) {
  return Check(sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()),
                                 SQLITE_TRANSIENT));
}
Stmt& SqliteStmt::BindNull(int i) { return Check(sqlite3_bind_null(stmt_, i)); }

Result<bool> SqliteStmt::Step() {
  if (bind_error_ != SQLITE_OK) {
    return InternalError(std::string("binding a parameter: ") +
                         sqlite3_errstr(bind_error_));
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  std::string sql = sqlite3_sql(stmt_) ? sqlite3_sql(stmt_) : "";
  if (sql.size() > 60) sql = sql.substr(0, 60) + "...";
  Status s =
      (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
          ? FailedPreconditionError(std::string("ledger is busy: ") +
                                    sqlite3_errmsg(db_))
          : IoError(std::string(sqlite3_errmsg(db_)) + " (in " + sql + ")");
  sqlite3_reset(stmt_);
  return s;
}

void SqliteStmt::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = SQLITE_OK;
}

std::string_view SqliteStmt::View(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (!p) return {};
  return {reinterpret_cast<const char*>(p),
          static_cast<size_t>(sqlite3_column_bytes(stmt_, col))};
}

SqliteDb::~SqliteDb() {
  cache_.clear();  // statements must be finalised before the connection
  if (db_) sqlite3_close(db_);
}

Status SqliteDb::Open(const std::string& path, bool read_only,
                      int busy_timeout_ms) {
  path_ = path;
  int flags = read_only ? SQLITE_OPEN_READONLY
                        : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  flags |= SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    return IoError(path + ": cannot open ledger: " + msg);
  }
  sqlite3_busy_timeout(db_, busy_timeout_ms);
  sqlite3_extended_result_codes(db_, 0);
  return Status::Ok();
}

Status SqliteDb::Exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    if (rc == SQLITE_BUSY)
      return FailedPreconditionError("ledger is busy: " + msg);
    if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT) {
      return DataLossError(path_ + ": not a hearsay ledger: " + msg);
    }
    return IoError(path_ + ": " + msg);
  }
  return Status::Ok();
}

Result<Stmt*> SqliteDb::Query(const std::string& sql, int slot) {
  std::string key = sql;
  if (slot != 0) key += '\0' + std::to_string(slot);
  auto it = cache_.find(key);
  if (it != cache_.end()) {
    it->second->Reset();
    return it->second.get();
  }
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT) {
      return DataLossError(path_ +
                           ": not a hearsay ledger: " + sqlite3_errmsg(db_));
    }
    return InternalError(std::string("preparing SQL: ") + sqlite3_errmsg(db_) +
                         " in: " + sql.substr(0, 80));
  }
  auto owned = std::make_unique<SqliteStmt>(db_, stmt);
  SqliteStmt* raw = owned.get();
  cache_.emplace(std::move(key), std::move(owned));
  return raw;
}

Result<std::vector<std::string>> SqliteDb::Tables() {
  HEARSAY_ASSIGN_OR_RETURN(
      Stmt * q, Query("SELECT name FROM sqlite_master WHERE type = 'table'"));
  std::vector<std::string> out;
  while (true) {
    HEARSAY_ASSIGN_OR_RETURN(bool row, q->Step());
    if (!row) break;
    out.push_back(q->Text(0));
  }
  return out;
}

}  // namespace hearsay::ledger
