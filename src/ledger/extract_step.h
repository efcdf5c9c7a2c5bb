// Where the ledger gets an extraction for a raw document: the one call site
// of the extractor for `hearsay ingest` and `hearsay reextract`.
//
// Until the extract stage offers an extractor, a raw document is stored with
// an empty extraction (no entities, statements or claims) and the versions
// "none"; `hearsay reextract` then re-runs the real one over the stored text.
// Thread-safe: workers call ExtractForLedger concurrently.
#ifndef HEARSAY_LEDGER_EXTRACT_STEP_H_
#define HEARSAY_LEDGER_EXTRACT_STEP_H_

#include <string_view>

#include "hearsay/document.h"
#include "hearsay/extract.h"

namespace hearsay::ledger {

// False while no extractor is built in.
bool HaveExtractor();
std::string_view CurrentModelsVersion();
std::string_view CurrentLexiconsVersion();

Extraction ExtractForLedger(Document doc);

}  // namespace hearsay::ledger

#endif  // HEARSAY_LEDGER_EXTRACT_STEP_H_
