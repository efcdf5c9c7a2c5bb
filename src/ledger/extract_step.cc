#include "ledger/extract_step.h"

#include <optional>
#include <utility>

namespace hearsay::ledger {
namespace {

// Set once by UseExtractor before workers start, read-only afterwards.
std::optional<Extractor>& TheExtractor() {
  static std::optional<Extractor> extractor;
  return extractor;
}

}  // namespace

Status UseExtractor(const ExtractorOptions& options) {
  Result<Extractor> e = Extractor::Create(options);
  if (!e.ok()) return e.status();
  TheExtractor().emplace(std::move(*e));
  return Status::Ok();
}

bool HaveExtractor() { return TheExtractor().has_value(); }

std::string_view CurrentModelsVersion() {
  return HaveExtractor() ? std::string_view(TheExtractor()->models_version())
                         : "none";
}

std::string_view CurrentLexiconsVersion() {
  return HaveExtractor() ? std::string_view(TheExtractor()->lexicons_version())
                         : "none";
}

Extraction ExtractForLedger(Document doc) {
  if (HaveExtractor()) return TheExtractor()->Extract(doc);
  Extraction x;
  x.document = std::move(doc);
  x.models_version = CurrentModelsVersion();
  x.lexicons_version = CurrentLexiconsVersion();
  return x;
}

}  // namespace hearsay::ledger
