// nlp stage throughput: tag + lemmatize + parse + names over the word forms
// of EWT dev (gold tokens), and the same from raw text (EWT dev rebuilt as
// text the CoNLL 2018 way, segmented first), reported as words per
// CPU-second; plus the time to load the models and the peak resident set
// size.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "core/shared_data.h"
#include "hearsay/nlp.h"
#include "hearsay/text.h"
#include "text/conllu.h"
#include "text/segment_eval.h"

namespace {

// HEARSAY_MODELS: another directory of model files (candidates before they
// replace the committed ones).
std::string ModelsDir() {
  const char* env = std::getenv("HEARSAY_MODELS");
  if (env && *env) return env;
  return std::string(HEARSAY_SOURCE_DIR) + "/models";
}

double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

struct Corpus {
  std::vector<hearsay::conllu::Sentence> sentences;
  size_t words = 0;
};

const Corpus* LoadCorpus() {
  static Corpus* corpus = [] {
    auto* c = new Corpus;
    auto s = hearsay::conllu::ReadFile(hearsay::SharedDir() +
                                       "/data/ud/en_ewt-ud-dev.conllu");
    if (s.ok()) c->sentences = std::move(*s);
    for (const auto& x : c->sentences) c->words += x.words.size();
    return c;
  }();
  return corpus;
}

void BM_Load(benchmark::State& state) {
  for (auto _ : state) {
    auto p = hearsay::nlp::Pipeline::Load(ModelsDir());
    if (!p.ok()) {
      state.SkipWithError(p.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(p->model_bytes());
  }
}
BENCHMARK(BM_Load)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_Annotate(benchmark::State& state) {
  const Corpus* corpus = LoadCorpus();
  if (corpus->sentences.empty()) {
    state.SkipWithError("EWT dev not found (set HEARSAY_SHARED)");
    return;
  }
  auto p = hearsay::nlp::Pipeline::Load(ModelsDir());
  if (!p.ok()) {
    state.SkipWithError(p.status().ToString().c_str());
    return;
  }
  std::vector<hearsay::nlp::AnnotatedSentence> input(corpus->sentences.size());
  for (size_t i = 0; i < input.size(); ++i) {
    for (const auto& w : corpus->sentences[i].words) {
      input[i].words.push_back(w.form);
    }
  }
  double cpu = 0;
  size_t tokens = 0;
  for (auto _ : state) {
    double t0 = CpuSeconds();
    for (auto& s : input) p->Annotate(s);
    cpu += CpuSeconds() - t0;
    tokens += corpus->words;
  }
  state.counters["tokens_per_cpu_s"] = tokens / cpu;
  state.SetItemsProcessed(static_cast<int64_t>(tokens));
}
BENCHMARK(BM_Annotate)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// Segmentation included: what `hearsay parse` does per document, minus the
// output.
void BM_AnnotateRawText(benchmark::State& state) {
  const Corpus* corpus = LoadCorpus();
  if (corpus->sentences.empty()) {
    state.SkipWithError("EWT dev not found (set HEARSAY_SHARED)");
    return;
  }
  auto p = hearsay::nlp::Pipeline::Load(ModelsDir());
  if (!p.ok()) {
    state.SkipWithError(p.status().ToString().c_str());
    return;
  }
  std::vector<hearsay::GoldDocument> docs =
      hearsay::RebuildText(corpus->sentences);
  hearsay::Segmenter segmenter;
  hearsay::Segmentation seg;
  hearsay::nlp::AnnotatedSentence a;
  double cpu = 0;
  size_t words = 0;
  for (auto _ : state) {
    double t0 = CpuSeconds();
    for (const hearsay::GoldDocument& d : docs) {
      segmenter.Segment(d.text, &seg);
      for (const hearsay::Sentence& s : seg.sentences) {
        a.words.clear();
        for (uint32_t t = s.first_token; t < s.first_token + s.token_count;
             ++t) {
          const hearsay::Token& tok = seg.tokens[t];
          for (uint32_t k = 0; k < tok.word_count; ++k) {
            const hearsay::Word& w = seg.words[tok.first_word + k];
            a.words.push_back(w.form.empty() ? w.span.Slice(d.text)
                                             : std::string_view(w.form));
          }
        }
        p->Annotate(a);
        words += a.words.size();
      }
    }
    cpu += CpuSeconds() - t0;
  }
  state.counters["tokens_per_cpu_s"] = words / cpu;
  state.SetItemsProcessed(static_cast<int64_t>(words));
}
BENCHMARK(BM_AnnotateRawText)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  auto t0 = std::chrono::steady_clock::now();
  auto p = hearsay::nlp::Pipeline::Load(ModelsDir());
  double load_ms = std::chrono::duration<double, std::milli>(
                       std::chrono::steady_clock::now() - t0)
                       .count();
  if (p.ok()) {
    std::printf("models: %.1f MB, first load %.1f ms\n", p->model_bytes() / 1e6,
                load_ms);
  }
  benchmark::RunSpecifiedBenchmarks();
  rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  std::printf("peak RSS: %.1f MB\n", ru.ru_maxrss / 1024.0);
  benchmark::Shutdown();
  return 0;
}
