// Runs the whole extractor (segment, tag, parse, entities, statements,
// claims, stances) over arbitrary bytes as a document's text, and checks
// that everything it returns points where it may (CheckExtraction: spans
// inside the text and in order, entity, statement and claim references in
// range), stance values and confidences sane. Models come from $HEARSAY_MODELS
// or the source tree's models/.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "hearsay/document.h"
#include "hearsay/extract.h"
#include "hearsay/extractor.h"

namespace {

const hearsay::Extractor* Load() {
  const char* env = std::getenv("HEARSAY_MODELS");
  hearsay::ExtractorOptions options;
  options.models_dir = env ? env : HEARSAY_FUZZ_MODELS_DIR;
  hearsay::Result<hearsay::Extractor> ex = hearsay::Extractor::Create(options);
  if (!ex.ok()) {
    std::fprintf(stderr, "fuzz_extract: %s\n", ex.status().ToString().c_str());
    std::abort();
  }
  return new hearsay::Extractor(std::move(*ex));
}

void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz_extract: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const hearsay::Extractor* extractor = Load();
  hearsay::Document doc;
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  // A title when the text has a blank line early on, as the readers make it.
  if (size_t gap = doc.text.find("\n\n"); gap != std::string::npos && gap < 200)
    doc.body_begin = static_cast<uint32_t>(gap + 2);
  doc.published = "2026-03-05T10:00:00Z";
  hearsay::Extraction x = extractor->Extract(doc);
  // What the ledger's reader would refuse: a span out of the text or
  // inverted, a reference out of range.
  if (hearsay::Status st = hearsay::CheckExtraction(x); !st.ok()) {
    std::fprintf(stderr, "fuzz_extract: %s\n", st.ToString().c_str());
    std::abort();
  }
  // What the extractor promises beyond that.
  for (const hearsay::Entity& e : x.entities)
    Check(!e.mentions.empty(), "entity without a mention");
  for (size_t i = 1; i < x.entities.size(); ++i)
    Check(
        x.entities[i - 1].mentions[0].begin <= x.entities[i].mentions[0].begin,
        "entities not in order of first mention");
  for (const hearsay::Statement& s : x.statements) {
    Check(s.confidence >= 0 && s.confidence <= 1, "statement confidence");
    Check(s.content_parts.empty() || s.content_parts.size() >= 2,
          "a content of one part");
    for (const hearsay::Stance& st : s.stances) {
      Check(st.confidence >= 0 && st.confidence <= 1, "stance confidence");
      Check(st.value == hearsay::StanceValue::kDeny ||
                st.strength == hearsay::Strength::kNone,
            "strength on a stance that is no denial");
    }
  }
  for (const hearsay::Claim& c : x.claims) {
    Check(!c.predicate.empty() && !c.key.empty(), "claim without predicate");
    Check(c.confidence >= 0 && c.confidence <= 1, "claim confidence");
    Check(c.time.empty() || c.time.size() == 10, "time not an ISO date");
  }
  return 0;
}
