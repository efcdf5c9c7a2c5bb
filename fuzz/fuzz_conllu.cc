// Parses arbitrary bytes as CoNLL-U; whatever parses must write back and
// parse again to the same sentences, and evaluating it against itself must
// either fail cleanly or give scores in [0, 1].
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/text.h"
#include "text/conllu.h"
#include "text/segment_eval.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto parsed = hearsay::conllu::Parse(in, "fuzz");
  if (!parsed.ok()) return 0;
  std::string out;
  for (const auto& s : *parsed) hearsay::conllu::Write(s, out);
  auto again = hearsay::conllu::Parse(out, "rewritten");
  if (!again.ok()) std::abort();
  // A sentence of nothing (empty nodes only) writes a blank line and is
  // gone; every other sentence comes back with its words.
  std::vector<size_t> kept;
  for (size_t i = 0; i < parsed->size(); ++i) {
    const auto& s = (*parsed)[i];
    if (!s.words.empty() || !s.multiwords.empty() || !s.comments.empty()) {
      kept.push_back(i);
    }
  }
  if (again->size() != kept.size()) std::abort();
  for (size_t i = 0; i < kept.size(); ++i) {
    if ((*again)[i].words.size() != (*parsed)[kept[i]].words.size()) {
      std::abort();
    }
  }
  static const hearsay::Segmenter kSegmenter;
  auto scores = hearsay::EvaluateSegmentation(*parsed, kSegmenter);
  if (scores.ok()) {
    for (const hearsay::Prf* p :
         {&scores->tokens, &scores->words, &scores->sentences}) {
      if (p->f1 < 0 || p->f1 > 1 || p->precision > 1 || p->recall > 1)
        std::abort();
    }
  }
  for (const auto& d : hearsay::RebuildText(*parsed)) {
    hearsay::Segmentation seg = kSegmenter.Segment(d.text);
    std::string c = hearsay::ToConllu(d.text, seg, d.id);
    if (!hearsay::conllu::Parse(c, "segmented").ok()) std::abort();
  }
  return 0;
}
