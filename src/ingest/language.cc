#include "ingest/language.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <bit>
#include <cstdint>

#include "core/bytes8.h"
#include "core/utf8.h"
#include "ingest/util.h"

namespace hearsay::embedded {
extern const std::string_view kEnglishWords;
}  // namespace hearsay::embedded

namespace hearsay::ingest {
namespace {

// Every listed word has at most eight letters, so a word is its lower-case
// bytes packed into one integer, and the list a small open-addressing table
// of them: a lookup a word, in a loop that must cost little next to CLD2.
constexpr size_t kMaxPacked = 8;
constexpr size_t kSlots = 512;  // a power of two, well above the list

uint64_t Pack(std::string_view lower) {
  uint64_t key = 0;
  for (size_t n = 0; n < lower.size() && n < kMaxPacked; ++n) {
    key |= static_cast<uint64_t>(static_cast<unsigned char>(lower[n]))
           << (8 * n);
  }
  return key;
}

size_t Slot(uint64_t key) {
  return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 55) &
         (kSlots - 1);
}

struct WordTable {
  uint64_t slots[kSlots] = {};  // 0: empty (no word packs to 0)
  bool Contains(uint64_t key) const {
    for (size_t i = Slot(key);; i = (i + 1) & (kSlots - 1)) {
      if (slots[i] == key) return true;
      if (slots[i] == 0) return false;
    }
  }
};

const WordTable& EnglishWords() {
  static const WordTable table = [] {
    WordTable t;
    std::string_view rest = embedded::kEnglishWords;
    size_t used = 0;
    while (!rest.empty()) {
      size_t nl = rest.find('\n');
      std::string_view line = Trim(rest.substr(0, nl));
      rest = nl == std::string_view::npos ? "" : rest.substr(nl + 1);
      if (line.empty() || line[0] == '#' || line.size() > kMaxPacked) continue;
      if (used + 1 >= kSlots / 2) break;  // keep lookups short
      const uint64_t key = Pack(line);
      size_t i = Slot(key);
      while (t.slots[i] != 0 && t.slots[i] != key) i = (i + 1) & (kSlots - 1);
      used += t.slots[i] == 0;
      t.slots[i] = key;
    }
    return t;
  }();
  return table;
}

}  // namespace

// Per byte: its lower-case form for an ASCII letter, 1 for a byte of a
// multi-byte character (a letter of some other alphabet: "Zölle" is one
// word and matches nothing), 0 for anything else, which ends a word.
struct LetterTable {
  uint8_t lower[256];
};
constexpr LetterTable kLetters = [] {
  LetterTable t{};
  for (int c = 'a'; c <= 'z'; ++c) {
    t.lower[c] = static_cast<uint8_t>(c);
    t.lower[c - 'a' + 'A'] = static_cast<uint8_t>(c);
  }
  for (int c = 0x80; c < 0x100; ++c) t.lower[c] = 1;
  return t;
}();

bool LooksEnglish(std::string_view text) {
  const WordTable& listed = EnglishWords();
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + std::min(text.size(), kEnglishSampleBytes);
  size_t words = 0, hits = 0;
  while (p < end) {
    if (kLetters.lower[*p] == 0) {
      ++p;
      continue;
    }
    // The word's lower-case bytes packed as Pack() packs them; a byte of
    // another alphabet makes the key one no listed word has.
    uint64_t key = 0;
    unsigned shift = 0;
    bool other = false;
    bool packed = false;
    if (std::endian::native == std::endian::little && end - p >= 8) {
      // Eight bytes at once: most words end inside them. (The mask below
      // keeps the word's bytes as the low bytes, which is little-endian.)
      const uint64_t x = bytes8::Load(p);
      const uint64_t in_word = bytes8::AsciiLetters(x) | bytes8::NonAscii(x);
      if (in_word != bytes8::kHigh) {
        const unsigned bytes = bytes8::FirstByte(~in_word & bytes8::kHigh);
        const uint64_t keep = (uint64_t{1} << (8 * bytes)) - 1;
        other = bytes8::NonAscii(x & keep) != 0;
        key = bytes8::LowerAscii(x) & keep;
        shift = 8 * bytes;
        p += bytes;
        packed = true;
      }
    }
    for (uint8_t l; !packed && p < end && (l = kLetters.lower[*p]) != 0; ++p) {
      other |= l == 1;
      if (shift < 8 * kMaxPacked) key |= static_cast<uint64_t>(l) << shift;
      shift += 8;
    }
    ++words;
    hits += !other && shift <= 8 * kMaxPacked && listed.Contains(key);
    // Most texts are clear early: half of the first 30 words listed, or a
    // third of the first 60, is English; an eighth of 60 is not. The rest
    // read the whole sample.
    if (words == 30 && hits * 2 >= words) return true;
    if (words >= 60) {
      if (hits * 3 >= words) return true;
      if (hits * 8 < words) return false;
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
