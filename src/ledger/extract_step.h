// Where the ledger gets an extraction for a raw document: the one call site
// of the extractor for `hearsay ingest` and `hearsay reextract`.
//
// UseExtractor() loads the extractor once, before any worker starts; after
// that ExtractForLedger() is safe to call from many threads (the Extractor is
// immutable). Without it, a raw document is stored with an empty extraction
// and the versions "none", and `hearsay reextract` can run the real one over
// the stored text later.
#ifndef HEARSAY_LEDGER_EXTRACT_STEP_H_
#define HEARSAY_LEDGER_EXTRACT_STEP_H_

#include <string_view>

#include "hearsay/document.h"
#include "hearsay/extract.h"
#include "hearsay/extractor.h"
#include "hearsay/status.h"

namespace hearsay::ledger {

// Loads the extractor; not thread-safe, call before starting workers.
Status UseExtractor(const ExtractorOptions& options);

bool HaveExtractor();
std::string_view CurrentModelsVersion();
std::string_view CurrentLexiconsVersion();

Extraction ExtractForLedger(Document doc);

}  // namespace hearsay::ledger

#endif  // HEARSAY_LEDGER_EXTRACT_STEP_H_
