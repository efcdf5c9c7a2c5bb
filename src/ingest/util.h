// Small string helpers shared by the readers. All are pure and thread-safe;
// a returned string_view points into the argument and dies with it.
#ifndef HEARSAY_INGEST_UTIL_H_
#define HEARSAY_INGEST_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/ascii.h"

namespace hearsay::ingest {

using ::hearsay::EqualsIgnoreCase;
using ::hearsay::ToLowerAscii;

inline bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}
std::string ToLower(std::string_view s);
std::string_view Trim(std::string_view s);
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);
// Position of `needle` in `s` ignoring ASCII case, or npos.
size_t FindIgnoreCase(std::string_view s, std::string_view needle,
                      size_t from = 0);

// Collapses runs of whitespace (including U+00A0 and other Unicode spaces)
// into one ASCII space and trims the ends. Expects valid UTF-8.
std::string CollapseWhitespace(std::string_view s);

// Valid UTF-8 with a leading byte-order mark removed.
std::string CleanUtf8(std::string_view s);
// The same in place, without a copy when `s` is valid and has no mark.
void CleanUtf8InPlace(std::string& s);

// "en-US", "en_GB", "EN" -> "en"; "" when it does not look like a language.
std::string NormalizeLanguage(std::string_view tag);

// Adds `name` (collapsed) to `authors` unless empty or already there.
void AddAuthor(std::vector<std::string>& authors, std::string_view name);

// The pieces of `text` between `separator`s ("\n" for one paragraph per
// line, "\n\n" for blank-line separated), each whitespace-collapsed, the
// empty ones dropped, joined by a blank line as Document::text wants.
std::string JoinParagraphs(std::string_view text, std::string_view separator);

// ISO 8601 for a date in any common news form (ISO 8601 itself, RFC 822 /
// 1123 as in RSS, "2024-08-29 14:03:00"); times with a zone are converted to
// UTC and end in "Z". Returns "" when the text is not a date.
std::string NormalizeDate(std::string_view text);
// NormalizeDate, or the text as written (whitespace collapsed) when it is
// not a date hearsay can read: a publish time is worth keeping either way.
std::string NormalizeDateOrKeep(std::string_view text);

}  // namespace hearsay::ingest

#endif  // HEARSAY_INGEST_UTIL_H_
