// WARC files, plain or gzip-per-record (.warc.gz as CC-NEWS ships them).
//
// Records are read one at a time from the (decompressed) stream; only one
// record's bytes are held, and a record larger than max_document_bytes is
// skipped as it streams past. A record whose Content-Length does not match
// its bytes, and a broken gzip member, each cost one diagnostic; reading
// resumes at the next "WARC/1." line or the next gzip member.
#include <zlib.h>

#include <string>
#include <string_view>
#include <vector>

#include "ingest/html.h"
#include "ingest/reader_context.h"
#include "ingest/util.h"

namespace hearsay::ingest {
namespace {

constexpr size_t kMaxHeaderBytes = 64 << 10;

struct Header {
  std::string_view name;
  std::string_view value;
};

// Parses "Name: value" lines; the views point into `block`.
std::vector<Header> ParseHeaders(std::string_view block) {
  std::vector<Header> headers;
  size_t i = 0;
  while (i < block.size()) {
    size_t nl = block.find('\n', i);
    if (nl == std::string_view::npos) nl = block.size();
    std::string_view line = block.substr(i, nl - i);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t colon = line.find(':');
    if (colon != std::string_view::npos && colon > 0) {
      headers.push_back(
          {Trim(line.substr(0, colon)), Trim(line.substr(colon + 1))});
    }
    i = nl + 1;
  }
  return headers;
}

std::string_view HeaderValue(const std::vector<Header>& headers,
                             std::string_view name) {
  for (const Header& h : headers) {
    if (EqualsIgnoreCase(h.name, name)) return h.value;
  }
  return {};
}

bool ParseLength(std::string_view s, uint64_t& out) {
  s = Trim(s);
  if (s.empty() || s.size() > 18) return false;
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + static_cast<uint64_t>(c - '0');
  }
  return true;
}

// End of a header block (the blank line) and the length of its terminator.
size_t FindBlankLine(std::string_view d, size_t& terminator) {
  size_t crlf = d.find("\r\n\r\n");
  size_t lf = d.find("\n\n");
  if (crlf != std::string_view::npos &&
      (lf == std::string_view::npos || crlf < lf + 1)) {
    terminator = 4;
    return crlf;
  }
  if (lf != std::string_view::npos) {
    terminator = 2;
    return lf;
  }
  return std::string_view::npos;
}

bool LooksLikeHtml(std::string_view body) {
  std::string_view head = Trim(body.substr(0, 2048));
  return FindIgnoreCase(head, "<html") != std::string_view::npos ||
         FindIgnoreCase(head, "<!doctype html") != std::string_view::npos ||
         FindIgnoreCase(head, "<head") != std::string_view::npos ||
         FindIgnoreCase(head, "<body") != std::string_view::npos;
}

Result<std::string> Dechunk(std::string_view body, size_t limit) {
  std::string out;
  size_t i = 0;
  while (true) {
    size_t nl = body.find('\n', i);
    if (nl == std::string_view::npos)
      return DataLossError("truncated chunk size");
    std::string_view line = Trim(body.substr(i, nl - i));
    line = line.substr(0, line.find(';'));
    if (line.empty() || line.size() > 15)
      return DataLossError("bad chunk size");
    uint64_t size = 0;
    for (char c : line) {
      int v = (c >= '0' && c <= '9')   ? c - '0'
              : (c >= 'a' && c <= 'f') ? c - 'a' + 10
              : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                       : -1;
      if (v < 0) return DataLossError("bad chunk size");
      size = size * 16 + static_cast<uint64_t>(v);
    }
    i = nl + 1;
    if (size == 0) return out;
    if (size > body.size() - i) return DataLossError("truncated chunk");
    if (out.size() + size > limit) {
      return ResourceExhaustedError("body exceeds max_document_bytes");
    }
    out.append(body.substr(i, size));
    i += size;
    while (i < body.size() && (body[i] == '\r' || body[i] == '\n')) ++i;
  }
}

Result<std::string> Inflate(std::string_view in, size_t limit) {
  z_stream z{};
  // 32 + MAX_WBITS accepts gzip and zlib headers alike.
  if (inflateInit2(&z, 32 + MAX_WBITS) != Z_OK) {
    return InternalError("zlib failed to initialise");
  }
  std::string out;
  char buf[1 << 15];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), 1u << 30));
  int ret = Z_OK;
  while (ret == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    ret = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
    if (out.size() > limit) {
      inflateEnd(&z);
      return ResourceExhaustedError("body exceeds max_document_bytes");
    }
    if (ret == Z_BUF_ERROR && z.avail_in == 0) break;
  }
  inflateEnd(&z);
  if (ret != Z_STREAM_END)
    return DataLossError("corrupt Content-Encoding data");
  return out;
}

class WarcReader {
 public:
  WarcReader(StreamBuffer& in, ReadContext& ctx) : in_(in), ctx_(ctx) {}

  Status Run() {
    while (true) {
      if (!SkipBlankLines()) {
        if (in_.error().ok()) break;
        HEARSAY_RETURN_IF_ERROR(ReportStreamError(record_ + 1));
        if (!in_.Resync()) break;
        continue;
      }
      ++record_;
      HEARSAY_RETURN_IF_ERROR(ReadRecord());
    }
    return Status::Ok();
  }

 private:
  std::string Location(uint64_t record, uint64_t offset) const {
    return "record " + std::to_string(record) + " (byte " +
           std::to_string(offset) + ")";
  }

  Status ReportStreamError(uint64_t record) {
    std::string message = in_.error().message();
    in_.ClearError();
    return ctx_.Skip(Location(record, in_.FileOffset()), message);
  }

  // Leaves the buffer at the next non-blank byte; false at the end of input.
  bool SkipBlankLines() {
    while (true) {
      if (in_.size() == 0 && !in_.Fill(1).ok()) return false;
      std::string_view d = in_.data();
      if (d.empty()) return false;
      size_t i = 0;
      while (i < d.size() && (d[i] == '\r' || d[i] == '\n')) ++i;
      in_.Consume(i);
      if (i < d.size()) return true;
    }
  }

  // Drops bytes up to the next "WARC/1." at a line start at or after `from`.
  void SkipToNextRecord(size_t from) {
    while (true) {
      std::string_view d = in_.data();
      size_t at = from;
      while ((at = d.find("WARC/1.", at)) != std::string_view::npos) {
        if ((at == 0 && from == 0) || (at > 0 && d[at - 1] == '\n')) break;
        ++at;
      }
      if (at != std::string_view::npos) {
        in_.Consume(at);
        return;
      }
      // Keep enough to find a marker, with its newline, across reads.
      size_t keep = std::min<size_t>(d.size(), 8);
      in_.Consume(d.size() - keep);
      from = keep > 0 ? 1 : 0;
      if (in_.eof()) {
        if (in_.error().ok()) {
          in_.Consume(in_.size());
          return;
        }
        // The rest of a broken gzip member is part of what is skipped; the
        // next member starts a record.
        if (!in_.Resync()) return;
        from = 0;
        continue;
      }
      in_.Fill(in_.size() + (64 << 10)).IgnoreError();  // seen via eof()
    }
  }

  // Consumes `n` bytes without holding them.
  void Discard(uint64_t n) {
    while (n > 0) {
      if (in_.size() == 0 && (!in_.Fill(1).ok() || in_.size() == 0)) return;
      size_t take = static_cast<size_t>(std::min<uint64_t>(n, in_.size()));
      in_.Consume(take);
      n -= take;
    }
  }

  Status ReadRecord() {
    uint64_t offset = in_.FileOffset();
    std::string location = Location(record_, offset);
    if (in_.Fill(5).ok() && in_.data().substr(0, 5) != "WARC/") {
      HEARSAY_RETURN_IF_ERROR(ctx_.Skip(location, "not a WARC record header"));
      SkipToNextRecord(1);
      return Status::Ok();
    }
    size_t terminator = 0;
    size_t header_end = std::string_view::npos;
    size_t searched = 0;
    while (true) {
      std::string_view d = in_.data();
      header_end = FindBlankLine(
          d.substr(0, std::min(d.size(), kMaxHeaderBytes)), terminator);
      if (header_end != std::string_view::npos) break;
      if (in_.eof() || d.size() >= kMaxHeaderBytes) break;
      searched = d.size();
      in_.Fill(searched + 4096).IgnoreError();  // checked through error()
    }
    if (header_end == std::string_view::npos) {
      if (!in_.error().ok()) {
        HEARSAY_RETURN_IF_ERROR(ReportStreamError(record_));
        in_.Resync();
        return Status::Ok();
      }
      HEARSAY_RETURN_IF_ERROR(
          ctx_.Skip(location, in_.eof() ? "truncated record header"
                                        : "record header longer than 64 KiB"));
      SkipToNextRecord(1);
      return Status::Ok();
    }
    std::vector<Header> headers =
        ParseHeaders(in_.data().substr(0, header_end));
    std::string type(HeaderValue(headers, "WARC-Type"));
    std::string target(HeaderValue(headers, "WARC-Target-URI"));
    // WARC 1.0 examples wrap the URI in angle brackets; some writers copy it.
    if (target.size() >= 2 && target.front() == '<' && target.back() == '>') {
      target = target.substr(1, target.size() - 2);
    }
    std::string warc_content_type(HeaderValue(headers, "Content-Type"));
    std::string date(HeaderValue(headers, "WARC-Date"));
    std::string record_id(HeaderValue(headers, "WARC-Record-ID"));
    uint64_t length = 0;
    if (!ParseLength(HeaderValue(headers, "Content-Length"), length)) {
      HEARSAY_RETURN_IF_ERROR(
          ctx_.Skip(location, "missing or malformed Content-Length"));
      SkipToNextRecord(header_end + terminator);
      return Status::Ok();
    }
    size_t block_begin = header_end + terminator;
    if (length > ctx_.max_bytes()) {
      if (type == "response") {
        HEARSAY_RETURN_IF_ERROR(
            ctx_.Skip(location, "record of " + std::to_string(length) +
                                    " bytes exceeds max_document_bytes"));
      }
      in_.Consume(block_begin);
      Discard(length);
      if (!in_.error().ok()) {
        HEARSAY_RETURN_IF_ERROR(ReportStreamError(record_));
        in_.Resync();
      }
      return Status::Ok();
    }
    size_t record_end = block_begin + static_cast<size_t>(length);
    in_.Fill(record_end + 4).IgnoreError();  // checked through error()
    std::string_view d = in_.data();
    if (d.size() < record_end) {
      if (!in_.error().ok()) {
        HEARSAY_RETURN_IF_ERROR(ReportStreamError(record_));
        in_.Resync();
        return Status::Ok();
      }
      HEARSAY_RETURN_IF_ERROR(
          ctx_.Skip(location, "Content-Length " + std::to_string(length) +
                                  " runs past the end of the file (" +
                                  std::to_string(d.size() - block_begin) +
                                  " bytes left)"));
      SkipToNextRecord(block_begin);
      return Status::Ok();
    }
    std::string_view trailer = d.substr(record_end, 4);
    bool at_end = trailer.empty() && in_.eof();
    bool good_trailer = at_end || trailer.substr(0, 2) == "\r\n" ||
                        trailer.substr(0, 1) == "\n";
    if (!good_trailer) {
      HEARSAY_RETURN_IF_ERROR(
          ctx_.Skip(location, "Content-Length " + std::to_string(length) +
                                  " does not end where the record does"));
      SkipToNextRecord(block_begin);
      return Status::Ok();
    }
    Status s = Status::Ok();
    if (type == "response") {
      s = ReadResponse(d.substr(block_begin, length), target, date, record_id,
                       location);
    } else if (type == "resource" &&
               FindIgnoreCase(warc_content_type, "html") !=
                   std::string_view::npos) {
      // A page stored without its HTTP envelope (wget --warc-file, for one).
      s = ReadPage(d.substr(block_begin, length), warc_content_type, target,
                   date, record_id, location);
    }
    in_.Consume(record_end);
    return s;
  }

  Status ReadResponse(std::string_view block, const std::string& target,
                      const std::string& warc_date,
                      const std::string& record_id,
                      const std::string& location) {
    // Only HTTP responses hold pages; dns: and other records do not.
    if (block.substr(0, 5) != "HTTP/") return Status::Ok();
    size_t terminator = 0;
    size_t header_end =
        FindBlankLine(block.substr(0, kMaxHeaderBytes), terminator);
    if (header_end == std::string_view::npos) {
      return ctx_.Skip(location, "malformed HTTP response header");
    }
    std::string_view head = block.substr(0, header_end);
    std::string_view status_line = head.substr(0, head.find('\n'));
    size_t sp = status_line.find(' ');
    int status = 0;
    if (sp != std::string_view::npos) {
      for (size_t i = sp + 1; i < status_line.size() && i < sp + 4; ++i) {
        if (status_line[i] < '0' || status_line[i] > '9') break;
        status = status * 10 + (status_line[i] - '0');
      }
    }
    if (status < 200 || status >= 300) return Status::Ok();
    std::vector<Header> headers = ParseHeaders(head.substr(status_line.size()));
    std::string_view content_type = HeaderValue(headers, "Content-Type");
    std::string_view body = block.substr(header_end + terminator);

    std::string decoded;
    std::string_view transfer = HeaderValue(headers, "Transfer-Encoding");
    // Crawlers often store the payload already decoded but keep the
    // header, so a body that does not decode and reads as a page is used
    // as it is.
    if (FindIgnoreCase(transfer, "chunked") != std::string_view::npos) {
      Result<std::string> r = Dechunk(body, ctx_.max_bytes());
      if (r.ok()) {
        decoded = std::move(*r);
        body = decoded;
      } else if (!LooksLikeHtml(body)) {
        return ctx_.Skip(location, "HTTP body: " + r.status().message());
      }
    }
    std::string_view encoding = Trim(HeaderValue(headers, "Content-Encoding"));
    std::string inflated;
    if (!encoding.empty() && !EqualsIgnoreCase(encoding, "identity")) {
      if (EqualsIgnoreCase(encoding, "gzip") ||
          EqualsIgnoreCase(encoding, "x-gzip") ||
          EqualsIgnoreCase(encoding, "deflate")) {
        Result<std::string> r = Inflate(body, ctx_.max_bytes());
        if (r.ok()) {
          inflated = std::move(*r);
          body = inflated;
        } else if (!LooksLikeHtml(body)) {
          return ctx_.Skip(location, "HTTP body: " + r.status().message());
        }
      } else if (!LooksLikeHtml(body)) {
        return ctx_.Skip(
            location, "unsupported Content-Encoding " + std::string(encoding));
      }
    }
    if (!content_type.empty()) {
      if (FindIgnoreCase(content_type, "html") == std::string_view::npos) {
        return Status::Ok();
      }
    } else if (!LooksLikeHtml(body)) {
      return Status::Ok();
    }

    return ReadPage(body, content_type, target, warc_date, record_id, location);
  }

  Status ReadPage(std::string_view body, std::string_view content_type,
                  const std::string& target, const std::string& warc_date,
                  const std::string& record_id, const std::string& location) {
    HtmlPage page = ExtractHtml(body, HtmlHints{target, content_type});
    // A page with no article text (an index, a login wall) is not malformed.
    if (page.body.empty()) return Status::Ok();
    Document doc;
    SetTitleAndBody(doc, page.title, page.body);
    doc.url = page.url.empty() ? target : page.url;
    doc.outlet = std::move(page.outlet);
    doc.published = std::move(page.published);
    doc.published_from = page.published_from;
    if (doc.published.empty() && !warc_date.empty()) {
      doc.published = NormalizeDateOrKeep(warc_date);
      doc.published_from = PublishedFrom::kWarcDate;
    }
    doc.authors = std::move(page.authors);
    doc.language = std::move(page.language);
    std::string_view id = Trim(record_id);
    if (id.size() >= 2 && id.front() == '<' && id.back() == '>') {
      id = id.substr(1, id.size() - 2);
    }
    doc.id = CleanUtf8(id);
    doc.origin = ctx_.file + " " + location;
    return ctx_.Emit(std::move(doc), location);
  }

  StreamBuffer& in_;
  ReadContext& ctx_;
  uint64_t record_ = 0;
};

}  // namespace

Status ReadWarcInput(StreamBuffer& in, ReadContext& ctx) {
  return WarcReader(in, ctx).Run();
}

}  // namespace hearsay::ingest
