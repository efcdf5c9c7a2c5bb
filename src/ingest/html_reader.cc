// A single saved web page.
#include <string>

#include "ingest/html.h"
#include "ingest/reader_context.h"

namespace hearsay::ingest {

Status ReadHtmlInput(StreamBuffer& in, ReadContext& ctx) {
  Result<std::string> all = ReadAll(in, ctx.max_bytes());
  if (!all.ok()) return ctx.Skip("byte 0", all.status().message());
  HtmlPage page = ExtractHtml(*all, HtmlHints{});
  if (page.body.empty()) return ctx.Skip("byte 0", "no article text found");
  Document doc;
  SetTitleAndBody(doc, page.title, page.body);
  doc.url = std::move(page.url);
  doc.outlet = std::move(page.outlet);
  doc.published = std::move(page.published);
  doc.published_from = page.published_from;
  doc.authors = std::move(page.authors);
  doc.language = std::move(page.language);
  doc.origin = ctx.file;
  return ctx.Emit(std::move(doc), "byte 0");
}

}  // namespace hearsay::ingest
