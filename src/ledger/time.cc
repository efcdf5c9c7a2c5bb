#include "ledger/time.h"

#include <cstdio>

#include "core/civil_date.h"

namespace hearsay::ledger {
namespace {

bool Digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<int64_t> ParseTime(std::string_view s) {
  int y, mo, d;
  if (!Digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' ||
      !Digits(s, 5, 2, mo) || s[7] != '-' || !Digits(s, 8, 2, d)) {
    return std::nullopt;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return std::nullopt;
  int64_t t = DaysFromCivil(y, mo, d) * 86400;
  size_t i = 10;
  if (i < s.size() && (s[i] == 'T' || s[i] == ' ')) {
    int h, mi, sec = 0;
    if (!Digits(s, i + 1, 2, h) || i + 3 >= s.size() || s[i + 3] != ':' ||
        !Digits(s, i + 4, 2, mi)) {
      return std::nullopt;
    }
    i += 6;
    if (i < s.size() && s[i] == ':') {
      if (!Digits(s, i + 1, 2, sec)) return std::nullopt;
      i += 3;
    }
    if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
    t += h * 3600 + mi * 60 + sec;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
      ++i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    }
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      int oh, om = 0;
      int sign = s[i] == '+' ? 1 : -1;
      if (!Digits(s, i + 1, 2, oh)) return std::nullopt;
      size_t j = i + 3;
      if (j < s.size() && s[j] == ':') ++j;
      if (j < s.size() && !Digits(s, j, 2, om)) return std::nullopt;
      t -= sign * (oh * 3600 + om * 60);
      i = s.size();
    } else if (i < s.size() && s[i] == 'Z') {
      ++i;
    }
  }
  if (i != s.size()) return std::nullopt;
  return t;
}

std::string FormatTime(int64_t t) {
  int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  int64_t rem = t - days * 86400;
  CivilDate c = CivilFromDays(days);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02dZ",
                static_cast<long long>(c.year), static_cast<unsigned>(c.month),
                static_cast<unsigned>(c.day), static_cast<int>(rem / 3600),
                static_cast<int>(rem / 60 % 60), static_cast<int>(rem % 60));
  return buf;
}

}  // namespace hearsay::ledger
