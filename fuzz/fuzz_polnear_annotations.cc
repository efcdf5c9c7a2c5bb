// Feeds arbitrary bytes to the reader of PolNeAR's brat annotation files:
// the input is an article's text, a NUL byte, then the annotation file. A
// malformed file is refused with its name and line; one that reads gives
// spans inside the text, starting and ending on character boundaries.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "extract/attribution_eval.h"

namespace {

bool Boundary(std::string_view text, uint32_t i) {
  return i == text.size() ||
         (i < text.size() &&
          (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t nul = in.find('\0');
  if (nul == std::string_view::npos) return 0;
  std::string_view text = in.substr(0, nul), ann = in.substr(nul + 1);
  auto gold = hearsay::ParsePolnearAnnotations(ann, text, "fuzz.ann");
  if (!gold.ok()) {
    if (gold.status().message().rfind("fuzz.ann: line ", 0) != 0) std::abort();
    return 0;
  }
  for (const hearsay::GoldAttribution& g : *gold) {
    if (g.cue.empty()) std::abort();
    for (const auto* spans : {&g.source, &g.cue, &g.content}) {
      for (const hearsay::Span& s : *spans) {
        if (s.begin > s.end || s.end > text.size()) std::abort();
        if (!Boundary(text, s.begin) || !Boundary(text, s.end)) std::abort();
      }
    }
  }
  return 0;
}
