// Evaluating and exporting segmentation the CoNLL 2018 way.
//
//   Result<std::vector<conllu::Sentence>> gold = conllu::ReadFile(path);
//   Result<SegmentScores> s = EvaluateSegmentation(*gold, Segmenter());
//   std::string conllu = ToConllu(doc.text, segmenter.Segment(doc.text), id);
//
// EvaluateSegmentation rebuilds the raw text of a gold CoNLL-U file
// (RebuildText: each # newdoc starts a document; sentences of a paragraph
// are joined by one space, paragraphs by a blank line; a file without
// # newpar marks makes every sentence its own paragraph; the # text line is
// used when present, else the forms and SpaceAfter=No), segments each
// document, and compares tokens and sentences as spans over the
// non-whitespace characters, and words by aligning multi-word tokens by
// their lower-cased forms — as the shared task's script (and
// ../shared/scorers/ud_eval.py) does. All functions are pure and
// thread-safe; the Segmenter is only read.
#ifndef HEARSAY_TEXT_SEGMENT_EVAL_H_
#define HEARSAY_TEXT_SEGMENT_EVAL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/span.h"
#include "hearsay/status.h"
#include "hearsay/text.h"
#include "text/conllu.h"

namespace hearsay {

// Precision, recall and F1 (fractions in [0, 1]) with the counts behind them.
struct Prf {
  double precision = 0, recall = 0, f1 = 0;
  size_t gold = 0, system = 0, correct = 0;
};
using PRF = Prf;

struct SegmentScores {
  Prf tokens, words, sentences;
};

Result<SegmentScores> EvaluateSegmentation(
    const std::vector<conllu::Sentence>& gold, const Segmenter& segmenter);

// One document of a gold file as raw text, with its gold sentence spans
// (bytes of `text`, in order). `first_sentence` indexes the gold vector.
struct GoldDocument {
  std::string id;
  std::string text;
  std::vector<Span> sentences;
  size_t first_sentence = 0;
};
std::vector<GoldDocument> RebuildText(
    const std::vector<conllu::Sentence>& gold);

// `text` segmented as CoNLL-U: "# newdoc id = <doc_id>" (omitted when doc_id
// is empty), "# newpar" at each paragraph, "# sent_id = <doc_id>-<n>",
// "# text = " (line breaks and tabs written as spaces), range lines for
// multi-word tokens, SpaceAfter=No where the next token touches. Only ID,
// FORM and MISC are filled; the other columns are "_".
std::string ToConllu(std::string_view text, const Segmentation& seg,
                     std::string_view doc_id);

// Trains the sentence-boundary model (text/sentence_model.h) on gold files:
// segments each rebuilt document with the rules-only segmenter built from
// `options` (use_model is ignored), labels every candidate gap by whether a
// gold sentence ends there, and runs an averaged perceptron for `epochs`
// passes in a fixed pseudo-random order (seed 1), so the same data always
// give the same model. Returns the model file's text (see
// SentenceModel::Parse); weights smaller than 1e-3 in magnitude are dropped.
// models/sentence.tsv is produced by this function on the EWT and GUM train
// splits with 10 epochs.
Result<std::string> TrainSentenceModel(
    const std::vector<std::vector<conllu::Sentence>>& corpora,
    const SegmenterOptions& options, int epochs);

}  // namespace hearsay

#endif  // HEARSAY_TEXT_SEGMENT_EVAL_H_
