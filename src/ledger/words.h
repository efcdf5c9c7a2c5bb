// The ledger's idea of a word, shared by claim linking (content words) and
// copy detection (shingles), so that both cut a text the same way.
#ifndef HEARSAY_LEDGER_WORDS_H_
#define HEARSAY_LEDGER_WORDS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hearsay::ledger {

// Calls fn(word) for each run of ASCII letters and digits in `text`, lower-
// cased; a non-ASCII byte counts as a letter, so that accented words stay
// whole, and any other byte ends a word ("Harlow's" is "harlow" and "s").
// The view passed to fn dies when fn returns.
template <typename Fn>
void ForEachWord(std::string_view text, Fn&& fn) {
  std::string word;
  auto flush = [&] {
    if (!word.empty()) fn(std::string_view(word));
    word.clear();
  };
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
      word.push_back(static_cast<char>(c));
    } else if (c >= 'A' && c <= 'Z') {
      word.push_back(static_cast<char>(c - 'A' + 'a'));
    } else {
      flush();
    }
  }
  flush();
}

// How many values two sorted, duplicate-free lists share (content words,
// shingle hashes): the numerator of their Jaccard similarity.
template <typename T>
size_t CountCommon(const std::vector<T>& a, const std::vector<T>& b) {
  size_t common = 0, i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++common, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return common;
}

}  // namespace hearsay::ledger

#endif  // HEARSAY_LEDGER_WORDS_H_
