// Feeds arbitrary bytes to the sentence-boundary model's reader: a damaged
// model file gives an error naming the line, never a crash, and a model that
// loads scores every feature to a finite weight within its bound.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "text/sentence_model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  using hearsay::text_internal::SentenceModel;
  auto model = SentenceModel::Parse(text);
  if (!model.ok()) {
    if (model.status().message().empty()) std::abort();
    return 0;
  }
  // Probe a spread of hashes, including 0 and the all-ones value.
  uint64_t features[64];
  uint64_t h = 0;
  for (uint64_t& f : features) {
    f = h;
    h = h * 0x9E3779B97F4A7C15ull + 0x7F4A7C15ull;
  }
  features[63] = ~uint64_t{0};
  for (uint64_t f : features) {
    float w = model->Weight(f);
    if (!std::isfinite(w) || std::fabs(w) > SentenceModel::kMaxWeight) {
      std::abort();
    }
  }
  float total = model->Score(features, 64);
  if (!std::isfinite(total)) std::abort();
  return 0;
}
