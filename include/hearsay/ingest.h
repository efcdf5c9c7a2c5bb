// Reading news: files, directories and stdin in every format hearsay knows,
// streamed one Document at a time.
//
//   hearsay::ReadOptions options;            // format sniffed per input
//   hearsay::Reader reader(options);
//   Status s = reader.ReadPath("news/", [&](hearsay::Document&& doc) {
//     Process(doc);
//     return hearsay::Status::Ok();          // non-OK stops the read
//   });
//   // reader.skipped() inputs were malformed; each produced one diagnostic.
//
// Formats (InputFormat): plain text, JSON Lines (news-please field names),
// one HTML page, WARC or gzip-per-record .warc.gz (HTTP responses holding
// HTML), RSS 2.0 / Atom (one document per item). Any input may also be
// gzip-compressed. The format comes from ReadOptions::format, else the file
// name (.txt .jsonl .ndjson .json .html .htm .warc .warc.gz .xml .rss .atom,
// each optionally .gz), else the first bytes.
//
// Every Document handed out has `text` in valid UTF-8, `url` canonicalised,
// `published` in ISO 8601 when the source's date could be parsed (kept as
// written when not), `content_hash` and `id` filled (FinishDocument), and
// `language` from the metadata, else detected from the text (with
// `language_detected` set) unless ReadOptions::detect_language is off; ""
// when neither tells. A document in another language is read and marked,
// never dropped.
//
// Bad input is normal input: a malformed record is skipped with a one-line
// Diagnostic naming the file and the line, record or byte offset, and reading
// goes on with the next document (unless ReadOptions::strict). Truncated
// gzip, a WARC Content-Length that lies, invalid UTF-8, a JSON line that is
// not JSON or has no text, markup nested without bound, an empty file and
// binary junk are all such input; none of them stops the run. What is not
// an article is passed over without a diagnostic: WARC records other than
// responses, HTTP responses that are not 2xx or not HTML, and crawled pages
// with no article text.
//
// A Reader is not thread-safe; use one per thread. It holds no input between
// calls: each ReadPath/ReadBuffer streams its input and returns when done.
#ifndef HEARSAY_INGEST_H_
#define HEARSAY_INGEST_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/document.h"
#include "hearsay/status.h"

namespace hearsay {

enum class InputFormat {
  kAuto,   // from the file name, then from the first bytes
  kText,   // title line, blank line, body (or body alone)
  kJsonl,  // one JSON object per line, news-please field names
  kHtml,   // one saved web page
  kWarc,   // WARC or gzip-per-record .warc.gz (CC-NEWS)
  kFeed,   // RSS 2.0 or Atom: one document per item
};
std::string_view InputFormatName(InputFormat f);
// Accepts "auto", "text", "jsonl", "html", "warc", "feed" (also "rss", "atom").
Result<InputFormat> ParseInputFormat(std::string_view name);

// Guesses a format from a file name and its first bytes.
InputFormat SniffFormat(std::string_view path, std::string_view head);

// One skipped input, printed as "FILE: WHERE: MESSAGE" (or "FILE: MESSAGE"
// when the whole file could not be opened).
struct Diagnostic {
  std::string file;      // path, or "-" for stdin
  std::string location;  // "line 12", "record 3 (byte 40960)", "byte 17"
  std::string message;
  std::string ToString() const;
};

struct ReadOptions {
  InputFormat format = InputFormat::kAuto;
  bool strict = false;  // stop at the first malformed input
  // The most bytes of one document a Reader holds at once, and so the bound
  // on its memory (buffer growth can briefly double it; add one 64 KiB read
  // chunk and the parsed document):
  //  - JSON Lines: a longer line is skipped as it streams past, unbuffered;
  //  - WARC: a longer record (or decoded HTTP body) is skipped the same way;
  //  - text, HTML, feeds: a longer file is skipped (a feed counts whole).
  // Each skip is one diagnostic.
  size_t max_document_bytes = 64u << 20;
  // Detect the language from the text when metadata gives none (from its
  // first 2 KiB: CLD2 costs more per byte than the rest of reading).
  bool detect_language = true;
};

using DocumentCallback = std::function<Status(Document&&)>;
using DiagnosticCallback = std::function<void(const Diagnostic&)>;

class Reader {
 public:
  // Diagnostics go to `on_diagnostic`, or to stderr when it is empty.
  explicit Reader(ReadOptions options, DiagnosticCallback on_diagnostic = {});

  // Reads a file, a directory (recursively, in sorted path order) or "-" for
  // stdin. Returns a non-OK Status only for a failure that stops the run: the
  // callback said stop, or strict mode met a malformed input.
  Status ReadPath(const std::string& path, const DocumentCallback& on_document);

  // Reads bytes already in memory; `name` is used for diagnostics and for
  // sniffing the format. `bytes` need only live until the call returns:
  // every Document owns its strings.
  Status ReadBuffer(std::string_view name, std::string_view bytes,
                    const DocumentCallback& on_document);

  uint64_t documents() const { return documents_; }
  uint64_t skipped() const { return skipped_; }

 private:
  friend class ReaderAccess;
  Status Report(const Diagnostic& d);  // counts, prints, and stops when strict
  Status Emit(Document&& doc, const DocumentCallback& cb);

  ReadOptions options_;
  DiagnosticCallback on_diagnostic_;
  uint64_t documents_ = 0;
  uint64_t skipped_ = 0;
};

// Lower-cases scheme and host, drops the fragment, default ports and
// tracking parameters (utm_*, fbclid, gclid, ...). Returns "" for "".
std::string CanonicalizeUrl(std::string_view url);

}  // namespace hearsay

#endif  // HEARSAY_INGEST_H_
