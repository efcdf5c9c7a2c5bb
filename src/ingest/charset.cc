#include "ingest/charset.h"

#include <iconv.h>

#include <cerrno>

#include "core/utf8.h"
#include "ingest/util.h"

namespace hearsay::ingest {
namespace {

// windows-1252 bytes 0x80..0x9F; 0 marks the five undefined ones.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

bool IsWindows1252(std::string_view cs) {
  return cs == "windows-1252" || cs == "cp1252" || cs == "iso-8859-1" ||
         cs == "iso8859-1" || cs == "latin1" || cs == "latin-1" || cs == "l1" ||
         cs == "us-ascii" || cs == "ascii" || cs == "x-cp1252" ||
         cs == "iso_8859-1" || cs == "cp819" || cs == "ibm819" ||
         cs == "iso-ir-100";
}

bool IsUtf8Name(std::string_view cs) {
  return cs.empty() || cs == "utf-8" || cs == "utf8" ||
         cs == "unicode-1-1-utf-8" || cs == "x-unicode20utf8";
}

std::string DecodeWindows1252(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char ch : bytes) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out.push_back(ch);
    } else if (c < 0xA0) {
      char16_t cp = kCp1252High[c - 0x80];
      utf8::Append(out, cp ? cp : c);
    } else {
      utf8::Append(out, c);
    }
  }
  return out;
}

std::string DecodeWithIconv(std::string_view bytes, std::string_view charset) {
  std::string name(charset);
  iconv_t cd = iconv_open("UTF-8", name.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return utf8::Repair(bytes);
  std::string out;
  out.resize(bytes.size() * 2 + 16);
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  size_t used = 0;
  while (in_left > 0) {
    char* dst = out.data() + used;
    size_t dst_left = out.size() - used;
    size_t r = iconv(cd, &in, &in_left, &dst, &dst_left);
    used = out.size() - dst_left;
    if (r != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
    } else {
      // An undecodable byte: mark it and go on with the next.
      if (out.size() - used < 3) out.resize(out.size() * 2);
      out.replace(used, 3, "\xEF\xBF\xBD");
      used += 3;
      ++in;
      --in_left;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
  }
  iconv_close(cd);
  out.resize(used);
  return utf8::IsValid(out) ? out : utf8::Repair(out);
}

std::string CleanCharsetName(std::string_view v) {
  v = Trim(v);
  if (!v.empty() && (v.front() == '"' || v.front() == '\'')) v.remove_prefix(1);
  size_t end = 0;
  while (end < v.size() && ((v[end] >= 'a' && v[end] <= 'z') ||
                            (v[end] >= 'A' && v[end] <= 'Z') ||
                            (v[end] >= '0' && v[end] <= '9') || v[end] == '-' ||
                            v[end] == '_' || v[end] == ':' || v[end] == '.')) {
    ++end;
  }
  if (end > 40) return "";
  return ToLower(v.substr(0, end));
}

}  // namespace

std::string CharsetFromContentType(std::string_view content_type) {
  size_t at = FindIgnoreCase(content_type, "charset=");
  if (at == std::string_view::npos) return "";
  return CleanCharsetName(content_type.substr(at + 8));
}

std::string SniffCharset(std::string_view http_content_type,
                         std::string_view html) {
  std::string cs = CharsetFromContentType(http_content_type);
  if (!cs.empty()) return cs;
  if (html.substr(0, 3) == "\xEF\xBB\xBF") return "utf-8";
  std::string_view head = html.substr(0, 4096);
  size_t pos = 0;
  while ((pos = FindIgnoreCase(head, "<meta", pos)) != std::string_view::npos) {
    size_t end = head.find('>', pos);
    std::string_view tag =
        head.substr(pos, end == std::string_view::npos ? std::string_view::npos
                                                       : end - pos);
    size_t at = FindIgnoreCase(tag, "charset=");
    if (at != std::string_view::npos) {
      std::string name = CleanCharsetName(tag.substr(at + 8));
      if (!name.empty()) return name;
    }
    pos += 5;
  }
  return "";
}

std::string ToUtf8(std::string_view bytes, std::string_view charset) {
  std::string cs = ToLower(charset);
  if (IsUtf8Name(cs) || utf8::IsValid(bytes)) {
    return utf8::IsValid(bytes) ? std::string(bytes) : utf8::Repair(bytes);
  }
  if (IsWindows1252(cs)) return DecodeWindows1252(bytes);
  return DecodeWithIconv(bytes, cs);
}

}  // namespace hearsay::ingest
