// One news article as hearsay sees it.
//
// Readers (hearsay/ingest.h) produce Documents; every later stage reads them.
// `text` holds the article's bytes as read — title, a blank line, then the
// body — and is never modified afterwards: every Span hearsay reports points
// into it. A Document owns all its strings; it is a plain value, safe to move
// between threads.
#ifndef HEARSAY_DOCUMENT_H_
#define HEARSAY_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hearsay {

// Where Document::published came from, most trusted first.
enum class PublishedFrom {
  kNone,    // no time found
  kMeta,    // <meta property="article:published_time">, <time>, a feed or JSON
            // field
  kJsonLd,  // schema.org NewsArticle.datePublished
  kFeed,    // RSS pubDate / Atom updated or published
  kWarcDate,  // the crawl time of a WARC record: a fallback, not a publish time
};
std::string_view PublishedFromName(PublishedFrom from);

struct Document {
  std::string id;      // stable id: given by the input, else the content hash
  std::string url;     // canonical URL (see CanonicalizeUrl), may be empty
  std::string outlet;  // publisher name or domain, may be empty
  std::string published;  // ISO 8601 ("2024-08-29T14:03:00Z"), may be empty
  PublishedFrom published_from = PublishedFrom::kNone;
  std::vector<std::string> authors;
  std::string language;            // ISO 639-1 code, "" when unknown
  bool language_detected = false;  // true when guessed from the text
  std::string title;
  std::string text;           // title "\n\n" body, or the body alone
  uint32_t body_begin = 0;    // byte of `text` where the body starts
  uint64_t content_hash = 0;  // XXH3 of `text`; equal text, equal hash
  // Where it was read from, for diagnostics: "news.warc.gz record 12".
  std::string origin;
};

// Builds `text` and `body_begin` from a title and a body, per DESIGN.md.
void SetTitleAndBody(Document& doc, std::string_view title,
                     std::string_view body);

// Fills content_hash from text, and id from it when id is empty.
void FinishDocument(Document& doc);

}  // namespace hearsay

#endif  // HEARSAY_DOCUMENT_H_
