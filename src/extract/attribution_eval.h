// Scoring statements against PolNeAR's gold attributions (source, cue,
// content), the way docs/DESIGN.md ("How hearsay is measured") fixes it.
//
//   HEARSAY_ASSIGN_OR_RETURN(AttributionScores s,
//                            EvaluatePolnear("data/polnear/dev", extractor));
//   printf("%.2f\n", s.f1);   // attribution-level F1, in [0, 1]
//
// A split directory holds text/NAME.txt and attributions/NAME_*.ann (brat
// standoff: T lines with character offsets, E lines joining Source, Cue and
// Content); the first annotation file of an article by name is its gold.
// Each article is extracted from the file's bytes as they are, so gold
// character offsets map exactly to statement byte spans. A statement
// matches a gold attribution when their cues overlap and, where the gold
// has a source, the speaker span and the gold source share at least half
// of the characters of their union; one to one, greedily in document
// order. Statements in the reporter's own voice are not attributions.
// Stateless; safe from any thread.
#ifndef HEARSAY_EXTRACT_ATTRIBUTION_EVAL_H_
#define HEARSAY_EXTRACT_ATTRIBUTION_EVAL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/extractor.h"
#include "hearsay/status.h"

namespace hearsay {

struct AttributionScores {
  size_t documents = 0;
  size_t gold = 0;    // gold attributions
  size_t system = 0;  // statements other than the reporter's voice
  // Cue only: cues overlap.
  size_t cue_matched = 0;
  double cue_precision = 0, cue_recall = 0, cue_f1 = 0;
  // Cue and source: the attribution-level figure (f1_attribution).
  size_t matched = 0;
  double precision = 0, recall = 0, f1 = 0;
  // Of the matched attributions, those whose contents overlap.
  size_t content_matched = 0;
  double content_overlap = 0;
};

// One gold attribution: byte spans of the article's text, a part in as many
// pieces as the annotation has fragments. Source and content may be empty.
struct GoldAttribution {
  std::vector<Span> source, cue, content;
};

// Reads one brat standoff file of PolNeAR annotating `text` (`name` is used
// in messages): T lines ("T3<TAB>Cue 10 20;30 40<TAB>covered text"), whose
// character offsets become byte spans of `text`, and E lines
// ("E1<TAB>Attribution:T4 Cue:T2 Source:T1 Content:T3"), one attribution
// each (those without a cue are left out). Notes, attributes and relations
// are skipped, as are the further lines of a covered text that runs over a
// line break. Anything else fails with "NAME: line N: what is wrong".
Result<std::vector<GoldAttribution>> ParsePolnearAnnotations(
    std::string_view ann, std::string_view text, const std::string& name);

// Reads every article of `split_dir`, extracts it and scores it. Fails when
// the directory lacks text/ or attributions/, or a file is unreadable or
// malformed.
Result<AttributionScores> EvaluatePolnear(const std::string& split_dir,
                                          const Extractor& extractor);

}  // namespace hearsay

#endif  // HEARSAY_EXTRACT_ATTRIBUTION_EVAL_H_
