// Helpers shared by the commands that print documents and progress.
#ifndef HEARSAY_TOOLS_OUTPUT_H_
#define HEARSAY_TOOLS_OUTPUT_H_

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

#include "core/json_writer.h"
#include "hearsay/document.h"
#include "hearsay/ingest.h"

namespace hearsay::cli {

// Writes the "document" object of DESIGN.md's JSON contracts.
void WriteDocumentJson(JsonWriter& w, const Document& doc);

// A one-line progress report on stderr, redrawn at most every 200 ms and only
// when stderr is a terminal; Finish() clears it.
class Progress {
 public:
  explicit Progress(std::string unit);
  void Update(uint64_t done, uint64_t skipped);
  void Finish();

 private:
  std::string unit_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_, last_;
  bool drawn_ = false;
};

// The --format/-f choices for readers, and a flag to parse them.
struct ReaderFlags {
  std::string format = "auto";
  bool strict = false;
  size_t max_document_mb = 64;
  // Fills `options`; prints the error and returns false on a bad
  // --input-format.
  bool ToOptions(ReadOptions& options) const;
};
void AddReaderFlags(CLI::App* app, ReaderFlags& flags);

// --models and --lexicon, for the commands that run the extractor.
struct ExtractorFlags {
  std::string models;   // "" = FindModelsDir's search
  std::string lexicon;  // user lexicon directory, "" = shipped lexicons only
};
void AddExtractorFlags(CLI::App* app, ExtractorFlags& flags);

// The directory holding the model files: `given` when not empty, else
// $HEARSAY_MODELS, else the source tree's models/ (fixed at build time), else
// ./models. "" when none holds them.
std::string FindModelsDir(const std::string& given);

// Writes `s` to stdout; false (after a message) when stdout is gone.
bool WriteOut(const std::string& s);

}  // namespace hearsay::cli

#endif  // HEARSAY_TOOLS_OUTPUT_H_
