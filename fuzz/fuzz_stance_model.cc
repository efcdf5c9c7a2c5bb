// Feeds arbitrary bytes to the stance model's reader. A stance model ends
// with a checksum of everything before it, which random bytes would never
// match, so the input is taken as the model without its checksum and the
// right one is appended: the fuzzer then exercises the reader's parsing of
// the tables, not the checksum. A damaged model gives DataLoss, never a
// crash or an unbounded allocation, and a model that loads classifies.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/hash.h"
#include "extract/stance_fnc.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  uint64_t sum = hearsay::Hash64(bytes);
  for (int i = 0; i < 8; ++i)
    bytes.push_back(static_cast<char>(sum >> (8 * i)));
  auto model = hearsay::StanceClassifier::Parse(bytes);
  if (!model.ok()) {
    if (model.status().message().rfind("not a stance model: ", 0) != 0) {
      std::abort();
    }
    return 0;
  }
  hearsay::StanceResult r = model->Classify(
      "Kellsmoor Trust sells ferry line",
      "The Kellsmoor Trust denied that it had sold the ferry line.");
  double total = 0;
  for (double p : r.scores) {
    if (!(p >= 0 && p <= 1)) std::abort();
    total += p;
  }
  if (total < 0.99 || total > 1.01) std::abort();
  return 0;
}
