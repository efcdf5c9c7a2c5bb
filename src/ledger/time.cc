#include "ledger/time.h"

#include <cstdio>

namespace hearsay::ledger {
namespace {

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

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
  // Inverse of DaysFromCivil.
  int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02dZ",
                static_cast<long long>(y), m, d, static_cast<int>(rem / 3600),
                static_cast<int>(rem / 60 % 60), static_cast<int>(rem % 60));
  return buf;
}

}  // namespace hearsay::ledger
