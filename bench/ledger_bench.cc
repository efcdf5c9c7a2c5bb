// The ledger's figures in one process (docs/ledger.md, "Performance"; the
// same four, through the hearsay binary, come from bench/ledger_bench.sh):
//
//   (a) ingest throughput of reading, full extraction and ledger writes on
//       FNC-1 bodies: --jobs threads extract (Extractor::Extract), one
//       writer stores in input order, batches of 256 (as `hearsay ingest`
//       does), into an SQLite file;
//   (b) the ledger's bytes per 1,000 documents;
//   (c) FindClaims({.about = ...}) latency (`hearsay claims --about`) on a
//       synthetic ledger, as a Google Benchmark;
//   (d) Store::Ingest time per document as the synthetic ledger grows, in
//       slices (constant time per document = linear growth).
//
//   ledger_bench [--bodies=N] [--jobs=N] [--docs=N] [--benchmark_filter=...]
//
// --bodies: the first N FNC-1 bodies (default 300, 0 for all), read from
// $HEARSAY_SHARED/data/fnc1/train_bodies.csv (default <source>/../shared);
// without them (a) and (b) are skipped with a message. --docs: the synthetic
// ledger's size (default 20000; the figure is at 100000), made by
// tests/ledger/make_corpus.py (python3; without it (c) and (d) are
// skipped). Ledgers are written under $TMPDIR and removed.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "clock.h"
#include "extract/extraction_json.h"
#include "fnc1_bodies.h"
#include "hearsay/document.h"
#include "hearsay/extractor.h"
#include "hearsay/ledger.h"
#include "ledger/simhash.h"

namespace {

std::string TempPath(const std::string& name) {
  const char* dir = std::getenv("TMPDIR");
  return std::string(dir && *dir ? dir : "/tmp") + "/hearsay_ledger_bench_" +
         name + "_" + std::to_string(getpid()) + ".db";
}

void RemoveLedger(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::remove((path + suffix).c_str());
  }
}

double FileBytes(const std::string& path) {
  double bytes = 0;
  for (const char* suffix : {"", "-wal"}) {
    struct stat st {};
    if (stat((path + suffix).c_str(), &st) == 0) bytes += st.st_size;
  }
  return bytes;
}

using hearsay::bench::CpuSeconds;
using hearsay::bench::WallSeconds;

std::unique_ptr<hearsay::Store> OpenLedger(const std::string& path) {
  hearsay::Result<std::unique_ptr<hearsay::Store>> s =
      hearsay::OpenSqliteStore(path, {});
  if (!s.ok()) {
    std::fprintf(stderr, "ledger_bench: %s\n", s.status().ToString().c_str());
    std::exit(1);
  }
  return std::move(*s);
}

// (a) and (b): `jobs` threads extract, the calling thread stores in input
// order, 256 documents a transaction.
void PipelineOnFnc1(const std::vector<hearsay::Document>& docs, int jobs) {
  hearsay::ExtractorOptions options;
  options.models_dir = std::string(HEARSAY_SOURCE_DIR) + "/models";
  hearsay::Result<hearsay::Extractor> ex = hearsay::Extractor::Create(options);
  if (!ex.ok()) {
    std::printf("(a) skipped: %s\n", ex.status().ToString().c_str());
    return;
  }
  const std::string path = TempPath("fnc1");
  RemoveLedger(path);
  auto store = OpenLedger(path);
  double cpu0 = CpuSeconds(), wall0 = WallSeconds();
  std::vector<std::optional<hearsay::Extraction>> done(docs.size());
  std::mutex mu;
  std::condition_variable ready;
  size_t next = 0;
  std::vector<std::thread> workers;
  for (int j = 0; j < jobs; ++j) {
    workers.emplace_back([&] {
      while (true) {
        size_t i;
        {
          std::lock_guard<std::mutex> lock(mu);
          if (next >= docs.size()) return;
          i = next++;
        }
        hearsay::Extraction x = ex->Extract(docs[i]);
        {
          std::lock_guard<std::mutex> lock(mu);
          done[i] = std::move(x);
        }
        ready.notify_all();
      }
    });
  }
  std::vector<hearsay::Extraction> batch;
  int64_t claims = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    {
      std::unique_lock<std::mutex> lock(mu);
      ready.wait(lock, [&] { return done[i].has_value(); });
      batch.push_back(std::move(*done[i]));
      done[i].reset();
    }
    if (batch.size() == 256 || i + 1 == docs.size()) {
      hearsay::Result<hearsay::IngestStats> s = store->Ingest(std::move(batch));
      batch.clear();
      if (!s.ok()) {
        std::fprintf(stderr, "ledger_bench: %s\n",
                     s.status().ToString().c_str());
        std::exit(1);
      }
      claims += s->claims;
    }
  }
  for (std::thread& t : workers) t.join();
  double cpu = CpuSeconds() - cpu0, wall = WallSeconds() - wall0;
  store.reset();
  double bytes = FileBytes(path);
  RemoveLedger(path);
  std::printf(
      "(a) FNC-1 pipeline, %zu bodies, %d extraction threads: %.1f "
      "documents/s (wall %.2f s), %.1f documents per CPU-second; %lld "
      "claims\n",
      docs.size(), jobs, docs.size() / wall, wall, docs.size() / cpu,
      static_cast<long long>(claims));
  std::printf("(b) ledger size: %.2f MB per 1,000 FNC-1 documents\n",
              bytes / docs.size() * 1000 / 1e6);
}

// The synthetic corpus of tests/ledger/make_corpus.py, parsed.
std::vector<hearsay::Extraction> Synthetic(size_t n) {
  std::vector<hearsay::Extraction> out;
  std::string cmd = "python3 '" + std::string(HEARSAY_SOURCE_DIR) +
                    "/tests/ledger/make_corpus.py' " + std::to_string(n) +
                    " 7 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  std::string line;
  char buf[1 << 16];
  while (fgets(buf, sizeof buf, p)) {
    line += buf;
    if (line.empty() || line.back() != '\n') continue;
    hearsay::Result<hearsay::Extraction> x = hearsay::ParseExtractionJson(line);
    if (x.ok()) out.push_back(std::move(*x));
    line.clear();
  }
  pclose(p);
  return out;
}

std::string g_synthetic;  // the synthetic ledger (c) queries
const char* const kAbout[] = {"Company12 and Company7 acquire",
                              "Company3 resign",
                              "Company250 and Company91 negotiate",
                              "Company44 lay_off", "Company388 sue Company5"};

// (d): the synthetic corpus in slices; prints the time per document of each.
void GrowSynthetic(size_t n) {
  std::vector<hearsay::Extraction> docs = Synthetic(n);
  if (docs.size() < n) {
    std::printf(
        "(c, d) skipped: tests/ledger/make_corpus.py gave %zu of %zu "
        "documents (python3?)\n",
        docs.size(), n);
    return;
  }
  g_synthetic = TempPath("synthetic");
  RemoveLedger(g_synthetic);
  auto store = OpenLedger(g_synthetic);
  std::printf(
      "(d) Store::Ingest of the synthetic corpus (make_corpus.py %zu "
      "7), batches of 256:\n",
      n);
  std::printf("    %-10s %10s %10s %12s\n", "documents", "wall s", "CPU s",
              "ms CPU/doc");
  size_t from = 0;
  double first = 0, last = 0;
  for (size_t to : {n / 10, n / 4, n / 2, n}) {
    if (to <= from) continue;
    double cpu0 = CpuSeconds(), wall0 = WallSeconds();
    for (size_t at = from; at < to; at += 256) {
      std::vector<hearsay::Extraction> batch(
          std::make_move_iterator(docs.begin() + at),
          std::make_move_iterator(docs.begin() + std::min(to, at + 256)));
      hearsay::Result<hearsay::IngestStats> s = store->Ingest(std::move(batch));
      if (!s.ok()) {
        std::fprintf(stderr, "ledger_bench: %s\n",
                     s.status().ToString().c_str());
        std::exit(1);
      }
    }
    double cpu = CpuSeconds() - cpu0, wall = WallSeconds() - wall0;
    double per_doc = 1000 * cpu / (to - from);
    if (first == 0) first = per_doc;
    last = per_doc;
    std::printf("    %-10zu %10.2f %10.2f %12.3f\n", to, wall, cpu, per_doc);
    from = to;
  }
  store.reset();  // checkpointed: the file holds everything
  std::printf(
      "    the last slice's CPU per document is %.2fx the first's; "
      "%.2f MB per 1,000 synthetic documents\n",
      first > 0 ? last / first : 0, FileBytes(g_synthetic) / n * 1000 / 1e6);
}

void BM_About(benchmark::State& state) {
  auto store = OpenLedger(g_synthetic);
  size_t q = 0, found = 0;
  for (auto _ : state) {
    hearsay::ClaimQuery query;
    query.about = kAbout[q++ % std::size(kAbout)];
    query.limit = 10;
    auto r = store->FindClaims(query);
    if (!r.ok()) {
      state.SkipWithError(r.status().ToString().c_str());
      return;
    }
    found += r->size();
  }
  benchmark::DoNotOptimize(found);
}

void BM_Fingerprint(benchmark::State& state,
                    const std::vector<hearsay::Document>* docs) {
  size_t n = 0;
  for (auto _ : state) {
    for (const hearsay::Document& d : *docs) {
      auto shingles = hearsay::ledger::Shingles(d.text);
      benchmark::DoNotOptimize(hearsay::ledger::MinHashes(shingles));
    }
    n += docs->size();
  }
  state.counters["docs"] =
      benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsRate);
}

}  // namespace

int main(int argc, char** argv) {
  size_t bodies_limit = 300, synthetic = 20000;
  int jobs = 2;
  for (int a = 1; a < argc; ++a) {
    bool ours = true;
    if (std::strncmp(argv[a], "--bodies=", 9) == 0) {
      bodies_limit = std::strtoul(argv[a] + 9, nullptr, 10);
    } else if (std::strncmp(argv[a], "--docs=", 7) == 0) {
      synthetic = std::strtoul(argv[a] + 7, nullptr, 10);
    } else if (std::strncmp(argv[a], "--jobs=", 7) == 0) {
      jobs = std::max(1, std::atoi(argv[a] + 7));
    } else {
      ours = false;
    }
    if (ours) {
      for (int b = a; b + 1 < argc; ++b) argv[b] = argv[b + 1];
      --argc;
      --a;
    }
  }
  std::printf("ledger_bench: %u cores\n", std::thread::hardware_concurrency());
  const std::string path =
      hearsay::bench::SharedDir() + "/data/fnc1/train_bodies.csv";
  std::vector<std::string> bodies = hearsay::bench::ReadFnc1Bodies(path);
  std::vector<hearsay::Document> docs;
  if (bodies.empty()) {
    std::printf("(a, b) skipped: no FNC-1 bodies at %s (set HEARSAY_SHARED)\n",
                path.c_str());
  } else {
    if (bodies_limit > 0 && bodies.size() > bodies_limit) {
      bodies.resize(bodies_limit);
    }
    for (size_t i = 0; i < bodies.size(); ++i) {
      hearsay::Document d;
      d.id = "fnc1-" + std::to_string(i);
      d.url = "https://fnc1.example/" + std::to_string(i);
      d.outlet = "FNC-1";
      d.text = std::move(bodies[i]);
      docs.push_back(std::move(d));
    }
    PipelineOnFnc1(docs, jobs);
    benchmark::RegisterBenchmark("Fingerprint/FNC-1", BM_Fingerprint, &docs)
        ->Unit(benchmark::kMillisecond);
  }
  if (synthetic > 0) GrowSynthetic(synthetic);
  if (!g_synthetic.empty()) {
    benchmark::RegisterBenchmark(
        ("About/" + std::to_string(synthetic) + "docs").c_str(), BM_About)
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  if (!g_synthetic.empty()) RemoveLedger(g_synthetic);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak RSS: %.1f MB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
