// Helpers for the ingest tests: read bytes or a fixture through a Reader and
// keep every document and diagnostic. Not part of the library.
#ifndef HEARSAY_INGEST_TEST_UTIL_H_
#define HEARSAY_INGEST_TEST_UTIL_H_

#include <zlib.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/ingest.h"

namespace hearsay::ingest::testing {

struct ReadResult {
  std::vector<Document> docs;
  std::vector<Diagnostic> diagnostics;
  Status status;
  uint64_t skipped = 0;
};

inline ReadResult ReadBytes(std::string_view name, std::string_view bytes,
                            ReadOptions options = {}) {
  ReadResult r;
  Reader reader(options,
                [&](const Diagnostic& d) { r.diagnostics.push_back(d); });
  r.status = reader.ReadBuffer(name, bytes, [&](Document&& doc) {
    r.docs.push_back(std::move(doc));
    return Status::Ok();
  });
  r.skipped = reader.skipped();
  return r;
}

inline ReadResult ReadFromPath(const std::string& path,
                               ReadOptions options = {}) {
  ReadResult r;
  Reader reader(options,
                [&](const Diagnostic& d) { r.diagnostics.push_back(d); });
  r.status = reader.ReadPath(path, [&](Document&& doc) {
    r.docs.push_back(std::move(doc));
    return Status::Ok();
  });
  r.skipped = reader.skipped();
  return r;
}

inline std::string Fixture(std::string_view name) {
  return std::string(HEARSAY_SOURCE_DIR) + "/tests/data/ingest/" +
         std::string(name);
}

inline std::string ReadFixture(std::string_view name) {
  std::ifstream in(Fixture(name), std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// One gzip member holding `data`.
inline std::string Gzip(std::string_view data) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(out.size() - z.avail_out);
  deflateEnd(&z);
  return out;
}

// A WARC record with a correct Content-Length unless `length` is given.
inline std::string WarcRecord(std::string_view type, std::string_view uri,
                              std::string_view block, long length = -1) {
  std::string r =
      "WARC/1.0\r\nWARC-Type: " + std::string(type) +
      "\r\nWARC-Record-ID: <urn:uuid:" +
      std::to_string(std::hash<std::string_view>()(block) % 100000) +
      ">\r\nWARC-Date: 2024-02-10T11:12:13Z\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  r += "Content-Type: application/http; msgtype=response\r\n";
  r +=
      "Content-Length: " +
      std::to_string(length >= 0 ? static_cast<size_t>(length) : block.size()) +
      "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

inline std::string HttpResponse(
    std::string_view body,
    std::string_view content_type = "text/html; charset=utf-8",
    std::string_view extra_headers = "") {
  return "HTTP/1.1 200 OK\r\nContent-Type: " + std::string(content_type) +
         "\r\n" + std::string(extra_headers) +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
         std::string(body);
}

}  // namespace hearsay::ingest::testing

#endif  // HEARSAY_INGEST_TEST_UTIL_H_
