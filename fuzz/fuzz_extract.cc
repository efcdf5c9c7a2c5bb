// Runs the whole extractor (segment, tag, parse, entities, statements,
// claims, stances) over arbitrary bytes as a document's text, and checks
// that everything it returns points where it may: spans inside the text and
// in order, entity, statement and claim references in range, stance values
// and confidences sane. Models come from $HEARSAY_MODELS or the source
// tree's models/.
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
  const size_t n = x.document.text.size();
  auto span_ok = [&](hearsay::Span s) {
    return s.begin <= s.end && s.end <= n;
  };
  const int entities = static_cast<int>(x.entities.size());
  const int statements = static_cast<int>(x.statements.size());
  const int claims = static_cast<int>(x.claims.size());
  for (const hearsay::Entity& e : x.entities) {
    Check(!e.mentions.empty(), "entity without a mention");
    for (hearsay::Span m : e.mentions) Check(span_ok(m), "mention out of text");
  }
  for (size_t i = 1; i < x.entities.size(); ++i)
    Check(
        x.entities[i - 1].mentions[0].begin <= x.entities[i].mentions[0].begin,
        "entities not in order of first mention");
  for (const hearsay::Statement& s : x.statements) {
    Check(span_ok(s.cue) && span_ok(s.content), "statement span out of text");
    Check(!s.speaker.has_span || span_ok(s.speaker.span),
          "speaker span out of text");
    Check(s.speaker.entity >= -1 && s.speaker.entity < entities,
          "speaker entity out of range");
    for (int e : s.speaker.entities)
      Check(e >= 0 && e < entities, "group entity out of range");
    Check(s.via >= -1 && s.via < statements, "via out of range");
    Check(s.confidence >= 0 && s.confidence <= 1, "statement confidence");
    for (const hearsay::Stance& st : s.stances) {
      Check(st.claim >= 0 && st.claim < claims, "stance claim out of range");
      Check(st.confidence >= 0 && st.confidence <= 1, "stance confidence");
      Check(st.value == hearsay::StanceValue::kDeny ||
                st.strength == hearsay::Strength::kNone,
            "strength on a stance that is no denial");
    }
  }
  for (const hearsay::Claim& c : x.claims) {
    Check(!c.predicate.empty() && !c.key.empty(), "claim without predicate");
    Check(c.confidence >= 0 && c.confidence <= 1, "claim confidence");
    for (const hearsay::Participant& p : c.participants)
      Check(p.entity >= -1 && p.entity < entities,
            "participant entity out of range");
    for (hearsay::Span e : c.evidence)
      Check(span_ok(e), "evidence out of text");
    Check(c.time.empty() || c.time.size() == 10, "time not an ISO date");
  }
  return 0;
}
