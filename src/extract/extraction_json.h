// The hearsay.extract/1 JSON Lines record of one document (DESIGN.md,
// "Contracts"): writing it, and reading it back.
//
//   std::string line;
//   WriteExtractionJson(extraction, line);   // appends one line with '\n'
//   Result<Extraction> back = ParseExtractionJson(line);
//
// Records travel between machines ("hearsay extract" on a cluster, "hearsay
// ingest --extracted" at home), so the reader trusts nothing: every field is
// type-checked, every id reference is range-checked, and a bad record yields
// a DataLoss status that names the field ("statements[2].stances[0].claim:
// no claim C7"). Both functions are thread-safe; the reader keeps one parser
// per thread.
#ifndef HEARSAY_EXTRACT_EXTRACTION_JSON_H_
#define HEARSAY_EXTRACT_EXTRACTION_JSON_H_

#include <string>
#include <string_view>

#include "hearsay/extract.h"
#include "hearsay/status.h"

namespace hearsay {

// Appends one JSON object and a newline to `out`. The document's text is
// included (field "text") so that a record is self-sufficient; readers of
// the contract may ignore it.
void WriteExtractionJson(const Extraction& x, std::string& out);

// Parses one record. `line` may end with '\n' or "\r\n". Optional fields
// default to empty; the required ones are schema, document.id, each
// statement's kind, each stance's claim and value, each claim's predicate.
// When the record carries no document text, content_hash is left 0.
Result<Extraction> ParseExtractionJson(std::string_view line);

// Parses "none", "meta", "jsonld", "feed", "warc-date".
Result<PublishedFrom> ParsePublishedFrom(std::string_view name);

}  // namespace hearsay

#endif  // HEARSAY_EXTRACT_EXTRACTION_JSON_H_
