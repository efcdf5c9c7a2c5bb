// Segments arbitrary bytes (the first byte picks options) and checks the
// Segmentation's invariants (text/invariants.h) and Normalize()'s alignment:
// spans inside the text on UTF-8 boundaries, sentences tiling paragraphs in
// order, tokens inside their sentences, words inside their tokens.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/utf8.h"
#include "hearsay/text.h"
#include "text/invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  hearsay::SegmenterOptions options;
  options.newline_is_boundary = data[0] & 1;
  options.use_model = !(data[0] & 2);
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  static const hearsay::Segmenter kDefault;
  hearsay::Segmenter segmenter =
      (data[0] & 3) == 0 ? kDefault : hearsay::Segmenter(options);
  hearsay::Segmentation seg = segmenter.Segment(text);
  hearsay::Status s = hearsay::CheckSegmentation(text, seg);
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    std::abort();
  }
  hearsay::NormalizedText n = hearsay::Normalize(text);
  if (n.Origin(n.text.size()) != text.size() ||
      !hearsay::utf8::IsValid(n.text)) {
    std::abort();
  }
  for (size_t i = 0; i <= n.text.size(); ++i) {
    if (!hearsay::utf8::IsBoundary(text, n.Origin(i)) ||
        (i > 0 && n.Origin(i - 1) > n.Origin(i))) {
      std::abort();
    }
  }
  return 0;
}
