#include "text/sentence_model.h"

#include <charconv>
#include <cstdio>

#include "core/hash.h"
#include "text/chars.h"
#include "text/resources.h"

namespace hearsay::text_internal {
namespace {

// Feature templates. The numbers are part of the model file's meaning:
// change one and the model must be retrained.
enum Template : uint64_t {
  kBias = 1,
  kWord0,
  kWord1,
  kWordM1,
  kWord0Word1,
  kWordM1Word0,
  kShapeM1,
  kShape0,
  kShape1,
  kShape2,
  kShape0Shape1,
  kShapeM1Shape0Shape1,
  kGap,
  kAbbrev,
  kLengthBefore,
  kSinceFinal,
  kToEnd,
  kShape1Gap,
  kWord1Shape0,
  kWord2,
  kLast0First1,
  kWordM1Shape1,
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
  uint32_t k = t.span.end - 1;
  while (k > t.span.begin && !utf8::IsBoundary(text, k)) --k;
  return CharAt(text, k);
}

char ShapeChar(const Char& c) {
  switch (c.cls) {
    case Cls::kUpper: return 'X';
    case Cls::kLower: return 'x';
    case Cls::kLetter: case Cls::kMark: return 'l';
    case Cls::kDigit: return 'd';
    case Cls::kApos: return '\'';
    case Cls::kQuote: return '"';
    case Cls::kHyphen: case Cls::kDash: return '-';
    case Cls::kEllipsis: return '.';
    case Cls::kOpen: return '(';
    case Cls::kClose: return ')';
    default:
      if (c.cp < 0x80) return static_cast<char>(c.cp);
      return 'o';
  }
}

// "Xx" for "Hello", "X.X." for "U.S.", "d.d" for "3.5".
std::string_view Shape(std::string_view text, const Token& t, char* buf) {
  size_t n = 0;
  for (uint32_t i = t.span.begin; i < t.span.end && n < 6;) {
    Char c = CharAt(text, i);
    char s = ShapeChar(c);
    if (n == 0 || buf[n - 1] != s) buf[n++] = s;
    i += c.len;
  }
  return std::string_view(buf, n);
}

uint64_t F(Template t, std::string_view a) { return Hash64(a, t) | 1; }
uint64_t F(Template t, std::string_view a, std::string_view b) {
  return Hash64(b, Hash64(a, t)) | 1;
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
  size_t pos = 0;
  int line_no = 0;
  while (pos < tsv.size()) {
    size_t nl = tsv.find('\n', pos);
    if (nl == std::string_view::npos) nl = tsv.size();
    std::string_view line = tsv.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    uint64_t key = 0;
    if (tab != 16 ||
        std::from_chars(line.data(), line.data() + 16, key, 16).ptr !=
            line.data() + 16 ||
        key == 0) {
      return DataLossError("sentence model: line " + std::to_string(line_no) +
                           ": expected 16 hex digits and a tab");
    }
    std::string number(line.substr(tab + 1));
    char* end = nullptr;
    float w = std::strtof(number.c_str(), &end);
    if (end == number.c_str()) {
      return DataLossError("sentence model: line " + std::to_string(line_no) +
                           ": bad weight");
    }
    weights.emplace_back(key, w);
  }
  return FromWeights(weights);
}

SentenceModel SentenceModel::FromWeights(
    const std::vector<std::pair<uint64_t, float>>& weights) {
  SentenceModel m;
  size_t cap = 16;
  while (cap < weights.size() * 2) cap *= 2;
  m.keys_.assign(cap, 0);
  m.values_.assign(cap, 0.0f);
  for (const auto& [k, v] : weights) m.Insert(k, v);
  return m;
}

void SentenceModel::Insert(uint64_t key, float value) {
  size_t mask = keys_.size() - 1;
  size_t i = (key ^ (key >> 29)) & mask;
  while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask;
  if (keys_[i] == 0) ++size_;
  keys_[i] = key;
  values_[i] = value;
}

float SentenceModel::Weight(uint64_t key) const {
  if (size_ == 0) return 0;
  size_t mask = keys_.size() - 1;
  size_t i = (key ^ (key >> 29)) & mask;
  while (keys_[i] != 0) {
    if (keys_[i] == key) return values_[i];
    i = (i + 1) & mask;
  }
  return 0;
}

bool IsCandidate(const ParagraphView& p, uint32_t i) {
  const Token& t = p.tokens[i];
  Char last = LastChar(p.text, t);
  if (IsTerminalCls(last.cls)) {
    // A title ("Dr.") or an initial ("J.") before a capitalised word
    // belongs to the name that follows.
    const Abbreviation* ab = nullptr;
    if (IsAbbreviationToken(p, t, &ab) &&
        FirstCls(p.text, p.tokens[i + 1]) == Cls::kUpper) {
      if (ab != nullptr && ab->kind == AbbrevKind::kTitle) return false;
      if (ab == nullptr && t.span.size() == 2 &&
          FirstCls(p.text, t) == Cls::kUpper)
        return false;
    }
    return true;
  }
  Cls first = FirstCls(p.text, t);
  switch (first) {
    case Cls::kClose: case Cls::kQuote: case Cls::kApos: case Cls::kColon:
    case Cls::kSemicolon: case Cls::kHyphen: case Cls::kDash:
    case Cls::kSymbol:
      return true;
    default:
      break;
  }
  Cls next = FirstCls(p.text, p.tokens[i + 1]);
  return next == Cls::kUpper || next == Cls::kQuote || next == Cls::kOpen ||
         next == Cls::kSymbol;
}

size_t Features(const ParagraphView& p, uint32_t i, uint64_t* out) {
  size_t n = 0;
  const std::string_view text = p.text;
  const Token& t0 = p.tokens[i];
  const Token& t1 = p.tokens[i + 1];
  char b0[kMaxWord], b1[kMaxWord], bm1[kMaxWord], b2[kMaxWord];
  char s0b[8], s1b[8], sm1b[8], s2b[8];
  std::string_view w0 = LowerForm(text, t0, b0);
  std::string_view w1 = LowerForm(text, t1, b1);
  std::string_view wm1 = i > 0 ? LowerForm(text, p.tokens[i - 1], bm1) : "<s>";
  std::string_view w2 =
      i + 2 < p.count ? LowerForm(text, p.tokens[i + 2], b2) : "</p>";
  std::string_view s0 = Shape(text, t0, s0b);
  std::string_view s1 = Shape(text, t1, s1b);
  std::string_view sm1 = i > 0 ? Shape(text, p.tokens[i - 1], sm1b) : "<s>";
  std::string_view s2 = i + 2 < p.count ? Shape(text, p.tokens[i + 2], s2b) : "</p>";

  out[n++] = F(kBias, "");
  out[n++] = F(kWord0, w0);
  out[n++] = F(kWord1, w1);
  out[n++] = F(kWordM1, wm1);
  out[n++] = F(kWord0Word1, w0, w1);
  out[n++] = F(kWordM1Word0, wm1, w0);
  out[n++] = F(kShapeM1, sm1);
  out[n++] = F(kShape0, s0);
  out[n++] = F(kShape1, s1);
  out[n++] = F(kShape2, s2);
  out[n++] = F(kShape0Shape1, s0, s1);
  char joined[24];
  size_t jl = 0;
  for (std::string_view part : {sm1, std::string_view("|"), s0,
                                std::string_view("|"), s1}) {
    for (char c : part) {
      if (jl < sizeof joined) joined[jl++] = c;
    }
  }
  out[n++] = F(kShapeM1Shape0Shape1, std::string_view(joined, jl));

  std::string_view gap = text.substr(t0.span.end, t1.span.begin - t0.span.end);
  int newlines = 0;
  for (char c : gap) newlines += c == '\n';
  std::string_view gap_kind = gap.empty()        ? "none"
                              : newlines == 0     ? "space"
                              : newlines == 1     ? "nl"
                                                  : "nls";
  out[n++] = F(kGap, gap_kind);
  out[n++] = F(kShape1Gap, s1, gap_kind);

  // The abbreviation status of the word that ends here (the token itself,
  // or the word before a lone period).
  const Abbreviation* ab = nullptr;
  bool dotted = IsAbbreviationToken(p, t0, &ab);
  std::string_view abbrev = "none";
  if (dotted) {
    abbrev = "dotted";
    if (ab != nullptr) {
      switch (ab->kind) {
        case AbbrevKind::kTitle: abbrev = "title"; break;
        case AbbrevKind::kMonth: abbrev = "month"; break;
        case AbbrevKind::kNumber: abbrev = "number"; break;
        case AbbrevKind::kOther: abbrev = "other"; break;
      }
    } else if (t0.span.size() == 2) {
      abbrev = "initial";
    }
  }
  out[n++] = F(kAbbrev, abbrev);

  if (i > 0 && w0.size() == 1 && IsTerminalCls(FirstCls(text, t0))) {
    char len[2] = {static_cast<char>('0' + Bucket(p.tokens[i - 1].span.size())), 0};
    out[n++] = F(kLengthBefore, std::string_view(len, 1));
  }

  uint32_t since = 0;
  for (uint32_t k = i; k-- > 0 && since < 40;) {
    if (IsTerminalCls(LastChar(text, p.tokens[k]).cls)) break;
    ++since;
  }
  char since_b[2] = {static_cast<char>('0' + Bucket(since)), 0};
  out[n++] = F(kSinceFinal, std::string_view(since_b, 1));
  char end_b[2] = {static_cast<char>('0' + Bucket(p.count - i - 1)), 0};
  out[n++] = F(kToEnd, std::string_view(end_b, 1));
  out[n++] = F(kWord1Shape0, w1, s0);
  out[n++] = F(kWord2, w2);
  char lf[2] = {ShapeChar(LastChar(text, t0)), ShapeChar(CharAt(text, t1.span.begin))};
  out[n++] = F(kLast0First1, std::string_view(lf, 2));
  out[n++] = F(kWordM1Shape1, wm1, s1);
  return n;
}

bool AbbreviationEndsSentence(const ParagraphView& p, uint32_t i) {
  const Token& t = p.tokens[i];
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
  if (!final_punct && (first == Cls::kClose || first == Cls::kQuote ||
                       first == Cls::kApos) && i > 0) {
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
  if (t1.span.begin == t.span.end && (next == Cls::kQuote || next == Cls::kApos))
    return false;  // the sentence ends after the closing quote
  return next == Cls::kUpper || next == Cls::kDigit || next == Cls::kQuote ||
         next == Cls::kOpen || next == Cls::kLetter || next == Cls::kSymbol;
}

}  // namespace hearsay::text_internal
