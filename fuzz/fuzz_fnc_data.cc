// Feeds arbitrary bytes to the FNC-1 data reader (eval fnc1, train stance,
// stance --pairs): a bodies CSV, a NUL byte, then a pairs CSV. Either the
// tables are refused with a message naming the file, or every pair kept
// names a body that exists, every dropped row is reported with its file and
// line, and the story split covers every pair.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/csv.h"
#include "extract/stance_fnc.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t nul = in.find('\0');
  if (nul == std::string_view::npos) return 0;
  auto bodies = hearsay::CsvTable::Parse(in.substr(0, nul), "bodies.csv");
  auto pairs = hearsay::CsvTable::Parse(in.substr(nul + 1), "pairs.csv");
  if (!bodies.ok() || !pairs.ok()) return 0;
  for (bool need_stance : {false, true}) {
    auto fnc = hearsay::FncDataFromTables(*bodies, *pairs, need_stance);
    if (!fnc.ok()) {
      const std::string& m = fnc.status().message();
      if (m.find("bodies.csv") == std::string::npos &&
          m.find("pairs.csv") == std::string::npos) {
        std::abort();
      }
      continue;
    }
    for (const std::string& e : fnc->errors) {
      if (e.rfind("bodies.csv:", 0) != 0 && e.rfind("pairs.csv:", 0) != 0) {
        std::abort();
      }
    }
    for (const hearsay::FncPair& p : fnc->pairs) {
      if (!fnc->bodies.contains(p.body_id)) std::abort();
      if (need_stance && !p.labelled) std::abort();
    }
    hearsay::StorySplit split = hearsay::SplitStories(*fnc, 20);
    if (split.story.size() != fnc->pairs.size() ||
        split.heldout.size() != fnc->pairs.size()) {
      std::abort();
    }
    for (uint32_t s : split.story) {
      if (s >= split.stories) std::abort();
    }
  }
  return 0;
}
