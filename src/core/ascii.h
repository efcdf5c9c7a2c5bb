// ASCII case helpers for the stages that compare words and markup without
// Unicode case folding (tags, attribute names, words of the lexicons). Pure
// and thread-safe; bytes outside A-Z are compared as they are.
#ifndef HEARSAY_CORE_ASCII_H_
#define HEARSAY_CORE_ASCII_H_

#include <cstddef>
#include <string_view>

namespace hearsay {

inline char ToLowerAscii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (ToLowerAscii(a[i]) != ToLowerAscii(b[i])) return false;
  }
  return true;
}

}  // namespace hearsay

#endif  // HEARSAY_CORE_ASCII_H_
