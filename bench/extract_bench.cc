// Throughput of Extractor::Extract on real news: entities and statements from
// the raw text of FNC-1 article bodies (segmenting, tagging, parsing and
// naming included, since Extract does all of it), in words per CPU-second and
// documents per second, and the process's peak resident memory. Words are
// counted as `wc -w` counts them, over the same bodies.
//
//   extract_bench [--bodies=N] [--benchmark_filter=...]
//
// The bodies are read from $HEARSAY_SHARED/data/fnc1/train_bodies.csv
// (default: <source>/../shared); without them the benchmark says so and
// exits 0. --bodies takes the first N bodies (default 300, 0 for all), so that
// one pass stays a few seconds long on a shared machine.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "clock.h"
#include "fnc1_bodies.h"
#include "hearsay/document.h"
#include "hearsay/extractor.h"

namespace {

std::string ModelsDir() { return std::string(HEARSAY_SOURCE_DIR) + "/models"; }

size_t CountWords(const std::string& s) {
  size_t words = 0;
  bool in_word = false;
  for (unsigned char c : s) {
    bool space = c == ' ' || (c >= '\t' && c <= '\r');
    words += !space && !in_word;
    in_word = !space;
  }
  return words;
}

using hearsay::bench::CpuSeconds;
using hearsay::bench::WallSeconds;

const hearsay::Extractor* g_extractor = nullptr;
const std::vector<hearsay::Document>* g_docs = nullptr;
size_t g_words = 0;

void BM_Extract(benchmark::State& state) {
  size_t statements = 0;
  for (auto _ : state) {
    for (const hearsay::Document& d : *g_docs) {
      hearsay::Extraction x = g_extractor->Extract(d);
      statements += x.statements.size();
    }
  }
  benchmark::DoNotOptimize(statements);
  state.counters["words"] =
      benchmark::Counter(static_cast<double>(state.iterations() * g_words),
                         benchmark::Counter::kIsRate);
  state.counters["docs"] = benchmark::Counter(
      static_cast<double>(state.iterations() * g_docs->size()),
      benchmark::Counter::kIsRate);
}

}  // namespace

int main(int argc, char** argv) {
  size_t limit = 300;
  for (int a = 1; a < argc; ++a) {
    if (std::strncmp(argv[a], "--bodies=", 9) == 0) {
      limit = std::strtoul(argv[a] + 9, nullptr, 10);
      for (int b = a; b + 1 < argc; ++b) argv[b] = argv[b + 1];
      --argc;
      --a;
    }
  }
  const std::string path =
      hearsay::bench::SharedDir() + "/data/fnc1/train_bodies.csv";
  std::vector<std::string> bodies = hearsay::bench::ReadFnc1Bodies(path);
  if (bodies.empty()) {
    std::printf(
        "extract_bench: skipped: no FNC-1 bodies at %s (set HEARSAY_SHARED)\n",
        path.c_str());
    return 0;
  }
  if (limit > 0 && bodies.size() > limit) bodies.resize(limit);
  hearsay::ExtractorOptions options;
  options.models_dir = ModelsDir();
  hearsay::Result<hearsay::Extractor> ex = hearsay::Extractor::Create(options);
  if (!ex.ok()) {
    std::printf("extract_bench: skipped: %s\n", ex.status().ToString().c_str());
    return 0;
  }
  std::vector<hearsay::Document> docs;
  size_t bytes = 0;
  for (size_t i = 0; i < bodies.size(); ++i) {
    hearsay::Document d;
    d.id = "fnc1-" + std::to_string(i);
    d.text = std::move(bodies[i]);
    g_words += CountWords(d.text);
    bytes += d.text.size();
    docs.push_back(std::move(d));
  }
  g_extractor = &*ex;
  g_docs = &docs;
  std::printf("extract_bench: %zu bodies, %zu words, %.1f MB from %s\n",
              docs.size(), g_words, bytes / 1e6, path.c_str());

  // One plain pass first, timed by the process's CPU clock: the figures the
  // design's speed goal is stated in.
  double cpu0 = CpuSeconds(), wall0 = WallSeconds();
  size_t statements = 0, entities = 0;
  for (const hearsay::Document& d : docs) {
    hearsay::Extraction x = ex->Extract(d);
    statements += x.statements.size();
    entities += x.entities.size();
  }
  double cpu = CpuSeconds() - cpu0, wall = WallSeconds() - wall0;
  std::printf(
      "Extract: %.0f words/CPU-second, %.1f documents/s (CPU), %.1f "
      "documents/s (wall); %zu statements, %zu entities\n",
      g_words / cpu, docs.size() / cpu, docs.size() / wall, statements,
      entities);

  benchmark::RegisterBenchmark("Extract", BM_Extract)
      ->Unit(benchmark::kMillisecond);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak RSS: %.1f MB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
