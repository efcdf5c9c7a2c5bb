// Normalize(): NFC plus ASCII folding of typographic punctuation and spaces,
// keeping for every output byte the original byte it came from.
#include <utf8proc.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/bytes8.h"
#include "core/utf8.h"
#include "hearsay/text.h"
#include "text/chars.h"

namespace hearsay {
namespace {

using text_internal::Classify;
using text_internal::Cls;

// What a typographic character folds to, or nullptr to keep it.
const char* Fold(char32_t cp) {
  switch (cp) {
    case 0x2026:
      return "...";
    case 0x0085:
    case 0x2028:
    case 0x2029:
      return "\n";
    case 0x200B:
    case 0x2060:
    case 0xFEFF:
      return "";  // invisible
    default:
      break;
  }
  switch (Classify(cp)) {
    case Cls::kApos:
      return "'";
    case Cls::kQuote:
      return "\"";
    case Cls::kHyphen:
    case Cls::kDash:
      return "-";
    case Cls::kSpace:
      return " ";
    default:
      return nullptr;
  }
}

int CombiningClass(char32_t cp) {
  return utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))
      ->combining_class;
}

// The end of the run of ASCII bytes at s[i, n), eight bytes at a time: news
// is mostly ASCII, and a per-byte loop costs more than the copy.
size_t AsciiRunEnd(std::string_view s, size_t i, size_t n) {
  while (i + 8 <= n) {
    const uint64_t high = bytes8::NonAscii(bytes8::Load(s.data() + i));
    if (high != 0) return i + bytes8::FirstByte(high);
    i += 8;
  }
  while (i < n && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

// Appends `bytes` to the text, mapped as one piece to `origin`: byte for
// byte when `copied`, else every byte to `origin` itself. Extends the last
// piece where it continues it, so a long run of ASCII stays one piece.
void Append(NormalizedText& out, std::string_view bytes, uint32_t origin,
            bool copied) {
  if (bytes.empty()) return;
  const uint32_t at = static_cast<uint32_t>(out.text.size());
  out.text.append(bytes);
  if (bytes.size() == 1) copied = true;  // the same map either way
  if (copied && !out.pieces.empty()) {
    const NormalizedText::Piece& last = out.pieces.back();
    if (last.copied && last.origin + (at - last.begin) == origin) return;
  }
  out.pieces.push_back({at, origin, copied});
}

// Copies s[i, end) unchanged; each byte maps to the start of its character.
void EmitSame(NormalizedText& out, std::string_view s, size_t i, size_t end) {
  while (i < end) {
    const size_t run = AsciiRunEnd(s, i, end);
    if (run > i) {
      Append(out, s.substr(i, run - i), static_cast<uint32_t>(i), true);
      i = run;
      continue;
    }
    utf8::Decoded d = utf8::Decode(s, i);
    Append(out, s.substr(i, d.size), static_cast<uint32_t>(i), false);
    i += d.size;
  }
}

}  // namespace

NormalizedText Normalize(std::string_view s) {
  NormalizedText out;
  out.text.reserve(s.size() + s.size() / 16);
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // Runs of ASCII not followed by a possible combining mark copy straight.
    size_t j = AsciiRunEnd(s, i, n);
    if (j < n && j > i) --j;  // the last ASCII char may start a cluster
    if (j > i) {
      Append(out, s.substr(i, j - i), static_cast<uint32_t>(i), true);
      i = j;
      if (i >= n) break;
    }
    utf8::Decoded first = utf8::Decode(s, i);
    if (!first.valid) {
      Append(out, "\xEF\xBF\xBD", static_cast<uint32_t>(i), false);  // U+FFFD
      i += 1;
      continue;
    }
    if (first.cp >= 0x80) {
      if (const char* f = Fold(first.cp)) {
        Append(out, f, static_cast<uint32_t>(i), false);
        i += first.size;
        continue;
      }
    }
    // A cluster: this character and the combining marks that follow it.
    size_t end = i + first.size;
    while (end < n && static_cast<unsigned char>(s[end]) >= 0x80) {
      utf8::Decoded d = utf8::Decode(s, end);
      if (!d.valid || CombiningClass(d.cp) == 0) break;
      end += d.size;
    }
    std::string_view cluster = s.substr(i, end - i);
    if (end == i + first.size && first.cp < 0x300) {
      // Latin-1 and Latin Extended characters are NFC-stable on their own.
      EmitSame(out, s, i, end);
      i = end;
      continue;
    }
    utf8proc_int32_t buf[64];
    utf8proc_ssize_t len = utf8proc_decompose(
        reinterpret_cast<const utf8proc_uint8_t*>(cluster.data()),
        static_cast<utf8proc_ssize_t>(cluster.size()), buf, 64,
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (len > 0 && len <= 64) {
      len = utf8proc_normalize_utf32(
          buf, len,
          static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    }
    if (len <= 0 || len > 64) {
      // Too long to compose on the stack (or refused): keep as is.
      EmitSame(out, s, i, end);
      i = end;
      continue;
    }
    std::string composed;
    for (utf8proc_ssize_t k = 0; k < len; ++k) {
      utf8::Append(composed, static_cast<char32_t>(buf[k]));
    }
    if (composed == cluster) {
      EmitSame(out, s, i, end);
    } else {
      // Composed: the whole cluster answers for every byte it became.
      Append(out, composed, static_cast<uint32_t>(i), false);
    }
    i = end;
  }
  // The end of the text maps to the end of the original.
  out.pieces.push_back(
      {static_cast<uint32_t>(out.text.size()), static_cast<uint32_t>(n), true});
  return out;
}

uint32_t NormalizedText::Origin(size_t i) const {
  // The last piece that begins at or before i.
  auto it =
      std::upper_bound(pieces.begin(), pieces.end(), i,
                       [](size_t at, const Piece& p) { return at < p.begin; });
  if (it == pieces.begin()) return 0;  // no pieces: an empty text
  --it;
  return it->copied ? it->origin + static_cast<uint32_t>(i - it->begin)
                    : it->origin;
}

}  // namespace hearsay
