#include "hearsay/ingest.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/utf8.h"
#include "ingest/language.h"
#include "ingest/reader_context.h"
#include "ingest/stream.h"
#include "ingest/util.h"

namespace hearsay {

using ingest::EqualsIgnoreCase;
using ingest::StartsWithIgnoreCase;

std::string_view InputFormatName(InputFormat f) {
  switch (f) {
    case InputFormat::kAuto:
      return "auto";
    case InputFormat::kText:
      return "text";
    case InputFormat::kJsonl:
      return "jsonl";
    case InputFormat::kHtml:
      return "html";
    case InputFormat::kWarc:
      return "warc";
    case InputFormat::kFeed:
      return "feed";
  }
  return "auto";
}

Result<InputFormat> ParseInputFormat(std::string_view name) {
  std::string n = ingest::ToLower(ingest::Trim(name));
  if (n == "auto") return InputFormat::kAuto;
  if (n == "text" || n == "txt") return InputFormat::kText;
  if (n == "jsonl" || n == "json" || n == "ndjson") return InputFormat::kJsonl;
  if (n == "html" || n == "htm") return InputFormat::kHtml;
  if (n == "warc") return InputFormat::kWarc;
  if (n == "feed" || n == "rss" || n == "atom") return InputFormat::kFeed;
  return InvalidArgumentError("unknown input format '" + std::string(name) +
                              "' (auto, text, jsonl, html, warc, feed)");
}

namespace {

bool EndsWithIgnoreCase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         EqualsIgnoreCase(s.substr(s.size() - suffix.size()), suffix);
}

InputFormat FormatFromName(std::string_view path) {
  // Only the file name: a directory called "x.html/" says nothing.
  size_t slash = path.find_last_of('/');
  if (slash != std::string_view::npos) path = path.substr(slash + 1);
  if (EndsWithIgnoreCase(path, ".gz")) path.remove_suffix(3);
  if (EndsWithIgnoreCase(path, ".warc")) return InputFormat::kWarc;
  if (EndsWithIgnoreCase(path, ".txt")) return InputFormat::kText;
  if (EndsWithIgnoreCase(path, ".jsonl") ||
      EndsWithIgnoreCase(path, ".ndjson") ||
      EndsWithIgnoreCase(path, ".json")) {
    return InputFormat::kJsonl;
  }
  if (EndsWithIgnoreCase(path, ".html") || EndsWithIgnoreCase(path, ".htm") ||
      EndsWithIgnoreCase(path, ".xhtml")) {
    return InputFormat::kHtml;
  }
  if (EndsWithIgnoreCase(path, ".xml") || EndsWithIgnoreCase(path, ".rss") ||
      EndsWithIgnoreCase(path, ".atom")) {
    return InputFormat::kFeed;
  }
  return InputFormat::kAuto;
}

InputFormat FormatFromContent(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  head = head.substr(0, 4096);
  size_t i = 0;
  while (i < head.size() && ingest::IsSpace(head[i])) ++i;
  std::string_view s = head.substr(i);
  if (s.empty()) return InputFormat::kText;
  if (s.substr(0, 5) == "WARC/") return InputFormat::kWarc;
  if (s[0] == '{' || s[0] == '[') return InputFormat::kJsonl;
  if (s[0] != '<') return InputFormat::kText;
  size_t html = ingest::FindIgnoreCase(s, "<html");
  size_t rss = ingest::FindIgnoreCase(s, "<rss");
  size_t feed = ingest::FindIgnoreCase(s, "<feed");
  size_t rdf = ingest::FindIgnoreCase(s, "<rdf:rdf");
  size_t first_feed = std::min({rss, feed, rdf});
  if (first_feed != std::string_view::npos &&
      (html == std::string_view::npos || first_feed < html)) {
    return InputFormat::kFeed;
  }
  if (StartsWithIgnoreCase(s, "<?xml") && html == std::string_view::npos &&
      ingest::FindIgnoreCase(s, "<!doctype html") == std::string_view::npos) {
    return InputFormat::kFeed;
  }
  return InputFormat::kHtml;
}

}  // namespace

InputFormat SniffFormat(std::string_view path, std::string_view head) {
  InputFormat by_name = FormatFromName(path);
  if (by_name != InputFormat::kAuto) return by_name;
  if (ingest::IsGzip(head)) return InputFormat::kAuto;  // decompress first
  return FormatFromContent(head);
}

std::string Diagnostic::ToString() const {
  std::string out = file;
  if (!location.empty()) out += ": " + location;
  out += ": " + message;
  return out;
}

Reader::Reader(ReadOptions options, DiagnosticCallback on_diagnostic)
    : options_(options), on_diagnostic_(std::move(on_diagnostic)) {}

Status Reader::Report(const Diagnostic& d) {
  ++skipped_;
  if (on_diagnostic_) {
    on_diagnostic_(d);
  } else {
    std::string line = d.ToString();
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  if (options_.strict) return DataLossError(d.ToString());
  return Status::Ok();
}

Status Reader::Emit(Document&& doc, const DocumentCallback& cb) {
  ++documents_;
  return cb(std::move(doc));
}

namespace ingest {

Result<std::string> ReadAll(StreamBuffer& in, size_t limit) {
  while (!in.eof()) {
    if (in.size() > limit) break;
    Status s = in.FillMore();
    if (!s.ok()) {
      in.ClearError();
      return s;
    }
  }
  if (in.size() > limit) {
    return ResourceExhaustedError("input exceeds max_document_bytes (" +
                                  std::to_string(limit) + " bytes)");
  }
  std::string all(in.data());
  in.Consume(all.size());
  return all;
}

}  // namespace ingest

class ReaderAccess {
 public:
  // Reads one stream: decompresses gzip, picks the format, runs its reader.
  static Status ReadStream(Reader& reader, const std::string& name,
                           ingest::ByteStream& source,
                           const DocumentCallback& on_document) {
    ingest::ReadContext ctx;
    ctx.options = &reader.options_;
    ctx.file = name;
    ctx.skip = [&](std::string_view location, std::string message) {
      return reader.Report({name, std::string(location), std::move(message)});
    };
    ctx.emit = [&](Document&& doc, std::string_view location) {
      return Finish(reader, ctx, std::move(doc), location, on_document);
    };

    ingest::StreamBuffer raw(&source);
    Status s = raw.Fill(4096);
    if (!s.ok()) return ctx.Skip("byte 0", s.message());
    if (ingest::IsGzip(raw.data())) {
      ingest::GzipStream gz(&raw);
      ingest::StreamBuffer in(&gz);
      Status gs = in.Fill(4096);
      if (!gs.ok() && in.size() == 0) return ctx.Skip("byte 0", gs.message());
      std::string inner = name;
      if (EndsWithIgnoreCase(inner, ".gz")) inner.resize(inner.size() - 3);
      HEARSAY_RETURN_IF_ERROR(Dispatch(reader, ctx, inner, in));
      return ReportLeftoverError(ctx, in);
    }
    HEARSAY_RETURN_IF_ERROR(Dispatch(reader, ctx, name, raw));
    return ReportLeftoverError(ctx, raw);
  }

 private:
  // A read error that ended the input and that its reader did not place.
  static Status ReportLeftoverError(ingest::ReadContext& ctx,
                                    ingest::StreamBuffer& in) {
    if (in.error().ok()) return Status::Ok();
    std::string message = in.error().message();
    in.ClearError();
    return ctx.Skip("byte " + std::to_string(in.FileOffset()), message);
  }

  static Status Dispatch(Reader& reader, ingest::ReadContext& ctx,
                         std::string_view name, ingest::StreamBuffer& in) {
    if (in.size() == 0 && in.eof()) return ctx.Skip("byte 0", "empty file");
    InputFormat format = reader.options_.format;
    if (format == InputFormat::kAuto) format = SniffFormat(name, in.data());
    if (format == InputFormat::kAuto) format = FormatFromContent(in.data());
    switch (format) {
      case InputFormat::kJsonl:
        return ingest::ReadJsonlInput(in, ctx);
      case InputFormat::kHtml:
        return ingest::ReadHtmlInput(in, ctx);
      case InputFormat::kWarc:
        return ingest::ReadWarcInput(in, ctx);
      case InputFormat::kFeed:
        return ingest::ReadFeedInput(in, ctx);
      case InputFormat::kText:
      case InputFormat::kAuto:
        return ingest::ReadTextInput(in, ctx);
    }
    return Status::Ok();
  }

  static Status Finish(Reader& reader, const ingest::ReadContext& ctx,
                       Document&& doc, std::string_view location,
                       const DocumentCallback& on_document) {
    if (!ctx.text_is_valid && !utf8::IsValid(doc.text)) {
      // Readers repair their text; this keeps the promise if one did not.
      std::string title = utf8::Repair(doc.title);
      std::string body = utf8::Repair(std::string_view(doc.text).substr(
          std::min<size_t>(doc.body_begin, doc.text.size())));
      SetTitleAndBody(doc, title, body);
    }
    if (doc.text.size() == doc.body_begin) {
      return ctx.Skip(location, "no text");
    }
    doc.url = CanonicalizeUrl(doc.url);
    if (doc.language.empty() && reader.options_.detect_language) {
      doc.language = ingest::DetectLanguage(doc.text);
      doc.language_detected = !doc.language.empty();
    }
    if (doc.origin.empty()) {
      doc.origin = ctx.file;
      if (!location.empty()) {
        doc.origin.push_back(' ');
        doc.origin.append(location);
      }
    }
    FinishDocument(doc);
    return reader.Emit(std::move(doc), on_document);
  }
};

Status Reader::ReadBuffer(std::string_view name, std::string_view bytes,
                          const DocumentCallback& on_document) {
  ingest::MemoryStream stream(bytes);
  return ReaderAccess::ReadStream(*this, std::string(name), stream,
                                  on_document);
}

Status Reader::ReadPath(const std::string& path,
                        const DocumentCallback& on_document) {
  namespace fs = std::filesystem;
  if (path == "-") {
    ingest::FileStream in(STDIN_FILENO, /*owned=*/false);
    return ReaderAccess::ReadStream(*this, "-", in, on_document);
  }
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec) return Report({path, "", ec.message()});
  std::vector<std::string> files;
  if (fs::is_directory(st)) {
    fs::recursive_directory_iterator it(
        path, fs::directory_options::skip_permission_denied, ec);
    if (ec) return Report({path, "", ec.message()});
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        HEARSAY_RETURN_IF_ERROR(Report({path, "", ec.message()}));
        break;
      }
      std::string file_name = it->path().filename().string();
      if (!file_name.empty() && file_name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }
  for (const std::string& file : files) {
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      HEARSAY_RETURN_IF_ERROR(Report({file, "", std::strerror(errno)}));
      continue;
    }
    ingest::FileStream in(fd, /*owned=*/true);
    HEARSAY_RETURN_IF_ERROR(
        ReaderAccess::ReadStream(*this, file, in, on_document));
  }
  return Status::Ok();
}

}  // namespace hearsay
