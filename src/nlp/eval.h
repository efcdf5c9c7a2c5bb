// Evaluation of tagging, parsing and names, as DESIGN.md's "How hearsay is
// measured" defines it, and the bridge between the Pipeline and CoNLL-U.
//
// EvalUd follows the CoNLL 2018 shared task on gold tokens: UPOS, XPOS,
// UFeats (universal features only, order-insensitive), Lemmas, UAS, LAS
// (relation subtypes ignored) and CLAS (LAS over content relations) as F1
// over words; system and gold must hold the same words, which is the case
// for `hearsay parse --input conllu` output. EvalUdAligned scores the same
// metrics when the system found its own tokens, words and sentences over the
// same text: words are aligned the shared task's way (by their span over the
// non-whitespace characters, and inside multi-word tokens by their
// lower-cased forms), and a head counts when it is the aligned word of the
// gold head. EvalUdFromText runs the whole pipeline from raw text: it
// rebuilds the gold file's text (text/segment_eval.h RebuildText), segments,
// tags and parses it, and calls EvalUdAligned. EvalNer scores names (gold from
// GoldNames, system from NE=B-TYPE / NE=I-TYPE in MISC) by exact span and
// type, per type and micro-averaged.
//
// Plain functions over values; thread-compatible.
#ifndef HEARSAY_NLP_EVAL_H_
#define HEARSAY_NLP_EVAL_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/nlp.h"
#include "hearsay/status.h"
#include "hearsay/text.h"
#include "text/conllu.h"

namespace hearsay::nlp {

struct UdScores {
  double upos = 0, xpos = 0, ufeats = 0, lemma = 0, uas = 0, las = 0,
         clas = 0;   // percentages
  size_t words = 0;  // gold words
  // Segmentation F1 (percentages); 100 on gold tokens.
  double tokens_f1 = 100, sentences_f1 = 100, words_f1 = 100;
  size_t system_words = 0;
};

Result<UdScores> EvalUd(const std::vector<conllu::Sentence>& gold,
                        const std::vector<conllu::Sentence>& system);
// Fails when the non-whitespace characters of the two files differ.
Result<UdScores> EvalUdAligned(const std::vector<conllu::Sentence>& gold,
                               const std::vector<conllu::Sentence>& system);
// `system`, when not null, receives the annotated sentences that were scored
// (what `hearsay parse` prints for the rebuilt text).
Result<UdScores> EvalUdFromText(
    const std::vector<conllu::Sentence>& gold, const Pipeline& pipeline,
    const Segmenter& segmenter,
    std::vector<conllu::Sentence>* system = nullptr);

struct Prf {
  size_t gold = 0, system = 0, correct = 0;
  double Precision() const { return system ? 100.0 * correct / system : 0; }
  double Recall() const { return gold ? 100.0 * correct / gold : 0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct NerScores {
  Prf micro;
  std::map<std::string, Prf> per_type;
};

Result<NerScores> EvalNer(const std::vector<conllu::Sentence>& gold,
                          const std::vector<conllu::Sentence>& system);

// A copy of `in` with every column but ID and FORM predicted: LEMMA, UPOS,
// XPOS, FEATS, HEAD, DEPREL; DEPS "_"; MISC keeps only SpaceAfter=No and gets
// NE=B-TYPE / NE=I-TYPE. Comments and multi-word token lines are kept.
conllu::Sentence AnnotateConllu(const Pipeline& pipeline,
                                const conllu::Sentence& in);
// The same for every sentence of a file.
std::vector<conllu::Sentence> AnnotateConllu(
    const Pipeline& pipeline, const std::vector<conllu::Sentence>& in);

// Raw text segmented by `segmenter` and annotated, as CoNLL-U sentences:
// "# newdoc id" on the first (when doc_id is not empty), "# newpar" at each
// paragraph, "# sent_id = <doc_id>-<n>" ("s-<n>" without an id), "# text",
// range lines for multi-word tokens, SpaceAfter=No and NE= in MISC — the
// columns of text/segment_eval.h ToConllu, then predicted.
Result<std::vector<conllu::Sentence>> AnnotateText(const Pipeline& pipeline,
                                                   const Segmenter& segmenter,
                                                   std::string_view text,
                                                   std::string_view doc_id);

}  // namespace hearsay::nlp

#endif  // HEARSAY_NLP_EVAL_H_
