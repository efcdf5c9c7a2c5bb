#include "ledger/extract_step.h"

#include <utility>

namespace hearsay::ledger {

bool HaveExtractor() { return false; }
std::string_view CurrentModelsVersion() { return "none"; }
std::string_view CurrentLexiconsVersion() { return "none"; }

Extraction ExtractForLedger(Document doc) {
  Extraction x;
  // The extractor plugs in here: `x = extractor.Extract(doc);`.
  x.document = std::move(doc);
  x.models_version = CurrentModelsVersion();
  x.lexicons_version = CurrentLexiconsVersion();
  return x;
}

}  // namespace hearsay::ledger
