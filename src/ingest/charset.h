// Turning a page's bytes into valid UTF-8, whatever it declared.
//
//   std::string charset = SniffCharset(http_content_type, html_bytes);
//   std::string utf8 = ToUtf8(html_bytes, charset);
//
// Pure and thread-safe.
#ifndef HEARSAY_INGEST_CHARSET_H_
#define HEARSAY_INGEST_CHARSET_H_

#include <string>
#include <string_view>

namespace hearsay::ingest {

// The charset parameter of a Content-Type value ("text/html; charset=..."),
// lower-cased; "" when absent.
std::string CharsetFromContentType(std::string_view content_type);

// The charset a page declares: the HTTP header's first, then a BOM, then
// <meta charset> or <meta http-equiv="Content-Type"> in the first 4 KiB.
// Lower-cased; "" when nothing is declared.
std::string SniffCharset(std::string_view http_content_type,
                         std::string_view html);

// Valid UTF-8. windows-1252 and its aliases (iso-8859-1, latin1, us-ascii,
// as browsers treat them) are decoded here; other charsets go through iconv.
// Bytes that are valid UTF-8 despite a single-byte declaration are kept as
// UTF-8, since a mislabelled UTF-8 page is far more common than Latin-1 text
// that happens to validate. Anything undecodable becomes U+FFFD.
std::string ToUtf8(std::string_view bytes, std::string_view charset);

}  // namespace hearsay::ingest

#endif  // HEARSAY_INGEST_CHARSET_H_
