// UTF-8 decoding, validation and repair, without allocation on the fast
// path. All functions are pure and thread-safe.
#ifndef HEARSAY_CORE_UTF8_H_
#define HEARSAY_CORE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace hearsay::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

struct Decoded {
  char32_t cp;   // kReplacement when the sequence is invalid
  uint8_t size;  // bytes consumed, >= 1 (an invalid byte consumes one)
  bool valid;
};

// Decodes the code point starting at `s[i]` (i < s.size()). Rejects overlong
// forms, surrogates and values above U+10FFFF, as RFC 3629 requires.
Decoded Decode(std::string_view s, size_t i);

// Byte offset of the first invalid sequence, or s.size() if all is valid.
size_t FindInvalid(std::string_view s);
inline bool IsValid(std::string_view s) { return FindInvalid(s) == s.size(); }

// Valid UTF-8: each invalid byte becomes U+FFFD.
std::string Repair(std::string_view s);

// Appends the UTF-8 encoding of cp.
void Append(std::string& out, char32_t cp);

// True when `i` does not fall inside a well-formed multi-byte sequence.
bool IsBoundary(std::string_view s, size_t i);

}  // namespace hearsay::utf8

#endif  // HEARSAY_CORE_UTF8_H_
