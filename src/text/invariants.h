// Structural checks of a Segmentation, for tests and fuzzers: every span
// inside the text and on UTF-8 boundaries; paragraphs in order; sentences in
// order, without overlap, inside their paragraph, and tiling it (only
// whitespace between consecutive sentences); tokens inside their sentence,
// in order, without overlap, never empty, covering every non-space
// character; words inside their token, in order, tiling it. Pure function.
#ifndef HEARSAY_TEXT_INVARIANTS_H_
#define HEARSAY_TEXT_INVARIANTS_H_

#include <string_view>

#include "hearsay/status.h"
#include "hearsay/text.h"

namespace hearsay {

// OK, or the first violation found.
Status CheckSegmentation(std::string_view text, const Segmentation& seg);

}  // namespace hearsay

#endif  // HEARSAY_TEXT_INVARIANTS_H_
