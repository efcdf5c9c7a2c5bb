// JSON Lines with news-please field names: one article per line.
//
// Lines are cut from the stream as they come; a line longer than
// ReadOptions::max_document_bytes is skipped without being held, so memory
// stays within that limit plus one read chunk.
#include <simdjson.h>

#include <string>
#include <string_view>

#include "ingest/reader_context.h"
#include "ingest/util.h"

namespace hearsay::ingest {
namespace {

constexpr std::string_view kTitleKeys[] = {"title", "headline"};
constexpr std::string_view kTextKeys[] = {"maintext", "text", "body", "content",
                                          "article"};
constexpr std::string_view kDateKeys[] = {"date_publish", "published",
                                          "date",         "datePublished",
                                          "publish_date", "pubDate"};
constexpr std::string_view kOutletKeys[] = {"source_domain", "outlet", "source",
                                            "publisher"};

// A string or number field as text; "" when absent, null or of another type.
std::string Field(simdjson::dom::object o, std::string_view key) {
  simdjson::dom::element e;
  if (o[key].get(e) != simdjson::SUCCESS) return "";
  std::string_view s;
  if (e.get_string().get(s) == simdjson::SUCCESS) return std::string(s);
  int64_t i;
  if (e.get_int64().get(i) == simdjson::SUCCESS) return std::to_string(i);
  uint64_t u;
  if (e.get_uint64().get(u) == simdjson::SUCCESS) return std::to_string(u);
  return "";
}

template <size_t N>
std::string FirstField(simdjson::dom::object o,
                       const std::string_view (&keys)[N]) {
  for (std::string_view k : keys) {
    std::string v = Field(o, k);
    if (!Trim(v).empty()) return v;
  }
  return "";
}

Status ReadObject(simdjson::dom::element root, const std::string& location,
                  ReadContext& ctx) {
  simdjson::dom::object o;
  if (root.get_object().get(o) != simdjson::SUCCESS) {
    return ctx.Skip(location, "not a JSON object");
  }
  // The body is kept byte for byte as the record gives it (news-please puts
  // one paragraph per line; the text stage reads those line breaks), so that
  // spans over the document are spans over `maintext` itself.
  std::string body = FirstField(o, kTextKeys);
  CleanUtf8InPlace(body);
  if (Trim(body).empty()) {
    return ctx.Skip(location, "no text (maintext, text or body)");
  }
  Document doc;
  std::string title = CollapseWhitespace(CleanUtf8(FirstField(o, kTitleKeys)));
  if (title.empty()) {
    // What SetTitleAndBody() makes of no title, without copying the body.
    doc.text = std::move(body);
    doc.body_begin = 0;
  } else {
    SetTitleAndBody(doc, title, body);
  }
  doc.id = CollapseWhitespace(CleanUtf8(Field(o, "id")));
  doc.url = CleanUtf8(Field(o, "url"));
  doc.outlet = CollapseWhitespace(CleanUtf8(FirstField(o, kOutletKeys)));
  std::string date = CollapseWhitespace(CleanUtf8(FirstField(o, kDateKeys)));
  if (!date.empty()) {
    doc.published = NormalizeDateOrKeep(date);
    doc.published_from = PublishedFrom::kMeta;
  }
  doc.language = NormalizeLanguage(Field(o, "language"));
  simdjson::dom::element authors;
  if (o["authors"].get(authors) == simdjson::SUCCESS ||
      o["author"].get(authors) == simdjson::SUCCESS) {
    std::string_view s;
    simdjson::dom::array a;
    if (authors.get_string().get(s) == simdjson::SUCCESS) {
      AddAuthor(doc.authors, CleanUtf8(s));
    } else if (authors.get_array().get(a) == simdjson::SUCCESS) {
      for (simdjson::dom::element e : a) {
        if (e.get_string().get(s) == simdjson::SUCCESS) {
          AddAuthor(doc.authors, CleanUtf8(s));
        }
      }
    }
  }
  doc.origin = ctx.file + " " + location;
  // Title and body went through CleanUtf8(), and "\n\n" joins them.
  return ctx.EmitValidUtf8(std::move(doc), location);
}

Status ReadLine(std::string_view line, uint64_t line_no,
                simdjson::dom::parser& parser, ReadContext& ctx) {
  std::string location = "line " + std::to_string(line_no);
  simdjson::dom::element root;
  simdjson::error_code err = parser.parse(line.data(), line.size()).get(root);
  if (err != simdjson::SUCCESS) {
    return ctx.Skip(location,
                    std::string("not JSON: ") + simdjson::error_message(err));
  }
  return ReadObject(root, location, ctx);
}

// A file holding one JSON array of articles, as many exports are; it is
// read whole, so it counts against max_document_bytes as one document.
Status ReadJsonArray(StreamBuffer& in, simdjson::dom::parser& parser,
                     ReadContext& ctx) {
  Result<std::string> all = ReadAll(in, ctx.max_bytes());
  if (!all.ok()) return ctx.Skip("byte 0", all.status().message());
  simdjson::dom::element root;
  simdjson::dom::array array;
  simdjson::error_code err = parser.parse(*all).get(root);
  if (err == simdjson::SUCCESS) err = root.get_array().get(array);
  if (err != simdjson::SUCCESS) {
    return ctx.Skip("byte 0", std::string("not a JSON array of articles: ") +
                                  simdjson::error_message(err));
  }
  size_t index = 0;
  for (simdjson::dom::element e : array) {
    HEARSAY_RETURN_IF_ERROR(
        ReadObject(e, "element " + std::to_string(++index), ctx));
  }
  return Status::Ok();
}

}  // namespace

Status ReadJsonlInput(StreamBuffer& in, ReadContext& ctx) {
  simdjson::dom::parser parser;
  // A read error here ends the input; it is reported when reading stops.
  in.Fill(256).IgnoreError();
  std::string_view head = in.data();
  size_t first = 0;
  while (first < head.size() && IsSpace(head[first])) ++first;
  if (first < head.size() && head[first] == '[') {
    return ReadJsonArray(in, parser, ctx);
  }
  uint64_t line_no = 0;
  size_t searched = 0;  // bytes of in.data() known to hold no newline
  while (true) {
    std::string_view d = in.data();
    size_t nl = d.find('\n', searched);
    if (nl == std::string_view::npos) {
      if (d.size() > ctx.max_bytes()) {
        ++line_no;
        uint64_t length = d.size();
        in.Consume(d.size());
        while (true) {
          Status s = in.Fill(1);
          if (!s.ok() || in.size() == 0) break;
          std::string_view rest = in.data();
          size_t end = rest.find('\n');
          length += end == std::string_view::npos ? rest.size() : end;
          in.Consume(end == std::string_view::npos ? rest.size() : end + 1);
          if (end != std::string_view::npos) break;
        }
        searched = 0;
        HEARSAY_RETURN_IF_ERROR(
            ctx.Skip("line " + std::to_string(line_no),
                     "line of " + std::to_string(length) +
                         " bytes exceeds max_document_bytes (" +
                         std::to_string(ctx.max_bytes()) + ")"));
        continue;
      }
      if (in.eof()) {
        if (d.empty()) break;
        nl = d.size();  // a last line without a newline
      } else {
        searched = d.size();
        Status s = in.FillMore();
        if (!s.ok()) {
          // The stream broke mid-line; the line is lost, and nothing
          // after it can be read.
          in.ClearError();
          return ctx.Skip("line " + std::to_string(line_no + 1), s.message());
        }
        continue;
      }
    }
    ++line_no;
    searched = 0;
    std::string_view line = Trim(d.substr(0, nl));
    Status s = Status::Ok();
    if (line.size() > ctx.max_bytes()) {
      s = ctx.Skip("line " + std::to_string(line_no),
                   "line of " + std::to_string(line.size()) +
                       " bytes exceeds max_document_bytes (" +
                       std::to_string(ctx.max_bytes()) + ")");
    } else if (!line.empty()) {
      s = ReadLine(line, line_no, parser, ctx);
    }
    in.Consume(nl + 1);
    HEARSAY_RETURN_IF_ERROR(s);
  }
  return Status::Ok();
}

}  // namespace hearsay::ingest
