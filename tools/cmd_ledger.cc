// hearsay ingest, claims, claim, sources, entities, export, reextract: the
// commands over the claim ledger (include/hearsay/ledger.h).
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "command.h"
#include "core/json_writer.h"
#include "extract/extraction_json.h"
#include "hearsay/ingest.h"
#include "hearsay/ledger.h"
#include "ledger/extract_step.h"
#include "ledger/postgres_db.h"
#include "output.h"

namespace hearsay::cli {
namespace {

std::string DefaultDb() {
  const char* env = std::getenv("HEARSAY_DB");
  return env && *env ? env : "hearsay.db";
}

// `read_only`: the command only queries. `lexicon_dir`: a user lexicon that
// may change the predicate families linking compares.
Result<std::unique_ptr<Store>> OpenLedger(const std::string& location,
                                          bool read_only,
                                          const std::string& lexicon_dir = "") {
  StoreOptions options;
  options.lexicon_dir = lexicon_dir;
  if (ledger::IsPostgresUrl(location)) {
    // A query opens the database read-only, so it never creates a ledger.
    options.read_only = read_only;
    return OpenStore(location, options);
  }
  if (read_only && !std::filesystem::exists(location)) {
    return NotFoundError(location +
                         ": no ledger here (run hearsay ingest first, "
                         "or pass --db / set HEARSAY_DB)");
  }
  // Queries never write, but opening read-write lets SQLite use the WAL
  // index of a ledger another process is ingesting into.
  options.read_only = false;
  return OpenStore(location, options);
}

int Fail(const Status& s) {
  std::fprintf(stderr, "hearsay: %s\n", s.message().c_str());
  return kExitSkipped;
}

// ---------------------------------------------------------------- ingest

struct IngestArgs {
  std::vector<std::string> inputs;
  std::string db;
  int jobs = 0;
  bool extracted = false;
  size_t batch = 256;
  ReaderFlags reader;
  ExtractorFlags extractor;
};

// What the reader hands to the workers: a raw document, or one line of
// hearsay.extract/1 with where it came from.
struct Job {
  uint64_t seq = 0;
  std::variant<Document, std::string> input;
  std::string where;  // "FILE: line N"
};

struct Done {
  Result<Extraction> extraction = InternalError("unset");
  std::string where;
};

// The pipeline: one reader (the calling thread), N workers that parse or
// extract, one writer that commits in input order. Input order is kept so
// that the ledger is the same whatever --jobs is, and memory is bounded by
// the queue's capacity.
class Pipeline {
 public:
  Pipeline(Store* store, int jobs, size_t batch)
      : store_(store), batch_size_(batch), capacity_(jobs * 16 + 2 * batch) {
    for (int i = 0; i < jobs; ++i) workers_.emplace_back([this] { Work(); });
    writer_ = std::thread([this] { Write(); });
  }

  // Blocks while the pipeline is full. False once the writer has failed.
  bool Push(std::variant<Document, std::string> input, std::string where) {
    std::unique_lock<std::mutex> lock(mu_);
    space_.wait(lock,
                [&] { return failed_ || next_seq_ - written_ < capacity_; });
    if (failed_) return false;
    jobs_.push_back(Job{next_seq_++, std::move(input), std::move(where)});
    work_.notify_one();
    return true;
  }

  // Waits for everything pushed to be committed.
  Status Finish() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      closed_ = true;
    }
    work_.notify_all();
    for (std::thread& t : workers_) t.join();
    done_.notify_all();
    writer_.join();
    return status_;
  }

  uint64_t documents() const { return documents_; }
  uint64_t claims() const { return claims_; }
  uint64_t duplicates() const { return duplicates_; }
  uint64_t versions() const { return versions_; }
  uint64_t errors() const { return errors_; }
  uint64_t written() const { return written_; }

 private:
  void Work() {
    while (true) {
      Job job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        work_.wait(lock, [&] { return closed_ || !jobs_.empty(); });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      Done d;
      d.where = std::move(job.where);
      if (auto* line = std::get_if<std::string>(&job.input)) {
        d.extraction = ParseExtractionJson(*line);
      } else {
        d.extraction =
            ledger::ExtractForLedger(std::move(std::get<Document>(job.input)));
      }
      {
        std::lock_guard<std::mutex> lock(mu_);
        done_map_.emplace(job.seq, std::move(d));
      }
      done_.notify_all();
    }
  }

  void Write() {
    std::vector<Extraction> batch;
    auto last = std::chrono::steady_clock::now();
    uint64_t seq = 0;
    while (true) {
      Done d;
      {
        std::unique_lock<std::mutex> lock(mu_);
        bool got = done_.wait_for(lock, std::chrono::milliseconds(200), [&] {
          return done_map_.count(seq) > 0 ||
                 (closed_ && jobs_.empty() && seq == next_seq_);
        });
        if (got && done_map_.count(seq) == 0) break;  // all done
        if (got) {
          d = std::move(done_map_[seq]);
          done_map_.erase(seq);
          ++seq;
        }
      }
      if (d.where.empty() && !d.extraction.ok() &&
          d.extraction.status().message() == "unset") {
        // Timed out waiting: commit what there is so queries see progress.
      } else if (!d.extraction.ok()) {
        std::fprintf(stderr, "%s: %s\n", d.where.c_str(),
                     d.extraction.status().message().c_str());
        ++errors_;
        MarkWritten(1);
      } else {
        batch.push_back(std::move(*d.extraction));
      }
      auto now = std::chrono::steady_clock::now();
      if (batch.size() >= batch_size_ ||
          (!batch.empty() && now - last > std::chrono::seconds(1))) {
        if (!Commit(batch)) return;
        last = now;
      }
    }
    Commit(batch);
  }

  bool Commit(std::vector<Extraction>& batch) {
    if (batch.empty()) return true;
    size_t n = batch.size();
    Result<IngestStats> stats = store_->Ingest(std::move(batch));
    batch.clear();
    if (!stats.ok()) {
      std::lock_guard<std::mutex> lock(mu_);
      status_ = stats.status();
      failed_ = true;
      space_.notify_all();
      return false;
    }
    documents_ += stats->documents;
    claims_ += stats->claims;
    duplicates_ += stats->duplicates;
    versions_ += stats->new_versions;
    MarkWritten(n);
    return true;
  }

  void MarkWritten(size_t n) {
    std::lock_guard<std::mutex> lock(mu_);
    written_ += n;
    space_.notify_all();
  }

  Store* store_;
  size_t batch_size_;
  uint64_t capacity_;
  std::vector<std::thread> workers_;
  std::thread writer_;
  std::mutex mu_;
  std::condition_variable work_, done_, space_;
  std::deque<Job> jobs_;
  std::map<uint64_t, Done> done_map_;
  uint64_t next_seq_ = 0;
  std::atomic<uint64_t> written_ = 0;
  bool closed_ = false;
  bool failed_ = false;
  Status status_;
  std::atomic<uint64_t> documents_ = 0, claims_ = 0, duplicates_ = 0,
                        versions_ = 0, errors_ = 0;
};

// The files under `path` in sorted order ("-" is stdin).
std::vector<std::string> ListInputs(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (path == "-" || !fs::is_directory(path, ec)) return {path};
  std::vector<std::string> out;
  for (auto it = fs::recursive_directory_iterator(path, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) out.push_back(it->path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

class IngestProgress {
 public:
  explicit IngestProgress(const Pipeline& p)
      : p_(p),
        enabled_(isatty(STDERR_FILENO) == 1),
        start_(std::chrono::steady_clock::now()),
        last_(start_) {}
  void Update(bool force = false) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    std::fprintf(stderr,
                 "\r%llu documents, %.0f/s, %llu claims, %llu errors   ",
                 static_cast<unsigned long long>(p_.written()),
                 secs > 0 ? p_.written() / secs : 0.0,
                 static_cast<unsigned long long>(p_.claims()),
                 static_cast<unsigned long long>(p_.errors()));
    drawn_ = true;
  }
  void Finish() {
    if (drawn_) std::fprintf(stderr, "\r\033[K");
  }

 private:
  const Pipeline& p_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_, last_;
  bool drawn_ = false;
};

// Loads the extractor that raw documents go through; false (after a message)
// when the models cannot be found or loaded.
bool LoadExtractor(const ExtractorFlags& flags) {
  ExtractorOptions options;
  options.models_dir = FindModelsDir(flags.models);
  options.lexicon_dir = flags.lexicon;
  if (options.models_dir.empty()) {
    std::fprintf(stderr,
                 "hearsay: no models found: pass --models DIR or set "
                 "HEARSAY_MODELS to the directory holding tagger.model, "
                 "parser.model and ner.model\n");
    return false;
  }
  Status s = ledger::UseExtractor(options);
  if (!s.ok()) {
    std::fprintf(stderr, "hearsay: %s\n", s.message().c_str());
    return false;
  }
  return true;
}

int RunIngest(const IngestArgs& args) {
  ReadOptions options;
  if (!args.extracted && !args.reader.ToOptions(options)) return kExitUsage;
  if (!args.extracted && !LoadExtractor(args.extractor)) return kExitUsage;
  std::string db = args.db.empty() ? DefaultDb() : args.db;
  Result<std::unique_ptr<Store>> store =
      OpenLedger(db, false, args.extractor.lexicon);
  if (!store.ok()) return Fail(store.status());
  int jobs = args.jobs > 0 ? args.jobs
                           : std::max(1u, std::thread::hardware_concurrency());
  auto start = std::chrono::steady_clock::now();
  Pipeline pipeline(store->get(), jobs, std::max<size_t>(1, args.batch));
  IngestProgress progress(pipeline);
  std::vector<std::string> inputs = args.inputs;
  if (inputs.empty()) inputs.push_back("-");
  uint64_t unreadable = 0;
  bool stopped = false;
  Reader reader(options);
  for (const std::string& in : inputs) {
    if (stopped) break;
    if (!args.extracted) {
      Status s = reader.ReadPath(in, [&](Document&& doc) -> Status {
        std::string where = doc.origin.empty() ? in : doc.origin;
        if (!pipeline.Push(std::move(doc), std::move(where))) {
          return IoError("the ledger refused a batch");
        }
        progress.Update();
        return Status::Ok();
      });
      if (!s.ok()) stopped = true;
      continue;
    }
    for (const std::string& file : ListInputs(in)) {
      std::ifstream f;
      std::istream* is = &std::cin;
      if (file != "-") {
        f.open(file, std::ios::binary);
        if (!f) {
          std::fprintf(stderr, "%s: cannot read\n", file.c_str());
          ++unreadable;
          continue;
        }
        is = &f;
      }
      std::string line;
      uint64_t n = 0;
      while (std::getline(*is, line)) {
        ++n;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        if (!pipeline.Push(std::move(line),
                           file + ": line " + std::to_string(n))) {
          stopped = true;
          break;
        }
        progress.Update();
      }
      if (stopped) break;
    }
  }
  Status s = pipeline.Finish();
  progress.Finish();
  double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::fprintf(
      stderr,
      "%s: %llu new documents (%llu already stored, %llu new versions), "
      "%llu claims, %llu skipped, %.1f documents/s\n",
      ledger::RedactUrl(db).c_str(),
      static_cast<unsigned long long>(pipeline.documents()),
      static_cast<unsigned long long>(pipeline.duplicates()),
      static_cast<unsigned long long>(pipeline.versions()),
      static_cast<unsigned long long>(pipeline.claims()),
      static_cast<unsigned long long>(pipeline.errors() + unreadable +
                                      reader.skipped()),
      secs > 0 ? pipeline.written() / secs : 0.0);
  if (!s.ok()) return Fail(s);
  return pipeline.errors() + unreadable + reader.skipped() > 0 ? kExitSkipped
                                                               : kExitOk;
}

// ---------------------------------------------------------------- output

// At most `width` code points of `s`, with "…" when cut.
std::string Fit(const std::string& s, size_t width) {
  size_t cps = 0, i = 0, cut = std::string::npos;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (cps == width - 1) cut = i;
    if (cps == width) return s.substr(0, cut) + "\u2026";
    ++cps;
  }
  return s;
}

std::string Pad(const std::string& s, size_t width) {
  std::string f = Fit(s, width);
  size_t cps = 0;
  for (unsigned char c : f) cps += (c & 0xC0) != 0x80;
  return f + std::string(width > cps ? width - cps : 0, ' ');
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string Date(const std::string& iso) {
  return iso.size() >= 10 ? iso.substr(0, 10) : (iso.empty() ? "-" : iso);
}

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const std::string& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

void WriteStatementJson(JsonWriter& w, const LedgerStatement& s) {
  w.BeginObject();
  w.Key("outlet");
  w.String(s.outlet);
  w.Key("speaker");
  w.String(s.speaker);
  w.Key("stance");
  w.String(s.stance);
  w.Key("strength");
  w.StringOrNull(s.strength);
  w.Key("principal");
  w.Bool(s.principal);
  w.Key("party");
  w.String(s.party);
  w.Key("retraction");
  w.Bool(s.retraction);
  w.Key("kind");
  w.String(s.kind);
  w.Key("cue");
  w.String(s.cue);
  w.Key("sourcing");
  w.String(s.sourcing);
  w.Key("via");
  w.String(s.via);
  w.Key("published");
  w.StringOrNull(s.published);
  w.Key("said_on");
  w.StringOrNull(s.said_on);
  w.Key("retold");
  w.Bool(s.retold);
  w.Key("quote");
  w.String(s.quote);
  w.Key("url");
  w.String(s.url);
  w.Key("document");
  w.String(s.document_id);
  w.Key("version");
  w.Int(s.version);
  w.Key("active");
  w.Bool(s.active);
  w.Key("confidence");
  w.Double(s.confidence);
  w.EndObject();
}

// The reasons of a link are stored as a flat JSON object of numbers
// ({"key":1,"text":0.5}); they are written back as an object, not a string.
void WriteReasons(JsonWriter& w, std::string_view reasons) {
  w.BeginObject();
  if (reasons.size() >= 2) reasons = reasons.substr(1, reasons.size() - 2);
  while (!reasons.empty()) {
    size_t comma = reasons.find(',');
    std::string_view item = reasons.substr(0, comma);
    reasons = comma == std::string_view::npos ? std::string_view()
                                              : reasons.substr(comma + 1);
    size_t colon = item.find(':');
    if (colon == std::string_view::npos || colon < 2) continue;
    w.Key(item.substr(1, colon - 2));
    w.Double(std::strtod(std::string(item.substr(colon + 1)).c_str(), nullptr));
  }
  w.EndObject();
}

void WriteRecordJson(JsonWriter& w, const ClaimRecord& r, bool with_links,
                     bool with_score) {
  w.BeginObject();
  w.Key("id");
  w.Int(r.id);
  w.Key("text");
  w.String(r.text);
  w.Key("status");
  w.String(ClaimStatusName(r.status));
  w.Key("key");
  w.String(r.key);
  w.Key("predicate");
  w.String(r.predicate);
  w.Key("location");
  w.String(r.location);
  w.Key("participants");
  w.BeginArray();
  for (const std::string& p : r.participants) w.String(p);
  w.EndArray();
  w.Key("first_seen");
  w.StringOrNull(r.first_seen);
  w.Key("first_report");
  if (r.first_report >= 0 &&
      r.first_report < static_cast<int64_t>(r.statements.size())) {
    const LedgerStatement& f = r.statements[r.first_report];
    w.BeginObject();
    w.Key("outlet");
    w.String(f.outlet);
    w.Key("url");
    w.String(f.url);
    w.Key("published");
    w.String(f.published);
    w.Key("sourcing");
    w.String(f.sourcing);
    w.Key("speaker");
    w.String(f.speaker);
    w.Key("via");
    w.String(f.via);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("article_count");
  w.Int(r.article_count);
  w.Key("independent_sources");
  w.Int(r.independent_sources);
  if (with_score) {
    w.Key("score");
    w.Double(r.score);
  }
  w.Key("statements");
  w.BeginArray();
  for (const LedgerStatement& s : r.statements) WriteStatementJson(w, s);
  w.EndArray();
  w.Key("history");
  w.BeginArray();
  for (const StatusChange& h : r.history) {
    w.BeginObject();
    w.Key("status");
    w.String(ClaimStatusName(h.status));
    w.Key("time");
    w.String(h.time);
    w.Key("evidence");
    w.Int(h.evidence);
    w.Key("reason");
    w.String(h.reason);
    w.EndObject();
  }
  w.EndArray();
  if (with_links) {
    w.Key("links");
    w.BeginArray();
    for (const LinkDecision& l : r.links) {
      w.BeginObject();
      w.Key("document");
      w.Int(l.document);
      w.Key("claim_text");
      w.String(l.claim_text);
      w.Key("confidence");
      w.Double(l.confidence);
      w.Key("reasons");
      WriteReasons(w, l.reasons);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
}

struct ClaimsArgs {
  std::string db;
  ClaimQuery query;
  std::string format = "table";
};

int PrintRecords(const std::vector<ClaimRecord>& records,
                 const std::string& format, bool about, bool links) {
  std::string out;
  if (format == "json") {
    JsonWriter w(&out);
    w.BeginArray();
    for (const ClaimRecord& r : records) WriteRecordJson(w, r, links, about);
    w.EndArray();
    out += "\n";
  } else if (format == "jsonl") {
    for (const ClaimRecord& r : records) {
      JsonWriter w(&out);
      WriteRecordJson(w, r, links, about);
      out += "\n";
    }
  } else if (format == "csv") {
    out +=
        "id,status,first_seen,first_outlet,sourcing,article_count,"
        "independent_sources,participants,text\n";
    for (const ClaimRecord& r : records) {
      std::string outlet, sourcing;
      if (r.first_report >= 0 &&
          r.first_report < static_cast<int64_t>(r.statements.size())) {
        outlet = r.statements[r.first_report].outlet;
        sourcing = r.statements[r.first_report].sourcing;
      }
      out += std::to_string(r.id) + "," + ClaimStatusName(r.status).data() +
             "," + CsvField(r.first_seen) + "," + CsvField(outlet) + "," +
             CsvField(sourcing) + "," + std::to_string(r.article_count) + "," +
             std::to_string(r.independent_sources) + "," +
             CsvField(Join(r.participants, "; ")) + "," + CsvField(r.text) +
             "\n";
    }
  } else {
    // 100 columns: 6 + 10 + 11 + 5 + 5 + 63.
    char head[160];
    std::snprintf(head, sizeof head, "%-5s %-9s %-10s %4s %4s  %s\n", "ID",
                  "STATUS", "FIRST SEEN", "ART", "IND",
                  about ? "CLAIM (by relevance)" : "CLAIM");
    out += head;
    for (const ClaimRecord& r : records) {
      char line[64];
      std::snprintf(
          line, sizeof line, "%-5lld %-9s %-10s %4d %4d  ",
          static_cast<long long>(r.id), ClaimStatusName(r.status).data(),
          Date(r.first_seen).c_str(), r.article_count, r.independent_sources);
      out += line + Fit(r.text, 62) + "\n";
    }
    if (records.empty()) out += "(no claims match)\n";
  }
  return WriteOut(out) ? kExitOk : kExitSkipped;
}

int RunClaims(ClaimsArgs args) {
  if (!args.query.status.empty()) {
    Result<ClaimStatus> s = ParseClaimStatus(args.query.status);
    if (!s.ok()) {
      std::fprintf(stderr, "hearsay: --status: %s\n",
                   s.status().message().c_str());
      return kExitUsage;
    }
  }
  Result<std::unique_ptr<Store>> store =
      OpenLedger(args.db.empty() ? DefaultDb() : args.db, true);
  if (!store.ok()) return Fail(store.status());
  args.query.details = args.format != "table";
  Result<std::vector<ClaimRecord>> records = (*store)->FindClaims(args.query);
  if (!records.ok()) return Fail(records.status());
  return PrintRecords(*records, args.format, !args.query.about.empty(), false);
}

int RunClaim(const std::string& db, int64_t id, const std::string& format) {
  Result<std::unique_ptr<Store>> store =
      OpenLedger(db.empty() ? DefaultDb() : db, true);
  if (!store.ok()) return Fail(store.status());
  Result<ClaimRecord> r = (*store)->GetClaim(id);
  if (!r.ok()) return Fail(r.status());
  if (format == "json") return PrintRecords({*r}, "jsonl", false, true);
  std::string out;
  out += "claim " + std::to_string(r->id) + ": " + r->text + "\n";
  out += "status      " + std::string(ClaimStatusName(r->status)) + "\n";
  out += "parties     " + Join(r->participants, ", ") + "\n";
  out += "first seen  " + (r->first_seen.empty() ? "-" : r->first_seen) + "\n";
  if (r->first_report >= 0 &&
      r->first_report < static_cast<int64_t>(r->statements.size())) {
    const LedgerStatement& f = r->statements[r->first_report];
    out += "first report " + (f.outlet.empty() ? "-" : f.outlet) + ", " +
           f.sourcing + (f.speaker.empty() ? "" : " (" + f.speaker + ")") +
           (f.via.empty() ? "" : " via " + f.via) + "\n";
  }
  out += "articles    " + std::to_string(r->article_count) + " (" +
         std::to_string(r->independent_sources) + " independent sources)\n";
  out += "\ntimeline\n";
  for (size_t i = 0; i < r->statements.size(); ++i) {
    const LedgerStatement& s = r->statements[i];
    std::string who = s.speaker.empty() ? "(" + s.outlet + ")" : s.speaker;
    if (s.principal && !s.party.empty() && s.party != s.speaker) {
      who += " for " + s.party;
    }
    std::string stance =
        s.stance + (s.strength.empty() ? "" : "/" + s.strength);
    if (s.retraction) stance = "retract";
    if (s.principal) stance += "*";
    out += "  " + Pad(Date(s.published), 10) + " " + Pad(s.outlet, 20) + " " +
           Pad(who, 30) + " " + Pad(stance, 16) + "\n";
    // A statement the article retells: when it was made, where told.
    std::string said;
    if (s.retold) {
      said =
          s.said_on.empty() ? "  (said earlier)" : "  (said " + s.said_on + ")";
    }
    out += "      \"" + Fit(s.quote, said.empty() ? 88 : 88 - said.size()) +
           "\"" + said + "\n";
    out +=
        "      " + Fit(s.url.empty() ? s.document_id : s.url, 80) +
        (s.version > 1 ? "  (version " + std::to_string(s.version) + ")" : "") +
        (s.active ? "" : "  [replaced by a later version]") + "\n";
  }
  out += "  (* a principal party)\n\nstatus history\n";
  for (const StatusChange& h : r->history) {
    out += "  " + Pad(Date(h.time), 10) + " " +
           Pad(std::string(ClaimStatusName(h.status)), 10) + " " +
           Fit(h.reason, 76) + "\n";
  }
  return WriteOut(out) ? kExitOk : kExitSkipped;
}

struct SourcesArgs {
  std::string db;
  std::string format = "table";
  SourceQuery query;
};

std::string Percent(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", 100 * v);
  return buf;
}

int RunSources(const SourcesArgs& args) {
  Result<std::unique_ptr<Store>> store =
      OpenLedger(args.db.empty() ? DefaultDb() : args.db, true);
  if (!store.ok()) return Fail(store.status());
  Result<std::vector<SourceRecord>> sources = (*store)->Sources(args.query);
  if (!sources.ok()) return Fail(sources.status());
  std::string out;
  if (args.format == "json" || args.format == "jsonl") {
    JsonWriter* w = nullptr;
    std::unique_ptr<JsonWriter> array;
    if (args.format == "json") {
      array = std::make_unique<JsonWriter>(&out);
      array->BeginArray();
    }
    for (const SourceRecord& s : *sources) {
      std::unique_ptr<JsonWriter> line;
      if (array) {
        w = array.get();
      } else {
        line = std::make_unique<JsonWriter>(&out);
        w = line.get();
      }
      w->BeginObject();
      w->Key("name");
      w->String(s.name);
      w->Key("kind");
      w->String(s.kind);
      w->Key("reported");
      w->Int(s.reported);
      w->Key("originated");
      w->Int(s.originated);
      w->Key("confirmed");
      w->Int(s.confirmed);
      w->Key("denied");
      w->Int(s.denied);
      w->Key("denied_open");
      w->Int(s.denied_open);
      w->Key("disputed");
      w->Int(s.disputed);
      w->Key("retracted");
      w->Int(s.retracted);
      w->Key("unresolved");
      w->Int(s.unresolved);
      w->Key("reliability");
      w->Double(s.reliability);
      w->Key("interval");
      w->BeginArray();
      w->Double(s.interval_low);
      w->Double(s.interval_high);
      w->EndArray();
      w->EndObject();
      if (!array) out += "\n";
    }
    if (array) {
      array->EndArray();
      out += "\n";
    }
  } else if (args.format == "csv") {
    out +=
        "name,kind,reported,originated,confirmed,denied,denied_open,disputed,"
        "retracted,unresolved,reliability,interval_low,interval_high\n";
    for (const SourceRecord& s : *sources) {
      char nums[200];
      std::snprintf(nums, sizeof nums, "%d,%d,%d,%d,%d,%d,%d,%d,%.4f,%.4f,%.4f",
                    s.reported, s.originated, s.confirmed, s.denied,
                    s.denied_open, s.disputed, s.retracted, s.unresolved,
                    s.reliability, s.interval_low, s.interval_high);
      out += CsvField(s.name) + "," + s.kind + "," + nums + "\n";
    }
  } else {
    char line[200];
    std::snprintf(line, sizeof line,
                  "%-24s %-8s %4s %4s %4s %4s %4s %4s %4s %5s  %-12s\n",
                  "SOURCE", "KIND", "REP", "ORIG", "CONF", "DEN", "OPEN",
                  "DISP", "RETR", "RELI", "90% INTERVAL");
    out += line;
    for (const SourceRecord& s : *sources) {
      std::snprintf(
          line, sizeof line, " %-8s %4d %4d %4d %4d %4d %4d %4d %5s  %s-%s\n",
          s.kind.c_str(), s.reported, s.originated, s.confirmed, s.denied,
          s.denied_open, s.disputed, s.retracted,
          Percent(s.reliability).c_str(), Percent(s.interval_low).c_str(),
          Percent(s.interval_high).c_str());
      out += Pad(s.name, 24) + line;
    }
    out += "DEN counts denials that stood " +
           std::to_string(args.query.settle_days) +
           " days unconfirmed; OPEN, younger ones. RELI: confirmed share of\n"
           "settled claims (confirmed, retracted, settled denials), Beta(1,1) "
           "prior.\n";
  }
  return WriteOut(out) ? kExitOk : kExitSkipped;
}

int RunEntities(const std::string& db, const std::string& format) {
  Result<std::unique_ptr<Store>> store =
      OpenLedger(db.empty() ? DefaultDb() : db, true);
  if (!store.ok()) return Fail(store.status());
  Result<std::vector<EntityRecord>> ents = (*store)->Entities();
  if (!ents.ok()) return Fail(ents.status());
  std::string out;
  if (format == "json") {
    JsonWriter w(&out);
    w.BeginArray();
    for (const EntityRecord& e : *ents) {
      w.BeginObject();
      w.Key("name");
      w.String(e.name);
      w.Key("type");
      w.String(e.type);
      w.Key("documents");
      w.Int(e.documents);
      w.Key("claims");
      w.Int(e.claims);
      w.EndObject();
    }
    w.EndArray();
    out += "\n";
  } else {
    char line[64];
    std::snprintf(line, sizeof line, "%-8s %5s %6s\n", "TYPE", "DOCS",
                  "CLAIMS");
    out += Pad("ENTITY", 40) + " " + line;
    for (const EntityRecord& e : *ents) {
      std::snprintf(line, sizeof line, "%-8s %5d %6d\n", e.type.c_str(),
                    e.documents, e.claims);
      out += Pad(e.name, 40) + " " + line;
    }
  }
  return WriteOut(out) ? kExitOk : kExitSkipped;
}

void WriteClaimReview(JsonWriter& w, const ClaimRecord& r) {
  w.BeginObject();
  w.Key("@context");
  w.String("https://schema.org");
  w.Key("@type");
  w.String("ClaimReview");
  w.Key("claimReviewed");
  w.String(r.text);
  if (!r.history.empty()) {
    w.Key("datePublished");
    w.String(Date(r.history.back().time));
  }
  w.Key("author");
  w.BeginObject();
  w.Key("@type");
  w.String("Organization");
  w.Key("name");
  w.String("hearsay ledger");
  w.EndObject();
  w.Key("itemReviewed");
  w.BeginObject();
  w.Key("@type");
  w.String("Claim");
  if (r.first_report >= 0 &&
      r.first_report < static_cast<int64_t>(r.statements.size())) {
    const LedgerStatement& f = r.statements[r.first_report];
    w.Key("author");
    w.BeginObject();
    w.Key("@type");
    w.String("Organization");
    w.Key("name");
    w.String(f.outlet);
    w.EndObject();
    w.Key("datePublished");
    w.String(Date(f.published));
  }
  w.Key("appearance");
  w.BeginArray();
  std::vector<std::string> seen;
  for (const LedgerStatement& s : r.statements) {
    if (s.url.empty() || !s.active ||
        std::find(seen.begin(), seen.end(), s.url) != seen.end()) {
      continue;
    }
    seen.push_back(s.url);
    w.BeginObject();
    w.Key("@type");
    w.String("CreativeWork");
    w.Key("url");
    w.String(s.url);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.Key("reviewRating");
  w.BeginObject();
  w.Key("@type");
  w.String("Rating");
  const char* name = "";
  int value = 0;
  switch (r.status) {
    case ClaimStatus::kConfirmed:
      name = "Confirmed by its parties";
      value = 5;
      break;
    case ClaimStatus::kDenied:
      name = "Denied by its parties";
      value = 2;
      break;
    case ClaimStatus::kRetracted:
      name = "Retracted by the outlet that reported it";
      value = 1;
      break;
    case ClaimStatus::kDisputed:
      name = "Disputed between its parties";
      value = 3;
      break;
    case ClaimStatus::kReported:
      name = "Reported, unresolved";
      value = 3;
      break;
  }
  w.Key("ratingValue");
  w.Int(value);
  w.Key("bestRating");
  w.Int(5);
  w.Key("worstRating");
  w.Int(1);
  w.Key("alternateName");
  w.String(name);
  w.EndObject();
  // Extension fields: what a ClaimReview has no words for.
  w.Key("hearsay:status");
  w.String(ClaimStatusName(r.status));
  w.Key("hearsay:articleCount");
  w.Int(r.article_count);
  w.Key("hearsay:independentSources");
  w.Int(r.independent_sources);
  if (r.first_report >= 0 &&
      r.first_report < static_cast<int64_t>(r.statements.size())) {
    const LedgerStatement& f = r.statements[r.first_report];
    w.Key("hearsay:sourcing");
    w.BeginObject();
    w.Key("type");
    w.String(f.sourcing);
    w.Key("speaker");
    w.String(f.speaker);
    w.Key("via");
    w.String(f.via);
    w.EndObject();
  }
  w.Key("hearsay:statusHistory");
  w.BeginArray();
  for (const StatusChange& h : r.history) {
    w.BeginObject();
    w.Key("status");
    w.String(ClaimStatusName(h.status));
    w.Key("time");
    w.String(h.time);
    w.Key("reason");
    w.String(h.reason);
    if (h.evidence >= 0 && h.evidence < static_cast<int>(r.statements.size())) {
      w.Key("url");
      w.String(r.statements[h.evidence].url);
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

int RunExport(const std::string& db, const std::string& format) {
  Result<std::unique_ptr<Store>> store =
      OpenLedger(db.empty() ? DefaultDb() : db, true);
  if (!store.ok()) return Fail(store.status());
  ClaimQuery q;
  q.details = true;
  Result<std::vector<ClaimRecord>> records = (*store)->FindClaims(q);
  if (!records.ok()) return Fail(records.status());
  if (format != "claimreview") {
    return PrintRecords(*records, format, false, format == "jsonl");
  }
  std::string out;
  JsonWriter w(&out);
  w.BeginArray();
  for (const ClaimRecord& r : *records) {
    if (r.status == ClaimStatus::kReported) continue;  // unresolved
    WriteClaimReview(w, r);
  }
  w.EndArray();
  out += "\n";
  return WriteOut(out) ? kExitOk : kExitSkipped;
}

int RunReextract(const std::string& db, bool all,
                 const ExtractorFlags& extractor) {
  if (!LoadExtractor(extractor)) return kExitUsage;
  Result<std::unique_ptr<Store>> store =
      OpenLedger(db.empty() ? DefaultDb() : db, false, extractor.lexicon);
  if (!store.ok()) return Fail(store.status());
  uint64_t redone = 0, kept = 0;
  bool have = ledger::HaveExtractor();
  Result<IngestStats> stats = (*store)->Rebuild(
      [&](const StoredDocument& d) -> Result<std::optional<Extraction>> {
        const Extraction& x = d.extraction;
        bool stale = x.models_version != ledger::CurrentModelsVersion() ||
                     x.lexicons_version != ledger::CurrentLexiconsVersion();
        // Without an extractor, or without the text to run it on, the stored
        // extraction is re-derived as it is.
        if (!have || x.document.text.empty() || (!stale && !all)) {
          ++kept;
          return std::optional<Extraction>();
        }
        ++redone;
        return std::optional<Extraction>(ledger::ExtractForLedger(x.document));
      });
  if (!stats.ok()) return Fail(stats.status());
  std::fprintf(
      stderr,
      "%llu documents re-extracted, %llu kept; ledger rebuilt: %lld "
      "claims in %lld records%s\n",
      static_cast<unsigned long long>(redone),
      static_cast<unsigned long long>(kept),
      static_cast<long long>(stats->claims),
      static_cast<long long>(stats->records),
      have ? "" : " (no extractor built in: stored extractions reused)");
  return kExitOk;
}

const char kFormats[] = "table, json (one array), jsonl or csv";

}  // namespace

void AddLedgerCommands(CommandSet& set) {
  const std::string db_help =
      "the ledger: an SQLite file, or a PostgreSQL URL "
      "(postgresql://USER@HOST/DB) (default: $HEARSAY_DB, else ./hearsay.db)";
  const std::string exit_help =
      "Exit status: 0 every input was read; 1 some input was skipped (one line "
      "on stderr each) or the ledger failed; 2 usage error.";

  auto ingest = std::make_shared<IngestArgs>();
  CLI::App* in = set.Add(
      nullptr, "ingest",
      "Read documents (every format the readers take, or hearsay.extract/1 "
      "records with --extracted) into the claim ledger: link their claims, "
      "follow each claim's status",
      [ingest] { return RunIngest(*ingest); });
  in->add_option("inputs", ingest->inputs,
                 "files, directories (read recursively) or - for stdin");
  in->add_option("--db", ingest->db, db_help);
  in->add_option("--jobs,-j", ingest->jobs,
                 "worker threads (default: the number of cores)")
      ->check(CLI::Range(1, 256));
  in->add_flag("--extracted", ingest->extracted,
               "inputs are hearsay.extract/1 JSON Lines made elsewhere");
  in->add_option("--batch", ingest->batch, "documents per transaction")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  AddReaderFlags(in, ingest->reader);
  AddExtractorFlags(in, ingest->extractor);
  in->footer(exit_help +
             " Re-ingesting a document is a no-op; a new text at a stored URL "
             "is stored as a new version that replaces the old one's claims.");

  auto claims = std::make_shared<ClaimsArgs>();
  CLI::App* cl =
      set.Add(nullptr, "claims", "List the ledger's claims with their status",
              [claims] { return RunClaims(*claims); });
  cl->add_option("--status", claims->query.status,
                 "reported, denied, confirmed, disputed or retracted");
  cl->add_option("--entity", claims->query.entity,
                 "only claims with this participant (part of a name)");
  cl->add_option("--outlet", claims->query.outlet,
                 "only claims carried by this outlet (part of a name)");
  cl->add_option("--since", claims->query.since,
                 "only claims first seen on or after this date (YYYY-MM-DD)");
  cl->add_option("--about", claims->query.about,
                 "rank claims by similarity to this text");
  cl->add_option("--limit", claims->query.limit, "at most N claims");
  cl->add_option("--format", claims->format, kFormats)
      ->check(CLI::IsMember({"table", "json", "jsonl", "csv"}))
      ->capture_default_str();
  cl->add_option("--db", claims->db, db_help);

  auto claim_db = std::make_shared<std::string>();
  auto claim_id = std::make_shared<int64_t>(0);
  auto claim_format = std::make_shared<std::string>("text");
  CLI::App* one = set.Add(
      nullptr, "claim",
      "Show one claim: its timeline (when, outlet, speaker, stance, quote, "
      "URL) and its status history with the evidence",
      [=] { return RunClaim(*claim_db, *claim_id, *claim_format); });
  one->add_option("id", *claim_id, "the claim's id (from hearsay claims)")
      ->required();
  one->add_option("--db", *claim_db, db_help);
  one->add_option("--format", *claim_format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();

  auto sources = std::make_shared<SourcesArgs>();
  CLI::App* so = set.Add(
      nullptr, "sources",
      "Track records of outlets and sourcing types: claims originated or "
      "carried, by status, and reliability with a 90% interval",
      [sources] { return RunSources(*sources); });
  so->add_option("--format", sources->format, kFormats)
      ->check(CLI::IsMember({"table", "json", "jsonl", "csv"}))
      ->capture_default_str();
  so->add_option("--settle-days", sources->query.settle_days,
                 "days a denial must stand unconfirmed before it counts "
                 "against the source")
      ->capture_default_str()
      ->check(CLI::Range(0, 100000));
  so->add_option("--as-of", sources->query.as_of,
                 "judge as of this date (default: the latest document's time)");
  so->add_option("--db", sources->db, db_help);

  auto ent_db = std::make_shared<std::string>();
  auto ent_format = std::make_shared<std::string>("table");
  CLI::App* en = set.Add(nullptr, "entities",
                         "List the people, organisations and places in the "
                         "ledger with their document and claim counts",
                         [=] { return RunEntities(*ent_db, *ent_format); });
  en->add_option("--db", *ent_db, db_help);
  en->add_option("--format", *ent_format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();

  auto ex_db = std::make_shared<std::string>();
  auto ex_format = std::make_shared<std::string>("jsonl");
  CLI::App* ex = set.Add(
      nullptr, "export",
      "Export every claim: jsonl (full records with links), csv, or "
      "claimreview (schema.org ClaimReview JSON-LD for resolved claims)",
      [=] { return RunExport(*ex_db, *ex_format); });
  ex->add_option("--format", *ex_format, "jsonl, csv or claimreview")
      ->check(CLI::IsMember({"jsonl", "csv", "claimreview"}))
      ->capture_default_str();
  ex->add_option("--db", *ex_db, db_help);

  auto re_db = std::make_shared<std::string>();
  auto re_all = std::make_shared<bool>(false);
  auto re_extractor = std::make_shared<ExtractorFlags>();
  CLI::App* re = set.Add(
      nullptr, "reextract",
      "Re-run the current extractor over stored documents whose model or "
      "lexicon versions differ, and rebuild the ledger from them",
      [=] { return RunReextract(*re_db, *re_all, *re_extractor); });
  re->add_option("--db", *re_db, db_help);
  AddExtractorFlags(re, *re_extractor);
  re->add_flag("--all", *re_all, "re-extract every document");
}

}  // namespace hearsay::cli
