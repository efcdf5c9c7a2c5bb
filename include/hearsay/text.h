// Cutting a document into paragraphs, sentences, tokens and words.
//
//   hearsay::Segmenter segmenter;                 // thread-safe, reusable
//   hearsay::Segmentation seg = segmenter.Segment(doc.text);
//   for (const hearsay::Sentence& s : seg.sentences) ...
//
// Every Span is [begin, end) in bytes of the text passed in, never of a
// normalised copy, and never splits a UTF-8 sequence (invalid bytes count as
// one-byte characters). Paragraphs are separated by blank lines; sentences
// tile each paragraph in order (from its first to its last non-space byte);
// tokens lie inside their sentence in order; words lie inside their token.
//
// Tokenization follows the Universal Dependencies English treebanks (EWT,
// GUM): a token may hold several syntactic words ("don't" = "do" + "n't",
// "Google's" = "Google" + "'s", "gonna" = "gon" + "na"); "$5" is two tokens;
// URLs, e-mail addresses, @handles and #hashtags stay whole. Sentence
// boundaries come from an averaged-perceptron classifier over candidate
// positions (models/sentence.tsv, embedded) plus rules for line structure
// (headlines, list items). Abbreviations and other word lists are data,
// embedded at build time: lexicons/abbreviations.tsv, tokenization.tsv,
// sentence_starters.tsv and non_final_words.tsv. Texts of 4 GiB or more are
// cut to their first 4 GiB - 1 bytes (spans are 32-bit).
//
// Evaluation (CoNLL 2018 metrics) and CoNLL-U output live in
// text/segment_eval.h: EvaluateSegmentation() and ToConllu().
#ifndef HEARSAY_TEXT_H_
#define HEARSAY_TEXT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/span.h"
#include "hearsay/status.h"

namespace hearsay {

// A syntactic word: what the tagger and parser see. Its form is normally the
// bytes of its span (UD English writes the parts of "can't" as "ca" + "n't",
// both substrings); `form` is set only when a word is written differently
// from its bytes.
struct Word {
  Span span;
  uint32_t token = 0;  // index of the token that holds it
  std::string form;    // empty: the form is span.Slice(text)
};

struct Token {
  Span span;
  uint32_t first_word = 0;
  uint32_t word_count = 1;  // > 1 for a multi-word token
  bool space_after = true;  // false when the next token touches this one
};

struct Sentence {
  Span span;
  uint32_t first_token = 0;
  uint32_t token_count = 0;
  uint32_t paragraph = 0;  // index into Segmentation::paragraphs
};

struct Segmentation {
  std::vector<Span> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Word> words;
};

// Normalised text for matching, with a map back to the original bytes.
// `text` is NFC; typographic quotes and apostrophes, dashes and hyphens, and
// non-breaking and other Unicode spaces are unified to their ASCII forms
// (' " - and space); invalid UTF-8 bytes become U+FFFD. Origin(i) is the
// original byte where normalised byte i came from (always the start of an
// original character or of the run that was composed), and
// Origin(text.size()) is the original size. ToOriginal() therefore maps any
// normalised span to an original span on character boundaries.
//
// The map is kept as pieces rather than one offset a byte: news is mostly
// ASCII copied as is, so a few pieces for each character that changed (or
// is not ASCII) replace four bytes of map for every byte of text. A value;
// const methods are thread-safe.
struct NormalizedText {
  // Normalised bytes [begin, next piece's begin) came from the original at
  // `origin`: byte for byte when `copied`, else all from that one byte.
  struct Piece {
    uint32_t begin = 0;
    uint32_t origin = 0;
    bool copied = true;
  };
  std::string text;
  // Sorted by begin, the first at 0; the last begins at text.size() and
  // says where the original ends.
  std::vector<Piece> pieces;

  // i <= text.size(); O(log pieces).
  uint32_t Origin(size_t i) const;
  Span ToOriginal(Span normalized) const {
    return {Origin(normalized.begin), Origin(normalized.end)};
  }
};
NormalizedText Normalize(std::string_view original);

struct SegmenterOptions {
  // Treat each line break as a sentence boundary (for one-sentence-per-line
  // input); off for news, where lines may wrap.
  bool newline_is_boundary = false;
  // A directory whose abbreviations.tsv, tokenization.tsv,
  // sentence_starters.tsv and non_final_words.tsv (same formats as the
  // embedded lexicons; any may be absent) add entries; empty for none. Read
  // by Create().
  std::string lexicon_dir;
  // Use the learned sentence-boundary model; when false, rules only.
  bool use_model = true;
};

namespace text_internal {
struct Resources;  // lexicons and model, shared read-only
}

// Stateless after construction; Segment() may be called from many threads at
// once. Copies share the same read-only lexicons and model.
class Segmenter {
 public:
  // Uses the embedded lexicons and model only (ignores options.lexicon_dir;
  // use Create() to read it and see errors).
  explicit Segmenter(SegmenterOptions options = {});
  // Also reads options.lexicon_dir; fails when a file there is unreadable or
  // malformed.
  static Result<Segmenter> Create(SegmenterOptions options);

  Segmentation Segment(std::string_view text) const;
  // Same, reusing `out`'s vectors (cleared first) to avoid reallocation when
  // segmenting many documents.
  void Segment(std::string_view text, Segmentation* out) const;

  const SegmenterOptions& options() const { return options_; }

 private:
  Segmenter(SegmenterOptions options,
            std::shared_ptr<const text_internal::Resources> resources);
  SegmenterOptions options_;
  std::shared_ptr<const text_internal::Resources> resources_;
};

}  // namespace hearsay

#endif  // HEARSAY_TEXT_H_
