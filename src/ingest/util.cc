#include "ingest/util.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "core/civil_date.h"
#include "core/utf8.h"

namespace hearsay::ingest {

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ToLowerAscii(c);
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() &&
         EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

size_t FindIgnoreCase(std::string_view s, std::string_view needle,
                      size_t from) {
  if (needle.empty()) return from <= s.size() ? from : std::string_view::npos;
  if (s.size() < needle.size()) return std::string_view::npos;
  char first = ToLowerAscii(needle[0]);
  for (size_t i = from; i + needle.size() <= s.size(); ++i) {
    if (ToLowerAscii(s[i]) != first) continue;
    if (EqualsIgnoreCase(s.substr(i, needle.size()), needle)) return i;
  }
  return std::string_view::npos;
}

namespace {

bool IsUnicodeSpace(char32_t cp) {
  return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0x85;
}

}  // namespace

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (IsSpace(static_cast<char>(c))) {
        pending_space = true;
      } else if (c >= 0x20 && c != 0x7f) {
        if (pending_space && !out.empty()) out.push_back(' ');
        pending_space = false;
        out.push_back(static_cast<char>(c));
      }
      ++i;
      continue;
    }
    utf8::Decoded d = utf8::Decode(s, i);
    if (IsUnicodeSpace(d.cp)) {
      pending_space = true;
    } else if (d.cp == 0x200B || d.cp == 0xFEFF || d.cp == 0xAD) {
      // zero-width space, BOM and soft hyphen carry no text
    } else {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      utf8::Append(out, d.cp);
    }
    i += d.size;
  }
  return out;
}

std::string CleanUtf8(std::string_view s) {
  if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  if (utf8::IsValid(s)) return std::string(s);
  return utf8::Repair(s);
}

void CleanUtf8InPlace(std::string& s) {
  if (s.size() >= 3 && std::string_view(s).substr(0, 3) == "\xEF\xBB\xBF") {
    s.erase(0, 3);
  }
  if (!utf8::IsValid(s)) s = utf8::Repair(s);
}

std::string NormalizeLanguage(std::string_view tag) {
  tag = Trim(tag);
  size_t end = 0;
  while (end < tag.size() && ((tag[end] >= 'a' && tag[end] <= 'z') ||
                              (tag[end] >= 'A' && tag[end] <= 'Z'))) {
    ++end;
  }
  if (end < 2 || end > 3) return "";
  if (end < tag.size() && tag[end] != '-' && tag[end] != '_') return "";
  std::string code = ToLower(tag.substr(0, end));
  if (code == "iw") return "he";
  if (code == "in") return "id";
  if (code == "ji") return "yi";
  return code;
}

void AddAuthor(std::vector<std::string>& authors, std::string_view name) {
  std::string clean = CollapseWhitespace(name);
  if (clean.empty() || clean.size() > 200) return;
  if (StartsWithIgnoreCase(clean, "http://") ||
      StartsWithIgnoreCase(clean, "https://")) {
    return;  // a profile link is not a name
  }
  if (StartsWithIgnoreCase(clean, "by ")) clean.erase(0, 3);
  if (clean.empty()) return;
  if (std::find(authors.begin(), authors.end(), clean) != authors.end()) return;
  authors.push_back(std::move(clean));
}

std::string JoinParagraphs(std::string_view text, std::string_view separator) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = text.find(separator, i);
    if (end == std::string_view::npos) end = text.size();
    std::string p = CollapseWhitespace(text.substr(i, end - i));
    if (!p.empty()) {
      if (!out.empty()) out.append("\n\n");
      out.append(p);
    }
    i = end + separator.size();
  }
  return out;
}

namespace {

// Parses a run of 1..max_digits digits at s[i].
bool Digits(std::string_view s, size_t& i, int min_digits, int max_digits,
            int& value) {
  int n = 0;
  value = 0;
  while (i < s.size() && n < max_digits && s[i] >= '0' && s[i] <= '9') {
    value = value * 10 + (s[i] - '0');
    ++i;
    ++n;
  }
  return n >= min_digits;
}

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

struct DateTime {
  int year = 0, month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
  bool has_time = false;
  bool has_zone = false;
  int zone_minutes = 0;  // east of UTC
};

void SkipSpaces(std::string_view s, size_t& i) {
  while (i < s.size() && (IsSpace(s[i]) || s[i] == ',')) ++i;
}

// "Z", "+02:00", "-0500", "GMT", "UTC", "EST" ...
void ParseZone(std::string_view s, size_t& i, DateTime& dt) {
  SkipSpaces(s, i);
  if (i >= s.size()) return;
  if (s[i] == 'Z' || s[i] == 'z') {
    dt.has_zone = true;
    ++i;
    return;
  }
  if (s[i] == '+' || s[i] == '-') {
    int sign = s[i] == '-' ? -1 : 1;
    size_t j = i + 1;
    int hh = 0, mm = 0;
    if (!Digits(s, j, 2, 2, hh)) return;
    if (j < s.size() && s[j] == ':') ++j;
    if (!Digits(s, j, 2, 2, mm)) mm = 0;
    if (hh > 14 || mm > 59) return;
    dt.has_zone = true;
    dt.zone_minutes = sign * (hh * 60 + mm);
    i = j;
    return;
  }
  struct Named {
    const char* name;
    int minutes;
  };
  static const Named kZones[] = {
      {"GMT", 0},       {"UTC", 0},       {"UT", 0},        {"EDT", -4 * 60},
      {"EST", -5 * 60}, {"CDT", -5 * 60}, {"CST", -6 * 60}, {"MDT", -6 * 60},
      {"MST", -7 * 60}, {"PDT", -7 * 60}, {"PST", -8 * 60}, {"CEST", 2 * 60},
      {"CET", 60},      {"BST", 60},
  };
  for (const Named& z : kZones) {
    std::string_view name(z.name);
    if (StartsWithIgnoreCase(s.substr(i), name)) {
      size_t j = i + name.size();
      if (j < s.size() &&
          ((s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= 'a' && s[j] <= 'z'))) {
        continue;
      }
      dt.has_zone = true;
      dt.zone_minutes = z.minutes;
      i = j;
      // "GMT+0200"
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        DateTime offset;
        ParseZone(s, i, offset);
        if (offset.has_zone) dt.zone_minutes = offset.zone_minutes;
      }
      return;
    }
  }
}

bool ParseTime(std::string_view s, size_t& i, DateTime& dt) {
  size_t j = i;
  int hh, mm, ss = 0;
  if (!Digits(s, j, 1, 2, hh)) return false;
  if (j >= s.size() || s[j] != ':') return false;
  ++j;
  if (!Digits(s, j, 2, 2, mm)) return false;
  if (j < s.size() && s[j] == ':') {
    ++j;
    if (!Digits(s, j, 2, 2, ss)) return false;
    if (j < s.size() && (s[j] == '.' || s[j] == ',')) {
      ++j;
      while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    }
  }
  if (hh > 24 || mm > 59 || ss > 60) return false;
  if (hh == 24 && (mm != 0 || ss != 0)) return false;
  dt.hour = hh;
  dt.minute = mm;
  dt.second = ss == 60 ? 59 : ss;
  dt.has_time = true;
  i = j;
  return true;
}

bool ParseIsoLike(std::string_view s, DateTime& dt) {
  size_t i = 0;
  if (!Digits(s, i, 4, 4, dt.year)) return false;
  if (i >= s.size() || (s[i] != '-' && s[i] != '/')) return false;
  char sep = s[i++];
  if (!Digits(s, i, 1, 2, dt.month)) return false;
  if (i >= s.size() || s[i] != sep) return false;
  ++i;
  if (!Digits(s, i, 1, 2, dt.day)) return false;
  if (i < s.size() && (s[i] == 'T' || s[i] == 't' || s[i] == ' ')) {
    size_t j = i + 1;
    while (j < s.size() && s[j] == ' ') ++j;
    if (ParseTime(s, j, dt)) {
      i = j;
      ParseZone(s, i, dt);
    }
  }
  return true;
}

int MonthFromName(std::string_view s) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  if (s.size() < 3) return 0;
  for (int m = 0; m < 12; ++m) {
    if (EqualsIgnoreCase(s.substr(0, 3), kMonths[m])) return m + 1;
  }
  return 0;
}

// "Thu, 29 Aug 2024 14:03:00 GMT", "29 August 2024", "Aug 29, 2024 2:03".
bool ParseRfc822Like(std::string_view s, DateTime& dt) {
  size_t i = 0;
  auto word = [&](size_t& k) {
    size_t b = k;
    while (k < s.size() && ((s[k] >= 'A' && s[k] <= 'Z') ||
                            (s[k] >= 'a' && s[k] <= 'z') || s[k] == '.')) {
      ++k;
    }
    return s.substr(b, k - b);
  };
  SkipSpaces(s, i);
  size_t k = i;
  std::string_view w = word(k);
  if (!w.empty() && MonthFromName(w) == 0) {  // weekday
    i = k;
    SkipSpaces(s, i);
  }
  if (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    if (!Digits(s, i, 1, 2, dt.day)) return false;
    SkipSpaces(s, i);
    if (i < s.size() && s[i] == '-') ++i;
    k = i;
    dt.month = MonthFromName(word(k));
    if (dt.month == 0) return false;
    i = k;
    if (i < s.size() && s[i] == '-') ++i;
    SkipSpaces(s, i);
  } else {
    k = i;
    dt.month = MonthFromName(word(k));
    if (dt.month == 0) return false;
    i = k;
    SkipSpaces(s, i);
    if (!Digits(s, i, 1, 2, dt.day)) return false;
    SkipSpaces(s, i);
  }
  size_t y0 = i;
  if (!Digits(s, i, 2, 4, dt.year)) return false;
  if (i - y0 == 2) dt.year += dt.year < 50 ? 2000 : 1900;
  if (i - y0 == 3) return false;
  SkipSpaces(s, i);
  if (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    if (ParseTime(s, i, dt)) {
      SkipSpaces(s, i);
      // "2:03 PM"
      if (StartsWithIgnoreCase(s.substr(i), "pm") && dt.hour < 12) {
        dt.hour += 12;
        i += 2;
      } else if (StartsWithIgnoreCase(s.substr(i), "am")) {
        if (dt.hour == 12) dt.hour = 0;
        i += 2;
      }
      ParseZone(s, i, dt);
    }
  }
  return true;
}

}  // namespace

std::string NormalizeDate(std::string_view text) {
  std::string_view s = Trim(text);
  if (s.empty() || s.size() > 100) return "";
  DateTime dt;
  if (!ParseIsoLike(s, dt)) {
    dt = DateTime();
    if (!ParseRfc822Like(s, dt)) return "";
  }
  if (dt.year < 1800 || dt.year > 2200 || dt.month < 1 || dt.month > 12 ||
      dt.day < 1 || dt.day > DaysInMonth(dt.year, dt.month)) {
    return "";
  }
  char buf[40];
  if (!dt.has_time) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", dt.year, dt.month, dt.day);
    return buf;
  }
  if (!dt.has_zone) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", dt.year,
                  dt.month, dt.day, dt.hour, dt.minute, dt.second);
    return buf;
  }
  int64_t seconds = DaysFromCivil(dt.year, dt.month, dt.day) * 86400 +
                    dt.hour * 3600 + dt.minute * 60 + dt.second -
                    static_cast<int64_t>(dt.zone_minutes) * 60;
  int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  int64_t rest = seconds - days * 86400;
  CivilDate c = CivilFromDays(days);
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ",
                static_cast<int>(c.year), c.month, c.day,
                static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60),
                static_cast<int>(rest % 60));
  return buf;
}

std::string NormalizeDateOrKeep(std::string_view text) {
  std::string normal = NormalizeDate(text);
  return normal.empty() ? CollapseWhitespace(text) : normal;
}

}  // namespace hearsay::ingest
