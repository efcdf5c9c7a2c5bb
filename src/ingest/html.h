// Reading one web page: metadata from where publishers put it (Open Graph
// and article:* meta tags, JSON-LD, <time>, <link rel=canonical>, <html
// lang>) and the article's main text without navigation, ads, share bars,
// comments and related links.
//
//   HtmlPage page = ExtractHtml(bytes, {.url = warc_uri,
//                                       .content_type = http_header});
//   SetTitleAndBody(doc, page.title, page.body);
//
// Main text: the element marked itemprop=articleBody, else the <article> or
// <main> with the most paragraph text, else the element whose paragraphs
// hold the most text (text density). Paragraphs are separated by a blank
// line. Pure and thread-safe; the returned strings are owned by the page.
#ifndef HEARSAY_INGEST_HTML_H_
#define HEARSAY_INGEST_HTML_H_

#include <string>
#include <string_view>
#include <vector>

#include "hearsay/document.h"

namespace hearsay::ingest {

struct HtmlHints {
  std::string_view url;           // where the page was fetched from
  std::string_view content_type;  // the HTTP Content-Type header, if any
};

struct HtmlPage {
  std::string title;
  std::string body;  // paragraphs joined by "\n\n"
  std::string url;   // canonical link, og:url, else the hint
  std::string outlet;
  std::string published;  // normalised when parseable
  PublishedFrom published_from = PublishedFrom::kNone;
  std::vector<std::string> authors;
  std::string language;  // from <html lang> or meta, normalised
};

// Deeper nesting than this is flattened before parsing: the HTML5 tree
// builder's cost grows with the depth of open elements, and no article
// needs more.
inline constexpr int kMaxHtmlDepth = 400;

// `bytes` in any charset (see charset.h); never fails — a page with no text
// gives an empty body.
HtmlPage ExtractHtml(std::string_view bytes, const HtmlHints& hints);

// The text of an HTML fragment (an RSS description, an Atom content),
// paragraphs joined by "\n\n", scripts and styles dropped. `html` is UTF-8.
std::string HtmlToText(std::string_view html);

// `html` with start tags past kMaxHtmlDepth (and their end tags) removed;
// the text between them stays. Returns `html` itself when nothing needs
// removing; the view then dies with `html`, otherwise with `storage`.
std::string_view LimitNesting(std::string_view html, std::string& storage);

}  // namespace hearsay::ingest

#endif  // HEARSAY_INGEST_HTML_H_
