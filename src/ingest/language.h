// Language identification for documents whose metadata names none, with
// CLD2. Thread-safe (CLD2 keeps no mutable state).
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

// ISO 639-1 code of the text's main language, or "" when CLD2 cannot tell.
// Looks at most at the first `max_bytes` (cut back to a character
// boundary); `text` must be valid UTF-8.
std::string DetectLanguage(std::string_view text,
                           size_t max_bytes = kLanguageSampleBytes);

}  // namespace hearsay::ingest

#endif  // HEARSAY_INGEST_LANGUAGE_H_
