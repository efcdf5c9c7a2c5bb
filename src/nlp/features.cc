#include "nlp/features.h"

#include "core/hash.h"

namespace hearsay::nlp {

uint64_t StringHash(std::string_view s) { return Hash64(s, 0x6e6c70); }

void LowerAscii(std::string_view in, std::string& out) {
  out.assign(in);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
}

namespace {

char ShapeClass(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'u';
  return static_cast<char>(c);
}

}  // namespace

void ComputeWordFeatures(const std::vector<std::string_view>& words,
                         std::vector<WordFeatures>& out) {
  out.resize(words.size());
  std::string lower;
  char shape[32];
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i];
    WordFeatures& f = out[i];
    LowerAscii(w, lower);
    f.form = StringHash(w);
    f.lower = StringHash(lower);
    size_t n = 0;
    char last = 0;
    int run = 0;
    uint32_t flags = 0;
    bool all_upper = true, any_alpha = false;
    for (unsigned char c : w) {
      char s = ShapeClass(c);
      if (s == 'd') flags |= kFlagHasDigit;
      if (c == '-') flags |= kFlagHasHyphen;
      if (s == 'x') all_upper = false;
      if (s == 'x' || s == 'X') any_alpha = true;
      if (s == last) {
        if (++run > 2) continue;
      } else {
        run = 1;
        last = s;
      }
      if (n < sizeof(shape)) shape[n++] = s;
    }
    if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') flags |= kFlagUpperInitial;
    if (any_alpha && all_upper) flags |= kFlagAllUpper;
    if (any_alpha) flags |= kFlagAlpha;
    f.flags = flags;
    f.shape = StringHash(std::string_view(shape, n));
    std::string_view lv(lower);
    for (size_t k = 0; k < 3; ++k) {
      f.prefix[k] = lv.size() > k + 1 ? StringHash(lv.substr(0, k + 1)) : kNone;
    }
    for (size_t k = 0; k < 4; ++k) {
      f.suffix[k] = lv.size() > k + 1
                        ? StringHash(lv.substr(lv.size() - (k + 1)))
                        : kNone;
    }
  }
}

}  // namespace hearsay::nlp
