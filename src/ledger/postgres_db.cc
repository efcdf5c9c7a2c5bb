#include "ledger/postgres_db.h"

#include <libpq-fe.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/utf8.h"

namespace hearsay::ledger {
namespace {

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_';
}

// Copies a quoted run of `sql` starting at `i` (a quote character) to `out`;
// returns the index after it. Doubled quotes stay inside the run.
size_t CopyQuoted(std::string_view sql, size_t i, std::string& out) {
  char q = sql[i];
  out.push_back(sql[i++]);
  while (i < sql.size()) {
    out.push_back(sql[i]);
    if (sql[i++] == q) {
      if (i < sql.size() && sql[i] == q) {
        out.push_back(sql[i++]);
        continue;
      }
      break;
    }
  }
  return i;
}

// Text PostgreSQL accepts: valid UTF-8 without NUL.
std::string Acceptable(std::string_view v) {
  std::string out = utf8::IsValid(v) ? std::string(v) : utf8::Repair(v);
  if (out.find('\0') == std::string::npos) return out;
  std::string clean;
  for (char c : out) {
    if (c == '\0') {
      utf8::Append(clean, utf8::kReplacement);
    } else {
      clean.push_back(c);
    }
  }
  return clean;
}

void IgnoreNotice(void*, const char*) {}

// libpq's messages span lines ("...failed: Connection refused\n\tIs the
// server running..."); a message of ours is one line.
std::string OneLine(std::string msg) {
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) {
    msg.pop_back();
  }
  std::string out;
  for (size_t i = 0; i < msg.size(); ++i) {
    if (msg[i] != '\n') {
      out.push_back(msg[i]);
      continue;
    }
    while (i + 1 < msg.size() && (msg[i + 1] == '\t' || msg[i + 1] == ' ')) {
      ++i;
    }
    out += "; ";
  }
  return out;
}

}  // namespace

bool IsPostgresUrl(std::string_view location) {
  return location.starts_with("postgresql://") ||
         location.starts_with("postgres://");
}

std::string RedactUrl(std::string_view location) {
  std::string out(location);
  if (!IsPostgresUrl(location)) return out;
  // scheme://user:password@host...: the password ends at the last '@'
  // before the path.
  size_t start = out.find("://") + 3;
  size_t path = out.find_first_of("/?", start);
  size_t at = out.rfind('@', path == std::string::npos ? out.size() : path);
  if (at != std::string::npos && at >= start) {
    size_t colon = out.find(':', start);
    if (colon != std::string::npos && colon < at) {
      out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  // ...?password=secret&...
  for (size_t p = out.find("password="); p != std::string::npos;
       p = out.find("password=", p + 1)) {
    if (p == 0 || (out[p - 1] != '?' && out[p - 1] != '&')) continue;
    size_t begin = p + 9;
    size_t end = out.find('&', begin);
    out.replace(begin, (end == std::string::npos ? out.size() : end) - begin,
                "***");
  }
  return out;
}

std::string PostgresParameters(std::string_view sql, int* params) {
  std::string out;
  int next = 0, most = 0;
  for (size_t i = 0; i < sql.size();) {
    char c = sql[i];
    if (c == '\'' || c == '"') {
      i = CopyQuoted(sql, i, out);
      continue;
    }
    if (c != '?') {
      out.push_back(c);
      ++i;
      continue;
    }
    ++i;
    int n = 0;
    bool numbered = false;
    while (i < sql.size() && sql[i] >= '0' && sql[i] <= '9') {
      n = n * 10 + (sql[i++] - '0');
      numbered = true;
    }
    if (!numbered) n = ++next;
    most = std::max(most, n);
    out.push_back('$');
    out += std::to_string(n);
  }
  if (params) *params = most;
  return out;
}

std::string PostgresDdl(std::string_view sql) {
  std::string out;
  for (size_t i = 0; i < sql.size();) {
    char c = sql[i];
    if (c == '\'' || c == '"') {
      i = CopyQuoted(sql, i, out);
      continue;
    }
    if (!IsWordChar(c) || (i > 0 && IsWordChar(sql[i - 1]))) {
      out.push_back(c);
      ++i;
      continue;
    }
    size_t end = i;
    while (end < sql.size() && IsWordChar(sql[end])) ++end;
    std::string_view word = sql.substr(i, end - i);
    if (word == "INTEGER") {
      out += "BIGINT";
    } else if (word == "REAL") {
      out += "DOUBLE PRECISION";
    } else if (word == "TEXT") {
      out += "TEXT COLLATE \"C\"";
    } else if (word == "WITHOUT" &&
               sql.substr(end).find_first_not_of(" \t\n") !=
                   std::string_view::npos &&
               sql.substr(end + sql.substr(end).find_first_not_of(" \t\n"))
                   .starts_with("ROWID")) {
      end += sql.substr(end).find_first_not_of(" \t\n") + 5;
      while (!out.empty() && out.back() == ' ') out.pop_back();
    } else {
      out += word;
    }
    i = end;
  }
  return out;
}

Status PostgresError(PGconn* conn, const PGresult* result,
                     std::string_view where) {
  const char* state =
      result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string msg = result ? PQresultErrorMessage(result) : "";
  if (msg.empty() && conn) msg = PQerrorMessage(conn);
  msg = OneLine(std::move(msg));
  std::string code = state ? state : "";
  // Lock and statement timeouts, deadlocks, serialisation failures: another
  // process holds the ledger.
  if (code == "55P03" || code == "57014" || code == "40P01" ||
      code == "40001") {
    return FailedPreconditionError("ledger is busy: " + msg);
  }
  if (conn && PQstatus(conn) == CONNECTION_BAD) {
    return IoError("lost the connection to the ledger: " + msg);
  }
  return IoError(msg + " (in " + std::string(where) + ")");
}

PostgresStmt::~PostgresStmt() { PQclear(result_); }

Stmt& PostgresStmt::BindInt(int i, int64_t v) {
  if (i < 1 || i > params_) {
    bad_index_ = true;
    return *this;
  }
  values_[i - 1] = std::to_string(v);
  return *this;
}

Stmt& PostgresStmt::BindDouble(int i, double v) {
  if (i < 1 || i > params_) {
    bad_index_ = true;
    return *this;
  }
  // 17 significant digits: the value read back is the value bound.
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  values_[i - 1] = buf;
  return *this;
}

Stmt& PostgresStmt::BindText(int i, std::string_view v) {
  if (i < 1 || i > params_) {
    bad_index_ = true;
    return *this;
  }
  values_[i - 1] = Acceptable(v);
  return *this;
}

Stmt& PostgresStmt::BindNull(int i) {
  if (i < 1 || i > params_) {
    bad_index_ = true;
    return *this;
  }
  values_[i - 1].reset();
  return *this;
}

Status PostgresStmt::CheckBindings() const {
  if (!bad_index_) return Status::Ok();
  return InternalError("binding a parameter: index out of range in: " +
                       sql_.substr(0, 80));
}

void PostgresStmt::Deliver(PGresult* r, Status error) {
  pending_ = false;
  PQclear(result_);
  result_ = r;
  rows_ = r ? PQntuples(r) : 0;
  row_ = -1;
  error_ = std::move(error);
}

Status PostgresStmt::Send() {
  HEARSAY_RETURN_IF_ERROR(CheckBindings());
  PQclear(result_);
  result_ = nullptr;
  error_ = Status::Ok();
  return db_->Enqueue(*this, true);
}

Status PostgresStmt::Defer() {
  HEARSAY_RETURN_IF_ERROR(CheckBindings());
  return db_->Enqueue(*this, false);
}

Result<bool> PostgresStmt::Step() {
  if (!pending_ && !result_ && error_.ok()) {
    // Not sent: run it now, in the pipeline when there is one (so that the
    // statements queued before it run first), else on its own.
    HEARSAY_RETURN_IF_ERROR(CheckBindings());
    if (db_->pipeline_) {
      HEARSAY_RETURN_IF_ERROR(db_->Enqueue(*this, true));
    } else {
      std::vector<const char*> values(values_.size());
      for (size_t i = 0; i < values_.size(); ++i) {
        values[i] = values_[i] ? values_[i]->c_str() : nullptr;
      }
      ++db_->round_trips_;
      PGresult* r = PQexecPrepared(db_->conn_, statement_.c_str(), params_,
                                   values.data(), nullptr, nullptr, 0);
      ExecStatusType st = PQresultStatus(r);
      if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
        std::string sql = sql_.size() > 60 ? sql_.substr(0, 60) + "..." : sql_;
        Status s = PostgresError(db_->conn_, r, sql);
        PQclear(r);
        return s.WithContext(db_->name_);
      }
      Deliver(r, Status::Ok());
    }
  }
  if (pending_) {
    Status s = db_->Drain();
    if (!s.ok()) {
      // The first error of the pipeline, which may be an earlier deferred
      // statement's: this one was then aborted with it.
      Deliver(nullptr, Status::Ok());
      return s;
    }
  }
  if (!error_.ok()) {
    Status s = std::move(error_);
    error_ = Status::Ok();
    return s;
  }
  if (!result_) return InternalError("a statement without a result");
  ++row_;
  return row_ < rows_;
}

void PostgresStmt::Reset() {
  PQclear(result_);
  result_ = nullptr;
  row_ = -1;
  rows_ = 0;
  bad_index_ = false;
  // A sent statement's result, when it comes, is dropped.
  pending_ = false;
  error_ = Status::Ok();
  for (auto& v : values_) v.reset();
}

int64_t PostgresStmt::Int(int col) const {
  return std::strtoll(PQgetvalue(result_, row_, col), nullptr, 10);
}

double PostgresStmt::Double(int col) const {
  return std::strtod(PQgetvalue(result_, row_, col), nullptr);
}

bool PostgresStmt::IsNull(int col) const {
  return PQgetisnull(result_, row_, col) != 0;
}

std::string_view PostgresStmt::View(int col) const {
  if (PQgetisnull(result_, row_, col)) return {};
  return {PQgetvalue(result_, row_, col),
          static_cast<size_t>(PQgetlength(result_, row_, col))};
}

#ifdef LIBPQ_HAS_PIPELINING

Status PostgresDb::Enqueue(PostgresStmt& stmt, bool keep) {
  if (!pipeline_) {
    if (PQenterPipelineMode(conn_) != 1) {
      return PostgresError(conn_, nullptr, "entering pipeline mode")
          .WithContext(name_);
    }
    pipeline_ = true;
  }
  std::vector<const char*> values(stmt.values_.size());
  for (size_t i = 0; i < stmt.values_.size(); ++i) {
    values[i] = stmt.values_[i] ? stmt.values_[i]->c_str() : nullptr;
  }
  if (PQsendQueryPrepared(conn_, stmt.statement_.c_str(), stmt.params_,
                          values.data(), nullptr, nullptr, 0) != 1) {
    return PostgresError(conn_, nullptr, stmt.sql_.substr(0, 60))
        .WithContext(name_);
  }
  uint64_t ticket = ++next_ticket_;
  if (keep) {
    stmt.pending_ = true;
    stmt.ticket_ = ticket;
  }
  queue_.push_back({keep ? &stmt : nullptr, ticket, stmt.sql_});
  // Results wait in the server's and the socket's buffers until read: a
  // very long queue is read now rather than at the next sync.
  if (queue_.size() >= 4096 && !keep) return Drain();
  return Status::Ok();
}

Status PostgresDb::Drain() {
  if (queue_.empty()) return Status::Ok();
  std::vector<Queued> queue;
  queue.swap(queue_);
  ++round_trips_;
  Status first;
  if (PQpipelineSync(conn_) != 1) {
    first = PostgresError(conn_, nullptr, "sending a pipeline sync")
                .WithContext(name_);
  }
  bool lost = !first.ok();
  for (Queued& q : queue) {
    PGresult* r = lost ? nullptr : PQgetResult(conn_);
    if (!r) {
      // The connection is gone: nothing more will come.
      if (first.ok()) {
        first = PostgresError(conn_, nullptr, q.sql.substr(0, 60))
                    .WithContext(name_);
      }
      lost = true;
    } else {
      // Each statement's results end with a null.
      while (PGresult* extra = PQgetResult(conn_)) PQclear(extra);
    }
    ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    Status error;
    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
      if (st == PGRES_PIPELINE_ABORTED || !r) {
        error = FailedPreconditionError(
            name_ +
            ": not run: an earlier statement of the transaction failed");
      } else {
        std::string sql =
            q.sql.size() > 60 ? q.sql.substr(0, 60) + "..." : q.sql;
        error = PostgresError(conn_, r, sql).WithContext(name_);
        if (first.ok()) first = error;
      }
      PQclear(r);
      r = nullptr;
    }
    if (q.stmt && q.stmt->pending_ && q.stmt->ticket_ == q.ticket) {
      q.stmt->Deliver(r, std::move(error));
    } else {
      PQclear(r);
    }
  }
  if (!lost) {
    PGresult* sync = PQgetResult(conn_);
    if (!sync || PQresultStatus(sync) != PGRES_PIPELINE_SYNC) {
      if (first.ok()) {
        first = PostgresError(conn_, sync, "reading a pipeline sync")
                    .WithContext(name_);
      }
    }
    PQclear(sync);
  }
  return first;
}

Status PostgresDb::LeavePipeline() {
  if (!pipeline_) return Status::Ok();
  Status s = Drain();
  if (PQexitPipelineMode(conn_) != 1 && s.ok()) {
    s = PostgresError(conn_, nullptr, "leaving pipeline mode")
            .WithContext(name_);
  }
  pipeline_ = false;
  return s;
}

#else  // libpq before 14: no pipeline; every statement is a round trip.

Status PostgresDb::Enqueue(PostgresStmt& stmt, bool keep) {
  if (keep) return Status::Ok();  // Step() runs it
  return stmt.Run();
}
Status PostgresDb::Drain() { return Status::Ok(); }
Status PostgresDb::LeavePipeline() { return Status::Ok(); }

#endif

PostgresDb::~PostgresDb() {
  cache_.clear();
  if (conn_) PQfinish(conn_);
}

Status PostgresDb::Open(const std::string& url, bool read_only,
                        int busy_timeout_ms) {
  name_ = RedactUrl(url);
  read_only_ = read_only;
  conn_ = PQconnectdb(url.c_str());
  if (!conn_) return ResourceExhaustedError(name_ + ": out of memory");
  if (PQstatus(conn_) != CONNECTION_OK) {
    return IoError(name_ +
                   ": cannot open ledger: " + OneLine(PQerrorMessage(conn_)));
  }
  // "skipping: table does not exist" and the like are not for the user.
  PQsetNoticeProcessor(conn_, IgnoreNotice, nullptr);
  if (PQsetClientEncoding(conn_, "UTF8") != 0) {
    return PostgresError(conn_, nullptr, "setting the client encoding")
        .WithContext(name_);
  }
  std::string setup =
      "SET extra_float_digits = 3; SET lock_timeout = " +
      std::to_string(std::max(0, busy_timeout_ms)) + "; SET TIME ZONE 'UTC'" +
      (read_only ? "; SET default_transaction_read_only = on" : "");
  return Exec(setup);
}

Status PostgresDb::Exec(std::string_view sql) {
  Status queued = LeavePipeline();
  // A queued statement failed: the transaction is lost. End it here, so
  // that a COMMIT never quietly rolls back (PostgreSQL answers COMMIT in a
  // failed transaction with ROLLBACK, not an error).
  std::string s(queued.ok() ? sql : "ROLLBACK");
  ++round_trips_;
  PGresult* r = PQexec(conn_, s.c_str());
  ExecStatusType st = PQresultStatus(r);
  Status out;
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
    out = PostgresError(conn_, r, s.substr(0, 60)).WithContext(name_);
  }
  PQclear(r);
  return queued.ok() ? out : queued;
}

Result<Stmt*> PostgresDb::Query(const std::string& sql, int slot) {
  std::string key = sql;
  if (slot != 0) key += '\0' + std::to_string(slot);
  auto it = cache_.find(key);
  if (it != cache_.end()) {
    it->second->Reset();
    return it->second.get();
  }
  if (slot != 0) {
    // Another slot of a prepared statement: the same statement on the
    // server, a result of its own here. (Slot 0 is not reset: it may have
    // been sent.)
    auto base = cache_.find(sql);
    PostgresStmt* first = nullptr;
    if (base != cache_.end()) {
      first = base->second.get();
    } else {
      HEARSAY_ASSIGN_OR_RETURN(Stmt * made, Query(sql, 0));
      first = static_cast<PostgresStmt*>(made);
    }
    auto owned = std::make_unique<PostgresStmt>(this, first->statement_,
                                                first->params_, sql);
    PostgresStmt* raw = owned.get();
    cache_.emplace(std::move(key), std::move(owned));
    return raw;
  }
  // Preparing is synchronous: what the pipeline holds is read first.
  HEARSAY_RETURN_IF_ERROR(LeavePipeline());
  int params = 0;
  std::string text = PostgresParameters(sql, &params);
  std::string statement = "hearsay_" + std::to_string(next_statement_++);
  ++round_trips_;
  PGresult* r = PQprepare(conn_, statement.c_str(), text.c_str(), 0, nullptr);
  if (PQresultStatus(r) != PGRES_COMMAND_OK) {
    Status s = PostgresError(conn_, r, sql.substr(0, 80));
    PQclear(r);
    return InternalError("preparing SQL: " + s.message());
  }
  PQclear(r);
  auto owned = std::make_unique<PostgresStmt>(this, statement, params, sql);
  PostgresStmt* raw = owned.get();
  cache_.emplace(std::move(key), std::move(owned));
  return raw;
}

bool PostgresDb::pipelined() const {
#ifdef LIBPQ_HAS_PIPELINING
  return true;
#else
  return false;
#endif
}

Status PostgresDb::BeginWrite() {
  // Writers take one advisory lock per database: the ledger's linking reads
  // what earlier batches wrote, so two ingests must not interleave.
  HEARSAY_RETURN_IF_ERROR(Exec("BEGIN"));
  Status s = Exec("SELECT pg_advisory_xact_lock(7308604759263815535)");
  if (!s.ok()) Rollback();
  return s;
}

Status PostgresDb::BeginRead() {
  return Exec("BEGIN ISOLATION LEVEL REPEATABLE READ");
}

Result<std::vector<std::string>> PostgresDb::Tables() {
  HEARSAY_ASSIGN_OR_RETURN(
      Stmt * q, Query("SELECT table_name FROM information_schema.tables WHERE "
                      "table_schema = current_schema()"));
  std::vector<std::string> out;
  while (true) {
    HEARSAY_ASSIGN_OR_RETURN(bool row, q->Step());
    if (!row) break;
    out.push_back(q->Text(0));
  }
  return out;
}

}  // namespace hearsay::ledger
