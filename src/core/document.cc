#include "hearsay/document.h"

#include "core/hash.h"

namespace hearsay {

std::string_view PublishedFromName(PublishedFrom from) {
  switch (from) {
    case PublishedFrom::kNone:
      return "none";
    case PublishedFrom::kMeta:
      return "meta";
    case PublishedFrom::kJsonLd:
      return "jsonld";
    case PublishedFrom::kFeed:
      return "feed";
    case PublishedFrom::kWarcDate:
      return "warc-date";
  }
  return "none";
}

void SetTitleAndBody(Document& doc, std::string_view title,
                     std::string_view body) {
  doc.title.assign(title);
  doc.text.clear();
  if (!title.empty()) {
    doc.text.reserve(title.size() + 2 + body.size());
    doc.text.append(title);
    doc.text.append("\n\n");
  }
  doc.body_begin = static_cast<uint32_t>(doc.text.size());
  doc.text.append(body);
}

void FinishDocument(Document& doc) {
  doc.content_hash = Hash64(doc.text);
  if (doc.id.empty()) doc.id = HashHex(doc.content_hash);
}

}  // namespace hearsay
