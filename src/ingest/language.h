// Language identification for documents whose metadata names none, with
// CLD2, after a cheap check that settles most English news without it.
// Thread-safe (CLD2 keeps no mutable state; the word list is built once).
#ifndef HEARSAY_INGEST_LANGUAGE_H_
#define HEARSAY_INGEST_LANGUAGE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace hearsay::ingest {

// How much of a text DetectLanguage() looks at. CLD2 spends about 290
// instructions a byte, four times what reading and segmenting the text
// costs; the first 2 KiB (some 350 words) name the same language as the
// first 64 KiB for every FNC-1 body, every UD English document and every
// sample article (language_test), and bound the cost of a long document.
inline constexpr size_t kLanguageSampleBytes = 2 << 10;

// How much of a text LooksEnglish() reads.
inline constexpr size_t kEnglishSampleBytes = 1 << 10;

// True when the first kEnglishSampleBytes hold at least 30 words and a
// quarter of them are in lexicons/english_words.tsv, the most frequent
// English words (or, stopping early, when half of the first 30 or a third
// of the first 60 or more words are). 99% of the FNC-1 bodies of 30 words or
// more run at 27% or above (the lowest are leads full of names); news in the
// other languages CLD2 names stays below a fifth even with an English quote in
// it. Where this says true, CLD2 names no other language, except for English
// texts quoting another script: language_test checks it on every FNC-1 body and
// every UD English document, where the shortcut takes 96% of the FNC-1
// bodies and 99% of the bytes CLD2 would read. It costs a few instructions
// a byte, against CLD2's 290.
bool LooksEnglish(std::string_view text);

// ISO 639-1 code of the text's main language, or "" when CLD2 cannot tell:
// "en" when LooksEnglish(), CLD2's answer otherwise. CLD2 looks at most at
// the first `max_bytes` (cut back to a character boundary); `text` must be
// valid UTF-8.
std::string DetectLanguage(std::string_view text,
                           size_t max_bytes = kLanguageSampleBytes);

// CLD2's answer alone, as DetectLanguage() asks for it.
std::string Cld2Language(std::string_view text,
                         size_t max_bytes = kLanguageSampleBytes);

}  // namespace hearsay::ingest

#endif  // HEARSAY_INGEST_LANGUAGE_H_
