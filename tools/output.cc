#include "output.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "core/hash.h"

namespace hearsay::cli {

void WriteDocumentJson(JsonWriter& w, const Document& doc) {
  w.BeginObject();
  w.Key("id");
  w.String(doc.id);
  w.Key("url");
  w.String(doc.url);
  w.Key("outlet");
  w.String(doc.outlet);
  w.Key("published");
  w.StringOrNull(doc.published);
  w.Key("published_from");
  w.String(PublishedFromName(doc.published_from));
  w.Key("authors");
  w.BeginArray();
  for (const std::string& a : doc.authors) w.String(a);
  w.EndArray();
  w.Key("language");
  w.String(doc.language);
  w.Key("language_detected");
  w.Bool(doc.language_detected);
  w.Key("title");
  w.String(doc.title);
  w.Key("body_begin");
  w.Uint(doc.body_begin);
  w.Key("bytes");
  w.Uint(doc.text.size());
  w.Key("content_hash");
  w.String(HashHex(doc.content_hash));
  w.Key("origin");
  w.String(doc.origin);
  w.EndObject();
}

Progress::Progress(std::string unit)
    : unit_(std::move(unit)),
      enabled_(isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

void Progress::Update(uint64_t done, uint64_t skipped) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  std::fprintf(stderr, "\r%llu %s, %.0f/s, %llu skipped   ",
               static_cast<unsigned long long>(done), unit_.c_str(),
               secs > 0 ? done / secs : 0.0,
               static_cast<unsigned long long>(skipped));
  drawn_ = true;
}

void Progress::Finish() {
  if (drawn_) std::fprintf(stderr, "\r\033[K");
  drawn_ = false;
}

bool ReaderFlags::ToOptions(ReadOptions& options) const {
  Result<InputFormat> f = ParseInputFormat(format);
  if (!f.ok()) {
    std::fprintf(stderr, "hearsay: %s\n", f.status().message().c_str());
    return false;
  }
  options.format = *f;
  options.strict = strict;
  options.max_document_bytes = max_document_mb << 20;
  return true;
}

void AddReaderFlags(CLI::App* app, ReaderFlags& flags) {
  app->add_option("--input-format", flags.format,
                  "auto, text, jsonl, html, warc or feed (default: from the "
                  "file name and first bytes)")
      ->capture_default_str();
  app->add_flag("--strict", flags.strict,
                "stop at the first malformed input instead of skipping it");
  app->add_option("--max-document-mb", flags.max_document_mb,
                  "skip any document, line or record larger than this")
      ->capture_default_str();
}

namespace {

bool HasModels(const std::string& dir) {
  std::error_code ec;
  return !dir.empty() && std::filesystem::exists(
                             std::filesystem::path(dir) / "parser.model", ec);
}

}  // namespace

void AddExtractorFlags(CLI::App* app, ExtractorFlags& flags) {
  app->add_option("--models", flags.models,
                  "directory of tagger.model, parser.model and ner.model "
                  "(default: $HEARSAY_MODELS, then the source tree's models/, "
                  "then ./models)");
  app->add_option("--lexicon", flags.lexicon,
                  "a directory of lexicon files that add to or remove from "
                  "the shipped ones (lexicons/README.md)");
}

std::string FindModelsDir(const std::string& given) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv("HEARSAY_MODELS"); env && HasModels(env)) {
    return env;
  }
#ifdef HEARSAY_MODELS_DIR
  if (HasModels(HEARSAY_MODELS_DIR)) return HEARSAY_MODELS_DIR;
#endif
  if (HasModels("models")) return "models";
  return "";
}

bool WriteOut(const std::string& s) {
  if (std::fwrite(s.data(), 1, s.size(), stdout) != s.size()) {
    std::fprintf(stderr, "hearsay: cannot write to standard output\n");
    return false;
  }
  return true;
}

}  // namespace hearsay::cli
