// Language identification for documents whose metadata names none, with
// CLD2. Thread-safe (CLD2 keeps no mutable state).
#ifndef HEARSAY_INGEST_LANGUAGE_H_
#define HEARSAY_INGEST_LANGUAGE_H_

#include <string>
#include <string_view>

namespace hearsay::ingest {

// ISO 639-1 code of the text's main language, or "" when CLD2 cannot tell.
// Looks at most at the first 64 KiB; `text` must be valid UTF-8.
std::string DetectLanguage(std::string_view text);

}  // namespace hearsay::ingest

#endif  // HEARSAY_INGEST_LANGUAGE_H_
