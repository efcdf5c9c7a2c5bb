// Cutting a document into paragraphs, sentences, tokens and words.
//
//   hearsay::Segmenter segmenter;                 // thread-safe, reusable
//   hearsay::Segmentation seg = segmenter.Segment(doc.text);
//   for (const hearsay::Sentence& s : seg.sentences) ...
//
// Every Span is [begin, end) in bytes of the text passed in, never of a
// normalised copy, and never splits a UTF-8 sequence. Tokenization follows the
// Universal Dependencies English treebanks: a token may hold several syntactic
// words ("don't" = "do" + "n't", "Google's" = "Google" + "'s").
#ifndef HEARSAY_TEXT_H_
#define HEARSAY_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/span.h"

namespace hearsay {

// A syntactic word: what the tagger and parser see. Its form is normally the
// bytes of its span; `form` is set only where UD writes a word differently
// from the text (e.g. "n't" for "n’t" is the same bytes, but "gonna" splits
// as "gon" + "na" by span and needs no form).
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
// `text` is NFC, typographic quotes, apostrophes, dashes and spaces unified to
// their ASCII forms, invalid UTF-8 replaced by U+FFFD. `offsets[i]` is the
// original byte where normalised byte i came from; offsets has text.size()+1
// entries, the last the original size.
struct NormalizedText {
  std::string text;
  std::vector<uint32_t> offsets;
  Span ToOriginal(Span normalized) const {
    return {offsets[normalized.begin], offsets[normalized.end]};
  }
};
NormalizedText Normalize(std::string_view original);

struct SegmenterOptions {
  // Treat each line break as a sentence boundary (for one-sentence-per-line
  // input); off for news, where lines may wrap.
  bool newline_is_boundary = false;
};

// Stateless after construction; Segment() may be called from many threads.
class Segmenter {
 public:
  explicit Segmenter(SegmenterOptions options = {});
  Segmentation Segment(std::string_view text) const;

 private:
  SegmenterOptions options_;
};

}  // namespace hearsay

#endif  // HEARSAY_TEXT_H_
