// Feeds arbitrary bytes to TsvTable::Parse and checks what a lexicon loader
// relies on: either a clear error, or a table whose every cell lies inside
// the text, is trimmed, holds no tab or newline, and sits in a row no wider
// than the header.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/tsv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  hearsay::Result<hearsay::TsvTable> t =
      hearsay::TsvTable::Parse(text, "fuzz.tsv");
  if (!t.ok()) {
    if (t.status().message().rfind("fuzz.tsv", 0) != 0) std::abort();
    return 0;
  }
  const int columns = static_cast<int>(t->columns().size());
  if (columns == 0) std::abort();
  for (size_t r = 0; r < t->rows(); ++r) {
    if (t->Line(r) <= t->header_line()) std::abort();
    for (int c = -1; c <= columns; ++c) {
      std::string_view cell = t->Cell(r, c);
      if (cell.find_first_of("\t\n") != std::string_view::npos) std::abort();
      if (!cell.empty() && (cell.front() == ' ' || cell.back() == ' '))
        std::abort();
      if (c < 0 || c >= columns) {
        if (!cell.empty()) std::abort();
      }
      for (std::string_view v : hearsay::SplitTsvList(cell)) {
        if (v.empty() || v.find('|') != std::string_view::npos) std::abort();
      }
    }
  }
  return 0;
}
