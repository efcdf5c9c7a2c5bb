// Reading and writing CoNLL-U, the Universal Dependencies file format.
//
// The reader keeps what evaluation and training need: each sentence's
// comments (# newdoc, # newpar, # text, # sent_id), its multi-word token
// ranges and its words with all ten columns. Empty nodes (IDs like "8.1") are
// skipped, as the CoNLL 2018 evaluation does. Parsing is streaming-friendly:
// ParseConllu works on a buffer and reports the line of any malformed entry.
// All types are plain values; nothing here is shared between threads.
#ifndef HEARSAY_TEXT_CONLLU_H_
#define HEARSAY_TEXT_CONLLU_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/status.h"

namespace hearsay::conllu {

struct Word {
  int id = 0;  // 1-based
  std::string form, lemma, upos, xpos, feats;
  int head = 0;  // 0 = root, -1 = unspecified ("_")
  std::string deprel, deps, misc;
};

// A multi-word token spanning words [first, last] (1-based, inclusive).
struct MultiWord {
  int first = 0, last = 0;
  std::string form;
  std::string misc;
};

struct Sentence {
  std::vector<std::string> comments;  // without the leading "# "
  std::vector<MultiWord> multiwords;
  std::vector<Word> words;
  bool newdoc = false;
  bool newpar = false;
  std::string text;    // from "# text = ", may be empty
  int first_line = 0;  // 1-based line of the first line of the sentence

  // True when the word (1-based id) is followed by no space (SpaceAfter=No on
  // the word, or on the multi-word token that ends with it).
  bool NoSpaceAfter(int word_id) const;
};

// Parses a whole CoNLL-U buffer. `name` prefixes error messages, which give
// the 1-based line of the malformed entry.
Result<std::vector<Sentence>> Parse(std::string_view data,
                                    std::string_view name);
Result<std::vector<Sentence>> ReadFile(const std::string& path);

// True when MISC (a |-separated list) contains `item` exactly.
bool MiscHas(std::string_view misc, std::string_view item);
// The value of `key=` in MISC, or "" when absent.
std::string_view MiscGet(std::string_view misc, std::string_view key);

// Writes one sentence, with its comments, range lines and words, followed by
// the blank line that ends it.
void Write(const Sentence& s, std::string& out);

}  // namespace hearsay::conllu

#endif  // HEARSAY_TEXT_CONLLU_H_
