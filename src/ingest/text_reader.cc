// Plain text: one document per file. A first paragraph that is a single
// short line is the title.
#include <algorithm>
#include <string>
#include <string_view>

#include "ingest/reader_context.h"
#include "ingest/util.h"

namespace hearsay::ingest {
namespace {

// Bytes that plain text does not contain: NUL and most C0 controls.
bool LooksBinary(std::string_view s) {
  size_t sample = std::min<size_t>(s.size(), 8192);
  size_t bad = 0;
  for (size_t i = 0; i < sample; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++bad;
  }
  return bad * 20 > sample;
}

bool IsTitleLine(std::string_view line) {
  if (line.empty() || line.size() > 200) return false;
  size_t words = 1;
  for (char c : line) words += c == ' ';
  if (words > 30) return false;
  // A single sentence ending in a full stop is more likely a one-line lead
  // paragraph than a headline, unless it is short.
  if (line.back() == '.' && words > 12) return false;
  return true;
}

}  // namespace

Status ReadTextInput(StreamBuffer& in, ReadContext& ctx) {
  Result<std::string> all = ReadAll(in, ctx.max_bytes());
  if (!all.ok()) return ctx.Skip("byte 0", all.status().message());
  if (LooksBinary(*all)) return ctx.Skip("byte 0", "binary data, not text");
  std::string text = CleanUtf8(*all);
  // Windows line ends would otherwise leave a '\r' in every paragraph.
  std::string normalized;
  normalized.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') continue;
      normalized.push_back('\n');
    } else {
      normalized.push_back(text[i]);
    }
  }
  std::string_view all_text = Trim(normalized);
  if (all_text.empty()) return ctx.Skip("byte 0", "empty file");

  std::string_view title;
  std::string_view body = all_text;
  size_t para_end = all_text.find("\n\n");
  if (para_end != std::string_view::npos) {
    std::string_view first = Trim(all_text.substr(0, para_end));
    std::string_view rest = Trim(all_text.substr(para_end));
    if (first.find('\n') == std::string_view::npos && IsTitleLine(first) &&
        !rest.empty()) {
      title = first;
      body = rest;
    }
  }
  Document doc;
  SetTitleAndBody(doc, CollapseWhitespace(title), body);
  doc.origin = ctx.file;
  return ctx.Emit(std::move(doc), "byte 0");
}

}  // namespace hearsay::ingest
