// URL helpers beyond the public CanonicalizeUrl (hearsay/ingest.h): the host
// of a URL, an outlet name from it, and resolving a relative link. Pure and
// thread-safe.
#ifndef HEARSAY_INGEST_URL_H_
#define HEARSAY_INGEST_URL_H_

#include <string>
#include <string_view>

namespace hearsay::ingest {

// Lower-cased host without port or user info; "" when there is none.
std::string UrlHost(std::string_view url);
// The host without a leading "www.", as a last-resort outlet name.
std::string OutletFromUrl(std::string_view url);
// `ref` resolved against `base` for the forms pages use for canonical links:
// absolute, scheme-relative ("//host/p") and root-relative ("/p").
std::string ResolveUrl(std::string_view base, std::string_view ref);

}  // namespace hearsay::ingest

#endif  // HEARSAY_INGEST_URL_H_
