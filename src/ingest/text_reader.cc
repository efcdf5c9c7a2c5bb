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

// The end of the line that starts at `pos`: the byte after its '\n', or the
// end of the text.
size_t NextLine(std::string_view s, size_t pos) {
  size_t nl = s.find('\n', pos);
  return nl == std::string_view::npos ? s.size() : nl + 1;
}

}  // namespace

// The body is kept byte for byte (line ends, indentation and the final line
// break included) so that a span over the document is a span over the file:
// only a title, when the file starts with one, is taken out and rewritten.
Status ReadTextInput(StreamBuffer& in, ReadContext& ctx) {
  Result<std::string> all = ReadAll(in, ctx.max_bytes());
  if (!all.ok()) return ctx.Skip("byte 0", all.status().message());
  if (LooksBinary(*all)) return ctx.Skip("byte 0", "binary data, not text");
  const std::string text = CleanUtf8(*all);
  const std::string_view all_text = text;
  if (Trim(all_text).empty()) return ctx.Skip("byte 0", "empty file");

  // A title is a first non-blank line that reads like one, followed by at
  // least one blank line and then more text.
  std::string_view title;
  std::string_view body = all_text;
  size_t line = 0;
  while (Trim(all_text.substr(line, NextLine(all_text, line) - line)).empty()) {
    line = NextLine(all_text, line);
  }
  const size_t after_first = NextLine(all_text, line);
  size_t rest = after_first;
  while (rest < all_text.size() &&
         Trim(all_text.substr(rest, NextLine(all_text, rest) - rest)).empty()) {
    rest = NextLine(all_text, rest);
  }
  std::string_view first = Trim(all_text.substr(line, after_first - line));
  if (rest > after_first && rest < all_text.size() && IsTitleLine(first)) {
    title = first;
    body = all_text.substr(rest);
  }
  Document doc;
  SetTitleAndBody(doc, CollapseWhitespace(title), body);
  doc.origin = ctx.file;
  return ctx.Emit(std::move(doc), "byte 0");
}

}  // namespace hearsay::ingest
