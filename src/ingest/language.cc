#include "ingest/language.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/utf8.h"
#include "ingest/util.h"

namespace hearsay::embedded {
extern const std::string_view kEnglishWords;
}  // namespace hearsay::embedded

namespace hearsay::ingest {
namespace {

// Every listed word has at most eight letters, so a word is its lower-case
// bytes packed into one integer, and the list a sorted vector of them.
constexpr size_t kMaxPacked = 8;

uint64_t Pack(std::string_view lower) {
  uint64_t key = 0;
  std::memcpy(&key, lower.data(), std::min(lower.size(), kMaxPacked));
  return key;
}

const std::vector<uint64_t>& EnglishWords() {
  static const std::vector<uint64_t> words = [] {
    std::vector<uint64_t> out;
    std::string_view rest = embedded::kEnglishWords;
    while (!rest.empty()) {
      size_t nl = rest.find('\n');
      std::string_view line = Trim(rest.substr(0, nl));
      rest = nl == std::string_view::npos ? "" : rest.substr(nl + 1);
      if (line.empty() || line[0] == '#' || line.size() > kMaxPacked) continue;
      out.push_back(Pack(line));
    }
    std::sort(out.begin(), out.end());
    return out;
  }();
  return words;
}

}  // namespace

bool LooksEnglish(std::string_view text) {
  const std::vector<uint64_t>& listed = EnglishWords();
  text = text.substr(0, std::min(text.size(), kEnglishSampleBytes));
  size_t words = 0, hits = 0;
  size_t i = 0;
  while (i < text.size()) {
    // A word is a run of letters; a byte of a multi-byte character counts
    // as a letter, so that "Zölle" is one word and matches nothing.
    const auto letter = [](unsigned char c) {
      return c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    };
    if (!letter(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    char lower[kMaxPacked];
    size_t n = 0;
    bool ascii = true;
    for (; i < text.size() && letter(static_cast<unsigned char>(text[i]));
         ++i) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      ascii &= c < 0x80;
      if (n < kMaxPacked) lower[n] = static_cast<char>(c | 0x20);
      ++n;
    }
    ++words;
    if (ascii && n <= kMaxPacked &&
        std::binary_search(listed.begin(), listed.end(),
                           Pack(std::string_view(lower, n)))) {
      ++hits;
    }
  }
  return words >= 30 && hits * 4 >= words;
}

std::string DetectLanguage(std::string_view text, size_t max_bytes) {
  if (LooksEnglish(text)) return "en";
  return Cld2Language(text, max_bytes);
}

std::string Cld2Language(std::string_view text, size_t max_bytes) {
  if (text.size() > max_bytes) {
    size_t cut = max_bytes;
    while (cut > 0 && !utf8::IsBoundary(text, cut)) --cut;
    text = text.substr(0, cut);
  }
  if (text.empty()) return "";
  bool reliable = false;
  int valid_prefix = 0;
  CLD2::Language lang = CLD2::DetectLanguageCheckUTF8(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true,
      &reliable, &valid_prefix);
  if (lang == CLD2::UNKNOWN_LANGUAGE) return "";
  const char* code = CLD2::LanguageCode(lang);
  if (code == nullptr) return "";
  return NormalizeLanguage(code);
}

}  // namespace hearsay::ingest
