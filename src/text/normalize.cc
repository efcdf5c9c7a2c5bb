// Normalize(): NFC plus ASCII folding of typographic punctuation and spaces,
// keeping for every output byte the original byte it came from.
#include <utf8proc.h>

#include <bit>
#include <cstdint>
#include <cstring>
#include <vector>

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

// Copies s[i, end) unchanged; each byte maps to the start of its character.
void EmitSame(NormalizedText& out, std::string_view s, size_t i, size_t end) {
  out.text.append(s.substr(i, end - i));
  while (i < end) {
    utf8::Decoded d = utf8::Decode(s, i);
    out.offsets.insert(out.offsets.end(), d.size, static_cast<uint32_t>(i));
    i += d.size;
  }
}

void Emit(NormalizedText& out, std::string_view bytes, uint32_t origin) {
  out.text.append(bytes);
  out.offsets.insert(out.offsets.end(), bytes.size(), origin);
}

// The end of the run of ASCII bytes at s[i...], eight bytes at a time: news
// is mostly ASCII, and a per-byte loop costs more than the copy.
size_t AsciiRunEnd(std::string_view s, size_t i) {
  const size_t n = s.size();
  while (i + 8 <= n) {
    uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    const uint64_t high = x & 0x8080808080808080ULL;
    if (high != 0) {
      if constexpr (std::endian::native == std::endian::little) {
        return i + static_cast<size_t>(std::countr_zero(high) / 8);
      } else {
        return i + static_cast<size_t>(std::countl_zero(high) / 8);
      }
    }
    i += 8;
  }
  while (i < n && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

// offsets += {begin, begin + 1, ..., end - 1}, written in one pass that the
// compiler vectorises rather than push_back()'s check per byte.
void AppendOffsets(std::vector<uint32_t>& offsets, size_t begin, size_t end) {
  const size_t at = offsets.size();
  offsets.resize(at + (end - begin));
  uint32_t* out = offsets.data() + at;
  const uint32_t first = static_cast<uint32_t>(begin);
  for (size_t k = 0; k < end - begin; ++k) {
    out[k] = first + static_cast<uint32_t>(k);
  }
}

}  // namespace

NormalizedText Normalize(std::string_view s) {
  NormalizedText out;
  out.text.reserve(s.size() + s.size() / 16);
  out.offsets.reserve(s.size() + s.size() / 16 + 1);
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // Runs of ASCII not followed by a possible combining mark copy straight.
    size_t j = AsciiRunEnd(s, i);
    if (j < n && j > i) --j;  // the last ASCII char may start a cluster
    if (j > i) {
      out.text.append(s.substr(i, j - i));
      AppendOffsets(out.offsets, i, j);
      i = j;
      if (i >= n) break;
    }
    utf8::Decoded first = utf8::Decode(s, i);
    if (!first.valid) {
      Emit(out, "\xEF\xBF\xBD", static_cast<uint32_t>(i));  // U+FFFD
      i += 1;
      continue;
    }
    if (first.cp >= 0x80) {
      if (const char* f = Fold(first.cp)) {
        Emit(out, f, static_cast<uint32_t>(i));
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
    size_t before = out.text.size();
    for (utf8proc_ssize_t k = 0; k < len; ++k) {
      utf8::Append(out.text, static_cast<char32_t>(buf[k]));
    }
    if (std::string_view(out.text).substr(before) == cluster) {
      out.text.resize(before);
      EmitSame(out, s, i, end);
    } else {
      // Composed: the whole cluster answers for every byte it became.
      out.offsets.insert(out.offsets.end(), out.text.size() - before,
                         static_cast<uint32_t>(i));
    }
    i = end;
  }
  out.offsets.push_back(static_cast<uint32_t>(n));
  return out;
}

}  // namespace hearsay
