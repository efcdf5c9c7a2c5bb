// Paragraphs, tokens and sentences over the original bytes.
//
// Tokenization works on whitespace-separated chunks: opening punctuation is
// peeled from the front, closing punctuation from the back (keeping the
// period of an abbreviation), and what remains is kept whole when it is a
// URL, e-mail address, handle, hashtag or number, or else split at
// punctuation that does not join (a hyphen after "co", a comma inside
// "1,000", an apostrophe inside "O'Brien"). Tokens whose clitics UD splits
// ("don't", "Google's", "gonna") get several words.
#include <algorithm>
#include <bit>
#include <cstring>

#include "core/bytes8.h"
#include "hearsay/text.h"
#include "text/chars.h"
#include "text/resources.h"
#include "text/sentence_model.h"

namespace hearsay {

using text_internal::Char;
using text_internal::CharAt;
using text_internal::Cls;
using text_internal::IsAlnumCls;
using text_internal::IsLetterCls;
using text_internal::IsSpaceCls;
using text_internal::IsTerminalCls;
using text_internal::Resources;

namespace {

bool IsDigit(Cls c) { return c == Cls::kDigit; }

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

constexpr std::string_view kTlds[] = {
    "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io",
    "co",  "uk",  "us",  "ca",  "de",  "fr",  "au",  "jp",   "cn",  "in"};
constexpr std::string_view kFileExtensions[] = {
    "doc",  "docx", "xls",  "xlsx", "ppt", "pptx", "pdf", "txt", "htm",
    "html", "jpg",  "jpeg", "gif",  "png", "zip",  "exe", "csv", "xml",
    "asp",  "php",  "mp3",  "mp4",  "avi", "wav",  "dat", "nsf"};

bool IsRule(char32_t c) {
  return c == '-' || c == '=' || c == '_' || c == '*' || c == '~' || c == '+' ||
         c == '<' || c == '>' || c == '|' || c == '#';
}

constexpr uint32_t Bit(Cls c) { return 1u << static_cast<int>(c); }

// What follows a run of letters or digits, for the tokenizer's fast path:
// the end of the chunk (an ASCII space), one of , ; : ? ! or a period, each
// a token of its own there, or anything else (the slow path).
enum : uint8_t { kOtherAfter, kEndsWord, kPunctAfter, kPeriodAfter };
struct WordEndTable {
  uint8_t kind[256];
};
constexpr WordEndTable kWordEnd = [] {
  WordEndTable t{};
  for (int b = 0; b < 0x80; ++b) {
    if (text_internal::IsSpaceCls(text_internal::AsciiClass(b))) {
      t.kind[b] = kEndsWord;
    }
  }
  for (unsigned char c : {',', ';', ':', '?', '!'}) t.kind[c] = kPunctAfter;
  t.kind[static_cast<unsigned char>('.')] = kPeriodAfter;
  return t;
}();

// Tokenizes paragraphs into out->tokens / out->words. One per Segment()
// call, on its stack: it borrows the text, the resources and the output,
// and keeps a scratch buffer of the current chunk's characters.
class Tokenizer {
 public:
  Tokenizer(std::string_view text, const Resources& r, Segmentation* out)
      : text_(text),
        r_(r),
        out_(out),
        tokens_(static_cast<uint32_t>(out->tokens.size())),
        reusable_(static_cast<uint32_t>(
            std::min<size_t>(out->words.size(), UINT32_MAX))) {
    chars_.reserve(64);  // longer than most chunks: one allocation
  }

  uint32_t word_count() const { return words_; }

  // kFastPath is off only to test the fast path against Chunk().
  template <bool kFastPath>
  void Run(uint32_t begin, uint32_t end) {
    uint32_t i = begin;
    while (i < end) {
      const unsigned char b = static_cast<unsigned char>(text_[i]);
      if (b < 0x80) {
        if (IsSpaceCls(text_internal::kAsciiCls[b])) {
          ++i;
          continue;
        }
      } else if (const Char c = CharAt(text_, i); IsSpaceCls(c.cls)) {
        i += c.len;
        continue;
      }
      // Fast path: a word of ASCII letters or a number of ASCII digits,
      // alone or before one of , ; : ? ! (or a period after letters),
      // tokenizes the same as through Chunk() but without decoding it
      // character by character.
      uint32_t j = kFastPath ? LetterRunEnd(i, end) : i;
      const bool letters = j > i;
      if (kFastPath && !letters) {
        while (j < end && IsAsciiDigit(text_[j])) ++j;
      }
      if (j > i) {
        uint32_t k = j;
        const uint8_t after =
            k < end ? kWordEnd.kind[static_cast<unsigned char>(text_[k])]
                    : static_cast<uint8_t>(kEndsWord);
        const bool period = after == kPeriodAfter && letters;
        const bool punct = after == kPunctAfter || period;
        if (punct) ++k;
        if (k == end || IsAsciiSpace(text_[k])) {
          if (period && LettersKeepPeriod(i, j)) {
            Push(i, k, nullptr, 0);  // "Inc.", "J."
          } else {
            // Chunk() looks up multiword tokens only between letters.
            if (letters) {
              EmitBytes(i, j);
            } else {
              Push(i, j, nullptr, 0);
            }
            if (punct) Push(j, k, nullptr, 0);
          }
          // Step over the space that ends most words here rather than
          // through the loop's test of it.
          i = k + (k < end && text_[k] == ' ');
          continue;
        }
      }
      chars_.clear();
      mask_ = 0;
      while (i < end) {
        Char d = CharAt(text_, i);
        if (IsSpaceCls(d.cls)) break;
        chars_.push_back(d);
        mask_ |= Bit(d.cls);
        i += d.len;
      }
      Chunk(0, static_cast<uint32_t>(chars_.size()));
    }
  }

 private:
  // text_[begin, end), which the callers know lies inside the text: no
  // bounds check, unlike substr().
  std::string_view View(uint32_t begin, uint32_t end) const {
    return std::string_view(text_.data() + begin, end - begin);
  }
  uint32_t Pos(uint32_t k) const {
    return k < chars_.size() ? chars_[k].pos
                             : chars_.back().pos + chars_.back().len;
  }
  std::string_view Bytes(uint32_t a, uint32_t b) const {
    return View(Pos(a), Pos(b));
  }
  Cls ClsAt(uint32_t k) const { return chars_[k].cls; }

  bool IsEmoticon(uint32_t a, uint32_t b) const {
    // Every emoticon starts with punctuation or a symbol; most chunks don't.
    Cls first = ClsAt(a);
    if (IsAlnumCls(first) || b - a < 2 || b - a > r_.longest_emoticon)
      return false;
    std::string_view s = Bytes(a, b);
    return s.size() <= r_.longest_emoticon && s.size() >= 2 &&
           r_.emoticons.find(s) != r_.emoticons.end();
  }

  // The byte just after the chunk's end: used to look at the next word.
  Cls NextWordClass(uint32_t chunk_end_byte) const {
    size_t i = chunk_end_byte;
    while (i < text_.size()) {
      Char c = CharAt(text_, i);
      if (!IsSpaceCls(c.cls)) return c.cls;
      i += c.len;
    }
    return Cls::kSpace;
  }

  // KeepsPeriod() for ASCII letters at bytes [begin, end) followed by a
  // period at end.
  bool LettersKeepPeriod(uint32_t begin, uint32_t end) const {
    if (end - begin == 1) return true;  // an initial
    char buf[32];
    std::string_view key =
        text_internal::LowerAscii(View(begin, end + 1), buf, sizeof buf);
    if (key.empty()) return false;
    auto it = r_.abbreviations.find(key);
    if (it == r_.abbreviations.end()) return false;
    const text_internal::Abbreviation& ab = it->second;
    if (ab.needs_capital && !(text_[begin] >= 'A' && text_[begin] <= 'Z')) {
      return false;
    }
    if (ab.kind == text_internal::AbbrevKind::kNumber) {
      return NextWordClass(end + 1) == Cls::kDigit;
    }
    return true;
  }

  // [a, b) followed by a period at b: is that period part of the token?
  bool KeepsPeriod(uint32_t a, uint32_t b) const {
    if (a >= b) return false;
    // "(R-Fla.)", "D-Conn.": a state after a party keeps its period, which
    // would otherwise end the sentence inside the brackets.
    for (uint32_t k = b; k-- > a + 1;) {
      if (ClsAt(k) == Cls::kHyphen) return k + 1 < b && KeepsPeriod(k + 1, b);
    }
    // Every char a letter, or letters separated by single periods.
    int letters = 0, periods = 0, run = 0, max_run = 0;
    for (uint32_t k = a; k < b; ++k) {
      Cls c = ClsAt(k);
      if (IsLetterCls(c) || c == Cls::kMark) {
        ++letters;
        ++run;
        max_run = std::max(max_run, run);
      } else if (c == Cls::kPeriod && k > a && k + 1 < b &&
                 ClsAt(k - 1) != Cls::kPeriod) {
        ++periods;
        run = 0;
      } else {
        letters = -1;
        break;
      }
    }
    if (letters > 0 && run > 0) {
      if (periods == 0 && b - a == 1 && IsLetterCls(ClsAt(a))) return true;
      if (periods > 0 && max_run <= 2) return true;  // U.S. e.g. Ph.D.
    }
    std::string_view word = View(Pos(a), Pos(b) + 1);
    char buf[32];
    std::string_view key = text_internal::LowerAscii(word, buf, sizeof buf);
    if (key.empty()) return false;
    auto it = r_.abbreviations.find(key);
    if (it == r_.abbreviations.end()) return false;
    const text_internal::Abbreviation& ab = it->second;
    if (ab.needs_capital && ClsAt(a) != Cls::kUpper) return false;
    if (ab.kind == text_internal::AbbrevKind::kNumber) {
      return NextWordClass(Pos(b) + 1) == Cls::kDigit;
    }
    return true;
  }

  bool IsUrlOrMail(uint32_t a, uint32_t b) const {
    constexpr uint32_t kWebMarks =
        Bit(Cls::kPeriod) | Bit(Cls::kAt) | Bit(Cls::kHash) | Bit(Cls::kColon);
    if (!(mask_ & kWebMarks)) return false;
    // The chunk may owe its period to a full stop: look at the core itself.
    uint32_t core_mask = 0;
    for (uint32_t k = a; k < b; ++k) core_mask |= Bit(ClsAt(k));
    if (!(core_mask & kWebMarks)) return false;
    std::string_view s = Bytes(a, b);
    if (StartsWithNoCase(s, "http://") || StartsWithNoCase(s, "https://") ||
        StartsWithNoCase(s, "ftp://") || StartsWithNoCase(s, "www.") ||
        StartsWithNoCase(s, "mailto:")) {
      return s.size() > 7;
    }
    if (s.find("://") != std::string_view::npos) return true;
    if (s.size() > 3 && s[0] == '@' && s.find('.') != std::string_view::npos &&
        IsAlnumCls(ClsAt(a + 1)) && IsAlnumCls(ClsAt(b - 1))) {
      return true;  // the domain of an address cut in two: "@ft.com"
    }
    if (s.size() > 1 && (s[0] == '@' || s[0] == '#')) {
      // @handle, #hashtag: word characters only, a letter among them.
      bool letter = false;
      for (uint32_t k = a + 1; k < b; ++k) {
        Cls c = ClsAt(k);
        if (IsLetterCls(c)) {
          letter = true;
        } else if (c != Cls::kDigit && c != Cls::kUnderscore &&
                   c != Cls::kMark) {
          return false;
        }
      }
      return letter;
    }
    size_t at = s.find('@');
    size_t last_dot = s.rfind('.');
    if (at != std::string_view::npos && at > 0 &&
        last_dot != std::string_view::npos && last_dot > at + 1 &&
        last_dot + 1 < s.size()) {
      return true;  // e-mail
    }
    if (last_dot != std::string_view::npos && last_dot > 0 &&
        last_dot + 1 < s.size()) {
      std::string_view ext = s.substr(last_dot + 1);
      size_t slash = ext.find('/');
      std::string_view tld = ext.substr(0, slash);
      bool word_before = IsAlnumCls(CharAt(text_, Pos(a) + last_dot - 1).cls);
      if (!word_before) return false;
      for (std::string_view t : kTlds) {
        if (tld.size() == t.size() && StartsWithNoCase(tld, t) &&
            (slash != std::string_view::npos || s.size() > tld.size() + 3)) {
          // amazon.com, news.bbc.co.uk/path: but not "e.g." or "U.S".
          bool all_lower_or_path = slash != std::string_view::npos ||
                                   (tld[0] >= 'a' && tld[0] <= 'z');
          if (all_lower_or_path && last_dot >= 2) return true;
        }
      }
      for (std::string_view e : kFileExtensions) {
        if (ext.size() == e.size() && StartsWithNoCase(ext, e)) return true;
      }
    }
    return false;
  }

  // Digits with , . : / - between them ("1,000", "3.5", "9/11", "10:30",
  // "713-853-3989"): one token.
  bool IsNumber(uint32_t a, uint32_t b) const {
    if (!(mask_ & Bit(Cls::kDigit)) || !IsDigit(ClsAt(a)) ||
        !IsDigit(ClsAt(b - 1)))
      return false;
    int hyphens = 0;
    uint32_t hyphen_at = 0;
    for (uint32_t k = a; k < b; ++k) {
      Cls c = ClsAt(k);
      if (IsDigit(c)) continue;
      if (c == Cls::kHyphen) hyphen_at = k;
      if (c != Cls::kComma && c != Cls::kPeriod && c != Cls::kColon &&
          c != Cls::kSlash && c != Cls::kHyphen)
        return false;
      if (!IsDigit(ClsAt(k + 1))) return false;
      if (c == Cls::kHyphen) ++hyphens;
    }
    if (hyphens != 1) return true;
    // "345-9945" and "77415-0027" stay whole; ranges ("1969-1970", "3-4")
    // split.
    uint32_t left = hyphen_at - a, right = b - hyphen_at - 1;
    return right >= 4 && !(left == 4 && right == 4);
  }

  void Chunk(uint32_t a, uint32_t b) {
    if (IsEmoticon(a, b)) {
      Emit(a, b);
      return;
    }
    bool leading_quote = false;
    // Front.
    while (a < b) {
      Cls c = ClsAt(a);
      if (c == Cls::kOpen || c == Cls::kQuote) {
        if (c == Cls::kQuote) leading_quote = true;
        Emit(a, a + 1);
        ++a;
        continue;
      }
      if (c == Cls::kCurrency) {
        uint32_t e = PunctRun(a, b);  // "$5" is two tokens, "$$$" one
        Emit(a, e);
        a = e;
        continue;
      }
      if (c == Cls::kApos) {
        if (LeadingClitic(a, b)) break;
        leading_quote = true;
        uint32_t e = a + 1;
        while (e < b && ClsAt(e) == Cls::kApos && chars_[e].cp == chars_[a].cp)
          ++e;
        Emit(a, e);
        a = e;
        continue;
      }
      if (c == Cls::kAt || c == Cls::kHash || IsAlnumCls(c) || c == Cls::kOther)
        break;
      if (c == Cls::kHyphen && a + 1 < b && IsDigit(ClsAt(a + 1))) break;
      if (c == Cls::kMark || c == Cls::kUnderscore) break;
      // Emoticon at the front (":)" before a word).
      bool emo = false;
      for (uint32_t e = std::min<uint32_t>(b, a + 4); e > a + 1; --e) {
        if (IsEmoticon(a, e)) {
          Emit(a, e);
          a = e;
          emo = true;
          break;
        }
      }
      if (emo) continue;
      uint32_t e = PunctRun(a, b);
      Emit(a, e);
      a = e;
    }
    // Back.
    uint32_t tail[32];
    int tails = 0;
    while (b > a && tails < 30) {
      Cls c = ClsAt(b - 1);
      if (c == Cls::kPeriod) {
        if (b - 1 > a && ClsAt(b - 2) != Cls::kPeriod &&
            !IsTerminalCls(ClsAt(b - 2)) && KeepsPeriod(a, b - 1))
          break;
        uint32_t s = b - 1;
        while (s > a && IsTerminalCls(ClsAt(s - 1))) --s;
        if (b - s == 2 && ClsAt(s) == Cls::kPeriod && KeepsPeriod(a, s)) {
          ++s;  // "Inc.." is "Inc." and a full stop
        }
        tail[tails++] = s;
        tail[tails++] = b;
        b = s;
        continue;
      }
      if (IsTerminalCls(c)) {
        uint32_t s = b - 1;
        while (s > a && IsTerminalCls(ClsAt(s - 1))) --s;
        tail[tails++] = s;
        tail[tails++] = b;
        b = s;
        continue;
      }
      if (c == Cls::kApos) {
        // "parents'" is a possessive unless a quote opened the chunk.
        if (!leading_quote && b - a >= 3 && ClsAt(b - 2) == Cls::kLower &&
            (chars_[b - 2].cp == 's') && IsLetterCls(ClsAt(b - 3)))
          break;
        uint32_t s = b - 1;
        while (s > a && ClsAt(s - 1) == Cls::kApos &&
               chars_[s - 1].cp == chars_[b - 1].cp)
          --s;
        tail[tails++] = s;
        tail[tails++] = b;
        b = s;
        continue;
      }
      if (c == Cls::kClose || c == Cls::kQuote || c == Cls::kComma ||
          c == Cls::kSemicolon || c == Cls::kColon || c == Cls::kPercent ||
          c == Cls::kHyphen || c == Cls::kDash || c == Cls::kSymbol ||
          c == Cls::kCurrency) {
        bool emo = false;
        for (uint32_t s = b >= 4 ? std::max(a, b - 4) : a; s + 1 < b; ++s) {
          if (IsEmoticon(s, b)) {
            tail[tails++] = s;
            tail[tails++] = b;
            b = s;
            emo = true;
            break;
          }
        }
        if (emo) continue;
        if (c == Cls::kHyphen && b - a >= 2 && b - a <= 4 && !leading_quote &&
            tails == 0) {
          bool letters = true;
          for (uint32_t k = a; k + 1 < b; ++k) letters &= IsLetterCls(ClsAt(k));
          if (letters) break;  // a word cut off in speech: "th-", "re-"
        }
        uint32_t s = b - 1;
        if (c == Cls::kHyphen || c == Cls::kDash || c == Cls::kSymbol) {
          while (s > a && ClsAt(s - 1) == c &&
                 chars_[s - 1].cp == chars_[b - 1].cp)
            --s;
        }
        tail[tails++] = s;
        tail[tails++] = b;
        b = s;
        continue;
      }
      break;
    }
    if (a < b) Core(a, b);
    for (int t = tails - 2; t >= 0; t -= 2) Emit(tail[t], tail[t + 1]);
  }

  // A run of the same punctuation character ("...", "--", "!!!"), or of
  // final punctuation in any mix ("?!?").
  uint32_t PunctRun(uint32_t a, uint32_t b) const {
    uint32_t e = a + 1;
    if (IsTerminalCls(ClsAt(a))) {
      while (e < b && IsTerminalCls(ClsAt(e))) ++e;
      return e;
    }
    if (IsRule(chars_[a].cp) && e < b && IsRule(chars_[e].cp)) {
      // Lines drawn with characters ("----==", "|-----+---->") are one.
      while (e < b && IsRule(chars_[e].cp)) ++e;
      return e;
    }
    while (e < b && chars_[e].cp == chars_[a].cp && ClsAt(e) != Cls::kOther)
      ++e;
    return e;
  }

  // 's 're 've 'll 'd 'm 'em 'til written apart from their host, and years
  // like '90s.
  bool LeadingClitic(uint32_t a, uint32_t b) const {
    if (b - a < 2) return false;
    if (IsDigit(ClsAt(a + 1))) return true;
    uint32_t e = a + 1;
    while (e < b && IsLetterCls(ClsAt(e))) ++e;
    if (e == a + 1 || e - a > 6) return false;
    char buf[8];
    std::string_view w = text_internal::LowerAscii(Bytes(a + 1, e), buf, 8);
    return w == "s" || w == "re" || w == "ve" || w == "ll" || w == "d" ||
           w == "m" || w == "em" || w == "til" || w == "cause" || w == "n";
  }

  // "the Hollywood Reporter.Christian Bale": two sentences run together
  // where a line break was lost, a word of two or more letters ending in
  // lower case, the period, then a capitalised word. Not "U.S.Army",
  // "Ph.D" or "3.5", whose sides are capitals, single letters or digits.
  bool JoinedSentences(uint32_t start, uint32_t k, uint32_t b) const {
    if (k < start + 2 || k + 2 >= b) return false;
    if (ClsAt(k - 1) != Cls::kLower || !IsLetterCls(ClsAt(k - 2))) return false;
    if (ClsAt(k + 1) != Cls::kUpper || ClsAt(k + 2) != Cls::kLower)
      return false;
    // Nor "St.Louis" (an abbreviation) or "Amazon.Com" (a domain).
    char buf[32];
    std::string_view left =
        text_internal::LowerAscii(Bytes(start, k + 1), buf, sizeof buf);
    if (left.empty() || r_.abbreviations.find(left) != r_.abbreviations.end())
      return false;
    uint32_t e = k + 1;
    while (e < b && IsLetterCls(ClsAt(e))) ++e;
    std::string_view right = Bytes(k + 1, e);
    for (std::string_view t : kTlds)
      if (right.size() == t.size() && StartsWithNoCase(right, t)) return false;
    return true;
  }

  void Core(uint32_t a, uint32_t b) {
    if (b - a > 1 && (IsUrlOrMail(a, b) || IsNumber(a, b))) {
      Emit(a, b);
      return;
    }
    if (b - a > 1 && IsDigit(ClsAt(a)) && IsLetterCls(ClsAt(b - 1))) {
      // "5pm", "35mm": a number against its unit.
      uint32_t k = a;
      while (k < b && (IsDigit(ClsAt(k)) ||
                       ((ClsAt(k) == Cls::kPeriod || ClsAt(k) == Cls::kComma ||
                         ClsAt(k) == Cls::kColon) &&
                        k + 1 < b && IsDigit(ClsAt(k + 1))))) {
        ++k;
      }
      char buf[8];
      std::string_view unit =
          k < b ? text_internal::LowerAscii(Bytes(k, b), buf, sizeof buf)
                : std::string_view();
      if (!unit.empty() && IsLetterCls(ClsAt(k)) &&
          r_.units.find(unit) != r_.units.end()) {
        Emit(a, k);
        Emit(k, b);
        return;
      }
    }
    uint32_t start = a;
    uint32_t k = a;
    while (k < b) {
      Cls c = ClsAt(k);
      if (IsAlnumCls(c) || c == Cls::kOther) {
        ++k;
        continue;
      }
      bool prev_alnum = k > start && IsAlnumCls(ClsAt(k - 1));
      bool next_alnum = k + 1 < b && IsAlnumCls(ClsAt(k + 1));
      bool prev_digit = k > start && IsDigit(ClsAt(k - 1));
      bool next_digit = k + 1 < b && IsDigit(ClsAt(k + 1));
      bool join = false;
      switch (c) {
        case Cls::kPeriod:
          // A final period is still here only when Chunk() kept it for an
          // abbreviation. So is one before a hyphen that ends an
          // abbreviation: "U.S.-China", "U.K.-based".
          join = prev_alnum &&
                 (next_alnum || k + 1 == b ||
                  (k + 1 < b && ClsAt(k + 1) == Cls::kHyphen &&
                   KeepsPeriod(start, k))) &&
                 !JoinedSentences(start, k, b);
          break;
        case Cls::kComma:
        case Cls::kColon:
          join = prev_digit && next_digit;
          break;
        case Cls::kSlash:
          // "9/11"; "b/c", "w/o", "l/c" and "w/" are single words.
          join = (prev_digit && next_digit) ||
                 (k == start + 1 && IsLetterCls(ClsAt(start)) &&
                  (k + 1 == b || (k + 2 == b && IsLetterCls(ClsAt(k + 1)))));
          break;
        case Cls::kApos:
          join = prev_alnum &&
                 (next_alnum
                      ? IsLetterCls(ClsAt(k - 1)) || IsLetterCls(ClsAt(k + 1))
                      : k + 1 == b);  // "parents'", kept by Chunk()
          break;
        case Cls::kAmp:
          join = k > start && ClsAt(k - 1) == Cls::kUpper && k + 1 < b &&
                 ClsAt(k + 1) == Cls::kUpper;
          break;
        case Cls::kHyphen:
          if (prev_alnum && k + 1 == b) {
            join = true;  // a cut-off word ("th-"), kept by Chunk()
          } else if (prev_alnum && next_alnum) {
            char buf[16];
            std::string_view left =
                text_internal::LowerAscii(Bytes(start, k), buf, sizeof buf);
            join = !left.empty() &&
                   r_.hyphen_prefixes.find(left) != r_.hyphen_prefixes.end();
          }
          break;
        case Cls::kUnderscore:
          join = prev_alnum || next_alnum;
          break;
        case Cls::kAt:
        case Cls::kHash:
          join = k > start;
          break;
        default:
          break;
      }
      if (join) {
        ++k;
        continue;
      }
      if (k > start) Emit(start, k);
      uint32_t e = PunctRun(k, b);
      Emit(k, e);
      k = e;
      start = e;
    }
    if (start < b) Emit(start, b);
  }

  static bool IsAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
  static bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

  // The end of the run of ASCII letters at text_[i, end): eight bytes at a
  // time, since a per-byte loop pays a mispredicted exit on every word.
  uint32_t LetterRunEnd(uint32_t i, uint32_t end) const {
    while (i + 8 <= end) {
      const uint64_t other =
          ~bytes8::AsciiLetters(bytes8::Load(text_.data() + i)) & bytes8::kHigh;
      if (other != 0) return i + bytes8::FirstByte(other);
      i += 8;
    }
    while (i < end && IsAsciiLetter(text_[i])) ++i;
    return i;
  }
  static bool IsAsciiSpace(char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return u < 0x80 && IsSpaceCls(text_internal::kAsciiCls[u]);
  }

  // Cuts of a token found in the multiword lexicon ("gonna"), or 0.
  int MultiwordCuts(uint32_t begin, uint32_t end, uint32_t* cut) const {
    std::string_view bytes = View(begin, end);
    if (bytes.size() < r_.shortest_multiword ||
        bytes.size() > r_.longest_multiword) {
      return 0;
    }
    if (!r_.MaybeMultiword(bytes)) return 0;
    char buf[16];
    std::string_view key = text_internal::LowerAscii(bytes, buf, sizeof buf);
    if (key.empty()) return 0;
    auto it = r_.multiwords.find(key);
    if (it == r_.multiwords.end()) return 0;
    uint32_t at = begin;
    int cuts = 0;
    for (size_t w = 0; w + 1 < it->second.size() && cuts < 3; ++w) {
      at += it->second[w];
      cut[cuts++] = at;
    }
    return cuts;
  }

  // A token of plain ASCII bytes (a word of letters, or one punctuation
  // character).
  void EmitBytes(uint32_t begin, uint32_t end) {
    uint32_t cut[4];
    int cuts = end - begin > 1 ? MultiwordCuts(begin, end, cut) : 0;
    Push(begin, end, cut, cuts);
  }

  [[gnu::always_inline]] void Push(uint32_t begin, uint32_t end,
                                   const uint32_t* cut, int cuts) {
    if (cuts == 0) {
      PushOne(begin, end);
    } else {
      PushWords(begin, end, cut, cuts);
    }
  }

  // A token of one word, the case of nearly every token: inline, because a
  // call and the general loop cost more than the two stores.
  [[gnu::always_inline]] void PushOne(uint32_t begin, uint32_t end) {
    const uint32_t index = tokens_++;
    Token& t = out_->tokens.emplace_back();
    t.span = {begin, end};
    t.first_word = words_;
    Word& w = NextWord();
    w.span = {begin, end};
    w.token = index;
  }

  // The next word of the output. Segment() leaves the words of its previous
  // call in place and this overwrites them, so that segmenting many
  // documents into one Segmentation neither destroys nor rebuilds a Word (a
  // string inside) per word; Segment() drops the ones left over.
  [[gnu::always_inline]] Word& NextWord() {
    std::vector<Word>& words = out_->words;
    if (words_ < reusable_) {
      Word& w = words[words_++];
      if (!w.form.empty()) w.form.clear();
      return w;
    }
    ++words_;
    return words.emplace_back();
  }

  [[gnu::noinline]] void PushWords(uint32_t begin, uint32_t end,
                                   const uint32_t* cut, int cuts) {
    Token t;
    t.span = {begin, end};
    t.first_word = words_;
    const uint32_t index = tokens_++;
    uint32_t from = begin;
    for (int c = 0; c < cuts; ++c) {
      Word& w = NextWord();
      w.span = {from, cut[c]};
      w.token = index;
      from = cut[c];
    }
    Word& w = NextWord();
    w.span = {from, end};
    w.token = index;
    t.word_count = static_cast<uint32_t>(cuts + 1);
    out_->tokens.push_back(t);
  }

  void Emit(uint32_t a, uint32_t b) {
    uint32_t cut[4];
    int cuts = SplitPoints(a, b, cut);
    Push(Pos(a), Pos(b), cut, cuts);
  }

  // Byte offsets where a token's words begin (after the first); returns how
  // many (at most 3).
  int SplitPoints(uint32_t a, uint32_t b, uint32_t* cut) const {
    uint32_t n = b - a;
    if (n < 2) return 0;
    if (IsLetterCls(ClsAt(a)) && IsLetterCls(ClsAt(b - 1))) {
      int cuts = MultiwordCuts(Pos(a), Pos(b), cut);
      if (cuts > 0) return cuts;
    }
    if (!(mask_ & Bit(Cls::kApos))) return 0;
    // The last apostrophe of a word.
    uint32_t p = b;
    for (uint32_t k = b; k-- > a;) {
      if (ClsAt(k) == Cls::kApos) {
        p = k;
        break;
      }
      if (!IsLetterCls(ClsAt(k))) return 0;
    }
    if (p == b) return 0;
    for (uint32_t k = a; k < p; ++k) {
      if (!IsAlnumCls(ClsAt(k))) return 0;
    }
    char buf[4];
    std::string_view suffix =
        b - p - 1 <= 3 ? text_internal::LowerAscii(Bytes(p + 1, b), buf, 4)
                       : std::string_view("long");
    if (suffix == "t" && p - a >= 2 &&
        (chars_[p - 1].cp == 'n' || chars_[p - 1].cp == 'N')) {
      cut[0] = Pos(p - 1);
      return 1;
    }
    if (p > a && (suffix == "s" || suffix == "re" || suffix == "ve" ||
                  suffix == "ll" || suffix == "d" || suffix == "m")) {
      cut[0] = Pos(p);
      return 1;
    }
    if (p + 1 == b && p - a >= 2 &&
        (chars_[p - 1].cp == 's' || chars_[p - 1].cp == 'S')) {
      cut[0] = Pos(p);
      return 1;
    }
    return 0;
  }

  std::string_view text_;
  const Resources& r_;
  Segmentation* out_;
  std::vector<Char> chars_;
  uint32_t mask_ = 0;
  // Counts of what this has written to out_, kept here rather than asked of
  // the vectors, whose size() is a division.
  uint32_t tokens_;
  uint32_t words_ = 0;
  uint32_t reusable_;  // out_->words.size() when this began  // Bit() of every
                       // class in the current chunk
};

// Is [begin, end) a line of only whitespace?
bool BlankLine(std::string_view text, size_t begin, size_t end) {
  for (size_t i = begin; i < end;) {
    Char c = CharAt(text, i);
    if (!IsSpaceCls(c.cls)) return false;
    i += c.len;
  }
  return true;
}

}  // namespace

Segmenter::Segmenter(SegmenterOptions options)
    : options_(std::move(options)),
      resources_(text_internal::DefaultResources()) {}

Segmenter::Segmenter(SegmenterOptions options,
                     std::shared_ptr<const text_internal::Resources> resources)
    : options_(std::move(options)), resources_(std::move(resources)) {}

Result<Segmenter> Segmenter::Create(SegmenterOptions options) {
  if (options.lexicon_dir.empty()) return Segmenter(std::move(options));
  HEARSAY_ASSIGN_OR_RETURN(auto r,
                           text_internal::LoadResources(options.lexicon_dir));
  return Segmenter(std::move(options), std::move(r));
}

Segmentation Segmenter::Segment(std::string_view text) const {
  Segmentation out;
  Segment(text, &out);
  return out;
}

namespace {

// Line-structure rules for a gap that holds a line break: a short line (a
// headline, a list item, a signature) ends its sentence; a line of wrapped
// prose does not.
bool LineBreakEnds(std::string_view text, const Token* tokens, uint32_t i,
                   uint32_t longest_line) {
  // The line that ends at token i: from the previous line break.
  uint32_t end = tokens[i].span.end;
  size_t nl = text.rfind('\n', tokens[i].span.begin);
  uint32_t line_begin =
      nl == std::string_view::npos ? 0 : static_cast<uint32_t>(nl + 1);
  uint32_t length = end - line_begin;
  // The next line starts a list item?
  char32_t next = CharAt(text, tokens[i + 1].span.begin).cp;
  if (next == '-' || next == '*' || next == '>' || next == 0x2022 ||
      next == 0x2013 || next == 0x2014 || next == 0x00B7) {
    return true;
  }
  if (longest_line < 50) return true;  // lines, not wrapped prose
  // A line that ends in sentence-final punctuation, perhaps followed by
  // closing quotes or brackets, ends its sentence: news-please and many feeds
  // put one paragraph per line, and a paragraph that reopens a quotation
  // ("... 1950s.\n“And ...") must not run on. Abbreviations keep their period
  // inside their token, so a lone "." here is a real full stop.
  uint32_t k = i;
  for (int closers = 0; closers < 2 && k > 0; ++closers) {
    std::string_view s = tokens[k].span.Slice(text);
    if (s != "\"" && s != "\xE2\x80\x9D" && s != "'" && s != "\xE2\x80\x99" &&
        s != ")" && s != "]") {
      break;
    }
    --k;
  }
  std::string_view last = tokens[k].span.Slice(text);
  if (last == "." || last == "!" || last == "?" || last == "..." ||
      last == "\xE2\x80\xA6") {
    return true;
  }
  return length * 10 < longest_line * 6;
}

}  // namespace

void Segmenter::Segment(std::string_view text, Segmentation* out) const {
  text_internal::SegmentWith(*resources_, options_,
                             /*tokenizer_fast_path=*/true, text, out);
}

void text_internal::SegmentWith(const Resources& r,
                                const SegmenterOptions& options,
                                bool tokenizer_fast_path, std::string_view text,
                                Segmentation* out) {
  out->paragraphs.clear();
  out->sentences.clear();
  out->tokens.clear();
  // out->words keeps its elements for the tokenizer to overwrite (NextWord).
  if (text.size() >= UINT32_MAX) text = text.substr(0, UINT32_MAX - 1);
  Tokenizer tokenizer(text, r, out);
  const bool use_model = options.use_model && !r.sentence_model.empty();
  text_internal::FeatureCache cache;
  // News runs about five bytes a token; reserving avoids moving words (and
  // their strings) as the vectors grow.
  out->tokens.reserve(text.size() / 5 + 16);
  out->words.reserve(text.size() / 5 + 16);

  // Paragraphs: separated by lines holding only whitespace.
  size_t pos = 0;
  const size_t n = text.size();
  while (pos < n) {
    // Skip blank lines and leading spaces to the first non-space byte.
    size_t begin = pos;
    while (begin < n) {
      Char c = CharAt(text, begin);
      if (!IsSpaceCls(c.cls)) break;
      begin += c.len;
    }
    if (begin >= n) break;
    // Extend line by line until a blank line or the end.
    size_t line_start = begin;
    size_t end = begin;
    uint32_t longest_line = 0;
    while (line_start < n) {
      size_t nl = text.find('\n', line_start);
      size_t line_end = nl == std::string_view::npos ? n : nl;
      if (line_start != begin && BlankLine(text, line_start, line_end)) break;
      longest_line = std::max<uint32_t>(
          longest_line, static_cast<uint32_t>(line_end - line_start));
      end = line_end;
      line_start = line_end + 1;
    }
    pos = end;
    uint32_t t0 = static_cast<uint32_t>(out->tokens.size());
    if (tokenizer_fast_path) {
      tokenizer.Run<true>(static_cast<uint32_t>(begin),
                          static_cast<uint32_t>(end));
    } else {
      tokenizer.Run<false>(static_cast<uint32_t>(begin),
                           static_cast<uint32_t>(end));
    }
    uint32_t t1 = static_cast<uint32_t>(out->tokens.size());
    if (t1 == t0) continue;  // cannot happen: `begin` is not a space
    uint32_t p_index = static_cast<uint32_t>(out->paragraphs.size());
    // Every non-space character lies in a token, so the tokens bound the
    // paragraph's text exactly.
    out->paragraphs.push_back(
        {out->tokens[t0].span.begin, out->tokens[t1 - 1].span.end});

    cache.Reset(t1 - t0);
    text_internal::ParagraphView view{text, out->tokens.data() + t0, t1 - t0,
                                      &r, &cache};
    uint32_t sent_start = 0;
    for (uint32_t i = 0; i + 1 < view.count; ++i) {
      bool boundary = false;
      const Token& t = view.tokens[i];
      const Token& next = view.tokens[i + 1];
      bool newline = false;
      if (next.span.begin - t.span.end == 1) {
        newline = text[t.span.end] == '\n';  // most gaps are one space
      } else {
        for (uint32_t k = t.span.end; k < next.span.begin; ++k) {
          newline |= text[k] == '\n';
        }
      }
      if (!newline && text_internal::PlainGap(text, t, next)) continue;
      if (newline && (options.newline_is_boundary ||
                      LineBreakEnds(text, view.tokens, i, longest_line))) {
        boundary = true;
      } else if (text_internal::AbbreviationEndsSentence(view, i)) {
        boundary = true;
      } else if (text_internal::IsCandidate(view, i)) {
        if (use_model) {
          const int certain = text_internal::CertainGap(view, i);
          boundary = certain >= 0 ? certain == 1
                                  : r.sentence_model.ScoreGap(view, i) > 0;
          // A lone word without final punctuation is not a sentence
          // ("Why | This Matters"), unless a line ends after it.
          if (boundary && i == sent_start &&
              text_internal::IsAlnumCls(CharAt(text, t.span.end - 1).cls)) {
            boundary = false;
          }
        } else {
          boundary = text_internal::RuleBoundary(view, i);
        }
      }
      if (boundary) {
        out->sentences.push_back(
            Sentence{{view.tokens[sent_start].span.begin, t.span.end},
                     t0 + sent_start,
                     i + 1 - sent_start,
                     p_index});
        sent_start = i + 1;
      }
    }
    if (sent_start < view.count) {
      out->sentences.push_back(Sentence{{view.tokens[sent_start].span.begin,
                                         view.tokens[view.count - 1].span.end},
                                        t0 + sent_start,
                                        view.count - sent_start,
                                        p_index});
    }
  }
  // Drops the words of the previous call that were not overwritten.
  out->words.resize(tokenizer.word_count());
  for (size_t i = 0; i + 1 < out->tokens.size(); ++i) {
    out->tokens[i].space_after =
        out->tokens[i].span.end != out->tokens[i + 1].span.begin;
  }
}

}  // namespace hearsay
