#include "core/utf8.h"

#include "core/bytes8.h"

namespace hearsay::utf8 {

Decoded Decode(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  unsigned char c = p[i];
  if (c < 0x80) return {c, 1, true};
  int len;
  char32_t cp;
  char32_t min;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    cp = c & 0x1F;
    min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    cp = c & 0x0F;
    min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    cp = c & 0x07;
    min = 0x10000;
  } else {
    return {kReplacement, 1, false};
  }
  if (i + len > n) return {kReplacement, 1, false};
  for (int k = 1; k < len; ++k) {
    unsigned char cc = p[i + k];
    if ((cc & 0xC0) != 0x80) return {kReplacement, 1, false};
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return {kReplacement, 1, false};
  }
  return {cp, static_cast<uint8_t>(len), true};
}

size_t FindInvalid(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    // ASCII runs are the common case; skip 8 bytes at a time.
    while (i + 8 <= n && bytes8::NonAscii(bytes8::Load(s.data() + i)) == 0) {
      i += 8;
    }
    if (i >= n) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    Decoded d = Decode(s, i);
    if (!d.valid) return i;
    i += d.size;
  }
  return n;
}

void Append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string Repair(std::string_view s) {
  size_t bad = FindInvalid(s);
  if (bad == s.size()) return std::string(s);
  std::string out;
  out.reserve(s.size() + 16);
  out.append(s.substr(0, bad));
  size_t i = bad;
  while (i < s.size()) {
    Decoded d = Decode(s, i);
    if (d.valid) {
      out.append(s.substr(i, d.size));
    } else {
      Append(out, kReplacement);
    }
    i += d.size;
  }
  return out;
}

bool IsBoundary(std::string_view s, size_t i) {
  if (i == 0 || i >= s.size()) return i <= s.size();
  if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return true;
  // A continuation byte: inside a sequence only if a valid lead covers it.
  for (size_t back = 1; back <= 3 && back <= i; ++back) {
    size_t start = i - back;
    unsigned char c = static_cast<unsigned char>(s[start]);
    if ((c & 0xC0) != 0x80) {
      Decoded d = Decode(s, start);
      return !(d.valid && start + d.size > i);
    }
  }
  return true;
}

}  // namespace hearsay::utf8
