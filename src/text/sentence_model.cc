#include "text/sentence_model.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/lines.h"
#include "text/chars.h"
#include "text/resources.h"

namespace hearsay::text_internal {
namespace {

// Feature templates. The numbers are part of the model file's meaning:
// change one and the model must be retrained.
// (Dropping w1, sm1, s0, s1+gap and wm1+s1 on their own, all covered by
// the pairs, raised dev sentence F1 by about 0.2 points on EWT and GUM and
// spared ScoreGap() a third of its lookups.)
enum Template : uint64_t {
  kBias = 1,
  kWord0,
  kWordM1,
  kWord0Word1,
  kWordM1Word0,
  kShape1,
  kShape2,
  kShape0Shape1,
  kShapeM1Shape0Shape1,
  kGap,
  kAbbrev,
  kLengthBefore,
  kSinceFinal,
  kToEnd,
  kWord1Shape0,
  kWord2,
  kLast0First1,
};

constexpr size_t kMaxWord = 24;

// The lower-cased form of a token, or "<long>" for a long one.
std::string_view LowerForm(std::string_view text, const Token& t, char* buf) {
  std::string_view s = t.span.Slice(text);
  if (s.size() > kMaxWord) return "<long>";
  return LowerAscii(s, buf, kMaxWord);
}

Cls FirstCls(std::string_view text, const Token& t) {
  return CharAt(text, t.span.begin).cls;
}

Char LastChar(std::string_view text, const Token& t) {
  const uint32_t k = t.span.end - 1;
  const auto last = static_cast<unsigned char>(text[k]);
  if (last < 0x80) return CharAt(text, k);  // the common case
  // The last byte is a character of its own unless it continues a valid
  // sequence whose lead is at most three bytes back (utf8::IsBoundary()'s
  // rule, applied once rather than byte by byte).
  if ((last & 0xC0) == 0x80) {
    for (uint32_t back = 1; back <= 3 && back <= k; ++back) {
      const auto c = static_cast<unsigned char>(text[k - back]);
      if ((c & 0xC0) == 0x80) continue;
      const utf8::Decoded d = utf8::Decode(text, k - back);
      if (d.valid && k - back + d.size > k) {
        return CharAt(text, std::max(k - back, t.span.begin));
      }
      break;
    }
  }
  return CharAt(text, k);
}

char ShapeChar(const Char& c) {
  switch (c.cls) {
    case Cls::kUpper:
      return 'X';
    case Cls::kLower:
      return 'x';
    case Cls::kLetter:
    case Cls::kMark:
      return 'l';
    case Cls::kDigit:
      return 'd';
    case Cls::kApos:
      return '\'';
    case Cls::kQuote:
      return '"';
    case Cls::kHyphen:
    case Cls::kDash:
      return '-';
    case Cls::kEllipsis:
      return '.';
    case Cls::kOpen:
      return '(';
    case Cls::kClose:
      return ')';
    default:
      if (c.cp < 0x80) return static_cast<char>(c.cp);
      return 'o';
  }
}

// A token's shape is the ShapeChar()s of its first characters, runs of one
// collapsed, at most six: "Xx" for "Hello", "X.X." for "U.S.", "d.d" for
// "3.5" (ComputeKeys).

// FNV-1a with a final avalanche: inline, because a feature is a handful of
// bytes and a library call would cost more than the hashing. The values are
// part of the model file, so this function must never change.
constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;
constexpr uint64_t kGolden = 0x9E3779B97F4A7C15ULL;

constexpr uint64_t Avalanche(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

constexpr uint64_t HashBytes(std::string_view s, uint64_t seed) {
  uint64_t h = kFnvBasis ^ (seed * kGolden);
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnvPrime;
  }
  return Avalanche(h);
}

// Whether a token ends with . ! ? or …, from its last bytes alone.
inline bool EndsFinal(std::string_view text, const Token& t) {
  const char c = text[t.span.end - 1];
  if (c == '.' || c == '!' || c == '?') return true;
  return c == '\xA6' && t.span.size() >= 3 &&
         text.substr(t.span.end - 3, 3) == "\xE2\x80\xA6";
}

int Bucket(uint32_t n) {
  if (n <= 2) return static_cast<int>(n);
  if (n <= 4) return 3;
  if (n <= 8) return 4;
  if (n <= 16) return 5;
  if (n <= 32) return 6;
  return 7;
}

bool IsAbbreviationToken(const ParagraphView& p, const Token& t,
                         const Abbreviation** found) {
  std::string_view s = t.span.Slice(p.text);
  *found = nullptr;
  if (s.size() < 2 || s.back() != '.') return false;
  char buf[32];
  std::string_view key = LowerAscii(s, buf, sizeof buf);
  if (key.empty()) return false;
  auto it = p.resources->abbreviations.find(key);
  if (it != p.resources->abbreviations.end()) *found = &it->second;
  return true;
}

}  // namespace

Result<SentenceModel> SentenceModel::Parse(std::string_view tsv) {
  std::vector<std::pair<uint64_t, float>> weights;
  weights.reserve(tsv.size() / 24);
  LineCursor lines(tsv);
  std::string_view line;
  while (lines.Next(&line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    uint64_t key = 0;
    if (tab != 16 ||
        std::from_chars(line.data(), line.data() + 16, key, 16).ptr !=
            line.data() + 16 ||
        key == 0) {
      return DataLossError("sentence model: line " +
                           std::to_string(lines.number()) +
                           ": expected 16 hex digits and a tab");
    }
    std::string_view number = line.substr(tab + 1);
    double w = 0;
    // Weights are kept in units of 1e-3 in 16 bits; the perceptron's lie
    // well inside (|w| < 14 in the shipped model).
    if (std::from_chars(number.data(), number.data() + number.size(), w).ec !=
            std::errc() ||
        !(std::abs(w) <= kMaxWeight)) {
      return DataLossError(
          "sentence model: line " + std::to_string(lines.number()) +
          ": bad weight (at most " +
          std::to_string(static_cast<int>(kMaxWeight)) + " in magnitude)");
    }
    weights.emplace_back(key, static_cast<float>(w));
  }
  return FromWeights(weights);
}

SentenceModel SentenceModel::FromWeights(
    const std::vector<std::pair<uint64_t, float>>& weights) {
  SentenceModel m;
  // At most six of a group's sixteen lanes in use on average, so that
  // hardly any group fills and sends its keys on to the next.
  size_t groups = 4;
  while (groups * 6 < weights.size()) groups *= 2;
  m.groups_.assign(groups, Group{});
  m.group_mask_ = groups - 1;
  for (const auto& [k, v] : weights) {
    // Parse() refuses larger weights; a model being trained is clamped.
    const long units = std::lround(static_cast<double>(v) * kUnitsPerWeight);
    m.Insert(k, static_cast<int32_t>(std::clamp(units, -32767L, 32767L)));
  }
  m.Precompute();
  return m;
}

void SentenceModel::Insert(uint64_t key, int32_t value) {
  const uint16_t fp = Fingerprint(key);
  for (size_t b = key & group_mask_;; b = (b + 1) & group_mask_) {
    Group& group = groups_[b];
    for (int k = 0; k < kLanes; ++k) {
      if (group.fp[k] == fp) {
        group.units[k] = static_cast<int16_t>(value);
        return;
      }
      if (group.fp[k] == 0) {
        // Lanes fill in order: a full group is one whose last lane is set.
        group.fp[k] = fp;
        group.units[k] = static_cast<int16_t>(value);
        ++size_;
        return;
      }
    }
  }
}

float SentenceModel::Score(const uint64_t* features, size_t n) const {
  if (size_ == 0) return 0;
  // Touch every slot first so that the cache misses overlap.
  for (size_t i = 0; i < n; ++i) {
    __builtin_prefetch(&groups_[features[i] & group_mask_]);
  }
  int32_t s = 0;
  for (size_t i = 0; i < n; ++i) s += Units(features[i]);
  return static_cast<float>(s) / kUnitsPerWeight;
}

uint64_t WordKey(std::string_view lower) { return HashBytes(lower, 0) | 1; }

namespace {
uint64_t WordHash(const ParagraphView& p, uint32_t i);
}  // namespace

bool IsCandidate(const ParagraphView& p, uint32_t i) {
  const Token& t = p.tokens[i];
  if (PlainGap(p.text, t, p.tokens[i + 1])) return false;
  Char last = LastChar(p.text, t);
  if (IsTerminalCls(last.cls)) {
    // A title ("Dr.") or an initial ("J.") before a capitalised word
    // belongs to the name that follows.
    const Abbreviation* ab = nullptr;
    if (IsAbbreviationToken(p, t, &ab) &&
        FirstCls(p.text, p.tokens[i + 1]) == Cls::kUpper) {
      if (ab != nullptr && ab->kind == AbbrevKind::kTitle) return false;
      // "said Del. Ada Ross": a state that is also a title is the title
      // unless a comma puts it after a city ("Dover, Del. The").
      if (ab != nullptr && ab->also_title &&
          (i == 0 || !(p.tokens[i - 1].span.size() == 1 &&
                       p.text[p.tokens[i - 1].span.begin] == ',')))
        return false;
      if (ab == nullptr && t.span.size() == 2 &&
          FirstCls(p.text, t) == Cls::kUpper)
        return false;
    }
    return true;
  }
  Cls first = FirstCls(p.text, t);
  switch (first) {
    case Cls::kClose:
    case Cls::kQuote:
    case Cls::kApos:
    case Cls::kColon:
    case Cls::kSemicolon:
    case Cls::kHyphen:
    case Cls::kDash:
    case Cls::kSymbol:
      return true;
    default:
      break;
  }
  const Token& t1 = p.tokens[i + 1];
  Cls next = FirstCls(p.text, t1);
  if (next == Cls::kUpper) {
    if (!IsLetterCls(first)) return true;
    for (uint32_t k = t.span.end; k < t1.span.begin; ++k) {
      if (p.text[k] == '\n') return true;
    }
    // A word ending in a lower-case letter before a capitalised one on the
    // same line does not end a sentence. In news the model's few boundaries
    // there were all wrong ("Kim Jong | Un", "told The Daily Beast |
    // Wednesday"); on the UD dev splits, web and forum text without final
    // punctuation, leaving them out costs 0.2 points of sentence F1 (EWT
    // 89.06 to 88.83, GUM 96.37 to 96.20), and it spares the model three
    // of every five gaps it scored in news.
    if (last.cls == Cls::kLower) return false;
    return !p.resources->non_final_words.Contains(WordHash(p, i));
  }
  return next == Cls::kQuote || next == Cls::kOpen || next == Cls::kSymbol;
}

namespace {

inline uint64_t Mix(uint64_t h) { return Avalanche(h); }
// A feature of one value / of two or three values, under a template.
inline uint64_t F1(Template t, uint64_t a) { return Mix(a + t * kGolden) | 1; }
inline uint64_t F2(Template t, uint64_t a, uint64_t b) {
  return Mix(Mix(a + t * kGolden) ^ b) | 1;
}
inline uint64_t F3(Template t, uint64_t a, uint64_t b, uint64_t c) {
  return Mix(Mix(Mix(a + t * kGolden) ^ b) ^ c) | 1;
}

// ShapeChar() and the lower-case form of every ASCII byte. kAsciiCls is
// constant-initialised, so it is ready when these tables are built.
struct AsciiTables {
  char shape[128];
  unsigned char lower[128];
};
const AsciiTables kAscii = [] {
  AsciiTables t{};
  for (uint32_t b = 0; b < 128; ++b) {
    t.shape[b] = ShapeChar(Char{0, 1, kAsciiCls[b], static_cast<char32_t>(b)});
    t.lower[b] = static_cast<unsigned char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
  }
  return t;
}();

// A token's word key, WordKey(LowerForm(token)), and shape key,
// HashBytes(shape, 1) | 1, in one pass over its bytes.
void ComputeKeys(std::string_view text, const Token& t, uint64_t* word,
                 uint64_t* shape) {
  uint64_t hw = kFnvBasis;
  uint64_t hs = kFnvBasis ^ kGolden;
  // -1: no shape character yet (every shape character is 0..127).
  int prev = -1;
  int n = 0;
  const char* const p = text.data();
  uint32_t k = t.span.begin;
  const uint32_t end = t.span.end;
  // ASCII, nearly every token: a table lookup for each hash, and the shape
  // only until it has its six characters.
  for (; k < end; ++k) {
    const unsigned char b = static_cast<unsigned char>(p[k]);
    if (b >= 0x80) break;
    hw = (hw ^ kAscii.lower[b]) * kFnvPrime;
    const int s = kAscii.shape[b];
    if (s != prev && n < 6) {
      hs = (hs ^ static_cast<unsigned char>(s)) * kFnvPrime;
      prev = s;
      ++n;
    }
  }
  while (k < end) {
    const unsigned char b = static_cast<unsigned char>(p[k]);
    int s;
    if (b < 0x80) {
      hw = (hw ^ kAscii.lower[b]) * kFnvPrime;
      s = kAscii.shape[b];
      ++k;
    } else {
      const Char c = CharAt(text, k);
      for (const uint32_t e = k + c.len; k < e; ++k) {
        hw = (hw ^ static_cast<unsigned char>(p[k])) * kFnvPrime;
      }
      s = ShapeChar(c);
    }
    if (s != prev && n < 6) {
      hs = (hs ^ static_cast<unsigned char>(s)) * kFnvPrime;
      prev = s;
      ++n;
    }
  }
  constexpr uint64_t kLong = HashBytes("<long>", 0) | 1;
  *word = t.span.size() > kMaxWord ? kLong : Avalanche(hw) | 1;
  *shape = Avalanche(hs) | 1;
}

uint64_t WordHash(const ParagraphView& p, uint32_t i) {
  uint64_t& h = p.cache->word[i];
  if (h == 0) ComputeKeys(p.text, p.tokens[i], &h, &p.cache->shape[i]);
  return h;
}

uint64_t ShapeHash(const ParagraphView& p, uint32_t i) {
  uint64_t& h = p.cache->shape[i];
  if (h == 0) ComputeKeys(p.text, p.tokens[i], &p.cache->word[i], &h);
  return h;
}

// Stand-ins for the words and shapes before a paragraph and after its end.
constexpr uint64_t kStart = HashBytes("<s>", 2) | 1;
constexpr uint64_t kEnd = HashBytes("</p>", 2) | 1;

// 0: the tokens touch, 1: spaces, 2: one line break, 3: more.
uint32_t GapKind(std::string_view text, const Token& t0, const Token& t1) {
  if (t1.span.begin == t0.span.end) return 0;
  int newlines = 0;
  for (uint32_t k = t0.span.end; k < t1.span.begin; ++k) {
    newlines += text[k] == '\n';
  }
  return newlines == 0 ? 1 : newlines == 1 ? 2 : 3;
}

// The value of the kAbbrev template for the token that ends at the gap.
uint32_t AbbrevValue(const ParagraphView& p, const Token& t0) {
  if (p.text[t0.span.end - 1] != '.') return 0;
  const Abbreviation* ab = nullptr;
  if (!IsAbbreviationToken(p, t0, &ab)) return 0;
  if (ab != nullptr) return 2 + static_cast<uint32_t>(ab->kind);
  return t0.span.size() == 2 ? 10 : 1;
}

}  // namespace

size_t Features(const ParagraphView& p, uint32_t i, uint64_t* out) {
  size_t n = 0;
  const std::string_view text = p.text;
  const Token& t0 = p.tokens[i];
  const Token& t1 = p.tokens[i + 1];
  uint64_t w0 = WordHash(p, i), w1 = WordHash(p, i + 1);
  uint64_t wm1 = i > 0 ? WordHash(p, i - 1) : kStart;
  uint64_t w2 = i + 2 < p.count ? WordHash(p, i + 2) : kEnd;
  uint64_t s0 = ShapeHash(p, i), s1 = ShapeHash(p, i + 1);
  uint64_t sm1 = i > 0 ? ShapeHash(p, i - 1) : kStart;
  uint64_t s2 = i + 2 < p.count ? ShapeHash(p, i + 2) : kEnd;

  out[n++] = F1(kBias, 0);
  out[n++] = F1(kWord0, w0);
  out[n++] = F1(kWordM1, wm1);
  out[n++] = F2(kWord0Word1, w0, w1);
  out[n++] = F2(kWordM1Word0, wm1, w0);
  out[n++] = F1(kShape1, s1);
  out[n++] = F1(kShape2, s2);
  out[n++] = F2(kShape0Shape1, s0, s1);
  out[n++] = F3(kShapeM1Shape0Shape1, sm1, s0, s1);

  const uint64_t gap = GapKind(text, t0, t1);
  out[n++] = F1(kGap, gap);

  // The abbreviation status of the word that ends here.
  out[n++] = F1(kAbbrev, AbbrevValue(p, t0));

  if (i > 0 && t0.span.size() == 1 && EndsFinal(text, t0)) {
    out[n++] = F1(kLengthBefore, Bucket(p.tokens[i - 1].span.size()));
  }

  uint32_t since = 0;
  for (uint32_t k = i; k-- > 0 && since < 40;) {
    if (EndsFinal(text, p.tokens[k])) break;
    ++since;
  }
  out[n++] = F1(kSinceFinal, Bucket(since));
  out[n++] = F1(kToEnd, Bucket(p.count - i - 1));
  out[n++] = F2(kWord1Shape0, w1, s0);
  out[n++] = F1(kWord2, w2);
  uint64_t lf =
      static_cast<unsigned char>(ShapeChar(LastChar(text, t0))) << 8 |
      static_cast<unsigned char>(ShapeChar(CharAt(text, t1.span.begin)));
  out[n++] = F1(kLast0First1, lf);
  return n;
}

namespace {

// 0 for a token that is no quotation mark, else '"' for one that can open
// or close ('"', "''"), '(' for one that only opens ("“", "``") and ')'
// for one that only closes ("”").
char QuoteKind(std::string_view text, const Token& t) {
  const std::string_view s = t.span.Slice(text);
  if (s == "\"" || s == "''") return '"';
  if (s == "\xE2\x80\x9C" || s == "``") return '(';
  if (s == "\xE2\x80\x9D") return ')';
  return 0;
}

// Whether token i closes a quotation of a few words that opened after a
// word of the same sentence and ends without final punctuation, and the
// next token, on the same line, is capitalised: 'blasted Clinton as a
// "disgrace" Wednesday', 'called it ''total political crap'' Tuesday'.
// The quoted words are part of the sentence around them, which goes on.
bool ClosesQuotedWords(const ParagraphView& p, uint32_t i) {
  const Token& t0 = p.tokens[i];
  const Token& t1 = p.tokens[i + 1];
  const char close = QuoteKind(p.text, t0);
  if (close == 0 || close == '(' || i < 3) return false;
  if (FirstCls(p.text, t1) != Cls::kUpper) return false;
  for (uint32_t k = t0.span.end; k < t1.span.begin; ++k) {
    if (p.text[k] != ' ') return false;
  }
  const Cls last = LastChar(p.text, p.tokens[i - 1]).cls;
  if (!IsLetterCls(last) && last != Cls::kDigit) return false;
  // The opening mark: at most eight words back, with no other mark or
  // final punctuation between.
  constexpr uint32_t kMaxQuoted = 8;
  for (uint32_t k = i - 1; k-- > 0 && i - k <= kMaxQuoted + 1;) {
    const Token& t = p.tokens[k];
    if (EndsFinal(p.text, t)) return false;
    const char kind = QuoteKind(p.text, t);
    if (kind == 0) continue;
    if (kind == ')' || k == 0) return false;
    const Cls before = LastChar(p.text, p.tokens[k - 1]).cls;
    return IsLetterCls(before) || before == Cls::kDigit ||
           before == Cls::kComma;
  }
  return false;
}

}  // namespace

int CertainGap(const ParagraphView& p, uint32_t i) {
  const Token& t0 = p.tokens[i];
  const Token& t1 = p.tokens[i + 1];
  if (t0.span.end == t1.span.begin) {
    // "Reporter.Christian": the tokenizer split a period between a word
    // ending in lower case and a capitalised word only where two sentences
    // ran together.
    if (i > 0 && t0.span.size() == 1 && p.text[t0.span.begin] == '.' &&
        p.tokens[i - 1].span.end == t0.span.begin &&
        p.tokens[i - 1].span.size() >= 2 && t1.span.size() >= 2) {
      const char last = p.text[t0.span.begin - 1];
      const char c0 = p.text[t1.span.begin], c1 = p.text[t1.span.begin + 1];
      if (last >= 'a' && last <= 'z' && c0 >= 'A' && c0 <= 'Z' && c1 >= 'a' &&
          c1 <= 'z')
        return 1;
    }
    return 0;
  }
  // "ANSELM: It will stay open": a transcript's speaker label, a word in
  // capitals opening its paragraph (after an opening quote), is not a
  // sentence of its own.
  if (t0.span.size() == 1 && p.text[t0.span.begin] == ':' && i >= 1 && i <= 2 &&
      (i == 1 || FirstCls(p.text, p.tokens[0]) == Cls::kQuote)) {
    const Token& label = p.tokens[i - 1];
    bool caps = label.span.size() >= 2;
    for (uint32_t k = label.span.begin; k < label.span.end && caps; ++k)
      caps = p.text[k] >= 'A' && p.text[k] <= 'Z';
    if (caps) return 0;
  }
  // "Vladimir V. Putin met ...": a middle initial between a capitalised
  // word and a name goes on; a word that often opens a sentence after it
  // ("Plan B. Then ...") may still end one.
  if (i > 0 && t0.span.size() == 2 && p.text[t0.span.begin] >= 'A' &&
      p.text[t0.span.begin] <= 'Z' && p.text[t0.span.begin + 1] == '.') {
    const Token& before = p.tokens[i - 1];
    char buf[kMaxWord];
    if (before.span.size() >= 2 && before.span.end + 1 == t0.span.begin &&
        FirstCls(p.text, before) == Cls::kUpper &&
        FirstCls(p.text, t1) == Cls::kUpper &&
        p.resources->sentence_starters.find(LowerForm(p.text, t1, buf)) ==
            p.resources->sentence_starters.end())
      return 0;
  }
  if (ClosesQuotedWords(p, i)) return 0;
  if (i == 0 || t0.span.size() != 1 || p.text[t0.span.begin] != '.') {
    return -1;
  }
  const Token& before = p.tokens[i - 1];
  const char last = p.text[before.span.end - 1];
  const char next = p.text[t1.span.begin];
  if (before.span.end != t0.span.begin || last < 'a' || last > 'z' ||
      next < 'A' || next > 'Z') {
    return -1;
  }
  for (uint32_t k = t0.span.end; k < t1.span.begin; ++k) {
    if (p.text[k] != ' ') return -1;
  }
  return 1;
}

bool AbbreviationEndsSentence(const ParagraphView& p, uint32_t i) {
  const Token& t = p.tokens[i];
  if (p.text[t.span.end - 1] != '.') return false;
  const Token& next = p.tokens[i + 1];
  if (t.span.size() < 3 || FirstCls(p.text, next) != Cls::kUpper) return false;
  const Abbreviation* ab = nullptr;
  if (!IsAbbreviationToken(p, t, &ab)) return false;
  if (ab != nullptr && ab->kind != AbbrevKind::kOther) return false;
  char buf[kMaxWord];
  std::string_view w = LowerForm(p.text, next, buf);
  return p.resources->sentence_starters.find(w) !=
         p.resources->sentence_starters.end();
}

bool RuleBoundary(const ParagraphView& p, uint32_t i) {
  const Token& t = p.tokens[i];
  Char last = LastChar(p.text, t);
  Cls first = FirstCls(p.text, t);
  bool final_punct = IsTerminalCls(last.cls);
  if (!final_punct &&
      (first == Cls::kClose || first == Cls::kQuote || first == Cls::kApos) &&
      i > 0) {
    final_punct = IsTerminalCls(LastChar(p.text, p.tokens[i - 1]).cls);
  }
  if (!final_punct) return false;
  if (final_punct && t.span.size() > 1 && last.cls == Cls::kPeriod &&
      IsLetterCls(FirstCls(p.text, t))) {
    return false;  // an abbreviation kept its period
  }
  const Token& t1 = p.tokens[i + 1];
  Cls next = FirstCls(p.text, t1);
  if (next == Cls::kClose) return false;
  if (t1.span.begin == t.span.end &&
      (next == Cls::kQuote || next == Cls::kApos))
    return false;  // the sentence ends after the closing quote
  return next == Cls::kUpper || next == Cls::kDigit || next == Cls::kQuote ||
         next == Cls::kOpen || next == Cls::kLetter || next == Cls::kSymbol;
}

void SentenceModel::Precompute() {
  bias_ = Units(F1(kBias, 0));
  for (uint32_t v = 0; v < 4; ++v) gap_[v] = Units(F1(kGap, v));
  for (uint32_t v = 0; v < 11; ++v) abbrev_[v] = Units(F1(kAbbrev, v));
  for (uint32_t v = 0; v < 8; ++v) {
    length_before_[v] = Units(F1(kLengthBefore, v));
    since_final_[v] = Units(F1(kSinceFinal, v));
    to_end_[v] = Units(F1(kToEnd, v));
  }
  // Shape characters are ASCII.
  last_first_.assign(128 * 128, 0);
  for (uint32_t a = 0; a < 128; ++a) {
    for (uint32_t b = 0; b < 128; ++b) {
      last_first_[a << 7 | b] =
          static_cast<int16_t>(Units(F1(kLast0First1, a << 8 | b)));
    }
  }
}

float SentenceModel::ScoreGap(const ParagraphView& p, uint32_t i) const {
  if (size_ == 0) return 0;
  const std::string_view text = p.text;
  const Token& t0 = p.tokens[i];
  const Token& t1 = p.tokens[i + 1];
  const uint64_t w0 = WordHash(p, i), w1 = WordHash(p, i + 1);
  const uint64_t wm1 = i > 0 ? WordHash(p, i - 1) : kStart;
  const uint64_t w2 = i + 2 < p.count ? WordHash(p, i + 2) : kEnd;
  const uint64_t s0 = ShapeHash(p, i), s1 = ShapeHash(p, i + 1);
  const uint64_t sm1 = i > 0 ? ShapeHash(p, i - 1) : kStart;
  const uint64_t s2 = i + 2 < p.count ? ShapeHash(p, i + 2) : kEnd;
  const uint32_t gap = GapKind(text, t0, t1);
  // The features of many values, in the order of Features().
  const uint64_t keys[] = {
      F1(kWord0, w0),
      F1(kWordM1, wm1),
      F2(kWord0Word1, w0, w1),
      F2(kWordM1Word0, wm1, w0),
      F1(kShape1, s1),
      F1(kShape2, s2),
      F2(kShape0Shape1, s0, s1),
      F3(kShapeM1Shape0Shape1, sm1, s0, s1),
      F2(kWord1Shape0, w1, s0),
      F1(kWord2, w2),
  };
  for (uint64_t k : keys) __builtin_prefetch(&groups_[k & group_mask_]);

  // The features of few values, while the slots load.
  int32_t sum = bias_ + gap_[gap] + abbrev_[AbbrevValue(p, t0)];
  if (i > 0 && t0.span.size() == 1 && EndsFinal(text, t0)) {
    sum += length_before_[Bucket(p.tokens[i - 1].span.size())];
  }
  FeatureCache& cache = *p.cache;
  if (cache.scanned > i) {  // not called in order: start again
    cache.scanned = 0;
    cache.last_final = -1;
  }
  for (; cache.scanned < i; ++cache.scanned) {
    if (EndsFinal(text, p.tokens[cache.scanned])) {
      cache.last_final = cache.scanned;
    }
  }
  const int64_t since =
      std::min<int64_t>(40, static_cast<int64_t>(i) - 1 - cache.last_final);
  sum += since_final_[Bucket(static_cast<uint32_t>(since))];
  sum += to_end_[Bucket(p.count - i - 1)];
  const unsigned char last_byte =
      static_cast<unsigned char>(text[t0.span.end - 1]);
  const uint32_t last = static_cast<unsigned char>(
      last_byte < 0x80 ? kAscii.shape[last_byte]
                       : ShapeChar(LastChar(text, t0)));
  const uint32_t first =
      static_cast<unsigned char>(ShapeChar(CharAt(text, t1.span.begin)));
  sum += last_first_[last << 7 | first];

  for (uint64_t k : keys) sum += Units(k);
  return static_cast<float>(sum) / kUnitsPerWeight;
}

}  // namespace hearsay::text_internal
