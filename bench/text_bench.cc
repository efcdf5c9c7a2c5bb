// Throughput of the text stage on real news: Normalize(), Segment() and both
// together over the FNC-1 article bodies, reading the same bodies as JSON
// Lines and segmenting each document (what `hearsay segment` does, minus the
// output; with and without language detection, and with Normalize() of each
// text), next to a whitespace word count over the same bytes in process and
// the real `wc -w` over a file of them (the floor any tokenizer is compared
// with), and the process's peak resident memory. Every figure is bytes of
// body text per second of CPU time.
//
//   text_bench [--benchmark_filter=...]
//
// The bodies are read from $HEARSAY_SHARED/data/fnc1/train_bodies.csv
// (default: <source>/../shared); without them the benchmark says so and
// exits 0.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fnc1_bodies.h"
#include "hearsay/ingest.h"
#include "hearsay/text.h"

namespace {

const std::vector<std::string>* g_bodies = nullptr;
size_t g_bytes = 0;

void BM_Normalize(benchmark::State& state) {
  size_t out = 0;
  for (auto _ : state) {
    for (const std::string& b : *g_bodies) {
      hearsay::NormalizedText n = hearsay::Normalize(b);
      out += n.text.size();
    }
  }
  benchmark::DoNotOptimize(out);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * g_bytes));
}

void BM_Segment(benchmark::State& state) {
  hearsay::Segmenter segmenter;
  hearsay::Segmentation seg;
  size_t tokens = 0;
  for (auto _ : state) {
    for (const std::string& b : *g_bodies) {
      segmenter.Segment(b, &seg);
      tokens += seg.tokens.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * g_bytes));
  state.counters["tokens"] = benchmark::Counter(static_cast<double>(tokens),
                                                benchmark::Counter::kIsRate);
}

void BM_NormalizeAndSegment(benchmark::State& state) {
  hearsay::Segmenter segmenter;
  hearsay::Segmentation seg;
  size_t out = 0;
  for (auto _ : state) {
    for (const std::string& b : *g_bodies) {
      hearsay::NormalizedText n = hearsay::Normalize(b);
      segmenter.Segment(b, &seg);
      out += n.text.size() + seg.tokens.size();
    }
  }
  benchmark::DoNotOptimize(out);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * g_bytes));
}

// The bodies as news-please JSON Lines: {"maintext": "..."} a line.
std::string ToJsonl(const std::vector<std::string>& bodies) {
  std::string out;
  for (const std::string& b : bodies) {
    out += "{\"maintext\": \"";
    for (char c : b) {
      unsigned char u = static_cast<unsigned char>(c);
      if (c == '"' || c == '\\') {
        out += '\\';
        out += c;
      } else if (c == '\n') {
        out += "\\n";
      } else if (u < 0x20) {
        char esc[8];
        std::snprintf(esc, sizeof esc, "\\u%04x", u);
        out += esc;
      } else {
        out += c;
      }
    }
    out += "\"}\n";
  }
  return out;
}

const std::string* g_jsonl = nullptr;

void BM_ReadJsonlAndSegment(benchmark::State& state) {
  hearsay::Segmenter segmenter;
  hearsay::Segmentation seg;
  const bool normalize = state.range(1) != 0;
  size_t docs = 0, skipped = 0, normalized = 0;
  for (auto _ : state) {
    hearsay::ReadOptions options;
    options.detect_language = state.range(0) != 0;
    hearsay::Reader reader(options,
                           [&](const hearsay::Diagnostic&) { ++skipped; });
    hearsay::Status s = reader.ReadBuffer(
        "bodies.jsonl", *g_jsonl, [&](hearsay::Document&& doc) {
          if (normalize) normalized += hearsay::Normalize(doc.text).text.size();
          segmenter.Segment(doc.text, &seg);
          ++docs;
          return hearsay::Status::Ok();
        });
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * g_bytes));
  state.counters["docs"] = benchmark::Counter(static_cast<double>(docs),
                                              benchmark::Counter::kIsRate);
  state.counters["skipped"] = static_cast<double>(skipped);
  benchmark::DoNotOptimize(normalized);
}

// What `wc -w` does: count maximal runs of non-whitespace bytes.
void BM_WordCount(benchmark::State& state) {
  size_t words = 0;
  for (auto _ : state) {
    for (const std::string& b : *g_bodies) {
      bool in_word = false;
      for (unsigned char c : b) {
        bool space = c == ' ' || (c >= '\t' && c <= '\r');
        words += !space && !in_word;
        in_word = !space;
      }
    }
  }
  benchmark::DoNotOptimize(words);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * g_bytes));
}

// The real `wc -w` over the same bytes (one file of the bodies), as MB of
// text per CPU-second of the child processes: the best of five runs, since
// the work is fixed and only interference varies. Prints why when it cannot
// run.
void RunWc(const std::vector<std::string>& bodies, size_t bytes) {
  char path[] = "/tmp/hearsay-text-bench-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) {
    std::printf("wc -w: skipped: no temporary file\n");
    return;
  }
  {
    std::ofstream out(path, std::ios::binary);
    for (const std::string& b : bodies) out << b << '\n';
  }
  close(fd);
  const std::string command = std::string("wc -w < ") + path;
  double best = 0;
  std::string words;
  for (int run = 0; run < 5; ++run) {
    rusage before{}, after{};
    getrusage(RUSAGE_CHILDREN, &before);
    FILE* p = popen(command.c_str(), "r");
    if (p == nullptr) break;
    char line[64] = {};
    if (std::fgets(line, sizeof line, p) != nullptr) words = line;
    if (pclose(p) != 0) break;
    getrusage(RUSAGE_CHILDREN, &after);
    auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
    const double cpu = seconds(after.ru_utime) - seconds(before.ru_utime) +
                       seconds(after.ru_stime) - seconds(before.ru_stime);
    if (cpu > 0) best = std::max(best, bytes / 1e6 / cpu);
  }
  std::remove(path);
  while (!words.empty() && (words.back() == '\n' || words.back() == ' ')) {
    words.pop_back();
  }
  if (best > 0) {
    std::printf("wc -w: %s words, %.1f MB/s of CPU time (best of 5)\n",
                words.c_str(), best);
  } else {
    std::printf("wc -w: skipped: it did not run or took no measurable time\n");
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path =
      hearsay::bench::SharedDir() + "/data/fnc1/train_bodies.csv";
  std::vector<std::string> bodies = hearsay::bench::ReadFnc1Bodies(path);
  if (bodies.empty()) {
    std::printf(
        "text_bench: skipped: no FNC-1 bodies at %s (set HEARSAY_SHARED)\n",
        path.c_str());
    return 0;
  }
  for (const std::string& b : bodies) g_bytes += b.size();
  g_bodies = &bodies;
  std::printf("text_bench: %zu bodies, %.1f MB from %s\n", bodies.size(),
              g_bytes / 1e6, path.c_str());
  benchmark::RegisterBenchmark("Normalize", BM_Normalize)
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("Segment", BM_Segment)
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("NormalizeAndSegment", BM_NormalizeAndSegment)
      ->Unit(benchmark::kMillisecond);
  const std::string jsonl = ToJsonl(bodies);
  g_jsonl = &jsonl;
  // language:1 adds what the reader does by default when the metadata names
  // no language: detect it from the text. normalize:1 adds Normalize() of
  // each text: its NFC, ASCII-folded copy with the map back to the original.
  benchmark::RegisterBenchmark("ReadJsonlAndSegment", BM_ReadJsonlAndSegment)
      ->ArgNames({"language", "normalize"})
      ->Args({0, 0})
      ->Args({1, 0})
      ->Args({0, 1})
      ->Args({1, 1})
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("WordCount", BM_WordCount)
      ->Unit(benchmark::kMillisecond);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  RunWc(bodies, g_bytes);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak RSS: %.1f MB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
