// Feeds arbitrary bytes to WordClasses::Parse, the reader of `train ner
// --clusters FILE` and of a recogniser's "clusters" section: either a clear
// error, or classes that print back to text that parses to the same classes,
// with every word found again by its form.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "nlp/word_classes.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  hearsay::Result<hearsay::nlp::WordClasses> c =
      hearsay::nlp::WordClasses::Parse(text);
  if (!c.ok()) {
    if (c.status().message().rfind("word classes", 0) != 0) std::abort();
    return 0;
  }
  if (c->levels() < 1 || c->levels() > hearsay::nlp::WordClasses::kMaxLevels)
    std::abort();
  std::string printed = c->ToText();
  hearsay::Result<hearsay::nlp::WordClasses> again =
      hearsay::nlp::WordClasses::Parse(printed);
  if (!again.ok() || again->ToText() != printed || again->size() != c->size())
    std::abort();
  return 0;
}
