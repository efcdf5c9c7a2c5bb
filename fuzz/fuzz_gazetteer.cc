// Feeds arbitrary bytes to Gazetteer::Parse, the reader of a recogniser's
// "gaz" section: either a clear error naming the line, or a list that
// matches any sentence without reading past it.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/features.h"
#include "nlp/ner_gazetteer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto g = hearsay::nlp::Gazetteer::Parse(text);
  if (!g.ok()) {
    if (g.status().message().rfind("gazetteer line ", 0) != 0) std::abort();
    return 0;
  }
  // The listed phrases themselves, cut on spaces and tabs, as a sentence.
  std::vector<std::string> words;
  size_t i = 0;
  while (i < text.size() && words.size() < 64) {
    size_t j = text.find_first_of(" \t\n", i);
    if (j == std::string_view::npos) j = text.size();
    if (j > i) words.emplace_back(text.substr(i, j - i));
    i = j + 1;
  }
  std::vector<std::string_view> views(words.begin(), words.end());
  std::vector<hearsay::nlp::WordFeatures> features;
  hearsay::nlp::ComputeWordFeatures(views, features);
  std::vector<uint8_t> kind, part;
  g->Match(features, kind, part);
  if (kind.size() != features.size() || part.size() != features.size())
    std::abort();
  const int n = static_cast<int>(features.size());
  for (int a = 0; a < n; ++a) {
    if (part[a] > 4) std::abort();
    for (int b = a; b < n && b < a + 10; ++b) g->Lookup(features, a, b);
  }
  return 0;
}
