// Feeds arbitrary bytes to the model container and to the parser's loader
// on top of it (weight tables, label lists, word classes): a damaged or
// foreign model file gives a clear error naming it, never a crash or a read
// outside the file.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/features.h"
#include "nlp/model_file.h"
#include "nlp/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto bytes = std::make_shared<const std::string>(
      reinterpret_cast<const char*>(data), size);
  auto file = hearsay::nlp::ModelFile::FromBuffer(*bytes, "fuzz.model");
  if (!file.ok()) {
    if (file.status().message().rfind("fuzz.model: ", 0) != 0) std::abort();
    return 0;
  }
  for (std::string_view name : {"kind", "labels", "t", "l", "features"}) {
    auto section = file->Section(name);
    if (section.ok() &&
        (section->data() < bytes->data() ||
         section->data() + section->size() > bytes->data() + bytes->size()))
      std::abort();
  }
  auto parser = hearsay::nlp::Parser::FromBytes(bytes);
  if (!parser.ok()) return 0;
  // A model that loads parses: two words, heads and labels in range.
  std::vector<std::string_view> forms = {"Ford", "denied"};
  std::vector<hearsay::nlp::WordFeatures> words;
  hearsay::nlp::ComputeWordFeatures(forms, words);
  std::vector<uint64_t> tags = {hearsay::nlp::TagValue("PROPN", "NNP"),
                                hearsay::nlp::TagValue("VERB", "VBD")};
  std::vector<int> heads, labels;
  parser->Parse(words, tags, heads, labels);
  if (heads.size() != 2 || labels.size() != 2) std::abort();
  for (int i = 0; i < 2; ++i) {
    if (heads[i] < 0 || heads[i] > 2) std::abort();
    if (labels[i] < 0 || labels[i] >= parser->label_count()) std::abort();
  }
  return 0;
}
