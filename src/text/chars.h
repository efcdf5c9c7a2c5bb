// Character classes used by the tokenizer and sentence splitter.
//
// The segmenter works on the original bytes (zero-copy) and classifies each
// code point as it goes, treating typographic variants (’ “ — NBSP) like
// their ASCII counterparts, so that it needs no normalised copy. Invalid
// bytes decode as one-byte characters of class kOther. Pure functions;
// thread-safe.
#ifndef HEARSAY_TEXT_CHARS_H_
#define HEARSAY_TEXT_CHARS_H_

#include <cstdint>
#include <string_view>

#include "core/utf8.h"

namespace hearsay::text_internal {

enum class Cls : uint8_t {
  kSpace,
  kNewline,
  kLower,
  kUpper,
  kLetter,  // letters without case (CJK, Arabic, ...)
  kDigit,
  kMark,    // combining marks: belong to the preceding character
  kApos,    // ' ’ ‘ ` ′
  kQuote,   // " “ ” „ « » ‹ ›
  kHyphen,  // - ‐ ‑
  kDash,    // – — ― ‒ −
  kPeriod,
  kEllipsis,  // …
  kComma,
  kColon,
  kSemicolon,
  kExclam,
  kQuestion,
  kOpen,   // ( [ {
  kClose,  // ) ] }
  kSlash,
  kAt,
  kHash,
  kAmp,
  kCurrency,
  kPercent,
  kUnderscore,
  kSymbol,  // other symbols and punctuation
  kOther,   // invalid bytes, controls, unassigned
};

struct Char {
  uint32_t pos;  // byte offset in the text
  uint8_t len;   // bytes
  Cls cls;
  char32_t cp;  // kReplacement for an invalid byte
};

// Class of a code point (slow path for non-ASCII uses utf8proc's tables).
Cls Classify(char32_t cp);

// Class of an ASCII byte; constexpr, so that tables built from it are
// constants.
constexpr Cls AsciiClass(int c) {
  if (c == '\n' || c == '\r') return Cls::kNewline;
  // Python's str.isspace() also counts \x1c-\x1f; the CoNLL 2018 scorer
  // strips what it strips, so these must never sit inside a token.
  if (c == ' ' || c == '\t' || c == '\v' || c == '\f' ||
      (c >= 0x1c && c <= 0x1f)) {
    return Cls::kSpace;
  }
  if (c >= 'a' && c <= 'z') return Cls::kLower;
  if (c >= 'A' && c <= 'Z') return Cls::kUpper;
  if (c >= '0' && c <= '9') return Cls::kDigit;
  switch (c) {
    case '\'':
    case '`':
      return Cls::kApos;
    case '"':
      return Cls::kQuote;
    case '-':
      return Cls::kHyphen;
    case '.':
      return Cls::kPeriod;
    case ',':
      return Cls::kComma;
    case ':':
      return Cls::kColon;
    case ';':
      return Cls::kSemicolon;
    case '!':
      return Cls::kExclam;
    case '?':
      return Cls::kQuestion;
    case '(':
    case '[':
    case '{':
      return Cls::kOpen;
    case ')':
    case ']':
    case '}':
      return Cls::kClose;
    case '/':
      return Cls::kSlash;
    case '@':
      return Cls::kAt;
    case '#':
      return Cls::kHash;
    case '&':
      return Cls::kAmp;
    case '$':
      return Cls::kCurrency;
    case '%':
      return Cls::kPercent;
    case '_':
      return Cls::kUnderscore;
    default:
      break;
  }
  if (c < 0x20 || c == 0x7f) return Cls::kOther;
  return Cls::kSymbol;
}

// Table for ASCII, AsciiClass() of every byte.
extern const Cls kAsciiCls[128];

// Decodes and classifies the character at s[i].
inline Char CharAt(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return {static_cast<uint32_t>(i), 1, kAsciiCls[c], c};
  utf8::Decoded d = utf8::Decode(s, i);
  if (!d.valid) return {static_cast<uint32_t>(i), 1, Cls::kOther, d.cp};
  return {static_cast<uint32_t>(i), d.size, Classify(d.cp), d.cp};
}

constexpr bool IsSpaceCls(Cls c) {
  return c == Cls::kSpace || c == Cls::kNewline;
}
inline bool IsLetterCls(Cls c) {
  return c == Cls::kLower || c == Cls::kUpper || c == Cls::kLetter;
}
inline bool IsAlnumCls(Cls c) {
  return IsLetterCls(c) || c == Cls::kDigit || c == Cls::kMark;
}
inline bool IsTerminalCls(Cls c) {
  return c == Cls::kPeriod || c == Cls::kExclam || c == Cls::kQuestion ||
         c == Cls::kEllipsis;
}

}  // namespace hearsay::text_internal

#endif  // HEARSAY_TEXT_CHARS_H_
